//! Bookkeeping every record carries so that plans can be merged and synced record by record:
//! a stable id, when it was created and last changed, by whom, whether it was deleted, and
//! when each of its fields last changed (the field clocks the merge goes by).
//!
//! Field clocks. `field_times` maps a field name (a top-level JSON key of the record's editable
//! part, as serialised: `"why"`, `"target_date"`, `"done_at"`) to when that field last changed.
//! A field missing from the map changed at:
//! - `updated_at` when the map is empty. That covers a record never edited (then
//!   `updated_at == created_at`) and a record edited before field clocks existed, of which we
//!   do not know which field changed, so every field counts as changed at its `updated_at`
//!   (such a record merges as a whole, exactly as before);
//! - `created_at` when the map is not empty.
//!
//! The map is always kept in one canonical form (see `Meta::set_field_times`), so two copies
//! that mean the same clocks compare equal, which the merge's laws rely on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Who made the last change. The coach sees who wrote what; the merge's `updated_by` is the
/// author of the latest change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Coach,
    Client,
}

/// Most entries a record's `field_times` may have (no record has more fields than this).
pub const MAX_FIELD_TIMES: usize = 32;
/// Longest field name in `field_times`.
pub const MAX_FIELD_NAME: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Author,
    /// A tombstone rather than a removal: a merge with an older copy must not bring the
    /// record back to life.
    #[serde(default)]
    pub deleted: bool,
    /// When each field last changed; see the module comment for fields not in the map.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_times: BTreeMap<String, DateTime<Utc>>,
}

impl Meta {
    pub fn new(id: Uuid, now: DateTime<Utc>, by: Author) -> Self {
        Meta {
            id,
            created_at: now,
            updated_at: now,
            updated_by: by,
            deleted: false,
            field_times: BTreeMap::new(),
        }
    }

    /// Marks the whole record as changed without touching the field clocks: tombstoning
    /// (record-level; the merge compares tombstones whole). Field edits go through `stamp`.
    pub fn touch(&mut self, now: DateTime<Utc>, by: Author) {
        self.updated_at = now;
        self.updated_by = by;
    }

    pub fn is_live(&self) -> bool {
        !self.deleted
    }

    /// When `field` last changed (see the module comment).
    pub fn field_time(&self, field: &str) -> DateTime<Utc> {
        match self.field_times.get(field) {
            Some(t) => *t,
            None if self.field_times.is_empty() => self.updated_at,
            None => self.created_at,
        }
    }

    /// The clock of every named field.
    pub fn times_of(&self, fields: &[String]) -> BTreeMap<String, DateTime<Utc>> {
        fields
            .iter()
            .map(|f| (f.clone(), self.field_time(f)))
            .collect()
    }

    /// Records an edit: the fields in `changed` changed at `now`, by `by`; `all` names every
    /// field of the record, so clocks that an empty map implied are kept.
    pub fn stamp(&mut self, now: DateTime<Utc>, by: Author, changed: &[String], all: &[String]) {
        let mut times = self.times_of(all);
        for f in changed {
            times.insert(f.clone(), now);
        }
        self.updated_at = now;
        self.updated_by = by;
        self.set_field_times(times);
    }

    /// Sets the clocks of every field (`times` names them all) in the canonical form, given
    /// `created_at` and `updated_at`: empty when every field changed at `updated_at`; else only
    /// the fields whose time differs from `created_at`; else (every field at `created_at` but
    /// the record touched later) all of them.
    pub fn set_field_times(&mut self, times: BTreeMap<String, DateTime<Utc>>) {
        self.field_times = if times.values().all(|t| *t == self.updated_at) {
            BTreeMap::new()
        } else {
            let since: BTreeMap<String, DateTime<Utc>> = times
                .iter()
                .filter(|(_, t)| **t != self.created_at)
                .map(|(f, t)| (f.clone(), *t))
                .collect();
            if since.is_empty() {
                times
            } else {
                since
            }
        };
    }
}

/// The names of a record's fields: the top-level JSON keys it serialises to, except `meta`.
pub fn field_names<T: Serialize>(record: &T) -> Vec<String> {
    match serde_json::to_value(record) {
        Ok(serde_json::Value::Object(m)) => m.keys().filter(|k| *k != "meta").cloned().collect(),
        _ => Vec::new(),
    }
}

/// The fields whose serialised values differ between two versions of a record.
pub fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).filter(|k| *k != "meta").collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}
