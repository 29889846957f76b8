//! What can be done to how goals are measured: KPIs and the values logged against them.

use super::document::DocKind;
use super::errors::CoreError;
use super::history::{Adaptation, ChangeKind};
use super::ids::new_id;
use super::kpi::{Kpi, KpiDraft, Measurement};
use super::limits;
use super::meta::{Author, Meta};
use super::plan::{edit, insert_record, live_index, tombstone, Plan};
use super::record::Record;
use super::touched::Touched;
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Plan {
    pub fn add_kpi(
        &mut self,
        draft: KpiDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.add_kpi_as(new_id(), draft, now, by)
    }

    pub(crate) fn add_kpi_as(
        &mut self,
        id: Uuid,
        draft: KpiDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.require_goal(draft.goal_id)?;
        let k = Kpi {
            meta: Meta::new(id, now, by),
            fields: draft,
        };
        k.validate()?;
        insert_record(&mut self.kpis, k);
        Ok(Touched::one(DocKind::Kpi, id))
    }

    /// Edits a KPI without recording an adaptation; to move a target for a reason use
    /// `adapt_goal` with `GoalChange::KpiTarget`.
    pub fn update_kpi(
        &mut self,
        id: Uuid,
        draft: KpiDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.require_goal(draft.goal_id)?;
        edit(&mut self.kpis, id, now, by, |k| k.fields = draft)
    }

    pub fn delete_kpi(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.kpis, id, now, by)
    }

    /// Logs a KPI value measured at `at` (which may be earlier than `now`, for catching up).
    pub fn log_measurement(
        &mut self,
        kpi_id: Uuid,
        value: f64,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.log_measurement_as(new_id(), kpi_id, value, at, now, by)
    }

    pub(crate) fn log_measurement_as(
        &mut self,
        id: Uuid,
        kpi_id: Uuid,
        value: f64,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        self.guard_client_data("measurements")?;
        self.require_kpi(kpi_id)?;
        let m = Measurement {
            meta: Meta::new(id, now, by),
            kpi_id,
            value,
            at,
        };
        m.validate()?;
        // A value is a reading of what happened; one dated later than now is a slip of the finger.
        if at > now {
            return Err(CoreError::MeasuredInFuture {
                on: at.format("%-d %b %Y").to_string(),
            });
        }
        insert_record(&mut self.measurements, m);
        Ok(Touched::one(DocKind::Measurement, id))
    }

    /// Corrects a value typed wrong. The goal's history keeps what it was and what it became,
    /// so a changed number never silently rewrites the progress a coach has seen.
    pub fn correct_measurement(
        &mut self,
        id: Uuid,
        value: f64,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let i = live_index(&self.measurements, id)?;
        let old = self.measurements[i].clone();
        let kpi = self.require_kpi(old.kpi_id)?.clone();
        let mut next = old.clone();
        next.value = value;
        next.validate()?;
        if !next.stamp_edit(&old, now, by) {
            return Ok(Touched::none());
        }
        self.measurements[i] = next;
        let on = old.at.format("%-d %b %Y");
        let show = |v: f64| format!("{}, {on}: {} {}", kpi.fields.name, v, kpi.fields.unit);
        let trace = Adaptation {
            meta: Meta::new(new_id(), now, by),
            goal_id: Some(kpi.fields.goal_id),
            change: ChangeKind::Edited,
            before: limits::clip(show(old.value).trim_end().to_owned(), limits::MAX_LONG_TEXT),
            after: limits::clip(show(value).trim_end().to_owned(), limits::MAX_LONG_TEXT),
            reason: "A value typed wrong, corrected.".to_owned(),
        };
        let aid = trace.meta.id;
        insert_record(&mut self.adaptations, trace);
        Ok(Touched::one(DocKind::Measurement, id).with(DocKind::Adaptation, aid))
    }

    pub fn delete_measurement(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        tombstone(&mut self.measurements, id, now, by)
    }
}
