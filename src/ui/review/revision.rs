//! The review's adapt questions for each goal behind pace (core `revision.rs`): keep it, change
//! the target, change the strategy, or drop it. A change leads into the goal's Adapt form with
//! that change chosen and the reason started.

use leptos::prelude::*;
use uuid::Uuid;

use crate::core::revision::{goals_behind_pace, Revision};
use crate::ui::format;
use crate::ui::state::use_workspace;

#[component]
pub fn RevisionSection() -> impl IntoView {
    let ws = use_workspace();
    let today = format::today();
    let behind = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    goals_behind_pace(p, today)
                        .into_iter()
                        .map(|g| (g.meta.id, g.fields.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || behind.with(|b| !b.is_empty())>
            <section class="card" aria-labelledby="revise-h" data-testid="revise-goals">
                <h2 id="revise-h">"Goals behind pace"</h2>
                <p class="muted">"A goal behind its line is a question, not a failure: keep it, change the target, change the strategy, or drop it. Deciding at each review keeps the plan honest."</p>
                <For each=move || behind.get() key=|g| g.0 let((id, title))>
                    <GoalQuestion id=id title=title today=today/>
                </For>
            </section>
        </Show>
    }
}

#[component]
fn GoalQuestion(id: Uuid, title: String, today: chrono::NaiveDate) -> impl IntoView {
    let choice = RwSignal::new(None::<Revision>);
    let name = format!("revise-{id}");
    view! {
        <fieldset class="revise-goal">
            <legend>{title.clone()}</legend>
            {Revision::ALL.into_iter().map(|r| {
                let name = name.clone();
                view! {
                    <label class="choice">
                        <input type="radio" name=name value=r.slug()
                            prop:checked=move || choice.get() == Some(r)
                            on:change=move |_| choice.set(Some(r))/>
                        <span>{r.label()}</span>
                    </label>
                }
            }).collect_view()}
            {move || choice.get().map(|r| match r.adapt_change() {
                None => view! { <p class="muted" role="status">"Kept as it is. Nothing changes."</p> }.into_any(),
                Some(_) => view! {
                    <a class="button primary" href=format!("/plan/goals/{id}?revision={}&on={}#adapt", r.slug(), format::iso(today))>
                        {format!("{}: continue in Adapt", r.label())}
                        <span class="visually-hidden">{format!(" for {title}")}</span>
                    </a>
                }.into_any(),
            })}
        </fieldset>
    }
}
