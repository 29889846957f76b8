//! WOOP (mental contrasting with implementation intentions, Oettingen): for one goal the client
//! names the Wish, the best Outcome, the inner Obstacle in the way, and a Plan for that obstacle
//! as an if-then ("If <obstacle>, then I will <plan>"). Contrasting the outcome with the
//! obstacle, then planning for the obstacle, is what makes follow-through more likely
//! (Gollwitzer & Sheeran 2006, d ≈ 0.65 for if-then plans). The plan can become an action with
//! the same if-then, and the WOOP remembers that action (`action_id`), so the two stay linked.
//!
//! A record kind of its own (`woops` in plan files), written only when a plan has one, so a
//! plan without WOOPs gives a file that earlier builds read. Every answer may be left empty
//! (the flow is skippable), but not all four.

use super::action::{ActionDraft, IfThen};
use super::document::DocKind;
use super::errors::CoreError;
use super::ids::new_id;
use super::limits;
use super::meta::{Author, Meta};
use super::plan::{edit, insert_record, Plan};
use super::record::{check_groups, record, titled, Group, Record};
use super::touched::Touched;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The four answers, as the guided flow fills them in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WoopDraft {
    /// What the client wishes for, in a few words.
    pub wish: String,
    /// The best thing about reaching it, imagined vividly.
    pub outcome: String,
    /// The obstacle in themselves that could hold them back: the "if" of the plan.
    pub obstacle: String,
    /// What they will do when the obstacle shows up: the "then I will" of the plan.
    pub plan: String,
}

impl WoopDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::short("The wish", &self.wish)?;
        limits::long("The best outcome", &self.outcome)?;
        limits::short("The obstacle", &self.obstacle)?;
        limits::short("The plan", &self.plan)?;
        check_groups(self, Self::GROUPS)
    }

    /// The rules that tie fields together (see `Group`): a WOOP says something, so the four
    /// answers merge together (two copies that each emptied a different answer cannot merge
    /// into an empty WOOP).
    pub const GROUPS: &'static [Group<WoopDraft>] = &[Group {
        fields: &["wish", "outcome", "obstacle", "plan"],
        rule: WoopDraft::says_something,
    }];

    fn says_something(&self) -> Result<(), CoreError> {
        if self.is_empty() {
            return Err(CoreError::Required {
                field: "At least one answer",
            });
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        [&self.wish, &self.outcome, &self.obstacle, &self.plan]
            .iter()
            .all(|s| limits::is_blank(s))
    }

    /// The plan as an if-then, when both halves say something.
    pub fn if_then(&self) -> Option<IfThen> {
        let when = self.obstacle.trim();
        let then = self.plan.trim();
        (!limits::is_blank(when) && !limits::is_blank(then)).then(|| IfThen {
            when: when.to_owned(),
            then: then.to_owned(),
        })
    }

    /// The action this WOOP's plan becomes for `goal_id`: titled by what the client will do,
    /// carrying the if-then, rated high impact (it answers the main obstacle) and low effort
    /// (an if-then is one small, ready response), which the client can change afterwards.
    pub fn action_draft(&self, goal_id: Uuid) -> Option<ActionDraft> {
        let if_then = self.if_then()?;
        let mut draft = ActionDraft::new(if_then.then.clone(), 4, 2);
        draft.goal_id = Some(goal_id);
        draft.if_then = Some(if_then);
        Some(draft)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Woop {
    pub meta: Meta,
    pub goal_id: Uuid,
    #[serde(flatten)]
    pub fields: WoopDraft,
    /// The action the plan became, if it did.
    pub action_id: Option<Uuid>,
}

impl Woop {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(Woop, DocKind::Woop, "WOOP", |meta| Woop {
    meta,
    goal_id: Uuid::nil(),
    fields: WoopDraft::default(),
    action_id: None,
},
    label: |r| titled("WOOP", if r.fields.wish.trim().is_empty() { "(no wish)" } else { &r.fields.wish }),
    groups: WoopDraft::GROUPS,
);

impl Plan {
    /// The goal's WOOP: the most recently changed live one (two devices may each have started
    /// one before they met; both are kept, the newer is shown).
    pub fn woop_of(&self, goal_id: Uuid) -> Option<&Woop> {
        self.woops
            .iter()
            .filter(|w| w.meta.is_live() && w.goal_id == goal_id)
            .max_by_key(|w| (w.meta.updated_at, w.meta.id))
    }

    /// Saves the goal's WOOP: a new one, or the answers of the one it has.
    pub fn save_woop(
        &mut self,
        goal_id: Uuid,
        draft: WoopDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("a WOOP")?;
        self.require_goal(goal_id)?;
        draft.check()?;
        if let Some(id) = self.woop_of(goal_id).map(|w| w.meta.id) {
            return edit(&mut self.woops, id, now, by, |w| w.fields = draft);
        }
        let id = new_id();
        let w = Woop {
            meta: Meta::new(id, now, by),
            goal_id,
            fields: draft,
            action_id: None,
        };
        w.validate()?;
        insert_record(&mut self.woops, w);
        Ok(Touched::one(DocKind::Woop, id))
    }

    /// Turns the goal's WOOP plan into an action with its if-then, linked from the WOOP. A WOOP
    /// whose plan already became a live action gives that action back unchanged.
    pub fn woop_to_action(
        &mut self,
        goal_id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let woop = self
            .woop_of(goal_id)
            .ok_or(CoreError::NotFound {
                kind: "WOOP",
                id: goal_id,
            })?
            .clone();
        if let Some(a) = woop.action_id.filter(|a| self.action(*a).is_some()) {
            return Ok(Touched::one(DocKind::Action, a));
        }
        let draft = woop
            .fields
            .action_draft(goal_id)
            .ok_or(CoreError::Required {
                field: "To become an action, the obstacle and the plan",
            })?;
        draft.check()?;
        let touched = self.add_action(draft, now, by)?;
        let action_id = touched.id_of(DocKind::Action);
        let linked = edit(&mut self.woops, woop.meta.id, now, by, |w| {
            w.action_id = action_id
        })?;
        Ok(touched.merge(linked))
    }
}
