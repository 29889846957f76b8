//! The coach's starting point for a session: what the client recorded since the previous
//! progress report — check-ins, KPI values, completed actions, shared reflections, the session
//! notes they wrote, and what they told about themselves (assessment and interest takes).

use crate::core::sorting::sort_by_key;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::core::activity::client_activity;
use crate::core::activity::ReportWindow;
use crate::core::Plan;
use crate::ui::format::show_instant;
use crate::ui::format::{short_date, short_day_of, with_unit};
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, WithPlan};

#[component]
pub fn ClientActivityScreen() -> impl IntoView {
    view! {
        <Page title="Since the last report">
            <WithPlan>
                <ClientActivity/>
            </WithPlan>
        </Page>
    }
}

/// One line of the view, already in words.
struct Line {
    when: String,
    what: String,
    detail: String,
}

struct Sections {
    checkins: Vec<Line>,
    values: Vec<Line>,
    completed: Vec<Line>,
    reflections: Vec<Line>,
    sessions: Vec<Line>,
    about: Vec<Line>,
}

fn sections(plan: &Plan, since: Option<DateTime<Utc>>) -> Sections {
    let a = client_activity(plan, since);
    let goal_title = |id| {
        plan.goals
            .iter()
            .find(|g| g.meta.is(id))
            .map(|g| g.fields.title.clone())
            .unwrap_or_default()
    };
    Sections {
        checkins: a
            .checkins
            .iter()
            .map(|c| Line {
                when: short_date(c.date),
                what: format!("Confidence {}/10 · Mood {}/5", c.confidence, c.mood),
                detail: c
                    .entries
                    .iter()
                    .filter(|e| !e.progress_note.trim().is_empty() || !e.blockers.trim().is_empty())
                    .map(|e| {
                        let mut s =
                            format!("{}: {}", goal_title(e.goal_id), e.progress_note.trim());
                        if !e.blockers.trim().is_empty() {
                            s.push_str(&format!(" (in the way: {})", e.blockers.trim()));
                        }
                        s
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect(),
        values: a
            .measurements
            .iter()
            .map(|(k, m)| Line {
                when: short_day_of(m.at, m.meta.written_offset),
                what: format!("{}: {}", k.fields.name, with_unit(m.value, &k.fields.unit)),
                detail: format!("Target {}", with_unit(k.fields.target, &k.fields.unit)),
            })
            .collect(),
        completed: a
            .completed
            .iter()
            .map(|x| Line {
                when: x.done_at.map(|t| short_day_of(t, None)).unwrap_or_default(),
                what: x.fields.title.clone(),
                detail: x.fields.goal_id.map(goal_title).unwrap_or_default(),
            })
            .collect(),
        reflections: a
            .reflections
            .iter()
            .map(|r| Line {
                when: short_day_of(r.meta.created_at, r.meta.written_offset),
                what: r.fields.text.clone(),
                detail: r.fields.tags.join(", "),
            })
            .collect(),
        sessions: a
            .sessions
            .iter()
            .map(|n| {
                let f = &n.fields;
                let mut detail = Vec::new();
                if let Some(goal) = f.goal_id {
                    detail.push(format!("About: {}", goal_title(goal)));
                }
                if let Some(option) = f.chosen.and_then(|i| f.options.get(i as usize)) {
                    detail.push(format!("Chose: {option}"));
                }
                detail.extend(f.way_forward.iter().map(|w| match w.due {
                    Some(due) => format!("Next: {} (by {})", w.what, short_date(due)),
                    None => format!("Next: {}", w.what),
                }));
                Line {
                    when: short_date(f.held_on),
                    what: if f.session_goal.trim().is_empty() {
                        "Session note".to_owned()
                    } else {
                        f.session_goal.clone()
                    },
                    detail: detail.join("\n"),
                }
            })
            .collect(),
        about: {
            let mut about: Vec<(NaiveDate, Line)> = a
                .assessments
                .iter()
                .map(|t| {
                    let answered = t
                        .fields
                        .answers
                        .iter()
                        .filter(|x| !x.answer.trim().is_empty())
                        .count();
                    let line = Line {
                        when: short_date(t.fields.taken_on),
                        what: "Needs assessment".to_owned(),
                        detail: if answered == 1 {
                            "1 question answered".to_owned()
                        } else {
                            format!("{answered} questions answered")
                        },
                    };
                    (t.fields.taken_on, line)
                })
                .collect();
            about.extend(a.interests.iter().map(|t| {
                let code = t.fields.code_letters();
                let line = Line {
                    when: short_date(t.fields.taken_on),
                    what: if code.is_empty() {
                        "Interest profile: no code yet".to_owned()
                    } else {
                        format!("Interest code {code}")
                    },
                    detail: t.fields.reading().into_iter().next().unwrap_or_default(),
                };
                (t.fields.taken_on, line)
            }));
            // Newest first, as in every other section (a stable sort keeps each kind's order).
            sort_by_key(&mut about, |(day, _)| std::cmp::Reverse(*day));
            about.into_iter().map(|(_, line)| line).collect()
        },
    }
}

fn section(heading: &'static str, testid: &'static str, lines: Vec<Line>) -> impl IntoView {
    let count = lines.len();
    view! {
        <section class="card activity-section" data-testid=testid>
            <h2>{heading}" "<span class="muted">"("{count}")"</span></h2>
            {if lines.is_empty() {
                view! { <p class="muted">"Nothing new."</p> }.into_any()
            } else {
                view! {
                    <ul class="activity-list">
                        {lines
                            .into_iter()
                            .map(|l| view! {
                                <li>
                                    <span class="activity-when">{l.when}</span>
                                    <span class="activity-what">{l.what}</span>
                                    {(!l.detail.is_empty()).then(|| view! { <span class="activity-detail">{l.detail}</span> })}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ClientActivity() -> impl IntoView {
    let ws = use_workspace();
    let just_imported =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("imported").is_some());
    move || {
        ws.plan.with(|p| {
            let p = p.as_ref()?;
            let window: Option<ReportWindow> = ws.preferences().report_window(p.id());
            // Opened to look at it (not on the way from an import): the Clients screen's
            // "new report" marker goes.
            if !just_imported {
                ws.preferences().mark_report_seen(p.id());
            }
            let since = window.as_ref().and_then(ReportWindow::since);
            let intro = match &window {
                Some(ReportWindow { latest, previous: Some(prev), .. }) => format!(
                    "What your client recorded since their previous report ({}), up to the latest one ({}).",
                    show_instant(*prev, None),
                    show_instant(*latest, None)
                ),
                Some(w) => format!(
                    "The first progress report from your client ({}): everything they recorded so far.",
                    show_instant(w.latest, None)
                ),
                None => "No progress report has been imported into this plan on this device, so this is everything the client recorded.".to_owned(),
            };
            let s = sections(p, since);
            Some(view! {
                <p class="lead" data-testid="activity-intro">{intro}</p>
                {section("Check-ins", "activity-checkins", s.checkins)}
                {section("KPI values", "activity-values", s.values)}
                {section("Completed actions", "activity-completed", s.completed)}
                {section("Reflections shared with you", "activity-reflections", s.reflections)}
                {section("Session notes they wrote", "activity-sessions", s.sessions)}
                {section("About themselves", "activity-about", s.about)}
                <div class="form-actions">
                    <a class="button primary" href="/plan">"Open the plan"</a>
                    <a class="button" href="/review">"Progress review"</a>
                </div>
            })
        })
    }
}
