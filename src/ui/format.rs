//! The clock, dates and numbers as every screen reads and writes them: one `today()`, one
//! number parser ("2,5" and "2.5" alike), one number formatter, one date formatter, both in
//! the browser's locale. Date fields keep ISO (`YYYY-MM-DD`), which `<input type=date>` needs.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

use crate::core::schedule::local_date;

/// The browser's current offset from UTC in minutes, east positive (+60 for Berlin in winter).
/// JavaScript reports it with the opposite sign.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The browser's offset at `t` (east positive): a past moment keeps the offset it had then (its
/// summer or winter time), not today's.
pub fn utc_offset_at(t: DateTime<Utc>) -> i32 {
    -(js_sys::Date::new(&(t.timestamp_millis() as f64).into()).get_timezone_offset() as i32)
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The client's calendar day now.
pub fn today() -> NaiveDate {
    local_date(now(), utc_offset_minutes())
}

/// A day as `YYYY-MM-DD`, the form fields' format.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A day for reading in the browser's locale: "5 Mar 2025" (en-GB), "5. März 2025" (de-DE),
/// "Mar 5, 2025" (en-US).
pub fn show_date(d: NaiveDate) -> String {
    locale_date(d, DateStyle::Day)
}

/// With the weekday: "Mon, 30 Nov 2026".
pub fn long_date(d: NaiveDate) -> String {
    locale_date(d, DateStyle::WeekdayDay)
}

/// Without the year: "30 Nov".
pub fn short_date(d: NaiveDate) -> String {
    locale_date(d, DateStyle::Short)
}

/// Weekday, day and month: "Mon 30 Nov".
pub fn weekday_date(d: NaiveDate) -> String {
    locale_date(d, DateStyle::WeekdayShort)
}

/// The month spelled out: "30 November 2026".
pub fn full_date(d: NaiveDate) -> String {
    locale_date(d, DateStyle::Full)
}

/// A month of a year: "November 2026".
pub fn month_of(d: NaiveDate) -> String {
    locale_date(d, DateStyle::Month)
}

/// The day of a moment, written short ("30 Nov"): at `written`, the offset its writer had
/// (`Meta::written_offset`), or else at this device's offset at that moment.
pub fn short_day_of(t: DateTime<Utc>, written: Option<i32>) -> String {
    short_date(day_of(t, written))
}

/// The day of a moment, for reading ("5 Mar 2025"); `written` as for [`short_day_of`].
pub fn show_instant(t: DateTime<Utc>, written: Option<i32>) -> String {
    show_date(day_of(t, written))
}

/// The calendar day of a moment at `written`, or else at this device's offset then.
pub fn day_of(t: DateTime<Utc>, written: Option<i32>) -> NaiveDate {
    local_date(t, written.unwrap_or_else(|| utc_offset_at(t)))
}

/// A day and time on this device's clock: "5 March 2025 at 10:00".
pub fn date_time(t: DateTime<Utc>) -> String {
    let local = t.naive_utc() + chrono::Duration::minutes(utc_offset_at(t).into());
    locale_date_time(local)
}

/// Which parts of a day are written; the locale decides their order and punctuation.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum DateStyle {
    Day,
    WeekdayDay,
    Short,
    WeekdayShort,
    Full,
    Month,
    FullTime,
}

impl DateStyle {
    #[cfg(target_arch = "wasm32")]
    const COUNT: usize = DateStyle::FullTime as usize + 1;

    /// What a browser without `Intl` shows (and the native tests), in British English.
    fn pattern(self) -> &'static str {
        match self {
            DateStyle::Day => "%-d %b %Y",
            DateStyle::WeekdayDay => "%a %-d %b %Y",
            DateStyle::Short => "%-d %b",
            DateStyle::WeekdayShort => "%a %-d %b",
            DateStyle::Full => "%-d %B %Y",
            DateStyle::Month => "%B %Y",
            DateStyle::FullTime => "%-d %B %Y, %H:%M",
        }
    }
}

/// Each day is formatted once per style and page: a list's rows and headings repeat the same
/// days (a journal search redraws its rows on a keystroke), and each `Intl` call costs about
/// as much as building the row around it.
fn locale_date(d: NaiveDate, style: DateStyle) -> String {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static MADE: RefCell<HashMap<(NaiveDate, DateStyle), String>> = RefCell::default();
    }
    if let Some(made) = MADE.with_borrow(|m| m.get(&(d, style)).cloned()) {
        return made;
    }
    let at = d.and_time(chrono::NaiveTime::MIN);
    let made = intl_date(at, style).unwrap_or_else(|| at.format(style.pattern()).to_string());
    MADE.with_borrow_mut(|m| m.insert((d, style), made.clone()));
    made
}

fn locale_date_time(at: chrono::NaiveDateTime) -> String {
    intl_date(at, DateStyle::FullTime)
        .unwrap_or_else(|| at.format(DateStyle::FullTime.pattern()).to_string())
}

/// `Intl.DateTimeFormat` for the browser's languages, one per style, each made on its first
/// use: a screen uses one or two of the seven, and each costs 2–9 ms at 4× CPU even after the
/// page's first one has loaded the browser's locale data (that one ~100 ms, whichever it is).
/// The wall-clock time `at` is formatted as if in UTC, so the caller picks the offset (the
/// device's, or the one an entry was written with) and the browser's own zone never shifts the
/// day.
#[cfg(target_arch = "wasm32")]
fn intl_date(at: chrono::NaiveDateTime, style: DateStyle) -> Option<String> {
    use std::cell::OnceCell;
    use wasm_bindgen::JsValue;
    thread_local! {
        static FORMATS: [OnceCell<Option<js_sys::Function>>; DateStyle::COUNT] = Default::default();
    }
    let make = || {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).is_ok()
        };
        let parts: &[(&str, &str)] = match style {
            DateStyle::Day => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
            DateStyle::WeekdayDay => &[
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("year", "numeric"),
            ],
            DateStyle::Short => &[("day", "numeric"), ("month", "short")],
            DateStyle::WeekdayShort => {
                &[("weekday", "short"), ("day", "numeric"), ("month", "short")]
            }
            DateStyle::Full => &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
            DateStyle::Month => &[("month", "long"), ("year", "numeric")],
            DateStyle::FullTime => &[
                ("day", "numeric"),
                ("month", "long"),
                ("year", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
            ],
        };
        let ok = set("timeZone", "UTC") && parts.iter().all(|(k, v)| set(k, v));
        ok.then(|| js_sys::Intl::DateTimeFormat::new(&browser_locales(), &options).format())
    };
    let millis = at.and_utc().timestamp_millis() as f64;
    FORMATS.with(|f| {
        f.get(style as usize)?
            .get_or_init(make)
            .as_ref()?
            .call1(
                &JsValue::NULL,
                &js_sys::Date::new(&JsValue::from_f64(millis)),
            )
            .ok()?
            .as_string()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn intl_date(_: chrono::NaiveDateTime, _: DateStyle) -> Option<String> {
    None
}

/// When a value logged for `day` was measured: now if it is today, otherwise that day's local
/// noon, so a value logged for an earlier day sorts before today's.
pub fn measured_at(day: NaiveDate) -> DateTime<Utc> {
    let now = now();
    if day == today() {
        return now;
    }
    day.and_hms_opt(12, 0, 0)
        .and_then(|t| Local.from_local_datetime(&t).earliest())
        .map_or(now, |t| t.with_timezone(&Utc))
}

/// A `YYYY-MM-DD` date from a date field; `Ok(None)` when empty.
pub fn parse_date(label: &str, text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("{label}: '{t}' is not a date. Use the date picker or YYYY-MM-DD."))
}

/// A number as people write it where they are: in the browser's locale (a decimal comma in
/// Germany), no trailing zeros, at most two decimals, and no thousands separator, so that what
/// is shown in a field reads back through [`parse_number`] as the same number.
pub fn number(v: f64) -> String {
    // Adding 0.0 turns -0 into 0, which no one writes.
    let v = v + 0.0;
    locale_number(v).unwrap_or_else(|| plain_number(v))
}

fn plain_number(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// The languages the person set in their browser, most preferred first (`navigator.languages`;
/// Firefox's `Intl` otherwise follows the language of its menus instead). Only tags `Intl`
/// accepts are kept: a system without a locale gives "C" (WebKitGTK here does), and one bad
/// tag makes `Intl.DateTimeFormat` throw, which would stop every screen that shows a date.
/// With none left, `Intl` uses its own default.
#[cfg(target_arch = "wasm32")]
fn browser_locales() -> js_sys::Array {
    use wasm_bindgen::{JsCast, JsValue};
    let canonical = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .and_then(|intl| js_sys::Reflect::get(&intl, &JsValue::from_str("getCanonicalLocales")))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let accepted = |tag: &JsValue| {
        canonical
            .as_ref()
            .is_some_and(|f| f.call1(&JsValue::NULL, tag).is_ok())
    };
    web_sys::window()
        .map(|w| w.navigator().languages())
        .unwrap_or_default()
        .iter()
        .filter(|tag| accepted(tag))
        .collect()
}

/// `Intl.NumberFormat` for the browser's languages, made once.
#[cfg(target_arch = "wasm32")]
fn locale_number(v: f64) -> Option<String> {
    use wasm_bindgen::JsValue;
    thread_local! {
        static FORMAT: Option<js_sys::Function> = {
            let options = js_sys::Object::new();
            let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(k), &v).is_ok();
            // Latin digits, whatever the language: the parser reads those.
            let ok = set("maximumFractionDigits", JsValue::from_f64(2.0))
                && set("useGrouping", JsValue::FALSE)
                && set("numberingSystem", JsValue::from_str("latn"));
            ok.then(|| js_sys::Intl::NumberFormat::new(&browser_locales(), &options).format())
        };
    }
    let shown = FORMAT.with(|f| {
        f.as_ref()?
            .call1(&JsValue::NULL, &JsValue::from_f64(v))
            .ok()?
            .as_string()
    })?;
    // "-0" after rounding a tiny negative value.
    Some(
        if shown
            .trim_start_matches(['-', '\u{2212}'])
            .chars()
            .all(|c| c == '0')
        {
            "0".to_owned()
        } else {
            shown
        },
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn locale_number(_: f64) -> Option<String> {
    None
}

/// A value with its unit: "8 applications", "1 application".
pub fn with_unit(v: f64, unit: &str) -> String {
    if unit.trim().is_empty() {
        number(v)
    } else {
        format!("{} {}", number(v), crate::core::kpi::unit_for(v, unit))
    }
}

/// The one reading of a typed number: spaces between digits are ignored, a decimal comma
/// is a decimal point ("2,5" is 2.5) and a typographic minus is a minus, so everything
/// [`number`] shows reads back. Empty is `Ok(None)`; `Err` holds the text as typed.
fn read_number(text: &str) -> Result<Option<f64>, &str> {
    let typed = text.trim();
    let t: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '.',
            // The minus sign some locales show (Swedish "−2,5").
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(typed),
    }
}

/// A number typed where it may be left empty (a check-in's KPI value).
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    read_number(text).map_err(|typed| {
        format!("“{typed}” is not a number. Type digits only, for example 4 or 2.5.")
    })
}

/// A number the form needs; `label` names the field in the message.
pub fn required_number(label: &str, text: &str) -> Result<f64, String> {
    match read_number(text) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(format!("{label}: enter a number.")),
        Err(typed) => Err(format!("{label}: '{typed}' is not a number.")),
    }
}
