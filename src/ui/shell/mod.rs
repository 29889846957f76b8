//! The frame around every screen.

mod archived;
mod bottom_nav;
mod header;
pub mod network;
mod screen_loading;
mod storage_full;
pub mod theme;
mod undo;
pub mod update;

pub use archived::ArchivedNotice;
pub use bottom_nav::BottomNav;
pub use header::Header;
#[cfg(feature = "split")]
pub use screen_loading::while_opening;
pub use screen_loading::{provide_screen_loading, ScreenLoading};
pub use storage_full::StorageFullNotice;
pub use undo::UndoToast;
pub use update::UpdateBanner;
