//! The guided needs assessment, one short step per screen. Every step can be skipped, and
//! nothing is saved until the last step, where answers and profile are saved together. Until
//! then the answers are kept as a draft on the device, like the other guided flows, so leaving
//! midway (a call, a reload, the app closed) loses nothing.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::assessment::{AssessmentArea, AssessmentDraft, Retake};
use crate::core::ids::profile_id;
use crate::core::profile::ProfileDraft;
use crate::core::questions::GUIDED_QUESTIONS;
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{
    DiscardDraft, ErrorNotice, InfoNotice, TextArea, TextField, ValuesPicker,
};

/// The draft's name among the guided flows' drafts (kept per plan, about its profile).
const FLOW: &str = "assessment";

/// What the person has typed and where they are, kept until saved or discarded.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct KeptAssessment {
    step: usize,
    answers: Vec<String>,
    strengths: String,
    values: Vec<String>,
    role: String,
    vision: String,
}

/// The steps, each naming the assessment areas whose questions it asks.
const STEPS: &[(&str, &[AssessmentArea])] = &[
    ("What moves you", &[AssessmentArea::Motivations]),
    ("What holds you back", &[AssessmentArea::Barriers]),
    ("Your strengths", &[AssessmentArea::Strengths]),
    ("Your values", &[]),
    ("Your support", &[AssessmentArea::Resources]),
    ("Your vision", &[]),
];
const VALUES_STEP: usize = 3;
const VISION_STEP: usize = 5;

fn split_list(s: &str) -> Vec<String> {
    s.split([',', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn AssessmentScreen() -> impl IntoView {
    view! {
        <Page title="Getting to know you">
            <WithPlan>
                <AssessmentSteps/>
            </WithPlan>
        </Page>
    }
}

#[component]
fn AssessmentSteps() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let navigate_away = StoredValue::new_local(use_navigate());
    let existing = ws
        .plan
        .with_untracked(|p| p.as_ref().and_then(|p| p.live_profile().cloned()))
        .unwrap_or_default();

    // A retake starts from the newest answers; saving keeps it as a new take, with the
    // answers to questions not asked here kept as they were.
    let retake = ws.plan.with_untracked(|p| {
        let earlier = p
            .as_ref()
            .and_then(|p| p.latest_assessment())
            .map(|a| a.fields.answers.as_slice())
            .unwrap_or_default();
        Retake::of(earlier, GUIDED_QUESTIONS)
    });
    let plan_id = ws
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id()))
        .unwrap_or_default();
    let about = profile_id(plan_id);
    // A draft from an older build with other questions is not offered back.
    let kept = ws
        .preferences()
        .method_draft::<KeptAssessment>(FLOW, plan_id, about)
        .filter(|k| k.answers.len() == retake.prefilled.len());
    let resumed = kept.is_some();
    let start = kept.unwrap_or_else(|| KeptAssessment {
        step: 0,
        answers: retake.prefilled.clone(),
        strengths: existing.strengths.join(", "),
        values: existing.values.clone(),
        role: existing.current_role.clone(),
        vision: existing.vision.clone(),
    });
    let answers: Vec<RwSignal<String>> = start.answers.iter().cloned().map(RwSignal::new).collect();
    let strengths = RwSignal::new(start.strengths);
    let values = RwSignal::new(start.values);
    let role = RwSignal::new(start.role);
    let vision = RwSignal::new(start.vision);
    let step = RwSignal::new(start.step.min(STEPS.len() - 1));
    let saved = RwSignal::new(false);
    let confirm_discard = RwSignal::new(false);
    {
        let answers = answers.clone();
        Effect::new(move |_| {
            let draft = KeptAssessment {
                step: step.get(),
                answers: answers.iter().map(|a| a.get()).collect(),
                strengths: strengths.get(),
                values: values.get(),
                role: role.get(),
                vision: vision.get(),
            };
            if saved.get_untracked() {
                return;
            }
            // A failed write is logged by the store; the answers themselves are saved at the end.
            let _ = ws
                .preferences()
                .keep_method_draft(FLOW, plan_id, about, &draft);
        });
    }
    let error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let heading = NodeRef::<html::H2>::new();

    // Screen-reader and keyboard users land on the new step's heading.
    Effect::new(move |previous: Option<usize>| {
        let current = step.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        current
    });

    let save = {
        let answers = answers.clone();
        let navigate = navigate.clone();
        // `then`: where to go once saved (the plan, or the interest profile).
        move |then: &'static str| {
            let given: Vec<String> = answers.iter().map(|a| a.get_untracked()).collect();
            let draft = AssessmentDraft {
                taken_on: crate::ui::format::today(),
                answers: retake.answers(GUIDED_QUESTIONS, &given),
            };
            let mut profile: ProfileDraft = existing.clone();
            profile.current_role = role.get_untracked().trim().to_owned();
            profile.vision = vision.get_untracked().trim().to_owned();
            profile.values = values.get_untracked();
            profile.strengths = split_list(&strengths.get_untracked());
            let navigate = navigate.clone();
            saving.set(true);
            leptos::task::spawn_local(async move {
                let result = ws
                    .apply(move |plan, now, by| {
                        let mut touched = plan.set_profile(profile, now, by)?;
                        if !draft.answers.is_empty() {
                            touched = touched.merge(plan.add_assessment(draft, now, by)?);
                        }
                        Ok(touched)
                    })
                    .await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        saved.set(true);
                        ws.preferences().forget_method_draft(FLOW, plan_id, about);
                        navigate(then, Default::default())
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };

    let question_fields = move |areas: &'static [AssessmentArea]| {
        GUIDED_QUESTIONS
            .iter()
            .zip(answers.clone())
            .filter(|((area, _), _)| areas.contains(area))
            .map(|((_, q), a)| view! { <TextArea label=q value=a rows=3/> })
            .collect_view()
    };

    let body = move || {
        let current = step.get();
        let (_, areas) = STEPS[current];
        let extra = match current {
            2 => view! {
                <TextField label="Your strengths" value=strengths
                    hint="Separate them with commas, e.g. explaining complex ideas, patience, organising events"/>
            }
            .into_any(),
            VALUES_STEP => view! {
                <p class="muted">"Pick the values that matter most to you, then rank them: most important first."</p>
                <ValuesPicker values=values/>
            }
            .into_any(),
            VISION_STEP => view! {
                <TextField label="Your current role" value=role placeholder="e.g. Secondary-school science teacher"/>
                <TextArea label="Your ideal career in 3–5 years" value=vision rows=5
                    hint="Picture a good working day then: what you do, with whom, where, and how it feels."/>
                <p class="muted">"One more, if you like: after saving, rate six kinds of work, one per screen, for your interest code."</p>
            }
            .into_any(),
            _ => ().into_any(),
        };
        view! { {question_fields(areas)} {extra} }
    };

    let last = STEPS.len() - 1;
    view! {
        <p class="lead">
            "A few questions a coach would ask first. Answer what you like; you can skip any of them "
            "and come back later."
        </p>
        {resumed.then(|| view! { <InfoNotice><p>"Welcome back: your unsaved answers are just as you left them."</p></InfoNotice> })}
        <section class="card assessment-step" aria-labelledby="step-heading">
            <p class="step-indicator">{move || format!("Step {} of {}", step.get() + 1, STEPS.len())}</p>
            <h2 id="step-heading" tabindex="-1" node_ref=heading>{move || STEPS[step.get()].0}</h2>
            {body}
        </section>
        <ErrorNotice message=error/>
        <div class="form-actions step-actions">
            <Show when=move || { step.get() > 0 }>
                <button class="button" type="button" on:click=move |_| step.update(|s| *s -= 1)>"Back"</button>
            </Show>
            <Show when=move || step.get() < last
                fallback=move || {
                    let (save, save_then) = (save.clone(), save.clone());
                    view! {
                        <button class="button primary" type="button" disabled=move || saving.get()
                            on:click=move |_| save("/plan")>"Save and see my plan"</button>
                        <button class="button" type="button" disabled=move || saving.get()
                            on:click=move |_| save_then("/welcome/interests")>"Save, then rate my interests"</button>
                    }
                }>
                <button class="button primary" type="button" on:click=move |_| step.update(|s| *s += 1)>"Next"</button>
            </Show>
            <a class="button link-button" href="/plan">"Skip for now"</a>
        </div>
        <Show when=move || resumed>
        <div class="form-actions">
            <DiscardDraft label="Discard my unsaved answers" confirm=confirm_discard
                warning="Your answers on this device, not yet saved, will be gone. What you saved before stays."
                on_discard=Callback::new(move |()| {
                    saved.set(true);
                    ws.preferences().forget_method_draft(FLOW, plan_id, about);
                    navigate_away.with_value(|n| n("/plan", Default::default()));
                })/>
        </div>
        </Show>
    }
}
