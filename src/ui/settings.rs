//! Settings: who uses this device, appearance, storage health, the open plan's name, and
//! (with plan files) export and import. The plans themselves are listed on the Clients screen.

use leptos::prelude::*;

use super::page::Page;
use super::shell::theme::{self, Theme};
use super::state::use_workspace;
use crate::core::backup::{BackupAge, StorageSafety};
use crate::core::{Author, PlanKind};

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let ws = use_workspace();
    view! {
        <Page title="Settings">
            <RoleChoice/>
            <ThemeChoice/>
            <section class="card" aria-labelledby="schedule-heading">
                <h2 id="schedule-heading">"Check-in schedule"</h2>
                <p>"How often you check in, and on which day, is set with your check-ins."</p>
                <a class="button" href="/checkin">"Check-in schedule"</a>
            </section>
            <super::reminders::ReminderSettings/>
            <section class="card" aria-labelledby="share-heading">
                <h2 id="share-heading">"Export and import"</h2>
                <p>{move || if ws.role() == Author::Coach {
                    "Send a client their plan or a template, make a backup, or open a client's progress report."
                } else {
                    "Send your progress to your coach, make a backup, or open a plan file."
                }}</p>
                <a class="button primary" href="/share">"Share and back up"</a>
            </section>
            <BackupStatus/>
            <ThisPlan/>
            <super::plan_naming::PlanNaming/>
            <StorageStatus/>
        </Page>
    }
}

/// A radio option in a settings card; `checked` decides whether it shows as chosen.
fn radio(
    group: &'static str,
    label: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input type="radio" name=group prop:checked=checked on:change=move |_| choose()/>
            <span>{label}</span>
        </label>
    }
}

#[component]
fn RoleChoice() -> impl IntoView {
    let ws = use_workspace();
    let role = move || ws.role();
    let pick = move |r: Author| ws.set_role(r);
    view! {
        <fieldset class="card choices">
            <legend>"On this device I am"</legend>
            {radio("role", "The client, working on my own plan", move || role() == Author::Client, move || pick(Author::Client))}
            {radio("role", "A coach, preparing plans for clients", move || role() == Author::Coach, move || pick(Author::Coach))}
            <p class="field-hint">"Every change is marked with who made it, so plans exchanged between coach and client merge correctly."</p>
        </fieldset>
    }
}

#[component]
fn ThemeChoice() -> impl IntoView {
    let ws = use_workspace();
    let (current, set_current) = signal(ws.preferences().theme());
    let pick = move |t: Theme| {
        theme::choose(&ws.preferences(), t);
        set_current.set(t);
    };
    view! {
        <fieldset class="card choices">
            <legend>"Theme"</legend>
            {radio("theme", "Follow this device", move || current.get() == Theme::System, move || pick(Theme::System))}
            {radio("theme", "Light", move || current.get() == Theme::Light, move || pick(Theme::Light))}
            {radio("theme", "Dark", move || current.get() == Theme::Dark, move || pick(Theme::Dark))}
        </fieldset>
    }
}

/// When the open plan was last backed up, with a nudge when that is long ago or never.
#[component]
fn BackupStatus() -> impl IntoView {
    let ws = use_workspace();
    let safety = ws.storage_safety();
    // Read from localStorage once per open plan, not once per use below.
    let open_id = Memo::new(move |_| ws.plan.with(|p| p.as_ref().map(|p| p.id())));
    let last = Memo::new(move |_| open_id.get().map(|id| ws.preferences().last_backup(id)));
    let age = move || {
        last.get()
            .map(|b| BackupAge::of(b.map(|b| b.at), chrono::Utc::now()))
    };
    let text = move || match last.get().flatten() {
        Some(b) => format!(
            "Last backup: {}, saved as {}.",
            b.when(chrono::Utc::now()),
            b.file_name
        ),
        None => "No backup of this plan has been made on this device.".to_owned(),
    };
    view! {
        <Show when=move || last.with(Option::is_some)>
            <section class="card" aria-labelledby="backup-heading">
                <h2 id="backup-heading">"Backup"</h2>
                <p data-testid="last-backup">{text}</p>
                <Show when=move || age().is_some_and(|a| a.needs_nudge(safety))>
                    <div class="notice warning" data-testid="backup-nudge">
                        <p>{match safety {
                            StorageSafety::CanPersist => "Browsers can clear a site's stored data, for example when the device is short of space. A backup file is the way to get your plan back: make one now and keep it somewhere safe.",
                            StorageSafety::CannotPersist => "This browser cannot be asked to keep Waymark's data, so a backup file is the only way to get your plan back if it is cleared. Make one now, and again at least once a week.",
                            StorageSafety::ClearedWhenUnvisited => "On an iPhone or iPad, Safari deletes a site's data after seven days of use without a visit, unless the site is on the Home Screen. Add Waymark to the Home Screen, and make a backup file now and at least once a week.",
                        }}</p>
                    </div>
                </Show>
                <a class="button primary" href="/share?backup">"Back up now"</a>
            </section>
        </Show>
    }
}

/// The open plan: a link to every plan on this device (the Clients screen), and keeping its
/// design as a template.
#[component]
fn ThisPlan() -> impl IntoView {
    let ws = use_workspace();
    let coach = move || ws.role() == Author::Coach;
    let error = RwSignal::new(None::<String>);
    // Kept in a StoredValue so the handlers below stay Copy.
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let open_kind = move || ws.plan.with(|p| p.as_ref().map(|p| p.kind));
    // A coach's library: a plan's design kept as a template (fresh ids, nothing personal),
    // which then opens. Client plans are started from it on the Clients screen.
    let keep_as_template = move || {
        let copy = ws.plan.with_untracked(|p| {
            p.as_ref().map(|p| {
                let title = format!("{} (template)", p.title);
                let title: String = title.chars().take(200).collect();
                p.copy_structure(
                    &title,
                    PlanKind::Template,
                    crate::ui::format::now(),
                    ws.preferences().role(),
                )
            })
        });
        let Some(copy) = copy else { return };
        leptos::task::spawn_local(async move {
            let result = match copy {
                Ok(plan) => ws.add_plan(plan).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            match result {
                Ok(()) => navigate.with_value(|go| go("/plan", Default::default())),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="plans-heading">
            <h2 id="plans-heading">"Plans on this device"</h2>
            <p>{move || if coach() {
                "Every client's plan and your templates are on the Clients screen: open, archive, restore or delete them there, and send a template's latest version."
            } else {
                "Switch to another plan, or archive, restore or delete one, on the plans screen."
            }}</p>
            <crate::ui::widgets::ErrorNotice message=error/>
            <div class="form-actions">
                <a class="button" href="/clients">{move || if coach() { "Clients" } else { "Your plans" }}</a>
                <Show when=move || open_kind() == Some(PlanKind::ClientPlan)>
                    <button class="button" type="button"
                        on:click=move |_| keep_as_template()>
                        "Save a copy as a template"
                    </button>
                </Show>
            </div>
        </section>
    }
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000_000 => format!("{:.1} GB", b as f64 / 1e9),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[component]
fn StorageStatus() -> impl IntoView {
    let ws = use_workspace();
    let persisted = LocalResource::new(move || async move { ws.storage_protected().await });
    let estimate = LocalResource::new(move || async move { ws.storage_estimate().await });
    let persisted_text = move || {
        match (ws.storage_safety(), persisted.get().flatten()) {
        // Safari has persist() (15.2+) and may grant it, but its seven-day deletion of a site's
        // storage is a separate rule that WebKit documents no exemption from, except the Home
        // Screen (docs/RELIABILITY.md, "iOS facts"); so the Home Screen advice stands here too.
        (StorageSafety::ClearedWhenUnvisited, _) => "Not protected: on an iPhone or iPad, Safari deletes a site's data after seven days of use without a visit to it, unless the site is on the Home Screen. Add Waymark to the Home Screen (Share, then Add to Home Screen), and keep a backup file: it is what brings your plan back.",
        (_, Some(true)) => "Protected: the browser will not clear your plan to free space. On an iPhone or iPad, also add Waymark to the Home Screen: Safari deletes a site's data after seven days of use without a visit to it.",
        (StorageSafety::CanPersist, Some(false)) => "Not protected: the browser may clear stored data when the device runs short of space, and on an iPhone or iPad Safari deletes it after seven days of use without a visit to Waymark. Installing Waymark (Add to Home Screen) usually protects it; a backup file keeps you safe either way.",
        // WebKit without persist() (WebKitGTK; Safari before 15.2).
        (StorageSafety::CannotPersist, _) => "Not protected: this browser cannot be asked to keep Waymark's data. It may clear it when the device runs short of space, and on an iPhone or iPad Safari deletes it after seven days of use without a visit to Waymark, unless Waymark is on the Home Screen. Add Waymark to the Home Screen, and keep a backup file: it is what brings your plan back.",
        (StorageSafety::CanPersist, None) => "Checking…",
    }
    };
    let usage_text = move || match estimate.get().flatten() {
        Some((used, quota)) if quota > 0 => format!(
            "{} used of about {} available to Waymark.",
            size(used),
            size(quota)
        ),
        Some((used, _)) => format!("{} used.", size(used)),
        None => "Checking…".to_owned(),
    };
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage on this device"</h2>
            <p data-testid="storage-persisted">{persisted_text}</p>
            <p data-testid="storage-usage">{usage_text}</p>
        </section>
    }
}
