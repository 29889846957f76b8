//! Time zones by name (IANA, e.g. "Europe/Berlin") without a tz database in the app: the rules
//! come from whoever runs the core through [`ZoneRules`] (the browser's Intl in the app, a tz
//! crate in native tests). Everything here needs only "what offset does this zone have at this
//! instant", so a zone's summer-time changes are found by asking, never stored.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Longest zone name accepted ("America/Argentina/ComodRivadavia" is 32).
pub const MAX_ZONE_NAME: usize = 64;

/// The tz rules of named zones.
pub trait ZoneRules {
    /// The offset from UTC in minutes, east positive, that `zone` has at `at`; `None` when the
    /// zone is unknown here (a file from a device that knows more zones than this one).
    fn offset_minutes(&self, zone: &str, at: DateTime<Utc>) -> Option<i32>;
}

/// Whether `name` looks like an IANA zone name: it is shown and written into calendar files,
/// so only the characters such names use are let in.
pub fn is_zone_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_ZONE_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
}

/// The offset `zone` has at `at`, or `fallback` when there is no zone or it is unknown.
pub fn offset_at(
    rules: &dyn ZoneRules,
    zone: Option<&str>,
    fallback: i32,
    at: DateTime<Utc>,
) -> i32 {
    zone.and_then(|z| rules.offset_minutes(z, at))
        .unwrap_or(fallback)
}

/// The instant a wall-clock time in `zone` happens. A time skipped by a spring-forward change
/// is taken at the new offset (02:30 on a skipped hour is 03:30); a time that happens twice
/// (autumn) is its first occurrence, as calendars do.
pub fn utc_of_local(
    rules: &dyn ZoneRules,
    zone: &str,
    local: NaiveDateTime,
) -> Option<DateTime<Utc>> {
    let naive_utc = Utc.from_utc_datetime(&local);
    // The offsets on either side of a change are the offsets a day earlier and a day later.
    let before = rules.offset_minutes(zone, naive_utc - Duration::days(1))?;
    let after = rules.offset_minutes(zone, naive_utc + Duration::days(1))?;
    let candidates = [before.max(after), before.min(after)];
    for off in candidates {
        let t = naive_utc - Duration::minutes(off.into());
        if rules.offset_minutes(zone, t)? == off {
            return Some(t);
        }
    }
    Some(naive_utc - Duration::minutes(before.into()))
}

/// One change of a zone's offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The wall-clock time just before the change, in the offset before it (e.g. 02:00 for
    /// Berlin's last Sunday of March), as calendars write a VTIMEZONE's DTSTART.
    pub local_before: NaiveDateTime,
    pub offset_before: i32,
    pub offset_after: i32,
}

/// The offset changes of `zone` during `year`, oldest first (none for a zone without summer
/// time). Found by asking for the offset every day, then narrowing to the minute.
pub fn transitions(rules: &dyn ZoneRules, zone: &str, year: i32) -> Vec<Transition> {
    let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
    else {
        return Vec::new();
    };
    let start = Utc.from_utc_datetime(&start);
    let mut out = Vec::new();
    let mut t = start;
    let Some(mut off) = rules.offset_minutes(zone, t) else {
        return out;
    };
    while t.year() == year {
        let next = t + Duration::days(1);
        let Some(next_off) = rules.offset_minutes(zone, next) else {
            return out;
        };
        if next_off != off {
            // Narrow (t, next] to the first whole minute with the new offset.
            let (mut lo, mut hi) = (0i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if rules.offset_minutes(zone, t + Duration::minutes(mid)) == Some(off) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = t + Duration::minutes(hi);
            out.push(Transition {
                local_before: (hi + Duration::minutes(off.into())).naive_utc(),
                offset_before: off,
                offset_after: next_off,
            });
            off = next_off;
        }
        t = next;
    }
    out
}

/// `+0100`, `-0430`: an offset as iCalendar and people write it.
pub fn offset_text(minutes: i32, colon: bool) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    if colon {
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    } else {
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    }
}

/// Where a schedule is kept when someone edits it: a client keeps it in their own zone (they may
/// have moved); a coach editing an existing schedule keeps the client's zone, so a coach in New
/// York setting "Mondays" means the client's Mondays. Only a schedule a coach creates from
/// nothing takes the coach's zone, as nothing else is known.
pub fn zone_for_edit(
    existing: Option<(Option<&str>, i32)>,
    by_coach: bool,
    device: (Option<&str>, i32),
) -> (Option<String>, i32) {
    match existing {
        Some((zone, offset)) if by_coach => (zone.map(str::to_owned), offset),
        _ => (device.0.map(str::to_owned), device.1),
    }
}
