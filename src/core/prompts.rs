//! Reflection prompts drawn from coaching practice: questions that help a client notice energy,
//! avoidance, values in action, courage, learning from setbacks and who can help. Coaching
//! content, not screen text, so templates and exports can use the same list.

use chrono::{Datelike, NaiveDate};

/// The prompts offered when someone asks for one. Each is one question, short enough for a phone.
pub const REFLECTION_PROMPTS: &[&str] = &[
    "What gave you energy this week?",
    "What did you avoid, and why?",
    "Which of your values did you act on?",
    "What would you try if you knew you couldn't fail?",
    "What did you learn about yourself from a setback?",
    "Who could help you with your next step?",
    "What are you proud of, however small?",
    "What drained you, and what could you change about it?",
    "What would your future self thank you for doing this week?",
];

/// One prompt for a given day, the same all day and different from the day before, so an empty
/// journal can suggest a starting point without asking the person to choose.
pub fn prompt_for_day(day: NaiveDate) -> &'static str {
    let n = REFLECTION_PROMPTS.len() as i64;
    let i = i64::from(day.num_days_from_ce()).rem_euclid(n);
    REFLECTION_PROMPTS[i as usize]
}

/// The prompts to offer in a plan's journal: the coach's own for this plan first (they came
/// with the template), then the built-in list, each question once.
pub fn prompts_for(plan: &super::plan::Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = plan
        .prompts
        .iter()
        .map(String::as_str)
        .chain(REFLECTION_PROMPTS.iter().copied());
    for p in all {
        if !p.trim().is_empty() && !out.iter().any(|x| x == p) {
            out.push(p.to_owned());
        }
    }
    out
}
