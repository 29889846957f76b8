//! What goes wrong in storage, in words for the person who reads it, and how browser errors
//! become those words. Its own file so that the browser store's parts (indexeddb, schema,
//! device, preferences) depend on it and not on each other.

use uuid::Uuid;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};
#[cfg(target_arch = "wasm32")]
use web_sys::DomException;

/// What went wrong, written for the person who will read it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("This device is out of storage space, so the change was not saved. Everything saved earlier is safe. Free some space (or export and remove old plans) and try again.")]
    QuotaExceeded,
    #[error("This record was changed elsewhere (another tab or an import) since you opened it. Reload to see the newer version before saving again.")]
    Conflict {
        id: Uuid,
        stored_rev: u64,
        base_rev: u64,
    },
    #[error("The saved data was written by a newer version of Waymark (schema {found}, this version knows up to {known}). Reload to get the new version.")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("The browser's storage is not available ({0}). Private browsing or a storage setting may be blocking it.")]
    Unavailable(String),
    #[error("A stored record could not be read: {0}")]
    Corrupt(String),
    #[error("Saving failed: {0}")]
    Failed(String),
    /// Opening needs a schema upgrade, but another tab still holds the old database open
    /// and did not let go.
    #[error("Waymark is open in another tab that is still running an older version. Close the other Waymark tabs, then reload this one.")]
    Blocked,
    /// The connection was closed under us: a newer Waymark in another tab is upgrading the
    /// database, or the browser cleared the site's storage.
    #[error("Waymark was updated or its storage was reset in another tab. Reload this page to keep working.")]
    Closed,
}

/// "Name: message" of a DOM exception or JS error, for messages and logs.
#[cfg(target_arch = "wasm32")]
pub(crate) fn describe_js_error(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<DomException>() {
        format!("{}: {}", e.name(), e.message())
    } else if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", String::from(e.name()), String::from(e.message()))
    } else {
        err.as_string().unwrap_or_else(|| format!("{err:?}"))
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn dom_error(e: &DomException) -> StoreError {
    match e.name().as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        _ => StoreError::Failed(format!("{}: {}", e.name(), e.message())),
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn failed(err: &JsValue) -> StoreError {
    match err.dyn_ref::<DomException>() {
        Some(e) => dom_error(e),
        None => StoreError::Failed(describe_js_error(err)),
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn unavailable(err: &JsValue) -> StoreError {
    StoreError::Unavailable(describe_js_error(err))
}
