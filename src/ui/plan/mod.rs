//! The Plan area: vision and values, goals in SMART form, milestones, actions, KPIs, and
//! the history of every adaptation.

mod adapt; // the Adapt form: a deliberate change to a goal, always with its reason
mod client_activity; // the coach's view of what the client did since the previous report
pub(crate) mod common; // status words, SMART badge, progress bar, stale-edit choice
mod goal_detail; // one goal: SMART summary, roadmap, actions, KPIs, adapt, history
mod goal_editor;
mod grow; // GROW coaching-session notes: the guided flow and the list of notes // new goal and plain edits, with the live SMART checker
mod list; // the plan: vision and goals grouped by status
mod measures; // a goal's KPIs, logging values, adding a KPI
mod print; // the whole plan on one page to print or save as PDF
mod profile; // role, vision, ranked values, strengths
mod steps; // a goal's milestones (roadmap) and ranked actions with the impact/effort grid
mod timeline; // every adaptation of the plan by month
mod woop; // WOOP for a goal: the guided flow and the card on the goal

pub use client_activity::ClientActivityScreen;
pub use goal_detail::GoalDetailScreen;
pub use goal_editor::GoalEditorScreen;
pub use grow::{GrowFlowScreen, SessionNotesScreen};
pub use list::PlanScreen;
pub use print::PrintPlanScreen;
pub use profile::ProfileScreen;
pub use timeline::TimelineScreen;
pub use woop::WoopFlowScreen;
