//! Input limits shared by every verb and by loading stored documents, so that a plan in memory
//! always satisfies the same rules no matter where it came from. Text is checked, never
//! rewritten: emoji, right-to-left scripts, zero-width characters and surrounding spaces are
//! kept exactly as typed. Lengths are counted in characters (Unicode scalar values), not bytes.
//! Text that must say something must hold at least one visible character: spaces and the
//! invisible format characters of `is_invisible` alone count as empty.
//!
//! Control characters (`char::is_control`: C0, DEL and C1) are refused, never stripped: a
//! one-line text holds none at all (a text field would silently drop a line break, and saving
//! the form would then change the text behind the person's back); free text keeps line breaks
//! and tabs and holds no other.

use super::errors::CoreError;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Longest title, name, tag or other one-line text, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest free text (descriptions, notes, reflections), in characters.
pub const MAX_LONG_TEXT: usize = 20_000;
/// Largest magnitude accepted for any number, so sums and percentages stay exact enough.
pub const MAX_NUMBER: f64 = 1e12;
/// Most entries in a list such as tags, values or assessment answers.
pub const MAX_LIST: usize = 200;
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Characters that show nothing on their own: zero-width spaces and joiners, the word joiner
/// and other invisible operators, the byte-order mark, soft hyphen, direction marks, embeddings
/// and isolates, variation selectors, and Hangul fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
    )
}

/// True when the text shows nothing: empty, or only white space and invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// A one-line text that must say something.
pub fn title(field: &'static str, s: &str) -> Result<(), CoreError> {
    if is_blank(s) {
        return Err(CoreError::Required { field });
    }
    short(field, s)
}

/// A one-line text that may be empty.
pub fn short(field: &'static str, s: &str) -> Result<(), CoreError> {
    if len(s) > MAX_TITLE {
        return Err(CoreError::TooLong {
            field,
            max: MAX_TITLE,
        });
    }
    if first_refused(s, true).is_some() {
        return Err(CoreError::NotOneLine { field });
    }
    Ok(())
}

/// Free text that may be empty.
pub fn long(field: &'static str, s: &str) -> Result<(), CoreError> {
    if s.len() > MAX_LONG_TEXT && len(s) > MAX_LONG_TEXT {
        return Err(CoreError::TooLong {
            field,
            max: MAX_LONG_TEXT,
        });
    }
    if first_refused(s, false).is_some() {
        return Err(CoreError::ControlCharacter { field });
    }
    Ok(())
}

/// The control characters free text may hold: line feed, carriage return and tab.
pub fn is_free_text_control(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t')
}

/// The first character the text may not hold, with its position in characters (from 0):
/// any control character in one-line text, any but line breaks and tabs in free text.
pub fn first_refused(s: &str, one_line: bool) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && (one_line || !is_free_text_control(c)))
}

/// Free text that must say something.
pub fn long_required(field: &'static str, s: &str) -> Result<(), CoreError> {
    if is_blank(s) {
        return Err(CoreError::Required { field });
    }
    long(field, s)
}

/// A list of short texts (tags, values, strengths): bounded count, each entry non-empty.
pub fn short_list(field: &'static str, items: &[String]) -> Result<(), CoreError> {
    if items.len() > MAX_LIST {
        return Err(CoreError::TooMany {
            field,
            max: MAX_LIST,
        });
    }
    items.iter().try_for_each(|s| title(field, s))
}

pub fn list_len<T>(field: &'static str, items: &[T]) -> Result<(), CoreError> {
    if items.len() > MAX_LIST {
        return Err(CoreError::TooMany {
            field,
            max: MAX_LIST,
        });
    }
    Ok(())
}

pub fn number(field: &'static str, x: f64) -> Result<(), CoreError> {
    if !x.is_finite() {
        return Err(CoreError::NotANumber { field });
    }
    if x.abs() > MAX_NUMBER {
        return Err(CoreError::NumberTooLarge { field });
    }
    Ok(())
}

pub fn rating(field: &'static str, v: u8, min: u8, max: u8) -> Result<(), CoreError> {
    if v < min || v > max {
        return Err(CoreError::OutOfRange {
            field,
            min: min.into(),
            max: max.into(),
        });
    }
    Ok(())
}

pub fn date(field: &'static str, d: NaiveDate) -> Result<(), CoreError> {
    if d.year() < MIN_YEAR || d.year() > MAX_YEAR {
        return Err(CoreError::DateOutOfRange { field });
    }
    Ok(())
}

pub fn instant(field: &'static str, t: DateTime<Utc>) -> Result<(), CoreError> {
    date(field, t.date_naive())
}

/// Shortens generated text (history summaries) to `max` characters so that what the core
/// writes always passes the checks it applies when reading.
pub fn clip(s: String, max: usize) -> String {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if s.chars().count() > max => {
            let mut out = s[..cut].to_owned();
            out.push('…');
            out
        }
        _ => s,
    }
}
