//! Older plan files move forward one version at a time by pure functions on the JSON value,
//! before anything else reads them, so the checker and the builder only ever see the current
//! shape. Modelled on Excalidraw's migration table: each entry has a version, a title, a
//! required description and a pure `apply` from the previous version; the table checks itself
//! at compile time (versions strictly increasing from 1, the last one the current version).
//!
//! To add version N: bump `CURRENT_VERSION` (in `spec`), append an entry whose `apply` turns a
//! version N-1 value into a version N value (and sets `"version": N`), keep a `vN-1` fixture in
//! `tests/fixtures/plan-files/`, and describe the change in `docs/FILE_FORMAT.md`. A field added
//! to an existing version needs none of this: mark it `added(Since::Version(N), …)` in `spec`.

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
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        title: "First published plan-file format",
        description: "One JSON object: format, version, kind, exported_at, exported_by, the plan \
                      header and one list per record kind, each record as the core stores it.",
        apply: Ok,
    },
    Migration {
        version: 2,
        title: "Files name the lowest version that reads them",
        description: "Version 1 plus the fields added while every file still said version 1 \
                      (field clocks, content-free tombstones, a reflection's author, the plan's \
                      client, from_template and starts_on, plan_for_client files, a schedule's \
                      time_zone, WOOPs) and those added with version 2 (spec::Since). Every \
                      version-1 file is a version-2 file: only the number changes.",
        apply: to_version_2,
    },
];

fn to_version_2(mut value: Value) -> Result<Value, ImportError> {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".to_owned(), Value::from(2));
    }
    Ok(value)
}

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
