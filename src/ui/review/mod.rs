//! Progress review (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn ReviewScreen() -> impl IntoView {
    view! {
        <Page title="Progress review">
            <p>"Charts of each KPI against its target for a period."</p>
        </Page>
    }
}
