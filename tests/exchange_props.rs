#![cfg(not(target_arch = "wasm32"))]
//! Laws of the plan-file exchange, for generated plans: the merge is commutative, associative
//! and idempotent and gives valid records; export then import is the identity; a template
//! imported twice adds nothing the second time; a progress report merged into the coach's copy
//! keeps the coach's newer edits and every entry of the client's. With several clients of one
//! template: each client's reports land in that client's own plan on the coach's device
//! whatever the order, and template revisions merge into every client's plan in any order,
//! once, keeping the client's work.
//!
//! The generated changes mix edits through the verbs (which stamp field clocks), to the same
//! and to different fields of the same records, at few distinct minutes so that ties happen,
//! with edits made the old way (`meta.touch`, no field clocks: a legacy whole-record edit).

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;
use waymark::core::grow::{GrowDraft, GrowNote, WayStep};
use waymark::core::ids::id_from_bytes;
use waymark::core::interests::{InterestDraft, InterestProfile, InterestType};
use waymark::core::journal::{Reflection, ReflectionDraft};
use waymark::core::kpi::{Direction, Measurement};
use waymark::core::meta::Meta;
use waymark::core::record::Record;
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, Plan};
use waymark::exchange::export::{plan_file, progress_report_file, template_file};
use waymark::exchange::identity::related;
use waymark::exchange::{
    merge, merge_import, parse_plan_file, route, FileKind, PlanFile, StartSetup,
};

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()
}

fn base(seed: u64) -> Plan {
    let mut p = seeded_plan(2, 3, 4, 3, seed).unwrap();
    // One session note every device starts from (a fixed id, so the copies share it).
    let n = GrowNote {
        meta: Meta::new(Uuid::from_u128(0x6709), base_time(), Author::Coach),
        author: Author::Coach,
        fields: GrowDraft {
            held_on: base_time().date_naive(),
            goal_id: Some(p.live_goals()[0].meta.id),
            session_goal: "Find a way into interviews".into(),
            reality: String::new(),
            options: vec!["Referrals".into(), "Portfolio".into()],
            chosen: None,
            way_forward: vec![WayStep {
                what: "Ask two former colleagues".into(),
                due: None,
                action_id: None,
            }],
        },
    };
    p.grow_notes.push(n);
    p.normalize();
    p
}

/// One change a device might make to its copy.
#[derive(Clone, Debug)]
enum Op {
    /// Edit the n-th goal's title at minute `at`.
    EditGoal { n: usize, at: i64, coach: bool },
    /// Tombstone the n-th action.
    DeleteAction { n: usize, at: i64, coach: bool },
    /// Change the n-th measurement's value.
    EditMeasurement { n: usize, at: i64, value: i32 },
    /// Write a new reflection (id from `id`).
    AddReflection { id: u8, at: i64, private: bool },
    /// Log a new measurement (id from `id`) on the n-th KPI.
    AddMeasurement { id: u8, n: usize, at: i64 },
    /// Rename the plan.
    Rename { at: i64, coach: bool },
    /// Through the verbs: change one field of the n-th goal (0 why, 1 title, 2 target date,
    /// 3 start date, 4 status).
    GoalField {
        n: usize,
        field: u8,
        at: i64,
        coach: bool,
    },
    /// Through the verbs: change the n-th KPI (0 its name, 1 baseline and target, 2 its
    /// direction, with the target moved onto the baseline so it stays valid).
    KpiField {
        n: usize,
        which: u8,
        at: i64,
        coach: bool,
    },
    /// Through the verbs: complete or reopen the n-th action or milestone.
    Done {
        n: usize,
        milestone: bool,
        done: bool,
        at: i64,
        coach: bool,
    },
    /// Through the verbs: change the profile's vision or current role, rename or archive the
    /// plan.
    Header { which: u8, at: i64, coach: bool },
    /// Through the verbs: on the n-th goal's WOOP, 0 write the wish, 1 the obstacle and the
    /// if-then plan, 2 turn the plan into an action.
    Woop {
        n: usize,
        which: u8,
        at: i64,
        coach: bool,
    },
    /// The interest profile: 0 a new take through the verb; 1 the shared take (one id on every
    /// device) written if missing, else its ratings changed as the verbs stamp an edit; 2 that
    /// take deleted.
    Interests { which: u8, at: i64, coach: bool },
    /// Through the verbs: on the shared session note, 0 rewrite the reality, 1 choose an
    /// option, 2 add a step to the way forward, 3 turn the first step into an action, 4 delete
    /// the note; 5 write a new note.
    Grow { which: u8, at: i64, coach: bool },
}

fn op() -> impl Strategy<Value = Op> {
    // Few distinct minutes and ids, so that ties and shared new ids actually happen.
    let at = 0i64..6;
    prop_oneof![
        (0usize..4, at.clone(), any::<bool>()).prop_map(|(n, at, coach)| Op::EditGoal {
            n,
            at,
            coach
        }),
        (0usize..4, at.clone(), any::<bool>()).prop_map(|(n, at, coach)| Op::DeleteAction {
            n,
            at,
            coach
        }),
        (0usize..5, at.clone(), -50i32..50).prop_map(|(n, at, value)| Op::EditMeasurement {
            n,
            at,
            value
        }),
        (0u8..4, at.clone(), any::<bool>()).prop_map(|(id, at, private)| Op::AddReflection {
            id,
            at,
            private
        }),
        (0u8..4, 0usize..3, at.clone()).prop_map(|(id, n, at)| Op::AddMeasurement { id, n, at }),
        (at.clone(), any::<bool>()).prop_map(|(at, coach)| Op::Rename { at, coach }),
        (0usize..2, 0u8..5, at.clone(), any::<bool>()).prop_map(|(n, field, at, coach)| {
            Op::GoalField {
                n,
                field,
                at,
                coach,
            }
        }),
        (0usize..2, 0u8..3, at.clone(), any::<bool>()).prop_map(|(n, which, at, coach)| {
            Op::KpiField {
                n,
                which,
                at,
                coach,
            }
        }),
        (
            0usize..3,
            any::<bool>(),
            any::<bool>(),
            at.clone(),
            any::<bool>()
        )
            .prop_map(|(n, milestone, done, at, coach)| Op::Done {
                n,
                milestone,
                done,
                at,
                coach
            }),
        (0u8..4, at.clone(), any::<bool>()).prop_map(|(which, at, coach)| Op::Header {
            which,
            at,
            coach
        }),
        (0usize..2, 0u8..3, at.clone(), any::<bool>()).prop_map(|(n, which, at, coach)| {
            Op::Woop {
                n,
                which,
                at,
                coach,
            }
        }),
        (0u8..3, at.clone(), any::<bool>()).prop_map(|(which, at, coach)| Op::Interests {
            which,
            at,
            coach
        }),
        (0u8..6, at, any::<bool>()).prop_map(|(which, at, coach)| Op::Grow { which, at, coach }),
    ]
}

fn who(coach: bool) -> Author {
    if coach {
        Author::Coach
    } else {
        Author::Client
    }
}

fn apply(plan: &mut Plan, ops: &[Op], device: u8) {
    let t = |at: i64| base_time() + Duration::minutes(at);
    for op in ops {
        match *op {
            Op::EditGoal { n, at, coach } => {
                if let Some(g) = plan.goals.get_mut(n) {
                    g.fields.title = format!("Goal edited on device {device} at {at}");
                    g.meta.touch(t(at), who(coach));
                }
            }
            Op::DeleteAction { n, at, coach } => {
                // Tombstoned the way the verbs do it: content-free.
                if let Some(a) = plan.actions.get_mut(n) {
                    a.meta.deleted = true;
                    a.meta.touch(t(at), who(coach));
                    *a = a.erased();
                }
            }
            Op::EditMeasurement { n, at, value } => {
                if let Some(m) = plan.measurements.get_mut(n) {
                    m.value = f64::from(value) + f64::from(device) / 10.0;
                    m.meta.touch(t(at), Author::Client);
                }
            }
            Op::AddReflection { id, at, private } => {
                let id = id_from_bytes([id; 16]);
                if plan.reflections.iter().all(|r| r.meta.id != id) {
                    plan.reflections.push(Reflection {
                        meta: Meta::new(id, t(at), Author::Client),
                        fields: ReflectionDraft {
                            text: format!("Written on device {device} <b>bold?</b>"),
                            prompt: None,
                            tags: vec!["week".into()],
                            mood: Some(3),
                            private,
                        },
                        author: Some(Author::Client),
                    });
                }
            }
            Op::AddMeasurement { id, n, at } => {
                let id = id_from_bytes([100 + id; 16]);
                let kpi = plan.kpis.get(n % plan.kpis.len().max(1)).map(|k| k.meta.id);
                if let (Some(kpi_id), true) =
                    (kpi, plan.measurements.iter().all(|m| m.meta.id != id))
                {
                    plan.measurements.push(Measurement {
                        meta: Meta::new(id, t(at), Author::Client),
                        kpi_id,
                        value: f64::from(device),
                        at: t(at),
                    });
                }
            }
            Op::Rename { at, coach } => {
                plan.title = format!("Plan renamed on device {device}");
                plan.meta.touch(t(at), who(coach));
            }
            // Refusals (a deleted record, an archived plan) leave the plan as it was.
            Op::GoalField {
                n,
                field,
                at,
                coach,
            } => {
                let Some(g) = plan.goals.get(n).filter(|g| g.meta.is_live()) else {
                    continue;
                };
                let (id, mut d) = (g.meta.id, g.fields.clone());
                let (now, by) = (t(at), who(coach));
                let days = Duration::days(10 + at + i64::from(device));
                let _ = match field {
                    0 => {
                        d.why = format!("Why, as device {device} put it at {at}");
                        plan.update_goal(id, d, now, by)
                    }
                    1 => {
                        d.title = format!("Goal titled on device {device} at {at}");
                        plan.update_goal(id, d, now, by)
                    }
                    2 => {
                        d.target_date = Some(d.start_date + days);
                        plan.update_goal(id, d, now, by)
                    }
                    3 => {
                        d.start_date -= days;
                        plan.update_goal(id, d, now, by)
                    }
                    _ => plan.achieve_goal(id, now, by),
                };
            }
            Op::KpiField {
                n,
                which,
                at,
                coach,
            } => {
                let Some(k) = plan.kpis.get(n).filter(|k| k.meta.is_live()) else {
                    continue;
                };
                let (id, mut d) = (k.meta.id, k.fields.clone());
                match which {
                    0 => d.name = format!("KPI named on device {device} at {at}"),
                    1 => {
                        d.baseline = f64::from(device);
                        let span = 10.0 + at as f64;
                        d.target = match d.direction {
                            Direction::Up => d.baseline + span,
                            Direction::Down => d.baseline - span,
                        };
                    }
                    _ => {
                        d.direction = match d.direction {
                            Direction::Up => Direction::Down,
                            Direction::Down => Direction::Up,
                        };
                        d.target = d.baseline;
                    }
                }
                let _ = plan.update_kpi(id, d, t(at), who(coach));
            }
            Op::Done {
                n,
                milestone,
                done,
                at,
                coach,
            } => {
                let (now, by) = (t(at), who(coach));
                let _ = match (milestone, done) {
                    (true, _) if n >= plan.milestones.len() => continue,
                    (false, _) if n >= plan.actions.len() => continue,
                    (true, true) => plan.complete_milestone(plan.milestones[n].meta.id, now, by),
                    (true, false) => plan.reopen_milestone(plan.milestones[n].meta.id, now, by),
                    (false, true) => plan.complete_action(plan.actions[n].meta.id, now, by),
                    (false, false) => plan.reopen_action(plan.actions[n].meta.id, now, by),
                };
            }
            Op::Header { which, at, coach } => {
                let (now, by) = (t(at), who(coach));
                let _ = match which {
                    0 | 1 => match plan.live_profile().cloned() {
                        Some(mut d) => {
                            if which == 0 {
                                d.vision = format!("Vision from device {device} at {at}");
                            } else {
                                d.current_role = format!("Role from device {device}");
                            }
                            plan.set_profile(d, now, by)
                        }
                        None => continue,
                    },
                    2 => plan.rename(&format!("Plan named on device {device} at {at}"), now, by),
                    _ => plan.set_archived(at % 2 == 0, now, by),
                };
            }
            Op::Woop {
                n,
                which,
                at,
                coach,
            } => {
                let Some(g) = plan.goals.get(n).filter(|g| g.meta.is_live()) else {
                    continue;
                };
                let gid = g.meta.id;
                let (now, by) = (t(at), who(coach));
                let mut d = plan
                    .woop_of(gid)
                    .map(|w| w.fields.clone())
                    .unwrap_or_default();
                let _ = match which {
                    0 => {
                        d.wish = format!("Wish from device {device} at {at}");
                        plan.save_woop(gid, d, now, by)
                    }
                    1 => {
                        d.obstacle = format!("I doubt myself on device {device}");
                        d.plan = format!("I will read my wins list ({at})");
                        plan.save_woop(gid, d, now, by)
                    }
                    _ => plan.woop_to_action(gid, now, by),
                };
            }
            Op::Interests { which, at, coach } => {
                let (now, by) = (t(at), who(coach));
                let mut d = InterestDraft::new(now.date_naive());
                d.set_rating(InterestType::Social, Some(device % 5));
                d.set_rating(InterestType::Artistic, Some((at % 5) as u8));
                d.set_rating(InterestType::ALL[(at % 6) as usize], Some(4));
                let shared = id_from_bytes([0xAB; 16]);
                let found = plan
                    .interest_profiles
                    .iter()
                    .position(|r| r.meta.id == shared);
                match (which, found) {
                    (0, _) => {
                        let _ = plan.add_interest_profile(d, now, by);
                    }
                    (1, None) => plan.interest_profiles.push(InterestProfile {
                        meta: Meta::new(shared, now, by),
                        fields: d,
                    }),
                    (1, Some(i)) if plan.interest_profiles[i].meta.is_live() => {
                        let r = &mut plan.interest_profiles[i];
                        let old = r.clone();
                        r.fields.realistic = Some(device % 5);
                        r.fields.social = Some((at % 5) as u8);
                        r.stamp_edit(&old, now, by);
                    }
                    (2, Some(i)) => {
                        let r = &mut plan.interest_profiles[i];
                        r.meta.deleted = true;
                        r.meta.touch(now, by);
                        *r = r.erased();
                    }
                    _ => {}
                }
            }
            Op::Grow { which, at, coach } => {
                let (now, by) = (t(at), who(coach));
                let nid = Uuid::from_u128(0x6709);
                let Some(mut d) = plan.grow_note(nid).map(|n| n.fields.clone()) else {
                    continue;
                };
                let _ = match which {
                    0 => {
                        d.reality = format!("Reality from device {device} at {at}");
                        plan.save_grow_note(Some(nid), d, now, by)
                    }
                    1 => {
                        d.chosen = Some((at % 2) as u32);
                        plan.save_grow_note(Some(nid), d, now, by)
                    }
                    2 => {
                        d.way_forward.push(WayStep {
                            what: format!("Step from device {device}"),
                            due: Some(now.date_naive()),
                            action_id: None,
                        });
                        plan.save_grow_note(Some(nid), d, now, by)
                    }
                    3 => plan.grow_step_to_action(nid, 0, now, by),
                    4 => plan.delete_grow_note(nid, now, by),
                    _ => {
                        d.session_goal = format!("A new session on device {device}");
                        plan.save_grow_note(None, d, now, by)
                    }
                };
            }
        }
    }
    plan.normalize();
}

fn variant(seed: u64, ops: &[Op], device: u8) -> Plan {
    let mut p = base(seed);
    apply(&mut p, ops, device);
    p
}

fn m(a: &Plan, b: &Plan) -> Plan {
    merge(a, b).unwrap().plan
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..8)
}

/// Every record of the plan keeps the core's rules: it reads back from storage and from a
/// plan file (both re-check every record).
fn assert_valid(p: &Plan) {
    Plan::from_documents(p.id(), &p.to_documents()).expect("the merged plan loads from storage");
    parse_plan_file(&plan_file(p, base_time(), Author::Coach).to_json())
        .expect("the merged plan reads back from its file");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative(seed in 0u64..4, x in ops(), y in ops()) {
        let (a, b) = (variant(seed, &x, 1), variant(seed, &y, 2));
        let ab = m(&a, &b);
        prop_assert_eq!(&ab, &m(&b, &a));
        assert_valid(&ab);
    }

    #[test]
    fn merge_is_associative(seed in 0u64..4, x in ops(), y in ops(), z in ops()) {
        let (a, b, c) = (variant(seed, &x, 1), variant(seed, &y, 2), variant(seed, &z, 3));
        let abc = m(&m(&a, &b), &c);
        prop_assert_eq!(&abc, &m(&a, &m(&b, &c)));
        prop_assert_eq!(&abc, &m(&m(&a, &c), &b));
        assert_valid(&abc);
    }

    #[test]
    fn merge_is_idempotent(seed in 0u64..4, x in ops(), y in ops()) {
        let (a, b) = (variant(seed, &x, 1), variant(seed, &y, 2));
        prop_assert_eq!(m(&a, &a), a.clone());
        let ab = m(&a, &b);
        prop_assert_eq!(m(&ab, &b), ab.clone());
        let again = merge(&ab, &b).unwrap();
        prop_assert!(again.summary.is_noop(), "{:?}", again.summary);
        prop_assert!(again.changed_documents().is_empty());
    }

    #[test]
    fn merge_loses_no_measurement_checkin_or_reflection(seed in 0u64..4, x in ops(), y in ops()) {
        let (a, b) = (variant(seed, &x, 1), variant(seed, &y, 2));
        let ab = m(&a, &b);
        for p in [&a, &b] {
            for r in &p.measurements {
                prop_assert!(ab.measurements.iter().any(|x| x.meta.id == r.meta.id));
            }
            for r in &p.reflections {
                prop_assert!(ab.reflections.iter().any(|x| x.meta.id == r.meta.id));
            }
            for r in &p.checkins {
                prop_assert!(ab.checkins.iter().any(|x| x.meta.id == r.meta.id));
            }
        }
    }

    #[test]
    fn export_then_import_is_the_identity(seed in 0u64..6, x in ops()) {
        let plan = variant(seed, &x, 1);
        let file = plan_file(&plan, base_time(), Author::Client);
        let back = parse_plan_file(&file.to_json()).unwrap();
        prop_assert_eq!(&back.plan, &plan);
        prop_assert_eq!(back, file);
    }

    #[test]
    fn a_template_imported_twice_duplicates_nothing(seed in 0u64..6, x in ops()) {
        let plan = variant(seed, &x, 1);
        let t = parse_plan_file(&template_file(&plan, base_time(), Author::Coach).to_json()).unwrap();
        let first = merge_import(None, &t);
        let second = merge_import(Some(&first.plan), &t);
        prop_assert!(second.summary.is_noop(), "{:?}", second.summary);
        prop_assert_eq!(&second.plan, &first.plan);
        prop_assert_eq!(second.plan.goals.len(), plan.goals.len());
        prop_assert_eq!(second.plan.milestones.len(), plan.milestones.len());
        prop_assert!(second.plan.reflections.is_empty() && second.plan.measurements.is_empty());
        prop_assert!(second.plan.profile.is_none());
        prop_assert!(second.plan.interest_profiles.is_empty());
        prop_assert!(first.plan.id() != plan.id());
    }

    #[test]
    fn a_progress_report_keeps_the_coachs_newer_edit_and_the_clients_entries(
        seed in 0u64..6, client_ops in ops(), n in 0usize..2
    ) {
        // Both start from the same plan. The client works on their copy; later the coach
        // edits a goal on theirs; then the client's report reaches the coach.
        let mut client = base(seed);
        apply(&mut client, &client_ops, 1);
        let mut coach = base(seed);
        let later = base_time() + Duration::days(3);
        coach.goals[n].fields.title = "Coach's newer wording".into();
        coach.goals[n].meta.touch(later, Author::Coach);
        let private: Vec<Uuid> = Vec::new();
        let report = parse_plan_file(
            &progress_report_file(&client, &private, later, Author::Client).to_json(),
        ).unwrap();
        let merged = merge_import(Some(&coach), &report).plan;
        prop_assert_eq!(&merged.goals[n].fields.title, "Coach's newer wording");
        for r in &client.measurements {
            prop_assert!(merged.measurements.iter().any(|x| x.meta.id == r.meta.id));
        }
        for r in &client.checkins {
            prop_assert!(merged.checkins.iter().any(|x| x.meta.id == r.meta.id));
        }
        for r in client.reflections.iter().filter(|r| !r.fields.private) {
            prop_assert!(merged.reflections.iter().any(|x| x.meta.id == r.meta.id));
        }
        for r in client.reflections.iter().filter(|r| r.fields.private) {
            prop_assert!(
                merged.reflections.iter().all(|x| x.meta.id != r.meta.id)
                    || coach.reflections.iter().any(|x| x.meta.id == r.meta.id)
            );
        }
    }
}

// ---- several clients of one template ---------------------------------------------------

/// What a device does with a file: route it among its plans and save every target's merge
/// ("Keep as a separate plan" is never needed here: every plan has its own id).
fn import_on(plans: &mut Vec<Plan>, file: &PlanFile, role: Author, setup: &StartSetup) {
    let listed: Vec<(Uuid, Option<Uuid>)> =
        plans.iter().map(|p| (p.id(), p.from_template)).collect();
    let ids = related(file, &listed);
    let local: Vec<Plan> = plans
        .iter()
        .filter(|p| ids.contains(&p.id()))
        .cloned()
        .collect();
    let r = route(file, &local, role, false, setup).unwrap();
    assert!(r.mismatch.is_none(), "{:?}", r.mismatch);
    for t in &r.targets {
        let merged = t.merge(file).plan;
        match plans.iter_mut().find(|p| p.id() == merged.id()) {
            Some(p) => *p = merged,
            None => plans.push(merged),
        }
    }
}

fn template_of(seed: u64) -> PlanFile {
    parse_plan_file(&template_file(&base(seed), base_time(), Author::Coach).to_json()).unwrap()
}

fn setup_for(k: u8) -> StartSetup {
    StartSetup {
        plan_id: id_from_bytes([200 + k; 16]),
        client: Some(format!("Client {k}")),
        starts_on: base_time().date_naive() + Duration::days(i64::from(k) * 9),
        now: base_time(),
    }
}

/// Client `k`'s plan from the template, after their work (`ops`, made as device `k`).
fn client_plan(t: &PlanFile, k: u8, ops: &[Op]) -> Plan {
    let mut plans = Vec::new();
    import_on(&mut plans, t, Author::Client, &setup_for(k));
    assert_eq!(plans.len(), 1);
    let mut p = plans.remove(0);
    apply(&mut p, ops, k);
    p
}

/// A revision of the template by the coach: only what a template holds changes.
fn revision(t: &PlanFile, ops: &[Op], device: u8, day: i64) -> PlanFile {
    let design: Vec<Op> = ops
        .iter()
        .filter(|o| {
            matches!(
                o,
                Op::EditGoal { .. }
                    | Op::DeleteAction { .. }
                    | Op::GoalField { .. }
                    | Op::KpiField { .. }
            )
        })
        .cloned()
        .collect();
    let mut r = t.clone();
    apply(&mut r.plan, &design, device);
    r.exported_at = base_time() + Duration::days(day);
    parse_plan_file(&r.to_json()).unwrap()
}

fn report(p: &Plan) -> PlanFile {
    let file = progress_report_file(p, &[], base_time() + Duration::days(40), Author::Client);
    parse_plan_file(&file.to_json()).unwrap()
}

fn ids_of(p: &Plan) -> Vec<Uuid> {
    p.to_documents().iter().map(|d| d.id).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn each_clients_reports_land_in_that_clients_plan_in_any_order(
        seed in 0u64..4, a in ops(), b in ops(), c in ops(), order in Just([0usize, 1, 2]).prop_shuffle()
    ) {
        let t = template_of(seed);
        let clients = [client_plan(&t, 1, &a), client_plan(&t, 2, &b), client_plan(&t, 3, &c)];
        let reports: Vec<PlanFile> = clients.iter().map(report).collect();
        let mut coach: Vec<Plan> = vec![t.plan.clone()];
        let setup = setup_for(9);
        for i in order {
            import_on(&mut coach, &reports[i], Author::Coach, &setup);
        }
        // Every report again: nothing changes.
        let before = coach.clone();
        for r in &reports {
            import_on(&mut coach, r, Author::Coach, &setup);
        }
        prop_assert_eq!(&coach, &before);
        prop_assert_eq!(coach.len(), 4);
        prop_assert_eq!(&coach[0], &t.plan, "the template is untouched");
        for (k, client) in clients.iter().enumerate() {
            let on_coach = coach.iter().find(|p| p.id() == client.id()).unwrap();
            prop_assert_eq!(on_coach, &reports[k].plan);
            let mine = format!("device {}", k + 1);
            prop_assert!(on_coach.reflections.iter().all(|r| r.fields.text.contains(&mine)));
            prop_assert!(on_coach.reflections.iter().all(|r| !r.fields.private));
        }
        // Two clients' plans share no record id, except those the generator gives every
        // device alike (new reflections and measurements, the shared interest take).
        let (x, y) = (ids_of(&clients[0]), ids_of(&clients[1]));
        let alike = |id: &Uuid| clients.iter().any(|p| {
            p.reflections.iter().any(|r| r.meta.id == *id)
                || p.measurements.iter().any(|m| m.meta.id == *id)
                || p.interest_profiles.iter().any(|r| r.meta.id == *id)
        });
        prop_assert!(x.iter().filter(|id| !alike(id)).all(|id| !y.contains(id)));
    }

    #[test]
    fn template_revisions_merge_into_a_clients_plan_in_any_order_once_keeping_their_work(
        seed in 0u64..4, work in ops(), x in ops(), y in ops(), k in 1u8..4
    ) {
        let t = template_of(seed);
        let client = client_plan(&t, k, &work);
        let (r1, r2) = (revision(&t, &x, 8, 20), revision(&t, &y, 9, 21));
        let setup = setup_for(k);
        let mut one = vec![client.clone()];
        import_on(&mut one, &r1, Author::Client, &setup);
        import_on(&mut one, &r2, Author::Client, &setup);
        let mut two = vec![client.clone()];
        import_on(&mut two, &r2, Author::Client, &setup);
        import_on(&mut two, &r1, Author::Client, &setup);
        prop_assert_eq!(&one, &two);
        prop_assert_eq!(one.len(), 1, "a revision never adds a second plan");
        let merged = &one[0];
        prop_assert_eq!(merged.id(), client.id());
        prop_assert_eq!(&merged.reflections, &client.reflections);
        prop_assert_eq!(&merged.measurements, &client.measurements);
        prop_assert_eq!(&merged.checkins, &client.checkins);
        prop_assert_eq!(&merged.title, &client.title);
        prop_assert_eq!(merged.goals.len(), t.plan.goals.len());
        // Again: nothing.
        let mut again = one.clone();
        import_on(&mut again, &r2, Author::Client, &setup);
        prop_assert_eq!(&again, &one);
        prop_assert_eq!(r1.kind, FileKind::Template);
    }
}
