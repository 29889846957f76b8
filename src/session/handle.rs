//! The session as the app's screens reach it: one object-safe trait, so the browser can hold an
//! opened session as `Rc<dyn Handle>`. The release build moves the code that opens the store
//! and reads a plan out of the first download (`ui::state::opening`): that only works if the
//! code the first screen runs never names a session method, and a call through this trait is
//! an indirect call, naming none. Every method is the [`Session`] method of the same name.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures::future::LocalBoxFuture;
use uuid::Uuid;

use super::{ActionError, Session, Shown};
use crate::core::ids::PlanId;
use crate::core::merge::MergeOutcome;
use crate::core::practice::PlanFacts;
use crate::core::sample::sample_plan;
use crate::core::{Author, CoreError, Plan, PlanKind, Touched};
use crate::store::{RemoteChange, Store};

/// A verb made by a screen, boxed so one copy of the session's code serves every verb.
pub type BoxedVerb =
    Box<dyn FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError>>;

type Answer<'a, T> = LocalBoxFuture<'a, Result<T, ActionError>>;

/// The plan a person starts on the first screen. Made by the session, not the screen, so the
/// first screen carries none of the code that builds a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewPlan {
    /// Their own plan, with the name they gave it.
    Own(String),
    /// The sample plan (Maya, a teacher moving into UX research).
    Sample,
}

pub trait Handle {
    fn start(&self) -> LocalBoxFuture<'_, ()>;
    fn forget_cleared_plans(&self);
    fn open_plan(&self, id: PlanId) -> Answer<'_, ()>;
    fn stored_plan(&self, id: PlanId) -> Answer<'_, Option<Plan>>;
    fn add_plan(&self, plan: Plan) -> Answer<'_, ()>;
    fn start_plan(&self, new: NewPlan) -> Answer<'_, ()>;
    fn save_import(&self, outcome: MergeOutcome, new_plan: bool) -> Answer<'_, ()>;
    fn apply_checked<'a>(
        &'a self,
        based_on: &'a [(Uuid, u64)],
        verb: BoxedVerb,
    ) -> Answer<'a, Touched>;
    fn apply_undoable<'a>(&'a self, label: &'a str, verb: BoxedVerb) -> Answer<'a, Touched>;
    fn undo(&self) -> Answer<'_, Touched>;
    fn dismiss_undo(&self);
    fn prepare_working_copy(&self);
    fn keep_mine(&self, verb: BoxedVerb) -> Answer<'_, Touched>;
    fn use_theirs(&self) -> Answer<'_, ()>;
    fn plan_facts(&self) -> LocalBoxFuture<'_, HashMap<PlanId, PlanFacts>>;
    fn apply_to(&self, id: PlanId, verb: BoxedVerb) -> Answer<'_, Touched>;
    fn delete_plan(&self, id: PlanId) -> Answer<'_, ()>;
    fn update_from_template(&self, template: PlanId) -> Answer<'_, Vec<Plan>>;
    fn on_remote_change(&self, change: RemoteChange) -> LocalBoxFuture<'_, ()>;
}

impl<S: Store, V: Shown> Handle for Session<S, V> {
    fn start(&self) -> LocalBoxFuture<'_, ()> {
        Box::pin(Session::start(self))
    }
    fn forget_cleared_plans(&self) {
        Session::forget_cleared_plans(self)
    }
    fn open_plan(&self, id: PlanId) -> Answer<'_, ()> {
        Box::pin(Session::open_plan(self, id))
    }
    fn stored_plan(&self, id: PlanId) -> Answer<'_, Option<Plan>> {
        Box::pin(Session::stored_plan(self, id))
    }
    fn add_plan(&self, plan: Plan) -> Answer<'_, ()> {
        Box::pin(Session::add_plan(self, plan))
    }
    fn start_plan(&self, new: NewPlan) -> Answer<'_, ()> {
        Box::pin(Session::start_plan(self, new))
    }
    fn save_import(&self, outcome: MergeOutcome, new_plan: bool) -> Answer<'_, ()> {
        Box::pin(Session::save_import(self, outcome, new_plan))
    }
    fn apply_checked<'a>(
        &'a self,
        based_on: &'a [(Uuid, u64)],
        verb: BoxedVerb,
    ) -> Answer<'a, Touched> {
        Box::pin(Session::apply_checked(self, based_on, verb))
    }
    fn apply_undoable<'a>(&'a self, label: &'a str, verb: BoxedVerb) -> Answer<'a, Touched> {
        Box::pin(Session::apply_undoable(self, label, verb))
    }
    fn undo(&self) -> Answer<'_, Touched> {
        Box::pin(Session::undo(self))
    }
    fn dismiss_undo(&self) {
        Session::dismiss_undo(self)
    }
    fn prepare_working_copy(&self) {
        Session::prepare_working_copy(self)
    }
    fn keep_mine(&self, verb: BoxedVerb) -> Answer<'_, Touched> {
        Box::pin(Session::keep_mine(self, verb))
    }
    fn use_theirs(&self) -> Answer<'_, ()> {
        Box::pin(Session::use_theirs(self))
    }
    fn plan_facts(&self) -> LocalBoxFuture<'_, HashMap<PlanId, PlanFacts>> {
        Box::pin(Session::plan_facts(self))
    }
    fn apply_to(&self, id: PlanId, verb: BoxedVerb) -> Answer<'_, Touched> {
        Box::pin(Session::apply_to(self, id, verb))
    }
    fn delete_plan(&self, id: PlanId) -> Answer<'_, ()> {
        Box::pin(Session::delete_plan(self, id))
    }
    fn update_from_template(&self, template: PlanId) -> Answer<'_, Vec<Plan>> {
        Box::pin(Session::update_from_template(self, template))
    }
    fn on_remote_change(&self, change: RemoteChange) -> LocalBoxFuture<'_, ()> {
        Box::pin(Session::on_remote_change(self, change))
    }
}

impl<S: Store, V: Shown> Session<S, V> {
    /// Makes, saves and opens the plan a person starts on the first screen.
    pub async fn start_plan(&self, new: NewPlan) -> Result<(), ActionError> {
        let now = (self.clock)();
        let plan = match new {
            NewPlan::Own(title) => {
                Plan::new(title.trim(), PlanKind::ClientPlan, now, self.prefs.role())?
            }
            NewPlan::Sample => sample_plan(now)?,
        };
        self.add_plan(plan).await
    }
}
