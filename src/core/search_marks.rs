//! Where a journal search's words sit in a reflection's text: the parts the list marks, and
//! the line around the first match that it shows when the title does not hold it.
//!
//! A text is lowercased once, when its row is drawn, so each keystroke only searches it.

use std::ops::Range;

/// Bytes kept before and after the first match in a snippet (about a line on a phone).
const BEFORE: usize = 40;
const AFTER: usize = 80;

/// A text and its lowercase form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Searchable {
    text: String,
    lower: String,
    /// Whether a byte position in `lower` is the same character's in `text`: only when
    /// lowercasing kept every character's length (it does not for a few letters, such as 'İ'
    /// or 'ẞ'); otherwise nothing is marked rather than risk marking the wrong characters.
    aligned: bool,
}

/// A piece of text and the byte ranges in it to mark.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Searchable {
    pub fn new(text: String) -> Self {
        let lower = text.to_lowercase();
        let aligned = text.is_ascii()
            || text
                .chars()
                .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8());
        Searchable {
            text,
            lower,
            aligned,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text holds `q` (lowercase), ignoring case.
    pub fn contains(&self, q: &str) -> bool {
        self.lower.contains(q)
    }

    /// The byte ranges of each match of `q` (lowercase) in the text, in order, not overlapping;
    /// empty for an empty query. Positions in `lower` are the text's own when it is aligned.
    pub fn matches(&self, q: &str) -> Vec<Range<usize>> {
        if q.is_empty() || !self.aligned {
            return Vec::new();
        }
        self.lower
            .match_indices(q)
            .map(|(start, _)| start..start + q.len())
            .collect()
    }

    /// About a line of the text around the first match of `q` (lowercase, not empty): from
    /// the start of the match's paragraph or a word before it, to a word end after it, on one
    /// line, with an ellipsis where text was left out, and its matches marked.
    pub fn snippet(&self, q: &str) -> Option<Marked> {
        if q.is_empty() || !self.aligned {
            return None;
        }
        let text = self.text.as_str();
        let pos = self.lower.find(q)?;
        let found_end = pos + q.len();
        let paragraph = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let mut start = pos.saturating_sub(BEFORE).max(paragraph);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        if start > paragraph && !text[..start].ends_with(char::is_whitespace) {
            // Begin at the next whole word, if one starts before the match.
            if let Some((i, c)) = text[start..pos]
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
            {
                start += i + c.len_utf8();
            }
        }
        let mut end = (found_end + AFTER).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if end < text.len() && !text[end..].starts_with(char::is_whitespace) {
            // End after the last whole word, if one ends after the match.
            if let Some(i) = text[found_end..end].rfind(char::is_whitespace) {
                end = found_end + i;
            }
        }
        let line = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text = format!(
            "{}{}{}",
            if start > 0 { "…" } else { "" },
            line,
            if end < self.text.len() { "…" } else { "" }
        );
        let marks = Searchable::new(text.clone()).matches(q);
        Some(Marked { text, marks })
    }
}
