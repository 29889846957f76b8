//! When check-ins happen: every N weeks on a weekday, or monthly on a day of the month, in the
//! client's own time zone. Everything here works on local calendar days, because "check in on
//! Monday" means the client's Monday, not UTC's.
//!
//! Occurrences start at `starts_on`: for weekly cadences the first occurrence is the first
//! matching weekday on or after it, and then every `weeks * 7` days. For monthly cadences the
//! occurrence in each month is `day`, clamped to the month's last day (the 31st becomes
//! 30 April, 28 or 29 February), and the first one is the first such day on or after `starts_on`.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, Group};
use super::zone::{is_zone_name, offset_at, ZoneRules};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// Offsets from UTC, in minutes (e.g. +60 for Berlin in winter, -300 for New York in winter),
/// beyond ±14 hours do not exist.
pub const MAX_UTC_OFFSET_MINUTES: i32 = 14 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "every")]
pub enum Cadence {
    /// Every `weeks` weeks (1–12) on `weekday`.
    Weeks { weeks: u8, weekday: Weekday },
    /// Every month on `day` (1–31), clamped to the month's end.
    Monthly { day: u8 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleDraft {
    pub cadence: Cadence,
    /// The offset the zone had when the schedule was last written; the due day uses it only
    /// when there is no zone name (files from before zone names) or the zone is unknown here.
    pub utc_offset_minutes: i32,
    pub starts_on: NaiveDate,
    /// The client's time zone by IANA name ("Europe/Berlin"), so the due day follows their
    /// summer-time changes. Absent in files written before zone names existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

impl ScheduleDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`).
    pub const GROUPS: &'static [Group<ScheduleDraft>] = &[Group {
        fields: &["cadence", "utc_offset_minutes", "starts_on", "time_zone"],
        rule: ScheduleDraft::check_days,
    }];

    /// When check-ins happen is one decision: the cadence, the time zone and the first day
    /// together make the days.
    fn check_days(&self) -> Result<(), CoreError> {
        match self.cadence {
            Cadence::Weeks { weeks, .. } => limits::rating("The number of weeks", weeks, 1, 12)?,
            Cadence::Monthly { day } => limits::rating("The day of the month", day, 1, 31)?,
        }
        if self.utc_offset_minutes.abs() > MAX_UTC_OFFSET_MINUTES {
            return Err(CoreError::BadUtcOffset);
        }
        if let Some(z) = &self.time_zone {
            if !is_zone_name(z) {
                return Err(CoreError::BadTimeZone);
            }
        }
        limits::date("The first check-in date", self.starts_on)
    }

    /// The schedule with the offset its zone has at `now`, which every day calculation of the
    /// schedule (`local_date`, `checkin_status`) then uses: in Berlin that is +60 in January
    /// and +120 in July, whatever the offset was when the schedule was written.
    pub fn at(&self, now: DateTime<Utc>, rules: &dyn ZoneRules) -> ScheduleDraft {
        ScheduleDraft {
            utc_offset_minutes: offset_at(
                rules,
                self.time_zone.as_deref(),
                self.utc_offset_minutes,
                now,
            ),
            ..self.clone()
        }
    }

    /// The first occurrence on or after `day`.
    pub fn first_on_or_after(&self, day: NaiveDate) -> NaiveDate {
        let day = day.max(self.starts_on);
        match self.cadence {
            Cadence::Weeks { weeks, weekday } => {
                let anchor = self.anchor(weekday);
                if day <= anchor {
                    return anchor;
                }
                let step = period_days(weeks);
                let since = (day - anchor).num_days();
                let k = (since + step - 1) / step;
                add_days(anchor, k * step)
            }
            Cadence::Monthly { day: dom } => {
                let here = clamp_day(day.year(), day.month(), dom);
                if here >= day {
                    here
                } else {
                    let (y, m) = next_month(day.year(), day.month());
                    clamp_day(y, m, dom)
                }
            }
        }
    }

    /// The first occurrence strictly after `day`.
    pub fn next_after(&self, day: NaiveDate) -> NaiveDate {
        self.first_on_or_after(add_days(day, 1))
    }

    /// The latest occurrence on or before `day`, or `None` before the first one.
    pub fn last_on_or_before(&self, day: NaiveDate) -> Option<NaiveDate> {
        let first = self.first_on_or_after(self.starts_on);
        if day < first {
            return None;
        }
        Some(match self.cadence {
            Cadence::Weeks { weeks, .. } => {
                let step = period_days(weeks);
                let k = (day - first).num_days() / step;
                add_days(first, k * step)
            }
            Cadence::Monthly { day: dom } => {
                let here = clamp_day(day.year(), day.month(), dom);
                if here <= day {
                    here
                } else {
                    let (y, m) = prev_month(day.year(), day.month());
                    clamp_day(y, m, dom)
                }
            }
        })
    }

    /// The scheduled days from `from` to `to` (inclusive), oldest first.
    pub fn occurrences_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = self.first_on_or_after(from);
        while d <= to && d < NaiveDate::MAX {
            out.push(d);
            d = self.next_after(d);
        }
        out
    }

    /// The first matching weekday on or after `starts_on`.
    fn anchor(&self, weekday: Weekday) -> NaiveDate {
        let ahead = (7 + weekday.num_days_from_monday() as i64
            - self.starts_on.weekday().num_days_from_monday() as i64)
            % 7;
        add_days(self.starts_on, ahead)
    }
}

/// The plan's one check-in schedule. Its id is derived from the plan id (`ids::schedule_id`);
/// clearing the schedule tombstones it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInSchedule {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: ScheduleDraft,
}

impl CheckInSchedule {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(
    CheckInSchedule,
    DocKind::Schedule,
    "check-in schedule",
    |meta| CheckInSchedule {
        meta,
        fields: ScheduleDraft {
            cadence: Cadence::Monthly { day: 1 },
            utc_offset_minutes: 0,
            starts_on: NaiveDate::default(),
            time_zone: None,
        },
    },
    label: |_| "Check-in schedule".to_owned(),
    groups: ScheduleDraft::GROUPS,
);

pub use super::meta::local_date;

/// The next check-in day strictly after the client's today.
pub fn next_checkin(schedule: &ScheduleDraft, now: DateTime<Utc>) -> NaiveDate {
    schedule.next_after(local_date(now, schedule.utc_offset_minutes))
}

fn period_days(weeks: u8) -> i64 {
    7 * i64::from(weeks.max(1))
}

/// Adds days, saturating at the end of the calendar rather than panicking.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
            .unwrap_or(NaiveDate::MAX)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
            .unwrap_or(NaiveDate::MIN)
    }
}

fn next_month(y: i32, m: u32) -> (i32, u32) {
    if m == 12 {
        (y + 1, 1)
    } else {
        (y, m + 1)
    }
}

fn prev_month(y: i32, m: u32) -> (i32, u32) {
    if m == 1 {
        (y - 1, 12)
    } else {
        (y, m - 1)
    }
}

/// `dom` in the given month, or the month's last day when the month is shorter.
fn clamp_day(y: i32, m: u32, dom: u8) -> NaiveDate {
    let mut d = u32::from(dom.clamp(1, 31));
    loop {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return date;
        }
        if d <= 28 {
            // Every month has a 28th; only an out-of-range year gets here.
            return NaiveDate::MAX;
        }
        d -= 1;
    }
}

/// The wall-clock time of a check-in in calendars and notifications: the schedule has days, not
/// times, and a morning reminder leaves the day to act on it.
pub const CHECK_IN_TIME: (u32, u32) = (9, 0);

/// How long before a check-in its reminder rings (the calendar file's alarm). A choice of the
/// person on this device, kept in their preferences, not in the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlarmLead {
    AtTime,
    #[default]
    HourBefore,
    DayBefore,
}

impl AlarmLead {
    pub const ALL: [AlarmLead; 3] = [
        AlarmLead::AtTime,
        AlarmLead::HourBefore,
        AlarmLead::DayBefore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AlarmLead::AtTime => "At the time",
            AlarmLead::HourBefore => "1 hour before",
            AlarmLead::DayBefore => "1 day before",
        }
    }
}
