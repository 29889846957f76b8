//! The plan's dates as an iCalendar file (RFC 5545) for any calendar app: one recurring all-day
//! event for the check-in schedule and one all-day event per milestone.
//!
//! Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text values
//! escape `\`, `;`, `,` and line breaks. UIDs are the record ids, so importing a newer export
//! into a calendar updates the events instead of duplicating them. Check-ins are all-day events
//! on the client's own calendar days, so no time zone is needed.

use super::audience::{cut_for, Audience};
use super::format::{slug, ExportedFile};
use crate::core::schedule::Cadence;
use crate::core::Plan;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

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

fn all_day(out: &mut String, uid: String, stamp: &str, day: NaiveDate, summary: &str) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    fold_line("BEGIN:VEVENT", out);
    fold_line(&format!("UID:{uid}"), out);
    fold_line(&format!("DTSTAMP:{stamp}"), out);
    fold_line(&format!("DTSTART;VALUE=DATE:{}", date(day)), out);
    fold_line(&format!("DTEND;VALUE=DATE:{}", date(next)), out);
    fold_line(&format!("SUMMARY:{}", escape_text(summary)), out);
    fold_line("TRANSP:TRANSPARENT", out);
}

/// The calendar. `now` is the DTSTAMP of every event.
pub fn plan_ics(plan: &Plan, now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
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

    if let Some(s) = plan.schedule.as_ref().filter(|s| s.meta.is_live()) {
        let first = s.fields.first_on_or_after(s.fields.starts_on);
        all_day(
            &mut out,
            format!("{}@{UID_DOMAIN}", s.meta.id),
            &stamp,
            first,
            &format!("Check-in: {}", plan.title),
        );
        fold_line(&format!("RRULE:{}", rrule(s.fields.cadence)), &mut out);
        fold_line(
            "DESCRIPTION:Time for your Waymark check-in: progress\\, blockers\\, next steps.",
            &mut out,
        );
        fold_line("END:VEVENT", &mut out);
    }
    for m in plan.milestones.iter().filter(|m| m.meta.is_live()) {
        let goal = plan
            .goal(m.fields.goal_id)
            .map(|g| g.fields.title.as_str())
            .unwrap_or("");
        all_day(
            &mut out,
            format!("{}@{UID_DOMAIN}", m.meta.id),
            &stamp,
            m.fields.due,
            &format!("Milestone: {}", m.fields.title),
        );
        if !goal.is_empty() {
            fold_line(
                &format!("DESCRIPTION:Goal: {}", escape_text(goal)),
                &mut out,
            );
        }
        fold_line("END:VEVENT", &mut out);
    }
    fold_line("END:VCALENDAR", &mut out);
    out
}

/// The calendar as a download: `<title>.ics`.
pub fn export_ics(plan: &Plan, audience: Audience, now: DateTime<Utc>) -> ExportedFile {
    ExportedFile {
        bytes: plan_ics(&cut_for(plan, audience, &[]), now).into_bytes(),
        file_name: format!("{}.ics", slug(&plan.title)),
        media_type: MEDIA_TYPE,
    }
}
