//! The goal revision cadence (docs/METHOD.md): at a progress review, every open goal that is
//! behind pace gets the adapt questions — keep it, change the target, change the strategy, or
//! drop it — so revising a goal is a regular, deliberate step rather than a quiet slide. A
//! choice other than "keep" leads into the Adapt form (`Plan::adapt_goal`) with its change
//! chosen and the reason started, so the plan's history says the review prompted it.

use super::goal::{Goal, GoalStatus};
use super::plan::Plan;
use super::progress::{goal_progress, Pace};
use chrono::NaiveDate;

/// What a review decides for a goal behind pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Revision {
    /// Keep the goal as it is: the pace is understood, the plan still holds.
    Keep,
    /// Change the target: the date (or a KPI's target) was not realistic.
    ChangeTarget,
    /// Change the strategy: the goal is right, the way of getting there is not working.
    ChangeStrategy,
    /// Drop the goal: it no longer serves the client.
    Drop,
}

impl Revision {
    pub const ALL: [Revision; 4] = [
        Revision::Keep,
        Revision::ChangeTarget,
        Revision::ChangeStrategy,
        Revision::Drop,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Revision::Keep => "Keep it as it is",
            Revision::ChangeTarget => "Change the target",
            Revision::ChangeStrategy => "Change the strategy",
            Revision::Drop => "Drop it",
        }
    }

    /// The change the Adapt form opens with (its option keys); `None` for keep.
    pub fn adapt_change(self) -> Option<&'static str> {
        match self {
            Revision::Keep => None,
            Revision::ChangeTarget => Some("target_date"),
            Revision::ChangeStrategy => Some("strategy"),
            Revision::Drop => Some("drop"),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Revision::Keep => "keep",
            Revision::ChangeTarget => "target",
            Revision::ChangeStrategy => "strategy",
            Revision::Drop => "drop",
        }
    }

    pub fn of_slug(s: &str) -> Option<Revision> {
        Self::ALL.into_iter().find(|r| r.slug() == s)
    }

    /// The reason the Adapt form starts with, for the client to finish: it names the review,
    /// so the history shows the change came from one.
    pub fn reason(self, reviewed_on: NaiveDate) -> String {
        let day = reviewed_on.format("%-d %b %Y");
        match self {
            Revision::Keep => format!("Behind pace at the review of {day}; kept because "),
            Revision::ChangeTarget => {
                format!("Behind pace at the review of {day}; the target was not realistic because ")
            }
            Revision::ChangeStrategy => {
                format!("Behind pace at the review of {day}; the way I was going about it did not work because ")
            }
            Revision::Drop => {
                format!("Behind pace at the review of {day}; dropped because ")
            }
        }
    }
}

/// The active goals behind pace on `day` (one KPI behind its straight line means the goal is),
/// in the plan's goal order. Paused goals are not expected to move, so they are not asked.
pub fn goals_behind_pace(plan: &Plan, day: NaiveDate) -> Vec<&Goal> {
    plan.live_goals()
        .into_iter()
        .filter(|g| g.status == GoalStatus::Active)
        .filter(|g| goal_progress(plan, g, day).pace == Some(Pace::Behind))
        .collect()
}
