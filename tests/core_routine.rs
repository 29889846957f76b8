#![cfg(not(target_arch = "wasm32"))]
//! The small rules the Today, Check-in and Review screens ask the core for: actions due soon,
//! scheduled days in a period, and what was done or written in a period.

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use waymark::core::action::ActionDraft;
use waymark::core::goal::GoalDraft;
use waymark::core::journal::ReflectionDraft;
use waymark::core::milestone::MilestoneDraft;
use waymark::core::period::{milestones_done_in, reflections_in};
use waymark::core::progress::due_soon_actions;
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::{Author, DocKind, Plan, PlanKind};

const WHO: Author = Author::Client;

fn t(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn due_soon_lists_open_actions_in_the_window_best_first() {
    let now = t(2026, 11, 25, 9);
    let mut plan = Plan::new("P", PlanKind::ClientPlan, now, WHO).unwrap();
    let mut add = |title: &str, due: Option<NaiveDate>, impact, effort| {
        let mut d = ActionDraft::new(title, impact, effort);
        d.due = due;
        plan.add_action(d, now, WHO)
            .unwrap()
            .id_of(DocKind::Action)
            .unwrap()
    };
    add("overdue", Some(day(2026, 11, 24)), 5, 1);
    add("today, low score", Some(day(2026, 11, 25)), 1, 5);
    add("in a week, high score", Some(day(2026, 12, 2)), 5, 1);
    add("too late", Some(day(2026, 12, 3)), 5, 1);
    add("no date", None, 5, 1);
    let done = add("done", Some(day(2026, 11, 26)), 5, 1);
    plan.complete_action(done, now, WHO).unwrap();

    let titles: Vec<&str> = due_soon_actions(&plan, day(2026, 11, 25), 7)
        .iter()
        .map(|a| a.fields.title.as_str())
        .collect();
    assert_eq!(titles, ["in a week, high score", "today, low score"]);
    assert!(due_soon_actions(&plan, day(2026, 11, 25), 0)
        .iter()
        .all(|a| a.fields.title == "today, low score"));
}

#[test]
fn occurrences_between_counts_the_scheduled_days_of_a_period() {
    let weekly = ScheduleDraft {
        cadence: Cadence::Weeks {
            weeks: 1,
            weekday: Weekday::Mon,
        },
        utc_offset_minutes: 60,
        starts_on: day(2026, 11, 1),
        time_zone: None,
    };
    // Mondays in November 2026 from the 1st (a Sunday): 2, 9, 16, 23, 30.
    assert_eq!(
        weekly.occurrences_between(day(2026, 10, 1), day(2026, 11, 30)),
        [
            day(2026, 11, 2),
            day(2026, 11, 9),
            day(2026, 11, 16),
            day(2026, 11, 23),
            day(2026, 11, 30)
        ]
    );
    assert!(weekly
        .occurrences_between(day(2026, 11, 3), day(2026, 11, 8))
        .is_empty());
    let monthly = ScheduleDraft {
        cadence: Cadence::Monthly { day: 31 },
        utc_offset_minutes: 0,
        starts_on: day(2026, 1, 1),
        time_zone: None,
    };
    assert_eq!(
        monthly.occurrences_between(day(2026, 2, 1), day(2026, 4, 30)),
        [day(2026, 2, 28), day(2026, 3, 31), day(2026, 4, 30)]
    );
}

#[test]
fn milestones_and_reflections_of_a_period_use_the_clients_days() {
    let start = t(2026, 11, 1, 9);
    let mut plan = Plan::new("P", PlanKind::ClientPlan, start, WHO).unwrap();
    let goal = plan
        .add_goal(GoalDraft::titled("Goal", day(2026, 11, 1)), start, WHO)
        .unwrap()
        .id_of(DocKind::Goal)
        .unwrap();
    let mut milestone = |title: &str, done: Option<DateTime<Utc>>| {
        let id = plan
            .add_milestone(
                MilestoneDraft {
                    goal_id: goal,
                    title: title.into(),
                    due: day(2026, 12, 1),
                    order: 0,
                },
                start,
                WHO,
            )
            .unwrap()
            .id_of(DocKind::Milestone)
            .unwrap();
        if let Some(at) = done {
            plan.complete_milestone(id, at, WHO).unwrap();
        }
    };
    milestone("open", None);
    // 23:30 UTC on the 9th is the 10th in Berlin (+60).
    milestone(
        "late evening",
        Some(Utc.with_ymd_and_hms(2026, 11, 9, 23, 30, 0).unwrap()),
    );
    milestone("inside", Some(t(2026, 11, 12, 9)));
    milestone("after", Some(t(2026, 11, 20, 9)));
    let titles = |offset| {
        milestones_done_in(&plan, day(2026, 11, 10), day(2026, 11, 15), move |_| offset)
            .iter()
            .map(|m| m.fields.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(60), ["late evening", "inside"]);
    assert_eq!(titles(0), ["inside"]);

    for (at, text, private) in [
        (t(2026, 11, 11, 9), "first", false),
        (t(2026, 11, 14, 9), "second, private", true),
        (t(2026, 11, 16, 9), "outside", false),
    ] {
        let draft = ReflectionDraft {
            text: text.into(),
            private,
            ..Default::default()
        };
        plan.add_reflection(draft, at, WHO).unwrap();
    }
    let texts: Vec<&str> = reflections_in(&plan, day(2026, 11, 10), day(2026, 11, 15), |_| 0)
        .iter()
        .map(|r| r.fields.text.as_str())
        .collect();
    assert_eq!(texts, ["second, private", "first"]);
}

#[test]
fn client_activity_lists_what_the_client_recorded_after_the_last_exchange() {
    use waymark::core::activity::client_activity;
    use waymark::core::checkin::CheckInDraft;
    use waymark::core::kpi::{Direction, KpiDraft};

    let (coach, client) = (Author::Coach, Author::Client);
    let mut plan = Plan::new("Plan", PlanKind::ClientPlan, t(2025, 1, 1, 9), coach).unwrap();
    let g = plan
        .add_goal(
            GoalDraft::titled("Publish case studies", day(2025, 1, 1)),
            t(2025, 1, 1, 9),
            coach,
        )
        .unwrap()
        .records[0]
        .1;
    let kpi = KpiDraft {
        goal_id: g,
        name: "Case studies".into(),
        unit: "studies".into(),
        baseline: 0.0,
        target: 3.0,
        direction: Direction::Up,
    };
    let k = plan.add_kpi(kpi, t(2025, 1, 1, 9), coach).unwrap().records[0].1;
    let a = plan
        .add_action(
            ActionDraft::new("Write the first study", 4, 2),
            t(2025, 1, 1, 9),
            coach,
        )
        .unwrap()
        .records[0]
        .1;
    // Before the last exchange: the client's first value, and one the coach logged.
    plan.log_measurement(k, 0.0, t(2025, 1, 2, 9), t(2025, 1, 2, 9), client)
        .unwrap();
    let exchanged = t(2025, 1, 3, 9);
    plan.log_measurement(k, 1.0, t(2025, 1, 4, 9), t(2025, 1, 4, 9), coach)
        .unwrap();
    // After it: the client's work.
    plan.log_measurement(k, 1.0, t(2025, 1, 5, 9), t(2025, 1, 5, 9), client)
        .unwrap();
    plan.complete_action(a, t(2025, 1, 6, 9), client).unwrap();
    let draft = CheckInDraft {
        date: day(2025, 1, 7),
        entries: Vec::new(),
        confidence: 6,
        mood: 4,
    };
    plan.record_checkin(draft, t(2025, 1, 7, 9), client)
        .unwrap();
    let words = ReflectionDraft {
        text: "Felt proud".into(),
        ..ReflectionDraft::default()
    };
    plan.add_reflection(words, t(2025, 1, 8, 9), client)
        .unwrap();

    // Session notes and takes: the coach's note before and after, the client's after.
    let note = |goal: &str, held_on| waymark::core::grow::GrowDraft {
        held_on,
        session_goal: goal.into(),
        ..Default::default()
    };
    plan.save_grow_note(
        None,
        note("Coach's first session", day(2025, 1, 2)),
        t(2025, 1, 2, 10),
        coach,
    )
    .unwrap();
    plan.save_grow_note(
        None,
        note("Coach's notes", day(2025, 1, 8)),
        t(2025, 1, 8, 10),
        coach,
    )
    .unwrap();
    plan.save_grow_note(
        None,
        note("Which offer to take", day(2025, 1, 8)),
        t(2025, 1, 8, 11),
        client,
    )
    .unwrap();
    let mut interests = waymark::core::interests::InterestDraft::new(day(2025, 1, 2));
    interests.set_rating(waymark::core::interests::InterestType::Social, Some(4));
    plan.add_interest_profile(interests.clone(), t(2025, 1, 2, 11), client)
        .unwrap();
    interests.taken_on = day(2025, 1, 8);
    plan.add_interest_profile(interests, t(2025, 1, 8, 12), client)
        .unwrap();
    let assessment = waymark::core::assessment::AssessmentDraft {
        taken_on: day(2025, 1, 8),
        answers: Vec::new(),
    };
    plan.add_assessment(assessment, t(2025, 1, 8, 13), client)
        .unwrap();

    let since = client_activity(&plan, Some(exchanged));
    let sessions: Vec<&str> = since
        .sessions
        .iter()
        .map(|n| n.fields.session_goal.as_str())
        .collect();
    assert_eq!(
        sessions,
        ["Which offer to take"],
        "the coach's own notes are not the client's work"
    );
    assert_eq!(since.interests.len(), 1, "only the take after the exchange");
    assert_eq!(since.interests[0].fields.taken_on, day(2025, 1, 8));
    assert_eq!(since.assessments.len(), 1);
    assert_eq!(client_activity(&plan, None).interests.len(), 2);
    assert_eq!(
        since.measurements.len(),
        1,
        "the coach's own value is not the client's work"
    );
    assert_eq!(since.measurements[0].1.value, 1.0);
    assert_eq!(since.completed.len(), 1);
    assert_eq!(since.checkins.len(), 1);
    assert_eq!(since.reflections.len(), 1);
    assert_eq!(client_activity(&plan, None).measurements.len(), 2);
    assert!(client_activity(&plan, Some(t(2025, 1, 9, 0))).is_empty());
}

#[test]
fn each_report_moves_the_window_and_an_old_report_again_does_not() {
    use waymark::core::activity::ReportWindow;
    let plan = uuid::Uuid::new_v4();
    let first = ReportWindow::after_import(None, plan, t(2025, 1, 10, 9)).unwrap();
    assert_eq!(first.since(), None, "the first report covers everything");
    let second = ReportWindow::after_import(Some(&first), plan, t(2025, 1, 24, 9)).unwrap();
    assert_eq!(second.since(), Some(t(2025, 1, 10, 9)));
    assert_eq!(second.latest, t(2025, 1, 24, 9));
    assert_eq!(
        ReportWindow::after_import(Some(&second), plan, t(2025, 1, 24, 9)),
        None
    );
    assert_eq!(
        ReportWindow::after_import(Some(&second), plan, t(2025, 1, 10, 9)),
        None
    );
}
