//! The end of a long list that draws only its first screenful: when the person scrolls to
//! within a screen of it, `more` is asked for the next rows. A keystroke or a tap then builds a
//! screenful of rows, not every row a page would hold; the list's own "Show more" button stays
//! for keyboards and for browsers without `IntersectionObserver`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Put it right after the list. `shown` is how many rows the list draws now: each change
/// asks the observer again, because a list that grew while its end stayed in view gets no new
/// intersection event of its own.
#[component]
pub fn ListEnd(#[prop(into)] shown: Signal<usize>, more: impl Fn() + 'static) -> impl IntoView {
    let end = NodeRef::<Div>::new();
    let on_seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.dyn_into::<IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            more();
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("0px 0px 25% 0px");
    let observer =
        IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options).ok();
    let observer = StoredValue::new_local(observer.map(|o| (o, on_seen)));
    Effect::new(move |_| {
        shown.track();
        let Some(el) = end.get() else { return };
        observer.with_value(|o| {
            if let Some((o, _)) = o {
                o.unobserve(&el);
                o.observe(&el);
            }
        });
    });
    on_cleanup(move || {
        observer.try_with_value(|o| {
            if let Some((o, _)) = o {
                o.disconnect();
            }
        });
    });
    view! { <div class="list-end" aria-hidden="true" node_ref=end></div> }
}
