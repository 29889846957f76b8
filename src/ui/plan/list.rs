//! The plan at a glance: the vision it serves and every goal with its progress, active goals
//! first and the rest grouped by status.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use super::common::{pace_label, status_class, status_label, ProgressBar, SmartBadge};
use crate::core::goal::GoalStatus;
use crate::core::progress::{goal_progress, Pace};
use crate::core::smart::{check_goal, SmartCheck};
use crate::ui::format::{show_date, today};
use crate::ui::icons::Icon;
use crate::ui::page::{EmptyState, Page};
use crate::ui::state::{use_workspace, WithPlan};

/// What one goal card shows, derived from the plan (never stored).
#[derive(Clone, Debug, PartialEq)]
struct GoalRow {
    id: Uuid,
    title: String,
    status: GoalStatus,
    target: Option<NaiveDate>,
    percent: Option<f64>,
    pace: Option<Pace>,
    milestones: (usize, usize),
    smart: SmartCheck,
}

const GROUPS: [(GoalStatus, &str); 4] = [
    (GoalStatus::Active, "Active goals"),
    (GoalStatus::Paused, "Paused"),
    (GoalStatus::Achieved, "Achieved"),
    (GoalStatus::Dropped, "Dropped"),
];

#[component]
pub fn PlanScreen() -> impl IntoView {
    view! {
        <Page title="Plan">
            <WithPlan>
                <PlanOverview/>
            </WithPlan>
        </Page>
    }
}

#[component]
fn PlanOverview() -> impl IntoView {
    let renaming = RwSignal::new(false);
    let ws = use_workspace();
    // Read by the vision card, the empty state and each group: a memo, so the rows are
    // derived once per change of the plan.
    let rows = Memo::new(move |_| {
        let day = today();
        ws.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.live_goals()
                .into_iter()
                .map(|g| {
                    let progress = goal_progress(p, g, day);
                    GoalRow {
                        id: g.meta.id,
                        title: g.fields.title.clone(),
                        status: g.status,
                        target: g.fields.target_date,
                        percent: progress.percent(),
                        pace: progress.pace,
                        milestones: (progress.milestones_done, progress.milestones_total),
                        smart: check_goal(p, g),
                    }
                })
                .collect()
        })
    });
    let vision = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.live_profile())
                .map(|pr| pr.vision.trim().to_owned())
                .filter(|v| !v.is_empty())
        })
    });
    let values = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.live_profile())
                .map(|pr| pr.values.clone())
                .unwrap_or_default()
        })
    });
    let has_profile = move || vision.with(Option::is_some) || values.with(|v| !v.is_empty());
    // Templates keep no client data, so no session notes either.
    let is_template = move || {
        ws.plan.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.kind == crate::core::PlanKind::Template)
        })
    };

    // Only where a client's progress report was imported: the coach's session view.
    // Memos on the plan's id, so localStorage is read when another plan opens, not per edit.
    let open_id = Memo::new(move |_| ws.plan.with(|p| p.as_ref().map(|p| p.id())));
    let has_report = Memo::new(move |_| {
        open_id
            .get()
            .is_some_and(|id| ws.preferences().report_window(id).is_some())
    });

    view! {
        <section class="card vision-card" aria-labelledby="vision-heading">
            <h2 id="vision-heading">"Your vision and values"</h2>
            {move || match vision.get() {
                Some(v) => view! { <p class="vision-text">{v}</p> }.into_any(),
                None => view! {
                    <p class="muted">"Describe the career you want in 3–5 years. Every goal should lead there."</p>
                }
                .into_any(),
            }}
            <Show when=move || values.with(|v| !v.is_empty())>
                <h3 class="values-heading">"Values, most important first"</h3>
                <ol class="values-inline" data-testid="plan-values">
                    {move || values.get().into_iter().map(|v| view! { <li>{v}</li> }).collect_view()}
                </ol>
            </Show>
            <a class="button" href="/plan/profile">
                {move || if has_profile() { "Edit vision and values" } else { "Write your vision" }}
            </a>
        </section>

        <div class="plan-actions">
            <a class="button primary" href="/plan/goals/new" data-testid="add-goal">"+ Add a goal"</a>
            <a class="button" href="/plan/history">"Plan history"</a>
            <Show when=move || !is_template()>
                <a class="button" href="/plan/sessions" data-testid="session-notes">"Session notes"</a>
            </Show>
            <a class="button" href="/plan/print">"Print the plan"</a>
            <Show when=move || has_report.get()>
                <a class="button" href="/plan/client-activity">"Since the last report"</a>
            </Show>
            <a class="button" href="/welcome/assessment">"Revisit needs assessment"</a>
            <button type="button" class="button" aria-expanded=move || renaming.get().to_string()
                aria-controls="rename-plan" on:click=move |_| renaming.update(|r| *r = !*r)>"Rename plan"</button>
        </div>
        <div id="rename-plan">
            <Show when=move || renaming.get()>
                <crate::ui::plan_naming::PlanNaming/>
            </Show>
        </div>

        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! {
                <EmptyState icon=view! { <Icon name="flag"/> }.into_any() heading="No goals yet">
                    <p>
                        "A goal is one concrete step towards your vision: what exactly you will reach, "
                        "how you will measure it, and by when. Start with one that matters most."
                    </p>
                    <a class="button primary" href="/plan/goals/new">"Add your first goal"</a>
                </EmptyState>
            }
        >
            {GROUPS
                .iter()
                .map(|(status, heading)| {
                    let status = *status;
                    let heading = *heading;
                    let these = move || rows.with(|r| r.iter().filter(|g| g.status == status).cloned().collect::<Vec<_>>());
                    view! {
                        <Show when=move || rows.with(|r| r.iter().any(|g| g.status == status))>
                            <section class="goal-group" aria-label=heading>
                                <h2>{heading}</h2>
                                <ul class="goal-list">
                                    {move || these().into_iter().map(|g| view! { <GoalCard row=g/> }).collect_view()}
                                </ul>
                            </section>
                        </Show>
                    }
                })
                .collect_view()}
        </Show>
    }
}

#[component]
fn GoalCard(row: GoalRow) -> impl IntoView {
    let href = format!("/plan/goals/{}", row.id);
    let pace = match (row.percent, row.pace) {
        (None, _) => "No KPI yet".to_owned(),
        (Some(_), Some(p)) => pace_label(p).to_owned(),
        (Some(_), None) if row.target.is_none() => "No target date".to_owned(),
        (Some(_), None) => "Nothing logged yet".to_owned(),
    };
    let pace_cls = super::common::pace_class(row.pace);
    let (done, total) = row.milestones;
    // A dropped or achieved goal is history: its SMART gaps and an empty roadmap are not to-dos.
    let open = matches!(row.status, GoalStatus::Active | GoalStatus::Paused);
    view! {
        <li class="card goal-card" data-testid="goal-card">
            <h3 class="goal-card-title"><a href=href>{row.title.clone()}</a></h3>
            <p class="goal-meta">
                <span class=status_class(row.status)>{status_label(row.status)}</span>
                <span>{row.target.map_or_else(|| "No target date".to_owned(), |d| format!("Target {}", show_date(d)))}</span>
            </p>
            {row.percent.map(|p| view! {
                <ProgressBar percent=p label=format!("Progress of {}", row.title)/>
            })}
            <p class="goal-meta">
                <span class=pace_cls>{pace}</span>
                {(total > 0).then(|| view! { <span>{format!("Milestones {done}/{total}")}</span> })}
                {open.then(|| view! { <SmartBadge check=row.smart.clone()/> })}
            </p>
        </li>
    }
}
