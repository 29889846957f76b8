//! The check-in schedule kept in the client's zone by name: the due day is the client's day on
//! both sides of a summer-time change and when a coach in another zone edits the schedule.
//! The tz rules come from the tz database here, as the browser's Intl gives them in the app.

#![cfg(not(target_arch = "wasm32"))]

use crate::zones;

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use waymark::core::checkin::checkin_status;
use waymark::core::schedule::{next_checkin, Cadence, CheckInSchedule, ScheduleDraft};
use waymark::core::zone::{transitions, utc_of_local, zone_for_edit, ZoneRules};
use waymark::core::CoreError;
use zones::TzRules;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn mondays_in(zone: Option<&str>, written_offset: i32) -> ScheduleDraft {
    ScheduleDraft {
        cadence: Cadence::Weeks {
            weeks: 1,
            weekday: Weekday::Mon,
        },
        utc_offset_minutes: written_offset,
        starts_on: day(2026, 1, 5),
        time_zone: zone.map(str::to_owned),
    }
}

/// The scheduled day whose check-in is due at `now` (none was recorded, so the latest one).
fn due_day(s: &ScheduleDraft, now: DateTime<Utc>) -> Option<NaiveDate> {
    checkin_status(&s.at(now, &TzRules), [], now).current_period_start
}

#[test]
fn spring_forward_the_monday_starts_at_the_clients_midnight() {
    // Written in winter (+1:00). Sunday 29 March 22:30 UTC is Monday 00:30 in Berlin's summer
    // time; with the winter offset it would still be Sunday 23:30.
    let s = mondays_in(Some("Europe/Berlin"), 60);
    let now = at(2026, 3, 29, 22, 30);
    assert_eq!(
        due_day(&s, now),
        Some(day(2026, 3, 30)),
        "the client's Monday has begun"
    );
    assert_eq!(s.at(now, &TzRules).utc_offset_minutes, 120);
    assert_eq!(
        checkin_status(&s, [], now).current_period_start,
        Some(day(2026, 3, 23)),
        "the offset it was written with alone gets the day wrong"
    );
    assert_eq!(
        due_day(&s, at(2026, 3, 29, 21, 30)),
        Some(day(2026, 3, 23)),
        "Sunday 23:30 in Berlin: still last week's check-in"
    );
}

#[test]
fn fall_back_sunday_evening_is_still_sunday() {
    // Written in summer (+2:00). Sunday 25 October 22:30 UTC is 23:30 on Sunday in Berlin's
    // winter time; the summer offset would make it Monday already.
    let s = mondays_in(Some("Europe/Berlin"), 120);
    let now = at(2026, 10, 25, 22, 30);
    assert_eq!(
        due_day(&s, now),
        Some(day(2026, 10, 19)),
        "still the client's Sunday"
    );
    assert_eq!(
        checkin_status(&s, [], now).current_period_start,
        Some(day(2026, 10, 26)),
        "the stale offset is wrong"
    );
    assert_eq!(
        due_day(&s, at(2026, 10, 25, 23, 30)),
        Some(day(2026, 10, 26)),
        "Monday 00:30 in Berlin"
    );
    assert_eq!(
        next_checkin(&s.at(now, &TzRules), now),
        day(2026, 10, 26),
        "the next check-in is tomorrow, Monday"
    );
}

#[test]
fn a_coach_in_new_york_edits_the_clients_schedule_and_it_stays_in_berlin() {
    let client = mondays_in(Some("Europe/Berlin"), 60);
    let (zone, offset) = zone_for_edit(
        Some((client.time_zone.as_deref(), client.utc_offset_minutes)),
        true,
        (Some("America/New_York"), -300),
    );
    assert_eq!(zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(offset, 60);
    let edited = ScheduleDraft {
        cadence: Cadence::Weeks {
            weeks: 2,
            weekday: Weekday::Mon,
        },
        utc_offset_minutes: offset,
        time_zone: zone,
        ..client.clone()
    };
    // Monday 30 March 03:00 UTC: Sunday 23:00 for the coach in New York (already on summer
    // time since 8 March), Monday 05:00 for the client.
    let now = at(2026, 3, 30, 3, 0);
    assert_eq!(TzRules.offset_minutes("America/New_York", now), Some(-240));
    let status = checkin_status(&edited.at(now, &TzRules), [], now);
    assert_eq!(status.today, day(2026, 3, 30));
    assert_eq!(status.current_period_start, Some(day(2026, 3, 30)));

    // The client editing takes their own (current) zone: they may have moved.
    let (zone, offset) = zone_for_edit(
        Some((client.time_zone.as_deref(), client.utc_offset_minutes)),
        false,
        (Some("Asia/Tokyo"), 540),
    );
    assert_eq!((zone.as_deref(), offset), (Some("Asia/Tokyo"), 540));
    // A coach starting a schedule from nothing has only their own zone to go by.
    let (zone, _) = zone_for_edit(None, true, (Some("America/New_York"), -300));
    assert_eq!(zone.as_deref(), Some("America/New_York"));
}

#[test]
fn wall_clock_times_in_a_change_hour_resolve_like_a_calendar() {
    let berlin = "Europe/Berlin";
    let local = |d: NaiveDate, h, m| d.and_hms_opt(h, m, 0).unwrap();
    // 02:30 does not exist on 29 March: it is taken at the new offset, 03:30 summer time.
    assert_eq!(
        utc_of_local(&TzRules, berlin, local(day(2026, 3, 29), 2, 30)),
        Some(at(2026, 3, 29, 1, 30))
    );
    // 02:30 happens twice on 25 October: the first one, still summer time.
    assert_eq!(
        utc_of_local(&TzRules, berlin, local(day(2026, 10, 25), 2, 30)),
        Some(at(2026, 10, 25, 0, 30))
    );
    assert_eq!(
        utc_of_local(&TzRules, berlin, local(day(2026, 7, 1), 9, 0)),
        Some(at(2026, 7, 1, 7, 0))
    );
    let changes = transitions(&TzRules, berlin, 2026);
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0].local_before, local(day(2026, 3, 29), 2, 0));
    assert_eq!(
        (changes[0].offset_before, changes[0].offset_after),
        (60, 120)
    );
    assert_eq!(changes[1].local_before, local(day(2026, 10, 25), 3, 0));
    assert_eq!(
        (changes[1].offset_before, changes[1].offset_after),
        (120, 60)
    );
    assert!(transitions(&TzRules, "Asia/Kolkata", 2026).is_empty());
}

#[test]
fn unknown_zones_fall_back_to_the_offset_written_and_bad_names_are_refused() {
    let s = mondays_in(Some("Mars/Olympus_Mons"), 60);
    assert_eq!(s.at(at(2026, 7, 1, 0, 0), &TzRules).utc_offset_minutes, 60);
    let bad = mondays_in(Some("Europe/Berlin; DROP"), 60);
    assert_eq!(bad.check(), Err(CoreError::BadTimeZone));
    assert!(mondays_in(Some("America/Argentina/Buenos_Aires"), -180)
        .check()
        .is_ok());
}

#[test]
fn files_without_a_zone_name_still_load_and_files_without_one_do_not_gain_it() {
    let old = r#"{"meta":{"id":"6a0c0b3e-4a0e-4f4e-8c63-0a0a0a0a0a0a","created_at":"2025-01-01T09:00:00Z","updated_at":"2025-01-01T09:00:00Z","updated_by":"client"},"cadence":{"every":"weeks","weeks":1,"weekday":"Mon"},"utc_offset_minutes":60,"starts_on":"2025-01-06"}"#;
    let s: CheckInSchedule = serde_json::from_str(old).unwrap();
    assert_eq!(s.fields.time_zone, None);
    let again = serde_json::to_string(&s).unwrap();
    assert!(!again.contains("time_zone"), "{again}");
    let mut zoned = s.clone();
    zoned.fields.time_zone = Some("Europe/Berlin".into());
    assert!(serde_json::to_string(&zoned)
        .unwrap()
        .contains(r#""time_zone":"Europe/Berlin""#));
}

#[test]
fn reminders_ring_at_nine_on_the_clients_day_on_both_sides_of_the_change() {
    use waymark::core::reminders::{checkin_reminders, things_due, UPCOMING};
    use waymark::core::sample::seeded_plan;
    use waymark::core::Author;

    let mut plan = seeded_plan(1, 0, 0, 0, 3).unwrap();
    let written = at(2026, 3, 20, 10, 0);
    plan.set_schedule(
        mondays_in(Some("Europe/Berlin"), 60),
        written,
        Author::Client,
    )
    .unwrap();
    // Friday 27 March: last Monday's check-in (23 March) is due, then every Monday.
    let now = at(2026, 3, 27, 12, 0);
    let reminders = checkin_reminders(&plan, now, &TzRules);
    assert_eq!(reminders.len(), 1 + UPCOMING);
    let days: Vec<_> = reminders.iter().take(3).map(|r| (r.day, r.at)).collect();
    assert_eq!(
        days,
        vec![
            (day(2026, 3, 23), at(2026, 3, 23, 8, 0)),
            (day(2026, 3, 30), at(2026, 3, 30, 7, 0)),
            (day(2026, 4, 6), at(2026, 4, 6, 7, 0)),
        ],
        "9:00 in Berlin: 8:00 UTC in winter, 7:00 UTC in summer"
    );
    assert!(things_due(&plan, now, &TzRules, day(2026, 3, 27)) >= 1);
}

// ---- each entry on its writer's day --------------------------------------------------------

fn offset_in(zone: &str) -> impl Fn(DateTime<Utc>) -> i32 + Clone + 'static {
    let zone = zone.to_owned();
    move |t| TzRules.offset_minutes(&zone, t).unwrap()
}

/// A client in Berlin writes a reflection at `t` through the session, as the app does.
fn written_in_berlin_at(t: DateTime<Utc>) -> waymark::core::journal::Reflection {
    use futures::executor::block_on;
    use waymark::core::journal::ReflectionDraft;
    use waymark::session::{Session, ShownCells};
    use waymark::store::memory::MemoryStore;
    use waymark::store::preferences::Preferences;

    let tab = Session::new(
        MemoryStore::new(),
        ShownCells::default(),
        Preferences::in_memory(),
    )
    .with_clock(move || t)
    .with_offset(offset_in("Europe/Berlin"));
    block_on(async {
        let plan = waymark::core::sample::sample_plan(t).unwrap();
        tab.add_plan(plan).await.unwrap();
        tab.apply(|p: &mut waymark::core::Plan, now, by| {
            p.add_reflection(
                ReflectionDraft {
                    text: "Late thoughts".into(),
                    ..ReflectionDraft::default()
                },
                now,
                by,
            )
        })
        .await
        .unwrap();
    });
    let plan = tab.shown().plan.borrow().clone().unwrap();
    let r = plan
        .reflections
        .iter()
        .find(|r| r.fields.text == "Late thoughts")
        .unwrap()
        .clone();
    r
}

#[test]
fn an_entry_is_on_its_writers_day_on_both_sides_of_summer_time() {
    let new_york = offset_in("America/New_York");
    // (written at, Berlin's offset then, the writer's day, "created_at" as written)
    for (t, offset, writers_day, text) in [
        // Spring forward, before: 23:30 CET on Saturday (+1:00); summer time would make it Sunday.
        (
            at(2026, 3, 28, 22, 30),
            60,
            day(2026, 3, 28),
            "2026-03-28T23:30:00+01:00",
        ),
        // After: 00:30 CEST on Monday (+2:00); the winter offset would make it Sunday.
        (
            at(2026, 3, 29, 22, 30),
            120,
            day(2026, 3, 30),
            "2026-03-30T00:30:00+02:00",
        ),
        // Fall back, before: 00:30 CEST on Sunday; the winter offset would make it Saturday.
        (
            at(2026, 10, 24, 22, 30),
            120,
            day(2026, 10, 25),
            "2026-10-25T00:30:00+02:00",
        ),
        // After: 23:30 CET on Monday (+1:00); summer time would make it Tuesday.
        (
            at(2026, 10, 26, 22, 30),
            60,
            day(2026, 10, 26),
            "2026-10-26T23:30:00+01:00",
        ),
    ] {
        let r = written_in_berlin_at(t);
        assert_eq!(r.meta.written_offset, Some(offset), "{text}");
        let json = serde_json::to_value(&r.meta).unwrap();
        assert_eq!(json["created_at"], text, "the offset is in the timestamp");

        // Read back by a coach in New York, and in Berlin in the other season: the writer's day.
        assert_eq!(
            r.meta.day_written(&new_york),
            writers_day,
            "{text} in New York"
        );
        assert_eq!(
            r.meta.day_written(|_| 180 - offset),
            writers_day,
            "{text} today"
        );
        assert_ne!(
            waymark::core::schedule::local_date(t, 180 - offset),
            writers_day,
            "{text}: today's offset alone gets the day wrong"
        );

        // Counted in the review of the writer's day only.
        let mut plan = waymark::core::sample::sample_plan(t).unwrap();
        plan.reflections = vec![r.clone()];
        for (d, n) in [(writers_day, 1), (writers_day.pred_opt().unwrap(), 0)] {
            assert_eq!(
                waymark::core::period::period_facts(&plan, d, d, &new_york).reflections,
                n,
                "{text} on {d}"
            );
        }
    }
}

#[test]
fn a_file_with_written_offsets_reads_in_this_and_older_builds() {
    use waymark::exchange::export::export_plan;
    use waymark::exchange::validate::parse_plan_file;

    let t = at(2026, 3, 29, 22, 30);
    let r = written_in_berlin_at(t);
    let mut plan = waymark::core::sample::sample_plan(t).unwrap();
    plan.reflections.push(r.clone());
    let file = export_plan(&plan, t, waymark::core::Author::Client);
    let text = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(text.contains("\"created_at\": \"2026-03-30T00:30:00+02:00\""));

    // This build: the same instant and the writer's offset.
    let back = parse_plan_file(&file.bytes).unwrap();
    let read = back
        .plan
        .reflections
        .iter()
        .find(|x| x.meta.id == r.meta.id)
        .unwrap();
    assert_eq!(read.meta.created_at, t);
    assert_eq!(read.meta.written_offset, Some(120));

    // An older build's Meta reads `created_at` as a plain UTC instant: any offset is accepted and
    // means the same moment (the validator's `parse_from_rfc3339` likewise).
    let old: DateTime<Utc> = serde_json::from_str("\"2026-03-30T00:30:00+02:00\"").unwrap();
    assert_eq!(old, t);

    // What older builds wrote ("Z") has no known offset: the reader's own is used.
    let z: waymark::core::meta::Meta = serde_json::from_value(serde_json::json!({
        "id": r.meta.id, "created_at": "2026-03-29T22:30:00Z", "updated_at": "2026-03-29T22:30:00Z",
        "updated_by": "client", "deleted": false
    }))
    .unwrap();
    assert_eq!(z.written_offset, None);
    assert_eq!(
        z.day_written(offset_in("America/New_York")),
        day(2026, 3, 29)
    );
    assert_eq!(
        serde_json::to_value(&z).unwrap()["created_at"],
        "2026-03-29T22:30:00Z",
        "written back as it was"
    );
}
