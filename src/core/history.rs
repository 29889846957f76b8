//! Adaptations: every deliberate change to a goal or the plan's strategy, with its reason. The
//! plan's history is this list, so a coach and client can see how and why the plan evolved.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::plan::Plan;
use super::record::record;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    TargetChanged,
    StrategyChanged,
    StatusChanged,
    GoalDropped,
    GoalAdded,
    Edited,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adaptation {
    pub meta: Meta,
    /// `None` for a change to the plan as a whole.
    pub goal_id: Option<Uuid>,
    pub change: ChangeKind,
    /// Short, readable summaries of the state before and after.
    pub before: String,
    pub after: String,
    pub reason: String,
}

impl Adaptation {
    fn check(&self) -> Result<(), CoreError> {
        limits::long("The 'before' summary", &self.before)?;
        limits::long("The 'after' summary", &self.after)?;
        reason(&self.reason)
    }
}

record!(Adaptation, DocKind::Adaptation, "adaptation", |meta| {
    Adaptation {
        meta,
        goal_id: None,
        change: ChangeKind::Edited,
        before: String::new(),
        after: String::new(),
        reason: String::new(),
    }
});

/// A reason must say something: the history is worthless without the why.
pub fn reason(text: &str) -> Result<(), CoreError> {
    if limits::is_blank(text) {
        return Err(CoreError::ReasonRequired);
    }
    limits::long("The reason", text)
}

/// The plan's history, newest first.
pub fn history(plan: &Plan) -> Vec<&Adaptation> {
    let mut list: Vec<&Adaptation> = plan
        .adaptations
        .iter()
        .filter(|a| a.meta.is_live())
        .collect();
    list.sort_by(|a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(a.meta.id.cmp(&b.meta.id))
    });
    list
}

/// The history of one goal, newest first.
pub fn goal_history(plan: &Plan, goal_id: Uuid) -> Vec<&Adaptation> {
    history(plan)
        .into_iter()
        .filter(|a| a.goal_id == Some(goal_id))
        .collect()
}
