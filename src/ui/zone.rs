//! The browser's tz rules for the core's named time zones (`core::zone::ZoneRules`), through
//! Intl, so no tz database ships in the app.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::zone::{is_zone_name, ZoneRules};

/// The zone this browser is in ("Europe/Berlin"), if it names one.
pub fn device_zone() -> Option<String> {
    let options = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
    Reflect::get(&options, &"timeZone".into())
        .ok()?
        .as_string()
        .filter(|z| is_zone_name(z))
}

pub struct BrowserZones;

thread_local! {
    // A formatter per zone: the VTIMEZONE search asks one zone a few hundred times.
    static FORMATTERS: RefCell<HashMap<String, Option<Intl::DateTimeFormat>>> = RefCell::new(HashMap::new());
}

fn formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry(zone.to_owned())
            .or_insert_with(|| {
                let options = Object::new();
                let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into());
                for (k, v) in [
                    ("timeZone", zone),
                    ("hourCycle", "h23"),
                    ("year", "numeric"),
                    ("month", "numeric"),
                    ("day", "numeric"),
                    ("hour", "numeric"),
                    ("minute", "numeric"),
                ] {
                    set(k, v).ok()?;
                }
                let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
                let class = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?;
                let args = Array::of2(&Array::of1(&"en-US".into()), &options);
                // An unknown zone throws a RangeError (caught by `construct`): the zone is then
                // unknown here.
                Reflect::construct(class.dyn_ref::<js_sys::Function>()?, &args)
                    .ok()?
                    .dyn_into::<Intl::DateTimeFormat>()
                    .ok()
            })
            .clone()
    })
}

impl ZoneRules for BrowserZones {
    fn offset_minutes(&self, zone: &str, at: DateTime<Utc>) -> Option<i32> {
        let f = formatter(zone)?;
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        let parts = f.format_to_parts(&date);
        let mut fields = [0i64; 5];
        for part in parts.iter() {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            let slot = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                _ => continue,
            };
            fields[slot] = Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse()
                .ok()?;
        }
        let local = NaiveDate::from_ymd_opt(fields[0] as i32, fields[1] as u32, fields[2] as u32)?
            .and_hms_opt(fields[3] as u32, fields[4] as u32, 0)?;
        let at_minute = at.timestamp() / 60;
        Some((local.and_utc().timestamp() / 60 - at_minute) as i32)
    }
}
