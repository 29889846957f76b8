//! A test-only way to fill the journal with thousands of reflections, so the browser test can
//! show that search and the list stay fast at that size.
//!
//! It does nothing unless a test has set `window.__WAYMARK_SEED_REFLECTIONS` (a count) before
//! the journal opens; nobody can trigger it by using the app. The reflections go through the
//! same path as every change — one `ws.apply` of core's `add_reflection`, committed to
//! IndexedDB in one transaction — so what the test then measures (loading, indexing,
//! searching, rendering) is what a person with that many entries would get. The texts come
//! from core's seeded generator; their dates are spread back over the past year.

use chrono::Duration;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::core::sample::seeded_plan;
use crate::ui::state::Workspace;

const HOOK: &str = "__WAYMARK_SEED_REFLECTIONS";

pub fn seed_if_asked(ws: Workspace) {
    let global = js_sys::global();
    let key = JsValue::from_str(HOOK);
    let Some(count) = js_sys::Reflect::get(&global, &key)
        .ok()
        .and_then(|v| v.as_f64())
    else {
        return;
    };
    let _ = js_sys::Reflect::delete_property(&global, &key);
    let count = count.clamp(0.0, 20_000.0) as usize;
    let Ok(source) = seeded_plan(0, 0, 0, count, 2024) else {
        return;
    };
    spawn_local(async move {
        let result = ws
            .apply(move |plan, now, by| {
                let mut touched = crate::core::Touched::none();
                // Oldest first, so each one is appended to the plan's ordered list.
                for (i, r) in source.reflections.into_iter().enumerate() {
                    let at = now - Duration::hours(4 * (count - i) as i64);
                    touched = touched.merge(plan.add_reflection(r.fields, at, by)?);
                }
                Ok(touched)
            })
            .await;
        if let Err(e) = result {
            leptos::logging::warn!("seeding the journal failed: {e}");
        }
    });
}
