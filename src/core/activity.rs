//! What the client did since the last exchange: the check-ins, KPI values, completed actions,
//! reflections, session notes and assessment or interest takes they recorded after a given
//! moment (the previous progress report), so a coach can start a session from it.

use super::sorting::sort_by_key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::action::Action;
use super::assessment::NeedsAssessment;
use super::checkin::CheckIn;
use super::grow::GrowNote;
use super::interests::InterestProfile;
use super::journal::Reflection;
use super::kpi::{Kpi, Measurement};
use super::record::{newest_first, Record};
use super::{Author, Plan};

/// The client's recorded work in a window, newest first in every list.
#[derive(Debug)]
pub struct ClientActivity<'a> {
    pub checkins: Vec<&'a CheckIn>,
    pub measurements: Vec<(&'a Kpi, &'a Measurement)>,
    pub completed: Vec<&'a Action>,
    pub reflections: Vec<&'a Reflection>,
    /// GROW notes the client wrote themselves.
    pub sessions: Vec<&'a GrowNote>,
    pub assessments: Vec<&'a NeedsAssessment>,
    pub interests: Vec<&'a InterestProfile>,
}

impl ClientActivity<'_> {
    pub fn is_empty(&self) -> bool {
        self.checkins.is_empty()
            && self.measurements.is_empty()
            && self.completed.is_empty()
            && self.reflections.is_empty()
            && self.sessions.is_empty()
            && self.assessments.is_empty()
            && self.interests.is_empty()
    }
}

/// Everything the client recorded after `since` (all of it when `None`). A record counts as
/// the client's when they made its last change; deleted records are left out.
pub fn client_activity(plan: &Plan, since: Option<DateTime<Utc>>) -> ClientActivity<'_> {
    let after = |t: DateTime<Utc>| since.is_none_or(|s| t > s);
    let mut checkins: Vec<&CheckIn> = plan
        .checkins
        .iter()
        .filter(|c| c.meta.is_live() && c.meta.updated_by == Author::Client)
        .filter(|c| after(c.meta.created_at))
        .collect();
    sort_by_key(&mut checkins, |c| {
        std::cmp::Reverse((c.date, c.meta.created_at))
    });

    let mut measurements: Vec<(&Kpi, &Measurement)> = plan
        .measurements
        .iter()
        .filter(|m| m.meta.is_live() && m.meta.updated_by == Author::Client)
        .filter(|m| after(m.meta.created_at))
        .filter_map(|m| {
            plan.kpis
                .iter()
                .find(|k| k.meta.is(m.kpi_id) && k.meta.is_live())
                .map(|k| (k, m))
        })
        .collect();
    sort_by_key(&mut measurements, |(_, m)| std::cmp::Reverse(m.at));

    let mut completed: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| a.meta.is_live() && a.meta.updated_by == Author::Client)
        .filter(|a| a.done_at.is_some_and(after))
        .collect();
    sort_by_key(&mut completed, |a| std::cmp::Reverse(a.done_at));

    let mut reflections: Vec<&Reflection> = plan
        .reflections
        .iter()
        .filter(|r| r.meta.is_live() && r.meta.updated_by == Author::Client)
        .filter(|r| after(r.meta.created_at))
        .collect();
    sort_by_key(&mut reflections, |r| std::cmp::Reverse(r.meta.created_at));

    // Dated records the client wrote in the window, newest first by their own day.
    fn theirs<R: Record>(
        records: &[R],
        day: impl Fn(&R) -> chrono::NaiveDate,
        after: impl Fn(DateTime<Utc>) -> bool,
    ) -> Vec<&R> {
        newest_first(records, day)
            .into_iter()
            .filter(|r| r.meta().updated_by == Author::Client && after(r.meta().created_at))
            .collect()
    }

    ClientActivity {
        checkins,
        measurements,
        completed,
        reflections,
        sessions: theirs(&plan.grow_notes, |n| n.fields.held_on, after),
        assessments: theirs(&plan.assessments, |a| a.fields.taken_on, after),
        interests: theirs(&plan.interest_profiles, |t| t.fields.taken_on, after),
    }
}

/// Which stretch of the client's work the coach's view covers: since the previous progress
/// report imported into this plan (all of it for the first), up to the latest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportWindow {
    pub plan_id: Uuid,
    /// When the client exported the latest report imported here.
    pub latest: DateTime<Utc>,
    /// When they exported the one before (none for the first report).
    pub previous: Option<DateTime<Utc>>,
    /// The coach has opened "Since the last report" since the latest report came in.
    #[serde(default)]
    pub seen: bool,
}

impl ReportWindow {
    /// The window after importing a report exported at `exported_at`. `None` when nothing
    /// changes: the same report, or an older one, imported again.
    pub fn after_import(
        current: Option<&ReportWindow>,
        plan_id: Uuid,
        exported_at: DateTime<Utc>,
    ) -> Option<ReportWindow> {
        match current {
            Some(w) if w.latest >= exported_at => None,
            Some(w) => Some(ReportWindow {
                plan_id,
                latest: exported_at,
                previous: Some(w.latest),
                seen: false,
            }),
            None => Some(ReportWindow {
                plan_id,
                latest: exported_at,
                previous: None,
                seen: false,
            }),
        }
    }

    /// Where the coach's view starts.
    pub fn since(&self) -> Option<DateTime<Utc>> {
        self.previous
    }
}
