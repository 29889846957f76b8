//! Plan history (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn TimelineScreen() -> impl IntoView {
    view! {
        <Page title="Plan history">
            <p>"Every adaptation of the plan."</p>
        </Page>
    }
}
