//! The reflection journal: fast writing that never loses a word, prompts, tags, search.

mod drafts; // words kept on the device until their save is durable
mod editor; // writing and editing one reflection, saved as you type
mod list; // reflections by week, search per keystroke, filter by tag
mod models; // Gibbs' cycle and Rolfe's three questions, a field per stage
mod prompts; // "Need a prompt?"
mod tags; // tag chips
mod timing; // User Timing marks for search and indexing

pub use editor::ReflectionEditorScreen;
pub use list::JournalScreen;
