//! The client's clock and calendar as the routine screens need them: the browser's current
//! UTC offset (core asks for it wherever a "day" is meant), today's date, and dates and
//! numbers written for people.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::schedule::local_date;

/// The browser's current offset from UTC in minutes, east positive (+60 for Berlin in winter).
/// JavaScript reports it with the opposite sign.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The client's calendar day now.
pub fn today() -> NaiveDate {
    local_date(now(), utc_offset_minutes())
}

/// "Mon 30 Nov 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "30 Nov".
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// The client's day of an instant, written short ("30 Nov").
pub fn short_day_of(t: DateTime<Utc>) -> String {
    short_date(local_date(t, utc_offset_minutes()))
}

/// A number as people write it: no trailing zeros, at most two decimals.
pub fn number(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A value with its unit: "8 applications", "1 application".
pub fn with_unit(v: f64, unit: &str) -> String {
    if unit.trim().is_empty() {
        number(v)
    } else {
        format!("{} {}", number(v), crate::core::kpi::unit_for(v, unit))
    }
}

/// Reads a number typed by a person ("2,5" is 2.5). Empty is `Ok(None)`.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!(
            "“{}” is not a number. Type digits only, for example 4 or 2.5.",
            text.trim()
        )),
    }
}
