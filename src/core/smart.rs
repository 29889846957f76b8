//! The SMART check: for each of Specific, Measurable, Achievable, Relevant and Time-bound, is it
//! met, and what exactly would make the goal better. It never gives a bare score, because "3/5"
//! tells a client nothing about what to do next.

use super::goal::{Goal, Serves};
use super::plan::Plan;

/// A specific description names a result, an object and a scope (see [`specific_signals`]);
/// a few words is the least that can.
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

/// Verbs that name a result someone can see happen: getting, finishing, publishing.
#[rustfmt::skip]
const RESULT_VERBS: &[&str] = &[
    "get", "land", "win", "earn", "gain", "pass", "finish", "complete", "publish", "launch",
    "ship", "build", "create", "write", "present", "speak", "lead", "run", "start", "found",
    "open", "move", "switch", "join", "become", "apply", "deliver", "teach", "release", "hire",
    "sign", "secure", "reach", "cut", "reduce", "raise", "increase", "save", "organise",
    "organize", "host", "attend", "qualify", "graduate", "negotiate", "obtain",
];

/// Things a goal can be about, which someone else could check exist.
#[rustfmt::skip]
const OBJECT_WORDS: &[&str] = &[
    "role", "job", "position", "post", "offer", "promotion", "contract", "salary", "raise",
    "certificate", "certification", "degree", "diploma", "course", "qualification", "licence",
    "license", "exam", "portfolio", "case study", "case studies", "interview", "project",
    "client", "customer", "talk", "article", "paper", "book", "blog", "website", "site", "app",
    "business", "company", "team", "mentor", "meetup", "conference", "workshop", "application",
    "study", "studies", "report", "product", "service", "prototype", "newsletter", "podcast",
    "video", "hours", "hour", "days", "week", "weeks", "referral", "referrals",
];

/// Numbers written as words, and words that set a quantity or a rhythm.
#[rustfmt::skip]
const SCOPE_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "fifty", "hundred", "dozen", "half", "per", "every", "each", "weekly",
    "monthly", "daily", "most", "least", "first",
];

/// Phrases that promise change without saying what will be different.
#[rustfmt::skip]
const VAGUE_PHRASES: &[&str] = &[
    "get better", "better at", "be better", "improve", "learn more", "more about", "work on",
    "be more", "get more", "somehow", "something", "stuff", "things", "in general", "a bit",
    "more confident", "up my game", "level up",
];

/// Why a description reads as specific or not: what it names, each as the words found.
/// The SMART checker explains itself with these, so a client sees what counts and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecificSignals {
    /// A result someone can see happen ("get", "publish", "pass").
    pub result: Option<String>,
    /// The thing the goal is about ("role", "certificate", a name such as "Berlin").
    pub object: Option<String>,
    /// How much, how often or where ("three", "20", "per week", "at a hospital").
    pub scope: Option<String>,
    /// A phrase that promises change without saying what ("get better at").
    pub vague: Option<String>,
}

impl SpecificSignals {
    pub fn count(&self) -> usize {
        [&self.result, &self.object, &self.scope]
            .iter()
            .filter(|s| s.is_some())
            .count()
    }
}

/// Reads a description for the three things that make a goal specific: a result, an object
/// and a scope. Two of the three are enough; a vague phrase needs a thing or a number beside it.
pub fn specific_signals(description: &str) -> SpecificSignals {
    let lower = format!(" {} ", description.to_lowercase());
    let words: Vec<&str> = description
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let has_word = |list: &[&str]| -> Option<String> {
        list.iter()
            .copied()
            .find(|w: &&str| {
                let w: &str = w;
                if w.contains(' ') {
                    lower.contains(&format!(" {w}"))
                } else {
                    lower_words
                        .iter()
                        .any(|x| x.as_str() == w || x.strip_suffix('s') == Some(w))
                }
            })
            .map(str::to_owned)
    };
    // A capitalised word after the first (not "I") names something: a place, a company, a tool.
    let name = words
        .iter()
        .skip(1)
        .find(|w| *w != &"I" && w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| (*w).to_owned());
    let number = words
        .iter()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| (*w).to_owned());
    // "at a hospital", "in health tech", "with patients": where or with whom.
    let place = lower_words.windows(2).find_map(|w| {
        let prep = ["at", "in", "with", "for", "within"].contains(&w[0].as_str());
        let follows = ["a", "an", "the", "my"].contains(&w[1].as_str())
            || words.iter().any(|x| {
                x.to_lowercase() == w[1] && x.chars().next().is_some_and(char::is_uppercase)
            });
        (prep && follows).then(|| format!("{} {}", w[0], w[1]))
    });
    SpecificSignals {
        result: has_word(RESULT_VERBS),
        object: has_word(OBJECT_WORDS).or(name),
        scope: number.or_else(|| has_word(SCOPE_WORDS)).or(place),
        vague: VAGUE_PHRASES
            .iter()
            .find(|p| lower.contains(&format!(" {p}")))
            .map(|p| (*p).to_owned()),
    }
}

const SPECIFIC_EXAMPLE: &str =
    "e.g. 'Get a junior UX research role at a health-tech company in Berlin' or 'Pass the Google Data Analytics certificate'";

fn specific(goal: &Goal) -> Criterion {
    let d = goal.fields.description.trim();
    let words = d.split_whitespace().count();
    let chars = d.chars().filter(|c| !c.is_whitespace()).count();
    if d.is_empty() {
        return missing(
            SmartLetter::Specific,
            format!("Specific: describe exactly what you will do or reach, {SPECIFIC_EXAMPLE}."),
        );
    }
    if d.to_lowercase() == goal.fields.title.trim().to_lowercase() {
        return missing(
            SmartLetter::Specific,
            "Specific: the description repeats the title. Say what exactly: which role, how much, where or with whom.".into(),
        );
    }
    // Scripts written without spaces cannot be read word by word here; length is the fair test.
    if words == 1 && chars >= MIN_SPECIFIC_CHARS && !d.is_ascii() {
        return met(SmartLetter::Specific);
    }
    if words < MIN_SPECIFIC_WORDS && chars < MIN_SPECIFIC_CHARS {
        return missing(
            SmartLetter::Specific,
            format!("Specific: '{d}' is a start. Add what exactly: which role, how much, where or with whom."),
        );
    }
    let s = specific_signals(d);
    let concrete = s.object.is_some()
        || s.scope
            .as_ref()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    if let Some(v) = s.vague.as_ref().filter(|_| !concrete) {
        return missing(
            SmartLetter::Specific,
            format!("Specific: '{v}' does not say what will be different. Name the result you will see and the thing it is about, {SPECIFIC_EXAMPLE}."),
        );
    }
    if s.count() >= 2 {
        return met(SmartLetter::Specific);
    }
    let mut lacking = Vec::new();
    if s.result.is_none() {
        lacking.push("the result (get, pass, publish, lead…)");
    }
    if s.object.is_none() {
        lacking.push("the thing it is about (a role, a certificate, a portfolio…)");
    }
    if s.scope.is_none() {
        lacking.push("the scope (how many, how often, where or with whom)");
    }
    missing(
        SmartLetter::Specific,
        format!(
            "Specific: say {}, {SPECIFIC_EXAMPLE}.",
            lacking.join(" and ")
        ),
    )
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
