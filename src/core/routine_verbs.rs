//! What can be done to the coaching routine: the check-in schedule, check-ins and reviews.

use super::checkin::{CheckIn, CheckInDraft, CheckInEdit, GoalEntry};
use super::document::DocKind;
use super::errors::CoreError;
use super::ids::{new_id, schedule_id};
use super::kpi::Measurement;
use super::meta::{Author, Meta};
use super::plan::{edit, erase, insert_record, tombstone, Plan};
use super::record::Record;
use super::review::{ProgressReview, ReviewDraft};
use super::schedule::{CheckInSchedule, ScheduleDraft};
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    /// Sets (or replaces) the check-in schedule. A cleared schedule comes back to life.
    pub fn set_schedule(
        &mut self,
        draft: ScheduleDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        draft.check()?;
        let id = schedule_id(self.id());
        match &mut self.schedule {
            Some(s) => {
                if s.fields == draft && s.meta.is_live() {
                    return Ok(Touched::none());
                }
                let old = s.clone();
                s.fields = draft;
                s.meta.deleted = false;
                // Bringing it back with the same fields changes no field, only the record.
                if !s.stamp_edit(&old, now, by) {
                    s.meta.touch(now, by);
                }
            }
            None => {
                self.schedule = Some(CheckInSchedule {
                    meta: Meta::new(id, now, by),
                    fields: draft,
                })
            }
        }
        Ok(Touched::one(DocKind::Schedule, id))
    }

    /// The live schedule, if any.
    pub fn live_schedule(&self) -> Option<&ScheduleDraft> {
        self.schedule
            .as_ref()
            .filter(|s| s.meta.is_live())
            .map(|s| &s.fields)
    }

    pub fn clear_schedule(&mut self, now: DateTime<Utc>, by: Author) -> Result<Touched, CoreError> {
        self.guard(now)?;
        match &mut self.schedule {
            Some(s) if s.meta.is_live() => {
                erase(s, now, by);
                Ok(Touched::one(DocKind::Schedule, s.meta.id))
            }
            _ => Ok(Touched::none()),
        }
    }

    /// Records a check-in. Each KPI value becomes a measurement (at `now`) so that progress is
    /// computed from one list; the check-in keeps the ids of the measurements it logged.
    pub fn record_checkin(
        &mut self,
        draft: CheckInDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("check-ins")?;
        draft.check()?;
        for e in &draft.entries {
            self.require_goal(e.goal_id)?;
            for v in &e.kpi_values {
                let k = self.require_kpi(v.kpi_id)?;
                if k.fields.goal_id != e.goal_id {
                    return Err(CoreError::NotFound {
                        kind: "KPI",
                        id: v.kpi_id,
                    });
                }
            }
        }
        let id = new_id();
        let mut touched = Touched::one(DocKind::CheckIn, id);
        let mut entries = Vec::with_capacity(draft.entries.len());
        for e in draft.entries {
            let mut measurement_ids = Vec::with_capacity(e.kpi_values.len());
            for v in e.kpi_values {
                let m = Measurement {
                    meta: Meta::new(new_id(), now, by),
                    kpi_id: v.kpi_id,
                    value: v.value,
                    at: now,
                };
                measurement_ids.push(m.meta.id);
                touched.add(DocKind::Measurement, m.meta.id);
                insert_record(&mut self.measurements, m);
            }
            entries.push(GoalEntry {
                goal_id: e.goal_id,
                progress_note: e.progress_note,
                measurement_ids,
                blockers: e.blockers,
                next_steps: e.next_steps,
            });
        }
        insert_record(
            &mut self.checkins,
            CheckIn {
                meta: Meta::new(id, now, by),
                date: draft.date,
                entries,
                confidence: draft.confidence,
                mood: draft.mood,
            },
        );
        Ok(touched)
    }

    /// Corrects a past check-in's words, day and ratings. Its KPI values are measurements,
    /// corrected one by one (`correct_measurement`) so each change leaves its trace.
    pub fn update_checkin(
        &mut self,
        id: Uuid,
        change: CheckInEdit,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.checkins, id, now, by, |c| {
            c.date = change.date;
            c.confidence = change.confidence;
            c.mood = change.mood;
            for (e, notes) in c.entries.iter_mut().zip(change.notes) {
                e.progress_note = notes.progress_note;
                e.blockers = notes.blockers;
                e.next_steps = notes.next_steps;
            }
        })
    }

    /// Deletes a check-in with the KPI values it logged: a check-in made by mistake should not
    /// leave its numbers in the progress.
    pub fn delete_checkin(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let logged: Vec<Uuid> = self
            .checkins
            .iter()
            .find(|c| c.meta.is(id) && c.meta.is_live())
            .map(|c| {
                c.entries
                    .iter()
                    .flat_map(|e| e.measurement_ids.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        let mut t = tombstone(&mut self.checkins, id, now, by)?;
        for m in self
            .measurements
            .iter_mut()
            .filter(|m| m.meta.is_live() && logged.contains(&m.meta.id))
        {
            erase(m, now, by);
            t.add(DocKind::Measurement, m.meta.id);
        }
        Ok(t)
    }

    pub fn add_review(
        &mut self,
        draft: ReviewDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("reviews")?;
        let r = ProgressReview {
            meta: Meta::new(new_id(), now, by),
            fields: draft,
        };
        r.validate()?;
        let id = r.meta.id;
        insert_record(&mut self.reviews, r);
        Ok(Touched::one(DocKind::Review, id))
    }

    pub fn update_review(
        &mut self,
        id: Uuid,
        draft: ReviewDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.reviews, id, now, by, |r| r.fields = draft)
    }

    pub fn delete_review(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.reviews, id, now, by)
    }
}
