#![cfg(not(target_arch = "wasm32"))]
//! The field-by-field merge on hand-made cases: edits of different fields of one record by
//! coach and client both survive; the same field goes to the later edit (a tie to the same
//! side whatever the order); fields tied by a rule come from one side; records without field
//! clocks merge whole as before; the verbs stamp exactly the fields they change; field clocks
//! survive storage and plan files, and a file's clocks are checked.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use waymark::core::goal::{GoalChange, GoalDraft};
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::profile::ProfileDraft;
use waymark::core::{Author, Plan, PlanKind};
use waymark::exchange::export::plan_file;
use waymark::exchange::{merge, parse_plan_file};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
}

fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const COACH: Author = Author::Coach;
const CLIENT: Author = Author::Client;

/// A plan with one goal (start 1 March, target 1 September) and one KPI (5 → 5, up): the
/// same plan (same ids) on every call, as coach and client both start from it.
fn base() -> Plan {
    static BASE: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    BASE.get_or_init(make_base).clone()
}

fn make_base() -> Plan {
    let mut p = Plan::new("Career change", PlanKind::ClientPlan, t0(), COACH).unwrap();
    let mut g = GoalDraft::titled("Land a UX role", day(2025, 3, 1));
    g.why = "I want to design things people use".into();
    g.target_date = Some(day(2025, 9, 1));
    p.add_goal(g, t0(), COACH).unwrap();
    let goal_id = p.goals[0].meta.id;
    p.add_kpi(
        KpiDraft {
            goal_id,
            name: "Interviews".into(),
            unit: "per month".into(),
            baseline: 5.0,
            target: 5.0,
            direction: Direction::Up,
        },
        t0(),
        COACH,
    )
    .unwrap();
    p.set_profile(
        ProfileDraft {
            name: Some("Sam".into()),
            current_role: "Teacher".into(),
            vision: "Designing learning tools".into(),
            values: vec!["Curiosity".into()],
            strengths: vec!["Listening".into()],
        },
        t0(),
        CLIENT,
    )
    .unwrap();
    p
}

fn goal_draft(p: &Plan) -> GoalDraft {
    p.goals[0].fields.clone()
}

fn m(a: &Plan, b: &Plan) -> Plan {
    merge(a, b).unwrap().plan
}

/// Every record keeps the core's rules: the plan loads from storage and reads back from a file.
fn assert_valid(p: &Plan) {
    Plan::from_documents(p.id(), &p.to_documents()).expect("loads from storage");
    parse_plan_file(&plan_file(p, at(100), COACH).to_json()).expect("reads back from a file");
}

#[test]
fn coach_moves_the_target_date_while_the_client_rewrites_why_and_both_survive() {
    let mut coach = base();
    let mut client = base();
    let goal = coach.goals[0].meta.id;

    let mut d = goal_draft(&coach);
    d.target_date = Some(day(2025, 12, 1));
    coach.update_goal(goal, d, at(10), COACH).unwrap();
    let mut d = goal_draft(&client);
    d.why = "I light up when I sketch interfaces".into();
    client.update_goal(goal, d, at(5), CLIENT).unwrap();

    for merged in [m(&coach, &client), m(&client, &coach)] {
        let g = &merged.goals[0];
        assert_eq!(g.fields.target_date, Some(day(2025, 12, 1)));
        assert_eq!(g.fields.why, "I light up when I sketch interfaces");
        assert_eq!(g.meta.updated_at, at(10));
        assert_eq!(g.meta.updated_by, COACH, "the author of the latest change");
        assert_eq!(g.meta.field_time("why"), at(5));
        assert_eq!(g.meta.field_time("target_date"), at(10));
        assert_eq!(g.meta.field_time("title"), t0());
        assert_valid(&merged);
    }
    assert_eq!(m(&coach, &client), m(&client, &coach));

    // The preview on the coach's device: the goal changes (it gains the client's why); on the
    // client's device it changes too (it gains the coach's date).
    let on_coach = merge(&coach, &client).unwrap();
    assert_eq!(on_coach.summary.changed(), 1, "{:?}", on_coach.summary);
    assert_eq!(on_coach.summary.changed_titles, ["Goal: Land a UX role"]);
    let on_client = merge(&client, &coach).unwrap();
    assert_eq!(on_client.summary.changed(), 1, "{:?}", on_client.summary);

    // Merging the result again with either side changes nothing.
    let both = on_coach.plan;
    assert!(merge(&both, &client).unwrap().summary.is_noop());
    assert!(merge(&both, &coach).unwrap().summary.is_noop());
    // And a side that has nothing newer is "kept".
    let kept = merge(&both, &base()).unwrap().summary;
    assert!(kept.is_noop());
    assert_eq!(kept.kept(), 1, "{kept:?}");
    assert_eq!(kept.kept_titles, ["Goal: Land a UX role"]);
}

#[test]
fn the_same_field_goes_to_the_later_edit_and_a_tie_to_the_same_side_either_way() {
    let goal = base().goals[0].meta.id;
    let edit = |why: &str, when: DateTime<Utc>, by: Author| {
        let mut p = base();
        let mut d = goal_draft(&p);
        d.why = why.into();
        p.update_goal(goal, d, when, by).unwrap();
        p
    };
    let early = edit("Early words", at(3), COACH);
    let late = edit("Late words", at(4), CLIENT);
    assert_eq!(m(&early, &late).goals[0].fields.why, "Late words");
    assert_eq!(m(&late, &early).goals[0].fields.why, "Late words");

    let a = edit("Words of the coach", at(7), COACH);
    let b = edit("Words of the client", at(7), CLIENT);
    let ab = m(&a, &b);
    assert_eq!(ab, m(&b, &a));
    assert!(
        ["Words of the coach", "Words of the client"].contains(&ab.goals[0].fields.why.as_str())
    );
    assert_eq!(
        ab.goals[0].meta.updated_by, COACH,
        "a tie in time: the coach"
    );
}

#[test]
fn kpi_baseline_and_target_from_one_side_and_direction_from_the_other_give_a_valid_kpi() {
    let mut a = base();
    let mut b = base();
    let kpi = a.kpis[0].meta.id;
    // One side raises baseline and target (still up) ...
    let mut d = a.kpis[0].fields.clone();
    d.baseline = 0.0;
    d.target = 10.0;
    a.update_kpi(kpi, d, at(5), COACH).unwrap();
    // ... the other turns the direction around (5 → 5 is valid both ways).
    let mut d = b.kpis[0].fields.clone();
    d.direction = Direction::Down;
    d.name = "Interviews (fewer, better)".into();
    b.update_kpi(kpi, d, at(8), CLIENT).unwrap();
    assert_eq!(
        b.kpis[0].meta.field_times.len(),
        2,
        "direction and name only"
    );

    // Field by field this would be 0 → 10 "down", which is invalid. The three merge as one
    // group, so the later side's numbers and direction come together.
    for merged in [m(&a, &b), m(&b, &a)] {
        let k = &merged.kpis[0].fields;
        assert_eq!(
            (k.baseline, k.target, k.direction),
            (5.0, 5.0, Direction::Down)
        );
        assert_eq!(k.name, "Interviews (fewer, better)");
        assert_eq!(merged.kpis[0].meta.field_time("baseline"), at(5));
        assert_valid(&merged);
    }
    assert_eq!(m(&a, &b), m(&b, &a));

    // The group's time is its latest field: a later change of the baseline alone wins the
    // whole group back.
    let mut c = base();
    let mut d = c.kpis[0].fields.clone();
    d.baseline = 1.0;
    c.update_kpi(kpi, d, at(9), COACH).unwrap();
    let k = m(&m(&a, &b), &c).kpis[0].fields.clone();
    assert_eq!(
        (k.baseline, k.target, k.direction),
        (1.0, 5.0, Direction::Up)
    );
}

#[test]
fn goal_start_and_target_dates_merge_together() {
    let mut a = base();
    let mut b = base();
    let goal = a.goals[0].meta.id;
    let mut d = goal_draft(&a);
    d.start_date = day(2025, 8, 1);
    a.update_goal(goal, d, at(2), CLIENT).unwrap();
    let mut d = goal_draft(&b);
    d.target_date = Some(day(2025, 6, 1));
    b.update_goal(goal, d, at(3), COACH).unwrap();
    // Field by field: start 1 August, target 1 June. As a group: the coach's later dates.
    let merged = m(&a, &b);
    assert_eq!(merged.goals[0].fields.start_date, day(2025, 3, 1));
    assert_eq!(merged.goals[0].fields.target_date, Some(day(2025, 6, 1)));
    assert_valid(&merged);
}

#[test]
fn a_record_without_field_clocks_merges_whole_by_its_update_time_as_before() {
    // Edited the old way: the record says when it changed, not which field.
    let mut a = base();
    let mut b = base();
    a.goals[0].fields.title = "Old-style title".into();
    a.goals[0].fields.why = "Old-style why".into();
    a.goals[0].meta.touch(at(5), COACH);
    b.goals[0].fields.why = "Later old-style why".into();
    b.goals[0].meta.touch(at(6), CLIENT);
    assert!(a.goals[0].meta.field_times.is_empty() && b.goals[0].meta.field_times.is_empty());

    for merged in [m(&a, &b), m(&b, &a)] {
        assert_eq!(merged.goals[0], b.goals[0], "the later record, whole");
    }
    let s = merge(&a, &b).unwrap().summary;
    assert_eq!((s.changed(), s.kept()), (1, 0));
    let s = merge(&b, &a).unwrap().summary;
    assert_eq!((s.changed(), s.kept()), (0, 1));

    // A legacy edit against a newer field edit: the field edit wins its field only; the legacy
    // record's other fields count as changed at its update time.
    let mut c = base();
    let mut d = goal_draft(&c);
    d.title = "Newest title".into();
    c.update_goal(c.goals[0].meta.id, d, at(9), CLIENT).unwrap();
    let merged = m(&a, &c);
    assert_eq!(merged.goals[0].fields.title, "Newest title");
    assert_eq!(merged.goals[0].fields.why, "Old-style why");
    assert_eq!(merged, m(&c, &a));
}

#[test]
fn the_first_field_edit_of_a_legacy_record_keeps_the_other_fields_at_its_old_update_time() {
    let mut p = base();
    let goal = p.goals[0].meta.id;
    p.goals[0].fields.title = "Old-style title".into();
    p.goals[0].meta.touch(at(5), COACH);
    let mut d = goal_draft(&p);
    d.why = "New why".into();
    p.update_goal(goal, d, at(8), CLIENT).unwrap();
    let meta = &p.goals[0].meta;
    assert_eq!(meta.field_time("why"), at(8));
    assert_eq!(meta.field_time("title"), at(5));
    assert_eq!(meta.field_time("target_date"), at(5));
}

#[test]
fn a_tombstone_still_wins_over_a_later_field_edit() {
    let mut a = base();
    let mut b = base();
    let goal = a.goals[0].meta.id;
    a.delete_goal(goal, at(1), COACH).unwrap();
    let mut d = goal_draft(&b);
    d.why = "Edited after".into();
    b.update_goal(goal, d, at(9), CLIENT).unwrap();
    for merged in [m(&a, &b), m(&b, &a)] {
        assert!(merged.goals[0].meta.deleted);
        assert_eq!(merged.goals[0], a.goals[0]);
    }
}

#[test]
fn each_verb_stamps_exactly_the_fields_it_changes() {
    let mut p = base();
    let goal = p.goals[0].meta.id;
    let kpi = p.kpis[0].meta.id;
    let names = |m: &waymark::core::Meta| m.field_times.keys().cloned().collect::<Vec<_>>();

    let mut d = goal_draft(&p);
    d.why = "Because".into();
    d.priority = waymark::core::goal::Priority::High;
    p.update_goal(goal, d, at(1), CLIENT).unwrap();
    assert_eq!(names(&p.goals[0].meta), ["priority", "why"]);
    assert_eq!(p.goals[0].meta.field_times["why"], at(1));

    // Saving the same fields again is no change: the meta stays as it was.
    let before = p.goals[0].clone();
    p.update_goal(goal, goal_draft(&p), at(2), COACH).unwrap();
    assert_eq!(p.goals[0], before);

    p.achieve_goal(goal, at(2), COACH).unwrap();
    assert_eq!(names(&p.goals[0].meta), ["priority", "status", "why"]);

    p.adapt_goal(
        goal,
        GoalChange::KpiTarget {
            kpi_id: kpi,
            target: 12.0,
        },
        "More ambitious",
        at(3),
        COACH,
    )
    .unwrap();
    assert_eq!(names(&p.kpis[0].meta), ["target"]);
    p.adapt_goal(
        goal,
        GoalChange::TargetDate(Some(day(2025, 10, 1))),
        "More time",
        at(4),
        COACH,
    )
    .unwrap();
    assert_eq!(p.goals[0].meta.field_times["target_date"], at(4));

    p.add_action(
        waymark::core::action::ActionDraft::new("Send a portfolio", 4, 2),
        at(5),
        CLIENT,
    )
    .unwrap();
    let action = p.actions[0].meta.id;
    p.complete_action(action, at(6), CLIENT).unwrap();
    assert_eq!(names(&p.actions[0].meta), ["done_at"]);
    assert_eq!(p.actions[0].meta.field_times["done_at"], at(6));

    p.rename("Career change 2025", at(7), COACH).unwrap();
    assert_eq!(names(&p.meta), ["title"]);
    p.set_archived(true, at(8), COACH).unwrap();
    assert_eq!(names(&p.meta), ["archived", "title"]);
    p.set_archived(false, at(9), COACH).unwrap();

    let mut d = p.live_profile().cloned().unwrap();
    d.vision = "Leading a design team".into();
    p.set_profile(d, at(10), CLIENT).unwrap();
    assert_eq!(names(&p.profile.as_ref().unwrap().meta), ["vision"]);

    // A change of every field leaves no map: every field changed at `updated_at`.
    let mut d = p.kpis[0].fields.clone();
    d.name = "Calls".into();
    d.unit = "per week".into();
    d.baseline = 1.0;
    d.target = 2.0;
    d.goal_id = goal;
    p.update_kpi(kpi, d, at(11), COACH).unwrap();
    assert_eq!(
        names(&p.kpis[0].meta),
        ["baseline", "name", "target", "unit"]
    );
}

#[test]
fn field_clocks_survive_storage_and_plan_files() {
    let mut p = base();
    let goal = p.goals[0].meta.id;
    let mut d = goal_draft(&p);
    d.why = "Because".into();
    p.update_goal(goal, d, at(1), CLIENT).unwrap();
    assert!(!p.goals[0].meta.field_times.is_empty());

    let stored = Plan::from_documents(p.id(), &p.to_documents()).unwrap();
    assert_eq!(stored, p);
    assert_eq!(
        stored.goals[0].meta.field_times,
        p.goals[0].meta.field_times
    );
    let doc = p.to_documents().into_iter().find(|d| d.id == goal).unwrap();
    assert!(
        doc.body.contains("\"field_times\":{\"why\":"),
        "{}",
        doc.body
    );

    let file = plan_file(&p, at(2), CLIENT);
    let read = parse_plan_file(&file.to_json()).unwrap();
    assert_eq!(read.plan, p);
}

/// A plan file as JSON, with `edit` applied to its first goal's meta.
fn file_with_goal_meta(
    edit: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
) -> Vec<u8> {
    let p = base();
    let mut v: serde_json::Value =
        serde_json::from_slice(&plan_file(&p, at(1), COACH).to_json()).unwrap();
    let meta = v["goals"][0]["meta"].as_object_mut().unwrap();
    edit(meta);
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn a_files_field_clocks_are_checked() {
    let ok = file_with_goal_meta(|m| {
        m.insert(
            "field_times".into(),
            serde_json::json!({"why": "2025-03-01T10:00:00Z"}),
        );
    });
    let read = parse_plan_file(&ok).unwrap();
    assert_eq!(read.plan.goals[0].meta.field_time("why"), at(60));

    let cases = [
        (
            serde_json::json!({"nope": "2025-03-01T10:00:00Z"}),
            "goals[0].meta.field_times.nope",
        ),
        (
            serde_json::json!({"why": "yesterday"}),
            "goals[0].meta.field_times.why",
        ),
        (
            serde_json::json!({"why": "1850-01-01T00:00:00Z"}),
            "goals[0].meta.field_times.why",
        ),
        (
            serde_json::json!({"why": 3}),
            "goals[0].meta.field_times.why",
        ),
        (serde_json::json!(["why"]), "goals[0].meta.field_times"),
        (
            serde_json::json!({"": "2025-03-01T10:00:00Z"}),
            "goals[0].meta.field_times",
        ),
    ];
    for (times, path) in cases {
        let bytes = file_with_goal_meta(|m| {
            m.insert("field_times".into(), times.clone());
        });
        let err = parse_plan_file(&bytes).unwrap_err();
        assert_eq!(err.path(), path, "{times}: {err}");
    }
    let many: serde_json::Map<String, serde_json::Value> = (0..40)
        .map(|i| (format!("f{i}"), serde_json::json!("2025-03-01T10:00:00Z")))
        .collect();
    let bytes = file_with_goal_meta(|m| {
        m.insert("field_times".into(), serde_json::Value::Object(many));
    });
    let err = parse_plan_file(&bytes).unwrap_err();
    assert_eq!(err.path(), "goals[0].meta.field_times", "{err}");
}

#[test]
fn the_old_v1_fixture_still_imports_and_merges_with_field_edits() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan-files/v1-sample.waymark.json");
    let old = parse_plan_file(&std::fs::read(path).unwrap()).unwrap();
    assert!(old.plan.goals.iter().all(|g| g.meta.field_times.is_empty()));
    let mut edited = old.plan.clone();
    let g = edited
        .goals
        .iter()
        .find(|g| g.meta.is_live())
        .unwrap()
        .clone();
    let mut d = g.fields.clone();
    d.why = "Rewritten after the import".into();
    let later = g.meta.updated_at + Duration::days(1);
    edited
        .update_goal(g.meta.id, d, later, Author::Client)
        .unwrap();
    let merged = m(&old.plan, &edited);
    assert_eq!(merged, m(&edited, &old.plan));
    let mg = merged
        .goals
        .iter()
        .find(|x| x.meta.id == g.meta.id)
        .unwrap();
    assert_eq!(mg.fields.why, "Rewritten after the import");
    assert_eq!(mg.fields.title, g.fields.title);
    assert_valid(&merged);
}
