#![cfg(not(target_arch = "wasm32"))]
//! GROW coaching-session notes (docs/METHOD.md): the way forward becoming actions with their
//! dates, the rules every answer follows, what a refusal leaves, newest first, deletion, and
//! how notes travel in plan files (to both sides) without breaking the files an earlier build
//! reads.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use std::path::PathBuf;
use uuid::Uuid;
use waymark::core::grow::{GrowDraft, WayStep, MAX_OPTIONS};
use waymark::core::sample::seeded_plan;
use waymark::core::{Author, CoreError, DocKind, Plan};
use waymark::exchange::export::{
    plan_file, plan_for_client_file, progress_report_file, template_file,
};
use waymark::exchange::parse_plan_file;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn plan() -> (Plan, Uuid) {
    let p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    let gid = p.live_goals()[0].meta.id;
    (p, gid)
}

fn step(what: &str, due: Option<NaiveDate>) -> WayStep {
    WayStep {
        what: what.into(),
        due,
        action_id: None,
    }
}

fn note(goal_id: Option<Uuid>) -> GrowDraft {
    GrowDraft {
        held_on: day(2),
        goal_id,
        session_goal: "Decide how to get interviews".into(),
        reality: "Twelve applications, no replies.\nPortfolio is two years old.".into(),
        options: vec![
            "Ask for referrals".into(),
            "Refresh the portfolio".into(),
            "Apply to smaller studios".into(),
        ],
        chosen: Some(1),
        way_forward: vec![
            step("Redo the two best case studies", Some(day(16))),
            step("Ask Sam for a portfolio review", None),
        ],
    }
}

#[test]
fn each_way_forward_step_becomes_an_action_with_its_date_for_the_notes_goal() {
    let (mut p, gid) = plan();
    let before = p.actions_of(gid).count();
    let t = p
        .save_grow_note(None, note(Some(gid)), now(), Author::Coach)
        .unwrap();
    let nid = t.id_of(DocKind::GrowNote).unwrap();
    assert_eq!(p.grow_note(nid).unwrap().author, Author::Coach);

    let t = p
        .grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap();
    let aid = t.id_of(DocKind::Action).unwrap();
    let a = p.action(aid).unwrap();
    assert_eq!(a.fields.title, "Redo the two best case studies");
    assert_eq!(a.fields.due, Some(day(16)));
    assert_eq!(a.fields.goal_id, Some(gid));
    assert!(
        t.id_of(DocKind::GrowNote).is_some(),
        "the link is saved too"
    );
    let n = p.grow_note(nid).unwrap();
    assert_eq!(n.fields.way_forward[0].action_id, Some(aid));
    assert_eq!(n.fields.way_forward[1].action_id, None);
    // The author stays who wrote the note, whoever changed it since.
    assert_eq!(n.author, Author::Coach);

    // Asking again gives the same action, not a second one.
    let again = p
        .grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap();
    assert_eq!(again.id_of(DocKind::Action), Some(aid));
    // The undated step becomes an undated action.
    let t = p
        .grow_step_to_action(nid, 1, now(), Author::Client)
        .unwrap();
    let second = p.action(t.id_of(DocKind::Action).unwrap()).unwrap();
    assert_eq!(second.fields.due, None);
    assert_eq!(p.actions_of(gid).count(), before + 2);
    // A step that is not there is a clear refusal that changes nothing.
    let kept = p.clone();
    assert!(matches!(
        p.grow_step_to_action(nid, 5, now(), Author::Client),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(p, kept);
}

#[test]
fn a_changed_note_keeps_the_actions_of_the_steps_that_keep_their_words() {
    let (mut p, gid) = plan();
    let t = p
        .save_grow_note(None, note(Some(gid)), now(), Author::Client)
        .unwrap();
    let nid = t.id_of(DocKind::GrowNote).unwrap();
    let aid = p
        .grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap()
        .id_of(DocKind::Action)
        .unwrap();

    // Changed in the app, which knows nothing of the links: a new date for the first step, the
    // second step reworded, a third added, and another option chosen.
    let mut changed = note(Some(gid));
    changed.chosen = Some(2);
    changed.way_forward = vec![
        step("Redo the two best case studies", Some(day(20))),
        step("Ask Sam and Priya for a portfolio review", None),
        step("Send three applications", None),
    ];
    p.save_grow_note(Some(nid), changed, now(), Author::Coach)
        .unwrap();
    let n = p.grow_note(nid).unwrap();
    let links: Vec<Option<Uuid>> = n.fields.way_forward.iter().map(|s| s.action_id).collect();
    assert_eq!(links, [Some(aid), None, None]);
    assert_eq!(n.fields.chosen, Some(2));
    assert_eq!(n.author, Author::Client, "still the client's note");
    // Asking for the first step's action again gives the same one.
    let again = p
        .grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap();
    assert_eq!(again.id_of(DocKind::Action), Some(aid));
}

#[test]
fn a_note_about_no_goal_or_a_deleted_goal_gives_an_action_for_the_whole_plan() {
    let d = note(None);
    let a = d.action_draft(0).unwrap();
    assert_eq!(a.goal_id, None);
    assert_eq!(a.due, Some(day(16)));
    assert_eq!(a.title, "Redo the two best case studies");
    assert!(d.action_draft(2).is_none());

    let (mut p, gid) = plan();
    let t = p
        .save_grow_note(None, note(Some(gid)), now(), Author::Client)
        .unwrap();
    let nid = t.id_of(DocKind::GrowNote).unwrap();
    p.delete_goal(gid, now(), Author::Client).unwrap();
    // The note is about the session and stays; its step now serves the whole plan.
    assert!(p.grow_note(nid).is_some());
    let t = p
        .grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap();
    let a = p.action(t.id_of(DocKind::Action).unwrap()).unwrap();
    assert_eq!(a.fields.goal_id, None);
}

#[test]
fn answers_are_optional_but_not_all_of_them_and_follow_the_text_rules() {
    let (mut p, _) = plan();
    let kept = p.clone();
    let refused = |p: &mut Plan, d: GrowDraft| p.save_grow_note(None, d, now(), Author::Client);

    let empty = GrowDraft {
        held_on: day(2),
        ..GrowDraft::default()
    };
    assert_eq!(
        refused(&mut p, empty.clone()),
        Err(CoreError::Required {
            field: "At least one answer"
        })
    );
    let mut d = empty.clone();
    d.session_goal = "   \u{200b} ".into();
    assert!(refused(&mut p, d).is_err(), "invisible text says nothing");

    let mut d = note(None);
    d.options.push("  ".into());
    assert_eq!(
        refused(&mut p, d),
        Err(CoreError::Required { field: "An option" })
    );
    let mut d = note(None);
    d.chosen = Some(3);
    assert_eq!(refused(&mut p, d), Err(CoreError::ChosenNotAnOption));
    let mut d = note(None);
    d.options = (0..=MAX_OPTIONS).map(|i| format!("Option {i}")).collect();
    d.chosen = None;
    assert!(matches!(refused(&mut p, d), Err(CoreError::TooMany { .. })));
    let mut d = note(None);
    d.session_goal = "two\nlines".into();
    assert_eq!(
        refused(&mut p, d),
        Err(CoreError::NotOneLine {
            field: "The goal of the session"
        })
    );
    let mut d = note(None);
    d.reality = "a null \u{0} byte".into();
    assert!(matches!(
        refused(&mut p, d),
        Err(CoreError::ControlCharacter { .. })
    ));
    let mut d = note(None);
    d.way_forward.push(step("", None));
    assert!(refused(&mut p, d).is_err());
    let mut d = note(None);
    d.way_forward[0].due = NaiveDate::from_ymd_opt(3000, 1, 1);
    assert!(matches!(
        refused(&mut p, d),
        Err(CoreError::DateOutOfRange { .. })
    ));
    let mut d = note(None);
    d.session_goal = "x".repeat(201);
    assert!(matches!(refused(&mut p, d), Err(CoreError::TooLong { .. })));
    let d = note(Some(Uuid::from_u128(7)));
    assert!(matches!(
        refused(&mut p, d),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(p, kept, "every refusal leaves the plan as it was");

    // One answer alone is a note.
    let mut only_options = empty;
    only_options.options = vec!["Wait a month".into()];
    assert!(refused(&mut p, only_options).is_ok());
}

#[test]
fn notes_list_newest_session_first_and_a_deleted_one_keeps_no_words() {
    let (mut p, _) = plan();
    let mut ids = Vec::new();
    for (d, goal) in [(5, "Fifth"), (20, "Twentieth"), (9, "Ninth")] {
        let mut n = note(None);
        n.held_on = day(d);
        n.session_goal = goal.into();
        let t = p.save_grow_note(None, n, now(), Author::Client).unwrap();
        ids.push(t.id_of(DocKind::GrowNote).unwrap());
    }
    let order: Vec<&str> = p
        .grow_notes_newest_first()
        .iter()
        .map(|n| n.fields.session_goal.as_str())
        .collect();
    assert_eq!(order, ["Twentieth", "Ninth", "Fifth"]);

    // Saving again with an id changes that note.
    let mut d = p.grow_note(ids[0]).unwrap().fields.clone();
    d.session_goal = "Fifth, renamed".into();
    p.save_grow_note(Some(ids[0]), d, now(), Author::Coach)
        .unwrap();
    assert_eq!(p.grow_notes_newest_first().len(), 3);
    assert_eq!(
        p.grow_note(ids[0]).unwrap().fields.session_goal,
        "Fifth, renamed"
    );

    p.delete_grow_note(ids[1], now(), Author::Client).unwrap();
    assert_eq!(p.grow_notes_newest_first().len(), 2);
    let file = String::from_utf8(plan_file(&p, now(), Author::Client).to_json()).unwrap();
    assert!(
        !file.contains("Twentieth"),
        "a deleted note's words are gone"
    );
    assert!(file.contains(&ids[1].to_string()), "its tombstone travels");
    assert!(matches!(
        p.delete_grow_note(ids[1], now(), Author::Client),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn a_template_has_no_session_notes() {
    let (mut p, _) = plan();
    p.save_grow_note(None, note(None), now(), Author::Coach)
        .unwrap();
    let t = template_file(&p, now(), Author::Coach);
    assert!(t.plan.grow_notes.is_empty());
    let mut tp = parse_plan_file(&t.to_json()).unwrap().plan;
    assert_eq!(
        tp.save_grow_note(None, note(None), now(), Author::Coach),
        Err(CoreError::NotInTemplate {
            what: "session notes"
        })
    );
}

fn top_keys(bytes: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

/// A plan without notes writes the keys of the version-1 fixture, which the previous build
/// reads; one with notes carries them under `grow_notes`, whole through files and storage, and
/// to both sides: session notes are shared notes.
#[test]
fn notes_travel_to_both_sides_and_a_plan_without_them_writes_the_previous_file() {
    let fixture = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/plan-files/v1-sample.waymark.json"),
    )
    .unwrap();
    let (mut p, gid) = plan();
    let without = plan_file(&p, now(), Author::Client).to_json();
    assert_eq!(top_keys(&without), top_keys(&fixture));
    assert!(!String::from_utf8_lossy(&without).contains("grow_notes"));

    let t = p
        .save_grow_note(None, note(Some(gid)), now(), Author::Client)
        .unwrap();
    let nid = t.id_of(DocKind::GrowNote).unwrap();
    p.grow_step_to_action(nid, 0, now(), Author::Client)
        .unwrap();
    let with = plan_file(&p, now(), Author::Client).to_json();
    assert!(top_keys(&with).contains(&"grow_notes".to_owned()));
    assert_eq!(parse_plan_file(&with).unwrap().plan, p);
    assert_eq!(Plan::from_documents(p.id(), &p.to_documents()).unwrap(), p);

    let report = progress_report_file(&p, &[], now(), Author::Client);
    assert_eq!(
        report.plan.grow_notes, p.grow_notes,
        "in the client's report"
    );
    let for_client = plan_for_client_file(&p, now(), Author::Coach);
    assert_eq!(
        for_client.plan.grow_notes, p.grow_notes,
        "in the coach's copy"
    );
}

#[test]
fn an_imported_note_follows_the_same_rules() {
    let (mut p, _) = plan();
    p.save_grow_note(None, note(None), now(), Author::Client)
        .unwrap();
    let text = String::from_utf8(plan_file(&p, now(), Author::Client).to_json()).unwrap();
    let bad = text.replacen("\"chosen\": 1", "\"chosen\": 7", 1);
    assert_ne!(bad, text);
    let e = parse_plan_file(bad.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("grow_notes[0]"), "{e}");
    let blank = text.replacen("\"Ask for referrals\"", "\"\"", 1);
    assert!(parse_plan_file(blank.as_bytes()).is_err());
    let unknown = text.replacen("\"chosen\": 1", "\"chosen\": 1, \"mood\": 3", 1);
    assert!(parse_plan_file(unknown.as_bytes()).is_err());
}

#[test]
fn the_markdown_shows_each_goals_woop_and_the_session_notes_newest_first() {
    use waymark::core::woop::WoopDraft;
    use waymark::exchange::markdown::plan_markdown;
    let (mut p, gid) = plan();
    p.save_woop(
        gid,
        WoopDraft {
            wish: "A UX role".into(),
            outcome: "Work I am proud of".into(),
            obstacle: "I put off applying".into(),
            plan: "send one before lunch".into(),
        },
        now(),
        Author::Client,
    )
    .unwrap();
    let mut older = note(Some(gid));
    older.held_on = day(1);
    older.session_goal = "An older session".into();
    p.save_grow_note(None, older, now(), Author::Client)
        .unwrap();
    p.save_grow_note(None, note(Some(gid)), now(), Author::Coach)
        .unwrap();
    let md = plan_markdown(&p, now());
    assert!(md.contains("#### WOOP"), "{md}");
    assert!(md.contains("- **Wish:** A UX role"));
    assert!(md.contains("- **Plan:** If I put off applying, then I will send one before lunch"));
    assert!(md.contains("## Session notes (GROW)"));
    assert!(md.contains("### 2026-03-02 (written by the coach)"));
    assert!(md.contains("**Goal of the session:** Decide how to get interviews"));
    assert!(md.contains("- Refresh the portfolio (chosen)"));
    assert!(md.contains("- Ask for referrals\n"));
    assert!(md.contains("- Redo the two best case studies (by 2026-03-16)"));
    let newer = md.find("Decide how to get interviews").unwrap();
    let older = md.find("An older session").unwrap();
    assert!(newer < older, "newest first");
}
