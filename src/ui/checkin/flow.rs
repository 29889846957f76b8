//! The guided check-in: one step per screen. One step per active goal (progress, KPI values,
//! what got in the way, next steps; or skip it), then confidence and mood, then a summary to
//! check and save. The draft is kept with the device's preferences, so moving between steps,
//! leaving the screen, reloading or closing the browser never loses what was typed; only
//! "Discard" (asked twice) or a successful save clears it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::overview::mood_word;
use crate::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use crate::core::goal::GoalStatus;
use crate::core::progress::latest_measurement;
use crate::core::schedule::next_checkin;
use crate::core::Plan;
use crate::ui::format::{self, long_date, parse_number, short_day_of, with_unit};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan, Workspace};
use crate::ui::widgets::{
    focus_step_heading, DiscardDraft, ErrorNotice, InfoNotice, RatingField, TextArea,
};
use crate::ui::zone::BrowserZones;

#[component]
pub fn CheckInFlowScreen() -> impl IntoView {
    view! {
        <Page title="Check-in">
            <WithPlan>
                <Flow/>
            </WithPlan>
        </Page>
    }
}

/// What localStorage keeps between steps, reloads and closed browsers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SavedDraft {
    plan_id: Uuid,
    step: usize,
    goals: Vec<SavedGoal>,
    confidence: Option<u8>,
    mood: Option<u8>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SavedGoal {
    goal_id: Uuid,
    skip: bool,
    note: String,
    blockers: String,
    next_steps: String,
    kpis: Vec<(Uuid, String)>,
}

#[derive(Clone, Copy)]
struct KpiInput {
    kpi_id: Uuid,
    name: StoredValue<String>,
    unit: StoredValue<String>,
    latest: StoredValue<Option<String>>,
    value: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct GoalForm {
    goal_id: Uuid,
    title: StoredValue<String>,
    skip: RwSignal<bool>,
    note: RwSignal<String>,
    blockers: RwSignal<String>,
    next_steps: RwSignal<String>,
    kpis: StoredValue<Vec<KpiInput>>,
}

impl GoalForm {
    fn saved(&self) -> SavedGoal {
        SavedGoal {
            goal_id: self.goal_id,
            skip: self.skip.get(),
            note: self.note.get(),
            blockers: self.blockers.get(),
            next_steps: self.next_steps.get(),
            kpis: self
                .kpis
                .get_value()
                .iter()
                .map(|k| (k.kpi_id, k.value.get()))
                .collect(),
        }
    }

    /// The entry for core, or why a KPI value can't be read.
    fn entry(&self) -> Result<Option<GoalEntryDraft>, String> {
        if self.skip.get_untracked() {
            return Ok(None);
        }
        let mut kpi_values = Vec::new();
        for k in self.kpis.get_value() {
            match parse_number(&k.value.get_untracked()) {
                Ok(Some(value)) => kpi_values.push(KpiValue {
                    kpi_id: k.kpi_id,
                    value,
                }),
                Ok(None) => {}
                Err(e) => return Err(format!("{}: {e}", k.name.get_value())),
            }
        }
        Ok(Some(GoalEntryDraft {
            goal_id: self.goal_id,
            progress_note: self.note.get_untracked().trim().to_owned(),
            kpi_values,
            blockers: self.blockers.get_untracked().trim().to_owned(),
            next_steps: self.next_steps.get_untracked().trim().to_owned(),
        }))
    }
}

fn load_saved(ws: Workspace, plan_id: Uuid) -> Option<SavedDraft> {
    ws.preferences()
        .checkin_draft::<SavedDraft>()
        .filter(|d| d.plan_id == plan_id)
}

/// The goal steps for the plan's active goals, filled from a kept draft when there is one.
fn build_forms(plan: &Plan, saved: Option<&SavedDraft>) -> Vec<GoalForm> {
    plan.live_goals()
        .into_iter()
        .filter(|g| g.status == GoalStatus::Active)
        .map(|g| {
            let kept = saved.and_then(|s| s.goals.iter().find(|x| x.goal_id == g.meta.id));
            let kpis = plan
                .kpis_of(g.meta.id)
                .map(|k| {
                    let latest = latest_measurement(plan, k.meta.id);
                    let value = kept
                        .and_then(|s| s.kpis.iter().find(|(id, _)| *id == k.meta.id))
                        .map(|(_, v)| v.clone())
                        .or_else(|| latest.map(|m| format::number(m.value)))
                        .unwrap_or_default();
                    KpiInput {
                        kpi_id: k.meta.id,
                        name: StoredValue::new(k.fields.name.clone()),
                        unit: StoredValue::new(k.fields.unit.clone()),
                        latest: StoredValue::new(latest.map(|m| {
                            format!(
                                "{} on {}",
                                with_unit(m.value, &k.fields.unit),
                                short_day_of(m.at, m.meta.written_offset)
                            )
                        })),
                        value: RwSignal::new(value),
                    }
                })
                .collect();
            GoalForm {
                goal_id: g.meta.id,
                title: StoredValue::new(g.fields.title.clone()),
                skip: RwSignal::new(kept.is_some_and(|k| k.skip)),
                note: RwSignal::new(kept.map(|k| k.note.clone()).unwrap_or_default()),
                blockers: RwSignal::new(kept.map(|k| k.blockers.clone()).unwrap_or_default()),
                next_steps: RwSignal::new(kept.map(|k| k.next_steps.clone()).unwrap_or_default()),
                kpis: StoredValue::new(kpis),
            }
        })
        .collect()
}

#[component]
fn Flow() -> impl IntoView {
    let ws = use_workspace();
    let plan_id = ws
        .plan
        .with_untracked(|p| p.as_ref().map(Plan::id))
        .unwrap_or_default();
    let saved = load_saved(ws, plan_id);
    let resumed = saved.is_some();
    let forms: Vec<GoalForm> = ws
        .plan
        .with_untracked(|p| p.as_ref().map(|p| build_forms(p, saved.as_ref())))
        .unwrap_or_default();
    let goal_steps = forms.len();
    let total = goal_steps + 2;
    let forms = StoredValue::new(forms);
    let step = RwSignal::new(saved.as_ref().map_or(0, |s| s.step.min(total - 1)));
    let confidence = RwSignal::new(saved.as_ref().and_then(|s| s.confidence));
    let mood = RwSignal::new(saved.as_ref().and_then(|s| s.mood));
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let confirm_discard = RwSignal::new(false);
    // Set once saved: the next check-in date (or None without a schedule).
    let finished = RwSignal::new(None::<Option<String>>);

    // Keep the draft with the device's preferences whenever any part of it changes.
    Effect::new(move |_| {
        if finished.get().is_some() {
            return;
        }
        let draft = SavedDraft {
            plan_id,
            step: step.get(),
            goals: forms.with_value(|f| f.iter().map(GoalForm::saved).collect()),
            confidence: confidence.get(),
            mood: mood.get(),
        };
        // A failed write is logged by the store; the check-in itself is saved at the end.
        let _ = ws.preferences().keep_checkin_draft(&draft);
    });

    let validate_step = move |i: usize| -> Result<(), String> {
        if i < goal_steps {
            forms.with_value(|f| f[i].entry()).map(|_| ())
        } else if i == goal_steps
            && (confidence.get_untracked().is_none() || mood.get_untracked().is_none())
        {
            Err(
                "Choose how confident you feel (1 to 10) and your mood (1 to 5) to go on."
                    .to_owned(),
            )
        } else {
            Ok(())
        }
    };
    let go = move |to: usize| {
        error.set(None);
        confirm_discard.set(false);
        step.set(to);
        focus_step_heading();
    };
    let next = move |_| {
        let i = step.get_untracked();
        match validate_step(i) {
            Ok(()) => go((i + 1).min(total - 1)),
            Err(e) => error.set(Some(e)),
        }
    };
    let back = move |_| go(step.get_untracked().saturating_sub(1));
    // Stored so the handler is Copy and can live inside <Show>.
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let discard = Callback::new(move |_| {
        ws.preferences().forget_checkin_draft();
        navigate.with_value(|n| n("/checkin", Default::default()));
    });

    let save = move |_| {
        let mut entries = Vec::new();
        for i in 0..goal_steps {
            match forms.with_value(|f| f[i].entry()) {
                Ok(Some(e)) => entries.push(e),
                Ok(None) => {}
                Err(e) => {
                    error.set(Some(e));
                    go(i);
                    return;
                }
            }
        }
        let (Some(c), Some(m)) = (confidence.get_untracked(), mood.get_untracked()) else {
            go(goal_steps);
            error.set(Some(
                "Choose your confidence and mood before saving.".to_owned(),
            ));
            return;
        };
        let draft = CheckInDraft {
            date: format::today(),
            entries,
            confidence: c,
            mood: m,
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = ws
                .apply(move |p, now, by| p.record_checkin(draft, now, by))
                .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    let next = ws.plan.with_untracked(|p| {
                        p.as_ref().and_then(|p| {
                            p.live_schedule().map(|s| {
                                let now = format::now();
                                long_date(next_checkin(&s.at(now, &BrowserZones), now))
                            })
                        })
                    });
                    finished.set(Some(next));
                    ws.preferences().forget_checkin_draft();
                    focus_step_heading();
                }
                Err(e) => error.set(Some(format!("The check-in was not saved: {e}"))),
            }
        });
    };

    let step_view = move || {
        let i = step.get();
        if i < goal_steps {
            let f = forms.with_value(|f| f[i]);
            view! { <GoalStep form=f/> }.into_any()
        } else if i == goal_steps {
            view! {
                <h2 id="step-heading" tabindex="-1">"How are you feeling?"</h2>
                <RatingField label="How confident are you about reaching your goals?" value=confidence min=1 max=10
                    low="Not at all" high="Very"/>
                <RatingField label="Your mood" value=mood min=1 max=5 low="Low" high="Great"/>
            }
            .into_any()
        } else {
            view! { <Summary forms=forms confidence=confidence mood=mood go=go/> }.into_any()
        }
    };

    view! {
        <Show when=move || finished.get().is_none() fallback=move || view! {
            <div class="card checkin-done" data-testid="checkin-done">
                <h2 id="step-heading" tabindex="-1">"Check-in saved"</h2>
                <p>"Well done for taking the time. Your answers and KPI values are in your plan."</p>
                {move || match finished.get().flatten() {
                    Some(next) => view! { <p class="next-date">"Next check-in: "<strong>{next}</strong></p> }.into_any(),
                    None => view! { <p>"You have no schedule yet. "<a href="/checkin">"Set one"</a>" to know when the next check-in is."</p> }.into_any(),
                }}
                <div class="form-actions">
                    <a class="button primary" href="/">"Back to Today"</a>
                    <a class="button" href="/checkin">"See your check-ins"</a>
                    <a class="button" href="/review">"Review progress"</a>
                    <a class="button" href="/plan/sessions/new">"Note a coaching session (GROW)"</a>
                </div>
            </div>
        }>
            {resumed.then(|| view! { <InfoNotice><p>"Welcome back: your unsaved check-in is just as you left it."</p></InfoNotice> })}
            <div class="card flow">
                <p class="step-indicator" data-testid="step-indicator">
                    {move || format!("Step {} of {total}", step.get() + 1)}
                </p>
                <div class="step-bar" aria-hidden="true">
                    {(0..total).map(|i| view! { <span class:done=move || i <= step.get()></span> }).collect_view()}
                </div>
                {goal_steps.eq(&0).then(|| view! {
                    <p class="muted">"You have no active goals, so this check-in is about how you feel. "
                        <a href="/plan">"Add a goal in your plan"</a></p>
                })}
                {step_view}
                <ErrorNotice message=error/>
                <div class="flow-nav">
                    <button type="button" class="button" on:click=back disabled=move || step.get() == 0>"Back"</button>
                    <Show when=move || { step.get() + 1 < total }
                        fallback=move || view! {
                            <button type="button" class="button primary" on:click=save disabled=move || busy.get()>
                                "Save check-in"
                            </button>
                        }>
                        <button type="button" class="button primary" on:click=next>"Next"</button>
                    </Show>
                </div>
            </div>
            <div class="flow-leave">
                <p class="muted">"Your answers are kept on this device until you save, even if you leave this screen or close the app."</p>
                <DiscardDraft label="Discard this check-in" confirm=confirm_discard on_discard=discard
                    warning="Tap again to discard your answers. This can't be undone."/>
            </div>
        </Show>
    }
}

#[component]
fn GoalStep(form: GoalForm) -> impl IntoView {
    let f = form;
    view! {
        <h2 id="step-heading" tabindex="-1">{f.title.get_value()}</h2>
        <label class="choice skip-goal">
            <input type="checkbox" prop:checked=move || f.skip.get()
                on:change=move |ev| f.skip.set(event_target_checked(&ev))/>
            <span>"Skip this goal this time"</span>
        </label>
        <Show when=move || !f.skip.get()
            fallback=|| view! { <p class="muted">"This goal will be left out of this check-in."</p> }>
            <TextArea label="Progress since last time" value=f.note rows=3
                hint="What moved forward, however small?"/>
            {f.kpis.get_value().into_iter().map(|k| {
                let id = format!("kpi-{}", k.kpi_id);
                let hint_id = format!("{id}-hint");
                let unit = k.unit.get_value();
                let label = if unit.is_empty() { k.name.get_value() } else { format!("{} ({unit})", k.name.get_value()) };
                let hint = match k.latest.get_value() {
                    Some(l) => format!("Latest: {l}. Change it, keep it, or clear it to log nothing."),
                    None => "Nothing logged yet. Optional.".to_owned(),
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="text" inputmode="decimal" bind:value=k.value aria-describedby=hint_id.clone()/>
                        <p class="field-hint" id=hint_id>{hint}</p>
                    </div>
                }
            }).collect_view()}
            <TextArea label="What got in the way?" value=f.blockers rows=3/>
            <TextArea label="Next steps" value=f.next_steps rows=3 hint="One or two concrete things before the next check-in."/>
        </Show>
    }
}

#[component]
fn Summary(
    forms: StoredValue<Vec<GoalForm>>,
    confidence: RwSignal<Option<u8>>,
    mood: RwSignal<Option<u8>>,
    go: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let items = forms.get_value();
    view! {
        <h2 id="step-heading" tabindex="-1">"Review and save"</h2>
        <div class="checkin-summary" data-testid="checkin-summary">
            {items.into_iter().enumerate().map(|(i, f)| {
                let title = f.title.get_value();
                let edit_label = format!("Edit {title}");
                view! {
                    <section class="summary-goal">
                        <h3>{title}</h3>
                        {if f.skip.get_untracked() {
                            view! { <p class="muted">"Skipped this time."</p> }.into_any()
                        } else {
                            let or_dash = |s: String| if s.trim().is_empty() { "—".to_owned() } else { s };
                            let values: Vec<String> = f.kpis.get_value().iter().filter_map(|k| {
                                let v = k.value.get_untracked();
                                (!v.trim().is_empty()).then(|| format!("{}: {}", k.name.get_value(), with_unit_text(&v, &k.unit.get_value())))
                            }).collect();
                            view! {
                                <dl class="ci-entry">
                                    <dt>"Progress"</dt><dd>{or_dash(f.note.get_untracked())}</dd>
                                    {(!values.is_empty()).then(|| view! { <dt>"KPI values"</dt><dd>{values.join(", ")}</dd> })}
                                    <dt>"In the way"</dt><dd>{or_dash(f.blockers.get_untracked())}</dd>
                                    <dt>"Next steps"</dt><dd>{or_dash(f.next_steps.get_untracked())}</dd>
                                </dl>
                            }.into_any()
                        }}
                        <button type="button" class="button small" aria-label=edit_label on:click=move |_| go(i)>"Edit"</button>
                    </section>
                }
            }).collect_view()}
            <section class="summary-goal">
                <h3>"How you feel"</h3>
                <p>{move || match (confidence.get(), mood.get()) {
                    (Some(c), Some(m)) => format!("Confidence {c}/10 · Mood {m}/5 ({})", mood_word(m)),
                    _ => "Not answered yet.".to_owned(),
                }}</p>
            </section>
        </div>
    }
}

fn with_unit_text(v: &str, unit: &str) -> String {
    match parse_number(v) {
        Ok(Some(n)) => with_unit(n, unit),
        _ => v.trim().to_owned(),
    }
}
