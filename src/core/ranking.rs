//! Which action to do first. High impact and low effort come first, because early wins keep a
//! career change moving.
//!
//! Score = 2 × impact − effort (from −3 to 9). Impact counts double so that a high-impact,
//! high-effort action (5, 5 → 5) still beats a trivial one (1, 1 → 1). Ties go to the action
//! due soonest (no due date last), then to the title (ignoring case), then to the id, which
//! makes the order total: the same actions always come out in the same order.

use super::action::Action;
use super::plan::Plan;
use super::sorting::sort_by;
use std::cmp::Ordering;

pub fn action_score(a: &Action) -> i32 {
    2 * i32::from(a.fields.impact) - i32::from(a.fields.effort)
}

/// The ranking order: `Less` means `a` comes first.
pub fn rank_order(a: &Action, b: &Action) -> Ordering {
    action_score(b)
        .cmp(&action_score(a))
        .then_with(|| match (a.fields.due, b.fields.due) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| {
            a.fields
                .title
                .to_lowercase()
                .cmp(&b.fields.title.to_lowercase())
        })
        .then_with(|| a.fields.title.cmp(&b.fields.title))
        .then_with(|| a.meta.id.cmp(&b.meta.id))
}

pub fn rank_actions(actions: &mut [&Action]) {
    sort_by(actions, |a, b| rank_order(a, b));
}

/// The plan's open actions, best first.
pub fn ranked_open_actions(plan: &Plan) -> Vec<&Action> {
    let mut v: Vec<&Action> = plan.actions.iter().filter(|a| a.is_open()).collect();
    rank_actions(&mut v);
    v
}

/// Impact and effort at or above this (on the 1–5 scales) count as "high" for [`quadrant`].
pub const HIGH_RATING: u8 = 3;

/// Where an action falls on the impact/effort grid, so a client can see at a glance which
/// work pays off: quick wins first, time sinks questioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High impact, low effort: do these first.
    QuickWin,
    /// High impact, high effort: plan them.
    BigBet,
    /// Low impact, low effort: fit them in.
    FillIn,
    /// Low impact, high effort: question them.
    TimeSink,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::BigBet,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "Quick wins",
            Quadrant::BigBet => "Big bets",
            Quadrant::FillIn => "Fill-ins",
            Quadrant::TimeSink => "Time sinks",
        }
    }

    pub fn advice(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "High impact, low effort: do these first.",
            Quadrant::BigBet => "High impact, high effort: plan time for them.",
            Quadrant::FillIn => "Low impact, low effort: fit them in.",
            Quadrant::TimeSink => "Low impact, high effort: worth questioning.",
        }
    }
}

/// Where the grid draws its lines, in words, so "Quick wins" holding an impact of 3 is no surprise.
pub fn quadrant_rule() -> String {
    format!(
        "Impact and effort are rated 1 to 5. {HIGH_RATING} or more counts as high; {} or less as low.",
        HIGH_RATING - 1
    )
}

pub fn quadrant(a: &Action) -> Quadrant {
    let high_impact = a.fields.impact >= HIGH_RATING;
    let high_effort = a.fields.effort >= HIGH_RATING;
    match (high_impact, high_effort) {
        (true, false) => Quadrant::QuickWin,
        (true, true) => Quadrant::BigBet,
        (false, false) => Quadrant::FillIn,
        (false, true) => Quadrant::TimeSink,
    }
}
