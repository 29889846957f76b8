//! Welcome (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn WelcomeScreen() -> impl IntoView {
    view! {
        <Page title="Welcome">
            <p>"Start your plan."</p>
        </Page>
    }
}
