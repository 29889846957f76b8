#![cfg(not(target_arch = "wasm32"))]
//! The coaching methods' rules (docs/METHOD.md): WOOP answers, its if-then plan becoming an
//! action linked back, what a refusal leaves, and how WOOPs travel in plan files without
//! breaking the files an earlier build reads.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;
use std::path::PathBuf;
use uuid::Uuid;
use waymark::core::sample::seeded_plan;
use waymark::core::woop::WoopDraft;
use waymark::core::{Author, CoreError, DocKind, Plan};
use waymark::exchange::export::{plan_file, template_file};
use waymark::exchange::parse_plan_file;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn plan() -> (Plan, Uuid) {
    let p = seeded_plan(2, 1, 1, 1, 3).unwrap();
    let gid = p.live_goals()[0].meta.id;
    (p, gid)
}

fn woop(wish: &str, outcome: &str, obstacle: &str, plan: &str) -> WoopDraft {
    WoopDraft {
        wish: wish.into(),
        outcome: outcome.into(),
        obstacle: obstacle.into(),
        plan: plan.into(),
    }
}

#[test]
fn a_woop_plan_becomes_an_action_with_its_if_then_linked_back() {
    let (mut p, gid) = plan();
    let actions_before = p.actions_of(gid).count();
    let d = woop(
        "A UX role by summer",
        "Work I'm proud of",
        "I put off applications when I feel unready",
        "send one application before lunch",
    );
    p.save_woop(gid, d, now(), Author::Client).unwrap();
    let t = p.woop_to_action(gid, now(), Author::Client).unwrap();
    let aid = t.id_of(DocKind::Action).unwrap();
    let a = p.action(aid).unwrap();
    assert_eq!(a.fields.title, "send one application before lunch");
    assert_eq!(a.fields.goal_id, Some(gid));
    let it = a.fields.if_then.as_ref().unwrap();
    assert_eq!(it.when, "I put off applications when I feel unready");
    assert_eq!(it.then, "send one application before lunch");
    assert_eq!(p.woop_of(gid).unwrap().action_id, Some(aid));
    assert!(t.id_of(DocKind::Woop).is_some(), "the link is saved too");
    // Asking again gives the same action, not a second one.
    let again = p.woop_to_action(gid, now(), Author::Client).unwrap();
    assert_eq!(again.id_of(DocKind::Action), Some(aid));
    assert_eq!(p.actions_of(gid).count(), actions_before + 1);
}

#[test]
fn the_if_then_needs_both_the_obstacle_and_the_plan() {
    assert!(woop("w", "", "", "act").action_draft(Uuid::nil()).is_none());
    assert!(woop("w", "", "doubt", " ")
        .action_draft(Uuid::nil())
        .is_none());
    let d = woop("", "", "  doubt ", " act ")
        .action_draft(Uuid::nil())
        .unwrap();
    assert_eq!(d.if_then.unwrap().when, "doubt", "answers are trimmed");
    let (mut p, gid) = plan();
    p.save_woop(gid, woop("Only a wish", "", "", ""), now(), Author::Client)
        .unwrap();
    let before = p.clone();
    let e = p.woop_to_action(gid, now(), Author::Client).unwrap_err();
    assert!(e.to_string().contains("the obstacle and the plan"), "{e}");
    assert_eq!(p, before, "a refusal changes nothing");
}

#[test]
fn answers_are_optional_but_not_all_of_them_and_follow_the_text_rules() {
    let (mut p, gid) = plan();
    let before = p.clone();
    let e = p
        .save_woop(gid, woop(" ", "\u{200b}", "", ""), now(), Author::Client)
        .unwrap_err();
    assert_eq!(
        e,
        CoreError::Required {
            field: "At least one answer"
        }
    );
    let e = p
        .save_woop(gid, woop("two\nlines", "", "", ""), now(), Author::Client)
        .unwrap_err();
    assert_eq!(e, CoreError::NotOneLine { field: "The wish" });
    let long = "x".repeat(201);
    assert!(p
        .save_woop(gid, woop("", "", &long, ""), now(), Author::Client)
        .is_err());
    assert_eq!(p, before);
    // The outcome is free text: line breaks are fine.
    p.save_woop(
        gid,
        woop("", "line one\nline two", "", ""),
        now(),
        Author::Client,
    )
    .unwrap();
}

#[test]
fn saving_again_edits_the_goals_woop_and_deleting_the_goal_erases_it() {
    let (mut p, gid) = plan();
    p.save_woop(gid, woop("first", "", "", ""), now(), Author::Client)
        .unwrap();
    p.save_woop(gid, woop("second", "", "", ""), now(), Author::Client)
        .unwrap();
    assert_eq!(p.woops.len(), 1);
    assert_eq!(p.woop_of(gid).unwrap().fields.wish, "second");
    p.delete_goal(gid, now(), Author::Client).unwrap();
    assert!(p.woop_of(gid).is_none());
    assert!(p.woops[0].meta.deleted && p.woops[0].fields.wish.is_empty());
}

#[test]
fn a_template_has_no_woop() {
    let (mut p, gid) = plan();
    p.save_woop(gid, woop("mine", "", "", ""), now(), Author::Client)
        .unwrap();
    let t = template_file(&p, now(), Author::Coach);
    assert!(t.plan.woops.is_empty());
    let mut tp = parse_plan_file(&t.to_json()).unwrap().plan;
    let g = tp.live_goals()[0].meta.id;
    assert_eq!(
        tp.save_woop(g, woop("w", "", "", ""), now(), Author::Coach),
        Err(CoreError::NotInTemplate { what: "a WOOP" })
    );
}

fn top_keys(bytes: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

/// The file written by the build before WOOPs (the version-1 fixture) has the same keys as a
/// plan without WOOPs written now, so that build, which refuses unknown keys, reads it; a plan
/// with a WOOP carries it under `woops` and reads back whole, through storage too.
#[test]
fn a_plan_without_woops_writes_the_file_the_previous_build_reads() {
    let fixture = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/plan-files/v1-sample.waymark.json"),
    )
    .unwrap();
    let (mut p, gid) = plan();
    let without = plan_file(&p, now(), Author::Client).to_json();
    assert_eq!(top_keys(&without), top_keys(&fixture));
    assert!(!String::from_utf8_lossy(&without).contains("woop"));

    p.save_woop(gid, woop("w", "o", "ob", "pl"), now(), Author::Client)
        .unwrap();
    p.woop_to_action(gid, now(), Author::Client).unwrap();
    let with = plan_file(&p, now(), Author::Client).to_json();
    assert!(top_keys(&with).contains(&"woops".to_owned()));
    assert_eq!(parse_plan_file(&with).unwrap().plan, p);
    assert_eq!(Plan::from_documents(p.id(), &p.to_documents()).unwrap(), p);
}

#[test]
fn an_imported_woop_follows_the_same_rules() {
    let (mut p, gid) = plan();
    p.save_woop(gid, woop("w", "", "", ""), now(), Author::Client)
        .unwrap();
    let text = String::from_utf8(plan_file(&p, now(), Author::Client).to_json()).unwrap();
    let bad = text.replacen("\"wish\": \"w\"", "\"wish\": \"\"", 1);
    let e = parse_plan_file(bad.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("woops[0]"), "{e}");
    let unknown = text.replacen("\"wish\": \"w\"", "\"wish\": \"w\", \"mood\": 3", 1);
    assert!(parse_plan_file(unknown.as_bytes()).is_err());
}

// ---- reflection models ------------------------------------------------------------------------

use waymark::core::journal::{JournalIndex, ReflectionDraft};
use waymark::core::reflection_models::ReflectionModel;

fn answers(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_models_stages_are_one_text_with_headings_and_empty_stages_left_out() {
    let m = ReflectionModel::Rolfe;
    let text = m.compose(&answers(&[
        "The interview ran long",
        "  ",
        "Ask for the format first\nand prepare two stories",
    ]));
    assert_eq!(
        text,
        "What?\nThe interview ran long\n\nNow what?\nAsk for the format first\nand prepare two stories"
    );
    assert_eq!(m.compose(&answers(&["", " ", "\u{200b}"])), "");
    assert_eq!(
        ReflectionModel::Gibbs
            .stages()
            .iter()
            .map(|s| s.heading)
            .collect::<Vec<_>>(),
        [
            "Description",
            "Feelings",
            "Evaluation",
            "Analysis",
            "Conclusion",
            "Action plan"
        ]
    );
}

#[test]
fn the_stages_read_back_from_the_text_and_nothing_is_lost() {
    let m = ReflectionModel::Gibbs;
    let a = answers(&[
        "Panel interview",
        "Nervous\nthen calm",
        "",
        "I had prepared",
        "",
        "Prepare again",
    ]);
    assert_eq!(m.stages_of(&m.compose(&a)), a);
    // Text written without the stages goes to the first one.
    assert_eq!(m.stages_of("Just a note")[0], "Just a note");
    // A heading word inside an answer is not a heading.
    let r = ReflectionModel::Rolfe;
    let a = answers(&["I asked: What? twice", "It matters", "Call Sam"]);
    assert_eq!(r.stages_of(&r.compose(&a)), a);
}

#[test]
fn search_finds_every_stage_and_the_model_by_name() {
    let (mut p, _) = plan();
    let m = ReflectionModel::Gibbs;
    let a = answers(&[
        "Portfolio review",
        "proud",
        "",
        "clear story",
        "",
        "ask Dana for feedback",
    ]);
    let d = ReflectionDraft {
        text: m.compose(&a),
        prompt: Some(m.name().to_owned()),
        ..ReflectionDraft::default()
    };
    let t = p.add_reflection(d, now(), Author::Client).unwrap();
    let id = t.id_of(DocKind::Reflection).unwrap();
    let index = JournalIndex::build(&p.reflections);
    for q in [
        "portfolio review",
        "proud",
        "clear story",
        "dana",
        "feelings",
        "gibbs",
    ] {
        assert!(index.search(q).contains(&id), "{q}");
    }
    let r = p.reflection(id).unwrap();
    assert_eq!(
        ReflectionModel::of_prompt(r.fields.prompt.as_deref()),
        Some(m)
    );
    assert_eq!(m.stages_of(&r.fields.text), a);
}

#[test]
fn the_next_step_becomes_an_action() {
    let r = ReflectionModel::Rolfe;
    let d = r
        .action_draft(
            &answers(&["", "", "\n  Call Sam about the referral  \nthen prepare"]),
            None,
        )
        .unwrap();
    assert_eq!(d.title, "Call Sam about the referral");
    assert!(d.check().is_ok());
    assert!(r.action_draft(&answers(&["x", "y", " "]), None).is_none());
    let long = "a".repeat(500);
    let d = ReflectionModel::Gibbs
        .action_draft(&answers(&["", "", "", "", "", &long]), Some(Uuid::nil()))
        .unwrap();
    assert!(d.check().is_ok(), "clipped to a title");
    assert_eq!(d.goal_id, Some(Uuid::nil()));
}

// ---- goal revision cadence --------------------------------------------------------------------

use chrono::NaiveDate;
use waymark::core::revision::{goals_behind_pace, Revision};
use waymark::core::sample::sample_plan;

#[test]
fn goals_behind_pace_are_the_active_ones_with_a_kpi_behind_its_line() {
    let p = sample_plan(now()).unwrap();
    let day = now().date_naive();
    let behind = goals_behind_pace(&p, day);
    for g in &behind {
        let progress = waymark::core::progress::goal_progress(&p, g, day);
        assert_eq!(progress.pace, Some(waymark::core::progress::Pace::Behind));
        assert_eq!(g.status, waymark::core::goal::GoalStatus::Active);
    }
    let titles: Vec<&str> = behind.iter().map(|g| g.fields.title.as_str()).collect();
    assert!(
        !titles.is_empty(),
        "the sample plan has a goal behind pace to review"
    );
    // Pausing it takes it off the list.
    let mut q = p.clone();
    let id = behind[0].meta.id;
    q.adapt_goal(
        id,
        waymark::core::goal::GoalChange::Status(waymark::core::goal::GoalStatus::Paused),
        "Away for a month",
        now(),
        Author::Client,
    )
    .unwrap();
    assert!(goals_behind_pace(&q, day).iter().all(|g| g.meta.id != id));
}

#[test]
fn each_revision_leads_into_its_adapt_change_with_the_reason_started() {
    let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert_eq!(Revision::Keep.adapt_change(), None);
    assert_eq!(Revision::ChangeTarget.adapt_change(), Some("target_date"));
    assert_eq!(Revision::ChangeStrategy.adapt_change(), Some("strategy"));
    assert_eq!(Revision::Drop.adapt_change(), Some("drop"));
    assert_eq!(
        Revision::Drop.reason(d),
        "Behind pace at the review of 2 Mar 2026; dropped because "
    );
    for r in Revision::ALL {
        assert_eq!(Revision::of_slug(r.slug()), Some(r));
        // The prefilled reason passes the same rule as a typed one (it says something).
        assert!(!waymark::core::limits::is_blank(&r.reason(d)));
    }
}

#[test]
fn a_template_does_not_pass_a_models_name_on_as_a_coach_prompt() {
    let (mut p, _) = plan();
    let d = ReflectionDraft {
        text: ReflectionModel::Rolfe.compose(&answers(&["x", "", ""])),
        prompt: Some(ReflectionModel::Rolfe.name().to_owned()),
        ..ReflectionDraft::default()
    };
    p.add_reflection(d, now(), Author::Coach).unwrap();
    let t = template_file(&p, now(), Author::Coach);
    assert!(t
        .prompts
        .iter()
        .all(|q| ReflectionModel::of_prompt(Some(q)).is_none()));
}
