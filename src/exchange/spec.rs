//! The shape of a version-1 plan file, written down once as data. The importer walks a file
//! against it (so every wrong field is reported with its path), and `json_schema` turns the same
//! description into the published JSON Schema (`docs/waymark-plan.schema.json`), so the checker
//! and the document cannot drift apart.
//!
//! The shapes mirror how the core serialises its records (`serde` on `core::*`): the round-trip
//! and schema tests fail if the two ever disagree.
//!
//! Every field says which format version it came with (`Since`): a file names the lowest version
//! that can read it (`versions::needed`), and a file that holds a field newer than the version it
//! names is refused. A field added without a version fails `tests/exchange_versions.rs`, which
//! holds the spec against the first published shape (`tests/fixtures/plan-files/v1.schema.json`).

use crate::core::grow::{MAX_OPTIONS, MAX_STEPS};
use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_NUMBER, MAX_TITLE};
use crate::core::meta::{MAX_FIELD_NAME, MAX_FIELD_TIMES};
use crate::core::schedule::MAX_UTC_OFFSET_MINUTES;
use crate::core::zone::MAX_ZONE_NAME;
use serde_json::{json, Map, Value};

/// The value of `format` in every plan file.
pub const FORMAT: &str = "waymark-plan";
/// The newest format version this build reads and writes. Each file names the lowest version
/// that reads it (`Since`, `versions::needed`).
pub const CURRENT_VERSION: u32 = 2;

// The passphrase envelope (`crypto`): what a protected file must name.
pub const KDF: &str = "PBKDF2";
pub const HASH: &str = "SHA-256";
pub const CIPHER: &str = "AES-GCM-256";
pub const MIN_ITERATIONS: u32 = 600_000;
/// A file asking for more work than this is refused rather than freezing the tab.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// The type of one value in a plan file.
pub(crate) enum Ty {
    /// One-line text of at most this many characters: no control characters at all.
    Line(usize),
    /// Free text of at most this many characters: line breaks and tabs, no other control
    /// characters.
    Text(usize),
    Bool,
    Uuid,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
    /// A moment, RFC 3339 (`2025-03-01T09:30:00Z`).
    Instant,
    /// A finite number within ±`MAX_NUMBER`.
    Number,
    /// A whole number in `min..=max`.
    Int(i64, i64),
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// `null` or the inner type.
    Opt(&'static Ty),
    /// A list of at most `max` entries (`None`: bounded only by the file size).
    List(&'static Ty, Option<usize>),
    /// An object with exactly these fields (no others).
    Obj(&'static [Field]),
    /// Field clocks: an object from field names (at most `MAX_FIELD_NAME` characters) to
    /// moments, with at most `MAX_FIELD_TIMES` entries. Which names a record may use is checked
    /// with the record (they must be its own fields).
    Times,
    /// A record: an object with exactly these fields, or a tombstone, which is its `meta` alone
    /// with `"deleted": true` (a deleted record keeps nothing the person wrote).
    Record(&'static [Field]),
    /// An object whose `tag` field says which variant it is; each variant has its own fields.
    Tagged {
        tag: &'static str,
        variants: &'static [(&'static str, &'static [Field])],
    },
}

pub(crate) struct Field {
    pub name: &'static str,
    pub ty: Ty,
    /// May be left out (then it takes its default: false, null or an empty list).
    pub optional: bool,
    /// The format version the field came with.
    pub since: Since,
}

/// Which format version a field, a value or a form came with. A file that holds it names at
/// least `Since::written_as`; older builds, which refuse what they do not know, then say "made by
/// a newer version of Waymark" instead of "this field is not part of a Waymark plan file".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// Part of the first published format.
    First,
    /// Added by builds that still named every file version 1 (November 2026, before the version
    /// was derived from the content). Files those builds wrote say version 1 and hold it, so a
    /// version-1 file may; a file holding it is now written as version 2, which the first
    /// release refuses as newer.
    Unannounced,
    /// Came with this version: a file naming an earlier one that holds it is refused.
    Version(u32),
}

impl Since {
    /// The lowest version a file holding it is written as.
    pub const fn written_as(self) -> u32 {
        match self {
            Since::First => 1,
            Since::Unannounced => 2,
            Since::Version(v) => v,
        }
    }

    /// The lowest version a file holding it may name and still be read.
    pub const fn read_from(self) -> u32 {
        match self {
            Since::First | Since::Unannounced => 1,
            Since::Version(v) => v,
        }
    }
}

pub(crate) const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: false,
        since: Since::First,
    }
}

pub(crate) const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: true,
        since: Since::First,
    }
}

/// A field added after the first published format. New fields are always optional (every file
/// of an earlier version still reads): `added(Since::Version(2), opt("…", …))`.
pub(crate) const fn added(since: Since, field: Field) -> Field {
    Field { since, ..field }
}

/// A content-free tombstone (a record that is its `meta` alone). The first release wrote a
/// deleted record whole and refuses one without its fields.
pub(crate) const TOMBSTONE_SINCE: Since = Since::Unannounced;

/// Values of an enumeration (or of a tagged object's tag) added after the first published
/// format: the field's name, the value, its version. Read wherever a field of that name holds
/// that value, so names here must not be ambiguous across the file.
pub(crate) const LATER_VALUES: &[(&str, &str, Since)] =
    &[("kind", "plan_for_client", Since::Unannounced)];

const TITLE: Ty = Ty::Line(MAX_TITLE);
const LONG: Ty = Ty::Text(MAX_LONG_TEXT);
const AUTHOR: Ty = Ty::Enum(&["coach", "client"]);

pub(crate) const META: &[Field] = &[
    f("id", Ty::Uuid),
    f("created_at", Ty::Instant),
    f("updated_at", Ty::Instant),
    f("updated_by", AUTHOR),
    opt("deleted", Ty::Bool),
    added(Since::Unannounced, opt("field_times", Ty::Times)),
];

const fn meta() -> Field {
    f("meta", Ty::Obj(META))
}

pub(crate) const HEADER: &[Field] = &[
    meta(),
    f("title", TITLE),
    f("kind", Ty::Enum(&["client_plan", "template"])),
    f("archived", Ty::Bool),
    added(Since::Unannounced, opt("client", Ty::Opt(&TITLE))),
    added(Since::Unannounced, opt("from_template", Ty::Opt(&Ty::Uuid))),
    added(Since::Unannounced, opt("starts_on", Ty::Opt(&Ty::Date))),
];

pub(crate) const PROFILE: &[Field] = &[
    meta(),
    f("name", Ty::Opt(&TITLE)),
    f("current_role", TITLE),
    f("vision", LONG),
    f("values", Ty::List(&TITLE, Some(MAX_LIST))),
    f("strengths", Ty::List(&TITLE, Some(MAX_LIST))),
];

pub(crate) const WEEKDAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub(crate) const SCHEDULE: &[Field] = &[
    meta(),
    f(
        "cadence",
        Ty::Tagged {
            tag: "every",
            variants: &[
                (
                    "weeks",
                    &[f("weeks", Ty::Int(1, 12)), f("weekday", Ty::Enum(WEEKDAYS))],
                ),
                ("monthly", &[f("day", Ty::Int(1, 31))]),
            ],
        },
    ),
    f(
        "utc_offset_minutes",
        Ty::Int(
            -(MAX_UTC_OFFSET_MINUTES as i64),
            MAX_UTC_OFFSET_MINUTES as i64,
        ),
    ),
    f("starts_on", Ty::Date),
    added(
        Since::Unannounced,
        opt("time_zone", Ty::Opt(&Ty::Line(MAX_ZONE_NAME))),
    ),
];

pub(crate) const ASSESSMENT: &[Field] = &[
    meta(),
    f("taken_on", Ty::Date),
    f(
        "answers",
        Ty::List(
            &Ty::Obj(&[
                f(
                    "area",
                    Ty::Enum(&[
                        "motivations",
                        "barriers",
                        "strengths",
                        "values",
                        "resources",
                    ]),
                ),
                f("question", TITLE),
                f("answer", LONG),
            ]),
            Some(MAX_LIST),
        ),
    ),
];

pub(crate) const GOAL: &[Field] = &[
    meta(),
    f(
        "status",
        Ty::Enum(&["active", "paused", "achieved", "dropped"]),
    ),
    f("title", TITLE),
    f("why", LONG),
    f("description", LONG),
    f("confidence", Ty::Opt(&Ty::Int(1, 10))),
    f("support", LONG),
    f(
        "serves",
        Ty::List(
            &Ty::Tagged {
                tag: "to",
                variants: &[("vision", &[]), ("value", &[f("value", TITLE)])],
            },
            Some(MAX_LIST),
        ),
    ),
    f("start_date", Ty::Date),
    f("target_date", Ty::Opt(&Ty::Date)),
    f("priority", Ty::Enum(&["high", "medium", "low"])),
];

pub(crate) const MILESTONE: &[Field] = &[
    meta(),
    f("goal_id", Ty::Uuid),
    f("title", TITLE),
    f("due", Ty::Date),
    f("order", Ty::Int(0, u32::MAX as i64)),
    f("done_at", Ty::Opt(&Ty::Instant)),
];

pub(crate) const ACTION: &[Field] = &[
    meta(),
    f("goal_id", Ty::Opt(&Ty::Uuid)),
    f("title", TITLE),
    f("due", Ty::Opt(&Ty::Date)),
    f("impact", Ty::Int(1, 5)),
    f("effort", Ty::Int(1, 5)),
    f(
        "if_then",
        Ty::Opt(&Ty::Obj(&[f("when", TITLE), f("then", TITLE)])),
    ),
    f("done_at", Ty::Opt(&Ty::Instant)),
];

pub(crate) const KPI: &[Field] = &[
    meta(),
    f("goal_id", Ty::Uuid),
    f("name", TITLE),
    f("unit", TITLE),
    f("baseline", Ty::Number),
    f("target", Ty::Number),
    f("direction", Ty::Enum(&["up", "down"])),
];

pub(crate) const MEASUREMENT: &[Field] = &[
    meta(),
    f("kpi_id", Ty::Uuid),
    f("value", Ty::Number),
    f("at", Ty::Instant),
];

pub(crate) const CHECKIN: &[Field] = &[
    meta(),
    f("date", Ty::Date),
    f(
        "entries",
        Ty::List(
            &Ty::Obj(&[
                f("goal_id", Ty::Uuid),
                f("progress_note", LONG),
                f("measurement_ids", Ty::List(&Ty::Uuid, Some(MAX_LIST))),
                f("blockers", LONG),
                f("next_steps", LONG),
            ]),
            Some(MAX_LIST),
        ),
    ),
    f("confidence", Ty::Int(1, 10)),
    f("mood", Ty::Int(1, 5)),
];

pub(crate) const REVIEW: &[Field] = &[
    meta(),
    f("from", Ty::Date),
    f("to", Ty::Date),
    f("went_well", LONG),
    f("to_change", LONG),
];

pub(crate) const REFLECTION: &[Field] = &[
    meta(),
    f("text", LONG),
    f("prompt", Ty::Opt(&LONG)),
    f("tags", Ty::List(&TITLE, Some(MAX_LIST))),
    f("mood", Ty::Opt(&Ty::Int(1, 5))),
    f("private", Ty::Bool),
    added(Since::Unannounced, opt("author", AUTHOR)),
];

pub(crate) const ADAPTATION: &[Field] = &[
    meta(),
    f("goal_id", Ty::Opt(&Ty::Uuid)),
    f(
        "change",
        Ty::Enum(&[
            "target_changed",
            "strategy_changed",
            "status_changed",
            "goal_dropped",
            "goal_added",
            "edited",
        ]),
    ),
    f("before", LONG),
    f("after", LONG),
    f("reason", LONG),
];

pub(crate) const WOOP: &[Field] = &[
    meta(),
    f("goal_id", Ty::Uuid),
    f("wish", TITLE),
    f("outcome", LONG),
    f("obstacle", TITLE),
    f("plan", TITLE),
    f("action_id", Ty::Opt(&Ty::Uuid)),
];

const INTEREST: Ty = Ty::Opt(&Ty::Int(0, crate::core::interests::MAX_INTEREST as i64));

pub(crate) const INTEREST_PROFILE: &[Field] = &[
    meta(),
    f("taken_on", Ty::Date),
    f("realistic", INTEREST),
    f("investigative", INTEREST),
    f("artistic", INTEREST),
    f("social", INTEREST),
    f("enterprising", INTEREST),
    f("conventional", INTEREST),
];

pub(crate) const GROW_NOTE: &[Field] = &[
    meta(),
    f("author", AUTHOR),
    f("held_on", Ty::Date),
    f("goal_id", Ty::Opt(&Ty::Uuid)),
    f("session_goal", TITLE),
    f("reality", LONG),
    f("options", Ty::List(&TITLE, Some(MAX_OPTIONS))),
    f("chosen", Ty::Opt(&Ty::Int(0, MAX_OPTIONS as i64 - 1))),
    f(
        "way_forward",
        Ty::List(
            &Ty::Obj(&[
                f("what", TITLE),
                f("due", Ty::Opt(&Ty::Date)),
                f("action_id", Ty::Opt(&Ty::Uuid)),
            ]),
            Some(MAX_STEPS),
        ),
    ),
];

macro_rules! records {
    ($name:literal, $fields:expr) => {
        opt($name, Ty::List(&Ty::Record($fields), None))
    };
}

/// The whole file (after decryption, at the current version).
pub(crate) const FILE: &[Field] = &[
    f("format", Ty::Enum(&[FORMAT])),
    f("version", Ty::Int(1, CURRENT_VERSION as i64)),
    f(
        "kind",
        Ty::Enum(&["plan", "template", "progress_report", "plan_for_client"]),
    ),
    f("exported_at", Ty::Instant),
    f("exported_by", AUTHOR),
    f("plan", Ty::Obj(HEADER)),
    opt("profile", Ty::Opt(&Ty::Record(PROFILE))),
    opt("schedule", Ty::Opt(&Ty::Record(SCHEDULE))),
    records!("assessments", ASSESSMENT),
    records!("goals", GOAL),
    records!("milestones", MILESTONE),
    records!("actions", ACTION),
    records!("kpis", KPI),
    records!("measurements", MEASUREMENT),
    records!("checkins", CHECKIN),
    records!("reviews", REVIEW),
    records!("reflections", REFLECTION),
    records!("adaptations", ADAPTATION),
    added(Since::Unannounced, records!("woops", WOOP)),
    added(
        Since::Version(2),
        records!("interest_profiles", INTEREST_PROFILE),
    ),
    added(Since::Version(2), records!("grow_notes", GROW_NOTE)),
    opt("prompts", Ty::List(&LONG, Some(MAX_LIST))),
];

// ---- the published JSON Schema ----------------------------------------------------------------

const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// No control character (`char::is_control` is exactly U+0000–U+001F and U+007F–U+009F).
const ONE_LINE_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
/// No control character but tab (U+0009), line feed (U+000A) and carriage return (U+000D).
const FREE_TEXT_PATTERN: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

fn schema_of(ty: &Ty) -> Value {
    match ty {
        Ty::Line(max) => json!({"type": "string", "maxLength": max, "pattern": ONE_LINE_PATTERN}),
        Ty::Text(max) => json!({"type": "string", "maxLength": max, "pattern": FREE_TEXT_PATTERN}),
        Ty::Bool => json!({"type": "boolean"}),
        Ty::Uuid => json!({"type": "string", "pattern": UUID_PATTERN}),
        Ty::Date => {
            json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
        }
        Ty::Instant => json!({"type": "string", "format": "date-time"}),
        Ty::Number => json!({"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}),
        Ty::Int(min, max) => json!({"type": "integer", "minimum": min, "maximum": max}),
        Ty::Enum(values) => json!({"type": "string", "enum": values}),
        Ty::Opt(inner) => json!({"anyOf": [schema_of(inner), {"type": "null"}]}),
        Ty::List(inner, max) => {
            let mut s = json!({"type": "array", "items": schema_of(inner)});
            if let (Some(max), Value::Object(m)) = (max, &mut s) {
                m.insert("maxItems".into(), json!(max));
            }
            s
        }
        Ty::Obj(fields) => object_schema(fields, None),
        Ty::Record(fields) => {
            json!({"anyOf": [object_schema(fields, None), {"$ref": "#/$defs/tombstone"}]})
        }
        Ty::Times => json!({
            "type": "object",
            "maxProperties": MAX_FIELD_TIMES,
            "propertyNames": {"minLength": 1, "maxLength": MAX_FIELD_NAME},
            "additionalProperties": schema_of(&Ty::Instant),
        }),
        Ty::Tagged { tag, variants } => {
            let one_of: Vec<Value> = variants
                .iter()
                .map(|(name, fields)| object_schema(fields, Some((tag, name))))
                .collect();
            json!({"oneOf": one_of})
        }
    }
}

fn object_schema(fields: &[Field], tag: Option<(&str, &str)>) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    if let Some((tag, name)) = tag {
        props.insert(tag.into(), json!({"const": name}));
        required.push(json!(tag));
    }
    for field in fields {
        let mut schema = schema_of(&field.ty);
        if let (Since::Unannounced | Since::Version(_), Some(m)) =
            (field.since, schema.as_object_mut())
        {
            m.insert(
                "description".into(),
                json!(format!(
                    "Added with format version {}: a file holding it names at least that version.",
                    field.since.written_as()
                )),
            );
        }
        props.insert(field.name.into(), schema);
        if !field.optional {
            required.push(json!(field.name));
        }
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": props,
    })
}

/// The JSON Schema (draft 2020-12) of a plan file at the current version, as published in
/// `docs/waymark-plan.schema.json`. The passphrase-protected envelope is a second branch.
pub fn json_schema() -> Value {
    let mut plan = object_schema(FILE, None);
    if let Value::Object(m) = &mut plan {
        m.insert("title".into(), json!("Waymark plan file"));
    }
    let b64 = json!({"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$"});
    let sealed = json!({
        "title": "Waymark plan file protected with a passphrase",
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "version", "kind", "encrypted"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": CURRENT_VERSION},
            "kind": {"type": "string", "enum": ["plan", "template", "progress_report"]},
            "encrypted": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kdf", "hash", "iterations", "cipher", "salt", "nonce", "ciphertext"],
                "properties": {
                    "kdf": {"const": KDF},
                    "hash": {"const": HASH},
                    "iterations": {"type": "integer", "minimum": MIN_ITERATIONS, "maximum": MAX_ITERATIONS},
                    "cipher": {"const": CIPHER},
                    "salt": b64,
                    "nonce": b64,
                    "ciphertext": b64,
                }
            }
        }
    });
    // A tombstone (a deleted record) is its meta alone, with `"deleted": true`.
    let mut tombstone_meta = object_schema(META, None);
    if let Some(Value::Object(props)) = tombstone_meta.get_mut("properties") {
        props.insert("deleted".into(), json!({"const": true}));
    }
    if let Some(Value::Array(required)) = tombstone_meta.get_mut("required") {
        required.push(json!("deleted"));
    }
    let tombstone = json!({
        "title": "Tombstone: a deleted record, its meta alone",
        "type": "object",
        "additionalProperties": false,
        "required": ["meta"],
        "properties": {"meta": tombstone_meta},
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://waymark.app/schema/waymark-plan.schema.json",
        "title": "Waymark plan file (.waymark.json, application/vnd.waymark+json)",
        "description": "Generated from src/exchange/spec.rs; see docs/FILE_FORMAT.md for the meaning of each field.",
        "oneOf": [plan, sealed],
        "$defs": {"tombstone": tombstone},
    })
}
