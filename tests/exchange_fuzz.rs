#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the importer within `cargo test`: a few hundred broken files generated from real
//! exports (`tests/fuzz/mod.rs`, shared with `examples/fuzz_import.rs`, which runs the same
//! generator for a time budget), the crashers that budget runs found, and the heap an import
//! may hold relative to the file's size.

use crate::fuzz;

use fuzz::{bases, case, check, peak_heap, render, Bases, CountingAlloc, Verdict};
use proptest::prelude::*;
use std::sync::OnceLock;
use waymark::core::sample::seeded_plan;
use waymark::core::Author;
use waymark::exchange::export::plan_file;
use waymark::exchange::{parse_plan_file, ImportError};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Peak heap of one import (parse, preview, merge, save and load, exports) may be at most
/// this many times the file's size, plus `HEAP_SLACK` for the local plan it is merged into.
const HEAP_PER_BYTE: usize = 48;
const HEAP_SLACK: usize = 8 * 1024 * 1024;

fn shared() -> &'static Bases {
    static B: OnceLock<Bases> = OnceLock::new();
    B.get_or_init(|| bases(false))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1_500,
        max_shrink_iters: 4_000,
        // A failure is kept by hand in tests/fixtures/fuzz-crashers/ (see its README).
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn broken_files_never_panic_and_every_refusal_says_where(case in case(5)) {
        let b = shared();
        let bytes = render(&case, b);
        let (_, peak) = peak_heap(|| check(&bytes, &b.local));
        prop_assert!(
            peak <= HEAP_PER_BYTE * bytes.len() + HEAP_SLACK,
            "{peak} bytes of heap for a file of {}", bytes.len()
        );
    }
}

#[test]
fn the_unbroken_starting_files_are_read() {
    let b = shared();
    for (name, bytes) in &b.files {
        let verdict = match parse_plan_file(bytes) {
            Err(ImportError::NeedsPassphrase) => "needs a passphrase",
            Err(e) => panic!("{name}: {e}"),
            Ok(_) => "read",
        };
        let expected = if *name == "envelope" {
            "needs a passphrase"
        } else {
            "read"
        };
        assert_eq!(verdict, expected, "{name}");
        check(bytes, &b.local);
    }
}

/// Every file a budget run (`scripts/fuzz.sh`) found crashing is kept and must now pass.
#[test]
fn kept_fuzz_crashers_pass() {
    let b = shared();
    let dir = fuzz::crasher_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&bytes, &b.local));
        assert!(outcome.is_ok(), "{} still fails", path.display());
    }
}

/// A large real plan file: the heap an import holds grows with the file, by a bounded factor.
#[test]
fn an_import_holds_heap_in_proportion_to_the_file() {
    let b = shared();
    let plan = seeded_plan(10, 100, 1_000, 1_500, 11).unwrap();
    let bytes = plan_file(&plan, fuzz::now(), Author::Client).to_json();
    let (verdict, peak) = peak_heap(|| check(&bytes, &b.local));
    assert_eq!(verdict, Verdict::Accepted);
    let ratio = peak as f64 / bytes.len() as f64;
    eprintln!(
        "{} KB file, {} KB peak heap, {ratio:.1}x",
        bytes.len() / 1024,
        peak / 1024
    );
    assert!(
        peak <= HEAP_PER_BYTE * bytes.len() + HEAP_SLACK,
        "{peak} bytes for {}",
        bytes.len()
    );
}

/// Found by the fuzzer: an envelope naming an unknown cipher quoted it whole in the message.
#[test]
fn an_unknown_cipher_is_quoted_briefly() {
    let b = shared();
    let (_, envelope) = b.files.iter().find(|(n, _)| *n == "envelope").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(envelope).unwrap();
    v["encrypted"]["cipher"] = serde_json::json!("é".repeat(100_000));
    let e =
        waymark::exchange::crypto::parse_envelope(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(e.path(), "encrypted");
    assert!(e.to_string().chars().count() < 200, "{e}");
    assert!(
        e.to_string().contains(&format!("{}…", "é".repeat(40))),
        "{e}"
    );
}
