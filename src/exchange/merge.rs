//! Merging an incoming plan into the local one, record by record.
//!
//! The rule (documented in `docs/FILE_FORMAT.md`, "Merging"): records are matched by id; for an
//! id on both sides one whole record wins, chosen by a total order on
//! (deleted, `meta.updated_at`, `meta.updated_by` with the coach ahead of the client, the
//! record's serialised bytes). The records carry one update time, not one per field, so
//! per-record last-writer-wins is the honest granularity. Taking the maximum of a total order
//! makes the merge commutative, associative and idempotent. A tombstone outranks every live
//! version, so a deletion is never undone by an edit from a copy that had not seen it.
//! Records only on one side are kept: nothing is ever dropped, so measurements, check-ins and
//! reflections (append-only) are the union of both sides.
//!
//! The merged plan keeps the local plan's stored revisions, so `changed_documents` can go
//! into a `ChangeSet` as it is, and `plan.to_documents()` into `Store::replace_plan`.

use super::format::PlanFile;
use crate::core::document::{DocKind, Document};
use crate::core::meta::{Author, Meta};
use crate::core::record::Record;
use crate::core::{Plan, PlanKind, Touched};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use uuid::Uuid;

/// Most titles listed per section of a summary.
pub const MAX_TITLES: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("This file holds a different plan ('{incoming}'), so it can't be merged into '{local}'. Import it as a plan of its own instead.")]
    DifferentPlans { local: String, incoming: String },
}

/// What happens to one kind of record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCount {
    pub kind: DocKind,
    /// "goal", "milestone", ... (singular; the UI pluralises).
    pub noun: &'static str,
    /// In the file, not on this device: will be added.
    pub added: usize,
    /// On both, the file's version is newer: this device's copy will be replaced.
    pub changed: usize,
    /// On both, this device's version is newer (or wins the tie): it stays.
    pub kept: usize,
    /// Identical on both, or only on this device: untouched.
    pub unchanged: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// One entry per record kind that occurs on either side, in document order.
    pub kinds: Vec<KindCount>,
    /// Up to `MAX_TITLES` titles of added, changed and kept records ("Goal: Land a UX role").
    pub added_titles: Vec<String>,
    pub changed_titles: Vec<String>,
    pub kept_titles: Vec<String>,
}

impl MergeSummary {
    pub fn added(&self) -> usize {
        self.kinds.iter().map(|k| k.added).sum()
    }
    pub fn changed(&self) -> usize {
        self.kinds.iter().map(|k| k.changed).sum()
    }
    pub fn kept(&self) -> usize {
        self.kinds.iter().map(|k| k.kept).sum()
    }
    /// True when importing would change nothing on this device.
    pub fn is_noop(&self) -> bool {
        self.added() == 0 && self.changed() == 0
    }
}

#[derive(Clone, Debug)]
pub struct MergeOutcome {
    /// The merged plan, carrying the local plan's stored revisions.
    pub plan: Plan,
    pub summary: MergeSummary,
    /// The records that differ from the local plan (added or changed).
    pub touched: Touched,
}

impl MergeOutcome {
    /// The documents to write for this merge, with the revisions the local copy was loaded
    /// with: `ChangeSet { puts: outcome.changed_documents() }`.
    pub fn changed_documents(&self) -> Vec<Document> {
        self.plan.documents_for(&self.touched)
    }
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

pub(crate) fn merge_plans(local: Option<&Plan>, incoming: &Plan) -> MergeOutcome {
    let mut acc = Acc::default();
    let empty;
    let local = match local {
        Some(l) => l,
        None => {
            empty = Plan::empty(incoming.meta.clone(), String::new(), PlanKind::ClientPlan);
            acc.new_plan = true;
            &empty
        }
    };
    let mut plan = local.clone();

    // The header: title, kind and archived travel with the plan's meta.
    let header = |p: &Plan| Header {
        meta: p.meta.clone(),
        title: p.title.clone(),
        kind: p.kind,
        archived: p.archived,
    };
    let local_header = (!acc.new_plan).then(|| header(local));
    let won = acc.one(local_header.as_ref(), Some(&header(incoming)));
    if let Some(h) = won {
        plan.meta = h.meta;
        plan.title = h.title;
        plan.kind = h.kind;
        plan.archived = h.archived;
    }

    plan.profile = acc.one(local.profile.as_ref(), incoming.profile.as_ref());
    plan.schedule = acc.one(local.schedule.as_ref(), incoming.schedule.as_ref());
    plan.assessments = acc.list(&local.assessments, &incoming.assessments);
    plan.goals = acc.list(&local.goals, &incoming.goals);
    plan.milestones = acc.list(&local.milestones, &incoming.milestones);
    plan.actions = acc.list(&local.actions, &incoming.actions);
    plan.kpis = acc.list(&local.kpis, &incoming.kpis);
    plan.measurements = acc.list(&local.measurements, &incoming.measurements);
    plan.checkins = acc.list(&local.checkins, &incoming.checkins);
    plan.reviews = acc.list(&local.reviews, &incoming.reviews);
    plan.reflections = acc.list(&local.reflections, &incoming.reflections);
    plan.adaptations = acc.list(&local.adaptations, &incoming.adaptations);
    plan.normalize();

    MergeOutcome {
        plan,
        summary: acc.summary,
        touched: acc.touched,
    }
}

/// The plan's own record, merged like any other.
#[derive(Clone, PartialEq, Serialize)]
struct Header {
    meta: Meta,
    title: String,
    kind: PlanKind,
    archived: bool,
}

/// Ranks two versions of one record; the greater wins.
fn order<T: Serialize>(a: &T, am: &Meta, b: &T, bm: &Meta) -> Ordering {
    fn author(a: Author) -> u8 {
        match a {
            Author::Client => 0,
            Author::Coach => 1,
        }
    }
    (am.deleted, am.updated_at, author(am.updated_by))
        .cmp(&(bm.deleted, bm.updated_at, author(bm.updated_by)))
        .then_with(|| bytes(a).cmp(&bytes(b)))
}

fn bytes<T: Serialize>(r: &T) -> Vec<u8> {
    serde_json::to_vec(r).unwrap_or_default()
}

/// What the merge needs to know about a record.
pub(crate) trait Mergeable: Serialize + Clone + PartialEq {
    const KIND: DocKind;
    const NOUN: &'static str;
    fn meta(&self) -> &Meta;
    /// A short, human title for summaries.
    fn label(&self) -> String;
}

impl Mergeable for Header {
    const KIND: DocKind = DocKind::Plan;
    const NOUN: &'static str = "plan details";
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn label(&self) -> String {
        format!("Plan: {}", self.title)
    }
}

macro_rules! mergeable {
    ($ty:ty, |$r:ident| $label:expr) => {
        impl Mergeable for $ty {
            const KIND: DocKind = <$ty as Record>::KIND;
            const NOUN: &'static str = <$ty as Record>::NOUN;
            fn meta(&self) -> &Meta {
                Record::meta(self)
            }
            fn label(&self) -> String {
                let $r = self;
                $label
            }
        }
    };
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

fn clip(s: &str, n: usize) -> String {
    crate::core::limits::clip(s.trim().to_owned(), n)
}

use crate::core::{
    action::Action, assessment::NeedsAssessment, checkin::CheckIn, goal::Goal, history::Adaptation,
    journal::Reflection, kpi::Kpi, kpi::Measurement, milestone::Milestone, profile::ClientProfile,
    review::ProgressReview, schedule::CheckInSchedule,
};
mergeable!(ClientProfile, |r| match &r.fields.name {
    Some(n) if !n.trim().is_empty() => format!("Profile: {}", clip(n, 60)),
    _ => "Profile".to_owned(),
});
mergeable!(CheckInSchedule, |_r| "Check-in schedule".to_owned());
mergeable!(NeedsAssessment, |r| format!(
    "Needs assessment of {}",
    r.fields.taken_on
));
mergeable!(Goal, |r| format!("Goal: {}", clip(&r.fields.title, 60)));
mergeable!(Milestone, |r| format!(
    "Milestone: {}",
    clip(&r.fields.title, 60)
));
mergeable!(Action, |r| format!("Action: {}", clip(&r.fields.title, 60)));
mergeable!(Kpi, |r| format!("KPI: {}", clip(&r.fields.name, 60)));
mergeable!(Measurement, |r| format!(
    "Measurement of {}: {}",
    day(r.at),
    r.value
));
mergeable!(CheckIn, |r| format!("Check-in of {}", r.date));
mergeable!(ProgressReview, |r| format!(
    "Review of {} to {}",
    r.fields.from, r.fields.to
));
mergeable!(Reflection, |r| format!(
    "Journal entry of {}",
    day(r.meta.created_at)
));
mergeable!(Adaptation, |r| format!("Change: {}", clip(&r.reason, 60)));

#[derive(Default)]
struct Acc {
    summary: MergeSummary,
    touched: Touched,
    new_plan: bool,
}

enum Outcome {
    Added,
    Changed,
    Kept,
    Unchanged,
}

impl Acc {
    fn count<T: Mergeable>(&mut self, r: &T, outcome: Outcome) {
        let i = match self.summary.kinds.iter().position(|k| k.kind == T::KIND) {
            Some(i) => i,
            None => {
                self.summary.kinds.push(KindCount {
                    kind: T::KIND,
                    noun: T::NOUN,
                    added: 0,
                    changed: 0,
                    kept: 0,
                    unchanged: 0,
                });
                self.summary.kinds.len() - 1
            }
        };
        let k = &mut self.summary.kinds[i];
        let titles = match outcome {
            Outcome::Added => {
                k.added += 1;
                &mut self.summary.added_titles
            }
            Outcome::Changed => {
                k.changed += 1;
                &mut self.summary.changed_titles
            }
            Outcome::Kept => {
                k.kept += 1;
                &mut self.summary.kept_titles
            }
            Outcome::Unchanged => {
                k.unchanged += 1;
                return;
            }
        };
        if titles.len() < MAX_TITLES {
            let label = if r.meta().deleted {
                format!("{} (deleted)", r.label())
            } else {
                r.label()
            };
            titles.push(label);
        }
        if matches!(outcome, Outcome::Added | Outcome::Changed) {
            self.touched.add(T::KIND, r.meta().id);
        }
    }

    /// The winner of two optional versions of one record.
    fn one<T: Mergeable>(&mut self, local: Option<&T>, incoming: Option<&T>) -> Option<T> {
        match (local, incoming) {
            (None, None) => None,
            (Some(l), None) => {
                self.count(l, Outcome::Unchanged);
                Some(l.clone())
            }
            (None, Some(i)) => {
                self.count(i, Outcome::Added);
                Some(i.clone())
            }
            (Some(l), Some(i)) => Some(self.pick(l, i)),
        }
    }

    fn pick<T: Mergeable>(&mut self, l: &T, i: &T) -> T {
        if l == i {
            self.count(l, Outcome::Unchanged);
            return l.clone();
        }
        if order(i, i.meta(), l, l.meta()) == Ordering::Greater {
            self.count(i, Outcome::Changed);
            i.clone()
        } else {
            self.count(l, Outcome::Kept);
            l.clone()
        }
    }

    /// Union by id; the winner for ids on both sides.
    fn list<T: Mergeable>(&mut self, local: &[T], incoming: &[T]) -> Vec<T> {
        let by_id: HashMap<Uuid, &T> = incoming.iter().map(|r| (r.meta().id, r)).collect();
        let mut out = Vec::with_capacity(local.len() + incoming.len());
        let mut seen = std::collections::HashSet::with_capacity(local.len());
        for l in local {
            seen.insert(l.meta().id);
            match by_id.get(&l.meta().id) {
                Some(i) => out.push(self.pick(l, i)),
                None => {
                    self.count(l, Outcome::Unchanged);
                    out.push(l.clone());
                }
            }
        }
        for i in incoming {
            if seen.insert(i.meta().id) {
                self.count(i, Outcome::Added);
                out.push(i.clone());
            }
        }
        out
    }
}
