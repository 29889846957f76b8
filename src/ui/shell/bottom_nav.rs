//! The bottom navigation a phone user reaches with a thumb; `<A>` marks the current area
//! with aria-current="page" and works as a plain link before the app has loaded.
//!
//! With large text the five labels wrap onto a second row rather than breaking mid-word, so the
//! bar's height is measured and given to the page (`--nav-space`), which leaves that much room
//! at the bottom for the content and the sticky buttons above the bar.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::icons::Icon;

#[component]
pub fn BottomNav() -> impl IntoView {
    let nav = NodeRef::<html::Nav>::new();
    // Measured as soon as the bar is in the page, then after every layout that changed its
    // height (larger text, the Clients entry, a turned phone). Only a new height is handed on:
    // the observer's first report repeats the first measure, and setting the property again
    // would lay the page out once more in the same frame (~100 ms more blocking time in
    // Lighthouse's first visit). The bar lives as long as the app, and so does the observer.
    let give_room = |bar: &web_sys::HtmlElement| {
        let Some(root) = document().document_element() else {
            return;
        };
        let style = root.unchecked_into::<web_sys::HtmlElement>().style();
        let room = format!("{}px", bar.offset_height());
        if style.get_property_value("--nav-space").ok().as_deref() != Some(room.as_str()) {
            let _ = style.set_property("--nav-space", &room);
        }
    };
    nav.on_load(move |bar| {
        give_room(&bar);
        let on_resize = Closure::<dyn FnMut()>::new({
            let bar = bar.clone();
            move || give_room(&bar)
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&bar);
        }
        on_resize.forget();
    });
    // A coach's navigation has the Clients screen (from the moment the role is chosen).
    let ws = crate::ui::state::use_workspace();
    let coach = move || ws.role() == crate::core::Author::Coach;
    view! {
        <nav class="bottom-nav" aria-label="Main" node_ref=nav>
            <ul>
                <li><A href="/" exact=true><Icon name="sun"/>"Today"</A></li>
                <li><A href="/plan"><Icon name="flag"/>"Plan"</A></li>
                <li><A href="/checkin"><Icon name="check"/>"Check-in"</A></li>
                <li><A href="/journal"><Icon name="book"/>"Journal"</A></li>
                <Show when=coach>
                    <li><A href="/clients"><Icon name="people"/>"Clients"</A></li>
                </Show>
                <li><A href="/settings"><Icon name="gear"/>"Settings"</A></li>
            </ul>
        </nav>
    }
}
