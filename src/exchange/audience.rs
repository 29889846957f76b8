//! Who a file is for, and the one rule that decides what of a plan they may have. Every export
//! (plan files, progress reports, templates and the readable copies) is cut with `cut_for`, and
//! every imported file with `received`, so what a person deleted or kept private never reaches
//! someone it was not meant for.
//!
//! The rule:
//! - Nothing deleted: a tombstone carries its meta alone (`core::record::Record::erased`).
//! - A private reflection belongs to its author (`Reflection::author`, the role of the device it
//!   was written on). It goes to the author's other devices (`Audience::Myself`); a client's
//!   goes to the coach only when the client ticks it for a progress report; a coach's never
//!   goes to the client. One written before authors were recorded goes to neither side.

use super::format::{FileKind, PlanFile};
use crate::core::journal::Reflection;
use crate::core::record::Record;
use crate::core::{Author, Plan};
use uuid::Uuid;

/// Who a file or readable copy is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The person themself: a backup, or the plan moving to their other device.
    Myself,
    /// The client's coach.
    Coach,
    /// The coach's client.
    Client,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Myself, Audience::Coach, Audience::Client];

    /// The other side of the coaching relationship, for a device of this role.
    pub fn other_side(role: Author) -> Audience {
        match role {
            Author::Client => Audience::Coach,
            Author::Coach => Audience::Client,
        }
    }

    /// The audience a device of this role is (what it may receive from the other side).
    pub fn of_role(role: Author) -> Audience {
        match role {
            Author::Client => Audience::Client,
            Author::Coach => Audience::Coach,
        }
    }
}

/// Whether `audience` may have this (live) reflection. `shared`: the private reflections the
/// client ticked for their coach.
pub fn may_have(r: &Reflection, audience: Audience, shared: &[Uuid]) -> bool {
    if !r.fields.private {
        return true;
    }
    match audience {
        Audience::Myself => true,
        Audience::Coach => r.author != Some(Author::Coach) && shared.contains(&r.meta.id),
        // The client's own words, which the client once shared, may go back to them.
        Audience::Client => r.author == Some(Author::Client),
    }
}

/// The private reflections a client may tick for their coach, newest last.
pub fn shareable_with_coach(plan: &Plan) -> impl Iterator<Item = &Reflection> {
    plan.reflections
        .iter()
        .filter(|r| r.meta.is_live() && r.fields.private && r.author != Some(Author::Coach))
}

/// The plan as `audience` may have it: every tombstone content-free, and only the reflections
/// `may_have` allows. Stored revisions are not carried over (a file comes from outside).
pub fn cut_for(plan: &Plan, audience: Audience, shared: &[Uuid]) -> Plan {
    let mut out = Plan::empty(plan.meta.clone(), plan.title.clone(), plan.kind);
    out.set_header(plan.header());
    out.profile = plan.profile.as_ref().map(content_free);
    out.schedule = plan.schedule.as_ref().map(content_free);
    out.assessments = all_content_free(&plan.assessments);
    out.goals = all_content_free(&plan.goals);
    out.milestones = all_content_free(&plan.milestones);
    out.actions = all_content_free(&plan.actions);
    out.kpis = all_content_free(&plan.kpis);
    out.measurements = all_content_free(&plan.measurements);
    out.checkins = all_content_free(&plan.checkins);
    out.reviews = all_content_free(&plan.reviews);
    out.reflections = plan
        .reflections
        .iter()
        .filter(|r| !r.meta.is_live() || may_have(r, audience, shared))
        .map(content_free)
        .collect();
    out.adaptations = all_content_free(&plan.adaptations);
    out.woops = all_content_free(&plan.woops);
    out.interest_profiles = all_content_free(&plan.interest_profiles);
    // Session notes are shared notes, written for both sides of the coaching (docs/METHOD.md).
    out.grow_notes = all_content_free(&plan.grow_notes);
    out
}

fn content_free<T: Record>(r: &T) -> T {
    if r.meta().deleted {
        r.erased()
    } else {
        r.clone()
    }
}

fn all_content_free<T: Record>(list: &[T]) -> Vec<T> {
    list.iter().map(content_free).collect()
}

/// What a device of `role` keeps of a file it opens. A file it exported itself (a backup) is
/// kept whole. A file from the other side is cut for this device as the sender should have
/// cut it, so a coach's private note in a backup sent to a client never lands on the client's
/// device, and a client's private reflections reach the coach only in a progress report (where
/// the client ticked them).
pub fn received(mut file: PlanFile, role: Author) -> PlanFile {
    if file.exported_by == role {
        return file;
    }
    let audience = Audience::of_role(role);
    let shared: Vec<Uuid> = match (audience, file.kind) {
        (Audience::Coach, FileKind::ProgressReport) => shareable_with_coach(&file.plan)
            .map(|r| r.meta.id)
            .collect(),
        _ => Vec::new(),
    };
    file.plan = cut_for(&file.plan, audience, &shared);
    file
}

/// A full backup made on a device of the other role, opened here. Most often it is the
/// person's own backup on a new device, or after the browser cleared its storage: a device
/// starts as the client's. `received` cuts it like any file from the other side, so a coach
/// restoring their own backup there would silently lose their private notes; the import asks
/// first, and restores it whole only after this device is switched to the backup's role.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherRoleBackup {
    /// The role of the device that made the backup.
    pub role: Author,
    /// How many live reflections `received` leaves out on this device (private to the
    /// backup's author).
    pub left_out: usize,
}

/// Whether `file` is a full backup by the other role (see [`OtherRoleBackup`]), and what
/// opening it on this device as it is would leave out.
pub fn other_role_backup(file: &PlanFile, role: Author) -> Option<OtherRoleBackup> {
    if file.kind != FileKind::Plan || file.exported_by == role {
        return None;
    }
    let live = |plan: &Plan| plan.reflections.iter().filter(|r| r.meta.is_live()).count();
    let kept = cut_for(&file.plan, Audience::of_role(role), &[]);
    Some(OtherRoleBackup {
        role: file.exported_by,
        left_out: live(&file.plan) - live(&kept),
    })
}
