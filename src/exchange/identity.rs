//! Which plan on this device a file belongs to (documented in `docs/FILE_FORMAT.md`, "Which
//! plan a file goes into"). Pure: the UI loads the local plans `related` names, calls `route`,
//! shows `preview::preview_route`, and on confirmation saves each target's merge.
//!
//! The rules, in order:
//! 1. A template opened on a client's device becomes the client's own plan: the first time a
//!    new plan with an id of its own that remembers the template (`from_template`); later
//!    (a revision) it merges into every plan on the device made from it, keeping the client's
//!    work (template records map into a plan by `core::copying::id_in_plan`). A plan that an
//!    older Waymark made by opening the template under the template's own id is treated as
//!    made from it.
//! 2. Any other file goes to the plan with its own id: a coach's device finds each client's
//!    plan by its id, so one client's report never lands in another's plan.
//! 3. Files written before plans had ids of their own can carry another client's plan id. When
//!    the local plan with that id is evidently someone else's (`Mismatch`), nothing is merged
//!    silently: the person chooses "Keep as a separate plan", which imports the file under an
//!    id derived from the file's own history (`separate_id`), so the same person's next
//!    report finds that separate plan again.

use super::format::{FileKind, PlanFile};
use super::merge::merge_import;
use crate::core::ids::{profile_id, schedule_id};
use crate::core::merge::MergeOutcome;
use crate::core::plan::HEADER_FIELDS;
use crate::core::sorting::{sort, sort_by_key};
use crate::core::{Author, CoreError, Plan, PlanKind};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::{Builder, Uuid};

/// Why the local plan with the file's id is evidently not the file's plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    #[error("The plan with this file's id on this device is the template '{template}'. A client's plan never goes into a template.")]
    IntoTemplate { template: String },
    #[error(
        "This file is {incoming}'s plan, but the plan with its id on this device is {local}'s."
    )]
    OtherClient { local: String, incoming: String },
    #[error("This file's check-ins and journal share nothing with those of '{local}' on this device, so it is most likely another person's plan started from the same file.")]
    NoSharedHistory { local: String },
}

/// What starting a plan from a template on a client's device needs from the person (and the
/// clock): asked in the import preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartSetup {
    /// The new plan's id (fresh, chosen once per preview so the preview and the saved plan
    /// agree).
    pub plan_id: Uuid,
    pub client: Option<String>,
    pub starts_on: NaiveDate,
    pub now: DateTime<Utc>,
}

/// Where a file goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// No plan of its own on this device: the file's plan becomes a new plan (its own id).
    NewPlan,
    /// Merged into the plan with the file's id (or the separate plan kept for it earlier).
    Merge,
    /// A template opened on a client's device for the first time: a new plan made from it.
    StartFromTemplate,
    /// A template's revision, merged into every plan on this device made from it.
    UpdateFromTemplate,
    /// Imported under an id of its own because the file's id belongs to someone else's plan.
    Separate,
}

/// One plan the import writes: the local version (if any) and what merges into it.
#[derive(Clone, Debug)]
pub struct Target {
    pub local: Option<Plan>,
    pub incoming: Plan,
}

impl Target {
    /// The merge to save (the same one the preview counted).
    pub fn merge(&self, file: &PlanFile) -> MergeOutcome {
        let mut f = file.clone();
        f.plan = self.incoming.clone();
        merge_import(self.local.as_ref(), &f)
    }
}

#[derive(Clone, Debug)]
pub struct Route {
    pub placement: Placement,
    pub targets: Vec<Target>,
    /// Set when the file's plan id is held here by evidently someone else's plan: the preview
    /// says so and offers "Keep as a separate plan" (`route` with `separate`).
    pub mismatch: Option<Mismatch>,
}

fn is_template(file: &PlanFile) -> bool {
    file.kind == FileKind::Template || file.plan.kind == PlanKind::Template
}

/// The ids of the local plans `route` needs to see, given every local plan's id and the
/// template it came from.
pub fn related(file: &PlanFile, local: &[(Uuid, Option<Uuid>)]) -> Vec<Uuid> {
    let id = file.plan.id();
    let mut ids = vec![id, separate_id(&file.plan)];
    ids.extend(
        local
            .iter()
            .filter(|(_, from)| *from == Some(id))
            .map(|(p, _)| *p),
    );
    ids.retain(|x| local.iter().any(|(p, _)| p == x));
    sort(&mut ids);
    ids.dedup();
    ids
}

/// Decides where `file` goes, given the local plans `related` named (others are ignored).
/// `role` is this device's; `separate` is the person's "Keep as a separate plan"; `setup` is
/// used only when a template starts a new plan.
pub fn route(
    file: &PlanFile,
    local: &[Plan],
    role: Author,
    separate: bool,
    setup: &StartSetup,
) -> Result<Route, CoreError> {
    let id = file.plan.id();
    let find = |want: Uuid| local.iter().find(|p| p.id() == want && p.meta.is_live());
    let single = |placement, local: Option<&Plan>, incoming: Plan| Route {
        placement,
        targets: vec![Target {
            local: local.cloned(),
            incoming,
        }],
        mismatch: None,
    };

    if is_template(file) && role == Author::Client {
        let mut targets: Vec<Target> = local
            .iter()
            .filter(|p| p.meta.is_live() && p.kind == PlanKind::ClientPlan)
            .filter(|p| p.from_template == Some(id) || p.id() == id)
            .map(|p| Target {
                local: Some(p.clone()),
                incoming: revision_into(file, p),
            })
            .collect();
        if targets.is_empty() {
            let mut template = file.plan.clone();
            template.prompts = file.prompts.clone();
            let plan = template.start_client_plan(
                setup.plan_id,
                file.plan.title_for_client_plan(),
                setup.client.as_deref(),
                setup.starts_on,
                setup.now,
                role,
            )?;
            return Ok(single(Placement::StartFromTemplate, None, plan));
        }
        sort_by_key(&mut targets, |t| {
            t.local.as_ref().map(|p| p.title.to_lowercase())
        });
        return Ok(Route {
            placement: Placement::UpdateFromTemplate,
            targets,
            mismatch: None,
        });
    }

    let sep = separate_id(&file.plan);
    if separate {
        return Ok(single(
            Placement::Separate,
            find(sep),
            rehome(&file.plan, sep),
        ));
    }
    if let Some(kept) = find(sep).filter(|_| sep != id) {
        return Ok(single(
            Placement::Merge,
            Some(kept),
            rehome(&file.plan, sep),
        ));
    }
    match find(id) {
        Some(l) => {
            let mut r = single(Placement::Merge, Some(l), file.plan.clone());
            r.mismatch = mismatch(l, file);
            Ok(r)
        }
        None => Ok(single(Placement::NewPlan, None, file.plan.clone())),
    }
}

/// "Send the latest version" on the coach's device: the template's latest design merged into
/// `local`, a client plan made from it, by the same rule as a revision imported on the
/// client's device (rule 1), so the client's work stays and the plan file sent afterwards
/// carries the same records the client would get from the template file.
pub fn update_from_template(
    template: &Plan,
    local: &Plan,
    now: DateTime<Utc>,
    by: Author,
) -> MergeOutcome {
    let mut file = super::export::template_file(template, now, by);
    file.plan = revision_into(&file, local);
    merge_import(Some(local), &file)
}

/// A template file's design as it belongs in `local`, a plan made from that template (or, from
/// an older Waymark, opened under the template's own id): records mapped into the plan and
/// dates moved to its start; the header stays `local`'s, with the template's prompts added.
fn revision_into(file: &PlanFile, local: &Plan) -> Plan {
    let mut template = file.plan.clone();
    template.prompts = file.prompts.clone();
    let mut inc = if local.id() == template.id() {
        template.kind = PlanKind::ClientPlan;
        template
    } else {
        template.template_for(local.id(), local.starts_on)
    };
    let mut prompts = local.prompts.clone();
    for p in &file.prompts {
        if !prompts.contains(p) {
            prompts.push(p.clone());
        }
    }
    let mut header = local.header();
    if prompts != local.prompts {
        // New prompts from the coach count as written when the template was sent, so they
        // win over this device's older list and a second import of the same file is a no-op.
        header.prompts = prompts;
        let all: Vec<String> = HEADER_FIELDS.iter().map(|f| (*f).to_owned()).collect();
        header.meta.stamp(
            file.exported_at,
            file.exported_by,
            &["prompts".to_owned()],
            &all,
        );
    }
    inc.set_header(header);
    inc
}

/// Whether `local` (the plan with the file's id) is evidently someone else's plan.
pub fn mismatch(local: &Plan, file: &PlanFile) -> Option<Mismatch> {
    let incoming = &file.plan;
    if local.kind == PlanKind::Template && incoming.kind == PlanKind::ClientPlan {
        return Some(Mismatch::IntoTemplate {
            template: local.title.clone(),
        });
    }
    let (l, i) = (history(local), history(incoming));
    // Shared check-ins or reflections make it the same person's plan even under another name:
    // the coach renamed the client ("Ravi" became "Ravi Shah").
    let shared = l.iter().any(|x| i.contains(x));
    if let (Some(ln), Some(inn)) = (local.client_name(), incoming.client_name()) {
        if !same_name(ln, inn) && !shared {
            return Some(Mismatch::OtherClient {
                local: ln.to_owned(),
                incoming: inn.to_owned(),
            });
        }
    }
    if !l.is_empty() && !i.is_empty() && l.iter().all(|x| !i.contains(x)) {
        return Some(Mismatch::NoSharedHistory {
            local: local.title.clone(),
        });
    }
    None
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The ids of what the client wrote over time: check-ins and reflections. Two copies of one
/// person's plan share them; two people's plans started from one file never do.
fn history(p: &Plan) -> Vec<Uuid> {
    p.checkins
        .iter()
        .map(|c| c.meta.id)
        .chain(p.reflections.iter().map(|r| r.meta.id))
        .collect()
}

/// The id a file's plan is kept under when its own id is taken by someone else's plan: derived
/// from the plan id and the first thing its client recorded (the earliest check-in or
/// measurement, else the earliest shared reflection), which later files of the same plan still
/// carry, so every later file of that plan finds it. A plan with no such record gets the plan id with its last byte XOR 0x20
/// (version 8, like the other derived ids).
pub fn separate_id(plan: &Plan) -> Uuid {
    // Check-ins and measurements travel in every later file; a reflection may be private and
    // left out of a report, so reflections count only when there is nothing else.
    let steady = plan
        .checkins
        .iter()
        .map(|c| (c.meta.created_at, c.meta.id))
        .chain(
            plan.measurements
                .iter()
                .map(|m| (m.meta.created_at, m.meta.id)),
        )
        .min();
    let first = steady.or_else(|| {
        plan.reflections
            .iter()
            .filter(|r| !r.fields.private)
            .map(|r| (r.meta.created_at, r.meta.id))
            .min()
    });
    match first {
        Some((_, rec)) => crate::core::copying::id_in_plan(plan.id(), rec),
        None => {
            let mut bytes = *plan.id().as_bytes();
            bytes[15] ^= 0x20;
            Builder::from_custom_bytes(bytes).into_uuid()
        }
    }
}

/// The plan under another id: its header, profile and schedule (whose ids derive from the plan
/// id) move; every other record keeps its id (the store keeps records per plan).
fn rehome(plan: &Plan, id: Uuid) -> Plan {
    let mut p = plan.clone();
    p.meta.id = id;
    if let Some(profile) = p.profile.as_mut() {
        profile.meta.id = profile_id(id);
    }
    if let Some(schedule) = p.schedule.as_mut() {
        schedule.meta.id = schedule_id(id);
    }
    p
}
