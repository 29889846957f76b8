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

// ---- the autosave machine ------------------------------------------------------------------

use waymark::core::journal_draft::{Autosave, Command, Conflict, DraftSlot, Pace};

fn save_of(commands: &[Command]) -> Option<(Uuid, u64, ReflectionDraft)> {
    commands.iter().find_map(|c| match c {
        Command::Save {
            id,
            base_rev,
            fields,
        } => Some((*id, *base_rev, fields.clone())),
        _ => None,
    })
}

fn type_text(a: &mut Autosave, text: &str) -> Vec<Command> {
    let text = text.to_owned();
    a.edit(move |d| d.text = text, Pace::Typing)
}

#[test]
fn autosave_keeps_every_change_at_once_and_saves_after_the_pause() {
    let id = Uuid::new_v4();
    let mut a = Autosave::new(id, ReflectionDraft::default());
    let out = type_text(&mut a, "First words");
    assert!(matches!(&out[0], Command::Keep(DraftSlot::New, u) if u.fields.text == "First words"));
    assert_eq!(out[1], Command::SaveAfter(Pace::Typing));

    let out = a.flush();
    let (sid, base, fields) = save_of(&out).expect("a save");
    assert_eq!((sid, base, fields.text.as_str()), (id, 0, "First words"));
    // While the first save runs the words stay kept, naming the save in flight.
    assert!(matches!(&out[1], Command::Keep(_, u) if u.saving.is_some()));

    let out = a.saved(1);
    assert_eq!(
        out,
        vec![
            Command::Forget(DraftSlot::New),
            Command::Forget(DraftSlot::Saved(id)),
            Command::Created(id),
        ]
    );
    assert!(a.exists() && !a.dirty());
    // Nothing new: nothing saved.
    assert!(save_of(&a.flush()).is_none());
}

#[test]
fn a_new_reflection_has_its_own_address_while_words_are_kept_or_once_stored() {
    let mut a = Autosave::new(Uuid::new_v4(), ReflectionDraft::default());
    assert!(!a.has_address(), "nothing written: /journal/new");
    type_text(&mut a, "Words");
    assert!(
        a.has_address(),
        "kept on the device, so a reload finds them there"
    );
    type_text(&mut a, "  ");
    assert!(
        !a.has_address(),
        "blank words are not kept: back to /journal/new"
    );
    type_text(&mut a, "Words again");
    save_of(&a.flush()).expect("a save");
    a.saved(1);
    type_text(&mut a, "");
    assert!(
        a.has_address(),
        "a stored reflection keeps its address even when emptied"
    );
}

#[test]
fn autosave_queues_one_more_save_for_words_typed_during_a_save() {
    let mut a = Autosave::new(Uuid::new_v4(), ReflectionDraft::default());
    type_text(&mut a, "One");
    assert!(save_of(&a.flush()).is_some());
    type_text(&mut a, "One two");
    assert!(save_of(&a.flush()).is_none(), "one save at a time");
    let out = a.saved(1);
    let (_, base, fields) = save_of(&out).expect("the later words are saved next");
    assert_eq!((base, fields.text.as_str()), (1, "One two"));
    a.saved(2);
    assert!(!a.dirty());
}

/// Ticking "Private" right after typing: the words are kept with the tick at once and saved
/// with it without waiting for a delay, so leaving the page at once loses neither.
#[test]
fn ticking_private_is_kept_and_saved_at_once() {
    let id = Uuid::new_v4();
    let mut a = Autosave::new(id, ReflectionDraft::default());
    type_text(&mut a, "Only for me");
    let out = a.edit(|d| d.private = true, Pace::Tap);
    assert!(matches!(&out[0], Command::Keep(_, u) if u.fields.private));
    assert!(!out.contains(&Command::SaveAfter(Pace::Tap)), "no delay");
    let (_, _, fields) = save_of(&out).expect("saved at once");
    assert!(fields.private && fields.text == "Only for me");
    a.saved(1);
    assert!(!a.dirty());
}

/// The same while the typing's save is still running: the tick is kept (naming the save in
/// flight, so a reload knows that save was ours) and saved as soon as that save lands.
#[test]
fn ticking_private_during_a_save_is_saved_right_after_it() {
    let (plan, id) = saved();
    let mut a = Autosave::stored(
        id,
        plan.rev_of(id),
        plan.reflection(id).unwrap().fields.clone(),
    );
    type_text(&mut a, "Rewritten");
    let first = save_of(&a.flush()).expect("the typing's save");
    let out = a.edit(|d| d.private = true, Pace::Tap);
    assert!(save_of(&out).is_none(), "one save at a time");
    let kept = out
        .iter()
        .find_map(|c| match c {
            Command::Keep(_, u) => Some(u.clone()),
            _ => None,
        })
        .expect("kept at once");
    assert!(kept.fields.private && kept.saving.as_ref() == Some(&first.2));

    // The page went away here and the typing's save landed: the kept tick is ours to save.
    let mut landed = plan.clone();
    landed
        .put_reflection(id, first.2.clone(), t(3, 9), Author::Client)
        .unwrap();
    landed.mark_saved_revs(&[(id, first.1 + 1)]);
    assert!(matches!(
        kept.resume(&landed),
        Resume::Save { exists: true, .. }
    ));

    // Or the screen stayed: the tick is saved right after.
    let (_, _, fields) = save_of(&a.saved(first.1 + 1)).expect("the tick is saved next");
    assert!(fields.private && fields.text == "Rewritten");
}

#[test]
fn autosave_never_saves_blank_words() {
    let mut a = Autosave::new(Uuid::new_v4(), ReflectionDraft::default());
    let out = type_text(&mut a, "   ");
    assert_eq!(out[0], Command::Forget(DraftSlot::New));
    assert!(save_of(&a.flush()).is_none());
}

#[test]
fn autosave_refused_stops_until_the_person_chooses_and_keeps_the_words() {
    let id = Uuid::new_v4();
    let mut a = Autosave::stored(id, 3, draft("Stored", &[]));
    type_text(&mut a, "Mine");
    a.flush();
    let out = a.refused(false);
    assert!(
        matches!(&out[0], Command::Keep(DraftSlot::Saved(i), u) if *i == id && u.fields.text == "Mine")
    );
    assert_eq!(out[1], Command::Ask(Conflict::Edited));
    type_text(&mut a, "Mine, still");
    assert!(
        save_of(&a.flush()).is_none(),
        "nothing is saved while the choice waits"
    );

    // Keep mine: saved over the version stored now.
    let out = a.keep_mine(
        Conflict::Edited,
        5,
        Some(draft("Theirs", &[])),
        Uuid::new_v4(),
    );
    let (sid, base, fields) = save_of(&out).unwrap();
    assert_eq!((sid, base, fields.text.as_str()), (id, 5, "Mine, still"));
}

#[test]
fn autosave_use_theirs_shows_the_stored_version() {
    let mut a = Autosave::stored(Uuid::new_v4(), 3, draft("Stored", &[]));
    type_text(&mut a, "Mine");
    a.flush();
    a.refused(false);
    let (out, gone) = a.use_theirs(Conflict::Edited, 5, Some(draft("Theirs", &[])));
    assert!(!gone);
    assert!(out.contains(&Command::Show(draft("Theirs", &[]))));
    assert_eq!(a.current().text, "Theirs");
    assert!(!a.dirty());
    // Saving resumes from their revision.
    type_text(&mut a, "Theirs, and more");
    assert_eq!(save_of(&a.flush()).unwrap().1, 5);
}

#[test]
fn autosave_deleted_elsewhere_keeps_the_words_as_a_new_reflection() {
    let old = Uuid::new_v4();
    let fresh = Uuid::new_v4();
    let mut a = Autosave::stored(old, 2, draft("Stored", &[]));
    type_text(&mut a, "Mine");
    assert_eq!(
        a.plan_changed(3, None),
        vec![Command::CancelTimer, Command::Ask(Conflict::Deleted)]
    );
    let out = a.keep_mine(Conflict::Deleted, 3, None, fresh);
    assert_eq!(out[0], Command::Forget(DraftSlot::Saved(old)));
    let (sid, base, _) = save_of(&out).unwrap();
    assert_eq!((sid, base), (fresh, 0));
}

#[test]
fn autosave_follows_other_tabs_when_nothing_is_unsaved() {
    let mut a = Autosave::stored(Uuid::new_v4(), 2, draft("Stored", &[]));
    // Its own save's echo (same revision) changes nothing.
    assert!(a.plan_changed(2, Some(&draft("Stored", &[]))).is_empty());
    let out = a.plan_changed(3, Some(&draft("From the other tab", &[])));
    assert!(out.contains(&Command::Show(draft("From the other tab", &[]))));
    // With unsaved words of its own, it asks instead.
    type_text(&mut a, "Mine");
    assert!(a
        .plan_changed(4, Some(&draft("Again", &[])))
        .contains(&Command::Ask(Conflict::Edited)));
}

#[test]
fn put_reflection_adds_then_updates_under_one_id() {
    let (mut plan, _) = saved();
    let id = Uuid::new_v4();
    let before = plan.reflections.len();
    plan.put_reflection(id, draft("First", &[]), t(3, 9), WHO)
        .unwrap();
    plan.put_reflection(id, draft("Second", &[]), t(3, 10), WHO)
        .unwrap();
    assert_eq!(plan.reflections.len(), before + 1);
    assert_eq!(plan.reflection(id).unwrap().fields.text, "Second");
}
