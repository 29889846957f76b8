//! Goal (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn GoalDetailScreen() -> impl IntoView {
    view! {
        <Page title="Goal">
            <p>"A goal with its milestones, actions and KPIs."</p>
        </Page>
    }
}
