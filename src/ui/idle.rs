//! Work that can wait: run when the browser has nothing more urgent to do, so a tap's answer
//! (a save's "Saved", the next screen) is not held up by it.

/// Runs `f` once the browser is idle (`requestIdleCallback`), or at once where it has none.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let callback = Closure::once_into_js(f);
    let scheduled = web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"requestIdleCallback".into())
            .ok()
            .and_then(|ric| ric.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|ric| ric.call1(&w, &callback).is_ok())
    });
    if !scheduled {
        if let Some(f) = callback.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}
