#![cfg(not(target_arch = "wasm32"))]
//! The derived rules with real-world examples: SMART hints, progress and pace, schedules,
//! streaks, action ranking and journal search.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use uuid::Uuid;
use waymark::core::action::ActionDraft;
use waymark::core::checkin::{checkin_status, CheckIn, CheckInDraft};
use waymark::core::goal::{Goal, GoalDraft, Priority, Serves};
use waymark::core::journal::{group_by_week, JournalIndex, ReflectionDraft};
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::profile::ProfileDraft;
use waymark::core::progress::{
    expected_value, goal_progress, kpi_progress, overdue_actions, pace, percent_of_target,
    stale_kpis, Pace,
};
use waymark::core::ranking::{action_score, ranked_open_actions};
use waymark::core::sample::seeded_plan;
use waymark::core::schedule::{local_date, next_checkin, Cadence, ScheduleDraft};
use waymark::core::smart::{check_goal, specific_signals, SmartLetter};
use waymark::core::{Author, DocKind, Plan, PlanKind};

fn t(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const WHO: Author = Author::Client;

fn smart_goal() -> GoalDraft {
    GoalDraft {
        title: "Build a UX portfolio".into(),
        why: "Show research I led".into(),
        description: "Publish three case studies on a simple portfolio site".into(),
        confidence: Some(7),
        support: "Two evenings a week and a mentor".into(),
        serves: vec![Serves::Value("Curiosity".into())],
        start_date: day(2025, 1, 1),
        target_date: Some(day(2025, 5, 1)),
        priority: Priority::High,
    }
}

fn kpi_up(goal_id: Uuid) -> KpiDraft {
    KpiDraft {
        goal_id,
        name: "Case studies".into(),
        unit: "".into(),
        baseline: 0.0,
        target: 20.0,
        direction: Direction::Up,
    }
}

fn plan_with(draft: GoalDraft, with_kpi: bool) -> (Plan, Uuid) {
    let now = t(2025, 1, 1, 9, 0);
    let mut p = Plan::new("P", PlanKind::ClientPlan, now, WHO).unwrap();
    p.set_profile(
        ProfileDraft {
            values: vec!["Curiosity".into(), "Balance".into()],
            vision: "Lead research".into(),
            ..Default::default()
        },
        now,
        WHO,
    )
    .unwrap();
    let g = p
        .add_goal(draft, now, WHO)
        .unwrap()
        .id_of(DocKind::Goal)
        .unwrap();
    if with_kpi {
        p.add_kpi(kpi_up(g), now, WHO).unwrap();
    }
    (p, g)
}

// ---- SMART ------------------------------------------------------------------------------

#[test]
fn a_smart_goal_meets_every_criterion_without_hints() {
    let (p, g) = plan_with(smart_goal(), true);
    let c = check_goal(&p, p.goal(g).unwrap());
    assert!(c.all_met());
    assert!(c.criteria().iter().all(|c| c.hint.is_none()));
}

#[test]
fn each_missing_criterion_gets_its_own_hint() {
    let mut d = smart_goal();
    d.description = String::new();
    d.confidence = None;
    d.support = String::new();
    d.serves = vec![];
    d.target_date = None;
    let (p, g) = plan_with(d, false);
    let c = check_goal(&p, p.goal(g).unwrap());
    assert_eq!(c.missing().count(), 5);
    let hint = |l: SmartLetter| {
        c.criteria()
            .into_iter()
            .find(|x| x.letter == l)
            .unwrap()
            .hint
            .clone()
            .unwrap()
    };
    assert!(hint(SmartLetter::Specific).starts_with("Specific: describe exactly"));
    assert_eq!(
        hint(SmartLetter::Measurable),
        "Measurable: add a KPI with a target, e.g. 'applications sent: 0 → 20'."
    );
    assert!(
        hint(SmartLetter::Achievable).contains("how confident")
            && hint(SmartLetter::Achievable).contains("resources")
    );
    assert!(
        hint(SmartLetter::Relevant).contains("'Curiosity'"),
        "uses the client's own first value"
    );
    assert_eq!(
        hint(SmartLetter::TimeBound),
        "Time-bound: set a target date. When will this be done?"
    );
}

#[test]
fn specific_needs_more_than_a_couple_of_words_or_a_copy_of_the_title() {
    for (desc, ok) in [
        ("Get job", false),
        ("Build a UX portfolio", false), // same as the title
        ("Three case studies online", true),
        ("学习用户研究方法并完成三个项目", true), // no spaces, enough characters
    ] {
        let mut d = smart_goal();
        d.description = desc.into();
        let (p, g) = plan_with(d, true);
        assert_eq!(
            check_goal(&p, p.goal(g).unwrap()).specific.met,
            ok,
            "{desc}"
        );
    }
}

#[test]
fn specific_judges_result_object_and_scope_not_length() {
    for (desc, ok) in [
        ("I want to get better at data", false),
        (
            "I would like to improve my career prospects in general",
            false,
        ),
        (
            "I want to be more confident and learn more about things",
            false,
        ),
        ("Pass the Google Data Analytics certificate by spring", true),
        (
            "Get a junior service designer role at a hospital trust",
            true,
        ),
        (
            "Publish three case studies on a simple portfolio site",
            true,
        ),
        ("Apply through referrals only, two a week", true),
        ("Get better at SQL by finishing 20 exercises", true), // vague, but a number and a result
        (
            "Spend time thinking about what I really want from work",
            false,
        ),
    ] {
        let mut d = smart_goal();
        d.description = desc.into();
        let (p, g) = plan_with(d, true);
        let c = check_goal(&p, p.goal(g).unwrap()).specific;
        assert_eq!(c.met, ok, "{desc}: {:?}", c.hint);
        if !ok {
            let h = c.hint.unwrap();
            assert!(
                h.contains("e.g. 'Get a junior UX research role"),
                "an example: {h}"
            );
        }
    }
}

#[test]
fn specific_explains_which_part_is_missing() {
    let s = specific_signals("I want to get better at data");
    assert_eq!(s.vague.as_deref(), Some("get better"));
    assert_eq!(s.object, None);
    let mut d = smart_goal();
    d.description = "I want to get better at data".into();
    let (p, g) = plan_with(d, true);
    let hint = check_goal(&p, p.goal(g).unwrap()).specific.hint.unwrap();
    assert!(
        hint.contains("'get better' does not say what will be different"),
        "{hint}"
    );

    let s = specific_signals("Get a junior UX research role at a health-tech company in Berlin");
    assert_eq!(s.result.as_deref(), Some("get"));
    assert_eq!(s.object.as_deref(), Some("role"));
    assert!(s.scope.is_some());

    let mut d = smart_goal();
    d.description = "Spend time thinking about what I really want from work".into();
    let (p, g) = plan_with(d, true);
    let hint = check_goal(&p, p.goal(g).unwrap()).specific.hint.unwrap();
    assert!(hint.contains("the result (get, pass, publish"), "{hint}");
    assert!(hint.contains("the thing it is about"), "{hint}");
}

#[test]
fn achievable_asks_for_what_is_missing_and_advises_on_low_confidence() {
    let mut d = smart_goal();
    d.confidence = None;
    let (p, g) = plan_with(d, true);
    let a = check_goal(&p, p.goal(g).unwrap()).achievable;
    assert!(!a.met && a.hint.unwrap().contains("1 to 10"));

    let mut d = smart_goal();
    d.support = "  ".into();
    let (p, g) = plan_with(d, true);
    let a = check_goal(&p, p.goal(g).unwrap()).achievable;
    assert!(!a.met && a.hint.unwrap().contains("name the resources"));

    let mut d = smart_goal();
    d.confidence = Some(3);
    let (p, g) = plan_with(d, true);
    let a = check_goal(&p, p.goal(g).unwrap()).achievable;
    assert!(a.met);
    assert!(a
        .hint
        .unwrap()
        .contains("confidence is 3/10. Consider shrinking"));
}

#[test]
fn relevant_accepts_the_vision_and_flags_values_not_in_the_profile() {
    let mut d = smart_goal();
    d.serves = vec![Serves::Vision];
    let (p, g) = plan_with(d, true);
    assert!(check_goal(&p, p.goal(g).unwrap()).relevant.met);

    let mut d = smart_goal();
    d.serves = vec![Serves::Value("Money".into())];
    let (p, g) = plan_with(d, true);
    let r = check_goal(&p, p.goal(g).unwrap()).relevant;
    assert!(r.met);
    assert!(r.hint.unwrap().contains("'Money' is not among the values"));

    let mut d = smart_goal();
    d.serves = vec![Serves::Value("curiosity ".into())];
    let (p, g) = plan_with(d, true);
    assert!(
        check_goal(&p, p.goal(g).unwrap()).relevant.hint.is_none(),
        "case and spaces ignored"
    );
}

#[test]
fn measurable_ignores_deleted_kpis_and_time_bound_checks_the_order() {
    let (mut p, g) = plan_with(smart_goal(), true);
    let k = p.kpis[0].meta.id;
    p.delete_kpi(k, t(2025, 1, 2, 0, 0), WHO).unwrap();
    assert!(!check_goal(&p, p.goal(g).unwrap()).measurable.met);

    // A stored goal whose dates are out of order (say, edited by an old version) is still explained.
    let mut goal: Goal = p.goal(g).unwrap().clone();
    goal.fields.target_date = Some(goal.fields.start_date);
    let tb = check_goal(&p, &goal).time_bound;
    assert!(
        !tb.met
            && tb
                .hint
                .unwrap()
                .contains("after the start date (2025-01-01)")
    );
}

// ---- progress ---------------------------------------------------------------------------

fn kpi(baseline: f64, target: f64, direction: Direction) -> KpiDraft {
    KpiDraft {
        goal_id: Uuid::nil(),
        name: "k".into(),
        unit: "".into(),
        baseline,
        target,
        direction,
    }
}

#[test]
fn percent_of_target_for_rising_falling_and_flat_kpis() {
    let apps = kpi(0.0, 20.0, Direction::Up);
    assert_eq!(percent_of_target(&apps, 0.0), 0.0);
    assert_eq!(percent_of_target(&apps, 5.0), 25.0);
    assert_eq!(percent_of_target(&apps, 20.0), 100.0);
    assert_eq!(
        percent_of_target(&apps, 30.0),
        100.0,
        "over-achieving is done, not 150 %"
    );
    assert_eq!(percent_of_target(&apps, -3.0), 0.0);

    let marking = kpi(6.0, 2.0, Direction::Down);
    assert_eq!(percent_of_target(&marking, 6.0), 0.0);
    assert_eq!(percent_of_target(&marking, 5.0), 25.0);
    assert_eq!(percent_of_target(&marking, 2.0), 100.0);
    assert_eq!(percent_of_target(&marking, 8.0), 0.0);
    assert_eq!(percent_of_target(&marking, 0.0), 100.0);

    let keep_up = kpi(3.0, 3.0, Direction::Up);
    assert_eq!(percent_of_target(&keep_up, 3.0), 100.0);
    assert_eq!(percent_of_target(&keep_up, 4.0), 100.0);
    assert_eq!(percent_of_target(&keep_up, 2.9), 0.0);
    let keep_down = kpi(40.0, 40.0, Direction::Down);
    assert_eq!(percent_of_target(&keep_down, 38.0), 100.0);
    assert_eq!(percent_of_target(&keep_down, 41.0), 0.0);
}

fn goal_jan_to_may() -> Goal {
    let (p, g) = plan_with(smart_goal(), false);
    p.goal(g).unwrap().clone()
}

#[test]
fn expected_value_follows_the_straight_line() {
    let g = goal_jan_to_may(); // 2025-01-01 .. 2025-05-01: 120 days
    let apps = kpi(0.0, 20.0, Direction::Up);
    assert_eq!(expected_value(&apps, &g, day(2024, 12, 1)), Some(0.0));
    assert_eq!(expected_value(&apps, &g, day(2025, 1, 1)), Some(0.0));
    assert_eq!(expected_value(&apps, &g, day(2025, 3, 2)), Some(10.0)); // day 60 of 120
    assert_eq!(expected_value(&apps, &g, day(2025, 5, 1)), Some(20.0));
    assert_eq!(expected_value(&apps, &g, day(2026, 1, 1)), Some(20.0));
    let marking = kpi(6.0, 2.0, Direction::Down);
    assert_eq!(expected_value(&marking, &g, day(2025, 3, 2)), Some(4.0));
    let mut open = g.clone();
    open.fields.target_date = None;
    assert_eq!(expected_value(&apps, &open, day(2025, 3, 2)), None);
    assert_eq!(pace(&apps, &open, 5.0, day(2025, 3, 2)), None);
}

#[test]
fn pace_verdicts_for_rising_and_falling_kpis() {
    let g = goal_jan_to_may();
    let mid = day(2025, 3, 2); // expected 50 %
    let apps = kpi(0.0, 20.0, Direction::Up);
    assert_eq!(pace(&apps, &g, 10.0, mid), Some(Pace::OnTrack));
    assert_eq!(
        pace(&apps, &g, 9.0, mid),
        Some(Pace::OnTrack),
        "45 % is within the 5-point tolerance"
    );
    assert_eq!(pace(&apps, &g, 8.0, mid), Some(Pace::Behind));
    assert_eq!(pace(&apps, &g, 12.0, mid), Some(Pace::Ahead));

    let marking = kpi(6.0, 2.0, Direction::Down); // expected 4 h at mid
    assert_eq!(pace(&marking, &g, 4.0, mid), Some(Pace::OnTrack));
    assert_eq!(pace(&marking, &g, 5.0, mid), Some(Pace::Behind));
    assert_eq!(pace(&marking, &g, 3.0, mid), Some(Pace::Ahead));

    let keep = kpi(3.0, 3.0, Direction::Up);
    // A "keep it at" KPI has no line to be ahead of: at the target is on track all along.
    assert_eq!(pace(&keep, &g, 3.0, mid), Some(Pace::OnTrack));
    assert_eq!(pace(&keep, &g, 2.0, mid), Some(Pace::Behind));
    assert_eq!(pace(&keep, &g, 3.0, day(2025, 5, 1)), Some(Pace::OnTrack));
    assert_eq!(pace(&keep, &g, 2.0, day(2025, 5, 1)), Some(Pace::Behind));
}

#[test]
fn goal_progress_uses_the_latest_value_and_the_worst_pace() {
    let (mut p, g) = plan_with(smart_goal(), true);
    let k1 = p.kpis[0].meta.id;
    let k2 = p
        .add_kpi(
            KpiDraft {
                goal_id: g,
                name: "Marking".into(),
                unit: "h".into(),
                baseline: 6.0,
                target: 2.0,
                direction: Direction::Down,
            },
            t(2025, 1, 1, 9, 0),
            WHO,
        )
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();
    let now = t(2025, 3, 2, 12, 0);
    // Logged out of order: the latest by measurement time wins.
    p.log_measurement(k1, 12.0, t(2025, 3, 1, 9, 0), now, WHO)
        .unwrap();
    p.log_measurement(k1, 3.0, t(2025, 2, 1, 9, 0), now, WHO)
        .unwrap();
    p.log_measurement(k2, 5.0, t(2025, 3, 1, 9, 0), now, WHO)
        .unwrap();
    let kp = kpi_progress(&p, p.kpi(k1).unwrap(), day(2025, 3, 2));
    assert_eq!(
        (kp.latest, kp.percent, kp.pace),
        (Some(12.0), 60.0, Some(Pace::Ahead))
    );
    assert_eq!(kp.expected, Some(10.0));

    for (i, due) in [day(2025, 2, 1), day(2025, 3, 1), day(2025, 4, 1)]
        .into_iter()
        .enumerate()
    {
        let m = p
            .add_milestone(
                MilestoneDraft {
                    goal_id: g,
                    title: format!("Step {i}"),
                    due,
                    order: i as u32,
                },
                now,
                WHO,
            )
            .unwrap()
            .id_of(DocKind::Milestone)
            .unwrap();
        if i == 0 {
            p.complete_milestone(m, now, WHO).unwrap();
        }
    }
    let gp = goal_progress(&p, p.goal(g).unwrap(), day(2025, 3, 2));
    assert_eq!(gp.pace, Some(Pace::Behind), "the marking KPI is behind");
    assert_eq!((gp.milestones_done, gp.milestones_total), (1, 3));
    assert!((gp.milestone_ratio().unwrap() - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn overdue_actions_and_stale_kpis() {
    let (mut p, g) = plan_with(smart_goal(), true);
    let k = p.kpis[0].meta.id;
    let now = t(2025, 3, 10, 12, 0);
    let add = |p: &mut Plan, title: &str, due: Option<NaiveDate>| {
        let mut a = ActionDraft::new(title, 3, 3);
        a.goal_id = Some(g);
        a.due = due;
        p.add_action(a, t(2025, 1, 1, 9, 0), WHO)
            .unwrap()
            .id_of(DocKind::Action)
            .unwrap()
    };
    let late = add(&mut p, "Late", Some(day(2025, 3, 1)));
    let later = add(&mut p, "Very late", Some(day(2025, 2, 1)));
    let done = add(&mut p, "Done late", Some(day(2025, 2, 1)));
    add(&mut p, "Today", Some(day(2025, 3, 10)));
    add(&mut p, "Whenever", None);
    p.complete_action(done, now, WHO).unwrap();
    let ids: Vec<Uuid> = overdue_actions(&p, day(2025, 3, 10))
        .iter()
        .map(|a| a.meta.id)
        .collect();
    assert_eq!(ids, vec![later, late]);

    assert_eq!(
        stale_kpis(&p, now, 14).len(),
        1,
        "never logged since January"
    );
    p.log_measurement(k, 1.0, t(2025, 3, 1, 9, 0), now, WHO)
        .unwrap();
    assert!(stale_kpis(&p, now, 14).is_empty());
    assert_eq!(stale_kpis(&p, now, 7).len(), 1);
    p.achieve_goal(g, now, WHO).unwrap();
    assert!(
        stale_kpis(&p, now, 7).is_empty(),
        "finished goals are not nagged about"
    );
}

// ---- schedules --------------------------------------------------------------------------

fn weekly(weeks: u8, weekday: Weekday, starts_on: NaiveDate, offset: i32) -> ScheduleDraft {
    ScheduleDraft {
        cadence: Cadence::Weeks { weeks, weekday },
        utc_offset_minutes: offset,
        starts_on,
        time_zone: None,
    }
}

fn monthly(dom: u8, starts_on: NaiveDate) -> ScheduleDraft {
    ScheduleDraft {
        cadence: Cadence::Monthly { day: dom },
        utc_offset_minutes: 0,
        starts_on,
        time_zone: None,
    }
}

#[test]
fn weekly_on_monday() {
    let s = weekly(1, Weekday::Mon, day(2025, 1, 1), 0); // a Wednesday
    assert_eq!(
        next_checkin(&s, t(2024, 12, 1, 9, 0)),
        day(2025, 1, 6),
        "before the start"
    );
    assert_eq!(next_checkin(&s, t(2025, 1, 1, 9, 0)), day(2025, 1, 6));
    assert_eq!(
        next_checkin(&s, t(2025, 1, 6, 9, 0)),
        day(2025, 1, 13),
        "strictly after today"
    );
    assert_eq!(next_checkin(&s, t(2025, 1, 12, 23, 59)), day(2025, 1, 13));
}

#[test]
fn every_two_weeks_counts_from_the_first_occurrence() {
    let s = weekly(2, Weekday::Thu, day(2025, 1, 2), 0); // a Thursday: first check-in that day
    assert_eq!(s.first_on_or_after(day(2025, 1, 1)), day(2025, 1, 2));
    assert_eq!(next_checkin(&s, t(2025, 1, 2, 9, 0)), day(2025, 1, 16));
    assert_eq!(
        next_checkin(&s, t(2025, 1, 9, 9, 0)),
        day(2025, 1, 16),
        "the off week is skipped"
    );
    assert_eq!(next_checkin(&s, t(2025, 1, 16, 9, 0)), day(2025, 1, 30));
    assert_eq!(
        s.last_on_or_before(day(2025, 1, 29)),
        Some(day(2025, 1, 16))
    );
    assert_eq!(s.last_on_or_before(day(2025, 1, 1)), None);
}

#[test]
fn monthly_on_the_31st_clamps_to_month_ends_and_leap_years() {
    let s = monthly(31, day(2025, 1, 1));
    assert_eq!(next_checkin(&s, t(2025, 1, 15, 9, 0)), day(2025, 1, 31));
    assert_eq!(next_checkin(&s, t(2025, 1, 31, 9, 0)), day(2025, 2, 28));
    assert_eq!(next_checkin(&s, t(2025, 2, 28, 9, 0)), day(2025, 3, 31));
    assert_eq!(next_checkin(&s, t(2025, 4, 1, 9, 0)), day(2025, 4, 30));
    assert_eq!(
        next_checkin(&s, t(2028, 2, 1, 9, 0)),
        day(2028, 2, 29),
        "leap year"
    );
    assert_eq!(
        next_checkin(&s, t(2100, 2, 1, 9, 0)),
        day(2100, 2, 28),
        "2100 is not a leap year"
    );
    assert_eq!(
        next_checkin(&s, t(2000, 2, 1, 9, 0)),
        day(2025, 1, 31),
        "nothing before the start"
    );
    assert_eq!(
        s.last_on_or_before(day(2025, 3, 30)),
        Some(day(2025, 2, 28))
    );

    let s30 = monthly(30, day(2024, 1, 1));
    assert_eq!(next_checkin(&s30, t(2024, 2, 10, 9, 0)), day(2024, 2, 29));
    assert_eq!(next_checkin(&s30, t(2024, 2, 29, 9, 0)), day(2024, 3, 30));
    let s15 = monthly(15, day(2025, 12, 20));
    assert_eq!(
        next_checkin(&s15, t(2025, 12, 20, 9, 0)),
        day(2026, 1, 15),
        "across a year end"
    );
}

#[test]
fn utc_offsets_decide_which_day_it_is() {
    // 23:30 UTC on Sunday 5 January is already Monday in Berlin (+60) and still Sunday in New York.
    let now = t(2025, 1, 5, 23, 30);
    assert_eq!(local_date(now, 60), day(2025, 1, 6));
    assert_eq!(local_date(now, -300), day(2025, 1, 5));
    let berlin = weekly(1, Weekday::Mon, day(2025, 1, 1), 60);
    let new_york = weekly(1, Weekday::Mon, day(2025, 1, 1), -300);
    assert_eq!(
        next_checkin(&berlin, now),
        day(2025, 1, 13),
        "Monday has begun in Berlin"
    );
    assert_eq!(next_checkin(&new_york, now), day(2025, 1, 6));
    // 10:30 UTC Monday is already Tuesday in Auckland (+13:00).
    let auckland = weekly(1, Weekday::Mon, day(2025, 1, 1), 13 * 60);
    assert_eq!(local_date(t(2025, 1, 6, 11, 30), 13 * 60), day(2025, 1, 7));
    assert_eq!(
        next_checkin(&auckland, t(2025, 1, 6, 11, 30)),
        day(2025, 1, 13)
    );
}

fn checkins(plan: &mut Plan, dates: &[NaiveDate]) -> Vec<CheckIn> {
    for d in dates {
        let at = Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).unwrap());
        plan.record_checkin(
            CheckInDraft {
                date: *d,
                entries: vec![],
                confidence: 6,
                mood: 3,
            },
            at,
            WHO,
        )
        .unwrap();
    }
    plan.checkins.clone()
}

#[test]
fn checkin_due_and_streaks() {
    let s = weekly(1, Weekday::Mon, day(2025, 1, 6), 0);
    let mut p = Plan::new("P", PlanKind::ClientPlan, t(2025, 1, 1, 9, 0), WHO).unwrap();
    let none = checkin_status(&s, &[], t(2025, 1, 5, 9, 0));
    assert_eq!(
        (none.due, none.streak, none.current_period_start),
        (false, 0, None),
        "before the first check-in day"
    );
    let first_day = checkin_status(&s, &[], t(2025, 1, 6, 9, 0));
    assert!(first_day.due);

    // Weeks of 6, 13 (checked in on Tuesday), 20 Jan: three in a row.
    let list = checkins(
        &mut p,
        &[day(2025, 1, 6), day(2025, 1, 14), day(2025, 1, 20)],
    );
    let st = checkin_status(&s, &list, t(2025, 1, 22, 9, 0));
    assert_eq!((st.due, st.streak, st.next), (false, 3, day(2025, 1, 27)));

    // On 27 Jan a new period opens: due, but the streak is not broken yet.
    let st = checkin_status(&s, &list, t(2025, 1, 27, 9, 0));
    assert_eq!((st.due, st.streak), (true, 3));
    // A week later the missed period breaks it.
    let st = checkin_status(&s, &list, t(2025, 2, 3, 9, 0));
    assert_eq!((st.due, st.streak), (true, 0));
    // Checking in on 4 Feb starts again at one.
    let list = checkins(&mut p, &[day(2025, 2, 4)]);
    let st = checkin_status(&s, &list, t(2025, 2, 5, 9, 0));
    assert_eq!((st.due, st.streak), (false, 1));
    // Deleted check-ins do not count.
    let id = list
        .iter()
        .find(|c| c.date == day(2025, 2, 4))
        .unwrap()
        .meta
        .id;
    p.delete_checkin(id, t(2025, 2, 5, 10, 0), WHO).unwrap();
    assert!(checkin_status(&s, &p.checkins, t(2025, 2, 5, 11, 0)).due);
}

#[test]
fn monthly_streak_across_february() {
    let s = monthly(31, day(2025, 1, 1));
    let mut p = Plan::new("P", PlanKind::ClientPlan, t(2025, 1, 1, 9, 0), WHO).unwrap();
    let list = checkins(
        &mut p,
        &[day(2025, 1, 31), day(2025, 3, 2), day(2025, 3, 31)],
    );
    let st = checkin_status(&s, &list, t(2025, 4, 10, 9, 0));
    // Periods: 31 Jan–27 Feb, 28 Feb–30 Mar (2 March counts), 31 Mar–29 Apr.
    assert_eq!(
        (st.current_period_start, st.streak, st.due),
        (Some(day(2025, 3, 31)), 3, false)
    );
    assert_eq!(st.next, day(2025, 4, 30));
}

// ---- ranking ------------------------------------------------------------------------------

#[test]
fn high_impact_low_effort_first_then_due_date_then_title() {
    let mut p = Plan::new("P", PlanKind::ClientPlan, t(2025, 1, 1, 9, 0), WHO).unwrap();
    let add = |p: &mut Plan, title: &str, impact, effort, due: Option<NaiveDate>| {
        let mut a = ActionDraft::new(title, impact, effort);
        a.due = due;
        p.add_action(a, t(2025, 1, 1, 9, 0), WHO).unwrap();
    };
    add(&mut p, "Rewrite CV", 5, 5, None); // 5
    add(&mut p, "Ask Sam for a referral", 5, 1, None); // 9
    add(&mut p, "tidy LinkedIn", 2, 1, Some(day(2025, 1, 20))); // 3
    add(&mut p, "Book coffee chat", 2, 1, Some(day(2025, 1, 10))); // 3, due sooner
    add(&mut p, "Alphabetical first", 2, 1, None); // 3, no date: last of the 3s
    add(&mut p, "Update portfolio", 4, 3, None); // 5, title after "Rewrite"? no: 'U' > 'R'
    add(&mut p, "Read a book", 1, 5, None); // -3
    let titles: Vec<&str> = ranked_open_actions(&p)
        .iter()
        .map(|a| a.fields.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Ask Sam for a referral",
            "Rewrite CV",
            "Update portfolio",
            "Book coffee chat",
            "tidy LinkedIn",
            "Alphabetical first",
            "Read a book"
        ]
    );
    let cv = p
        .actions
        .iter()
        .find(|a| a.fields.title == "Rewrite CV")
        .unwrap();
    assert_eq!(action_score(cv), 5);
}

// ---- journal ------------------------------------------------------------------------------

fn journal() -> Plan {
    let mut p = Plan::new("P", PlanKind::ClientPlan, t(2025, 1, 1, 9, 0), WHO).unwrap();
    for (i, (text, tags)) in [
        ("Felt NERVOUS before the interview", vec!["Interviews"]),
        (
            "Coffee with Sam: great advice on portfolios",
            vec!["networking"],
        ),
        ("مقابلة عمل ناجحة 🎉", vec!["wins"]),
        ("Quiet week, marking all weekend", vec![]),
    ]
    .into_iter()
    .enumerate()
    {
        p.add_reflection(
            ReflectionDraft {
                text: text.into(),
                tags: tags.into_iter().map(String::from).collect(),
                ..Default::default()
            },
            t(2025, 1, 5, 9, 0) + Duration::days(3 * i as i64),
            WHO,
        )
        .unwrap();
    }
    p
}

#[test]
fn search_ignores_case_covers_tags_and_returns_newest_first() {
    let p = journal();
    let idx = JournalIndex::build(&p.reflections);
    let text_of = |ids: Vec<Uuid>| {
        ids.into_iter()
            .map(|id| p.reflection(id).unwrap().fields.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        text_of(idx.search("nervous")),
        ["Felt NERVOUS before the interview"]
    );
    assert_eq!(
        idx.search("INTERVIEW").len(),
        1,
        "text and tag of the same entry count once"
    );
    assert_eq!(
        text_of(idx.search("NETWORK")),
        ["Coffee with Sam: great advice on portfolios"]
    );
    assert_eq!(idx.search("🎉").len(), 1);
    assert_eq!(idx.search("مقابلة").len(), 1);
    assert_eq!(idx.search("").len(), 4);
    let all = text_of(idx.search("e"));
    assert_eq!(all[0], "Quiet week, marking all weekend", "newest first");
    assert!(idx.search("zebra").is_empty());
}

#[test]
fn the_index_follows_adds_edits_and_deletes() {
    let mut p = journal();
    let mut idx = JournalIndex::build(&p.reflections);
    let id = p
        .add_reflection(
            ReflectionDraft {
                text: "Offer received!".into(),
                ..Default::default()
            },
            t(2025, 3, 1, 9, 0),
            WHO,
        )
        .unwrap()
        .id_of(DocKind::Reflection)
        .unwrap();
    idx.upsert(p.reflection(id).unwrap());
    assert_eq!(idx.search("")[0], id);
    p.update_reflection(
        id,
        ReflectionDraft {
            text: "Offer accepted!".into(),
            ..Default::default()
        },
        t(2025, 3, 2, 9, 0),
        WHO,
    )
    .unwrap();
    idx.upsert(p.reflection(id).unwrap());
    assert!(idx.search("received").is_empty());
    assert_eq!(idx.search("accepted"), [id]);
    p.delete_reflection(id, t(2025, 3, 3, 9, 0), WHO).unwrap();
    idx.upsert(p.reflections.iter().find(|r| r.meta.id == id).unwrap());
    assert!(idx.search("accepted").is_empty());
    assert_eq!(idx.len(), 4);
}

#[test]
fn search_over_ten_thousand_entries() {
    let p = seeded_plan(1, 0, 0, 10_000, 7).unwrap();
    let idx = JournalIndex::build(&p.reflections);
    assert_eq!(idx.len(), 10_000);
    let hits = idx.search("Felt PROUD");
    let expected = p
        .reflections
        .iter()
        .filter(|r| r.fields.text.to_lowercase().contains("felt proud"))
        .count();
    assert_eq!(hits.len(), expected);
    assert!(expected > 500);
    let times: Vec<_> = hits
        .iter()
        .map(|id| p.reflection(*id).unwrap().meta.created_at)
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn reflections_grouped_by_iso_week_in_local_time() {
    let p = journal(); // 5, 8, 11, 14 January 2025, 09:00 UTC
    let groups = group_by_week(&p.reflections, |_| 0);
    let weeks: Vec<(i32, u32, NaiveDate, usize)> = groups
        .iter()
        .map(|g| (g.iso_year, g.iso_week, g.monday, g.reflections.len()))
        .collect();
    // 5 Jan is a Sunday (ISO week 1 of 2025 starts Monday 30 Dec 2024).
    assert_eq!(
        weeks,
        [
            (2025, 3, day(2025, 1, 13), 1),
            (2025, 2, day(2025, 1, 6), 2),
            (2025, 1, day(2024, 12, 30), 1)
        ]
    );
    // Late on Sunday in UTC is Monday in Auckland: the entry moves to the next week.
    let mut q = Plan::new("Q", PlanKind::ClientPlan, t(2025, 1, 1, 9, 0), WHO).unwrap();
    q.add_reflection(
        ReflectionDraft {
            text: "late".into(),
            ..Default::default()
        },
        t(2025, 1, 5, 20, 0),
        WHO,
    )
    .unwrap();
    assert_eq!(group_by_week(&q.reflections, |_| 0)[0].iso_week, 1);
    assert_eq!(group_by_week(&q.reflections, |_| 13 * 60)[0].iso_week, 2);
}

#[test]
fn a_backup_older_than_two_weeks_or_none_at_all_earns_a_nudge() {
    use waymark::core::backup::{days_ago, BackupAge, StorageSafety::*};
    let now = t(2026, 11, 25, 12, 0);
    assert_eq!(BackupAge::of(None, now), BackupAge::Never);
    assert!(BackupAge::of(None, now).needs_nudge(CanPersist));
    let fresh = BackupAge::of(Some(t(2026, 11, 11, 13, 0)), now);
    assert_eq!(fresh, BackupAge::Recent { days: 13 });
    assert!(!fresh.needs_nudge(CanPersist));
    let old = BackupAge::of(Some(t(2026, 11, 10, 11, 0)), now);
    assert_eq!(old, BackupAge::Old { days: 15 });
    assert!(old.needs_nudge(CanPersist));
    // Where the browser cannot be asked to keep the data (WebKit), a week is enough.
    assert!(BackupAge::of(None, now).needs_nudge(CannotPersist));
    assert!(!BackupAge::of(Some(t(2026, 11, 19, 12, 0)), now).needs_nudge(CannotPersist));
    assert!(BackupAge::of(Some(t(2026, 11, 18, 12, 0)), now).needs_nudge(CannotPersist));
    assert!(old.needs_nudge(CannotPersist));
    // A tab on an iPhone or iPad: Safari deletes unvisited sites' data after seven days.
    assert!(!BackupAge::of(Some(t(2026, 11, 19, 12, 0)), now).needs_nudge(ClearedWhenUnvisited));
    assert!(BackupAge::of(Some(t(2026, 11, 18, 12, 0)), now).needs_nudge(ClearedWhenUnvisited));
    // A backup stamped in the future (clock changed) is not "old".
    assert_eq!(
        BackupAge::of(Some(t(2026, 12, 1, 0, 0)), now),
        BackupAge::Recent { days: 0 }
    );
    assert_eq!(days_ago(0), "today");
    assert_eq!(days_ago(1), "yesterday");
    assert_eq!(days_ago(15), "15 days ago");
}

// ---- dates a person can mistype ---------------------------------------------------------

#[test]
fn a_kpi_value_dated_in_the_future_is_refused_with_the_day() {
    let (mut p, g) = plan_with(smart_goal(), true);
    let k = p.kpis_of(g).next().unwrap().meta.id;
    let now = t(2025, 2, 1, 9, 0);
    let err = p
        .log_measurement(k, 3.0, t(2025, 2, 3, 12, 0), now, WHO)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "3 Feb 2025 is in the future. Log a value on the day it was measured: today or earlier."
    );
    assert!(p.measurements.is_empty(), "nothing changed");
    p.log_measurement(k, 3.0, now, now, WHO).unwrap();
    p.log_measurement(k, 2.0, t(2025, 1, 20, 12, 0), now, WHO)
        .unwrap();
}

#[test]
fn a_milestone_before_its_goal_starts_is_refused_with_both_dates() {
    let (mut p, g) = plan_with(smart_goal(), true);
    let now = t(2025, 1, 2, 9, 0);
    let draft = |due| MilestoneDraft {
        goal_id: g,
        title: "Portfolio online".into(),
        due,
        order: 0,
    };
    let err = p
        .add_milestone(draft(day(2024, 12, 20)), now, WHO)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "The milestone's date, 20 Dec 2024, is before the goal starts (1 Jan 2025). Choose 1 Jan 2025 or later, or change the goal's start date."
    );
    assert!(p.milestones.is_empty());
    let id = p
        .add_milestone(draft(day(2025, 1, 1)), now, WHO)
        .unwrap()
        .id_of(DocKind::Milestone)
        .unwrap();
    assert!(p
        .update_milestone(id, draft(day(2024, 11, 1)), now, WHO)
        .is_err());
}

// ---- words on screens -------------------------------------------------------------------

#[test]
fn one_of_a_unit_reads_in_the_singular() {
    use waymark::core::kpi::unit_for;
    for (v, unit, reads) in [
        (1.0, "courses", "course"),
        (2.0, "courses", "courses"),
        (1.0, "applications", "application"),
        (1.0, "activities", "activity"),
        (1.0, "classes", "class"),
        (1.0, "hours a week", "hour a week"),
        (1.0, "case studies", "case study"),
        (1.0, "applications sent", "application sent"),
        (1.0, "%", "%"),
        (1.0, "kg", "kg"),
        (1.0, "status", "status"),
        (1.0, "", ""),
    ] {
        assert_eq!(unit_for(v, unit), reads, "{v} {unit}");
    }
}

#[test]
fn an_excerpt_ends_on_a_whole_word_with_an_ellipsis() {
    use waymark::core::journal::excerpt;
    let text = "Today I finally understood why the interview went badly and what to change";
    let e = excerpt(text, 40);
    assert_eq!(e, "Today I finally understood why the…");
    assert!(text.starts_with(e.trim_end_matches('…')));
    assert_eq!(excerpt("Short and whole", 40), "Short and whole");
    assert_eq!(excerpt("First line\nSecond line", 40), "First line …");
    assert_eq!(
        excerpt("Supercalifragilisticexpialidocious", 10),
        "Supercalif…"
    );
}

#[test]
fn a_change_in_the_history_names_its_field_once_and_dates_read_as_words() {
    use waymark::core::history::readable_change;
    let c = readable_change(
        "Applications sent: 0 → 20 applications",
        "Applications sent: 0 → 30 applications",
    );
    assert_eq!(c.field.as_deref(), Some("Applications sent"));
    assert_eq!(c.before, "0 → 20 applications");
    assert_eq!(c.after, "0 → 30 applications");
    let c = readable_change("Target date: 2027-09-30", "Target date: 2027-12-01");
    assert_eq!(c.field.as_deref(), Some("Target date"));
    assert_eq!(
        (c.before.as_str(), c.after.as_str()),
        ("30 Sep 2027", "1 Dec 2027")
    );
    let c = readable_change("Title: A\nWhy: B", "Title: C\nWhy: D");
    assert_eq!(c.field, None, "several fields keep their own names");
    assert_eq!(
        readable_change("12345-67-890 2027-13-01", "x").before,
        "12345-67-890 2027-13-01"
    );
}

#[test]
fn the_action_grid_says_where_high_begins() {
    use waymark::core::ranking::{quadrant_rule, HIGH_RATING};
    assert!(quadrant_rule().contains(&format!("{HIGH_RATING} or more counts as high")));
}
