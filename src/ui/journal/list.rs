//! Journal (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn JournalScreen() -> impl IntoView {
    view! {
        <Page title="Journal">
            <p>"Your reflections, grouped by week, with search."</p>
        </Page>
    }
}
