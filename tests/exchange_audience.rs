#![cfg(not(target_arch = "wasm32"))]
//! What a person deleted or kept private never leaves the device for someone it was not meant
//! for (`exchange::audience`). For any sequence of edits, deletions and privacy flips by both
//! roles, every export kind for every audience is read as bytes and compared with the rule,
//! restated here independently of the code under test:
//! - no word of a deleted record, and no word an edit replaced, is in any file;
//! - a private reflection is in a file for its author's own use (a backup, a copy "only for
//!   me"); in a file for the coach only when the client wrote it and ticked it; in a file for
//!   the client only when the client wrote it; never in a template;
//! - what the rule allows is there: every live goal, milestone and action, and every
//!   reflection the audience may read, is in the plan files and the Markdown copy;
//! - a file opened by the other side (`received`) lands on that device with nothing of the
//!   above, even when the sender chose the wrong file (a full backup).

use crate::zones;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;
use waymark::core::journal::ReflectionDraft;
use waymark::core::sample::seeded_plan;
use waymark::core::schedule::AlarmLead;
use waymark::core::{Author, DocKind, Plan};
use waymark::exchange::csv::export_measurements_csv;
use waymark::exchange::export::{
    plan_file, plan_for_client_file, progress_report_file, template_file,
};
use waymark::exchange::ics::export_ics;
use waymark::exchange::markdown::export_markdown;
use waymark::exchange::{other_role_backup, parse_plan_file, received, Audience, PlanFile};
use zones::TzRules;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 8, 0, 0).unwrap()
}

#[derive(Clone, Debug)]
enum Op {
    /// A new reflection, written on the coach's or the client's device.
    Write {
        coach: bool,
        private: bool,
    },
    /// Rewrite the n-th reflection (new words), setting its privacy.
    Edit {
        n: usize,
        coach: bool,
        private: bool,
    },
    /// Flip the n-th reflection between private and not.
    Flip {
        n: usize,
        coach: bool,
    },
    DeleteReflection {
        n: usize,
        coach: bool,
    },
    /// Give the n-th goal (0), milestone (1) or action (2) new words, then maybe delete it.
    Step {
        what: u8,
        n: usize,
        delete: bool,
        coach: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), any::<bool>()).prop_map(|(coach, private)| Op::Write { coach, private }),
        1 => (0usize..8, any::<bool>(), any::<bool>())
            .prop_map(|(n, coach, private)| Op::Edit { n, coach, private }),
        2 => (0usize..8, any::<bool>()).prop_map(|(n, coach)| Op::Flip { n, coach }),
        1 => (0usize..8, any::<bool>()).prop_map(|(n, coach)| Op::DeleteReflection { n, coach }),
        2 => (0u8..3, 0usize..6, any::<bool>(), any::<bool>())
            .prop_map(|(what, n, delete, coach)| Op::Step { what, n, delete, coach }),
    ]
}

fn who(coach: bool) -> Author {
    if coach {
        Author::Coach
    } else {
        Author::Client
    }
}

/// Words no other part of a plan contains; the `Z` ends them, so none is part of another.
fn marker(i: usize) -> String {
    format!("Mk{i}Z")
}

#[derive(Clone, Debug)]
struct Written {
    /// The marker in its text and its tag.
    marker: String,
    private: bool,
    author: Author,
}

/// The plan after the ops, what is live in it, and every marker that is gone.
struct World {
    plan: Plan,
    reflections: HashMap<Uuid, Written>,
    /// Live goal, milestone and action markers.
    steps: Vec<String>,
    gone: HashSet<String>,
}

fn world(seed: u64, ops: &[Op]) -> World {
    let mut plan = seeded_plan(3, 4, 3, 0, seed).unwrap();
    let mut at = start();
    let mut next = 0usize;
    let mut fresh = || {
        next += 1;
        marker(next)
    };
    let mut order: Vec<Uuid> = Vec::new();
    let mut reflections: HashMap<Uuid, Written> = HashMap::new();
    let mut steps: HashMap<Uuid, String> = HashMap::new();
    let mut gone = HashSet::new();
    let draft = |m: &str, private| ReflectionDraft {
        text: format!("Words {m} here"),
        prompt: None,
        tags: vec![format!("t{m}")],
        mood: Some(3),
        private,
    };
    for op in ops {
        at += Duration::minutes(3);
        match *op {
            Op::Write { coach, private } => {
                let m = fresh();
                let id = plan
                    .add_reflection(draft(&m, private), at, who(coach))
                    .unwrap()
                    .id_of(DocKind::Reflection)
                    .unwrap();
                order.push(id);
                reflections.insert(
                    id,
                    Written {
                        marker: m,
                        private,
                        author: who(coach),
                    },
                );
            }
            Op::Edit { n, coach, private } => {
                let Some(id) = order
                    .get(n)
                    .copied()
                    .filter(|id| reflections.contains_key(id))
                else {
                    continue;
                };
                let m = fresh();
                plan.update_reflection(id, draft(&m, private), at, who(coach))
                    .unwrap();
                let w = reflections.get_mut(&id).unwrap();
                gone.insert(std::mem::replace(&mut w.marker, m));
                w.private = private;
            }
            Op::Flip { n, coach } => {
                let Some(id) = order
                    .get(n)
                    .copied()
                    .filter(|id| reflections.contains_key(id))
                else {
                    continue;
                };
                let mut d = plan.reflection(id).unwrap().fields.clone();
                d.private = !d.private;
                plan.update_reflection(id, d, at, who(coach)).unwrap();
                let w = reflections.get_mut(&id).unwrap();
                w.private = !w.private;
            }
            Op::DeleteReflection { n, coach } => {
                let Some(id) = order
                    .get(n)
                    .copied()
                    .filter(|id| reflections.contains_key(id))
                else {
                    continue;
                };
                plan.delete_reflection(id, at, who(coach)).unwrap();
                gone.insert(reflections.remove(&id).unwrap().marker);
            }
            Op::Step {
                what,
                n,
                delete,
                coach,
            } => {
                let m = fresh();
                let by = who(coach);
                let id = match what {
                    0 => {
                        let Some(g) = plan.live_goals().get(n).map(|g| (*g).clone()) else {
                            continue;
                        };
                        let mut d = g.fields.clone();
                        d.title = format!("Goal {m}");
                        d.why = format!("Because {m}");
                        plan.update_goal(g.meta.id, d, at, by).unwrap();
                        if delete {
                            plan.delete_goal(g.meta.id, at, by).unwrap();
                        }
                        g.meta.id
                    }
                    1 => {
                        let Some(s) = plan.milestones.iter().filter(|s| s.meta.is_live()).nth(n)
                        else {
                            continue;
                        };
                        let (id, mut d) = (s.meta.id, s.fields.clone());
                        d.title = format!("Milestone {m}");
                        plan.update_milestone(id, d, at, by).unwrap();
                        if delete {
                            plan.delete_milestone(id, at, by).unwrap();
                        }
                        id
                    }
                    _ => {
                        let Some(a) = plan.actions.iter().filter(|a| a.meta.is_live()).nth(n)
                        else {
                            continue;
                        };
                        let (id, mut d) = (a.meta.id, a.fields.clone());
                        d.title = format!("Action {m}");
                        plan.update_action(id, d, at, by).unwrap();
                        if delete {
                            plan.delete_action(id, at, by).unwrap();
                        }
                        id
                    }
                };
                if let Some(old) = steps.insert(id, m.clone()) {
                    gone.insert(old);
                }
                if delete {
                    gone.insert(m);
                    steps.remove(&id);
                }
            }
        }
    }
    // A goal's deletion takes its milestones, actions and KPIs with it.
    steps.retain(|id, m| {
        let live =
            plan.goal(*id).is_some() || plan.milestone(*id).is_some() || plan.action(*id).is_some();
        if !live {
            gone.insert(m.clone());
        }
        live
    });
    World {
        plan,
        reflections,
        steps: steps.into_values().collect(),
        gone,
    }
}

/// The rule, restated: may `audience` read this live reflection?
fn may_read(w: &Written, id: Uuid, audience: Audience, ticked: &[Uuid]) -> bool {
    !w.private
        || match audience {
            Audience::Myself => true,
            Audience::Coach => w.author == Author::Client && ticked.contains(&id),
            Audience::Client => w.author == Author::Client,
        }
}

/// The file's text as a reader (or a search) sees it: iCalendar lines unfolded.
fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .replace("\r\n ", "")
}

/// Checks one file's text against the rule. `journal`: the file carries the journal (so what
/// the audience may read must be there); `steps`: it carries goals, milestones and actions.
fn check(
    w: &World,
    name: &str,
    text: &str,
    audience: Option<Audience>,
    ticked: &[Uuid],
    journal: bool,
    steps: bool,
) -> Result<(), TestCaseError> {
    for m in &w.gone {
        prop_assert!(
            !text.contains(m.as_str()),
            "{name}: deleted or replaced words {m} are in the file"
        );
    }
    for (id, r) in &w.reflections {
        let allowed = audience.is_some_and(|a| may_read(r, *id, a, ticked));
        let there = text.contains(r.marker.as_str());
        if !allowed {
            prop_assert!(
                !there,
                "{name}: a reflection it may not hold is in it: {r:?}"
            );
        } else if journal {
            prop_assert!(
                there,
                "{name}: a reflection it should hold is missing: {r:?}"
            );
        }
    }
    if steps {
        for m in &w.steps {
            prop_assert!(
                text.contains(m.as_str()),
                "{name}: the live step {m} is missing"
            );
        }
    }
    Ok(())
}

fn plan_text(f: &PlanFile) -> String {
    text_of(&f.to_json())
}

/// What a device stores of a plan: every document's body.
fn stored_text(p: &Plan) -> String {
    p.to_documents()
        .into_iter()
        .map(|d| d.body)
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn no_file_holds_deleted_words_or_another_audiences_private_reflections(
        seed in 0u64..50,
        ops in prop::collection::vec(op(), 0..24),
        ticks in prop::collection::vec(any::<bool>(), 8),
    ) {
        let w = world(seed, &ops);
        let now = start() + Duration::days(1);
        let ids: Vec<Uuid> = w.plan.reflections.iter().map(|r| r.meta.id).collect();
        let ticked: Vec<Uuid> = ids.iter().zip(ticks.iter().cycle()).filter(|(_, t)| **t).map(|(id, _)| *id).collect();

        // On the device itself: nothing deleted is stored.
        check(&w, "the stored documents", &stored_text(&w.plan), Some(Audience::Myself), &[], true, true)?;

        for role in [Author::Client, Author::Coach] {
            let backup = plan_file(&w.plan, now, role);
            check(&w, "a full backup", &plan_text(&backup), Some(Audience::Myself), &[], true, true)?;
            let template = template_file(&w.plan, now, role);
            check(&w, "a template", &plan_text(&template), None, &[], false, false)?;
            for audience in Audience::ALL {
                let md = export_markdown(&w.plan, audience, now);
                check(&w, &format!("Markdown for {audience:?}"), &text_of(&md.bytes), Some(audience), &[], true, true)?;
                let ics = export_ics(&w.plan, audience, now, AlarmLead::AtTime, &TzRules);
                check(&w, &format!("calendar for {audience:?}"), &text_of(&ics.bytes), Some(audience), &[], false, false)?;
                let csv = export_measurements_csv(&w.plan, audience);
                check(&w, &format!("CSV for {audience:?}"), &text_of(&csv.bytes), Some(audience), &[], false, false)?;
            }
            // A backup sent to the other side by mistake still lands without the sender's
            // private reflections: the receiving device cuts it for itself.
            let other = match role { Author::Client => Author::Coach, Author::Coach => Author::Client };
            let landed = received(parse_plan_file(&backup.to_json()).unwrap(), other);
            check(&w, "a backup opened by the other side", &stored_text(&landed.plan), Some(Audience::of_role(other)), &[], true, true)?;
            let mine = received(parse_plan_file(&backup.to_json()).unwrap(), role);
            check(&w, "a backup opened on another device of the same role", &stored_text(&mine.plan), Some(Audience::Myself), &[], true, true)?;
        }

        let report = progress_report_file(&w.plan, &ticked, now, Author::Client);
        check(&w, "a progress report", &plan_text(&report), Some(Audience::Coach), &ticked, true, true)?;
        let at_coach = received(parse_plan_file(&report.to_json()).unwrap(), Author::Coach);
        check(&w, "a progress report opened by the coach", &stored_text(&at_coach.plan), Some(Audience::Coach), &ticked, true, true)?;

        let for_client = plan_for_client_file(&w.plan, now, Author::Coach);
        check(&w, "a plan for the client", &plan_text(&for_client), Some(Audience::Client), &[], true, true)?;
        let at_client = received(parse_plan_file(&for_client.to_json()).unwrap(), Author::Client);
        check(&w, "a plan opened by the client", &stored_text(&at_client.plan), Some(Audience::Client), &[], true, true)?;
    }
}

#[test]
fn a_coachs_private_note_in_a_backup_never_reaches_the_client() {
    let mut plan = seeded_plan(1, 1, 1, 0, 7).unwrap();
    let note = "seems burned out; consider suggesting a therapist";
    plan.add_reflection(
        ReflectionDraft {
            text: note.to_owned(),
            prompt: None,
            tags: Vec::new(),
            mood: None,
            private: true,
        },
        start(),
        Author::Coach,
    )
    .unwrap();
    let backup = plan_file(&plan, start(), Author::Coach);
    assert!(
        text_of(&backup.to_json()).contains(note),
        "the coach's own backup keeps it"
    );
    let for_client = plan_for_client_file(&plan, start(), Author::Coach);
    assert!(!text_of(&for_client.to_json()).contains(note));
    // The coach sent the backup anyway: the client's device drops the note on opening it.
    let landed = received(parse_plan_file(&backup.to_json()).unwrap(), Author::Client);
    assert!(!stored_text(&landed.plan).contains(note));
    assert!(landed.plan.reflections.is_empty());
}

#[test]
fn a_tombstone_keeps_only_what_the_merge_needs() {
    let mut plan = seeded_plan(1, 1, 1, 0, 3).unwrap();
    let id = plan
        .add_reflection(
            ReflectionDraft {
                text: "I regret writing this".to_owned(),
                prompt: Some("What went wrong?".to_owned()),
                tags: vec!["regret".to_owned()],
                mood: Some(2),
                private: false,
            },
            start(),
            Author::Client,
        )
        .unwrap()
        .id_of(DocKind::Reflection)
        .unwrap();
    plan.delete_reflection(id, start() + Duration::minutes(1), Author::Client)
        .unwrap();
    let doc = plan
        .to_documents()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    let obj = body.as_object().unwrap();
    assert_eq!(obj.keys().collect::<Vec<_>>(), vec!["meta"], "{body}");
    assert_eq!(body["meta"]["deleted"], true);
    assert_eq!(body["meta"]["id"], id.to_string());
    let back = Plan::from_documents(plan.id(), &plan.to_documents()).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn a_file_from_an_older_version_with_tombstone_bodies_is_stripped_on_import() {
    let mut plan = seeded_plan(2, 2, 1, 0, 11).unwrap();
    let goal = plan.live_goals()[0].meta.id;
    plan.delete_goal(goal, start(), Author::Client).unwrap();
    let mut file: serde_json::Value =
        serde_json::from_slice(&plan_file(&plan, start(), Author::Client).to_json()).unwrap();
    // As an older version wrote it: the tombstone still carries the goal's words.
    let old = serde_json::json!({
        "status": "active", "title": "Quietly leave Acme", "why": "Referee: Jane Roe",
        "description": "", "confidence": null, "support": "", "serves": [],
        "start_date": "2025-01-01", "target_date": null, "priority": "high"
    });
    let goals = file["goals"].as_array_mut().unwrap();
    let tomb = goals
        .iter_mut()
        .find(|g| g["meta"]["id"] == goal.to_string())
        .unwrap();
    assert_eq!(tomb.as_object().unwrap().len(), 1, "written content-free");
    for (k, v) in old.as_object().unwrap() {
        tomb[k] = v.clone();
    }
    // A hostile variant: a tombstone whose words would not even pass the rules.
    tomb["title"] = serde_json::json!("");
    let bytes = serde_json::to_vec(&file).unwrap();
    let read = parse_plan_file(&bytes).unwrap();
    let back = read.plan.goals.iter().find(|g| g.meta.id == goal).unwrap();
    assert!(back.meta.deleted);
    assert_eq!(back.fields.title, "");
    assert_eq!(back.fields.why, "");
    let again = text_of(&plan_file(&read.plan, start(), Author::Client).to_json());
    assert!(!again.contains("Jane Roe") && !again.contains("Quietly leave"));
    assert!(!stored_text(&read.plan).contains("Jane Roe"));
    // A merge summary names the deleted goal by this device's copy, never by the file's words.
    let summary = waymark::exchange::merge(&seeded_plan(2, 2, 1, 0, 11).unwrap(), &read.plan)
        .unwrap()
        .summary;
    assert!(summary
        .changed_titles
        .iter()
        .any(|t| t.starts_with("Goal: ") && t.ends_with("(deleted)")));
    assert!(summary
        .changed_titles
        .iter()
        .all(|t| !t.contains("Jane Roe")));
}

#[test]
fn a_deleted_goal_takes_its_history_with_it() {
    use waymark::core::goal::GoalChange;
    let mut plan = seeded_plan(2, 2, 1, 0, 5).unwrap();
    let goal = plan.live_goals()[0].meta.id;
    plan.adapt_goal(
        goal,
        GoalChange::Strategy {
            description: "Ask Jane Roe for a referral".to_owned(),
            support: "Mentoring from Jane Roe".to_owned(),
        },
        "Jane Roe offered to help",
        start(),
        Author::Coach,
    )
    .unwrap();
    assert!(stored_text(&plan).contains("Jane Roe"));
    plan.delete_goal(goal, start() + Duration::minutes(1), Author::Client)
        .unwrap();
    assert!(!stored_text(&plan).contains("Jane Roe"));
    for audience in Audience::ALL {
        let md = export_markdown(&plan, audience, start());
        assert!(!text_of(&md.bytes).contains("Jane Roe"));
    }
    assert!(!plan_text(&plan_file(&plan, start(), Author::Client)).contains("Jane Roe"));
}

/// A coach restores their own full backup on a device still set to "client" (a new device, or
/// one whose storage was cleared): the import must say so and offer to switch, not cut the
/// private notes silently; switching restores everything.
#[test]
fn a_full_backup_by_the_other_role_is_flagged_with_what_it_leaves_out() {
    let note = "Zq9 coach's own thought about pacing";
    let mut plan = seeded_plan(1, 1, 1, 0, 3).unwrap();
    for (text, private) in [(note, true), ("Shared observation", false)] {
        plan.add_reflection(
            ReflectionDraft {
                text: text.to_owned(),
                prompt: None,
                tags: Vec::new(),
                mood: None,
                private,
            },
            start(),
            Author::Coach,
        )
        .unwrap();
    }
    let backup = parse_plan_file(&plan_file(&plan, start(), Author::Coach).to_json()).unwrap();

    // On a device set to "client": flagged, and the one private note is what it leaves out.
    let flagged = other_role_backup(&backup, Author::Client).expect("flagged");
    assert_eq!(flagged.role, Author::Coach);
    assert_eq!(flagged.left_out, 1);
    let cut = received(backup.clone(), Author::Client);
    assert!(
        !stored_text(&cut.plan).contains(note),
        "not switched: cut as before"
    );
    // Switched to the backup's role, the same file is received whole.
    let whole = received(backup.clone(), flagged.role);
    assert!(stored_text(&whole.plan).contains(note));
    assert_eq!(whole.plan.reflections.len(), 2);

    // Not flagged: the same role, or any file that is not a full backup.
    assert_eq!(other_role_backup(&backup, Author::Coach), None);
    let for_client =
        parse_plan_file(&plan_for_client_file(&plan, start(), Author::Coach).to_json()).unwrap();
    assert_eq!(other_role_backup(&for_client, Author::Client), None);
    let report =
        parse_plan_file(&progress_report_file(&plan, &[], start(), Author::Client).to_json())
            .unwrap();
    assert_eq!(other_role_backup(&report, Author::Coach), None);
}
