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

/// A retake of `questions` started from an earlier take: what each question is prefilled with,
/// and the earlier answers no question asks again (a coach's own questions, or more answers in
/// an area than there are questions), which the new take keeps as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Retake {
    /// One per question, empty where it was not answered.
    pub prefilled: Vec<String>,
    pub not_asked: Vec<AssessmentAnswer>,
}

impl Retake {
    /// An earlier answer belongs to a question by its wording, else (a question worded
    /// differently, as a coach's) by its place in the area; each earlier answer is used once.
    pub fn of(earlier: &[AssessmentAnswer], questions: &[(AssessmentArea, &str)]) -> Self {
        let mut used = vec![false; earlier.len()];
        let mut pick: Vec<Option<usize>> = questions
            .iter()
            .map(|(area, q)| {
                let i = earlier
                    .iter()
                    .position(|a| a.area == *area && a.question == *q)?;
                used[i] = true;
                Some(i)
            })
            .collect();
        for (n, (area, _)) in questions.iter().enumerate() {
            if pick[n].is_some() {
                continue;
            }
            let place = questions[..n].iter().filter(|(a, _)| a == area).count();
            let i = earlier
                .iter()
                .enumerate()
                .filter(|(_, a)| a.area == *area)
                .nth(place)
                .map(|(i, _)| i)
                .filter(|i| !used[*i]);
            if let Some(i) = i {
                used[i] = true;
                pick[n] = Some(i);
            }
        }
        Retake {
            prefilled: pick
                .iter()
                .map(|i| i.map(|i| earlier[i].answer.clone()).unwrap_or_default())
                .collect(),
            not_asked: earlier
                .iter()
                .zip(&used)
                .filter(|(_, used)| !**used)
                .map(|(a, _)| a.clone())
                .collect(),
        }
    }

    /// The new take's answers: those given now (empty ones left out), then the ones not asked.
    pub fn answers(
        &self,
        questions: &[(AssessmentArea, &str)],
        given: &[String],
    ) -> Vec<AssessmentAnswer> {
        questions
            .iter()
            .zip(given)
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|((area, q), a)| AssessmentAnswer {
                area: *area,
                question: (*q).to_owned(),
                answer: a.trim().to_owned(),
            })
            .chain(self.not_asked.iter().cloned())
            .collect()
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
