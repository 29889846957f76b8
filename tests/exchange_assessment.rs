#![cfg(not(target_arch = "wasm32"))]
//! The needs assessment stays with the plan: each take is kept (a retake is a new version),
//! the newest is what the Markdown shows, and every take survives a file round trip and a
//! merge with an older copy.

use chrono::{DateTime, Duration, TimeZone, Utc};
use waymark::core::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use waymark::core::sample::sample_plan;
use waymark::core::Author;
use waymark::exchange::markdown::export_markdown;
use waymark::exchange::{export_plan, merge, parse_plan_file, Audience};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn retake(answer: &str, days: i64) -> AssessmentDraft {
    AssessmentDraft {
        taken_on: (t0() + Duration::days(days)).date_naive(),
        answers: vec![AssessmentAnswer {
            area: AssessmentArea::Motivations,
            question: "What draws you to UX research?".into(),
            answer: answer.into(),
        }],
    }
}

#[test]
fn every_take_is_kept_and_the_newest_is_shown() {
    let mut p = sample_plan(t0()).unwrap();
    let first = p.assessment_takes().len();
    assert!(first >= 1, "the sample plan has a take");
    let older = p.clone();
    let later = t0() + Duration::days(30);
    p.add_assessment(
        retake("Making products kinder to learners.", 30),
        later,
        Author::Client,
    )
    .unwrap();
    assert_eq!(p.assessment_takes().len(), first + 1);
    let latest = p.latest_assessment().unwrap();
    assert_eq!(
        latest.fields.answers[0].answer,
        "Making products kinder to learners."
    );

    let md = String::from_utf8(export_markdown(&p, Audience::Coach, later).bytes).unwrap();
    assert!(md.contains("## Needs assessment"), "{md}");
    assert!(md.contains("Making products kinder to learners."));
    assert!(md.contains("Earlier takes:"));

    // A file round trip keeps every take, and so does a merge with the older copy.
    let file = export_plan(&p, later, Author::Client);
    let back = parse_plan_file(&file.bytes).unwrap().plan;
    assert_eq!(back.assessment_takes().len(), first + 1);
    for merged in [
        merge(&p, &older).unwrap().plan,
        merge(&older, &p).unwrap().plan,
    ] {
        assert_eq!(merged.assessment_takes().len(), first + 1);
        assert_eq!(
            merged.latest_assessment().unwrap().fields.answers[0].answer,
            "Making products kinder to learners."
        );
    }
}

/// A retake asks the guided questions again; an answer to a question it does not ask (a coach's
/// extra question) is kept in the new take as it was, and an answer the client clears is gone.
#[test]
fn a_retake_keeps_the_answers_to_questions_it_does_not_ask() {
    use waymark::core::assessment::Retake;
    use waymark::core::questions::GUIDED_QUESTIONS;

    let (area, first) = GUIDED_QUESTIONS[0];
    let answer = |area, q: &str, a: &str| AssessmentAnswer {
        area,
        question: q.into(),
        answer: a.into(),
    };
    let earlier = vec![
        answer(area, first, "Work that matters"),
        answer(area, "A coach's own question?", "Being near the sea"),
        answer(
            AssessmentArea::Values,
            "What matters most at work?",
            "Honesty",
        ),
    ];
    let r = Retake::of(&earlier, GUIDED_QUESTIONS);
    assert_eq!(r.prefilled[0], "Work that matters");
    // The coach's question, worded differently, takes the place of the area's second guided
    // question; the guided questions ask nothing about values, so that answer is not asked.
    assert_eq!(GUIDED_QUESTIONS[1].0, area);
    assert_eq!(r.prefilled[1], "Being near the sea");
    let kept: Vec<&str> = r.not_asked.iter().map(|a| a.answer.as_str()).collect();
    assert_eq!(kept, ["Honesty"]);

    let mut given = r.prefilled.clone();
    given[0] = "Work that helps people".into();
    let answers = r.answers(GUIDED_QUESTIONS, &given);
    assert_eq!(answers[0], answer(area, first, "Work that helps people"));
    for a in &earlier[1..] {
        assert!(
            answers.iter().any(|x| x.answer == a.answer),
            "{} is kept",
            a.answer
        );
    }

    // Cleared on purpose: not carried over.
    given[0].clear();
    assert!(!r
        .answers(GUIDED_QUESTIONS, &given)
        .iter()
        .any(|x| x.question == first));
}
