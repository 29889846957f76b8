//! The store's semantics, written once and run against every implementation: natively
//! against `MemoryStore` (tests/store_memory.rs), and in the browser against both
//! `MemoryStore` and `IndexedDbStore` (tests/browser.rs).
//!
//! Every check uses fresh plan ids, so one store can run them all in any order.

use uuid::Uuid;
use waymark::core::document::{DocKind, Document};
use waymark::store::{ChangeSet, Store, StoreError};

pub fn doc(plan_id: Uuid, kind: DocKind, rev: u64, body: &str) -> Document {
    Document {
        plan_id,
        id: Uuid::new_v4(),
        kind,
        rev,
        body: body.to_owned(),
    }
}

fn puts(docs: &[Document]) -> ChangeSet {
    ChangeSet {
        puts: docs.to_vec(),
    }
}

fn sorted(mut docs: Vec<Document>) -> Vec<Document> {
    docs.sort_by_key(|d| d.id);
    docs
}

fn bumped(doc: &Document) -> Document {
    Document {
        rev: doc.rev + 1,
        ..doc.clone()
    }
}

/// New documents (rev 0) are stored as rev 1 and read back exactly; other plans are
/// untouched; `load_plan` is sorted by id.
pub async fn commit_then_load<S: Store>(store: &S) {
    let plan = Uuid::new_v4();
    let other = Uuid::new_v4();
    let docs = vec![
        doc(plan, DocKind::Plan, 0, r#"{"title":"Move into product"}"#),
        doc(plan, DocKind::Goal, 0, r#"{"title":"Ship a side project"}"#),
        doc(
            plan,
            DocKind::Reflection,
            0,
            "ünïcödé ✓ \"quoted\" \n newline",
        ),
    ];
    let revs = store.commit(puts(&docs)).await.unwrap();
    assert_eq!(revs, docs.iter().map(|d| (d.id, 1)).collect::<Vec<_>>());
    store
        .commit(puts(&[doc(other, DocKind::Plan, 0, "{}")]))
        .await
        .unwrap();

    let loaded = store.load_plan(plan).await.unwrap();
    assert_eq!(loaded, sorted(docs.iter().map(bumped).collect()));
    assert!(store.load_plan(Uuid::new_v4()).await.unwrap().is_empty());
    assert!(store.commit(ChangeSet::default()).await.unwrap().is_empty());
}

/// An edit on the current revision succeeds; an edit on a stale one, or a "new" record
/// that exists, or an "edit" of a record that does not, is a conflict naming the record.
pub async fn conflicts<S: Store>(store: &S) {
    let plan = Uuid::new_v4();
    let goal = doc(plan, DocKind::Goal, 0, "v1");
    store
        .commit(puts(std::slice::from_ref(&goal)))
        .await
        .unwrap();

    let edit = Document {
        rev: 1,
        body: "v2".into(),
        ..goal.clone()
    };
    assert_eq!(
        store
            .commit(puts(std::slice::from_ref(&edit)))
            .await
            .unwrap(),
        vec![(goal.id, 2)]
    );

    // Another tab still holds rev 1.
    let stale = Document {
        rev: 1,
        body: "stale".into(),
        ..goal.clone()
    };
    assert_eq!(
        store.commit(puts(&[stale])).await,
        Err(StoreError::Conflict {
            id: goal.id,
            stored_rev: 2,
            base_rev: 1
        })
    );
    // Created twice.
    assert_eq!(
        store.commit(puts(std::slice::from_ref(&goal))).await,
        Err(StoreError::Conflict {
            id: goal.id,
            stored_rev: 2,
            base_rev: 0
        })
    );
    // Edited but never stored.
    let ghost = doc(plan, DocKind::Action, 4, "ghost");
    assert_eq!(
        store.commit(puts(std::slice::from_ref(&ghost))).await,
        Err(StoreError::Conflict {
            id: ghost.id,
            stored_rev: 0,
            base_rev: 4
        })
    );
    let loaded = store.load_plan(plan).await.unwrap();
    assert_eq!(loaded, vec![bumped(&edit)]);
}

/// One conflict in the middle of a change set writes nothing at all.
pub async fn all_or_nothing<S: Store>(store: &S) {
    let plan = Uuid::new_v4();
    let a = doc(plan, DocKind::Goal, 0, "a");
    let b = doc(plan, DocKind::Goal, 0, "b");
    store.commit(puts(&[a.clone(), b.clone()])).await.unwrap();
    let before = store.load_plan(plan).await.unwrap();

    let change = vec![
        doc(plan, DocKind::Action, 0, "new before"),
        Document {
            rev: 1,
            body: "a edited".into(),
            ..a.clone()
        },
        Document {
            rev: 0, // stale: b is at 1
            body: "b edited".into(),
            ..b.clone()
        },
        doc(plan, DocKind::Action, 0, "new after"),
    ];
    let result = store.commit(puts(&change)).await;
    assert_eq!(
        result,
        Err(StoreError::Conflict {
            id: b.id,
            stored_rev: 1,
            base_rev: 0
        })
    );
    assert_eq!(store.load_plan(plan).await.unwrap(), before);

    // The same record twice in one change set is refused, and writes nothing.
    let twice = vec![doc(plan, DocKind::Goal, 0, "x"), bumped(&a), bumped(&a)];
    assert!(matches!(
        store.commit(puts(&twice)).await,
        Err(StoreError::Failed(_))
    ));
    assert_eq!(store.load_plan(plan).await.unwrap(), before);
}

/// Headers are the plan documents of every plan, sorted by plan id.
pub async fn plan_headers<S: Store>(store: &S) {
    let mut plans = vec![Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4()];
    let mut headers = Vec::new();
    for &plan in &plans {
        let header = doc(plan, DocKind::Plan, 0, "header");
        let goal = doc(plan, DocKind::Goal, 0, "goal");
        store.commit(puts(&[goal, header.clone()])).await.unwrap();
        headers.push(bumped(&header));
    }
    let listed = store.list_plan_headers().await.unwrap();
    assert!(listed.iter().all(|d| d.kind == DocKind::Plan));
    assert!(listed.windows(2).all(|w| w[0].plan_id <= w[1].plan_id));
    plans.sort();
    let ours: Vec<Document> = listed
        .into_iter()
        .filter(|d| plans.contains(&d.plan_id))
        .collect();
    headers.sort_by_key(|d| d.plan_id);
    assert_eq!(ours, headers);
}

/// Deleting a plan removes all its documents and nothing else; it can be created again
/// from scratch, and deleting twice is fine.
pub async fn delete_plan<S: Store>(store: &S) {
    let plan = Uuid::new_v4();
    let keep = Uuid::new_v4();
    let header = doc(plan, DocKind::Plan, 0, "gone");
    store
        .commit(puts(&[header.clone(), doc(plan, DocKind::Goal, 0, "gone")]))
        .await
        .unwrap();
    store
        .commit(puts(&[doc(keep, DocKind::Plan, 0, "kept")]))
        .await
        .unwrap();

    store.delete_plan(plan).await.unwrap();
    assert!(store.load_plan(plan).await.unwrap().is_empty());
    assert_eq!(store.load_plan(keep).await.unwrap().len(), 1);
    assert!(!store
        .list_plan_headers()
        .await
        .unwrap()
        .iter()
        .any(|d| d.plan_id == plan));
    store.delete_plan(plan).await.unwrap();

    // A tab that still holds the deleted header at rev 1 cannot resurrect it silently.
    assert!(matches!(
        store.commit(puts(&[bumped(&header)])).await,
        Err(StoreError::Conflict { stored_rev: 0, .. })
    ));
    assert_eq!(
        store
            .commit(puts(std::slice::from_ref(&header)))
            .await
            .unwrap(),
        vec![(header.id, 1)]
    );
}

/// Replacing a plan drops what is not in the import, keeps revisions growing for what
/// stays, and refuses documents of another plan without touching anything.
pub async fn replace_plan<S: Store>(store: &S) {
    let plan = Uuid::new_v4();
    let kept = doc(plan, DocKind::Goal, 0, "kept");
    let dropped = doc(plan, DocKind::Goal, 0, "dropped");
    store
        .commit(puts(&[kept.clone(), dropped.clone()]))
        .await
        .unwrap();
    store
        .commit(puts(&[Document {
            rev: 1,
            ..kept.clone()
        }]))
        .await
        .unwrap(); // kept is at rev 2

    let incoming_kept = Document {
        rev: 9, // ignored
        body: "imported".into(),
        ..kept.clone()
    };
    let added = doc(plan, DocKind::Reflection, 0, "added");
    let revs = store
        .replace_plan(plan, vec![incoming_kept.clone(), added.clone()])
        .await
        .unwrap();
    assert_eq!(revs, vec![(kept.id, 3), (added.id, 1)]);
    let expected = sorted(vec![
        Document {
            rev: 3,
            ..incoming_kept
        },
        Document {
            rev: 1,
            ..added.clone()
        },
    ]);
    assert_eq!(store.load_plan(plan).await.unwrap(), expected);

    let foreign = doc(Uuid::new_v4(), DocKind::Goal, 0, "foreign");
    assert!(matches!(
        store.replace_plan(plan, vec![added, foreign]).await,
        Err(StoreError::Failed(_))
    ));
    assert_eq!(store.load_plan(plan).await.unwrap(), expected);
}

/// Runs every check above.
pub async fn all<S: Store>(store: &S) {
    commit_then_load(store).await;
    conflicts(store).await;
    all_or_nothing(store).await;
    plan_headers(store).await;
    delete_plan(store).await;
    replace_plan(store).await;
}
