//! The Plan area: vision and values, goals in SMART form, milestones, actions, KPIs, and
//! the history of every adaptation.

mod goal_detail;
mod goal_editor;
mod list;
mod profile;
mod timeline;

pub use goal_detail::GoalDetailScreen;
pub use goal_editor::GoalEditorScreen;
pub use list::PlanScreen;
pub use profile::ProfileScreen;
pub use timeline::TimelineScreen;
