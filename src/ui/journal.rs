//! The Journal screen.

use leptos::prelude::*;

use super::icons::Icon;
use super::page::{EmptyState, Page};

#[component]
pub fn JournalScreen() -> impl IntoView {
    view! {
        <Page title="Journal">
            <EmptyState icon=view! { <Icon name="book"/> }.into_any() heading="Your journal">
                <p>"Reflections you write, with prompts, tags and search, will live here."</p>
            </EmptyState>
        </Page>
    }
}
