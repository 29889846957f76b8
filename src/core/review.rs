//! The progress review: a look back over a period (what went well, what to change). The facts
//! of the period, gathered from the plan so the conversation starts from evidence, are in
//! `period.rs`.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, Group};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDraft {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub went_well: String,
    pub to_change: String,
}

impl ReviewDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        check_groups(self, Self::GROUPS)?;
        limits::long("What went well", &self.went_well)?;
        limits::long("What to change", &self.to_change)
    }

    /// The rules that tie fields together (see `Group`).
    pub const GROUPS: &'static [Group<ReviewDraft>] = &[Group {
        fields: &["from", "to"],
        rule: ReviewDraft::check_period,
    }];

    /// The period must not end before it starts.
    fn check_period(&self) -> Result<(), CoreError> {
        limits::date("The start of the period", self.from)?;
        limits::date("The end of the period", self.to)?;
        if self.to < self.from {
            return Err(CoreError::DateOrder {
                earlier: "the start of the period",
                later: "The end of the period",
            });
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReview {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: ReviewDraft,
}

impl ProgressReview {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(ProgressReview, DocKind::Review, "review", |meta| {
    ProgressReview {
        meta,
        fields: ReviewDraft {
            from: NaiveDate::default(),
            to: NaiveDate::default(),
            went_well: String::new(),
            to_change: String::new(),
        },
    }
},
    label: |r| format!("Review of {} to {}", r.fields.from, r.fields.to),
    groups: ReviewDraft::GROUPS,
);
