//! Browser tests (headless Chromium through wasm-bindgen-test-runner): the store
//! conformance suite against IndexedDB and memory, the session suite against IndexedDB, plus
//! what only a real browser shows — reopening, schema upgrades, blocked/closed connections,
//! cross-tab notices, timings.
#![cfg(target_arch = "wasm32")]
// Tests are not in the wasm: they may sort as they like (clippy.toml).
#![allow(clippy::disallowed_methods)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/bench.rs"]
mod bench;
#[path = "browser/conformance.rs"]
mod conformance;
#[path = "browser/exchange.rs"]
mod exchange;
#[path = "browser/fault.rs"]
mod fault;
#[path = "browser/indexeddb.rs"]
mod indexeddb;
#[path = "browser/raw.rs"]
mod raw;
#[path = "browser/seeded_plan.rs"]
mod seeded_plan;
#[path = "browser/session.rs"]
mod session;
