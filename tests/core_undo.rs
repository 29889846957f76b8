#![cfg(not(target_arch = "wasm32"))]
//! Every mistake can be fixed: the verbs that correct a value, a check-in or a plan's name,
//! and Undo of the last change, which puts back from memory what the change replaced, as a
//! new change that a merge keeps, while a deletion that was not undone stays deleted.

use chrono::{DateTime, Duration, TimeZone, Utc};
use uuid::Uuid;
use waymark::core::checkin::{CheckInEdit, EntryNotes};
use waymark::core::history::goal_history;
use waymark::core::sample::sample_plan;
use waymark::core::undo::Undo;
use waymark::core::{Author, CoreError, DocKind, Plan};
use waymark::exchange::merge::merge;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

const WHO: Author = Author::Client;

fn sample() -> Plan {
    sample_plan(t0()).unwrap()
}

/// The first goal that has a KPI with a measurement.
fn measured_goal(p: &Plan) -> (Uuid, Uuid, Uuid) {
    for g in p.live_goals() {
        for k in p.kpis_of(g.meta.id) {
            if let Some(m) = p.measurements_of(k.meta.id).first() {
                return (g.meta.id, k.meta.id, m.meta.id);
            }
        }
    }
    panic!("the sample plan has a measured KPI");
}

/// Runs `verb` on `p` and keeps its Undo, as the session does.
fn change(
    p: &mut Plan,
    label: &str,
    at: DateTime<Utc>,
    verb: impl FnOnce(&mut Plan, DateTime<Utc>) -> Result<waymark::core::Touched, CoreError>,
) -> Undo {
    let before = p.clone();
    let touched = verb(p, at).unwrap();
    assert!(!touched.is_empty());
    Undo::of(label, &before, &touched)
}

fn has_text(p: &Plan, text: &str) -> bool {
    p.to_documents().iter().any(|d| d.body.contains(text))
}

#[test]
fn undo_delete_goal_brings_it_back_with_its_parts() {
    let mut p = sample();
    let (gid, kid, _) = measured_goal(&p);
    let title = p.goal(gid).unwrap().fields.title.clone();
    let before = p.clone();
    let undo = change(
        &mut p,
        "Goal deleted",
        t0() + Duration::hours(1),
        |p, now| p.delete_goal(gid, now, WHO),
    );
    assert!(p.goal(gid).is_none());
    // The tombstones are content-free: the title is on no document.
    assert!(!has_text(&p, &title));

    let later = t0() + Duration::hours(1) + Duration::seconds(4);
    let back = p.undo(&undo, later, WHO).unwrap();
    assert!(back.ids_of(DocKind::Goal).any(|id| id == gid));
    assert_eq!(
        p.goal(gid).unwrap().fields,
        before.goal(gid).unwrap().fields
    );
    assert_eq!(p.kpi(kid).unwrap().fields, before.kpi(kid).unwrap().fields);
    assert_eq!(p.milestones_of(gid).len(), before.milestones_of(gid).len());
    assert_eq!(p.actions_of(gid).count(), before.actions_of(gid).count());
    assert_eq!(
        goal_history(&p.adaptations, gid).len(),
        goal_history(&before.adaptations, gid).len()
    );
    assert_eq!(p.goal(gid).unwrap().meta.updated_at, later);

    // A merge with the copy from before the deletion (a file sent earlier) keeps it.
    for merged in [
        merge(&p, &before).unwrap().plan,
        merge(&before, &p).unwrap().plan,
    ] {
        assert_eq!(merged.goal(gid).unwrap().fields.title, title);
        assert!(merged.kpi(kid).is_some());
    }
}

#[test]
fn a_deletion_not_undone_stays_deleted_after_merging_an_older_file() {
    let mut p = sample();
    let (gid, kid, _) = measured_goal(&p);
    let older = p.clone();
    p.delete_goal(gid, t0() + Duration::hours(1), WHO).unwrap();
    for merged in [
        merge(&p, &older).unwrap().plan,
        merge(&older, &p).unwrap().plan,
    ] {
        assert!(merged.goal(gid).is_none());
        assert!(merged.kpi(kid).is_none());
    }
    // Even an edit made later on the older copy does not bring it back.
    let mut edited = older.clone();
    let mut draft = edited.goal(gid).unwrap().fields.clone();
    draft.why = "edited on the coach's copy".into();
    edited
        .update_goal(gid, draft, t0() + Duration::hours(2), Author::Coach)
        .unwrap();
    assert!(merge(&p, &edited).unwrap().plan.goal(gid).is_none());
}

#[test]
fn correcting_a_value_leaves_a_trace_and_can_be_undone() {
    let mut p = sample();
    let (gid, kid, mid) = measured_goal(&p);
    let old = p.measurements_of(kid)[0].value;
    let n = goal_history(&p.adaptations, gid).len();
    let at = t0() + Duration::hours(1);
    let undo = change(&mut p, "Value corrected", at, |p, now| {
        p.correct_measurement(mid, 2.5, now, WHO)
    });
    assert_eq!(p.measurements_of(kid)[0].value, 2.5);
    let h = goal_history(&p.adaptations, gid);
    assert_eq!(h.len(), n + 1);
    let trace = h.iter().find(|a| a.meta.created_at == at).unwrap();
    assert!(trace.before.contains(&old.to_string()), "{}", trace.before);
    assert!(trace.after.contains("2.5"), "{}", trace.after);

    // Bad values are refused and change nothing.
    let same = p.clone();
    assert!(p.correct_measurement(mid, f64::NAN, at, WHO).is_err());
    assert!(p.correct_measurement(mid, 1e15, at, WHO).is_err());
    assert_eq!(p, same);
    // The same value again is no change and no trace.
    assert!(p.correct_measurement(mid, 2.5, at, WHO).unwrap().is_empty());

    p.undo(&undo, at + Duration::seconds(3), WHO).unwrap();
    assert_eq!(p.measurements_of(kid)[0].value, old);
    assert_eq!(goal_history(&p.adaptations, gid).len(), n);
}

#[test]
fn a_check_in_can_be_corrected_or_deleted_with_its_values() {
    let mut p = sample();
    let c = p
        .checkins
        .iter()
        .find(|c| c.meta.is_live() && c.entries.iter().any(|e| !e.measurement_ids.is_empty()))
        .expect("the sample plan has a check-in with values")
        .clone();
    let at = t0() + Duration::hours(1);
    let notes: Vec<EntryNotes> = c
        .entries
        .iter()
        .map(|_| EntryNotes {
            progress_note: "Sent two applications".into(),
            ..EntryNotes::default()
        })
        .collect();
    let edit = CheckInEdit {
        date: c.date,
        confidence: 3,
        mood: 2,
        notes,
    };
    let undo = change(&mut p, "Check-in changed", at, |p, now| {
        p.update_checkin(c.meta.id, edit.clone(), now, WHO)
    });
    let now_c = p.checkins.iter().find(|x| x.meta.id == c.meta.id).unwrap();
    assert_eq!(now_c.confidence, 3);
    assert_eq!(now_c.entries[0].progress_note, "Sent two applications");
    assert_eq!(
        now_c.entries[0].measurement_ids,
        c.entries[0].measurement_ids
    );
    // A rating out of range is refused.
    let mut bad = edit.clone();
    bad.mood = 9;
    assert!(p.update_checkin(c.meta.id, bad, at, WHO).is_err());
    p.undo(&undo, at, WHO).unwrap();
    let back = p.checkins.iter().find(|x| x.meta.id == c.meta.id).unwrap();
    assert_eq!(back.entries, c.entries);
    assert_eq!(back.confidence, c.confidence);

    let logged: Vec<Uuid> = c
        .entries
        .iter()
        .flat_map(|e| e.measurement_ids.clone())
        .collect();
    let live = |p: &Plan, id: Uuid| {
        p.measurements
            .iter()
            .any(|m| m.meta.id == id && m.meta.is_live())
    };
    let undo = change(&mut p, "Check-in deleted", at, |p, now| {
        p.delete_checkin(c.meta.id, now, WHO)
    });
    assert!(logged.iter().all(|id| !live(&p, *id)));
    p.undo(&undo, at + Duration::seconds(2), WHO).unwrap();
    assert!(logged.iter().all(|id| live(&p, *id)));
    assert!(p
        .checkins
        .iter()
        .any(|x| x.meta.id == c.meta.id && x.meta.is_live()));
}

#[test]
fn undo_a_rename_a_cleared_schedule_and_an_addition() {
    let mut p = sample();
    let at = t0() + Duration::hours(1);
    let title = p.title.clone();
    let undo = change(&mut p, "Plan renamed", at, |p, now| {
        p.rename("Career move 2027", now, WHO)
    });
    assert_eq!(p.title, "Career move 2027");
    p.undo(&undo, at, WHO).unwrap();
    assert_eq!(p.title, title);

    let schedule = p
        .live_schedule()
        .cloned()
        .expect("the sample has a schedule");
    let undo = change(&mut p, "Check-in schedule cleared", at, |p, now| {
        p.clear_schedule(now, WHO)
    });
    assert!(p.live_schedule().is_none());
    p.undo(&undo, at, WHO).unwrap();
    assert_eq!(p.live_schedule(), Some(&schedule));

    let (gid, _, _) = measured_goal(&p);
    let mut draft = p.kpis_of(gid).next().unwrap().fields.clone();
    draft.name = "Interviews".into();
    let undo = change(&mut p, "KPI added", at, |p, now| p.add_kpi(draft, now, WHO));
    let n = p.kpis_of(gid).count();
    p.undo(&undo, at, WHO).unwrap();
    assert_eq!(p.kpis_of(gid).count(), n - 1);
    assert!(!has_text(&p, "Interviews"));
}

#[test]
fn undo_belongs_to_its_plan() {
    let mut p = sample();
    let other = sample();
    let (gid, _, _) = measured_goal(&p);
    let undo = change(&mut p, "Goal deleted", t0(), |p, now| {
        p.delete_goal(gid, now, WHO)
    });
    let mut q = other.clone();
    assert_eq!(q.undo(&undo, t0(), WHO), Err(CoreError::NothingToUndo));
}

/// Today: actions of active goals and of the plan itself; a paused, achieved or dropped
/// goal's actions wait. "Next" is the best undated actions in play.
#[test]
fn today_lists_actions_of_active_goals_and_the_plan() {
    use waymark::core::action::ActionDraft;
    use waymark::core::goal::{GoalChange, GoalStatus};
    use waymark::core::progress::{due_soon_actions, next_actions, overdue_actions};
    let mut p = sample();
    let now = t0();
    let today = now.date_naive();
    let goals: Vec<Uuid> = p.live_goals().iter().map(|g| g.meta.id).collect();
    let add = |p: &mut Plan, title: &str, goal: Option<Uuid>, due, impact| {
        let mut d = ActionDraft::new(title, impact, 1);
        d.goal_id = goal;
        d.due = due;
        p.add_action(d, now, WHO).unwrap();
    };
    let tomorrow = Some(today + Duration::days(1));
    let yesterday = Some(today - Duration::days(1));
    add(&mut p, "active soon", Some(goals[0]), tomorrow, 3);
    add(&mut p, "paused soon", Some(goals[1]), tomorrow, 3);
    add(&mut p, "paused late", Some(goals[1]), yesterday, 3);
    add(&mut p, "achieved soon", Some(goals[2]), tomorrow, 3);
    add(&mut p, "plan soon", None, tomorrow, 3);
    add(&mut p, "plan next", None, None, 5);
    add(&mut p, "active next", Some(goals[0]), None, 4);
    add(&mut p, "paused next", Some(goals[1]), None, 5);
    p.adapt_goal(
        goals[1],
        GoalChange::Status(GoalStatus::Paused),
        "Busy term",
        now,
        WHO,
    )
    .unwrap();
    p.achieve_goal(goals[2], now, WHO).unwrap();

    let soon: Vec<&str> = due_soon_actions(&p, today, 7)
        .iter()
        .map(|a| a.fields.title.as_str())
        .collect();
    assert!(soon.contains(&"active soon") && soon.contains(&"plan soon"));
    assert!(!soon
        .iter()
        .any(|t| t.starts_with("paused") || t.starts_with("achieved")));
    assert!(overdue_actions(&p, today)
        .iter()
        .all(|a| a.fields.title != "paused late"));
    let next: Vec<&str> = next_actions(&p, 2)
        .iter()
        .map(|a| a.fields.title.as_str())
        .collect();
    assert_eq!(next, ["plan next", "active next"]);

    // A plan-level action travels in the plan file and back.
    let file = waymark::exchange::export_plan(&p, now, WHO);
    let back = waymark::exchange::parse_plan_file(&file.bytes).unwrap();
    assert!(back
        .plan
        .actions
        .iter()
        .any(|a| a.fields.title == "plan next" && a.fields.goal_id.is_none()));
}
