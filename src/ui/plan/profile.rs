//! Who the client is and where they are going: current role, the vision of the ideal career in
//! 3–5 years, values ranked most important first, and strengths. Goals link to these.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use chrono::{DateTime, Utc};

use super::common::{use_theirs, StaleChoice};
use crate::core::ids::profile_id;
use crate::core::profile::ProfileDraft;
use crate::core::{Author, Plan};
use crate::ui::format::show_date;
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, ActionError, WithPlan};
use crate::ui::widgets::{ErrorNotice, TextArea, TextField, ValuesPicker};

#[component]
pub fn ProfileScreen() -> impl IntoView {
    view! {
        <Page title="Vision and values">
            <WithPlan>
                <ProfileForm/>
            </WithPlan>
        </Page>
    }
}

fn holds(list: &[String], v: &str) -> bool {
    let v = v.trim().to_lowercase();
    list.iter().any(|x| x.trim().to_lowercase() == v)
}

#[component]
fn ProfileForm() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let vision = RwSignal::new(String::new());
    let values = RwSignal::new(Vec::<String>::new());
    let strengths = RwSignal::new(Vec::<String>::new());
    let new_strength = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let stale = RwSignal::new(false);
    let busy = RwSignal::new(false);

    // The profile as it was when the form opened, and its stored revision for the stale check.
    let (pid, rev) = (RwSignal::new(uuid::Uuid::nil()), RwSignal::new(0u64));
    let load = move || {
        ws.plan.with_untracked(|p| {
            let Some(p) = p else { return };
            let id = profile_id(p.id());
            pid.set(id);
            rev.set(p.rev_of(id));
            let d = p.live_profile().cloned().unwrap_or_default();
            name.set(d.name.unwrap_or_default());
            role.set(d.current_role);
            vision.set(d.vision);
            values.set(d.values);
            strengths.set(d.strengths);
        })
    };
    load();

    let add_strength = move || {
        let v = new_strength.get_untracked().trim().to_owned();
        if v.is_empty() {
            return;
        }
        if !strengths.with_untracked(|l| holds(l, &v)) {
            strengths.update(|l| l.push(v));
        }
        new_strength.set(String::new());
    };

    let draft = move || ProfileDraft {
        name: Some(name.get_untracked().trim().to_owned()).filter(|n| !n.is_empty()),
        current_role: role.get_untracked().trim().to_owned(),
        vision: vision.get_untracked().trim().to_owned(),
        values: values.get_untracked(),
        strengths: strengths.get_untracked(),
    };
    let save = move |checked: bool| {
        let navigate = navigate.clone();
        let d = draft();
        let based_on = [(pid.get_untracked(), rev.get_untracked())];
        busy.set(true);
        error.set(None);
        stale.set(false);
        spawn_local(async move {
            let verb =
                move |p: &mut Plan, now: DateTime<Utc>, by: Author| p.set_profile(d, now, by);
            let result = if checked {
                ws.apply_checked(&based_on, verb).await
            } else {
                ws.keep_mine(verb).await
            };
            busy.set(false);
            match result {
                Ok(_) => navigate("/plan", Default::default()),
                Err(ActionError::ChangedElsewhere) => stale.set(true),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let save_keep = save.clone();

    view! {
        <p class="lead">"Your vision and values are what every goal should serve. You can change them any time."</p>
        <form class="profile-form" on:submit=move |ev| {
            ev.prevent_default();
            save(true);
        }>
            <section class="card">
                <h2>"Where you are"</h2>
                <TextField label="Your name (optional)" value=name/>
                <TextField label="Current role" value=role
                    placeholder="e.g. Secondary school science teacher"/>
            </section>
            <section class="card">
                <h2>"Where you want to be"</h2>
                <TextArea label="Vision of your ideal career in 3–5 years" value=vision rows=5
                    hint="What do your days look like? What work, with whom, and what matters to you?"/>
            </section>

            <section class="card" aria-labelledby="values-heading">
                <h2 id="values-heading">"Values"</h2>
                <p class="muted">"Pick the values that matter to you, then rank them: most important first."</p>
                <ValuesPicker values=values/>
            </section>

            <section class="card" aria-labelledby="strengths-heading">
                <h2 id="strengths-heading">"Strengths"</h2>
                <p class="muted">"What are you already good at? Skills carry over more than people think."</p>
                <ul class="ranked-list">
                    {move || strengths.get().into_iter().enumerate().map(|(i, s)| view! {
                        <li class="ranked-item">
                            <span class="rank-text">{s.clone()}</span>
                            <button type="button" class="button icon-button" aria-label=format!("Remove {s}")
                                on:click=move |_| strengths.update(|l| { l.remove(i); })>"✕"</button>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="field add-row">
                    <label for="new-strength">"Add a strength"</label>
                    <div class="inline-input">
                        <input id="new-strength" type="text" maxlength="200" bind:value=new_strength
                            placeholder="e.g. Explaining complex ideas simply"
                            on:keydown=move |ev: KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add_strength();
                                }
                            }/>
                        <button type="button" class="button" on:click=move |_| add_strength()>"Add strength"</button>
                    </div>
                </div>
            </section>

            <ErrorNotice message=error/>
            <StaleChoice show=stale
                on_keep=move || save_keep(false)
                on_other=move || use_theirs(ws, stale, load, move |e| error.set(Some(e)))/>
            <div class="form-actions sticky-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>"Save profile"</button>
                <a class="button" href="/plan">"Cancel"</a>
            </div>
        </form>
        <AssessmentCard/>
        <crate::ui::welcome::InterestCard/>
    }
}

/// The newest take of the needs assessment, the earlier ones, and a way to take it again
/// (answers prefilled; each take is kept).
#[component]
fn AssessmentCard() -> impl IntoView {
    let ws = use_workspace();
    let takes = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.assessment_takes()
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="assessment-heading" data-testid="assessment-answers">
            <h2 id="assessment-heading">"Needs assessment"</h2>
            {move || {
                let takes = takes.get();
                match takes.split_first() {
                    None => view! { <p class="muted">"Not taken yet. It asks what moves you, what holds you back and what you can draw on."</p> }.into_any(),
                    Some((latest, earlier)) => view! {
                        <p class="muted">{format!("Taken on {}.", show_date(latest.fields.taken_on))}</p>
                        {super::common::assessment_answers(latest)}
                        {(!earlier.is_empty()).then(|| view! {
                            <details class="earlier-takes">
                                <summary>{format!("Earlier takes ({})", earlier.len())}</summary>
                                {earlier.iter().map(|t| view! {
                                    <h3>{format!("Taken on {}", show_date(t.fields.taken_on))}</h3>
                                    {super::common::assessment_answers(t)}
                                }).collect_view()}
                            </details>
                        })}
                    }.into_any(),
                }
            }}
            <a class="button" href="/welcome/assessment">
                {move || if takes.with(|t| t.is_empty()) { "Take the assessment" } else { "Revisit the assessment" }}
            </a>
        </section>
    }
}
