//! The bottom navigation a phone user reaches with a thumb; `<A>` marks the current area
//! with aria-current="page" and works as a plain link before the app has loaded.
//!
//! With large text the five labels wrap onto a second row rather than breaking mid-word, so the
//! bar's height is measured and given to the page (`--nav-space`), which leaves that much room
//! at the bottom for the content and the sticky buttons above the bar.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::icons::Icon;

#[component]
pub fn BottomNav() -> impl IntoView {
    let nav = NodeRef::<html::Nav>::new();
    let measure = move || {
        let (Some(nav), Some(root)) = (nav.get_untracked(), document().document_element()) else {
            return;
        };
        let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
        let _ = root
            .style()
            .set_property("--nav-space", &format!("{}px", nav.offset_height()));
    };
    Effect::new(move |_| {
        if nav.get().is_some() {
            measure();
        }
    });
    // A coach's navigation has the Clients screen (from the moment the role is chosen).
    let ws = crate::ui::state::use_workspace();
    let coach = move || ws.role() == crate::core::Author::Coach;
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
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
