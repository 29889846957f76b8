#![cfg(not(target_arch = "wasm32"))]
//! Injection payloads in every text field a person can fill in, through every export. The
//! corpus is `tests/fixtures/xss-payloads.json` (a JSON array of strings, so line breaks and
//! invisible characters are written as JSON escapes; the browser tests read the same file).
//!
//! For each payload, put through the core's verbs into every user-text field it may go into
//! (one-line fields refuse every control character and free text all but line breaks and tabs:
//! each such refusal is checked, field by field), then into the remaining fields as text stored
//! before that rule would be (it still loads, so the exports must still cope with it):
//! - Markdown: no `<`, `>`, `[`, `]`, `&` or backtick from user text is left unescaped, so no
//!   HTML, link, image, entity or code span can form; and the text still reads as typed.
//! - iCalendar: every line (after unfolding) starts with a property Waymark writes, no bare
//!   CR or LF gets in, and the text values unescape to what was typed.
//! - CSV: no text cell starts with `=`, `+`, `-`, `@`, tab or CR, and each is the text typed
//!   (behind a `'` where one was needed).
//! - Plan files (full, template, progress report) read back byte for byte; a plan holding
//!   text that breaks the control-character rule exports, but the importer refuses the file.

use crate::text_fields;
use crate::zones;

use text_fields::{free_text_attempts, now, one_line_attempts, plan_with_text};
use waymark::core::limits::first_refused;
use waymark::core::schedule::AlarmLead;
use waymark::core::{Author, CoreError, Plan};
use waymark::exchange::csv::{export_measurements_csv, measurements_csv};
use waymark::exchange::export::{export_plan, export_progress_report, export_template};
use waymark::exchange::ics::{export_ics, plan_ics};
use waymark::exchange::markdown::{export_markdown, plan_markdown};
use waymark::exchange::parse_plan_file;
use waymark::exchange::Audience;
use zones::TzRules;

fn payloads() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/xss-payloads.json"
    );
    let list: Vec<String> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert!(list.len() >= 40, "only {} payloads", list.len());
    list
}

/// Stands in for the payload in the fields that refuse it; no payload contains it.
const STAND_IN: &str = "stand-in-0c5e1f";

fn fits_one_line(p: &str) -> bool {
    first_refused(p, true).is_none()
}

fn fits_free_text(p: &str) -> bool {
    first_refused(p, false).is_none()
}

/// A plan with `p` in every text field a person fills in (see `text_fields::plan_with_text`).
/// Where a field's verb refuses `p`, that refusal is checked (the new error, naming the field)
/// and `p` is then put there as it would be in a record stored before control characters were
/// refused: written into the stored documents, which still load.
fn plan_with(p: &str) -> Plan {
    assert!(!p.contains(STAND_IN));
    let line = if fits_one_line(p) { p } else { STAND_IN };
    let free = if fits_free_text(p) { p } else { STAND_IN };
    let plan = plan_with_text(line, free);
    for (field, r) in one_line_attempts(&plan, p) {
        match (r, fits_one_line(p)) {
            (Ok(_), true) => {}
            (Err(e), false) => assert_eq!(e, CoreError::NotOneLine { field }, "{p:?}"),
            (r, _) => panic!("{p:?} as {field}: {r:?}"),
        }
    }
    for (field, r) in free_text_attempts(&plan, p) {
        match (r, fits_free_text(p)) {
            (Ok(_), true) => {}
            (Err(e), false) => assert_eq!(e, CoreError::ControlCharacter { field }, "{p:?}"),
            (r, _) => panic!("{p:?} as {field}: {r:?}"),
        }
    }
    if line == p {
        return plan;
    }
    let written = serde_json::to_string(p).unwrap();
    let written = &written[1..written.len() - 1];
    let docs: Vec<_> = plan
        .to_documents()
        .into_iter()
        .map(|mut d| {
            d.body = d.body.replace(STAND_IN, written);
            d
        })
        .collect();
    let stored = Plan::from_documents(plan.id(), &docs)
        .unwrap_or_else(|e| panic!("{p:?}: text stored before the rule does not load: {e}"));
    assert_eq!(stored.title, p);
    assert_eq!(stored.goals[0].fields.title, p);
    stored
}

/// The first of `chars` in `text` that no backslash escapes, with its byte offset.
fn unescaped(text: &str, chars: &[char]) -> Option<(usize, char)> {
    let mut backslashes = 0;
    for (i, c) in text.char_indices() {
        if c == '\\' {
            backslashes += 1;
            continue;
        }
        if chars.contains(&c) && backslashes % 2 == 0 {
            return Some((i, c));
        }
        backslashes = 0;
    }
    None
}

/// Markdown's backslash escapes of ASCII punctuation, undone.
fn md_unescape(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(n)) if n.is_ascii_punctuation() => {
                out.push(*n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The pieces of `p` a reader should still see: each line, trimmed, tabs as spaces, other
/// control characters gone.
fn visible_lines(p: &str) -> Vec<String> {
    let clean: String = p
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    clean
        .split('\n')
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn check_markdown(p: &str, plan: &Plan) {
    let md = plan_markdown(plan, now());
    // No HTML, link, image, entity or code span can start where nothing is unescaped.
    if let Some((i, c)) = unescaped(&md, &['<', '>', '[', ']', '&', '`']) {
        let line = md[..i].rsplit('\n').next().unwrap_or("");
        panic!("{p:?}: unescaped {c:?} in Markdown after {line:?}");
    }
    assert!(!md.contains("]("), "{p:?}: link syntax in Markdown");
    assert!(
        !md.to_lowercase().contains("javascript:"),
        "{p:?}: a javascript: URL in Markdown"
    );
    assert!(!md.contains('\0') && !md.contains('\r'), "{p:?}");
    // And the text still reads as it was typed.
    let read = md_unescape(&md);
    for line in visible_lines(p) {
        assert!(read.contains(&line), "{p:?}: {line:?} is not in\n{md}");
    }
}

/// Every property name Waymark's calendar writes.
const ICS_PROPERTIES: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "X-WR-CALNAME",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "DURATION",
    "LAST-MODIFIED",
    "SEQUENCE",
    "X-WR-TIMEZONE",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "ACTION",
    "TRIGGER",
    "SUMMARY",
    "TRANSP",
    "RRULE",
    "DESCRIPTION",
];

/// RFC 5545 TEXT unescaping.
fn ics_unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(x) => out.push(x),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn check_ics(p: &str, plan: &Plan) {
    let ics = plan_ics(plan, now(), AlarmLead::HourBefore, &TzRules);
    assert!(ics.ends_with("\r\n"), "{p:?}");
    let physical: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        assert!(
            !line.contains(['\r', '\n']),
            "{p:?}: a bare CR or LF in {line:?}"
        );
        assert!(line.len() <= 75, "{p:?}: unfolded line {line:?}");
        match line.strip_prefix([' ', '\t']) {
            Some(rest) => logical.last_mut().unwrap().push_str(rest),
            None => logical.push(line.to_owned()),
        }
    }
    let mut events = 0;
    for line in &logical {
        let name = line.split([':', ';']).next().unwrap();
        assert!(
            ICS_PROPERTIES.contains(&name),
            "{p:?}: a property Waymark never writes: {line:?}"
        );
        if name == "BEGIN" || name == "END" {
            assert!(
                [
                    ":VCALENDAR",
                    ":VEVENT",
                    ":VALARM",
                    ":VTIMEZONE",
                    ":STANDARD",
                    ":DAYLIGHT"
                ]
                .iter()
                .any(|c| line.ends_with(c)),
                "{p:?}: {line:?}"
            );
        }
        events += usize::from(line == "BEGIN:VEVENT");
    }
    assert_eq!(
        events, 3,
        "{p:?}: the schedule, the milestone and the dated action, nothing more"
    );
    let typed: String = p
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect();
    for (property, value) in [
        ("X-WR-CALNAME", typed.clone()),
        ("SUMMARY", format!("Check-in: {typed}")),
        ("SUMMARY", format!("Milestone: {typed}")),
        ("SUMMARY", format!("Action: {typed}")),
        ("DESCRIPTION", format!("Goal: {typed}")),
    ] {
        assert!(
            logical
                .iter()
                .filter_map(|l| l.strip_prefix(property)?.strip_prefix(':'))
                .any(|v| ics_unescape(v) == value),
            "{p:?}: no {property} with {value:?}"
        );
    }
}

/// RFC 4180 rows.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "CSV ends mid-row"
    );
    rows
}

fn check_csv(p: &str, plan: &Plan) {
    let rows = parse_csv(&measurements_csv(plan));
    assert_eq!(
        rows[0],
        ["goal", "kpi", "unit", "measured_at", "value", "recorded_by"]
    );
    assert_eq!(rows.len(), 3, "{p:?}: two measurements");
    let expected = if p.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{p}")
    } else {
        p.to_owned()
    };
    for row in &rows[1..] {
        assert_eq!(row.len(), 6, "{p:?}: {row:?}");
        for cell in &row[..3] {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{p:?}: a formula cell {cell:?}"
            );
            assert_eq!(*cell, expected, "{p:?}");
        }
        assert!(row[4].parse::<f64>().is_ok(), "{p:?}: {row:?}");
        assert_eq!(row[5], "client");
    }
}

fn check_plan_files(p: &str, plan: &Plan) {
    if !fits_one_line(p) {
        // Only text stored before the rule gets here. It exports as it is, and the importer
        // refuses the file, naming the first field that breaks the rule.
        let e = parse_plan_file(&export_plan(plan, now(), Author::Client).bytes).unwrap_err();
        assert_eq!(e.path(), "plan.title", "{p:?}");
        assert!(e.to_string().contains("must fit on one line"), "{p:?}: {e}");
        return;
    }
    let full = parse_plan_file(&export_plan(plan, now(), Author::Client).bytes).unwrap();
    assert!(full.plan == *plan, "{p:?}: the plan file changed the plan");
    let f = &full.plan;
    let texts = [
        &f.title,
        &f.goals[0].fields.title,
        &f.goals[0].fields.why,
        &f.goals[0].fields.support,
        &f.milestones[0].fields.title,
        &f.actions[0].fields.title,
        &f.kpis[0].fields.name,
        &f.kpis[0].fields.unit,
        &f.checkins[0].entries[0].progress_note,
        &f.reviews[0].fields.went_well,
        &f.reflections[0].fields.text,
        &f.reflections[0].fields.tags[0],
        &f.profile.as_ref().unwrap().fields.vision,
        &f.profile.as_ref().unwrap().fields.values[0],
        &f.assessments[0].fields.answers[0].answer,
    ];
    for t in texts {
        assert_eq!(t.as_bytes(), p.as_bytes(), "{p:?}");
    }
    assert!(f.adaptations.iter().all(|a| a.reason == p));

    let template = parse_plan_file(&export_template(plan, now(), Author::Coach).bytes).unwrap();
    assert_eq!(template.prompts, [p], "{p:?}");
    assert_eq!(template.plan.goals[0].fields.title, p);
    let public: Vec<_> = plan
        .reflections
        .iter()
        .filter(|r| !r.fields.private)
        .collect();
    let report =
        parse_plan_file(&export_progress_report(plan, &[], now(), Author::Client).bytes).unwrap();
    assert_eq!(report.plan.reflections.len(), 1);
    assert_eq!(report.plan.reflections[0], *public[0]);
}

#[test]
fn every_payload_in_every_field_stays_inert_in_every_export() {
    for p in payloads() {
        let plan = plan_with(&p);
        check_markdown(&p, &plan);
        check_ics(&p, &plan);
        check_csv(&p, &plan);
        check_plan_files(&p, &plan);
        // Download names are plain: letters, digits, dashes and the extension.
        for name in [
            export_markdown(&plan, Audience::Myself, now()).file_name,
            export_ics(
                &plan,
                Audience::Myself,
                now(),
                AlarmLead::HourBefore,
                &TzRules,
            )
            .file_name,
            export_measurements_csv(&plan, Audience::Myself).file_name,
            export_plan(&plan, now(), Author::Client).file_name,
        ] {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c)),
                "{p:?}: file name {name:?}"
            );
        }
    }
}

/// The checks themselves catch what they are for.
#[test]
fn the_checks_catch_raw_markup_and_injected_lines() {
    assert_eq!(unescaped("a \\< b <", &['<']), Some((7, '<')));
    assert_eq!(unescaped("a \\\\< b", &['<']), Some((4, '<')));
    assert_eq!(unescaped("a \\< \\[", &['<', '[']), None);
    let rows = parse_csv("a,\"b,\"\"c\"\"\r\nd\",e\r\n");
    assert_eq!(rows, [["a", "b,\"c\"\r\nd", "e"]]);
    assert_eq!(ics_unescape("a\\nb\\,c\\;d\\\\e"), "a\nb,c;d\\e");
}
