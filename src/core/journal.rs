//! Reflections (journal entries) and finding them again. The search answers on every keystroke,
//! so `JournalIndex` lowercases each entry once into one buffer, newest first, and a query is
//! then one substring scan over that buffer.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::{Author, Meta};
use super::record::record;
use super::sorting::sort_by;
use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionDraft {
    pub text: String,
    /// The journal prompt this entry answers, if any.
    pub prompt: Option<String>,
    pub tags: Vec<String>,
    /// 1 (low) – 5 (great).
    pub mood: Option<u8>,
    /// Private entries are for their author alone: a client's stay out of what the coach
    /// sees unless the client shares them; a coach's never go to the client (see
    /// `exchange::audience`).
    pub private: bool,
}

impl ReflectionDraft {
    pub fn check(&self) -> Result<(), CoreError> {
        limits::long_required("The reflection", &self.text)?;
        if let Some(p) = &self.prompt {
            limits::long("The prompt", p)?;
        }
        limits::short_list("Tags", &self.tags)?;
        if let Some(m) = self.mood {
            limits::rating("Mood", m, 1, 5)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub meta: Meta,
    #[serde(flatten)]
    pub fields: ReflectionDraft,
    /// Who wrote it: the role of the device it was written on. `None` for entries written
    /// before this was recorded; whose they are is then unknown, so a private one goes to
    /// neither side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
}

impl Reflection {
    fn check(&self) -> Result<(), CoreError> {
        self.fields.check()
    }
}

record!(Reflection, DocKind::Reflection, "reflection", |meta| {
    Reflection {
        meta,
        fields: ReflectionDraft::default(),
        author: None,
    }
},
    label: |r| format!("Journal entry of {}", r.meta.created_at.format("%Y-%m-%d")),
);

#[derive(Clone, Debug)]
struct Entry {
    id: Uuid,
    written_at: DateTime<Utc>,
    /// Where this entry's text, prompt and tags (lowercased, separated by newlines) lie in
    /// `JournalIndex::text`.
    start: usize,
    end: usize,
    /// Tags, lowercased, for filtering by one tag exactly.
    tags: Vec<String>,
}

/// Newest first; the id makes the order total when two entries share a time.
fn newest_first(a: (DateTime<Utc>, Uuid), b: (DateTime<Utc>, Uuid)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Between two entries in the prepared buffer. A match that runs across it is not counted
/// (each match is checked against its entry's end), so the byte itself only keeps the
/// buffer readable when debugging.
const SEPARATOR: char = '\0';

/// A search index over live reflections. Build it once when a plan opens and keep it current
/// with `upsert` / `remove` as entries are written.
///
/// Every entry's lowercased text sits in one buffer, newest first, so a keystroke's search is
/// one substring scan over contiguous memory that jumps to the next entry after each hit,
/// instead of a scan per entry's own string.
#[derive(Clone, Debug, Default)]
pub struct JournalIndex {
    entries: Vec<Entry>,
    text: String,
    /// Changes whenever entries do, so an answer given before a change is never narrowed.
    generation: u64,
}

/// A search's answer: the matching reflections, newest first, with what was asked, so the
/// next keystroke (which usually adds to the query) looks only among them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The query and tag as compared: trimmed and lowercased.
    query: String,
    tag: Option<String>,
    generation: u64,
    /// Positions in the index's entries.
    at: Vec<usize>,
    ids: Vec<Uuid>,
}

impl Found {
    pub fn ids(&self) -> &[Uuid] {
        &self.ids
    }

    /// Whether `other` found the same reflections in the same order. Within one index
    /// generation the positions say so: one comparison of memory instead of one per id (a
    /// Uuid's `==` is a call in the size-optimised wasm, 10,000 of them on a first keystroke).
    pub fn same_as(&self, other: &Found) -> bool {
        if self.generation == other.generation {
            self.at == other.at
        } else {
            self.ids == other.ids
        }
    }
}

/// A generation no index has had yet: indexes built one after the other never share one.
fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Relaxed)
}

impl JournalIndex {
    pub fn build<'a>(reflections: impl IntoIterator<Item = &'a Reflection>) -> Self {
        let mut prepared: Vec<(Entry, String)> = reflections
            .into_iter()
            .filter(|r| r.meta.is_live())
            .map(prepare)
            .collect();
        sort_by(&mut prepared, |(a, _), (b, _)| {
            newest_first((a.written_at, a.id), (b.written_at, b.id))
        });
        let mut index = JournalIndex {
            entries: Vec::with_capacity(prepared.len()),
            text: String::with_capacity(prepared.iter().map(|(_, h)| h.len() + 1).sum()),
            generation: next_generation(),
        };
        for (mut e, hay) in prepared {
            e.start = index.text.len();
            index.text.push_str(&hay);
            e.end = index.text.len();
            index.text.push(SEPARATOR);
            index.entries.push(e);
        }
        index
    }

    /// Adds a new or edited reflection; a deleted one is removed.
    pub fn upsert(&mut self, r: &Reflection) {
        self.remove(r.meta.id);
        self.generation = next_generation();
        if !r.meta.is_live() {
            return;
        }
        let (mut e, mut hay) = prepare(r);
        hay.push(SEPARATOR);
        let at = self.entries.partition_point(|x| {
            newest_first((x.written_at, x.id), (e.written_at, e.id)) == Ordering::Less
        });
        let offset = self.entries.get(at).map_or(self.text.len(), |x| x.start);
        self.text.insert_str(offset, &hay);
        for later in &mut self.entries[at..] {
            later.start += hay.len();
            later.end += hay.len();
        }
        e.start = offset;
        e.end = offset + hay.len() - SEPARATOR.len_utf8();
        self.entries.insert(at, e);
    }

    pub fn remove(&mut self, id: Uuid) {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return;
        };
        self.generation = next_generation();
        let gone = self.entries.remove(at);
        let span = gone.start..gone.end + SEPARATOR.len_utf8();
        let removed = span.len();
        self.text.replace_range(span, "");
        for later in &mut self.entries[at..] {
            later.start -= removed;
            later.end -= removed;
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Ids of the reflections whose text, prompt or tags contain `query`, ignoring case,
    /// newest first. A blank query matches everything.
    pub fn search(&self, query: &str) -> Vec<Uuid> {
        self.search_tagged(query, None)
    }

    /// Like [`search`](Self::search), and when `tag` is given only reflections carrying that
    /// tag (ignoring case and surrounding spaces), newest first.
    pub fn search_tagged(&self, query: &str, tag: Option<&str>) -> Vec<Uuid> {
        self.search_after(query, tag, None).ids
    }

    /// Like [`search_tagged`](Self::search_tagged), given this index's `previous` answer.
    /// When the query contains the previous one (the person typed on), only the reflections
    /// found then can match, so only they are looked at.
    pub fn search_after(&self, query: &str, tag: Option<&str>, previous: Option<&Found>) -> Found {
        let query = query.trim().to_lowercase();
        let tag = tag.map(|t| t.trim().to_lowercase());
        let narrowed = previous.filter(|p| {
            p.generation == self.generation
                && p.tag == tag
                && !p.query.is_empty()
                && query.contains(p.query.as_str())
        });
        let at = match (narrowed, &tag) {
            (Some(p), _) if p.query == query => p.at.clone(),
            (Some(p), _) => self.matching(&query, p.at.iter().copied()),
            (None, Some(tag)) => self.matching(
                &query,
                (0..self.entries.len()).filter(|&i| self.entries[i].tags.contains(tag)),
            ),
            (None, None) if query.is_empty() => (0..self.entries.len()).collect(),
            (None, None) => self.scan(&query),
        };
        Found {
            ids: at.iter().map(|&i| self.entries[i].id).collect(),
            query,
            tag,
            generation: self.generation,
            at,
        }
    }

    /// The entries among `candidates` whose own text contains `q`.
    fn matching(&self, q: &str, candidates: impl Iterator<Item = usize>) -> Vec<usize> {
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        let text = self.text.as_bytes();
        candidates
            .filter(|&i| {
                let e = &self.entries[i];
                q.is_empty() || finder.find(&text[e.start..e.end]).is_some()
            })
            .collect()
    }

    /// Every entry containing `q` (not empty), by one pass over the whole buffer.
    fn scan(&self, q: &str) -> Vec<usize> {
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        let text = self.text.as_bytes();
        let mut found = Vec::new();
        let mut from = 0;
        // The entry `from` lies in: a common query hits most entries, each in the one after
        // the last hit's, so that one is tried before a binary search.
        let mut next = 0;
        while let Some(hit) = finder.find(&text[from..]).map(|i| from + i) {
            // The entry the hit starts in: the last one starting at or before it.
            let starts_in = |i: usize| {
                self.entries.get(i).is_some_and(|e| e.start <= hit)
                    && self
                        .entries
                        .get(i + 1)
                        .is_none_or(|after| after.start > hit)
            };
            let at = if starts_in(next) {
                next
            } else {
                self.entries.partition_point(|e| e.start <= hit) - 1
            };
            let e = &self.entries[at];
            if hit + q.len() <= e.end {
                found.push(at);
                // One hit is enough for an entry; go on from the next one.
                next = at + 1;
                match self.entries.get(next) {
                    Some(after) => from = after.start,
                    None => break,
                }
            } else {
                // The hit ran past this entry's end; a later one may still start inside it.
                from = hit + 1;
            }
        }
        found
    }
}

/// An entry without its place in the buffer yet, and its lowercased text, prompt and tags.
fn prepare(r: &Reflection) -> (Entry, String) {
    let f = &r.fields;
    let mut hay = f.text.to_lowercase();
    if let Some(p) = &f.prompt {
        hay.push('\n');
        hay.push_str(&p.to_lowercase());
    }
    let tags: Vec<String> = f.tags.iter().map(|t| t.trim().to_lowercase()).collect();
    for t in &tags {
        hay.push('\n');
        hay.push_str(t);
    }
    let entry = Entry {
        id: r.meta.id,
        written_at: r.meta.created_at,
        start: 0,
        end: 0,
        tags,
    };
    (entry, hay)
}

/// Reflections of one ISO week (Monday to Sunday, in the client's time zone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekGroup<'a> {
    pub iso_year: i32,
    pub iso_week: u32,
    /// The Monday the week starts on, for headings such as "Week of 3 June".
    pub monday: NaiveDate,
    /// Newest first.
    pub reflections: Vec<&'a Reflection>,
}

/// Groups live reflections by the ISO week they were written in, newest week first.
/// A reflection is on the day its writer's clock showed (`Meta::written_offset`); where that is
/// not known, `offset_at` gives the reader's offset at that moment, so one written in summer is
/// on the day it was written, whatever today's offset is.
pub fn group_by_week<'a>(
    reflections: impl IntoIterator<Item = &'a Reflection>,
    offset_at: impl Fn(DateTime<Utc>) -> i32,
) -> Vec<WeekGroup<'a>> {
    let mut list: Vec<&Reflection> = reflections
        .into_iter()
        .filter(|r| r.meta.is_live())
        .collect();
    sort_by(&mut list, |a, b| {
        newest_first(
            (a.meta.created_at, a.meta.id),
            (b.meta.created_at, b.meta.id),
        )
    });
    let mut groups: Vec<WeekGroup> = Vec::new();
    for r in list {
        let day = r.meta.day_written(&offset_at);
        let w = day.iso_week();
        match groups.last_mut() {
            Some(g) if g.iso_year == w.year() && g.iso_week == w.week() => g.reflections.push(r),
            _ => groups.push(WeekGroup {
                iso_year: w.year(),
                iso_week: w.week(),
                monday: NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon).unwrap_or(day),
                reflections: vec![r],
            }),
        }
    }
    groups
}

/// The opening of a reflection for a list: its first line, cut at a word boundary within
/// `max` characters and marked with "…" when anything was left out.
pub fn excerpt(text: &str, max: usize) -> String {
    let first = text.trim().lines().next().unwrap_or("").trim();
    let more_lines = text.trim().lines().nth(1).is_some();
    if first.chars().count() <= max {
        return if more_lines {
            format!("{first} …")
        } else {
            first.to_owned()
        };
    }
    let cut = first
        .char_indices()
        .nth(max)
        .map_or(first.len(), |(i, _)| i);
    let head = &first[..cut];
    // Back to the last space, unless the first word alone is longer than `max`.
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
    )
}
