//! The guided needs assessment, one short step per screen. Every step can be skipped, and
//! nothing is saved until the last step, where answers and profile are saved together.

use chrono::Utc;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use crate::core::profile::ProfileDraft;
use crate::core::questions::{GUIDED_QUESTIONS, SUGGESTED_VALUES};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{ErrorNotice, TextArea, TextField};

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

    let answers: Vec<RwSignal<String>> = GUIDED_QUESTIONS
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let strengths = RwSignal::new(existing.strengths.join(", "));
    let values = RwSignal::new(existing.values.clone());
    let own_value = RwSignal::new(String::new());
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
        move || {
            let taken_on = Utc::now().date_naive();
            let draft = AssessmentDraft {
                taken_on,
                answers: GUIDED_QUESTIONS
                    .iter()
                    .zip(&answers)
                    .filter(|(_, a)| !a.get_untracked().trim().is_empty())
                    .map(|((area, q), a)| AssessmentAnswer {
                        area: *area,
                        question: (*q).to_owned(),
                        answer: a.get_untracked().trim().to_owned(),
                    })
                    .collect(),
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
                    Ok(_) => navigate("/plan", Default::default()),
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };

    let toggle_value = move |v: String| {
        values.update(|list| match list.iter().position(|x| *x == v) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(v),
        })
    };
    let add_own_value = move || {
        let v = own_value.get_untracked().trim().to_owned();
        if !v.is_empty() && !values.get_untracked().contains(&v) {
            values.update(|l| l.push(v));
        }
        own_value.set(String::new());
    };
    let move_value = move |i: usize, up: bool| {
        values.update(|l| {
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < l.len()) {
                l.swap(i, j);
            }
        })
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
                <fieldset class="field">
                    <legend>"Pick the values that matter most to you"</legend>
                    <div class="chips">
                        {SUGGESTED_VALUES
                            .iter()
                            .map(|v| {
                                let name: &'static str = v;
                                let v = (*v).to_owned();
                                let v2 = v.clone();
                                view! {
                                    <label class="chip">
                                        <input type="checkbox"
                                            prop:checked=move || values.with(|l| l.contains(&v))
                                            on:change=move |_| toggle_value(v2.clone())/>
                                        <span>{name}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <form class="inline-add" on:submit=move |ev| { ev.prevent_default(); add_own_value(); }>
                    <TextField label="Add a value of your own" value=own_value/>
                    <button class="button" type="submit">"Add"</button>
                </form>
                <h3>"Your values, most important first"</h3>
                <Show when=move || values.with(|l| !l.is_empty())
                    fallback=|| view! { <p class="muted">"Pick a few values above."</p> }>
                    <ol class="ranked">
                        {move || values.get().into_iter().enumerate().map(|(i, v)| {
                            let up_label = format!("Move {v} up");
                            let down_label = format!("Move {v} down");
                            view! {
                                <li>
                                    <span class="ranked-name">{v}</span>
                                    // The name is the hidden words, not an aria-label, so the arrow
                                    // shown is never a label missing from the name (WCAG 2.5.3).
                                    <button class="button icon-button" type="button"
                                        disabled=i == 0 on:click=move |_| move_value(i, true)>
                                        <span aria-hidden="true">"↑"</span><span class="visually-hidden">{up_label}</span></button>
                                    <button class="button icon-button" type="button"
                                        disabled=move || i + 1 >= values.with(Vec::len)
                                        on:click=move |_| move_value(i, false)>
                                        <span aria-hidden="true">"↓"</span><span class="visually-hidden">{down_label}</span></button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </Show>
            }
            .into_any(),
            VISION_STEP => view! {
                <TextField label="Your current role" value=role placeholder="e.g. Secondary-school science teacher"/>
                <TextArea label="Your ideal career in 3–5 years" value=vision rows=5
                    hint="Picture a good working day then: what you do, with whom, where, and how it feels."/>
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
                    let save = save.clone();
                    view! {
                        <button class="button primary" type="button" disabled=move || saving.get()
                            on:click=move |_| save()>"Save and see my plan"</button>
                    }
                }>
                <button class="button primary" type="button" on:click=move |_| step.update(|s| *s += 1)>"Next"</button>
            </Show>
            <a class="button link-button" href="/plan">"Skip for now"</a>
        </div>
    }
}
