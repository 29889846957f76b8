//! Turning a plan into documents (one per record) and back, and remembering which revision of
//! each record the store holds so that a save names the revision it was based on.
//!
//! Layout: one `DocKind::Plan` header document whose id is the plan id (title, kind, archived
//! and the plan's meta); one document per record, tombstones included, whose id is the
//! record's id (a tombstone's body is `{"meta": ...}` alone, see `record::Written`); the profile and the schedule use ids derived from the plan id
//! (`ids::profile_id`, `ids::schedule_id`), so every device names them alike.
//!
//! Revisions, kept simple: `from_documents` remembers each document's `rev`; `to_documents`
//! and `documents_for` put that remembered revision in `rev` (0 for a record never saved), which
//! is what `ChangeSet` expects. After the store accepts a change set, call
//! `plan.mark_saved(&docs)` with the documents that were written: the store keeps each as
//! `rev + 1`, and so does the plan. (`mark_saved_revs` takes explicit pairs instead.)

use super::document::{DocKind, Document};
use super::errors::CoreError;
use super::ids::{profile_id, schedule_id};
use super::limits;
use super::meta::Meta;
use super::plan::{insert_record, Plan, PlanHeader, PlanKind};
use super::record::{read_record, Record, Written};
use super::touched::Touched;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

fn body<T: Serialize>(value: &T) -> String {
    // The records are plain structs of strings, numbers, dates and lists with string keys
    // only, and numbers are checked finite on the way in, so serialising cannot fail.
    serde_json::to_string(value).expect("plain records always serialise to JSON")
}

impl Plan {
    fn header_doc(&self) -> Document {
        let header = self.header();
        Document {
            plan_id: self.id(),
            id: self.id(),
            kind: DocKind::Plan,
            rev: self.rev_of(self.id()),
            body: body(&header),
        }
    }

    fn doc<T: Record>(&self, r: &T) -> Document {
        Document {
            plan_id: self.id(),
            id: r.meta().id,
            kind: T::KIND,
            rev: self.rev_of(r.meta().id),
            body: body(&Written(r)),
        }
    }

    fn docs<T: Record>(&self, list: &[T], out: &mut Vec<Document>) {
        out.extend(list.iter().map(|r| self.doc(r)));
    }

    /// Every record as a document, the header first.
    pub fn to_documents(&self) -> Vec<Document> {
        let mut out = vec![self.header_doc()];
        if let Some(p) = &self.profile {
            out.push(self.doc(p));
        }
        if let Some(s) = &self.schedule {
            out.push(self.doc(s));
        }
        self.docs(&self.assessments, &mut out);
        self.docs(&self.goals, &mut out);
        self.docs(&self.milestones, &mut out);
        self.docs(&self.actions, &mut out);
        self.docs(&self.kpis, &mut out);
        self.docs(&self.measurements, &mut out);
        self.docs(&self.checkins, &mut out);
        self.docs(&self.reviews, &mut out);
        self.docs(&self.reflections, &mut out);
        self.docs(&self.adaptations, &mut out);
        self.docs(&self.woops, &mut out);
        self.docs(&self.interest_profiles, &mut out);
        self.docs(&self.grow_notes, &mut out);
        out
    }

    /// The documents to save after a verb. Records that are not in the plan are skipped.
    pub fn documents_for(&self, touched: &Touched) -> Vec<Document> {
        touched
            .records
            .iter()
            .filter_map(|&(kind, id)| self.document_of(kind, id))
            .collect()
    }

    fn document_of(&self, kind: DocKind, id: Uuid) -> Option<Document> {
        fn find<T: Record>(list: &[T], id: Uuid) -> Option<&T> {
            list.iter().find(|r| r.meta().is(id))
        }
        match kind {
            DocKind::Plan => (id == self.id()).then(|| self.header_doc()),
            DocKind::Profile => self
                .profile
                .as_ref()
                .filter(|p| p.meta.is(id))
                .map(|p| self.doc(p)),
            DocKind::Schedule => self
                .schedule
                .as_ref()
                .filter(|s| s.meta.is(id))
                .map(|s| self.doc(s)),
            DocKind::Assessment => find(&self.assessments, id).map(|r| self.doc(r)),
            DocKind::Goal => find(&self.goals, id).map(|r| self.doc(r)),
            DocKind::Milestone => find(&self.milestones, id).map(|r| self.doc(r)),
            DocKind::Action => find(&self.actions, id).map(|r| self.doc(r)),
            DocKind::Kpi => find(&self.kpis, id).map(|r| self.doc(r)),
            DocKind::Measurement => find(&self.measurements, id).map(|r| self.doc(r)),
            DocKind::CheckIn => find(&self.checkins, id).map(|r| self.doc(r)),
            DocKind::Review => find(&self.reviews, id).map(|r| self.doc(r)),
            DocKind::Reflection => find(&self.reflections, id).map(|r| self.doc(r)),
            DocKind::Adaptation => find(&self.adaptations, id).map(|r| self.doc(r)),
            DocKind::Woop => find(&self.woops, id).map(|r| self.doc(r)),
            DocKind::InterestProfile => find(&self.interest_profiles, id).map(|r| self.doc(r)),
            DocKind::GrowNote => find(&self.grow_notes, id).map(|r| self.doc(r)),
        }
    }

    /// Notes the writer's offset on the entries a change at `now` created (check-ins, reviews,
    /// reflections, logged values, history), so each is shown on its writer's day later,
    /// wherever and whenever it is read. Entries written earlier keep theirs.
    pub fn note_written_offset(&mut self, touched: &Touched, now: DateTime<Utc>, offset: i32) {
        fn note<T: Record>(list: &mut [T], id: Uuid, now: DateTime<Utc>, offset: i32) {
            if let Some(m) = list
                .iter_mut()
                .map(Record::meta_mut)
                .find(|m| m.is(id) && m.created_at == now && m.written_offset.is_none())
            {
                m.written_offset = Some(offset);
            }
        }
        for &(kind, id) in &touched.records {
            match kind {
                DocKind::Measurement => note(&mut self.measurements, id, now, offset),
                DocKind::CheckIn => note(&mut self.checkins, id, now, offset),
                DocKind::Review => note(&mut self.reviews, id, now, offset),
                DocKind::Reflection => note(&mut self.reflections, id, now, offset),
                DocKind::Adaptation => note(&mut self.adaptations, id, now, offset),
                _ => {}
            }
        }
    }

    /// The revision the store holds for a record, 0 if it was never saved.
    pub fn rev_of(&self, id: Uuid) -> u64 {
        self.revs.get(&id).copied().unwrap_or(0)
    }

    /// Call after the store accepted these documents: each is now stored as `rev + 1`.
    pub fn mark_saved(&mut self, written: &[Document]) {
        for d in written {
            self.revs.insert(d.id, d.rev.saturating_add(1));
        }
    }

    /// Sets stored revisions explicitly, for a store that reports them.
    pub fn mark_saved_revs(&mut self, revs: &[(Uuid, u64)]) {
        self.revs.reserve(revs.len());
        self.revs.extend(revs.iter().copied());
    }

    /// Makes this copy of a plan equal to `from`, revisions included, when the two differ only
    /// in the records `touched` names: the session's working copy catching up with the change
    /// it just saved, without copying the plan's other (up to 15,000) records.
    pub fn catch_up(&mut self, from: &Plan, touched: &Touched) {
        for &(kind, id) in &touched.records {
            match kind {
                DocKind::Plan => self.set_header(from.header()),
                DocKind::Profile => self.profile = from.profile.clone(),
                DocKind::Schedule => self.schedule = from.schedule.clone(),
                DocKind::Assessment => catch_up(&mut self.assessments, &from.assessments, id),
                DocKind::Goal => catch_up(&mut self.goals, &from.goals, id),
                DocKind::Milestone => catch_up(&mut self.milestones, &from.milestones, id),
                DocKind::Action => catch_up(&mut self.actions, &from.actions, id),
                DocKind::Kpi => catch_up(&mut self.kpis, &from.kpis, id),
                DocKind::Measurement => catch_up(&mut self.measurements, &from.measurements, id),
                DocKind::CheckIn => catch_up(&mut self.checkins, &from.checkins, id),
                DocKind::Review => catch_up(&mut self.reviews, &from.reviews, id),
                DocKind::Reflection => catch_up(&mut self.reflections, &from.reflections, id),
                DocKind::Adaptation => catch_up(&mut self.adaptations, &from.adaptations, id),
                DocKind::Woop => catch_up(&mut self.woops, &from.woops, id),
                DocKind::InterestProfile => {
                    catch_up(&mut self.interest_profiles, &from.interest_profiles, id)
                }
                DocKind::GrowNote => catch_up(&mut self.grow_notes, &from.grow_notes, id),
            }
            match from.revs.get(&id) {
                Some(&rev) => self.revs.insert(id, rev),
                None => self.revs.remove(&id),
            };
        }
    }

    /// Rebuilds a plan from its documents, in any order. Every record is checked with the same
    /// rules as the verbs, except that text stored before control characters were refused
    /// still loads (see `is_control_rule` below); a document that cannot be read is an error
    /// that names it, and nothing is half-loaded. References between records (a milestone's
    /// goal) are not required to resolve, so a partly synced plan still opens.
    pub fn from_documents(plan_id: Uuid, docs: &[Document]) -> Result<Plan, CoreError> {
        let mut header: Option<PlanHeader> = None;
        let mut plan = Plan::empty(
            Meta::new(
                plan_id,
                chrono::DateTime::UNIX_EPOCH,
                super::meta::Author::Client,
            ),
            String::new(),
            PlanKind::ClientPlan,
        );
        plan.revs.reserve(docs.len());
        for d in docs {
            if d.plan_id != plan_id {
                return Err(CoreError::corrupt(
                    d.kind,
                    d.id,
                    "it belongs to another plan",
                ));
            }
            if plan.revs.insert(d.id, d.rev).is_some() {
                return Err(CoreError::corrupt(
                    d.kind,
                    d.id,
                    "the same id appears twice",
                ));
            }
            match d.kind {
                DocKind::Plan => {
                    let h: PlanHeader = serde_json::from_str(&d.body)
                        .map_err(|e| CoreError::corrupt(d.kind, d.id, e.to_string()))?;
                    if d.id != plan_id || h.meta.id != plan_id {
                        return Err(CoreError::corrupt(
                            d.kind,
                            d.id,
                            "the header's id is not the plan's id",
                        ));
                    }
                    check_meta(d, &h.meta)?;
                    match limits::title("The plan's title", &h.title) {
                        Err(e) if is_control_rule(&e) => {
                            limits::title("The plan's title", &scrub_text(&h.title))
                        }
                        other => other,
                    }
                    .map_err(|e| CoreError::corrupt(d.kind, d.id, e.to_string()))?;
                    header = Some(h);
                }
                DocKind::Profile => {
                    let p = parse(d)?;
                    if d.id != profile_id(plan_id) {
                        return Err(CoreError::corrupt(
                            d.kind,
                            d.id,
                            "not this plan's profile id",
                        ));
                    }
                    plan.profile = Some(p);
                }
                DocKind::Schedule => {
                    let s = parse(d)?;
                    if d.id != schedule_id(plan_id) {
                        return Err(CoreError::corrupt(
                            d.kind,
                            d.id,
                            "not this plan's schedule id",
                        ));
                    }
                    plan.schedule = Some(s);
                }
                DocKind::Assessment => plan.assessments.push(parse(d)?),
                DocKind::Goal => plan.goals.push(parse(d)?),
                DocKind::Milestone => plan.milestones.push(parse(d)?),
                DocKind::Action => plan.actions.push(parse(d)?),
                DocKind::Kpi => plan.kpis.push(parse(d)?),
                DocKind::Measurement => plan.measurements.push(parse(d)?),
                DocKind::CheckIn => plan.checkins.push(parse(d)?),
                DocKind::Review => plan.reviews.push(parse(d)?),
                DocKind::Reflection => plan.reflections.push(parse(d)?),
                DocKind::Adaptation => plan.adaptations.push(parse(d)?),
                DocKind::Woop => plan.woops.push(parse(d)?),
                DocKind::InterestProfile => plan.interest_profiles.push(parse(d)?),
                DocKind::GrowNote => plan.grow_notes.push(parse(d)?),
            }
        }
        let h = header.ok_or(CoreError::MissingPlanHeader)?;
        plan.set_header(h);
        plan.normalize();
        Ok(plan)
    }
}

/// The record `id` of `to` made as it is in `from`, in its canonical place.
fn catch_up<T: Record>(to: &mut Vec<T>, from: &[T], id: Uuid) {
    let now = from.iter().find(|r| r.meta().is(id));
    let was = to.iter().position(|r| r.meta().is(id));
    match (was, now) {
        (Some(i), Some(r)) if to[i].meta().created_at == r.meta().created_at => to[i] = r.clone(),
        (Some(i), now) => {
            to.remove(i);
            if let Some(r) = now {
                insert_record(to, r.clone());
            }
        }
        (None, Some(r)) => insert_record(to, r.clone()),
        (None, None) => {}
    }
}

fn check_meta(d: &Document, m: &Meta) -> Result<(), CoreError> {
    limits::instant("The creation time", m.created_at)
        .and_then(|_| limits::instant("The update time", m.updated_at))
        .map_err(|e| CoreError::corrupt(d.kind, d.id, e.to_string()))
}

/// Reads one record and checks it is what the document says it is. A tombstone comes back
/// content-free (`read_record`), and has no content to check.
fn parse<T: Record>(d: &Document) -> Result<T, CoreError> {
    let r: T = read_record(&d.body).map_err(|e| CoreError::corrupt(d.kind, d.id, e.to_string()))?;
    if r.meta().id != d.id {
        return Err(CoreError::corrupt(
            d.kind,
            d.id,
            "the record's id differs from the document's",
        ));
    }
    check_meta(d, r.meta())?;
    if r.meta().deleted {
        return Ok(r);
    }
    match r.validate() {
        Err(e) if is_control_rule(&e) => scrubbed(&r)?.validate(),
        other => other,
    }
    .map_err(|e| CoreError::corrupt(d.kind, d.id, e.to_string()))?;
    Ok(r)
}

// ---- stored text from before the control-character rule ----------------------------------------
//
// One-line text refuses control characters and free text refuses all but line breaks and tabs
// (`limits`). Records saved before that rule may hold such characters, and failing one record
// would leave the whole plan unopenable. So loading alone is tolerant of this one rule: a record
// that breaks it is loaded as stored, exactly, provided it passes every other rule; the verbs
// still refuse it, so the next edit of that record asks for the text to be fixed (the message
// names the field), and the importer refuses it too, so such text never comes in from a file.

fn is_control_rule(e: &CoreError) -> bool {
    matches!(
        e,
        CoreError::NotOneLine { .. } | CoreError::ControlCharacter { .. }
    )
}

/// The text with every control character replaced by one that every other rule treats alike:
/// a space for those that are white space (so blank text stays blank), U+FFFD for the rest
/// (visible, like the characters it replaces are not invisible). Lengths in characters stay.
fn scrub_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if !c.is_control() => c,
            c if c.is_whitespace() => ' ',
            _ => '\u{fffd}',
        })
        .collect()
}

fn scrub_value(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::String(s) if s.chars().any(char::is_control) => *s = scrub_text(s),
        Value::Array(items) => items.iter_mut().for_each(scrub_value),
        Value::Object(fields) => fields.values_mut().for_each(scrub_value),
        _ => {}
    }
}

/// A copy of the record with its control characters scrubbed, to check the other rules with.
fn scrubbed<T: Record>(r: &T) -> Result<T, CoreError> {
    let corrupt = |e: serde_json::Error| CoreError::corrupt(T::KIND, r.meta().id, e.to_string());
    let mut v = serde_json::to_value(r).map_err(corrupt)?;
    scrub_value(&mut v);
    serde_json::from_value(v).map_err(corrupt)
}
