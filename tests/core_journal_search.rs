#![cfg(not(target_arch = "wasm32"))]
//! The journal search over one prepared buffer finds exactly what a plain per-entry scan finds,
//! in the same order, for any entries, queries and tags, and after any adds, edits and deletes;
//! and a search narrowed from the previous keystroke's answer finds the same.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use std::cmp::Ordering;
use uuid::Uuid;
use waymark::core::journal::{JournalIndex, Reflection, ReflectionDraft};
use waymark::core::meta::Meta;
use waymark::core::Author;

/// The search as it was before the shared buffer: each entry's own lowercased string.
fn per_entry_search(reflections: &[Reflection], query: &str, tag: Option<&str>) -> Vec<Uuid> {
    let q = query.trim().to_lowercase();
    let tag = tag.map(|t| t.trim().to_lowercase());
    let mut live: Vec<&Reflection> = reflections.iter().filter(|r| r.meta.is_live()).collect();
    live.sort_by(|a, b| newest_first(a, b));
    live.into_iter()
        .filter(|r| {
            let tags: Vec<String> = r
                .fields
                .tags
                .iter()
                .map(|t| t.trim().to_lowercase())
                .collect();
            let mut hay = r.fields.text.to_lowercase();
            if let Some(p) = &r.fields.prompt {
                hay.push('\n');
                hay.push_str(&p.to_lowercase());
            }
            for t in &tags {
                hay.push('\n');
                hay.push_str(t);
            }
            tag.as_ref().is_none_or(|t| tags.contains(t)) && (q.is_empty() || hay.contains(&q))
        })
        .map(|r| r.meta.id)
        .collect()
}

fn newest_first(a: &Reflection, b: &Reflection) -> Ordering {
    b.meta
        .created_at
        .cmp(&a.meta.created_at)
        .then(a.meta.id.cmp(&b.meta.id))
}

/// Few letters, so queries often match; case pairs, letters whose lowercase is longer or
/// shorter in bytes, newlines and the buffer's own separator byte.
fn words() -> impl Strategy<Value = String> {
    "[abAB İßẞ\n\0é]{0,8}"
}

fn reflection() -> impl Strategy<Value = Reflection> {
    (
        0u128..6,
        0i64..4,
        any::<bool>(),
        words(),
        proptest::option::of(words()),
        proptest::collection::vec(words(), 0..3),
    )
        .prop_map(|(id, minutes, deleted, text, prompt, tags)| {
            let at: DateTime<Utc> =
                Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap() + Duration::minutes(minutes);
            let mut meta = Meta::new(Uuid::from_u128(id + 1), at, Author::Client);
            meta.deleted = deleted;
            Reflection {
                meta,
                fields: ReflectionDraft {
                    text,
                    prompt,
                    tags,
                    ..Default::default()
                },
                author: None,
            }
        })
}

/// One version per id, as a plan holds them.
fn unique(reflections: Vec<Reflection>) -> Vec<Reflection> {
    let mut seen = std::collections::HashSet::new();
    reflections
        .into_iter()
        .filter(|r| seen.insert(r.meta.id))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_buffer_finds_what_a_per_entry_scan_finds(
        entries in proptest::collection::vec(reflection(), 0..8),
        query in words(),
        tag in proptest::option::of(words()),
    ) {
        let entries = unique(entries);
        let index = JournalIndex::build(&entries);
        prop_assert_eq!(
            index.search_tagged(&query, tag.as_deref()),
            per_entry_search(&entries, &query, tag.as_deref())
        );
    }

    #[test]
    fn after_adds_edits_and_deletes_it_still_does(
        first in proptest::collection::vec(reflection(), 0..6),
        changes in proptest::collection::vec(reflection(), 0..8),
        queries in proptest::collection::vec(words(), 1..4),
    ) {
        let mut entries = unique(first);
        let mut index = JournalIndex::build(&entries);
        for change in changes {
            index.upsert(&change);
            entries.retain(|r| r.meta.id != change.meta.id);
            entries.push(change);
            prop_assert_eq!(index.len(), entries.iter().filter(|r| r.meta.is_live()).count());
            for q in &queries {
                prop_assert_eq!(index.search(q), per_entry_search(&entries, q, None));
            }
        }
        if let Some(gone) = entries.first().map(|r| r.meta.id) {
            index.remove(gone);
            entries.retain(|r| r.meta.id != gone);
            for q in &queries {
                prop_assert_eq!(index.search(q), per_entry_search(&entries, q, None));
            }
        }
    }

    /// Typed a character at a time (sometimes deleting one), with an entry changed midway:
    /// every answer narrowed from the one before equals a fresh search.
    #[test]
    fn a_search_narrowed_keystroke_by_keystroke_finds_the_same(
        entries in proptest::collection::vec(reflection(), 0..8),
        typed in words(),
        backspace_at in 0usize..10,
        tag in proptest::option::of(words()),
        change in reflection(),
        change_at in 0usize..10,
    ) {
        let mut entries = unique(entries);
        let mut index = JournalIndex::build(&entries);
        let mut previous = None;
        let mut query = String::new();
        for (i, ch) in typed.chars().enumerate() {
            query.push(ch);
            if i == backspace_at {
                query.pop();
            }
            if i == change_at {
                index.upsert(&change);
                entries.retain(|r| r.meta.id != change.meta.id);
                entries.push(change.clone());
            }
            let found = index.search_after(&query, tag.as_deref(), previous.as_ref());
            let fresh = per_entry_search(&entries, &query, tag.as_deref());
            prop_assert_eq!(found.ids(), fresh.as_slice());
            // The list redraws only when the answer changed, judged by `same_as`.
            if let Some(p) = &previous {
                prop_assert_eq!(p.same_as(&found), p.ids() == found.ids());
            }
            previous = Some(found);
        }
    }
}
