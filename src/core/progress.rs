//! Progress, derived from the records every time it is asked for and never stored, so it can
//! never disagree with the measurements it comes from.
//!
//! Percent of target: how far the latest value has moved from the baseline towards the target,
//! `(value - baseline) / (target - baseline)`, as 0–100. It is clamped: below the baseline is
//! 0 % (no progress yet, not negative progress) and beyond the target is 100 % (done). The same
//! formula serves falling KPIs because their target is below the baseline. When baseline equals
//! target (a "keep it at" KPI) the percent is 100 when the value is at the target or on its good
//! side, else 0.
//!
//! Pace: the expected value on a given day lies on the straight line from the baseline at the
//! goal's start date to the target at its target date. The verdict compares percents: within
//! `PACE_TOLERANCE` percentage points of the expected percent is on track, more below is behind,
//! more above is ahead. A "keep it at" KPI (baseline equals target) expects 100 % all along, so
//! it is on track while at or beyond the target and behind otherwise; it is never ahead.

use super::action::Action;
use super::goal::Goal;
use super::kpi::{Direction, Kpi, KpiDraft, Measurement};
use super::plan::Plan;
use super::sorting::sort_by_key;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

/// How many percentage points either side of the expected line still count as on track.
pub const PACE_TOLERANCE: f64 = 5.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pace {
    Behind,
    OnTrack,
    Ahead,
}

/// How far `value` is from the baseline towards the target, 0–100 (see the module docs).
pub fn percent_of_target(kpi: &KpiDraft, value: f64) -> f64 {
    let span = kpi.target - kpi.baseline;
    if span == 0.0 || !span.is_finite() {
        let reached = match kpi.direction {
            Direction::Up => value >= kpi.target,
            Direction::Down => value <= kpi.target,
        };
        return if reached { 100.0 } else { 0.0 };
    }
    let p = (value - kpi.baseline) / span * 100.0;
    if p.is_nan() {
        0.0
    } else {
        p.clamp(0.0, 100.0)
    }
}

/// Where the straight line from baseline (at the start date) to target (at the target date)
/// is on `day`: the baseline before the start, the target after the target date. `None` when
/// the goal has no target date.
pub fn expected_value(kpi: &KpiDraft, goal: &Goal, day: NaiveDate) -> Option<f64> {
    expected_between(kpi, goal.fields.start_date, goal.fields.target_date, day)
}

/// [`expected_value`] for a goal running from `start` to `target` (the Clients screen keeps
/// only a goal's dates).
pub fn expected_between(
    kpi: &KpiDraft,
    start: NaiveDate,
    target: Option<NaiveDate>,
    day: NaiveDate,
) -> Option<f64> {
    let end = target?;
    if day <= start {
        return Some(kpi.baseline);
    }
    if day >= end || end <= start {
        return Some(kpi.target);
    }
    let f = (day - start).num_days() as f64 / (end - start).num_days() as f64;
    Some(kpi.baseline + (kpi.target - kpi.baseline) * f)
}

/// The verdict for `value` on `day`; `None` when the goal has no target date.
pub fn pace(kpi: &KpiDraft, goal: &Goal, value: f64, day: NaiveDate) -> Option<Pace> {
    pace_between(
        kpi,
        goal.fields.start_date,
        goal.fields.target_date,
        value,
        day,
    )
}

/// [`pace`] for a goal running from `start` to `target`.
pub fn pace_between(
    kpi: &KpiDraft,
    start: NaiveDate,
    target: Option<NaiveDate>,
    value: f64,
    day: NaiveDate,
) -> Option<Pace> {
    let expected = percent_of_target(kpi, expected_between(kpi, start, target, day)?);
    let actual = percent_of_target(kpi, value);
    Some(if actual < expected - PACE_TOLERANCE {
        Pace::Behind
    } else if actual > expected + PACE_TOLERANCE {
        Pace::Ahead
    } else {
        Pace::OnTrack
    })
}

/// The most recent live measurement of a KPI (by measurement time, then entry time).
pub fn latest_measurement(plan: &Plan, kpi_id: Uuid) -> Option<&Measurement> {
    plan.measurements
        .iter()
        .filter(|m| m.meta.is_live() && m.kpi_id == kpi_id)
        .max_by_key(|m| (m.at, m.meta.created_at, m.meta.id))
}

#[derive(Clone, Debug, PartialEq)]
pub struct KpiProgress {
    pub kpi_id: Uuid,
    pub latest: Option<f64>,
    pub latest_at: Option<DateTime<Utc>>,
    /// The offset the latest value's writer had (see `Meta::written_offset`).
    pub latest_written: Option<i32>,
    /// Percent of target of the latest value; 0 when nothing is logged yet.
    pub percent: f64,
    /// On the straight line for `day`; `None` without a target date.
    pub expected: Option<f64>,
    /// `None` without a target date or without any measurement.
    pub pace: Option<Pace>,
}

pub fn kpi_progress(plan: &Plan, kpi: &Kpi, day: NaiveDate) -> KpiProgress {
    let latest = latest_measurement(plan, kpi.meta.id);
    let goal = plan.goal(kpi.fields.goal_id);
    let value = latest.map(|m| m.value);
    KpiProgress {
        kpi_id: kpi.meta.id,
        latest: value,
        latest_at: latest.map(|m| m.at),
        latest_written: latest.and_then(|m| m.meta.written_offset),
        percent: value.map_or(0.0, |v| percent_of_target(&kpi.fields, v)),
        expected: goal.and_then(|g| expected_value(&kpi.fields, g, day)),
        pace: goal
            .zip(value)
            .and_then(|(g, v)| pace(&kpi.fields, g, v, day)),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    pub goal_id: Uuid,
    pub kpis: Vec<KpiProgress>,
    pub milestones_done: usize,
    pub milestones_total: usize,
    /// The least favourable pace among the goal's KPIs: one KPI behind means the goal is behind.
    pub pace: Option<Pace>,
}

impl GoalProgress {
    /// Done milestones over all milestones, 0–1; `None` when the goal has none.
    pub fn milestone_ratio(&self) -> Option<f64> {
        (self.milestones_total > 0)
            .then(|| self.milestones_done as f64 / self.milestones_total as f64)
    }

    /// The goal's percent of target: the mean of its KPIs' percents, 0–100; `None` when the
    /// goal has no KPI. Each KPI counts equally, whatever its unit.
    pub fn percent(&self) -> Option<f64> {
        (!self.kpis.is_empty())
            .then(|| self.kpis.iter().map(|k| k.percent).sum::<f64>() / self.kpis.len() as f64)
    }
}

pub fn goal_progress(plan: &Plan, goal: &Goal, day: NaiveDate) -> GoalProgress {
    let kpis: Vec<KpiProgress> = plan
        .kpis_of(goal.meta.id)
        .map(|k| kpi_progress(plan, k, day))
        .collect();
    let (done, total) = milestone_counts(plan, goal.meta.id);
    let pace = kpis.iter().filter_map(|k| k.pace).min_by_key(|p| match p {
        Pace::Behind => 0,
        Pace::OnTrack => 1,
        Pace::Ahead => 2,
    });
    GoalProgress {
        goal_id: goal.meta.id,
        kpis,
        milestones_done: done,
        milestones_total: total,
        pace,
    }
}

/// (done, total) of a goal's live milestones.
pub fn milestone_counts(plan: &Plan, goal_id: Uuid) -> (usize, usize) {
    plan.milestones
        .iter()
        .filter(|m| m.meta.is_live() && m.fields.goal_id == goal_id)
        .fold((0, 0), |(d, t), m| (d + usize::from(m.is_done()), t + 1))
}

/// Open actions whose due day is before `today`, most overdue first.
pub fn overdue_actions(plan: &Plan, today: NaiveDate) -> Vec<&Action> {
    let mut v: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| in_play(plan, a) && a.fields.due.is_some_and(|d| d < today))
        .collect();
    sort_by_key(&mut v, |a| (a.fields.due, a.meta.id));
    v
}

/// Open actions due from `today` to `days` days after it (inclusive), best first by the
/// ranking rule. Overdue actions are not included: `overdue_actions` lists those.
pub fn due_soon_actions(plan: &Plan, today: NaiveDate, days: u32) -> Vec<&Action> {
    let last = super::schedule::add_days(today, i64::from(days));
    let mut v: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| in_play(plan, a) && a.fields.due.is_some_and(|d| today <= d && d <= last))
        .collect();
    super::ranking::rank_actions(&mut v);
    v
}

/// An action to work on now: open, and either the plan's own (no goal) or of an active goal.
/// A paused, achieved, dropped or deleted goal's actions wait with their goal.
pub fn in_play(plan: &Plan, a: &Action) -> bool {
    a.is_open()
        && match a.fields.goal_id {
            None => true,
            Some(g) => plan
                .goal(g)
                .is_some_and(|g| g.status == super::goal::GoalStatus::Active),
        }
}

/// The best `n` undated actions in play, by the ranking rule: what to do next when nothing
/// is due.
pub fn next_actions(plan: &Plan, n: usize) -> Vec<&Action> {
    let mut v: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| in_play(plan, a) && a.fields.due.is_none())
        .collect();
    super::ranking::rank_actions(&mut v);
    v.truncate(n);
    v
}

/// KPIs of open goals with nothing logged in the last `days` days. A KPI never logged counts
/// from when it was created, so a brand-new KPI is not nagged about on its first day.
pub fn stale_kpis(plan: &Plan, now: DateTime<Utc>, days: u32) -> Vec<&Kpi> {
    let cutoff = now
        .checked_sub_signed(Duration::days(days.into()))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    plan.kpis
        .iter()
        .filter(|k| k.meta.is_live())
        .filter(|k| plan.goal(k.fields.goal_id).is_some_and(|g| g.is_open()))
        .filter(|k| {
            let last = latest_measurement(plan, k.meta.id).map_or(k.meta.created_at, |m| m.at);
            last < cutoff
        })
        .collect()
}
