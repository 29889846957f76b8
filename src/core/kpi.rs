//! How a goal is measured: a KPI with a baseline, a target and a direction, and the values
//! logged against it over time. Progress is derived from these (see `progress`), never stored.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::record;
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
});

/// One value of a KPI at a moment. Append-only in spirit: corrections are new measurements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub meta: Meta,
    pub kpi_id: Uuid,
    pub value: f64,
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
});
