//! "Saving…" / "Saved" / what went wrong, announced in a live region so a screen-reader user
//! hears that their change is safe. "Saved" appears only after the store reports the write durable.

use leptos::prelude::*;

use super::use_workspace;
pub use crate::session::SaveStatus;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let ws = use_workspace();
    // The header has room for a word or two; the whole reason is read out and shown where
    // the person acted (the screen's own message, or the storage notice).
    let text = move || match ws.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saving => "Saving…".to_owned(),
        SaveStatus::Saved => "Saved".to_owned(),
        SaveStatus::Failed(_) => "Not saved".to_owned(),
    };
    let reason = move || match ws.status.get() {
        SaveStatus::Failed(msg) => format!(": {msg}"),
        _ => String::new(),
    };
    let class = move || match ws.status.get() {
        SaveStatus::Failed(_) => "save-status failed",
        SaveStatus::Saved => "save-status saved",
        _ => "save-status",
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">
            {text}<span class="visually-hidden">{reason}</span>
        </p>
    }
}
