//! The session suite against the in-memory store, natively, plus what only the memory store
//! can stage: a full disk.
#![cfg(not(target_arch = "wasm32"))]

// The suite the browser tests run against IndexedDB.
#[path = "browser/session.rs"]
mod suite;

use futures::executor::block_on;
use waymark::core::journal::ReflectionDraft;
use waymark::core::Plan;
use waymark::session::{ActionError, LoadState, SaveStatus};
use waymark::store::memory::MemoryStore;
use waymark::store::{Store, StoreError};

#[test]
fn start_and_reopen() {
    block_on(suite::start_and_reopen(MemoryStore::new()));
}

/// The browser cleared the database but not the mark kept apart from it: the next start says
/// so; once the person chooses to begin again, an empty store is simply new.
#[test]
fn a_cleared_store_says_so_until_the_person_begins_again() {
    block_on(async {
        let store = MemoryStore::new();
        suite::with_sample(store.clone()).await;
        store.lose_everything();
        let tab = suite::tab(store.clone());
        tab.start().await;
        assert_eq!(*tab.shown().load.borrow(), LoadState::Evicted);
        tab.forget_cleared_plans();
        let next = suite::tab(store);
        next.start().await;
        assert_eq!(*next.shown().load.borrow(), LoadState::Empty);
    });
}

#[test]
fn first_screen_starts_plans() {
    block_on(suite::first_screen_starts_plans(MemoryStore::new()));
}

#[test]
fn actions_queue() {
    block_on(suite::actions_queue(MemoryStore::new()));
}

#[test]
fn refused_verb_changes_nothing() {
    block_on(suite::refused_verb_changes_nothing(MemoryStore::new()));
}

#[test]
fn stale_edit_refused_then_choices() {
    block_on(suite::stale_edit_refused_then_choices(MemoryStore::new()));
}

#[test]
fn other_tab_change() {
    block_on(suite::other_tab_change(MemoryStore::new()));
}

#[test]
fn rename_updates_list() {
    block_on(suite::rename_updates_list(MemoryStore::new()));
}

/// A full disk: the change is not made, the status says why, the storage-full state is set
/// and the plan shown is the one stored; the first write that fits clears it.
#[test]
fn storage_full() {
    block_on(async {
        let store = MemoryStore::new();
        let tab = suite::with_sample(store.clone()).await;
        let id = suite::open_plan(&tab).id();
        let before = suite::open_plan(&tab).to_documents();
        store.set_full(true);
        let add = |p: &mut Plan, now, by| {
            p.add_reflection(
                ReflectionDraft {
                    text: "lost?".into(),
                    ..ReflectionDraft::default()
                },
                now,
                by,
            )
        };
        let err = tab.apply(add).await.unwrap_err();
        assert_eq!(err, ActionError::Store(StoreError::QuotaExceeded));
        assert!(*tab.shown().storage_full.borrow());
        assert_eq!(
            *tab.shown().status.borrow(),
            SaveStatus::Failed(StoreError::QuotaExceeded.to_string())
        );
        assert_eq!(suite::open_plan(&tab).to_documents(), before);
        let stored = store.load_plan(id).await.unwrap();
        assert_eq!(
            Plan::from_documents(id, &stored).unwrap().to_documents(),
            before
        );

        store.set_full(false);
        tab.apply(add).await.unwrap();
        assert!(!*tab.shown().storage_full.borrow());
        assert_eq!(*tab.shown().status.borrow(), SaveStatus::Saved);
    });
}

/// Every preference reads back as written, from the same JSON text the app stored before
/// they were gathered in one place (so nothing saved on a device is lost by the move).
#[test]
fn preferences_round_trip_in_the_stored_format() {
    use uuid::Uuid;
    use waymark::core::journal_draft::{DraftSlot, UnsavedReflection};
    use waymark::core::Author;
    use waymark::store::preferences::{KeyValue, MemoryKeyValue, Preferences, Theme};

    let kv = MemoryKeyValue::default();
    let prefs = Preferences::new(kv.clone());
    assert_eq!(prefs.role(), Author::Client);
    assert_eq!(prefs.theme(), Theme::System);
    // As gloo-storage wrote them: JSON strings.
    kv.set("waymark.role", "\"coach\"").unwrap();
    kv.set("waymark.theme", "\"dark\"").unwrap();
    assert_eq!(prefs.role(), Author::Coach);
    assert_eq!(prefs.theme(), Theme::Dark);
    prefs.set_role(Author::Client);
    assert_eq!(kv.get("waymark.role").as_deref(), Some("\"client\""));

    let plan = Uuid::new_v4();
    prefs.set_open_plan(plan);
    assert_eq!(prefs.open_plan(), Some(plan));

    let id = Uuid::new_v4();
    let words = UnsavedReflection {
        id,
        base_rev: 2,
        saving: None,
        fields: ReflectionDraft {
            text: "kept".into(),
            ..ReflectionDraft::default()
        },
    };
    prefs
        .keep_journal_draft(plan, DraftSlot::New, &words)
        .unwrap();
    prefs
        .keep_journal_draft(plan, DraftSlot::Saved(id), &words)
        .unwrap();
    prefs
        .keep_journal_draft(Uuid::new_v4(), DraftSlot::New, &words)
        .unwrap();
    let mut found: Vec<DraftSlot> = prefs
        .journal_drafts(plan)
        .into_iter()
        .map(|(slot, w)| {
            assert_eq!(w, words);
            slot
        })
        .collect();
    found.sort_by_key(|s| matches!(s, DraftSlot::Saved(_)));
    assert_eq!(found, vec![DraftSlot::New, DraftSlot::Saved(id)]);
    assert!(kv
        .get(&format!("waymark.journal-draft.{plan}.new"))
        .is_some());
    prefs.forget_journal_draft(plan, DraftSlot::New);
    assert_eq!(prefs.journal_drafts(plan).len(), 1);
    // Unreadable text reads as nothing, never as an error.
    kv.set("waymark.backups", "not json").unwrap();
    assert!(prefs.backups().is_empty());
}

/// Backups and progress-report windows are kept per plan, newest first, one per plan; an
/// older report imported again moves nothing.
#[test]
fn backups_and_report_windows_are_kept_one_per_plan() {
    use chrono::{Duration, TimeZone, Utc};
    use uuid::Uuid;
    use waymark::core::backup::BackupRecord;
    use waymark::store::preferences::Preferences;

    let prefs = Preferences::in_memory();
    let t = Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap();
    let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
    let backup = |plan_id, days| BackupRecord {
        plan_id,
        plan_title: "Career change".into(),
        file_name: format!("backup-{days}.waymark.json"),
        at: t + Duration::days(days),
    };
    prefs.record_backup(backup(a, 0));
    prefs.record_backup(backup(b, 1));
    prefs.record_backup(backup(a, 2));
    let kept: Vec<(Uuid, String)> = prefs
        .backups()
        .into_iter()
        .map(|r| (r.plan_id, r.file_name))
        .collect();
    assert_eq!(
        kept,
        vec![
            (a, "backup-2.waymark.json".to_owned()),
            (b, "backup-1.waymark.json".to_owned())
        ]
    );
    assert_eq!(
        prefs.last_backup(b).map(|r| r.file_name).as_deref(),
        Some("backup-1.waymark.json")
    );

    assert!(prefs.report_window(a).is_none());
    prefs.record_report(a, t + Duration::days(3));
    let first = prefs.report_window(a).expect("a report was imported");
    prefs.record_report(a, t + Duration::days(1));
    assert_eq!(prefs.report_window(a), Some(first));
    assert!(prefs.report_window(b).is_none());
}

/// Undo: offered after an undoable change, withdrawn by the next change, and putting back
/// from memory what a deletion erased on disk, as a saved change.
#[test]
fn undo_last_change() {
    block_on(async {
        let store = MemoryStore::new();
        let tab = suite::with_sample(store.clone()).await;
        let plan = suite::open_plan(&tab);
        let id = plan.id();
        let gid = plan.live_goals()[0].meta.id;
        let title = plan.goal(gid).unwrap().fields.title.clone();

        tab.apply_undoable("Goal deleted", move |p: &mut Plan, now, by| {
            p.delete_goal(gid, now, by)
        })
        .await
        .unwrap();
        assert_eq!(tab.shown().undo.borrow().as_deref(), Some("Goal deleted"));
        let stored = store.load_plan(id).await.unwrap();
        assert!(stored.iter().all(|d| !d.body.contains(&title)));

        tab.undo().await.unwrap();
        assert_eq!(*tab.shown().undo.borrow(), None);
        assert_eq!(
            suite::open_plan(&tab).goal(gid).unwrap().fields.title,
            title
        );
        let stored = store.load_plan(id).await.unwrap();
        let reread = Plan::from_documents(id, &stored).unwrap();
        assert_eq!(reread.goal(gid).unwrap().fields.title, title);

        // Nothing left to undo; and any other change withdraws the offer.
        assert!(tab.undo().await.is_err());
        tab.apply_undoable("Plan renamed", |p: &mut Plan, now, by| {
            p.rename("New name", now, by)
        })
        .await
        .unwrap();
        tab.apply(|p: &mut Plan, now, by| {
            p.add_reflection(
                ReflectionDraft {
                    text: "next".into(),
                    ..ReflectionDraft::default()
                },
                now,
                by,
            )
        })
        .await
        .unwrap();
        assert_eq!(*tab.shown().undo.borrow(), None);
        assert!(tab.undo().await.is_err());
        assert_eq!(suite::open_plan(&tab).title, "New name");
    });
}

/// Verbs run on the session's working copy of the plan, which becomes the shown plan once the
/// write is durable, while the copy it replaces catches up and is used next. Whatever happens
/// in any order (changes, a verb that fails half-way, a full disk, a stale edit, another tab,
/// Undo), the plan shown is exactly the one stored, revisions included, and a change that
/// failed leaves it exactly as it was.
mod working_copy {
    use super::suite;
    use futures::executor::block_on;
    use proptest::prelude::*;
    use uuid::Uuid;
    use waymark::core::journal::ReflectionDraft;
    use waymark::core::{CoreError, Document, Plan};
    use waymark::session::ActionError;
    use waymark::store::memory::MemoryStore;
    use waymark::store::{RemoteChange, Store};

    #[derive(Clone, Debug)]
    enum Step {
        Add(u8),
        Edit(usize, u8),
        Delete(usize),
        DeleteGoal(usize),
        Rename(u8),
        Undo,
        /// A verb that changes the plan and then fails.
        Broken(usize),
        /// An edit based on a revision that is not the stored one.
        Stale(usize),
        Full(bool),
        Prepare,
        /// Another tab edits a reflection; this one hears of it.
        OtherTab(usize, u8),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => any::<u8>().prop_map(Step::Add),
            3 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Step::Edit(i, t)),
            1 => any::<usize>().prop_map(Step::Delete),
            1 => any::<usize>().prop_map(Step::DeleteGoal),
            1 => any::<u8>().prop_map(Step::Rename),
            2 => Just(Step::Undo),
            1 => any::<usize>().prop_map(Step::Broken),
            1 => any::<usize>().prop_map(Step::Stale),
            1 => any::<bool>().prop_map(Step::Full),
            1 => Just(Step::Prepare),
            1 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Step::OtherTab(i, t)),
        ]
    }

    fn words(n: u8) -> ReflectionDraft {
        ReflectionDraft {
            text: format!("Words number {n}"),
            ..ReflectionDraft::default()
        }
    }

    fn sorted(mut docs: Vec<Document>) -> Vec<Document> {
        docs.sort_by_key(|d| d.id);
        docs
    }

    fn nth_live_reflection(p: &Plan, i: usize) -> Option<(Uuid, u64)> {
        let live: Vec<_> = p.reflections.iter().filter(|r| r.meta.is_live()).collect();
        (!live.is_empty()).then(|| {
            let id = live[i % live.len()].meta.id;
            (id, p.rev_of(id))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn the_shown_plan_is_the_stored_plan(steps in prop::collection::vec(step(), 1..24)) {
            block_on(async {
                let store = MemoryStore::new();
                let tab = suite::with_sample(store.clone()).await;
                let other = suite::tab(store.clone());
                let id = suite::open_plan(&tab).id();
                let mut fresh = 0u128;
                for step in steps {
                    let before = sorted(suite::open_plan(&tab).to_documents());
                    let shown = suite::open_plan(&tab);
                    let result: Result<(), ActionError> = match step.clone() {
                        Step::Add(t) => {
                            fresh += 1;
                            let rid = Uuid::from_u128(fresh);
                            tab.apply(move |p: &mut Plan, now, by| p.put_reflection(rid, words(t), now, by))
                                .await
                                .map(drop)
                        }
                        Step::Edit(i, t) => match nth_live_reflection(&shown, i) {
                            Some((rid, rev)) => tab
                                .apply_checked(&[(rid, rev)], move |p: &mut Plan, now, by| {
                                    p.put_reflection(rid, words(t), now, by)
                                })
                                .await
                                .map(drop),
                            None => Ok(()),
                        },
                        Step::Delete(i) => match nth_live_reflection(&shown, i) {
                            Some((rid, _)) => tab
                                .apply_undoable("Reflection deleted", move |p: &mut Plan, now, by| {
                                    p.delete_reflection(rid, now, by)
                                })
                                .await
                                .map(drop),
                            None => Ok(()),
                        },
                        Step::DeleteGoal(i) => {
                            let goals: Vec<Uuid> = shown.live_goals().iter().map(|g| g.meta.id).collect();
                            match goals.get(i % goals.len().max(1)) {
                                Some(&gid) => tab
                                    .apply_undoable("Goal deleted", move |p: &mut Plan, now, by| {
                                        p.delete_goal(gid, now, by)
                                    })
                                    .await
                                    .map(drop),
                                None => Ok(()),
                            }
                        }
                        Step::Rename(t) => tab
                            .apply(move |p: &mut Plan, now, by| p.rename(&format!("Plan {t}"), now, by))
                            .await
                            .map(drop),
                        Step::Undo => tab.undo().await.map(drop),
                        Step::Broken(i) => {
                            let target = nth_live_reflection(&shown, i).map(|(rid, _)| rid);
                            tab.apply(move |p: &mut Plan, _now, _by| {
                                p.title.push_str(" (half-changed)");
                                if let Some(r) = p.reflections.iter_mut().find(|r| Some(r.meta.id) == target) {
                                    r.fields.text = "half-changed".into();
                                }
                                p.reflections.clear();
                                Err(CoreError::NothingToUndo)
                            })
                            .await
                            .map(drop)
                        }
                        Step::Stale(i) => match nth_live_reflection(&shown, i) {
                            Some((rid, rev)) => tab
                                .apply_checked(&[(rid, rev + 1)], move |p: &mut Plan, now, by| {
                                    p.put_reflection(rid, words(0), now, by)
                                })
                                .await
                                .map(drop),
                            None => Ok(()),
                        },
                        Step::Full(full) => {
                            store.set_full(full);
                            Ok(())
                        }
                        Step::Prepare => {
                            tab.prepare_working_copy();
                            Ok(())
                        }
                        Step::OtherTab(i, t) => {
                            other.open_plan(waymark::core::ids::PlanId(id)).await.unwrap();
                            let theirs = suite::open_plan(&other);
                            if let Some((rid, _)) = nth_live_reflection(&theirs, i) {
                                let done = other
                                    .apply(move |p: &mut Plan, now, by| {
                                        p.put_reflection(rid, words(t.wrapping_add(1)), now, by)
                                    })
                                    .await;
                                if done.is_ok() {
                                    tab.on_remote_change(RemoteChange {
                                        plan_id: id,
                                        ids: vec![rid],
                                        whole_plan: false,
                                    })
                                    .await;
                                }
                            }
                            Ok(())
                        }
                    };
                    let now_shown = sorted(suite::open_plan(&tab).to_documents());
                    let stored = sorted(store.load_plan(id).await.unwrap());
                    // Compared without printing 40 documents on a failure.
                    assert!(now_shown == stored, "after {step:?}: the plan shown is not the one stored");
                    match result {
                        Err(ActionError::ChangedElsewhere) | Ok(()) => {}
                        Err(e) => assert!(now_shown == before, "after {step:?} failed ({e}): the plan changed"),
                    }
                }
            });
        }
    }
}
