//! IndexedDB store: conformance, durability across connections, schema versions,
//! connection life cycle, cross-tab notices, device helpers.

use crate::conformance::{self, doc};
use crate::raw;
use gloo_storage::Storage as _;
use std::cell::RefCell;
use std::rc::Rc;
use uuid::Uuid;
use wasm_bindgen_test::wasm_bindgen_test;
use waymark::core::document::{DocKind, Document};
use waymark::core::Plan;
use waymark::store::indexeddb::{self, IndexedDbStore};
use waymark::store::memory::MemoryStore;
use waymark::store::{device, ChangeSet, RemoteChange, Store, StoreError};

async fn fresh(test: &str) -> IndexedDbStore {
    IndexedDbStore::open_named(&raw::unique_name(test))
        .await
        .expect("open a fresh database")
}

fn change(docs: &[Document]) -> ChangeSet {
    ChangeSet {
        puts: docs.to_vec(),
    }
}

#[wasm_bindgen_test]
async fn conformance_memory_in_browser() {
    conformance::all(&MemoryStore::new()).await;
}

#[wasm_bindgen_test]
async fn conformance_indexeddb() {
    let store = fresh("conformance").await;
    conformance::all(&store).await;
}

#[wasm_bindgen_test]
async fn session_suite_indexeddb() {
    use crate::session;
    session::start_and_reopen(fresh("session-start").await).await;
    session::first_screen_starts_plans(fresh("session-first-screen").await).await;
    session::actions_queue(fresh("session-queue").await).await;
    session::refused_verb_changes_nothing(fresh("session-refused").await).await;
    session::stale_edit_refused_then_choices(fresh("session-stale").await).await;
    session::other_tab_change(fresh("session-other-tab").await).await;
    session::rename_updates_list(fresh("session-rename").await).await;
}

#[wasm_bindgen_test]
async fn write_close_reopen_read() {
    let name = raw::unique_name("reopen");
    let plan = Uuid::new_v4();
    let docs = vec![
        doc(plan, DocKind::Plan, 0, r#"{"title":"Reopen"}"#),
        doc(plan, DocKind::Goal, 0, r#"{"title":"Goal"}"#),
    ];
    {
        let store = IndexedDbStore::open_named(&name).await.unwrap();
        store.commit(change(&docs)).await.unwrap();
    } // dropped: connection closed
    assert!(device::has_data_marker(&name));

    let store = IndexedDbStore::open_named(&name).await.unwrap();
    let mut expected: Vec<Document> = docs
        .iter()
        .map(|d| Document {
            rev: 1,
            ..d.clone()
        })
        .collect();
    expected.sort_by_key(|d| d.id);
    assert_eq!(store.load_plan(plan).await.unwrap(), expected);
    assert_eq!(store.list_plan_headers().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn upgrade_from_v1_fixture() {
    let name = raw::unique_name("v1");
    let fixture = include_str!("fixtures/v1_documents.json");
    let records: js_sys::Array = js_sys::JSON::parse(fixture).unwrap().into();
    raw::create_v1(&name, records).await.close();

    let mut expected: Vec<Document> = serde_json::from_str(fixture).unwrap();
    let store = IndexedDbStore::open_named(&name).await.unwrap();

    // The V2 index was built from the V1 records during the upgrade.
    let headers = store.list_plan_headers().await.unwrap();
    assert_eq!(headers.len(), 2);
    assert!(headers.iter().all(|d| d.kind == DocKind::Plan));

    let mut loaded = Vec::new();
    for header in &headers {
        loaded.extend(store.load_plan(header.plan_id).await.unwrap());
    }
    expected.sort_by_key(|d| (d.plan_id, d.id));
    loaded.sort_by_key(|d| (d.plan_id, d.id));
    assert_eq!(loaded, expected);

    // Old records keep their revisions: an edit on them works and bumps it.
    let reflection = expected
        .iter()
        .find(|d| d.kind == DocKind::Reflection)
        .unwrap()
        .clone();
    let revs = store
        .commit(change(&[Document {
            body: "edited".into(),
            ..reflection.clone()
        }]))
        .await
        .unwrap();
    assert_eq!(revs, vec![(reflection.id, reflection.rev + 1)]);
}

/// Version 3 erases what version 2 kept of deleted records: each tombstone's body becomes its
/// meta alone, in place (same key, same revision); live records and already content-free
/// tombstones are left byte for byte; the plan loads, with the same live records.
#[wasm_bindgen_test]
async fn upgrade_erases_the_words_of_stored_tombstones() {
    let name = raw::unique_name("tombstones");
    let fixture = include_str!("fixtures/v2_full_tombstones.json");
    let records: js_sys::Array = js_sys::JSON::parse(fixture).unwrap().into();
    raw::create_v2(&name, records).await.close();
    let before: Vec<Document> = serde_json::from_str(fixture).unwrap();
    let deleted_words = [
        "Quietly leave Acme",
        "Jane Roe",
        "regret",
        "my manager",
        "drained",
    ];
    assert!(deleted_words
        .iter()
        .all(|w| before.iter().any(|d| d.body.contains(w))));

    let store = IndexedDbStore::open_named(&name).await.unwrap();
    let plan_id = before[0].plan_id;
    let mut after = store.load_plan(plan_id).await.unwrap();
    after.sort_by_key(|d| d.id);
    assert_eq!(after.len(), before.len());
    for d in &after {
        let was = before.iter().find(|b| b.id == d.id).unwrap();
        assert_eq!((d.kind, d.rev), (was.kind, was.rev), "{}", d.id);
        let v: serde_json::Value = serde_json::from_str(&d.body).unwrap();
        if v["meta"]["deleted"] == true {
            assert_eq!(
                v.as_object().unwrap().len(),
                1,
                "a tombstone keeps its meta alone: {}",
                d.body
            );
            let old: serde_json::Value = serde_json::from_str(&was.body).unwrap();
            assert_eq!(
                v["meta"], old["meta"],
                "the clocks the merge needs are kept"
            );
        } else {
            assert_eq!(d.body, was.body, "a live record is untouched");
        }
        for w in deleted_words {
            assert!(!d.body.contains(w), "{w:?} is still stored in {}", d.body);
        }
    }
    let plan = Plan::from_documents(plan_id, &after).unwrap();
    assert_eq!(plan.live_goals().len(), 1);
    assert_eq!(
        plan.reflections.iter().filter(|r| r.meta.is_live()).count(),
        1
    );
    assert_eq!(plan.reflections.len(), 3);
}

#[wasm_bindgen_test]
async fn failed_transaction_leaves_old_state() {
    let name = raw::unique_name("abort");
    let plan = Uuid::new_v4();
    let a = doc(plan, DocKind::Goal, 0, "a");
    let b = doc(plan, DocKind::Goal, 0, "b");
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    store.commit(change(&[a.clone(), b.clone()])).await.unwrap();
    let before = store.load_plan(plan).await.unwrap();

    // 100 good writes, a conflict in the middle, 100 more.
    let mut puts: Vec<Document> = (0..100)
        .map(|i| doc(plan, DocKind::Measurement, 0, &format!("m{i}")))
        .collect();
    puts.push(Document {
        rev: 1,
        body: "a edited".into(),
        ..a.clone()
    });
    puts.push(Document {
        rev: 7,
        ..b.clone()
    });
    puts.extend((0..100).map(|i| doc(plan, DocKind::Reflection, 0, &format!("r{i}"))));
    let result = store.commit(change(&puts)).await;
    assert_eq!(
        result,
        Err(StoreError::Conflict {
            id: b.id,
            stored_rev: 1,
            base_rev: 7
        })
    );
    drop(store);

    let reopened = IndexedDbStore::open_named(&name).await.unwrap();
    assert_eq!(reopened.load_plan(plan).await.unwrap(), before);
}

#[wasm_bindgen_test]
async fn two_connections_see_each_other_and_get_notices() {
    let name = raw::unique_name("tabs");
    let tab_a = IndexedDbStore::open_named(&name).await.unwrap();
    let tab_b = IndexedDbStore::open_named(&name).await.unwrap();

    let seen_by_b: Rc<RefCell<Vec<RemoteChange>>> = Rc::default();
    let seen_by_a: Rc<RefCell<Vec<RemoteChange>>> = Rc::default();
    let seen_by_any: Rc<RefCell<Vec<RemoteChange>>> = Rc::default();
    let _sub_b = {
        let seen = seen_by_b.clone();
        tab_b
            .on_remote_change(move |c| seen.borrow_mut().push(c))
            .unwrap()
    };
    let _sub_a = {
        let seen = seen_by_a.clone();
        tab_a
            .on_remote_change(move |c| seen.borrow_mut().push(c))
            .unwrap()
    };
    let _sub_any = {
        let seen = seen_by_any.clone();
        indexeddb::on_remote_change(&name, move |c| seen.borrow_mut().push(c)).unwrap()
    };

    let plan = Uuid::new_v4();
    let goal = doc(plan, DocKind::Goal, 0, "from A");
    let header = doc(plan, DocKind::Plan, 0, "plan");
    tab_a
        .commit(change(&[header.clone(), goal.clone()]))
        .await
        .unwrap();
    // B reads A's write at once through its own connection.
    assert_eq!(tab_b.load_plan(plan).await.unwrap().len(), 2);

    // B edits; A's stale copy now conflicts.
    tab_b
        .commit(change(&[Document {
            rev: 1,
            body: "from B".into(),
            ..goal.clone()
        }]))
        .await
        .unwrap();
    assert!(matches!(
        tab_a
            .commit(change(&[Document {
                rev: 1,
                ..goal.clone()
            }]))
            .await,
        Err(StoreError::Conflict { stored_rev: 2, .. })
    ));

    tab_a.delete_plan(plan).await.unwrap();

    for _ in 0..50 {
        if seen_by_b.borrow().len() >= 2 && !seen_by_a.borrow().is_empty() {
            break;
        }
        raw::sleep(20).await;
    }
    let by_b = seen_by_b.borrow().clone();
    let mut first_ids = by_b[0].ids.clone();
    first_ids.sort();
    let mut expected_ids = vec![header.id, goal.id];
    expected_ids.sort();
    assert_eq!(by_b.len(), 2, "B hears A's commit and delete: {by_b:?}");
    assert_eq!(by_b[0].plan_id, plan);
    assert_eq!(first_ids, expected_ids);
    assert!(!by_b[0].whole_plan);
    assert_eq!(
        by_b[1],
        RemoteChange {
            plan_id: plan,
            ids: vec![],
            whole_plan: true
        }
    );
    // A hears only B's edit, not its own commits.
    assert_eq!(
        seen_by_a.borrow().clone(),
        vec![RemoteChange {
            plan_id: plan,
            ids: vec![goal.id],
            whole_plan: false
        }]
    );
    // A plain subscriber hears all three.
    assert_eq!(seen_by_any.borrow().len(), 3);
}

#[wasm_bindgen_test]
async fn schema_too_new_is_refused() {
    let name = raw::unique_name("too-new");
    raw::open(&name, 99, |_| {}).await.unwrap().close();
    let result = IndexedDbStore::open_named(&name).await;
    assert_eq!(
        result.err(),
        Some(StoreError::SchemaTooNew {
            found: 99,
            known: 3
        })
    );
}

#[wasm_bindgen_test]
async fn newer_version_elsewhere_closes_this_connection() {
    let name = raw::unique_name("versionchange");
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    // A "newer Waymark" upgrades to 4: our store must let go instead of blocking it.
    let newer = raw::open(&name, 4, |_| {}).await.unwrap();
    assert_eq!(
        store.load_plan(Uuid::new_v4()).await,
        Err(StoreError::Closed)
    );
    newer.close();
    assert_eq!(
        IndexedDbStore::open_named(&name).await.err(),
        Some(StoreError::SchemaTooNew { found: 4, known: 3 })
    );
}

#[wasm_bindgen_test]
async fn old_tab_that_holds_on_blocks_the_upgrade() {
    let name = raw::unique_name("blocked");
    // An "old build" connection at V1 that ignores versionchange.
    let old = raw::create_v1(&name, js_sys::Array::new()).await;
    assert_eq!(
        IndexedDbStore::open_named(&name).await.err(),
        Some(StoreError::Blocked)
    );
    // Once the old tab goes away the pending upgrade completes (and that late connection
    // is closed by the store), so a retry opens normally.
    old.close();
    raw::sleep(100).await;
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    assert!(store.list_plan_headers().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn evicted_database_is_noticed() {
    let name = raw::unique_name("evicted");
    {
        let store = IndexedDbStore::open_named(&name).await.unwrap();
        let plan = Uuid::new_v4();
        store
            .commit(change(&[doc(plan, DocKind::Plan, 0, "p")]))
            .await
            .unwrap();
    }
    // What eviction leaves: no database, but the marker in localStorage. The session reads
    // "saved here before, no plans" as "the browser cleared the plans".
    IndexedDbStore::delete_database(&name).await.unwrap();
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    assert!(store.saved_here_before());
    assert!(store.list_plan_headers().await.unwrap().is_empty());
    store.forget_saved_here();
    assert!(!device::has_data_marker(&name));
    // The next save marks the device again, through the same connection.
    store
        .commit(change(&[doc(Uuid::new_v4(), DocKind::Plan, 0, "p")]))
        .await
        .unwrap();
    assert!(store.saved_here_before());
}

#[wasm_bindgen_test]
async fn device_helpers() {
    let (usage, quota) = device::storage_estimate().await.unwrap();
    raw::log(&format!(
        "storage estimate: usage {usage} B, quota {quota} B"
    ));
    assert!(quota > 0);

    gloo_storage::LocalStorage::delete(device::PERSISTED_KEY);
    let first = device::request_persistence_once().await.unwrap();
    let remembered: bool = gloo_storage::LocalStorage::get(device::PERSISTED_KEY).unwrap();
    assert_eq!(first, remembered);
    assert_eq!(device::request_persistence_once().await.unwrap(), first);
    let live = device::is_persisted().await.unwrap();
    raw::log(&format!("persist(): {first}, persisted(): {live}"));
}
