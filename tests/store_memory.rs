//! The store conformance suite against the in-memory store, natively.
#![cfg(not(target_arch = "wasm32"))]

#[path = "browser/conformance.rs"]
mod conformance;

use futures::executor::block_on;
use waymark::store::memory::MemoryStore;

#[test]
fn commit_then_load() {
    block_on(conformance::commit_then_load(&MemoryStore::new()));
}

#[test]
fn conflicts() {
    block_on(conformance::conflicts(&MemoryStore::new()));
}

#[test]
fn all_or_nothing() {
    block_on(conformance::all_or_nothing(&MemoryStore::new()));
}

#[test]
fn plan_headers() {
    block_on(conformance::plan_headers(&MemoryStore::new()));
}

#[test]
fn delete_plan() {
    block_on(conformance::delete_plan(&MemoryStore::new()));
}

#[test]
fn replace_plan() {
    block_on(conformance::replace_plan(&MemoryStore::new()));
}

#[test]
fn all_checks_share_one_store() {
    block_on(conformance::all(&MemoryStore::new()));
}

/// Clones share data, like two connections.
#[test]
fn clones_share_data() {
    let a = MemoryStore::new();
    let b = a.clone();
    block_on(conformance::commit_then_load(&a));
    assert_eq!(a.len(), b.len());
    assert!(!b.is_empty());
}
