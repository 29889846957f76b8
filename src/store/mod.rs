//! Persistence behind one small async trait, with an IndexedDB implementation for the
//! browser and an in-memory one for tests. The store knows documents, not coaching.
//!
//! API boundary: the `Store` trait and `StoreError` are the contract the UI codes against.

use crate::core::document::Document;
use uuid::Uuid;

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
    Conflict { id: Uuid, stored_rev: u64, base_rev: u64 },
    #[error("The saved data was written by a newer version of Waymark (schema {found}, this version knows up to {known}). Reload to get the new version.")]
    SchemaTooNew { found: u32, known: u32 },
    #[error("The browser's storage is not available ({0}). Private browsing or a storage setting may be blocking it.")]
    Unavailable(String),
    #[error("A stored record could not be read: {0}")]
    Corrupt(String),
    #[error("Saving failed: {0}")]
    Failed(String),
}
