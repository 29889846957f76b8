//! Reading a plan file without trusting it. In order: the size cap (before parsing), the nesting
//! depth (a byte scan, before parsing), JSON syntax, the envelope (`format`, `version`), the
//! migration to the current version, every field against `spec` (types, ranges, lengths,
//! unknown fields), then every record against the same rules the core's verbs apply, then the
//! file as a whole (ids unique, derived ids right, no client data in a template).
//!
//! Nothing here stores anything: the result is a `PlanFile` for the caller to preview, merge
//! and save, or an `ImportError` that names the place and the problem.

use super::error::ImportError;
use super::format::{FileKind, PlanFile, CURRENT_VERSION, FORMAT, MAX_DEPTH, MAX_FILE_BYTES};
use super::migrate;
use super::spec::{self, Field, Since, Ty};
use crate::core::ids::{profile_id, schedule_id};
use crate::core::limits::{first_refused, MAX_NUMBER, MAX_YEAR, MIN_YEAR};
use crate::core::meta::{field_names, MAX_FIELD_NAME, MAX_FIELD_TIMES};
use crate::core::plan::HEADER_FIELDS;
use crate::core::record::{is_tombstone, read_record_value, Record};
use crate::core::{Author, Meta, Plan, PlanKind};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde_json::{Map, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// Reads a plan file (`.waymark.json`). Passphrase-protected files give
/// `ImportError::NeedsPassphrase`: open those with `crypto::decrypt_plan_file`.
pub fn parse_plan_file(bytes: &[u8]) -> Result<PlanFile, ImportError> {
    let value = parse_json(bytes)?;
    let obj = value.as_object().ok_or_else(|| ImportError::NotAPlanFile {
        detail: "it does not hold a JSON object".to_owned(),
    })?;
    check_format(obj, CURRENT_VERSION)?;
    if obj.contains_key("encrypted") {
        return Err(ImportError::NeedsPassphrase);
    }
    read_checked(value)
}

/// Size cap, depth cap and JSON syntax: everything before the content is looked at.
pub(crate) fn parse_json(bytes: &[u8]) -> Result<Value, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            megabytes: bytes.len().div_ceil(1024 * 1024),
        });
    }
    check_depth(bytes)?;
    serde_json::from_slice(bytes).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Eof => ImportError::Malformed {
                detail: format!("it ends too early, at line {}", e.line()),
            },
            Category::Syntax | Category::Io => ImportError::Malformed {
                detail: format!("{e}"),
            },
            Category::Data => ImportError::NotAPlanFile {
                detail: format!("{e}"),
            },
        }
    })
}

/// Counts nesting outside strings. Cheap, and it runs before the parser sees the bytes.
fn check_depth(bytes: &[u8]) -> Result<(), ImportError> {
    let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ImportError::TooDeep);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// `format` must name a Waymark plan file and `version` one that a build reading up to `newest`
/// can read (this build: `CURRENT_VERSION`; a test passes 1 to be the first release).
pub fn check_format(obj: &Map<String, Value>, newest: u32) -> Result<u32, ImportError> {
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) => {
            return Err(ImportError::NotAPlanFile {
                detail: format!("its format is '{}', not '{FORMAT}'", clip(s)),
            })
        }
        _ => {
            return Err(ImportError::NotAPlanFile {
                detail: format!("it has no \"format\": \"{FORMAT}\" field"),
            })
        }
    }
    let version = match obj.get("version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| {
            ImportError::invalid(
                "version",
                format!(
                    "{n} is not a format version (expected a whole number like {CURRENT_VERSION})"
                ),
            )
        })?,
        Some(other) => {
            return Err(ImportError::invalid(
                "version",
                format!("expected a whole number, found {}", describe(other)),
            ))
        }
        None => return Err(ImportError::invalid("version", "this field is missing")),
    };
    if version > u64::from(newest) {
        return Err(ImportError::TooNew {
            found: version,
            supported: newest,
        });
    }
    if version < 1 {
        return Err(ImportError::invalid(
            "version",
            "0 is not a format version; versions start at 1",
        ));
    }
    Ok(version as u32)
}

/// Migrates, checks and builds. `value` is a parsed, unencrypted plan file.
pub(crate) fn read_checked(value: Value) -> Result<PlanFile, ImportError> {
    let source_version = match &value {
        Value::Object(obj) => check_format(obj, CURRENT_VERSION)?,
        _ => {
            return Err(ImportError::NotAPlanFile {
                detail: "it does not hold a JSON object".to_owned(),
            })
        }
    };
    let mut value = migrate::to_current(value, source_version)?;
    strip_tombstones(&mut value);
    let mut path = String::new();
    check_fields(&value, spec::FILE, source_version, &mut path)?;
    let mut file = build(&value)?;
    file.source_version = source_version;
    Ok(file)
}

/// Cuts every tombstone in the file down to its meta. Files written before deletions were
/// erased carry the deleted words; they are dropped here, before anything reads them, so they
/// are never shown, merged or stored.
fn strip_tombstones(value: &mut Value) {
    let Some(file) = value.as_object_mut() else {
        return;
    };
    let mut strip = |v: &mut Value| {
        if let (true, Some(obj)) = (is_tombstone(v), v.as_object_mut()) {
            obj.retain(|k, _| k == "meta");
        }
    };
    for (key, v) in file.iter_mut() {
        match (key.as_str(), v) {
            ("profile" | "schedule", v) => strip(v),
            ("prompts" | "plan", _) => {}
            (_, Value::Array(items)) => items.iter_mut().for_each(&mut strip),
            _ => {}
        }
    }
}

// ---- the structural walk ----------------------------------------------------------------------

/// At most 40 characters of text from the file, for quoting it in a message.
pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text '{}'", clip(s)),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn expected(path: &str, what: &str, found: &Value) -> ImportError {
    ImportError::invalid(path, format!("expected {what}, found {}", describe(found)))
}

fn with<T>(path: &mut String, seg: &str, f: impl FnOnce(&mut String) -> T) -> T {
    let len = path.len();
    if !path.is_empty() && !seg.starts_with('[') {
        path.push('.');
    }
    path.push_str(seg);
    let out = f(path);
    path.truncate(len);
    out
}

/// `version` is the one the file names: a field or value newer than that is refused.
fn check_fields(
    v: &Value,
    fields: &[Field],
    version: u32,
    path: &mut String,
) -> Result<(), ImportError> {
    let obj = v
        .as_object()
        .ok_or_else(|| expected(path, "an object", v))?;
    check_object(obj, fields, &[], version, path)
}

/// Something the file holds came with a newer version than the file names: no Waymark wrote
/// that, so the file was changed afterwards (the version lowered by hand).
fn newer_than_file(path: &str, what: &str, since: Since, version: u32) -> ImportError {
    ImportError::invalid(
        path,
        format!(
            "{what} came with format version {}, but the file says it is version {version}: \
             it was changed after Waymark wrote it. Export it again.",
            since.read_from()
        ),
    )
}

fn check_object(
    obj: &Map<String, Value>,
    fields: &[Field],
    also_allowed: &[&str],
    version: u32,
    path: &mut String,
) -> Result<(), ImportError> {
    for field in fields {
        match obj.get(field.name) {
            Some(_) if field.since.read_from() > version => {
                return with(path, field.name, |p| {
                    Err(newer_than_file(p, "this field", field.since, version))
                })
            }
            Some(v) => with(path, field.name, |p| {
                check(v, &field.ty, field.name, version, p)
            })?,
            None if field.optional => {}
            None => {
                return with(path, field.name, |p| {
                    Err(ImportError::invalid(p, "this field is missing"))
                })
            }
        }
    }
    if let Some(unknown) = obj
        .keys()
        .find(|k| !also_allowed.contains(&k.as_str()) && !fields.iter().any(|f| f.name == *k))
    {
        return with(path, &clip(unknown), |p| {
            Err(ImportError::invalid(
                p,
                "this field is not part of a Waymark plan file",
            ))
        });
    }
    Ok(())
}

/// One value of the field `name`.
fn check(
    v: &Value,
    ty: &Ty,
    name: &str,
    version: u32,
    path: &mut String,
) -> Result<(), ImportError> {
    match ty {
        Ty::Line(max) | Ty::Text(max) => {
            let s = v.as_str().ok_or_else(|| expected(path, "text", v))?;
            let n = s.chars().count();
            if n > *max {
                return Err(ImportError::invalid(
                    path,
                    format!("is too long ({n} characters; at most {max})"),
                ));
            }
            let one_line = matches!(ty, Ty::Line(_));
            // The core's own rule (`limits::short` and `limits::long`), checked here too so
            // that the message names the field, not only its record.
            if let Some((at, c)) = first_refused(s, one_line) {
                let found = format!("U+{:04X} at character {}", c as u32, at + 1);
                return Err(ImportError::invalid(
                    path,
                    if one_line {
                        format!("must fit on one line: remove line breaks and control characters ({found})")
                    } else {
                        format!("holds a control character ({found}): remove it; line breaks and tabs are fine")
                    },
                ));
            }
        }
        Ty::Bool => {
            v.as_bool()
                .ok_or_else(|| expected(path, "true or false", v))?;
        }
        Ty::Uuid => {
            let s = v.as_str().ok_or_else(|| expected(path, "an id", v))?;
            if s.len() != 36 || Uuid::try_parse(s).is_err() {
                return Err(ImportError::invalid(
                    path,
                    format!("'{}' is not an id (expected a UUID like 0b6f…-…)", clip(s)),
                ));
            }
        }
        Ty::Date => {
            let s = v.as_str().ok_or_else(|| expected(path, "a date", v))?;
            parse_date(s).map_err(|p| ImportError::invalid(path, p))?;
        }
        Ty::Instant => {
            let s = v
                .as_str()
                .ok_or_else(|| expected(path, "a date and time", v))?;
            parse_instant(s).map_err(|p| ImportError::invalid(path, p))?;
        }
        Ty::Number => {
            let x = v
                .as_f64()
                .filter(|_| v.is_number())
                .ok_or_else(|| expected(path, "a number", v))?;
            if !x.is_finite() || x.abs() > MAX_NUMBER {
                return Err(ImportError::invalid(
                    path,
                    format!("{x} is too large: numbers must be between -1,000,000,000,000 and 1,000,000,000,000"),
                ));
            }
        }
        Ty::Int(min, max) => {
            let n = match v {
                Value::Number(n) => n.as_i64().ok_or_else(|| {
                    ImportError::invalid(path, format!("expected a whole number, found {n}"))
                })?,
                other => return Err(expected(path, "a whole number", other)),
            };
            if n < *min || n > *max {
                return Err(ImportError::invalid(
                    path,
                    format!("{n} is outside the allowed range {min} to {max}"),
                ));
            }
        }
        Ty::Enum(values) => {
            let s = v
                .as_str()
                .ok_or_else(|| expected(path, &format!("one of {}", values.join(", ")), v))?;
            if !values.contains(&s) {
                return Err(ImportError::invalid(
                    path,
                    format!("'{}' is not one of: {}", clip(s), values.join(", ")),
                ));
            }
            check_value_version(name, s, version, path)?;
        }
        Ty::Opt(inner) => {
            if !v.is_null() {
                check(v, inner, name, version, path)?;
            }
        }
        Ty::List(inner, max) => {
            let items = v.as_array().ok_or_else(|| expected(path, "a list", v))?;
            if let Some(max) = max {
                if items.len() > *max {
                    return Err(ImportError::invalid(
                        path,
                        format!("has {} entries; at most {max} are allowed", items.len()),
                    ));
                }
            }
            for (i, item) in items.iter().enumerate() {
                with(path, &format!("[{i}]"), |p| {
                    check(item, inner, name, version, p)
                })?;
            }
        }
        Ty::Obj(fields) => check_fields(v, fields, version, path)?,
        // `read_checked` has already cut tombstones down to their meta. Every version reads a
        // tombstone (`spec::TOMBSTONE_SINCE`).
        Ty::Record(fields) if is_tombstone(v) => check_fields(v, &fields[..1], version, path)?,
        Ty::Record(fields) => check_fields(v, fields, version, path)?,
        Ty::Times => {
            let obj = v
                .as_object()
                .ok_or_else(|| expected(path, "an object", v))?;
            if obj.len() > MAX_FIELD_TIMES {
                return Err(ImportError::invalid(
                    path,
                    format!(
                        "has {} entries; at most {MAX_FIELD_TIMES} are allowed",
                        obj.len()
                    ),
                ));
            }
            for (name, t) in obj {
                let n = name.chars().count();
                if n == 0 || n > MAX_FIELD_NAME {
                    return Err(ImportError::invalid(
                        path,
                        format!(
                            "'{}' is not a field name (1 to {MAX_FIELD_NAME} characters)",
                            clip(name)
                        ),
                    ));
                }
                with(path, &clip(name), |p| {
                    check(t, &Ty::Instant, name, version, p)
                })?;
            }
        }
        Ty::Tagged { tag, variants } => {
            let obj = v
                .as_object()
                .ok_or_else(|| expected(path, "an object", v))?;
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            let which = match obj.get(*tag) {
                Some(Value::String(s)) => s.as_str(),
                Some(other) => {
                    return with(path, tag, |p| {
                        Err(expected(p, &format!("one of {}", names.join(", ")), other))
                    })
                }
                None => {
                    return with(path, tag, |p| {
                        Err(ImportError::invalid(p, "this field is missing"))
                    })
                }
            };
            let Some((_, fields)) = variants.iter().find(|(n, _)| *n == which) else {
                return with(path, tag, |p| {
                    Err(ImportError::invalid(
                        p,
                        format!("'{}' is not one of: {}", clip(which), names.join(", ")),
                    ))
                });
            };
            with(path, tag, |p| check_value_version(tag, which, version, p))?;
            check_object(obj, fields, &[tag], version, path)?;
        }
    }
    Ok(())
}

/// A value that came after the version the file names (`spec::LATER_VALUES`) is refused.
fn check_value_version(
    name: &str,
    value: &str,
    version: u32,
    path: &str,
) -> Result<(), ImportError> {
    match spec::LATER_VALUES
        .iter()
        .find(|(n, v, since)| *n == name && *v == value && since.read_from() > version)
    {
        Some((_, _, since)) => Err(newer_than_file(
            path,
            &format!("'{value}'"),
            *since,
            version,
        )),
        None => Ok(()),
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let d = shaped
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("'{}' is not a date (expected YYYY-MM-DD)", clip(s)))?;
    if d.year() < MIN_YEAR || d.year() > MAX_YEAR {
        return Err(format!(
            "'{s}' is outside the years {MIN_YEAR} to {MAX_YEAR}"
        ));
    }
    Ok(d)
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    let t = match crate::core::meta::instant::canonical(s) {
        Some(t) => t,
        None => DateTime::parse_from_rfc3339(s)
            .map_err(|_| {
                format!(
                    "'{}' is not a date and time (expected e.g. 2025-03-01T09:30:00Z)",
                    clip(s)
                )
            })?
            .with_timezone(&Utc),
    };
    if t.year() < MIN_YEAR || t.year() > MAX_YEAR {
        return Err(format!(
            "'{}' is outside the years {MIN_YEAR} to {MAX_YEAR}",
            clip(s)
        ));
    }
    Ok(t)
}

// ---- building the plan ------------------------------------------------------------------------

fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&Value::Null)
}

/// Deserialises a value the walk has already checked. Serde still has the last word; if it
/// disagrees, its message is reported at the record's path.
fn typed<T: serde::de::DeserializeOwned>(v: &Value, path: &str) -> Result<T, ImportError> {
    T::deserialize(v).map_err(|e| ImportError::invalid(path, e.to_string()))
}

/// One record: typed, then the core's own rules (lengths, ranges, date order), then its field
/// clocks, which may only name the record's own fields. A tombstone has no content to check.
fn record<T: Record>(v: &Value, path: &str) -> Result<T, ImportError> {
    let r: T = read_record_value(v).map_err(|e| ImportError::invalid(path, e.to_string()))?;
    if !r.meta().deleted {
        r.validate()
            .map_err(|e| ImportError::invalid(path, e.to_string()))?;
    }
    check_clock_names(r.meta(), &field_names(&r), path)?;
    Ok(r)
}

/// Field clocks naming a field the record does not have are refused: they could only come from
/// a damaged or hand-made file, and the merge would ignore them.
fn check_clock_names(meta: &Meta, fields: &[String], path: &str) -> Result<(), ImportError> {
    match meta.field_times.keys().find(|k| !fields.contains(k)) {
        Some(k) => Err(ImportError::invalid(
            &format!("{path}.meta.field_times.{}", clip(k)),
            "is not a field of this record",
        )),
        None => Ok(()),
    }
}

fn records<T: Record>(v: &Value, key: &str) -> Result<Vec<T>, ImportError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| record(item, &format!("{key}[{i}]")))
            .collect(),
        Some(other) => Err(expected(key, "a list", other)),
    }
}

fn build(v: &Value) -> Result<PlanFile, ImportError> {
    let kind: FileKind = typed(get(v, "kind"), "kind")?;
    let exported_by: Author = typed(get(v, "exported_by"), "exported_by")?;
    let exported_at = get(v, "exported_at")
        .as_str()
        .map(parse_instant)
        .transpose()
        .map_err(|p| ImportError::invalid("exported_at", p))?
        .ok_or_else(|| ImportError::invalid("exported_at", "this field is missing"))?;

    let header = get(v, "plan");
    let meta: Meta = typed(get(header, "meta"), "plan.meta")?;
    let header_fields: Vec<String> = HEADER_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    check_clock_names(&meta, &header_fields, "plan")?;
    let title: String = typed(get(header, "title"), "plan.title")?;
    crate::core::limits::title("The plan's title", &title)
        .map_err(|e| ImportError::invalid("plan.title", e.to_string()))?;
    let plan_kind: PlanKind = typed(get(header, "kind"), "plan.kind")?;
    let mut plan = Plan::empty(meta, title, plan_kind);
    plan.archived = typed(get(header, "archived"), "plan.archived")?;
    plan.client = typed(get(header, "client"), "plan.client")?;
    if let Some(name) = &plan.client {
        crate::core::limits::title("The client's name", name)
            .map_err(|e| ImportError::invalid("plan.client", e.to_string()))?;
    }
    plan.from_template = typed(get(header, "from_template"), "plan.from_template")?;
    plan.starts_on = typed(get(header, "starts_on"), "plan.starts_on")?;

    let plan_id = plan.id();
    if let Some(p) = v.get("profile").filter(|p| !p.is_null()) {
        let profile: crate::core::profile::ClientProfile = record(p, "profile")?;
        if profile.meta.id != profile_id(plan_id) {
            return Err(ImportError::invalid(
                "profile.meta.id",
                "is not this plan's profile id (it is derived from plan.meta.id)",
            ));
        }
        plan.profile = Some(profile);
    }
    if let Some(s) = v.get("schedule").filter(|s| !s.is_null()) {
        let schedule: crate::core::schedule::CheckInSchedule = record(s, "schedule")?;
        if schedule.meta.id != schedule_id(plan_id) {
            return Err(ImportError::invalid(
                "schedule.meta.id",
                "is not this plan's schedule id (it is derived from plan.meta.id)",
            ));
        }
        plan.schedule = Some(schedule);
    }
    plan.assessments = records(v, "assessments")?;
    plan.goals = records(v, "goals")?;
    plan.milestones = records(v, "milestones")?;
    plan.actions = records(v, "actions")?;
    plan.kpis = records(v, "kpis")?;
    plan.measurements = records(v, "measurements")?;
    plan.checkins = records(v, "checkins")?;
    plan.reviews = records(v, "reviews")?;
    plan.reflections = records(v, "reflections")?;
    plan.adaptations = records(v, "adaptations")?;
    plan.woops = records(v, "woops")?;
    plan.interest_profiles = records(v, "interest_profiles")?;
    plan.grow_notes = records(v, "grow_notes")?;

    let prompts: Vec<String> = match v.get("prompts") {
        Some(p) if !p.is_null() => typed(p, "prompts")?,
        _ => Vec::new(),
    };
    plan.prompts = prompts.clone();
    check_unique_ids(&plan)?;
    if kind == FileKind::Template || plan.kind == PlanKind::Template {
        check_template(&plan)?;
    }
    plan.normalize();
    Ok(PlanFile {
        kind,
        exported_at,
        exported_by,
        source_version: CURRENT_VERSION,
        plan,
        prompts,
    })
}

/// Every id names one record in the whole file, as it must for the store.
fn check_unique_ids(plan: &Plan) -> Result<(), ImportError> {
    let mut seen: HashMap<Uuid, String> = HashMap::new();
    let mut note = |id: Uuid, path: String| -> Result<(), ImportError> {
        if let Some(first) = seen.get(&id) {
            return Err(ImportError::invalid(
                &format!("{path}.meta.id"),
                format!("the id {id} is used twice (also at {first})"),
            ));
        }
        seen.insert(id, path);
        Ok(())
    };
    note(plan.id(), "plan".to_owned())?;
    if let Some(p) = &plan.profile {
        note(p.meta.id, "profile".to_owned())?;
    }
    if let Some(s) = &plan.schedule {
        note(s.meta.id, "schedule".to_owned())?;
    }
    fn each<T: Record>(
        list: &[T],
        key: &str,
        note: &mut impl FnMut(Uuid, String) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        list.iter()
            .enumerate()
            .try_for_each(|(i, r)| note(r.meta().id, format!("{key}[{i}]")))
    }
    each(&plan.assessments, "assessments", &mut note)?;
    each(&plan.goals, "goals", &mut note)?;
    each(&plan.milestones, "milestones", &mut note)?;
    each(&plan.actions, "actions", &mut note)?;
    each(&plan.kpis, "kpis", &mut note)?;
    each(&plan.measurements, "measurements", &mut note)?;
    each(&plan.checkins, "checkins", &mut note)?;
    each(&plan.reviews, "reviews", &mut note)?;
    each(&plan.reflections, "reflections", &mut note)?;
    each(&plan.adaptations, "adaptations", &mut note)?;
    each(&plan.woops, "woops", &mut note)?;
    each(&plan.interest_profiles, "interest_profiles", &mut note)?;
    each(&plan.grow_notes, "grow_notes", &mut note)
}

/// A template carries no client data.
fn check_template(plan: &Plan) -> Result<(), ImportError> {
    let client_data: [(&str, bool); 10] = [
        ("profile", plan.profile.is_some()),
        ("assessments", !plan.assessments.is_empty()),
        ("measurements", !plan.measurements.is_empty()),
        ("checkins", !plan.checkins.is_empty()),
        ("reviews", !plan.reviews.is_empty()),
        ("reflections", !plan.reflections.is_empty()),
        ("adaptations", !plan.adaptations.is_empty()),
        ("woops", !plan.woops.is_empty()),
        ("interest_profiles", !plan.interest_profiles.is_empty()),
        ("grow_notes", !plan.grow_notes.is_empty()),
    ];
    match client_data.iter().find(|(_, present)| *present) {
        Some((key, _)) => Err(ImportError::invalid(
            key,
            "a template carries no client data, but this file has some",
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::spec::{added, f, opt};
    use serde_json::json;

    // A field of a version to come, as the next one will be added.
    const SHAPE: &[Field] = &[
        f("title", Ty::Line(20)),
        added(Since::Version(3), opt("later", Ty::Opt(&Ty::Bool))),
    ];

    #[test]
    fn a_file_holding_a_field_newer_than_the_version_it_names_is_refused() {
        let file = json!({"title": "Weekends", "later": true});
        let err = check_fields(&file, SHAPE, 2, &mut String::new()).unwrap_err();
        assert_eq!(err.path(), "later");
        assert_eq!(
            err.to_string(),
            "later: this field came with format version 3, but the file says it is version 2: \
             it was changed after Waymark wrote it. Export it again."
        );
        assert_eq!(check_fields(&file, SHAPE, 3, &mut String::new()), Ok(()));
        let without = json!({"title": "Weekends"});
        assert_eq!(check_fields(&without, SHAPE, 1, &mut String::new()), Ok(()));
    }

    #[test]
    fn a_value_newer_than_the_version_it_names_is_refused_where_one_is_listed() {
        for (name, value, since) in spec::LATER_VALUES {
            let at_least = since.read_from();
            assert_eq!(check_value_version(name, value, at_least, "kind"), Ok(()));
            if at_least > 1 {
                assert!(check_value_version(name, value, at_least - 1, "kind").is_err());
            }
        }
    }
}
