#![cfg(not(target_arch = "wasm32"))]
//! The interest profile (RIASEC, docs/METHOD.md): the code against hand-computed cases, ties
//! and the tie-break, all-zero and skipped types, the plain-language reading, what a refusal
//! leaves, takes kept newest first, and how takes travel in plan files without breaking the
//! files an earlier build reads.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use std::path::PathBuf;
use waymark::core::interests::{InterestDraft, InterestType, InterestType::*};
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, CoreError, DocKind, Plan, PlanKind};
use waymark::exchange::export::plan_file;
use waymark::exchange::markdown::export_markdown;
use waymark::exchange::{parse_plan_file, Audience};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// Ratings in R-I-A-S-E-C order; `None` is a skipped type.
fn take(r: [Option<u8>; 6]) -> InterestDraft {
    let mut d = InterestDraft::new(day(2));
    for (t, v) in InterestType::ALL.into_iter().zip(r) {
        d.set_rating(t, v);
    }
    d
}

fn all(r: [u8; 6]) -> InterestDraft {
    take(r.map(Some))
}

#[test]
fn the_code_is_the_three_highest_rated_types() {
    // R1 I4 A3 S3 E0 C2: I (4), then A and S (3 each), in Holland's order.
    let d = all([1, 4, 3, 3, 0, 2]);
    assert_eq!(d.code(), vec![Investigative, Artistic, Social]);
    assert_eq!(d.code_letters(), "IAS");
    // E4 C3 S2 R1: a plain ordering, no ties.
    assert_eq!(all([1, 0, 0, 2, 4, 3]).code_letters(), "ECS");
}

#[test]
fn a_tie_is_broken_in_hollands_order_and_said_so() {
    // S4, then A, E and C all at 3: two places left, taken A then E; C is left out.
    let d = take([Some(0), None, Some(3), Some(4), Some(3), Some(3)]);
    assert_eq!(d.code_letters(), "SAE");
    let reading = d.reading();
    assert!(
        reading.iter().any(|l| l
            == "Artistic, Enterprising and Conventional are tied at 3, and the code has room for 2 of them: they are taken in Holland's order (R, I, A, S, E, C), so any of them could stand in that place."),
        "{reading:#?}"
    );
    assert!(
        reading.contains(&"You skipped Investigative; rating it could change the code.".to_owned())
    );
    // Every type equal: the first three in R-I-A-S-E-C.
    assert_eq!(all([2; 6]).code_letters(), "RIA");
    // Ties inside the code only: the order in it is not a preference.
    let inside = all([0, 4, 3, 3, 0, 1]);
    assert_eq!(inside.code_letters(), "IAS");
    assert!(inside.reading().iter().any(|l| l
        .starts_with("Artistic and Social are tied at 3; the code lists them in Holland's order")));
}

#[test]
fn all_zero_gives_no_code_and_says_why() {
    let d = all([0; 6]);
    assert!(d.code().is_empty());
    assert_eq!(d.code_letters(), "");
    let reading = d.reading();
    assert_eq!(reading.len(), 1);
    assert!(
        reading[0].starts_with("Every type you rated got 0"),
        "{}",
        reading[0]
    );
    // Zero and skipped types never enter the code, so it may be shorter than three letters.
    assert_eq!(
        take([None, None, None, Some(0), None, Some(4)]).code_letters(),
        "C"
    );
    let two = all([2, 0, 0, 0, 0, 1]);
    assert_eq!(two.code_letters(), "RC");
    assert_eq!(
        two.reading()[0],
        "Your code is RC: Realistic first, then Conventional. Only two types got a rating above 0."
    );
}

#[test]
fn the_reading_explains_each_letter_and_the_hexagon() {
    let d = all([1, 4, 3, 3, 0, 2]);
    let r = d.reading();
    assert_eq!(
        r[0],
        "Your code is IAS: Investigative first, then Artistic, then Social."
    );
    assert_eq!(
        r[1],
        "Investigative (I, 4 of 4): finding out how things work and solving problems."
    );
    assert!(r.iter().any(
        |l| l.starts_with("Investigative and Artistic sit next to each other on Holland's hexagon")
    ));
    // Realistic and Conventional are neighbours round the hexagon; Realistic and Social opposite.
    assert_eq!(Realistic.distance(Conventional), 1);
    assert_eq!(Realistic.distance(Social), 3);
    assert_eq!(Investigative.distance(Enterprising), 3);
    assert_eq!(Artistic.distance(Enterprising), 2);
    assert!(all([4, 0, 0, 3, 0, 0])
        .reading()
        .iter()
        .any(|l| l.starts_with("Realistic and Social sit opposite each other")));
}

#[test]
fn a_take_is_saved_through_the_verb_and_kept_per_take_newest_first() {
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    let mut first = all([1, 4, 3, 3, 0, 2]);
    first.taken_on = day(1);
    let t = p
        .add_interest_profile(first, now(), Author::Client)
        .unwrap();
    assert!(t.id_of(DocKind::InterestProfile).is_some());
    let second = all([0, 0, 4, 4, 1, 0]);
    p.add_interest_profile(second, now(), Author::Client)
        .unwrap();
    let takes = p.interest_takes();
    assert_eq!(takes.len(), 2);
    assert_eq!(takes[0].fields.code_letters(), "ASE");
    assert_eq!(p.latest_interests().unwrap().fields.taken_on, day(2));
    // Through storage: every take comes back.
    assert_eq!(Plan::from_documents(p.id(), &p.to_documents()).unwrap(), p);
}

#[test]
fn a_refused_take_changes_nothing() {
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    let before = p.clone();
    let e = p
        .add_interest_profile(take([None; 6]), now(), Author::Client)
        .unwrap_err();
    assert!(matches!(e, CoreError::Required { .. }), "{e}");
    let e = p
        .add_interest_profile(
            take([Some(5), None, None, None, None, None]),
            now(),
            Author::Client,
        )
        .unwrap_err();
    assert!(e.to_string().contains("Realistic"), "{e}");
    assert_eq!(p, before);

    let mut t = Plan::new("Template", PlanKind::Template, now(), Author::Coach).unwrap();
    assert!(t
        .add_interest_profile(all([1; 6]), now(), Author::Coach)
        .is_err());
    assert!(t.interest_profiles.is_empty());
}

fn top_keys(bytes: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

/// A plan without a take writes the keys of the version-1 fixture, which the build before
/// reads (it refuses unknown keys); with takes, they travel under `interest_profiles`.
#[test]
fn a_plan_without_interests_writes_the_file_the_previous_build_reads() {
    let fixture = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/plan-files/v1-sample.waymark.json"),
    )
    .unwrap();
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    let without = plan_file(&p, now(), Author::Client).to_json();
    assert_eq!(top_keys(&without), top_keys(&fixture));
    assert!(!String::from_utf8_lossy(&without).contains("interest"));

    p.add_interest_profile(
        take([Some(1), None, Some(3), Some(4), Some(0), Some(2)]),
        now(),
        Author::Client,
    )
    .unwrap();
    let with = plan_file(&p, now(), Author::Client).to_json();
    assert!(top_keys(&with).contains(&"interest_profiles".to_owned()));
    let text = String::from_utf8_lossy(&with);
    assert!(
        text.contains("\"investigative\": null"),
        "a skipped type is written as null"
    );
    assert_eq!(parse_plan_file(&with).unwrap().plan, p);
}

#[test]
fn an_imported_take_follows_the_same_rules() {
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    p.add_interest_profile(
        take([Some(3), None, None, None, None, None]),
        now(),
        Author::Client,
    )
    .unwrap();
    let text = String::from_utf8(plan_file(&p, now(), Author::Client).to_json()).unwrap();
    let too_high = text.replacen("\"realistic\": 3", "\"realistic\": 7", 1);
    let e = parse_plan_file(too_high.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("interest_profiles[0]"), "{e}");
    let none = text.replacen("\"realistic\": 3", "\"realistic\": null", 1);
    let e = parse_plan_file(none.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("interest_profiles[0]"), "{e}");
    let unknown = text.replacen("\"realistic\": 3", "\"realistic\": 3, \"mood\": 3", 1);
    assert!(parse_plan_file(unknown.as_bytes()).is_err());
}

#[test]
fn the_markdown_export_shows_the_code_the_reading_and_what_it_is() {
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    p.add_interest_profile(all([1, 4, 3, 3, 0, 2]), now(), Author::Client)
        .unwrap();
    let md = String::from_utf8(export_markdown(&p, Audience::Coach, now()).bytes).unwrap();
    assert!(md.contains("## Interest profile"), "{md}");
    assert!(md.contains("Code: **IAS**"), "{md}");
    assert!(md.contains("- Enterprising (E): 0 of 4"), "{md}");
    assert!(md.contains("not a validated test"), "{md}");
    assert!(
        md.contains("O\\*NET Interest Profiler") || md.contains("O*NET Interest Profiler"),
        "{md}"
    );
}

/// A file with takes (one with a skipped type, one deleted) passes the published schema, and
/// the schema refuses a rating out of range.
#[test]
fn a_file_with_takes_passes_the_published_schema() {
    let mut p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    p.add_interest_profile(
        take([Some(1), None, Some(3), Some(4), Some(0), Some(2)]),
        now(),
        Author::Client,
    )
    .unwrap();
    let gone = p
        .add_interest_profile(all([2; 6]), now(), Author::Client)
        .unwrap()
        .id_of(DocKind::InterestProfile)
        .unwrap();
    let r = p
        .interest_profiles
        .iter_mut()
        .find(|r| r.meta.id == gone)
        .unwrap();
    r.meta.deleted = true;
    let schema = waymark::exchange::spec::json_schema();
    let validator = jsonschema::options().build(&schema).unwrap();
    let mut v: Value =
        serde_json::from_slice(&plan_file(&p, now(), Author::Client).to_json()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let live = v["interest_profiles"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r.get("social").is_some())
        .unwrap();
    v["interest_profiles"][live]["social"] = serde_json::json!(5);
    assert!(!validator.is_valid(&v));
}
