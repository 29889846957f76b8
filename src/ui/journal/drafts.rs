//! Reflections whose save is under way in this tab. The unsaved words themselves are kept
//! with the device's preferences (`store::preferences`, reached through the workspace) until
//! their save is durable; what to do with words found again is core's rule
//! (`UnsavedReflection::resume`).

use uuid::Uuid;

pub use crate::core::journal_draft::DraftSlot as Slot;

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
