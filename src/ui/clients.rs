//! The Clients screen: a coach's caseload, one row per client plan (whom it is for, its
//! title, the last report, the check-in, streak, pace and KPIs, and a marker for a report not
//! looked at yet), searchable and sortable, with the templates apart ("Send the latest
//! version"). On a client's device the same screen lists their plans. The rows come from
//! `session::clients` (pure, tested natively); this file only shows them and asks first
//! before archiving or deleting.

use crate::core::ids::PlanId;
use leptos::prelude::*;

use super::exchange::device_files;
use super::format::{now, short_date, short_day_of, show_date, today};
use super::page::Page;
use super::plan_naming::StartClientPlan;
use super::state::use_workspace;
use super::widgets::ErrorNotice;
use crate::core::backup::BackupRecord;
use crate::core::practice::{CheckInDue, Standing};
use crate::core::Author;
use crate::exchange::{export_plan, export_plan_for_client, ExportedFile};
use crate::session::clients::{client_rows, template_rows, ClientRow, Order, RowFilter};
use crate::session::LoadState;

/// What a row is asking before it acts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Archive(PlanId),
    Delete(PlanId),
}

/// The files "Send the latest version" made, one per client.
#[derive(Clone)]
struct Sent {
    template: PlanId,
    files: Vec<(String, ExportedFile)>,
}

#[component]
pub fn ClientsScreen() -> impl IntoView {
    let ws = use_workspace();
    let coach = ws.preferences().role() == Author::Coach;
    let title = if coach { "Clients" } else { "Your plans" };
    view! {
        <Page title=title>
            <div class="clients-screen">
                <ClientList coach=coach/>
                <Templates coach=coach/>
            </div>
        </Page>
    }
}

/// A day, with its year only when it is not this year's.
fn day(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == today().year() {
        short_date(d)
    } else {
        show_date(d)
    }
}

fn checkin_text(s: &Standing) -> (String, &'static str) {
    match s.checkin {
        CheckInDue::NoSchedule => ("No schedule".to_owned(), ""),
        CheckInDue::Due { days_late: 0, .. } => ("Due today".to_owned(), "due"),
        CheckInDue::Due { since, .. } => (format!("Overdue since {}", day(since)), "late"),
        CheckInDue::NotDue { next } => (format!("Next {}", day(next)), ""),
    }
}

fn fact(label: &'static str, value: String, class: &'static str) -> impl IntoView {
    view! {
        <span class=format!("fact {class}")>
            <span class="fact-label">{label}</span>" "
            <span class="fact-value">{value}</span>
        </span>
    }
}

#[component]
fn ClientList(coach: bool) -> impl IntoView {
    let ws = use_workspace();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(Order::OverdueFirst);
    let archived = RwSignal::new(false);
    let asking = RwSignal::new(None::<Ask>);
    let error = RwSignal::new(None::<String>);
    // Each plan's facts were kept when it was last saved or opened: no plan is read here.
    // Until the device's plan list has been read (a reload straight onto /clients) there is
    // nothing to list yet, and the list must not claim to be complete and empty.
    let facts = LocalResource::new(move || {
        ws.plans.track();
        let listed = ws.load.with(|l| *l != LoadState::Loading);
        async move {
            if listed {
                Some(ws.plan_facts().await)
            } else {
                None
            }
        }
    });
    let rows = Memo::new(move |_| {
        let filter = RowFilter {
            order: order.get(),
            archived: archived.get(),
            query: query.get(),
        };
        let facts = facts.get().flatten().unwrap_or_default();
        ws.plans.with(|plans| {
            client_rows(
                plans,
                &facts,
                &ws.preferences().report_windows(),
                &filter,
                now(),
            )
        })
    });
    let open_id = move || ws.plan.with(|p| p.as_ref().map(|p| PlanId(p.id())));

    let open_then = move |id: PlanId, path: &'static str| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match ws.open_plan(id).await {
                Ok(()) => navigate.with_value(|go| go(path, Default::default())),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let set_archived = move |id: PlanId, to: bool| {
        asking.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            if let Err(e) = ws
                .apply_to(id, move |p, now, by| p.set_archived(to, now, by))
                .await
            {
                error.set(Some(e.to_string()));
            }
        });
    };
    let delete = move |id: PlanId| {
        asking.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            if let Err(e) = ws.delete_plan(id).await {
                error.set(Some(e.to_string()));
            }
        });
    };
    let backup = move |id: PlanId| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = match ws.stored_plan(id).await {
                Ok(Some(p)) => {
                    let file = export_plan(&p, crate::ui::format::now(), ws.preferences().role());
                    device_files::download(&file).map(|()| {
                        ws.preferences().record_backup(BackupRecord {
                            plan_id: id.uuid(),
                            plan_title: p.title.clone(),
                            at: chrono::Utc::now(),
                            file_name: file.file_name.clone(),
                        })
                    })
                }
                Ok(None) => Ok(()),
                Err(e) => Err(e.to_string()),
            };
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };

    let row_view = move |r: ClientRow| {
        let id = r.id;
        let name = r.name().to_owned();
        let heading_id = format!("client-{id}");
        let standing = r.standing;
        let facts_view = standing.map(|s| {
            let (checkin, class) = checkin_text(&s);
            let goals = match (s.goals_on_pace, s.goals_behind) {
                (0, 0) => "No pace yet".to_owned(),
                (on, 0) => format!("{on} on pace"),
                (0, behind) => format!("{behind} behind"),
                (on, behind) => format!("{on} on pace, {behind} behind"),
            };
            let kpis = if s.kpis == 0 {
                "None".to_owned()
            } else {
                format!("{} of {} moving", s.kpis_moving, s.kpis)
            };
            view! {
                {fact("Check-in", checkin, class)}
                {fact("Streak", s.streak.to_string(), "")}
                {fact("Goals", goals, if s.goals_behind > 0 { "behind" } else { "" })}
                {fact("KPIs", kpis, "")}
            }
        });
        let report = r
            .last_report
            .map_or_else(|| "None yet".to_owned(), |t| short_day_of(t, None));
        let archived_row = r.archived;
        let subtitle = (r.client.is_some()).then(|| r.title.clone());
        let ask_text_name = name.clone();
        let restore_name = name.clone();
        let delete_name = name.clone();
        let news_label = format!("New report: see what changed ({name})");
        view! {
            <li class="client-row" data-testid="client-row">
                <div class="client-who">
                    <h3 id=heading_id class="client-name">{name.clone()}</h3>
                    {subtitle.map(|t| view! { <p class="client-plan-title">{t}</p> })}
                    <Show when=move || open_id() == Some(id)>
                        <span class="tag">"Open now"</span>
                    </Show>
                    {archived_row.then(|| view! { <span class="tag">"Archived"</span> })}
                    {r.news.then(|| view! {
                        <button class="link-button news" type="button" data-testid="client-news" aria-label=news_label.clone()
                            on:click=move |_| open_then(id, "/plan/client-activity")>
                            "New report: see what changed"
                        </button>
                    })}
                </div>
                <div class="client-facts">
                    {fact("Last report", report, "")}
                    {facts_view}
                </div>
                <div class="client-actions">
                    <button class="button primary" type="button"
                        aria-label=format!("Open {name}")
                        on:click=move |_| open_then(id, "/plan")>"Open"</button>
                    {if archived_row {
                        view! {
                            <button class="button" type="button" aria-label=format!("Restore {restore_name}’s plan") on:click=move |_| set_archived(id, false)>"Restore"</button>
                        }.into_any()
                    } else {
                        view! {
                            <button class="button" type="button" aria-label=format!("Archive {restore_name}’s plan") on:click=move |_| asking.set(Some(Ask::Archive(id)))>"Archive"</button>
                        }.into_any()
                    }}
                    <button class="button" type="button" aria-label=format!("Delete {delete_name}’s plan") on:click=move |_| asking.set(Some(Ask::Delete(id)))>"Delete"</button>
                </div>
                <Show when=move || asking.get() == Some(Ask::Archive(id))>
                    <div class="notice warning" role="alertdialog" aria-label="Archive this plan?" data-testid="confirm-archive">
                        <p>{format!("Archive {}’s plan? It is kept on this device and can be read, but nothing in it can be changed until you restore it.", ask_text_name)}</p>
                        <div class="form-actions">
                            <button class="button danger" type="button" on:click=move |_| set_archived(id, true)>"Archive it"</button>
                            <button class="button" type="button" on:click=move |_| asking.set(None)>"Keep it open"</button>
                        </div>
                    </div>
                </Show>
                <Show when=move || asking.get() == Some(Ask::Delete(id))>
                    <div class="notice warning" role="alertdialog" aria-label="Delete this plan?" data-testid="confirm-delete">
                        <p>{format!("Delete {}’s plan from this device? This cannot be undone. A backup file keeps a copy you can open again.", name)}</p>
                        <div class="form-actions">
                            <button class="button" type="button" on:click=move |_| backup(id)>"Download a backup first"</button>
                            <button class="button danger" type="button" on:click=move |_| delete(id)>"Delete it"</button>
                            <button class="button" type="button" on:click=move |_| asking.set(None)>"Keep it"</button>
                        </div>
                    </div>
                </Show>
            </li>
        }
    };

    let heading = if coach {
        "Client plans"
    } else {
        "Plans on this device"
    };
    view! {
        <section class="card clients-card" aria-labelledby="clients-heading">
            <h2 id="clients-heading">{heading}</h2>
            <div class="clients-tools" role="search">
                <div class="field">
                    <label for="clients-search">"Search by name"</label>
                    <input id="clients-search" type="search" autocomplete="off" bind:value=query/>
                </div>
                <div class="field">
                    <label for="clients-order">"Order"</label>
                    <select id="clients-order"
                        on:change=move |ev| order.set(if event_target_value(&ev) == "name" { Order::ByName } else { Order::OverdueFirst })>
                        <option value="overdue" selected=true>"Overdue first"</option>
                        <option value="name">"By name"</option>
                    </select>
                </div>
                <label class="choice">
                    <input type="checkbox" bind:checked=archived/>
                    <span>"Archived plans"</span>
                </label>
            </div>
            <ErrorNotice message=error/>
            <p class="muted" role="status" data-testid="clients-count">{move || {
                let n = rows.with(Vec::len);
                match (n, archived.get()) {
                    (1, false) => "1 plan".to_owned(),
                    (1, true) => "1 archived plan".to_owned(),
                    (n, false) => format!("{n} plans"),
                    (n, true) => format!("{n} archived plans"),
                }
            }}</p>
            <ul class="client-list" aria-busy=move || if facts.with(|f| matches!(f, Some(Some(_)))) { "false" } else { "true" }>
                <For each=move || rows.get() key=|r| r.clone() let(r)>
                    {row_view(r)}
                </For>
            </ul>
            <div class="form-actions">
                <a class="button" href="/welcome">{if coach { "Start a plan from scratch" } else { "Start another plan" }}</a>
                <a class="button" href="/share">{if coach { "Import a client's report" } else { "Import a plan file" }}</a>
            </div>
        </section>
    }
}

#[component]
fn Templates(coach: bool) -> impl IntoView {
    let ws = use_workspace();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let templates = Memo::new(move |_| ws.plans.with(|p| template_rows(p)));
    let starting = RwSignal::new(None::<PlanId>);
    let sent = RwSignal::new(None::<Sent>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let send_latest = move |id: PlanId| {
        error.set(None);
        sent.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match ws.update_from_template(id).await {
                Ok(plans) => {
                    let at = chrono::Utc::now();
                    let files = plans
                        .iter()
                        .map(|p| {
                            let who = p.client_name().unwrap_or(&p.title).to_owned();
                            (who, export_plan_for_client(p, at, ws.preferences().role()))
                        })
                        .collect();
                    sent.set(Some(Sent {
                        template: id,
                        files,
                    }));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let open = move |id: PlanId| {
        leptos::task::spawn_local(async move {
            match ws.open_plan(id).await {
                Ok(()) => navigate.with_value(|go| go("/plan", Default::default())),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <section class="card templates-card" aria-labelledby="templates-heading">
            <h2 id="templates-heading">"Templates"</h2>
            <Show when=move || templates.with(Vec::is_empty)>
                <p class="muted">"No template yet. Open a plan whose design you want to reuse, and in Settings choose “Save a copy as a template”."</p>
            </Show>
            <ul class="template-list">
                <For each=move || templates.get() key=|t| t.clone() let(t)>
                    {
                        let id = t.id;
                        let count = match t.client_plans {
                            0 => "No client plan made from it yet".to_owned(),
                            1 => "1 client plan made from it".to_owned(),
                            n => format!("{n} client plans made from it"),
                        };
                        let heading_id = format!("template-{id}");
                        let has_plans = t.client_plans > 0;
                        view! {
                            <li class="template-row" data-testid="template-row">
                                <h3 id=heading_id class="client-name">{t.title.clone()}
                                    {t.archived.then(|| view! { <span class="tag">"Archived"</span> })}
                                </h3>
                                <p class="muted" data-testid="template-count">{count}</p>
                                <div class="client-actions">
                                    <button class="button" type="button"
                                        aria-label=format!("Open the template {}", t.title)
                                        on:click=move |_| open(id)>"Open"</button>
                                    {coach.then(|| view! {
                                        <button class="button" type="button"
                                            on:click=move |_| starting.set(Some(id))>"Start a client plan"</button>
                                        <button class="button primary" type="button"
                                            disabled=move || !has_plans || busy.get()
                                            on:click=move |_| send_latest(id)>"Send the latest version"</button>
                                    })}
                                </div>
                                <Show when=move || starting.get() == Some(id)>
                                    <StartClientPlan template=id.uuid() on_cancel=Callback::new(move |()| starting.set(None))/>
                                </Show>
                                <Show when=move || sent.with(|s| s.as_ref().is_some_and(|s| s.template == id))>
                                    <SentFiles sent=sent/>
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ul>
            <ErrorNotice message=error/>
        </section>
    }
}

/// The files "Send the latest version" made: one per client, each named for its client.
#[component]
fn SentFiles(sent: RwSignal<Option<Sent>>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let files = move || sent.get().map(|s| s.files).unwrap_or_default();
    view! {
        <div class="notice info sent-files" role="status" data-testid="sent-files">
            <p>{move || format!(
                "Updated {} client plans with this template's latest version; each client's own work is kept. Send each client their file: they import it into their plan.",
                files().len()
            )}</p>
            <ul class="sent-list">
                {move || files().into_iter().map(|(who, file)| {
                    let name = file.file_name.clone();
                    view! {
                        <li>
                            <button class="button" type="button"
                                on:click=move |_| if let Err(e) = device_files::download(&file) { error.set(Some(e)) }>
                                {format!("Download {who}’s plan")}
                            </button>
                            <span class="muted file-name">{name}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ErrorNotice message=error/>
        </div>
    }
}
