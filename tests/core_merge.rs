#![cfg(not(target_arch = "wasm32"))]
//! The merge's laws on single records, next to the rules they rest on (`core::merge`,
//! `Record::groups`): fields a rule ties together, taken from one valid version each, always
//! make a valid record; and the merge of two versions of a record is commutative, associative
//! and idempotent, whoever edited which field when. Whole plans through files are in
//! `exchange_props.rs`.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;
use uuid::Uuid;
use waymark::core::goal::{Goal, GoalDraft, GoalStatus, Priority};
use waymark::core::grow::{GrowDraft, GrowNote, WayStep};
use waymark::core::interests::{InterestDraft, InterestProfile, InterestType};
use waymark::core::kpi::{Direction, Kpi, KpiDraft};
use waymark::core::merge::merge_record;
use waymark::core::meta::Meta;
use waymark::core::record::Record;
use waymark::core::review::{ProgressReview, ReviewDraft};
use waymark::core::schedule::{Cadence, CheckInSchedule, ScheduleDraft};
use waymark::core::woop::{Woop, WoopDraft};
use waymark::core::Author;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap()
}

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(n)
}

fn meta() -> Meta {
    Meta::new(Uuid::from_u128(7), t0(), Author::Coach)
}

fn goal() -> impl Strategy<Value = Goal> {
    (0i64..400, proptest::option::of(1i64..400), "[a-z]{1,8}").prop_map(|(start, len, why)| {
        let mut d = GoalDraft::titled("Land a UX role", day(start));
        d.target_date = len.map(|l| day(start + l));
        d.why = why;
        d.priority = Priority::High;
        Goal {
            meta: meta(),
            status: GoalStatus::Active,
            fields: d,
        }
    })
}

fn kpi() -> impl Strategy<Value = Kpi> {
    (-100i32..100, 0i32..100, any::<bool>(), "[a-z]{1,8}").prop_map(|(base, gap, up, unit)| {
        let (baseline, direction) = (
            f64::from(base),
            if up { Direction::Up } else { Direction::Down },
        );
        let target = if up {
            baseline + f64::from(gap)
        } else {
            baseline - f64::from(gap)
        };
        Kpi {
            meta: meta(),
            fields: KpiDraft {
                goal_id: Uuid::nil(),
                name: "Interviews".into(),
                unit,
                baseline,
                target,
                direction,
            },
        }
    })
}

fn review() -> impl Strategy<Value = ProgressReview> {
    (0i64..400, 0i64..60, "[a-z]{0,8}").prop_map(|(from, len, well)| ProgressReview {
        meta: meta(),
        fields: ReviewDraft {
            from: day(from),
            to: day(from + len),
            went_well: well,
            to_change: String::new(),
        },
    })
}

fn schedule() -> impl Strategy<Value = CheckInSchedule> {
    let zone = prop_oneof![
        Just(None),
        Just(Some("Europe/Berlin".to_owned())),
        Just(Some("America/New_York".to_owned())),
    ];
    (1u8..=31, -600i32..600, 0i64..400, zone).prop_map(|(dom, offset, start, time_zone)| {
        CheckInSchedule {
            meta: meta(),
            fields: ScheduleDraft {
                cadence: Cadence::Monthly { day: dom },
                utc_offset_minutes: offset,
                starts_on: day(start),
                time_zone,
            },
        }
    })
}

fn woop() -> impl Strategy<Value = Woop> {
    ("[a-z]{0,6}", "[a-z]{0,6}", "[a-z]{0,6}", "[a-z]{1,6}").prop_map(
        |(wish, outcome, obstacle, plan)| Woop {
            meta: meta(),
            goal_id: Uuid::from_u128(9),
            fields: WoopDraft {
                wish,
                outcome,
                obstacle,
                plan,
            },
            action_id: None,
        },
    )
}

/// A take with at least one type rated (skipped types are `None`).
fn interests() -> impl Strategy<Value = InterestProfile> {
    (
        0i64..400,
        proptest::collection::vec(proptest::option::of(0u8..=4), 6),
        0usize..6,
        0u8..=4,
    )
        .prop_map(|(on, ratings, rated, v)| {
            let mut d = InterestDraft::new(day(on));
            for (t, r) in InterestType::ALL.into_iter().zip(ratings) {
                d.set_rating(t, r);
            }
            d.set_rating(InterestType::ALL[rated], Some(v));
            InterestProfile {
                meta: meta(),
                fields: d,
            }
        })
}

fn grow_note() -> impl Strategy<Value = GrowNote> {
    (
        "[a-z]{0,6}",
        "[a-z]{0,6}",
        prop::collection::vec("[a-z]{1,5}", 0..4),
        any::<u8>(),
        prop::collection::vec(("[a-z]{1,5}", proptest::option::of(0i64..60)), 0..3),
        0i64..30,
    )
        .prop_filter_map(
            "a note says something",
            |(session_goal, reality, options, pick, steps, held)| {
                let chosen = (!options.is_empty() && pick % 2 == 0)
                    .then(|| u32::from(pick) % options.len() as u32);
                let n = GrowNote {
                    meta: meta(),
                    author: Author::Client,
                    fields: GrowDraft {
                        held_on: day(held),
                        goal_id: None,
                        session_goal,
                        reality,
                        options,
                        chosen,
                        way_forward: steps
                            .into_iter()
                            .map(|(what, due)| WayStep {
                                what,
                                due: due.map(day),
                                action_id: None,
                            })
                            .collect(),
                    },
                };
                n.validate().is_ok().then_some(n)
            },
        )
}

/// A version of `base` with the note's answers of `other` written at minute `at` (through
/// `stamp_edit`, as the verbs do), by the coach or the client.
fn grow_edit(base: &GrowNote, other: &GrowNote, at: i64, coach: bool, held: bool) -> GrowNote {
    let mut n = base.clone();
    if held {
        n.fields.held_on = other.fields.held_on;
    } else {
        let keep = n.fields.held_on;
        n.fields = other.fields.clone();
        n.fields.held_on = keep;
    }
    let by = if coach { Author::Coach } else { Author::Client };
    n.stamp_edit(base, t0() + Duration::minutes(at), by);
    n
}

/// `a` with the fields of each group whose bit is set in `pick` taken from `b`, and every
/// ungrouped field taken from `b` when `rest` is true.
fn mix<T: Record>(a: &T, b: &T, pick: u8, rest: bool) -> T {
    let (Value::Object(mut va), Value::Object(vb)) = (
        serde_json::to_value(a).unwrap(),
        serde_json::to_value(b).unwrap(),
    ) else {
        panic!("records are objects");
    };
    let groups = T::groups();
    let grouped: Vec<&str> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    for (i, g) in groups.iter().enumerate() {
        if pick & (1 << i) != 0 {
            for f in g.iter() {
                va.insert((*f).to_owned(), vb.get(*f).cloned().unwrap_or(Value::Null));
            }
        }
    }
    if rest {
        for (k, v) in &vb {
            if k != "meta" && !grouped.contains(&k.as_str()) {
                va.insert(k.clone(), v.clone());
            }
        }
    }
    serde_json::from_value(Value::Object(va)).unwrap()
}

proptest! {
    #[test]
    fn groups_from_either_valid_goal_make_a_valid_goal(a in goal(), b in goal(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_kpi_make_a_valid_kpi(a in kpi(), b in kpi(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_review_make_a_valid_review(a in review(), b in review(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_schedule_make_a_valid_schedule(a in schedule(), b in schedule(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_grow_note_make_a_valid_one(a in grow_note(), b in grow_note(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn session_notes_merge_commutatively_associatively_idempotently(
        base in grow_note(),
        edits in prop::collection::vec((grow_note(), 0i64..4, any::<bool>(), any::<bool>()), 3),
    ) {
        let v: Vec<GrowNote> = edits
            .iter()
            .map(|(o, at, coach, held)| grow_edit(&base, o, *at, *coach, *held))
            .collect();
        let (a, b, c) = (&v[0], &v[1], &v[2]);
        let ab = merge_record(a, b);
        prop_assert_eq!(&ab, &merge_record(b, a));
        prop_assert_eq!(merge_record(&ab, c), merge_record(a, &merge_record(b, c)));
        prop_assert_eq!(merge_record(&ab, &ab), ab.clone());
        prop_assert_eq!(merge_record(&ab, b), ab.clone());
        prop_assert!(ab.validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_woop_make_a_valid_woop(a in woop(), b in woop(), pick: u8, rest: bool) {
        prop_assert!(mix(&a, &b, pick, rest).validate().is_ok());
    }

    #[test]
    fn groups_from_either_valid_interest_take_make_a_valid_take(a in interests(), b in interests(), pick: u8, rest: bool) {
        let m = mix(&a, &b, pick, rest);
        prop_assert!(m.validate().is_ok());
        // The six ratings come from one take: the merged take reads as one of the two did.
        prop_assert!(m.fields.code() == a.fields.code() || m.fields.code() == b.fields.code());
    }
}

#[test]
fn the_rules_that_tie_fields_are_the_merges_groups() {
    assert_eq!(Goal::groups(), vec![&["start_date", "target_date"][..]]);
    assert_eq!(
        Kpi::groups(),
        vec![&["baseline", "target", "direction"][..]]
    );
    assert_eq!(ProgressReview::groups(), vec![&["from", "to"][..]]);
    assert_eq!(
        InterestProfile::groups(),
        vec![
            &[
                "realistic",
                "investigative",
                "artistic",
                "social",
                "enterprising",
                "conventional"
            ][..]
        ]
    );
    // A record with no such rule merges every field alone.
    assert!(waymark::core::milestone::Milestone::groups().is_empty());
    // Splitting a group would break its rule: the start from one goal and the target from
    // another can cross.
    let mut a = GoalDraft::titled("x", day(0));
    a.target_date = Some(day(10));
    let mut b = GoalDraft::titled("x", day(20));
    b.target_date = Some(day(30));
    let mut crossed = b.clone();
    crossed.target_date = a.target_date;
    assert!(a.check().is_ok() && b.check().is_ok());
    assert!(crossed.check().is_err());
}

/// One version of the shared goal: `edits` are (field, minutes after t0, by the coach),
/// applied in order through `stamp_edit`, as the verbs do.
fn edited(base: &Goal, edits: &[(u8, i64, bool)]) -> Goal {
    let mut g = base.clone();
    for &(field, minutes, coach) in edits {
        let old = g.clone();
        match field % 4 {
            0 => g.fields.why = format!("why {minutes}"),
            1 => g.fields.title = format!("title {minutes}"),
            2 => {
                g.fields.start_date = day(minutes % 30);
                g.fields.target_date = Some(day(40 + minutes % 30));
            }
            _ => g.meta.deleted = minutes % 7 == 0,
        }
        let by = if coach { Author::Coach } else { Author::Client };
        let now = t0() + Duration::minutes(minutes);
        if g.meta.deleted != old.meta.deleted {
            g.meta.touch(now, by);
        } else {
            g.stamp_edit(&old, now, by);
        }
    }
    g
}

fn edits() -> impl Strategy<Value = Vec<(u8, i64, bool)>> {
    proptest::collection::vec((0u8..4, 1i64..120, any::<bool>()), 0..5)
}

proptest! {
    #[test]
    fn a_records_merge_is_commutative_associative_and_idempotent(
        base in goal(), x in edits(), y in edits(), z in edits()
    ) {
        let (a, b, c) = (edited(&base, &x), edited(&base, &y), edited(&base, &z));
        prop_assert_eq!(merge_record(&a, &b), merge_record(&b, &a));
        prop_assert_eq!(
            merge_record(&merge_record(&a, &b), &c),
            merge_record(&a, &merge_record(&b, &c))
        );
        prop_assert_eq!(merge_record(&a, &a), a.clone());
        let ab = merge_record(&a, &b);
        prop_assert_eq!(merge_record(&ab, &b), ab.clone());
        if !ab.meta.deleted {
            prop_assert!(ab.validate().is_ok());
        }
    }
}
