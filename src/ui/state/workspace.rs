//! The workspace: the session (`crate::session::Session`) behind every screen, shown through
//! Leptos signals.
//!
//! Screens never write to the store themselves. They call [`Workspace::apply`] with a core
//! verb; the session runs it on a copy of the open plan, commits the touched records in one
//! transaction, and only when the store reports the write durable does the open plan (and so
//! every screen) change and the status say "Saved". The rules live in `crate::session` and
//! are tested natively there. This file keeps the session's state in signals and decides
//! when to open the device's plans (`opening.rs` opens them): at once where plans may be
//! stored, and on a device that never saved one only when the person starts a plan or opens a
//! file, so the first visit's Welcome needs none of that code.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::opening::{self, OpenError, Opened};
use super::save_status::SaveStatus;
use crate::core::ids::PlanId;
use crate::core::merge::MergeOutcome;
use crate::core::{Author, CoreError, Plan, Touched};
use crate::session::{Handle, NewPlan, Shown, Verb};
use crate::store::device;
use crate::store::indexeddb::{ChangeSubscription, DB_NAME};
use crate::store::preferences::Preferences;
use crate::ui::idle::when_idle;

pub use crate::session::{ActionError, LoadState, PlanSummary};

/// The session's state as signals: what every screen reads.
#[derive(Clone, Copy)]
pub(super) struct Signals {
    plan: RwSignal<Option<Plan>>,
    plans: RwSignal<Vec<PlanSummary>>,
    load: RwSignal<LoadState>,
    status: RwSignal<SaveStatus>,
    storage_full: RwSignal<bool>,
    last_change: RwSignal<Touched>,
    undo: RwSignal<Option<String>>,
}

impl Shown for Signals {
    fn with_plan<R>(&self, f: impl FnOnce(Option<&Plan>) -> R) -> R {
        self.plan.with_untracked(|p| f(p.as_ref()))
    }
    fn swap_plan(&self, plan: Option<Plan>, touched: Touched) -> Option<Plan> {
        let mut plan = plan;
        self.plan.update(|shown| std::mem::swap(shown, &mut plan));
        self.last_change.set(touched);
        plan
    }
    fn plans(&self) -> Vec<PlanSummary> {
        self.plans.get_untracked()
    }
    fn set_plans(&self, plans: Vec<PlanSummary>) {
        self.plans.set(plans);
    }
    fn set_load(&self, load: LoadState) {
        self.load.set(load);
    }
    fn set_status(&self, status: SaveStatus) {
        self.status.set(status);
    }
    fn set_storage_full(&self, full: bool) {
        // Every save sets this, mostly to what it was: only a change wakes its views.
        if self.storage_full.get_untracked() != full {
            self.storage_full.set(full);
        }
    }
    fn set_undo(&self, label: Option<String>) {
        // Every save withdraws the offer, mostly when there is none: that wakes nothing. A
        // new offer always does, even with the same words ("Goal deleted" twice), so its
        // toast's countdown starts again.
        if label.is_some() || self.undo.with_untracked(Option::is_some) {
            self.undo.set(label);
        }
    }
}

/// How far the workspace is in opening the device's plans.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// Deciding whether to open them now, or opening them.
    Pending,
    /// Not opened: this device has never saved a plan, so there is none to show, and the
    /// code that opens plans is fetched only when the person starts one or opens a file.
    Deferred,
    /// Opened, or failed to open ([`Workspace::load`] says which).
    Done,
}

#[derive(Clone, Copy)]
pub struct Workspace {
    /// The open plan, read-only: it changes through the session alone (which keeps a working
    /// copy equal to it).
    pub plan: ReadSignal<Option<Plan>>,
    pub plans: RwSignal<Vec<PlanSummary>>,
    pub load: RwSignal<LoadState>,
    pub status: RwSignal<SaveStatus>,
    /// The last write failed for lack of space. The plan can still be read; each change is
    /// still tried (space may have been freed), and this stays set until one succeeds.
    pub storage_full: RwSignal<bool>,
    /// What the last saved change (here or in another tab) touched, so screens that keep
    /// their own index (journal search) update exactly those records.
    pub last_change: RwSignal<Touched>,
    /// The device's preferences (role, theme, backups, reports, drafts), the same handle the
    /// session keeps: screens read and write them through this, never building storage
    /// access of their own.
    prefs: StoredValue<Preferences, LocalStorage>,
    /// The device's role as read from the preferences, for what changes with it while the app
    /// runs (the coach's Clients entry in the navigation). Set it with [`Workspace::set_role`].
    role: RwSignal<Author>,
    /// What the last change was while Undo is offered for it ("Goal deleted").
    pub undo: RwSignal<Option<String>>,
    session: StoredValue<Option<Rc<dyn Handle>>, LocalStorage>,
    opening: StoredValue<Opening, LocalStorage>,
    /// Why the last deferred opening failed, for the person who tried to start a plan.
    not_opened: StoredValue<Option<String>, LocalStorage>,
    signals: Signals,
    /// Actions started before the database has opened (a tap in the first moment, a file the
    /// app was launched with), each waiting for [`Workspace::opened`].
    waiting: StoredValue<Vec<oneshot::Sender<()>>, LocalStorage>,
    _subscription: StoredValue<Option<ChangeSubscription>, LocalStorage>,
}

pub fn provide_workspace() -> Workspace {
    let signals = Signals {
        plan: RwSignal::new(None),
        plans: RwSignal::new(Vec::new()),
        load: RwSignal::new(LoadState::Loading),
        status: RwSignal::new(SaveStatus::Idle),
        storage_full: RwSignal::new(false),
        last_change: RwSignal::new(Touched::none()),
        undo: RwSignal::new(None),
    };
    let prefs = Preferences::local();
    let role = RwSignal::new(prefs.role());
    let ws = Workspace {
        plan: signals.plan.read_only(),
        plans: signals.plans,
        load: signals.load,
        status: signals.status,
        storage_full: signals.storage_full,
        last_change: signals.last_change,
        prefs: StoredValue::new_local(prefs),
        role,
        undo: signals.undo,
        session: StoredValue::new_local(None),
        opening: StoredValue::new_local(Opening::Pending),
        not_opened: StoredValue::new_local(None),
        signals,
        waiting: StoredValue::new_local(Vec::new()),
        _subscription: StoredValue::new_local(None),
    };
    provide_context(ws);
    spawn_local(async move {
        // A device that never saved a plan has none to open: Welcome needs no store yet.
        let may_have_plans =
            device::has_data_marker(DB_NAME) || device::database_exists(DB_NAME).await;
        if may_have_plans || !ws.waiting.with_value(Vec::is_empty) {
            ws.open().await;
        } else {
            ws.opening.set_value(Opening::Deferred);
            ws.load.set(LoadState::Empty);
        }
    });
    ws
}

pub fn use_workspace() -> Workspace {
    // provide_workspace runs in App before any screen exists.
    expect_context::<Workspace>()
}

impl Workspace {
    /// The device's preferences; readable before the database opens.
    pub fn preferences(&self) -> Preferences {
        self.prefs.get_value()
    }

    /// The device's role, tracked: views that read it follow a change made in Settings at once.
    pub fn role(&self) -> Author {
        self.role.get()
    }

    /// Changes the device's role: kept in the preferences, and every view reading
    /// [`Workspace::role`] follows.
    pub fn set_role(&self, role: Author) {
        self.preferences().set_role(role);
        self.role.set(role);
    }

    /// Resolves once the database has opened and the session has read the device's plans (or
    /// opening failed): what a screen reads before then is the empty start, not the device.
    /// On a device whose opening was deferred, this opens them.
    pub async fn opened(&self) {
        match self.opening.get_value() {
            Opening::Done => return,
            Opening::Deferred => {
                self.opening.set_value(Opening::Pending);
                let ws = *self;
                spawn_local(async move { ws.open().await });
            }
            Opening::Pending => {}
        }
        let (tell, heard) = oneshot::channel();
        self.waiting.update_value(|w| w.push(tell));
        // A dropped sender (the app going away) ends the wait as well.
        let _ = heard.await;
    }

    fn tell_waiting(&self) {
        for tell in self
            .waiting
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            let _ = tell.send(());
        }
    }

    /// The session, once the database is open: an action started earlier waits for it rather
    /// than failing.
    async fn session(&self) -> Result<Rc<dyn Handle>, ActionError> {
        if let Some(session) = self.session_now() {
            return Ok(session);
        }
        self.opened().await;
        self.session_now().ok_or_else(|| {
            let why = match self.load.get_untracked() {
                LoadState::Failed(why) => Some(why),
                _ => self.not_opened.with_value(Option::clone),
            };
            ActionError::NotOpened(why.unwrap_or_else(|| {
                "Your plans could not be opened. Reload the page to try again.".into()
            }))
        })
    }

    /// The session if the database is open by now, for what has nothing to do before then.
    fn session_now(&self) -> Option<Rc<dyn Handle>> {
        self.session.with_value(Option::clone)
    }

    async fn open(self) {
        let deferred = self.load.get_untracked() == LoadState::Empty;
        match opening::open(self.signals, self.preferences()).await {
            Ok(Opened {
                session,
                subscription,
            }) => {
                self._subscription.set_value(subscription);
                self.session.set_value(Some(session));
                self.opening.set_value(Opening::Done);
            }
            // Welcome stays as it was; the person's next start tries again.
            Err(e @ OpenError::NotFetched) if deferred => {
                self.not_opened.set_value(Some(e.to_string()));
                self.opening.set_value(Opening::Deferred);
            }
            Err(e) => {
                self.load.set(LoadState::Failed(e.to_string()));
                self.opening.set_value(Opening::Done);
            }
        }
        // Ask once; the answer is kept for Settings.
        spawn_local(async {
            let _ = device::request_persistence_once().await;
        });
        self.tell_waiting();
        // The first action should copy nothing either: make the session's working copy of
        // the plan once the browser is idle after opening it.
        when_idle(move || {
            if let Some(session) = self.session_now() {
                session.prepare_working_copy();
            }
        });
    }

    /// Opens a plan on this device and remembers it as the one to open next time.
    pub async fn open_plan(&self, id: PlanId) -> Result<(), ActionError> {
        self.session().await?.open_plan(id).await
    }

    /// Saves a whole new plan (a template kept from the open plan, a client's plan started from
    /// a template) and opens it.
    pub async fn add_plan(&self, plan: Plan) -> Result<(), ActionError> {
        self.session().await?.add_plan(plan).await
    }

    /// Makes, saves and opens the plan a person starts on the first screen.
    pub async fn start_plan(&self, new: NewPlan) -> Result<(), ActionError> {
        self.session().await?.start_plan(new).await
    }

    /// The stored plan with this id, if this device has it (the open plan as it is shown).
    pub async fn stored_plan(&self, id: PlanId) -> Result<Option<Plan>, ActionError> {
        self.session().await?.stored_plan(id).await
    }

    /// Saves an import the person confirmed and opens its plan (see
    /// [`Session::save_import`](crate::session::Session::save_import)).
    pub async fn save_import(
        &self,
        outcome: MergeOutcome,
        new_plan: bool,
    ) -> Result<(), ActionError> {
        self.session().await?.save_import(outcome, new_plan).await
    }

    /// Applies one user action to the open plan and saves what it touched.
    pub async fn apply(
        &self,
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> + 'static,
    ) -> Result<Touched, ActionError> {
        self.session()
            .await?
            .apply_checked(&[], Box::new(verb))
            .await
    }

    /// Makes a change a person can take back ("Goal deleted", see
    /// [`Session::apply_undoable`](crate::session::Session::apply_undoable)) from a screen's
    /// button: once it is saved `then` runs (closing an editor, leaving a deleted goal's page);
    /// if it is refused or not saved, the reason goes to the screen's `error`, where the person
    /// is looking.
    pub fn change_with_undo(
        &self,
        label: &'static str,
        error: RwSignal<Option<String>>,
        then: impl FnOnce() + 'static,
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> + 'static,
    ) {
        let ws = *self;
        spawn_local(async move {
            let result = match ws.session().await {
                Ok(session) => session.apply_undoable(label, Box::new(verb)).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(_) => then(),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    }

    /// Takes back the last undoable change.
    pub async fn undo(&self) -> Result<Touched, ActionError> {
        self.session().await?.undo().await
    }

    /// The Undo offer closed.
    pub fn dismiss_undo(&self) {
        match self.session_now() {
            Some(s) => s.dismiss_undo(),
            None => self.undo.set(None),
        }
    }

    /// Like [`apply`](Self::apply), but refuses with [`ActionError::ChangedElsewhere`] when any
    /// of `based_on` (record id, revision the editor started from) has been saved since.
    pub async fn apply_checked(
        &self,
        based_on: &[(Uuid, u64)],
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> + 'static,
    ) -> Result<Touched, ActionError> {
        self.session()
            .await?
            .apply_checked(based_on, Box::new(verb))
            .await
    }

    /// After [`ActionError::ChangedElsewhere`], "Keep my version": the person's change made
    /// again on the newer version (see
    /// [`Session::keep_mine`](crate::session::Session::keep_mine)).
    pub async fn keep_mine(&self, verb: impl Verb + 'static) -> Result<Touched, ActionError> {
        self.session().await?.keep_mine(Box::new(verb)).await
    }

    /// After [`ActionError::ChangedElsewhere`], "Use the other version": the change is
    /// dropped and the plan shown as stored now (see
    /// [`Session::use_theirs`](crate::session::Session::use_theirs)).
    pub async fn use_theirs(&self) -> Result<(), ActionError> {
        self.session().await?.use_theirs().await
    }
}

/// The Clients screen's calls (see the session's methods of the same names).
impl Workspace {
    pub async fn plan_facts(
        &self,
    ) -> std::collections::HashMap<PlanId, crate::core::practice::PlanFacts> {
        match self.session().await {
            Ok(s) => s.plan_facts().await,
            Err(_) => Default::default(),
        }
    }

    pub async fn apply_to(
        &self,
        id: PlanId,
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> + 'static,
    ) -> Result<Touched, ActionError> {
        self.session().await?.apply_to(id, Box::new(verb)).await
    }

    pub async fn delete_plan(&self, id: PlanId) -> Result<(), ActionError> {
        self.session().await?.delete_plan(id).await
    }

    pub async fn update_from_template(&self, template: PlanId) -> Result<Vec<Plan>, ActionError> {
        self.session().await?.update_from_template(template).await
    }
}

/// What the browser says about its storage, for Settings: these calls stay behind the
/// workspace (whether plans were cleared is the session's, through its store).
impl Workspace {
    /// Whether the browser keeps this site's storage even when short of space (`None`: it
    /// would not say).
    pub async fn storage_protected(&self) -> Option<bool> {
        device::is_persisted().await.ok()
    }

    /// Whether this browser can be asked to keep the data at all (WebKit cannot).
    pub fn storage_safety(&self) -> crate::core::backup::StorageSafety {
        device::storage_safety()
    }

    /// `(used, available)` bytes, as the browser estimates them.
    pub async fn storage_estimate(&self) -> Option<(u64, u64)> {
        device::storage_estimate().await.ok()
    }

    /// The person chose to begin again after the browser cleared their plans: from now on
    /// an empty store is simply new.
    pub fn forget_cleared_plans(&self) {
        if let Some(session) = self.session_now() {
            session.forget_cleared_plans();
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
