//! Reflection (to be built).

use leptos::prelude::*;

use crate::ui::page::Page;

#[component]
pub fn ReflectionEditorScreen() -> impl IntoView {
    view! {
        <Page title="Reflection">
            <p>"Write a reflection."</p>
        </Page>
    }
}
