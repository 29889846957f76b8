//! User Timing marks (`performance.measure`) for the journal's hot paths, so their cost can be
//! read in DevTools or by a browser test (`performance.getEntriesByName("journal-search")`).
//! Bound as plain imports: looked up by name on every keystroke, the timing itself took a
//! tenth of a search's time at phone speed.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
    fn performance_measure(name: &str, options: &Object) -> Result<JsValue, JsValue>;
}

/// Milliseconds since the page started, with sub-millisecond precision.
pub fn now_ms() -> f64 {
    performance_now()
}

/// Records `name` as lasting from `start` (a `now_ms()` value) until now.
pub fn measure(name: &str, start: f64) {
    let options = Object::new();
    let _ = Reflect::set(&options, &"start".into(), &start.into());
    let _ = Reflect::set(&options, &"end".into(), &performance_now().into());
    // A browser without User Timing only loses the mark.
    let _ = performance_measure(name, &options);
}
