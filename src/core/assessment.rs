//! The needs assessment: what moves the client, what holds them back, what they can draw on.
//! It is dated and can be taken again, so a plan keeps every take and shows how answers moved.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The area of the coaching conversation a question belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentArea {
    Motivations,
    Barriers,
    Strengths,
    Values,
    Resources,
}

impl AssessmentArea {
    pub const ALL: [AssessmentArea; 5] = [
        AssessmentArea::Motivations,
        AssessmentArea::Barriers,
        AssessmentArea::Strengths,
        AssessmentArea::Values,
        AssessmentArea::Resources,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentAnswer {
    pub area: AssessmentArea,
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    pub taken_on: NaiveDate,
    pub answers: Vec<AssessmentAnswer>,
}

impl AssessmentDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::date("The assessment date", self.taken_on)?;
        limits::list_len("Answers", &self.answers)?;
        for a in &self.answers {
            limits::title("Question", &a.question)?;
            limits::long("Answer", &a.answer)?;
        }
        Ok(())
    }

    /// The answers of one area, in the order they were asked.
    pub fn answers_in(&self, area: AssessmentArea) -> impl Iterator<Item = &AssessmentAnswer> {
        self.answers.iter().filter(move |a| a.area == area)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedsAssessment {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: AssessmentDraft,
}

impl NeedsAssessment {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(NeedsAssessment, DocKind::Assessment, "assessment", |meta| {
    NeedsAssessment {
        meta,
        fields: AssessmentDraft {
            taken_on: NaiveDate::default(),
            answers: Vec::new(),
        },
    }
},
    label: |r| format!("Needs assessment of {}", r.fields.taken_on),
);
