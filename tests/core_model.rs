#![cfg(not(target_arch = "wasm32"))]
//! The plan's verbs, their validation, and the plan <-> documents round trip.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use waymark::core::action::{ActionDraft, IfThen};
use waymark::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use waymark::core::goal::{GoalChange, GoalDraft, GoalStatus, Priority, Serves};
use waymark::core::history::{goal_history, history, ChangeKind};
use waymark::core::ids::{profile_id, schedule_id};
use waymark::core::journal::ReflectionDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::period::period_facts;
use waymark::core::profile::ProfileDraft;
use waymark::core::review::ReviewDraft;
use waymark::core::sample::{sample_plan, seeded_plan};
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::{Author, CoreError, DocKind, Document, Plan, PlanKind, Touched};

fn t(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const COACH: Author = Author::Coach;
const CLIENT: Author = Author::Client;

fn goal_draft() -> GoalDraft {
    GoalDraft {
        title: "Land a junior UX research role".into(),
        why: "It is the door to my vision".into(),
        description: "Get an offer for a junior UX researcher role in health tech".into(),
        confidence: Some(6),
        support: "Referrals from the meetup".into(),
        serves: vec![Serves::Vision],
        start_date: day(2025, 1, 6),
        target_date: Some(day(2025, 6, 30)),
        priority: Priority::High,
    }
}

fn plan_with_goal() -> (Plan, uuid::Uuid) {
    let mut p = Plan::new("Maya", PlanKind::ClientPlan, t(2025, 1, 6), COACH).unwrap();
    let g = p.add_goal(goal_draft(), t(2025, 1, 6), COACH).unwrap();
    (p, g.id_of(DocKind::Goal).unwrap())
}

fn kpi(goal_id: uuid::Uuid) -> KpiDraft {
    KpiDraft {
        goal_id,
        name: "Applications sent".into(),
        unit: "applications".into(),
        baseline: 0.0,
        target: 20.0,
        direction: Direction::Up,
    }
}

#[test]
fn add_goal_reports_what_it_touched_and_keeps_the_author() {
    let (p, g) = plan_with_goal();
    let goal = p.goal(g).unwrap();
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.meta.updated_by, COACH);
    assert_eq!(goal.meta.created_at, t(2025, 1, 6));
}

#[test]
fn messages_are_written_for_the_user() {
    let (mut p, _) = plan_with_goal();
    let mut d = goal_draft();
    d.confidence = Some(11);
    let e = p.add_goal(d, t(2025, 1, 7), CLIENT).unwrap_err();
    assert_eq!(e.to_string(), "Confidence must be between 1 and 10.");

    let mut d = goal_draft();
    d.title = "   ".into();
    assert_eq!(
        p.add_goal(d, t(2025, 1, 7), CLIENT)
            .unwrap_err()
            .to_string(),
        "The goal's title can't be empty."
    );

    let mut d = goal_draft();
    d.target_date = Some(d.start_date);
    assert_eq!(
        p.add_goal(d, t(2025, 1, 7), CLIENT)
            .unwrap_err()
            .to_string(),
        "The target date must come after the start date."
    );
}

#[test]
fn text_limits_numbers_and_dates_are_enforced() {
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 1, 7);
    let mut d = goal_draft();
    d.title = "x".repeat(201);
    assert!(matches!(
        p.add_goal(d, now, CLIENT),
        Err(CoreError::TooLong { max: 200, .. })
    ));
    let mut d = goal_draft();
    d.title = "é".repeat(200); // characters, not bytes
    assert!(p.add_goal(d, now, CLIENT).is_ok());
    let mut d = goal_draft();
    d.description = "a".repeat(20_001);
    assert!(matches!(
        p.add_goal(d, now, CLIENT),
        Err(CoreError::TooLong { max: 20_000, .. })
    ));
    let mut d = goal_draft();
    d.start_date = day(1899, 12, 31);
    assert!(matches!(
        p.add_goal(d, now, CLIENT),
        Err(CoreError::DateOutOfRange { .. })
    ));
    let mut d = goal_draft();
    d.target_date = Some(day(2201, 1, 1));
    assert!(matches!(
        p.add_goal(d, now, CLIENT),
        Err(CoreError::DateOutOfRange { .. })
    ));

    let mut k = kpi(g);
    k.target = f64::NAN;
    assert_eq!(
        p.add_kpi(k, now, COACH).unwrap_err().to_string(),
        "The target must be a number."
    );
    let mut k = kpi(g);
    k.target = 2e12;
    assert!(matches!(
        p.add_kpi(k, now, COACH),
        Err(CoreError::NumberTooLarge { .. })
    ));
    let mut k = kpi(g);
    k.target = -5.0;
    assert_eq!(
        p.add_kpi(k, now, COACH).unwrap_err().to_string(),
        "For a KPI that should go up, the target must be at or above the baseline."
    );
    let kid = p
        .add_kpi(kpi(g), now, COACH)
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();
    assert!(matches!(
        p.log_measurement(kid, f64::INFINITY, now, now, CLIENT),
        Err(CoreError::NotANumber { .. })
    ));
    assert!(matches!(
        p.add_action(ActionDraft::new("Call Sam", 6, 1), now, CLIENT),
        Err(CoreError::OutOfRange {
            field: "Impact",
            min: 1,
            max: 5
        })
    ));
    assert!(matches!(
        p.add_action(ActionDraft::new("Call Sam", 3, 0), now, CLIENT),
        Err(CoreError::OutOfRange {
            field: "Effort",
            ..
        })
    ));
}

#[test]
fn emoji_and_rtl_text_are_kept_exactly() {
    let mut p = Plan::new("خطة مايا 🚀", PlanKind::ClientPlan, t(2025, 1, 1), CLIENT).unwrap();
    let text = "  مرحبا بالعالم 👋🏽 — first interview! ‏\u{200f} ";
    let r = p
        .add_reflection(
            ReflectionDraft {
                text: text.into(),
                tags: vec!["🎉".into()],
                ..Default::default()
            },
            t(2025, 1, 2),
            CLIENT,
        )
        .unwrap()
        .id_of(DocKind::Reflection)
        .unwrap();
    assert_eq!(p.reflection(r).unwrap().fields.text, text);
    let back = Plan::from_documents(p.id(), &p.to_documents()).unwrap();
    assert_eq!(back.reflection(r).unwrap().fields.text, text);
    assert_eq!(back.title, "خطة مايا 🚀");
}

#[test]
fn a_refused_change_leaves_the_plan_as_it_was() {
    let (mut p, g) = plan_with_goal();
    let before = p.clone();
    let mut d = goal_draft();
    d.confidence = Some(0);
    assert!(p.update_goal(g, d, t(2025, 2, 1), CLIENT).is_err());
    assert!(p
        .adapt_goal(
            g,
            GoalChange::TargetDate(Some(day(2024, 1, 1))),
            "moved",
            t(2025, 2, 1),
            CLIENT
        )
        .is_err());
    assert_eq!(p, before);
}

#[test]
fn adapting_a_goal_needs_a_reason_and_is_recorded() {
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 3, 1);
    let e = p
        .adapt_goal(
            g,
            GoalChange::TargetDate(Some(day(2025, 9, 30))),
            "  ",
            now,
            COACH,
        )
        .unwrap_err();
    assert_eq!(e, CoreError::ReasonRequired);
    assert!(p.adaptations.is_empty());

    let touched = p
        .adapt_goal(
            g,
            GoalChange::TargetDate(Some(day(2025, 9, 30))),
            "Hiring freeze over summer",
            now,
            COACH,
        )
        .unwrap();
    assert_eq!(touched.id_of(DocKind::Goal), Some(g));
    let aid = touched.id_of(DocKind::Adaptation).unwrap();
    assert_eq!(
        p.goal(g).unwrap().fields.target_date,
        Some(day(2025, 9, 30))
    );
    let a = &history(&p.adaptations)[0];
    assert_eq!(a.meta.id, aid);
    assert_eq!(a.change, ChangeKind::TargetChanged);
    assert_eq!(a.before, "Target date: 30 Jun 2025");
    assert_eq!(a.after, "Target date: 30 Sep 2025");
    assert_eq!(a.reason, "Hiring freeze over summer");

    // No-op changes record nothing.
    let t2 = p
        .adapt_goal(
            g,
            GoalChange::TargetDate(Some(day(2025, 9, 30))),
            "again",
            now,
            COACH,
        )
        .unwrap();
    assert!(t2.is_empty());
    assert_eq!(p.adaptations.len(), 1);
}

#[test]
fn adapting_strategy_kpi_target_status_and_edits() {
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 3, 1);
    let kid = p
        .add_kpi(kpi(g), now, COACH)
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();

    let tk = p
        .adapt_goal(
            g,
            GoalChange::KpiTarget {
                kpi_id: kid,
                target: 30.0,
            },
            "Going well",
            now,
            COACH,
        )
        .unwrap();
    assert_eq!(tk.id_of(DocKind::Kpi), Some(kid));
    assert_eq!(tk.id_of(DocKind::Goal), None);
    assert_eq!(p.kpi(kid).unwrap().fields.target, 30.0);
    assert_eq!(
        history(&p.adaptations)[0].after,
        "Applications sent: 0 → 30 applications"
    );

    p.adapt_goal(
        g,
        GoalChange::Strategy {
            description: "Apply through referrals only, two a week".into(),
            support: "Meetup".into(),
        },
        "Cold applications got no replies",
        now + Duration::minutes(1),
        CLIENT,
    )
    .unwrap();
    assert_eq!(
        history(&p.adaptations)[0].change,
        ChangeKind::StrategyChanged
    );

    p.adapt_goal(
        g,
        GoalChange::Status(GoalStatus::Paused),
        "Exam season",
        now + Duration::minutes(2),
        CLIENT,
    )
    .unwrap();
    assert_eq!(p.goal(g).unwrap().status, GoalStatus::Paused);
    assert_eq!(history(&p.adaptations)[0].change, ChangeKind::StatusChanged);

    let mut d = p.goal(g).unwrap().fields.clone();
    d.title = "Land a UX research role".into();
    p.adapt_goal(
        g,
        GoalChange::Edit(d),
        "Junior felt limiting",
        now + Duration::minutes(3),
        COACH,
    )
    .unwrap();
    let a = &history(&p.adaptations)[0];
    assert_eq!(a.change, ChangeKind::Edited);
    assert_eq!(a.before, "Title: Land a junior UX research role");
    assert_eq!(a.after, "Title: Land a UX research role");

    p.drop_goal(
        g,
        "Decided to stay in education",
        now + Duration::minutes(4),
        CLIENT,
    )
    .unwrap();
    assert_eq!(p.goal(g).unwrap().status, GoalStatus::Dropped);
    assert_eq!(goal_history(&p.adaptations, g).len(), 5);
    assert_eq!(
        goal_history(&p.adaptations, g)[0].change,
        ChangeKind::GoalDropped
    );
    assert!(matches!(
        p.drop_goal(g, "", now, CLIENT),
        Err(CoreError::ReasonRequired)
    ));

    let tp = p
        .adapt_plan(
            ChangeKind::GoalAdded,
            "",
            "New goal: teach part-time",
            "Money",
            now,
            COACH,
        )
        .unwrap();
    assert_eq!(
        p.adaptations
            .iter()
            .find(|a| Some(a.meta.id) == tp.id_of(DocKind::Adaptation))
            .unwrap()
            .goal_id,
        None
    );
}

#[test]
fn milestones_and_actions_complete_once_and_reopen() {
    let (mut p, g) = plan_with_goal();
    let m = p
        .add_milestone(
            MilestoneDraft {
                goal_id: g,
                title: "CV rewritten".into(),
                due: day(2025, 2, 1),
                order: 1,
            },
            t(2025, 1, 7),
            COACH,
        )
        .unwrap()
        .id_of(DocKind::Milestone)
        .unwrap();
    assert_eq!(
        p.complete_milestone(m, t(2025, 1, 20), CLIENT).unwrap(),
        Touched::one(DocKind::Milestone, m)
    );
    assert!(p
        .complete_milestone(m, t(2025, 1, 21), CLIENT)
        .unwrap()
        .is_empty());
    assert_eq!(p.milestone(m).unwrap().done_at, Some(t(2025, 1, 20)));
    p.reopen_milestone(m, t(2025, 1, 22), CLIENT).unwrap();
    assert!(!p.milestone(m).unwrap().is_done());

    let mut a = ActionDraft::new("Send two applications", 4, 2);
    a.goal_id = Some(g);
    a.if_then = Some(IfThen {
        when: "it is Sunday 8pm".into(),
        then: "send two applications".into(),
    });
    let aid = p
        .add_action(a, t(2025, 1, 7), CLIENT)
        .unwrap()
        .id_of(DocKind::Action)
        .unwrap();
    p.complete_action(aid, t(2025, 1, 12), CLIENT).unwrap();
    assert!(!p.action(aid).unwrap().is_open());
    p.reopen_action(aid, t(2025, 1, 13), CLIENT).unwrap();
    assert!(p.action(aid).unwrap().is_open());

    let missing = uuid::Uuid::new_v4();
    assert_eq!(
        p.complete_action(missing, t(2025, 1, 13), CLIENT)
            .unwrap_err()
            .to_string(),
        "That action no longer exists (it may have been deleted)."
    );
    let mut orphan = ActionDraft::new("x", 1, 1);
    orphan.goal_id = Some(missing);
    assert!(matches!(
        p.add_action(orphan, t(2025, 1, 13), CLIENT),
        Err(CoreError::NotFound { kind: "goal", .. })
    ));
}

#[test]
fn deleting_tombstones_and_cascades_from_goals() {
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 1, 8);
    let k = p
        .add_kpi(kpi(g), now, COACH)
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();
    let m = p
        .add_milestone(
            MilestoneDraft {
                goal_id: g,
                title: "CV".into(),
                due: day(2025, 2, 1),
                order: 0,
            },
            now,
            COACH,
        )
        .unwrap()
        .id_of(DocKind::Milestone)
        .unwrap();
    let mut a = ActionDraft::new("Apply", 3, 3);
    a.goal_id = Some(g);
    let a = p
        .add_action(a, now, COACH)
        .unwrap()
        .id_of(DocKind::Action)
        .unwrap();
    let meas = p
        .log_measurement(k, 3.0, now, now, CLIENT)
        .unwrap()
        .id_of(DocKind::Measurement)
        .unwrap();

    let t = p.delete_goal(g, now + Duration::hours(1), CLIENT).unwrap();
    for (kind, id) in [
        (DocKind::Goal, g),
        (DocKind::Kpi, k),
        (DocKind::Milestone, m),
        (DocKind::Action, a),
    ] {
        assert!(t.records.contains(&(kind, id)), "{kind:?} not touched");
    }
    assert!(
        p.goal(g).is_none()
            && p.kpi(k).is_none()
            && p.milestone(m).is_none()
            && p.action(a).is_none()
    );
    assert_eq!(p.goals.len(), 1, "kept as a tombstone");
    assert!(p.goals[0].meta.deleted);
    assert_eq!(p.goals[0].meta.updated_by, CLIENT);
    assert!(
        !p.measurements
            .iter()
            .find(|x| x.meta.id == meas)
            .unwrap()
            .meta
            .deleted
    );
    assert!(p.delete_goal(g, now, CLIENT).is_err());
}

#[test]
fn checkins_log_measurements_and_validate_ratings() {
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 1, 13);
    let k = p
        .add_kpi(kpi(g), now, COACH)
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();
    let draft = |confidence, mood| CheckInDraft {
        date: day(2025, 1, 13),
        entries: vec![GoalEntryDraft {
            goal_id: g,
            progress_note: "Sent 4 applications".into(),
            kpi_values: vec![KpiValue {
                kpi_id: k,
                value: 4.0,
            }],
            blockers: "No replies yet".into(),
            next_steps: "Ask for referrals".into(),
        }],
        confidence,
        mood,
    };
    assert_eq!(
        p.record_checkin(draft(0, 3), now, CLIENT)
            .unwrap_err()
            .to_string(),
        "Confidence must be between 1 and 10."
    );
    assert_eq!(
        p.record_checkin(draft(5, 6), now, CLIENT)
            .unwrap_err()
            .to_string(),
        "Mood must be between 1 and 5."
    );
    let touched = p.record_checkin(draft(7, 4), now, CLIENT).unwrap();
    let mid = touched.id_of(DocKind::Measurement).unwrap();
    let c = &p.checkins[0];
    assert_eq!(touched.id_of(DocKind::CheckIn), Some(c.meta.id));
    assert_eq!(c.entries[0].measurement_ids, vec![mid]);
    assert_eq!(p.measurements_of(k)[0].value, 4.0);
}

#[test]
fn templates_refuse_client_data_and_archived_plans_are_frozen() {
    let mut tpl = Plan::new(
        "Career change starter",
        PlanKind::Template,
        t(2025, 1, 1),
        COACH,
    )
    .unwrap();
    let g = tpl
        .add_goal(goal_draft(), t(2025, 1, 1), COACH)
        .unwrap()
        .id_of(DocKind::Goal)
        .unwrap();
    tpl.add_kpi(kpi(g), t(2025, 1, 1), COACH).unwrap();
    let e = tpl
        .add_reflection(
            ReflectionDraft {
                text: "hi".into(),
                ..Default::default()
            },
            t(2025, 1, 1),
            COACH,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Templates keep no client data: journal entries can only be added to a client plan."
    );
    assert!(tpl
        .set_profile(ProfileDraft::default(), t(2025, 1, 1), COACH)
        .is_err());

    let (mut p, g) = plan_with_goal();
    p.set_archived(true, t(2025, 2, 1), COACH).unwrap();
    assert_eq!(
        p.achieve_goal(g, t(2025, 2, 2), COACH).unwrap_err(),
        CoreError::Archived
    );
    p.set_archived(false, t(2025, 2, 3), COACH).unwrap();
    p.achieve_goal(g, t(2025, 2, 4), COACH).unwrap();
    assert_eq!(p.goal(g).unwrap().status, GoalStatus::Achieved);
}

#[test]
fn profile_and_schedule_use_ids_derived_from_the_plan() {
    let (mut p, _) = plan_with_goal();
    let tp = p
        .set_profile(
            ProfileDraft {
                current_role: "Teacher".into(),
                ..Default::default()
            },
            t(2025, 1, 7),
            CLIENT,
        )
        .unwrap();
    assert_eq!(tp, Touched::one(DocKind::Profile, profile_id(p.id())));
    let ts = p
        .set_schedule(
            ScheduleDraft {
                cadence: Cadence::Monthly { day: 31 },
                utc_offset_minutes: 60,
                starts_on: day(2025, 1, 1),
                time_zone: None,
            },
            t(2025, 1, 7),
            CLIENT,
        )
        .unwrap();
    assert_eq!(ts, Touched::one(DocKind::Schedule, schedule_id(p.id())));
    assert_ne!(profile_id(p.id()), schedule_id(p.id()));
    assert_ne!(profile_id(p.id()), p.id());
    assert_eq!(profile_id(p.id()), profile_id(p.id()));
    assert_eq!(
        p.set_schedule(
            ScheduleDraft {
                cadence: Cadence::Monthly { day: 32 },
                utc_offset_minutes: 0,
                starts_on: day(2025, 1, 1),
                time_zone: None,
            },
            t(2025, 1, 7),
            CLIENT
        )
        .unwrap_err()
        .to_string(),
        "The day of the month must be between 1 and 31."
    );
    assert_eq!(
        p.set_schedule(
            ScheduleDraft {
                cadence: Cadence::Monthly { day: 1 },
                utc_offset_minutes: 15 * 60,
                starts_on: day(2025, 1, 1),
                time_zone: None,
            },
            t(2025, 1, 7),
            CLIENT
        )
        .unwrap_err(),
        CoreError::BadUtcOffset
    );
    p.clear_schedule(t(2025, 1, 8), CLIENT).unwrap();
    assert!(p.live_schedule().is_none());
}

#[test]
fn sample_plan_round_trips_through_documents() {
    let now = t(2025, 5, 20);
    let p = sample_plan(now).unwrap();
    assert_eq!(p.live_goals().len(), 3);
    assert!(p.adaptations.len() == 1 && p.checkins.len() == 3 && p.reflections.len() == 4);
    let docs = p.to_documents();
    assert_eq!(docs[0].kind, DocKind::Plan);
    assert_eq!(docs[0].id, p.id());
    assert!(docs.iter().all(|d| d.plan_id == p.id() && d.rev == 0));
    let back = Plan::from_documents(p.id(), &docs).unwrap();
    assert_eq!(back, p);

    // Order of documents does not matter.
    let mut shuffled = docs.clone();
    shuffled.reverse();
    assert_eq!(Plan::from_documents(p.id(), &shuffled).unwrap(), p);
}

#[test]
fn revisions_flow_from_load_through_save() {
    let (mut p, g) = plan_with_goal();
    let touched = p.achieve_goal(g, t(2025, 2, 1), CLIENT).unwrap();
    let docs = p.documents_for(&touched);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        (docs[0].id, docs[0].rev, docs[0].kind),
        (g, 0, DocKind::Goal)
    );
    p.mark_saved(&docs);
    assert_eq!(p.rev_of(g), 1);

    let mut stored: Vec<Document> = p.to_documents();
    for d in &mut stored {
        d.rev = 7;
    }
    let mut loaded = Plan::from_documents(p.id(), &stored).unwrap();
    let t2 = loaded.rename("Maya (2025)", t(2025, 2, 2), COACH).unwrap();
    let out = loaded.documents_for(&t2);
    assert_eq!((out[0].kind, out[0].rev), (DocKind::Plan, 7));
    loaded.mark_saved_revs(&[(loaded.id(), 8)]);
    assert_eq!(loaded.rev_of(loaded.id()), 8);
}

#[test]
fn from_documents_names_the_broken_record() {
    let (p, g) = plan_with_goal();
    let mut docs = p.to_documents();
    let i = docs.iter().position(|d| d.id == g).unwrap();
    docs[i].body = "{\"meta\": 1}".into();
    let e = Plan::from_documents(p.id(), &docs).unwrap_err();
    assert!(
        matches!(e, CoreError::CorruptRecord { kind: DocKind::Goal, id, .. } if id == g),
        "{e}"
    );
    assert!(e.to_string().contains(&g.to_string()));

    // A body that parses but breaks a rule is refused too.
    let mut docs = p.to_documents();
    docs[i].body = docs[i]
        .body
        .replace("\"confidence\":6", "\"confidence\":60");
    let e = Plan::from_documents(p.id(), &docs).unwrap_err();
    assert!(
        e.to_string()
            .contains("Confidence must be between 1 and 10."),
        "{e}"
    );

    let docs: Vec<Document> = p
        .to_documents()
        .into_iter()
        .filter(|d| d.kind != DocKind::Plan)
        .collect();
    assert_eq!(
        Plan::from_documents(p.id(), &docs).unwrap_err(),
        CoreError::MissingPlanHeader
    );

    let mut docs = p.to_documents();
    docs[i].plan_id = uuid::Uuid::new_v4();
    assert!(Plan::from_documents(p.id(), &docs).is_err());

    let mut docs = p.to_documents();
    docs[i].kind = DocKind::Reflection;
    assert!(matches!(
        Plan::from_documents(p.id(), &docs),
        Err(CoreError::CorruptRecord {
            kind: DocKind::Reflection,
            ..
        })
    ));
}

#[test]
fn seeded_plans_are_deterministic_and_sized() {
    let a = seeded_plan(20, 200, 500, 300, 42).unwrap();
    let b = seeded_plan(20, 200, 500, 300, 42).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.to_documents(), b.to_documents());
    assert_eq!(
        (
            a.goals.len(),
            a.actions.len(),
            a.measurements.len(),
            a.reflections.len()
        ),
        (20, 200, 500, 300)
    );
    assert_ne!(a, seeded_plan(20, 200, 500, 300, 43).unwrap());
    let empty = seeded_plan(0, 3, 10, 0, 1).unwrap();
    assert_eq!((empty.actions.len(), empty.measurements.len()), (3, 0));
}

#[test]
fn period_facts_count_what_happened() {
    let now = t(2025, 5, 20);
    let p = sample_plan(now).unwrap();
    let today = now.date_naive();
    let f = period_facts(&p, today - Duration::days(30), today, |_| 60);
    assert_eq!(f.checkins, 3);
    assert_eq!(f.adaptations, 1);
    assert!(f.average_confidence.unwrap() > 5.0);

    let mut p = p;
    let e = p
        .add_review(
            ReviewDraft {
                from: day(2025, 5, 1),
                to: day(2025, 4, 1),
                went_well: "".into(),
                to_change: "".into(),
            },
            now,
            COACH,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "The end of the period must come after the start of the period."
    );
}

#[test]
fn seventeen_digit_numbers_survive_storage_exactly() {
    // serde_json reads such numbers exactly only with its `float_roundtrip` feature, which we enable.
    let (mut p, g) = plan_with_goal();
    let now = t(2025, 2, 1);
    let mut k = kpi(g);
    k.baseline = -1e12;
    k.target = 1e12;
    let kid = p
        .add_kpi(k, now, COACH)
        .unwrap()
        .id_of(DocKind::Kpi)
        .unwrap();
    p.log_measurement(kid, -40589541081.772804, now, now, CLIENT)
        .unwrap();
    p.log_measurement(kid, 0.1 + 0.2, now, now, CLIENT).unwrap();
    let back = Plan::from_documents(p.id(), &p.to_documents()).unwrap();
    assert_eq!(back, p);
    assert!(
        back.measurements_of(kid)
            .iter()
            .any(|m| m.value == 0.1 + 0.2),
        "ordinary 17-digit values are untouched"
    );
}

/// Typed ids are written as the bare UUID, so files and stored documents do not change.
#[test]
fn typed_ids_are_written_as_the_bare_uuid() {
    use waymark::core::ids::{GoalId, PlanId};
    let id = uuid::Uuid::from_u128(42);
    assert_eq!(
        serde_json::to_string(&PlanId(id)).unwrap(),
        serde_json::to_string(&id).unwrap()
    );
    let back: GoalId = serde_json::from_str(&serde_json::to_string(&id).unwrap()).unwrap();
    assert_eq!(back, GoalId(id));
    assert_eq!(id.to_string().parse::<GoalId>().unwrap().uuid(), id);
    assert!("not-an-id".parse::<GoalId>().is_err());
}
