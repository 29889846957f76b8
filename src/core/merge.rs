//! The merge of two copies of a plan, record by record and field by field: the laws that make
//! it safe live here, next to the record rules they depend on (`Record::groups` says which
//! fields a rule ties together; `meta.rs` keeps the field clocks). `exchange::merge` applies it
//! to plan files.
//!
//! The rule (documented in `docs/FILE_FORMAT.md`, "Merging"): records are matched by id.
//! Records only on one side are kept: nothing is ever dropped, so measurements, check-ins and
//! reflections (append-only) are the union of both sides. For an id on both sides:
//! - If either version is a tombstone, one whole version wins, the greater under the total
//!   order (deleted, `meta.updated_at`, `meta.updated_by` with the coach ahead of the client,
//!   the serialised bytes): a tombstone outranks every live version, so a deletion is never
//!   undone by an edit from a copy that had not seen it.
//! - Two live versions are joined field by field (`join`), by the field clocks in `Meta`:
//!   per group of fields the later group time wins, a tie goes to the greater serialised
//!   values. Fields that one of the record's rules ties together (`Record::groups`: a goal's
//!   start and target dates; a KPI's baseline, target and direction; a review's period; the
//!   whole check-in schedule) come whole from one side, so the merged record keeps every rule
//!   (checked after the join; see `join`). So when the coach moves a goal's target date and
//!   the client rewrites its "why", both survive. A record edited before field clocks existed
//!   has all its fields at its `updated_at`, so it merges as a whole by `updated_at` (on an
//!   exact tie, group by group).
//!
//! Per group, the merge takes the maximum of a total order and the clocks are per-field maxima;
//! the tombstone rule sits above that as a lexicographic first key. So the merge is commutative,
//! associative and idempotent (`tests/core_merge.rs` for records, `tests/exchange_props.rs`
//! for whole plans through files).
//!
//! The merged plan keeps the local plan's stored revisions, so `changed_documents` can go
//! into a `ChangeSet` as it is, and `plan.to_documents()` into `Store::replace_plan`.

use super::document::{DocKind, Document};
use super::meta::{Author, Meta};
use super::plan::{Plan, PlanKind};
use super::record::Record;
use super::sorting::sort;
use super::touched::Touched;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use uuid::Uuid;

/// Most titles listed per section of a summary.
pub const MAX_TITLES: usize = 8;

/// What happens to one kind of record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCount {
    pub kind: DocKind,
    /// "goal", "milestone", ... (singular; the UI pluralises).
    pub noun: &'static str,
    /// In the file, not on this device: will be added.
    pub added: usize,
    /// On both, and the merged record differs from this device's copy: the file brings newer
    /// fields (all of them, or some, merged with newer ones of this device's).
    pub changed: usize,
    /// On both, the file's version differs but brings nothing newer (or loses the tie): this
    /// device's copy stays as it is.
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

/// Merges `incoming` into `local`, or takes `incoming` as a new plan when there is no local
/// one. The result's content does not depend on the order of the arguments; its revisions are
/// `local`'s. The caller checks that both are the same plan.
pub fn merge_plans(local: Option<&Plan>, incoming: &Plan) -> MergeOutcome {
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

    // The header (title, kind, archived, client, ...) travels with the plan's meta.
    let local_header = (!acc.new_plan).then(|| local.header());
    let won = acc.one(local_header.as_ref(), Some(&incoming.header()));
    if let Some(h) = won {
        plan.set_header(h);
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
    plan.woops = acc.list(&local.woops, &incoming.woops);
    plan.interest_profiles = acc.list(&local.interest_profiles, &incoming.interest_profiles);
    plan.grow_notes = acc.list(&local.grow_notes, &incoming.grow_notes);
    plan.normalize();

    MergeOutcome {
        plan,
        summary: acc.summary,
        touched: acc.touched,
    }
}

fn rank(a: Author) -> u8 {
    match a {
        Author::Client => 0,
        Author::Coach => 1,
    }
}

/// Ranks two versions of one record as a whole; the greater wins. Used when either is a
/// tombstone (a tombstone outranks every live version).
fn order<T: Serialize>(a: &T, am: &Meta, b: &T, bm: &Meta) -> Ordering {
    (am.deleted, am.updated_at, rank(am.updated_by))
        .cmp(&(bm.deleted, bm.updated_at, rank(bm.updated_by)))
        .then_with(|| bytes(a).cmp(&bytes(b)))
}

fn bytes<T: Serialize>(r: &T) -> Vec<u8> {
    serde_json::to_vec(r).unwrap_or_default()
}

/// The field-wise join of two live versions of one record (same id). Per group of fields
/// (`Record + PartialEq::GROUPS`, every other field a group of its own) the side whose group time (the
/// latest clock of its fields) is later wins the whole group; on equal times the greater
/// serialised group values win, so the choice is the maximum of a total order per group and
/// does not depend on which side is which. The merged clocks are the per-field maxima, so a
/// group's time in the result is the winner's, which makes the join associative. Merged meta:
/// earliest `created_at`, latest `updated_at` and its author (the coach on a tie).
fn join<T: Record + PartialEq>(a: &T, b: &T) -> T {
    use serde_json::{Map, Value};
    let (Ok(Value::Object(va)), Ok(Value::Object(vb))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return whole(a, b);
    };
    let (ma, mb) = (a.meta(), b.meta());
    let mut fields: Vec<String> = va
        .keys()
        .chain(vb.keys())
        .filter(|k| *k != "meta")
        .cloned()
        .collect();
    sort(&mut fields);
    fields.dedup();

    let mut out = Map::new();
    let mut done = std::collections::BTreeSet::new();
    let groups = T::groups()
        .into_iter()
        .map(|g| g.iter().map(|f| (*f).to_owned()).collect::<Vec<String>>())
        .chain(fields.iter().map(|f| vec![f.clone()]));
    for group in groups {
        let group: Vec<String> = group
            .into_iter()
            .filter(|f| fields.contains(f) && !done.contains(f))
            .collect();
        if group.is_empty() {
            continue;
        }
        let time = |m: &Meta| group.iter().map(|f| m.field_time(f)).max();
        let values = |v: &Map<String, Value>| -> Vec<Value> {
            group
                .iter()
                .map(|f| v.get(f).cloned().unwrap_or(Value::Null))
                .collect()
        };
        let (xa, xb) = (values(&va), values(&vb));
        let a_wins = (time(ma), bytes(&xa)) >= (time(mb), bytes(&xb));
        for (f, v) in group.iter().zip(if a_wins { xa } else { xb }) {
            out.insert(f.clone(), v);
            done.insert(f.clone());
        }
    }

    let later = (ma.updated_at, rank(ma.updated_by)) >= (mb.updated_at, rank(mb.updated_by));
    let mut meta = Meta {
        id: ma.id,
        created_at: ma.created_at.min(mb.created_at),
        // The first writer's offset; of one moment written twice, the known (or larger) one,
        // so the merge stays symmetric.
        written_offset: match ma.created_at.cmp(&mb.created_at) {
            std::cmp::Ordering::Less => ma.written_offset,
            std::cmp::Ordering::Greater => mb.written_offset,
            std::cmp::Ordering::Equal => ma.written_offset.max(mb.written_offset),
        },
        updated_at: ma.updated_at.max(mb.updated_at),
        updated_by: if later { ma.updated_by } else { mb.updated_by },
        deleted: false,
        field_times: Default::default(),
    };
    meta.set_field_times(
        fields
            .iter()
            .map(|f| (f.clone(), ma.field_time(f).max(mb.field_time(f))))
            .collect(),
    );
    out.insert(
        "meta".to_owned(),
        serde_json::to_value(&meta).unwrap_or(Value::Null),
    );
    match serde_json::from_value::<T>(Value::Object(out)) {
        Ok(merged) if merged.validate().is_ok() => merged,
        // Cannot happen: every rule a record's `validate` applies ties together only fields of
        // one group, and each group comes whole from a valid version. Should it happen anyway,
        // the whole-record winner is kept, so the merged plan is still valid.
        _ => {
            debug_assert!(false, "a field-wise merge gave an invalid {}", T::NOUN);
            whole(a, b)
        }
    }
}

/// The whole-record winner under `order`.
fn whole<T: Record + PartialEq>(a: &T, b: &T) -> T {
    if order(a, a.meta(), b, b.meta()) == Ordering::Less {
        b.clone()
    } else {
        a.clone()
    }
}

/// One record's merge: a tombstone on either side makes it a whole-record choice (deleted
/// first); two live versions are joined field by field.
pub fn merge_record<T: Record + PartialEq>(a: &T, b: &T) -> T {
    if a == b {
        a.clone()
    } else if a.meta().deleted || b.meta().deleted {
        whole(a, b)
    } else {
        join(a, b)
    }
}

#[derive(Default)]
struct Acc {
    summary: MergeSummary,
    touched: Touched,
    /// What `touched` holds, for a constant-time "already there?" (`Touched::add` scans the
    /// list, which made merging a 15,000-record file quadratic).
    touched_seen: std::collections::HashSet<(DocKind, Uuid)>,
    new_plan: bool,
}

enum Outcome {
    Added,
    Changed,
    Kept,
    Unchanged,
}

impl Acc {
    fn count<T: Record + PartialEq>(&mut self, r: &T, outcome: Outcome) {
        self.count_named(r, r, outcome);
    }

    /// Counts `r`; a summary names it by `named` (this device's live copy of a record the
    /// file deletes: a tombstone has no title of its own).
    fn count_named<T: Record + PartialEq>(&mut self, r: &T, named: &T, outcome: Outcome) {
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
            let label = match (r.meta().deleted, named.meta().deleted) {
                (false, _) => named.label(),
                (true, false) => format!("{} (deleted)", named.label()),
                (true, true) => format!("A deleted {}", T::NOUN),
            };
            titles.push(label);
        }
        if matches!(outcome, Outcome::Added | Outcome::Changed)
            && self.touched_seen.insert((T::KIND, r.meta().id))
        {
            self.touched.records.push((T::KIND, r.meta().id));
        }
    }

    /// The winner of two optional versions of one record.
    fn one<T: Record + PartialEq>(&mut self, local: Option<&T>, incoming: Option<&T>) -> Option<T> {
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

    /// The merge of two versions of one record, counted: "changed" when the result differs
    /// from the local version (the file brings something newer), "kept" when it is the local
    /// version and the file's differs (the local one has something newer the file lacks).
    fn pick<T: Record + PartialEq>(&mut self, l: &T, i: &T) -> T {
        let merged = merge_record(l, i);
        let outcome = if merged != *l {
            Outcome::Changed
        } else if merged != *i {
            Outcome::Kept
        } else {
            Outcome::Unchanged
        };
        let named = if merged.meta().deleted { l } else { &merged };
        self.count_named(&merged, named, outcome);
        merged
    }

    /// Union by id; the winner for ids on both sides.
    fn list<T: Record + PartialEq>(&mut self, local: &[T], incoming: &[T]) -> Vec<T> {
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
