//! Check-in (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn CheckInScreen() -> impl IntoView {
    view! {
        <Page title="Check-in">
            <p>"Your check-in schedule and past check-ins."</p>
        </Page>
    }
}
