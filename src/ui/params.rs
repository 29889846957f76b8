//! Typed route parameters: each screen reads its address through these, never by parsing
//! strings itself. An id that is not an id reads as `None`, so the screen says "not found".

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use uuid::Uuid;

/// `/plan/goals/:id`, `/plan/goals/:id/edit`, `/journal/:id`.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct IdParams {
    pub id: Option<Uuid>,
}

/// The record id in the address, if the route has one and it is an id.
pub fn id_param() -> Memo<Option<Uuid>> {
    let params = use_params::<IdParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id)))
}

/// Whether the route names a record at all (`/plan/goals/:id/edit`, not `/plan/goals/new`),
/// valid or not.
pub fn has_id_param() -> bool {
    leptos_router::hooks::use_params_map().with_untracked(|p| p.get("id").is_some())
}

/// What a `/…/new` or `/…/:id` address names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordParam {
    New,
    Id(Uuid),
    /// The address has an id that is not one (a mistyped or truncated link).
    NotAnId,
}

/// The record the address names, read once.
pub fn record_param() -> RecordParam {
    if !has_id_param() {
        return RecordParam::New;
    }
    match use_params::<IdParams>().get_untracked() {
        Ok(IdParams { id: Some(id) }) => RecordParam::Id(id),
        _ => RecordParam::NotAnId,
    }
}
