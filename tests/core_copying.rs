#![cfg(not(target_arch = "wasm32"))]
//! A template becomes a client's plan: the design travels, nothing personal does, and the
//! copy shares no record id with its source.

use chrono::{TimeZone, Utc};
use std::collections::HashSet;
use waymark::core::sample::sample_plan;
use waymark::core::{Author, PlanKind};

#[test]
fn a_copy_keeps_the_design_and_leaves_the_person_behind() {
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let source = sample_plan(now).unwrap();
    let copy = source
        .copy_structure("Plan for Sam", PlanKind::ClientPlan, now, Author::Coach)
        .unwrap();

    assert_eq!(copy.title, "Plan for Sam");
    assert_eq!(copy.kind, PlanKind::ClientPlan);
    assert_eq!(copy.live_goals().len(), source.live_goals().len());
    assert_eq!(
        copy.milestones.len(),
        source
            .milestones
            .iter()
            .filter(|m| m.meta.is_live())
            .count()
    );
    assert_eq!(
        copy.kpis.len(),
        source.kpis.iter().filter(|k| k.meta.is_live()).count()
    );
    assert!(copy.schedule.is_some());
    assert!(copy.profile.is_none());
    assert!(copy.measurements.is_empty());
    assert!(copy.reflections.is_empty());
    assert!(copy.checkins.is_empty());
    assert!(copy.milestones.iter().all(|m| m.done_at.is_none()));
    assert!(copy.actions.iter().all(|a| a.done_at.is_none()));

    let source_ids: HashSet<_> = source.to_documents().into_iter().map(|d| d.id).collect();
    assert!(copy
        .to_documents()
        .iter()
        .all(|d| !source_ids.contains(&d.id)));

    // Every milestone, action and KPI points at a goal of the copy.
    let goals: HashSet<_> = copy.goals.iter().map(|g| g.meta.id).collect();
    assert!(copy
        .milestones
        .iter()
        .all(|m| goals.contains(&m.fields.goal_id)));
    assert!(copy.kpis.iter().all(|k| goals.contains(&k.fields.goal_id)));
    assert!(copy
        .actions
        .iter()
        .all(|a| a.fields.goal_id.is_none_or(|g| goals.contains(&g))));
}
