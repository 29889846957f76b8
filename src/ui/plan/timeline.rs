//! The plan's history: every adaptation, newest first, grouped by month, each linking to its goal.

use leptos::prelude::*;

use super::common::{change_label, ChangeText};
use crate::core::history::history;
use crate::ui::format::{day_of, month_of, show_instant};
use crate::ui::icons::Icon;
use crate::ui::page::{EmptyState, Page};
use crate::ui::state::{use_workspace, WithPlan};

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    month: String,
    at: chrono::DateTime<chrono::Utc>,
    written: Option<i32>,
    goal: Option<(uuid::Uuid, String)>,
    change: &'static str,
    before: String,
    after: String,
    reason: String,
}

#[component]
pub fn TimelineScreen() -> impl IntoView {
    view! {
        <Page title="Plan history">
            <p class="back-link"><a href="/plan">"← Plan"</a></p>
            <WithPlan>
                <Timeline/>
            </WithPlan>
        </Page>
    }
}

#[component]
fn Timeline() -> impl IntoView {
    let ws = use_workspace();
    let months = Memo::new(move |_| {
        ws.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
            for a in history(&p.adaptations) {
                let month = month_of(day_of(a.meta.created_at, a.meta.written_offset));
                let goal = a.goal_id.map(|g| {
                    // A goal's deletion erases its history too, but a change made on another
                    // device may arrive after it; tombstones keep no title.
                    let title = p
                        .goal(g)
                        .map_or_else(|| "A deleted goal".to_owned(), |x| x.fields.title.clone());
                    (g, title)
                });
                let e = Entry {
                    month: month.clone(),
                    at: a.meta.created_at,
                    written: a.meta.written_offset,
                    goal,
                    change: change_label(a.change),
                    before: a.before.clone(),
                    after: a.after.clone(),
                    reason: a.reason.clone(),
                };
                match groups.last_mut() {
                    Some((m, list)) if *m == month => list.push(e),
                    _ => groups.push((month, vec![e])),
                }
            }
            groups
        })
    });
    view! {
        <p class="lead">"Every change to a goal, with the reason it was made. Newest first."</p>
        <Show when=move || months.with(|m| !m.is_empty())
            fallback=|| view! {
                <EmptyState icon=view! { <Icon name="flag"/> }.into_any() heading="No changes yet">
                    <p>"When you adapt a goal (move a date, change a target or a strategy, pause or drop it), "
                       "the change and its reason appear here."</p>
                    <a class="button" href="/plan">"Back to the plan"</a>
                </EmptyState>
            }>
            {move || months.get().into_iter().map(|(month, entries)| view! {
                <section class="timeline-month" aria-label=month.clone()>
                    <h2>{month.clone()}</h2>
                    <ol class="history-list timeline" data-testid="timeline">
                        {entries.into_iter().map(|e| view! {
                            <li class="card history-item">
                                <p class="history-head">
                                    <strong>{e.change}</strong>
                                    <time datetime=e.at.to_rfc3339()>{show_instant(e.at, e.written)}</time>
                                </p>
                                {match e.goal {
                                    Some((id, title)) => view! { <p class="history-goal"><a href=format!("/plan/goals/{id}")>{title}</a></p> }.into_any(),
                                    None => view! { <p class="history-goal">"The whole plan"</p> }.into_any(),
                                }}
                                <ChangeText before=e.before after=e.after/>
                                <p class="reason"><span class="reason-label">"Why: "</span>{e.reason}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view()}
        </Show>
    }
}
