#![cfg(not(target_arch = "wasm32"))]
//! Plan files: the version fixtures (restored and compared, refreshed with UPDATE_EXPECT=1),
//! the published JSON Schema against real exports, the export kinds, preview and merge rules,
//! saving a merge through the store, and the readable exports (Markdown, iCalendar, CSV).

use crate::zones;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use std::path::{Path, PathBuf};
use waymark::core::journal::ReflectionDraft;
use waymark::core::sample::{sample_plan, seeded_plan};
use waymark::core::schedule::{AlarmLead, Cadence, ScheduleDraft};
use waymark::core::{Author, DocKind, Plan, PlanKind};
use waymark::exchange::crypto::{base64_decode, base64_encode, parse_envelope, Envelope};
use waymark::exchange::csv::{measurements_csv, text_cell};
use waymark::exchange::export::{plan_file, progress_report_file, template_file};
use waymark::exchange::ics::{fold_line, plan_ics, rrule};
use waymark::exchange::markdown::{escape_inline, plan_markdown};
use waymark::exchange::migrate::{table_is_valid, MIGRATIONS};
use waymark::exchange::spec::json_schema;
use waymark::exchange::{
    export_plan, export_template, merge, merge_import, parse_plan_file, preview, FileKind,
    ImportError, ImportTarget,
};
use waymark::store::memory::MemoryStore;
use waymark::store::{ChangeSet, Store};
use zones::TzRules;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn update() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

/// Compares with a file on disk; `UPDATE_EXPECT=1` rewrites it instead.
fn expect_file(path: &Path, actual: &[u8]) {
    if update() || !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap();
    assert!(
        expected == actual,
        "{} differs from what the code produces now; if the change is intended, run with UPDATE_EXPECT=1",
        path.display()
    );
}

/// The sample plan with one private reflection and text that looks like markup.
fn rich_plan() -> Plan {
    let mut p = sample_plan(now()).unwrap();
    p.add_reflection(
        ReflectionDraft {
            text: "Only for me: <script>alert('x')</script> & *not* a [link](http://x)".into(),
            prompt: Some("What did you avoid, and why?".into()),
            tags: vec!["private".into()],
            mood: Some(2),
            private: true,
        },
        now(),
        Author::Client,
    )
    .unwrap();
    p
}

// ---- fixtures: one file per format version -----------------------------------------------------

#[test]
fn every_version_fixture_restores_to_its_expected_current_file() {
    let dir = root().join("tests/fixtures/plan-files");
    let v1 = dir.join("v1-sample.waymark.json");
    if !v1.exists() {
        // Written once, when version 1 was current; frozen afterwards.
        let file = plan_file(&rich_plan(), now(), Author::Client);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&v1, file.to_json()).unwrap();
    }
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with('v') && name.ends_with(".waymark.json")) {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let file = parse_plan_file(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = dir.join(name.replace(".waymark.json", ".expected.json"));
        expect_file(&expected, &file.to_json());
        // Restoring again from the expected file changes nothing.
        let again = parse_plan_file(&std::fs::read(&expected).unwrap()).unwrap();
        assert_eq!(again.plan, file.plan, "{name}");
    }
    assert!(seen >= 1, "no version fixtures found");
}

#[test]
fn the_migration_table_is_valid_and_rejects_broken_tables() {
    assert!(table_is_valid(
        MIGRATIONS,
        waymark::exchange::format::CURRENT_VERSION
    ));
    assert!(!table_is_valid(MIGRATIONS, 1));
    assert!(!table_is_valid(MIGRATIONS, 3));
    assert!(!table_is_valid(&[], 1));
}

// ---- the published schema ----------------------------------------------------------------------

#[test]
fn the_published_schema_is_the_generated_one_and_real_exports_pass_it() {
    let schema = json_schema();
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    expect_file(
        &root().join("docs/waymark-plan.schema.json"),
        text.as_bytes(),
    );

    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let plan = rich_plan();
    // Content-free tombstones of every kind a goal's deletion makes, and a cleared schedule.
    let mut with_tombstones = seeded_plan(2, 3, 2, 2, 4).unwrap();
    let goal = with_tombstones.live_goals()[0].meta.id;
    with_tombstones
        .delete_goal(goal, now(), Author::Client)
        .unwrap();
    with_tombstones
        .clear_schedule(now(), Author::Coach)
        .unwrap();
    let env = Envelope {
        version: 2,
        kind: FileKind::Plan,
        iterations: 600_000,
        salt: vec![1; 16],
        nonce: vec![2; 12],
        ciphertext: vec![3; 40],
    };
    let files = [
        plan_file(&plan, now(), Author::Client).to_json(),
        template_file(&plan, now(), Author::Coach).to_json(),
        progress_report_file(&plan, &[], now(), Author::Client).to_json(),
        plan_file(&seeded_plan(3, 5, 20, 5, 9).unwrap(), now(), Author::Coach).to_json(),
        plan_file(&with_tombstones, now(), Author::Coach).to_json(),
        std::fs::read(root().join("tests/fixtures/plan-files/v1-sample.waymark.json")).unwrap(),
        env.to_json(),
    ];
    for bytes in &files {
        let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // And the schema does say no.
    let mut bad: serde_json::Value = serde_json::from_slice(&files[0]).unwrap();
    bad["goals"][0]["surprise"] = serde_json::json!(1);
    assert!(!validator.is_valid(&bad));
    bad = serde_json::from_slice(&files[0]).unwrap();
    bad["goals"][0]["priority"] = serde_json::json!("urgent");
    assert!(!validator.is_valid(&bad));
    // One-line text holds no control character; free text only line breaks and tabs.
    for (field, text, ok) in [
        ("title", "x\r\nATTACH:x", false),
        ("title", "a\tb", false),
        ("title", "a\u{85}b", false),
        ("title", "co\u{200b}operate 😀", true),
        ("why", "a\r\nb\tc", true),
        ("why", "a\0b", false),
        ("why", "a\u{1b}b", false),
        ("why", "a\u{9f}b", false),
    ] {
        bad = serde_json::from_slice(&files[0]).unwrap();
        bad["goals"][0][field] = serde_json::json!(text);
        assert_eq!(validator.is_valid(&bad), ok, "{field}: {text:?}");
    }
}

// ---- the kinds ---------------------------------------------------------------------------------

#[test]
fn a_full_plan_file_carries_everything_and_names_itself() {
    let plan = rich_plan();
    let out = export_plan(&plan, now(), Author::Client);
    assert_eq!(out.media_type, "application/vnd.waymark+json");
    assert_eq!(
        out.file_name,
        "maya-from-teaching-to-ux-research-2025-03-10.waymark.json"
    );
    let back = parse_plan_file(&out.bytes).unwrap();
    assert_eq!(back.kind, FileKind::Plan);
    assert_eq!(back.exported_by, Author::Client);
    assert_eq!(back.plan, plan);
    assert!(back.plan.reflections.iter().any(|r| r.fields.private));
}

#[test]
fn a_template_has_no_client_data_and_a_derived_id() {
    let plan = rich_plan();
    let out = export_template(&plan, now(), Author::Coach);
    assert_eq!(
        out.file_name,
        "maya-from-teaching-to-ux-research-template.waymark.json"
    );
    let t = parse_plan_file(&out.bytes).unwrap();
    assert_eq!(t.kind, FileKind::Template);
    let p = &t.plan;
    assert_eq!(p.kind, PlanKind::Template);
    assert_ne!(p.id(), plan.id());
    assert!(p.profile.is_none() && p.assessments.is_empty() && p.measurements.is_empty());
    assert!(p.checkins.is_empty() && p.reviews.is_empty() && p.reflections.is_empty());
    assert!(p.adaptations.is_empty());
    assert_eq!(p.goals.len(), plan.goals.len());
    assert_eq!(p.kpis.len(), plan.kpis.len());
    assert!(p.schedule.is_some());
    assert!(p.milestones.iter().all(|m| m.done_at.is_none()));
    assert!(p.actions.iter().all(|a| a.done_at.is_none()));
    assert!(t
        .prompts
        .contains(&"What did you avoid, and why?".to_owned()));
    let text = String::from_utf8(out.bytes).unwrap();
    assert!(!text.contains("Only for me") && !text.contains("Maya Okafor"));
    // The same plan gives the same template; a template of a template keeps its id.
    let again = template_file(&plan, now(), Author::Coach);
    assert_eq!(again.plan.id(), p.id());
    assert_eq!(template_file(p, now(), Author::Coach).plan.id(), p.id());
}

#[test]
fn a_progress_report_leaves_private_reflections_out_unless_included() {
    let plan = rich_plan();
    let private: Vec<_> = plan
        .reflections
        .iter()
        .filter(|r| r.fields.private)
        .collect();
    assert!(!private.is_empty());
    let shared = plan.reflections.len() - private.len();
    let report = progress_report_file(&plan, &[], now(), Author::Client);
    assert_eq!(report.plan.reflections.len(), shared);
    let text = String::from_utf8(report.to_json()).unwrap();
    assert!(!text.contains("Only for me"));
    let chosen = [private[0].meta.id];
    let report = progress_report_file(&plan, &chosen, now(), Author::Client);
    assert_eq!(report.plan.reflections.len(), shared + 1);
    assert_eq!(report.kind, FileKind::ProgressReport);
    assert_eq!(report.plan.measurements.len(), plan.measurements.len());
}

// ---- preview and merge -------------------------------------------------------------------------

#[test]
fn preview_counts_what_is_added_changed_and_kept() {
    let local = seeded_plan(2, 2, 2, 2, 5).unwrap();
    let mut theirs = local.clone();
    let later = now();
    theirs.goals[0].fields.title = "Their newer title".into();
    theirs.goals[0].meta.touch(later, Author::Client);
    let mut mine = local.clone();
    mine.goals[1].fields.title = "My newer title".into();
    mine.goals[1]
        .meta
        .touch(later + Duration::hours(1), Author::Coach);
    theirs.goals[1].fields.title = "Their older title".into();
    theirs.goals[1].meta.touch(later, Author::Client);
    theirs
        .add_reflection(
            ReflectionDraft {
                text: "New from the client".into(),
                ..ReflectionDraft::default()
            },
            later,
            Author::Client,
        )
        .unwrap();
    let file = plan_file(&theirs, later, Author::Client);

    let p = preview(Some(&mine), &file);
    assert_eq!(p.target, ImportTarget::Merge);
    let goals = p
        .summary
        .kinds
        .iter()
        .find(|k| k.kind == DocKind::Goal)
        .unwrap();
    assert_eq!((goals.added, goals.changed, goals.kept), (0, 1, 1));
    let refl = p
        .summary
        .kinds
        .iter()
        .find(|k| k.kind == DocKind::Reflection)
        .unwrap();
    assert_eq!(refl.added, 1);
    assert!(p
        .summary
        .changed_titles
        .contains(&"Goal: Their newer title".to_owned()));
    assert!(p
        .summary
        .kept_titles
        .contains(&"Goal: My newer title".to_owned()));
    assert!(!p.nothing_to_do());

    let fresh = preview(None, &file);
    assert_eq!(fresh.target, ImportTarget::NewPlan);
    assert_eq!(fresh.summary.changed() + fresh.summary.kept(), 0);
    assert_eq!(fresh.summary.added(), theirs.to_documents().len());

    assert!(preview(Some(&theirs), &file).nothing_to_do());
}

#[test]
fn a_tombstone_wins_over_a_newer_edit_and_ties_break_the_same_way_both_ways() {
    let base = seeded_plan(1, 2, 0, 0, 3).unwrap();
    let mut deleted = base.clone();
    deleted.actions[0].meta.deleted = true;
    deleted.actions[0].meta.touch(now(), Author::Client);
    let mut edited = base.clone();
    edited.actions[0].fields.title = "Edited later".into();
    edited.actions[0]
        .meta
        .touch(now() + Duration::days(1), Author::Coach);
    for merged in [
        merge(&deleted, &edited).unwrap().plan,
        merge(&edited, &deleted).unwrap().plan,
    ] {
        assert!(merged.actions[0].meta.deleted);
    }

    let mut a = base.clone();
    let mut b = base.clone();
    a.actions[1].fields.title = "By the coach".into();
    a.actions[1].meta.touch(now(), Author::Coach);
    b.actions[1].fields.title = "By the client".into();
    b.actions[1].meta.touch(now(), Author::Client);
    let ab = merge(&a, &b).unwrap().plan;
    assert_eq!(ab, merge(&b, &a).unwrap().plan);
    assert_eq!(ab.actions[1].fields.title, "By the coach");

    let other = seeded_plan(1, 0, 0, 0, 4).unwrap();
    let err = merge(&base, &other).unwrap_err();
    assert!(err.to_string().contains("different plan"));
}

#[test]
fn a_merge_saves_through_a_change_set_and_through_replace_plan() {
    futures::executor::block_on(async {
        let store = MemoryStore::new();
        let mut local = seeded_plan(2, 2, 3, 2, 11).unwrap();
        let docs = local.to_documents();
        store
            .commit(ChangeSet { puts: docs.clone() })
            .await
            .unwrap();
        local.mark_saved(&docs);
        // Reload as the app would, so revisions are the stored ones.
        let local =
            Plan::from_documents(local.id(), &store.load_plan(local.id()).await.unwrap()).unwrap();

        let mut theirs = local.clone();
        theirs.goals[0].fields.title = "Changed elsewhere".into();
        theirs.goals[0].meta.touch(now(), Author::Client);
        theirs
            .add_reflection(
                ReflectionDraft {
                    text: "From the other device".into(),
                    ..ReflectionDraft::default()
                },
                now(),
                Author::Client,
            )
            .unwrap();
        let file = parse_plan_file(&export_plan(&theirs, now(), Author::Client).bytes).unwrap();
        let outcome = merge_import(Some(&local), &file);
        let puts = outcome.changed_documents();
        assert_eq!(puts.len(), 2);
        store.commit(ChangeSet { puts }).await.unwrap();
        let stored =
            Plan::from_documents(local.id(), &store.load_plan(local.id()).await.unwrap()).unwrap();
        assert_eq!(stored, outcome.plan);

        // A whole-plan replace (new plan or "use the merged copy") works as well.
        store
            .replace_plan(outcome.plan.id(), outcome.plan.to_documents())
            .await
            .unwrap();
        let stored =
            Plan::from_documents(local.id(), &store.load_plan(local.id()).await.unwrap()).unwrap();
        assert_eq!(stored, outcome.plan);
    });
}

// ---- readable exports --------------------------------------------------------------------------

#[test]
fn markdown_shows_the_plan_and_keeps_user_markup_inert() {
    let plan = rich_plan();
    let md = plan_markdown(&plan, now());
    assert!(
        md.starts_with("# Maya: from teaching to UX research\n") || md.starts_with("# Maya\\:")
    );
    assert!(md.contains("## Goals"));
    assert!(md.contains("## Journal"));
    assert!(md.contains("\\<script\\>"));
    assert!(!md.contains("<script>"));
    assert!(!md.contains("[link](http"));
    assert_eq!(
        escape_inline("# not a heading *or* _this_ <b>&amp;</b>\nnext"),
        "\\# not a heading \\*or\\* \\_this\\_ \\<b\\>\\&amp;\\</b\\> next"
    );
}

#[test]
fn icalendar_is_rfc_5545_shaped() {
    let mut plan = sample_plan(now()).unwrap();
    plan.rename("Plan; with, commas \\ and a very long title that needs folding because it goes on and on — ünïcödé", now(), Author::Coach)
        .unwrap();
    let ics = plan_ics(&plan, now(), AlarmLead::HourBefore, &TzRules);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("X-WR-CALNAME:Plan\\; with\\, commas \\\\ and a very long title"));
    assert!(unfolded.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY="));
    let sid = plan.schedule.as_ref().unwrap().meta.id;
    assert!(unfolded.contains(&format!("UID:{sid}@waymark.app")));
    let open_milestones = plan
        .milestones
        .iter()
        .filter(|m| m.meta.is_live() && !m.is_done())
        .count();
    assert!(open_milestones > 0);
    assert_eq!(
        unfolded.matches("SUMMARY:Milestone: ").count(),
        open_milestones
    );
    assert!(unfolded.contains("DTSTART;VALUE=DATE:"));
    // Same plan, same calendar: stable UIDs.
    assert_eq!(ics, plan_ics(&plan, now(), AlarmLead::HourBefore, &TzRules));

    let mut folded = String::new();
    fold_line(&"é".repeat(60), &mut folded);
    for line in folded.split("\r\n") {
        assert!(line.len() <= 75 && std::str::from_utf8(line.as_bytes()).is_ok());
    }
}

#[test]
fn recurrence_rules_follow_the_schedule_including_month_ends() {
    assert_eq!(
        rrule(Cadence::Weeks {
            weeks: 2,
            weekday: Weekday::Thu
        }),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"
    );
    assert_eq!(
        rrule(Cadence::Monthly { day: 15 }),
        "FREQ=MONTHLY;BYMONTHDAY=15"
    );
    assert_eq!(
        rrule(Cadence::Monthly { day: 31 }),
        "FREQ=MONTHLY;BYMONTHDAY=-1"
    );
    assert_eq!(
        rrule(Cadence::Monthly { day: 30 }),
        "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"
    );
    // The first event is the schedule's first occurrence.
    let mut plan = seeded_plan(1, 0, 0, 0, 1).unwrap();
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Monthly { day: 30 },
            utc_offset_minutes: 60,
            starts_on: NaiveDate::from_ymd_opt(2025, 2, 1).unwrap(),
            time_zone: None,
        },
        now(),
        Author::Coach,
    )
    .unwrap();
    let ics = plan_ics(&plan, now(), AlarmLead::HourBefore, &TzRules).replace("\r\n ", "");
    assert!(ics.contains("DTSTART:20250228T090000\r\n"), "{ics}");
}

#[test]
fn csv_quotes_and_neutralises_formulas() {
    assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(text_cell("+1"), "'+1");
    assert_eq!(text_cell("-2"), "'-2");
    assert_eq!(text_cell("@SUM"), "'@SUM");
    assert_eq!(text_cell("a,b"), "\"a,b\"");
    assert_eq!(text_cell("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(text_cell("plain"), "plain");

    let mut plan = seeded_plan(1, 0, 3, 0, 2).unwrap();
    plan.kpis[0].fields.name = "=cmd|' /C calc'!A0".into();
    plan.measurements[0].value = -3.5;
    let csv = measurements_csv(&plan);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "goal,kpi,unit,measured_at,value,recorded_by");
    assert_eq!(lines.len(), 1 + 3 + 1);
    assert!(lines[1].contains(",'=cmd|' /C calc'!A0,"));
    assert!(csv.contains(",-3.5,"));
}

// ---- crypto envelope (the WebCrypto half is tested in the browser) ----------------------------

#[test]
fn base64_round_trips_and_is_strict() {
    for n in 0..40usize {
        let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
        assert_eq!(base64_decode(&base64_encode(&bytes)).unwrap(), bytes);
    }
    assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    assert_eq!(base64_encode(b"fo"), "Zm8=");
    assert!(base64_decode("Zm8").is_none());
    assert!(base64_decode("Zm9=").is_none());
    assert!(base64_decode("Zm8=Zm8=").is_none());
    assert!(base64_decode("Zm!v").is_none());
}

#[test]
fn a_protected_file_asks_for_the_passphrase_and_a_damaged_envelope_says_so() {
    let env = Envelope {
        version: 2,
        kind: FileKind::ProgressReport,
        iterations: 600_000,
        salt: vec![7; 16],
        nonce: vec![8; 12],
        ciphertext: vec![9; 64],
    };
    let bytes = env.to_json();
    assert_eq!(
        parse_plan_file(&bytes).unwrap_err(),
        ImportError::NeedsPassphrase
    );
    assert_eq!(parse_envelope(&bytes).unwrap(), env);
    let text = String::from_utf8(bytes).unwrap();
    for damaged in [
        text.replace("\"iterations\": 600000", "\"iterations\": 1"),
        text.replace("BwcHBwcHBwcHBwcHBwcHBw==", "BwcHBwcHBwcHBwcHBwcH"),
        text.replace("\"nonce\": \"", "\"nonce\": \"!"),
        text.replace("\"salt\"", "\"pepper\""),
    ] {
        assert_eq!(
            parse_envelope(damaged.as_bytes()).unwrap_err().to_string(),
            "The passphrase is wrong, or the file was changed after it was exported."
        );
    }
}

#[test]
fn markdown_escapes_only_where_commonmark_needs_it() {
    for plain in [
        "Maya: from teaching",
        "2026-11-29",
        "(8 years)",
        "snake_case",
        "C# and F#",
        "well-known",
        "Q1. budget",
    ] {
        assert_eq!(escape_inline(plain), plain);
    }
    for (text, escaped) in [
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("3) not a list", "3\\) not a list"),
        ("---", "\\---"),
        ("=== not an underline", "\\=== not an underline"),
        ("# not a heading", "\\# not a heading"),
        ("ends with #", "ends with \\#"),
        ("javascript:alert(1)", "javascript\\:alert(1)"),
        ("see https://example.org", "see https\\://example.org"),
        ("[x](y)", "\\[x\\]\\(y)"),
        ("a | b ~~c~~", "a \\| b \\~\\~c\\~\\~"),
    ] {
        assert_eq!(escape_inline(text), escaped, "{text:?}");
    }
}
