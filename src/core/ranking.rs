//! Which action to do first. High impact and low effort come first, because early wins keep a
//! career change moving.
//!
//! Score = 2 × impact − effort (from −3 to 9). Impact counts double so that a high-impact,
//! high-effort action (5, 5 → 5) still beats a trivial one (1, 1 → 1). Ties go to the action
//! due soonest (no due date last), then to the title (ignoring case), then to the id, which
//! makes the order total: the same actions always come out in the same order.

use super::action::Action;
use super::plan::Plan;
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
    actions.sort_by(|a, b| rank_order(a, b));
}

/// The plan's open actions, best first.
pub fn ranked_open_actions(plan: &Plan) -> Vec<&Action> {
    let mut v: Vec<&Action> = plan.actions.iter().filter(|a| a.is_open()).collect();
    rank_actions(&mut v);
    v
}
