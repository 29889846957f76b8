//! Every text field a person fills in, in two classes, shared by `tests/exchange_xss.rs` and
//! `tests/core_edge_input.rs`: one-line text (refuses every control character) and free text
//! (keeps line breaks and tabs, refuses other control characters).
//!
//! `plan_with_text` builds a plan with one text in every one-line field and another in every
//! free-text field, through the verbs; `one_line_attempts` and `free_text_attempts` try a text
//! in each field of such a plan, one at a time, and say what the verb answered.

#![allow(dead_code)] // each includer uses its own part

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use waymark::core::action::{ActionDraft, IfThen};
use waymark::core::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use waymark::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use waymark::core::goal::{GoalChange, GoalDraft, Serves};
use waymark::core::grow::{GrowDraft, WayStep};
use waymark::core::history::ChangeKind;
use waymark::core::journal::ReflectionDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::profile::ProfileDraft;
use waymark::core::review::ReviewDraft;
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::woop::WoopDraft;
use waymark::core::{Author, CoreError, Plan, PlanKind, Touched};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A plan with `line` in every one-line field a person fills in and `free` in every free-text
/// field: the plan's title; the profile's name, role, vision, values and strengths; an
/// assessment's question and answer; a goal's title, why, description, support and value
/// served; a milestone; an action with its if-then plan and an action for the whole plan; a
/// KPI's name and unit; a check-in's notes; a review; a public and a private reflection's text,
/// prompt and tags; a goal adaptation's and a plan adaptation's before, after and reason.
pub fn plan_with_text(line: &str, free: &str) -> Plan {
    let (c, by) = (now(), Author::Client);
    let l = || line.to_owned();
    let f = || free.to_owned();
    let mut plan = Plan::new(line, PlanKind::ClientPlan, c - Duration::days(30), by).unwrap();
    plan.set_profile(
        ProfileDraft {
            name: Some(l()),
            current_role: l(),
            vision: f(),
            values: vec![l()],
            strengths: vec![l()],
        },
        c,
        by,
    )
    .unwrap();
    plan.add_assessment(
        AssessmentDraft {
            taken_on: day(2025, 2, 1),
            answers: vec![AssessmentAnswer {
                area: AssessmentArea::Barriers,
                question: l(),
                answer: f(),
            }],
        },
        c,
        by,
    )
    .unwrap();
    let mut goal = GoalDraft::titled(line, day(2025, 2, 1));
    goal.why = f();
    goal.description = f();
    goal.support = f();
    goal.serves = vec![Serves::Vision, Serves::Value(l())];
    goal.confidence = Some(6);
    goal.target_date = Some(day(2025, 12, 1));
    let g = plan.add_goal(goal, c, by).unwrap().records[0].1;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g,
            title: l(),
            due: day(2025, 6, 1),
            order: 0,
        },
        c,
        by,
    )
    .unwrap();
    let mut action = ActionDraft::new(line, 4, 2);
    action.goal_id = Some(g);
    action.due = Some(day(2025, 4, 1));
    action.if_then = Some(IfThen {
        when: l(),
        then: l(),
    });
    plan.add_action(action, c, by).unwrap();
    plan.add_action(ActionDraft::new(line, 2, 1), c, by)
        .unwrap();
    let k = plan
        .add_kpi(
            KpiDraft {
                goal_id: g,
                name: l(),
                unit: l(),
                baseline: -5.0,
                target: 10.0,
                direction: Direction::Up,
            },
            c,
            by,
        )
        .unwrap()
        .records[0]
        .1;
    plan.log_measurement(k, -2.5, c - Duration::days(3), c, by)
        .unwrap();
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: 60,
            starts_on: day(2025, 2, 3),
            time_zone: None,
        },
        c,
        by,
    )
    .unwrap();
    plan.record_checkin(checkin(g, k, free, free, free), c, by)
        .unwrap();
    plan.add_review(
        ReviewDraft {
            from: day(2025, 3, 1),
            to: day(2025, 3, 9),
            went_well: f(),
            to_change: f(),
        },
        c,
        by,
    )
    .unwrap();
    for private in [false, true] {
        plan.add_reflection(
            ReflectionDraft {
                text: f(),
                prompt: Some(f()),
                tags: vec![l()],
                mood: Some(3),
                private,
            },
            c,
            by,
        )
        .unwrap();
    }
    plan.adapt_goal(
        g,
        GoalChange::Strategy {
            description: format!("{free} (v2)"),
            support: f(),
        },
        free,
        c,
        by,
    )
    .unwrap();
    plan.adapt_plan(ChangeKind::Edited, free, free, free, c, by)
        .unwrap();
    plan.save_woop(
        g,
        WoopDraft {
            wish: l(),
            outcome: f(),
            obstacle: l(),
            plan: l(),
        },
        c,
        by,
    )
    .unwrap();
    plan.save_grow_note(
        None,
        GrowDraft {
            held_on: day(2025, 3, 10),
            goal_id: Some(g),
            session_goal: l(),
            reality: f(),
            options: vec![l()],
            chosen: Some(0),
            way_forward: vec![WayStep {
                what: l(),
                due: Some(day(2025, 3, 20)),
                action_id: None,
            }],
        },
        c,
        by,
    )
    .unwrap();
    plan
}

fn checkin(
    goal_id: uuid::Uuid,
    kpi_id: uuid::Uuid,
    progress_note: &str,
    blockers: &str,
    next_steps: &str,
) -> CheckInDraft {
    CheckInDraft {
        date: day(2025, 3, 10),
        entries: vec![GoalEntryDraft {
            goal_id,
            progress_note: progress_note.into(),
            kpi_values: vec![KpiValue { kpi_id, value: 3.0 }],
            blockers: blockers.into(),
            next_steps: next_steps.into(),
        }],
        confidence: 7,
        mood: 4,
    }
}

type Edit<'a, D> = Box<dyn Fn(&dyn Fn(&mut D)) -> Result<Touched, CoreError> + 'a>;

/// Edits of the first goal's WOOP and of the session note, each on a fresh copy of `plan`.
fn method_edits(plan: &Plan) -> (Edit<'_, WoopDraft>, Edit<'_, GrowDraft>) {
    let (c, by) = (now(), Author::Client);
    let gid = plan.goals[0].meta.id;
    let note = &plan.grow_notes[0];
    (
        Box::new(move |edit: &dyn Fn(&mut WoopDraft)| {
            let mut q = plan.clone();
            let mut d = q.woop_of(gid).unwrap().fields.clone();
            edit(&mut d);
            q.save_woop(gid, d, c, by)
        }),
        Box::new(move |edit: &dyn Fn(&mut GrowDraft)| {
            let mut q = plan.clone();
            let mut d = note.fields.clone();
            edit(&mut d);
            q.save_grow_note(Some(note.meta.id), d, c, by)
        }),
    )
}

/// The field (as messages name it) and what the verb answered.
pub type Attempt = (&'static str, Result<Touched, CoreError>);

/// Tries `p` in each one-line field of `plan` (a plan from `plan_with_text`), each time on a
/// fresh copy, through the verb a form would use.
pub fn one_line_attempts(plan: &Plan, p: &str) -> Vec<Attempt> {
    let (c, by) = (now(), Author::Client);
    let on = |f: &dyn Fn(&mut Plan) -> Result<Touched, CoreError>| f(&mut plan.clone());
    let profile = plan.live_profile().unwrap().clone();
    let goal = &plan.goals[0];
    let milestone = &plan.milestones[0];
    let action = plan
        .actions
        .iter()
        .find(|a| a.fields.if_then.is_some())
        .unwrap();
    let kpi = &plan.kpis[0];
    let assessment = &plan.assessments[0];
    let reflection = &plan.reflections[0];
    let with_profile = |edit: &dyn Fn(&mut ProfileDraft)| {
        let mut d = profile.clone();
        edit(&mut d);
        on(&|q| q.set_profile(d.clone(), c, by))
    };
    let with_goal = |edit: &dyn Fn(&mut GoalDraft)| {
        let mut d = goal.fields.clone();
        edit(&mut d);
        on(&|q| q.update_goal(goal.meta.id, d.clone(), c, by))
    };
    let with_action = |edit: &dyn Fn(&mut ActionDraft)| {
        let mut d = action.fields.clone();
        edit(&mut d);
        on(&|q| q.update_action(action.meta.id, d.clone(), c, by))
    };
    let with_kpi = |edit: &dyn Fn(&mut KpiDraft)| {
        let mut d = kpi.fields.clone();
        edit(&mut d);
        on(&|q| q.update_kpi(kpi.meta.id, d.clone(), c, by))
    };
    let if_then = |d: &mut ActionDraft| d.if_then.as_mut().unwrap().clone();
    let (with_woop, with_grow) = method_edits(plan);
    vec![
        (
            "The plan's title",
            Plan::new(p, PlanKind::ClientPlan, c, by).map(|_| Touched::none()),
        ),
        ("The plan's title", on(&|q| q.rename(p, c, by))),
        ("Name", with_profile(&|d| d.name = Some(p.into()))),
        ("Current role", with_profile(&|d| d.current_role = p.into())),
        ("Values", with_profile(&|d| d.values.push(p.into()))),
        ("Strengths", with_profile(&|d| d.strengths.push(p.into()))),
        (
            "Question",
            on(&|q| {
                let mut d = assessment.fields.clone();
                d.answers[0].question = p.into();
                q.update_assessment(assessment.meta.id, d, c, by)
            }),
        ),
        ("The goal's title", with_goal(&|d| d.title = p.into())),
        (
            "The value served",
            with_goal(&|d| d.serves.push(Serves::Value(p.into()))),
        ),
        (
            "The milestone's title",
            on(&|q| {
                let mut d = milestone.fields.clone();
                d.title = p.into();
                q.update_milestone(milestone.meta.id, d, c, by)
            }),
        ),
        (
            "The action's title",
            on(&|q| q.add_action(ActionDraft::new(p, 1, 1), c, by)),
        ),
        ("The action's title", with_action(&|d| d.title = p.into())),
        (
            "The 'if' part of the plan",
            with_action(&|d| {
                let mut it = if_then(d);
                it.when = p.into();
                d.if_then = Some(it);
            }),
        ),
        (
            "The 'then I will' part of the plan",
            with_action(&|d| {
                let mut it = if_then(d);
                it.then = p.into();
                d.if_then = Some(it);
            }),
        ),
        ("The KPI's name", with_kpi(&|d| d.name = p.into())),
        ("The unit", with_kpi(&|d| d.unit = p.into())),
        (
            "Tags",
            on(&|q| {
                let mut d = reflection.fields.clone();
                d.tags.push(p.into());
                q.update_reflection(reflection.meta.id, d, c, by)
            }),
        ),
        ("The wish", with_woop(&|d| d.wish = p.into())),
        ("The obstacle", with_woop(&|d| d.obstacle = p.into())),
        ("The plan", with_woop(&|d| d.plan = p.into())),
        (
            "The goal of the session",
            with_grow(&|d| d.session_goal = p.into()),
        ),
        ("An option", with_grow(&|d| d.options.push(p.into()))),
        (
            "A step of the way forward",
            with_grow(&|d| d.way_forward[0].what = p.into()),
        ),
    ]
}

/// Tries `p` in each free-text field of `plan` (a plan from `plan_with_text`), each time on a
/// fresh copy, through the verb a form would use.
pub fn free_text_attempts(plan: &Plan, p: &str) -> Vec<Attempt> {
    let (c, by) = (now(), Author::Client);
    let on = |f: &dyn Fn(&mut Plan) -> Result<Touched, CoreError>| f(&mut plan.clone());
    let profile = plan.live_profile().unwrap().clone();
    let goal = &plan.goals[0];
    let kpi = &plan.kpis[0];
    let assessment = &plan.assessments[0];
    let review = &plan.reviews[0];
    let reflection = &plan.reflections[0];
    let with_goal = |edit: &dyn Fn(&mut GoalDraft)| {
        let mut d = goal.fields.clone();
        edit(&mut d);
        on(&|q| q.update_goal(goal.meta.id, d.clone(), c, by))
    };
    let with_review = |edit: &dyn Fn(&mut ReviewDraft)| {
        let mut d = review.fields.clone();
        edit(&mut d);
        on(&|q| q.update_review(review.meta.id, d.clone(), c, by))
    };
    let with_reflection = |edit: &dyn Fn(&mut ReflectionDraft)| {
        let mut d = reflection.fields.clone();
        edit(&mut d);
        on(&|q| q.update_reflection(reflection.meta.id, d.clone(), c, by))
    };
    let checkin_with = |note: &str, blockers: &str, next: &str| {
        on(&|q| {
            q.record_checkin(
                checkin(goal.meta.id, kpi.meta.id, note, blockers, next),
                c,
                by,
            )
        })
    };
    // Text that passes as any free text, for the other fields of a check-in or an adaptation.
    let ok = "fine";
    let (with_woop, with_grow) = method_edits(plan);
    vec![
        ("The best outcome", with_woop(&|d| d.outcome = p.into())),
        ("The reality", with_grow(&|d| d.reality = p.into())),
        (
            "Vision",
            on(&|q| {
                let mut d = profile.clone();
                d.vision = p.into();
                q.set_profile(d, c, by)
            }),
        ),
        (
            "Answer",
            on(&|q| {
                let mut d = assessment.fields.clone();
                d.answers[0].answer = p.into();
                q.update_assessment(assessment.meta.id, d, c, by)
            }),
        ),
        ("Why", with_goal(&|d| d.why = p.into())),
        ("The description", with_goal(&|d| d.description = p.into())),
        (
            "Resources and support",
            with_goal(&|d| d.support = p.into()),
        ),
        (
            "The description",
            on(&|q| {
                q.adapt_goal(
                    goal.meta.id,
                    GoalChange::Strategy {
                        description: p.into(),
                        support: ok.into(),
                    },
                    ok,
                    c,
                    by,
                )
            }),
        ),
        ("The reason", on(&|q| q.drop_goal(goal.meta.id, p, c, by))),
        ("The progress note", checkin_with(p, ok, ok)),
        ("Blockers", checkin_with(ok, p, ok)),
        ("Next steps", checkin_with(ok, ok, p)),
        ("What went well", with_review(&|d| d.went_well = p.into())),
        ("What to change", with_review(&|d| d.to_change = p.into())),
        ("The reflection", with_reflection(&|d| d.text = p.into())),
        (
            "The prompt",
            with_reflection(&|d| d.prompt = Some(p.into())),
        ),
        (
            "The 'before' summary",
            on(&|q| q.adapt_plan(ChangeKind::Edited, p, ok, ok, c, by)),
        ),
        (
            "The 'after' summary",
            on(&|q| q.adapt_plan(ChangeKind::Edited, ok, p, ok, c, by)),
        ),
        (
            "The reason",
            on(&|q| q.adapt_plan(ChangeKind::Edited, ok, ok, p, c, by)),
        ),
    ]
}
