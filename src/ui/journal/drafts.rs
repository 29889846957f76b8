//! Unsaved reflection words kept in localStorage until their save is durable, so a reload or a
//! closed tab mid-sentence loses nothing. One key per plan and reflection ("new" for a
//! reflection that was never saved); what to do with words found again is core's rule
//! (`UnsavedReflection::resume`).

use gloo_storage::{LocalStorage, Storage};
use uuid::Uuid;

use crate::core::journal_draft::UnsavedReflection;

const PREFIX: &str = "waymark.journal-draft";

/// Which slot of the device's drafts: a reflection that was never saved, or a saved one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    New,
    Saved(Uuid),
}

fn key(plan_id: Uuid, slot: Slot) -> String {
    match slot {
        Slot::New => format!("{PREFIX}.{plan_id}.new"),
        Slot::Saved(id) => format!("{PREFIX}.{plan_id}.{id}"),
    }
}

pub fn load(plan_id: Uuid, slot: Slot) -> Option<UnsavedReflection> {
    LocalStorage::get::<UnsavedReflection>(key(plan_id, slot)).ok()
}

/// Keeps the words; a failure (storage full or blocked) is logged and the save to IndexedDB,
/// which does not depend on this, still runs.
pub fn keep(plan_id: Uuid, slot: Slot, draft: &UnsavedReflection) {
    if let Err(e) = LocalStorage::set(key(plan_id, slot), draft) {
        leptos::logging::warn!("could not keep the unsaved reflection on this device: {e}");
    }
}

pub fn forget(plan_id: Uuid, slot: Slot) {
    LocalStorage::delete(key(plan_id, slot));
}

/// Every draft kept for a plan, with its slot.
pub fn all(plan_id: Uuid) -> Vec<(Slot, UnsavedReflection)> {
    let prefix = format!("{PREFIX}.{plan_id}.");
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    keys.into_iter()
        .filter_map(|k| {
            let rest = &k[prefix.len()..];
            let slot = if rest == "new" {
                Slot::New
            } else {
                Slot::Saved(Uuid::parse_str(rest).ok()?)
            };
            Some((slot, load(plan_id, slot)?))
        })
        .collect()
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
