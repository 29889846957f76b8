//! The workspace: every plan on this device, the one that is open, and the one way screens
//! change it.
//!
//! Screens never write to the store themselves. They call [`Workspace::apply`] with a core
//! verb; the verb runs on a copy of the open plan, the touched records are committed in one
//! transaction, and only when the store reports the write durable does the open plan (and so
//! every screen) change and the status say "Saved". A refused or failed write leaves both the
//! store and the screen as they were.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::lock::Mutex;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::preferences::{self, device_role};
use super::save_status::SaveStatus;
use crate::core::{Author, CoreError, DocKind, Plan, PlanKind, Touched};
use crate::exchange::MergeOutcome;
use crate::store::indexeddb::{ChangeSubscription, IndexedDbStore};
use crate::store::{device, ChangeSet, RemoteChange, Store, StoreError};

/// Where the app is in opening the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadState {
    Loading,
    /// No plan on this device yet: the first-run flow takes over.
    Empty,
    /// This device had plans, but the browser has since cleared its storage.
    Evicted,
    Ready,
    Failed(String),
}

/// One plan as listed in the plan switcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    pub id: Uuid,
    pub title: String,
    pub kind: PlanKind,
    pub archived: bool,
    /// Whom a client plan is for, when the coach named them.
    pub client: Option<String>,
    /// The template the plan was started from (an import of its revision merges into it).
    pub from_template: Option<Uuid>,
}

/// Why a change was not made, worded for the person who tried it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("{0}")]
    Invalid(#[from] CoreError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("This was changed in another tab while you were editing it.")]
    ChangedElsewhere,
    #[error("No plan is open yet.")]
    NoPlan,
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub plan: RwSignal<Option<Plan>>,
    pub plans: RwSignal<Vec<PlanSummary>>,
    pub load: RwSignal<LoadState>,
    pub status: RwSignal<SaveStatus>,
    /// The last write failed for lack of space. The plan can still be read; each change is
    /// still tried (space may have been freed), and this stays set until one succeeds.
    pub storage_full: RwSignal<bool>,
    /// What the last saved change (here or in another tab) touched, so screens that keep
    /// their own index (journal search) update exactly those records.
    pub last_change: RwSignal<Touched>,
    store: StoredValue<Option<IndexedDbStore>, LocalStorage>,
    /// One save at a time: each verb runs on the plan its predecessor saved, so the
    /// revisions it names are never stale.
    save_queue: StoredValue<Arc<Mutex<()>>>,
    _subscription: StoredValue<Option<ChangeSubscription>, LocalStorage>,
}

pub fn provide_workspace() -> Workspace {
    let ws = Workspace {
        plan: RwSignal::new(None),
        plans: RwSignal::new(Vec::new()),
        load: RwSignal::new(LoadState::Loading),
        status: RwSignal::new(SaveStatus::Idle),
        storage_full: RwSignal::new(false),
        last_change: RwSignal::new(Touched::none()),
        store: StoredValue::new_local(None),
        save_queue: StoredValue::new(Arc::new(Mutex::new(()))),
        _subscription: StoredValue::new_local(None),
    };
    provide_context(ws);
    spawn_local(async move { ws.open().await });
    ws
}

pub fn use_workspace() -> Workspace {
    // provide_workspace runs in App before any screen exists.
    expect_context::<Workspace>()
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

impl Workspace {
    fn store(&self) -> Result<IndexedDbStore, ActionError> {
        self.store
            .with_value(|s| s.clone())
            .ok_or(ActionError::Store(StoreError::Unavailable(
                "the database is not open yet".into(),
            )))
    }

    /// Every write's outcome passes here, so the "storage is full" state follows the disk:
    /// set by a write that found no space, cleared by the next one that succeeds.
    fn saved<T>(&self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        match &result {
            Ok(_) => self.storage_full.set(false),
            Err(StoreError::QuotaExceeded) => self.storage_full.set(true),
            Err(_) => {}
        }
        result
    }

    async fn open(self) {
        let store = match IndexedDbStore::open().await {
            Ok(s) => s,
            Err(e) => {
                self.load.set(LoadState::Failed(e.to_string()));
                return;
            }
        };
        // Plans were saved here before (the marker outlives the database), yet none is left: the
        // browser cleared the storage, at this open or at an earlier one nobody acted on.
        let evicted = device::has_data_marker(store.name());
        let subscription = store.on_remote_change(move |change| {
            spawn_local(async move { self.on_remote_change(change).await });
        });
        match subscription {
            Ok(s) => self._subscription.set_value(Some(s)),
            Err(e) => leptos::logging::warn!("changes from other tabs will not show: {e}"),
        }
        self.store.set_value(Some(store));
        // Ask once; the answer is kept for Settings.
        spawn_local(async {
            let _ = device::request_persistence_once().await;
        });

        if let Err(e) = self.refresh_plan_list().await {
            self.load.set(LoadState::Failed(e.to_string()));
            return;
        }
        let plans = self.plans.get_untracked();
        let chosen = preferences::open_plan_id()
            .filter(|id| plans.iter().any(|p| p.id == *id))
            .or_else(|| {
                plans
                    .iter()
                    .find(|p| p.kind == PlanKind::ClientPlan && !p.archived)
                    .or(plans.first())
                    .map(|p| p.id)
            });
        match chosen {
            Some(id) => {
                if let Err(e) = self.open_plan(id).await {
                    self.load.set(LoadState::Failed(e.to_string()));
                }
            }
            None if evicted => self.load.set(LoadState::Evicted),
            None => self.load.set(LoadState::Empty),
        }
    }

    async fn refresh_plan_list(&self) -> Result<(), ActionError> {
        let headers = self.store()?.list_plan_headers().await?;
        let mut plans: Vec<PlanSummary> = headers
            .iter()
            .filter_map(|doc| Plan::from_documents(doc.plan_id, std::slice::from_ref(doc)).ok())
            .filter(|p| p.meta.is_live())
            .map(|p| PlanSummary {
                id: p.id(),
                title: p.title.clone(),
                kind: p.kind,
                archived: p.archived,
                client: p.client.clone(),
                from_template: p.from_template,
            })
            .collect();
        plans.sort_by_key(|p| p.title.to_lowercase());
        self.plans.set(plans);
        Ok(())
    }

    /// Opens a plan on this device and remembers it as the one to open next time.
    pub async fn open_plan(&self, id: Uuid) -> Result<(), ActionError> {
        let docs = self.store()?.load_plan(id).await?;
        self.show(Plan::from_documents(id, &docs)?);
        Ok(())
    }

    fn show(&self, plan: Plan) {
        preferences::set_open_plan_id(plan.id());
        self.plan.set(Some(plan));
        self.last_change.set(Touched::none());
        self.load.set(LoadState::Ready);
    }

    /// Saves a whole new plan (first run, the sample plan, a copy of a template) and opens it.
    pub async fn add_plan(&self, mut plan: Plan) -> Result<(), ActionError> {
        let _turn = self.save_queue.get_value().lock_owned().await;
        self.status.set(SaveStatus::Saving);
        let result = self
            .saved(
                self.store()?
                    .replace_plan(plan.id(), plan.to_documents())
                    .await,
            )
            .map_err(ActionError::from);
        match result {
            Ok(revs) => plan.mark_saved_revs(&revs),
            Err(e) => {
                self.status.set(SaveStatus::Failed(e.to_string()));
                return Err(e);
            }
        }
        self.status.set(SaveStatus::Saved);
        self.refresh_plan_list().await?;
        // The saved plan is already in hand: reading 15k records back would cost a second.
        self.show(plan);
        Ok(())
    }

    /// The stored plan with this id, if this device has it (the open plan as it is shown).
    pub async fn stored_plan(&self, id: Uuid) -> Result<Option<Plan>, ActionError> {
        let open = self
            .plan
            .with_untracked(|p| p.as_ref().filter(|p| p.id() == id).cloned());
        if open.is_some() {
            return Ok(open);
        }
        let docs = self.store()?.load_plan(id).await?;
        if docs.is_empty() {
            return Ok(None);
        }
        Ok(Some(Plan::from_documents(id, &docs)?))
    }

    /// Saves an import the person confirmed and opens its plan: a new plan whole, or just
    /// the records the merge changed, checked against the revisions the preview was made
    /// from (so a change made meanwhile in another tab is not overwritten).
    pub async fn save_import(
        &self,
        outcome: MergeOutcome,
        new_plan: bool,
    ) -> Result<(), ActionError> {
        if new_plan {
            return self.add_plan(outcome.plan).await;
        }
        let mut plan = outcome.plan.clone();
        {
            let _turn = self.save_queue.get_value().lock_owned().await;
            self.status.set(SaveStatus::Saving);
            let puts = outcome.changed_documents();
            match self.saved(self.store()?.commit(ChangeSet { puts }).await) {
                Ok(revs) => plan.mark_saved_revs(&revs),
                Err(e) => {
                    self.status.set(SaveStatus::Failed(e.to_string()));
                    return Err(match e {
                        StoreError::Conflict { .. } => ActionError::ChangedElsewhere,
                        other => other.into(),
                    });
                }
            }
            self.status.set(SaveStatus::Saved);
        }
        self.refresh_plan_list().await?;
        self.show(plan);
        Ok(())
    }

    /// Applies one user action to the open plan and saves what it touched.
    pub async fn apply(
        &self,
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError>,
    ) -> Result<Touched, ActionError> {
        self.apply_checked(&[], verb).await
    }

    /// Like [`apply`](Self::apply), but refuses with [`ActionError::ChangedElsewhere`] when any
    /// of `based_on` (record id, revision the editor started from) has been saved since,
    /// so an edit made on a stale copy never silently overwrites a newer one.
    pub async fn apply_checked(
        &self,
        based_on: &[(Uuid, u64)],
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError>,
    ) -> Result<Touched, ActionError> {
        let _turn = self.save_queue.get_value().lock_owned().await;
        let mut next = self.plan.get_untracked().ok_or(ActionError::NoPlan)?;
        if based_on.iter().any(|(id, rev)| next.rev_of(*id) != *rev) {
            return Err(ActionError::ChangedElsewhere);
        }
        let touched = verb(&mut next, now(), device_role())?;
        if touched.is_empty() {
            return Ok(touched);
        }
        self.status.set(SaveStatus::Saving);
        let docs = next.documents_for(&touched);
        let store = self.store()?;
        match self.saved(store.commit(ChangeSet { puts: docs }).await) {
            Ok(revs) => {
                next.mark_saved_revs(&revs);
                let header_changed = touched.id_of(DocKind::Plan).is_some();
                self.plan.set(Some(next));
                self.last_change.set(touched.clone());
                self.status.set(SaveStatus::Saved);
                if header_changed {
                    self.refresh_plan_list().await?;
                }
                Ok(touched)
            }
            Err(e) => {
                self.status.set(SaveStatus::Failed(e.to_string()));
                if matches!(e, StoreError::Conflict { .. }) {
                    // Another tab saved first: show its version; the user's change was not made.
                    self.reload_open_plan().await;
                    return Err(ActionError::ChangedElsewhere);
                }
                Err(e.into())
            }
        }
    }

    async fn reload_open_plan(&self) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(Plan::id)) else {
            return;
        };
        if let Err(e) = self.open_plan(id).await {
            self.status.set(SaveStatus::Failed(e.to_string()));
        }
    }

    async fn on_remote_change(self, change: RemoteChange) {
        let open = self.plan.with_untracked(|p| p.as_ref().map(Plan::id));
        let _ = self.refresh_plan_list().await;
        if open != Some(change.plan_id) {
            return;
        }
        // Queue behind any save in flight so it is not overtaken by the older copy.
        let _turn = self.save_queue.get_value().lock_owned().await;
        let store = match self.store() {
            Ok(s) => s,
            Err(_) => return,
        };
        match store.load_plan(change.plan_id).await {
            Ok(docs) if docs.is_empty() => {
                self.plan.set(None);
                self.load.set(LoadState::Empty);
            }
            Ok(docs) => match Plan::from_documents(change.plan_id, &docs) {
                Ok(plan) => {
                    let mut touched = Touched::none();
                    for id in &change.ids {
                        if let Some(doc) = docs.iter().find(|d| d.id == *id) {
                            touched.add(doc.kind, doc.id);
                        }
                    }
                    self.plan.set(Some(plan));
                    self.last_change.set(touched);
                }
                Err(e) => self.status.set(SaveStatus::Failed(e.to_string())),
            },
            Err(e) => self.status.set(SaveStatus::Failed(e.to_string())),
        }
    }
}

/// Renders `children` once the open plan is loaded; until then says what is happening.
/// With no plan on this device it sends the person to the first-run screen, or, when the
/// browser cleared the plans that were here, says so and offers to restore a backup.
#[component]
pub fn WithPlan(children: ChildrenFn) -> impl IntoView {
    let ws = use_workspace();
    // A memo, so re-opening the same state does not rebuild the screen.
    let state = Memo::new(move |_| ws.load.get());
    move || match state.get() {
        LoadState::Loading => view! {
            <p class="loading" role="status">"Opening your plan…"</p>
        }
        .into_any(),
        LoadState::Failed(message) => view! {
            <div class="notice error" role="alert">
                <p><strong>"Your plan could not be opened."</strong></p>
                <p>{message}</p>
            </div>
        }
        .into_any(),
        LoadState::Evicted => view! { <crate::ui::welcome::StorageCleared/> }.into_any(),
        LoadState::Empty => {
            view! { <leptos_router::components::Redirect path="/welcome"/> }.into_any()
        }
        LoadState::Ready => children().into_any(),
    }
}
