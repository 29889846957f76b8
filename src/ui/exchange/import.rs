//! Opening a plan file: picked or dropped, checked before anything is stored, previewed
//! (what will be added, changed and kept), and merged only when the person confirms.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use web_sys::{File, HtmlInputElement};

use super::device_files;
use crate::core::{Author, PlanKind};
use crate::exchange::crypto::{decrypt_plan_file, is_encrypted};
use crate::exchange::{
    merge_import, parse_plan_file, preview, received, FileKind, ImportPreview, ImportTarget,
    PlanFile,
};
use crate::ui::state::{device_role, reports, use_workspace};
use crate::ui::widgets::ErrorNotice;

/// Where the import is: nothing chosen, waiting for a passphrase, or showing the preview.
#[derive(Clone)]
enum Stage {
    Idle,
    Locked(Vec<u8>),
    Preview(Box<PlanFile>, Box<ImportPreview>),
}

fn kind_label(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Plan => "a full plan",
        FileKind::Template => "a template",
        FileKind::ProgressReport => "a progress report",
    }
}

fn author_label(by: Author) -> &'static str {
    match by {
        Author::Coach => "the coach",
        Author::Client => "the client",
    }
}

/// "goal" → "Goals", "activity" → "Activities", "plan details" stays "Plan details": enough
/// for the record nouns merge reports, as the first word of a table row.
fn plural(noun: &str) -> String {
    let many = if noun.ends_with('s') {
        noun.to_owned()
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    };
    capitalised(&many)
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let stage = RwSignal::new_local(Stage::Idle);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);

    // A client who opens a template starts working on it as their own plan.
    let show_preview = move |file: PlanFile| {
        // Before anything shows or stores it: what the sender should not have sent stays out.
        let mut file = received(file, device_role());
        leptos::task::spawn_local(async move {
            if file.kind == FileKind::Template && device_role() == Author::Client {
                file.plan.kind = PlanKind::ClientPlan;
            }
            match ws.stored_plan(file.plan.id()).await {
                Ok(local) => {
                    let p = preview(local.as_ref(), &file);
                    stage.set(Stage::Preview(Box::new(file), Box::new(p)));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let open_bytes = move |bytes: Vec<u8>| {
        if is_encrypted(&bytes) {
            stage.set(Stage::Locked(bytes));
            return;
        }
        match parse_plan_file(&bytes) {
            Ok(file) => show_preview(file),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let open_file = move |file: File| {
        error.set(None);
        done.set(None);
        stage.set(Stage::Idle);
        leptos::task::spawn_local(async move {
            match device_files::read(&file).await {
                Ok(bytes) => open_bytes(bytes),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let unlock = move || {
        let Stage::Locked(bytes) = stage.get_untracked() else {
            return;
        };
        let pass = passphrase.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = decrypt_plan_file(&bytes, &pass).await;
            busy.set(false);
            match result {
                Ok(file) => {
                    passphrase.set(String::new());
                    show_preview(file);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let confirm = move || {
        let Stage::Preview(file, p) = stage.get_untracked() else {
            return;
        };
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let local = ws.stored_plan(file.plan.id()).await.ok().flatten();
            let outcome = merge_import(local.as_ref(), &file);
            let summary = format!(
                "Imported '{}': {} added, {} updated, {} of yours kept.",
                outcome.plan.title,
                outcome.summary.added(),
                outcome.summary.changed(),
                outcome.summary.kept()
            );
            let result = ws.save_import(outcome, local.is_none()).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    stage.set(Stage::Idle);
                    done.set(Some(summary));
                    // A client's report opens on what they did since the previous one: where
                    // the coach's session starts.
                    if file.kind == FileKind::ProgressReport && file.exported_by == Author::Client {
                        reports::record_report(file.plan.id(), file.exported_at);
                        navigate("/plan/client-activity", Default::default());
                    } else if p.target == ImportTarget::NewPlan {
                        navigate("/plan", Default::default());
                    }
                }
                Err(e) => error.set(Some(format!("Nothing was imported. {e}"))),
            }
        });
    };

    // An installed app that was opened with a plan file (manifest `file_handlers`) gets it here.
    device_files::on_launch_file(open_file);

    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open_file(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    };

    let stage_view = move || {
        match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Locked(_) => view! {
            <form class="import-unlock" on:submit=move |ev| { ev.prevent_default(); unlock(); }>
                <div class="field">
                    <label for="import-passphrase">"This file is protected. Passphrase"</label>
                    <input id="import-passphrase" type="password" autocomplete="off" bind:value=passphrase/>
                </div>
                <button class="button primary" type="submit" disabled=move || busy.get()>"Open file"</button>
            </form>
        }
        .into_any(),
        Stage::Preview(file, p) => {
            let where_to = match p.target {
                ImportTarget::NewPlan => format!("It will be added to this device as a new plan, '{}'.", p.plan_title),
                ImportTarget::Merge => format!("It will be merged into your plan '{}'. Nothing of yours is deleted; where both sides changed the same thing, the newer change wins.", p.plan_title),
            };
            let rows = p
                .summary
                .kinds
                .iter()
                .filter(|k| k.added + k.changed + k.kept > 0)
                .map(|k| view! {
                    <tr><th scope="row">{plural(k.noun)}</th>
                        <td>{k.added}</td><td>{k.changed}</td><td>{k.kept}</td></tr>
                })
                .collect_view();
            let titles = |heading: &'static str, list: &[String]| {
                (!list.is_empty()).then(|| {
                    let items = list.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
                    view! { <h4>{heading}</h4><ul class="import-titles">{items}</ul> }
                })
            };
            let nothing = p.nothing_to_do();
            view! {
                <div class="import-preview" data-testid="import-preview">
                    <h3>{capitalised(&format!("{} from {}", kind_label(file.kind), author_label(file.exported_by)))}</h3>
                    <p>{format!("Exported {}.", file.exported_at.format("%-d %B %Y, %H:%M UTC"))}" "{where_to}</p>
                    {if nothing {
                        view! { <p class="notice info">"This device already has everything in this file."</p> }.into_any()
                    } else {
                        view! {
                            <table class="import-counts">
                                <thead><tr><th scope="col">"Records"</th><th scope="col">"New"</th><th scope="col">"Updated"</th><th scope="col">"Yours kept"</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                            {titles("New", &p.summary.added_titles)}
                            {titles("Updated", &p.summary.changed_titles)}
                            {titles("Yours kept (newer here)", &p.summary.kept_titles)}
                        }.into_any()
                    }}
                    <div class="form-actions">
                        <button class="button primary" type="button" disabled=move || busy.get() || nothing
                            on:click={let confirm = confirm.clone(); move |_| confirm()}>"Import"</button>
                        <button class="button" type="button" on:click=move |_| stage.set(Stage::Idle)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Open a plan file"</h2>
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                // iPhone and iPad have no file handlers for web apps: tapping the file in Files or
                // Mail never opens Waymark, so the words say where to go instead.
                <p>"A file from your coach or client ("<code>".waymark.json"</code>"). Save it to your files first: tapping it in an email or a chat does not open Waymark on every phone (never on an iPhone or iPad). Then choose it here, or drop it here."</p>
                <label class="button" for="import-file">"Choose a plan file"</label>
                <input id="import-file" class="visually-hidden" type="file"
                    accept=".json,application/json,application/vnd.waymark+json"
                    on:change=on_pick/>
            </div>
            <ErrorNotice message=error/>
            <Show when=move || done.get().is_some()>
                <p class="notice info" role="status">{move || done.get().unwrap_or_default()}</p>
            </Show>
            {stage_view}
        </section>
    }
}
