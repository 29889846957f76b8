//! The first run: start a plan (or try the sample), then a short, skippable guided needs
//! assessment that fills in the client's motivations, barriers, strengths, values and vision.

mod assessment;
mod cleared;
mod start;

pub use assessment::AssessmentScreen;
pub use cleared::StorageCleared;
pub use start::WelcomeScreen;
