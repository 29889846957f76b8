//! The Settings screen.

use leptos::prelude::*;

use super::icons::Icon;
use super::page::{EmptyState, Page};

#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <Page title="Settings">
            <EmptyState icon=view! { <Icon name="gear"/> }.into_any() heading="Settings">
                <p>"Theme, check-in schedule, storage status, export and import will live here."</p>
            </EmptyState>
        </Page>
    }
}
