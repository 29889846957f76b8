//! A new plan built from another one's structure: a coach's template becomes a client's plan,
//! or a plan is kept as a template. Only the plan's design travels (goals, milestones,
//! actions, KPIs, the check-in schedule), never client data, and every record gets a fresh id
//! so the copy and the original never merge into each other.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::document::DocKind;
use super::errors::CoreError;
use super::meta::Author;
use super::plan::{Plan, PlanKind};

impl Plan {
    /// A new plan of `kind` titled `title` with this plan's goals, milestones, actions, KPIs and
    /// schedule, added through the ordinary verbs (so every rule applies) under fresh ids.
    /// Completion marks, measurements and everything personal stay behind.
    pub fn copy_structure(
        &self,
        title: &str,
        kind: PlanKind,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Plan, CoreError> {
        let mut copy = Plan::new(title, kind, now, by)?;
        let mut goal_ids: HashMap<Uuid, Uuid> = HashMap::new();
        for goal in self.live_goals() {
            let touched = copy.add_goal(goal.fields.clone(), now, by)?;
            if let Some(id) = touched.id_of(DocKind::Goal) {
                goal_ids.insert(goal.meta.id, id);
            }
        }
        for m in self.milestones.iter().filter(|m| m.meta.is_live()) {
            if let Some(goal_id) = goal_ids.get(&m.fields.goal_id) {
                let mut draft = m.fields.clone();
                draft.goal_id = *goal_id;
                copy.add_milestone(draft, now, by)?;
            }
        }
        for a in self.actions.iter().filter(|a| a.meta.is_live()) {
            let mut draft = a.fields.clone();
            if let Some(old) = draft.goal_id {
                match goal_ids.get(&old) {
                    Some(new) => draft.goal_id = Some(*new),
                    None => continue,
                }
            }
            copy.add_action(draft, now, by)?;
        }
        for k in self.kpis.iter().filter(|k| k.meta.is_live()) {
            if let Some(goal_id) = goal_ids.get(&k.fields.goal_id) {
                let mut draft = k.fields.clone();
                draft.goal_id = *goal_id;
                copy.add_kpi(draft, now, by)?;
            }
        }
        if let Some(schedule) = self.schedule.as_ref().filter(|s| s.meta.is_live()) {
            copy.set_schedule(schedule.fields, now, by)?;
        }
        Ok(copy)
    }
}
