//! What the screens see of a session. The session keeps it here, once: in plain cells
//! natively ([`ShownCells`], which tests read), in Leptos signals in the browser (so every
//! screen follows a change without a second copy of a 15,000-record plan).

use std::cell::RefCell;

use super::{LoadState, PlanSummary, SaveStatus};
use crate::core::{Plan, Touched};

pub trait Shown {
    /// Reads the open plan without subscribing to it.
    fn with_plan<R>(&self, f: impl FnOnce(Option<&Plan>) -> R) -> R;
    /// The open plan, and what the change that produced it touched (so screens that keep
    /// their own index, like journal search, update exactly those records). Hands back the
    /// plan it replaces: the session keeps it as its working copy, so a 15,000-record plan is
    /// neither copied nor freed per action.
    fn swap_plan(&self, plan: Option<Plan>, touched: Touched) -> Option<Plan>;
    fn plans(&self) -> Vec<PlanSummary>;
    fn set_plans(&self, plans: Vec<PlanSummary>);
    fn set_load(&self, load: LoadState);
    fn set_status(&self, status: SaveStatus);
    /// The last write failed for lack of space. The plan can still be read; each change is
    /// still tried (space may have been freed), and this stays set until one succeeds.
    fn set_storage_full(&self, full: bool);
    /// What the last change was while it can be undone ("Goal deleted"), else `None`.
    fn set_undo(&self, label: Option<String>);
}

/// The session's state in plain cells, for native tests and tools.
#[derive(Debug)]
pub struct ShownCells {
    pub plan: RefCell<Option<Plan>>,
    pub last_change: RefCell<Touched>,
    pub plans: RefCell<Vec<PlanSummary>>,
    pub load: RefCell<LoadState>,
    pub status: RefCell<SaveStatus>,
    pub storage_full: RefCell<bool>,
    pub undo: RefCell<Option<String>>,
}

impl Default for ShownCells {
    fn default() -> Self {
        Self {
            plan: RefCell::new(None),
            last_change: RefCell::new(Touched::none()),
            plans: RefCell::new(Vec::new()),
            load: RefCell::new(LoadState::Loading),
            status: RefCell::new(SaveStatus::Idle),
            storage_full: RefCell::new(false),
            undo: RefCell::new(None),
        }
    }
}

impl Shown for ShownCells {
    fn with_plan<R>(&self, f: impl FnOnce(Option<&Plan>) -> R) -> R {
        f(self.plan.borrow().as_ref())
    }
    fn swap_plan(&self, plan: Option<Plan>, touched: Touched) -> Option<Plan> {
        *self.last_change.borrow_mut() = touched;
        std::mem::replace(&mut *self.plan.borrow_mut(), plan)
    }
    fn plans(&self) -> Vec<PlanSummary> {
        self.plans.borrow().clone()
    }
    fn set_plans(&self, plans: Vec<PlanSummary>) {
        *self.plans.borrow_mut() = plans;
    }
    fn set_load(&self, load: LoadState) {
        *self.load.borrow_mut() = load;
    }
    fn set_status(&self, status: SaveStatus) {
        *self.status.borrow_mut() = status;
    }
    fn set_storage_full(&self, full: bool) {
        *self.storage_full.borrow_mut() = full;
    }
    fn set_undo(&self, label: Option<String>) {
        *self.undo.borrow_mut() = label;
    }
}
