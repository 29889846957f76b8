#![cfg(not(target_arch = "wasm32"))]
//! The Clients screen's rows and the session's calls behind it (issue #11): each plan's
//! standing from its kept facts, the order and filters a coach uses, and "Send the latest
//! version", archive, restore and delete on plans that are not open.

use std::collections::HashMap;

use waymark::core::ids::PlanId;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use futures::executor::block_on;
use uuid::Uuid;
use waymark::core::activity::ReportWindow;
use waymark::core::checkin::CheckInDraft;
use waymark::core::goal::GoalDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::practice::{CheckInDue, PlanFacts};
use waymark::core::sample::sample_plan;
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::{Author, DocKind, Plan, PlanKind};
use waymark::session::clients::{client_rows, template_rows, Order, RowFilter};
use waymark::session::{PlanSummary, Session, ShownCells};
use waymark::store::memory::MemoryStore;
use waymark::store::preferences::Preferences;
use waymark::store::Store;

/// Monday 2 March 2026, 09:00 UTC.
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day(n: i64) -> DateTime<Utc> {
    t0() + Duration::days(n)
}

fn date(n: i64) -> NaiveDate {
    day(n).date_naive()
}

/// A client plan checked in weekly on Mondays from t0, with one goal (a KPI going up from 0 to
/// 10 over 100 days).
fn weekly_plan(client: &str) -> Plan {
    let by = Author::Coach;
    let mut p = Plan::new("Career change", PlanKind::ClientPlan, t0(), by).unwrap();
    p.set_client(client, t0(), by).unwrap();
    p.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: 0,
            starts_on: date(0),
            time_zone: None,
        },
        t0(),
        by,
    )
    .unwrap();
    let mut goal = GoalDraft::titled("Publish case studies", date(0));
    goal.target_date = Some(date(100));
    let g = p.add_goal(goal, t0(), by).unwrap();
    let goal_id = g.id_of(DocKind::Goal).unwrap();
    p.add_kpi(
        KpiDraft {
            goal_id,
            name: "Case studies".into(),
            unit: String::new(),
            baseline: 0.0,
            target: 10.0,
            direction: Direction::Up,
        },
        t0(),
        by,
    )
    .unwrap();
    p
}

fn check_in(p: &mut Plan, n: i64) {
    p.record_checkin(
        CheckInDraft {
            date: date(n),
            entries: Vec::new(),
            confidence: 7,
            mood: 4,
        },
        day(n),
        Author::Client,
    )
    .unwrap();
}

fn log(p: &mut Plan, value: f64, n: i64) {
    let kpi = p.kpis[0].meta.id;
    p.log_measurement(kpi, value, day(n), day(n), Author::Client)
        .unwrap();
}

fn summary(p: &Plan) -> PlanSummary {
    PlanSummary {
        id: PlanId(p.id()),
        title: p.title.clone(),
        kind: p.kind,
        archived: p.archived,
        client: p.client.clone(),
        from_template: p.from_template.map(PlanId),
    }
}

#[test]
fn standing_says_whether_a_check_in_is_due_late_or_next_and_counts_the_streak() {
    let mut p = weekly_plan("Maya");
    check_in(&mut p, 0);
    check_in(&mut p, 7);
    let facts = PlanFacts::of(&p);
    // Wednesday of week 2: checked in this week; two weeks in a row.
    let s = facts.standing(day(9));
    assert_eq!(s.checkin, CheckInDue::NotDue { next: date(14) });
    assert_eq!(s.streak, 2);
    assert!(!s.overdue());
    // Monday of week 3: due today, not late.
    let s = facts.standing(day(14));
    assert_eq!(
        s.checkin,
        CheckInDue::Due {
            since: date(14),
            days_late: 0
        }
    );
    assert!(!s.overdue());
    // Thursday of week 3 without a check-in: three days late.
    let s = facts.standing(day(17));
    assert_eq!(
        s.checkin,
        CheckInDue::Due {
            since: date(14),
            days_late: 3
        }
    );
    assert!(s.overdue());
}

#[test]
fn standing_counts_goals_behind_pace_and_kpis_moving() {
    let mut p = weekly_plan("Ravi");
    // On day 50 the line expects 5 of 10.
    log(&mut p, 1.0, 10);
    log(&mut p, 2.0, 40);
    let s = PlanFacts::of(&p).standing(day(50));
    assert_eq!((s.goals_on_pace, s.goals_behind), (0, 1));
    assert_eq!((s.kpis_moving, s.kpis), (1, 1), "2 is nearer 10 than 1 was");
    log(&mut p, 6.0, 49);
    let s = PlanFacts::of(&p).standing(day(50));
    assert_eq!((s.goals_on_pace, s.goals_behind), (1, 0));
    // A value that falls back is not moving.
    log(&mut p, 5.5, 50);
    let s = PlanFacts::of(&p).standing(day(50));
    assert_eq!(s.kpis_moving, 0);
    // No schedule: no check-in due, no streak.
    let plain = Plan::new("Plain", PlanKind::ClientPlan, t0(), Author::Coach).unwrap();
    let s = PlanFacts::of(&plain).standing(day(50));
    assert_eq!(s.checkin, CheckInDue::NoSchedule);
    assert_eq!((s.streak, s.kpis), (0, 0));
}

#[test]
fn rows_order_late_check_ins_first_then_unread_reports_then_names_and_filter() {
    let mut maya = weekly_plan("Maya");
    check_in(&mut maya, 14);
    let ravi = weekly_plan("Ravi"); // never checked in: late since day 0
    let mut ines = weekly_plan("Ines");
    check_in(&mut ines, 7); // late since day 14
    let mut bo = weekly_plan("Bo");
    check_in(&mut bo, 1); // late since day 7: after Ravi, before Ines
    let mut ada = weekly_plan("Ada");
    check_in(&mut ada, 14);
    let mut old = weekly_plan("Old client");
    old.set_archived(true, t0(), Author::Coach).unwrap();
    let template = Plan::new("Template", PlanKind::Template, t0(), Author::Coach).unwrap();
    let plans: Vec<Plan> = vec![maya, ravi, ines, ada, old, template, bo];
    let summaries: Vec<PlanSummary> = plans.iter().map(summary).collect();
    let facts: HashMap<PlanId, PlanFacts> = plans
        .iter()
        .map(|p| (PlanId(p.id()), PlanFacts::of(p)))
        .collect();
    let reports = vec![
        ReportWindow {
            plan_id: plans[0].id(),
            latest: day(15),
            previous: None,
            seen: false,
        },
        ReportWindow {
            plan_id: plans[1].id(),
            latest: day(3),
            previous: None,
            seen: false,
        },
    ];
    let names = |filter: &RowFilter| -> Vec<String> {
        client_rows(&summaries, &facts, &reports, filter, day(16))
            .iter()
            .map(|r| r.name().to_owned())
            .collect()
    };
    assert_eq!(
        names(&RowFilter::default()),
        ["Ravi", "Bo", "Ines", "Maya", "Ada"],
        "late longest first, then the unread report, then by name"
    );
    assert_eq!(
        names(&RowFilter {
            order: Order::ByName,
            ..RowFilter::default()
        }),
        ["Ada", "Bo", "Ines", "Maya", "Ravi"]
    );
    assert_eq!(
        names(&RowFilter {
            archived: true,
            ..RowFilter::default()
        }),
        ["Old client"]
    );
    assert_eq!(
        names(&RowFilter {
            query: " ma ".into(),
            ..RowFilter::default()
        }),
        ["Maya"]
    );
    let rows = client_rows(&summaries, &facts, &reports, &RowFilter::default(), day(16));
    let maya = rows.iter().find(|r| r.name() == "Maya").unwrap();
    assert!(maya.news);
    assert_eq!(maya.last_report, Some(day(15)));
    let seen = vec![ReportWindow {
        seen: true,
        ..reports[0].clone()
    }];
    let rows = client_rows(&summaries, &facts, &seen, &RowFilter::default(), day(16));
    assert!(!rows.iter().any(|r| r.news), "looked at: no marker");
    assert_eq!(
        rows.iter().map(|r| r.name()).collect::<Vec<_>>(),
        ["Ravi", "Bo", "Ines", "Ada", "Maya"],
        "with every report looked at: late longest first, then by name"
    );
    // Without facts yet a row still lists the plan.
    let rows = client_rows(
        &summaries,
        &HashMap::new(),
        &[],
        &RowFilter::default(),
        day(16),
    );
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.standing.is_none()));
}

fn coach() -> Session<MemoryStore, ShownCells> {
    let prefs = Preferences::in_memory();
    prefs.set_role(Author::Coach);
    Session::new(MemoryStore::new(), ShownCells::default(), prefs).with_clock(|| day(20))
}

#[test]
fn send_the_latest_version_updates_every_plan_made_from_the_template_on_the_coachs_device() {
    block_on(async {
        let tab = coach();
        let sample = sample_plan(t0()).unwrap();
        let mut template = sample
            .copy_structure(
                "Career change (template)",
                PlanKind::Template,
                t0(),
                Author::Coach,
            )
            .unwrap();
        tab.add_plan(template.clone()).await.unwrap();
        let mut ids = Vec::new();
        for (i, name) in ["Maya", "Ravi"].into_iter().enumerate() {
            let mut p = template
                .start_client_plan(
                    Uuid::new_v4(),
                    template.title_for_client_plan(),
                    Some(name),
                    date(i as i64),
                    day(1),
                    Author::Coach,
                )
                .unwrap();
            check_in(&mut p, 3);
            ids.push(p.id());
            tab.add_plan(p).await.unwrap();
        }
        let other = sample_plan(t0()).unwrap();
        tab.add_plan(other.clone()).await.unwrap();
        assert_eq!(
            template_rows(&tab.shown().plans.borrow())[0].client_plans,
            2,
            "two client plans made from the template"
        );

        // The coach adds a milestone to the template and sends the latest version.
        let goal = template.live_goals()[0].meta.id;
        let due = template.day_one().unwrap() + Duration::days(20);
        tab.open_plan(PlanId(template.id())).await.unwrap();
        let draft = MilestoneDraft {
            goal_id: goal,
            title: "Two informational interviews".into(),
            due,
            order: 9,
        };
        tab.apply(move |p, now, by| p.add_milestone(draft, now, by))
            .await
            .unwrap();
        template = tab
            .stored_plan(PlanId(template.id()))
            .await
            .unwrap()
            .unwrap();
        let sent = tab
            .update_from_template(PlanId(template.id()))
            .await
            .unwrap();
        assert_eq!(
            sent.len(),
            2,
            "a file for each client plan, none for the others"
        );
        for id in &ids {
            let stored = tab.stored_plan(PlanId(*id)).await.unwrap().unwrap();
            assert!(stored
                .milestones
                .iter()
                .any(|m| m.fields.title == "Two informational interviews"));
            assert_eq!(stored.checkins.len(), 1, "the client's check-in stays");
            assert!(sent
                .iter()
                .any(|p| p.id() == *id && p.milestones == stored.milestones));
        }
        let untouched = tab.stored_plan(PlanId(other.id())).await.unwrap().unwrap();
        assert_eq!(untouched.milestones.len(), other.milestones.len());
        // Sending again changes nothing.
        let before: Vec<_> = tab.store().load_plan(ids[0]).await.unwrap();
        tab.update_from_template(PlanId(template.id()))
            .await
            .unwrap();
        assert_eq!(tab.store().load_plan(ids[0]).await.unwrap(), before);
        // The template stays the plan open.
        assert_eq!(
            tab.shown().plan.borrow().as_ref().map(|p| p.id()),
            Some(template.id())
        );
    });
}

#[test]
fn archive_restore_and_delete_a_plan_that_is_not_open() {
    block_on(async {
        let tab = coach();
        let maya = weekly_plan("Maya");
        let ravi = weekly_plan("Ravi");
        tab.add_plan(maya.clone()).await.unwrap();
        tab.add_plan(ravi.clone()).await.unwrap();
        // The facts of both are kept: the screen reads no plan to list them.
        let facts = tab.plan_facts().await;
        assert_eq!(facts.len(), 2);
        assert_eq!(
            facts[&PlanId(maya.id())].client_name.as_deref(),
            Some("Maya")
        );

        tab.apply_to(PlanId(maya.id()), |p, now, by| {
            p.set_archived(true, now, by)
        })
        .await
        .unwrap();
        let listed = |id: Uuid| {
            tab.shown()
                .plans
                .borrow()
                .iter()
                .find(|p| p.id == PlanId(id))
                .cloned()
        };
        assert!(listed(maya.id()).unwrap().archived);
        assert_eq!(
            tab.shown().plan.borrow().as_ref().map(|p| p.id()),
            Some(ravi.id()),
            "the open plan stays open"
        );
        tab.apply_to(PlanId(maya.id()), |p, now, by| {
            p.set_archived(false, now, by)
        })
        .await
        .unwrap();
        assert!(!listed(maya.id()).unwrap().archived);

        tab.delete_plan(PlanId(maya.id())).await.unwrap();
        assert!(listed(maya.id()).is_none());
        assert!(tab.store().load_plan(maya.id()).await.unwrap().is_empty());
        // Deleting the open plan opens the one left.
        tab.delete_plan(PlanId(ravi.id())).await.unwrap();
        assert!(tab.shown().plans.borrow().is_empty());
        assert!(tab.shown().plan.borrow().is_none());
    });
}
