//! What can be done to what the client brings: their profile, needs assessments and journal.
//! None of it belongs in a template, which must stay free of anyone's personal data.

use super::assessment::{AssessmentDraft, NeedsAssessment};
use super::document::DocKind;
use super::errors::CoreError;
use super::ids::{new_id, profile_id};
use super::journal::{Reflection, ReflectionDraft};
use super::meta::{Author, Meta};
use super::plan::{edit, insert_record, tombstone, Plan};
use super::profile::{ClientProfile, ProfileDraft};
use super::record::{newest, newest_first, Record};
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    pub fn set_profile(
        &mut self,
        draft: ProfileDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("a client profile")?;
        draft.check()?;
        let id = profile_id(self.id());
        match &mut self.profile {
            Some(p) => {
                if p.fields == draft && p.meta.is_live() {
                    return Ok(Touched::none());
                }
                let old = p.clone();
                p.fields = draft;
                p.meta.deleted = false;
                // Bringing it back with the same fields changes no field, only the record.
                if !p.stamp_edit(&old, now, by) {
                    p.meta.touch(now, by);
                }
            }
            None => {
                self.profile = Some(ClientProfile {
                    meta: Meta::new(id, now, by),
                    fields: draft,
                })
            }
        }
        Ok(Touched::one(DocKind::Profile, id))
    }

    /// The live profile, if any.
    pub fn live_profile(&self) -> Option<&ProfileDraft> {
        self.profile
            .as_ref()
            .filter(|p| p.meta.is_live())
            .map(|p| &p.fields)
    }

    /// Every take of the needs assessment, newest first (by the day it was taken, then when it
    /// was saved).
    pub fn assessment_takes(&self) -> Vec<&NeedsAssessment> {
        newest_first(&self.assessments, |a| a.fields.taken_on)
    }

    /// The answers of the newest take, which the profile shows and a retake starts from.
    pub fn latest_assessment(&self) -> Option<&NeedsAssessment> {
        newest(&self.assessments, |a| a.fields.taken_on)
    }

    /// Each take of the assessment is kept, so "retake" is simply another `add_assessment`.
    pub fn add_assessment(
        &mut self,
        draft: AssessmentDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("assessments")?;
        let a = NeedsAssessment {
            meta: Meta::new(new_id(), now, by),
            fields: draft,
        };
        a.validate()?;
        let id = a.meta.id;
        insert_record(&mut self.assessments, a);
        Ok(Touched::one(DocKind::Assessment, id))
    }

    pub fn update_assessment(
        &mut self,
        id: Uuid,
        draft: AssessmentDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.assessments, id, now, by, |a| a.fields = draft)
    }

    pub fn delete_assessment(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.assessments, id, now, by)
    }

    pub fn add_reflection(
        &mut self,
        draft: ReflectionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.add_reflection_as(new_id(), draft, now, by)
    }

    pub(crate) fn add_reflection_as(
        &mut self,
        id: Uuid,
        draft: ReflectionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("journal entries")?;
        let r = Reflection {
            meta: Meta::new(id, now, by),
            fields: draft,
            author: Some(by),
        };
        r.validate()?;
        insert_record(&mut self.reflections, r);
        Ok(Touched::one(DocKind::Reflection, id))
    }

    /// Adds the reflection under `id`, or updates it when the plan holds it: the one verb of
    /// an autosaving editor, whose first save adds and later ones update. Which of the two
    /// the editor expected is its revision check's business (0: never saved).
    pub fn put_reflection(
        &mut self,
        id: Uuid,
        draft: ReflectionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        if self.reflections.iter().any(|r| r.meta.is(id)) {
            self.update_reflection(id, draft, now, by)
        } else {
            self.add_reflection_as(id, draft, now, by)
        }
    }

    pub fn update_reflection(
        &mut self,
        id: Uuid,
        draft: ReflectionDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.reflections, id, now, by, |r| r.fields = draft)
    }

    pub fn delete_reflection(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.reflections, id, now, by)
    }
}
