//! Today: what matters now. Actions that are overdue or due this week (each done with one
//! tap), whether a check-in is due, KPIs that have not been logged lately (each logged with
//! one tap), and a nudge to reflect. Every list is derived from the open plan by core rules,
//! so it updates by itself once a change is saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::page::Page;
use super::state::{use_workspace, WithPlan};
use super::widgets::ErrorNotice;
use crate::core::checkin::checkin_status;
use crate::core::progress::{
    due_soon_actions, latest_measurement, next_actions, overdue_actions, stale_kpis,
};
use crate::core::prompts::prompt_for_day;
use crate::core::{Author, Plan};
use crate::ui::format::{self, long_date, short_date, short_day_of, with_unit};
use crate::ui::zone::BrowserZones;

/// A KPI is "not logged lately" after this many days without a value.
const STALE_AFTER_DAYS: u32 = 7;
/// "Due soon" covers today and the next six days.
const DUE_WINDOW_DAYS: u32 = 6;
/// How many undated actions "Next" shows.
const NEXT_COUNT: usize = 3;

#[component]
pub fn TodayScreen() -> impl IntoView {
    view! {
        <Page title="Today">
            <WithPlan>
                <TodayContent/>
            </WithPlan>
        </Page>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct ActionRow {
    id: Uuid,
    title: String,
    goal: Option<String>,
    due: String,
    overdue: bool,
    if_then: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct KpiRow {
    id: Uuid,
    name: String,
    unit: String,
    goal: String,
    last: String,
}

#[derive(Clone, Debug, PartialEq)]
enum CheckInView {
    NoSchedule,
    Due { since: String, streak: u32 },
    NotDue { next: String, streak: u32 },
}

fn goal_title(plan: &Plan, id: Option<Uuid>) -> Option<String> {
    id.and_then(|g| plan.goal(g))
        .map(|g| g.fields.title.clone())
}

fn action_row(plan: &Plan, a: &crate::core::action::Action, overdue: bool) -> ActionRow {
    let today = format::today();
    ActionRow {
        id: a.meta.id,
        title: a.fields.title.clone(),
        goal: goal_title(plan, a.fields.goal_id).or_else(|| Some("Whole plan".to_owned())),
        due: a
            .fields
            .due
            .map(|d| {
                if overdue {
                    format!("Overdue since {}", short_date(d))
                } else if d == today {
                    "Due today".to_owned()
                } else {
                    format!("Due {}", long_date(d))
                }
            })
            .unwrap_or_default(),
        overdue,
        if_then: a
            .fields
            .if_then
            .as_ref()
            .map(|p| format!("If {}, then {}.", p.when, p.then)),
    }
}

fn action_rows(plan: &Plan) -> Vec<ActionRow> {
    let today = format::today();
    overdue_actions(plan, today)
        .into_iter()
        .map(|a| action_row(plan, a, true))
        .chain(
            due_soon_actions(plan, today, DUE_WINDOW_DAYS)
                .into_iter()
                .map(|a| action_row(plan, a, false)),
        )
        .collect()
}

/// The best undated actions: what to pick up when nothing is due.
fn next_rows(plan: &Plan) -> Vec<ActionRow> {
    next_actions(plan, NEXT_COUNT)
        .into_iter()
        .map(|a| action_row(plan, a, false))
        .collect()
}

fn kpi_rows(plan: &Plan) -> Vec<KpiRow> {
    stale_kpis(plan, format::now(), STALE_AFTER_DAYS)
        .into_iter()
        .map(|k| KpiRow {
            id: k.meta.id,
            name: k.fields.name.clone(),
            unit: k.fields.unit.clone(),
            goal: goal_title(plan, Some(k.fields.goal_id)).unwrap_or_default(),
            last: match latest_measurement(plan, k.meta.id) {
                Some(m) => format!(
                    "Last logged: {} on {}",
                    with_unit(m.value, &k.fields.unit),
                    short_day_of(m.at, m.meta.written_offset)
                ),
                None => "Nothing logged yet".to_owned(),
            },
        })
        .collect()
}

/// What the empty "KPIs to update" list means: no KPI at all, KPIs never logged (too new to be
/// listed), or every KPI logged lately. Only the last may say "every KPI has a recent value".
fn kpi_empty_text(plan: &Plan) -> &'static str {
    let open: Vec<_> = plan
        .kpis
        .iter()
        .filter(|k| k.meta.is_live())
        .filter(|k| plan.goal(k.fields.goal_id).is_some_and(|g| g.is_open()))
        .collect();
    if open.is_empty() {
        "No KPI to update yet. A KPI makes a goal measurable: add one on the goal's page."
    } else if open
        .iter()
        .any(|k| latest_measurement(plan, k.meta.id).is_none())
    {
        "Some KPIs have no value yet. Log the first one on the goal's page when you have it."
    } else {
        "Every KPI has a recent value. Log new ones at your next check-in."
    }
}

fn checkin_view(plan: &Plan) -> CheckInView {
    let Some(schedule) = plan.live_schedule() else {
        return CheckInView::NoSchedule;
    };
    let now = format::now();
    let st = checkin_status(&schedule.at(now, &BrowserZones), &plan.checkins, now);
    if st.due {
        CheckInView::Due {
            since: st.current_period_start.map(long_date).unwrap_or_default(),
            streak: st.streak,
        }
    } else {
        CheckInView::NotDue {
            next: long_date(st.next),
            streak: st.streak,
        }
    }
}

fn streak_text(streak: u32) -> Option<String> {
    match streak {
        0 => None,
        1 => Some("1 check-in in a row.".to_owned()),
        n => Some(format!("{n} check-ins in a row.")),
    }
}

#[component]
fn TodayContent() -> impl IntoView {
    let ws = use_workspace();
    // Memos: each list is read by its <For> and by its empty state.
    let actions = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().map(action_rows).unwrap_or_default())
    });
    let next = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().map(next_rows).unwrap_or_default())
    });
    let kpis = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().map(kpi_rows).unwrap_or_default())
    });
    let checkin = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(checkin_view)
                .unwrap_or(CheckInView::NoSchedule)
        })
    });
    let kpi_empty = Memo::new(move |_| ws.plan.with(|p| p.as_ref().map_or("", kpi_empty_text)));
    let action_error = RwSignal::new(None::<String>);
    let prompt = prompt_for_day(format::today());
    // On a coach's device the open plan is a client's: speak of the client, not to them.
    let coach = ws.preferences().role() == Author::Coach;

    view! {
        <div class="today">
            <section class="card today-checkin" aria-labelledby="today-checkin-h">
                <h2 id="today-checkin-h">"Check-in"</h2>
                {move || match checkin.get() {
                    CheckInView::NoSchedule => view! {
                        <p>{if coach {
                            "This plan has no check-in schedule yet. A regular check-in keeps your client's plan moving."
                        } else {
                            "You have no check-in schedule yet. A regular check-in keeps your plan moving."
                        }}</p>
                        <a class="button primary" href="/checkin">"Set a schedule"</a>
                    }.into_any(),
                    CheckInView::Due { since, streak } => view! {
                        <p class="status-line"><span class="badge due">"Due now"</span>
                            {if coach {
                                format!(" Your client's check-in has been due since {since}.")
                            } else {
                                format!(" Your check-in has been due since {since}.")
                            }}</p>
                        {streak_text(streak).map(|s| view! { <p class="muted">{s}</p> })}
                        <a class="button primary" href="/checkin/run">"Start check-in"</a>
                    }.into_any(),
                    CheckInView::NotDue { next, streak } => view! {
                        <p class="status-line"><span class="badge ok">"Done for now"</span>
                            {format!(" Next check-in: {next}.")}</p>
                        {streak_text(streak).map(|s| view! { <p class="muted">{s}</p> })}
                    }.into_any(),
                }}
                <p class="today-links"><a href="/checkin">"Check-ins and schedule"</a>
                    <a href="/review">"Review your progress"</a></p>
            </section>

            <section class="card" aria-labelledby="today-actions-h">
                <h2 id="today-actions-h">"Actions due"</h2>
                <ErrorNotice message=action_error/>
                <Show when=move || actions.with(|a| !a.is_empty())
                    fallback=|| view! {
                        <p class="empty-line">"Nothing is due this week. "
                            <a href="/plan">"Pick your next action in the plan"</a></p>
                    }>
                    <ul class="today-list" data-testid="due-actions">
                        <For each=move || actions.get() key=|a| a.id let(a)>
                            <ActionItem row=a error=action_error/>
                        </For>
                    </ul>
                </Show>
                <Show when=move || next.with(|n| !n.is_empty())>
                    <h3 id="today-next-h">"Next"</h3>
                    <p class="muted">"Your best actions without a date."</p>
                    <ul class="today-list" data-testid="next-actions" aria-labelledby="today-next-h">
                        <For each=move || next.get() key=|a| a.id let(a)>
                            <ActionItem row=a error=action_error/>
                        </For>
                    </ul>
                </Show>
                <PlanAction/>
            </section>

            <section class="card" aria-labelledby="today-kpis-h">
                <h2 id="today-kpis-h">"KPIs to update"</h2>
                <Show when=move || kpis.with(|k| !k.is_empty())
                    fallback=move || view! {
                        <p class="empty-line" data-testid="kpis-empty">{move || kpi_empty.get()}</p>
                    }>
                    <p class="muted">{format!("Not logged in the last {STALE_AFTER_DAYS} days.")}</p>
                    <ul class="today-list" data-testid="stale-kpis">
                        <For each=move || kpis.get() key=|k| k.id let(k)>
                            <KpiItem row=k/>
                        </For>
                    </ul>
                </Show>
            </section>

            <section class="card today-reflect" aria-labelledby="today-reflect-h">
                <h2 id="today-reflect-h">"Reflect"</h2>
                <p class="prompt">{prompt}</p>
                <a class="button" href="/journal/new">"Write a reflection"</a>
            </section>
        </div>
    }
}

/// An action for the plan as a whole, tied to no goal ("Update my LinkedIn").
#[component]
fn PlanAction() -> impl IntoView {
    let ws = use_workspace();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let t = title.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(Some("Action: say what you will do.".to_owned()));
            return;
        }
        let d = match format::parse_date("Due date", &due.get_untracked()) {
            Ok(d) => d,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let mut draft = crate::core::action::ActionDraft::new(&t, 3, 2);
        draft.goal_id = None;
        draft.due = d;
        spawn_local(async move {
            match ws
                .apply(move |p, now, by| p.add_action(draft, now, by))
                .await
            {
                Ok(_) => {
                    title.set(String::new());
                    due.set(String::new());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <details class="plan-action">
            <summary class="button">"+ Action for the whole plan"</summary>
            <form class="add-form" on:submit=add>
                <div class="field">
                    <label for="plan-action-title">"Action"</label>
                    <input id="plan-action-title" type="text" maxlength="200" bind:value=title
                        placeholder="e.g. Update my LinkedIn profile"/>
                </div>
                <div class="field">
                    <label for="plan-action-due">"Due date (optional)"</label>
                    <input id="plan-action-due" type="date" min="1900-01-01" max="2199-12-31" bind:value=due/>
                </div>
                <ErrorNotice message=error/>
                <button type="submit" class="button">"Add action"</button>
            </form>
        </details>
    }
}

#[component]
fn ActionItem(row: ActionRow, error: RwSignal<Option<String>>) -> impl IntoView {
    let ws = use_workspace();
    let busy = RwSignal::new(false);
    let id = row.id;
    let complete = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = ws
                .apply(move |p, now, by| p.complete_action(id, now, by))
                .await;
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(format!("That action was not marked done: {e}")));
            }
        });
    };
    let label = format!("Mark done: {}", row.title);
    let sep = if row.due.is_empty() { "" } else { " · " };
    view! {
        <li class="today-item" class:is-overdue=row.overdue>
            <button type="button" class="done-button" aria-label=label
                disabled=move || busy.get() on:click=complete>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>
            </button>
            <div class="item-text">
                <p class="item-title">{row.title}</p>
                <p class="item-meta">
                    <span class:late=row.overdue>{row.due}</span>
                    {row.goal.map(|g| view! { <span>{format!("{sep}{g}")}</span> })}
                </p>
                {row.if_then.map(|t| view! { <p class="item-plan">{t}</p> })}
            </div>
        </li>
    }
}

#[component]
fn KpiItem(row: KpiRow) -> impl IntoView {
    let ws = use_workspace();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = row.id;
    let input_id = format!("log-{id}");
    let label = if row.unit.is_empty() {
        format!("New value for {}", row.name)
    } else {
        format!("New value for {} ({})", row.name, row.unit)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = match format::parse_number(&value.get_untracked()) {
            Ok(Some(v)) => v,
            Ok(None) => {
                error.set(Some("Type a value first, for example 4.".to_owned()));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = ws
                .apply(move |p, now, by| p.log_measurement(id, v, now, now, by))
                .await;
            busy.set(false);
            if let Err(e) = result {
                error.set(Some(e.to_string()));
            }
        });
    };
    view! {
        <li class="today-item today-kpi">
            <form class="kpi-log" on:submit=submit>
                <div class="field">
                    <label for=input_id.clone()>{label}</label>
                    <p class="field-hint">{format!("{} · {}", row.goal, row.last)}</p>
                    <div class="log-row">
                        <input id=input_id type="text" inputmode="decimal" bind:value=value
                            aria-invalid=move || error.with(|e| e.is_some()).to_string()/>
                        <button type="submit" class="button primary" disabled=move || busy.get()>"Log"</button>
                    </div>
                </div>
                <ErrorNotice message=error/>
            </form>
        </li>
    }
}
