//! Broken plan files for fuzzing the importer, shared by `tests/exchange_fuzz.rs` (a few
//! hundred cases in every `cargo test`) and `examples/fuzz_import.rs` (a time-budgeted run,
//! `scripts/fuzz.sh`). Both include this one file, so they try exactly the same inputs.
//!
//! A case starts from a real export (full plan, template, progress report, a small seeded
//! plan, a passphrase envelope) and applies a few mutations: at the JSON level (any value
//! replaced by one of another type, a huge string, a deep nesting, a raw number JSON values
//! cannot hold, a bad date or enum word; keys deleted, duplicated or added; list items
//! repeated) and then at the byte level (truncation, bit flips, inserted and deleted bytes).
//! `check` runs one file through everything an import does and asserts the contract: no
//! panic, a refusal says what and where, and an accepted file behaves (previews, merges,
//! saves, loads back and exports again).

#![allow(dead_code)] // each includer uses its own part

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use waymark::core::sample::{sample_plan, seeded_plan};
use waymark::core::{Author, Plan};
use waymark::exchange::crypto::{self, Envelope};
use waymark::exchange::export::{plan_file, progress_report_file, template_file};
use waymark::exchange::{
    csv, ics, markdown, merge_import, parse_plan_file, preview, FileKind, ImportError, ImportTarget,
};

/// Zone rules that know every zone as UTC: the calendar export only needs some rules to run.
struct UtcOnly;

impl waymark::core::zone::ZoneRules for UtcOnly {
    fn offset_minutes(&self, _zone: &str, _at: DateTime<Utc>) -> Option<i32> {
        Some(0)
    }
}

// ---- the starting files -------------------------------------------------------------------

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap()
}

/// Real exports to mutate, and the plan on "this device" to preview and merge them into.
pub struct Bases {
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// The sample plan the first three files were exported from, edited once after the export
    /// so that a merge has records to add, change and keep.
    pub local: Plan,
}

/// With `large`, one more: a 1 MB seeded plan, so that heap can be compared with file size
/// where the fixed cost of the local plan does not dominate (the budget runner uses it).
pub fn bases(large: bool) -> Bases {
    let now = now();
    let plan = sample_plan(now).unwrap();
    let private: Vec<_> = plan
        .reflections
        .iter()
        .filter(|r| r.fields.private)
        .map(|r| r.meta.id)
        .take(1)
        .collect();
    let envelope = Envelope {
        version: 2,
        kind: FileKind::Plan,
        iterations: crypto::ITERATIONS,
        salt: (0..crypto::SALT_LEN as u8).collect(),
        nonce: (0..crypto::NONCE_LEN as u8).collect(),
        ciphertext: (0..64u8).collect(),
    };
    let files = vec![
        ("plan", plan_file(&plan, now, Author::Client).to_json()),
        (
            "template",
            template_file(&plan, now, Author::Coach).to_json(),
        ),
        (
            "progress_report",
            progress_report_file(&plan, &private, now, Author::Client).to_json(),
        ),
        (
            "seeded",
            plan_file(&seeded_plan(2, 3, 4, 3, 7).unwrap(), now, Author::Coach).to_json(),
        ),
        ("envelope", envelope.to_json()),
    ];
    let mut files = files;
    if large {
        let big = seeded_plan(10, 100, 1_000, 1_500, 11).unwrap();
        files.push(("large", plan_file(&big, now, Author::Client).to_json()));
    }
    let mut local = plan;
    local
        .rename(
            "Maya: teaching → UX research",
            now + chrono::Duration::hours(1),
            Author::Coach,
        )
        .unwrap();
    Bases { files, local }
}

// ---- what a mutation is -------------------------------------------------------------------

/// Words that are wrong in interesting ways somewhere in a plan file.
pub const WORDS: &[&str] = &[
    "",
    " ",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\0",
    "null",
    "2025-02-30",
    "2025-13-01",
    "2025-2-3",
    "1899-12-31",
    "2201-01-01",
    "9999-12-31",
    "+10000-01-01",
    "0000-00-00",
    "2025-03-01T24:00:00Z",
    "2025-03-01T09:30:00",
    "2025-03-01T09:30:00+14:00",
    "2025-03-01T09:30:00-99:00",
    "1900-01-01T00:00:00+01:00",
    "2200-12-31T23:59:60Z",
    "262143-12-31T23:59:59Z",
    "coach",
    "client",
    "Coach",
    "admin",
    "plan",
    "template",
    "progress_report",
    "client_plan",
    "weeks",
    "monthly",
    "daily",
    "vision",
    "value",
    "up",
    "down",
    "sideways",
    "achieved",
    "Mon",
    "Monday",
    "waymark-plan",
    "waymark-plan ",
    "PBKDF2",
    "SHA-256",
    "AES-GCM-256",
    "AES-CBC",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "{00000000-0000-4000-8000-000000000001}",
    "00000000000040008000000000000001",
    "=",
    "A===",
    "AA==",
    "AAAA",
    "AB=C",
    "QUJD\n",
    "AAAAAAAAAAAAAAAAAAAAAA==",
    "AAAAAAAAAAAAAAAA",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://evil\")",
    "x\r\nATTACH:http://evil",
];

/// Wrong and edge dates, for a value shaped like a date.
pub const DATES: &[&str] = &[
    "1900-01-01",
    "2200-12-31",
    "1899-12-31",
    "2201-01-01",
    "2024-02-29",
    "2025-02-29",
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "2025-2-3",
    "9999-12-31",
    "+10000-01-01",
    "0000-00-00",
    "2025-03-01T00:00:00Z",
    " 2025-03-01",
    "",
];

/// Wrong and edge moments, for a value shaped like a date and time.
pub const INSTANTS: &[&str] = &[
    "1900-01-01T00:00:00Z",
    "1899-12-31T23:59:59Z",
    "1900-01-01T00:30:00+01:00",
    "2200-12-31T23:59:59Z",
    "2201-01-01T00:00:00Z",
    "2200-12-31T23:30:00-01:00",
    "2025-03-01T24:00:00Z",
    "2025-03-01T09:30:00",
    "2025-03-01T09:30:00+14:00",
    "2025-03-01T09:30:00-99:00",
    "2200-12-31T23:59:60Z",
    "262143-12-31T23:59:59Z",
    "2025-03-01T09:30:00.123456789Z",
    "2025-03-01t09:30:00z",
    "2025-03-01",
    "",
];

/// Wrong and colliding ids, for a value shaped like an id.
pub const IDS: &[&str] = &[
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
    "{00000000-0000-4000-8000-000000000001}",
    "00000000000040008000000000000001",
    "urn:uuid:00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-00000000000g",
    "00000000-0000-4000-8000-0000000000001",
    "",
];

/// Wrong words for enum-like values, mixed with right words of other fields.
pub const ENUMS: &[&str] = &[
    "coach",
    "client",
    "Coach",
    "admin",
    "plan",
    "template",
    "progress_report",
    "client_plan",
    "weeks",
    "monthly",
    "daily",
    "vision",
    "value",
    "up",
    "down",
    "sideways",
    "active",
    "paused",
    "achieved",
    "dropped",
    "high",
    "medium",
    "low",
    "urgent",
    "Mon",
    "Sun",
    "Monday",
    "motivations",
    "barriers",
    "edited",
    "goal_added",
    "waymark-plan",
    "PBKDF2",
    "AES-CBC",
    "",
];

/// Edge and wrong numbers, spliced as raw JSON text.
pub const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "5",
    "6",
    "10",
    "11",
    "12",
    "13",
    "28",
    "29",
    "30",
    "31",
    "32",
    "255",
    "256",
    "840",
    "841",
    "-840",
    "-841",
    "65536",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "1000000000000",
    "-1000000000000",
    "1000000000001",
    "1000000000000.0001",
    "0.5",
    "-0",
    "5e-324",
    "1e308",
    "NaN",
];

/// JSON text that a `serde_json::Value` cannot hold, spliced in as it is.
pub const RAW: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "1e13",
    "1000000000000.5",
    "-1000000000000",
    "99999999999999999999999",
    "-0",
    "-0.0",
    "0.1e-400",
    "5e-324",
    "1.5",
    "-1",
    "256",
    "4294967296",
    "18446744073709551616",
    "-9223372036854775809",
    "1E2",
    "01",
    ".5",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\u00\"",
    "\"\\x41\"",
    "\"tab\there\"",
    "[1,]",
    "{\"a\":1,}",
    "tru",
    "nul",
    "'single'",
];

/// Keys to add to an object.
pub const KEYS: &[&str] = &[
    "colour",
    "__proto__",
    "constructor",
    "deleted",
    "encrypted",
    "format",
    "version",
    "id",
    "meta",
    "",
    "\0",
    "😀",
    "goals",
    "title",
    "private",
];

#[derive(Clone, Debug)]
pub enum Replacement {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Spliced in as raw JSON text (`NaN`, `1e400`, a lone surrogate).
    Raw(&'static str),
    Word(&'static str),
    Text(String),
    /// `len` copies of `ch`.
    Huge {
        len: usize,
        ch: char,
    },
    /// `depth` nested lists, as raw text (so building it costs nothing).
    Deep(usize),
    EmptyList,
    EmptyObject,
}

#[derive(Clone, Debug)]
pub enum Mutation {
    /// Replace the `at`-th value (pre-order, modulo the count) of the file.
    Replace {
        at: usize,
        with: Replacement,
    },
    /// Change the `at`-th scalar into an edge or wrong value of the same shape (a date into
    /// another date, an id into a colliding id, a number into a boundary number).
    Tweak {
        at: usize,
        how: usize,
    },
    /// Set a top-level field.
    Header {
        key: &'static str,
        with: Replacement,
    },
    /// Remove the `at`-th value from its object or list.
    Remove {
        at: usize,
    },
    /// Write one key of the object holding the `at`-th value twice (JSON allows it).
    DuplicateKey {
        at: usize,
        with: Option<Replacement>,
    },
    AddKey {
        at: usize,
        key: String,
        with: Replacement,
    },
    /// Put a copy of the `from`-th value where the `to`-th is.
    Copy {
        from: usize,
        to: usize,
    },
    /// Repeat an item of the list holding the `at`-th value.
    Repeat {
        at: usize,
        times: usize,
    },
    /// Wrap the `at`-th value in `depth` lists or objects.
    Nest {
        at: usize,
        depth: usize,
        objects: bool,
    },
    // Byte level, applied to the written file after every JSON-level mutation.
    Truncate {
        at: usize,
    },
    FlipBit {
        at: usize,
        bit: u8,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Delete {
        at: usize,
        len: usize,
    },
}

#[derive(Clone, Debug)]
pub struct Case {
    pub base: usize,
    pub pretty: bool,
    pub mutations: Vec<Mutation>,
}

// ---- the generator ------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[\\u{0}-\\u{1f}\"\\\\<>&=+@-]{0,12}",
        "\\PC{0,20}",
    ]
}

pub fn replacement() -> impl Strategy<Value = Replacement> {
    let huge_len = prop_oneof![
        Just(199usize),
        Just(200),
        Just(201),
        Just(19_999),
        Just(20_000),
        Just(20_001),
        0usize..300,
        Just(120_000),
    ];
    let huge_ch = prop::sample::select(vec!['x', 'é', '😀', '\u{200b}', '"', '\\', '\0', ' ']);
    prop_oneof![
        1 => Just(Replacement::Null),
        1 => any::<bool>().prop_map(Replacement::Bool),
        1 => prop_oneof![
            any::<i64>(),
            -2i64..12,
            Just(i64::from(u32::MAX) + 1),
            Just(1_000_000_000_001)
        ]
        .prop_map(Replacement::Int),
        1 => prop_oneof![any::<f64>(), -1e13f64..1e13, -10.0f64..10.0]
            .prop_filter("JSON numbers are finite", |x| x.is_finite())
            .prop_map(Replacement::Float),
        2 => prop::sample::select(RAW).prop_map(Replacement::Raw),
        3 => prop::sample::select(WORDS).prop_map(Replacement::Word),
        2 => text().prop_map(Replacement::Text),
        1 => (huge_len, huge_ch).prop_map(|(len, ch)| Replacement::Huge { len, ch }),
        1 => prop_oneof![30usize..34, Just(1_000), Just(100_000)].prop_map(Replacement::Deep),
        1 => Just(Replacement::EmptyList),
        1 => Just(Replacement::EmptyObject),
    ]
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    let header = prop::sample::select(vec![
        "format",
        "version",
        "kind",
        "exported_at",
        "exported_by",
        "plan",
        "encrypted",
        "profile",
        "schedule",
        "prompts",
        "goals",
        "reflections",
    ]);
    let key = prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => text(),
    ];
    let times = prop_oneof![4 => 1usize..4, 1 => 150usize..250, 1 => Just(2_000usize)];
    prop_oneof![
        8 => (at, any::<usize>()).prop_map(|(at, how)| Mutation::Tweak { at, how }),
        6 => (at, replacement()).prop_map(|(at, with)| Mutation::Replace { at, with }),
        3 => (header, replacement()).prop_map(|(key, with)| Mutation::Header { key, with }),
        2 => at.prop_map(|at| Mutation::Remove { at }),
        1 => (at, prop::option::of(replacement()))
            .prop_map(|(at, with)| Mutation::DuplicateKey { at, with }),
        1 => (at, key, replacement())
            .prop_map(|(at, key, with)| Mutation::AddKey { at, key, with }),
        2 => (at, at).prop_map(|(from, to)| Mutation::Copy { from, to }),
        1 => (at, times).prop_map(|(at, times)| Mutation::Repeat { at, times }),
        1 => (at, 1usize..40, any::<bool>())
            .prop_map(|(at, depth, objects)| Mutation::Nest { at, depth, objects }),
    ]
}

/// A byte-level change to the written file.
pub fn byte_mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        1 => at.prop_map(|at| Mutation::Truncate { at }),
        2 => (at, 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        1 => (
            at,
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                prop::sample::select(vec![
                    &b"\""[..], b"\\", b"{", b"}", b"[", b"]", b",", b":", b"\xff", b"\xc3",
                    b"\xf0\x9f", b"\0", b"\r\n", b"1e999", b"-",
                ])
                .prop_map(<[u8]>::to_vec),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        1 => (at, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
    ]
}

pub fn case(bases: usize) -> impl Strategy<Value = Case> {
    // Most byte-level changes break the JSON syntax, which stops the reader early: keep them
    // to about one case in four, so most cases reach the checks behind the parser.
    let bytes = prop_oneof![
        3 => Just(Vec::new()),
        1 => prop::collection::vec(byte_mutation(), 1..3),
    ];
    (
        0..bases,
        any::<bool>(),
        prop::collection::vec(mutation(), 0..5),
        bytes,
    )
        .prop_map(|(base, pretty, mut mutations, bytes)| {
            mutations.extend(bytes);
            Case {
                base,
                pretty,
                mutations,
            }
        })
}

// ---- applying it --------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Paths to every value, in pre-order (the root first).
fn paths(v: &Value) -> Vec<Vec<Seg>> {
    fn walk(v: &Value, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    here.push(Seg::Key(k.clone()));
                    walk(x, here, out);
                    here.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    here.push(Seg::Index(i));
                    walk(x, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn get<'a>(v: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Index(i) => v.get(*i),
    })
}

fn get_mut<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// Paths to every scalar (not an object or a list).
fn leaves(v: &Value) -> Vec<Vec<Seg>> {
    paths(v)
        .into_iter()
        .filter(|p| {
            let mut node = Some(v);
            for s in p {
                node = node.and_then(|n| match s {
                    Seg::Key(k) => n.get(k.as_str()),
                    Seg::Index(i) => n.get(*i),
                });
            }
            node.is_some_and(|n| !n.is_object() && !n.is_array())
        })
        .collect()
}

/// An edge or wrong value shaped like `old`.
fn tweak(old: &Value, how: usize, sp: &mut Splices) -> Value {
    let one = |list: &[&str]| Value::String(list[how % list.len()].to_owned());
    match old {
        Value::String(s) => {
            let b = s.as_bytes();
            let date_like = b.len() >= 10
                && b[..4].iter().all(u8::is_ascii_digit)
                && b[4] == b'-'
                && b[7] == b'-';
            if date_like && b.len() == 10 {
                one(DATES)
            } else if date_like {
                one(INSTANTS)
            } else if b.len() == 36 && b[8] == b'-' {
                // (`apply` makes half of the ids another id of the file instead.)
                one(IDS)
            } else if !s.is_empty()
                && s.len() < 20
                && s.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            {
                one(ENUMS)
            } else {
                match how % 6 {
                    0 => one(WORDS),
                    1 => Value::String(s.chars().rev().collect()),
                    2 => Value::String(format!("{s}{s}")),
                    3 => Value::String(s.chars().take(how % 7).collect()),
                    4 => Value::String(format!("\u{200b}{}", s.trim())),
                    _ => Value::String(std::iter::repeat_n('😀', 195 + how % 10).collect()),
                }
            }
        }
        Value::Number(_) => sp.raw(NUMBERS[how % NUMBERS.len()].to_owned()),
        Value::Bool(b) => match how % 3 {
            0 => Value::Bool(!b),
            1 => Value::String(b.to_string()),
            _ => Value::Null,
        },
        Value::Null => match how % 4 {
            0 => Value::String(String::new()),
            1 => Value::from(0),
            2 => one(DATES),
            _ => one(IDS),
        },
        Value::Array(_) | Value::Object(_) => old.clone(),
    }
}

fn pick(v: &Value, at: usize) -> Vec<Seg> {
    let all = paths(v);
    all[at % all.len()].clone()
}

/// Placeholders for text a `Value` cannot hold, replaced after writing.
struct Splices {
    raw: Vec<String>,
    keys: Vec<String>,
}

impl Splices {
    fn raw(&mut self, text: String) -> Value {
        self.raw.push(text);
        Value::String(format!("\u{1}R{}\u{1}", self.raw.len() - 1))
    }

    fn value(&mut self, r: &Replacement) -> Value {
        match r {
            Replacement::Null => Value::Null,
            Replacement::Bool(b) => Value::Bool(*b),
            Replacement::Int(n) => Value::from(*n),
            Replacement::Float(x) => Value::from(*x),
            Replacement::Raw(s) => self.raw((*s).to_owned()),
            Replacement::Word(s) => Value::String((*s).to_owned()),
            Replacement::Text(s) => Value::String(s.clone()),
            Replacement::Huge { len, ch } => {
                Value::String(std::iter::repeat_n(*ch, *len).collect())
            }
            Replacement::Deep(d) => self.raw(format!("{}{}", "[".repeat(*d), "]".repeat(*d))),
            Replacement::EmptyList => Value::Array(Vec::new()),
            Replacement::EmptyObject => Value::Object(Map::new()),
        }
    }

    fn write(&self, v: &Value, pretty: bool) -> Vec<u8> {
        let mut text = if pretty {
            serde_json::to_string_pretty(v)
        } else {
            serde_json::to_string(v)
        }
        .unwrap();
        for (i, raw) in self.raw.iter().enumerate() {
            text = text.replace(&format!("\"\\u0001R{i}\\u0001\""), raw);
        }
        for (i, key) in self.keys.iter().enumerate() {
            text = text.replace(&format!("\"\\u0001K{i}\\u0001\""), key);
        }
        text.into_bytes()
    }
}

/// The nearest object (or list, with `list`) at or above `path`, and the child on the way.
fn container(v: &Value, path: &[Seg], list: bool) -> Option<(Vec<Seg>, Option<Seg>)> {
    let mut n = path.len();
    loop {
        let here = &path[..n];
        let node = here.iter().try_fold(v, |v, s| match s {
            Seg::Key(k) => v.get(k.as_str()),
            Seg::Index(i) => v.get(*i),
        })?;
        let fits = if list {
            node.is_array()
        } else {
            node.is_object()
        };
        if fits {
            return Some((here.to_vec(), path.get(n).cloned()));
        }
        if n == 0 {
            return None;
        }
        n -= 1;
    }
}

fn apply(v: &mut Value, m: &Mutation, sp: &mut Splices) {
    match m {
        Mutation::Tweak { at, how } => {
            let all = leaves(v);
            if all.is_empty() {
                return;
            }
            let path = &all[at % all.len()];
            // Half the ids become another record's id, to make them collide.
            let other_id = (how % 2 == 0)
                .then(|| {
                    let ids: Vec<&str> = all
                        .iter()
                        .filter_map(|p| get(v, p).and_then(Value::as_str))
                        .filter(|s| s.len() == 36 && s.as_bytes()[8] == b'-')
                        .collect();
                    (!ids.is_empty()).then(|| ids[how / 2 % ids.len()].to_owned())
                })
                .flatten();
            let new = match (get(v, path), other_id) {
                (Some(Value::String(s)), Some(id)) if s.len() == 36 && s.as_bytes()[8] == b'-' => {
                    Value::String(id)
                }
                (Some(old), _) => tweak(&old.clone(), *how / 2, sp),
                (None, _) => return,
            };
            if let Some(slot) = get_mut(v, path) {
                *slot = new;
            }
        }
        Mutation::Replace { at, with } => {
            let path = pick(v, *at);
            let new = sp.value(with);
            if let Some(slot) = get_mut(v, &path) {
                *slot = new;
            }
        }
        Mutation::Header { key, with } => {
            let new = sp.value(with);
            if let Some(obj) = v.as_object_mut() {
                obj.insert((*key).to_owned(), new);
            }
        }
        Mutation::Remove { at } => {
            let path = pick(v, *at);
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (get_mut(v, parent), last) {
                (Some(Value::Object(m)), Seg::Key(k)) => {
                    m.remove(k);
                }
                (Some(Value::Array(a)), Seg::Index(i)) => {
                    a.remove(*i);
                }
                _ => {}
            }
        }
        Mutation::DuplicateKey { at, with } => {
            let path = pick(v, *at);
            let Some((obj_path, child)) = container(v, &path, false) else {
                return;
            };
            let new = with.as_ref().map(|r| sp.value(r));
            let Some(Value::Object(obj)) = get_mut(v, &obj_path) else {
                return;
            };
            let key = match child {
                Some(Seg::Key(k)) => k,
                _ => match obj.keys().next() {
                    Some(k) => k.clone(),
                    None => return,
                },
            };
            let value = new.unwrap_or_else(|| obj[&key].clone());
            sp.keys.push(serde_json::to_string(&key).unwrap());
            obj.insert(format!("\u{1}K{}\u{1}", sp.keys.len() - 1), value);
        }
        Mutation::AddKey { at, key, with } => {
            let path = pick(v, *at);
            let new = sp.value(with);
            if let Some((obj_path, _)) = container(v, &path, false) {
                if let Some(Value::Object(obj)) = get_mut(v, &obj_path) {
                    obj.insert(key.clone(), new);
                }
            }
        }
        Mutation::Copy { from, to } => {
            let from = pick(v, *from);
            let Some(value) = get_mut(v, &from).map(|x| x.clone()) else {
                return;
            };
            let to = pick(v, *to);
            if let Some(slot) = get_mut(v, &to) {
                *slot = value;
            }
        }
        Mutation::Repeat { at, times } => {
            let path = pick(v, *at);
            let Some((list_path, child)) = container(v, &path, true) else {
                return;
            };
            if let Some(Value::Array(a)) = get_mut(v, &list_path) {
                let i = match child {
                    Some(Seg::Index(i)) => i,
                    _ => 0,
                };
                if let Some(item) = a.get(i).cloned() {
                    // Repeats compound (a list of lists, repeated twice): keep each under 4 MB.
                    let size = serde_json::to_vec(&item).map_or(1, |b| b.len().max(1));
                    for _ in 0..(*times).min(4_000_000 / size) {
                        a.insert(i, item.clone());
                    }
                }
            }
        }
        Mutation::Nest { at, depth, objects } => {
            let path = pick(v, *at);
            if let Some(slot) = get_mut(v, &path) {
                let mut x = slot.take();
                for _ in 0..*depth {
                    x = if *objects {
                        Value::Object(Map::from_iter([("x".to_owned(), x)]))
                    } else {
                        Value::Array(vec![x])
                    };
                }
                *slot = x;
            }
        }
        Mutation::Truncate { .. }
        | Mutation::FlipBit { .. }
        | Mutation::Insert { .. }
        | Mutation::Delete { .. } => {}
    }
}

fn apply_bytes(b: &mut Vec<u8>, m: &Mutation) {
    let pos = |at: usize, len: usize| at % (len + 1);
    match m {
        Mutation::Truncate { at } => b.truncate(pos(*at, b.len())),
        Mutation::FlipBit { at, bit } if !b.is_empty() => {
            let i = at % b.len();
            b[i] ^= 1 << bit;
        }
        Mutation::Insert { at, bytes } => {
            let i = pos(*at, b.len());
            b.splice(i..i, bytes.iter().copied());
        }
        Mutation::Delete { at, len } => {
            let i = pos(*at, b.len());
            let end = (i + len).min(b.len());
            b.drain(i..end);
        }
        _ => {}
    }
}

/// The bytes of a case's file.
pub fn render(case: &Case, bases: &Bases) -> Vec<u8> {
    let (_, base) = &bases.files[case.base % bases.files.len()];
    let mut v: Value = serde_json::from_slice(base).unwrap();
    let mut sp = Splices {
        raw: Vec::new(),
        keys: Vec::new(),
    };
    for m in &case.mutations {
        apply(&mut v, m, &mut sp);
    }
    let mut bytes = sp.write(&v, case.pretty);
    for m in &case.mutations {
        apply_bytes(&mut bytes, m);
    }
    bytes
}

// ---- the contract -------------------------------------------------------------------------

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Refused,
}

/// Runs one file through everything an import does, with `local` as the plan on this device.
/// Panics (with a message saying which rule broke) if the importer panics or breaks its
/// contract.
pub fn check(bytes: &[u8], local: &Plan) -> Verdict {
    // The envelope reader runs first on every opened file.
    let _ = crypto::is_encrypted(bytes);
    match crypto::parse_envelope(bytes) {
        Ok(env) => {
            let again = crypto::parse_envelope(&env.to_json());
            assert_eq!(
                again.as_ref(),
                Ok(&env),
                "an envelope read must write back the same"
            );
        }
        Err(e) => check_error(&e),
    }
    match parse_plan_file(bytes) {
        Err(e) => {
            check_error(&e);
            Verdict::Refused
        }
        Ok(file) => {
            check_accepted(&file, local);
            Verdict::Accepted
        }
    }
}

/// A refusal says what is wrong and where: a field path, a line, or the whole file.
pub fn check_error(e: &ImportError) {
    let msg = e.to_string();
    assert!(!msg.trim().is_empty(), "an empty error message: {e:?}");
    assert!(
        msg.chars().count() <= 600,
        "an error message of {} characters: {msg:.300}",
        msg.chars().count()
    );
    match e {
        ImportError::Invalid { path, problem } => {
            assert!(!path.trim().is_empty(), "no path in {msg:?}");
            assert!(!problem.trim().is_empty(), "no problem in {msg:?}");
            assert!(msg.starts_with(path.as_str()), "{msg:?}");
        }
        ImportError::Malformed { detail } => {
            assert!(detail.contains("line"), "no line in {msg:?}");
        }
        ImportError::NotAPlanFile { detail } => {
            assert!(!detail.trim().is_empty(), "{msg:?}");
        }
        ImportError::TooLarge { .. }
        | ImportError::TooDeep
        | ImportError::TooNew { .. }
        | ImportError::NeedsPassphrase
        | ImportError::WrongPassphrase
        | ImportError::CryptoUnavailable(_) => {}
    }
}

/// An accepted file previews, merges, saves, loads back, exports again and renders.
pub fn check_accepted(file: &waymark::exchange::PlanFile, local: &Plan) {
    let plan = &file.plan;
    let p = preview(None, file);
    assert_eq!(p.target, ImportTarget::NewPlan);
    let _ = preview(Some(local), file).nothing_to_do();

    let fresh = merge_import(None, file);
    assert!(
        fresh.plan == *plan,
        "a new plan from a file is the file's plan"
    );
    let merged = merge_import(Some(local), file);
    assert!(
        merge_import(Some(&merged.plan), file).summary.is_noop(),
        "merging the same file twice changes something the second time"
    );
    assert!(
        merge_import(Some(plan), file).summary.is_noop(),
        "a plan merged with itself changes"
    );

    // What is accepted can be saved and opened again.
    for p in [plan, &merged.plan] {
        let back = Plan::from_documents(p.id(), &p.to_documents())
            .unwrap_or_else(|e| panic!("an imported plan does not load from storage: {e}"));
        assert!(back == *p, "an imported plan changes through storage");
    }
    // ... and exported again.
    let again = parse_plan_file(&file.to_json())
        .unwrap_or_else(|e| panic!("an accepted file does not read back after export: {e}"));
    assert!(
        again.plan == *plan,
        "an accepted file changes through export"
    );
    assert_eq!(again.kind, file.kind);
    assert_eq!(again.prompts, file.prompts);

    // The readable exports and what the screens derive.
    let _ = markdown::plan_markdown(&merged.plan, file.exported_at);
    let _ = ics::plan_ics(
        &merged.plan,
        file.exported_at,
        waymark::core::schedule::AlarmLead::DayBefore,
        &UtcOnly,
    );
    let _ = csv::measurements_csv(&merged.plan);
    let today = file.exported_at.date_naive();
    for g in merged.plan.live_goals() {
        let _ = waymark::core::progress::goal_progress(&merged.plan, g, today);
        let _ = waymark::core::smart::check_goal(&merged.plan, g);
    }
    let _ = waymark::core::ranking::ranked_open_actions(&merged.plan);
    if let Some(s) = merged.plan.live_schedule() {
        let _ = waymark::core::checkin::checkin_status(s, &merged.plan.checkins, file.exported_at);
    }
}

// ---- heap accounting ----------------------------------------------------------------------

/// A global allocator that counts live bytes per thread, so one case's peak can be measured
/// while other tests allocate on other threads.
pub struct CountingAlloc;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| {
            if now > peak.get() {
                peak.set(now);
            }
        });
    });
}

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        note(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            note(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Runs `f` and returns its result with the most heap it held at once on this thread, above
/// what was live when it started. Meaningful only with `CountingAlloc` installed.
pub fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(start));
    let out = f();
    let peak = PEAK.with(Cell::get);
    (out, (peak - start).max(0) as usize)
}

/// A short, stable name for a file's bytes (FNV-1a, 48 bits, hex).
pub fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", h >> 16)
}

/// The kept crashers, for the regression test.
pub fn crasher_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-crashers")
}
