//! GROW coaching-session notes (docs/METHOD.md): the guided flow of one question per screen
//! (Goal of the session, Reality, Options with one chosen, Way forward with dates), every
//! question skippable, the answers kept as a draft with the device's preferences until saved;
//! and the list of notes, newest first, where a way-forward step becomes an action.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::core::grow::{GrowDraft, GrowNote, WayStep};
use crate::core::{Author, DocKind, Plan, PlanKind};
use crate::ui::format::{iso, parse_date, show_date, today};
use crate::ui::icons::Icon;
use crate::ui::page::{EmptyState, Page};
use crate::ui::params::{session_note_param, RecordParam};
use crate::ui::state::{use_workspace, WithPlan, Workspace};
use crate::ui::widgets::{
    DateField, DiscardDraft, ErrorNotice, FlowCard, GuidedFlow, InfoNotice, SelectField, TextArea,
    TextField,
};

const FLOW: &str = "grow";
/// Steps of the way forward the flow offers (the core allows more, from files).
const ROWS: usize = 8;
const STEPS: usize = 5;

/// The one line that says what GROW is and why it helps, shown with the notes and in the flow.
pub const GROW_WHY: &str = "GROW (Goal, Reality, Options, Way forward) is the coaching conversation John Whitmore described: agree what this session is for, look at where things really stand, widen the options before choosing, then commit to dated steps. Writing it down keeps the choice and the steps from fading after the session.";

/// What the device keeps between questions, reloads and closed browsers: the fields as typed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct KeptGrow {
    step: usize,
    held_on: String,
    goal: String,
    session_goal: String,
    reality: String,
    /// One option per line.
    options: String,
    /// Position among the options that say something.
    chosen: Option<usize>,
    /// (what, by when) per row of the way forward.
    way_forward: Vec<(String, String)>,
}

/// The options as the flow lists them: the lines that say something.
fn option_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl KeptGrow {
    /// A saved note's answers as the flow shows them, to change them.
    fn of(note: &GrowDraft) -> KeptGrow {
        KeptGrow {
            step: 0,
            held_on: iso(note.held_on),
            goal: note.goal_id.map(|g| g.to_string()).unwrap_or_default(),
            session_goal: note.session_goal.clone(),
            reality: note.reality.clone(),
            options: note.options.join("\n"),
            chosen: note.chosen.map(|c| c as usize),
            way_forward: note
                .way_forward
                .iter()
                .map(|w| (w.what.clone(), w.due.map(iso).unwrap_or_default()))
                .collect(),
        }
    }

    /// The note these answers make, or what to fix first.
    fn draft(&self) -> Result<GrowDraft, String> {
        let held_on = parse_date("The day of the session", &self.held_on)?.unwrap_or_else(today);
        let options = option_lines(&self.options);
        let chosen = self.chosen.filter(|i| *i < options.len()).map(|i| i as u32);
        let mut way_forward = Vec::new();
        for (i, (what, due)) in self.way_forward.iter().enumerate() {
            let due = parse_date(&format!("Step {}", i + 1), due)?;
            if what.trim().is_empty() {
                if due.is_some() {
                    return Err(format!(
                        "Step {}: say what you will do by then, or clear its date.",
                        i + 1
                    ));
                }
                continue;
            }
            way_forward.push(WayStep {
                what: what.trim().to_owned(),
                due,
                action_id: None,
            });
        }
        Ok(GrowDraft {
            held_on,
            goal_id: Uuid::parse_str(&self.goal).ok(),
            session_goal: self.session_goal.trim().to_owned(),
            reality: self.reality.trim().to_owned(),
            options,
            chosen,
            way_forward,
        })
    }
}

/// Whether the open plan is a template, as a memo: it changes only when another plan opens,
/// so a screen built on it is not rebuilt (losing what is on it) by every save.
fn is_template(ws: Workspace) -> Memo<bool> {
    Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().is_some_and(|p| p.kind == PlanKind::Template))
    })
}

const NO_TEMPLATE_NOTES: &str =
    "Templates keep no client data: session notes belong to a client's plan.";

#[component]
pub fn GrowFlowScreen() -> impl IntoView {
    let template = is_template(use_workspace());
    let param = session_note_param();
    let title = if param == RecordParam::New {
        "Session note"
    } else {
        "Change a session note"
    };
    view! {
        <Page title=title>
            <WithPlan>
                {move || if template.get() {
                    view! { <p>{NO_TEMPLATE_NOTES}" "<a href="/plan">"Back to the plan"</a></p> }.into_any()
                } else {
                    let ws = use_workspace();
                    match param {
                        RecordParam::New => view! { <Flow editing=None/> }.into_any(),
                        RecordParam::Id(id) if ws.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.grow_note(id).is_some())) => {
                            view! { <Flow editing=Some(id)/> }.into_any()
                        }
                        _ => view! {
                            <p>"This session note no longer exists (it may have been deleted). "<a href="/plan/sessions">"Back to the session notes"</a></p>
                        }.into_any(),
                    }
                }}
            </WithPlan>
        </Page>
    }
}

/// The guided flow for a new note (`editing` None), or for changing the note `editing`: its
/// answers come first, and a draft of the change is kept apart from a new note's.
#[component]
fn Flow(editing: Option<Uuid>) -> impl IntoView {
    let ws = use_workspace();
    let about = editing.unwrap_or_else(Uuid::nil);
    let (flow, kept) = GuidedFlow::start(ws, FLOW, about, STEPS, |k: &KeptGrow| k.step);
    let resumed = kept.is_some();
    let start = kept
        .or_else(|| {
            let id = editing?;
            ws.plan
                .with_untracked(|p| p.as_ref()?.grow_note(id).map(|n| KeptGrow::of(&n.fields)))
        })
        .unwrap_or_else(|| KeptGrow {
            held_on: iso(today()),
            ..KeptGrow::default()
        });
    let back = match editing {
        Some(id) => format!("/plan/sessions#note-{id}"),
        None => "/plan/sessions".to_owned(),
    };
    let goals: Vec<(String, String)> = ws.plan.with_untracked(|p| {
        let mut g = vec![(String::new(), "The plan as a whole".to_owned())];
        if let Some(p) = p {
            g.extend(
                p.live_goals()
                    .into_iter()
                    .map(|x| (x.meta.id.to_string(), x.fields.title.clone())),
            );
        }
        g
    });
    let step = flow.step;
    let held_on = RwSignal::new(start.held_on);
    // A goal deleted since the note was written is no longer offered: the note is then about
    // the plan as a whole, as its actions would be.
    let goal = RwSignal::new(if goals.iter().any(|(id, _)| *id == start.goal) {
        start.goal
    } else {
        String::new()
    });
    let session_goal = RwSignal::new(start.session_goal);
    let reality = RwSignal::new(start.reality);
    let options = RwSignal::new(start.options);
    let chosen = RwSignal::new(start.chosen);
    // Every row's fields are made with the form, so no signal is created in a click handler.
    let rows: Vec<(RwSignal<String>, RwSignal<String>)> = (0..ROWS)
        .map(|i| {
            let (what, due) = start.way_forward.get(i).cloned().unwrap_or_default();
            (RwSignal::new(what), RwSignal::new(due))
        })
        .collect();
    let rows = StoredValue::new(rows);
    let shown = RwSignal::new(start.way_forward.len().clamp(1, ROWS));
    let kept = move || KeptGrow {
        step: step.get(),
        held_on: held_on.get(),
        goal: goal.get(),
        session_goal: session_goal.get(),
        reality: reality.get(),
        options: options.get(),
        chosen: chosen.get(),
        way_forward: rows.with_value(|r| {
            r.iter()
                .take(shown.get())
                .map(|(w, d)| (w.get(), d.get()))
                .collect()
        }),
    };

    flow.keep(kept);

    let go = move |to: usize| flow.go(to);
    let save = Callback::new(move |_| match untrack(kept).draft() {
        Ok(draft) => flow.save("The session note was not saved:", move |p, now, by| {
            p.save_grow_note(editing, draft, now, by)
        }),
        Err(e) => flow.error.set(Some(e)),
    });
    let discard = {
        let back = back.clone();
        Callback::new(move |_| flow.discard(&back))
    };
    // The saved note, to link to.
    let saved_note = move || {
        flow.saved
            .with(|t| t.as_ref().and_then(|t| t.id_of(DocKind::GrowNote)))
            .unwrap_or_default()
    };
    let goals = Signal::derive(move || goals.clone());

    let step_view = move || {
        match step.get() {
        0 => view! {
            <h2 id="step-heading" tabindex="-1">"Goal of the session"</h2>
            <TextField label="What do you want from this session?" value=session_goal
                hint="What would make this conversation worth the time? One line."/>
            <SelectField label="Which goal is it about?" value=goal options=goals/>
            <DateField label="Day of the session" value=held_on/>
        }
        .into_any(),
        1 => view! {
            <h2 id="step-heading" tabindex="-1">"Reality"</h2>
            <TextArea label="Where do things stand now?" value=reality rows=5
                hint="The facts: what has happened, what you have tried, what is in the way. No judging yet."/>
        }
        .into_any(),
        2 => view! {
            <h2 id="step-heading" tabindex="-1">"Options"</h2>
            <TextArea label="What could you do?" value=options rows=5
                hint="One option per line. Name several before choosing, even unlikely ones."/>
            <ChooseOption options=options chosen=chosen/>
        }
        .into_any(),
        3 => view! {
            <h2 id="step-heading" tabindex="-1">"Way forward"</h2>
            <p class="muted" id="way-hint">"What will you do, and by when? Each step can become an action on your plan, with its date."</p>
            <ol class="way-rows">
                {move || rows.with_value(|r| r.iter().take(shown.get()).enumerate().map(|(i, (what, due))| {
                    let (what, due) = (*what, *due);
                    let what_id = format!("way-what-{i}");
                    let due_id = format!("way-due-{i}");
                    view! {
                        <li class="way-row">
                            <div class="field">
                                <label for=what_id.clone()>{format!("Step {}: what will you do?", i + 1)}</label>
                                <input id=what_id type="text" bind:value=what maxlength="200" aria-describedby="way-hint"/>
                            </div>
                            <div class="field">
                                <label for=due_id.clone()>{format!("Step {}: by when?", i + 1)}</label>
                                <input id=due_id type="date" bind:value=due min="1900-01-01" max="2199-12-31"/>
                            </div>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <Show when=move || { shown.get() < ROWS }>
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n = (*n + 1).min(ROWS))>"Add a step"</button>
            </Show>
        }
        .into_any(),
        _ => view! {
            <h2 id="step-heading" tabindex="-1">"Review and save"</h2>
            {move || match kept().draft() {
                Ok(d) if d.is_empty() => view! {
                    <p class="notice error">"Answer at least one question to save a note."</p>
                }.into_any(),
                Ok(d) => {
                    let title = d.goal_id.and_then(|g| {
                        goals.with(|gs| gs.iter().find(|(id, _)| *id == g.to_string()).map(|(_, t)| t.clone()))
                    });
                    view! { <NoteFacts draft=d goal_title=title/> }.into_any()
                }
                Err(e) => view! { <p class="notice error">{e}</p> }.into_any(),
            }}
            <div class="form-actions">
                {(0..4).map(|i| {
                    let name = ["goal of the session", "reality", "options", "way forward"][i];
                    view! { <button type="button" class="button small" on:click=move |_| go(i)>{format!("Edit the {name}")}</button> }
                }).collect_view()}
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <p class="back-link"><a href=back>"← Session notes"</a></p>
        <Show when=move || flow.saved.with(Option::is_none) fallback=move || view! {
            <div class="card" data-testid="grow-done">
                <h2 id="step-heading" tabindex="-1">"Session note saved"</h2>
                <p>"It is with your session notes, where each step of the way forward can become an action."</p>
                <div class="form-actions">
                    <a class="button primary" href=move || format!("/plan/sessions#note-{}", saved_note())>"See the note"</a>
                </div>
            </div>
        }>
            <p class="method-why muted">{GROW_WHY}</p>
            {resumed.then(|| view! { <InfoNotice><p>"Welcome back: your unsaved session note is just as you left it."</p></InfoNotice> })}
            <FlowCard flow=flow save_label="Save session note" on_save=save>
                {step_view}
            </FlowCard>
            <div class="flow-leave">
                <p class="muted">"Every question is optional. Your answers are kept on this device until you save, even if you leave this screen or close the app."</p>
                <DiscardDraft label="Discard this session note" confirm=flow.confirm_discard on_discard=discard
                    warning="Tap again to discard your answers. Notes you saved before stay as they are."/>
            </div>
        </Show>
    }
}

/// Which option was chosen: one radio per option that says something, and "none yet".
#[component]
fn ChooseOption(options: RwSignal<String>, chosen: RwSignal<Option<usize>>) -> impl IntoView {
    let lines = Memo::new(move |_| option_lines(&options.get()));
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <fieldset class="choose-option">
                <legend>"Which one do you choose?"</legend>
                {move || lines.get().into_iter().enumerate().map(|(i, o)| view! {
                    <label class="choice">
                        <input type="radio" name="chosen-option" value=i.to_string()
                            prop:checked=move || chosen.get() == Some(i)
                            on:change=move |_| chosen.set(Some(i))/>
                        <span>{o}</span>
                    </label>
                }).collect_view()}
                <label class="choice">
                    <input type="radio" name="chosen-option" value="none"
                        prop:checked=move || chosen.get().is_none_or(|c| c >= lines.with(Vec::len))
                        on:change=move |_| chosen.set(None)/>
                    <span>"None yet"</span>
                </label>
            </fieldset>
        </Show>
    }
}

/// A note's answers as they read; empty answers are left out.
#[component]
fn NoteFacts(draft: GrowDraft, goal_title: Option<String>) -> impl IntoView {
    let d = draft;
    let goal = goal_title.map(|t| view! { <dt>"About the goal"</dt><dd>{t}</dd> });
    let session_goal = (!d.session_goal.is_empty())
        .then(|| view! { <dt>"Goal of the session"</dt><dd>{d.session_goal.clone()}</dd> });
    let reality = (!d.reality.is_empty())
        .then(|| view! { <dt>"Reality"</dt><dd class="pre-wrap">{d.reality.clone()}</dd> });
    let options = (!d.options.is_empty()).then(|| {
        let items = d
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                if d.chosen == Some(i as u32) {
                    view! { <li class="chosen"><strong>{o.clone()}</strong>" (chosen)"</li> }
                        .into_any()
                } else {
                    view! { <li>{o.clone()}</li> }.into_any()
                }
            })
            .collect_view();
        view! { <dt>"Options"</dt><dd><ul class="grow-options">{items}</ul></dd> }
    });
    view! {
        <dl class="goal-facts grow-facts" data-testid="grow-facts">
            {goal}
            {session_goal}
            {reality}
            {options}
            {(!d.way_forward.is_empty()).then(|| view! {
                <dt>"Way forward"</dt>
                <dd><ol class="grow-steps">{d.way_forward.iter().map(|s| view! { <li>{step_text(s)}</li> }).collect_view()}</ol></dd>
            })}
        </dl>
    }
}

fn step_text(s: &WayStep) -> String {
    match s.due {
        Some(d) => format!("{} (by {})", s.what, show_date(d)),
        None => s.what.clone(),
    }
}

fn author_word(a: Author) -> &'static str {
    match a {
        Author::Coach => "the coach",
        Author::Client => "the client",
    }
}

#[component]
pub fn SessionNotesScreen() -> impl IntoView {
    view! {
        <Page title="Session notes">
            <p class="back-link"><a href="/plan">"← Plan"</a></p>
            <WithPlan>
                <Notes/>
            </WithPlan>
        </Page>
    }
}

#[component]
fn Notes() -> impl IntoView {
    let ws = use_workspace();
    let notes = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.grow_notes_newest_first()
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let template = is_template(ws);
    let has_draft = move || {
        let pid = ws.plan.with_untracked(|p| p.as_ref().map(Plan::id))?;
        ws.preferences()
            .method_draft::<KeptGrow>(FLOW, pid, Uuid::nil())
            .map(|_| ())
    };
    move || {
        if template.get() {
            return view! { <p>{NO_TEMPLATE_NOTES}</p> }.into_any();
        }
        view! {
            <p class="method-why muted">{GROW_WHY}</p>
            {match has_draft() {
                Some(()) => view! {
                    <InfoNotice><p>"You have an unsaved session note on this device."</p></InfoNotice>
                    <a class="button primary" href="/plan/sessions/new" data-testid="grow-start">"Continue the session note"</a>
                }.into_any(),
                None => view! {
                    <a class="button primary" href="/plan/sessions/new" data-testid="grow-start">"Write a session note"</a>
                }.into_any(),
            }}
            <Show when=move || notes.with(|n| !n.is_empty())
                fallback=|| view! {
                    <EmptyState icon=view! { <Icon name="flag"/> }.into_any() heading="No session notes yet">
                        <p>"After a coaching conversation, note its goal, the reality, the options you saw and the way forward. Five short screens, every question optional."</p>
                    </EmptyState>
                }>
                <ol class="grow-list" data-testid="grow-list">
                    {move || notes.get().into_iter().map(|n| view! { <li><NoteCard note=n/></li> }).collect_view()}
                </ol>
            </Show>
        }
        .into_any()
    }
}

/// One note, readable, with its way-forward steps offered as actions and a delete (with Undo).
#[component]
fn NoteCard(note: GrowNote) -> impl IntoView {
    let ws = use_workspace();
    let id = note.meta.id;
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let (goal_title, actions) = ws.plan.with_untracked(|p| {
        let p = p.as_ref();
        let goal = note
            .fields
            .goal_id
            .and_then(|g| p.and_then(|p| p.goal(g)))
            .map(|g| g.fields.title.clone());
        let actions: Vec<Option<String>> = note
            .fields
            .way_forward
            .iter()
            .map(|s| {
                s.action_id
                    .and_then(|a| p.and_then(|p| p.action(a)))
                    .map(|a| a.fields.title.clone())
            })
            .collect();
        (goal, actions)
    });
    let to_action = move |i: usize| {
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let r = ws
                .apply(move |p, now, by| p.grow_step_to_action(id, i, now, by))
                .await;
            busy.set(false);
            if let Err(e) = r {
                error.set(Some(format!("No action was made: {e}")));
            }
        });
    };
    let delete = move |_| {
        if !confirm_delete.get_untracked() {
            confirm_delete.set(true);
            return;
        }
        ws.change_with_undo(
            "Session note deleted",
            error,
            || {},
            move |p, now, by| p.delete_grow_note(id, now, by),
        );
    };
    let heading_id = format!("note-{id}-heading");
    let labelled_by = heading_id.clone();
    let held = show_date(note.fields.held_on);
    let mut facts = note.fields.clone();
    // The steps are listed below with their actions.
    let steps = std::mem::take(&mut facts.way_forward);
    view! {
        <article class="card grow-note" id=format!("note-{id}") aria-labelledby=labelled_by data-testid="grow-note">
            <h2 id=heading_id>{format!("Session on {held}")}</h2>
            <p class="muted">{format!("Written by {}", author_word(note.author))}</p>
            <NoteFacts draft=facts goal_title=goal_title/>
            {(!steps.is_empty()).then(|| view! {
                <h3 class="grow-way-heading">"Way forward"</h3>
                <ol class="grow-steps">
                    {steps.iter().zip(actions).enumerate().map(|(i, (s, action))| {
                        let text = step_text(s);
                        view! {
                            <li class="grow-step">
                                <span>{text.clone()}</span>
                                {match action {
                                    Some(title) => view! { <p class="muted" data-testid="grow-action">{format!("An action on your plan: {title}")}</p> }.into_any(),
                                    None => view! {
                                        <button type="button" class="button small" disabled=move || busy.get()
                                            on:click=move |_| to_action(i)>
                                            "Make it an action"<span class="visually-hidden">{format!(": {text}")}</span>
                                        </button>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            })}
            <ErrorNotice message=error/>
            <a class="button" href=format!("/plan/sessions/{id}/edit")>
                "Change this note"<span class="visually-hidden">{format!(" of {held}")}</span>
            </a>
            <button type="button" class="button danger-link" on:click=delete>
                {move || if confirm_delete.get() { "Yes, delete this note" } else { "Delete this note" }}
                <span class="visually-hidden">{format!(" of {held}")}</span>
            </button>
            <Show when=move || confirm_delete.get()>
                <p class="notice error" role="alert">"Tap again to delete the note. Actions made from it stay on your plan."</p>
            </Show>
        </article>
    }
}
