//! A large plan (≈ 15k documents of reflection size) written in one commit and read back
//! after reopening, with timings in the console; and the measurement behind the record
//! format (bulk JSON conversion vs per-field, plain objects vs JSON strings).

use crate::raw::{self, log, now_ms};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use waymark::core::document::{DocKind, Document};
use waymark::store::indexeddb::{decode_all, encode_all, IndexedDbStore};
use waymark::store::{ChangeSet, Store};

const WORDS: &[&str] = &[
    "today",
    "I",
    "noticed",
    "that",
    "the",
    "interview",
    "felt",
    "easier",
    "because",
    "prepared",
    "stories",
    "about",
    "leading",
    "change",
    "coach",
    "suggested",
    "values",
    "confidence",
    "energy",
    "low",
    "after",
    "meeting",
    "manager",
    "feedback",
    "growth",
    "next",
    "week",
    "practice",
    "networking",
    "coffee",
    "chat",
    "résumé",
    "portfolio",
    "salary",
    "négociation",
];

/// Deterministic text of `len` bytes or a little more.
fn text(seed: &mut u64, len: usize) -> String {
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(WORDS[(*seed >> 33) as usize % WORDS.len()]);
        out.push(' ');
    }
    out
}

/// 20 goals, 200 actions, 5,000 measurements, the rest reflections: 15,000 in all, each
/// with a 300–600 byte body.
fn large_plan(plan: Uuid) -> Vec<Document> {
    let mut seed = 42u64;
    (0..15_000)
        .map(|i| {
            let kind = match i {
                0 => DocKind::Plan,
                1..=20 => DocKind::Goal,
                21..=220 => DocKind::Action,
                221..=5220 => DocKind::Measurement,
                _ => DocKind::Reflection,
            };
            let len = 300 + (i * 37) % 300;
            let body =
                serde_json::json!({ "text": text(&mut seed, len - 40), "mood": i % 5 }).to_string();
            Document {
                plan_id: plan,
                id: Uuid::new_v4(),
                kind,
                rev: 0,
                body,
            }
        })
        .collect()
}

#[wasm_bindgen_test]
async fn large_plan_write_reopen_read() {
    let name = raw::unique_name("large");
    let plan = Uuid::new_v4();
    let docs = large_plan(plan);
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();

    let t = now_ms();
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    let open_new = now_ms() - t;

    let t = now_ms();
    let revs = store
        .commit(ChangeSet { puts: docs.clone() })
        .await
        .unwrap();
    let write = now_ms() - t;
    assert_eq!(revs.len(), 15_000);
    drop(store);

    let t = now_ms();
    let store = IndexedDbStore::open_named(&name).await.unwrap();
    let reopen = now_ms() - t;
    let t = now_ms();
    let loaded = store.load_plan(plan).await.unwrap();
    let read = now_ms() - t;
    let t = now_ms();
    let headers = store.list_plan_headers().await.unwrap();
    let headers_ms = now_ms() - t;
    let t = now_ms();
    let again = store.load_plan(plan).await.unwrap();
    let read_again = now_ms() - t;

    // One small edit in the big database: the everyday latency.
    let mut edit = loaded[7].clone();
    edit.body = "edited".into();
    let t = now_ms();
    store.commit(ChangeSet { puts: vec![edit] }).await.unwrap();
    let small_commit = now_ms() - t;

    // An import applied over the whole plan.
    let t = now_ms();
    let replaced = store.replace_plan(plan, again.clone()).await.unwrap();
    let replace = now_ms() - t;
    assert_eq!(replaced.len(), 15_000);

    log(&format!(
        "large plan: 15000 docs, {:.1} MB of bodies | open (create) {open_new:.0} ms | \
         commit (one transaction, strict) {write:.0} ms | reopen {reopen:.0} ms | \
         load_plan {read:.0} ms (again {read_again:.0} ms) | list_plan_headers {headers_ms:.0} ms | \
         1-doc commit {small_commit:.0} ms | replace_plan {replace:.0} ms",
        bytes as f64 / 1e6
    ));

    let mut expected: Vec<Document> = docs.into_iter().map(|d| Document { rev: 1, ..d }).collect();
    expected.sort_by_key(|d| d.id);
    assert_eq!(loaded, expected);
    assert_eq!(again.len(), 15_000);
    assert_eq!(headers.len(), 1);
}

/// Per-field conversion, the alternative to the store's bulk JSON conversion.
fn encode_fields(docs: &[Document]) -> Array {
    docs.iter()
        .map(|d| {
            let o = Object::new();
            let set = |k: &str, v: JsValue| Reflect::set(&o, &JsValue::from_str(k), &v).unwrap();
            set("plan_id", d.plan_id.to_string().into());
            set("id", d.id.to_string().into());
            set(
                "kind",
                serde_json::to_value(d.kind)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .into(),
            );
            set("rev", JsValue::from_f64(d.rev as f64));
            set("body", d.body.as_str().into());
            JsValue::from(o)
        })
        .collect()
}

fn decode_fields(records: &Array) -> Vec<Document> {
    records
        .iter()
        .map(|r| {
            let get = |k: &str| Reflect::get(&r, &JsValue::from_str(k)).unwrap();
            Document {
                plan_id: get("plan_id").as_string().unwrap().parse().unwrap(),
                id: get("id").as_string().unwrap().parse().unwrap(),
                kind: serde_json::from_value(serde_json::Value::String(
                    get("kind").as_string().unwrap(),
                ))
                .unwrap(),
                rev: get("rev").as_f64().unwrap() as u64,
                body: get("body").as_string().unwrap(),
            }
        })
        .collect()
}

/// Writes `values` under `keys` into a bare object store with out-of-line keys, then reads
/// them all back with one getAll; returns (write ms, read ms, what was read).
async fn raw_round_trip(name: &str, keys: &[JsValue], values: &[JsValue]) -> (f64, f64, Array) {
    let db = raw::open(name, 1, |db| {
        db.create_object_store("docs").unwrap();
    })
    .await
    .unwrap();
    let t = now_ms();
    let tx = db
        .transaction_with_str_and_mode("docs", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let store = tx.object_store("docs").unwrap();
    for (k, v) in keys.iter().zip(values) {
        store.put_with_key(v, k).unwrap();
    }
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(done).await.unwrap();
    let write = now_ms() - t;

    let t = now_ms();
    let tx = db.transaction_with_str("docs").unwrap();
    let req = tx.object_store("docs").unwrap().get_all().unwrap();
    let result = RefCell::new(None);
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.unwrap();
    *result.borrow_mut() = Some(req.result().unwrap());
    let read = now_ms() - t;
    db.close();
    (write, read, result.take().unwrap().unchecked_into())
}

#[wasm_bindgen_test]
async fn record_format_measurement() {
    let plan = Uuid::new_v4();
    let docs: Vec<Document> = large_plan(plan)
        .into_iter()
        .map(|d| Document { rev: 1, ..d })
        .collect();

    // Conversion only (no IndexedDB).
    let t = now_ms();
    let bulk = encode_all(&docs).unwrap();
    let enc_bulk = now_ms() - t;
    let t = now_ms();
    let fields = encode_fields(&docs);
    let enc_fields = now_ms() - t;
    let t = now_ms();
    let back_bulk = decode_all(&bulk).unwrap();
    let dec_bulk = now_ms() - t;
    let t = now_ms();
    let back_fields = decode_fields(&fields);
    let dec_fields = now_ms() - t;
    assert_eq!(back_bulk, docs);
    assert_eq!(back_fields, docs);

    // Storage: plain objects vs one JSON string per record.
    let keys: Vec<JsValue> = docs
        .iter()
        .map(|d| Array::of2(&d.plan_id.to_string().into(), &d.id.to_string().into()).into())
        .collect();
    let objects: Vec<JsValue> = bulk.iter().collect();
    let t = now_ms();
    let strings: Vec<JsValue> = docs
        .iter()
        .map(|d| JsValue::from_str(&serde_json::to_string(d).unwrap()))
        .collect();
    let enc_strings = now_ms() - t;
    let (w_obj, r_obj, read_obj) =
        raw_round_trip(&raw::unique_name("fmt-obj"), &keys, &objects).await;
    let t = now_ms();
    let _ = decode_all(&read_obj).unwrap();
    let dec_obj = now_ms() - t;
    let (w_str, r_str, read_str) =
        raw_round_trip(&raw::unique_name("fmt-str"), &keys, &strings).await;
    let t = now_ms();
    let parsed: Vec<Document> = read_str
        .iter()
        .map(|s| serde_json::from_str(&s.as_string().unwrap()).unwrap())
        .collect();
    let dec_str = now_ms() - t;
    assert_eq!(parsed.len(), docs.len());

    log(&format!(
        "record format, 15000 docs | encode: bulk JSON {enc_bulk:.0} ms, per-field {enc_fields:.0} ms, \
         strings {enc_strings:.0} ms | decode: bulk JSON {dec_bulk:.0} ms, per-field {dec_fields:.0} ms | \
         IDB objects: write {w_obj:.0} ms, getAll {r_obj:.0} ms, decode {dec_obj:.0} ms | \
         IDB strings: write {w_str:.0} ms, getAll {r_str:.0} ms, decode {dec_str:.0} ms"
    ));
}
