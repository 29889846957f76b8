//! The native tests as one binary. Each file below was its own test crate: cargo linked the
//! library into 32 binaries and ran them one after another (about 50 s of running, measured
//! 2026-11-30); as modules of one crate they link once and their tests run side by side (28 s).
//! Each file still reads as before.
#![cfg(not(target_arch = "wasm32"))]
// Tests are not in the wasm: they may sort as they like (clippy.toml).
#![allow(clippy::disallowed_methods)]

// Helpers several files share.
mod fuzz;
mod text_fields;
mod zones;

mod core_copying;
mod core_edge_input;
mod core_grow;
mod core_interests;
mod core_journal;
mod core_journal_search;
mod core_merge;
mod core_method;
mod core_model;
mod core_plan_screens;
mod core_props;
mod core_routine;
mod core_rules;
mod core_search_marks;
mod core_undo;
mod core_zones;
mod exchange_assessment;
mod exchange_audience;
mod exchange_calendar;
mod exchange_clients;
mod exchange_field_merge;
mod exchange_files;
mod exchange_fuzz;
mod exchange_hostile;
mod exchange_indent;
mod exchange_private;
mod exchange_props;
mod exchange_versions;
mod exchange_xss;
mod module_graph;
mod session;
mod session_clients;
mod store_memory;
