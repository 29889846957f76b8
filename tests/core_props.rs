#![cfg(not(target_arch = "wasm32"))]
//! Properties that must hold for every input, not just the examples.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use proptest::prelude::*;
use std::cmp::Ordering;
use uuid::Uuid;
use waymark::core::action::{Action, ActionDraft};
use waymark::core::goal::GoalDraft;
use waymark::core::journal::ReflectionDraft;
use waymark::core::kpi::{Direction, KpiDraft};
use waymark::core::meta::Meta;
use waymark::core::progress::percent_of_target;
use waymark::core::ranking::{rank_actions, rank_order};
use waymark::core::sample::seeded_plan;
use waymark::core::schedule::{local_date, next_checkin, Cadence, ScheduleDraft};
use waymark::core::{Author, DocKind, Plan};

fn kpi(baseline: f64, target: f64, direction: Direction) -> KpiDraft {
    KpiDraft {
        goal_id: Uuid::nil(),
        name: "k".into(),
        unit: String::new(),
        baseline,
        target,
        direction,
    }
}

fn finite() -> impl Strategy<Value = f64> {
    -1e12f64..1e12f64
}

proptest! {
    #[test]
    fn percent_rises_with_value_for_rising_kpis(a in finite(), b in finite(), x in finite(), y in finite()) {
        let (baseline, target) = (a.min(b), a.max(b));
        let k = kpi(baseline, target, Direction::Up);
        let (lo, hi) = (x.min(y), x.max(y));
        let (p_lo, p_hi) = (percent_of_target(&k, lo), percent_of_target(&k, hi));
        prop_assert!(p_lo <= p_hi, "{p_lo} > {p_hi}");
        prop_assert!((0.0..=100.0).contains(&p_lo) && (0.0..=100.0).contains(&p_hi));
    }

    #[test]
    fn percent_falls_with_value_for_falling_kpis(a in finite(), b in finite(), x in finite(), y in finite()) {
        let (baseline, target) = (a.max(b), a.min(b));
        let k = kpi(baseline, target, Direction::Down);
        let (lo, hi) = (x.min(y), x.max(y));
        let (p_lo, p_hi) = (percent_of_target(&k, lo), percent_of_target(&k, hi));
        prop_assert!(p_lo >= p_hi, "{p_lo} < {p_hi}");
        prop_assert!((0.0..=100.0).contains(&p_lo) && (0.0..=100.0).contains(&p_hi));
    }
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (0u8..7).prop_map(|d| Weekday::try_from(d).unwrap())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1990..2150, so that "now" and the schedule stay well inside the supported years.
    (0i64..58_000).prop_map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(d))
}

fn schedule() -> impl Strategy<Value = ScheduleDraft> {
    let cadence = prop_oneof![
        (1u8..=12, weekday()).prop_map(|(weeks, weekday)| Cadence::Weeks { weeks, weekday }),
        (1u8..=31).prop_map(|day| Cadence::Monthly { day }),
    ];
    (cadence, -840i32..=840, date()).prop_map(|(cadence, utc_offset_minutes, starts_on)| {
        ScheduleDraft {
            cadence,
            utc_offset_minutes,
            starts_on,
            time_zone: None,
        }
    })
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (date(), 0i64..86_400).prop_map(|(d, s)| {
        Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap()) + Duration::seconds(s)
    })
}

fn last_day_of_month(d: NaiveDate) -> u32 {
    (28..=31)
        .rev()
        .find(|&n| NaiveDate::from_ymd_opt(d.year(), d.month(), n).is_some())
        .unwrap()
}

proptest! {
    #[test]
    fn next_checkin_is_after_now_and_on_the_scheduled_day(s in schedule(), now in instant()) {
        let next = next_checkin(&s, now);
        let today = local_date(now, s.utc_offset_minutes);
        prop_assert!(next > today);
        prop_assert!(next >= s.starts_on);
        // As an instant, the start of that local day is after now.
        let start_utc = Utc.from_utc_datetime(&next.and_hms_opt(0, 0, 0).unwrap())
            - Duration::minutes(s.utc_offset_minutes.into());
        prop_assert!(start_utc > now);
        match s.cadence {
            Cadence::Weeks { weeks, weekday } => {
                prop_assert_eq!(next.weekday(), weekday);
                let first = s.first_on_or_after(s.starts_on);
                prop_assert_eq!((next - first).num_days() % (7 * i64::from(weeks)), 0);
                // Nothing scheduled is skipped: the previous occurrence is not after today.
                let prev = next - Duration::days(7 * i64::from(weeks));
                prop_assert!(prev <= today || prev < first);
            }
            Cadence::Monthly { day } => {
                prop_assert_eq!(next.day(), u32::from(day).min(last_day_of_month(next)));
            }
        }
        if let Some(last) = s.last_on_or_before(today) {
            prop_assert!(last <= today);
            prop_assert_eq!(s.next_after(last), next);
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, including emoji and right-to-left scripts; non-blank so reflections accept it.
    "[a-zA-Z0-9 ]{0,10}[\\PC]{1,30}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn documents_round_trip_for_generated_plans(
        goals in 0usize..4,
        actions in 0usize..12,
        measurements in 0usize..20,
        reflections in 0usize..8,
        seed in any::<u64>(),
        extra_texts in prop::collection::vec(text(), 0..5),
        values in prop::collection::vec(finite(), 0..8),
        deletions in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        shuffle_seed in any::<u64>(),
    ) {
        let mut p = seeded_plan(goals, actions, measurements, reflections, seed).unwrap();
        let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
        for (i, t) in extra_texts.iter().enumerate() {
            p.add_reflection(
                ReflectionDraft { text: t.clone(), tags: vec![t.chars().take(5).collect::<String>() + "#"], mood: Some(3), private: i % 2 == 0, prompt: Some(t.clone()) },
                now + Duration::seconds(i as i64),
                Author::Client,
            ).unwrap();
        }
        let g = p.add_goal(GoalDraft::titled("Extra", NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()), now, Author::Coach).unwrap().id_of(DocKind::Goal).unwrap();
        let k = p.add_kpi(KpiDraft { goal_id: g, name: "x".into(), unit: "u".into(), baseline: -1e12, target: 1e12, direction: Direction::Up }, now, Author::Coach).unwrap().id_of(DocKind::Kpi).unwrap();
        for v in &values {
            p.log_measurement(k, *v, now, now, Author::Client).unwrap();
        }
        for ix in &deletions {
            if !p.actions.is_empty() {
                let id = p.actions[ix.index(p.actions.len())].meta.id;
                let _ = p.delete_action(id, now, Author::Coach);
            }
        }
        let mut docs = p.to_documents();
        // Any storage order.
        let n = docs.len();
        let mut s = shuffle_seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            docs.swap(i, (s >> 33) as usize % (i + 1));
        }
        let back = Plan::from_documents(p.id(), &docs).unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(back.to_documents().len(), n);
    }
}

fn action() -> impl Strategy<Value = Action> {
    let titles = prop::sample::select(vec![
        "Call Sam", "call sam", "Apply", "Write", "Ápply", "书",
    ]);
    let due = prop::option::of(
        (0i64..5).prop_map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(d)),
    );
    (1u8..=5, 1u8..=5, due, titles).prop_map(|(impact, effort, due, title)| {
        let now = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        let mut a = ActionDraft::new(title, impact, effort);
        a.due = due;
        a.goal_id = None;
        Action {
            meta: Meta::new(Uuid::nil(), now, Author::Client),
            fields: a,
            done_at: None,
        }
    })
}

/// Distinct ids, as in a plan; everything else collides often so the tie-breaks are exercised.
fn actions() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(action(), 0..25).prop_map(|mut v| {
        for (i, a) in v.iter_mut().enumerate() {
            a.meta.id = Uuid::from_u128(i as u128 * 7919 % 101);
        }
        v
    })
}

proptest! {
    #[test]
    fn ranking_is_a_total_stable_order(actions in actions(), rot in any::<prop::sample::Index>()) {
        for a in &actions {
            for b in &actions {
                prop_assert_eq!(rank_order(a, b), rank_order(b, a).reverse());
                if rank_order(a, b) == Ordering::Equal {
                    prop_assert_eq!(a, b, "only identical actions tie");
                }
                for c in &actions {
                    if rank_order(a, b) != Ordering::Greater && rank_order(b, c) != Ordering::Greater {
                        prop_assert!(rank_order(a, c) != Ordering::Greater);
                    }
                }
            }
        }
        let mut once: Vec<&Action> = actions.iter().collect();
        rank_actions(&mut once);
        let mut other: Vec<&Action> = actions.iter().rev().collect();
        if !other.is_empty() {
            let k = rot.index(other.len());
            other.rotate_left(k);
        }
        rank_actions(&mut other);
        prop_assert_eq!(&once, &other, "same input set, same order");
        let mut again = once.clone();
        rank_actions(&mut again);
        prop_assert_eq!(once, again);
    }
}

proptest! {
    /// The fast reader of record instants agrees with chrono's parser on every text, in what
    /// it accepts, the instant it reads, and the message when it refuses.
    #[test]
    fn instants_read_as_chrono_reads_them(
        s in r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,11})?(Z|z|\+01:00)?",
        at in instant(),
        nanos in 0u32..1_000_000_000,
    ) {
        use chrono::SecondsFormat;
        use waymark::core::meta::instant::parse;
        let chrono = |t: &str| t.parse::<DateTime<Utc>>().map_err(|e| e.to_string());
        prop_assert_eq!(parse(&s).map_err(|e| e.to_string()), chrono(&s));
        // Where it reads a text itself, so would strict RFC 3339 (the importer's check).
        if let Some(t) = waymark::core::meta::instant::canonical(&s) {
            prop_assert_eq!(Some(t), DateTime::parse_from_rfc3339(&s).ok().map(|t| t.with_timezone(&Utc)));
        }
        let at = at + Duration::nanoseconds(i64::from(nanos));
        for form in [SecondsFormat::Secs, SecondsFormat::Millis, SecondsFormat::Micros, SecondsFormat::Nanos, SecondsFormat::AutoSi] {
            let text = at.to_rfc3339_opts(form, true);
            prop_assert_eq!(parse(&text).map_err(|e| e.to_string()), chrono(&text));
        }
    }
}
