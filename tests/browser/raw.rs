//! Raw web-sys IndexedDB calls that do not go through the store: they build databases the
//! way older (or newer) Waymark builds would have left them.

use js_sys::{Array, Promise};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, IdbDatabase, IdbFactory, IdbObjectStoreParameters, IdbOpenDbRequest};

/// A database name no other test uses.
pub fn unique_name(test: &str) -> String {
    format!("waymark-test-{test}-{}", uuid::Uuid::new_v4())
}

pub fn factory() -> IdbFactory {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("IndexedDB in the test browser")
}

/// Opens `name` at `version`, running `upgrade` in `upgradeneeded`, and returns the
/// connection (which the caller must close).
pub async fn open(
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&IdbDatabase) + 'static,
) -> Result<IdbDatabase, JsValue> {
    let req = factory().open_with_u32(name, version)?;
    let upgrade = RefCell::new(Some(upgrade));
    let on_upgrade = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let req: IdbOpenDbRequest = event.target().expect("open request").unchecked_into();
        let db: IdbDatabase = req.result().expect("database").unchecked_into();
        if let Some(upgrade) = upgrade.borrow_mut().take() {
            upgrade(&db);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let done = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await?;
    Ok(req.result()?.unchecked_into())
}

/// The version-1 layout, written the way the V1 build wrote it, filled with `records`
/// (plain objects `{plan_id, id, kind, rev, body}`).
pub async fn create_v1(name: &str, records: Array) -> IdbDatabase {
    create_old_layout(name, 1, records).await
}

/// The version-2 layout (V1's store plus the `by_kind_plan` index), as the V2 build left it,
/// filled with `records`: the last layout whose tombstones still carried their words.
pub async fn create_v2(name: &str, records: Array) -> IdbDatabase {
    create_old_layout(name, 2, records).await
}

/// An old layout (`version` 1 or 2) exactly as that build created it, filled with `records`.
async fn create_old_layout(name: &str, version: u32, records: Array) -> IdbDatabase {
    open(name, version, move |db| {
        let params = IdbObjectStoreParameters::new();
        let key_path: Array = ["plan_id", "id"]
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect();
        params.set_key_path(&key_path);
        let store = db
            .create_object_store_with_optional_parameters("documents", &params)
            .expect("create the documents store");
        if version >= 2 {
            let index_path: Array = ["kind", "plan_id"]
                .iter()
                .map(|s| JsValue::from_str(s))
                .collect();
            store
                .create_index_with_str_sequence("by_kind_plan", &index_path)
                .expect("create the by_kind_plan index");
        }
        for record in records.iter() {
            store.put(&record).expect("put an old record");
        }
    })
    .await
    .unwrap_or_else(|e| panic!("create a V{version} database: {e:?}"))
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let done = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    let _ = JsFuture::from(done).await;
}

pub fn log(text: &str) {
    web_sys::console::log_1(&JsValue::from_str(text));
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
