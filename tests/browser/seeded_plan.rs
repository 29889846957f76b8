//! The whole path a real plan takes: core → documents → IndexedDB → reopen → documents →
//! core, for a plan the size of years of use (20 goals, 200 actions, 5,000 measurements,
//! 10,000 reflections). Nothing may be lost or changed; timings go to the console.

use crate::raw::{log, now_ms, unique_name};
use wasm_bindgen_test::wasm_bindgen_test;
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, Plan};
use waymark::store::indexeddb::IndexedDbStore;
use waymark::store::Store;

#[wasm_bindgen_test]
async fn a_years_long_plan_survives_write_reopen_and_read_back() {
    let name = unique_name("seeded-plan");
    let mut plan =
        seeded_plan(20, 200, 5_000, 10_000, 7).expect("the generator makes a valid plan");
    let id = plan.id();

    let store = IndexedDbStore::open_named(&name).await.expect("open");
    let started = now_ms();
    let docs = plan.to_documents();
    let count = docs.len();
    let revs = store.replace_plan(id, docs).await.expect("write the plan");
    let wrote = now_ms() - started;
    plan.mark_saved_revs(&revs);
    drop(store);

    let started = now_ms();
    let store = IndexedDbStore::open_named(&name).await.expect("reopen");
    let docs = store.load_plan(id).await.expect("read back");
    let back = Plan::from_documents(id, &docs).expect("every document reads back");
    let read = now_ms() - started;
    assert_eq!(docs.len(), count, "every document is there");
    assert_eq!(back, plan, "the plan reads back exactly as written");
    assert_eq!(back.reflections.len(), 10_000);
    assert_eq!(back.measurements.len(), 5_000);

    // One more reflection into the big plan: the save a client makes many times a day.
    let mut next = back.clone();
    let now = chrono::Utc::now();
    let touched = next
        .add_reflection(
            waymark::core::journal::ReflectionDraft {
                text: "One more thought after a long day.".into(),
                ..Default::default()
            },
            now,
            Author::Client,
        )
        .expect("a valid reflection");
    let started = now_ms();
    store
        .commit(waymark::store::ChangeSet {
            puts: next.documents_for(&touched),
        })
        .await
        .expect("save one reflection");
    let one = now_ms() - started;

    log(&format!(
        "seeded plan: {count} documents; write {wrote:.0} ms; reopen + read + rebuild {read:.0} ms; one reflection durable {one:.1} ms"
    ));
    IndexedDbStore::delete_database(&name).await.ok();
}
