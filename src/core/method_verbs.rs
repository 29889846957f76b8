//! Verbs of the coaching methods' records (docs/METHOD.md): a goal's WOOP, saved and turned
//! into an action with its if-then.

use super::document::DocKind;
use super::errors::CoreError;
use super::ids::new_id;
use super::meta::{Author, Meta};
use super::plan::{edit, insert_record, Plan};
use super::record::Record;
use super::touched::Touched;
use super::woop::{Woop, WoopDraft};
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    /// The goal's WOOP: the most recently changed live one (two devices may each have started
    /// one before they met; both are kept, the newer is shown).
    pub fn woop_of(&self, goal_id: Uuid) -> Option<&Woop> {
        self.woops
            .iter()
            .filter(|w| w.meta.is_live() && w.goal_id == goal_id)
            .max_by_key(|w| (w.meta.updated_at, w.meta.id))
    }

    /// Saves the goal's WOOP: a new one, or the answers of the one it has.
    pub fn save_woop(
        &mut self,
        goal_id: Uuid,
        draft: WoopDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("a WOOP")?;
        self.require_goal(goal_id)?;
        draft.check()?;
        if let Some(id) = self.woop_of(goal_id).map(|w| w.meta.id) {
            return edit(&mut self.woops, id, now, by, |w| w.fields = draft);
        }
        let id = new_id();
        let w = Woop {
            meta: Meta::new(id, now, by),
            goal_id,
            fields: draft,
            action_id: None,
        };
        w.validate()?;
        insert_record(&mut self.woops, w);
        Ok(Touched::one(DocKind::Woop, id))
    }

    /// Turns the goal's WOOP plan into an action with its if-then, linked from the WOOP. A WOOP
    /// whose plan already became a live action gives that action back unchanged.
    pub fn woop_to_action(
        &mut self,
        goal_id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let woop = self
            .woop_of(goal_id)
            .ok_or(CoreError::NotFound {
                kind: "WOOP",
                id: goal_id,
            })?
            .clone();
        if let Some(a) = woop.action_id.filter(|a| self.action(*a).is_some()) {
            return Ok(Touched::one(DocKind::Action, a));
        }
        let draft = woop
            .fields
            .action_draft(goal_id)
            .ok_or(CoreError::Required {
                field: "To become an action, the obstacle and the plan",
            })?;
        draft.check()?;
        let touched = self.add_action(draft, now, by)?;
        let action_id = touched.id_of(DocKind::Action);
        let linked = edit(&mut self.woops, woop.meta.id, now, by, |w| {
            w.action_id = action_id
        })?;
        Ok(touched.merge(linked))
    }
}
