//! Structured reflection in the journal (docs/METHOD.md): Gibbs' reflective cycle and Rolfe's
//! "What? So what? Now what?". Each stage is a field while writing; the saved entry is one
//! text, each answered stage under its heading line ("What?" then the answer), so the journal
//! list reads it as one entry, search finds every stage, and plan files and earlier builds see
//! an ordinary reflection. The entry's `prompt` names the model, which is how the editor knows
//! to show the stages again (`ReflectionModel::of_prompt`, `stages_of`).

use super::action::ActionDraft;
use super::limits;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReflectionModel {
    /// Gibbs (1988): description, feelings, evaluation, analysis, conclusion, action plan.
    Gibbs,
    /// Rolfe, Freshwater & Jasper (2001): What? So what? Now what?
    Rolfe,
}

/// One stage: the heading written into the entry, and the question the editor asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage {
    pub heading: &'static str,
    pub question: &'static str,
}

const GIBBS: &[Stage] = &[
    Stage {
        heading: "Description",
        question: "What happened? Just the facts: where, when, who, what.",
    },
    Stage {
        heading: "Feelings",
        question: "What were you thinking and feeling at the time?",
    },
    Stage {
        heading: "Evaluation",
        question: "What was good and what was bad about it?",
    },
    Stage {
        heading: "Analysis",
        question: "Why did it go that way? What made the difference?",
    },
    Stage {
        heading: "Conclusion",
        question: "What else could you have done? What have you learned?",
    },
    Stage {
        heading: "Action plan",
        question: "If it came up again, what would you do? What will you do next?",
    },
];

const ROLFE: &[Stage] = &[
    Stage {
        heading: "What?",
        question: "What happened, and what was your part in it?",
    },
    Stage {
        heading: "So what?",
        question: "What does it mean for you, your goals, how you work?",
    },
    Stage {
        heading: "Now what?",
        question: "What will you do now, and what would help?",
    },
];

impl ReflectionModel {
    pub const ALL: [ReflectionModel; 2] = [ReflectionModel::Gibbs, ReflectionModel::Rolfe];

    /// The model's name, also the entry's `prompt`.
    pub fn name(self) -> &'static str {
        match self {
            ReflectionModel::Gibbs => "Gibbs' reflective cycle",
            ReflectionModel::Rolfe => "What? So what? Now what? (Rolfe)",
        }
    }

    /// The one line the app shows about the model: what it is and why it helps.
    pub fn why(self) -> &'static str {
        match self {
            ReflectionModel::Gibbs => "Six steps from what happened to what you will do next (Gibbs, 1988): going past the description to feelings, judgement and analysis is what turns an experience into learning.",
            ReflectionModel::Rolfe => "Three questions (Rolfe, Freshwater & Jasper, 2001): what happened, why it matters, and what you will do now. Quick, and it always ends in a next step.",
        }
    }

    /// A short slug for addresses and drafts.
    pub fn slug(self) -> &'static str {
        match self {
            ReflectionModel::Gibbs => "gibbs",
            ReflectionModel::Rolfe => "rolfe",
        }
    }

    pub fn of_slug(s: &str) -> Option<ReflectionModel> {
        Self::ALL.into_iter().find(|m| m.slug() == s)
    }

    pub fn of_prompt(prompt: Option<&str>) -> Option<ReflectionModel> {
        let p = prompt?.trim();
        Self::ALL.into_iter().find(|m| m.name() == p)
    }

    pub fn stages(self) -> &'static [Stage] {
        match self {
            ReflectionModel::Gibbs => GIBBS,
            ReflectionModel::Rolfe => ROLFE,
        }
    }

    /// The stage whose answer can become an action: Gibbs' action plan, Rolfe's "Now what?".
    pub fn action_stage(self) -> usize {
        self.stages().len() - 1
    }

    /// The entry's one text: each answered stage as its heading line, then the answer; stages
    /// left empty are left out. Empty when nothing was answered (the journal then refuses it
    /// like any empty entry).
    pub fn compose(self, answers: &[String]) -> String {
        self.stages()
            .iter()
            .zip(answers)
            .filter(|(_, a)| !limits::is_blank(a))
            .map(|(s, a)| format!("{}\n{}", s.heading, a.trim()))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The answers back from an entry's text, one per stage (empty where the stage is not in
    /// the text). A line equal to a stage's heading, in the model's order, starts that stage;
    /// text before the first heading (written elsewhere, without the stages) goes to the
    /// first stage, so nothing is ever lost on editing.
    pub fn stages_of(self, text: &str) -> Vec<String> {
        let stages = self.stages();
        let mut out = vec![String::new(); stages.len()];
        let mut at = 0usize;
        let mut started = false;
        for line in text.lines() {
            let next = stages[at..]
                .iter()
                .position(|s| s.heading == line.trim_end())
                .map(|i| at + i)
                .filter(|&i| !started || i > at);
            match next {
                Some(i) => {
                    at = i;
                    started = true;
                }
                None => {
                    let a = &mut out[at];
                    if !a.is_empty() {
                        a.push('\n');
                    }
                    a.push_str(line);
                }
            }
        }
        out.iter().map(|a| a.trim().to_owned()).collect()
    }

    /// The action the last stage (the next step) becomes: its first line, clipped to a title.
    pub fn action_draft(self, answers: &[String], goal_id: Option<Uuid>) -> Option<ActionDraft> {
        let next = answers.get(self.action_stage())?;
        let first = next.lines().map(str::trim).find(|l| !limits::is_blank(l))?;
        let title = limits::clip(first.to_owned(), limits::MAX_TITLE);
        let mut d = ActionDraft::new(title, 3, 2);
        d.goal_id = goal_id;
        Some(d)
    }
}
