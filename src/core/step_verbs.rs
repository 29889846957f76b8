//! What can be done to the steps towards a goal: milestones (dated checkpoints) and actions
//! (concrete tasks). Completing is idempotent, so a double tap does not move the done time.

use super::action::{Action, ActionDraft};
use super::document::DocKind;
use super::errors::CoreError;
use super::ids::new_id;
use super::meta::{Author, Meta};
use super::milestone::{Milestone, MilestoneDraft};
use super::plan::{edit, insert_record, live_index, tombstone, Plan};
use super::record::Record;
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    pub fn add_milestone(
        &mut self,
        draft: MilestoneDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.add_milestone_as(new_id(), draft, now, by)
    }

    pub(crate) fn add_milestone_as(
        &mut self,
        id: Uuid,
        draft: MilestoneDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.require_goal(draft.goal_id)?;
        self.milestone_within_goal(&draft)?;
        let m = Milestone {
            meta: Meta::new(id, now, by),
            fields: draft,
            done_at: None,
        };
        m.validate()?;
        insert_record(&mut self.milestones, m);
        Ok(Touched::one(DocKind::Milestone, id))
    }

    pub fn update_milestone(
        &mut self,
        id: Uuid,
        draft: MilestoneDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.require_goal(draft.goal_id)?;
        self.milestone_within_goal(&draft)?;
        edit(&mut self.milestones, id, now, by, |m| m.fields = draft)
    }

    /// A milestone is a step on the way to its goal, so it can't fall before the goal starts.
    fn milestone_within_goal(&self, draft: &MilestoneDraft) -> Result<(), CoreError> {
        // A date outside the years the app keeps is refused by the record's own check, which
        // says so; this rule is about dates a person could mean.
        if super::limits::date("The due date", draft.due).is_err() {
            return Ok(());
        }
        match self.goal(draft.goal_id) {
            Some(g) if draft.due < g.fields.start_date => Err(CoreError::MilestoneBeforeStart {
                due: draft.due.format("%-d %b %Y").to_string(),
                start: g.fields.start_date.format("%-d %b %Y").to_string(),
            }),
            _ => Ok(()),
        }
    }

    pub fn complete_milestone(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if self.milestones[live_index(&self.milestones, id)?].is_done() {
            return Ok(Touched::none());
        }
        edit(&mut self.milestones, id, now, by, |m| m.done_at = Some(now))
    }

    pub fn reopen_milestone(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if !self.milestones[live_index(&self.milestones, id)?].is_done() {
            return Ok(Touched::none());
        }
        edit(&mut self.milestones, id, now, by, |m| m.done_at = None)
    }

    pub fn delete_milestone(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.milestones, id, now, by)
    }

    pub fn add_action(
        &mut self,
        draft: ActionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.add_action_as(new_id(), draft, now, by)
    }

    pub(crate) fn add_action_as(
        &mut self,
        id: Uuid,
        draft: ActionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if let Some(g) = draft.goal_id {
            self.require_goal(g)?;
        }
        let a = Action {
            meta: Meta::new(id, now, by),
            fields: draft,
            done_at: None,
        };
        a.validate()?;
        insert_record(&mut self.actions, a);
        Ok(Touched::one(DocKind::Action, id))
    }

    pub fn update_action(
        &mut self,
        id: Uuid,
        draft: ActionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if let Some(g) = draft.goal_id {
            self.require_goal(g)?;
        }
        edit(&mut self.actions, id, now, by, |a| a.fields = draft)
    }

    pub fn complete_action(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if self.actions[live_index(&self.actions, id)?]
            .done_at
            .is_some()
        {
            return Ok(Touched::none());
        }
        edit(&mut self.actions, id, now, by, |a| a.done_at = Some(now))
    }

    pub fn reopen_action(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if self.actions[live_index(&self.actions, id)?]
            .done_at
            .is_none()
        {
            return Ok(Touched::none());
        }
        edit(&mut self.actions, id, now, by, |a| a.done_at = None)
    }

    pub fn delete_action(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.actions, id, now, by)
    }
}
