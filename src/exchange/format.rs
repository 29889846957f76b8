//! API boundary: the plan file. One JSON document, `format` + integer `version` first, then who
//! exported it and when, then the plan header and its records, each exactly as the core
//! writes it (a tombstone as its meta alone, `core::record::Written`). Documented field by
//! field in `docs/FILE_FORMAT.md`.

use super::versions;
use crate::core::action::Action;
use crate::core::assessment::NeedsAssessment;
use crate::core::checkin::CheckIn;
use crate::core::goal::Goal;
use crate::core::grow::GrowNote;
use crate::core::history::Adaptation;
use crate::core::interests::InterestProfile;
use crate::core::journal::Reflection;
use crate::core::kpi::{Kpi, Measurement};
use crate::core::milestone::Milestone;
use crate::core::plan::PlanHeader;
use crate::core::profile::ClientProfile;
use crate::core::record::{Written, WrittenList};
use crate::core::review::ProgressReview;
use crate::core::schedule::CheckInSchedule;
use crate::core::woop::Woop;
use crate::core::{Author, Plan};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

// The names a file's envelope must hold live with the file's shape (`spec`), which the checker,
// the schema and the version derivation (`versions`) read.
pub use super::spec::{CURRENT_VERSION, FORMAT};
/// The media type of plan files (plain and passphrase-protected).
pub const MEDIA_TYPE: &str = "application/vnd.waymark+json";
/// The file name ending of plan files.
pub const EXTENSION: &str = ".waymark.json";
/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Deepest nesting of lists and objects accepted (a plan file needs 6).
pub const MAX_DEPTH: usize = 32;

pub use super::spec::{CIPHER, HASH, KDF, MAX_ITERATIONS, MIN_ITERATIONS};

/// What a plan file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Everything in the plan: a backup, or moving a plan to another device.
    Plan,
    /// Goals, milestones, actions, KPIs and the check-in schedule; no client data.
    Template,
    /// What the client sends their coach: the plan with its progress, without private
    /// reflections unless the client chose to include them.
    ProgressReport,
    /// What a coach sends a client to start (or bring up to date) the plan prepared for them:
    /// the client plan under its own id, so the client's reports come back into it. Not a
    /// backup: what the coach keeps for themselves stays out (see `export::plan_for_client_file`).
    PlanForClient,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Plan => "plan",
            FileKind::Template => "template",
            FileKind::ProgressReport => "progress_report",
            FileKind::PlanForClient => "plan_for_client",
        }
    }
}

/// A plan file, read and checked: what `parse_plan_file` returns and the exporters write.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFile {
    pub kind: FileKind,
    pub exported_at: DateTime<Utc>,
    pub exported_by: Author,
    /// The version the file names (before any migration). An exported file is written as the
    /// lowest version that reads it (`versions::needed`), whatever this says.
    pub source_version: u32,
    /// The plan the file carries. Its stored revisions are empty (it comes from outside).
    pub plan: Plan,
    /// Journal prompts the coach wrote for the plan (the questions, never the answers): the
    /// plan's own `prompts`, and for a template also the prompts the source plan used. On
    /// import they become the plan's `prompts`.
    pub prompts: Vec<String>,
}

/// A file ready to hand to the browser for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedFile {
    pub bytes: Vec<u8>,
    /// A suggested name, safe on every file system.
    pub file_name: String,
    /// For the `Blob`'s `type`.
    pub media_type: &'static str,
}

/// The file as written. Field order is the documented order.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    kind: FileKind,
    exported_at: DateTime<Utc>,
    exported_by: Author,
    /// The plan's own record; its prompts travel as the file's `prompts`, written once.
    plan: PlanHeader,
    profile: Option<Written<'a, ClientProfile>>,
    schedule: Option<Written<'a, CheckInSchedule>>,
    assessments: WrittenList<'a, NeedsAssessment>,
    goals: WrittenList<'a, Goal>,
    milestones: WrittenList<'a, Milestone>,
    actions: WrittenList<'a, Action>,
    kpis: WrittenList<'a, Kpi>,
    measurements: WrittenList<'a, Measurement>,
    checkins: WrittenList<'a, CheckIn>,
    reviews: WrittenList<'a, ProgressReview>,
    reflections: WrittenList<'a, Reflection>,
    adaptations: WrittenList<'a, Adaptation>,
    /// Added after version 1: written only when there are some, so earlier builds (which
    /// refuse unknown keys) still read a plan without WOOPs.
    #[serde(skip_serializing_if = "WrittenList::is_empty")]
    woops: WrittenList<'a, Woop>,
    /// Added after version 1, like `woops`: written only when the plan has a take.
    #[serde(skip_serializing_if = "WrittenList::is_empty")]
    interest_profiles: WrittenList<'a, InterestProfile>,
    /// Added after version 1, like `woops`: written only when there are some.
    #[serde(skip_serializing_if = "WrittenList::is_empty")]
    grow_notes: WrittenList<'a, GrowNote>,
    prompts: &'a [String],
}

impl PlanFile {
    /// The file's bytes: pretty JSON, records in canonical order, naming the lowest format
    /// version that reads it (1 when it holds nothing newer, so the first release still opens
    /// it; a build that cannot read it says "made by a newer version" instead of naming a field).
    pub fn to_json(&self) -> Vec<u8> {
        let p = &self.plan;
        let out = FileOut {
            format: FORMAT,
            version: 1,
            kind: self.kind,
            exported_at: self.exported_at,
            exported_by: self.exported_by,
            plan: PlanHeader {
                prompts: Vec::new(),
                ..p.header()
            },
            profile: p.profile.as_ref().map(Written),
            schedule: p.schedule.as_ref().map(Written),
            assessments: WrittenList(&p.assessments),
            goals: WrittenList(&p.goals),
            milestones: WrittenList(&p.milestones),
            actions: WrittenList(&p.actions),
            kpis: WrittenList(&p.kpis),
            measurements: WrittenList(&p.measurements),
            checkins: WrittenList(&p.checkins),
            reviews: WrittenList(&p.reviews),
            reflections: WrittenList(&p.reflections),
            adaptations: WrittenList(&p.adaptations),
            woops: WrittenList(&p.woops),
            interest_profiles: WrittenList(&p.interest_profiles),
            grow_notes: WrittenList(&p.grow_notes),
            prompts: &self.prompts,
        };
        // Written compact and indented afterwards: the records' serialisers are then compiled
        // once, for the compact form storage also uses, instead of a second time for serde_json's
        // pretty printer. The bytes are the same as `to_vec_pretty` (tested).
        let compact = serde_json::to_vec(&out)
            // Plain structs of strings, checked-finite numbers, dates and lists with string
            // keys: serialising them cannot fail (the core relies on the same fact).
            .expect("plan records always serialise to JSON");
        let version = versions::needed(&compact);
        let compact = stamp_version(compact, version);
        let mut bytes = indent(&compact);
        bytes.push(b'\n');
        bytes
    }
}

/// Puts `version` where `to_json` wrote the placeholder 1, right after `format`.
fn stamp_version(mut compact: Vec<u8>, version: u32) -> Vec<u8> {
    let head = format!("{{\"format\":\"{FORMAT}\",\"version\":");
    if version != 1 && compact.starts_with(head.as_bytes()) {
        let at = head.len();
        compact.splice(at..at + 1, version.to_string().into_bytes());
    }
    compact
}

/// serde_json's pretty layout (two spaces, `": "`, empty `{}` and `[]` kept on one line) of
/// compact JSON, which has no whitespace outside strings.
pub fn indent(compact: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        i += 1;
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                let close = if b == b'{' { b'}' } else { b']' };
                if compact.get(i) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    out
}

/// A file-system-safe name stem from a plan title: lowercase ASCII letters and digits joined
/// by dashes, at most 60 characters, "plan" when nothing is left.
pub(crate) fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "plan".to_owned()
    } else {
        out.to_owned()
    }
}
