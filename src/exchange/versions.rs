//! Which format version a plan file needs: the newest `spec::Since` among the fields, values and
//! forms it holds. A file names the lowest version that reads it, so a plan that uses nothing
//! newer still opens in the first release, and one that does is refused there as "made by a
//! newer version of Waymark" rather than for a field that build does not know.
//!
//! `needed` reads the compact bytes `PlanFile::to_json` serialises, in one pass guided by the
//! spec (no second parse: the seeded 6 MB plan costs a few milliseconds). `shape` lists what the
//! spec holds with each entry's version, for the test that holds the spec against the first
//! published shape (`tests/exchange_versions.rs`).

use super::spec::{Field, Since, Ty, FILE, LATER_VALUES, TOMBSTONE_SINCE};

/// The lowest format version that reads this plan file, given as compact JSON (no white space
/// outside strings, as `serde_json::to_vec` writes it). Keys the spec does not describe are
/// skipped (a written file holds none).
pub(crate) fn needed(compact: &[u8]) -> u32 {
    needed_in(compact, &Ty::Obj(FILE))
}

fn needed_in(compact: &[u8], file: &Ty) -> u32 {
    let mut scan = Scan {
        b: compact,
        i: 0,
        need: 1,
    };
    scan.value(Some(file), "");
    scan.need
}

/// A tagged object's variants: each tag value with its fields.
type Variants<'s> = &'s [(&'s str, &'s [Field])];

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    need: u32,
}

/// `ty` without its `null`-or layers.
fn plain(mut ty: Option<&Ty>) -> Option<&Ty> {
    while let Some(Ty::Opt(inner)) = ty {
        ty = Some(inner);
    }
    ty
}

/// The value's version when a field called `name` holds the text `value`.
fn later_value(name: &str, value: &[u8]) -> Option<Since> {
    LATER_VALUES
        .iter()
        .find(|(n, v, _)| *n == name && v.as_bytes() == value)
        .map(|(_, _, since)| *since)
}

impl<'a> Scan<'a> {
    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }

    fn bump(&mut self, since: Since) {
        self.need = self.need.max(since.written_as());
    }

    /// One value, described by `ty` (`None`: not described), held by the field `name`.
    fn value(&mut self, ty: Option<&Ty>, name: &str) {
        let ty = plain(ty);
        match self.peek() {
            b'{' => self.object(ty),
            b'[' => {
                let inner = match ty {
                    Some(Ty::List(inner, _)) => Some(*inner),
                    _ => None,
                };
                self.i += 1;
                while self.i < self.b.len() && self.peek() != b']' {
                    self.value(inner, name);
                    if self.peek() == b',' {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            b'"' => {
                let text = self.string();
                if matches!(ty, Some(Ty::Enum(_))) {
                    if let Some(since) = later_value(name, text) {
                        self.bump(since);
                    }
                }
            }
            // Numbers, true, false, null.
            _ => {
                while self.i < self.b.len() && !matches!(self.peek(), b',' | b'}' | b']') {
                    self.i += 1;
                }
            }
        }
    }

    /// The raw bytes of a string (escapes left as written; the spec's names and values have
    /// none), the cursor after its closing quote.
    fn string(&mut self) -> &'a [u8] {
        let b = self.b;
        let start = (self.i + 1).min(b.len());
        let mut end = start;
        while let Some(n) = memchr::memchr2(b'"', b'\\', &b[end..]) {
            end += n;
            if b[end] == b'"' {
                self.i = end + 1;
                return &b[start..end];
            }
            end = (end + 2).min(b.len());
        }
        self.i = b.len();
        &b[start..]
    }

    fn object(&mut self, ty: Option<&Ty>) {
        let (fields, variants, tag): (&[Field], Variants, &str) = match ty {
            Some(Ty::Obj(fields) | Ty::Record(fields)) => (fields, &[], ""),
            Some(Ty::Tagged { tag, variants }) => (&[], variants, tag),
            _ => (&[], &[], ""),
        };
        let (mut keys, mut only_meta) = (0usize, true);
        self.i += 1;
        while self.i < self.b.len() && self.peek() != b'}' {
            let key = self.string();
            let field = fields
                .iter()
                .chain(variants.iter().flat_map(|(_, fields)| fields.iter()))
                .find(|f| f.name.as_bytes() == key);
            keys += 1;
            only_meta &= key == b"meta";
            self.i += 1; // the colon
            match field {
                Some(field) => {
                    self.bump(field.since);
                    self.value(Some(&field.ty), field.name);
                }
                None if !tag.is_empty() && key == tag.as_bytes() && self.peek() == b'"' => {
                    let which = self.string();
                    if let Some(since) = later_value(tag, which) {
                        self.bump(since);
                    }
                }
                None => self.value(None, ""),
            }
            if self.peek() == b',' {
                self.i += 1;
            }
        }
        self.i += 1;
        if matches!(ty, Some(Ty::Record(_))) && keys == 1 && only_meta {
            self.bump(TOMBSTONE_SINCE);
        }
    }
}

/// One thing a plan file may hold, with the version it came with: a field (`value` is `None`)
/// or one value of an enumeration or a tag. `path` names it in the file with `/`, lists as `*`
/// (`goals/*/meta/field_times`), a tagged object's tag as its name (`schedule/cadence/every`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub value: Option<&'static str>,
    pub since: Since,
}

/// Everything the spec describes, field by field and value by value. What lies inside a later
/// field came with it.
pub fn shape() -> Vec<Entry> {
    let mut out = Vec::new();
    walk_fields(FILE, "", Since::First, &mut out);
    out
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}/{name}")
    }
}

/// The later of two: the one a file must name the higher version for.
fn later(a: Since, b: Since) -> Since {
    let key = |s: Since| (s.written_as(), s.read_from());
    if key(b) > key(a) {
        b
    } else {
        a
    }
}

fn walk_fields(fields: &[Field], path: &str, within: Since, out: &mut Vec<Entry>) {
    for field in fields {
        let at = join(path, field.name);
        let since = later(within, field.since);
        out.push(Entry {
            path: at.clone(),
            value: None,
            since,
        });
        walk_ty(&field.ty, field.name, &at, since, out);
    }
}

fn values(name: &str, path: &str, list: &[&'static str], within: Since, out: &mut Vec<Entry>) {
    for value in list {
        let own = later_value(name, value.as_bytes()).unwrap_or(Since::First);
        out.push(Entry {
            path: path.to_owned(),
            value: Some(value),
            since: later(within, own),
        });
    }
}

fn walk_ty(ty: &Ty, name: &str, path: &str, within: Since, out: &mut Vec<Entry>) {
    match ty {
        Ty::Enum(list) => values(name, path, list, within, out),
        Ty::Opt(inner) => walk_ty(inner, name, path, within, out),
        Ty::List(inner, _) => walk_ty(inner, name, &join(path, "*"), within, out),
        Ty::Obj(fields) | Ty::Record(fields) => walk_fields(fields, path, within, out),
        Ty::Tagged { tag, variants } => {
            let names: Vec<&'static str> = variants.iter().map(|(n, _)| *n).collect();
            values(tag, &join(path, tag), &names, within, out);
            for (_, fields) in *variants {
                walk_fields(fields, path, within, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::spec::{added, f, opt};

    // A file shape with a field of a version to come, as the next one will be added.
    const NOTE: &[Field] = &[
        f("meta", Ty::Obj(&[f("id", Ty::Uuid)])),
        f("text", Ty::Bool),
    ];
    const SHAPE: Ty = Ty::Obj(&[
        f("version", Ty::Int(1, 3)),
        f("notes", Ty::List(&Ty::Record(NOTE), None)),
        added(Since::Version(3), opt("later", Ty::Opt(&Ty::Bool))),
    ]);

    #[test]
    fn a_file_needs_the_newest_version_among_what_it_holds() {
        let needs = |json: &str| needed_in(json.as_bytes(), &SHAPE);
        assert_eq!(
            needs(r#"{"version":1,"notes":[{"meta":{"id":"x"},"text":true}]}"#),
            1
        );
        // Present, even as null, is what a build that does not know it refuses.
        assert_eq!(needs(r#"{"version":1,"notes":[],"later":null}"#), 3);
        assert_eq!(needs(r#"{"version":1,"later":true,"notes":[]}"#), 3);
        // A record that is its meta alone is a content-free tombstone.
        assert_eq!(
            needs(r#"{"version":1,"notes":[{"meta":{"id":"a\"}"}}]}"#),
            TOMBSTONE_SINCE.written_as()
        );
        // Text that looks like a key is text.
        assert_eq!(
            needs(r#"{"version":1,"notes":[{"meta":{"id":"\"later\":1"},"text":false}]}"#),
            1
        );
    }
}
