//! Journal rules the screens rely on: prompts, tag filtering in the search index, and what
//! happens to words that were written but not yet saved when the page went away.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::HashSet;
use uuid::Uuid;
use waymark::core::journal::{JournalIndex, ReflectionDraft};
use waymark::core::journal_draft::{Resume, UnsavedReflection};
use waymark::core::prompts::{prompt_for_day, REFLECTION_PROMPTS};
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, DocKind, Plan, PlanKind};

const WHO: Author = Author::Client;

fn t(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, d, h, 0, 0).unwrap()
}

fn draft(text: &str, tags: &[&str]) -> ReflectionDraft {
    ReflectionDraft {
        text: text.into(),
        tags: tags.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn prompts_are_questions_and_one_a_day_rotates() {
    assert!(REFLECTION_PROMPTS.len() >= 6);
    assert!(REFLECTION_PROMPTS
        .iter()
        .all(|p| p.ends_with('?') && p.len() < 80));
    let unique: HashSet<_> = REFLECTION_PROMPTS.iter().collect();
    assert_eq!(unique.len(), REFLECTION_PROMPTS.len());
    let day = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    assert_eq!(prompt_for_day(day), prompt_for_day(day));
    assert_ne!(prompt_for_day(day), prompt_for_day(day.succ_opt().unwrap()));
    let seen: HashSet<_> = (0..REFLECTION_PROMPTS.len() as u64)
        .map(|i| prompt_for_day(day + chrono::Days::new(i)))
        .collect();
    assert_eq!(
        seen.len(),
        REFLECTION_PROMPTS.len(),
        "every prompt comes round"
    );
    // Dates before the common era do not panic.
    prompt_for_day(NaiveDate::from_ymd_opt(-5, 1, 1).unwrap());
}

#[test]
fn search_can_be_limited_to_one_tag() {
    let mut p = Plan::new("J", PlanKind::ClientPlan, t(1, 9), WHO).unwrap();
    let a = p
        .add_reflection(draft("Coffee with a mentor", &["Network"]), t(2, 9), WHO)
        .unwrap();
    let b = p
        .add_reflection(
            draft("Networking event was loud", &["events"]),
            t(3, 9),
            WHO,
        )
        .unwrap();
    let c = p
        .add_reflection(draft("Mentor call", &[" network ", "calls"]), t(4, 9), WHO)
        .unwrap();
    let [a, b, c] = [a, b, c].map(|x| x.id_of(DocKind::Reflection).unwrap());
    let idx = JournalIndex::build(&p.reflections);
    // A text search finds tags too; the tag filter matches the whole tag, ignoring case.
    assert_eq!(idx.search("network"), [c, b, a]);
    assert_eq!(idx.search_tagged("", Some("NETWORK")), [c, a]);
    assert_eq!(idx.search_tagged("mentor call", Some("network")), [c]);
    assert_eq!(idx.search_tagged("", Some("netw")), Vec::<Uuid>::new());
    assert_eq!(idx.search_tagged("loud", None), [b]);
}

#[test]
fn tag_filter_over_thousands_stays_newest_first() {
    let p = seeded_plan(1, 0, 0, 3_000, 11).unwrap();
    let idx = JournalIndex::build(&p.reflections);
    let hits = idx.search_tagged("felt", Some("money"));
    let expected = p
        .reflections
        .iter()
        .filter(|r| r.fields.tags.iter().any(|t| t == "money"))
        .count();
    assert_eq!(hits.len(), expected);
    assert!(expected > 100);
    let times: Vec<_> = hits
        .iter()
        .map(|id| p.reflection(*id).unwrap().meta.created_at)
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
}

/// A plan holding one saved reflection at revision 3.
fn saved() -> (Plan, Uuid) {
    let mut p = Plan::new("J", PlanKind::ClientPlan, t(1, 9), WHO).unwrap();
    let id = p
        .add_reflection(draft("First words", &[]), t(2, 9), WHO)
        .unwrap()
        .id_of(DocKind::Reflection)
        .unwrap();
    p.mark_saved_revs(&[(id, 3)]);
    (p, id)
}

fn unsaved(id: Uuid, base_rev: u64, text: &str) -> UnsavedReflection {
    UnsavedReflection {
        id,
        base_rev,
        saving: None,
        fields: draft(text, &[]),
    }
}

#[test]
fn unsaved_words_of_a_new_reflection_are_saved_as_new() {
    let p = Plan::new("J", PlanKind::ClientPlan, t(1, 9), WHO).unwrap();
    let u = unsaved(Uuid::new_v4(), 0, "Half a sent");
    assert_eq!(
        u.resume(&p),
        Resume::Save {
            exists: false,
            base_rev: 0
        }
    );
    assert_eq!(unsaved(u.id, 0, "  \n").resume(&p), Resume::Discard);
}

#[test]
fn unsaved_words_on_the_current_revision_are_saved_over_it() {
    let (p, id) = saved();
    assert_eq!(
        unsaved(id, 3, "First words and more").resume(&p),
        Resume::Save {
            exists: true,
            base_rev: 3
        }
    );
    assert_eq!(unsaved(id, 3, "First words").resume(&p), Resume::Discard);
}

#[test]
fn a_save_that_landed_before_the_page_went_away_counts_as_ours() {
    let (p, id) = saved();
    // The tab was saving "First words" on revision 2 and had more typed; the save landed (rev 3).
    let mut u = unsaved(id, 2, "First words, then some");
    u.saving = Some(draft("First words", &[]));
    assert_eq!(
        u.resume(&p),
        Resume::Save {
            exists: true,
            base_rev: 3
        }
    );
    // The same words as stored: nothing to do.
    let mut same = unsaved(id, 2, "First words");
    same.saving = Some(draft("First", &[]));
    assert_eq!(same.resume(&p), Resume::Discard);
}

#[test]
fn a_change_made_elsewhere_is_never_overwritten_silently() {
    let (mut p, id) = saved();
    assert_eq!(unsaved(id, 2, "Mine").resume(&p), Resume::EditedElsewhere);
    let mut u = unsaved(id, 2, "Mine");
    u.saving = Some(draft("Something else", &[]));
    assert_eq!(u.resume(&p), Resume::EditedElsewhere);
    p.delete_reflection(id, t(5, 9), WHO).unwrap();
    assert_eq!(unsaved(id, 3, "Mine").resume(&p), Resume::DeletedElsewhere);
    assert_eq!(unsaved(id, 3, "").resume(&p), Resume::Discard);
}

#[test]
fn unsaved_words_survive_json() {
    let mut u = unsaved(Uuid::new_v4(), 7, "Emoji ✅ and عربى");
    u.saving = Some(draft("Emoji", &["a"]));
    let back: UnsavedReflection =
        serde_json::from_str(&serde_json::to_string(&u).unwrap()).unwrap();
    assert_eq!(back, u);
}
