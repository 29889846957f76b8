//! A dated step on the way to a goal: the thing a client can tick off well before the goal is met.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{record, titled};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneDraft {
    pub goal_id: Uuid,
    pub title: String,
    pub due: NaiveDate,
    /// Position among the goal's milestones; lower comes first.
    pub order: u32,
}

impl MilestoneDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::title("The milestone's title", &self.title)?;
        limits::date("The due date", self.due)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: MilestoneDraft,
    pub done_at: Option<DateTime<Utc>>,
}

impl Milestone {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()?;
        if let Some(t) = self.done_at {
            limits::instant("The completion date", t)?;
        }
        Ok(())
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }
}

record!(Milestone, DocKind::Milestone, "milestone", |meta| {
    Milestone {
        meta,
        fields: MilestoneDraft {
            goal_id: uuid::Uuid::nil(),
            title: String::new(),
            due: NaiveDate::default(),
            order: 0,
        },
        done_at: None,
    }
},
    label: |r| titled("Milestone", &r.fields.title),
);
