//! Check-in (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn CheckInFlowScreen() -> impl IntoView {
    view! {
        <Page title="Check-in">
            <p>"A guided check-in, one step at a time."</p>
        </Page>
    }
}
