//! Work that can wait: run when the browser has nothing more urgent to do, so a tap's answer
//! (a save's "Saved", the next screen) is not held up by it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` once the browser is idle (`requestIdleCallback`), or, where it has none (Safari),
/// in a task of its own after the current one.
///
/// Never at once: the caller is in the middle of something (an event handler, a save) that
/// should finish first.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let Some(window) = web_sys::window() else {
        return;
    };
    let scheduled = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|ric| ric.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|ric| ric.call1(&window, &callback).is_ok());
    if !scheduled {
        if let Some(f) = callback.dyn_ref::<js_sys::Function>() {
            let _ = window.set_timeout_with_callback(f);
        }
    }
}
