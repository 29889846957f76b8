//! Opening a plan file: picked or dropped, checked before anything is stored, previewed
//! (what will be added, changed and kept), and merged only when the person confirms.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use web_sys::{File, HtmlInputElement};

use super::device_files;
use crate::core::ids::{new_id, PlanId};
use crate::core::{Author, Plan};
use crate::exchange::crypto::{decrypt_plan_file, is_encrypted};
use crate::exchange::identity::related;
use crate::exchange::{
    other_role_backup, parse_plan_file, preview_route, received, route, FileKind, ImportPreview,
    ImportTarget, OtherRoleBackup, Placement, PlanFile, Route, StartSetup,
};
use crate::ui::format;
use crate::ui::state::{use_workspace, Workspace};
use crate::ui::widgets::ErrorNotice;

/// Where the import is: nothing chosen, waiting for a passphrase, or showing the preview.
#[derive(Clone)]
enum Stage {
    Idle,
    /// Chosen and being read, checked and placed (a second on a phone for a large file).
    Reading,
    Locked(Vec<u8>),
    Preview(Box<Opened>),
}

/// A file on its way in: what it is, where it goes, and what that would do.
#[derive(Clone)]
struct Opened {
    file: PlanFile,
    /// The id a plan started from a template gets: chosen once, so the preview and the saved
    /// plan are the same plan.
    new_plan_id: uuid::Uuid,
    /// "Keep as a separate plan" was chosen.
    separate: bool,
    preview: ImportPreview,
}

fn kind_label(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Plan => "a full plan",
        FileKind::Template => "a template",
        FileKind::ProgressReport => "a progress report",
        FileKind::PlanForClient => "a plan for the client",
    }
}

/// The local plans a file could go into, loaded, and where it goes among them.
async fn route_on_device(
    ws: Workspace,
    file: &PlanFile,
    separate: bool,
    setup: &StartSetup,
) -> Result<Route, String> {
    // A file the app was launched with arrives before the device's plans are read.
    ws.opened().await;
    let listed: Vec<(uuid::Uuid, Option<uuid::Uuid>)> = ws.plans.with_untracked(|l| {
        l.iter()
            .map(|p| (p.id.uuid(), p.from_template.map(PlanId::uuid)))
            .collect()
    });
    let mut local: Vec<Plan> = Vec::new();
    for id in related(file, &listed) {
        if let Some(p) = ws
            .stored_plan(PlanId(id))
            .await
            .map_err(|e| e.to_string())?
        {
            local.push(p);
        }
    }
    route(file, &local, ws.preferences().role(), separate, setup).map_err(|e| e.to_string())
}

/// What the preview says about where the file goes.
fn where_to(p: &ImportPreview) -> String {
    if p.mismatch.is_some() {
        return "This device holds another plan under this file's id. Nothing is imported until you choose.".to_owned();
    }
    let merge_note = "Nothing of yours is deleted; where both sides changed the same thing, the newer change wins.";
    match p.placement {
        Placement::NewPlan => format!("It will be added to this device as a new plan, '{}'.", p.plan_title),
        Placement::StartFromTemplate => format!("It will be added to this device as a new plan of your own, '{}'. A later version of this template from your coach is merged into it, and your own work stays as it is.", p.plan_title),
        Placement::UpdateFromTemplate => format!(
            "It is a newer version of the template your plan '{}' came from; its changes will be merged in. {merge_note}",
            p.plan_titles.join("', '")
        ),
        Placement::Separate => format!("It will be kept as a separate plan, '{}', apart from the plan on this device with the same origin.", p.plan_title),
        Placement::Merge => format!("It will be merged into your plan '{}'. {merge_note}", p.plan_title),
    }
}

fn author_label(by: Author) -> &'static str {
    match by {
        Author::Coach => "the coach",
        Author::Client => "the client",
    }
}

fn role_name(role: Author) -> &'static str {
    match role {
        Author::Coach => "coach",
        Author::Client => "client",
    }
}

/// What the private journal entries of `role` are called in the app.
fn private_entries(role: Author) -> &'static str {
    match role {
        Author::Coach => "private notes",
        Author::Client => "private reflections",
    }
}

/// What the preview says about a full backup made on a device of the other role: that it is
/// cut here, what that leaves out, and that switching restores it whole.
fn other_role_notice(b: &OtherRoleBackup, here: Author) -> (String, String) {
    let (author, here) = (role_name(b.role), role_name(here));
    let private = private_entries(b.role);
    let left_out = match b.left_out {
        0 => format!("Nothing in it is private to the {author}, but every change made here would be marked as the {here}'s."),
        1 => format!("Imported as it is, it leaves out 1 of the {author}'s {private}."),
        n => format!("Imported as it is, it leaves out {n} of the {author}'s {private}."),
    };
    (
        format!("This full backup was made on a {author}'s device, and this device is set to {here}. {left_out}"),
        format!("If it is your own backup, switch this device to {author}: everything in it is restored, your {private} included."),
    )
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
    // A full backup by the other role, kept whole until the person decides (see
    // `exchange::audience::OtherRoleBackup`); the preview shows it cut meanwhile.
    let other_role = RwSignal::new_local(None::<(OtherRoleBackup, PlanFile)>);

    // Asked when a template starts a plan on this device (a client opening their coach's
    // template): whom it is for and its first day, so no date in it is overdue on day one.
    // The name this client already gave (their profile, or the plan they work in) comes first.
    let client_name = RwSignal::new(ws.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.client_name())
            .unwrap_or_default()
            .to_owned()
    }));
    let starts_on = RwSignal::new(format::iso(format::today()));
    let setup = move |new_plan_id| StartSetup {
        plan_id: new_plan_id,
        client: Some(client_name.get_untracked()).filter(|n| !n.trim().is_empty()),
        starts_on: format::parse_date("The first day", &starts_on.get_untracked())
            .ok()
            .flatten()
            .unwrap_or_else(format::today),
        now: format::now(),
    };

    // A chosen file that cannot be opened leaves "Reading the file…" for the reason why.
    let refuse = move |message: String| {
        stage.set(Stage::Idle);
        error.set(Some(message));
    };
    let show_route = move |file: PlanFile, new_plan_id, separate: bool| {
        leptos::task::spawn_local(async move {
            match route_on_device(ws, &file, separate, &setup(new_plan_id)).await {
                Ok(r) => {
                    let preview = preview_route(&file, &r);
                    stage.set(Stage::Preview(Box::new(Opened {
                        file,
                        new_plan_id,
                        separate,
                        preview,
                    })));
                }
                Err(e) => refuse(e),
            }
        });
    };
    // Before anything shows or stores it: what the sender should not have sent stays out.
    let show_preview = move |file: PlanFile| {
        let role = ws.preferences().role();
        other_role.set(other_role_backup(&file, role).map(|b| (b, file.clone())));
        show_route(received(file, role), new_id(), false)
    };
    // The person says the backup is theirs: this device takes the backup's role, and the file
    // is previewed again, now received whole.
    let switch_role = move || {
        if let Some((b, whole)) = other_role.get_untracked() {
            ws.preferences().set_role(b.role);
            other_role.set(None);
            show_route(received(whole, b.role), new_id(), false);
        }
    };

    let open_bytes = move |bytes: Vec<u8>| {
        if is_encrypted(&bytes) {
            stage.set(Stage::Locked(bytes));
            return;
        }
        match parse_plan_file(&bytes) {
            Ok(file) => show_preview(file),
            Err(e) => refuse(e.to_string()),
        }
    };

    let open_file = move |file: File| {
        error.set(None);
        done.set(None);
        stage.set(Stage::Reading);
        other_role.set(None);
        leptos::task::spawn_local(async move {
            match device_files::read(&file).await {
                Ok(bytes) => open_bytes(bytes),
                Err(e) => refuse(e.to_string()),
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
        let Stage::Preview(opened) = stage.get_untracked() else {
            return;
        };
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let Opened {
                file,
                new_plan_id,
                separate,
                preview: p,
            } = *opened;
            // Routed again on what is stored now: another tab may have changed a plan since.
            let r = match route_on_device(ws, &file, separate, &setup(new_plan_id)).await {
                Ok(r) => r,
                Err(e) => {
                    busy.set(false);
                    error.set(Some(format!("Nothing was imported. {e}")));
                    return;
                }
            };
            let mut summary = String::new();
            let mut saved = None;
            for target in &r.targets {
                let outcome = target.merge(&file);
                let id = outcome.plan.id();
                summary.push_str(&format!(
                    "Imported '{}': {} added, {} updated, {} of yours kept. ",
                    outcome.plan.title,
                    outcome.summary.added(),
                    outcome.summary.changed(),
                    outcome.summary.kept()
                ));
                if let Err(e) = ws.save_import(outcome, target.local.is_none()).await {
                    busy.set(false);
                    error.set(Some(format!("Not everything was imported. {e}")));
                    return;
                }
                saved = Some(id);
            }
            busy.set(false);
            stage.set(Stage::Idle);
            other_role.set(None);
            done.set(Some(summary.trim_end().to_owned()));
            // A client's report opens on what they did since the previous one: where the
            // coach's session starts.
            if file.kind == FileKind::ProgressReport && file.exported_by == Author::Client {
                if let Some(id) = saved {
                    ws.preferences().record_report(id, file.exported_at);
                }
                // `?imported`: shown on the way, not yet looked at (a coach may be importing
                // a whole batch), so the Clients screen keeps its "new report" marker.
                navigate("/plan/client-activity?imported", Default::default());
            } else if p.target == ImportTarget::NewPlan {
                navigate("/plan", Default::default());
            }
        });
    };

    // A plan file the installed app was opened with (manifest `file_handlers`, via the launch
    // queue), or one shared to it (manifest `share_target`, kept by the service worker).
    let arrived = expect_context::<super::Arrived>();
    Effect::new(move |_| {
        if let Some(file) = arrived.0.get() {
            arrived.0.set(None);
            open_file(file);
        }
    });
    leptos::task::spawn_local(async move {
        if let Some(file) = device_files::take_shared_file().await {
            open_file(file);
        }
    });

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
        Stage::Reading => view! {
            <p class="muted" role="status" data-testid="import-reading">"Reading the file…"</p>
        }
        .into_any(),
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
        Stage::Preview(opened) => {
            let Opened { file, new_plan_id, preview: p, .. } = *opened;
            let where_to = where_to(&p);
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
            let belongs = match (&p.client, p.placement) {
                (_, Placement::StartFromTemplate) => format!("Your plan: '{}'", p.plan_title),
                (Some(c), _) => format!("For {c}: '{}'", p.plan_title),
                (None, _) => format!("Plan '{}' (no client named)", p.plan_title),
            };
            let starting = p.placement == Placement::StartFromTemplate;
            let mismatch = p.mismatch.as_ref().map(ToString::to_string);
            let other = other_role.with(|o| o.as_ref().map(|(b, _)| b.clone()));
            let has_mismatch = mismatch.is_some();
            let separate_file = file.clone();
            let keep_apart = move |_| show_route(separate_file.clone(), new_plan_id, true);
            // The preview's own offer (keep apart, or switch role) is the primary action then.
            let confirm_class = if has_mismatch || other.is_some() { "button" } else { "button primary" };
            let confirm_label = match &other {
                _ if has_mismatch => format!("Merge into '{}' anyway", p.plan_title),
                Some(b) if b.left_out > 0 => format!("Import without the {}'s {}", role_name(b.role), private_entries(b.role)),
                _ => "Import".to_owned(),
            };
            view! {
                <div class="import-preview" data-testid="import-preview">
                    <h3>{capitalised(&format!("{} from {}", kind_label(file.kind), author_label(file.exported_by)))}</h3>
                    <p class="import-belongs" data-testid="import-belongs"><strong>{belongs}</strong></p>
                    <p>{format!("Exported {}.", crate::ui::format::date_time(file.exported_at))}" "{where_to}</p>
                    {mismatch.map(|m| view! {
                        <div class="notice warning" role="alert" data-testid="import-mismatch">
                            <p>{m}</p>
                            <p>"Keep it as a separate plan unless you are sure both are the same person's plan."</p>
                        </div>
                    })}
                    {other.map(|b| (b.role, other_role_notice(&b, ws.preferences().role()))).map(|(role, (said, offer))| view! {
                        <div class="notice warning" role="alert" data-testid="import-other-role">
                            <p>{said}</p>
                            <p>{offer}</p>
                            <button class="button primary" type="button" disabled=move || busy.get()
                                on:click=move |_| switch_role()>{format!("Switch this device to {} and restore everything", role_name(role))}</button>
                        </div>
                    })}
                    {starting.then(|| view! {
                        <div class="field">
                            <label for="import-client">"Your name"</label>
                            <input id="import-client" type="text" maxlength="200" autocomplete="name" bind:value=client_name/>
                        </div>
                        <div class="field">
                            <label for="import-start">"First day of your plan"</label>
                            <input id="import-start" type="date" bind:value=starts_on aria-describedby="import-start-hint"/>
                            <p class="field-hint" id="import-start-hint">"Every date in the template counts from this day."</p>
                        </div>
                    })}
                    {if nothing {
                        view! { <p class="notice info">"This device already has everything in this file."</p> }.into_any()
                    } else {
                        view! {
                            // A focusable region of its own, so a table wider than a phone
                            // (five-digit counts, 200 % text) scrolls itself, not the page.
                            <div class="table-scroll" role="region" aria-label="What the file holds" tabindex="0">
                                <table class="import-counts">
                                    <thead><tr><th scope="col">"Records"</th><th scope="col">"New"</th><th scope="col">"Updated"</th><th scope="col">"Yours kept"</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {titles("New", &p.summary.added_titles)}
                            {titles("Updated", &p.summary.changed_titles)}
                            {titles("Yours kept (newer here)", &p.summary.kept_titles)}
                        }.into_any()
                    }}
                    <div class="form-actions">
                        {has_mismatch.then(|| view! {
                            <button class="button primary" type="button" disabled=move || busy.get()
                                on:click=keep_apart.clone()>"Keep as a separate plan"</button>
                        })}
                        <button class=confirm_class type="button"
                            disabled=move || busy.get() || nothing
                            on:click={let confirm = confirm.clone(); move |_| confirm()}>{confirm_label}</button>
                        <button class="button" type="button" on:click=move |_| { stage.set(Stage::Idle); other_role.set(None); }>"Cancel"</button>
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
                // No phone lets a web app handle files (manifest `file_handlers` is desktop
                // Chromium only; docs/RELIABILITY.md, "iOS facts"): tapping the file in Files or
                // Mail never opens Waymark, so the words say where to go instead.
                <p>"A file from your coach or client ("<code>".waymark.json"</code>"). Save it to your files first: on a phone, tapping it in an email or a chat does not open Waymark. Then choose it here, or drop it here."</p>
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
