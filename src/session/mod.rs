//! The session: the open plan, the plans on this device, and the one way anything changes
//! them. It runs natively against `MemoryStore` (tests/session.rs) and in the browser against
//! `IndexedDbStore`, where `ui::state::Workspace` shows it through Leptos signals.
//!
//! Every write goes through one private commit path ([`Session::commit`]): one user action is
//! one queued commit, taken in turn, so each verb runs on the plan its predecessor saved; a
//! write the store reports durable changes what the screens show, and nothing else does. A
//! refused or failed write leaves both the store and the screens as they were. An edit made
//! on a stale copy is refused ([`ActionError::ChangedElsewhere`]) rather than overwriting a
//! newer one, and then the person chooses: keep mine ([`Session::keep_mine`]) or use theirs
//! ([`Session::use_theirs`]).

use crate::core::sorting::sort_by_key;
use chrono::{DateTime, Utc};
use futures::lock::Mutex;
use uuid::Uuid;

use std::collections::HashMap;

use crate::core::ids::PlanId;
use crate::core::merge::MergeOutcome;
use crate::core::practice::PlanFacts;
use crate::core::{Author, CoreError, DocKind, Document, Plan, PlanKind, Touched};
use crate::exchange::identity::update_from_template;
use crate::store::preferences::Preferences;
use crate::store::{ChangeSet, RemoteChange, Store, StoreError};

pub mod clients;
mod handle;
mod shown;
mod undo;
pub use handle::{BoxedVerb, Handle, NewPlan};
pub use shown::{Shown, ShownCells};

/// Where the session is in opening the plans on this device.
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
    pub id: PlanId,
    pub title: String,
    pub kind: PlanKind,
    pub archived: bool,
    /// Whom a client plan is for, when the coach named them.
    pub client: Option<String>,
    /// The template the plan was started from (an import of its revision merges into it).
    pub from_template: Option<PlanId>,
}

/// "Saving…" / "Saved" / what went wrong. "Saved" only once the store reports the write durable.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum SaveStatus {
    #[default]
    Idle,
    Saving,
    Saved,
    /// The message says what happened and what to do.
    Failed(String),
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
    /// The device's plans could not be opened; the reason is worded for the person.
    #[error("{0}")]
    NotOpened(String),
}

/// A verb on the plan: runs on the session's working copy, says what it touched.
pub trait Verb: FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> {}
impl<F: FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError>> Verb for F {}

/// What one commit writes.
enum Write {
    /// A whole plan (new, or replacing what is stored).
    Whole(Uuid, Vec<Document>),
    /// Records of the open plan, each checked against the revision it was based on.
    Records(Vec<Document>),
}

pub struct Session<S: Store, V: Shown> {
    store: S,
    shown: V,
    prefs: Preferences,
    /// One save at a time, in the order the actions were made.
    queue: Mutex<()>,
    clock: Box<dyn Fn() -> DateTime<Utc>>,
    /// This device's offset from UTC at a moment, noted on the entries it writes; `None`
    /// where it is not known (then entries are written with "Z", as before).
    offset_at: Box<dyn Fn(DateTime<Utc>) -> Option<i32>>,
    /// The last change, as it was before, while Undo is offered (see `undo.rs`).
    undo: std::cell::RefCell<Option<crate::core::undo::Undo>>,
    /// A second copy of the open plan that verbs run on, so an action neither copies nor
    /// frees the whole plan: after a durable write it is shown, and the copy it replaces
    /// catches up with the touched records and becomes the next working copy. A verb or a
    /// write that fails leaves the shown plan untouched and drops this copy (made again
    /// from the shown plan when next needed), so a failure restores exactly.
    /// Empty, or equal to the shown plan: every change of the shown plan empties it first.
    working: std::cell::RefCell<Option<Plan>>,
    /// Counts the changes of the shown plan, so an action can tell whether the plan it
    /// replaces is still the one its working copy was equal to.
    shown_version: std::cell::Cell<u64>,
}

impl<S: Store, V: Shown> Session<S, V> {
    pub fn new(store: S, shown: V, prefs: Preferences) -> Self {
        Self {
            store,
            shown,
            prefs,
            queue: Mutex::new(()),
            clock: Box::new(Utc::now),
            offset_at: Box::new(|_| None),
            undo: std::cell::RefCell::new(None),
            working: std::cell::RefCell::new(None),
            shown_version: std::cell::Cell::new(0),
        }
    }

    /// The same session reading the time from `clock` (tests).
    pub fn with_clock(mut self, clock: impl Fn() -> DateTime<Utc> + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// The same session noting `offset_at` (this device's offset at a moment, in minutes east
    /// of UTC) on the entries it writes.
    pub fn with_offset(mut self, offset_at: impl Fn(DateTime<Utc>) -> i32 + 'static) -> Self {
        self.offset_at = Box::new(move |t| Some(offset_at(t)));
        self
    }

    /// Runs `verb` at the session's time on `plan` and notes this device's offset on the
    /// entries it wrote.
    fn write(&self, plan: &mut Plan, verb: impl Verb) -> Result<Touched, ActionError> {
        let now = (self.clock)();
        let touched = verb(plan, now, self.prefs.role())?;
        if let Some(offset) = (self.offset_at)(now) {
            plan.note_written_offset(&touched, now, offset);
        }
        Ok(touched)
    }

    pub fn shown(&self) -> &V {
        &self.shown
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// Lists the plans on this device and opens the one open last (else the first client
    /// plan). Finding none where plans were saved before means the browser cleared them.
    pub async fn start(&self) {
        self.open_first(self.store.saved_here_before()).await;
    }

    /// The person begins again after the browser cleared their plans (or erased everything):
    /// an empty store is simply new from now on.
    pub fn forget_cleared_plans(&self) {
        self.store.forget_saved_here();
    }

    /// Opens the plan open last, or the first; with none, `cleared` says whether the browser
    /// took them.
    async fn open_first(&self, cleared: bool) {
        if let Err(e) = self.refresh_plan_list().await {
            self.shown.set_load(LoadState::Failed(e.to_string()));
            return;
        }
        let plans = self.shown.plans();
        let chosen = self
            .prefs
            .open_plan()
            .map(PlanId)
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
                    self.shown.set_load(LoadState::Failed(e.to_string()));
                }
            }
            None if cleared => self.shown.set_load(LoadState::Evicted),
            None => self.shown.set_load(LoadState::Empty),
        }
    }

    async fn refresh_plan_list(&self) -> Result<(), ActionError> {
        let headers = self.store.list_plan_headers().await?;
        let mut plans: Vec<PlanSummary> = headers
            .iter()
            .filter_map(|doc| Plan::from_documents(doc.plan_id, std::slice::from_ref(doc)).ok())
            .filter(|p| p.meta.is_live())
            .map(|p| PlanSummary {
                id: PlanId(p.id()),
                title: p.title.clone(),
                kind: p.kind,
                archived: p.archived,
                client: p.client.clone(),
                from_template: p.from_template.map(PlanId),
            })
            .collect();
        sort_by_key(&mut plans, |p| p.title.to_lowercase());
        self.shown.set_plans(plans);
        Ok(())
    }

    /// Opens a plan on this device and remembers it as the one to open next time.
    pub async fn open_plan(&self, id: PlanId) -> Result<(), ActionError> {
        let docs = self.store.load_plan(id.uuid()).await?;
        self.show(Plan::from_documents(id.uuid(), &docs)?);
        Ok(())
    }

    fn show(&self, plan: Plan) {
        self.offer_undo(None);
        self.prefs.set_open_plan(plan.id());
        self.remember_facts(&plan);
        self.set_shown(Some(plan), Touched::none());
        self.shown.set_load(LoadState::Ready);
    }

    fn open_id(&self) -> Option<PlanId> {
        self.shown.with_plan(|p| p.map(|p| PlanId(p.id())))
    }

    /// The stored plan with this id, if this device has it (the open plan as it is shown).
    pub async fn stored_plan(&self, id: PlanId) -> Result<Option<Plan>, ActionError> {
        let open = self
            .shown
            .with_plan(|p| p.filter(|p| p.id() == id.uuid()).cloned());
        if open.is_some() {
            return Ok(open);
        }
        let docs = self.store.load_plan(id.uuid()).await?;
        if docs.is_empty() {
            return Ok(None);
        }
        Ok(Some(Plan::from_documents(id.uuid(), &docs)?))
    }

    /// Saves a whole new plan (first run, the sample plan, a copy of a template) and opens it.
    pub async fn add_plan(&self, mut plan: Plan) -> Result<(), ActionError> {
        {
            let _turn = self.queue.lock().await;
            let revs = self
                .commit(Write::Whole(plan.id(), plan.to_documents()))
                .await?;
            plan.mark_saved_revs(&revs);
        }
        self.refresh_plan_list().await?;
        // The saved plan is already in hand: reading 15k records back would cost a second.
        self.show(plan);
        Ok(())
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
        let puts = outcome.changed_documents();
        let mut plan = outcome.plan;
        {
            let _turn = self.queue.lock().await;
            let revs = self.commit(Write::Records(puts)).await?;
            plan.mark_saved_revs(&revs);
        }
        self.refresh_plan_list().await?;
        self.show(plan);
        Ok(())
    }

    /// Applies one user action to the open plan and saves what it touched.
    pub async fn apply(&self, verb: impl Verb) -> Result<Touched, ActionError> {
        self.apply_checked(&[], verb).await
    }

    /// Like [`apply`](Self::apply), but refuses with [`ActionError::ChangedElsewhere`] when any
    /// of `based_on` (record id, revision the editor started from) has been saved since,
    /// so an edit made on a stale copy never silently overwrites a newer one.
    pub async fn apply_checked(
        &self,
        based_on: &[(Uuid, u64)],
        verb: impl Verb,
    ) -> Result<Touched, ActionError> {
        self.run(based_on, None, verb).await
    }

    /// The one way a verb changes the open plan. With `undo_label`, the records it touched
    /// are kept as they were, in memory, and Undo is offered; any other change withdraws it.
    async fn run(
        &self,
        based_on: &[(Uuid, u64)],
        undo_label: Option<&str>,
        verb: impl Verb,
    ) -> Result<Touched, ActionError> {
        let _turn = self.queue.lock().await;
        let mut next = self.working_copy().ok_or(ActionError::NoPlan)?;
        let version = self.shown_version.get();
        if based_on.iter().any(|(id, rev)| next.rev_of(*id) != *rev) {
            self.keep_working_copy(next);
            return Err(ActionError::ChangedElsewhere);
        }
        // From here until the write is durable, `next` may differ from the shown plan; on
        // any failure it is dropped, so the shown plan is the one stored.
        let touched = self.write(&mut next, verb)?;
        if touched.is_empty() {
            return Ok(touched);
        }
        let revs = self
            .commit(Write::Records(next.documents_for(&touched)))
            .await?;
        next.mark_saved_revs(&revs);
        if touched
            .records
            .iter()
            .any(|&(kind, _)| PlanFacts::depend_on(kind))
        {
            self.remember_facts(&next);
        }
        let undo = undo_label.and_then(|label| {
            self.shown
                .with_plan(|before| before.map(|b| crate::core::undo::Undo::of(label, b, &touched)))
        });
        self.offer_undo(undo);
        let header_changed = touched.id_of(DocKind::Plan).is_some();
        // The plan replaced is the one `next` was copied from unless something else (a plan
        // opened meanwhile) changed the shown plan during the write: then it is let go.
        let untouched_meanwhile = self.shown_version.get() == version;
        let replaced = self.set_shown(Some(next), touched.clone());
        if let Some(mut before) = replaced.filter(|_| untouched_meanwhile) {
            self.shown
                .with_plan(|now| now.map(|now| before.catch_up(now, &touched)));
            self.keep_working_copy(before);
        }
        if header_changed {
            self.refresh_plan_list().await?;
        }
        Ok(touched)
    }

    /// Changes the shown plan (the one way it changes) and hands back the plan it replaced.
    fn set_shown(&self, plan: Option<Plan>, touched: Touched) -> Option<Plan> {
        self.working.borrow_mut().take();
        self.shown_version
            .set(self.shown_version.get().wrapping_add(1));
        self.shown.swap_plan(plan, touched)
    }

    /// The working copy for the next verb: the one kept, else a copy of the shown plan.
    fn working_copy(&self) -> Option<Plan> {
        let kept = self.working.borrow_mut().take();
        kept.or_else(|| self.shown.with_plan(|p| p.cloned()))
    }

    /// Keeps `plan`, equal to the shown plan, as the next working copy.
    fn keep_working_copy(&self, plan: Plan) {
        *self.working.borrow_mut() = Some(plan);
    }

    /// Makes the working copy ahead of the first action (the browser calls this when idle
    /// after opening a plan), so even that action copies nothing.
    pub fn prepare_working_copy(&self) {
        if let Some(plan) = self.working_copy() {
            self.keep_working_copy(plan);
        }
    }

    /// After [`ActionError::ChangedElsewhere`]: make the person's change again on the newer
    /// version (their words win for what the verb sets; everything else stays as the other
    /// tab saved it).
    pub async fn keep_mine(&self, verb: impl Verb) -> Result<Touched, ActionError> {
        self.apply(verb).await
    }

    /// After [`ActionError::ChangedElsewhere`]: drop the person's change and show what is
    /// stored now.
    pub async fn use_theirs(&self) -> Result<(), ActionError> {
        let _turn = self.queue.lock().await;
        self.reload_open_plan().await
    }

    /// The one place the store is written. The caller holds the queue's turn.
    async fn commit(&self, write: Write) -> Result<Vec<(Uuid, u64)>, ActionError> {
        self.shown.set_status(SaveStatus::Saving);
        let result = match write {
            Write::Whole(id, docs) => self.store.replace_plan(id, docs).await,
            Write::Records(puts) => self.store.commit(ChangeSet { puts }).await,
        };
        // The "storage is full" state follows the disk: set by a write that found no space,
        // cleared by the next one that succeeds.
        match &result {
            Ok(_) => self.shown.set_storage_full(false),
            Err(StoreError::QuotaExceeded) => self.shown.set_storage_full(true),
            Err(_) => {}
        }
        match result {
            Ok(revs) => {
                self.shown.set_status(SaveStatus::Saved);
                Ok(revs)
            }
            Err(e) => {
                self.shown.set_status(SaveStatus::Failed(e.to_string()));
                if matches!(e, StoreError::Conflict { .. }) {
                    // Another tab saved first: show its version; this change was not made.
                    if let Err(e) = self.reload_open_plan().await {
                        self.shown.set_status(SaveStatus::Failed(e.to_string()));
                    }
                    return Err(ActionError::ChangedElsewhere);
                }
                Err(e.into())
            }
        }
    }

    async fn reload_open_plan(&self) -> Result<(), ActionError> {
        match self.open_id() {
            Some(id) => self.open_plan(id).await,
            None => Ok(()),
        }
    }

    /// Keeps what the Clients screen shows of a client plan, taken from the plan in hand.
    fn remember_facts(&self, plan: &Plan) {
        if plan.kind == PlanKind::ClientPlan {
            self.prefs.set_plan_facts(plan.id(), &PlanFacts::of(plan));
        }
    }

    /// The facts of every client plan listed, for the Clients screen. Kept when each plan was
    /// last saved or opened, so this reads no plan; one never seen by this version is read
    /// once here.
    pub async fn plan_facts(&self) -> HashMap<PlanId, PlanFacts> {
        let mut out = HashMap::new();
        for p in self.shown.plans() {
            if p.kind != PlanKind::ClientPlan {
                continue;
            }
            let facts = match self.prefs.plan_facts(p.id.uuid()) {
                Some(f) => Some(f),
                None => match self.store.load_plan(p.id.uuid()).await {
                    Ok(docs) => Plan::from_documents(p.id.uuid(), &docs).ok().map(|plan| {
                        let f = PlanFacts::of(&plan);
                        self.prefs.set_plan_facts(p.id.uuid(), &f);
                        f
                    }),
                    Err(_) => None,
                },
            };
            if let Some(f) = facts {
                out.insert(p.id, f);
            }
        }
        out
    }

    /// Applies `verb` to the plan `id`, open or not (the Clients screen archives and restores
    /// plans from its list). The open plan stays the one open.
    pub async fn apply_to(&self, id: PlanId, verb: impl Verb) -> Result<Touched, ActionError> {
        if self.open_id() == Some(id) {
            return self.apply(verb).await;
        }
        let touched = {
            let _turn = self.queue.lock().await;
            let docs = self.store.load_plan(id.uuid()).await?;
            let mut plan = Plan::from_documents(id.uuid(), &docs)?;
            let touched = self.write(&mut plan, verb)?;
            if touched.is_empty() {
                return Ok(touched);
            }
            let revs = self
                .commit(Write::Records(plan.documents_for(&touched)))
                .await?;
            plan.mark_saved_revs(&revs);
            self.remember_facts(&plan);
            touched
        };
        self.refresh_plan_list().await?;
        Ok(touched)
    }

    /// Deletes a plan from this device. When it was the open one, another plan opens (or the
    /// first-run flow, when none is left).
    pub async fn delete_plan(&self, id: PlanId) -> Result<(), ActionError> {
        {
            let _turn = self.queue.lock().await;
            self.store.delete_plan(id.uuid()).await?;
        }
        self.prefs.forget_plan_facts(id.uuid());
        if self.open_id() == Some(id) {
            self.set_shown(None, Touched::none());
            self.open_first(false).await;
        } else {
            self.refresh_plan_list().await?;
        }
        // The person emptied the device on purpose: the next start is a first run, not news
        // that the browser cleared their plans.
        if self.shown.plans().is_empty() {
            self.store.forget_saved_here();
        }
        Ok(())
    }

    /// "Send the latest version": merges the template `template_id` as it is now into every
    /// client plan on this device made from it, keeping each client's work
    /// (`exchange::identity::update_from_template`), and returns those plans as saved, to send.
    pub async fn update_from_template(
        &self,
        template_id: PlanId,
    ) -> Result<Vec<Plan>, ActionError> {
        let template = self
            .stored_plan(template_id)
            .await?
            .ok_or(ActionError::NoPlan)?;
        let made_from: Vec<PlanId> = self
            .shown
            .plans()
            .iter()
            .filter(|p| p.kind == PlanKind::ClientPlan && p.from_template == Some(template_id))
            .map(|p| p.id)
            .collect();
        let mut updated = Vec::new();
        {
            let _turn = self.queue.lock().await;
            for id in made_from {
                let local = match self
                    .shown
                    .with_plan(|p| p.filter(|p| p.id() == id.uuid()).cloned())
                {
                    Some(p) => p,
                    None => {
                        Plan::from_documents(id.uuid(), &self.store.load_plan(id.uuid()).await?)?
                    }
                };
                let outcome =
                    update_from_template(&template, &local, (self.clock)(), self.prefs.role());
                let mut plan = outcome.plan.clone();
                if !outcome.touched.is_empty() {
                    let revs = self
                        .commit(Write::Records(outcome.changed_documents()))
                        .await?;
                    plan.mark_saved_revs(&revs);
                    self.remember_facts(&plan);
                    if self.open_id() == Some(id) {
                        self.set_shown(Some(plan.clone()), outcome.touched);
                    }
                }
                updated.push(plan);
            }
        }
        self.refresh_plan_list().await?;
        Ok(updated)
    }

    /// Another tab (or connection) saved `change`: the plan list follows, and so does the
    /// open plan when it was the one changed, with `last_change` naming what was written.
    pub async fn on_remote_change(&self, change: RemoteChange) {
        let _ = self.refresh_plan_list().await;
        if self.open_id() != Some(PlanId(change.plan_id)) {
            return;
        }
        // Queue behind any save in flight so it is not overtaken by the older copy.
        let _turn = self.queue.lock().await;
        match self.store.load_plan(change.plan_id).await {
            Ok(docs) if docs.is_empty() => {
                self.set_shown(None, Touched::none());
                self.shown.set_load(LoadState::Empty);
            }
            Ok(docs) => match Plan::from_documents(change.plan_id, &docs) {
                Ok(plan) => {
                    self.remember_facts(&plan);
                    let mut touched = Touched::none();
                    for id in &change.ids {
                        if let Some(doc) = docs.iter().find(|d| d.id == *id) {
                            touched.add(doc.kind, doc.id);
                        }
                    }
                    self.set_shown(Some(plan), touched);
                }
                Err(e) => self.shown.set_status(SaveStatus::Failed(e.to_string())),
            },
            Err(e) => self.shown.set_status(SaveStatus::Failed(e.to_string())),
        }
    }
}
