//! The calendar export read back by a real iCalendar parser (the `icalendar` crate), as a
//! calendar app would: check-ins at their wall-clock time in the schedule's zone across a
//! summer-time change, the reminder the client chose, only what is still to do, and stable
//! UIDs whose SEQUENCE grows so a re-import updates events in place.

#![cfg(not(target_arch = "wasm32"))]

use crate::zones;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component};
use waymark::core::goal::GoalStatus;
use waymark::core::sample::seeded_plan;
use waymark::core::schedule::{AlarmLead, Cadence, ScheduleDraft};
use waymark::core::{Author, Plan};
use waymark::exchange::ics::plan_ics;
use zones::TzRules;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn prop<'a>(c: &'a Component, name: &str) -> Option<&'a str> {
    c.find_prop(name).map(|p| p.val.as_str())
}

fn param<'a>(c: &'a Component, name: &str, key: &str) -> Option<&'a str> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key == key)?
        .val
        .as_ref()
        .map(|v| v.as_str())
}

fn named<'a>(c: &'a [Component<'a>], name: &str) -> Vec<&'a Component<'a>> {
    c.iter().filter(|c| c.name == name).collect()
}

/// A plan whose client lives in Berlin: weekly Monday check-ins from the Monday before the
/// March change; one milestone done, one goal dropped, actions open, done and undated.
fn berlin_plan() -> Plan {
    let now = at(2026, 3, 20, 10, 0);
    let mut plan = seeded_plan(2, 6, 0, 0, 7).unwrap();
    plan.set_schedule(
        ScheduleDraft {
            cadence: Cadence::Weeks {
                weeks: 1,
                weekday: Weekday::Mon,
            },
            utc_offset_minutes: 60,
            starts_on: day(2026, 3, 23),
            time_zone: Some("Europe/Berlin".into()),
        },
        now,
        Author::Client,
    )
    .unwrap();
    let first_goal = plan.goals[0].meta.id;
    let second_goal = plan.goals[1].meta.id;
    let done = plan
        .milestones
        .iter()
        .find(|m| m.fields.goal_id == first_goal)
        .unwrap()
        .meta
        .id;
    plan.complete_milestone(done, now, Author::Client).unwrap();
    plan.drop_goal(second_goal, "Not the right time", now, Author::Client)
        .unwrap();
    for (i, a) in plan.actions.iter_mut().enumerate() {
        a.fields.goal_id = Some(first_goal);
        a.fields.due = (i % 3 != 2).then(|| day(2026, 4, 1 + i as u32));
    }
    let finished = plan.actions[1].meta.id;
    plan.complete_action(finished, now, Author::Client).unwrap();
    plan
}

fn events<'a>(cal: &'a [Component<'a>], summary_prefix: &str) -> Vec<&'a Component<'a>> {
    named(cal, "VEVENT")
        .into_iter()
        .filter(|e| prop(e, "SUMMARY").is_some_and(|s| s.starts_with(summary_prefix)))
        .collect()
}

/// The instant a calendar app puts a `DTSTART;TZID=…:YYYYMMDDTHHMMSS` at.
fn start_instant(event: &Component) -> DateTime<Utc> {
    let zone: Tz = param(event, "DTSTART", "TZID").unwrap().parse().unwrap();
    let local =
        NaiveDateTime::parse_from_str(prop(event, "DTSTART").unwrap(), "%Y%m%dT%H%M%S").unwrap();
    zone.from_local_datetime(&local)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn a_real_parser_reads_check_ins_in_the_clients_zone_with_the_chosen_reminder() {
    let plan = berlin_plan();
    for (lead, trigger) in [
        (AlarmLead::AtTime, "PT0S"),
        (AlarmLead::HourBefore, "-PT1H"),
        (AlarmLead::DayBefore, "-P1D"),
    ] {
        let text = plan_ics(&plan, at(2026, 3, 21, 8, 0), lead, &TzRules);
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).expect("the calendar parses");
        assert_eq!(prop_of_calendar(&cal.properties, "VERSION"), Some("2.0"));

        let zones = named(&cal.components, "VTIMEZONE");
        assert_eq!(zones.len(), 1);
        assert_eq!(prop(zones[0], "TZID"), Some("Europe/Berlin"));
        let summer = named(&zones[0].components, "DAYLIGHT");
        let winter = named(&zones[0].components, "STANDARD");
        assert_eq!(summer.len(), 1);
        assert_eq!(winter.len(), 1);
        assert_eq!(prop(summer[0], "TZOFFSETFROM"), Some("+0100"));
        assert_eq!(prop(summer[0], "TZOFFSETTO"), Some("+0200"));
        assert_eq!(prop(summer[0], "DTSTART"), Some("20260329T020000"));
        assert_eq!(
            prop(summer[0], "RRULE"),
            Some("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        );
        assert_eq!(prop(winter[0], "TZOFFSETTO"), Some("+0100"));
        assert_eq!(prop(winter[0], "DTSTART"), Some("20261025T030000"));
        assert_eq!(
            prop(winter[0], "RRULE"),
            Some("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        );

        let checkins = events(&cal.components, "Check-in: ");
        assert_eq!(checkins.len(), 1);
        let c = checkins[0];
        assert_eq!(param(c, "DTSTART", "TZID"), Some("Europe/Berlin"));
        assert_eq!(prop(c, "DTSTART"), Some("20260323T090000"));
        assert_eq!(prop(c, "RRULE"), Some("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO"));
        // 9:00 in Berlin is 8:00 UTC before the change and 7:00 UTC after it: the same
        // wall-clock time for the client.
        let first = start_instant(c);
        assert_eq!(first, at(2026, 3, 23, 8, 0));
        let zone: Tz = "Europe/Berlin".parse().unwrap();
        let next_week = zone
            .from_local_datetime(&(first.with_timezone(&zone).naive_local() + Duration::days(7)))
            .single()
            .unwrap();
        assert_eq!(next_week.with_timezone(&Utc), at(2026, 3, 30, 7, 0));

        let alarms = named(&c.components, "VALARM");
        assert_eq!(alarms.len(), 1, "one reminder per check-in");
        assert_eq!(prop(alarms[0], "ACTION"), Some("DISPLAY"));
        assert_eq!(prop(alarms[0], "TRIGGER"), Some(trigger));
        assert!(prop(alarms[0], "DESCRIPTION").is_some_and(|d| d.starts_with("Check-in: ")));

        // The typed model of the same crate reads it too (what an importing app builds).
        let typed: icalendar::Calendar = text.parse().expect("the typed calendar parses");
        assert_eq!(
            typed.components.len(),
            cal.components.len(),
            "nothing is dropped by the typed reader"
        );
    }
}

fn prop_of_calendar<'a>(props: &'a [icalendar::parser::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.val.as_str())
}

#[test]
fn only_what_is_still_to_do_goes_into_the_calendar() {
    let plan = berlin_plan();
    let text = plan_ics(
        &plan,
        at(2026, 3, 21, 8, 0),
        AlarmLead::HourBefore,
        &TzRules,
    );
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).unwrap();

    let active = |goal: uuid::Uuid| {
        plan.goal(goal)
            .is_some_and(|g| g.meta.is_live() && g.status == GoalStatus::Active)
    };
    let open_milestones: Vec<_> = plan
        .milestones
        .iter()
        .filter(|m| m.meta.is_live() && !m.is_done() && active(m.fields.goal_id))
        .collect();
    let open_actions: Vec<_> = plan
        .actions
        .iter()
        .filter(|a| a.is_open() && a.fields.due.is_some())
        .collect();
    assert!(plan.milestones.iter().any(|m| m.is_done()));
    assert!(plan.goals.iter().any(|g| g.status == GoalStatus::Dropped));
    assert!(plan
        .actions
        .iter()
        .any(|a| a.done_at.is_some() && a.fields.due.is_some()));
    assert!(plan.actions.iter().any(|a| a.fields.due.is_none()));

    let milestones = events(&cal.components, "Milestone: ");
    assert_eq!(milestones.len(), open_milestones.len());
    for m in &open_milestones {
        let e = milestones
            .iter()
            .find(|e| prop(e, "UID") == Some(&format!("{}@waymark.app", m.meta.id)))
            .expect("each open milestone has its event");
        assert_eq!(param(e, "DTSTART", "VALUE"), Some("DATE"));
        assert_eq!(
            prop(e, "DTSTART"),
            Some(m.fields.due.format("%Y%m%d").to_string().as_str())
        );
        assert!(named(&e.components, "VALARM").is_empty());
    }
    let actions = events(&cal.components, "Action: ");
    assert_eq!(actions.len(), open_actions.len());
    for a in &open_actions {
        assert!(actions.iter().any(|e| prop(e, "UID")
            == Some(&format!("{}@waymark.app", a.meta.id))
            && prop(e, "SUMMARY") == Some(&format!("Action: {}", a.fields.title))));
    }
}

#[test]
fn a_newer_export_updates_the_same_events_with_a_higher_sequence() {
    let mut plan = berlin_plan();
    let read = |plan: &Plan, now| {
        let text = plan_ics(plan, now, AlarmLead::HourBefore, &TzRules);
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).unwrap();
        named(&cal.components, "VEVENT")
            .into_iter()
            .map(|e| {
                (
                    prop(e, "UID").unwrap().to_owned(),
                    prop(e, "SEQUENCE").unwrap().parse::<i64>().unwrap(),
                    prop(e, "LAST-MODIFIED").unwrap().to_owned(),
                    prop(e, "DTSTART").unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = read(&plan, at(2026, 3, 21, 8, 0));
    assert_eq!(
        read(&plan, at(2026, 3, 22, 8, 0)),
        before,
        "unchanged records, unchanged events"
    );

    let m = plan
        .milestones
        .iter()
        .find(|m| {
            m.meta.is_live()
                && !m.is_done()
                && plan
                    .goal(m.fields.goal_id)
                    .is_some_and(|g| g.status == GoalStatus::Active)
        })
        .unwrap()
        .clone();
    let mut draft = m.fields.clone();
    draft.due -= Duration::days(1);
    let edited_at = at(2026, 4, 2, 12, 30);
    plan.update_milestone(m.meta.id, draft, edited_at, Author::Coach)
        .unwrap();
    let after = read(&plan, at(2026, 4, 3, 8, 0));
    assert_eq!(
        after.iter().map(|e| &e.0).collect::<Vec<_>>(),
        before.iter().map(|e| &e.0).collect::<Vec<_>>(),
        "the same UIDs, so the calendar updates instead of duplicating"
    );
    let uid = format!("{}@waymark.app", m.meta.id);
    let old = before.iter().find(|e| e.0 == uid).unwrap();
    let new = after.iter().find(|e| e.0 == uid).unwrap();
    assert!(new.1 > old.1, "SEQUENCE grows: {} then {}", old.1, new.1);
    assert_eq!(new.2, "20260402T123000Z");
    assert_ne!(new.3, old.3);
}

#[test]
fn zones_without_summer_time_and_in_the_south_get_their_own_rules() {
    for (zone, expect) in [
        ("Asia/Kolkata", vec![("STANDARD", "+0530", "+0530", None)]),
        (
            "America/New_York",
            vec![
                (
                    "DAYLIGHT",
                    "-0500",
                    "-0400",
                    Some("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"),
                ),
                (
                    "STANDARD",
                    "-0400",
                    "-0500",
                    Some("FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
                ),
            ],
        ),
        (
            "Australia/Sydney",
            vec![
                (
                    "STANDARD",
                    "+1100",
                    "+1000",
                    Some("FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"),
                ),
                (
                    "DAYLIGHT",
                    "+1000",
                    "+1100",
                    Some("FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"),
                ),
            ],
        ),
    ] {
        let mut plan = berlin_plan();
        let mut s = plan.live_schedule().unwrap().clone();
        s.time_zone = Some(zone.into());
        plan.set_schedule(s, at(2026, 3, 21, 8, 0), Author::Client)
            .unwrap();
        let text = plan_ics(&plan, at(2026, 3, 21, 9, 0), AlarmLead::DayBefore, &TzRules);
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).unwrap();
        let tz = named(&cal.components, "VTIMEZONE");
        assert_eq!(prop(tz[0], "TZID"), Some(zone));
        let got: Vec<_> = tz[0]
            .components
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    prop(c, "TZOFFSETFROM").unwrap(),
                    prop(c, "TZOFFSETTO").unwrap(),
                    prop(c, "RRULE"),
                )
            })
            .collect();
        assert_eq!(got, expect, "{zone}");
    }
}

#[test]
fn a_schedule_from_before_zone_names_is_floating_time() {
    let mut plan = berlin_plan();
    let mut s = plan.live_schedule().unwrap().clone();
    s.time_zone = None;
    plan.set_schedule(s, at(2026, 3, 21, 8, 0), Author::Client)
        .unwrap();
    let text = plan_ics(
        &plan,
        at(2026, 3, 21, 9, 0),
        AlarmLead::HourBefore,
        &TzRules,
    );
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).unwrap();
    assert!(named(&cal.components, "VTIMEZONE").is_empty());
    let c = events(&cal.components, "Check-in: ")[0];
    assert_eq!(param(c, "DTSTART", "TZID"), None);
    assert_eq!(prop(c, "DTSTART"), Some("20260323T090000"));
}

/// A calendar file the app itself exported in the browser, handed over by
/// tests/e2e/reminders.test.mjs (WAYMARK_ICS, with the zone and reminder it chose), read by the
/// same parser. Without WAYMARK_ICS there is nothing to read and the test passes.
#[test]
fn a_file_the_app_exported_parses() {
    let Ok(path) = std::env::var("WAYMARK_ICS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).expect("the exported calendar parses");
    let zone = std::env::var("WAYMARK_ICS_ZONE").unwrap();
    let trigger = std::env::var("WAYMARK_ICS_TRIGGER").unwrap();
    let zones = named(&cal.components, "VTIMEZONE");
    assert_eq!(zones.len(), 1);
    assert_eq!(prop(zones[0], "TZID"), Some(zone.as_str()));
    let checkins = events(&cal.components, "Check-in: ");
    assert_eq!(checkins.len(), 1);
    assert_eq!(param(checkins[0], "DTSTART", "TZID"), Some(zone.as_str()));
    let alarms = named(&checkins[0].components, "VALARM");
    assert_eq!(alarms.len(), 1);
    assert_eq!(prop(alarms[0], "TRIGGER"), Some(trigger.as_str()));
    assert!(!events(&cal.components, "Milestone: ").is_empty());
    let typed: icalendar::Calendar = text.parse().expect("the typed calendar parses");
    assert_eq!(typed.components.len(), cal.components.len());
}
