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
        let stored = plan.reflections.iter().find(|r| r.meta.is(self.id));
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

// ---- autosave ------------------------------------------------------------------------------

/// Where a reflection's unsaved words are kept on the device: under "new" until its first
/// save, then under its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftSlot {
    New,
    Saved(Uuid),
}

/// How soon a change is saved: typing waits for a pause, a tap (tag, mood, prompt, private)
/// is saved almost at once. The screen turns these into delays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    Typing,
    Tap,
}

/// Why saving stopped until the person chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Saved elsewhere (another tab) since this screen's copy was loaded.
    Edited,
    /// Deleted elsewhere while these words were being written.
    Deleted,
}

/// What the screen does for the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Keep these words on the device, now (synchronously).
    Keep(DraftSlot, UnsavedReflection),
    /// Nothing unsaved is left in this slot.
    Forget(DraftSlot),
    /// Call [`Autosave::flush`] after the pace's delay, replacing any earlier request.
    SaveAfter(Pace),
    /// No save is waiting any more.
    CancelTimer,
    /// Save these words (`Plan::put_reflection`), checked against `base_rev`, then report
    /// [`Autosave::saved`], [`Autosave::refused`] or [`Autosave::failed`].
    Save {
        id: Uuid,
        base_rev: u64,
        fields: ReflectionDraft,
    },
    /// The first save landed: the reflection is in the plan (and can be deleted).
    Created(Uuid),
    /// Show these words (the stored version replaced the screen's).
    Show(ReflectionDraft),
    /// Stop and ask which version to keep.
    Ask(Conflict),
}

/// The autosave of one reflection: events in, commands out. Pure, so every rule of "never
/// lose a word, never overwrite someone else's" is tested natively (tests/core_journal.rs);
/// the editor only runs the commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autosave {
    id: Uuid,
    /// Saved at least once, so the words live under the reflection's id.
    exists: bool,
    /// The stored revision the next save is based on.
    base_rev: u64,
    /// What the person sees now.
    current: ReflectionDraft,
    /// What the plan durably holds for this reflection, as far as this screen knows.
    saved: Option<ReflectionDraft>,
    in_flight: Option<ReflectionDraft>,
    /// Another save was asked for while one was in flight.
    again: bool,
    /// While a conflict waits for the person's choice nothing is saved (words are still kept).
    paused: bool,
}

impl Autosave {
    /// A reflection never saved, under a fresh `id`.
    pub fn new(id: Uuid, fields: ReflectionDraft) -> Self {
        Self {
            id,
            exists: false,
            base_rev: 0,
            current: fields,
            saved: None,
            in_flight: None,
            again: false,
            paused: false,
        }
    }

    /// A reflection as the plan holds it.
    pub fn stored(id: Uuid, rev: u64, fields: ReflectionDraft) -> Self {
        Self {
            exists: true,
            base_rev: rev,
            saved: Some(fields.clone()),
            ..Self::new(id, fields)
        }
    }

    /// Opens words found on the device, as [`UnsavedReflection::resume`] decided; `None` when
    /// they were discarded and there is nothing stored to show.
    pub fn resumed(
        unsaved: UnsavedReflection,
        stored: Option<Autosave>,
        resume: &Resume,
        stored_rev: u64,
    ) -> Option<(Self, Option<Conflict>)> {
        let mut s = stored.unwrap_or_else(|| Self::new(unsaved.id, ReflectionDraft::default()));
        let conflict = match *resume {
            Resume::Discard => return s.exists.then_some((s, None)),
            Resume::Save { exists, base_rev } => {
                s.exists = exists;
                s.base_rev = base_rev;
                None
            }
            Resume::EditedElsewhere => Some(Conflict::Edited),
            Resume::DeletedElsewhere => {
                s.exists = true;
                s.base_rev = stored_rev;
                Some(Conflict::Deleted)
            }
        };
        s.current = unsaved.fields;
        s.paused = conflict.is_some();
        Some((s, conflict))
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn exists(&self) -> bool {
        self.exists
    }

    pub fn current(&self) -> &ReflectionDraft {
        &self.current
    }

    pub fn is_saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// There are words the plan does not hold yet.
    pub fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.current)
    }

    /// Words to save as soon as the screen opens (kept words that are ours).
    pub fn save_at_once(&self) -> bool {
        self.dirty() && !self.paused
    }

    pub fn slot(&self) -> DraftSlot {
        if self.exists {
            DraftSlot::Saved(self.id)
        } else {
            DraftSlot::New
        }
    }

    /// Words the plan does not hold yet and that are worth keeping (not blank).
    fn has_words_to_keep(&self) -> bool {
        self.dirty() && !super::limits::is_blank(&self.current.text)
    }

    /// The reflection can be opened at its own address (`/journal/<id>`): it is stored, or
    /// words of it are kept on this device, where the editor finds them under that address.
    pub fn has_address(&self) -> bool {
        self.exists || self.has_words_to_keep()
    }

    /// Keeps the words on the device while they differ from what is durably saved.
    pub fn keep(&self) -> Command {
        if self.has_words_to_keep() {
            Command::Keep(
                self.slot(),
                UnsavedReflection {
                    id: self.id,
                    base_rev: self.base_rev,
                    saving: self.in_flight.clone(),
                    fields: self.current.clone(),
                },
            )
        } else {
            Command::Forget(self.slot())
        }
    }

    /// The person changed something: keep it now, save it at `pace`. A change of who may
    /// read the words (private) does not wait for any delay: it is saved at once (or right
    /// after the save in flight), since the person may leave the page the moment they tick it.
    pub fn edit(&mut self, change: impl FnOnce(&mut ReflectionDraft), pace: Pace) -> Vec<Command> {
        let private = self.current.private;
        change(&mut self.current);
        if self.current.private != private {
            let mut out = vec![self.keep()];
            out.extend(self.flush());
            return out;
        }
        vec![self.keep(), Command::SaveAfter(pace)]
    }

    /// Save now (the delay passed, the box lost focus, the page is hidden or left), unless
    /// there is nothing new, the words are blank, or a conflict waits.
    pub fn flush(&mut self) -> Vec<Command> {
        if self.paused || !self.dirty() || super::limits::is_blank(&self.current.text) {
            return vec![Command::CancelTimer];
        }
        if self.in_flight.is_some() {
            self.again = true;
            return vec![Command::CancelTimer];
        }
        self.in_flight = Some(self.current.clone());
        vec![
            Command::CancelTimer,
            self.keep(),
            Command::Save {
                id: self.id,
                base_rev: self.base_rev,
                fields: self.current.clone(),
            },
        ]
    }

    /// The save is durable; the store holds it as `rev`.
    pub fn saved(&mut self, rev: u64) -> Vec<Command> {
        let Some(draft) = self.in_flight.take() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let was_new = !self.exists;
        if was_new {
            out.push(Command::Forget(DraftSlot::New));
        }
        self.exists = true;
        self.base_rev = rev;
        self.saved = Some(draft);
        out.push(self.keep());
        if was_new {
            out.push(Command::Created(self.id));
        }
        if std::mem::take(&mut self.again) {
            out.extend(self.flush());
        }
        out
    }

    /// The save was refused: the reflection changed (or went) elsewhere since `base_rev`.
    pub fn refused(&mut self, deleted: bool) -> Vec<Command> {
        self.in_flight = None;
        self.again = false;
        self.paused = true;
        let conflict = if deleted {
            Conflict::Deleted
        } else {
            Conflict::Edited
        };
        vec![self.keep(), Command::Ask(conflict)]
    }

    /// The save failed (storage full, the database closed): the words stay kept and are
    /// saved with the next change.
    pub fn failed(&mut self) -> Vec<Command> {
        self.in_flight = None;
        self.again = false;
        vec![self.keep()]
    }

    /// The plan shown changed (a save here or in another tab). `stored`: the reflection's
    /// revision, and its words if it is live (`None`: deleted or absent).
    pub fn plan_changed(&mut self, rev: u64, stored: Option<&ReflectionDraft>) -> Vec<Command> {
        // Our own save's echo, a save still running, a waiting choice, or nothing stored yet.
        if self.in_flight.is_some() || self.paused || rev == self.base_rev || !self.exists {
            return Vec::new();
        }
        match stored {
            Some(fields) if !self.dirty() || *fields == self.current => {
                self.base_rev = rev;
                self.current = fields.clone();
                self.saved = Some(fields.clone());
                vec![self.keep(), Command::Show(fields.clone())]
            }
            Some(_) => {
                self.paused = true;
                vec![Command::CancelTimer, Command::Ask(Conflict::Edited)]
            }
            None => {
                self.paused = true;
                vec![Command::CancelTimer, Command::Ask(Conflict::Deleted)]
            }
        }
    }

    /// "Keep my words": over the version stored now (`rev`, `stored`), or, when the
    /// reflection was deleted, as a new reflection under `fresh_id`.
    pub fn keep_mine(
        &mut self,
        conflict: Conflict,
        rev: u64,
        stored: Option<ReflectionDraft>,
        fresh_id: Uuid,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        if conflict == Conflict::Deleted {
            // The deleted one stays deleted.
            out.push(Command::Forget(self.slot()));
            self.id = fresh_id;
            self.exists = false;
            self.base_rev = 0;
            self.saved = None;
        } else {
            self.base_rev = rev;
            self.saved = stored;
        }
        self.paused = false;
        out.push(self.keep());
        out.extend(self.flush());
        out
    }

    /// "Use the other version": show what is stored (`rev`, `stored`); returns whether the
    /// reflection is gone, so the screen leaves.
    pub fn use_theirs(
        &mut self,
        conflict: Conflict,
        rev: u64,
        stored: Option<ReflectionDraft>,
    ) -> (Vec<Command>, bool) {
        let mut out = vec![Command::CancelTimer, Command::Forget(self.slot())];
        match stored {
            Some(fields) if conflict == Conflict::Edited => {
                self.base_rev = rev;
                self.current = fields.clone();
                self.saved = Some(fields.clone());
                self.paused = false;
                out.push(Command::Show(fields));
                (out, false)
            }
            _ => {
                self.saved = Some(self.current.clone());
                (out, true)
            }
        }
    }

    /// Nothing is saved until [`resume`](Self::resume) (a delete is under way).
    pub fn pause(&mut self) -> Vec<Command> {
        self.paused = true;
        vec![Command::CancelTimer]
    }

    pub fn resume(&mut self) {
        self.paused = false;
    }

    /// The reflection was deleted here: nothing is left to keep or save.
    pub fn discard(&mut self) -> Vec<Command> {
        self.saved = Some(self.current.clone());
        vec![
            Command::CancelTimer,
            Command::Forget(DraftSlot::New),
            Command::Forget(DraftSlot::Saved(self.id)),
        ]
    }
}
