//! What the journal marks for a search: every match of the query, whatever its case, never a
//! cut character; and a snippet around the first match, on one line.
// A list of marks that holds one range is what is meant here.
#![allow(clippy::single_range_in_vec_init)]

use proptest::prelude::*;
use waymark::core::search_marks::{Marked, Searchable};

#[test]
fn every_match_is_marked_whatever_its_case() {
    let s = Searchable::new("Felt proud: FELT ready, felt calm".to_owned());
    let marks = s.matches("felt");
    let marked: Vec<&str> = marks.iter().map(|m| &s.text()[m.clone()]).collect();
    assert_eq!(marked, ["Felt", "FELT", "felt"]);
    assert!(s.matches("").is_empty(), "an empty query marks nothing");
    assert!(s.matches("absent").is_empty());
}

#[test]
fn matches_do_not_overlap() {
    let s = Searchable::new("aaaa".to_owned());
    assert_eq!(s.matches("aa"), [0..2, 2..4]);
}

#[test]
fn a_text_whose_lowercase_is_longer_is_found_but_not_marked() {
    // 'İ' lowercases to two characters: byte positions in the lowercase form are not the text's.
    let s = Searchable::new("İstanbul interview".to_owned());
    assert!(s.contains("interview"));
    assert!(s.matches("interview").is_empty());
    assert_eq!(s.snippet("interview"), None);
}

#[test]
fn letters_whose_lowercase_differs_in_length_are_never_marked_wrongly() {
    // 'ẞ' (3 bytes) lowercases to 'ß' (2) and 'İ' (2) to 'i̇' (3): the lengths even out, the
    // positions do not.
    let s = Searchable::new("ẞİ  x".to_owned());
    assert!(s.contains("  x"));
    assert!(s.matches("  x").is_empty());
}

#[test]
fn a_snippet_is_one_line_around_the_first_match_from_a_whole_word() {
    let s = Searchable::new(format!(
        "{}\nUpdated my CV\nand {}",
        "x".repeat(60),
        "y".repeat(100)
    ));
    // From the match's paragraph (the line before is another thought), to the last whole word.
    assert_eq!(
        s.snippet("my cv"),
        Some(Marked {
            text: "…Updated my CV and…".to_owned(),
            marks: vec![11..16]
        })
    );

    let long = Searchable::new(
        "Spent the whole afternoon rewriting the summary, then finally updated my CV and sent it to Priya for a read."
            .to_owned(),
    );
    let Marked { text, marks } = long.snippet("cv").expect("a snippet");
    // Forty characters before the match fall inside "rewriting": the snippet starts at the next word.
    assert_eq!(
        text,
        "…the summary, then finally updated my CV and sent it to Priya for a read."
    );
    assert_eq!(&text[marks[0].clone()], "CV");

    let whole = Searchable::new("  My CV is\tdone  ".to_owned());
    assert_eq!(
        whole.snippet("cv"),
        Some(Marked {
            text: "My CV is done".to_owned(),
            marks: vec![3..5]
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn marks_are_the_query_in_order_on_character_boundaries(
        text in "[abAB İßẞ\né]{0,24}",
        query in "[abİßé ]{1,3}",
    ) {
        let q = query.to_lowercase();
        let s = Searchable::new(text.clone());
        let marks = s.matches(&q);
        let mut at = 0;
        for m in &marks {
            prop_assert!(m.start >= at, "in order, not overlapping");
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert_eq!(text[m.clone()].to_lowercase(), q.clone());
            at = m.end;
        }
        let aligned = text.chars().all(|c| c.to_lowercase().to_string().len() == c.len_utf8());
        if aligned && text.to_lowercase().contains(&q) {
            prop_assert!(!marks.is_empty(), "a text holding the query has a mark");
            let snippet = s.snippet(&q);
            prop_assert!(snippet.is_some());
            let snippet = snippet.unwrap_or_default();
            prop_assert!(!snippet.text.contains('\n'));
            for m in &snippet.marks {
                prop_assert_eq!(snippet.text[m.clone()].to_lowercase(), q.clone());
            }
        }
    }
}
