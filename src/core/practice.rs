//! What the Clients screen shows about each client plan on a coach's device: whether a
//! check-in is due, the streak, goals on or behind pace and KPIs moving.
//!
//! A coach may hold 30 plans; decoding every one of them each time the screen opens would be
//! slow. So each plan's [`PlanFacts`] are taken when the plan is saved or opened (small: the
//! schedule, the days of its check-ins, each open goal's dates and its KPIs' last two values)
//! and the [`Standing`] for today is worked out from them, so it never goes stale as days pass.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::checkin::status_of_days;
use super::kpi::KpiDraft;
use super::progress::{pace_between, percent_of_target, Pace};
use super::schedule::ScheduleDraft;
use super::{DocKind, Plan};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiFacts {
    pub kpi: KpiDraft,
    pub latest: Option<f64>,
    /// The value before the latest one.
    pub previous: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalFacts {
    pub start: NaiveDate,
    pub target: Option<NaiveDate>,
    pub kpis: Vec<KpiFacts>,
}

/// What a plan's standing on any day is worked out from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFacts {
    /// Whom the plan is for (the coach's name for them, else the client's own).
    pub client_name: Option<String>,
    pub schedule: Option<ScheduleDraft>,
    /// The days of the live check-ins.
    pub checkin_days: Vec<NaiveDate>,
    /// The open goals.
    pub goals: Vec<GoalFacts>,
}

/// Where the check-in routine stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckInDue {
    /// No check-in schedule yet.
    NoSchedule,
    /// A scheduled day has come with no check-in for it: `since` is the first such day after
    /// the last check-in; `days_late` counts from it (0 on the day).
    Due {
        since: NaiveDate,
        days_late: i64,
    },
    NotDue {
        next: NaiveDate,
    },
}

/// A plan's standing on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Standing {
    pub checkin: CheckInDue,
    pub streak: u32,
    /// Open goals whose KPIs say on track or ahead (a goal without a target date or a value
    /// counts in neither).
    pub goals_on_pace: usize,
    pub goals_behind: usize,
    /// KPIs whose latest value moved towards the target from the one before.
    pub kpis_moving: usize,
    /// KPIs of open goals.
    pub kpis: usize,
}

impl Standing {
    /// Late with a check-in: a scheduled day has passed with none.
    pub fn overdue(&self) -> bool {
        matches!(self.checkin, CheckInDue::Due { days_late, .. } if days_late > 0)
    }
}

impl PlanFacts {
    /// Whether a change to a record of `kind` can change the facts (a reflection, say,
    /// cannot), so a change that touches none of these kinds need not work them out again.
    pub fn depend_on(kind: DocKind) -> bool {
        matches!(
            kind,
            DocKind::Plan
                | DocKind::Profile
                | DocKind::Schedule
                | DocKind::CheckIn
                | DocKind::Goal
                | DocKind::Kpi
                | DocKind::Measurement
        )
    }

    pub fn of(plan: &Plan) -> PlanFacts {
        // The last two values of each KPI, in one pass (a plan may hold thousands).
        type Key = (DateTime<Utc>, DateTime<Utc>, Uuid);
        let mut last_two: HashMap<Uuid, [Option<(Key, f64)>; 2]> = HashMap::new();
        for m in plan.measurements.iter().filter(|m| m.meta.is_live()) {
            let key = (m.at, m.meta.created_at, m.meta.id);
            let slot = last_two.entry(m.kpi_id).or_default();
            if slot[0].is_none_or(|(k, _)| key > k) {
                slot[1] = slot[0];
                slot[0] = Some((key, m.value));
            } else if slot[1].is_none_or(|(k, _)| key > k) {
                slot[1] = Some((key, m.value));
            }
        }
        let goals = plan
            .goals
            .iter()
            .filter(|g| g.is_open())
            .map(|g| GoalFacts {
                start: g.fields.start_date,
                target: g.fields.target_date,
                kpis: plan
                    .kpis_of(g.meta.id)
                    .map(|k| {
                        let [latest, previous] =
                            last_two.get(&k.meta.id).copied().unwrap_or_default();
                        KpiFacts {
                            kpi: k.fields.clone(),
                            latest: latest.map(|(_, v)| v),
                            previous: previous.map(|(_, v)| v),
                        }
                    })
                    .collect(),
            })
            .collect();
        PlanFacts {
            client_name: plan.client_name().map(str::to_owned),
            schedule: plan.live_schedule().cloned(),
            checkin_days: plan
                .checkins
                .iter()
                .filter(|c| c.meta.is_live())
                .map(|c| c.date)
                .collect(),
            goals,
        }
    }

    /// The standing at `now`.
    pub fn standing(&self, now: DateTime<Utc>) -> Standing {
        let (checkin, streak, today) = match &self.schedule {
            None => (CheckInDue::NoSchedule, 0, now.date_naive()),
            Some(s) => {
                let st = status_of_days(s, self.checkin_days.clone(), now);
                let checkin = match st.current_period_start {
                    Some(current) if st.due => {
                        // Late since the first scheduled day with no check-in after the last
                        // one: a client who missed three weeks is later than one who missed one.
                        let since = match self.checkin_days.iter().max() {
                            Some(last) => s.next_after(*last),
                            None => s.first_on_or_after(s.starts_on),
                        }
                        .min(current);
                        CheckInDue::Due {
                            since,
                            days_late: (st.today - since).num_days(),
                        }
                    }
                    _ => CheckInDue::NotDue { next: st.next },
                };
                (checkin, st.streak, st.today)
            }
        };
        let mut standing = Standing {
            checkin,
            streak,
            goals_on_pace: 0,
            goals_behind: 0,
            kpis_moving: 0,
            kpis: 0,
        };
        for g in &self.goals {
            let worst = g
                .kpis
                .iter()
                .filter_map(|k| pace_between(&k.kpi, g.start, g.target, k.latest?, today))
                .min_by_key(|p| match p {
                    Pace::Behind => 0,
                    Pace::OnTrack => 1,
                    Pace::Ahead => 2,
                });
            match worst {
                Some(Pace::Behind) => standing.goals_behind += 1,
                Some(_) => standing.goals_on_pace += 1,
                None => {}
            }
            standing.kpis += g.kpis.len();
            standing.kpis_moving += g
                .kpis
                .iter()
                .filter(|k| match (k.latest, k.previous) {
                    (Some(l), Some(p)) => {
                        percent_of_target(&k.kpi, l) > percent_of_target(&k.kpi, p)
                    }
                    _ => false,
                })
                .count();
        }
        standing
    }
}
