#![cfg(not(target_arch = "wasm32"))]
//! Injection payloads in every text field a person can fill in, through every export. The
//! corpus is `tests/fixtures/xss-payloads.json` (a JSON array of strings, so line breaks and
//! invisible characters are written as JSON escapes; the browser tests read the same file).
//!
//! For each payload, put through the core's verbs into every user-text field:
//! - Markdown: no `<`, `>`, `[`, `]`, `&` or backtick from user text is left unescaped, so no
//!   HTML, link, image, entity or code span can form; and the text still reads as typed.
//! - iCalendar: every line (after unfolding) starts with a property Waymark writes, no bare
//!   CR or LF gets in, and the text values unescape to what was typed.
//! - CSV: no text cell starts with `=`, `+`, `-`, `@`, tab or CR, and each is the text typed
//!   (behind a `'` where one was needed).
//! - Plan files (full, template, progress report) read back byte for byte.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use waymark::core::action::{ActionDraft, IfThen};
use waymark::core::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use waymark::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use waymark::core::goal::{GoalChange, GoalDraft, Serves};
use waymark::core::history::ChangeKind;
use waymark::core::journal::ReflectionDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::profile::ProfileDraft;
use waymark::core::review::ReviewDraft;
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::{Author, Plan, PlanKind};
use waymark::exchange::csv::{export_measurements_csv, measurements_csv};
use waymark::exchange::export::{export_plan, export_progress_report, export_template};
use waymark::exchange::ics::{export_ics, plan_ics};
use waymark::exchange::markdown::{export_markdown, plan_markdown};
use waymark::exchange::parse_plan_file;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn payloads() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/xss-payloads.json"
    );
    let list: Vec<String> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert!(list.len() >= 40, "only {} payloads", list.len());
    list
}

/// A plan with `p` in every text field a person fills in: the plan's title; the profile's
/// name, role, vision, values and strengths; an assessment's question and answer; a goal's
/// title, why, description, support and value served; a milestone; an action with its if-then
/// plan and an action for the whole plan; a KPI's name and unit; a check-in's notes; a
/// review; a public and a private reflection's text, prompt and tags; a goal adaptation's and
/// a plan adaptation's before, after and reason.
fn plan_with(p: &str) -> Plan {
    let (c, by) = (now(), Author::Client);
    let s = || p.to_owned();
    let mut plan = Plan::new(p, PlanKind::ClientPlan, c - Duration::days(30), by).unwrap();
    plan.set_profile(
        ProfileDraft {
            name: Some(s()),
            current_role: s(),
            vision: s(),
            values: vec![s()],
            strengths: vec![s()],
        },
        c,
        by,
    )
    .unwrap();
    plan.add_assessment(
        AssessmentDraft {
            taken_on: day(2025, 2, 1),
            answers: vec![AssessmentAnswer {
                area: AssessmentArea::Barriers,
                question: s(),
                answer: s(),
            }],
        },
        c,
        by,
    )
    .unwrap();
    let mut goal = GoalDraft::titled(p, day(2025, 2, 1));
    goal.why = s();
    goal.description = s();
    goal.support = s();
    goal.serves = vec![Serves::Vision, Serves::Value(s())];
    goal.confidence = Some(6);
    goal.target_date = Some(day(2025, 12, 1));
    let g = plan.add_goal(goal, c, by).unwrap().records[0].1;
    plan.add_milestone(
        MilestoneDraft {
            goal_id: g,
            title: s(),
            due: day(2025, 6, 1),
            order: 0,
        },
        c,
        by,
    )
    .unwrap();
    let mut action = ActionDraft::new(p, 4, 2);
    action.goal_id = Some(g);
    action.due = Some(day(2025, 4, 1));
    action.if_then = Some(IfThen {
        when: s(),
        then: s(),
    });
    plan.add_action(action, c, by).unwrap();
    plan.add_action(ActionDraft::new(p, 2, 1), c, by).unwrap();
    let k = plan
        .add_kpi(
            KpiDraft {
                goal_id: g,
                name: s(),
                unit: s(),
                baseline: -5.0,
                target: 10.0,
                direction: Direction::Up,
            },
            c,
            by,
        )
        .unwrap()
        .records[0]
        .1;
    plan.log_measurement(k, -2.5, c - Duration::days(3), c, by)
        .unwrap();
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: 60,
            starts_on: day(2025, 2, 3),
        },
        c,
        by,
    )
    .unwrap();
    plan.record_checkin(
        CheckInDraft {
            date: day(2025, 3, 10),
            entries: vec![GoalEntryDraft {
                goal_id: g,
                progress_note: s(),
                kpi_values: vec![KpiValue {
                    kpi_id: k,
                    value: 3.0,
                }],
                blockers: s(),
                next_steps: s(),
            }],
            confidence: 7,
            mood: 4,
        },
        c,
        by,
    )
    .unwrap();
    plan.add_review(
        ReviewDraft {
            from: day(2025, 3, 1),
            to: day(2025, 3, 9),
            went_well: s(),
            to_change: s(),
        },
        c,
        by,
    )
    .unwrap();
    for private in [false, true] {
        plan.add_reflection(
            ReflectionDraft {
                text: s(),
                prompt: Some(s()),
                tags: vec![s()],
                mood: Some(3),
                private,
            },
            c,
            by,
        )
        .unwrap();
    }
    plan.adapt_goal(
        g,
        GoalChange::Strategy {
            description: format!("{p} (v2)"),
            support: s(),
        },
        p,
        c,
        by,
    )
    .unwrap();
    plan.adapt_plan(ChangeKind::Edited, p, p, p, c, by).unwrap();
    plan
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
    let ics = plan_ics(plan, now());
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
                line.ends_with(":VCALENDAR") || line.ends_with(":VEVENT"),
                "{p:?}: {line:?}"
            );
        }
        events += usize::from(line == "BEGIN:VEVENT");
    }
    assert_eq!(
        events, 2,
        "{p:?}: the schedule and the milestone, nothing more"
    );
    let typed: String = p
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect();
    for (property, value) in [
        ("X-WR-CALNAME", typed.clone()),
        ("SUMMARY", format!("Check-in: {typed}")),
        ("SUMMARY", format!("Milestone: {typed}")),
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
            export_markdown(&plan, now()).file_name,
            export_ics(&plan, now()).file_name,
            export_measurements_csv(&plan).file_name,
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
