//! The progress review: pick a period, see each KPI against its target line, what got done,
//! how regular the check-ins were and what was written in the journal, then write down what
//! went well and what to change. Past reviews are listed below.

mod chart;
mod revision; // keep / change target / change strategy / drop, per goal behind pace

use crate::core::sorting::sort_by;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use self::chart::{chart_data, ChartData, KpiChart};
use crate::core::period::{milestones_done_in, period_facts, reflections_in};
use crate::core::review::ReviewDraft;
use crate::core::Plan;
use crate::ui::format::{self, long_date, short_date, short_day_of};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};
use crate::ui::widgets::{DateField, ErrorNotice, TextArea};

#[component]
pub fn ReviewScreen() -> impl IntoView {
    view! {
        <Page title="Progress review">
            <WithPlan>
                <Review/>
            </WithPlan>
        </Page>
    }
}

const PRESETS: [(&str, &str); 4] = [
    ("2", "2 weeks"),
    ("4", "4 weeks"),
    ("12", "12 weeks"),
    ("custom", "Custom"),
];

#[derive(Clone, Debug, PartialEq)]
struct Facts {
    checkins: usize,
    scheduled: Option<usize>,
    actions_done: usize,
    measurements: usize,
    confidence: Option<String>,
    mood: Option<String>,
    milestones: Vec<(Uuid, String, String)>,
    /// The latest [`MAX_REFLECTIONS`] of the period, newest first.
    reflections: Vec<ReflectionRow>,
    reflections_total: usize,
}

/// A review reads the period's reflections, it does not replace the journal: a year of
/// entries here would be thousands of elements on a phone.
const MAX_REFLECTIONS: usize = 30;

#[derive(Clone, Debug, PartialEq)]
struct ReflectionRow {
    id: Uuid,
    date: String,
    text: String,
    private: bool,
    tags: String,
}

fn facts_of(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Facts {
    let offset = format::utc_offset_at;
    let f = period_facts(plan, from, to, offset);
    let reflections = reflections_in(plan, from, to, offset);
    Facts {
        checkins: f.checkins,
        scheduled: plan
            .live_schedule()
            .map(|s| s.occurrences_between(from, to).len()),
        actions_done: f.actions_done,
        measurements: f.measurements,
        confidence: f.average_confidence.map(|c| format!("{c:.1}/10")),
        mood: f.average_mood.map(|m| format!("{m:.1}/5")),
        milestones: milestones_done_in(plan, from, to, offset)
            .into_iter()
            .map(|m| {
                let goal = plan
                    .goal(m.fields.goal_id)
                    .map(|g| g.fields.title.clone())
                    .unwrap_or_default();
                let when = m.done_at.map(|t| short_day_of(t, None)).unwrap_or_default();
                (
                    m.meta.id,
                    m.fields.title.clone(),
                    format!("{when} · {goal}"),
                )
            })
            .collect(),
        reflections_total: reflections.len(),
        reflections: reflections
            .into_iter()
            .take(MAX_REFLECTIONS)
            .map(|r| {
                let text = &r.fields.text;
                ReflectionRow {
                    id: r.meta.id,
                    date: short_day_of(r.meta.created_at, r.meta.written_offset),
                    text: if text.chars().count() > 240 {
                        format!("{}…", text.chars().take(240).collect::<String>())
                    } else {
                        text.clone()
                    },
                    private: r.fields.private,
                    tags: r.fields.tags.join(", "),
                }
            })
            .collect(),
    }
}

fn charts_of(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Vec<ChartData> {
    plan.live_goals()
        .into_iter()
        .flat_map(|g| plan.kpis_of(g.meta.id).map(move |k| (g, k)))
        .map(|(g, k)| chart_data(plan, k, g, from, to))
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
struct PastReview {
    id: Uuid,
    period: String,
    went_well: String,
    to_change: String,
}

fn past_reviews(plan: &Plan) -> Vec<PastReview> {
    let mut v: Vec<_> = plan.reviews.iter().filter(|r| r.meta.is_live()).collect();
    sort_by(&mut v, |a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(a.meta.id.cmp(&b.meta.id))
    });
    v.into_iter()
        .map(|r| PastReview {
            id: r.meta.id,
            period: format!("{} – {}", short_date(r.fields.from), long_date(r.fields.to)),
            went_well: r.fields.went_well.clone(),
            to_change: r.fields.to_change.clone(),
        })
        .collect()
}

#[component]
fn Review() -> impl IntoView {
    let ws = use_workspace();
    let today = format::today();
    let preset = RwSignal::new("4".to_owned());
    let custom_from = RwSignal::new(format::iso(today - Duration::days(27)));
    let custom_to = RwSignal::new(format::iso(today));

    // The chosen period, or why the custom dates don't make one.
    let period = Memo::new(move |_| -> Result<(NaiveDate, NaiveDate), String> {
        match preset.get().as_str() {
            "custom" => {
                let from = format::parse_date("The start of the period", &custom_from.get())?
                    .ok_or("Choose a start date for the period.")?;
                let to = format::parse_date("The end of the period", &custom_to.get())?
                    .ok_or("Choose an end date for the period.")?;
                if to < from {
                    return Err("The end of the period must come after its start.".to_owned());
                }
                Ok((from, to))
            }
            weeks => {
                let w: i64 = weeks.parse().unwrap_or(4);
                Ok((today - Duration::days(w * 7 - 1), today))
            }
        }
    });
    let period_error = Signal::derive(move || period.get().err());
    let charts = Memo::new(move |_| match period.get() {
        Ok((from, to)) => ws
            .plan
            .with(|p| p.as_ref().map(|p| charts_of(p, from, to)))
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    });
    let facts = Memo::new(move |_| {
        period
            .get()
            .ok()
            .and_then(|(from, to)| ws.plan.with(|p| p.as_ref().map(|p| facts_of(p, from, to))))
    });
    // Rows are keyed by their content, not their id: a corrected review is drawn again.
    let reviews = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().map(past_reviews).unwrap_or_default())
    });
    let period_text = move || match period.get() {
        Ok((from, to)) => format!("{} – {}", short_date(from), long_date(to)),
        Err(_) => String::new(),
    };

    view! {
        <div class="review">
            <section class="card" aria-labelledby="period-h">
                <h2 id="period-h">"Period"</h2>
                <fieldset class="period-choice">
                    <legend class="visually-hidden">"Period to review"</legend>
                    {PRESETS.iter().map(|(value, label)| {
                        let value = *value;
                        view! {
                            <label class="period-option">
                                <input type="radio" name="period" value=value
                                    prop:checked=move || preset.get() == value
                                    on:change=move |_| preset.set(value.to_owned())/>
                                <span>{*label}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <Show when=move || preset.get() == "custom">
                    <div class="period-dates">
                        <DateField label="From" value=custom_from/>
                        <DateField label="To" value=custom_to/>
                    </div>
                </Show>
                <ErrorNotice message=period_error/>
                <p class="muted" data-testid="period">{period_text}</p>
            </section>

            <section aria-labelledby="kpis-h">
                <h2 id="kpis-h">"Your KPIs"</h2>
                <Show when=move || charts.with(|c| !c.is_empty())
                    fallback=|| view! {
                        <p class="card empty-line">"No KPIs to chart yet. Give a goal a KPI in your "
                            <a href="/plan">"plan"</a>" to see its progress here."</p>
                    }>
                    <For each=move || charts.get() key=|c| c.key() let(c)>
                        <article class="card chart-card">
                            <h3>{c.name.clone()}</h3>
                            <p class="muted chart-goal">{c.goal.clone()}</p>
                            <KpiChart data=c.clone()/>
                            <p class="chart-legend" aria-hidden="true">
                                <span class="key-line"></span>"Your values"
                                <span class="key-target"></span>"Target line"
                            </p>
                            <p class="chart-summary" aria-hidden="true">{c.summary.clone()}</p>
                        </article>
                    </For>
                </Show>
            </section>

            <section class="card" aria-labelledby="facts-h">
                <h2 id="facts-h">"In this period"</h2>
                {move || facts.get().map(|f| view! {
                    <dl class="facts">
                        <div><dt>"Check-ins"</dt><dd data-testid="fact-checkins">{match f.scheduled {
                            Some(s) => format!("{} of {s} scheduled", f.checkins),
                            None => format!("{} (no schedule)", f.checkins),
                        }}</dd></div>
                        <div><dt>"Actions done"</dt><dd>{f.actions_done}</dd></div>
                        <div><dt>"Milestones done"</dt><dd>{f.milestones.len()}</dd></div>
                        <div><dt>"Values logged"</dt><dd>{f.measurements}</dd></div>
                        <div><dt>"Average confidence"</dt><dd>{f.confidence.unwrap_or_else(|| "—".to_owned())}</dd></div>
                        <div><dt>"Average mood"</dt><dd>{f.mood.unwrap_or_else(|| "—".to_owned())}</dd></div>
                    </dl>
                    <h3>"Milestones reached"</h3>
                    {if f.milestones.is_empty() {
                        view! { <p class="empty-line">"None in this period."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {f.milestones.into_iter().map(|(_, t, meta)| view! {
                                    <li><strong>{t}</strong><br/><span class="muted">{meta}</span></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <h3>"Reflections"</h3>
                    {if f.reflections.is_empty() {
                        view! { <p class="empty-line">"No reflections in this period. "<a href="/journal/new">"Write one"</a></p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list reflections">
                                {f.reflections.into_iter().map(|r| view! {
                                    <li>
                                        <p class="item-meta">{r.date.clone()}
                                            {r.private.then(|| view! { <span class="badge private">"Private"</span> })}
                                            {(!r.tags.is_empty()).then(|| format!(" · {}", r.tags))}
                                        </p>
                                        <p>{r.text}</p>
                                        <a href=format!("/journal/{}", r.id)>"Open"<span class="visually-hidden">{format!(" the reflection of {}", r.date)}</span></a>
                                    </li>
                                }).collect_view()}
                            </ul>
                            {(f.reflections_total > MAX_REFLECTIONS).then(|| view! {
                                <p class="muted" data-testid="review-reflections-more">
                                    {format!("The {MAX_REFLECTIONS} latest of {} reflections in this period. ", f.reflections_total)}
                                    <a href="/journal">"All of them are in the journal."</a>
                                </p>
                            })}
                            <p class="muted">"Private reflections show here because this is your own device; they stay out of what you share."</p>
                        }.into_any()
                    }}
                })}
            </section>

            <revision::RevisionSection/>
            <ReviewForm period=period/>

            <section class="card" aria-labelledby="past-h">
                <h2 id="past-h">"Past reviews"</h2>
                <Show when=move || reviews.with(|r| !r.is_empty())
                    fallback=|| view! { <p class="empty-line">"No reviews yet. Write your first one above."</p> }>
                    <ul class="plain-list past-reviews" data-testid="past-reviews">
                        <For each=move || reviews.get() key=|r| format!("{r:?}") let(r)>
                            <li>
                                <h3>{r.period}</h3>
                                <dl class="ci-entry">
                                    <dt>"What went well"</dt><dd>{if r.went_well.is_empty() { "—".to_owned() } else { r.went_well }}</dd>
                                    <dt>"What to change"</dt><dd>{if r.to_change.is_empty() { "—".to_owned() } else { r.to_change }}</dd>
                                </dl>
                                <FixReview id=r.id/>
                            </li>
                        </For>
                    </ul>
                </Show>
            </section>
            <p><a href="/checkin">"Back to check-ins"</a></p>
        </div>
    }
}

#[component]
fn ReviewForm(period: Memo<Result<(NaiveDate, NaiveDate), String>>) -> impl IntoView {
    let ws = use_workspace();
    let went_well = RwSignal::new(String::new());
    let to_change = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(String::new());
        let (from, to) = match period.get_untracked() {
            Ok(p) => p,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let (w, c) = (went_well.get_untracked(), to_change.get_untracked());
        if w.trim().is_empty() && c.trim().is_empty() {
            error.set(Some(
                "Write what went well or what to change before saving.".to_owned(),
            ));
            return;
        }
        let draft = ReviewDraft {
            from,
            to,
            went_well: w.trim().to_owned(),
            to_change: c.trim().to_owned(),
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = ws
                .apply(move |p, now, by| p.add_review(draft, now, by))
                .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    went_well.set(String::new());
                    to_change.set(String::new());
                    done.set("Review saved: it is at the top of your past reviews.".to_owned());
                }
                Err(e) => error.set(Some(format!("The review was not saved: {e}"))),
            }
        });
    };
    view! {
        <form class="card" aria-labelledby="write-h" on:submit=save>
            <h2 id="write-h">"Write your review"</h2>
            <TextArea label="What went well" value=went_well rows=3/>
            <TextArea label="What to change" value=to_change rows=3/>
            <ErrorNotice message=error/>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>"Save review"</button>
                <p class="form-done" role="status">{move || done.get()}</p>
            </div>
        </form>
    }
}

/// Correcting or deleting a past review, with the same rule as writing one: it says something.
#[component]
fn FixReview(id: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let current = move || {
        ws.plan.with_untracked(|p| {
            p.as_ref()?
                .reviews
                .iter()
                .find(|r| r.meta.is(id) && r.meta.is_live())
                .map(|r| r.fields.clone())
        })
    };
    let editing = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let went_well = RwSignal::new(String::new());
    let to_change = RwSignal::new(String::new());
    let open = move |_| {
        if let Some(r) = current() {
            went_well.set(r.went_well);
            to_change.set(r.to_change);
        }
        error.set(None);
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(old) = current() else { return };
        let (w, c) = (went_well.get_untracked(), to_change.get_untracked());
        if w.trim().is_empty() && c.trim().is_empty() {
            error.set(Some(
                "Write what went well or what to change before saving.".to_owned(),
            ));
            return;
        }
        let draft = ReviewDraft {
            went_well: w.trim().to_owned(),
            to_change: c.trim().to_owned(),
            ..old
        };
        ws.change_with_undo(
            "Review changed",
            error,
            move || editing.set(false),
            move |p, now, by| p.update_review(id, draft, now, by),
        );
    };
    let delete = move |_| {
        ws.change_with_undo(
            "Review deleted",
            error,
            || {},
            move |p, now, by| p.delete_review(id, now, by),
        );
    };
    view! {
        <div class="fix-record">
            <Show when=move || editing.get()
                fallback=move || view! {
                    <div class="form-actions">
                        <button type="button" class="button" on:click=open>"Edit review"</button>
                        <Show when=move || confirm.get()
                            fallback=move || view! { <button type="button" class="button danger" on:click=move |_| confirm.set(true)>"Delete review"</button> }>
                            <button type="button" class="button danger" on:click=delete>"Yes, delete review"</button>
                            <button type="button" class="button" on:click=move |_| confirm.set(false)>"Keep"</button>
                        </Show>
                    </div>
                }>
                <form class="add-form" on:submit=save>
                    <div class="field">
                        <label for=format!("rv-{id}-well")>"What went well"</label>
                        <textarea id=format!("rv-{id}-well") rows="3" prop:value=move || went_well.get()
                            on:input=move |ev| went_well.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for=format!("rv-{id}-change")>"What to change"</label>
                        <textarea id=format!("rv-{id}-change") rows="3" prop:value=move || to_change.get()
                            on:input=move |ev| to_change.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary">"Save review"</button>
                        <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <ErrorNotice message=error/>
        </div>
    }
}
