//! Share: plan files out (download or the share sheet, optionally with a passphrase, plus
//! readable Markdown, calendar and CSV) and plan files in (picked or dropped, checked,
//! previewed, and merged only when the person confirms).

pub mod device_files;
mod export;
mod import;

use leptos::prelude::*;

use crate::ui::page::Page;
use crate::ui::state::use_workspace;

#[component]
pub fn ShareScreen() -> impl IntoView {
    let ws = use_workspace();
    // Opening a file is also how a new device gets its first plan, so this screen works
    // without one (no redirect to the first-run screen).
    let has_plan = move || ws.plan.with(Option::is_some);
    view! {
        <Page title="Share and back up">
            <import::ImportPanel/>
            <Show when=has_plan>
                <export::ExportPanel/>
            </Show>
        </Page>
    }
}
