//! Verbs of GROW coaching-session notes (`grow.rs`): saving one, deleting it, and turning a
//! step of its way forward into an action on the plan.

use super::document::DocKind;
use super::errors::CoreError;
use super::grow::{GrowDraft, GrowNote};
use super::ids::new_id;
use super::meta::{Author, Meta};
use super::plan::{edit, insert_record, live, tombstone, Plan};
use super::record::{newest_first, Record};
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    /// The live session notes, newest session first (then the most recently written first).
    pub fn grow_notes_newest_first(&self) -> Vec<&GrowNote> {
        newest_first(&self.grow_notes, |n| n.fields.held_on)
    }

    pub fn grow_note(&self, id: Uuid) -> Option<&GrowNote> {
        live(&self.grow_notes, id)
    }

    /// Saves a session note: a new one (`id` None, written by `by`), or new answers for the
    /// note `id` (its author stays who wrote it). A goal named must be one of the plan's. When
    /// a note is changed, a way-forward step that keeps its words keeps the action it became,
    /// so changing a date or another answer never offers to make that action twice.
    pub fn save_grow_note(
        &mut self,
        id: Option<Uuid>,
        draft: GrowDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("session notes")?;
        if let Some(g) = draft.goal_id {
            self.require_goal(g)?;
        }
        draft.check()?;
        if let Some(id) = id {
            return edit(&mut self.grow_notes, id, now, by, |n| {
                let mut draft = draft;
                for step in draft
                    .way_forward
                    .iter_mut()
                    .filter(|s| s.action_id.is_none())
                {
                    step.action_id = n
                        .fields
                        .way_forward
                        .iter()
                        .find(|old| old.what == step.what)
                        .and_then(|old| old.action_id);
                }
                n.fields = draft;
            });
        }
        let id = new_id();
        let n = GrowNote {
            meta: Meta::new(id, now, by),
            author: by,
            fields: draft,
        };
        n.validate()?;
        insert_record(&mut self.grow_notes, n);
        Ok(Touched::one(DocKind::GrowNote, id))
    }

    /// Deletes a session note: its words are erased, on this device and in every file. Actions
    /// its steps became stay on the plan.
    pub fn delete_grow_note(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.grow_notes, id, now, by)
    }

    /// Turns step `index` of the note's way forward into an action (see
    /// `GrowDraft::action_draft`), linked from the step. A step that already became a live
    /// action gives that action back unchanged. A note whose goal has since been deleted gives
    /// an action for the whole plan.
    pub fn grow_step_to_action(
        &mut self,
        note_id: Uuid,
        index: usize,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let note = self
            .grow_note(note_id)
            .ok_or(CoreError::NotFound {
                kind: "session note",
                id: note_id,
            })?
            .clone();
        let step = note
            .fields
            .way_forward
            .get(index)
            .ok_or(CoreError::NotFound {
                kind: "step of the way forward",
                id: note_id,
            })?;
        if let Some(a) = step.action_id.filter(|a| self.action(*a).is_some()) {
            return Ok(Touched::one(DocKind::Action, a));
        }
        let mut draft = note.fields.action_draft(index).ok_or(CoreError::Required {
            field: "To become an action, the step",
        })?;
        draft.goal_id = draft.goal_id.filter(|g| self.goal(*g).is_some());
        draft.check()?;
        let touched = self.add_action(draft, now, by)?;
        let action_id = touched.id_of(DocKind::Action);
        let linked = edit(&mut self.grow_notes, note_id, now, by, |n| {
            if let Some(s) = n.fields.way_forward.get_mut(index) {
                s.action_id = action_id;
            }
        })?;
        Ok(touched.merge(linked))
    }
}
