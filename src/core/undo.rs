//! Undo of the last change: the records one change touched, as they were before it, kept in
//! memory only (never stored), and how to put them back.
//!
//! A deletion leaves a content-free tombstone on disk (see `record.rs`), so the words of a
//! deleted record exist only in this in-memory copy. Putting them back is a new change: the
//! record is written again, live, with every field clocked `now`. So a merge with any copy
//! made before the undo keeps the restored record (its clocks are newer), while a copy made
//! before the deletion cannot bring back anything the person deleted and did not undo.

use super::document::DocKind;
use super::errors::CoreError;
use super::meta::{changed_fields, field_names, Author};
use super::plan::{erase, insert_record, Plan, HEADER_FIELDS};
use super::record::Record;
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What one change replaced, for its Undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// What the change was, as the person would say it ("Goal deleted").
    pub label: String,
    /// The records the change touched, as they were before it (a record the change made is
    /// missing here); every other collection is empty.
    before: Plan,
    touched: Touched,
}

impl Undo {
    /// Keeps, from `before` (the plan as it was before the change), what `touched` changed.
    pub fn of(label: &str, before: &Plan, touched: &Touched) -> Undo {
        let mut kept = Plan::empty(before.meta.clone(), before.title.clone(), before.kind);
        kept.set_header(before.header());
        for &(kind, id) in &touched.records {
            match kind {
                DocKind::Plan => {}
                DocKind::Profile => kept.profile = before.profile.clone(),
                DocKind::Schedule => kept.schedule = before.schedule.clone(),
                DocKind::Assessment => copy(&before.assessments, &mut kept.assessments, id),
                DocKind::Goal => copy(&before.goals, &mut kept.goals, id),
                DocKind::Milestone => copy(&before.milestones, &mut kept.milestones, id),
                DocKind::Action => copy(&before.actions, &mut kept.actions, id),
                DocKind::Kpi => copy(&before.kpis, &mut kept.kpis, id),
                DocKind::Measurement => copy(&before.measurements, &mut kept.measurements, id),
                DocKind::CheckIn => copy(&before.checkins, &mut kept.checkins, id),
                DocKind::Review => copy(&before.reviews, &mut kept.reviews, id),
                DocKind::Reflection => copy(&before.reflections, &mut kept.reflections, id),
                DocKind::Adaptation => copy(&before.adaptations, &mut kept.adaptations, id),
                DocKind::Woop => copy(&before.woops, &mut kept.woops, id),
                DocKind::InterestProfile => {
                    copy(&before.interest_profiles, &mut kept.interest_profiles, id)
                }
                DocKind::GrowNote => copy(&before.grow_notes, &mut kept.grow_notes, id),
            }
        }
        Undo {
            label: label.to_owned(),
            before: kept,
            touched: touched.clone(),
        }
    }

    /// The plan the change was made to.
    pub fn plan_id(&self) -> Uuid {
        self.before.id()
    }
}

fn copy<T: Record>(from: &[T], to: &mut Vec<T>, id: Uuid) {
    if let Some(r) = from.iter().find(|r| r.meta().is(id)) {
        insert_record(to, r.clone());
    }
}

impl Plan {
    /// Puts back what `undo` kept, as a new change at `now`: an edited record gets its old
    /// words with its changed fields clocked `now`; a deleted one comes back live with every
    /// field clocked `now`; a record the change made is deleted (tombstoned).
    pub fn undo(
        &mut self,
        undo: &Undo,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        if undo.plan_id() != self.id() {
            return Err(CoreError::NothingToUndo);
        }
        let b = &undo.before;
        let mut out = Touched::none();
        for &(kind, id) in &undo.touched.records {
            let done = match kind {
                DocKind::Plan => self.undo_header(b, now, by),
                DocKind::Profile => put_one(&mut self.profile, b.profile.as_ref(), id, now, by),
                DocKind::Schedule => put_one(&mut self.schedule, b.schedule.as_ref(), id, now, by),
                DocKind::Assessment => put(&mut self.assessments, &b.assessments, id, now, by),
                DocKind::Goal => put(&mut self.goals, &b.goals, id, now, by),
                DocKind::Milestone => put(&mut self.milestones, &b.milestones, id, now, by),
                DocKind::Action => put(&mut self.actions, &b.actions, id, now, by),
                DocKind::Kpi => put(&mut self.kpis, &b.kpis, id, now, by),
                DocKind::Measurement => put(&mut self.measurements, &b.measurements, id, now, by),
                DocKind::CheckIn => put(&mut self.checkins, &b.checkins, id, now, by),
                DocKind::Review => put(&mut self.reviews, &b.reviews, id, now, by),
                DocKind::Reflection => put(&mut self.reflections, &b.reflections, id, now, by),
                DocKind::Adaptation => put(&mut self.adaptations, &b.adaptations, id, now, by),
                DocKind::Woop => put(&mut self.woops, &b.woops, id, now, by),
                DocKind::InterestProfile => put(
                    &mut self.interest_profiles,
                    &b.interest_profiles,
                    id,
                    now,
                    by,
                ),
                DocKind::GrowNote => put(&mut self.grow_notes, &b.grow_notes, id, now, by),
            };
            if done {
                out.add(kind, id);
            }
        }
        Ok(out)
    }

    fn undo_header(&mut self, before: &Plan, now: DateTime<Utc>, by: Author) -> bool {
        let old = self.header();
        let mut next = before.header();
        next.meta = old.meta.clone();
        let changed = changed_fields(&old, &next);
        if changed.is_empty() {
            return false;
        }
        let all: Vec<String> = HEADER_FIELDS.iter().map(|f| (*f).to_owned()).collect();
        next.meta.stamp(now, by, &changed, &all);
        self.set_header(next);
        true
    }
}

/// The record `id` made as it was in `before` (see `Plan::undo`); false when nothing changed.
fn put<T: Record>(
    list: &mut Vec<T>,
    before: &[T],
    id: Uuid,
    now: DateTime<Utc>,
    by: Author,
) -> bool {
    let was = before.iter().find(|r| r.meta().is(id));
    match list.iter().position(|r| r.meta().is(id)) {
        Some(i) => {
            let mut slot = Some(list[i].clone());
            let done = restore(&mut slot, was, now, by);
            if let Some(r) = slot {
                list[i] = r;
            }
            done
        }
        None => match was.filter(|w| w.meta().is_live()) {
            // Not in the plan at all (it cannot happen after the change kept here): add it back.
            Some(w) => {
                let mut slot = None;
                restore(&mut slot, Some(w), now, by);
                if let Some(r) = slot {
                    insert_record(list, r);
                }
                true
            }
            None => false,
        },
    }
}

fn put_one<T: Record>(
    slot: &mut Option<T>,
    before: Option<&T>,
    id: Uuid,
    now: DateTime<Utc>,
    by: Author,
) -> bool {
    if slot.as_ref().is_some_and(|r| r.meta().id != id) {
        return false;
    }
    restore(slot, before.filter(|b| b.meta().is(id)), now, by)
}

/// Makes `slot` what `was` says, as a change at `now`.
fn restore<T: Record>(
    slot: &mut Option<T>,
    was: Option<&T>,
    now: DateTime<Utc>,
    by: Author,
) -> bool {
    let was = was.filter(|w| w.meta().is_live());
    match (slot.as_mut(), was) {
        // Made by the change: deleted again, its words erased like any deletion.
        (Some(cur), None) => {
            if !cur.meta().is_live() {
                return false;
            }
            erase(cur, now, by);
            true
        }
        // Edited by the change: the old words, with the fields that differ clocked now.
        (Some(cur), Some(w)) if cur.meta().is_live() => {
            let mut next = w.clone();
            *next.meta_mut() = cur.meta().clone();
            let stamped = next.stamp_edit(cur, now, by);
            *cur = next;
            stamped
        }
        // Deleted by the change: written again, live, every field clocked now.
        (_, Some(w)) => {
            let mut next = w.clone();
            let m = next.meta_mut();
            m.deleted = false;
            m.touch(now, by);
            let all = field_names(&next);
            let times = all.iter().map(|f| (f.clone(), now)).collect();
            next.meta_mut().set_field_times(times);
            *slot = Some(next);
            true
        }
        (None, None) => false,
    }
}
