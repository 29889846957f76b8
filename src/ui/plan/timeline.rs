//! The plan's history: every adaptation and every GROW session note, newest first, grouped by
//! month, each linking to its goal (a session, to its note).

use crate::core::sorting::sort_by_key;
use leptos::prelude::*;

use super::common::{change_label, ChangeText};
use crate::core::history::history;
use crate::ui::format::{day_of, iso, month_of, show_date, show_instant};
use crate::ui::icons::Icon;
use crate::ui::page::{EmptyState, Page};
use crate::ui::state::{use_workspace, WithPlan};

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Change(Entry),
    Session {
        id: uuid::Uuid,
        on: chrono::NaiveDate,
        goal: Option<(uuid::Uuid, String)>,
        session_goal: String,
        chosen: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
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
            let goal_of = |g: uuid::Uuid| {
                // A goal's deletion erases its history too, but a change made on another
                // device may arrive after it; tombstones keep no title.
                let title = p
                    .goal(g)
                    .map_or_else(|| "A deleted goal".to_owned(), |x| x.fields.title.clone());
                (g, title)
            };
            // (day, moment) orders the two kinds together, newest first.
            let mut items: Vec<((chrono::NaiveDate, chrono::DateTime<chrono::Utc>), Item)> =
                Vec::new();
            for a in history(&p.adaptations) {
                let day = day_of(a.meta.created_at, a.meta.written_offset);
                let e = Entry {
                    at: a.meta.created_at,
                    written: a.meta.written_offset,
                    goal: a.goal_id.map(goal_of),
                    change: change_label(a.change),
                    before: a.before.clone(),
                    after: a.after.clone(),
                    reason: a.reason.clone(),
                };
                items.push(((day, a.meta.created_at), Item::Change(e)));
            }
            for n in p.grow_notes_newest_first() {
                let f = &n.fields;
                items.push((
                    (f.held_on, n.meta.created_at),
                    Item::Session {
                        id: n.meta.id,
                        on: f.held_on,
                        goal: f.goal_id.filter(|g| p.goal(*g).is_some()).map(goal_of),
                        session_goal: f.session_goal.clone(),
                        chosen: f.chosen_option().map(str::to_owned),
                    },
                ));
            }
            sort_by_key(&mut items, |i| std::cmp::Reverse(i.0));
            let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
            for ((day, _), item) in items {
                let month = month_of(day);
                match groups.last_mut() {
                    Some((m, list)) if *m == month => list.push(item),
                    _ => groups.push((month, vec![item])),
                }
            }
            groups
        })
    });
    view! {
        <p class="lead">"Every change to a goal, with the reason it was made, and every coaching session noted. Newest first."</p>
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
                        {entries.into_iter().map(|item| match item {
                            Item::Session { id, on, goal, session_goal, chosen } => view! {
                            <li class="card history-item" data-testid="timeline-session">
                                <p class="history-head">
                                    <strong>"Coaching session (GROW)"</strong>
                                    <time datetime=iso(on)>{show_date(on)}</time>
                                </p>
                                {goal.map(|(gid, title)| view! { <p class="history-goal"><a href=format!("/plan/goals/{gid}")>{title}</a></p> })}
                                {(!session_goal.is_empty()).then(|| view! { <p>{session_goal}</p> })}
                                {chosen.map(|c| view! { <p><span class="reason-label">"Chosen: "</span>{c}</p> })}
                                <p><a href=format!("/plan/sessions#note-{id}")>"Read the session note"</a></p>
                            </li>
                            }.into_any(),
                            Item::Change(e) => view! {
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
                            }.into_any(),
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view()}
        </Show>
    }
}
