//! A reflection being written that is not saved yet. The journal saves as the person types, but
//! a reload or a closed tab can land between a keystroke and the durable save, so the screen also
//! keeps the words on the device; this decides what to do with them when they are found again.
//!
//! The rule: words are never dropped unless the plan already holds exactly them, and they never
//! silently overwrite a version someone else saved in the meantime.

use super::journal::ReflectionDraft;
use super::plan::Plan;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsavedReflection {
    /// The reflection's id, chosen before its first save so a retried save cannot make a copy.
    pub id: Uuid,
    /// The stored revision these words were written on (0: never saved).
    pub base_rev: u64,
    /// The version a save was carrying when these words were kept, if one was in flight: if
    /// the plan now holds exactly that, the save landed and the new revision is ours.
    #[serde(default)]
    pub saving: Option<ReflectionDraft>,
    pub fields: ReflectionDraft,
}

/// What to do with unsaved words found on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resume {
    /// The plan already holds these words (or they are blank): forget them.
    Discard,
    /// Save them: add the reflection when `exists` is false, else update it, checking that it
    /// is still at `base_rev`.
    Save { exists: bool, base_rev: u64 },
    /// Someone else changed the reflection since these words were written: ask which to keep.
    EditedElsewhere,
    /// Someone deleted the reflection since: ask whether to keep the words as a new one.
    DeletedElsewhere,
}

impl UnsavedReflection {
    pub fn resume(&self, plan: &Plan) -> Resume {
        let blank = super::limits::is_blank(&self.fields.text);
        let rev = plan.rev_of(self.id);
        let stored = plan.reflections.iter().find(|r| r.meta.id == self.id);
        match stored {
            None if blank => Resume::Discard,
            None => Resume::Save {
                exists: false,
                base_rev: 0,
            },
            Some(r) if !r.meta.is_live() => {
                if blank {
                    Resume::Discard
                } else {
                    Resume::DeletedElsewhere
                }
            }
            Some(r) => {
                if blank || r.fields == self.fields {
                    return Resume::Discard;
                }
                let ours = rev == self.base_rev || self.saving.as_ref() == Some(&r.fields);
                if ours {
                    Resume::Save {
                        exists: true,
                        base_rev: rev,
                    }
                } else {
                    Resume::EditedElsewhere
                }
            }
        }
    }
}
