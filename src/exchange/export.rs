//! The kinds of plan file, cut from a plan for their audience (`audience::cut_for`). Each returns
//! the `PlanFile` (for tests and for encryption) and the ready-to-download `ExportedFile`.

use super::audience::{cut_for, Audience};
use super::format::{slug, ExportedFile, FileKind, PlanFile, EXTENSION, MEDIA_TYPE};
use crate::core::goal::GoalStatus;
use crate::core::ids::schedule_id;
use crate::core::limits::MAX_LIST;
use crate::core::reflection_models::ReflectionModel;
use crate::core::{Author, Plan, PlanKind};
use chrono::{DateTime, Utc};
use uuid::{Builder, Uuid};

/// Everything in the plan, for the person themself: private reflections included, tombstones
/// content-free (a backup, or the plan moving to their other device).
pub fn plan_file(plan: &Plan, now: DateTime<Utc>, by: Author) -> PlanFile {
    file(
        FileKind::Plan,
        cut_for(plan, Audience::Myself, &[]),
        now,
        by,
    )
}

/// A reusable starting point: goals, milestones, actions, KPIs and the check-in schedule, with
/// completion marks cleared and goals set back to active, plus the journal prompts the plan
/// used (questions only). No profile, assessments,
/// measurements, check-ins, reviews, reflections or history.
///
/// Ids: record ids are kept, so importing the same template twice merges instead of
/// duplicating. The template's plan id is derived from the source plan's (a template exported
/// from a template keeps its id), so a template never lands on top of the client plan it came
/// from, and exporting the same plan's template again names the same template.
pub fn template_file(plan: &Plan, now: DateTime<Utc>, by: Author) -> PlanFile {
    // A template goes to the other side: its prompts come only from what they may read.
    let plan = &cut_for(plan, Audience::other_side(by), &[]);
    let id = match plan.kind {
        PlanKind::Template => plan.id(),
        PlanKind::ClientPlan => template_id(plan.id()),
    };
    let mut meta = plan.meta.clone();
    meta.id = id;
    let mut t = Plan::empty(meta, plan.title.clone(), PlanKind::Template);
    t.schedule = plan.schedule.clone().map(|mut s| {
        s.meta.id = schedule_id(id);
        s
    });
    t.goals = plan
        .goals
        .iter()
        .cloned()
        .map(|mut g| {
            g.status = GoalStatus::Active;
            g
        })
        .collect();
    t.milestones = plan
        .milestones
        .iter()
        .cloned()
        .map(|mut m| {
            m.done_at = None;
            m
        })
        .collect();
    t.actions = plan
        .actions
        .iter()
        .cloned()
        .map(|mut a| {
            a.done_at = None;
            a
        })
        .collect();
    t.kpis = plan.kpis.clone();
    t.starts_on = plan.day_one();
    let mut prompts: Vec<String> = plan.prompts.clone();
    for p in plan
        .reflections
        .iter()
        .filter(|r| r.meta.is_live())
        .filter_map(|r| r.fields.prompt.as_deref())
        // A guided entry's prompt names its model (Gibbs, Rolfe), which every copy of the app
        // offers already: not a question of the coach's.
        .filter(|p| ReflectionModel::of_prompt(Some(p)).is_none())
    {
        if !p.trim().is_empty() && !prompts.iter().any(|x| x == p) && prompts.len() < MAX_LIST {
            prompts.push(p.to_owned());
        }
    }
    let mut f = file(FileKind::Template, t, now, by);
    f.prompts = prompts;
    f
}

/// What the client sends the coach: the whole plan with its progress, except private
/// reflections, which are left out unless their id is in `include_private`. Non-private
/// reflections are always included.
pub fn progress_report_file(
    plan: &Plan,
    include_private: &[Uuid],
    now: DateTime<Utc>,
    by: Author,
) -> PlanFile {
    let copy = cut_for(plan, Audience::Coach, include_private);
    file(FileKind::ProgressReport, copy, now, by)
}

/// What a coach sends the client a plan is for: the client plan under its own id (so the
/// client's reports come back into it) with whom it is for and the template it came from.
/// Cut for the client: nothing the coach keeps to themselves (their private reflections).
pub fn plan_for_client_file(plan: &Plan, now: DateTime<Utc>, by: Author) -> PlanFile {
    file(
        FileKind::PlanForClient,
        cut_for(plan, Audience::Client, &[]),
        now,
        by,
    )
}

fn file(kind: FileKind, mut plan: Plan, now: DateTime<Utc>, by: Author) -> PlanFile {
    plan.revs.clear();
    let prompts = plan.prompts.clone();
    PlanFile {
        kind,
        exported_at: now,
        exported_by: by,
        source_version: super::format::CURRENT_VERSION,
        plan,
        prompts,
    }
}

/// The id of the template cut from a client plan: the plan id's bytes with the last byte
/// XOR-ed with 0x10, stamped as UUID version 8 (like `core::ids` derives profile and schedule
/// ids with tags 0x01 and 0x02, so none of them can coincide).
pub fn template_id(plan_id: Uuid) -> Uuid {
    let mut bytes = *plan_id.as_bytes();
    bytes[15] ^= 0x10;
    Builder::from_custom_bytes(bytes).into_uuid()
}

/// `plan_file` as a download: `<title>-<date>.waymark.json`.
pub fn export_plan(plan: &Plan, now: DateTime<Utc>, by: Author) -> ExportedFile {
    download(&plan_file(plan, now, by), "")
}

/// `template_file` as a download: `<title>-template.waymark.json`.
pub fn export_template(plan: &Plan, now: DateTime<Utc>, by: Author) -> ExportedFile {
    download(&template_file(plan, now, by), "-template")
}

/// `plan_for_client_file` as a download: `<client>-<title>-<date>.waymark.json`.
pub fn export_plan_for_client(plan: &Plan, now: DateTime<Utc>, by: Author) -> ExportedFile {
    download(&plan_for_client_file(plan, now, by), "")
}

/// `progress_report_file` as a download: `<title>-progress-<date>.waymark.json`.
pub fn export_progress_report(
    plan: &Plan,
    include_private: &[Uuid],
    now: DateTime<Utc>,
    by: Author,
) -> ExportedFile {
    download(
        &progress_report_file(plan, include_private, now, by),
        "-progress",
    )
}

fn download(file: &PlanFile, infix: &str) -> ExportedFile {
    let date = file.exported_at.format("%Y-%m-%d");
    // A coach sends many clients plans of one title: the client's name tells the files apart.
    let stem = match file.plan.client.as_deref() {
        Some(client) if file.kind != FileKind::Template => {
            format!("{}-{}", slug(client), slug(&file.plan.title))
        }
        _ => slug(&file.plan.title),
    };
    let file_name = match file.kind {
        FileKind::Template => format!("{stem}{infix}{EXTENSION}"),
        _ => format!("{stem}{infix}-{date}{EXTENSION}"),
    };
    ExportedFile {
        bytes: file.to_json(),
        file_name,
        media_type: MEDIA_TYPE,
    }
}
