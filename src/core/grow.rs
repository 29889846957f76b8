//! GROW coaching-session notes (Whitmore, *Coaching for Performance*): the Goal of the session,
//! the Reality as it is now, the Options (several, one of them chosen), and the Way forward —
//! steps with dates, each of which can become an action on the plan.
//!
//! A record kind of its own (`grow_notes` in plan files), written only when a plan has some, so
//! a plan without them gives a file that earlier builds read. Coach or client may write one; the
//! note records who (`author`). GROW notes are shared notes: like check-ins they travel in every
//! copy of the plan, to both sides (`exchange::audience`); anything a person wants to keep to
//! themselves belongs in a private journal entry. Every answer may be left empty (the guided
//! flow is skippable), but not all of them.

use super::action::ActionDraft;
use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::{Author, Meta};
use super::record::{check_groups, record, titled, Group};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most options one note lists, and most steps of its way forward: a session weighs a handful.
pub const MAX_OPTIONS: usize = 20;
pub const MAX_STEPS: usize = 20;

/// One step of the way forward: what will be done, by when, and the action it became.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WayStep {
    pub what: String,
    pub due: Option<NaiveDate>,
    /// The action this step became, if it did.
    pub action_id: Option<Uuid>,
}

/// What the guided flow fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrowDraft {
    /// The day of the session.
    pub held_on: NaiveDate,
    /// The plan's goal the session was about, if it was about one.
    pub goal_id: Option<Uuid>,
    /// What the person wants from this session (the G of GROW).
    pub session_goal: String,
    /// Where things stand now: facts, what has been tried, what is in the way.
    pub reality: String,
    /// The options the session found, in the order they were named.
    pub options: Vec<String>,
    /// The option chosen (its position in `options`), if one was.
    pub chosen: Option<u32>,
    /// What will be done, and by when.
    pub way_forward: Vec<WayStep>,
}

impl GrowDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::date("The day of the session", self.held_on)?;
        limits::short("The goal of the session", &self.session_goal)?;
        limits::long("The reality", &self.reality)?;
        if self.options.len() > MAX_OPTIONS {
            return Err(CoreError::TooMany {
                field: "Options",
                max: MAX_OPTIONS,
            });
        }
        self.options
            .iter()
            .try_for_each(|o| limits::title("An option", o))?;
        if self.way_forward.len() > MAX_STEPS {
            return Err(CoreError::TooMany {
                field: "The way forward",
                max: MAX_STEPS,
            });
        }
        for s in &self.way_forward {
            limits::title("A step of the way forward", &s.what)?;
            if let Some(d) = s.due {
                limits::date("A step's date", d)?;
            }
        }
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`): a note says something, and the chosen
    /// option is one of its options, so the answers merge together (two copies that each
    /// emptied a different answer cannot merge into an empty note, nor a choice into a list
    /// that lacks it).
    pub const GROUPS: &'static [Group<GrowDraft>] = &[Group {
        fields: &[
            "session_goal",
            "reality",
            "options",
            "chosen",
            "way_forward",
        ],
        rule: GrowDraft::coherent,
    }];

    fn coherent(&self) -> Result<(), CoreError> {
        if self.is_empty() {
            return Err(CoreError::Required {
                field: "At least one answer",
            });
        }
        match self.chosen {
            Some(i) if i as usize >= self.options.len() => Err(CoreError::ChosenNotAnOption),
            _ => Ok(()),
        }
    }

    pub fn is_empty(&self) -> bool {
        limits::is_blank(&self.session_goal)
            && limits::is_blank(&self.reality)
            && self.options.is_empty()
            && self.way_forward.is_empty()
    }

    /// The chosen option's words.
    pub fn chosen_option(&self) -> Option<&str> {
        self.chosen
            .and_then(|i| self.options.get(i as usize))
            .map(String::as_str)
    }

    /// The action step `index` of the way forward becomes: titled by the step, due on its date,
    /// for the note's goal (or the whole plan), rated middling impact and effort (the session
    /// weighed the options, not the steps), which the person can change afterwards.
    pub fn action_draft(&self, index: usize) -> Option<ActionDraft> {
        let step = self.way_forward.get(index)?;
        let what = step.what.trim();
        if limits::is_blank(what) {
            return None;
        }
        let mut draft = ActionDraft::new(what, 3, 3);
        draft.goal_id = self.goal_id;
        draft.due = step.due;
        Some(draft)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrowNote {
    pub meta: Meta,
    /// Who wrote it: the role of the device it was written on.
    pub author: Author,
    #[serde(flatten)]
    pub fields: GrowDraft,
}

impl GrowNote {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(GrowNote, DocKind::GrowNote, "session note", |meta| GrowNote {
    meta,
    author: Author::Client,
    fields: GrowDraft::default(),
},
    label: |r| titled(
        "Session note",
        if r.fields.session_goal.trim().is_empty() {
            "(no goal named)"
        } else {
            &r.fields.session_goal
        }
    ),
    groups: GrowDraft::GROUPS,
);
