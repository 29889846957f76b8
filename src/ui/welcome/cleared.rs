//! Shown instead of a plan when this device had plans but the browser has since cleared
//! Waymark's storage: says what happened, which backup file would bring the work back, and
//! offers to restore it (or to start afresh).

use leptos::prelude::*;

use crate::ui::state::use_workspace;

#[component]
pub fn StorageCleared() -> impl IntoView {
    let backups = use_workspace().preferences().backups();
    let now = chrono::Utc::now();
    let listed = (!backups.is_empty()).then(|| {
        view! {
            <p>"Your last backups on this device:"</p>
            <ul class="backup-list" data-testid="known-backups">
                {backups
                    .into_iter()
                    .map(|b| {
                        let when = b.when(now);
                        view! {
                            <li><strong>{b.plan_title}</strong>": "{b.file_name}", saved "{when}</li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>"Look for the file in your downloads or wherever you keep it."</p>
        }
    });
    let none = listed.is_none().then(|| {
        view! {
            <p>"If you or your coach ever saved a plan file (a full backup or a progress report), open it to get that work back."</p>
        }
    });
    // The person chose to begin again: from now on an empty store is simply new.
    let ws = use_workspace();
    let start_again = move |_| ws.forget_cleared_plans();
    view! {
        // Shown inside whichever screen was opened, so it brings a heading, not a page title.
        <section class="card storage-cleared" aria-labelledby="cleared-heading" data-testid="storage-cleared">
            <h2 id="cleared-heading">"Your plans are no longer on this device"</h2>
            <div class="notice warning" role="alert">
                <p>
                    "The browser has cleared Waymark's stored data on this device. This happens when "
                    "the device runs short of space or when site data is cleared in the browser's settings."
                </p>
            </div>
            {listed}
            {none}
            <div class="form-actions">
                <a class="button primary" href="/share">"Restore from a backup file"</a>
                <a class="button" href="/welcome" on:click=start_again>"Start a new plan"</a>
            </div>
        </section>
    }
}
