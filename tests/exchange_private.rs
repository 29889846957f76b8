#![cfg(not(target_arch = "wasm32"))]
//! Private reflections never reach the coach unless the client opts each one in. For plans
//! with random journals (entries written public or private, edited, flipped between the two,
//! deleted, opted in or not, plus opt-ins naming ids that are no reflection), the bytes of the
//! progress report hold no word of a private entry that was not opted in: not its text (as the
//! file writes it, JSON-escaped), not its tags, not its marker, and not the text it had before
//! an edit. A deleted entry leaves no word in it either, shared or not (a tombstone is
//! content-free). A template holds no entry at all.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;
use waymark::core::journal::ReflectionDraft;
use waymark::core::limits::is_free_text_control;
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, DocKind};
use waymark::exchange::export::{export_progress_report, export_template};
use waymark::exchange::parse_plan_file;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 8, 0, 0).unwrap()
}

#[derive(Clone, Debug)]
struct Entry {
    text: String,
    private_at_first: bool,
    /// Rewritten later, with new text and this privacy.
    edit: Option<(String, bool)>,
    deleted: bool,
    opted_in: bool,
}

/// Anything a reflection may hold: free text keeps line breaks and tabs but no other control
/// character (the core refuses those).
fn words() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec!['"', '\\', '\n', '\r', '\t', '\u{200b}', '😀', 'ש', '<']),
    ]
    .prop_map(|c| {
        if c.is_control() && !is_free_text_control(c) {
            '\u{fffd}'
        } else {
            c
        }
    });
    prop::collection::vec(ch, 1..40).prop_map(String::from_iter)
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        words(),
        any::<bool>(),
        prop::option::of((words(), any::<bool>())),
        prop::bool::weighted(0.2),
        any::<bool>(),
    )
        .prop_map(|(text, private_at_first, edit, deleted, opted_in)| Entry {
            text,
            private_at_first,
            edit,
            deleted,
            opted_in,
        })
}

/// How the file writes a string (inside its quotes).
fn as_written(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap();
    quoted[1..quoted.len() - 1].to_owned()
}

fn holds(bytes: &[u8], s: &str) -> bool {
    let needle = as_written(s);
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_progress_report_holds_no_private_entry_that_was_not_opted_in(
        entries in prop::collection::vec(entry(), 1..10),
        stray_opt_ins in prop::collection::vec(any::<u128>(), 0..3),
        nonce in any::<u64>(),
        seed in 0u64..1_000,
    ) {
        let mut plan = seeded_plan(2, 3, 4, 0, seed).unwrap();
        let mut at = start();
        // Each entry's words carry a marker no other part of the file can contain.
        let marker = |i: usize, v: usize| format!("«{nonce:016x}-{i}-{v}»");
        let mut opt_ins: Vec<Uuid> = stray_opt_ins.into_iter().map(Uuid::from_u128).collect();
        // (marker, first text, final text, tag, reaches the coach)
        let mut written = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            at += Duration::minutes(5);
            let first = format!("{} {}", marker(i, 0), e.text);
            let tag = format!("tag{}", marker(i, 0));
            let id = plan
                .add_reflection(
                    ReflectionDraft {
                        text: first.clone(),
                        prompt: None,
                        tags: vec![tag.clone()],
                        mood: Some(3),
                        private: e.private_at_first,
                    },
                    at,
                    Author::Client,
                )
                .unwrap()
                .id_of(DocKind::Reflection)
                .unwrap();
            let mut last = first.clone();
            let mut private = e.private_at_first;
            if let Some((text, now_private)) = &e.edit {
                at += Duration::minutes(1);
                last = format!("{} {text}", marker(i, 1));
                private = *now_private;
                plan.update_reflection(
                    id,
                    ReflectionDraft {
                        text: last.clone(),
                        prompt: None,
                        tags: vec![tag.clone()],
                        mood: None,
                        private,
                    },
                    at,
                    Author::Client,
                )
                .unwrap();
            }
            if e.deleted {
                plan.delete_reflection(id, at, Author::Client).unwrap();
            }
            if e.opted_in {
                opt_ins.push(id);
            }
            let shared = !e.deleted && (!private || e.opted_in);
            written.push((marker(i, 0), first, last, tag, shared));
        }

        let report = export_progress_report(&plan, &opt_ins, at, Author::Client).bytes;
        let template = export_template(&plan, at, Author::Coach).bytes;
        for (m, first, last, tag, shared) in &written {
            prop_assert!(!holds(&template, first) && !holds(&template, last) && !holds(&template, m));
            if *shared {
                // The search would find it: shared entries are there as written.
                prop_assert!(holds(&report, last), "a shared entry is missing: {last:?}");
                prop_assert!(holds(&report, tag));
            } else {
                prop_assert!(!holds(&report, last), "private text leaked: {last:?}");
                prop_assert!(!holds(&report, tag), "a private tag leaked: {tag:?}");
                prop_assert!(!holds(&report, m), "a private entry's marker leaked: {m:?}");
            }
            if first != last {
                // Words replaced by an edit are not kept anywhere.
                prop_assert!(!holds(&report, first), "replaced text leaked: {first:?}");
            }
        }
        let read = parse_plan_file(&report).unwrap();
        let shared = written.iter().filter(|w| w.4).count();
        prop_assert_eq!(read.plan.reflections.iter().filter(|r| r.meta.is_live()).count(), shared);
        let deleted = entries.iter().filter(|e| e.deleted).count();
        prop_assert_eq!(read.plan.reflections.iter().filter(|r| !r.meta.is_live()).count(), deleted);
    }
}

#[test]
fn the_search_sees_escaped_text() {
    let bytes = serde_json::to_vec_pretty(&serde_json::json!({"t": "a\"b\\c\nd\u{0}e😀"})).unwrap();
    assert!(holds(&bytes, "a\"b\\c\nd\u{0}e😀"));
    assert!(!holds(&bytes, "a\"b\\c\nd\u{0}f"));
}
