#![cfg(not(target_arch = "wasm32"))]
//! What people can type into a form, at its edges: very long text, emoji, right-to-left text,
//! zero-width characters, dates far in the past or future, negative or enormous KPI values,
//! NaN and infinities, line breaks and other control characters. Each is either stored exactly
//! and comes back unchanged through every place a plan goes (the verbs, storage documents, a
//! plan file and its reader), or refused with a message naming the field. A plan file holding
//! the same values gets the same answer from the importer.

use crate::text_fields;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use waymark::core::action::ActionDraft;
use waymark::core::assessment::{AssessmentAnswer, AssessmentArea, AssessmentDraft};
use waymark::core::checkin::{CheckInDraft, GoalEntryDraft, KpiValue};
use waymark::core::goal::{GoalChange, GoalDraft};
use waymark::core::journal::ReflectionDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::limits::{first_refused, is_free_text_control};
use waymark::core::milestone::MilestoneDraft;
use waymark::core::profile::ProfileDraft;
use waymark::core::review::ReviewDraft;
use waymark::core::schedule::{Cadence, ScheduleDraft};
use waymark::core::{Author, CoreError, Plan, PlanKind};
use waymark::exchange::export::{plan_file, template_file};
use waymark::exchange::parse_plan_file;

const WHO: Author = Author::Client;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A plan with one goal and one KPI (baseline 0, target 10, up).
fn plan() -> Plan {
    let mut p = Plan::new("Edge cases", PlanKind::ClientPlan, now(), WHO).unwrap();
    p.add_goal(GoalDraft::titled("Goal", day(2025, 1, 1)), now(), WHO)
        .unwrap();
    let g = p.goals[0].meta.id;
    p.add_kpi(kpi(g, 0.0, 10.0), now(), WHO).unwrap();
    p
}

fn kpi(goal_id: uuid::Uuid, baseline: f64, target: f64) -> KpiDraft {
    KpiDraft {
        goal_id,
        name: "Interviews".into(),
        unit: "per month".into(),
        baseline,
        target,
        direction: if target >= baseline {
            Direction::Up
        } else {
            Direction::Down
        },
    }
}

/// The plan through storage documents and then through a plan file: both must give it back
/// exactly.
fn round_trip(p: &Plan) -> Plan {
    let stored = Plan::from_documents(p.id(), &p.to_documents()).expect("loads from storage");
    assert!(stored == *p, "storage changed the plan");
    let file = plan_file(&stored, now(), WHO).to_json();
    let read = parse_plan_file(&file)
        .expect("reads back from its file")
        .plan;
    assert!(read == *p, "the plan file changed the plan");
    read
}

/// Whether `s` may go into a one-line field: short enough and no control character.
fn fits_one_line(s: &str) -> bool {
    s.chars().count() <= waymark::core::limits::MAX_TITLE && first_refused(s, true).is_none()
}

/// Every text field a person types, set to `s` through the verbs (fields that must say
/// something only when `s` does, one-line fields only when `s` fits on one line). Returns the
/// plan, or the first refusal.
fn everywhere(s: &str) -> Result<Plan, CoreError> {
    let mut p = plan();
    let g = p.goals[0].meta.id;
    let k = p.kpis[0].meta.id;
    let required = !waymark::core::limits::is_blank(s);
    let one_line = fits_one_line(s);
    let title = if required && one_line { s } else { "Title" };
    p.rename(title, now(), WHO)?;
    let mut draft = GoalDraft::titled(title, day(2025, 1, 1));
    draft.why = s.into();
    draft.description = s.into();
    draft.support = s.into();
    p.update_goal(g, draft, now(), WHO)?;
    p.add_milestone(
        MilestoneDraft {
            goal_id: g,
            title: title.into(),
            due: day(2025, 6, 1),
            order: 0,
        },
        now(),
        WHO,
    )?;
    let mut action = ActionDraft::new(title, 3, 2);
    action.goal_id = Some(g);
    p.add_action(action, now(), WHO)?;
    let mut k2 = kpi(g, 0.0, 1.0);
    k2.name = title.into();
    k2.unit = if one_line { s.into() } else { String::new() };
    p.add_kpi(k2, now(), WHO)?;
    let tags = if required && one_line {
        vec![s.to_owned()]
    } else {
        vec![]
    };
    p.set_profile(
        ProfileDraft {
            name: Some(if one_line { s.into() } else { String::new() }),
            current_role: if one_line { s.into() } else { String::new() },
            vision: s.into(),
            values: tags.clone(),
            strengths: tags.clone(),
        },
        now(),
        WHO,
    )?;
    p.add_assessment(
        AssessmentDraft {
            taken_on: day(2025, 3, 1),
            answers: vec![AssessmentAnswer {
                area: AssessmentArea::Barriers,
                question: title.into(),
                answer: s.into(),
            }],
        },
        now(),
        WHO,
    )?;
    if required {
        p.add_reflection(
            ReflectionDraft {
                text: s.into(),
                prompt: Some(s.into()),
                tags: tags.clone(),
                mood: Some(3),
                private: true,
            },
            now(),
            WHO,
        )?;
    }
    p.record_checkin(
        CheckInDraft {
            date: day(2025, 3, 10),
            entries: vec![GoalEntryDraft {
                goal_id: g,
                progress_note: s.into(),
                kpi_values: vec![KpiValue {
                    kpi_id: k,
                    value: 3.0,
                }],
                blockers: s.into(),
                next_steps: s.into(),
            }],
            confidence: 7,
            mood: 4,
        },
        now(),
        WHO,
    )?;
    p.add_review(
        ReviewDraft {
            from: day(2025, 3, 1),
            to: day(2025, 3, 9),
            went_well: s.into(),
            to_change: s.into(),
        },
        now(),
        WHO,
    )?;
    if required {
        p.adapt_goal(
            g,
            GoalChange::TargetDate(Some(day(2026, 1, 1))),
            s,
            now(),
            WHO,
        )?;
    }
    Ok(p)
}

/// Every place `everywhere` wrote `s` still holds exactly `s`.
fn holds_everywhere(p: &Plan, s: &str) {
    let g = &p.goals[0].fields;
    assert_eq!(g.why, s);
    assert_eq!(g.description, s);
    assert_eq!(g.support, s);
    let profile = p.live_profile().unwrap();
    assert_eq!(profile.vision, s);
    assert_eq!(p.assessments[0].fields.answers[0].answer, s);
    let entry = &p.checkins[0].entries[0];
    assert_eq!(
        [&entry.progress_note, &entry.blockers, &entry.next_steps],
        [s, s, s]
    );
    assert_eq!(p.reviews[0].fields.went_well, s);
    assert_eq!(p.reviews[0].fields.to_change, s);
    if fits_one_line(s) {
        assert_eq!(profile.current_role, s);
        assert!(p.kpis.iter().any(|k| k.fields.unit == s));
    }
    if !waymark::core::limits::is_blank(s) {
        let r = &p.reflections[0].fields;
        assert_eq!(r.text, s);
        assert_eq!(r.prompt.as_deref(), Some(s));
        assert_eq!(p.adaptations[0].reason, s);
        if fits_one_line(s) {
            assert_eq!(p.title, s);
            assert_eq!(g.title, s);
            assert_eq!(r.tags, [s]);
            assert_eq!(profile.values, [s]);
        }
    }
}

// ---- text -----------------------------------------------------------------------------------

/// Text that is kept exactly as typed, wherever it is typed (text with line breaks or tabs only
/// where it may go: in free text).
const KEPT: &[&str] = &[
    "Lead user research 🚀",
    "👩🏽‍💻 career change, 🇳🇱 → 🇬🇧",
    "مرحبا بالعالم",
    "שלום עולם: lead UX at מיקרוסופט by 2026",
    "abc\u{202e}fed.exe",
    "co\u{200b}operate",
    "a\u{200d}b \u{2060}c\u{200c}d",
    "\u{feff}Title after a byte-order mark",
    "  padded with spaces  ",
    "e\u{0301} is not é",
    "line one\nline two\r\nline three\rfour",
    "tab\there",
    "\u{10ffff}\u{e000}",
    "<script>alert(1)</script>",
];

#[test]
fn unusual_text_is_stored_exactly_everywhere() {
    for &s in KEPT {
        let p = everywhere(s).unwrap_or_else(|e| panic!("{s:?} refused: {e}"));
        holds_everywhere(&p, s);
        holds_everywhere(&round_trip(&p), s);
    }
}

#[test]
fn limits_are_counted_in_characters_not_bytes() {
    // 200 characters is the most for a one-line text and 20,000 for free text, whatever the
    // characters' size in bytes.
    for ch in ['x', 'é', 'ש', '😀', '\u{200b}'] {
        let line: String = std::iter::repeat_n(ch, 200).collect();
        let long: String = std::iter::repeat_n(ch, 20_000).collect();
        let p = everywhere(&format!("a{}", &line[ch.len_utf8()..]))
            .unwrap_or_else(|e| panic!("{ch:?} × 200: {e}"));
        holds_everywhere(&round_trip(&p), &format!("a{}", &line[ch.len_utf8()..]));
        let p = everywhere(&long).unwrap_or_else(|e| panic!("{ch:?} × 20,000: {e}"));
        holds_everywhere(&round_trip(&p), &long);

        let mut q = plan();
        let over: String = std::iter::repeat_n(ch, 201).collect();
        let e = q.rename(&format!("a{over}"), now(), WHO).unwrap_err();
        assert_eq!(
            e,
            CoreError::TooLong {
                field: "The plan's title",
                max: 200
            }
        );
        let g = q.goals[0].meta.id;
        let mut draft = q.goals[0].fields.clone();
        draft.why = std::iter::repeat_n(ch, 20_001).collect();
        let e = q.update_goal(g, draft, now(), WHO).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Why is too long: keep it to 20000 characters or fewer."
        );
    }
}

/// Only spaces and invisible characters: nothing a person could read, so it is empty.
const BLANK: &[&str] = &[
    "",
    "   ",
    "\t\n",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    " \u{200b}\u{200c}\u{200d}\u{2060}\u{feff} ",
    "\u{00a0}\u{3000}",
    "\u{200e}\u{200f}",
    "\u{00ad}",
];

#[test]
fn text_of_only_invisible_characters_counts_as_empty() {
    for &s in BLANK {
        let mut p = plan();
        let before = p.clone();
        let g = p.goals[0].meta.id;
        let refused = |r: Result<_, CoreError>, field: &str| {
            let e = r.expect_err(&format!("{s:?} accepted as {field}"));
            assert_eq!(e.to_string(), format!("{field} can't be empty."), "{s:?}");
        };
        refused(p.rename(s, now(), WHO), "The plan's title");
        refused(
            p.add_goal(GoalDraft::titled(s, day(2025, 1, 1)), now(), WHO),
            "The goal's title",
        );
        refused(
            p.add_action(ActionDraft::new(s, 1, 1), now(), WHO),
            "The action's title",
        );
        refused(
            p.add_milestone(
                MilestoneDraft {
                    goal_id: g,
                    title: s.into(),
                    due: day(2025, 6, 1),
                    order: 0,
                },
                now(),
                WHO,
            ),
            "The milestone's title",
        );
        let mut k = kpi(g, 0.0, 1.0);
        k.name = s.into();
        refused(p.add_kpi(k, now(), WHO), "The KPI's name");
        refused(
            p.add_reflection(
                ReflectionDraft {
                    text: s.into(),
                    ..ReflectionDraft::default()
                },
                now(),
                WHO,
            ),
            "The reflection",
        );
        refused(
            p.add_reflection(
                ReflectionDraft {
                    text: "fine".into(),
                    tags: vec![s.into()],
                    ..ReflectionDraft::default()
                },
                now(),
                WHO,
            ),
            "Tags",
        );
        refused(
            p.set_profile(
                ProfileDraft {
                    values: vec![s.into()],
                    ..ProfileDraft::default()
                },
                now(),
                WHO,
            ),
            "Values",
        );
        assert_eq!(
            p.drop_goal(g, s, now(), WHO),
            Err(CoreError::ReasonRequired),
            "{s:?}"
        );
        assert!(p == before, "a refused change left a trace");
    }
}

#[test]
fn the_importer_applies_the_same_text_rules() {
    let p = plan();
    let good: Value = serde_json::from_slice(&plan_file(&p, now(), WHO).to_json()).unwrap();
    let read = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        parse_plan_file(&serde_json::to_vec(&v).unwrap())
    };
    for &s in BLANK {
        let e = read(&|v| v["goals"][0]["title"] = json!(s)).unwrap_err();
        if first_refused(s, true).is_some() {
            // Line breaks in a title are refused first, at the field.
            assert_eq!(e.path(), "goals[0].title", "{s:?}");
            assert!(e.to_string().contains("must fit on one line"), "{e}");
        } else {
            assert_eq!(e.path(), "goals[0]", "{s:?}");
            assert!(e.to_string().contains("can't be empty"), "{e}");
        }
        let e = read(&|v| v["plan"]["title"] = json!(s)).unwrap_err();
        assert_eq!(e.path(), "plan.title", "{s:?}");
    }
    for &s in KEPT {
        let one_line = fits_one_line(s);
        let file = read(&|v| {
            if one_line {
                v["goals"][0]["title"] = json!(s);
                v["kpis"][0]["unit"] = json!(s);
            }
            v["goals"][0]["why"] = json!(s);
        })
        .unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(file.plan.goals[0].fields.why, s);
        if one_line {
            assert_eq!(file.plan.goals[0].fields.title, s);
            assert_eq!(file.plan.kpis[0].fields.unit, s);
        } else {
            let e = read(&|v| v["goals"][0]["title"] = json!(s)).unwrap_err();
            assert!(
                e.to_string()
                    .starts_with("goals[0].title: must fit on one line"),
                "{e}"
            );
        }
    }
    for (ch, ok) in [('😀', 200), ('😀', 201), ('x', 200), ('x', 201)] {
        let s: String = std::iter::repeat_n(ch, ok).collect();
        let r = read(&|v| v["goals"][0]["title"] = json!(s));
        match r {
            Ok(f) if ok <= 200 => assert_eq!(f.plan.goals[0].fields.title, s),
            Err(e) if ok > 200 => {
                assert_eq!(e.path(), "goals[0].title");
                assert!(e
                    .to_string()
                    .contains("too long (201 characters; at most 200)"));
            }
            other => panic!("{ch:?} × {ok}: {other:?}"),
        }
    }
}

// ---- control characters ------------------------------------------------------------------

#[test]
fn one_line_text_refuses_control_characters_and_free_text_keeps_line_breaks_and_tabs() {
    let base = text_fields::plan_with_text("Line", "Free text");
    // (text, whether free text takes it)
    let table = [
        ("a\nb", true),
        ("a\rb", true),
        ("a\r\nb", true),
        ("a\tb", true),
        ("a\0b", false),
        ("a\u{1b}[31mb", false),
        ("a\u{7f}b", false),
        ("a\u{85}b", false),
        ("a\u{9b}b", false),
        ("\u{0}", false),
    ];
    for (s, free_ok) in table {
        let attempts = text_fields::one_line_attempts(&base, s);
        assert_eq!(attempts.len(), 23);
        for (field, r) in attempts {
            let e = r.expect_err(&format!("{s:?} accepted as {field}"));
            assert_eq!(e, CoreError::NotOneLine { field }, "{s:?}");
            assert_eq!(
                e.to_string(),
                format!("{field} must fit on one line: remove line breaks and control characters.")
            );
        }
        let attempts = text_fields::free_text_attempts(&base, s);
        assert_eq!(attempts.len(), 19);
        for (field, r) in attempts {
            match (r, free_ok) {
                (Ok(_), true) => {}
                (Err(e), false) => {
                    assert_eq!(e, CoreError::ControlCharacter { field }, "{s:?}");
                    assert!(
                        e.to_string()
                            .starts_with(&format!("{field} contains a control character")),
                        "{e}"
                    );
                }
                (r, _) => panic!("{s:?} as {field}: {r:?}"),
            }
        }
    }
    // Only control characters: invisible, right-to-left and other unusual characters are
    // one-line text like any other.
    for s in [
        "co\u{200b}operate",
        "abc\u{202e}fed",
        "\u{feff}bom",
        "👩🏽‍💻 🇳🇱",
        "a\u{00a0}b",
        "שלום",
    ] {
        for (field, r) in text_fields::one_line_attempts(&base, s) {
            assert!(r.is_ok(), "{s:?} as {field}: {r:?}");
        }
    }
}

/// The JSON keys of the plan file's one-line text (for a list of texts, the list's key).
const ONE_LINE_KEYS: &[&str] = &[
    "title",
    "name",
    "current_role",
    "values",
    "strengths",
    "question",
    "value",
    "when",
    "then",
    "unit",
    "tags",
    "wish",
    "obstacle",
    "plan",
    "session_goal",
    "options",
    "what",
];
/// The JSON keys of the plan file's free text.
const FREE_TEXT_KEYS: &[&str] = &[
    "vision",
    "answer",
    "why",
    "description",
    "support",
    "progress_note",
    "blockers",
    "next_steps",
    "went_well",
    "to_change",
    "text",
    "prompt",
    "before",
    "after",
    "reason",
    "prompts",
    "outcome",
    "reality",
];
/// The keys of the other strings in a plan file: ids, dates, times and fixed words.
const NOT_TEXT_KEYS: &[&str] = &[
    "format",
    "kind",
    "exported_at",
    "exported_by",
    "id",
    "created_at",
    "updated_at",
    "updated_by",
    "author",
    "status",
    "start_date",
    "target_date",
    "priority",
    "to",
    "goal_id",
    "due",
    "done_at",
    "kpi_id",
    "at",
    "direction",
    "area",
    "taken_on",
    "every",
    "weekday",
    "starts_on",
    "held_on",
    "action_id",
    "date",
    "measurement_ids",
    "from",
    "change",
];

/// Every string in `v`: its path as the importer names it and the key it is under.
fn strings(v: &Value, path: &str, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(_) => out.push((path.to_owned(), key.to_owned())),
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                strings(x, &format!("{path}[{i}]"), key, out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(x, &p, k, out);
            }
        }
        _ => {}
    }
}

/// Sets the value at an importer path such as `goals[0].serves[1].value`.
fn set_at(v: &mut Value, path: &str, to: &str) {
    let mut slot = v;
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        slot = &mut slot[key];
        for i in indexes.split('[').filter(|i| !i.is_empty()) {
            slot = &mut slot[i.trim_end_matches(']').parse::<usize>().unwrap()];
        }
    }
    *slot = json!(to);
}

#[test]
fn the_importer_refuses_control_characters_naming_the_field() {
    let p = text_fields::plan_with_text("Line", "Free text");
    let at = text_fields::now();
    let mut seen = std::collections::BTreeSet::new();
    for bytes in [
        plan_file(&p, at, WHO).to_json(),
        template_file(&p, at, Author::Coach).to_json(),
    ] {
        let good: Value = serde_json::from_slice(&bytes).unwrap();
        let mut all = Vec::new();
        strings(&good, "", "", &mut all);
        for (path, key) in all {
            let read = |s: &str| {
                let mut v = good.clone();
                set_at(&mut v, &path, s);
                parse_plan_file(&serde_json::to_vec(&v).unwrap())
            };
            seen.insert(key.clone());
            if ONE_LINE_KEYS.contains(&key.as_str()) {
                for s in ["a\nb", "a\rb", "a\tb", "a\0b", "a\u{85}b"] {
                    let e = read(s).expect_err(&format!("{s:?} accepted at {path}"));
                    assert_eq!(e.path(), path);
                    assert!(
                        e.to_string().starts_with(&format!(
                            "{path}: must fit on one line: remove line breaks and control characters"
                        )),
                        "{e}"
                    );
                }
                assert!(read("a\u{200b}b").is_ok(), "{path}");
            } else if FREE_TEXT_KEYS.contains(&key.as_str()) {
                read("a\nb\r\nc\td").unwrap_or_else(|e| panic!("{path}: {e}"));
                for s in ["a\0b", "a\u{1b}b", "a\u{9b}b"] {
                    let e = read(s).expect_err(&format!("{s:?} accepted at {path}"));
                    assert_eq!(e.path(), path);
                    assert!(
                        e.to_string()
                            .starts_with(&format!("{path}: holds a control character")),
                        "{e}"
                    );
                }
            } else {
                assert!(
                    NOT_TEXT_KEYS.contains(&key.as_str()),
                    "{path}: is {key:?} one-line text or free text?"
                );
            }
        }
    }
    for key in ONE_LINE_KEYS.iter().chain(FREE_TEXT_KEYS) {
        assert!(seen.contains(*key), "no {key} in the files");
    }
    // The example: a goal title with a line break.
    let mut v: Value = serde_json::from_slice(&plan_file(&p, at, WHO).to_json()).unwrap();
    v["goals"][0]["title"] = json!("x\r\nATTACH:http://evil.example/x");
    let e = parse_plan_file(&serde_json::to_vec(&v).unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "goals[0].title: must fit on one line: remove line breaks and control characters (U+000D at character 2)"
    );
}

#[test]
fn text_stored_before_control_characters_were_refused_still_loads() {
    let p = plan();
    let g = p.goals[0].meta.id;
    let docs_with = |title: &str, why: &str| {
        let mut docs = p.to_documents();
        for d in &mut docs {
            let mut v: Value = serde_json::from_str(&d.body).unwrap();
            if d.id == g {
                v["title"] = json!(title);
                v["why"] = json!(why);
            } else if d.id == p.id() {
                v["title"] = json!("Edge\tcases");
            }
            d.body = v.to_string();
        }
        docs
    };
    let title = "x\r\nATTACH:http://evil.example/x";
    let loaded = Plan::from_documents(p.id(), &docs_with(title, "a\0b"))
        .expect("a plan with such text still opens");
    assert_eq!(loaded.title, "Edge\tcases");
    assert_eq!(loaded.goals[0].fields.title, title);
    assert_eq!(loaded.goals[0].fields.why, "a\0b");
    // Other records are edited as usual; that goal asks for its text to be fixed first.
    let mut q = loaded.clone();
    q.add_goal(GoalDraft::titled("Another", day(2025, 1, 1)), now(), WHO)
        .unwrap();
    let mut draft = q
        .goals
        .iter()
        .find(|x| x.meta.id == g)
        .unwrap()
        .fields
        .clone();
    draft.description = "More".into();
    assert_eq!(
        q.update_goal(g, draft.clone(), now(), WHO),
        Err(CoreError::NotOneLine {
            field: "The goal's title"
        })
    );
    draft.title = "x ATTACH:http://evil.example/x".into();
    assert_eq!(
        q.update_goal(g, draft.clone(), now(), WHO),
        Err(CoreError::ControlCharacter { field: "Why" })
    );
    draft.why = "ab".into();
    q.update_goal(g, draft, now(), WHO).unwrap();
    assert_eq!(
        q.rename("Edge\tcases", now(), WHO),
        Err(CoreError::NotOneLine {
            field: "The plan's title"
        })
    );
    // Every other rule still holds for such a record.
    for (title, says) in [
        (format!("\n{}", "x".repeat(200)), "too long"),
        ("\n\t".to_owned(), "can't be empty"),
    ] {
        let e = Plan::from_documents(p.id(), &docs_with(&title, "")).unwrap_err();
        assert!(
            matches!(&e, CoreError::CorruptRecord { id, detail, .. } if *id == g && detail.contains(says)),
            "{title:?}: {e}"
        );
    }
    // And a file holding it is refused.
    let file = plan_file(&loaded, now(), WHO).to_json();
    assert_eq!(parse_plan_file(&file).unwrap_err().path(), "plan.title");
}

// ---- dates ----------------------------------------------------------------------------------

#[test]
fn dates_from_1900_to_2200_are_kept_and_others_refused_naming_the_field() {
    let edges = [
        (day(1900, 1, 1), true),
        (day(2200, 12, 31), true),
        (day(1899, 12, 31), false),
        (day(2201, 1, 1), false),
        (day(1, 1, 1), false),
        (NaiveDate::MIN, false),
        (NaiveDate::MAX, false),
    ];
    for (d, ok) in edges {
        let mut p = plan();
        // A milestone can't fall before its goal starts, so the dated one goes on a goal that
        // starts on the first day the app accepts.
        let early = p
            .add_goal(GoalDraft::titled("Early", day(1900, 1, 1)), now(), WHO)
            .unwrap()
            .id_of(waymark::core::DocKind::Goal)
            .unwrap();
        let before = p.clone();
        let k = p.kpis[0].meta.id;
        let check = |r: Result<_, CoreError>, field: &str| match (r, ok) {
            (Ok(_), true) => {}
            (Err(e), false) => {
                assert_eq!(
                    e.to_string(),
                    format!("{field} must be a date between the years 1900 and 2200."),
                    "{d}"
                );
            }
            (r, _) => panic!("{field} {d}: {:?}", r.map(|_| ())),
        };
        let mut goal = GoalDraft::titled("Far", d);
        goal.target_date = None;
        check(p.add_goal(goal, now(), WHO), "The start date");
        let mut goal = GoalDraft::titled("Far", day(1900, 1, 1));
        goal.target_date = Some(d).filter(|d| *d > day(1900, 1, 1));
        if goal.target_date.is_some() {
            check(p.add_goal(goal, now(), WHO), "The target date");
        }
        check(
            p.add_milestone(
                MilestoneDraft {
                    goal_id: early,
                    title: "m".into(),
                    due: d,
                    order: 0,
                },
                now(),
                WHO,
            ),
            "The due date",
        );
        let mut a = ActionDraft::new("a", 1, 1);
        a.due = Some(d);
        check(p.add_action(a, now(), WHO), "The due date");
        check(
            p.record_checkin(
                CheckInDraft {
                    date: d,
                    entries: vec![],
                    confidence: 5,
                    mood: 3,
                },
                now(),
                WHO,
            ),
            "The check-in date",
        );
        check(
            p.add_assessment(
                AssessmentDraft {
                    taken_on: d,
                    answers: vec![],
                },
                now(),
                WHO,
            ),
            "The assessment date",
        );
        check(
            p.set_schedule(
                ScheduleDraft {
                    cadence: Cadence::Monthly { day: 31 },
                    utc_offset_minutes: 0,
                    starts_on: d,
                    time_zone: None,
                },
                now(),
                WHO,
            ),
            "The first check-in date",
        );
        let (from, to) = if d < day(2000, 1, 1) {
            (d, day(2000, 1, 1))
        } else {
            (day(2000, 1, 1), d)
        };
        check(
            p.add_review(
                ReviewDraft {
                    from,
                    to,
                    went_well: String::new(),
                    to_change: String::new(),
                },
                now(),
                WHO,
            ),
            if d < day(2000, 1, 1) {
                "The start of the period"
            } else {
                "The end of the period"
            },
        );
        let at = d.and_hms_opt(12, 0, 0).unwrap().and_utc();
        // A value can't be dated after "now", so the far edge is logged on that day.
        let now_then = if ok { at.max(now()) } else { now() };
        check(
            p.log_measurement(k, 1.0, at, now_then, WHO),
            "The measurement time",
        );
        check(p.rename("Later", at, WHO), "The current time");
        if ok {
            let back = round_trip(&p);
            assert!(back.milestones.iter().any(|m| m.fields.due == d));
            assert!(back.checkins.iter().any(|c| c.date == d));
            assert!(back.measurements.iter().any(|m| m.at == at));
        } else {
            assert!(p == before, "a refused date left a trace");
        }
    }
}

#[test]
fn the_importer_refuses_the_same_dates_naming_the_field() {
    let p = plan();
    let good: Value = serde_json::from_slice(&plan_file(&p, now(), WHO).to_json()).unwrap();
    for (path, field, value) in [
        ("goals[0].start_date", "start_date", "1899-12-31"),
        ("goals[0].start_date", "start_date", "2201-01-01"),
        ("goals[0].meta.created_at", "", "2201-01-01T00:00:00Z"),
        ("goals[0].meta.created_at", "", "1899-12-31T23:59:59Z"),
    ] {
        let mut v = good.clone();
        if field.is_empty() {
            v["goals"][0]["meta"]["created_at"] = json!(value);
        } else {
            v["goals"][0][field] = json!(value);
        }
        let e = parse_plan_file(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(e.path(), path);
        assert!(
            e.to_string().contains("outside the years 1900 to 2200"),
            "{e}"
        );
    }
    // The edges themselves are read.
    let mut v = good.clone();
    v["goals"][0]["start_date"] = json!("1900-01-01");
    v["goals"][0]["target_date"] = json!("2200-12-31");
    let file = parse_plan_file(&serde_json::to_vec(&v).unwrap()).unwrap();
    assert_eq!(file.plan.goals[0].fields.start_date, day(1900, 1, 1));
}

// ---- numbers --------------------------------------------------------------------------------

#[test]
fn kpi_values_may_be_negative_but_not_enormous_or_not_numbers() {
    let kept = [
        -1e12,
        1e12,
        -50.0,
        -0.0,
        0.1 + 0.2,
        5e-324,
        -123_456.789_012_345,
        f64::EPSILON,
    ];
    for x in kept {
        let mut p = plan();
        let g = p.goals[0].meta.id;
        let k = p.kpis[0].meta.id;
        p.add_kpi(kpi(g, x, x), now(), WHO)
            .unwrap_or_else(|e| panic!("{x}: {e}"));
        p.add_kpi(kpi(g, x, 1e12), now(), WHO).unwrap();
        p.add_kpi(kpi(g, x, -1e12), now(), WHO).unwrap();
        p.log_measurement(k, x, now(), now(), WHO).unwrap();
        let back = round_trip(&p);
        let same = |y: f64| y.to_bits() == x.to_bits();
        assert!(back.kpis.iter().any(|k| same(k.fields.baseline)), "{x}");
        assert!(back.measurements.iter().any(|m| same(m.value)), "{x}");
    }
    let refused = [
        (f64::NAN, "must be a number."),
        (f64::INFINITY, "must be a number."),
        (f64::NEG_INFINITY, "must be a number."),
        (1e12 + 1.0, "is too large a number"),
        (-1e12 - 1.0, "is too large a number"),
        (f64::MAX, "is too large a number"),
    ];
    for (x, says) in refused {
        let mut p = plan();
        let g = p.goals[0].meta.id;
        let k = p.kpis[0].meta.id;
        let before = p.clone();
        let expect = |r: Result<_, CoreError>, field: &str| {
            let e = r.expect_err(&format!("{field} {x} accepted"));
            let msg = e.to_string();
            assert!(msg.starts_with(field) && msg.contains(says), "{x}: {msg}");
        };
        let mut d = kpi(g, 0.0, 0.0);
        d.baseline = x;
        expect(p.add_kpi(d.clone(), now(), WHO), "The baseline");
        d.baseline = 0.0;
        d.target = x;
        expect(p.add_kpi(d, now(), WHO), "The target");
        expect(p.log_measurement(k, x, now(), now(), WHO), "The value");
        expect(
            p.adapt_goal(
                g,
                GoalChange::KpiTarget {
                    kpi_id: k,
                    target: x,
                },
                "Aim higher",
                now(),
                WHO,
            ),
            "The target",
        );
        expect(
            p.record_checkin(
                CheckInDraft {
                    date: day(2025, 3, 10),
                    entries: vec![GoalEntryDraft {
                        goal_id: g,
                        progress_note: String::new(),
                        kpi_values: vec![KpiValue {
                            kpi_id: k,
                            value: x,
                        }],
                        blockers: String::new(),
                        next_steps: String::new(),
                    }],
                    confidence: 5,
                    mood: 3,
                },
                now(),
                WHO,
            ),
            "The KPI value",
        );
        assert!(p == before, "a refused number left a trace");
    }
}

#[test]
fn the_importer_applies_the_same_number_rules() {
    let p = plan();
    let good = String::from_utf8(plan_file(&p, now(), WHO).to_json()).unwrap();
    let baseline = "\"baseline\": 0.0";
    assert!(good.contains(baseline));
    for (raw, ok) in [
        ("-1000000000000", true),
        ("-50", true),
        ("-0", true),
        ("5e-324", true),
        ("1000000000000.5", false),
        ("-1e13", false),
        ("NaN", false),
        ("Infinity", false),
        ("-Infinity", false),
        ("1e400", false),
    ] {
        let file = good.replacen(baseline, &format!("\"baseline\": {raw}"), 1);
        let r = parse_plan_file(file.as_bytes());
        match (&r, ok) {
            (Ok(f), true) => {
                let x: f64 = raw.parse().unwrap();
                assert_eq!(f.plan.kpis[0].fields.baseline, x);
            }
            (Err(e), false) => assert!(
                e.path() == "kpis[0].baseline" || e.to_string().contains("line"),
                "{raw}: {e}"
            ),
            _ => panic!("{raw}: {r:?}"),
        }
    }
}

// ---- any text within the limits ---------------------------------------------------------------

/// Characters that tend to break things, mixed into arbitrary Unicode.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{202e}', '\u{202d}',
            '\u{0}', '\r', '\n', '"', '\\', '<', '&', '😀', 'ש', 'م', '\u{0301}', '\u{10ffff}',
        ]),
    ]
}

/// Up to `max` tricky characters that one-line text (`one_line`) or free text may hold: a
/// control character it refuses becomes U+FFFD.
fn text(max: usize, one_line: bool) -> impl Strategy<Value = String> {
    let ch = tricky_char().prop_map(move |c| {
        if c.is_control() && (one_line || !is_free_text_control(c)) {
            '\u{fffd}'
        } else {
            c
        }
    });
    prop::collection::vec(ch, 0..=max).prop_map(String::from_iter)
}

/// Any control character, the ones free text keeps among them.
fn control_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '\n', '\r', '\t', '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}'
        ]),
        (0u32..=0x9f).prop_filter_map("a control character", |n| char::from_u32(n)
            .filter(|c| c.is_control())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever Unicode someone types, within the limits, comes back exactly.
    #[test]
    fn any_text_within_the_limits_round_trips_exactly(
        line in text(200, true),
        long in text(600, false),
    ) {
        let p = everywhere(&long).unwrap_or_else(|e| panic!("{long:?}: {e}"));
        holds_everywhere(&round_trip(&p), &long);
        let p = everywhere(&line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
        holds_everywhere(&round_trip(&p), &line);
    }

    /// One control character anywhere in a title is refused; in free text, only one that is
    /// not a line break or tab is, and the text is kept exactly otherwise.
    #[test]
    fn a_control_character_anywhere_is_refused_where_it_does_not_belong(
        line in text(199, true),
        at in any::<prop::sample::Index>(),
        c in control_char(),
    ) {
        let mut s: Vec<char> = line.chars().collect();
        s.insert(at.index(s.len() + 1), c);
        let s = String::from_iter(s);
        let mut p = plan();
        let before = p.clone();
        if !waymark::core::limits::is_blank(&s) {
            prop_assert_eq!(
                p.rename(&s, now(), WHO),
                Err(CoreError::NotOneLine { field: "The plan's title" })
            );
        }
        let g = p.goals[0].meta.id;
        let mut draft = p.goals[0].fields.clone();
        draft.why = s.clone();
        let r = p.update_goal(g, draft, now(), WHO);
        if is_free_text_control(c) {
            prop_assert!(r.is_ok(), "{:?}: {:?}", s, r);
            prop_assert_eq!(&round_trip(&p).goals[0].fields.why, &s);
        } else {
            prop_assert_eq!(r, Err(CoreError::ControlCharacter { field: "Why" }));
            prop_assert!(p == before, "a refused text left a trace");
        }
    }
}
