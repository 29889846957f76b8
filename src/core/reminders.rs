//! What reaches the client when the app is closed: how many things are due (the app badge) and
//! when the next check-ins fall due (for the service worker's notification), worked out here
//! so the service worker only compares times and never repeats the schedule's rules.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::checkin::checkin_status;
use super::goal::GoalStatus;
use super::schedule::CHECK_IN_TIME;
use super::zone::{utc_of_local, ZoneRules};
use super::Plan;

/// How many upcoming check-ins are handed to the service worker: enough for months of weekly
/// check-ins between two openings of the app.
pub const UPCOMING: usize = 12;

/// Whether a milestone or action belongs to work in progress (no goal: the plan as a whole).
fn goal_active(plan: &Plan, goal: Option<Uuid>) -> bool {
    goal.is_none_or(|id| {
        plan.goal(id)
            .is_some_and(|g| g.meta.is_live() && g.status == GoalStatus::Active)
    })
}

/// The number on the app badge: a check-in that is due, plus open milestones and actions of
/// active goals due today or earlier.
pub fn things_due(
    plan: &Plan,
    now: DateTime<Utc>,
    rules: &dyn ZoneRules,
    today: NaiveDate,
) -> usize {
    let checkin = plan
        .schedule
        .as_ref()
        .filter(|s| s.meta.is_live())
        .is_some_and(|s| checkin_status(&s.fields.at(now, rules), &plan.checkins, now).due);
    let milestones = plan
        .milestones
        .iter()
        .filter(|m| m.meta.is_live() && !m.is_done() && m.fields.due <= today)
        .filter(|m| goal_active(plan, Some(m.fields.goal_id)))
        .count();
    let actions = plan
        .actions
        .iter()
        .filter(|a| a.is_open() && a.fields.due.is_some_and(|d| d <= today))
        .filter(|a| goal_active(plan, a.fields.goal_id))
        .count();
    usize::from(checkin) + milestones + actions
}

/// One check-in the service worker may remind of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInReminder {
    pub plan_id: Uuid,
    pub plan_title: String,
    /// The client's day of the check-in, `YYYY-MM-DD`: a check-in recorded for this day or
    /// later means the reminder is no longer needed.
    pub day: NaiveDate,
    /// When to remind: [`CHECK_IN_TIME`] on that day in the schedule's zone.
    pub at: DateTime<Utc>,
}

/// The check-in that is due now (if none was recorded for it) and the next [`UPCOMING`] ones.
pub fn checkin_reminders(
    plan: &Plan,
    now: DateTime<Utc>,
    rules: &dyn ZoneRules,
) -> Vec<CheckInReminder> {
    let Some(s) = plan.schedule.as_ref().filter(|s| s.meta.is_live()) else {
        return Vec::new();
    };
    let here = s.fields.at(now, rules);
    let status = checkin_status(&here, &plan.checkins, now);
    let mut days: Vec<NaiveDate> = status
        .current_period_start
        .filter(|_| status.due)
        .into_iter()
        .collect();
    let mut d = status.today;
    for _ in 0..UPCOMING {
        d = here.next_after(d);
        if d == NaiveDate::MAX {
            break;
        }
        days.push(d);
    }
    let time = NaiveTime::from_hms_opt(CHECK_IN_TIME.0, CHECK_IN_TIME.1, 0).unwrap_or_default();
    days.into_iter()
        .map(|day| {
            let local = day.and_time(time);
            // Without a zone name (or one unknown here), the offset the zone has now.
            let at = s
                .fields
                .time_zone
                .as_deref()
                .and_then(|zone| utc_of_local(rules, zone, local))
                .unwrap_or_else(|| {
                    local.and_utc() - chrono::Duration::minutes(here.utc_offset_minutes.into())
                });
            CheckInReminder {
                plan_id: plan.id(),
                plan_title: plan.title.clone(),
                day,
                at,
            }
        })
        .collect()
}
