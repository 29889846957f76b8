//! Typed route parameters: each screen reads its address through these, never by parsing
//! strings itself. An id that is not an id reads as `None`, so the screen says "not found".

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use uuid::Uuid;

use crate::core::ids::{GoalId, ReflectionId};

/// `/plan/goals/:id`, `/plan/goals/:id/edit`.
#[derive(Params, Clone, Debug, PartialEq)]
struct GoalParams {
    id: Option<GoalId>,
}

/// `/journal/:id`.
#[derive(Params, Clone, Debug, PartialEq)]
struct ReflectionParams {
    id: Option<ReflectionId>,
}

/// `/plan/sessions/:id/edit`.
#[derive(Params, Clone, Debug, PartialEq)]
struct SessionNoteParams {
    id: Option<Uuid>,
}

/// The goal the address names, if it names one and it is an id.
pub fn goal_param() -> Memo<Option<GoalId>> {
    let params = use_params::<GoalParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id)))
}

/// Whether the route names a record at all (`/plan/goals/:id/edit`, not `/plan/goals/new`),
/// valid or not.
pub fn has_id_param() -> bool {
    leptos_router::hooks::use_params_map().with_untracked(|p| p.get("id").is_some())
}

/// What a `/…/new` or `/…/:id` address names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordParam<Id> {
    New,
    Id(Id),
    /// The address has an id that is not one (a mistyped or truncated link).
    NotAnId,
}

/// What a `/…/new` or `/…/:id` address names, read once through the route's params `P`.
fn record_param<P, Id>(id: impl FnOnce(P) -> Option<Id>) -> RecordParam<Id>
where
    P: Params + Clone + PartialEq + Send + Sync + 'static,
{
    if !has_id_param() {
        return RecordParam::New;
    }
    match use_params::<P>().get_untracked().ok().and_then(id) {
        Some(id) => RecordParam::Id(id),
        None => RecordParam::NotAnId,
    }
}

/// The reflection the journal editor's address names, read once.
pub fn reflection_param() -> RecordParam<ReflectionId> {
    record_param(|p: ReflectionParams| p.id)
}

/// The session note the address names, read once (`/plan/sessions/new` names none).
pub fn session_note_param() -> RecordParam<Uuid> {
    record_param(|p: SessionNoteParams| p.id)
}
