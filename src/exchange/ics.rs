//! The plan's dates as an iCalendar file (RFC 5545) for any calendar app: one recurring event
//! for the check-in schedule, with a reminder (VALARM) as long before as the client chose, and
//! one all-day event per open milestone and per open action with a due date.
//!
//! Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text values
//! escape `\`, `;`, `,` and line breaks. UIDs are the record ids, and SEQUENCE and LAST-MODIFIED
//! come from when the record last changed, so importing a newer export into a calendar updates
//! the events in place instead of duplicating them.
//!
//! Check-ins happen at [`CHECK_IN_TIME`] on the client's day, in the schedule's time zone by
//! name (TZID with its VTIMEZONE, built from the zone's rules), so the reminder rings at the
//! same wall-clock time in summer and winter wherever the calendar app is.

use super::audience::{cut_for, Audience};
use super::format::{slug, ExportedFile};
use crate::core::goal::GoalStatus;
use crate::core::schedule::{AlarmLead, Cadence, CheckInSchedule, CHECK_IN_TIME};
use crate::core::zone::{offset_text, transitions, Transition, ZoneRules};
use crate::core::{Meta, Plan};
use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use uuid::Uuid;

pub const MEDIA_TYPE: &str = "text/calendar; charset=utf-8";
const UID_DOMAIN: &str = "waymark.app";

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (§3.1): continuation lines start with a space, which
/// counts towards their 75. Appends the line with its CRLF to `out`.
pub fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn byday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The RRULE of a cadence. Monthly days past the 28th are clamped to the month's end as the
/// schedule does: the 31st is `BYMONTHDAY=-1` (the last day); the 29th and 30th take the
/// last of the days 28..=day that the month has (`BYMONTHDAY=28,29,30;BYSETPOS=-1`).
pub fn rrule(cadence: Cadence) -> String {
    match cadence {
        Cadence::Weeks { weeks, weekday } => {
            format!("FREQ=WEEKLY;INTERVAL={weeks};BYDAY={}", byday(weekday))
        }
        Cadence::Monthly { day } if day <= 28 => format!("FREQ=MONTHLY;BYMONTHDAY={day}"),
        Cadence::Monthly { day } if day >= 31 => "FREQ=MONTHLY;BYMONTHDAY=-1".to_owned(),
        Cadence::Monthly { day } => {
            let days: Vec<String> = (28..=day).map(|d| d.to_string()).collect();
            format!("FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1", days.join(","))
        }
    }
}

fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn local_time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// SEQUENCE counts a record's revisions; the record's last change, in whole seconds since
/// 2020, only grows, so a newer export always carries a higher SEQUENCE than an older one.
fn sequence(meta: &Meta) -> i64 {
    let base = Utc
        .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .map_or(0, |t| t.timestamp());
    (meta.updated_at.timestamp() - base).clamp(0, i64::from(i32::MAX))
}

fn event_start(out: &mut String, id: Uuid, stamp: &str, meta: &Meta) {
    fold_line("BEGIN:VEVENT", out);
    fold_line(&format!("UID:{id}@{UID_DOMAIN}"), out);
    fold_line(&format!("DTSTAMP:{stamp}"), out);
    fold_line(&format!("LAST-MODIFIED:{}", utc_time(meta.updated_at)), out);
    fold_line(&format!("SEQUENCE:{}", sequence(meta)), out);
}

fn all_day(
    out: &mut String,
    meta: &Meta,
    stamp: &str,
    day: NaiveDate,
    summary: &str,
    goal: Option<&str>,
) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    event_start(out, meta.id, stamp, meta);
    fold_line(&format!("DTSTART;VALUE=DATE:{}", date(day)), out);
    fold_line(&format!("DTEND;VALUE=DATE:{}", date(next)), out);
    fold_line(&format!("SUMMARY:{}", escape_text(summary)), out);
    if let Some(goal) = goal.filter(|g| !g.is_empty()) {
        fold_line(&format!("DESCRIPTION:Goal: {}", escape_text(goal)), out);
    }
    fold_line("TRANSP:TRANSPARENT", out);
    fold_line("END:VEVENT", out);
}

/// The TRIGGER of a check-in's reminder, relative to its start.
pub fn trigger(lead: AlarmLead) -> &'static str {
    match lead {
        AlarmLead::AtTime => "PT0S",
        AlarmLead::HourBefore => "-PT1H",
        AlarmLead::DayBefore => "-P1D",
    }
}

/// `-1SU` for the last Sunday of its month, `2SU` for the second: the yearly rule a zone's
/// change day follows in every zone whose changes are "the nth or last weekday of a month".
fn nth_weekday(d: NaiveDate) -> String {
    let days_in_month = (28..=31)
        .rev()
        .find(|&n| NaiveDate::from_ymd_opt(d.year(), d.month(), n).is_some())
        .unwrap_or(28);
    let n = if d.day() + 7 > days_in_month {
        "-1".to_owned()
    } else {
        ((d.day() - 1) / 7 + 1).to_string()
    };
    format!("{n}{}", byday(d.weekday()))
}

fn observance(out: &mut String, name: &str, t: &Transition, yearly: bool) {
    fold_line(&format!("BEGIN:{name}"), out);
    fold_line(&format!("DTSTART:{}", local_time(t.local_before)), out);
    fold_line(
        &format!("TZOFFSETFROM:{}", offset_text(t.offset_before, false)),
        out,
    );
    fold_line(
        &format!("TZOFFSETTO:{}", offset_text(t.offset_after, false)),
        out,
    );
    if yearly {
        let d = t.local_before.date();
        fold_line(
            &format!(
                "RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}",
                d.month(),
                nth_weekday(d)
            ),
            out,
        );
    }
    fold_line(&format!("END:{name}"), out);
}

/// The VTIMEZONE of `zone` as its rules have it in `year`: a STANDARD and a DAYLIGHT part that
/// repeat yearly, or one fixed STANDARD part for a zone without summer time (or one unknown to
/// the rules, at the offset the schedule was written with).
fn vtimezone(out: &mut String, zone: &str, year: i32, fallback: i32, rules: &dyn ZoneRules) {
    fold_line("BEGIN:VTIMEZONE", out);
    fold_line(&format!("TZID:{zone}"), out);
    let changes = transitions(rules, zone, year);
    if changes.len() == 2 {
        for t in &changes {
            let name = if t.offset_after > t.offset_before {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            observance(out, name, t, true);
        }
    } else {
        let offset = rules
            .offset_minutes(
                zone,
                Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0)
                    .single()
                    .unwrap_or_default(),
            )
            .unwrap_or(fallback);
        let fixed = Transition {
            local_before: NaiveDate::from_ymd_opt(1970, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default(),
            offset_before: offset,
            offset_after: offset,
        };
        observance(out, "STANDARD", &fixed, false);
    }
    fold_line("END:VTIMEZONE", out);
}

fn checkin_event(out: &mut String, plan: &Plan, s: &CheckInSchedule, stamp: &str, lead: AlarmLead) {
    let first = s.fields.first_on_or_after(s.fields.starts_on);
    let at = first
        .and_time(NaiveTime::from_hms_opt(CHECK_IN_TIME.0, CHECK_IN_TIME.1, 0).unwrap_or_default());
    let summary = format!("Check-in: {}", plan.title);
    event_start(out, s.meta.id, stamp, &s.meta);
    match &s.fields.time_zone {
        Some(zone) => fold_line(&format!("DTSTART;TZID={zone}:{}", local_time(at)), out),
        // A schedule from before zone names: floating time, the calendar's own zone.
        None => fold_line(&format!("DTSTART:{}", local_time(at)), out),
    }
    fold_line("DURATION:PT30M", out);
    fold_line(&format!("RRULE:{}", rrule(s.fields.cadence)), out);
    fold_line(&format!("SUMMARY:{}", escape_text(&summary)), out);
    fold_line(
        "DESCRIPTION:Time for your Waymark check-in: progress\\, blockers\\, next steps.",
        out,
    );
    fold_line("BEGIN:VALARM", out);
    fold_line("ACTION:DISPLAY", out);
    fold_line(&format!("DESCRIPTION:{}", escape_text(&summary)), out);
    fold_line(&format!("TRIGGER:{}", trigger(lead)), out);
    fold_line("END:VALARM", out);
    fold_line("END:VEVENT", out);
}

/// The calendar. `now` is the DTSTAMP of every event; `lead` how long before a check-in its
/// reminder rings; `rules` give the schedule's zone its summer-time changes.
pub fn plan_ics(plan: &Plan, now: DateTime<Utc>, lead: AlarmLead, rules: &dyn ZoneRules) -> String {
    let stamp = utc_time(now);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Waymark//Career plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold_line(line, &mut out);
    }
    fold_line(
        &format!("X-WR-CALNAME:{}", escape_text(&plan.title)),
        &mut out,
    );

    let schedule = plan.schedule.as_ref().filter(|s| s.meta.is_live());
    if let Some(s) = schedule {
        if let Some(zone) = &s.fields.time_zone {
            fold_line(&format!("X-WR-TIMEZONE:{zone}"), &mut out);
            let year = s.fields.first_on_or_after(s.fields.starts_on).year();
            vtimezone(&mut out, zone, year, s.fields.utc_offset_minutes, rules);
        }
        checkin_event(&mut out, plan, s, &stamp, lead);
    }
    // Only what is still to do: a done milestone or action, or one of a goal no longer being
    // worked on (paused, achieved, dropped), has nothing to remind of.
    let goal_open = |id: Option<Uuid>| match id {
        None => Some(""),
        Some(id) => plan
            .goal(id)
            .filter(|g| g.meta.is_live() && g.status == GoalStatus::Active)
            .map(|g| g.fields.title.as_str()),
    };
    for m in plan
        .milestones
        .iter()
        .filter(|m| m.meta.is_live() && !m.is_done())
    {
        if let Some(goal) = goal_open(Some(m.fields.goal_id)) {
            all_day(
                &mut out,
                &m.meta,
                &stamp,
                m.fields.due,
                &format!("Milestone: {}", m.fields.title),
                Some(goal),
            );
        }
    }
    for a in plan.actions.iter().filter(|a| a.is_open()) {
        let (Some(due), Some(goal)) = (a.fields.due, goal_open(a.fields.goal_id)) else {
            continue;
        };
        all_day(
            &mut out,
            &a.meta,
            &stamp,
            due,
            &format!("Action: {}", a.fields.title),
            Some(goal),
        );
    }
    fold_line("END:VCALENDAR", &mut out);
    out
}

/// The calendar as a download: `<title>.ics`.
pub fn export_ics(
    plan: &Plan,
    audience: Audience,
    now: DateTime<Utc>,
    lead: AlarmLead,
    rules: &dyn ZoneRules,
) -> ExportedFile {
    ExportedFile {
        bytes: plan_ics(&cut_for(plan, audience, &[]), now, lead, rules).into_bytes(),
        file_name: format!("{}.ics", slug(&plan.title)),
        media_type: MEDIA_TYPE,
    }
}
