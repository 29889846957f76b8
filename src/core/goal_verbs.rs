//! What can be done to goals: add, edit, and adapt them. An adaptation is an edit with a reason,
//! recorded in the plan's history; plain `update_goal` is for fixing typos and filling gaps.

use super::document::DocKind;
use super::errors::CoreError;
use super::goal::{Goal, GoalChange, GoalDraft, GoalStatus, Serves};
use super::history::{self, Adaptation, ChangeKind};
use super::ids::new_id;
use super::limits;
use super::meta::{Author, Meta};
use super::plan::{edit, erase, insert_record, live_index, tombstone, Plan};
use super::record::Record;
use super::touched::Touched;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

impl Plan {
    pub fn add_goal(
        &mut self,
        draft: GoalDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.add_goal_as(new_id(), draft, now, by)
    }

    pub(crate) fn add_goal_as(
        &mut self,
        id: Uuid,
        draft: GoalDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let goal = Goal {
            meta: Meta::new(id, now, by),
            status: GoalStatus::Active,
            fields: draft,
        };
        goal.validate()?;
        insert_record(&mut self.goals, goal);
        Ok(Touched::one(DocKind::Goal, id))
    }

    /// Replaces the goal's fields without recording an adaptation.
    pub fn update_goal(
        &mut self,
        goal_id: Uuid,
        draft: GoalDraft,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.goals, goal_id, now, by, |g| g.fields = draft)
    }

    /// Marks a goal achieved. Not an adaptation: reaching a goal is the plan working.
    pub fn achieve_goal(
        &mut self,
        goal_id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        edit(&mut self.goals, goal_id, now, by, |g| {
            g.status = GoalStatus::Achieved
        })
    }

    /// Applies a deliberate change to a goal and records it, with its reason, in the history.
    /// Nothing changes and nothing is recorded when the change would leave the goal as it is.
    pub fn adapt_goal(
        &mut self,
        goal_id: Uuid,
        change: GoalChange,
        reason: &str,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        history::reason(reason)?;
        let gi = live_index(&self.goals, goal_id)?;
        let old = self.goals[gi].clone();
        let mut new = old.clone();
        let mut touched = Touched::none();

        let (kind, before, after) = match change {
            GoalChange::TargetDate(d) => {
                new.fields.target_date = d;
                (
                    ChangeKind::TargetChanged,
                    format!("Target date: {}", show_date(old.fields.target_date)),
                    format!("Target date: {}", show_date(d)),
                )
            }
            GoalChange::KpiTarget { kpi_id, target } => {
                let ki = live_index(&self.kpis, kpi_id)?;
                let kpi = &self.kpis[ki];
                if kpi.fields.goal_id != goal_id {
                    return Err(CoreError::NotFound {
                        kind: "KPI",
                        id: kpi_id,
                    });
                }
                let mut k = kpi.clone();
                k.fields.target = target;
                k.validate()?;
                if k.fields.target == kpi.fields.target {
                    return Ok(Touched::none());
                }
                let (b, a) = (show_kpi(&kpi.fields), show_kpi(&k.fields));
                k.stamp_edit(kpi, now, by);
                self.kpis[ki] = k;
                touched.add(DocKind::Kpi, kpi_id);
                (ChangeKind::TargetChanged, b, a)
            }
            GoalChange::Strategy {
                description,
                support,
            } => {
                new.fields.description = description;
                new.fields.support = support;
                (
                    ChangeKind::StrategyChanged,
                    show_strategy(&old.fields),
                    show_strategy(&new.fields),
                )
            }
            GoalChange::Status(s) => {
                new.status = s;
                let kind = if s == GoalStatus::Dropped {
                    ChangeKind::GoalDropped
                } else {
                    ChangeKind::StatusChanged
                };
                (
                    kind,
                    format!("Status: {}", show_status(old.status)),
                    format!("Status: {}", show_status(s)),
                )
            }
            GoalChange::Edit(draft) => {
                new.fields = draft;
                let (b, a) = show_edit(&old.fields, &new.fields);
                (ChangeKind::Edited, b, a)
            }
        };

        if new != old {
            new.validate()?;
            new.stamp_edit(&old, now, by);
            self.goals[gi] = new;
            touched.add(DocKind::Goal, goal_id);
        }
        if touched.is_empty() {
            return Ok(touched);
        }
        let adaptation = Adaptation {
            meta: Meta::new(new_id(), now, by),
            goal_id: Some(goal_id),
            change: kind,
            before: limits::clip(before, limits::MAX_LONG_TEXT),
            after: limits::clip(after, limits::MAX_LONG_TEXT),
            reason: reason.to_owned(),
        };
        let aid = adaptation.meta.id;
        insert_record(&mut self.adaptations, adaptation);
        Ok(touched.with(DocKind::Adaptation, aid))
    }

    /// Drops a goal (it stays in the plan and its history) and records why.
    pub fn drop_goal(
        &mut self,
        goal_id: Uuid,
        reason: &str,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.adapt_goal(
            goal_id,
            GoalChange::Status(GoalStatus::Dropped),
            reason,
            now,
            by,
        )
    }

    /// Records a change to the plan as a whole (a new direction, a goal added mid-way).
    pub fn adapt_plan(
        &mut self,
        change: ChangeKind,
        before: &str,
        after: &str,
        reason: &str,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let a = Adaptation {
            meta: Meta::new(new_id(), now, by),
            goal_id: None,
            change,
            before: before.to_owned(),
            after: after.to_owned(),
            reason: reason.to_owned(),
        };
        a.validate()?;
        let id = a.meta.id;
        insert_record(&mut self.adaptations, a);
        Ok(Touched::one(DocKind::Adaptation, id))
    }

    /// Tombstones a goal together with its milestones, actions and KPIs, which mean nothing
    /// without it. Measurements stay: they are history, and hidden with their KPI.
    pub fn delete_goal(
        &mut self,
        goal_id: Uuid,
        now: DateTime<Utc>,
        by: Author,
    ) -> Result<Touched, CoreError> {
        self.guard(now)?;
        let mut t = tombstone(&mut self.goals, goal_id, now, by)?;
        for m in self
            .milestones
            .iter_mut()
            .filter(|m| m.meta.is_live() && m.fields.goal_id == goal_id)
        {
            erase(m, now, by);
            t.add(DocKind::Milestone, m.meta.id);
        }
        for a in self
            .actions
            .iter_mut()
            .filter(|a| a.meta.is_live() && a.fields.goal_id == Some(goal_id))
        {
            erase(a, now, by);
            t.add(DocKind::Action, a.meta.id);
        }
        for k in self
            .kpis
            .iter_mut()
            .filter(|k| k.meta.is_live() && k.fields.goal_id == goal_id)
        {
            erase(k, now, by);
            t.add(DocKind::Kpi, k.meta.id);
        }
        // Its history quotes the goal ("before" and "after"): deleted with it, like its words.
        for h in self
            .adaptations
            .iter_mut()
            .filter(|h| h.meta.is_live() && h.goal_id == Some(goal_id))
        {
            erase(h, now, by);
            t.add(DocKind::Adaptation, h.meta.id);
        }
        for w in self
            .woops
            .iter_mut()
            .filter(|w| w.meta.is_live() && w.goal_id == goal_id)
        {
            erase(w, now, by);
            t.add(DocKind::Woop, w.meta.id);
        }
        Ok(t)
    }
}

fn show_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "none".to_owned(), |d| d.format("%-d %b %Y").to_string())
}

fn show_kpi(k: &super::kpi::KpiDraft) -> String {
    format!("{}: {} → {} {}", k.name, k.baseline, k.target, k.unit)
        .trim_end()
        .to_owned()
}

fn show_strategy(g: &GoalDraft) -> String {
    if g.support.trim().is_empty() {
        g.description.clone()
    } else {
        format!("{} (support: {})", g.description, g.support)
    }
}

fn show_status(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "active",
        GoalStatus::Paused => "paused",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Dropped => "dropped",
    }
}

fn show_serves(s: &[Serves]) -> String {
    s.iter()
        .map(|x| match x {
            Serves::Vision => "the vision".to_owned(),
            Serves::Value(v) => v.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per changed field, before and after.
fn show_edit(a: &GoalDraft, b: &GoalDraft) -> (String, String) {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut diff = |name: &str, x: String, y: String| {
        if x != y {
            before.push(format!("{name}: {x}"));
            after.push(format!("{name}: {y}"));
        }
    };
    diff("Title", a.title.clone(), b.title.clone());
    diff("Why", a.why.clone(), b.why.clone());
    diff("Description", a.description.clone(), b.description.clone());
    let conf = |c: Option<u8>| c.map_or_else(|| "not set".to_owned(), |c| format!("{c}/10"));
    diff("Confidence", conf(a.confidence), conf(b.confidence));
    diff("Support", a.support.clone(), b.support.clone());
    diff("Serves", show_serves(&a.serves), show_serves(&b.serves));
    diff(
        "Start date",
        show_date(Some(a.start_date)),
        show_date(Some(b.start_date)),
    );
    diff(
        "Target date",
        show_date(a.target_date),
        show_date(b.target_date),
    );
    diff(
        "Priority",
        format!("{:?}", a.priority),
        format!("{:?}", b.priority),
    );
    (before.join("\n"), after.join("\n"))
}
