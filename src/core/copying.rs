//! A new plan built from another one's structure: a plan kept as a template (fresh ids, so the
//! two never merge), and a template started as a client's plan. Only the plan's design travels
//! (goals, milestones, actions, KPIs, the check-in schedule, the coach's prompts), never client
//! data.
//!
//! Identity of a client plan made from a template: the plan has an id of its own and
//! remembers the template (`from_template`). Each template record becomes the record
//! `id_in_plan(plan id, template record id)` in it, a pure function every device computes
//! alike, so a later revision of the template, mapped the same way, merges into the client's
//! plan record by record (the client's own work kept) instead of adding copies, and two client
//! plans made from one template share no id at all.
//!
//! Relative time: a template's dates count from its day one (`Plan::day_one`); a client plan
//! made from it has every date moved by the days between the template's day one and its own
//! `starts_on`, so a milestone in the template's third week falls in the client's third week.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::{Builder, Uuid};

use super::document::DocKind;
use super::errors::CoreError;
use super::goal::GoalStatus;
use super::ids::schedule_id;
use super::limits;
use super::meta::{Author, Meta};
use super::plan::{Plan, PlanKind};
use super::schedule::add_days;

/// The id a template's record has inside the plan `plan_id` made from it: the two ids' bytes
/// XOR-ed, stamped as UUID version 8 (so it never equals a fresh version 4 id). Different
/// records of one template get different ids in one plan, and the same record gets the same
/// id in that plan on every device.
pub fn id_in_plan(plan_id: Uuid, template_record: Uuid) -> Uuid {
    let (a, b) = (plan_id.as_bytes(), template_record.as_bytes());
    let mut bytes = [0u8; 16];
    for (i, x) in bytes.iter_mut().enumerate() {
        *x = a[i] ^ b[i];
    }
    Builder::from_custom_bytes(bytes).into_uuid()
}

/// `d` moved by `days`, or `d` itself if that would leave the years a plan may hold.
fn moved(d: NaiveDate, days: i64) -> NaiveDate {
    let to = add_days(d, days);
    if limits::date("A date", to).is_ok() {
        to
    } else {
        d
    }
}

impl Plan {
    /// The day a plan's dates count from: its `starts_on`, else the check-in schedule's first
    /// day, else its earliest goal start. `None` for a plan with no dates at all.
    pub fn day_one(&self) -> Option<NaiveDate> {
        self.starts_on
            .or_else(|| {
                self.schedule
                    .as_ref()
                    .filter(|s| s.meta.is_live())
                    .map(|s| s.fields.starts_on)
            })
            .or_else(|| self.live_goals().iter().map(|g| g.fields.start_date).min())
    }

    /// This template's design as it belongs in the plan `plan_id` that starts on `starts_on`:
    /// goals (set back to active), milestones and actions (not done), KPIs and the schedule,
    /// with ids mapped by `id_in_plan`, references mapped alike and every date moved to count
    /// from `starts_on`. Each record keeps the template's `meta` (times, clocks, tombstones),
    /// so mapping the same template twice gives the same records and a revision's newer
    /// fields win a merge while the client's newer ones (a milestone ticked off) are kept.
    /// The header is a bare one with `plan_id`: callers put the real one in.
    pub fn template_for(&self, plan_id: Uuid, starts_on: Option<NaiveDate>) -> Plan {
        let days = match (starts_on, self.day_one()) {
            (Some(to), Some(from)) => (to - from).num_days(),
            _ => 0,
        };
        let map = |id: Uuid| id_in_plan(plan_id, id);
        let remeta = |m: &Meta| Meta {
            id: map(m.id),
            ..m.clone()
        };
        let mut out = Plan::empty(
            Meta::new(plan_id, self.meta.created_at, self.meta.updated_by),
            self.title.clone(),
            PlanKind::ClientPlan,
        );
        out.goals = self
            .goals
            .iter()
            .map(|g| {
                let mut g = g.clone();
                g.meta = remeta(&g.meta);
                g.status = GoalStatus::Active;
                let start = moved(g.fields.start_date, days);
                let target = g.fields.target_date.map(|t| moved(t, days));
                // Both move together or not at all, so the target stays after the start.
                if target.is_none_or(|t| t > start) {
                    g.fields.start_date = start;
                    g.fields.target_date = target;
                }
                g
            })
            .collect();
        out.milestones = self
            .milestones
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.meta = remeta(&m.meta);
                m.fields.goal_id = map(m.fields.goal_id);
                m.fields.due = moved(m.fields.due, days);
                m.done_at = None;
                m
            })
            .collect();
        out.actions = self
            .actions
            .iter()
            .map(|a| {
                let mut a = a.clone();
                a.meta = remeta(&a.meta);
                a.fields.goal_id = a.fields.goal_id.map(map);
                a.fields.due = a.fields.due.map(|d| moved(d, days));
                a.done_at = None;
                a
            })
            .collect();
        out.kpis = self
            .kpis
            .iter()
            .map(|k| {
                let mut k = k.clone();
                k.meta = remeta(&k.meta);
                k.fields.goal_id = map(k.fields.goal_id);
                k
            })
            .collect();
        out.schedule = self.schedule.clone().map(|mut s| {
            s.meta.id = schedule_id(plan_id);
            s.fields.starts_on = moved(s.fields.starts_on, days);
            s
        });
        out.prompts = self.prompts.clone();
        out.normalize();
        out
    }

    /// The title a client plan started from this template gets: the template's, without the
    /// " (template)" that "Save a copy as a template" added.
    pub fn title_for_client_plan(&self) -> &str {
        self.title
            .strip_suffix(" (template)")
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.title)
    }

    /// A new client plan (id `plan_id`) started from this template on `starts_on` for
    /// `client`: the template's design mapped in (`template_for`), remembering the template.
    pub fn start_client_plan(
        &self,
        plan_id: Uuid,
        title: &str,
        client: Option<&str>,
        starts_on: NaiveDate,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Plan, CoreError> {
        limits::date("The start date", starts_on)?;
        let client = client.map(str::trim).filter(|c| !c.is_empty());
        if let Some(c) = client {
            limits::title("The client's name", c)?;
        }
        let header = Plan::with_id(plan_id, title, PlanKind::ClientPlan, now, by)?;
        let mut plan = self.template_for(plan_id, Some(starts_on));
        plan.meta = header.meta;
        plan.title = header.title;
        plan.client = client.map(str::to_owned);
        plan.from_template = Some(self.id());
        plan.starts_on = Some(starts_on);
        Ok(plan)
    }

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
        copy.starts_on = self.day_one();
        copy.prompts = self.prompts.clone();
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
            copy.set_schedule(schedule.fields.clone(), now, by)?;
        }
        Ok(copy)
    }
}
