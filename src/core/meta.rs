//! Bookkeeping every record carries so that plans can be merged and synced record by record:
//! a stable id, when it was created and last changed, by whom, whether it was deleted, and
//! when each of its fields last changed (the field clocks the merge goes by).
//!
//! Field clocks. `field_times` maps a field name (a top-level JSON key of the record's editable
//! part, as serialised: `"why"`, `"target_date"`, `"done_at"`) to when that field last changed.
//! A field missing from the map changed at:
//! - `updated_at` when the map is empty. That covers a record never edited (then
//!   `updated_at == created_at`) and a record edited before field clocks existed, of which we
//!   do not know which field changed, so every field counts as changed at its `updated_at`
//!   (such a record merges as a whole, exactly as before);
//! - `created_at` when the map is not empty.
//!
//! The map is always kept in one canonical form (see `Meta::set_field_times`), so two copies
//! that mean the same clocks compare equal, which the merge's laws rely on.
//!
//! The writer's offset. An entry (a check-in, a review, a reflection, a logged value, a change
//! in the history) is shown on the day and at the time its writer's clock showed, not at the
//! reader's offset today. `written_offset` keeps that offset inside `created_at` itself, as
//! RFC 3339 allows ("2026-03-29T23:30:00+02:00"): every build reads any offset as the same
//! instant, so older builds read these files and a file needs no new field. "Z" (what older
//! builds write) means the offset is not known.

use super::sorting::sort;
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Who made the last change. The coach sees who wrote what; the merge's `updated_by` is the
/// author of the latest change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Coach,
    Client,
}

/// Most entries a record's `field_times` may have (no record has more fields than this).
pub const MAX_FIELD_TIMES: usize = 32;
/// Longest field name in `field_times`.
pub const MAX_FIELD_NAME: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    /// The writer's offset from UTC in minutes (east positive) when the record was created;
    /// `None` when not known. Written as part of `created_at` (see the module comment).
    pub written_offset: Option<i32>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Author,
    /// A tombstone rather than a removal: a merge with an older copy must not bring the
    /// record back to life.
    pub deleted: bool,
    /// When each field last changed; see the module comment for fields not in the map.
    pub field_times: BTreeMap<String, DateTime<Utc>>,
}

impl Meta {
    /// Whether this is the record `id`. Compared as one 128-bit number: `==` on a Uuid's 16
    /// bytes becomes a `memcmp` call in the size-optimised wasm, and one save looks through
    /// lists of up to 10,000 reflections by id several times.
    #[inline]
    pub fn is(&self, id: Uuid) -> bool {
        u128::from_ne_bytes(*self.id.as_bytes()) == u128::from_ne_bytes(*id.as_bytes())
    }

    pub fn new(id: Uuid, now: DateTime<Utc>, by: Author) -> Self {
        Meta {
            id,
            created_at: now,
            written_offset: None,
            updated_at: now,
            updated_by: by,
            deleted: false,
            field_times: BTreeMap::new(),
        }
    }

    /// The offset the moment `t` of this record is shown at: the writer's when known, otherwise
    /// the reader's at that moment (`reader_offset_at`).
    pub fn offset_for(
        &self,
        t: DateTime<Utc>,
        reader_offset_at: impl Fn(DateTime<Utc>) -> i32,
    ) -> i32 {
        self.written_offset.unwrap_or_else(|| reader_offset_at(t))
    }

    /// The writer's day of the moment `t` of this record (see [`Meta::offset_for`]).
    pub fn day_of(
        &self,
        t: DateTime<Utc>,
        reader_offset_at: impl Fn(DateTime<Utc>) -> i32,
    ) -> NaiveDate {
        local_date(t, self.offset_for(t, reader_offset_at))
    }

    /// The day the record was written, on its writer's calendar.
    pub fn day_written(&self, reader_offset_at: impl Fn(DateTime<Utc>) -> i32) -> NaiveDate {
        self.day_of(self.created_at, reader_offset_at)
    }

    /// Marks the whole record as changed without touching the field clocks: tombstoning
    /// (record-level; the merge compares tombstones whole). Field edits go through `stamp`.
    pub fn touch(&mut self, now: DateTime<Utc>, by: Author) {
        self.updated_at = now;
        self.updated_by = by;
    }

    pub fn is_live(&self) -> bool {
        !self.deleted
    }

    /// When `field` last changed (see the module comment).
    pub fn field_time(&self, field: &str) -> DateTime<Utc> {
        match self.field_times.get(field) {
            Some(t) => *t,
            None if self.field_times.is_empty() => self.updated_at,
            None => self.created_at,
        }
    }

    /// The clock of every named field.
    pub fn times_of(&self, fields: &[String]) -> BTreeMap<String, DateTime<Utc>> {
        fields
            .iter()
            .map(|f| (f.clone(), self.field_time(f)))
            .collect()
    }

    /// Records an edit: the fields in `changed` changed at `now`, by `by`; `all` names every
    /// field of the record, so clocks that an empty map implied are kept.
    pub fn stamp(&mut self, now: DateTime<Utc>, by: Author, changed: &[String], all: &[String]) {
        let mut times = self.times_of(all);
        for f in changed {
            times.insert(f.clone(), now);
        }
        self.updated_at = now;
        self.updated_by = by;
        self.set_field_times(times);
    }

    /// Sets the clocks of every field (`times` names them all) in the canonical form, given
    /// `created_at` and `updated_at`: empty when every field changed at `updated_at`; else only
    /// the fields whose time differs from `created_at`; else (every field at `created_at` but
    /// the record touched later) all of them.
    pub fn set_field_times(&mut self, times: BTreeMap<String, DateTime<Utc>>) {
        self.field_times = if times.values().all(|t| *t == self.updated_at) {
            BTreeMap::new()
        } else {
            let since: BTreeMap<String, DateTime<Utc>> = times
                .iter()
                .filter(|(_, t)| **t != self.created_at)
                .map(|(f, t)| (f.clone(), *t))
                .collect();
            if since.is_empty() {
                times
            } else {
                since
            }
        };
    }
}

/// The calendar day it is for the client at `now` (kept here, where every record's day is
/// read, so that the schedule and the records share it without a file circle).
pub fn local_date(now: DateTime<Utc>, utc_offset_minutes: i32) -> NaiveDate {
    now.checked_add_signed(chrono::Duration::minutes(utc_offset_minutes.into()))
        .unwrap_or(now)
        .date_naive()
}

/// `created_at` with the writer's offset, or "Z" when it is not known.
struct WrittenAt(DateTime<Utc>, Option<i32>);

impl Serialize for WrittenAt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1.and_then(|m| FixedOffset::east_opt(m * 60)) {
            Some(offset) => s.collect_str(
                &self
                    .0
                    .with_timezone(&offset)
                    .to_rfc3339_opts(SecondsFormat::AutoSi, false),
            ),
            None => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for WrittenAt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        // The form chrono writes ("…Z") is most of a plan's instants: read it the fast way.
        if let Some(t) = instant::canonical(&text) {
            return Ok(WrittenAt(t, None));
        }
        let t: DateTime<FixedOffset> = text.parse().map_err(serde::de::Error::custom)?;
        // "Z" is UTC as an older build wrote it, and RFC 3339's "-00:00" an unknown offset.
        let known = !(text.ends_with(['Z', 'z']) || text.ends_with("-00:00"));
        let offset = known.then(|| t.offset().local_minus_utc() / 60);
        Ok(WrittenAt(t.with_timezone(&Utc), offset))
    }
}

/// Meta as it is written: the same keys as ever, the writer's offset inside `created_at`.
#[derive(Serialize)]
struct MetaOut<'a> {
    id: &'a Uuid,
    created_at: WrittenAt,
    updated_at: &'a DateTime<Utc>,
    updated_by: Author,
    deleted: bool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    field_times: &'a BTreeMap<String, DateTime<Utc>>,
}

#[derive(Deserialize)]
struct MetaIn {
    id: Uuid,
    created_at: WrittenAt,
    #[serde(deserialize_with = "instant::deserialize")]
    updated_at: DateTime<Utc>,
    updated_by: Author,
    #[serde(default)]
    deleted: bool,
    #[serde(default, deserialize_with = "instant::deserialize_map")]
    field_times: BTreeMap<String, DateTime<Utc>>,
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        MetaOut {
            id: &self.id,
            created_at: WrittenAt(self.created_at, self.written_offset),
            updated_at: &self.updated_at,
            updated_by: self.updated_by,
            deleted: self.deleted,
            field_times: &self.field_times,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = MetaIn::deserialize(d)?;
        Ok(Meta {
            id: m.id,
            created_at: m.created_at.0,
            written_offset: m.created_at.1,
            updated_at: m.updated_at,
            updated_by: m.updated_by,
            deleted: m.deleted,
            field_times: m.field_times,
        })
    }
}

/// The names of a record's fields: the top-level JSON keys it serialises to, except `meta`.
pub fn field_names<T: Serialize>(record: &T) -> Vec<String> {
    match serde_json::to_value(record) {
        Ok(serde_json::Value::Object(m)) => m.keys().filter(|k| *k != "meta").cloned().collect(),
        _ => Vec::new(),
    }
}

/// The fields whose serialised values differ between two versions of a record.
pub fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).filter(|k| *k != "meta").collect();
    sort(&mut keys);
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// Reading the instants every record carries (30,000 of them in a plan of 15,000 records)
/// without chrono's general format parser, which was a sixth of the time to rebuild such a
/// plan from storage. Only the form chrono itself writes (`2026-11-02T09:00:00Z`, with 1 to 9
/// digits of a fraction) is read here; any other text goes to chrono, so what is accepted,
/// and every message, stays chrono's (`tests/core_props.rs` checks they agree).
pub mod instant {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use std::collections::BTreeMap;
    use std::fmt;

    /// `text` as chrono's `DateTime<Utc>` parser reads it.
    pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
        match canonical(text) {
            Some(at) => Ok(at),
            None => text.parse(),
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (the form chrono writes, which every RFC 3339 parser
    /// reads alike), or `None` for any other text, which the caller gives to chrono.
    pub fn canonical(text: &str) -> Option<DateTime<Utc>> {
        let b = text.as_bytes();
        let digits = |from: usize, len: usize| -> Option<u32> {
            b.get(from..from + len)?.iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[b.len() - 1] != b'Z'
        {
            return None;
        }
        let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
        let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
        if second > 59 {
            return None; // a leap second: chrono's rules
        }
        let nanos = match &b[19..b.len() - 1] {
            [] => 0,
            [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
                let n = digits(20, fraction.len())?;
                n * 10u32.pow(9 - fraction.len() as u32)
            }
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        let time = date.and_hms_nano_opt(hour, minute, second, nanos)?;
        Some(time.and_utc())
    }

    struct InstantVisitor;

    impl Visitor<'_> for InstantVisitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
            parse(value).map_err(E::custom)
        }
    }

    /// Wraps one instant for the map below.
    struct Instant(DateTime<Utc>);

    impl<'de> de::Deserialize<'de> for Instant {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(InstantVisitor).map(Instant)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(InstantVisitor)
    }

    struct MapVisitor;

    impl<'de> Visitor<'de> for MapVisitor {
        type Value = BTreeMap<String, DateTime<Utc>>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, Instant(v))) = map.next_entry::<String, Instant>()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }

    pub fn deserialize_map<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, DateTime<Utc>>, D::Error> {
        d.deserialize_map(MapVisitor)
    }
}
