//! The tz rules the app takes from the browser's Intl, from the tz database for native tests.

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use waymark::core::zone::ZoneRules;

pub struct TzRules;

impl ZoneRules for TzRules {
    fn offset_minutes(&self, zone: &str, at: DateTime<Utc>) -> Option<i32> {
        let tz: Tz = zone.parse().ok()?;
        Some(
            tz.offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc()
                / 60,
        )
    }
}
