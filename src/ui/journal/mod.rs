//! The reflection journal: fast writing that never loses a word, prompts, tags, search.

mod editor;
mod list;

pub use editor::ReflectionEditorScreen;
pub use list::JournalScreen;
