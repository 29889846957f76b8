//! What every stored record has in common, so that finding, tombstoning, saving and loading
//! are written once for all kinds instead of once per kind.

use super::document::DocKind;
use super::errors::CoreError;
use super::meta::{changed_fields, field_names, Author, Meta};
use super::sorting::sort_by_key;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

pub trait Record: Serialize + DeserializeOwned + Clone {
    const KIND: DocKind;
    /// The word used for this kind in messages ("goal", "milestone").
    const NOUN: &'static str;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// The same rules the verbs apply, re-checked when a record is loaded from storage.
    fn validate(&self) -> Result<(), CoreError>;
    /// The record with this meta and no content: every field empty, zero or its default. A
    /// tombstone is this (see `erased`); it never passes `validate` and is never shown.
    fn blank(meta: Meta) -> Self;
    /// A short, human title for summaries ("Goal: Land a UX role").
    fn label(&self) -> String;
    /// The fields that a rule of this record ties together, each group declared once with
    /// its rule (`Group`): `validate` checks the rule, and the merge takes a group's fields
    /// from one side together so the merged record keeps it. Every other field merges alone.
    fn groups() -> Vec<&'static [&'static str]> {
        Vec::new()
    }

    /// What a deleted record keeps: its meta (kind, id, `deleted`, the clocks), which is all
    /// the merge needs. Everything the person wrote is gone, on the device and in every file.
    fn erased(&self) -> Self {
        Self::blank(self.meta().clone())
    }

    /// Marks `self`, an edited copy of `old`, as changed at `now` by `by`: the fields whose
    /// serialised values differ from `old`'s get `now` as their clock (see `meta.rs`). An edit
    /// that changes no field is no change: the meta stays as it was, and this returns false.
    fn stamp_edit(&mut self, old: &Self, now: DateTime<Utc>, by: Author) -> bool {
        let changed = changed_fields(old, self);
        if changed.is_empty() {
            return false;
        }
        let all = field_names(self);
        self.meta_mut().stamp(now, by, &changed, &all);
        true
    }
}

/// Fields of a record that one rule ties together (a goal's start and target dates), with the
/// rule. Declared once on the record's draft: its `check` runs the rule, and `Record::groups`
/// gives the merge the fields, so the two never disagree about which fields belong together.
pub struct Group<D: 'static> {
    /// Field names as serialised (top-level JSON keys of the record).
    pub fields: &'static [&'static str],
    pub rule: fn(&D) -> Result<(), CoreError>,
}

/// "Goal: Land a UX role": a label of a kind and a title, clipped for a summary.
pub(crate) fn titled(kind: &str, title: &str) -> String {
    format!(
        "{kind}: {}",
        super::limits::clip(title.trim().to_owned(), 60)
    )
}

/// Checks every group's rule, in order.
/// Where a dated record stands among its kind: its day, then when it was written, then its id,
/// so every device orders takes and session notes alike.
fn dated_order<R: Record>(
    r: &R,
    day: &impl Fn(&R) -> NaiveDate,
) -> (NaiveDate, DateTime<Utc>, uuid::Uuid) {
    (day(r), r.meta().created_at, r.meta().id)
}

/// The live records of a dated kind (assessment takes, interest takes, session notes), newest
/// first.
pub fn newest_first<R: Record>(records: &[R], day: impl Fn(&R) -> NaiveDate) -> Vec<&R> {
    let mut live: Vec<&R> = records.iter().filter(|r| r.meta().is_live()).collect();
    sort_by_key(&mut live, |r| std::cmp::Reverse(dated_order(*r, &day)));
    live
}

/// The newest live record of a dated kind, in the order of [`newest_first`].
pub fn newest<R: Record>(records: &[R], day: impl Fn(&R) -> NaiveDate) -> Option<&R> {
    records
        .iter()
        .filter(|r| r.meta().is_live())
        .max_by_key(|r| dated_order(*r, &day))
}

pub fn check_groups<D>(draft: &D, groups: &[Group<D>]) -> Result<(), CoreError> {
    groups.iter().try_for_each(|g| (g.rule)(draft))
}

// ---- how records are written and read back -------------------------------------------------------
//
// A tombstone is written as `{"meta": {...}}` alone, in storage and in files. Reading accepts
// that, and also a tombstone that still carries the words it had before deletions were erased
// (stored, or in a file from an older version): those words are dropped on the way in.

/// A record as it is written: a tombstone as its meta alone.
pub struct Written<'a, T>(pub &'a T);

#[derive(Serialize)]
struct TombstoneOut<'a> {
    meta: &'a Meta,
}

impl<T: Record> Serialize for Written<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.meta().deleted {
            TombstoneOut {
                meta: self.0.meta(),
            }
            .serialize(s)
        } else {
            self.0.serialize(s)
        }
    }
}

/// A list of records as written (see `Written`).
pub struct WrittenList<'a, T>(pub &'a [T]);

impl<T> WrittenList<'_, T> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Record> Serialize for WrittenList<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Written))
    }
}

/// Only the meta of a written record; other fields are ignored.
#[derive(Deserialize)]
struct MetaOnly {
    meta: Meta,
}

/// Reads a written record (JSON text): a tombstone comes back content-free however it was
/// written.
pub fn read_record<T: Record>(body: &str) -> Result<T, serde_json::Error> {
    match serde_json::from_str::<T>(body) {
        Ok(r) if r.meta().deleted => Ok(r.erased()),
        Ok(r) => Ok(r),
        Err(e) => match serde_json::from_str::<MetaOnly>(body) {
            Ok(m) if m.meta.deleted => Ok(T::blank(m.meta)),
            _ => Err(e),
        },
    }
}

/// `read_record` for a parsed JSON value (an entry of a plan file).
pub fn read_record_value<T: Record>(v: &serde_json::Value) -> Result<T, serde_json::Error> {
    match T::deserialize(v) {
        Ok(r) if r.meta().deleted => Ok(r.erased()),
        Ok(r) => Ok(r),
        Err(e) => match MetaOnly::deserialize(v) {
            Ok(m) if m.meta.deleted => Ok(T::blank(m.meta)),
            _ => Err(e),
        },
    }
}

/// True when a written record (a JSON object) is a tombstone.
pub fn is_tombstone(v: &serde_json::Value) -> bool {
    v.get("meta").and_then(|m| m.get("deleted")) == Some(&serde_json::Value::Bool(true))
}

/// A stored document's body with a tombstone's words dropped, or `None` when there is nothing
/// to drop (a live record, an already content-free tombstone, or a body that is not JSON).
/// The store upgrade that erases tombstones written before this rule uses it.
pub fn strip_tombstone_body(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let obj = v.as_object()?;
    if !is_tombstone(&v) || obj.len() == 1 {
        return None;
    }
    let meta = obj.get("meta")?.clone();
    Some(serde_json::json!({ "meta": meta }).to_string())
}

/// Implements `Record` for a struct with a `meta` field and a `check` method; `$blank` builds
/// the content-free record from a meta (`Record::blank`), `label` names a record in summaries,
/// and `groups` (the draft's `Group`s) says which fields the merge keeps together.
macro_rules! record {
    ($ty:ty, $kind:expr, $noun:literal, $blank:expr, label: $label:expr $(, groups: $groups:expr)? $(,)?) => {
        impl $crate::core::record::Record for $ty {
            const KIND: $crate::core::document::DocKind = $kind;
            const NOUN: &'static str = $noun;
            fn meta(&self) -> &$crate::core::meta::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::core::meta::Meta {
                &mut self.meta
            }
            fn validate(&self) -> Result<(), $crate::core::errors::CoreError> {
                self.check()
            }
            fn blank(meta: $crate::core::meta::Meta) -> Self {
                let blank: fn($crate::core::meta::Meta) -> Self = $blank;
                blank(meta)
            }
            fn label(&self) -> String {
                let label: fn(&Self) -> String = $label;
                label(self)
            }
            $(fn groups() -> Vec<&'static [&'static str]> {
                $groups.iter().map(|g| g.fields).collect()
            })?
        }
    };
}
pub(crate) use record;
