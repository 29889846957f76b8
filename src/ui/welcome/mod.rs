//! The first run: start a plan (or try the sample), then a short, skippable guided needs
//! assessment that fills in the client's motivations, barriers, strengths, values and vision,
//! and, optionally, the interest profile (RIASEC).

mod assessment;
mod cleared;
mod interests;
mod start;

pub use assessment::AssessmentScreen;
pub use cleared::StorageCleared;
pub use interests::{AboutInterests, InterestCard, InterestFacts, InterestsScreen};
pub use start::WelcomeScreen;
