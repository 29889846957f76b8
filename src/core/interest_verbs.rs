//! Verbs of the interest profile (`interests.rs`): each take is kept, newest first, like the
//! needs assessment's takes.

use super::document::DocKind;
use super::errors::CoreError;
use super::ids::new_id;
use super::interests::{InterestDraft, InterestProfile};
use super::meta::{Author, Meta};
use super::plan::{insert_record, Plan};
use super::record::{newest, newest_first, Record};
use super::touched::Touched;
use chrono::{DateTime, Utc};

impl Plan {
    /// Every take of the interest profile, newest first (by the day it was taken, then when it
    /// was saved).
    pub fn interest_takes(&self) -> Vec<&InterestProfile> {
        newest_first(&self.interest_profiles, |t| t.fields.taken_on)
    }

    /// The newest take, which the profile shows and a retake starts from.
    pub fn latest_interests(&self) -> Option<&InterestProfile> {
        newest(&self.interest_profiles, |t| t.fields.taken_on)
    }

    /// Saves a take. Each is kept, so rating again is another `add_interest_profile`.
    pub fn add_interest_profile(
        &mut self,
        draft: InterestDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("an interest profile")?;
        let r = InterestProfile {
            meta: Meta::new(new_id(), now, by),
            fields: draft,
        };
        r.validate()?;
        let id = r.meta.id;
        insert_record(&mut self.interest_profiles, r);
        Ok(Touched::one(DocKind::InterestProfile, id))
    }
}
