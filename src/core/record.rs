//! What every stored record has in common, so that finding, tombstoning, saving and loading
//! are written once for all kinds instead of once per kind.

use super::document::DocKind;
use super::errors::CoreError;
use super::meta::{changed_fields, field_names, Author, Meta};
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};

pub trait Record: Serialize + DeserializeOwned + Clone {
    const KIND: DocKind;
    /// The word used for this kind in messages ("goal", "milestone").
    const NOUN: &'static str;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// The same rules the verbs apply, re-checked when a record is loaded from storage.
    fn validate(&self) -> Result<(), CoreError>;

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

/// Implements `Record` for a struct with a `meta` field and a `check` method.
macro_rules! record {
    ($ty:ty, $kind:expr, $noun:literal) => {
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
        }
    };
}
pub(crate) use record;
