//! The Plan screen.

use leptos::prelude::*;

use super::icons::Icon;
use super::page::{EmptyState, Page};

#[component]
pub fn PlanScreen() -> impl IntoView {
    view! {
        <Page title="Plan">
            <EmptyState icon=view! { <Icon name="flag"/> }.into_any() heading="Your plan">
                <p>"Your vision, SMART goals, milestones and ranked actions will live here."</p>
            </EmptyState>
        </Page>
    }
}
