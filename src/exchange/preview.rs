//! What an import will do, for the user to see before anything is stored.

use super::format::{FileKind, PlanFile};
use super::identity::{Mismatch, Placement, Route};
use super::merge::merge_import;
use crate::core::merge::MergeSummary;
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
    /// Where the file goes, in terms of plan identity (see `identity::route`).
    pub placement: Placement,
    pub file_kind: FileKind,
    pub exported_at: DateTime<Utc>,
    pub exported_by: Author,
    /// The plan's title after the import (the first plan's, when a template updates several).
    pub plan_title: String,
    /// Whom the plan is for, after the import, when it says.
    pub client: Option<String>,
    /// The titles of every plan the import writes (more than one when a template's revision
    /// updates several plans made from it).
    pub plan_titles: Vec<String>,
    /// Set when the file's id is held here by evidently someone else's plan.
    pub mismatch: Option<Mismatch>,
    /// Counts per record kind and a short list of titles: added, changed, kept (for the first
    /// plan the import writes).
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
        placement: match target {
            ImportTarget::NewPlan => Placement::NewPlan,
            ImportTarget::Merge => Placement::Merge,
        },
        file_kind: incoming.kind,
        exported_at: incoming.exported_at,
        exported_by: incoming.exported_by,
        plan_title: outcome.plan.title.clone(),
        client: outcome.plan.client_name().map(str::to_owned),
        plan_titles: vec![outcome.plan.title.clone()],
        mismatch: None,
        summary: outcome.summary,
    }
}

/// The preview of a routed import (`identity::route`): the first target's counts, every
/// target plan's title, whom the plan is for, and the mismatch if there is one.
pub fn preview_route(file: &PlanFile, route: &Route) -> ImportPreview {
    let mut targets = route.targets.iter().map(|t| {
        let outcome = t.merge(file);
        (t.local.is_some(), outcome)
    });
    let (merge, first) = match targets.next() {
        Some(x) => x,
        // `route` always names at least one plan; an empty route previews the file as it is.
        None => return preview(None, file),
    };
    let mut titles = vec![first.plan.title.clone()];
    titles.extend(targets.map(|(_, o)| o.plan.title));
    ImportPreview {
        target: if merge {
            ImportTarget::Merge
        } else {
            ImportTarget::NewPlan
        },
        placement: route.placement,
        file_kind: file.kind,
        exported_at: file.exported_at,
        exported_by: file.exported_by,
        plan_title: first.plan.title.clone(),
        client: first.plan.client_name().map(str::to_owned),
        plan_titles: titles,
        mismatch: route.mismatch.clone(),
        summary: first.summary,
    }
}
