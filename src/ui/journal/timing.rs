//! User Timing marks (`performance.measure`) for the journal's hot paths, so their cost can be
//! read in DevTools or by a browser test (`performance.getEntriesByName("journal-search")`).
//! Reached through `js_sys::Reflect` so no extra web-sys features are needed.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok()
}

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    match args {
        [] => f.call0(target).ok(),
        [a, b] => f.call2(target, a, b).ok(),
        _ => None,
    }
}

/// Milliseconds since the page started, with sub-millisecond precision.
pub fn now_ms() -> f64 {
    performance()
        .and_then(|p| call(&p, "now", &[]))
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Records `name` as lasting from `start` (a `now_ms()` value) until now.
pub fn measure(name: &str, start: f64) {
    let Some(p) = performance() else { return };
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("start"),
        &JsValue::from_f64(start),
    );
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("end"),
        &JsValue::from_f64(now_ms()),
    );
    let _ = call(&p, "measure", &[JsValue::from_str(name), options.into()]);
}
