//! The SMART check: for each of Specific, Measurable, Achievable, Relevant and Time-bound, is it
//! met, and what exactly would make the goal better. It never gives a bare score, because "3/5"
//! tells a client nothing about what to do next.

use super::goal::{Goal, Serves};
use super::plan::Plan;

/// A specific description names what, how much, or where; a few words is the least that can.
pub const MIN_SPECIFIC_WORDS: usize = 4;
/// Scripts written without spaces (Chinese, Japanese, Thai) count characters instead.
pub const MIN_SPECIFIC_CHARS: usize = 12;
/// Below this confidence the checker suggests making the goal smaller or the date later.
pub const LOW_CONFIDENCE: u8 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmartLetter {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl SmartLetter {
    pub fn label(self) -> &'static str {
        match self {
            SmartLetter::Specific => "Specific",
            SmartLetter::Measurable => "Measurable",
            SmartLetter::Achievable => "Achievable",
            SmartLetter::Relevant => "Relevant",
            SmartLetter::TimeBound => "Time-bound",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    pub letter: SmartLetter,
    pub met: bool,
    /// What to do next. Always present when not met; may also be advice when met (for
    /// example a low confidence).
    pub hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartCheck {
    pub specific: Criterion,
    pub measurable: Criterion,
    pub achievable: Criterion,
    pub relevant: Criterion,
    pub time_bound: Criterion,
}

impl SmartCheck {
    pub fn criteria(&self) -> [&Criterion; 5] {
        [
            &self.specific,
            &self.measurable,
            &self.achievable,
            &self.relevant,
            &self.time_bound,
        ]
    }

    pub fn all_met(&self) -> bool {
        self.criteria().iter().all(|c| c.met)
    }

    pub fn missing(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria().into_iter().filter(|c| !c.met)
    }
}

fn met(letter: SmartLetter) -> Criterion {
    Criterion {
        letter,
        met: true,
        hint: None,
    }
}

fn missing(letter: SmartLetter, hint: String) -> Criterion {
    Criterion {
        letter,
        met: false,
        hint: Some(hint),
    }
}

/// Checks a goal against the plan it belongs to (for its KPIs and the client's values).
pub fn check_goal(plan: &Plan, goal: &Goal) -> SmartCheck {
    SmartCheck {
        specific: specific(goal),
        measurable: measurable(plan, goal),
        achievable: achievable(goal),
        relevant: relevant(plan, goal),
        time_bound: time_bound(goal),
    }
}

fn specific(goal: &Goal) -> Criterion {
    let d = goal.fields.description.trim();
    let words = d.split_whitespace().count();
    let chars = d.chars().filter(|c| !c.is_whitespace()).count();
    if d.is_empty() {
        missing(
            SmartLetter::Specific,
            "Specific: describe exactly what you will do or reach, e.g. 'Get a junior UX research role at a health-tech company in Berlin'.".into(),
        )
    } else if d.to_lowercase() == goal.fields.title.trim().to_lowercase() {
        missing(
            SmartLetter::Specific,
            "Specific: the description repeats the title. Say what exactly: which role, how much, where or with whom.".into(),
        )
    } else if words < MIN_SPECIFIC_WORDS && chars < MIN_SPECIFIC_CHARS {
        missing(
            SmartLetter::Specific,
            format!("Specific: '{d}' is a start. Add what exactly: which role, how much, where or with whom."),
        )
    } else {
        met(SmartLetter::Specific)
    }
}

fn measurable(plan: &Plan, goal: &Goal) -> Criterion {
    if plan.kpis_of(goal.meta.id).next().is_some() {
        met(SmartLetter::Measurable)
    } else {
        missing(
            SmartLetter::Measurable,
            "Measurable: add a KPI with a target, e.g. 'applications sent: 0 → 20'.".into(),
        )
    }
}

fn achievable(goal: &Goal) -> Criterion {
    let support = !goal.fields.support.trim().is_empty();
    match (goal.fields.confidence, support) {
        (None, false) => missing(
            SmartLetter::Achievable,
            "Achievable: rate from 1 to 10 how confident you are, and name the resources or support you will need (time, money, people, skills).".into(),
        ),
        (None, true) => missing(
            SmartLetter::Achievable,
            "Achievable: rate from 1 to 10 how confident you are that you can reach this.".into(),
        ),
        (Some(_), false) => missing(
            SmartLetter::Achievable,
            "Achievable: name the resources or support you will need, e.g. 'two evenings a week, a mentor in UX'.".into(),
        ),
        (Some(c), true) if c < LOW_CONFIDENCE => Criterion {
            letter: SmartLetter::Achievable,
            met: true,
            hint: Some(format!(
                "Achievable: confidence is {c}/10. Consider shrinking the goal or moving the date until it feels like at least a 7."
            )),
        },
        (Some(_), true) => met(SmartLetter::Achievable),
    }
}

fn relevant(plan: &Plan, goal: &Goal) -> Criterion {
    if goal.fields.serves.is_empty() {
        let example = plan
            .live_profile()
            .and_then(|p| p.values.first())
            .map_or_else(
                || "a value such as 'Curiosity'".to_owned(),
                |v| format!("a value such as '{v}'"),
            );
        return missing(
            SmartLetter::Relevant,
            format!("Relevant: link this goal to {example} or to your vision, so it is clear why it matters."),
        );
    }
    // A value that is not (or no longer) in the profile still counts, but is worth a look.
    let unknown = plan
        .profile
        .as_ref()
        .filter(|p| p.meta.is_live())
        .and_then(|p| {
            goal.fields.serves.iter().find_map(|s| match s {
                Serves::Value(v) if !p.holds_value(v) => Some(v.clone()),
                _ => None,
            })
        });
    match unknown {
        Some(v) => Criterion {
            letter: SmartLetter::Relevant,
            met: true,
            hint: Some(format!(
                "Relevant: '{v}' is not among the values in the profile. Add it there or link another value."
            )),
        },
        None => met(SmartLetter::Relevant),
    }
}

fn time_bound(goal: &Goal) -> Criterion {
    match goal.fields.target_date {
        None => missing(
            SmartLetter::TimeBound,
            "Time-bound: set a target date. When will this be done?".into(),
        ),
        Some(t) if t <= goal.fields.start_date => missing(
            SmartLetter::TimeBound,
            format!(
                "Time-bound: the target date must come after the start date ({}).",
                goal.fields.start_date.format("%Y-%m-%d")
            ),
        ),
        Some(_) => met(SmartLetter::TimeBound),
    }
}
