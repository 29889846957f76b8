//! The check-in overview: where the routine stands (next date, due or not, streak), the
//! schedule (set or changed here), and every past check-in with its details.

use crate::core::sorting::sort_by;
use chrono::{Datelike, Weekday};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::core::checkin::{checkin_status, CheckIn, CheckInEdit, EntryNotes};
use crate::core::schedule::{Cadence, ScheduleDraft};
use crate::core::zone::zone_for_edit;
use crate::core::{Author, Plan};
use crate::ui::format::{self, long_date, with_unit};
use crate::ui::page::Page;
use crate::ui::plan::common::{RowField, RowRating};
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{ErrorNotice, SelectField};
use crate::ui::zone::{device_zone, BrowserZones};

#[component]
pub fn CheckInScreen() -> impl IntoView {
    view! {
        <Page title="Check-in">
            <WithPlan>
                <Overview/>
            </WithPlan>
        </Page>
    }
}

pub(super) const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(d, _)| *d == w)
        .map_or("", |(_, n)| *n)
}

fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Every week on Monday", "Every 2 weeks on Friday", "Every month on the 31st".
pub(crate) fn describe(s: &ScheduleDraft) -> String {
    match s.cadence {
        Cadence::Weeks { weeks: 1, weekday } => format!("Every week on {}", weekday_name(weekday)),
        Cadence::Weeks { weeks, weekday } => {
            format!("Every {weeks} weeks on {}", weekday_name(weekday))
        }
        Cadence::Monthly { day } => format!("Every month on the {}", ordinal(day)),
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Status {
    schedule: Option<String>,
    due: bool,
    due_since: String,
    next: String,
    streak: u32,
}

fn status_of(plan: &Plan) -> Status {
    match plan.live_schedule() {
        None => Status {
            schedule: None,
            due: false,
            due_since: String::new(),
            next: String::new(),
            streak: 0,
        },
        Some(s) => {
            let st = checkin_status(
                &s.at(format::now(), &BrowserZones),
                &plan.checkins,
                format::now(),
            );
            Status {
                schedule: Some(describe(s)),
                due: st.due,
                due_since: st.current_period_start.map(long_date).unwrap_or_default(),
                next: long_date(st.next),
                streak: st.streak,
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct EntryView {
    goal: String,
    note: String,
    values: Vec<String>,
    blockers: String,
    next_steps: String,
}

#[derive(Clone, Debug, PartialEq)]
struct CheckInRow {
    id: Uuid,
    date: String,
    confidence: u8,
    mood: u8,
    summary: (String, Vec<String>),
    entries: Vec<EntryView>,
}

/// The closed row of a past check-in: how many goals, then one line per goal with the start of
/// its progress note, so every goal of the check-in is quoted, not only the first.
fn summary_of(plan: &Plan, c: &CheckIn) -> (String, Vec<String>) {
    let goals = match c.entries.len() {
        0 => "No goals".to_owned(),
        1 => "1 goal".to_owned(),
        n => format!("{n} goals"),
    };
    let lines = c
        .entries
        .iter()
        .map(|e| {
            let title = goal_title(plan, e.goal_id);
            match crate::core::journal::excerpt(&e.progress_note, 60) {
                n if n.is_empty() => title,
                n => format!("{title}: {n}"),
            }
        })
        .collect();
    (goals, lines)
}

fn goal_title(plan: &Plan, id: Uuid) -> String {
    plan.goals
        .iter()
        .find(|g| g.meta.is(id))
        .map_or_else(|| "A removed goal".to_owned(), |g| g.fields.title.clone())
}

fn rows_of(plan: &Plan) -> Vec<CheckInRow> {
    let mut list: Vec<&CheckIn> = plan.checkins.iter().filter(|c| c.meta.is_live()).collect();
    sort_by(&mut list, |a, b| {
        (b.date, b.meta.created_at)
            .cmp(&(a.date, a.meta.created_at))
            .then(a.meta.id.cmp(&b.meta.id))
    });
    list.into_iter()
        .map(|c| CheckInRow {
            id: c.meta.id,
            date: long_date(c.date),
            confidence: c.confidence,
            mood: c.mood,
            summary: summary_of(plan, c),
            entries: c
                .entries
                .iter()
                .map(|e| EntryView {
                    goal: goal_title(plan, e.goal_id),
                    note: e.progress_note.clone(),
                    values: e
                        .measurement_ids
                        .iter()
                        .filter_map(|id| plan.measurements.iter().find(|m| m.meta.is(*id)))
                        .map(|m| {
                            let kpi = plan.kpis.iter().find(|k| k.meta.is(m.kpi_id));
                            match kpi {
                                Some(k) => format!(
                                    "{}: {}",
                                    k.fields.name,
                                    with_unit(m.value, &k.fields.unit)
                                ),
                                None => format::number(m.value),
                            }
                        })
                        .collect(),
                    blockers: e.blockers.clone(),
                    next_steps: e.next_steps.clone(),
                })
                .collect(),
        })
        .collect()
}

pub(crate) fn mood_word(m: u8) -> &'static str {
    match m {
        1 => "low",
        2 => "meh",
        3 => "okay",
        4 => "good",
        _ => "great",
    }
}

#[component]
fn Overview() -> impl IntoView {
    let ws = use_workspace();
    let status = Memo::new(move |_| ws.plan.with(|p| p.as_ref().map(status_of)));
    // Rows are keyed by their content, not their id: a corrected check-in is drawn again.
    let rows = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().map(rows_of).unwrap_or_default())
    });

    view! {
        <section class="card" aria-labelledby="ci-status-h">
            <h2 id="ci-status-h">"Your routine"</h2>
            {move || status.get().map(|s| match s.schedule {
                None => view! {
                    <p>"No schedule yet. Choose below when you want to check in; you can also check in any time."</p>
                    <a class="button" href="/checkin/run">"Start a check-in now"</a>
                }.into_any(),
                Some(desc) => view! {
                    <p class="status-line" data-testid="checkin-status">
                        {if s.due {
                            view! { <span class="badge due">"Due now"</span> }.into_any()
                        } else {
                            view! { <span class="badge ok">"Done for now"</span> }.into_any()
                        }}
                        {if s.due {
                            format!(" {desc}. Due since {}; after that: {}.", s.due_since, s.next)
                        } else {
                            format!(" {desc}. Next: {}.", s.next)
                        }}
                    </p>
                    <p class="muted">{match s.streak {
                        0 => "No streak yet: check in to start one.".to_owned(),
                        1 => "Streak: 1 check-in in a row.".to_owned(),
                        n => format!("Streak: {n} check-ins in a row."),
                    }}</p>
                    <a class="button" class:primary=s.due href="/checkin/run">"Start check-in"</a>
                }.into_any(),
            })}
            <p class="today-links"><a href="/review">"Review your progress"</a></p>
        </section>

        <ScheduleForm/>

        <section class="card" aria-labelledby="ci-past-h">
            <h2 id="ci-past-h">"Past check-ins"</h2>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! {
                    <p class="empty-line">"No check-ins yet. Your first one takes about five minutes: "
                        <a href="/checkin/run">"start it now"</a>"."</p>
                }>
                <ul class="checkin-list" data-testid="past-checkins">
                    <For each=move || rows.get() key=|r| format!("{r:?}") let(r)>
                        <li>
                            <details class="checkin-item">
                                <summary>
                                    <span class="ci-date">{r.date}</span>
                                    <span class="ci-scores">{format!("Confidence {}/10 · Mood {}/5 ({})", r.confidence, r.mood, mood_word(r.mood))}</span>
                                    <span class="ci-summary">{r.summary.0}</span>
                                    <span class="ci-goal-lines" data-testid="ci-goal-lines">
                                        {r.summary.1.into_iter().map(|l| view! { <span class="ci-goal-line">{l}</span> }).collect_view()}
                                    </span>
                                </summary>
                                <div class="ci-details">
                                    {r.entries.into_iter().map(|e| view! {
                                        <h3>{e.goal}</h3>
                                        <dl class="ci-entry">
                                            {(!e.note.is_empty()).then(|| view! { <dt>"Progress"</dt><dd>{e.note}</dd> })}
                                            {(!e.values.is_empty()).then(|| view! { <dt>"Logged"</dt><dd>{e.values.join(", ")}</dd> })}
                                            {(!e.blockers.is_empty()).then(|| view! { <dt>"In the way"</dt><dd>{e.blockers}</dd> })}
                                            {(!e.next_steps.is_empty()).then(|| view! { <dt>"Next steps"</dt><dd>{e.next_steps}</dd> })}
                                        </dl>
                                    }).collect_view()}
                                    <FixCheckIn id=r.id/>
                                </div>
                            </details>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// Sets or changes the schedule. The first check-in counts from the current schedule's start
/// (so a change keeps the streak) or from today for a new one.
#[component]
fn ScheduleForm() -> impl IntoView {
    let ws = use_workspace();
    let current = ws
        .plan
        .with_untracked(|p| p.as_ref().and_then(|p| p.live_schedule().cloned()));
    let (every0, weekday0, dom0) = match current.map(|s| s.cadence) {
        Some(Cadence::Weeks { weeks, weekday }) => (
            weeks.to_string(),
            weekday.num_days_from_monday().to_string(),
            format::today().day().to_string(),
        ),
        Some(Cadence::Monthly { day }) => ("month".to_owned(), "0".to_owned(), day.to_string()),
        None => (
            "1".to_owned(),
            format::today().weekday().num_days_from_monday().to_string(),
            format::today().day().min(28).to_string(),
        ),
    };
    let every = RwSignal::new(every0);
    let weekday = RwSignal::new(weekday0);
    let dom = RwSignal::new(dom0);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let has_schedule = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().is_some_and(|p| p.live_schedule().is_some()))
    });

    let every_options = Signal::derive(|| {
        let mut v = vec![("1".to_owned(), "Every week".to_owned())];
        v.extend((2..=4).map(|n| (n.to_string(), format!("Every {n} weeks"))));
        v.push(("month".to_owned(), "Every month".to_owned()));
        v
    });
    let weekday_options = Signal::derive(|| {
        WEEKDAYS
            .iter()
            .map(|(d, n)| (d.num_days_from_monday().to_string(), (*n).to_owned()))
            .collect::<Vec<_>>()
    });
    let dom_options = Signal::derive(|| {
        (1..=31u8)
            .map(|d| (d.to_string(), format!("The {}", ordinal(d))))
            .collect::<Vec<_>>()
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cadence = match every.get_untracked().as_str() {
            "month" => Cadence::Monthly {
                day: dom.get_untracked().parse().unwrap_or(1),
            },
            n => Cadence::Weeks {
                weeks: n.parse().unwrap_or(1),
                weekday: WEEKDAYS[weekday.get_untracked().parse::<usize>().unwrap_or(0).min(6)].0,
            },
        };
        let existing = ws
            .plan
            .with_untracked(|p| p.as_ref().and_then(|p| p.live_schedule().cloned()));
        let starts_on = existing
            .as_ref()
            .map_or_else(format::today, |s| s.starts_on);
        let (time_zone, utc_offset_minutes) = zone_for_edit(
            existing
                .as_ref()
                .map(|s| (s.time_zone.as_deref(), s.utc_offset_minutes)),
            ws.preferences().role() == Author::Coach,
            (device_zone().as_deref(), format::utc_offset_minutes()),
        );
        let draft = ScheduleDraft {
            cadence,
            utc_offset_minutes,
            starts_on,
            time_zone,
        };
        let saved = describe(&draft);
        error.set(None);
        done.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = ws
                .apply(move |p, now, by| p.set_schedule(draft.clone(), now, by))
                .await;
            busy.set(false);
            match result {
                Ok(_) => done.set(Some(format!("Schedule saved: {saved}."))),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let clear = move |_| {
        error.set(None);
        done.set(None);
        ws.change_with_undo(
            "Check-in schedule cleared",
            error,
            || {},
            |p, now, by| p.clear_schedule(now, by),
        );
    };

    view! {
        <form class="card schedule-form" aria-labelledby="ci-schedule-h" on:submit=save>
            <h2 id="ci-schedule-h">"Schedule"</h2>
            <SelectField label="How often" value=every options=every_options/>
            <Show when=move || every.get() != "month"
                fallback=move || view! {
                    <SelectField label="Day of the month" value=dom options=dom_options
                        hint="In shorter months, the check-in falls on the last day."/>
                }>
                <SelectField label="On" value=weekday options=weekday_options/>
            </Show>
            <ErrorNotice message=error/>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if has_schedule.get() { "Change schedule" } else { "Save schedule" }}
                </button>
                <Show when=move || has_schedule.get()>
                    <button type="button" class="button" on:click=clear disabled=move || busy.get()>"Clear schedule"</button>
                </Show>
                <p class="form-done" role="status">{move || done.get().unwrap_or_default()}</p>
            </div>
        </form>
    }
}

/// Correcting or deleting a past check-in. Its KPI values are corrected where they are
/// listed, under the goal's KPI ("Values logged"), so each correction is kept in the history.
#[component]
fn FixCheckIn(id: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let editing = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = move |_| {
        ws.change_with_undo(
            "Check-in deleted",
            error,
            || {},
            move |p, now, by| p.delete_checkin(id, now, by),
        );
    };
    view! {
        <div class="fix-record">
            <Show when=move || editing.get()
                fallback=move || view! {
                    <div class="form-actions">
                        <button type="button" class="button" on:click=move |_| { error.set(None); editing.set(true); }>"Edit check-in"</button>
                        <Show when=move || confirm.get()
                            fallback=move || view! { <button type="button" class="button danger" on:click=move |_| confirm.set(true)>"Delete check-in"</button> }>
                            <p class="notice warning">"Delete this check-in and the KPI values it logged?"</p>
                            <button type="button" class="button danger" on:click=delete>"Yes, delete check-in"</button>
                            <button type="button" class="button" on:click=move |_| confirm.set(false)>"Keep"</button>
                        </Show>
                    </div>
                }>
                <CheckInEditor id=id editing=editing error=error/>
            </Show>
            <ErrorNotice message=error/>
        </div>
    }
}

/// A goal entry's progress note, blockers and next steps, as typed.
type EntryTexts = (RwSignal<String>, RwSignal<String>, RwSignal<String>);

/// The words, day and ratings of one past check-in, as they are now.
#[component]
fn CheckInEditor(
    id: Uuid,
    editing: RwSignal<bool>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ws = use_workspace();
    let current = ws.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let c = p
            .checkins
            .iter()
            .find(|c| c.meta.is(id) && c.meta.is_live())?;
        let titles: Vec<String> = c.entries.iter().map(|e| goal_title(p, e.goal_id)).collect();
        Some((c.clone(), titles))
    });
    let Some((c, titles)) = current else {
        return view! { <p>"This check-in was deleted."</p> }.into_any();
    };
    let date = RwSignal::new(format::iso(c.date));
    let confidence = RwSignal::new(c.confidence.to_string());
    let mood = RwSignal::new(c.mood);
    // Per goal entry: its title and the three texts.
    let signals: Vec<EntryTexts> = c
        .entries
        .iter()
        .map(|e| {
            (
                RwSignal::new(e.progress_note.clone()),
                RwSignal::new(e.blockers.clone()),
                RwSignal::new(e.next_steps.clone()),
            )
        })
        .collect();
    let notes: Vec<(String, EntryTexts)> = titles.into_iter().zip(signals.clone()).collect();
    let save = move || {
        error.set(None);
        let day = match format::parse_date("Date", &date.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                error.set(Some("Date: choose the day of this check-in.".into()));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let conf = match format::required_number("Confidence", &confidence.get_untracked()) {
            Ok(v) if v.fract() == 0.0 && (1.0..=10.0).contains(&v) => v as u8,
            Ok(_) => {
                error.set(Some(
                    "Confidence must be a whole number from 1 to 10.".into(),
                ));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let edit = CheckInEdit {
            date: day,
            confidence: conf,
            mood: mood.get_untracked(),
            notes: signals
                .iter()
                .map(|(n, b, x)| EntryNotes {
                    progress_note: n.get_untracked(),
                    blockers: b.get_untracked(),
                    next_steps: x.get_untracked(),
                })
                .collect(),
        };
        ws.change_with_undo(
            "Check-in changed",
            error,
            move || editing.set(false),
            move |p, now, by| p.update_checkin(id, edit, now, by),
        );
    };
    view! {
        <form class="add-form" on:submit=move |ev| { ev.prevent_default(); save(); }>
            <RowField id=format!("ci-{id}-date") label="Date".into() value=date kind="date"/>
            <RowField id=format!("ci-{id}-confidence") label="Confidence (1 to 10)".into() value=confidence decimal=true/>
            <RowRating id=format!("ci-{id}-mood") label="Mood" value=mood low="Low" high="Great"/>
            {notes.into_iter().enumerate().map(|(i, (title, (n, b, x)))| view! {
                <fieldset class="field-group">
                    <legend>{title}</legend>
                    <RowArea id=format!("ci-{id}-{i}-note") label="Progress" value=n/>
                    <RowArea id=format!("ci-{id}-{i}-blockers") label="In the way" value=b/>
                    <RowArea id=format!("ci-{id}-{i}-next") label="Next steps" value=x/>
                </fieldset>
            }).collect_view()}
            <p class="muted">"To correct a KPI value, open the goal and choose Values logged."</p>
            <div class="form-actions">
                <button type="submit" class="button primary">"Save check-in"</button>
                <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}

/// A text area for forms repeated on one screen.
#[component]
fn RowArea(id: String, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="2" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        </div>
    }
}
