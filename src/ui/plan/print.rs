//! The whole plan on one page, laid out to print or save as PDF for a coaching session:
//! profile and vision, every goal with its WOOP, KPIs, roadmap and actions, the GROW session
//! notes and the check-in schedule. The journal is left out: reflections stay on the device
//! unless exported. A printout may be handed over, so it shows the plan as cut for the other
//! side (`exchange::audience`), like every other copy.

use leptos::prelude::*;

use super::common::{fact, priority_label, serves_text, status_label};
use crate::core::goal::Goal;
use crate::core::progress::latest_measurement;
use crate::core::Plan;
use crate::exchange::{cut_for, Audience};
use crate::ui::checkin::describe_schedule;
use crate::ui::format::{number, show_date, show_instant};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};

#[component]
pub fn PrintPlanScreen() -> impl IntoView {
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <Page title="Print the plan">
            <div class="form-actions">
                <button class="button primary" type="button" on:click=print>"Print or save as PDF"</button>
                <a class="button" href="/plan">"Back to the plan"</a>
            </div>
            <WithPlan>
                <PrintablePlan/>
            </WithPlan>
        </Page>
    }
}

/// A ticked or an empty box, as on paper.
fn mark(done: bool) -> &'static str {
    if done {
        "✓ "
    } else {
        "☐ "
    }
}

fn goal_section(plan: &Plan, g: &Goal, n: usize) -> AnyView {
    let f = &g.fields;
    let serves = serves_text(&f.serves, "the vision");
    let dates = format!(
        "{} to {}",
        show_date(f.start_date),
        f.target_date
            .map(show_date)
            .unwrap_or_else(|| "no target date".to_owned())
    );
    let kpis = plan
        .kpis_of(g.meta.id)
        .map(|k| {
            let latest = latest_measurement(plan, k.meta.id)
                .map(|m| {
                    format!(
                        "; latest {} on {}",
                        number(m.value),
                        show_instant(m.at, m.meta.written_offset)
                    )
                })
                .unwrap_or_default();
            format!(
                "{}: from {} to {} {}{latest}",
                k.fields.name,
                number(k.fields.baseline),
                number(k.fields.target),
                k.fields.unit
            )
        })
        .collect::<Vec<_>>();
    let milestones = plan
        .milestones_of(g.meta.id)
        .into_iter()
        .map(|m| {
            format!(
                "{}{} (due {})",
                mark(m.is_done()),
                m.fields.title,
                show_date(m.fields.due)
            )
        })
        .collect::<Vec<_>>();
    let actions = plan
        .actions_of(g.meta.id)
        .map(|a| {
            let due = a
                .fields
                .due
                .map(|d| format!(" (due {})", show_date(d)))
                .unwrap_or_default();
            format!("{}{}{due}", mark(a.done_at.is_some()), a.fields.title)
        })
        .collect::<Vec<_>>();
    let woop = plan.woop_of(g.meta.id).map(|w| {
        let w = &w.fields;
        let plan_line = match w.if_then() {
            Some(it) => super::steps::if_then_sentence(&it.when, &it.then),
            None => w.plan.clone(),
        };
        view! {
            <h4>"WOOP"</h4>
            <dl class="goal-facts">
                {fact("Wish", w.wish.clone())}
                {fact("Best outcome", w.outcome.clone())}
                {fact("Obstacle", w.obstacle.clone())}
                {fact("Plan", plan_line)}
            </dl>
        }
    });
    let list = |heading: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            view! {
                <h4>{heading}</h4>
                <ul class="print-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <section class="card print-goal">
            <h3>{format!("{n}. {}", f.title)}</h3>
            <p class="muted">{format!("{} · {}", status_label(g.status), priority_label(f.priority))}</p>
            <dl class="goal-facts">
                {fact("Why", f.why.clone())}
                {fact("Specifically", f.description.clone())}
                {fact("Confidence", f.confidence.map(|c| format!("{c} of 10")).unwrap_or_default())}
                {fact("Support", f.support.clone())}
                {fact("Serves", serves)}
                {fact("Dates", dates)}
            </dl>
            {woop}
            {list("KPIs", kpis)}
            {list("Roadmap", milestones)}
            {list("Actions", actions)}
        </section>
    }
    .into_any()
}

/// The GROW session notes, newest first, as on paper: goal, reality, options with the chosen
/// one marked, and the way forward with its dates. Session notes are shared notes, so every
/// printout carries them.
fn session_notes(p: &Plan) -> Option<AnyView> {
    let notes = p.grow_notes_newest_first();
    if notes.is_empty() {
        return None;
    }
    let items = notes
        .into_iter()
        .map(|n| {
            let f = &n.fields;
            let about = f
                .goal_id
                .and_then(|g| p.goal(g))
                .map(|g| g.fields.title.clone())
                .unwrap_or_default();
            let options = f
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    if f.chosen == Some(i as u32) {
                        format!("{o} (chosen)")
                    } else {
                        o.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            let steps = f
                .way_forward
                .iter()
                .map(|s| {
                    let due = s
                        .due
                        .map(|d| format!(" (by {})", show_date(d)))
                        .unwrap_or_default();
                    // Ticked once the action the step became is done.
                    let done = s
                        .action_id
                        .and_then(|a| p.action(a))
                        .is_some_and(|a| a.done_at.is_some());
                    format!("{}{}{due}", mark(done), s.what)
                })
                .collect::<Vec<_>>();
            view! {
                <h4>{format!("Session on {}", show_date(f.held_on))}</h4>
                <dl class="goal-facts">
                    {fact("About the goal", about)}
                    {fact("Goal of the session", f.session_goal.clone())}
                    {fact("Reality", f.reality.clone())}
                    {fact("Options", options)}
                    {(!steps.is_empty()).then(|| view! {
                        <dt>"Way forward"</dt>
                        <dd><ul class="print-list">{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul></dd>
                    })}
                </dl>
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="card" data-testid="print-sessions">
                <h3>"Session notes (GROW)"</h3>
                {items}
            </section>
        }
        .into_any(),
    )
}

#[component]
fn PrintablePlan() -> impl IntoView {
    let ws = use_workspace();
    move || {
        ws.plan.with(|p| {
            let p = &cut_for(p.as_ref()?, Audience::other_side(ws.preferences().role()), &[]);
            let profile = p.live_profile().map(|pr| {
                view! {
                    <section class="card">
                        <h3>"Profile"</h3>
                        <dl class="goal-facts">
                            {fact("Name", pr.name.clone().unwrap_or_default())}
                            {fact("Current role", pr.current_role.clone())}
                            {fact("Values", pr.values.join(", "))}
                            {fact("Strengths", pr.strengths.join(", "))}
                            {fact("Vision", pr.vision.clone())}
                        </dl>
                    </section>
                }
            });
            let assessment = p.latest_assessment().map(|a| {
                view! {
                    <section class="card">
                        <h3>"Needs assessment"</h3>
                        <p class="muted">{format!("Taken on {}.", show_date(a.fields.taken_on))}</p>
                        {super::common::assessment_answers(a)}
                    </section>
                }
            });
            let interests = p.latest_interests().map(|t| {
                view! {
                    <section class="card">
                        <h3>"Interest profile"</h3>
                        <p class="muted">{format!("Taken on {}.", show_date(t.fields.taken_on))}</p>
                        <crate::ui::welcome::InterestFacts draft=t.fields.clone()/>
                        <crate::ui::welcome::AboutInterests/>
                    </section>
                }
            });
            let goals = p
                .live_goals()
                .into_iter()
                .enumerate()
                .map(|(i, g)| goal_section(p, g, i + 1))
                .collect_view();
            let loose = p
                .actions
                .iter()
                .filter(|a| a.meta.is_live() && a.fields.goal_id.is_none())
                .map(|a| view! { <li>{format!("{}{}", mark(a.done_at.is_some()), a.fields.title)}</li> })
                .collect::<Vec<_>>();
            let loose = (!loose.is_empty()).then(|| {
                view! {
                    <section class="card">
                        <h3>"Actions for the whole plan"</h3>
                        <ul class="print-list">{loose}</ul>
                    </section>
                }
            });
            let notes = session_notes(p);
            let schedule = p.live_schedule().map(|s| {
                view! {
                    <section class="card">
                        <h3>"Check-in schedule"</h3>
                        <p>{describe_schedule(s)}</p>
                    </section>
                }
            });
            Some(view! {
                <article class="printable-plan" data-testid="printable-plan">
                    <h2>{p.title.clone()}</h2>
                    <p class="muted">{format!("Printed from Waymark on {}.", show_instant(chrono::Utc::now(), None))}</p>
                    {profile}
                    {assessment}
                    {interests}
                    {goals}
                    {loose}
                    {notes}
                    {schedule}
                    <p class="muted">"Reflections are not printed: the journal stays on this device."</p>
                </article>
            })
        })
    }
}
