//! The guided needs assessment: the probing questions a coach would open with, and values
//! people commonly name. Coaching content, kept in core so templates and tests can use it.

use super::assessment::AssessmentArea;

/// The questions of the first-run assessment, in the order they are asked.
pub const GUIDED_QUESTIONS: &[(AssessmentArea, &str)] = &[
    (
        AssessmentArea::Motivations,
        "What do you want your career to give you in the next few years?",
    ),
    (
        AssessmentArea::Motivations,
        "When did you last feel energised at work, and what were you doing?",
    ),
    (
        AssessmentArea::Barriers,
        "What has held you back from making this change so far?",
    ),
    (
        AssessmentArea::Barriers,
        "What worries you most about the next step?",
    ),
    (AssessmentArea::Strengths, "What do people come to you for?"),
    (
        AssessmentArea::Resources,
        "Who or what could support you: people, time, money, training?",
    ),
];

/// Values to choose from, in the assessment and on the profile alike; people may add their own.
pub const SUGGESTED_VALUES: &[&str] = &[
    "Autonomy",
    "Balance",
    "Challenge",
    "Collaboration",
    "Creativity",
    "Curiosity",
    "Expertise",
    "Financial security",
    "Helping others",
    "Impact",
    "Leadership",
    "Learning",
    "Recognition",
    "Stability",
    "Variety",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::limits;

    #[test]
    fn every_question_fits_the_limits_an_answer_is_stored_with() {
        for (_, q) in GUIDED_QUESTIONS {
            assert!(limits::title("Question", q).is_ok(), "{q}");
        }
        for v in SUGGESTED_VALUES {
            assert!(limits::short("Value", v).is_ok(), "{v}");
        }
    }
}
