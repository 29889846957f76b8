//! The Today screen.

use leptos::prelude::*;

use super::icons::Icon;
use super::page::{EmptyState, Page};

#[component]
pub fn TodayScreen() -> impl IntoView {
    view! {
        <Page title="Today">
            <EmptyState icon=view! { <Icon name=" actions due, your next check-in, and KPIs to log.:sun"/> }.into_any() heading="Today">
                <p>"What matters now will live here"</p>
            </EmptyState>
        </Page>
    }
}
