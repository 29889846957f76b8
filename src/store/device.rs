//! What the device says about storage: persistence, space, and whether our data survived.
//!
//! - [`request_persistence_once`]: ask the browser once to keep our data even under storage
//!   pressure, remember the answer (localStorage `waymark.persisted`), show it in Settings.
//! - [`is_persisted`]: the browser's current answer, without asking (it can change later,
//!   e.g. Chromium grants it by engagement).
//! - [`storage_estimate`]: `(usage, quota)` in bytes for Settings.
//! - The "has data" marker (localStorage `waymark.has-data`), set by the store after the
//!   first successful write. localStorage and IndexedDB are usually evicted together, but
//!   not always: with the marker set and no plan stored, the workspace tells the person the
//!   browser cleared their plans.

use super::error::unavailable;
use super::StoreError;
use crate::core::backup::StorageSafety;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// localStorage key of the remembered answer of `navigator.storage.persist()`.
pub const PERSISTED_KEY: &str = "waymark.persisted";

/// Asks for persistent storage the first time and remembers the answer; later calls
/// return the remembered answer without asking again.
pub async fn request_persistence_once() -> Result<bool, StoreError> {
    if let Ok(answer) = LocalStorage::get::<bool>(PERSISTED_KEY) {
        return Ok(answer);
    }
    let granted = call_bool(storage_manager()?.persist()).await?;
    // Not being able to remember only means we may ask again next time.
    let _ = LocalStorage::set(PERSISTED_KEY, granted);
    Ok(granted)
}

/// Whether this browser can be asked to keep our storage at all: WebKitGTK (and so, as far as
/// any engine here can show, WebKit) has no `navigator.storage.persist`; and a tab on an
/// iPhone or iPad loses it after seven days without a visit, whatever `persist()` says.
pub fn storage_safety() -> StorageSafety {
    let Some(window) = web_sys::window() else {
        return StorageSafety::CannotPersist;
    };
    if is_apple_mobile_tab(&window) {
        return StorageSafety::ClearedWhenUnvisited;
    }
    let offered = js_sys::Reflect::get(&window.navigator().storage(), &"persist".into())
        .is_ok_and(|f| f.is_function());
    if offered {
        StorageSafety::CanPersist
    } else {
        StorageSafety::CannotPersist
    }
}

/// An iPhone or iPad (iPadOS says "Macintosh" but has a touch screen) not running Waymark
/// from the Home Screen, where Safari's seven-day rule does not apply.
fn is_apple_mobile_tab(window: &web_sys::Window) -> bool {
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let apple_mobile = agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    let home_screen = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || js_sys::Reflect::get(&navigator, &"standalone".into()).is_ok_and(|v| v.is_truthy());
    apple_mobile && !home_screen
}

/// Whether the browser currently keeps our storage persistent.
pub async fn is_persisted() -> Result<bool, StoreError> {
    call_bool(storage_manager()?.persisted()).await
}

/// `(usage, quota)` in bytes, as estimated by the browser.
pub async fn storage_estimate() -> Result<(u64, u64), StoreError> {
    let promise = storage_manager()?.estimate().map_err(|e| unavailable(&e))?;
    let estimate: StorageEstimate = JsFuture::from(promise)
        .await
        .map_err(|e| unavailable(&e))?
        .into();
    let bytes = |v: Option<f64>| v.filter(|v| v.is_finite() && *v >= 0.0).unwrap_or(0.0) as u64;
    Ok((bytes(estimate.get_usage()), bytes(estimate.get_quota())))
}

/// localStorage key of the "has data" marker for database `db_name`
/// (`"waymark.has-data"` for the app's database).
pub fn has_data_key(db_name: &str) -> String {
    format!("{db_name}.has-data")
}

/// Whether anything was ever saved to database `db_name` on this device.
pub fn has_data_marker(db_name: &str) -> bool {
    LocalStorage::get::<bool>(has_data_key(db_name)).unwrap_or(false)
}

/// Whether the browser has a database named `db_name` for this site. Where it cannot say
/// (no `indexedDB.databases()`), the answer is yes: the caller then opens it to find out.
pub async fn database_exists(db_name: &str) -> bool {
    let listed = (|| {
        let factory = web_sys::window()?.indexed_db().ok()??;
        let databases = js_sys::Reflect::get(&factory, &"databases".into()).ok()?;
        let databases = databases.dyn_ref::<js_sys::Function>()?;
        databases
            .call0(&factory)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    })();
    let Some(listed) = listed else {
        return true;
    };
    let Ok(listed) = JsFuture::from(listed).await else {
        return true;
    };
    js_sys::Array::from(&listed).iter().any(|info| {
        js_sys::Reflect::get(&info, &"name".into())
            .ok()
            .and_then(|name| name.as_string())
            .is_some_and(|name| name == db_name)
    })
}

/// Set by the store after its first successful write.
pub(crate) fn set_has_data_marker(db_name: &str) {
    // Best effort: without localStorage we only lose the eviction hint.
    let _ = LocalStorage::set(has_data_key(db_name), true);
}

/// For "erase everything on this device": the next empty database is then not reported
/// as cleared by the browser.
pub fn clear_has_data_marker(db_name: &str) {
    LocalStorage::delete(has_data_key(db_name));
}

fn storage_manager() -> Result<StorageManager, StoreError> {
    let window =
        web_sys::window().ok_or_else(|| StoreError::Unavailable("no browser window".into()))?;
    Ok(window.navigator().storage())
}

async fn call_bool(promise: Result<js_sys::Promise, JsValue>) -> Result<bool, StoreError> {
    let promise = promise.map_err(|e| unavailable(&e))?;
    let answer = JsFuture::from(promise).await.map_err(|e| unavailable(&e))?;
    Ok(answer.as_bool().unwrap_or(false))
}
