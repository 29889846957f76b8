//! In-memory store with the same semantics as IndexedDB (revisions, conflicts, all or
//! nothing), for native tests and previews. Clones share the same data, like two
//! connections to one database.

use super::{check_replace, check_unique_ids, ChangeSet, Store, StoreError};
use crate::core::document::{DocKind, Document};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use uuid::Uuid;

/// Keyed like the IndexedDB object store: (plan id, document id).
type Docs = BTreeMap<(Uuid, Uuid), Document>;

#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    docs: Rc<RefCell<Docs>>,
    /// While set, every write fails as a full disk would (tests of the storage-full state).
    full: Rc<std::cell::Cell<bool>>,
    /// The "saved here before" mark, kept apart from the documents as the browser store keeps it.
    saved: Rc<std::cell::Cell<bool>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Loses every document but keeps the "saved here before" mark, as a browser clearing
    /// the site's database under storage pressure does.
    pub fn lose_everything(&self) {
        self.docs.borrow_mut().clear();
    }

    /// Number of stored documents (all plans).
    pub fn len(&self) -> usize {
        self.docs.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.borrow().is_empty()
    }

    /// Makes every write (of every clone) fail with `StoreError::QuotaExceeded` until
    /// called again with `false`; reads still work, as on a full disk.
    pub fn set_full(&self, full: bool) {
        self.full.set(full);
    }

    fn check_space(&self) -> Result<(), StoreError> {
        if self.full.get() {
            return Err(StoreError::QuotaExceeded);
        }
        Ok(())
    }
}

impl Store for MemoryStore {
    async fn list_plan_headers(&self) -> Result<Vec<Document>, StoreError> {
        Ok(self
            .docs
            .borrow()
            .values()
            .filter(|d| d.kind == DocKind::Plan)
            .cloned()
            .collect())
    }

    async fn load_plan(&self, plan_id: Uuid) -> Result<Vec<Document>, StoreError> {
        Ok(self
            .docs
            .borrow()
            .range((plan_id, Uuid::nil())..=(plan_id, Uuid::max()))
            .map(|(_, d)| d.clone())
            .collect())
    }

    async fn commit(&self, changes: ChangeSet) -> Result<Vec<(Uuid, u64)>, StoreError> {
        check_unique_ids(&changes.puts)?;
        self.check_space()?;
        let mut docs = self.docs.borrow_mut();
        // Check everything first, write only if all checks pass: all or nothing.
        for doc in &changes.puts {
            let stored_rev = docs.get(&(doc.plan_id, doc.id)).map_or(0, |d| d.rev);
            if stored_rev != doc.rev {
                return Err(StoreError::Conflict {
                    id: doc.id,
                    stored_rev,
                    base_rev: doc.rev,
                });
            }
        }
        let mut revs = Vec::with_capacity(changes.puts.len());
        for mut doc in changes.puts {
            doc.rev += 1;
            revs.push((doc.id, doc.rev));
            docs.insert((doc.plan_id, doc.id), doc);
        }
        self.saved.set(true);
        Ok(revs)
    }

    async fn delete_plan(&self, plan_id: Uuid) -> Result<(), StoreError> {
        self.docs.borrow_mut().retain(|&(p, _), _| p != plan_id);
        Ok(())
    }

    async fn replace_plan(
        &self,
        plan_id: Uuid,
        docs: Vec<Document>,
    ) -> Result<Vec<(Uuid, u64)>, StoreError> {
        check_replace(plan_id, &docs)?;
        self.check_space()?;
        let mut stored = self.docs.borrow_mut();
        let old: Docs = stored
            .range((plan_id, Uuid::nil())..=(plan_id, Uuid::max()))
            .map(|(k, d)| (*k, d.clone()))
            .collect();
        stored.retain(|&(p, _), _| p != plan_id);
        let mut revs = Vec::with_capacity(docs.len());
        for mut doc in docs {
            doc.rev = old.get(&(plan_id, doc.id)).map_or(0, |d| d.rev) + 1;
            revs.push((doc.id, doc.rev));
            stored.insert((plan_id, doc.id), doc);
        }
        self.saved.set(true);
        Ok(revs)
    }

    fn saved_here_before(&self) -> bool {
        self.saved.get()
    }

    fn forget_saved_here(&self) {
        self.saved.set(false);
    }
}
