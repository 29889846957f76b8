//! The bottom navigation a phone user reaches with a thumb; `<A>` marks the current area
//! with aria-current="page" and works as a plain link before the app has loaded.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::icons::Icon;

#[component]
pub fn BottomNav() -> impl IntoView {
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>
                <li><A href="/" exact=true><Icon name="sun"/>"Today"</A></li>
                <li><A href="/plan"><Icon name="flag"/>"Plan"</A></li>
                <li><A href="/checkin"><Icon name="check"/>"Check-in"</A></li>
                <li><A href="/journal"><Icon name="book"/>"Journal"</A></li>
                <li><A href="/settings"><Icon name="gear"/>"Settings"</A></li>
            </ul>
        </nav>
    }
}
