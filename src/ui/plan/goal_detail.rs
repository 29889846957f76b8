//! One goal: what it is and how SMART it is, its roadmap of milestones, its actions ranked,
//! its KPIs, the Adapt form, and the history of its changes.
//!
//! The heading is the goal's own title rather than a fixed word, so a screen-reader user
//! hears which goal they are on; that is why this screen writes its section and `<h1>` itself
//! instead of using `Page`, whose title is fixed.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::adapt::AdaptPanel;
use super::common::{
    change_label, fact, priority_label, serves_text, status_class, status_label, ChangeText,
    SmartList,
};
use super::goal_editor::MissingGoal;
use super::measures::KpiSection;
use super::steps::{ActionsSection, MilestonesSection};
use super::woop::WoopCard;
use crate::core::history::goal_history;
use crate::core::ids::GoalId;
use crate::core::smart::check_goal;
use crate::ui::format::{show_date, show_instant};
use crate::ui::params::goal_param;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::ErrorNotice;

#[component]
pub fn GoalDetailScreen() -> impl IntoView {
    let id = goal_param();
    let ws = use_workspace();
    let title = Memo::new(move |_| {
        let gid = id.get()?.uuid();
        ws.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.goal(gid))
                .map(|g| g.fields.title.clone())
        })
    });
    Effect::new(move |_| {
        let t = title.get().unwrap_or_else(|| "Goal".to_owned());
        document().set_title(&format!("{t} · Waymark"));
    });
    view! {
        <section aria-labelledby="page-title" class="goal-detail">
            <p class="back-link"><a href="/plan">"← Plan"</a></p>
            <h1 id="page-title" class="page-title">{move || title.get().unwrap_or_else(|| "Goal".to_owned())}</h1>
            <WithPlan>
                {move || match id.get().map(GoalId::uuid).filter(|gid| ws.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.goal(*gid).is_some()))) {
                    Some(gid) => view! { <GoalView gid=gid/> }.into_any(),
                    None => view! { <MissingGoal/> }.into_any(),
                }}
            </WithPlan>
        </section>
    }
}

#[component]
fn GoalView(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let goal = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().and_then(|p| p.goal(gid).cloned()))
    });
    let check = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.goal(gid).map(|g| check_goal(p, g)))
        })
    });
    let adapt_open = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let delete = move |_| {
        let navigate = navigate.clone();
        ws.change_with_undo(
            "Goal deleted",
            delete_error,
            move || navigate("/plan", Default::default()),
            move |p, now, by| p.delete_goal(gid, now, by),
        );
    };
    // Arriving from the editor's "Adapt" link opens the form.
    if window().location().hash().is_ok_and(|h| h == "#adapt") {
        adapt_open.set(true);
    }

    let header = move || {
        let Some(g) = goal.get() else {
            return view! { <p>"This goal was deleted."</p> }.into_any();
        };
        let f = g.fields.clone();
        view! {
            <p class="goal-meta">
                <span class=status_class(g.status) data-testid="goal-status">{status_label(g.status)}</span>
                <span>{priority_label(f.priority)}</span>
                <span>{format!("Started {}", show_date(f.start_date))}</span>
                <span>{f.target_date.map_or_else(|| "No target date".to_owned(), |d| format!("Target {}", show_date(d)))}</span>
            </p>
            <dl class="goal-facts">
                {fact("Why", f.why.clone())}
                {fact("Specifically", f.description.clone())}
                {fact("Confidence", f.confidence.map(|c| format!("{c} of 10")).unwrap_or_default())}
                {fact("Support", f.support.clone())}
                {fact("Serves", serves_text(&f.serves, "My vision"))}
            </dl>
        }
        .into_any()
    };

    view! {
        <div class="card goal-header">
            {header}
            <div class="form-actions">
                <a class="button" href=format!("/plan/goals/{gid}/edit")>"Edit wording"</a>
                <button type="button" class="button primary" aria-expanded=move || adapt_open.get().to_string()
                    aria-controls="adapt" on:click=move |_| adapt_open.update(|o| *o = !*o)>
                    "Adapt this goal"
                </button>
            </div>
            <div class="form-actions delete-goal">
                <Show when=move || confirm_delete.get()
                    fallback=move || view! {
                        <button type="button" class="button danger" on:click=move |_| confirm_delete.set(true)>"Delete goal"</button>
                    }>
                    <p class="notice warning">"Delete this goal with its milestones, actions, KPIs and history? To keep it in the plan's story, drop it instead (Adapt this goal)."</p>
                    <button type="button" class="button danger" on:click=delete.clone()>"Yes, delete goal"</button>
                    <button type="button" class="button" on:click=move |_| confirm_delete.set(false)>"Keep"</button>
                </Show>
                <ErrorNotice message=delete_error/>
            </div>
        </div>

        <div id="adapt">
            <Show when=move || adapt_open.get()>
                <AdaptPanel gid=gid on_close=move |_| adapt_open.set(false)/>
            </Show>
        </div>

        <details class="card smart-summary">
            <summary>
                <h2 class="summary-heading">"SMART check"</h2>
                <span class="summary-state">
                    {move || check.get().map(|c| {
                        let n = c.missing().count();
                        if n == 0 { "All five met".to_owned() } else { format!("{} of 5 met", 5 - n) }
                    })}
                </span>
            </summary>
            {move || check.get().map(|c| view! { <SmartList check=c/> })}
        </details>

        <WoopCard gid=gid/>
        <KpiSection gid=gid/>
        <MilestonesSection gid=gid/>
        <ActionsSection gid=gid/>
        <GoalHistory gid=gid/>
    }
}

#[component]
fn GoalHistory(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let items = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    goal_history(&p.adaptations, gid)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="history-heading" data-testid="goal-history">
            <h2 id="history-heading">"History of changes"</h2>
            <Show when=move || items.with(|i| !i.is_empty())
                fallback=|| view! { <p class="muted">"No changes yet. When you adapt this goal, what changed and why will be kept here."</p> }>
                <ol class="history-list">
                    {move || items.get().into_iter().map(|a| view! {
                        <li class="history-item">
                            <p class="history-head">
                                <strong>{change_label(a.change)}</strong>
                                <time datetime=a.meta.created_at.to_rfc3339()>{show_instant(a.meta.created_at, a.meta.written_offset)}</time>
                            </p>
                            <ChangeText before=a.before.clone() after=a.after.clone()/>
                            <p class="reason"><span class="reason-label">"Why: "</span>{a.reason.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}
