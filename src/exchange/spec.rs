//! The shape of a version-1 plan file, written down once as data. The importer walks a file
//! against it (so every wrong field is reported with its path), and `json_schema` turns the same
//! description into the published JSON Schema (`docs/waymark-plan.schema.json`), so the checker
//! and the document cannot drift apart.
//!
//! The shapes mirror how the core serialises its records (`serde` on `core::*`): the round-trip
//! and schema tests fail if the two ever disagree.

use crate::core::grow::{MAX_OPTIONS, MAX_STEPS};
use crate::core::limits::{MAX_LIST, MAX_LONG_TEXT, MAX_NUMBER, MAX_TITLE};
use crate::core::meta::{MAX_FIELD_NAME, MAX_FIELD_TIMES};
use crate::core::schedule::MAX_UTC_OFFSET_MINUTES;
use crate::core::zone::MAX_ZONE_NAME;
use serde_json::{json, Map, Value};

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
}

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: false,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: true,
    }
}

const TITLE: Ty = Ty::Line(MAX_TITLE);
const LONG: Ty = Ty::Text(MAX_LONG_TEXT);
const AUTHOR: Ty = Ty::Enum(&["coach", "client"]);

pub(crate) const META: &[Field] = &[
    f("id", Ty::Uuid),
    f("created_at", Ty::Instant),
    f("updated_at", Ty::Instant),
    f("updated_by", AUTHOR),
    opt("deleted", Ty::Bool),
    opt("field_times", Ty::Times),
];

const fn meta() -> Field {
    f("meta", Ty::Obj(META))
}

pub(crate) const HEADER: &[Field] = &[
    meta(),
    f("title", TITLE),
    f("kind", Ty::Enum(&["client_plan", "template"])),
    f("archived", Ty::Bool),
    opt("client", Ty::Opt(&TITLE)),
    opt("from_template", Ty::Opt(&Ty::Uuid)),
    opt("starts_on", Ty::Opt(&Ty::Date)),
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
    opt("time_zone", Ty::Opt(&Ty::Line(MAX_ZONE_NAME))),
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
    opt("author", AUTHOR),
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
    f("format", Ty::Enum(&[super::format::FORMAT])),
    f("version", Ty::Int(1, super::format::CURRENT_VERSION as i64)),
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
    records!("woops", WOOP),
    records!("grow_notes", GROW_NOTE),
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
        props.insert(field.name.into(), schema_of(&field.ty));
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
            "format": {"const": super::format::FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": super::format::CURRENT_VERSION},
            "kind": {"type": "string", "enum": ["plan", "template", "progress_report"]},
            "encrypted": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kdf", "hash", "iterations", "cipher", "salt", "nonce", "ciphertext"],
                "properties": {
                    "kdf": {"const": super::format::KDF},
                    "hash": {"const": super::format::HASH},
                    "iterations": {"type": "integer", "minimum": super::format::MIN_ITERATIONS, "maximum": super::format::MAX_ITERATIONS},
                    "cipher": {"const": super::format::CIPHER},
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
