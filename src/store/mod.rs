//! Persistence behind one small async trait, with an IndexedDB implementation for the
//! browser and an in-memory one for tests. The store knows documents, not coaching.
//!
//! API boundary: the `Store` trait and `StoreError` are the contract the UI codes against.
//!
//! - [`memory::MemoryStore`]: everywhere (native tests, previews).
//! - `indexeddb::IndexedDbStore`: the browser (wasm32 only), with cross-tab change notices.
//! - `device`: persistent-storage request, storage estimate, the "has data" marker (wasm32 only).

use crate::core::document::Document;
use std::collections::HashSet;
use uuid::Uuid;

#[cfg(target_arch = "wasm32")]
pub mod device;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod memory;
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

/// What went wrong, written for the person who will read it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("This device is out of storage space, so the change was not saved. Everything saved earlier is safe. Free some space (or export and remove old plans) and try again.")]
    QuotaExceeded,
    #[error("This record was changed elsewhere (another tab or an import) since you opened it. Reload to see the newer version before saving again.")]
    Conflict {
        id: Uuid,
        stored_rev: u64,
        base_rev: u64,
    },
    #[error("The saved data was written by a newer version of Waymark (schema {found}, this version knows up to {known}). Reload to get the new version.")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("The browser's storage is not available ({0}). Private browsing or a storage setting may be blocking it.")]
    Unavailable(String),
    #[error("A stored record could not be read: {0}")]
    Corrupt(String),
    #[error("Saving failed: {0}")]
    Failed(String),
    /// Opening needs a schema upgrade, but another tab still holds the old database open
    /// and did not let go.
    #[error("Waymark is open in another tab that is still running an older version. Close the other Waymark tabs, then reload this one.")]
    Blocked,
    /// The connection was closed under us: a newer Waymark in another tab is upgrading the
    /// database, or the browser cleared the site's storage.
    #[error("Waymark was updated or its storage was reset in another tab. Reload this page to keep working.")]
    Closed,
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
