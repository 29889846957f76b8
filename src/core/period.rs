//! The facts of a review's period, gathered from the plan so the conversation starts from
//! evidence: what was done, measured, written and changed, in the client's days.
//!
//! `offset_at` is the reader's offset at a moment. An entry whose writer's offset is known
//! (`Meta::written_offset`) counts on its writer's day instead, so a reflection written late
//! on a Sunday in Berlin stays in that week when read in New York or after summer time ends.

use super::checkin::CheckIn;
use super::journal::Reflection;
use super::milestone::Milestone;
use super::plan::Plan;
use super::schedule::local_date;
use super::sorting::{sort_by, sort_by_key};
use chrono::{DateTime, NaiveDate, Utc};

/// What happened in a period, counted from live records. Days are the client's days.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodFacts {
    pub checkins: usize,
    pub actions_done: usize,
    pub milestones_done: usize,
    pub measurements: usize,
    pub reflections: usize,
    pub adaptations: usize,
    pub average_confidence: Option<f64>,
    pub average_mood: Option<f64>,
}

/// Milestones completed within `from..=to` (the client's days), in order of completion.
pub fn milestones_done_in(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> i32,
) -> Vec<&Milestone> {
    let mut v: Vec<&Milestone> = plan
        .milestones
        .iter()
        .filter(|m| {
            m.meta.is_live()
                && m.done_at.is_some_and(|t| {
                    let d = local_date(t, offset_at(t));
                    from <= d && d <= to
                })
        })
        .collect();
    sort_by_key(&mut v, |m| (m.done_at, m.meta.id));
    v
}

/// Reflections written within `from..=to` (the client's days), newest first. Private ones are
/// included: this is for the client's own device; leave them out before sharing.
pub fn reflections_in(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> i32,
) -> Vec<&Reflection> {
    let mut v: Vec<&Reflection> = plan
        .reflections
        .iter()
        .filter(|r| {
            let d = r.meta.day_written(&offset_at);
            r.meta.is_live() && from <= d && d <= to
        })
        .collect();
    sort_by(&mut v, |a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(a.meta.id.cmp(&b.meta.id))
    });
    v
}

/// Gathers the facts of `from..=to` in the client's time zone.
pub fn period_facts(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> i32,
) -> PeriodFacts {
    let within = |d: NaiveDate| from <= d && d <= to;
    let at = |t| within(local_date(t, offset_at(t)));
    let checkins: Vec<_> = plan
        .checkins
        .iter()
        .filter(|c| c.meta.is_live() && within(c.date))
        .collect();
    let avg = |f: &dyn Fn(&&CheckIn) -> u8| {
        (!checkins.is_empty())
            .then(|| checkins.iter().map(|c| f64::from(f(c))).sum::<f64>() / checkins.len() as f64)
    };
    PeriodFacts {
        checkins: checkins.len(),
        actions_done: plan
            .actions
            .iter()
            .filter(|a| a.meta.is_live() && a.done_at.is_some_and(at))
            .count(),
        milestones_done: plan
            .milestones
            .iter()
            .filter(|m| m.meta.is_live() && m.done_at.is_some_and(at))
            .count(),
        measurements: plan
            .measurements
            .iter()
            .filter(|m| m.meta.is_live() && within(m.meta.day_of(m.at, &offset_at)))
            .count(),
        reflections: plan
            .reflections
            .iter()
            .filter(|r| r.meta.is_live() && within(r.meta.day_written(&offset_at)))
            .count(),
        adaptations: plan
            .adaptations
            .iter()
            .filter(|a| a.meta.is_live() && within(a.meta.day_written(&offset_at)))
            .count(),
        average_confidence: avg(&|c| c.confidence),
        average_mood: avg(&|c| c.mood),
    }
}
