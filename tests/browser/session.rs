//! The session's semantics, written once and run against every store: natively against
//! `MemoryStore` (tests/session.rs) and in the browser against `IndexedDbStore`
//! (tests/browser.rs). A second session on a clone of the same store is a second tab.

use chrono::{DateTime, TimeZone, Utc};
use waymark::core::ids::PlanId;
use waymark::core::journal::ReflectionDraft;
use waymark::core::sample::sample_plan;
use waymark::core::{DocKind, Plan, Touched};
use waymark::session::{ActionError, Handle, LoadState, NewPlan, SaveStatus, Session, ShownCells};
use waymark::store::preferences::Preferences;
use waymark::store::{RemoteChange, Store};

pub type Tab<S> = Session<S, ShownCells>;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

pub fn tab<S: Store>(store: S) -> Tab<S> {
    Session::new(store, ShownCells::default(), Preferences::in_memory()).with_clock(now)
}

pub fn open_plan<S: Store>(tab: &Tab<S>) -> Plan {
    tab.shown().plan.borrow().clone().expect("a plan is open")
}

fn reflection(text: &str) -> ReflectionDraft {
    ReflectionDraft {
        text: text.to_owned(),
        ..ReflectionDraft::default()
    }
}

/// Starts a tab on `store` with the sample plan saved and open.
pub async fn with_sample<S: Store>(store: S) -> Tab<S> {
    let tab = tab(store);
    tab.add_plan(sample_plan(now()).unwrap()).await.unwrap();
    tab
}

/// What the first screen starts, made by the session and reached as the app reaches it, through
/// `dyn Handle`: the sample plan, or the person's own under the name they gave (trimmed); a
/// blank name is refused with the reason and stores nothing.
pub async fn first_screen_starts_plans<S: Store + Clone + 'static>(store: S) {
    let session = std::rc::Rc::new(tab(store.clone()));
    let handle: std::rc::Rc<dyn Handle> = session.clone();
    handle.start().await;
    assert_eq!(*session.shown().load.borrow(), LoadState::Empty);

    let blank = handle.start_plan(NewPlan::Own("   ".into())).await;
    assert!(
        matches!(blank, Err(ActionError::Invalid(_))),
        "a blank name is refused: {blank:?}"
    );
    assert!(
        store.list_plan_headers().await.unwrap().is_empty(),
        "nothing stored"
    );

    handle
        .start_plan(NewPlan::Own("  Into UX research ".into()))
        .await
        .unwrap();
    handle.start_plan(NewPlan::Sample).await.unwrap();
    let mut titles: Vec<String> = session
        .shown()
        .plans
        .borrow()
        .iter()
        .map(|p| p.title.clone())
        .collect();
    titles.sort();
    let sample = sample_plan(now()).unwrap();
    let mut expected = vec!["Into UX research".to_owned(), sample.title.clone()];
    expected.sort();
    assert_eq!(titles, expected);
    let open = open_plan(&session);
    assert_eq!(open.title, sample.title, "the sample is open");
    assert_eq!(open.reflections.len(), sample.reflections.len());
    assert_eq!(*session.shown().status.borrow(), SaveStatus::Saved);
}

/// A fresh device opens empty; a saved plan is listed, opened, remembered and found again
/// by a new session on the same store; after the person deletes it, the device is new again
/// (not "cleared by the browser").
pub async fn start_and_reopen<S: Store + Clone>(store: S) {
    let first = tab(store.clone());
    first.start().await;
    assert_eq!(*first.shown().load.borrow(), LoadState::Empty);

    first.add_plan(sample_plan(now()).unwrap()).await.unwrap();
    let id = open_plan(&first).id();
    assert_eq!(*first.shown().load.borrow(), LoadState::Ready);
    assert_eq!(*first.shown().status.borrow(), SaveStatus::Saved);
    assert_eq!(first.shown().plans.borrow().len(), 1);
    assert_eq!(first.preferences().open_plan(), Some(id));

    let again = tab(store.clone());
    again.start().await;
    assert_eq!(*again.shown().load.borrow(), LoadState::Ready);
    assert_eq!(
        open_plan(&again).to_documents(),
        open_plan(&first).to_documents()
    );

    again.delete_plan(PlanId(id)).await.unwrap();
    assert_eq!(*again.shown().load.borrow(), LoadState::Empty);
    let after = tab(store);
    after.start().await;
    assert_eq!(*after.shown().load.borrow(), LoadState::Empty);
}

/// One action is one commit; actions queued together run one after another, each on the
/// plan its predecessor saved, and every one is durable.
pub async fn actions_queue<S: Store + Clone>(store: S) {
    let tab = with_sample(store.clone()).await;
    let before = open_plan(&tab).reflections.len();
    let add = |text: &'static str| {
        tab.apply(move |p: &mut Plan, now, by| p.add_reflection(reflection(text), now, by))
    };
    let (a, b, c) = futures::future::join3(add("first"), add("second"), add("third")).await;
    for t in [a, b, c] {
        assert_eq!(t.unwrap().ids_of(DocKind::Reflection).count(), 1);
    }
    let shown = open_plan(&tab);
    assert_eq!(shown.reflections.len(), before + 3);
    let stored = store.load_plan(shown.id()).await.unwrap();
    assert_eq!(
        Plan::from_documents(shown.id(), &stored)
            .unwrap()
            .reflections
            .len(),
        before + 3
    );
    // The plan shown knows the stored revisions: a further edit is not refused.
    let id = shown.reflections.last().unwrap().meta.id;
    let rev = shown.rev_of(id);
    assert_eq!(rev, 1);
    tab.apply_checked(&[(id, rev)], move |p: &mut Plan, now, by| {
        p.update_reflection(id, reflection("edited"), now, by)
    })
    .await
    .unwrap();
    assert_eq!(open_plan(&tab).rev_of(id), 2);
    assert_eq!(*tab.shown().status.borrow(), SaveStatus::Saved);
}

/// A verb that refuses, or touches nothing, writes nothing and leaves the status alone.
pub async fn refused_verb_changes_nothing<S: Store + Clone>(store: S) {
    let tab = with_sample(store).await;
    let before = open_plan(&tab).to_documents();
    let err = tab
        .apply(|p: &mut Plan, now, by| p.rename("", now, by))
        .await
        .unwrap_err();
    assert!(matches!(err, ActionError::Invalid(_)), "{err:?}");
    assert_eq!(open_plan(&tab).to_documents(), before);
    let none = tab
        .apply(|_: &mut Plan, _, _| Ok(Touched::none()))
        .await
        .unwrap();
    assert!(none.is_empty());
}

/// Another tab saves a reflection this tab is editing: this tab's edit, based on the older
/// revision, is refused and changes nothing; "use theirs" shows the other tab's words, and
/// "keep mine" saves this tab's words over them.
pub async fn stale_edit_refused_then_choices<S: Store + Clone>(store: S) {
    let here = with_sample(store.clone()).await;
    let plan_id = open_plan(&here).id();
    let id = open_plan(&here).reflections[0].meta.id;
    let base = open_plan(&here).rev_of(id);

    let there = tab(store.clone());
    there.open_plan(PlanId(plan_id)).await.unwrap();
    there
        .apply_checked(&[(id, base)], move |p: &mut Plan, now, by| {
            p.update_reflection(id, reflection("theirs"), now, by)
        })
        .await
        .unwrap();

    // The other tab's notice has not arrived yet: the revision check in the store refuses.
    let mine = move |p: &mut Plan, now, by| p.update_reflection(id, reflection("mine"), now, by);
    let err = here.apply_checked(&[(id, base)], mine).await.unwrap_err();
    assert_eq!(err, ActionError::ChangedElsewhere);
    assert!(matches!(
        *here.shown().status.borrow(),
        SaveStatus::Failed(_)
    ));
    // The refused change shows the stored version, not half of both.
    let text = |t: &Tab<S>| {
        open_plan(t)
            .reflections
            .iter()
            .find(|r| r.meta.id == id)
            .unwrap()
            .fields
            .text
            .clone()
    };
    assert_eq!(text(&here), "theirs");
    // Now the editor's base is known stale before anything is written.
    let err = here.apply_checked(&[(id, base)], mine).await.unwrap_err();
    assert_eq!(err, ActionError::ChangedElsewhere);

    here.use_theirs().await.unwrap();
    assert_eq!(text(&here), "theirs");
    here.keep_mine(mine).await.unwrap();
    assert_eq!(text(&here), "mine");
    there.use_theirs().await.unwrap();
    assert_eq!(text(&there), "mine");
}

/// A change saved in another tab reaches this one with what it touched; a plan deleted in
/// another tab closes here.
pub async fn other_tab_change<S: Store + Clone>(store: S) {
    let here = with_sample(store.clone()).await;
    let plan_id = open_plan(&here).id();
    let there = tab(store.clone());
    there.open_plan(PlanId(plan_id)).await.unwrap();
    let touched = there
        .apply(|p: &mut Plan, now, by| p.add_reflection(reflection("from the other tab"), now, by))
        .await
        .unwrap();
    let id = touched.id_of(DocKind::Reflection).unwrap();

    here.on_remote_change(RemoteChange {
        plan_id,
        ids: vec![id],
        whole_plan: false,
    })
    .await;
    assert!(open_plan(&here).reflections.iter().any(|r| r.meta.id == id));
    assert_eq!(
        here.shown().last_change.borrow().id_of(DocKind::Reflection),
        Some(id)
    );
    // This tab's next edit builds on the other tab's.
    here.apply(move |p: &mut Plan, now, by| p.update_reflection(id, reflection("both"), now, by))
        .await
        .unwrap();

    store.delete_plan(plan_id).await.unwrap();
    here.on_remote_change(RemoteChange {
        plan_id,
        ids: vec![],
        whole_plan: true,
    })
    .await;
    assert!(here.shown().plan.borrow().is_none());
    assert_eq!(*here.shown().load.borrow(), LoadState::Empty);
    assert!(here.shown().plans.borrow().is_empty());
}

/// A header change (a rename) in this tab updates the plan list.
pub async fn rename_updates_list<S: Store + Clone>(store: S) {
    let tab = with_sample(store).await;
    tab.apply(|p: &mut Plan, now, by| p.rename("Into UX research", now, by))
        .await
        .unwrap();
    assert_eq!(tab.shown().plans.borrow()[0].title, "Into UX research");
}
