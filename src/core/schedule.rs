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
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The client's time zone as a fixed offset from UTC, in minutes (e.g. +60 for Berlin in
/// winter, -300 for New York in winter). Offsets beyond ±14 hours do not exist.
pub const MAX_UTC_OFFSET_MINUTES: i32 = 14 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "every")]
pub enum Cadence {
    /// Every `weeks` weeks (1–12) on `weekday`.
    Weeks { weeks: u8, weekday: Weekday },
    /// Every month on `day` (1–31), clamped to the month's end.
    Monthly { day: u8 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleDraft {
    pub cadence: Cadence,
    pub utc_offset_minutes: i32,
    pub starts_on: NaiveDate,
}

impl ScheduleDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`).
    pub const GROUPS: &'static [Group<ScheduleDraft>] = &[Group {
        fields: &["cadence", "utc_offset_minutes", "starts_on"],
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
        limits::date("The first check-in date", self.starts_on)
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
        },
    },
    label: |_| "Check-in schedule".to_owned(),
    groups: ScheduleDraft::GROUPS,
);

/// The calendar day it is for the client at `now`.
pub fn local_date(now: DateTime<Utc>, utc_offset_minutes: i32) -> NaiveDate {
    now.checked_add_signed(Duration::minutes(utc_offset_minutes.into()))
        .unwrap_or(now)
        .date_naive()
}

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
