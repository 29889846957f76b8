//! An archived plan is frozen; a notice on every screen says so before a change is tried,
//! and where to restore it.

use leptos::prelude::*;

use crate::ui::state::use_workspace;

#[component]
pub fn ArchivedNotice() -> impl IntoView {
    let ws = use_workspace();
    let archived = move || ws.plan.with(|p| p.as_ref().is_some_and(|p| p.archived));
    view! {
        <Show when=archived>
            <div class="notice info archived-notice" role="status" data-testid="archived-notice">
                <p>
                    <strong>"This plan is archived."</strong>
                    " You can read it, but not change it. "
                    <a href="/settings#plans-heading">"Restore it in Settings"</a>
                    " to work on it again."
                </p>
            </div>
        </Show>
    }
}
