//! Small per-device preferences kept in localStorage (never plan data).

use gloo_storage::{LocalStorage, Storage};
use uuid::Uuid;

use crate::core::Author;

const ROLE_KEY: &str = "waymark.role";
const OPEN_PLAN_KEY: &str = "waymark.open-plan";

/// Whether the person on this device is the client or their coach; stamped on every change
/// so a merge knows whose edit it was.
pub fn device_role() -> Author {
    match LocalStorage::get::<String>(ROLE_KEY).as_deref() {
        Ok("coach") => Author::Coach,
        _ => Author::Client,
    }
}

pub fn set_device_role(role: Author) {
    let value = match role {
        Author::Coach => "coach",
        Author::Client => "client",
    };
    remember(ROLE_KEY, value);
}

pub fn open_plan_id() -> Option<Uuid> {
    LocalStorage::get::<String>(OPEN_PLAN_KEY)
        .ok()
        .and_then(|s| Uuid::parse_str(&s).ok())
}

pub fn set_open_plan_id(id: Uuid) {
    remember(OPEN_PLAN_KEY, &id.to_string());
}

fn remember(key: &str, value: &str) {
    // A lost preference costs the user one choice, never data, so failure is only logged.
    if let Err(e) = LocalStorage::set(key, value) {
        leptos::logging::warn!("could not remember {key}: {e}");
    }
}
