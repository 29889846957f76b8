//! Leaving a guided flow's draft behind on purpose: asked twice, since one stray tap must not
//! lose what was typed. The check-in, WOOP, GROW and interest-profile flows share it.

use leptos::prelude::*;

/// A "discard" button that asks again before calling `on_discard`. `confirm` is the flow's, so
/// moving to another step can take the question back.
#[component]
pub fn DiscardDraft(
    /// What the first tap says ("Discard this check-in").
    label: &'static str,
    /// What the question under the button says about what is lost, and what is not.
    warning: &'static str,
    confirm: RwSignal<bool>,
    on_discard: Callback<()>,
) -> impl IntoView {
    let tap = move |_| {
        if confirm.get_untracked() {
            on_discard.run(());
        } else {
            confirm.set(true);
        }
    };
    view! {
        <button type="button" class="button danger-link" on:click=tap>
            {move || if confirm.get() { "Yes, discard my answers" } else { label }}
        </button>
        <Show when=move || confirm.get()>
            <p class="notice error" role="alert">{warning}</p>
        </Show>
    }
}
