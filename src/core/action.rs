//! A concrete task, rated for impact and effort so the plan can put high-impact, low-effort work
//! first, with an optional if-then plan ("if it is Monday 8am, then I will send one application")
//! because implementation intentions make follow-through more likely.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{record, titled};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// "If <when>, then I will <then>."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IfThen {
    pub when: String,
    pub then: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    /// `None` for an action that serves the plan as a whole.
    pub goal_id: Option<Uuid>,
    pub title: String,
    pub due: Option<NaiveDate>,
    /// 1 (little) to 5 (a lot).
    pub impact: u8,
    /// 1 (quick) to 5 (hard).
    pub effort: u8,
    pub if_then: Option<IfThen>,
}

impl ActionDraft {
    pub fn new(title: impl Into<String>, impact: u8, effort: u8) -> Self {
        ActionDraft {
            goal_id: None,
            title: title.into(),
            due: None,
            impact,
            effort,
            if_then: None,
        }
    }

    pub fn check(&self) -> Result<(), CoreError> {
        limits::title("The action's title", &self.title)?;
        if let Some(d) = self.due {
            limits::date("The due date", d)?;
        }
        limits::rating("Impact", self.impact, 1, 5)?;
        limits::rating("Effort", self.effort, 1, 5)?;
        if let Some(p) = &self.if_then {
            limits::title("The 'if' part of the plan", &p.when)?;
            limits::title("The 'then I will' part of the plan", &p.then)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: ActionDraft,
    pub done_at: Option<DateTime<Utc>>,
}

impl Action {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()?;
        if let Some(t) = self.done_at {
            limits::instant("The completion date", t)?;
        }
        Ok(())
    }

    pub fn is_open(&self) -> bool {
        self.meta.is_live() && self.done_at.is_none()
    }
}

record!(Action, DocKind::Action, "action", |meta| Action {
    meta,
    fields: ActionDraft {
        goal_id: None,
        title: String::new(),
        due: None,
        impact: 0,
        effort: 0,
        if_then: None,
    },
    done_at: None,
},
    label: |r| titled("Action", &r.fields.title),
);
