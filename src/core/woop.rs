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
use super::limits;
use super::meta::Meta;
use super::record::{check_groups, record, titled, Group};
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
