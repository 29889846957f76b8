//! Adaptations: every deliberate change to a goal or the plan's strategy, with its reason. The
//! plan's history is this list, so a coach and client can see how and why the plan evolved.

use super::document::DocKind;
use super::errors::CoreError;
use super::limits;
use super::meta::Meta;
use super::record::{record, titled};
use super::sorting::sort_by;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    TargetChanged,
    StrategyChanged,
    StatusChanged,
    GoalDropped,
    GoalAdded,
    Edited,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adaptation {
    pub meta: Meta,
    /// `None` for a change to the plan as a whole.
    pub goal_id: Option<Uuid>,
    pub change: ChangeKind,
    /// Short, readable summaries of the state before and after.
    pub before: String,
    pub after: String,
    pub reason: String,
}

impl Adaptation {
    fn check(&self) -> Result<(), CoreError> {
        limits::long("The 'before' summary", &self.before)?;
        limits::long("The 'after' summary", &self.after)?;
        reason(&self.reason)
    }
}

record!(Adaptation, DocKind::Adaptation, "adaptation", |meta| {
    Adaptation {
        meta,
        goal_id: None,
        change: ChangeKind::Edited,
        before: String::new(),
        after: String::new(),
        reason: String::new(),
    }
},
    label: |r| titled("Change", &r.reason),
);

/// A reason must say something: the history is worthless without the why.
pub fn reason(text: &str) -> Result<(), CoreError> {
    if limits::is_blank(text) {
        return Err(CoreError::ReasonRequired);
    }
    limits::long("The reason", text)
}

/// The plan's history (`plan.adaptations`), newest first.
pub fn history(adaptations: &[Adaptation]) -> Vec<&Adaptation> {
    let mut list: Vec<&Adaptation> = adaptations.iter().filter(|a| a.meta.is_live()).collect();
    sort_by(&mut list, |a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(a.meta.id.cmp(&b.meta.id))
    });
    list
}

/// The history of one goal, newest first.
pub fn goal_history(adaptations: &[Adaptation], goal_id: Uuid) -> Vec<&Adaptation> {
    history(adaptations)
        .into_iter()
        .filter(|a| a.goal_id == Some(goal_id))
        .collect()
}

/// A change as a person reads it: the field named once, then what it was and what it is now,
/// dates as "30 Sep 2027". Older records wrote dates as 2027-09-30 and repeated the field
/// ("Applications sent: 0 → 20 → Applications sent: 0 → 30"); this reads those too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadableChange {
    pub field: Option<String>,
    pub before: String,
    pub after: String,
}

pub fn readable_change(before: &str, after: &str) -> ReadableChange {
    let (before, after) = (readable_dates(before), readable_dates(after));
    // One field changed: both sides start "Field: ". Several fields are one line each.
    let single = !before.contains('\n') && !after.contains('\n');
    let field = before
        .split_once(": ")
        .zip(after.split_once(": "))
        .filter(|((a, _), (b, _))| single && a == b)
        .map(|((f, x), (_, y))| (f.to_owned(), x.to_owned(), y.to_owned()));
    match field {
        Some((f, x, y)) => ReadableChange {
            field: Some(f),
            before: x,
            after: y,
        },
        None => ReadableChange {
            field: None,
            before,
            after,
        },
    }
}

/// Rewrites every ISO date (2027-09-30) in `text` as "30 Sep 2027".
fn readable_dates(text: &str) -> String {
    let b = text.as_bytes();
    let (mut out, mut i, mut last) = (String::with_capacity(text.len()), 0, 0);
    while i + 10 <= b.len() {
        let shape = b[i..i + 10].iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 10 == b.len() || !b[i + 10].is_ascii_digit());
        // All ten bytes are ASCII here, so the slice falls on character boundaries.
        if let Some(d) = (shape && alone)
            .then(|| chrono::NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d").ok())
            .flatten()
        {
            out.push_str(&text[last..i]);
            out.push_str(&d.format("%-d %b %Y").to_string());
            i += 10;
            last = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[last..]);
    out
}
