//! Exporting the open plan: which kind of file, for whom (each choice says what it holds,
//! worded for this device's role), which private reflections go with a progress report (none
//! unless ticked), an optional passphrase, and how to hand it over. What each file holds is
//! decided in `exchange::audience`, never here.

use chrono::Utc;
use leptos::prelude::*;
use uuid::Uuid;

use super::device_files;
use crate::core::backup::BackupRecord;
use crate::core::schedule::AlarmLead;
use crate::core::{Author, PlanKind};
use crate::exchange::audience::shareable_with_coach;
use crate::exchange::crypto::encrypt_plan_file;
use crate::exchange::csv::export_measurements_csv;
use crate::exchange::ics::export_ics;
use crate::exchange::markdown::export_markdown;
use crate::exchange::{
    export_plan, export_plan_for_client, export_progress_report, export_template, Audience,
    ExportedFile,
};
use crate::ui::state::use_workspace;
use crate::ui::widgets::{ErrorNotice, InfoNotice};
use crate::ui::zone::BrowserZones;

/// The files this screen makes. Which are offered depends on the device's role.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// Client to coach.
    Report,
    /// Coach to client.
    ClientPlan,
    Template,
    /// For the person themself.
    Backup,
}

impl Choice {
    /// (label, what it holds and for whom), worded for a device of `role`.
    fn words(self, role: Author) -> (&'static str, &'static str) {
        match (self, role) {
            (Choice::Report, _) => ("Progress report for my coach",
                "For your coach: your plan with check-ins, KPI values, session notes and reflections. Your private reflections stay out unless you tick them below."),
            (Choice::ClientPlan, _) => ("Plan for my client",
                "For your client, to work in: the whole plan with its progress, session notes and the client's reflections. Your private notes stay out. Their progress reports come back into this same plan."),
            (Choice::Template, Author::Coach) => ("Template for a client",
                "For a new client: goals, milestones, actions, KPIs and the check-in schedule. No personal data, values, notes or journal."),
            (Choice::Template, Author::Client) => ("Template",
                "For anyone: goals, milestones, actions, KPIs and the check-in schedule. No personal data, values or journal."),
            (Choice::Backup, Author::Coach) => ("Full backup for myself",
                "For you only: everything, your private notes included. For your client, send them their plan instead."),
            (Choice::Backup, Author::Client) => ("Full backup for myself",
                "For you only: everything, your private reflections included. For your coach, send a progress report instead."),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Readable {
    Markdown,
    Calendar,
    Csv,
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let ws = use_workspace();
    let role = ws.preferences().role();
    // Settings' backup reminder links here with ?backup.
    let asked_for_backup =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("backup").is_some());
    let open_kind = ws.plan.with_untracked(|p| p.as_ref().map(|p| p.kind));
    let choices: Vec<Choice> = match role {
        Author::Client => vec![Choice::Report, Choice::Template, Choice::Backup],
        Author::Coach if open_kind == Some(PlanKind::ClientPlan) => {
            vec![Choice::ClientPlan, Choice::Template, Choice::Backup]
        }
        Author::Coach => vec![Choice::Template, Choice::Backup],
    };
    let kind = RwSignal::new(if asked_for_backup {
        Choice::Backup
    } else {
        choices[0]
    });
    // A coach sends a client plan to the client it is for, by name.
    let client_plan_label = ws.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.client_name().map(|c| format!("Plan for {c}")))
    });
    let readable_for = RwSignal::new(Audience::other_side(role));
    let alarm_lead = RwSignal::new(ws.preferences().alarm_lead());
    let include_private = RwSignal::new(Vec::<Uuid>::new());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let private_reflections = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    let mut list: Vec<(Uuid, String, String)> = shareable_with_coach(p)
                        .map(|r| {
                            let first = crate::core::journal::excerpt(&r.fields.text, 80);
                            (
                                r.meta.id,
                                crate::ui::format::show_instant(
                                    r.meta.created_at,
                                    r.meta.written_offset,
                                ),
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
                Choice::Backup => export_plan(p, now, role),
                Choice::ClientPlan => export_plan_for_client(p, now, role),
                Choice::Template => export_template(p, now, role),
                Choice::Report => {
                    export_progress_report(p, &include_private.get_untracked(), now, role)
                }
            })
        })
    };

    let hand_over = move |share: bool| {
        error.set(None);
        done.set(None);
        let Some(file) = build() else { return };
        let is_backup = kind.get_untracked() == Choice::Backup;
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
                        ws.preferences().record_backup(BackupRecord {
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
        let audience = readable_for.get_untracked();
        let file = ws.plan.with_untracked(|p| {
            p.as_ref().map(|p| match what {
                Readable::Markdown => export_markdown(p, audience, now),
                Readable::Calendar => {
                    export_ics(p, audience, now, alarm_lead.get_untracked(), &BrowserZones)
                }
                Readable::Csv => export_measurements_csv(p, audience),
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
    let kind_option = move |value: Choice| {
        let (label, hint) = value.words(role);
        let label = match (value, &client_plan_label) {
            (Choice::ClientPlan, Some(named)) => named.clone(),
            _ => label.to_owned(),
        };
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
            <fieldset class="field choices" aria-describedby="export-deleted-hint">
                <legend>"What to send, and to whom"</legend>
                {choices.into_iter().map(kind_option).collect_view()}
            </fieldset>
            <p class="field-hint" id="export-deleted-hint">
                "Nothing you deleted is in any file: a deletion keeps only the note that it happened."
            </p>
            <Show when=move || kind.get() == Choice::Report && !private_reflections.with(Vec::is_empty)>
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
            <p class="muted">"For reading, printing or a calendar. These cannot be imported back."</p>
            <fieldset class="field choices">
                <legend>"Who are they for?"</legend>
                {[Audience::other_side(role), Audience::Myself].map(|value| {
                    let (label, hint) = readable_words(value, role);
                    view! {
                        <label class="choice choice-with-hint">
                            <input type="radio" name="readable-for" prop:checked=move || readable_for.get() == value
                                on:change=move |_| readable_for.set(value)/>
                            <span>{label}<small class="field-hint">{hint}</small></span>
                        </label>
                    }
                }).into_iter().collect_view()}
            </fieldset>
            <fieldset class="field choices" aria-describedby="alarm-lead-hint">
                <legend>"Calendar reminder before each check-in"</legend>
                <p class="field-hint" id="alarm-lead-hint">
                    "Check-ins go into the calendar at 9:00 on their day, in the check-in schedule's time zone. Your calendar app reminds you this long before."
                </p>
                {AlarmLead::ALL.map(|value| view! {
                    <label class="choice">
                        <input type="radio" name="alarm-lead" prop:checked=move || alarm_lead.get() == value
                            on:change=move |_| {
                                alarm_lead.set(value);
                                ws.preferences().set_alarm_lead(value);
                            }/>
                        <span>{value.label()}</span>
                    </label>
                }).into_iter().collect_view()}
            </fieldset>
            <div class="form-actions">
                <button class="button" type="button" on:click=move |_| readable(Readable::Markdown)>"Plan as Markdown"</button>
                <button class="button" type="button" on:click=move |_| readable(Readable::Calendar)>"Check-ins, milestones and action due dates (.ics)"</button>
                <button class="button" type="button" on:click=move |_| readable(Readable::Csv)>"KPI values (CSV)"</button>
            </div>
        </section>
    }
}

/// (label, what a readable copy holds) for `audience`, worded for a device of `role`.
fn readable_words(audience: Audience, role: Author) -> (&'static str, &'static str) {
    match (audience, role) {
        (Audience::Coach, _) => (
            "My coach",
            "Your plan and journal without your private reflections.",
        ),
        (Audience::Client, _) => (
            "My client",
            "The plan and the client's journal without your private notes.",
        ),
        (Audience::Myself, Author::Client) => (
            "Only me",
            "Everything, your private reflections included (marked private).",
        ),
        (Audience::Myself, Author::Coach) => (
            "Only me",
            "Everything, your private notes included (marked private).",
        ),
    }
}
