//! What the screens share: the open plan, the store behind it, and the save status.

pub mod backups;
mod preferences;
pub mod reports;
mod save_status;
mod workspace;

pub use preferences::{device_role, provide_role_signal, role_signal, set_device_role};
pub use save_status::SaveIndicator;
pub use workspace::{
    provide_workspace, use_workspace, ActionError, LoadState, WithPlan, Workspace,
};
