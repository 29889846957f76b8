//! The Check-in screen.

use leptos::prelude::*;

use super::icons::Icon;
use super::page::{EmptyState, Page};

#[component]
pub fn CheckInScreen() -> impl IntoView {
    view! {
        <Page title="Check-in">
            <EmptyState icon=view! { <Icon name="check"/> }.into_any() heading="Check-ins">
                <p>"A guided check-in, one step at a time, and your check-in schedule will live here."</p>
            </EmptyState>
        </Page>
    }
}
