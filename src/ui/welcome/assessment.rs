//! The guided needs assessment, one short step per screen. Every step can be skipped, and
//! nothing is saved until the last step, where answers and profile are saved together.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::assessment::{AssessmentArea, AssessmentDraft, Retake};
use crate::core::profile::ProfileDraft;
use crate::core::questions::GUIDED_QUESTIONS;
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{ErrorNotice, TextArea, TextField, ValuesPicker};

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
    let answers: Vec<RwSignal<String>> = retake
        .prefilled
        .iter()
        .map(|a| RwSignal::new(a.clone()))
        .collect();
    let strengths = RwSignal::new(existing.strengths.join(", "));
    let values = RwSignal::new(existing.values.clone());
    let role = RwSignal::new(existing.current_role.clone());
    let vision = RwSignal::new(existing.vision.clone());
    let step = RwSignal::new(0usize);
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
                    Ok(_) => navigate(then, Default::default()),
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
    }
}
