//! Vision and values (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn ProfileScreen() -> impl IntoView {
    view! {
        <Page title="Vision and values">
            <p>"Your vision, values and strengths."</p>
        </Page>
    }
}
