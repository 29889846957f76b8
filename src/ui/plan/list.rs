//! Plan (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn PlanScreen() -> impl IntoView {
    view! {
        <Page title="Plan">
            <p>"Your vision and goals."</p>
        </Page>
    }
}
