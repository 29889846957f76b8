//! Messages in the flow of a screen: an error says what happened and how to fix it.

use leptos::prelude::*;

/// Shows `message` when it is `Some`, announced at once to screen readers.
#[component]
pub fn ErrorNotice(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.with(|m| m.is_some())>
            <p class="notice error" role="alert">{move || message.get().unwrap_or_default()}</p>
        </Show>
    }
}

#[component]
pub fn InfoNotice(children: Children) -> impl IntoView {
    view! { <div class="notice info" role="note">{children()}</div> }
}
