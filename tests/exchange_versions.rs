#![cfg(not(target_arch = "wasm32"))]
//! A plan file names the lowest format version that reads it. Held against the first release's
//! own contract, its published JSON Schema (`tests/fixtures/plan-files/v1.schema.json`, frozen as
//! published with version 1): a file written as version 1 passes it, so the first release opens
//! it; a file written as version 2 fails it even when it says version 1, so it truly needs 2, and
//! the first release says "made by a newer version" instead of naming a field it does not know.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;
use std::path::PathBuf;
use waymark::core::journal::ReflectionDraft;
use waymark::core::woop::WoopDraft;
use waymark::core::{Author, Plan};
use waymark::exchange::export::{plan_file, plan_for_client_file};
use waymark::exchange::spec::{json_schema, Since, CURRENT_VERSION};
use waymark::exchange::validate::check_format;
use waymark::exchange::versions::shape;
use waymark::exchange::{parse_plan_file, ImportError};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

fn v1_schema() -> Value {
    let text = std::fs::read(root().join("tests/fixtures/plan-files/v1.schema.json")).unwrap();
    serde_json::from_slice(&text).unwrap()
}

/// The schema nodes at `path` (`goals/*/meta/id`), through `anyOf`/`oneOf` branches.
fn nodes_at<'a>(schema: &'a Value, path: &[&str]) -> Vec<&'a Value> {
    let mut out = Vec::new();
    for key in ["anyOf", "oneOf"] {
        for branch in schema[key].as_array().into_iter().flatten() {
            out.extend(nodes_at(branch, path));
        }
    }
    match path.split_first() {
        None if schema.get("anyOf").is_none() && schema.get("oneOf").is_none() => out.push(schema),
        None => {}
        Some((&"*", rest)) => {
            if let Some(items) = schema.get("items") {
                out.extend(nodes_at(items, rest));
            }
        }
        Some((key, rest)) => {
            if let Some(next) = schema["properties"].get(*key) {
                out.extend(nodes_at(next, rest));
            }
        }
    }
    out
}

fn holds(schema: &Value, path: &str, value: Option<&str>) -> bool {
    let segs: Vec<&str> = path.split('/').collect();
    let found = nodes_at(schema, &segs);
    match value {
        None => !found.is_empty(),
        Some(v) => found.iter().any(|n| {
            n["const"] == v
                || n["enum"]
                    .as_array()
                    .is_some_and(|e| e.iter().any(|x| x == v))
        }),
    }
}

#[test]
fn every_field_and_value_says_which_version_it_came_with() {
    let v1 = v1_schema();
    let mut wrong = Vec::new();
    for e in shape() {
        let what = match e.value {
            Some(v) => format!("{} = '{v}'", e.path),
            None => e.path.clone(),
        };
        let in_v1 = holds(&v1, &e.path, e.value);
        if in_v1 != (e.since == Since::First) {
            wrong.push(if in_v1 {
                format!("{what}: part of version 1, but the spec says {:?}", e.since)
            } else {
                format!(
                    "{what}: not part of version 1; say which version it came with \
                     (spec.rs: added(Since::Version({CURRENT_VERSION}), opt(..)), or a \
                     LATER_VALUES entry for a value)"
                )
            });
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The walk does see what came later.
    assert!(shape()
        .iter()
        .any(|e| e.path == "woops" && e.since == Since::Unannounced));
}

/// The first published sample: version 1, nothing newer in it.
fn v1_plan() -> Plan {
    let bytes =
        std::fs::read(root().join("tests/fixtures/plan-files/v1-sample.waymark.json")).unwrap();
    parse_plan_file(&bytes).unwrap().plan
}

fn version_of(bytes: &[u8]) -> u64 {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    v["version"].as_u64().unwrap()
}

#[test]
fn a_file_names_the_lowest_version_that_reads_it() {
    let first_release = jsonschema::options()
        .should_validate_formats(true)
        .build(&v1_schema())
        .unwrap();
    let current = jsonschema::options()
        .should_validate_formats(true)
        .build(&json_schema())
        .unwrap();
    let later = now() + Duration::days(1);
    let base = v1_plan();
    let goal = base.goals[0].meta.id;
    let mut cases: Vec<(&str, Vec<u8>, u64)> = vec![(
        "nothing newer",
        plan_file(&base, later, Author::Client).to_json(),
        1,
    )];
    let mut with = |name, change: &dyn Fn(&mut Plan), expect| {
        let mut p = base.clone();
        change(&mut p);
        cases.push((name, plan_file(&p, later, Author::Client).to_json(), expect));
    };
    with(
        "a WOOP",
        &|p| {
            let draft = WoopDraft {
                wish: "A calmer weekend".into(),
                outcome: String::new(),
                obstacle: String::new(),
                plan: String::new(),
            };
            p.save_woop(goal, draft, later, Author::Client).unwrap();
        },
        2,
    );
    with(
        "a schedule's time zone",
        &|p| p.schedule.as_mut().unwrap().fields.time_zone = Some("Europe/Berlin".into()),
        2,
    );
    with(
        "a tombstone",
        &|p| {
            p.delete_goal(goal, later, Author::Client).unwrap();
        },
        2,
    );
    with(
        "a field clock",
        &|p| {
            p.rename("Weekends back", later, Author::Client).unwrap();
        },
        2,
    );
    with(
        "the plan's client",
        &|p| {
            p.set_client("Maya", later, Author::Coach).unwrap();
        },
        2,
    );
    with(
        "a reflection's author",
        &|p| {
            let draft = ReflectionDraft {
                text: "Calmer already".into(),
                ..ReflectionDraft::default()
            };
            p.add_reflection(draft, later, Author::Client).unwrap();
        },
        2,
    );
    with(
        "from_template and starts_on",
        &|p| {
            p.from_template = Some(goal);
            p.starts_on = p.schedule.as_ref().map(|s| s.fields.starts_on);
        },
        2,
    );
    cases.push((
        "a plan_for_client file",
        plan_for_client_file(&base, later, Author::Coach).to_json(),
        2,
    ));

    for (name, bytes, expect) in &cases {
        assert_eq!(version_of(bytes), *expect, "{name}");
        let mut value: Value = serde_json::from_slice(bytes).unwrap();
        assert!(current.is_valid(&value), "{name}: the current schema");
        // Read back by this build, unchanged.
        let back = parse_plan_file(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back.source_version as u64, *expect, "{name}");
        // What the first release would make of it, with the version it names or with 1.
        value["version"] = 1.into();
        let errors: Vec<String> = first_release
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        if *expect == 1 {
            assert!(
                errors.is_empty(),
                "{name}: the first release refuses it: {errors:#?}"
            );
        } else {
            assert!(!errors.is_empty(), "{name}: version 1 would have read it");
        }
    }
}

#[test]
fn the_first_release_refuses_a_version_2_file_as_made_by_a_newer_waymark() {
    let mut p = v1_plan();
    p.rename("Weekends back", now(), Author::Client).unwrap();
    let bytes = plan_file(&p, now(), Author::Client).to_json();
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    let obj = value.as_object().unwrap();
    // The first release's envelope check: it reads up to version 1.
    let err = check_format(obj, 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This file was made by a newer version of Waymark (format version 2); this app reads \
         up to version 1. Update Waymark and try again."
    );
    assert_eq!(check_format(obj, CURRENT_VERSION), Ok(2));
    // And so, before it looks at any field, is one this build cannot read.
    let mut future = value.clone();
    future["version"] = (CURRENT_VERSION + 1).into();
    assert!(matches!(
        parse_plan_file(&serde_json::to_vec(&future).unwrap()),
        Err(ImportError::TooNew { found, supported })
            if found == u64::from(CURRENT_VERSION + 1) && supported == CURRENT_VERSION
    ));
}

/// The v1 sample with everything those builds added: a WOOP, a tombstone, field clocks, the
/// client, a schedule's zone, a reflection's author, from_template and starts_on.
fn early_plan() -> Plan {
    let later = now() - Duration::days(1);
    let mut p = v1_plan();
    let goals: Vec<_> = p.goals.iter().map(|g| g.meta.id).collect();
    let draft = WoopDraft {
        wish: "A calmer weekend".into(),
        outcome: "Time for the portfolio".into(),
        obstacle: "Marking guilt".into(),
        plan: "Mark in the Friday free period".into(),
    };
    p.save_woop(goals[0], draft, later, Author::Client).unwrap();
    p.delete_goal(goals[goals.len() - 1], later, Author::Client)
        .unwrap();
    p.set_client("Maya", later, Author::Coach).unwrap();
    p.schedule.as_mut().unwrap().fields.time_zone = Some("Europe/London".into());
    let draft = ReflectionDraft {
        text: "Calmer already".into(),
        ..ReflectionDraft::default()
    };
    p.add_reflection(draft, later, Author::Client).unwrap();
    p.from_template = Some(goals[0]);
    p.starts_on = p.schedule.as_ref().map(|s| s.fields.starts_on);
    p
}

#[test]
fn a_version_1_file_from_before_versions_were_derived_still_reads() {
    // Builds of November 2026 wrote every file as version 1, whatever it held: those files are
    // read as they are and written again as version 2 (the fixture
    // `v1-early-fields.waymark.json` is restored in exchange_files).
    let path = root().join("tests/fixtures/plan-files/v1-early-fields.waymark.json");
    if !path.exists() {
        // Written once, as those builds wrote it: today's bytes with the version they named.
        let text = String::from_utf8(plan_file(&early_plan(), now(), Author::Client).to_json())
            .unwrap()
            .replacen("\"version\": 2,", "\"version\": 1,", 1);
        std::fs::write(&path, text).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(version_of(&bytes), 1);
    let file = parse_plan_file(&bytes).unwrap();
    assert_eq!(file.source_version, 1);
    assert!(!file.plan.woops.is_empty());
    assert!(file.plan.goals.iter().any(|g| g.meta.deleted));
    let again = plan_file(&file.plan, now(), Author::Client).to_json();
    assert_eq!(version_of(&again), 2);
    assert_eq!(parse_plan_file(&again).unwrap().plan, file.plan);
}
