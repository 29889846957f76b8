//! How a goal is measured: a KPI with a baseline, a target and a direction, and the values
//! logged against it over time. Progress is derived from these (see `progress`), never stored.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, titled, Group};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Whether more is better (applications sent) or less is better (hours of overtime).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Up,
    Down,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiDraft {
    pub goal_id: Uuid,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub direction: Direction,
}

impl KpiDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::title("The KPI's name", &self.name)?;
        limits::short("The unit", &self.unit)?;
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`).
    pub const GROUPS: &'static [Group<KpiDraft>] = &[Group {
        fields: &["baseline", "target", "direction"],
        rule: KpiDraft::check_target,
    }];

    fn check_target(&self) -> Result<(), CoreError> {
        limits::number("The baseline", self.baseline)?;
        limits::number("The target", self.target)?;
        // A target on the wrong side of the baseline would make "percent of target" run
        // backwards, so the direction and the numbers must agree.
        match self.direction {
            Direction::Up if self.target < self.baseline => Err(CoreError::KpiTargetDirection {
                direction: "up",
                relation: "at or above",
            }),
            Direction::Down if self.target > self.baseline => Err(CoreError::KpiTargetDirection {
                direction: "down",
                relation: "at or below",
            }),
            _ => Ok(()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: KpiDraft,
}

impl Kpi {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(Kpi, DocKind::Kpi, "KPI", |meta| Kpi {
    meta,
    fields: KpiDraft {
        goal_id: uuid::Uuid::nil(),
        name: String::new(),
        unit: String::new(),
        baseline: 0.0,
        target: 0.0,
        direction: Direction::default(),
    },
},
    label: |r| titled("KPI", &r.fields.name),
    groups: KpiDraft::GROUPS,
);

/// One value of a KPI at a moment. Append-only in spirit: corrections are new measurements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub meta: Meta,
    pub kpi_id: Uuid,
    pub value: f64,
    #[serde(deserialize_with = "crate::core::meta::instant::deserialize")]
    pub at: DateTime<Utc>,
}

impl Measurement {
    fn check(&self) -> Result<(), CoreError> {
        limits::number("The value", self.value)?;
        limits::instant("The measurement time", self.at)
    }
}

record!(Measurement, DocKind::Measurement, "measurement", |meta| {
    Measurement {
        meta,
        kpi_id: uuid::Uuid::nil(),
        value: 0.0,
        at: DateTime::<Utc>::UNIX_EPOCH,
    }
},
    label: |r| format!("Measurement of {}: {}", r.at.format("%Y-%m-%d"), r.value),
);

/// The unit as it reads after `value`: a KPI's unit is written for many ("courses",
/// "applications"), so one of them reads "1 course". Units that are not plural nouns ("%",
/// "kg", "hours a week") are left as they are, apart from a plural first word.
pub fn unit_for(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    if value.abs() != 1.0 {
        return unit.to_owned();
    }
    // The noun counted is the last plural word before a phrase such as "a week" or "per day":
    // "case studies" → "case study", "hours a week" → "hour a week".
    let words: Vec<&str> = unit.split(' ').collect();
    let end = words
        .iter()
        .position(|w| LINKS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let Some(i) = words[..end]
        .iter()
        .rposition(|w| w.to_lowercase().ends_with('s'))
    else {
        return unit.to_owned();
    };
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    out[i] = singular(words[i]);
    out.join(" ")
}

/// Words that start the phrase after a unit's noun ("a week", "per day", "of code").
const LINKS: &[&str] = &[
    "a", "an", "per", "each", "every", "of", "in", "on", "to", "for",
];

fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    let keep = word.chars().count() < 3
        || !word.chars().all(char::is_alphabetic)
        || lower.ends_with("ss")
        || lower.ends_with("us")
        || lower.ends_with("is");
    if keep || !lower.ends_with('s') {
        return word.to_owned();
    }
    let cut = |n: usize| word[..word.len() - n].to_owned();
    if lower.ends_with("ies") {
        format!("{}y", cut(3))
    } else if ["ches", "shes", "xes", "sses", "zes"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        cut(2)
    } else {
        cut(1)
    }
}
