//! Persistence behind one small async trait, with an IndexedDB implementation for the
//! browser and an in-memory one for tests. The store knows documents, not coaching.
//!
//! API boundary: the `Store` trait and `StoreError` are the contract the UI codes against.
//!
//! - [`memory::MemoryStore`]: everywhere (native tests, previews).
//! - `indexeddb::IndexedDbStore`: the browser (wasm32 only), with cross-tab change notices.
//! - [`preferences::Preferences`]: every per-device key (role, open plan, theme, backups,
//!   reports, journal drafts, a check-in draft), typed, over localStorage or memory.
//! - `error`: `StoreError` and how browser errors become it; the browser parts depend on it,
//!   not on each other.
//! - `device`: persistent-storage request, storage estimate, the "has data" marker (wasm32 only).

use crate::core::document::Document;
pub use error::StoreError;
use std::collections::HashSet;
use uuid::Uuid;

#[cfg(target_arch = "wasm32")]
pub mod device;
pub mod error;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod memory;
pub mod preferences;
#[cfg(target_arch = "wasm32")]
pub mod schema;

/// One user action's writes, applied in a single transaction: all or nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Each document is written with `rev` = the revision the edit was based on (0 for a new
    /// record). The store refuses the whole change set with `StoreError::Conflict` when the
    /// stored revision differs, and otherwise stores it as `rev + 1`.
    pub puts: Vec<Document>,
}

/// Where documents live. One call is one transaction; every method is all or nothing.
///
/// Ordering: `load_plan` returns documents sorted by id, `list_plan_headers` by plan id.
#[allow(async_fn_in_trait)] // used generically (`S: Store`), never as `dyn Store`
pub trait Store {
    /// The `DocKind::Plan` document of every plan on this device.
    async fn list_plan_headers(&self) -> Result<Vec<Document>, StoreError>;

    /// Every document of one plan (empty if the plan does not exist).
    async fn load_plan(&self, plan_id: Uuid) -> Result<Vec<Document>, StoreError>;

    /// Applies one user action. Each document's `rev` must equal the stored revision
    /// (absent = 0), else nothing is written and the first mismatch is returned as
    /// `StoreError::Conflict`. Returns `(id, new_rev)` in the order of `changes.puts`.
    /// Resolves only once the write is durable.
    async fn commit(&self, changes: ChangeSet) -> Result<Vec<(Uuid, u64)>, StoreError>;

    /// Hard-deletes every document of a plan. Deleting a plan that does not exist is not an
    /// error.
    async fn delete_plan(&self, plan_id: Uuid) -> Result<(), StoreError>;

    /// Replaces a whole plan at once (an import the user confirmed): documents of the plan
    /// not in `docs` are deleted, the others written without a revision check. Incoming
    /// `rev`s are ignored: each document gets (stored rev, or 0) + 1, so revisions only grow
    /// and an edit made in another tab on an older copy still conflicts.
    /// Every document must belong to `plan_id`.
    async fn replace_plan(
        &self,
        plan_id: Uuid,
        docs: Vec<Document>,
    ) -> Result<Vec<(Uuid, u64)>, StoreError>;

    /// Whether a plan was ever saved in this store on this device. The mark is kept apart from
    /// the plans, so a store found empty with the mark set was cleared by the browser.
    fn saved_here_before(&self) -> bool;

    /// Forgets the mark: the person erased everything on purpose, or begins again after the
    /// browser cleared the plans, so an empty store is simply new from now on.
    fn forget_saved_here(&self);
}

/// What another tab (or another connection) changed, as announced after its commit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RemoteChange {
    pub plan_id: Uuid,
    /// The documents written (empty when `whole_plan`).
    pub ids: Vec<Uuid>,
    /// The plan was deleted or replaced: reload all of it (it may be gone).
    #[serde(default)]
    pub whole_plan: bool,
}

/// Rejects change sets that name the same record twice: their outcome would depend on
/// write order, and it is always a caller bug.
pub(crate) fn check_unique_ids<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
) -> Result<(), StoreError> {
    let mut seen = HashSet::new();
    for doc in docs {
        if !seen.insert((doc.plan_id, doc.id)) {
            return Err(StoreError::Failed(format!(
                "the change names record {} twice",
                doc.id
            )));
        }
    }
    Ok(())
}

/// `replace_plan` precondition shared by all implementations.
pub(crate) fn check_replace(plan_id: Uuid, docs: &[Document]) -> Result<(), StoreError> {
    if let Some(doc) = docs.iter().find(|d| d.plan_id != plan_id) {
        return Err(StoreError::Failed(format!(
            "record {} belongs to plan {}, not to the plan being replaced ({plan_id})",
            doc.id, doc.plan_id
        )));
    }
    check_unique_ids(docs)
}

/// Groups written documents per plan for change notices, keeping first-seen order.
#[cfg(target_arch = "wasm32")]
pub(crate) fn changes_by_plan(written: &[(Uuid, Uuid)]) -> Vec<RemoteChange> {
    let mut out: Vec<RemoteChange> = Vec::new();
    for &(plan_id, id) in written {
        match out.iter_mut().find(|c| c.plan_id == plan_id) {
            Some(change) => change.ids.push(id),
            None => out.push(RemoteChange {
                plan_id,
                ids: vec![id],
                whole_plan: false,
            }),
        }
    }
    out
}
