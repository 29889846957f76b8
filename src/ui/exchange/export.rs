//! Exporting the open plan: which kind of file, which private reflections go with a progress
//! report (none unless ticked), an optional passphrase, and how to hand it over.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use super::device_files;
use crate::core::Author;
use crate::exchange::crypto::encrypt_plan_file;
use crate::exchange::csv::export_measurements_csv;
use crate::exchange::ics::export_ics;
use crate::exchange::markdown::export_markdown;
use crate::exchange::{
    export_plan, export_plan_for_client, export_progress_report, export_template, ExportedFile,
    FileKind,
};
use crate::ui::state::{backups, device_role, use_workspace};
use crate::ui::widgets::{ErrorNotice, InfoNotice};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Readable {
    Markdown,
    Calendar,
    Csv,
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let ws = use_workspace();
    let role = device_role();
    // Settings' backup reminder links here with ?backup.
    let asked_for_backup =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("backup").is_some());
    let open_kind = ws.plan.with_untracked(|p| p.as_ref().map(|p| p.kind));
    let kind = RwSignal::new(match role {
        _ if asked_for_backup => FileKind::Plan,
        Author::Client => FileKind::ProgressReport,
        Author::Coach if open_kind == Some(crate::core::PlanKind::ClientPlan) => {
            FileKind::PlanForClient
        }
        Author::Coach => FileKind::Plan,
    });
    // A coach sends a client plan to the client it is for, named.
    let for_client = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .filter(|p| role == Author::Coach && p.kind == crate::core::PlanKind::ClientPlan)
                .map(|p| match p.client_name() {
                    Some(c) => format!("Plan for {c}"),
                    None => "Plan for the client".to_owned(),
                })
        })
    });
    let include_private = RwSignal::new(Vec::<Uuid>::new());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let private_reflections = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    let mut list: Vec<(Uuid, String, String)> = p
                        .reflections
                        .iter()
                        .filter(|r| r.meta.is_live() && r.fields.private)
                        .map(|r| {
                            let first = r
                                .fields
                                .text
                                .lines()
                                .next()
                                .unwrap_or("")
                                .chars()
                                .take(80)
                                .collect();
                            (
                                r.meta.id,
                                r.meta.created_at.format("%-d %b %Y").to_string(),
                                first,
                            )
                        })
                        .collect();
                    list.reverse();
                    list
                })
                .unwrap_or_default()
        })
    });

    let build = move || -> Option<ExportedFile> {
        let now = Utc::now();
        ws.plan.with_untracked(|p| {
            p.as_ref().map(|p| match kind.get_untracked() {
                FileKind::Plan => export_plan(p, now, role),
                FileKind::Template => export_template(p, now, role),
                FileKind::PlanForClient => export_plan_for_client(p, now, role),
                FileKind::ProgressReport => {
                    export_progress_report(p, &include_private.get_untracked(), now, role)
                }
            })
        })
    };

    let hand_over = move |share: bool| {
        error.set(None);
        done.set(None);
        let Some(file) = build() else { return };
        let is_backup = kind.get_untracked() == FileKind::Plan;
        let plan = ws
            .plan
            .with_untracked(|p| p.as_ref().map(|p| (p.id(), p.title.clone())));
        let pass = passphrase.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let file = if pass.is_empty() {
                Ok(file)
            } else {
                encrypt_plan_file(&file, &pass)
                    .await
                    .map_err(|e| e.to_string())
            };
            let result = match file {
                Ok(f) if share => device_files::share(&f)
                    .await
                    .map(|sent| sent.then_some(f.file_name)),
                Ok(f) => device_files::download(&f).map(|_| Some(f.file_name)),
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(Some(name)) => {
                    if let (true, Some((plan_id, plan_title))) = (is_backup, plan) {
                        backups::record_backup(backups::BackupRecord {
                            plan_id,
                            plan_title,
                            file_name: name.clone(),
                            at: Utc::now(),
                        });
                    }
                    done.set(Some(format!("{name} is ready.")));
                }
                Ok(None) => {}
                Err(e) => error.set(Some(format!("The file could not be made: {e}"))),
            }
        });
    };

    let readable = move |what: Readable| {
        error.set(None);
        let now = Utc::now();
        let file = ws.plan.with_untracked(|p| {
            p.as_ref().map(|p| match what {
                Readable::Markdown => export_markdown(p, now),
                Readable::Calendar => export_ics(p, now),
                Readable::Csv => export_measurements_csv(p),
            })
        });
        if let Some(Err(e)) = file.map(|f| device_files::download(&f)) {
            error.set(Some(format!("The file could not be made: {e}")));
        }
    };

    // Whether the share sheet takes files depends only on the browser and the file type, so an
    // empty file of the same name and type answers it without exporting the plan.
    let can_share = device_files::can_share_files(&ExportedFile {
        bytes: Vec::new(),
        file_name: "plan.waymark.json".to_owned(),
        media_type: crate::exchange::MEDIA_TYPE,
    });
    let kind_option = move |value: FileKind, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice choice-with-hint">
                <input type="radio" name="export-kind" prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)/>
                <span>{label}<small class="field-hint">{hint}</small></span>
            </label>
        }
    };

    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">"Send or back up this plan"</h2>
            <fieldset class="field choices">
                <legend>"What to send"</legend>
                {move || for_client.get().map(|label| view! {
                    <label class="choice choice-with-hint">
                        <input type="radio" name="export-kind"
                            prop:checked=move || kind.get() == FileKind::PlanForClient
                            on:change=move |_| kind.set(FileKind::PlanForClient)/>
                        <span>{label}<small class="field-hint">"This plan for the client to work in. Their progress reports come back into this same plan."</small></span>
                    </label>
                })}
                {kind_option(FileKind::ProgressReport, "Progress report for my coach",
                    "Your plan with check-ins, KPI values and reflections, without private reflections unless you tick them below.")}
                {kind_option(FileKind::Template, "Template for a client",
                    "Goals, milestones, actions, KPIs and the check-in schedule. No personal data, values or journal.")}
                {kind_option(FileKind::Plan, "Full backup",
                    "Everything, private reflections included. Keep it safe, or protect it with a passphrase.")}
            </fieldset>
            <Show when=move || kind.get() == FileKind::ProgressReport && !private_reflections.with(Vec::is_empty)>
                <fieldset class="field">
                    <legend>"Private reflections to share (none unless you tick them)"</legend>
                    <For each=move || private_reflections.get() key=|(id, _, _)| *id let((id, date, first))>
                        <label class="choice">
                            <input type="checkbox"
                                prop:checked=move || include_private.with(|l| l.contains(&id))
                                on:change=move |_| include_private.update(|l| {
                                    match l.iter().position(|x| *x == id) {
                                        Some(i) => { l.remove(i); }
                                        None => l.push(id),
                                    }
                                })/>
                            <span>{date}": "{first}</span>
                        </label>
                    </For>
                </fieldset>
            </Show>
            <div class="field">
                <label for="export-passphrase">"Passphrase (optional)"</label>
                <input id="export-passphrase" type="password" autocomplete="new-password" bind:value=passphrase
                    aria-describedby="export-passphrase-hint"/>
                <p class="field-hint" id="export-passphrase-hint">
                    "With a passphrase the file is encrypted (AES-256). Tell it to the other person another way; without it the file cannot be opened."
                </p>
            </div>
            <ErrorNotice message=error/>
            <Show when=move || done.get().is_some()>
                <InfoNotice>{move || done.get().unwrap_or_default()}</InfoNotice>
            </Show>
            <div class="form-actions">
                <button class="button primary" type="button" disabled=move || busy.get()
                    on:click=move |_| hand_over(false)>"Download file"</button>
                {can_share.then(|| view! {
                    <button class="button" type="button" disabled=move || busy.get()
                        on:click=move |_| hand_over(true)>"Share…"</button>
                })}
            </div>
        </section>
        <section class="card" aria-labelledby="readable-heading">
            <h2 id="readable-heading">"Readable copies"</h2>
            <p class="muted">"For reading, printing or your calendar. These cannot be imported back."</p>
            <div class="form-actions">
                <button class="button" type="button" on:click=move |_| readable(Readable::Markdown)>"Plan as Markdown"</button>
                <button class="button" type="button" on:click=move |_| readable(Readable::Calendar)>"Check-ins and milestones (.ics)"</button>
                <button class="button" type="button" on:click=move |_| readable(Readable::Csv)>"KPI values (CSV)"</button>
            </div>
        </section>
    }
}
