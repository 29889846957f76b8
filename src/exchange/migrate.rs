//! Older plan files move forward one version at a time by pure functions on the JSON value,
//! before anything else reads them, so the checker and the builder only ever see the current
//! shape. Modelled on Excalidraw's migration table: each entry has a version, a title, a
//! required description and a pure `apply` from the previous version; the table checks itself
//! at compile time (versions strictly increasing from 1, the last one the current version).
//!
//! To add version N: bump `CURRENT_VERSION`, append an entry whose `apply` turns a version N-1
//! value into a version N value (and sets `"version": N`), keep a `vN-1` fixture in
//! `tests/fixtures/plan-files/`, and describe the change in `docs/FILE_FORMAT.md`.

use super::error::ImportError;
use super::format::CURRENT_VERSION;
use serde_json::Value;

pub struct Migration {
    /// The version this entry produces.
    pub version: u32,
    pub title: &'static str,
    pub description: &'static str,
    /// Turns a file at `version - 1` into one at `version`. Pure: no clock, no randomness.
    pub apply: fn(Value) -> Result<Value, ImportError>,
}

/// Every format version, oldest first. Version 1 is the first published format: there is
/// nothing before it, so its `apply` is the identity.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    title: "First published plan-file format",
    description: "One JSON object: format, version, kind, exported_at, exported_by, the plan \
                  header and one list per record kind, each record as the core stores it.",
    apply: Ok,
}];

/// The table's own rules, checked when the crate compiles.
pub const fn table_is_valid(table: &[Migration], current: u32) -> bool {
    if table.is_empty() || table[0].version != 1 {
        return false;
    }
    let mut i = 0;
    while i < table.len() {
        let m = &table[i];
        if m.title.is_empty() || m.description.is_empty() {
            return false;
        }
        if i > 0 && m.version != table[i - 1].version + 1 {
            return false;
        }
        i += 1;
    }
    table[table.len() - 1].version == current
}

const _: () = assert!(
    table_is_valid(MIGRATIONS, CURRENT_VERSION),
    "exchange::migrate::MIGRATIONS must run 1, 2, ... up to CURRENT_VERSION"
);

/// Applies every migration after `from`, in order.
pub fn to_current(mut value: Value, from: u32) -> Result<Value, ImportError> {
    for m in MIGRATIONS.iter().filter(|m| m.version > from) {
        value = (m.apply)(value)?;
    }
    Ok(value)
}
