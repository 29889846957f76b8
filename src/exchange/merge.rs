//! Merging a plan file into the local plan. The merge itself (record by record, field by
//! field, and its laws) is `core::merge`; here only what a file adds: a file of another plan
//! is refused, and an import with no local plan becomes a plan of its own.

use super::format::PlanFile;
use crate::core::merge::{merge_plans, MergeOutcome};
use crate::core::Plan;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("This file holds a different plan ('{incoming}'), so it can't be merged into '{local}'. Import it as a plan of its own instead.")]
    DifferentPlans { local: String, incoming: String },
}

/// Merges `incoming` into `local` (same plan id). The result's content does not depend on the
/// order of the arguments; its revisions are `local`'s.
pub fn merge(local: &Plan, incoming: &Plan) -> Result<MergeOutcome, MergeError> {
    if local.id() != incoming.id() {
        return Err(MergeError::DifferentPlans {
            local: local.title.clone(),
            incoming: incoming.title.clone(),
        });
    }
    Ok(merge_plans(Some(local), incoming))
}

/// What saving an imported file does: a merge into the local plan with the same id, or the
/// file's plan as a new plan when there is none (`local` with another id is ignored).
pub fn merge_import(local: Option<&Plan>, incoming: &PlanFile) -> MergeOutcome {
    merge_plans(
        local.filter(|l| l.id() == incoming.plan.id()),
        &incoming.plan,
    )
}
