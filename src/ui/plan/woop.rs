//! WOOP for one goal (docs/METHOD.md): a guided flow of one question per screen (Wish, best
//! Outcome, inner Obstacle, the Plan as an if-then), every question skippable, the answers kept
//! as a draft with the device's preferences until saved; and the card on the goal that shows
//! the result and turns the plan into an action with the same if-then.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::steps::if_then_sentence;
use crate::core::ids::GoalId;
use crate::core::woop::WoopDraft;
use crate::core::PlanKind;
use crate::ui::page::Page;
use crate::ui::params::goal_param;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{
    DiscardDraft, ErrorNotice, FlowCard, GuidedFlow, InfoNotice, TextArea, TextField,
};

const FLOW: &str = "woop";

/// The one line that says what WOOP is and why it helps, shown on the goal and in the flow.
pub const WOOP_WHY: &str = "WOOP (Wish, Outcome, Obstacle, Plan) is mental contrasting, from Gabriele Oettingen's research: picture the best outcome, then the obstacle in you, and plan \u{201c}If \u{2026}, then I will \u{2026}\u{201d} for it. If-then plans clearly help people follow through (Gollwitzer & Sheeran 2006, d \u{2248} 0.65).";

/// What the device keeps between questions, reloads and closed browsers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct KeptWoop {
    step: usize,
    answers: WoopDraft,
}

const STEPS: usize = 5;

#[component]
pub fn WoopFlowScreen() -> impl IntoView {
    let id = goal_param();
    let ws = use_workspace();
    view! {
        <Page title="WOOP">
            <WithPlan>
                {move || {
                    let gid = id.get().map(GoalId::uuid).filter(|g| {
                        ws.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.goal(*g).is_some()))
                    });
                    match gid {
                        Some(gid) => view! { <Flow gid=gid/> }.into_any(),
                        None => view! {
                            <p>"This goal no longer exists (it may have been deleted). "<a href="/plan">"Back to the plan"</a></p>
                        }.into_any(),
                    }
                }}
            </WithPlan>
        </Page>
    }
}

#[component]
fn Flow(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let (flow, kept) = GuidedFlow::start(ws, FLOW, gid, STEPS, |k: &KeptWoop| k.step);
    let resumed = kept.is_some();
    let (goal_title, existing) = ws.plan.with_untracked(|p| {
        let p = p.as_ref();
        (
            p.and_then(|p| p.goal(gid))
                .map(|g| g.fields.title.clone())
                .unwrap_or_default(),
            p.and_then(|p| p.woop_of(gid)).map(|w| w.fields.clone()),
        )
    });
    let start = kept.map_or_else(|| existing.unwrap_or_default(), |k| k.answers);
    let wish = RwSignal::new(start.wish);
    let outcome = RwSignal::new(start.outcome);
    let obstacle = RwSignal::new(start.obstacle);
    let plan = RwSignal::new(start.plan);
    let answers = move || WoopDraft {
        wish: wish.get().trim().to_owned(),
        outcome: outcome.get().trim().to_owned(),
        obstacle: obstacle.get().trim().to_owned(),
        plan: plan.get().trim().to_owned(),
    };
    flow.keep(move || KeptWoop {
        step: flow.step.get(),
        answers: answers(),
    });

    let go = move |to: usize| flow.go(to);
    let save = Callback::new(move |_| {
        let draft = untrack(answers);
        flow.save("The WOOP was not saved:", move |p, now, by| {
            p.save_woop(gid, draft, now, by)
        });
    });
    let discard = Callback::new(move |_| flow.discard(&format!("/plan/goals/{gid}")));
    let if_part = move || {
        let o = obstacle.get();
        if o.trim().is_empty() {
            "that obstacle shows up".to_owned()
        } else {
            o.trim().to_owned()
        }
    };

    let step_view = move || {
        match flow.step.get() {
        0 => view! {
            <h2 id="step-heading" tabindex="-1">"Wish"</h2>
            <TextField label="What do you wish for with this goal?" value=wish
                hint="A few words: challenging, but within your reach."/>
        }
        .into_any(),
        1 => view! {
            <h2 id="step-heading" tabindex="-1">"Outcome"</h2>
            <TextArea label="What is the best outcome?" value=outcome rows=4
                hint="Imagine it has come true. What is the best thing about it, and how does it feel? Take a moment to picture it."/>
        }
        .into_any(),
        2 => view! {
            <h2 id="step-heading" tabindex="-1">"Obstacle"</h2>
            <TextField label="What in you could stand in the way?" value=obstacle
                hint="Your own obstacle: a feeling, a habit, a thought. Name the main one."/>
        }
        .into_any(),
        3 => view! {
            <h2 id="step-heading" tabindex="-1">"Plan"</h2>
            <p class="if-part" data-testid="woop-if">{move || format!("If {},", if_part())}</p>
            <TextField label="then I will …" value=plan
                hint="One thing you will do, right then, to get past it."/>
        }
        .into_any(),
        _ => view! {
            <h2 id="step-heading" tabindex="-1">"Review and save"</h2>
            <WoopFacts answers=Signal::derive(answers)/>
            <div class="form-actions">
                {(0..4).map(|i| {
                    let name = ["Wish", "Outcome", "Obstacle", "Plan"][i];
                    view! { <button type="button" class="button small"
                        on:click=move |_| go(i)>{format!("Edit the {}", name.to_lowercase())}</button> }
                }).collect_view()}
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <p class="back-link"><a href=format!("/plan/goals/{gid}")>{format!("← {goal_title}")}</a></p>
        <Show when=move || flow.saved.with(Option::is_none) fallback=move || view! {
            <div class="card" data-testid="woop-done">
                <h2 id="step-heading" tabindex="-1">"WOOP saved"</h2>
                <p>"It is on your goal, where you can turn the plan into an action."</p>
                <div class="form-actions">
                    <a class="button primary" href=format!("/plan/goals/{gid}#woop")>"Back to the goal"</a>
                </div>
            </div>
        }>
            <p class="method-why muted">{WOOP_WHY}</p>
            {resumed.then(|| view! { <InfoNotice><p>"Welcome back: your unsaved WOOP is just as you left it."</p></InfoNotice> })}
            <FlowCard flow=flow save_label="Save WOOP" on_save=save>
                {step_view}
            </FlowCard>
            <div class="flow-leave">
                <p class="muted">"Every question is optional. Your answers are kept on this device until you save, even if you leave this screen or close the app."</p>
                <DiscardDraft label="Discard this WOOP draft" confirm=flow.confirm_discard on_discard=discard
                    warning="Tap again to discard your answers. A WOOP you saved before stays as it was."/>
            </div>
        </Show>
    }
}

/// The answers as the goal shows them; empty answers are left out.
#[component]
fn WoopFacts(#[prop(into)] answers: Signal<WoopDraft>) -> impl IntoView {
    move || {
        let a = answers.get();
        let or_dash = |s: &str| {
            if s.trim().is_empty() {
                "—".to_owned()
            } else {
                s.to_owned()
            }
        };
        let plan = match a.if_then() {
            Some(it) => if_then_sentence(&it.when, &it.then),
            None if !a.plan.trim().is_empty() => format!("Then I will {}.", a.plan.trim()),
            None => "—".to_owned(),
        };
        view! {
            <dl class="goal-facts woop-facts" data-testid="woop-facts">
                <dt>"Wish"</dt><dd>{or_dash(&a.wish)}</dd>
                <dt>"Best outcome"</dt><dd class="pre-wrap">{or_dash(&a.outcome)}</dd>
                <dt>"Obstacle"</dt><dd>{or_dash(&a.obstacle)}</dd>
                <dt>"Plan"</dt><dd>{plan}</dd>
            </dl>
        }
    }
}

/// The goal's WOOP: its answers, the plan as an if-then, and the action it became (or a button
/// to make it one). Templates keep no client data, so a template's goals have none.
#[component]
pub fn WoopCard(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let state = Memo::new(move |_| {
        ws.plan.with(|p| {
            let p = p.as_ref()?;
            if p.kind == PlanKind::Template {
                return None;
            }
            let w = p.woop_of(gid).cloned();
            let action = w
                .as_ref()
                .and_then(|w| w.action_id)
                .and_then(|a| p.action(a))
                .map(|a| a.fields.title.clone());
            Some((w, action))
        })
    });
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let to_action = move |_| {
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let r = ws
                .apply(move |p, now, by| p.woop_to_action(gid, now, by))
                .await;
            busy.set(false);
            if let Err(e) = r {
                error.set(Some(format!("No action was made: {e}")));
            }
        });
    };
    move || {
        state.get().map(|(w, action)| {
            let href = format!("/plan/goals/{gid}/woop");
            view! {
                <section class="card woop-card" id="woop" aria-labelledby="woop-heading" data-testid="woop-card">
                    <h2 id="woop-heading">"WOOP"</h2>
                    <p class="method-why muted">{WOOP_WHY}</p>
                    {match w {
                        None => view! {
                            <p>"Name your wish, the best outcome, the obstacle in you, and your plan for it. Five short screens, every question optional."</p>
                            <a class="button primary" href=href>"Start a WOOP"</a>
                        }.into_any(),
                        Some(w) => {
                            let can_act = w.fields.if_then().is_some();
                            view! {
                                <WoopFacts answers=Signal::derive(move || w.fields.clone())/>
                                {match action {
                                    Some(title) => view! {
                                        <p data-testid="woop-action">"Your plan is an action: "<strong>{title}</strong>" (see Actions below)."</p>
                                    }.into_any(),
                                    None if can_act => view! {
                                        <button type="button" class="button primary" on:click=to_action disabled=move || busy.get()>
                                            "Make the plan an action"
                                        </button>
                                    }.into_any(),
                                    None => view! {
                                        <p class="muted">"Name the obstacle and what you will do to turn the plan into an action."</p>
                                    }.into_any(),
                                }}
                                <ErrorNotice message=error/>
                                <a class="button" href=href>"Change the WOOP"</a>
                            }.into_any()
                        }
                    }}
                </section>
            }
        })
    }
}
