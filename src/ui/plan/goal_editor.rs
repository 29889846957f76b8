//! Edit goal (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn GoalEditorScreen() -> impl IntoView {
    view! {
        <Page title="Edit goal">
            <p>"A SMART goal editor."</p>
        </Page>
    }
}
