//! The plan aggregate: everything one client (or one template) has, and the shared machinery its
//! verbs use. The verbs themselves live next to the record they change (`goal_verbs.rs`,
//! `routine_verbs.rs`, ...) so each file stays about one part of coaching.
//!
//! Invariants kept by every verb: each collection is ordered by (`created_at`, id), so two
//! plans with the same records compare equal however the records arrived; records are never
//! removed, only tombstoned (a tombstone keeps its meta and nothing the person wrote); a verb
//! validates everything before it changes anything, so a refused change leaves the plan as it
//! was.

use super::action::Action;
use super::assessment::NeedsAssessment;
use super::checkin::CheckIn;
use super::document::DocKind;
use super::errors::CoreError;
use super::goal::Goal;
use super::grow::GrowNote;
use super::history::Adaptation;
use super::interests::InterestProfile;
use super::journal::Reflection;
use super::kpi::{Kpi, Measurement};
use super::limits;
use super::meta::{Author, Meta};
use super::milestone::Milestone;
use super::profile::ClientProfile;
use super::record::{record, Record};
use super::review::ProgressReview;
use super::schedule::CheckInSchedule;
use super::sorting::{sort_by, sort_by_key};
use super::touched::Touched;
use super::woop::Woop;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    #[default]
    ClientPlan,
    /// A reusable starting point in a coach's library: no client data, no journal.
    Template,
}

/// The fields of the plan's header record, which carries the plan's `meta`.
pub const HEADER_FIELDS: [&str; 7] = [
    "archived",
    "client",
    "from_template",
    "kind",
    "prompts",
    "starts_on",
    "title",
];

/// The plan's own record, as it is stored and as it travels in plan files (`plan`), and as the
/// merge joins it. The optional fields came after format version 1 was published; missing
/// means "not said", so older files and stored plans still read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanHeader {
    pub meta: Meta,
    pub title: String,
    pub kind: PlanKind,
    pub archived: bool,
    /// Whom a client plan is for, as the coach named them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// The template this plan was started from: a revision of it merges into this plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_template: Option<Uuid>,
    /// Day one of the plan. A template's dates count from its own `starts_on`; a client plan
    /// made from it has every date moved by the days between the two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    /// Journal prompts the coach wrote for this plan (questions only), offered first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<String>,
}

impl PlanHeader {
    fn check(&self) -> Result<(), CoreError> {
        limits::title("The plan's title", &self.title)
    }
}

// The plan's own record merges like any other.
record!(
    PlanHeader,
    DocKind::Plan,
    "plan details",
    |meta| PlanHeader {
        meta,
        title: String::new(),
        kind: PlanKind::default(),
        archived: false,
        client: None,
        from_template: None,
        starts_on: None,
        prompts: Vec::new(),
    },
    label: |r| format!("Plan: {}", r.title),
);

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Plan {
    /// `meta.id` is the plan id; the header document carries this meta.
    pub meta: Meta,
    pub title: String,
    pub kind: PlanKind,
    pub archived: bool,
    /// See [`PlanHeader`] for these four.
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub from_template: Option<Uuid>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub prompts: Vec<String>,
    pub profile: Option<ClientProfile>,
    pub assessments: Vec<NeedsAssessment>,
    pub goals: Vec<Goal>,
    pub milestones: Vec<Milestone>,
    pub actions: Vec<Action>,
    pub kpis: Vec<Kpi>,
    pub measurements: Vec<Measurement>,
    pub schedule: Option<CheckInSchedule>,
    pub checkins: Vec<CheckIn>,
    pub reviews: Vec<ProgressReview>,
    pub reflections: Vec<Reflection>,
    pub adaptations: Vec<Adaptation>,
    /// WOOPs of goals (`woop.rs`). Missing in files and stored plans from before: none.
    #[serde(default)]
    pub woops: Vec<Woop>,
    /// Takes of the interest profile (`interests.rs`). Missing in files and stored plans from
    /// before: none.
    #[serde(default)]
    pub interest_profiles: Vec<InterestProfile>,
    /// GROW coaching-session notes (`grow.rs`). Missing in files and stored plans from before:
    /// none.
    #[serde(default)]
    pub grow_notes: Vec<GrowNote>,
    /// Stored revision of each record, as last loaded or saved. Storage bookkeeping, not
    /// content: it is not serialised and not compared (see `saving.rs`).
    #[serde(skip)]
    pub(crate) revs: HashMap<Uuid, u64>,
}

/// Two plans are equal when their content is; revisions only say what the store has seen.
impl PartialEq for Plan {
    fn eq(&self, o: &Self) -> bool {
        self.meta == o.meta
            && self.title == o.title
            && self.kind == o.kind
            && self.archived == o.archived
            && self.client == o.client
            && self.from_template == o.from_template
            && self.starts_on == o.starts_on
            && self.prompts == o.prompts
            && self.profile == o.profile
            && self.assessments == o.assessments
            && self.goals == o.goals
            && self.milestones == o.milestones
            && self.actions == o.actions
            && self.kpis == o.kpis
            && self.measurements == o.measurements
            && self.schedule == o.schedule
            && self.checkins == o.checkins
            && self.reviews == o.reviews
            && self.reflections == o.reflections
            && self.adaptations == o.adaptations
            && self.woops == o.woops
            && self.interest_profiles == o.interest_profiles
            && self.grow_notes == o.grow_notes
    }
}

impl Plan {
    pub fn new(
        title: &str,
        kind: PlanKind,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Plan, CoreError> {
        Plan::with_id(super::ids::new_id(), title, kind, now, by)
    }

    /// A plan with a given id, for importers and deterministic generators.
    pub fn with_id(
        id: Uuid,
        title: &str,
        kind: PlanKind,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Plan, CoreError> {
        limits::title("The plan's title", title)?;
        limits::instant("The current time", now)?;
        Ok(Plan::empty(Meta::new(id, now, by), title.to_owned(), kind))
    }

    pub(crate) fn empty(meta: Meta, title: String, kind: PlanKind) -> Plan {
        Plan {
            meta,
            title,
            kind,
            archived: false,
            client: None,
            from_template: None,
            starts_on: None,
            prompts: Vec::new(),
            profile: None,
            assessments: Vec::new(),
            goals: Vec::new(),
            milestones: Vec::new(),
            actions: Vec::new(),
            kpis: Vec::new(),
            measurements: Vec::new(),
            schedule: None,
            checkins: Vec::new(),
            reviews: Vec::new(),
            reflections: Vec::new(),
            adaptations: Vec::new(),
            woops: Vec::new(),
            interest_profiles: Vec::new(),
            grow_notes: Vec::new(),
            revs: HashMap::new(),
        }
    }

    pub fn id(&self) -> Uuid {
        self.meta.id
    }

    pub fn header(&self) -> PlanHeader {
        PlanHeader {
            meta: self.meta.clone(),
            title: self.title.clone(),
            kind: self.kind,
            archived: self.archived,
            client: self.client.clone(),
            from_template: self.from_template,
            starts_on: self.starts_on,
            prompts: self.prompts.clone(),
        }
    }

    pub fn set_header(&mut self, h: PlanHeader) {
        self.meta = h.meta;
        self.title = h.title;
        self.kind = h.kind;
        self.archived = h.archived;
        self.client = h.client;
        self.from_template = h.from_template;
        self.starts_on = h.starts_on;
        self.prompts = h.prompts;
    }

    /// Whom the plan is for: the name the coach gave, else the client's own (profile).
    pub fn client_name(&self) -> Option<&str> {
        self.client
            .as_deref()
            .or_else(|| {
                self.profile
                    .as_ref()
                    .filter(|p| p.meta.is_live())
                    .and_then(|p| p.fields.name.as_deref())
            })
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// Names (or renames) the client the plan is for; an empty name clears it.
    pub fn set_client(
        &mut self,
        name: &str,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let name = name.trim();
        let next = if name.is_empty() {
            None
        } else {
            limits::title("The client's name", name)?;
            Some(name.to_owned())
        };
        if self.client != next {
            self.client = next;
            self.stamp_header("client", now, by);
        }
        Ok(Touched::one(DocKind::Plan, self.id()))
    }

    pub fn rename(
        &mut self,
        title: &str,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        limits::title("The plan's title", title)?;
        if self.title != title {
            self.title = title.to_owned();
            self.stamp_header("title", now, by);
        }
        Ok(Touched::one(DocKind::Plan, self.id()))
    }

    /// Archiving hides a finished plan and freezes it; it is the one verb allowed on an
    /// archived plan.
    pub fn set_archived(
        &mut self,
        archived: bool,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        limits::instant("The current time", now)?;
        if self.archived == archived {
            return Ok(Touched::none());
        }
        self.archived = archived;
        self.stamp_header("archived", now, by);
        Ok(Touched::one(DocKind::Plan, self.id()))
    }

    /// Stamps the header's field clock (`title`, `kind`, `archived` travel with the plan's meta).
    fn stamp_header(&mut self, field: &str, now: DateTime<Utc>, by: Author) {
        let all: Vec<String> = HEADER_FIELDS.iter().map(|f| (*f).to_owned()).collect();
        self.meta.stamp(now, by, &[field.to_owned()], &all);
    }

    // ---- queries -------------------------------------------------------------------------

    pub fn goal(&self, id: Uuid) -> Option<&Goal> {
        live(&self.goals, id)
    }

    pub fn kpi(&self, id: Uuid) -> Option<&Kpi> {
        live(&self.kpis, id)
    }

    pub fn action(&self, id: Uuid) -> Option<&Action> {
        live(&self.actions, id)
    }

    pub fn milestone(&self, id: Uuid) -> Option<&Milestone> {
        live(&self.milestones, id)
    }

    pub fn reflection(&self, id: Uuid) -> Option<&Reflection> {
        live(&self.reflections, id)
    }

    /// Goals that are not deleted, high priority first, then oldest first.
    pub fn live_goals(&self) -> Vec<&Goal> {
        let mut v: Vec<&Goal> = self.goals.iter().filter(|g| g.meta.is_live()).collect();
        // Stored order is by id (random), so every tie needs a rule or screens reshuffle.
        sort_by(&mut v, |a, b| {
            a.fields
                .priority
                .cmp(&b.fields.priority)
                .then(a.meta.created_at.cmp(&b.meta.created_at))
                .then_with(|| a.fields.title.cmp(&b.fields.title))
                .then(a.meta.id.cmp(&b.meta.id))
        });
        v
    }

    pub fn kpis_of(&self, goal_id: Uuid) -> impl Iterator<Item = &Kpi> {
        self.kpis
            .iter()
            .filter(move |k| k.meta.is_live() && k.fields.goal_id == goal_id)
    }

    /// A goal's milestones in their chosen order (then by due date).
    pub fn milestones_of(&self, goal_id: Uuid) -> Vec<&Milestone> {
        let mut v: Vec<&Milestone> = self
            .milestones
            .iter()
            .filter(|m| m.meta.is_live() && m.fields.goal_id == goal_id)
            .collect();
        sort_by_key(&mut v, |m| (m.fields.order, m.fields.due, m.meta.id));
        v
    }

    pub fn actions_of(&self, goal_id: Uuid) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(move |a| a.meta.is_live() && a.fields.goal_id == Some(goal_id))
    }

    /// A KPI's live measurements, oldest first.
    pub fn measurements_of(&self, kpi_id: Uuid) -> Vec<&Measurement> {
        let mut v: Vec<&Measurement> = self
            .measurements
            .iter()
            .filter(|m| m.meta.is_live() && m.kpi_id == kpi_id)
            .collect();
        sort_by_key(&mut v, |m| (m.at, m.meta.created_at, m.meta.id));
        v
    }

    /// Puts every collection in canonical order. Verbs keep it; call this after changing the
    /// public collections directly (an import or a merge).
    pub fn normalize(&mut self) {
        sort_records(&mut self.assessments);
        sort_records(&mut self.goals);
        sort_records(&mut self.milestones);
        sort_records(&mut self.actions);
        sort_records(&mut self.kpis);
        sort_records(&mut self.measurements);
        sort_records(&mut self.checkins);
        sort_records(&mut self.reviews);
        sort_records(&mut self.reflections);
        sort_records(&mut self.adaptations);
        sort_records(&mut self.woops);
        sort_records(&mut self.interest_profiles);
        sort_records(&mut self.grow_notes);
    }

    // ---- machinery shared by the verbs ---------------------------------------------------

    /// Every changing verb starts here: an archived plan is frozen, and `now` must be sane.
    pub(crate) fn guard(&self, now: DateTime<Utc>) -> Result<(), CoreError> {
        if self.archived {
            return Err(CoreError::Archived);
        }
        limits::instant("The current time", now)
    }

    /// Client data (profile, journal, check-ins, measurements) has no place in a template.
    pub(crate) fn guard_client_data(&self, what: &'static str) -> Result<(), CoreError> {
        if self.kind == PlanKind::Template {
            return Err(CoreError::NotInTemplate { what });
        }
        Ok(())
    }

    pub(crate) fn require_goal(&self, id: Uuid) -> Result<&Goal, CoreError> {
        self.goal(id)
            .ok_or(CoreError::NotFound { kind: "goal", id })
    }

    pub(crate) fn require_kpi(&self, id: Uuid) -> Result<&Kpi, CoreError> {
        self.kpi(id).ok_or(CoreError::NotFound { kind: "KPI", id })
    }
}

fn key<T: Record>(r: &T) -> (DateTime<Utc>, Uuid) {
    (r.meta().created_at, r.meta().id)
}

pub(crate) fn sort_records<T: Record>(list: &mut [T]) {
    sort_by_key(list, key);
}

/// Inserts keeping the canonical order; new records usually go at the end, which is cheap.
pub(crate) fn insert_record<T: Record>(list: &mut Vec<T>, rec: T) {
    let k = key(&rec);
    let at = list.partition_point(|x| key(x) <= k);
    list.insert(at, rec);
}

pub(crate) fn live<T: Record>(list: &[T], id: Uuid) -> Option<&T> {
    list.iter().find(|r| r.meta().is(id) && r.meta().is_live())
}

/// The position of a live record, or a message naming what is missing.
pub(crate) fn live_index<T: Record>(list: &[T], id: Uuid) -> Result<usize, CoreError> {
    list.iter()
        .position(|r| r.meta().is(id) && r.meta().is_live())
        .ok_or(CoreError::NotFound { kind: T::NOUN, id })
}

/// Tombstones a live record.
pub(crate) fn tombstone<T: Record>(
    list: &mut [T],
    id: Uuid,
    now: DateTime<Utc>,
    by: Author,
) -> Result<Touched, CoreError> {
    let i = live_index(list, id)?;
    erase(&mut list[i], now, by);
    Ok(Touched::one(T::KIND, id))
}

/// Turns a record into its tombstone: deleted at `now` by `by`, and its content erased
/// (`Record::erased`), so what a person deleted is gone and can never be written anywhere.
pub(crate) fn erase<T: Record>(r: &mut T, now: DateTime<Utc>, by: Author) {
    let m = r.meta_mut();
    m.deleted = true;
    m.touch(now, by);
    *r = r.erased();
}

/// Replaces the editable part of a live record after validating it, and stamps the clocks of
/// the fields that changed (an edit that changes nothing leaves the record as it was).
pub(crate) fn edit<T: Record>(
    list: &mut [T],
    id: Uuid,
    now: DateTime<Utc>,
    by: Author,
    apply: impl FnOnce(&mut T),
) -> Result<Touched, CoreError> {
    let i = live_index(list, id)?;
    let mut next = list[i].clone();
    apply(&mut next);
    next.validate()?;
    next.stamp_edit(&list[i], now, by);
    list[i] = next;
    Ok(Touched::one(T::KIND, id))
}
