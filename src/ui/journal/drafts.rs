//! Unsaved reflection words kept with the device's preferences (`store::preferences`) until
//! their save is durable, so a reload or a closed tab mid-sentence loses nothing. One key per
//! plan and reflection ("new" for a reflection that was never saved); what to do with words
//! found again is core's rule (`UnsavedReflection::resume`).

use uuid::Uuid;

pub use crate::core::journal_draft::DraftSlot as Slot;
use crate::core::journal_draft::UnsavedReflection;
use crate::store::preferences::Preferences;

pub fn load(plan_id: Uuid, slot: Slot) -> Option<UnsavedReflection> {
    Preferences::local().journal_draft(plan_id, slot)
}

/// Keeps the words; a failure (storage full or blocked) is logged by the store and the save
/// to IndexedDB, which does not depend on this, still runs.
pub fn keep(plan_id: Uuid, slot: Slot, draft: &UnsavedReflection) {
    let _ = Preferences::local().keep_journal_draft(plan_id, slot, draft);
}

pub fn forget(plan_id: Uuid, slot: Slot) {
    Preferences::local().forget_journal_draft(plan_id, slot);
}

/// Every draft kept for a plan, with its slot.
pub fn all(plan_id: Uuid) -> Vec<(Slot, UnsavedReflection)> {
    Preferences::local().journal_drafts(plan_id)
}

thread_local! {
    /// Reflections whose save is under way in this tab (an editor's, possibly finishing after
    /// the person left it), so the journal list does not try to save the same words again.
    static SAVING: std::cell::RefCell<std::collections::HashSet<Uuid>> = Default::default();
}

pub fn mark_saving(id: Uuid, saving: bool) {
    SAVING.with(|s| {
        let mut s = s.borrow_mut();
        if saving {
            s.insert(id);
        } else {
            s.remove(&id);
        }
    });
}

pub fn is_saving(id: Uuid) -> bool {
    SAVING.with(|s| s.borrow().contains(&id))
}
