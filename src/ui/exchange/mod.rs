//! Share: plan files out (download or the share sheet, optionally with a passphrase, plus
//! readable Markdown, calendar and CSV) and plan files in (picked or dropped, checked,
//! previewed, and merged only when the person confirms).

pub mod device_files;
mod export;
mod import;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use web_sys::File;

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

/// A plan file that reached the app from outside (the app was opened with it), waiting for the
/// Share screen to open its preview.
#[derive(Clone, Copy)]
pub struct Arrived(RwSignal<Option<File>, LocalStorage>);

pub fn provide_arrivals() {
    provide_context(Arrived(RwSignal::new_local(None)));
}

/// Listens to the launch queue for the whole life of the app (inside the router, to navigate):
/// a file goes to the Share screen's preview, an address (a shortcut) is navigated to.
#[component]
pub fn LaunchListener() -> impl IntoView {
    let arrived = expect_context::<Arrived>();
    let navigate = use_navigate();
    let go_to = navigate.clone();
    device_files::on_launch(
        move |file| {
            arrived.0.set(Some(file));
            navigate("/share", Default::default());
        },
        move |path| go_to(&path, Default::default()),
    );
}
