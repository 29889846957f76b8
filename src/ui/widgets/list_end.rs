//! The end of a long list that draws only its first screenful: when the person scrolls to
//! within a quarter screen of it, `more` is asked for the next rows. A keystroke or a tap then
//! builds a screenful of rows, not every row a page would hold; the list's own "Show more"
//! button stays for keyboards and for browsers without `IntersectionObserver`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Put it right after the list.
///
/// `more` adds rows and says whether it did. `shown` is how many rows the list draws now.
/// The observer only reports a change between "near" and "not near", so the end is looked
/// at afresh (unobserved and observed again) whenever `shown` changes, and in the frame
/// after `more` added rows: the end may still be near then, or a keystroke may already have
/// taken the new rows away again before `shown` was read.
#[component]
pub fn ListEnd(
    #[prop(into)] shown: Signal<usize>,
    more: impl Fn() -> bool + 'static,
) -> impl IntoView {
    let end = NodeRef::<Div>::new();
    let on_seen = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let near = entries.iter().find_map(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .ok()
                    .filter(IntersectionObserverEntry::is_intersecting)
            });
            if let Some(entry) = near {
                if more() {
                    let target = entry.target();
                    // Not if the list left the page meanwhile: observing would wake an
                    // observer whose callback is already gone.
                    request_animation_frame(move || {
                        if target.is_connected() {
                            look_again(&observer, &target);
                        }
                    });
                }
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root_margin("0px 0px 25% 0px");
    let observer =
        IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options).ok();
    let observer = StoredValue::new_local(observer.map(|o| (o, on_seen)));
    Effect::new(move |_| {
        // Read, not only tracked: a memo behind `shown` that is never read never recomputes,
        // and so never tells this effect it changed.
        let _ = shown.get();
        let Some(el) = end.get() else { return };
        observer.with_value(|o| {
            if let Some((o, _)) = o {
                look_again(o, &el);
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

/// A new observation of `el`: its first report says where it is now, changed or not.
fn look_again(observer: &IntersectionObserver, el: &web_sys::Element) {
    observer.unobserve(el);
    observer.observe(el);
}
