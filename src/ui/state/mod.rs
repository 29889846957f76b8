//! What the screens share: the open plan, the store and the device's preferences behind it
//! (`Workspace::preferences`), and the save status.

pub mod backups;
mod opening;
mod save_status;
mod workspace;

#[cfg(feature = "split")]
pub use opening::fetch as fetch_opening;
pub use save_status::SaveIndicator;
pub use workspace::{
    provide_workspace, use_workspace, ActionError, LoadState, WithPlan, Workspace,
};
