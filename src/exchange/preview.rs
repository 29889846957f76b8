//! What an import will do, for the user to see before anything is stored.

use super::format::{FileKind, PlanFile};
use super::merge::{merge_import, MergeSummary};
use crate::core::{Author, Plan};
use chrono::{DateTime, Utc};

/// Where the file's plan will go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// No plan with this id on this device: the file becomes a new plan.
    NewPlan,
    /// Merged into the plan with the same id.
    Merge,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    pub target: ImportTarget,
    pub file_kind: FileKind,
    pub exported_at: DateTime<Utc>,
    pub exported_by: Author,
    /// The plan's title after the import.
    pub plan_title: String,
    /// Counts per record kind and a short list of titles: added, changed, kept.
    pub summary: MergeSummary,
}

impl ImportPreview {
    /// True when the file holds nothing this device does not already have.
    pub fn nothing_to_do(&self) -> bool {
        self.target == ImportTarget::Merge && self.summary.is_noop()
    }
}

/// Says what importing `incoming` would add, change and keep. Pass the local plan with the
/// same id as `incoming.plan` if there is one (another plan is ignored). Stores nothing; the
/// same merge runs again when the user confirms (`merge::merge_import`).
pub fn preview(local: Option<&Plan>, incoming: &PlanFile) -> ImportPreview {
    let target = match local {
        Some(l) if l.id() == incoming.plan.id() => ImportTarget::Merge,
        _ => ImportTarget::NewPlan,
    };
    let outcome = merge_import(local, incoming);
    ImportPreview {
        target,
        file_kind: incoming.kind,
        exported_at: incoming.exported_at,
        exported_by: incoming.exported_by,
        plan_title: outcome.plan.title.clone(),
        summary: outcome.summary,
    }
}
