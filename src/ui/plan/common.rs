//! Pieces the Plan screens share (dates and numbers are `ui::format`'s): the words for
//! statuses and paces, the SMART badge, the progress bar,
//! and the "changed in another tab" choice.
//!
//! The shared widgets take `&'static str` labels and derive the control's id from the label,
//! so a form repeated per row (log a value for each KPI, edit one action among many) would
//! produce duplicate ids. `RowField` and `RowRating` below keep the same markup and classes
//! but take an explicit id prefix for those repeated forms.

use leptos::prelude::*;

use crate::ui::state::Workspace;

use crate::core::goal::{GoalStatus, Priority, Serves};
use crate::core::history::ChangeKind;
use crate::core::progress::Pace;
use crate::core::smart::SmartCheck;

/// One fact in a `<dl class="goal-facts">`: the label and the text, or nothing when the text
/// is blank.
pub fn fact(label: &'static str, text: String) -> Option<AnyView> {
    (!text.trim().is_empty()).then(|| view! { <dt>{label}</dt><dd>{text}</dd> }.into_any())
}

/// What a goal serves, in words: `vision` names the vision ("My vision", "the vision").
pub fn serves_text(serves: &[Serves], vision: &str) -> String {
    serves
        .iter()
        .map(|s| match s {
            Serves::Vision => vision.to_owned(),
            Serves::Value(v) => v.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn status_label(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "Active",
        GoalStatus::Paused => "Paused",
        GoalStatus::Achieved => "Achieved",
        GoalStatus::Dropped => "Dropped",
    }
}

pub fn status_class(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "status-pill active",
        GoalStatus::Paused => "status-pill paused",
        GoalStatus::Achieved => "status-pill achieved",
        GoalStatus::Dropped => "status-pill dropped",
    }
}

pub fn priority_label(p: Priority) -> &'static str {
    match p {
        Priority::High => "High priority",
        Priority::Medium => "Medium priority",
        Priority::Low => "Low priority",
    }
}

pub fn priority_key(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
    }
}

pub fn priority_from_key(k: &str) -> Priority {
    match k {
        "high" => Priority::High,
        "low" => Priority::Low,
        _ => Priority::Medium,
    }
}

pub fn pace_label(p: Pace) -> &'static str {
    match p {
        Pace::Behind => "Behind",
        Pace::OnTrack => "On track",
        Pace::Ahead => "Ahead",
    }
}

pub fn pace_class(p: Option<Pace>) -> &'static str {
    match p {
        Some(Pace::Behind) => "pace behind",
        Some(Pace::OnTrack) => "pace on-track",
        Some(Pace::Ahead) => "pace ahead",
        None => "pace none",
    }
}

pub fn change_label(c: ChangeKind) -> &'static str {
    match c {
        ChangeKind::TargetChanged => "Target changed",
        ChangeKind::StrategyChanged => "Strategy changed",
        ChangeKind::StatusChanged => "Status changed",
        ChangeKind::GoalDropped => "Goal dropped",
        ChangeKind::GoalAdded => "Goal added",
        ChangeKind::Edited => "Edited",
    }
}

/// "SMART ✓" or which letters are missing, in words as well as letters.
#[component]
pub fn SmartBadge(check: SmartCheck) -> impl IntoView {
    let missing: Vec<&'static str> = check.missing().map(|c| c.letter.label()).collect();
    if missing.is_empty() {
        view! { <span class="smart-badge met">"✓ SMART"</span> }.into_any()
    } else {
        let letters: String = missing
            .iter()
            .map(|l| &l[..1])
            .collect::<Vec<_>>()
            .join(" ");
        let words = missing.join(", ");
        view! {
            <span class="smart-badge missing">
                <span aria-hidden="true">"SMART: missing " {letters}</span>
                <span class="visually-hidden">"SMART: missing " {words}</span>
            </span>
        }
        .into_any()
    }
}

/// The five SMART criteria, each with a met / not met icon and word, and its hint.
#[component]
pub fn SmartList(#[prop(into)] check: Signal<SmartCheck>) -> impl IntoView {
    view! {
        <ul class="smart-list" data-testid="smart-checker">
            {move || {
                check
                    .get()
                    .criteria()
                    .into_iter()
                    .map(|c| {
                        let letter = c.letter.label();
                        let (cls, mark, word) = if c.met {
                            ("smart-item met", "✓", "met")
                        } else {
                            ("smart-item missing", "✗", "not met")
                        };
                        view! {
                            <li class=cls data-letter=letter>
                                <span class="smart-mark" aria-hidden="true">{mark}</span>
                                <span class="smart-name">{letter}</span>
                                <span class="smart-state">{word}</span>
                                {c.hint.clone().map(|h| {
                                    // Core's hints start with the criterion's name, shown just above.
                                    let h = match h.strip_prefix(&format!("{letter}: ")) {
                                        Some(rest) => {
                                            let mut c = rest.chars();
                                            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                                        }
                                        None => h,
                                    };
                                    view! { <p class="smart-hint">{h}</p> }
                                })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// A bar from 0 to 100, drawn with SVG geometry (the CSP forbids inline styles).
#[component]
pub fn ProgressBar(percent: f64, label: String) -> impl IntoView {
    let p = percent.clamp(0.0, 100.0);
    let shown = format!("{}%", p.round() as i64);
    let value_text = shown.clone();
    view! {
        <div class="progress" role="progressbar" aria-label=label aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=p.round().to_string() aria-valuetext=value_text>
            <svg class="progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="progress-track" x="0" y="0" width="100" height="8" rx="4"/>
                <rect class="progress-fill" x="0" y="0" width=format!("{p:.1}") height="8" rx="4"/>
            </svg>
            <span class="progress-text">{shown}</span>
        </div>
    }
}

/// "Use the other version": the session drops the refused change and shows the plan as
/// stored; then `reload` fills the form from it (`failed` says why it could not).
pub fn use_theirs(
    ws: Workspace,
    stale: RwSignal<bool>,
    reload: impl FnOnce() + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    stale.set(false);
    leptos::task::spawn_local(async move {
        match ws.use_theirs().await {
            Ok(()) => reload(),
            Err(e) => failed(e.to_string()),
        }
    });
}

/// Asked when a save is refused because the record changed in another tab.
#[component]
pub fn StaleChoice(
    #[prop(into)] show: Signal<bool>,
    #[prop(into)] on_keep: Callback<()>,
    #[prop(into)] on_other: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || show.get()>
            <div class="notice error stale-choice" role="alert">
                <p>"This was changed in another tab while you were editing it. Which version do you want?"</p>
                <div class="form-actions">
                    <button type="button" class="button primary" on:click=move |_| on_keep.run(())>
                        "Keep my version"
                    </button>
                    <button type="button" class="button" on:click=move |_| on_other.run(())>
                        "Use the other version"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// A labelled text input for forms repeated on one screen (see the module docs).
#[component]
pub fn RowField(
    id: String,
    label: String,
    value: RwSignal<String>,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] decimal: bool,
) -> impl IntoView {
    let kind = if kind.is_empty() { "text" } else { kind };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind bind:value=value maxlength="200"
                inputmode=decimal.then_some("decimal")/>
        </div>
    }
}

/// A 1–5 rating for forms repeated on one screen.
#[component]
pub fn RowRating(
    id: String,
    label: &'static str,
    value: RwSignal<u8>,
    low: &'static str,
    high: &'static str,
) -> impl IntoView {
    view! {
        <fieldset class="field rating">
            <legend>{label}</legend>
            <div class="rating-options">
                {(1..=5u8)
                    .map(|n| {
                        let name = id.clone();
                        view! {
                            <label class="rating-option">
                                <input type="radio" name=name value=n.to_string()
                                    aria-label=format!("{label} {n} of 5")
                                    prop:checked=move || value.get() == n
                                    on:change=move |_| value.set(n)/>
                                <span>{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="rating-scale" aria-hidden="true"><span>{low}</span><span>{high}</span></p>
        </fieldset>
    }
}

/// The five letters in one line, for the top of the editor on a phone, where the full list
/// is further down. Decorative: the list below says the same in words.
#[component]
pub fn SmartStrip(#[prop(into)] check: Signal<SmartCheck>) -> impl IntoView {
    view! {
        <div class="smart-strip" aria-hidden="true">
            {move || check.get().criteria().into_iter().map(|c| {
                let l = &c.letter.label()[..1];
                let (cls, mark) = if c.met { ("strip-letter met", "✓") } else { ("strip-letter missing", "✗") };
                view! { <span class=cls>{l.to_owned()}" "{mark}</span> }
            }).collect_view()}
        </div>
    }
}

/// A change in a goal's history: the field once, then what it was and what it is now.
#[component]
pub fn ChangeText(before: String, after: String) -> impl IntoView {
    let c = crate::core::history::readable_change(&before, &after);
    view! {
        {c.field.map(|f| view! { <p class="change-field">{f}</p> })}
        <p class="change">
            <span class="before"><span class="change-word">"Was: "</span>{c.before}</span>
            <span class="after"><span class="change-word">"Now: "</span>{c.after}</span>
        </p>
    }
}

/// One take of the needs assessment: each question and its answer, in the areas' order.
pub fn assessment_answers(take: &crate::core::assessment::NeedsAssessment) -> AnyView {
    use crate::core::assessment::AssessmentArea;
    let rows = AssessmentArea::ALL
        .iter()
        .flat_map(|area| take.fields.answers_in(*area))
        .map(|a| view! { <dt>{a.question.clone()}</dt><dd>{a.answer.clone()}</dd> })
        .collect_view();
    view! { <dl class="goal-facts assessment-answers">{rows}</dl> }.into_any()
}
