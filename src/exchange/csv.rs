//! KPI measurements as CSV (RFC 4180) for a spreadsheet: one row per live measurement.
//!
//! Fields holding a comma, a double quote or a line break are quoted, with quotes doubled;
//! rows end in CRLF. Text from the user that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running
//! it as a formula. Numbers are written by Waymark (never user text) and are not prefixed, so
//! negative values stay numbers.

use super::audience::{cut_for, Audience};
use super::format::{slug, ExportedFile};
use crate::core::sorting::sort_by;
use crate::core::Author;
use crate::core::Plan;

pub const MEDIA_TYPE: &str = "text/csv; charset=utf-8";

/// A user-text cell: formula characters neutralised, then quoted if needed.
pub fn text_cell(s: &str) -> String {
    let neutral = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    quote(&neutral)
}

/// RFC 4180 quoting.
pub fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The measurements, grouped by goal and KPI, oldest first within a KPI.
pub fn measurements_csv(plan: &Plan) -> String {
    let mut out = String::from("goal,kpi,unit,measured_at,value,recorded_by\r\n");
    let mut kpis: Vec<_> = plan.kpis.iter().filter(|k| k.meta.is_live()).collect();
    let goal_title = |id| plan.goal(id).map(|g| g.fields.title.as_str()).unwrap_or("");
    sort_by(&mut kpis, |a, b| {
        goal_title(a.fields.goal_id)
            .cmp(goal_title(b.fields.goal_id))
            .then(a.fields.name.cmp(&b.fields.name))
            .then(a.meta.id.cmp(&b.meta.id))
    });
    for k in kpis {
        for m in plan.measurements_of(k.meta.id) {
            let who = match m.meta.updated_by {
                Author::Coach => "coach",
                Author::Client => "client",
            };
            let row = [
                text_cell(goal_title(k.fields.goal_id)),
                text_cell(&k.fields.name),
                text_cell(&k.fields.unit),
                m.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                m.value.to_string(),
                who.to_owned(),
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The measurements as a download: `<title>-measurements.csv`.
pub fn export_measurements_csv(plan: &Plan, audience: Audience) -> ExportedFile {
    ExportedFile {
        bytes: measurements_csv(&cut_for(plan, audience, &[])).into_bytes(),
        file_name: format!("{}-measurements.csv", slug(&plan.title)),
        media_type: MEDIA_TYPE,
    }
}
