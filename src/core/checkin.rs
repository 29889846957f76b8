//! The regular check-in: per goal what moved, what blocks, what is next, plus how confident and
//! how well the client feels. Also the derived view of the routine itself: is a check-in due, and
//! how many scheduled periods in a row have one (the streak).

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::record;
use super::schedule::{local_date, ScheduleDraft};
use super::sorting::sort;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A KPI value given during a check-in. `Plan::record_checkin` turns each into a `Measurement`
/// so progress has one source; the entry then keeps the measurement ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiValue {
    pub kpi_id: Uuid,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalEntryDraft {
    pub goal_id: Uuid,
    pub progress_note: String,
    pub kpi_values: Vec<KpiValue>,
    pub blockers: String,
    pub next_steps: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckInDraft {
    /// The client's calendar day this check-in belongs to.
    pub date: NaiveDate,
    pub entries: Vec<GoalEntryDraft>,
    /// 1–10.
    pub confidence: u8,
    /// 1 (low) – 5 (great).
    pub mood: u8,
}

impl CheckInDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::date("The check-in date", self.date)?;
        limits::list_len("Goals in a check-in", &self.entries)?;
        for e in &self.entries {
            limits::long("The progress note", &e.progress_note)?;
            limits::long("Blockers", &e.blockers)?;
            limits::long("Next steps", &e.next_steps)?;
            limits::list_len("KPI values", &e.kpi_values)?;
            for v in &e.kpi_values {
                limits::number("The KPI value", v.value)?;
            }
        }
        limits::rating("Confidence", self.confidence, 1, 10)?;
        limits::rating("Mood", self.mood, 1, 5)
    }
}

/// What can be corrected in a past check-in: its day, ratings and, per goal entry (in the
/// check-in's order), the words written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInEdit {
    pub date: NaiveDate,
    pub confidence: u8,
    pub mood: u8,
    pub notes: Vec<EntryNotes>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EntryNotes {
    pub progress_note: String,
    pub blockers: String,
    pub next_steps: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalEntry {
    pub goal_id: Uuid,
    pub progress_note: String,
    /// The measurements logged with this check-in.
    pub measurement_ids: Vec<Uuid>,
    pub blockers: String,
    pub next_steps: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub meta: Meta,
    pub date: NaiveDate,
    pub entries: Vec<GoalEntry>,
    pub confidence: u8,
    pub mood: u8,
}

impl CheckIn {
    fn check(&self) -> Result<(), CoreError> {
        limits::date("The check-in date", self.date)?;
        limits::list_len("Goals in a check-in", &self.entries)?;
        for e in &self.entries {
            limits::long("The progress note", &e.progress_note)?;
            limits::long("Blockers", &e.blockers)?;
            limits::long("Next steps", &e.next_steps)?;
            limits::list_len("KPI values", &e.measurement_ids)?;
        }
        limits::rating("Confidence", self.confidence, 1, 10)?;
        limits::rating("Mood", self.mood, 1, 5)
    }
}

record!(CheckIn, DocKind::CheckIn, "check-in", |meta| CheckIn {
    meta,
    date: NaiveDate::default(),
    entries: Vec::new(),
    confidence: 0,
    mood: 0,
},
    label: |r| format!("Check-in of {}", r.date),
);

/// Where the client stands with their check-in routine today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInStatus {
    /// The client's calendar day at `now`.
    pub today: NaiveDate,
    /// The most recent scheduled day on or before today.
    pub current_period_start: Option<NaiveDate>,
    /// A scheduled day has passed (or is today) and no check-in was recorded since.
    pub due: bool,
    /// The next scheduled day strictly after today.
    pub next: NaiveDate,
    /// Consecutive scheduled periods, ending now, that have a check-in. The period in progress
    /// counts when it has one and does not break the streak while it is still open.
    pub streak: u32,
}

/// Computes the routine's status. A period runs from one scheduled day up to the next; a
/// check-in dated anywhere in it counts for it. Deleted check-ins are ignored.
pub fn checkin_status<'a>(
    schedule: &ScheduleDraft,
    checkins: impl IntoIterator<Item = &'a CheckIn>,
    now: DateTime<Utc>,
) -> CheckInStatus {
    let dates: Vec<NaiveDate> = checkins
        .into_iter()
        .filter(|c| c.meta.is_live())
        .map(|c| c.date)
        .collect();
    status_of_days(schedule, dates, now)
}

/// [`checkin_status`] from the days of the live check-ins alone (the Clients screen keeps
/// only those for each plan).
pub fn status_of_days(
    schedule: &ScheduleDraft,
    mut dates: Vec<NaiveDate>,
    now: DateTime<Utc>,
) -> CheckInStatus {
    let today = local_date(now, schedule.utc_offset_minutes);
    sort(&mut dates);
    let has_between = |from: NaiveDate, to: NaiveDate| {
        let i = dates.partition_point(|d| *d < from);
        dates.get(i).is_some_and(|d| *d <= to)
    };

    let next = schedule.next_after(today);
    let current = schedule.last_on_or_before(today);
    let due = current.is_some_and(|start| !has_between(start, today));

    let mut streak = 0;
    if let Some(start) = current {
        if has_between(start, today) {
            streak += 1;
        }
        let mut end = start;
        while let Some(prev) = schedule.last_on_or_before(super::schedule::add_days(end, -1)) {
            if !has_between(prev, super::schedule::add_days(end, -1)) {
                break;
            }
            streak += 1;
            end = prev;
        }
    }
    CheckInStatus {
        today,
        current_period_start: current,
        due,
        next,
        streak,
    }
}
