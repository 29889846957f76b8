//! IndexedDB schema versions and their upgrades, shaped like matrix-rust-sdk's
//! `media_store/migrations.rs`: one `Version` per layout, `TryFrom<u32>` (unknown → error),
//! and `upgrade(self)` run step by step inside the `upgradeneeded` handler, all in the one
//! version-change transaction the browser gives us (no reopening per step).
//!
//! Rules: a version's layout never changes once shipped; add a new version instead. Code
//! outside this file uses only the names in [`current`]. Schema changes (stores, indexes)
//! go in `upgrade`; should a step ever need to rewrite records, it does so with requests on
//! the same upgrade transaction, and only synchronously (no awaiting inside it).
//!
//! | version | layout |
//! | --- | --- |
//! | 0 | no database |
//! | 1 | object store `documents`, key path `["plan_id", "id"]` (hyphenated UUID strings); value: `{plan_id, id, kind, rev, body}` as a plain object (`kind` snake_case, `rev` a number, `body` the core's JSON string) |
//! | 2 | + index `by_kind_plan` on `["kind", "plan_id"]`: plan headers (`kind = "plan"`) of all plans without reading every document, and "one kind of one plan" for later lazy loading |
//! | 3 | same stores; every tombstone's `body` is its meta alone (`{"meta": ...}`): the words of records deleted before deletions were erased are dropped |

use super::StoreError;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbIndexParameters, IdbObjectStoreParameters, IdbTransaction};

/// The names and version that the rest of the store uses.
pub mod current {
    use super::{v1, v2, Version};

    #[cfg(not(feature = "next-schema"))]
    pub const VERSION: Version = Version::V3;
    #[cfg(feature = "next-schema")]
    pub const VERSION: Version = Version::V4;
    pub use v1::keys::{DOCUMENTS, DOCUMENTS_KEY_PATH};
    pub use v2::keys::{BY_KIND_PLAN, BY_KIND_PLAN_KEY_PATH};
}

/// A layout of the database; the discriminant is the IndexedDB version number.
#[derive(Debug, Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub enum Version {
    /// No database yet.
    V0 = 0,
    /// See [`v1`].
    V1 = 1,
    /// See [`v2`].
    V2 = 2,
    /// See [`v3`].
    V3 = 3,
    /// See [`v4`]. Only in the test build one schema ahead.
    #[cfg(feature = "next-schema")]
    V4 = 4,
}

impl Version {
    pub const fn number(self) -> u32 {
        self as u32
    }

    /// Moves the database one step up; `None` when this is the newest version.
    pub fn upgrade(
        self,
        db: &IdbDatabase,
        tx: &IdbTransaction,
    ) -> Result<Option<Self>, StoreError> {
        match self {
            Self::V0 => v1::create(db).map(Some),
            Self::V1 => v2::create(tx).map(Some),
            Self::V2 => v3::erase_tombstones(tx).map(Some),
            #[cfg(not(feature = "next-schema"))]
            Self::V3 => Ok(None),
            #[cfg(feature = "next-schema")]
            Self::V3 => v4::create(tx).map(Some),
            #[cfg(feature = "next-schema")]
            Self::V4 => Ok(None),
        }
    }
}

/// A version number that this build does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownVersion(pub u32);

impl TryFrom<u32> for Version {
    type Error = UnknownVersion;

    fn try_from(value: u32) -> Result<Self, Self::Error> {
        match value {
            0 => Ok(Self::V0),
            1 => Ok(Self::V1),
            2 => Ok(Self::V2),
            3 => Ok(Self::V3),
            #[cfg(feature = "next-schema")]
            4 => Ok(Self::V4),
            v => Err(UnknownVersion(v)),
        }
    }
}

impl From<UnknownVersion> for StoreError {
    fn from(v: UnknownVersion) -> Self {
        StoreError::SchemaTooNew {
            found: v.0,
            known: current::VERSION.number(),
        }
    }
}

/// Runs every step from `old_version` to [`current::VERSION`] in the upgrade transaction.
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old_version: u32) -> Result<(), StoreError> {
    let mut version = Version::try_from(old_version)?;
    while version < current::VERSION {
        version = match version.upgrade(db, tx)? {
            Some(next) => next,
            None => current::VERSION,
        };
    }
    Ok(())
}

fn schema_error(step: &str, err: JsValue) -> StoreError {
    StoreError::Failed(format!(
        "the database could not be prepared ({step}): {}",
        super::error::describe_js_error(&err)
    ))
}

/// Version 1: one object store for every document of every plan.
pub mod v1 {
    use super::*;

    pub mod keys {
        pub const DOCUMENTS: &str = "documents";
        /// Compound key: all documents of a plan are one contiguous key range.
        pub const DOCUMENTS_KEY_PATH: [&str; 2] = ["plan_id", "id"];
    }

    /// V0 → V1.
    pub fn create(db: &IdbDatabase) -> Result<Version, StoreError> {
        let params = IdbObjectStoreParameters::new();
        params.set_key_path(&key_path(&keys::DOCUMENTS_KEY_PATH));
        db.create_object_store_with_optional_parameters(keys::DOCUMENTS, &params)
            .map_err(|e| schema_error("create documents", e))?;
        Ok(Version::V1)
    }
}

/// Version 2: an index to find plan headers (and one kind of one plan) without a scan.
pub mod v2 {
    use super::*;

    pub mod keys {
        pub const BY_KIND_PLAN: &str = "by_kind_plan";
        pub const BY_KIND_PLAN_KEY_PATH: [&str; 2] = ["kind", "plan_id"];
    }

    /// V1 → V2. IndexedDB fills the new index from the existing records itself.
    pub fn create(tx: &IdbTransaction) -> Result<Version, StoreError> {
        let documents = tx
            .object_store(v1::keys::DOCUMENTS)
            .map_err(|e| schema_error("open documents", e))?;
        let params = IdbIndexParameters::new();
        params.set_unique(false);
        documents
            .create_index_with_str_sequence_and_optional_parameters(
                keys::BY_KIND_PLAN,
                &key_path(&keys::BY_KIND_PLAN_KEY_PATH),
                &params,
            )
            .map_err(|e| schema_error("create index by_kind_plan", e))?;
        Ok(Version::V2)
    }
}

/// Version 3: tombstones keep no content. Records deleted before this version kept their words
/// in storage (only flagged deleted); this step rewrites each such document to its meta alone
/// (`core::record::strip_tombstone_body`), so what a person deleted is gone from the device.
pub mod v3 {
    use super::*;
    use crate::core::record::strip_tombstone_body;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// V2 → V3. One `getAll` on the upgrade transaction, then one `put` per tombstone that
    /// still has a body, all issued from the request's success handler: the transaction stays
    /// open while its requests are pending, and a failed `put` aborts the whole upgrade (the
    /// database stays at version 2 and the next start tries again).
    pub fn erase_tombstones(tx: &IdbTransaction) -> Result<Version, StoreError> {
        let documents = tx
            .object_store(v1::keys::DOCUMENTS)
            .map_err(|e| schema_error("open documents", e))?;
        let all = documents
            .get_all()
            .map_err(|e| schema_error("read documents", e))?;
        let store = documents.clone();
        let on_read = Closure::once_into_js(move |event: web_sys::Event| {
            let Some(docs) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            else {
                return;
            };
            let body_key = JsValue::from_str("body");
            for doc in docs.iter() {
                let Some(stripped) = js_sys::Reflect::get(&doc, &body_key)
                    .ok()
                    .and_then(|b| b.as_string())
                    .and_then(|b| strip_tombstone_body(&b))
                else {
                    continue;
                };
                if js_sys::Reflect::set(&doc, &body_key, &JsValue::from_str(&stripped)).is_ok() {
                    // A failure aborts the transaction, which fails the open with its error.
                    let _ = store.put(&doc);
                }
            }
        });
        all.set_onsuccess(Some(on_read.unchecked_ref()));
        Ok(Version::V3)
    }
}

/// Version 4, built only with the `next-schema` feature: "the next release" for the test that
/// deploys a new version over data the current one wrote (tests/e2e/update.test.mjs). Its
/// change is the kind a real release would make: one more index over existing records.
#[cfg(feature = "next-schema")]
pub mod v4 {
    use super::*;

    /// V3 → V4.
    pub fn create(tx: &IdbTransaction) -> Result<Version, StoreError> {
        let documents = tx
            .object_store(v1::keys::DOCUMENTS)
            .map_err(|e| schema_error("open documents", e))?;
        documents
            .create_index_with_str_sequence_and_optional_parameters(
                "by_plan_kind",
                &key_path(&["plan_id", "kind"]),
                &IdbIndexParameters::new(),
            )
            .map_err(|e| schema_error("create index by_plan_kind", e))?;
        Ok(Version::V4)
    }
}

fn key_path(parts: &[&str]) -> JsValue {
    parts
        .iter()
        .map(|p| JsValue::from_str(p))
        .collect::<js_sys::Array>()
        .into()
}
