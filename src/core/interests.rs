//! The interest profile: Holland's six interest types (RIASEC; Holland, *Making Vocational
//! Choices*, 1997), each rated 0–4 by the client for how much they would enjoy that kind of
//! work, and scored into a code of up to three letters with a plain-language reading.
//!
//! It is a self-rating for reflection, not a validated inventory (docs/METHOD.md). Every
//! description and activity here is our own wording; none is taken from a published inventory.
//!
//! A record kind of its own (`interest_profiles` in plan files), dated and kept per take like
//! the needs assessment, written only when a plan has one, so a plan without it gives a file
//! earlier builds read. A type may be skipped (`None`), but a take rates at least one.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, Group};
use super::sorting::sort_by_key;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What this is, in one line, wherever a code is shown (the app, the printed plan, the
/// Markdown export): a self-rating, its theory, and where to take a validated inventory. The
/// address is text, not a link: the app makes no request to another origin.
pub const ABOUT: &str = "A self-rating for reflection, not a validated test. It builds on John Holland's theory of six interest types (Holland, Making Vocational Choices, 1997). For a validated inventory, take the free O*NET Interest Profiler: https://www.mynextmove.org/explore/ip";

/// The highest rating: "very much". 0 is "not at all".
pub const MAX_INTEREST: u8 = 4;

/// One of Holland's six interest types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InterestType {
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

impl InterestType {
    /// In Holland's order, R-I-A-S-E-C, which is also the order round his hexagon (each type
    /// sits next to the one before and after it; Conventional next to Realistic) and the order
    /// that breaks a tie in the code.
    pub const ALL: [InterestType; 6] = [
        InterestType::Realistic,
        InterestType::Investigative,
        InterestType::Artistic,
        InterestType::Social,
        InterestType::Enterprising,
        InterestType::Conventional,
    ];

    fn index(self) -> usize {
        self as usize
    }

    pub fn letter(self) -> char {
        ['R', 'I', 'A', 'S', 'E', 'C'][self.index()]
    }

    /// Holland's name of the type.
    pub fn name(self) -> &'static str {
        [
            "Realistic",
            "Investigative",
            "Artistic",
            "Social",
            "Enterprising",
            "Conventional",
        ][self.index()]
    }

    /// Who stands in this group at the party (Bolles' picture), in everyday words.
    pub fn people(self) -> &'static str {
        [
            "The makers and fixers",
            "The thinkers and puzzlers",
            "The creators",
            "The helpers and teachers",
            "The persuaders and leaders",
            "The organisers",
        ][self.index()]
    }

    /// What the work is like, in our own words.
    pub fn description(self) -> &'static str {
        [
            "Practical, hands-on work with things you can touch: tools, machines, materials, plants or animals. Success is something that works, stands or grows.",
            "Working out how and why things are as they are: observing, testing ideas, analysing information and cracking hard problems, often on your own.",
            "Making new things and expressing ideas in your own way, with words, images, sound, movement or design, where there is room to experiment and few fixed rules.",
            "Working with people to inform, teach, support, care for or develop them. Success is someone else doing better because of you.",
            "Leading, persuading and deciding: getting people behind an idea, taking considered risks, and moving a project, a team or a business forward.",
            "Bringing order and accuracy: working with information, records, numbers and clear procedures, so that things run smoothly and nothing gets lost.",
        ][self.index()]
    }

    /// A few everyday activities of the type, in our own words.
    pub fn activities(self) -> &'static [&'static str] {
        const ACTIVITIES: [&[&str]; 6] = [
            &[
                "Getting something that stopped working going again",
                "Making or putting together something solid",
                "Working outside, on the land or in all weathers",
                "Handling tools, vehicles or equipment with skill",
            ],
            &[
                "Digging into data or evidence until a pattern shows",
                "Reading up on a question until you really understand it",
                "Trying out an idea to see whether it holds",
                "Tracking down the cause of a tricky problem",
            ],
            &[
                "Writing something other people will read",
                "Designing how something looks, sounds or feels",
                "Making or performing music, theatre, film or photographs",
                "Coming up with an original idea and shaping it",
            ],
            &[
                "Explaining something until it clicks for someone",
                "Listening to someone who is having a hard time",
                "Running a group, a class or a workshop",
                "Looking after people's health or wellbeing",
            ],
            &[
                "Pitching an idea and winning people over",
                "Taking charge of a team or a project",
                "Striking a deal or agreeing terms",
                "Spotting an opportunity and going after it",
            ],
            &[
                "Setting up a system so everything can be found",
                "Checking figures or details for mistakes",
                "Keeping a budget, a schedule or records up to date",
                "Following a process carefully from start to finish",
            ],
        ];
        ACTIVITIES[self.index()]
    }

    /// The type in half a sentence, for the reading of a code.
    fn gist(self) -> &'static str {
        [
            "hands-on work with things, tools, plants or animals",
            "finding out how things work and solving problems",
            "creating and expressing ideas in your own way",
            "helping, teaching and caring for people",
            "leading, persuading and making things happen",
            "organising information and keeping things accurate",
        ][self.index()]
    }

    /// Steps between two types round Holland's hexagon: 0 (the same), 1 (neighbours), 2, or
    /// 3 (opposite).
    pub fn distance(self, other: InterestType) -> usize {
        let d = self.index().abs_diff(other.index());
        d.min(6 - d)
    }
}

/// The words for each rating, 0 to `MAX_INTEREST`.
pub const RATING_WORDS: [&str; 5] = [
    "Not at all",
    "A little",
    "Somewhat",
    "Quite a lot",
    "Very much",
];

/// One take: the day and the six ratings, each 0–4 or skipped (`None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestDraft {
    pub taken_on: NaiveDate,
    pub realistic: Option<u8>,
    pub investigative: Option<u8>,
    pub artistic: Option<u8>,
    pub social: Option<u8>,
    pub enterprising: Option<u8>,
    pub conventional: Option<u8>,
}

impl InterestDraft {
    /// A take on `taken_on` with nothing rated yet.
    pub fn new(taken_on: NaiveDate) -> InterestDraft {
        InterestDraft {
            taken_on,
            realistic: None,
            investigative: None,
            artistic: None,
            social: None,
            enterprising: None,
            conventional: None,
        }
    }

    pub fn rating(&self, t: InterestType) -> Option<u8> {
        match t {
            InterestType::Realistic => self.realistic,
            InterestType::Investigative => self.investigative,
            InterestType::Artistic => self.artistic,
            InterestType::Social => self.social,
            InterestType::Enterprising => self.enterprising,
            InterestType::Conventional => self.conventional,
        }
    }

    pub fn set_rating(&mut self, t: InterestType, v: Option<u8>) {
        let slot = match t {
            InterestType::Realistic => &mut self.realistic,
            InterestType::Investigative => &mut self.investigative,
            InterestType::Artistic => &mut self.artistic,
            InterestType::Social => &mut self.social,
            InterestType::Enterprising => &mut self.enterprising,
            InterestType::Conventional => &mut self.conventional,
        };
        *slot = v;
    }

    pub fn check(&self) -> Result<(), CoreError> {
        limits::date("The day of the interest profile", self.taken_on)?;
        for t in InterestType::ALL {
            if let Some(v) = self.rating(t) {
                limits::rating(t.name(), v, 0, MAX_INTEREST)?;
            }
        }
        check_groups(self, Self::GROUPS)
    }

    /// The six ratings are one self-rating, so they merge together: two copies that each
    /// skipped different types cannot merge into a take that rates none, nor mix two readings.
    pub const GROUPS: &'static [Group<InterestDraft>] = &[Group {
        fields: &[
            "realistic",
            "investigative",
            "artistic",
            "social",
            "enterprising",
            "conventional",
        ],
        rule: InterestDraft::rates_something,
    }];

    fn rates_something(&self) -> Result<(), CoreError> {
        if self.is_empty() {
            return Err(CoreError::Required {
                field: "At least one rated interest type",
            });
        }
        Ok(())
    }

    /// True when every type was skipped.
    pub fn is_empty(&self) -> bool {
        InterestType::ALL.iter().all(|t| self.rating(*t).is_none())
    }

    /// The code: the types rated 1 or more, highest rating first, at most three. Types with
    /// the same rating keep Holland's order R-I-A-S-E-C. A type rated 0 ("not at all") or
    /// skipped is never in it, so the code can be shorter than three letters, or empty.
    pub fn code(&self) -> Vec<InterestType> {
        let mut rated: Vec<(InterestType, u8)> = InterestType::ALL
            .iter()
            .filter_map(|t| self.rating(*t).filter(|v| *v > 0).map(|v| (*t, v)))
            .collect();
        // A stable sort: equal ratings stay in Holland's order.
        sort_by_key(&mut rated, |r| std::cmp::Reverse(r.1));
        rated.into_iter().take(3).map(|(t, _)| t).collect()
    }

    /// The code as letters, e.g. "SAI"; empty when there is no code.
    pub fn code_letters(&self) -> String {
        self.code().into_iter().map(InterestType::letter).collect()
    }

    /// The code in plain language, one sentence a line: what each letter stands for, ties
    /// that decided a place, how the first two letters sit on Holland's hexagon, and what was
    /// skipped.
    pub fn reading(&self) -> Vec<String> {
        let code = self.code();
        let rated = |t: InterestType| self.rating(t).unwrap_or(0);
        let mut lines = Vec::new();
        if code.is_empty() {
            lines.push(if self.is_empty() {
                "You have not rated any type yet, so there is no code.".to_owned()
            } else {
                "Every type you rated got 0 (\u{201c}not at all\u{201d}), so there is no code. That says something too: talk it through with your coach, or try a validated interest inventory.".to_owned()
            });
            return lines;
        }
        let names: Vec<&str> = code.iter().map(|t| t.name()).collect();
        let letters = self.code_letters();
        lines.push(match names.as_slice() {
            [a, b, c, ..] => format!("Your code is {letters}: {a} first, then {b}, then {c}."),
            [a, b] => format!(
                "Your code is {letters}: {a} first, then {b}. Only two types got a rating above 0."
            ),
            _ => format!(
                "Your code is {letters}: {} is the only type you rated above 0.",
                names.concat()
            ),
        });
        for t in &code {
            lines.push(format!(
                "{} ({}, {} of {MAX_INTEREST}): {}.",
                t.name(),
                t.letter(),
                rated(*t),
                t.gist()
            ));
        }
        // Ties: each rating shared by a letter of the code and another rated type.
        let mut seen = Vec::new();
        for t in &code {
            let v = rated(*t);
            if seen.contains(&v) {
                continue;
            }
            seen.push(v);
            let tied: Vec<InterestType> = InterestType::ALL
                .into_iter()
                .filter(|x| self.rating(*x) == Some(v))
                .collect();
            if tied.len() < 2 {
                continue;
            }
            let inside = tied.iter().filter(|x| code.contains(x)).count();
            let list = join_names(&tied);
            lines.push(if inside == tied.len() {
                format!("{list} are tied at {v}; the code lists them in Holland's order (R, I, A, S, E, C), so their order in it is not a preference.")
            } else {
                format!("{list} are tied at {v}, and the code has room for {inside} of them: they are taken in Holland's order (R, I, A, S, E, C), so any of them could stand in that place.")
            });
        }
        if let [first, second, ..] = code.as_slice() {
            lines.push(match first.distance(*second) {
                1 => format!("{} and {} sit next to each other on Holland's hexagon: related interests, which many kinds of work combine.", first.name(), second.name()),
                2 => format!("{} and {} sit one apart on Holland's hexagon: they share some ground.", first.name(), second.name()),
                _ => format!("{} and {} sit opposite each other on Holland's hexagon: quite different interests. Work that combines them is rarer; some people meet one at work and the other outside it.", first.name(), second.name()),
            });
        }
        let skipped: Vec<InterestType> = InterestType::ALL
            .into_iter()
            .filter(|t| self.rating(*t).is_none())
            .collect();
        if !skipped.is_empty() {
            lines.push(format!(
                "You skipped {}; rating {} could change the code.",
                join_names(&skipped),
                if skipped.len() == 1 { "it" } else { "them" }
            ));
        }
        lines
    }
}

/// "Artistic", "Artistic and Social", "Realistic, Artistic and Social".
fn join_names(types: &[InterestType]) -> String {
    let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestProfile {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: InterestDraft,
}

impl InterestProfile {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(InterestProfile, DocKind::InterestProfile, "interest profile", |meta| {
    InterestProfile {
        meta,
        fields: InterestDraft::new(NaiveDate::default()),
    }
},
    label: |r| format!("Interest profile of {}", r.fields.taken_on),
    groups: InterestDraft::GROUPS,
);
