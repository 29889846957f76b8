//! The coaching model: plans, goals, SMART rules, progress, schedules. No I/O.
//!
//! Architecture invariant: nothing here knows Leptos, web-sys, IndexedDB or the clock. Every
//! verb takes `now` and `by` from the caller, so every rule is testable with `cargo test`.

pub mod action; // a concrete task with impact, effort and an optional if-then plan
pub mod activity; // what the client recorded since the last exchange
pub mod assessment; // the dated, re-takeable needs assessment
pub mod backup; // when the last backup was made and when to nudge for a new one
pub mod checkin; // check-in records, whether one is due, and the streak
pub mod client_verbs; // verbs on the profile, assessments and journal
pub mod copying; // a new plan from another's structure (template → client plan)
pub mod document; // API boundary: the unit of persistence
pub mod errors; // CoreError: every refusal, worded for the user
pub mod goal; // a goal in SMART form and the changes an adaptation can make
pub mod goal_verbs; // verbs on goals: add, edit, adapt, drop
pub mod grow; // GROW coaching-session notes: goal, reality, options, way forward
pub mod grow_verbs; // verbs on GROW notes: save, delete, a way-forward step to an action
pub mod history; // adaptations: what changed and why
pub mod ids; // fresh ids and the derived ids of one-per-plan records
pub mod interest_verbs; // verbs on the interest profile
pub mod interests; // the RIASEC interest self-rating and its three-letter code
pub mod journal; // reflections, the search index and weekly grouping
pub mod journal_draft; // words written but not yet saved, and what to do with them
pub mod kpi; // KPIs and measurements
pub mod limits; // input limits shared by verbs and loading
pub mod measure_verbs; // verbs on KPIs and measurements
pub mod merge; // two copies of a plan joined record by record, field by field (and its laws)
pub mod meta; // id, times, author and tombstone on every record
pub mod method_verbs; // verbs of the coaching methods' records (WOOP)
pub mod milestone; // dated steps of a goal
pub mod period; // the facts of a review's period, gathered from the plan
pub mod plan; // the Plan aggregate and the machinery its verbs share
pub mod practice; // a coach's caseload: each client plan's standing for the Clients screen
pub mod profile; // the client's role, vision, values and strengths
pub mod progress; // derived progress: percent, pace, overdue, stale
pub mod prompts; // reflection prompts from coaching practice
pub mod questions; // the guided needs assessment and suggested values
pub mod ranking; // which action to do first
pub mod record; // what all record kinds share, and how tombstones are written (content-free)
pub mod reflection_models; // Gibbs' cycle and Rolfe's three questions as one journal text
pub mod reminders; // the badge count and the check-in reminders the service worker shows
pub mod review; // progress reviews and the facts of a period
pub mod revision; // the goal revision cadence: keep, change target, change strategy, drop
pub mod routine_verbs; // verbs on the schedule, check-ins and reviews
pub mod sample; // the sample plan and the seeded generator
pub mod saving; // plan <-> documents, and stored revisions
pub mod schedule; // when check-ins happen, in the client's time zone
pub mod search_marks; // where a journal search's words sit in a text, for marking them
pub mod smart; // the SMART checker with hints
pub mod sorting; // the app's one sort, so the wasm carries one copy of the standard sort
pub mod step_verbs; // verbs on milestones and actions
pub mod touched; // what a verb changed, for saving exactly that
pub mod undo; // the last change as it was before, in memory only, and putting it back
pub mod woop; // WOOP for a goal: wish, outcome, obstacle, if-then plan
pub mod zone; // named time zones through rules the caller supplies (no tz database here)

pub use document::{DocKind, Document};
pub use errors::CoreError;
pub use meta::{Author, Meta};
pub use plan::{Plan, PlanKind};
pub use touched::Touched;
