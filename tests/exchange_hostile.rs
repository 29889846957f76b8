#![cfg(not(target_arch = "wasm32"))]
//! A corpus of malformed and hostile plan files, generated from a valid export: each must give
//! a clear error that names the place (or, for markup in text, import as the same inert text),
//! and none may panic. A handful live as files in tests/fixtures/hostile/ (refreshed with
//! UPDATE_EXPECT=1).

use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use std::path::PathBuf;
use waymark::core::sample::sample_plan;
use waymark::core::Author;
use waymark::exchange::export::plan_file;
use waymark::exchange::{parse_plan_file, ImportError};

fn valid() -> Value {
    let now = Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap();
    let plan = sample_plan(now).unwrap();
    serde_json::from_slice(&plan_file(&plan, now, Author::Client).to_json()).unwrap()
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

/// Every (path, value) leaf below the top level, with its display path (`goals[3].title`).
fn leaves(v: &Value, path: String, out: &mut Vec<(String, Vec<PathSeg>)>, segs: Vec<PathSeg>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let mut s = segs.clone();
                s.push(PathSeg::Key(k.clone()));
                leaves(x, p, out, s);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate().take(2) {
                let mut s = segs.clone();
                s.push(PathSeg::Index(i));
                leaves(x, format!("{path}[{i}]"), out, s);
            }
        }
        _ => out.push((path, segs)),
    }
}

#[derive(Clone)]
enum PathSeg {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, segs: &[PathSeg]) -> &'a mut Value {
    segs.iter().fold(v, |v, s| match s {
        PathSeg::Key(k) => &mut v[k.as_str()],
        PathSeg::Index(i) => &mut v[*i],
    })
}

/// The value of another JSON type than `v`.
fn wrong_type(v: &Value) -> Value {
    match v {
        Value::String(_) => json!(42),
        Value::Number(_) => json!("forty-two"),
        Value::Bool(_) => json!("yes"),
        Value::Null => json!({"surprise": true}),
        Value::Array(_) => json!({}),
        Value::Object(_) => json!([]),
    }
}

fn expect_err(name: &str, file: &[u8]) -> ImportError {
    match parse_plan_file(file) {
        Ok(_) => panic!("{name}: was accepted"),
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.len() > 10, "{name}: unclear message {msg:?}");
            e
        }
    }
}

#[test]
fn a_corpus_of_hostile_files_gives_clear_errors_and_no_panic() {
    let good = valid();
    let good_bytes = bytes(&good);
    assert!(parse_plan_file(&good_bytes).is_ok());
    let mut count = 0;

    // Truncated at many offsets.
    let step = good_bytes.len() / 40;
    for cut in (1..good_bytes.len() - 1).step_by(step.max(1)) {
        expect_err(&format!("truncated at {cut}"), &good_bytes[..cut]);
        count += 1;
    }

    // Every leaf of the first records, given the wrong type: the error names that path.
    let mut paths = Vec::new();
    leaves(&good, String::new(), &mut paths, Vec::new());
    for (path, segs) in &paths {
        if path == "format" || path == "version" {
            continue;
        }
        let mut v = good.clone();
        let slot = at(&mut v, segs);
        *slot = wrong_type(slot);
        let e = expect_err(path, &bytes(&v));
        // A null replaced by an object is reported at the first wrong field inside it.
        assert!(e.path().starts_with(path.as_str()), "{path}: {e}");
        count += 1;
    }

    // Missing and unknown fields.
    for (key, path) in [("title", "goals[0].title"), ("meta", "goals[0].meta")] {
        let mut v = good.clone();
        v["goals"][0].as_object_mut().unwrap().remove(key);
        assert_eq!(expect_err(path, &bytes(&v)).path(), path);
        count += 1;
    }
    let mut v = good.clone();
    v["goals"][0]["colour"] = json!("red");
    assert_eq!(expect_err("unknown", &bytes(&v)).path(), "goals[0].colour");
    count += 1;

    // Huge strings and lists.
    for (path, len) in [("title", 201), ("why", 20_001)] {
        let mut v = good.clone();
        v["goals"][0][path] = json!("x".repeat(len));
        let e = expect_err(path, &bytes(&v));
        assert_eq!(e.path(), format!("goals[0].{path}"));
        assert!(e.to_string().contains("too long"), "{e}");
        count += 1;
    }
    let mut v = good.clone();
    v["reflections"][0]["tags"] = json!(vec!["t"; 201]);
    expect_err("many tags", &bytes(&v));
    count += 1;
    let big = vec![b' '; 21 * 1024 * 1024];
    assert!(matches!(
        expect_err("too large", &big),
        ImportError::TooLarge { .. }
    ));
    count += 1;

    // Deep nesting, top level and inside a field.
    for depth in [33usize, 1000, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(expect_err("deep", deep.as_bytes()), ImportError::TooDeep);
        count += 1;
    }
    let mut v = good.clone();
    let mut nested = json!(1);
    for _ in 0..40 {
        nested = json!([nested]);
    }
    v["goals"][0]["why"] = nested;
    assert_eq!(expect_err("deep field", &bytes(&v)), ImportError::TooDeep);
    count += 1;

    // Versions.
    for version in [json!(3), json!(7), json!(999_999_999_999u64)] {
        let mut v = good.clone();
        v["version"] = version.clone();
        let e = expect_err("future", &bytes(&v));
        assert!(matches!(e, ImportError::TooNew { .. }), "{e}");
        count += 1;
    }
    let mut v = good.clone();
    v["version"] = json!(7);
    assert_eq!(
        expect_err("v7", &bytes(&v)).to_string(),
        "This file was made by a newer version of Waymark (format version 7); this app reads up to version 2. Update Waymark and try again."
    );
    for version in [json!(0), json!(-1), json!(1.5), json!("1"), json!(null)] {
        let mut v = good.clone();
        v["version"] = version;
        assert_eq!(expect_err("bad version", &bytes(&v)).path(), "version");
        count += 1;
    }
    for format in [json!("excalidraw"), json!(null), json!(3)] {
        let mut v = good.clone();
        v["format"] = format;
        assert!(matches!(
            expect_err("format", &bytes(&v)),
            ImportError::NotAPlanFile { .. }
        ));
        count += 1;
    }

    // Bad dates and times.
    for (field, bad) in [
        ("target_date", "2025-02-30"),
        ("target_date", "2025-13-01"),
        ("target_date", "2025-2-3"),
        ("start_date", "tomorrow"),
        ("start_date", "1800-01-01"),
        ("start_date", "2025-03-01T00:00:00Z"),
    ] {
        let mut v = good.clone();
        v["goals"][0][field] = json!(bad);
        let e = expect_err(bad, &bytes(&v));
        assert_eq!(e.path(), format!("goals[0].{field}"));
        assert!(e.to_string().contains(bad), "{e}");
        count += 1;
    }
    let mut v = good.clone();
    v["goals"][0]["target_date"] = json!("2025-02-30");
    assert_eq!(
        expect_err("doc example", &bytes(&v)).to_string(),
        "goals[0].target_date: '2025-02-30' is not a date (expected YYYY-MM-DD)"
    );
    for bad in [
        "2025-02-30T10:00:00Z",
        "yesterday",
        "2025-03-01 10:00",
        "3000-01-01T00:00:00Z",
    ] {
        let mut v = good.clone();
        v["goals"][0]["meta"]["updated_at"] = json!(bad);
        assert_eq!(
            expect_err(bad, &bytes(&v)).path(),
            "goals[0].meta.updated_at"
        );
        count += 1;
    }
    // Start after target: the core's rule, reported at the record.
    let mut v = good.clone();
    v["goals"][0]["start_date"] = json!("2199-01-01");
    assert_eq!(expect_err("date order", &bytes(&v)).path(), "goals[0]");
    count += 1;

    // NaN, infinities and huge numbers.
    let text = String::from_utf8(good_bytes.clone()).unwrap();
    let baseline = format!("\"baseline\":{}", good["kpis"][0]["baseline"]);
    assert!(text.contains(&baseline), "{baseline}");
    for bad in [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e999",
        "1e13",
        "99999999999999999999",
    ] {
        let file = text.replacen(&baseline, &format!("\"baseline\":{bad}"), 1);
        expect_err(bad, file.as_bytes());
        count += 1;
    }
    for (field, bad) in [
        ("impact", json!(6)),
        ("impact", json!(0)),
        ("effort", json!(2.5)),
        ("effort", json!(-1)),
    ] {
        let mut v = good.clone();
        v["actions"][0][field] = bad;
        assert_eq!(
            expect_err(field, &bytes(&v)).path(),
            format!("actions[0].{field}")
        );
        count += 1;
    }

    // Duplicate and wrong ids.
    let mut v = good.clone();
    let id = v["goals"][0]["meta"]["id"].clone();
    v["goals"][1]["meta"]["id"] = id.clone();
    let e = expect_err("duplicate goal", &bytes(&v));
    assert!(e.to_string().contains("used twice"), "{e}");
    count += 1;
    let mut v = good.clone();
    v["actions"][0]["meta"]["id"] = id;
    expect_err("duplicate across kinds", &bytes(&v));
    count += 1;
    let mut v = good.clone();
    v["profile"]["meta"]["id"] = v["goals"][0]["goal_id"].clone();
    v["profile"]["meta"]["id"] = json!("00000000-0000-4000-8000-000000000001");
    assert_eq!(
        expect_err("profile id", &bytes(&v)).path(),
        "profile.meta.id"
    );
    count += 1;
    for bad in ["not-a-uuid", "{00000000-0000-4000-8000-000000000001}", ""] {
        let mut v = good.clone();
        v["goals"][0]["meta"]["id"] = json!(bad);
        assert_eq!(expect_err(bad, &bytes(&v)).path(), "goals[0].meta.id");
        count += 1;
    }

    // A template must not carry client data.
    let mut v = good.clone();
    v["kind"] = json!("template");
    expect_err("template with client data", &bytes(&v));
    count += 1;

    // Not JSON, or not an object.
    for junk in [
        &b""[..],
        b"null",
        b"[]",
        b"\"waymark\"",
        b"42",
        b"\xff\xfe\x00garbage",
        b"{\"format\": \"waymark-plan\", \"version\": 1}",
        b"<html><script>alert(1)</script></html>",
    ] {
        expect_err("junk", junk);
        count += 1;
    }

    assert!(count >= 100, "only {count} hostile files");
}

#[test]
fn markup_in_text_imports_as_the_same_plain_text() {
    let payloads = [
        "<script>alert('pwned')</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "# Heading\n\n* list",
        "=HYPERLINK(\"http://evil\")",
        "\u{202e}txt.exe",
    ];
    for p in payloads {
        // Titles are one line: a payload with a line break goes into free text only.
        let one_line = !p.contains('\n');
        let mut v = valid();
        if one_line {
            v["goals"][0]["title"] = json!(p);
            v["plan"]["title"] = json!(p);
        }
        v["reflections"][0]["text"] = json!(p);
        let file = parse_plan_file(&bytes(&v)).unwrap();
        if one_line {
            assert_eq!(file.plan.title, p);
            assert!(file.plan.goals.iter().any(|g| g.fields.title == p));
        }
        assert!(file.plan.reflections.iter().any(|r| r.fields.text == p));
        let md = waymark::exchange::markdown::plan_markdown(&file.plan, file.exported_at);
        // Every '<' is escaped, so no tag survives; no link syntax survives either.
        assert!(!md.replace("\\<", "").contains('<'), "{md}");
        assert!(!md.contains("](javascript"));
    }
}

#[test]
fn the_hostile_fixture_files_give_their_errors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let good = valid();
    let mutate = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        serde_json::to_vec_pretty(&v).unwrap()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "future-version.waymark.json",
            mutate(&|v| v["version"] = json!(7)),
            "format version 7",
        ),
        (
            "bad-date.waymark.json",
            mutate(&|v| v["goals"][0]["target_date"] = json!("2025-02-30")),
            "goals[0].target_date: '2025-02-30' is not a date",
        ),
        (
            "duplicate-ids.waymark.json",
            mutate(&|v| v["goals"][1]["meta"]["id"] = v["goals"][0]["meta"]["id"].clone()),
            "is used twice",
        ),
        (
            "wrong-type.waymark.json",
            mutate(&|v| v["kpis"][0]["target"] = json!("twenty")),
            "kpis[0].target: expected a number, found the text 'twenty'",
        ),
        (
            "truncated.waymark.json",
            bytes(&good)[..300].to_vec(),
            "damaged or incomplete",
        ),
        (
            "deep-nesting.waymark.json",
            format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(),
            "nested more than 32 levels",
        ),
    ];
    for (name, content, expected) in cases {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_EXPECT").is_some() || !path.exists() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &content).unwrap();
        }
        let e = expect_err(name, &std::fs::read(&path).unwrap());
        assert!(e.to_string().contains(expected), "{name}: {e}");
    }
    // Markup in text is not an error: it is imported as text.
    let script = dir.join("script-in-text.waymark.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() || !script.exists() {
        std::fs::write(
            &script,
            mutate(&|v| v["goals"][0]["title"] = json!("<script>alert(1)</script>")),
        )
        .unwrap();
    }
    let file = parse_plan_file(&std::fs::read(&script).unwrap()).unwrap();
    assert!(file
        .plan
        .goals
        .iter()
        .any(|g| g.fields.title == "<script>alert(1)</script>"));
}
