//! Waymark: a career-coaching plan that works offline in the browser.
//!
//! Data flows one way: `ui` calls `core` (pure coaching rules) and, for every write, the
//! `session` (the open plan and its save queue over `store`'s persistence); `exchange` turns
//! plans into files and back. `core` knows nothing of browsers; `session` runs natively too.

pub mod core; // the coaching model and its rules: pure Rust, no web-sys, no Leptos
pub mod exchange; // plan files: format, validation, migration, merge, readable exports
pub mod session; // the open plan, the save queue and every write: one session any test can drive
pub mod store; // persistence behind one async trait: IndexedDB in the browser, memory in tests
#[cfg(target_arch = "wasm32")]
pub mod ui; // screens and navigation (Leptos); browser only, like the IndexedDB store
