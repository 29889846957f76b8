//! Plan files: the versioned format, validation, migration, merge and readable exports.
//!
//! API boundary: the plan-file format (`format.rs`, `spec.rs`, `docs/FILE_FORMAT.md`).
//! Architecture invariant: nothing here stores anything or touches the DOM; the UI reads the
//! file, calls `parse_plan_file` and `preview`, and on confirmation saves
//! `merge_import(..).plan` through the store. Only `crypto` talks to the browser (WebCrypto,
//! wasm32 only).
//!
//! - `format`: `PlanFile`, `FileKind`, `ExportedFile`, constants (media type, size cap, the
//!   passphrase envelope's names and limits).
//! - `error`: `ImportError`, shared by `validate`, `migrate` and `crypto` (no file circles).
//! - `spec`: the file's shape as data, each field with the version it came with; the checker
//!   and the JSON Schema both come from it.
//! - `versions`: the lowest format version that reads a file, from what it holds.
//! - `validate`: `parse_plan_file`.
//! - `migrate`: the table of format versions and their pure migrations.
//! - `audience`: who a file is for, and the one rule (`cut_for`) every export and import
//!   goes through: nothing deleted, no private reflection of someone else's.
//! - `export`: full plan, template and progress-report files.
//! - `identity`: which plan on this device a file goes into (templates become plans of
//!   their own; a file whose id is held by someone else's plan is never merged silently).
//! - `merge`, `preview`: a file merged into the local plan (the merge's laws are
//!   `core::merge`) and what an import would do.
//! - `markdown`, `ics`, `csv`: readable exports.
//! - `crypto`: passphrase protection (envelope here, WebCrypto on wasm32).

pub mod audience;
pub mod crypto;
pub mod csv;
pub mod error;
pub mod export;
pub mod format;
pub mod ics;
pub mod identity;
pub mod markdown;
pub mod merge;
pub mod migrate;
pub mod preview;
pub mod spec;
pub mod validate;
pub mod versions;

pub use audience::{cut_for, other_role_backup, received, Audience, OtherRoleBackup};
pub use error::ImportError;
pub use export::{export_plan, export_plan_for_client, export_progress_report, export_template};
pub use format::{ExportedFile, FileKind, PlanFile, MEDIA_TYPE};
pub use identity::{route, Mismatch, Placement, Route, StartSetup};
pub use merge::{merge, merge_import, MergeError};
pub use preview::{preview, preview_route, ImportPreview, ImportTarget};
pub use validate::parse_plan_file;
