//! A goal in SMART form. The measure is not a field here: a goal is measured by the KPIs that
//! point at it (`Kpi::goal_id`), so there is one source of truth for targets and baselines.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, titled, Group};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Paused,
    Achieved,
    Dropped,
}

/// Declared in order of importance so that sorting puts high priority first.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

/// What a goal is relevant to: the client's vision or one of their values (by its text).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "to", content = "value")]
pub enum Serves {
    Vision,
    Value(String),
}

/// The editable part of a goal, as a form fills it in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalDraft {
    pub title: String,
    /// Why this matters to the client, in their words.
    pub why: String,
    /// Specific: what exactly will be done or reached.
    pub description: String,
    /// Achievable: how sure the client is, 1–10; `None` until asked.
    pub confidence: Option<u8>,
    /// Achievable: resources or support needed.
    pub support: String,
    /// Relevant: the values or vision this goal serves.
    pub serves: Vec<Serves>,
    pub start_date: NaiveDate,
    /// Time-bound.
    pub target_date: Option<NaiveDate>,
    pub priority: Priority,
}

impl GoalDraft {
    /// A draft with only a title and start date, the rest left for the SMART checker to ask for.
    pub fn titled(title: impl Into<String>, start_date: NaiveDate) -> Self {
        GoalDraft {
            title: title.into(),
            why: String::new(),
            description: String::new(),
            confidence: None,
            support: String::new(),
            serves: Vec::new(),
            start_date,
            target_date: None,
            priority: Priority::Medium,
        }
    }

    pub fn check(&self) -> Result<(), CoreError> {
        limits::title("The goal's title", &self.title)?;
        limits::long("Why", &self.why)?;
        limits::long("The description", &self.description)?;
        if let Some(c) = self.confidence {
            limits::rating("Confidence", c, 1, 10)?;
        }
        limits::long("Resources and support", &self.support)?;
        limits::list_len("Values served", &self.serves)?;
        for s in &self.serves {
            if let Serves::Value(v) = s {
                limits::title("The value served", v)?;
            }
        }
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`).
    pub const GROUPS: &'static [Group<GoalDraft>] = &[Group {
        fields: &["start_date", "target_date"],
        rule: GoalDraft::check_dates,
    }];

    /// The target date must come after the start date.
    fn check_dates(&self) -> Result<(), CoreError> {
        limits::date("The start date", self.start_date)?;
        if let Some(t) = self.target_date {
            limits::date("The target date", t)?;
            if t <= self.start_date {
                return Err(CoreError::DateOrder {
                    earlier: "the start date",
                    later: "The target date",
                });
            }
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub meta: Meta,
    pub status: GoalStatus,
    #[serde(flatten)]
    pub fields: GoalDraft,
}

impl Goal {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }

    pub fn is_open(&self) -> bool {
        self.meta.is_live() && matches!(self.status, GoalStatus::Active | GoalStatus::Paused)
    }
}

record!(Goal, DocKind::Goal, "goal", |meta| Goal {
    meta,
    status: GoalStatus::default(),
    fields: GoalDraft {
        title: String::new(),
        why: String::new(),
        description: String::new(),
        confidence: None,
        support: String::new(),
        serves: Vec::new(),
        start_date: NaiveDate::default(),
        target_date: None,
        priority: Priority::default(),
    },
},
    label: |r| titled("Goal", &r.fields.title),
    groups: GoalDraft::GROUPS,
);

/// A deliberate change to a goal, applied by `Plan::adapt_goal` together with its reason.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalChange {
    /// Move the target date.
    TargetDate(Option<NaiveDate>),
    /// Change what one of the goal's KPIs aims for.
    KpiTarget { kpi_id: uuid::Uuid, target: f64 },
    /// A new way of getting there: the specific description and the support needed.
    Strategy {
        description: String,
        support: String,
    },
    /// Pause, resume, drop or mark achieved.
    Status(GoalStatus),
    /// Any other edit of the goal's fields.
    Edit(GoalDraft),
}
