//! The Clients screen's rows, from the plan list the session keeps and each plan's
//! [`PlanFacts`] (kept with the preferences, so 30 plans are not decoded to list them).
//! Pure: tested natively in tests/session_clients.rs.

use crate::core::sorting::sort_by_key;
use std::collections::HashMap;

use crate::core::ids::PlanId;
use chrono::{DateTime, Utc};

use super::PlanSummary;
use crate::core::activity::ReportWindow;
use crate::core::practice::{PlanFacts, Standing};
use crate::core::PlanKind;

/// One client plan as the Clients screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClientRow {
    pub id: PlanId,
    /// Whom the plan is for; `None` when nobody named them yet.
    pub client: Option<String>,
    pub title: String,
    pub archived: bool,
    /// When the client exported the latest progress report imported here.
    pub last_report: Option<DateTime<Utc>>,
    /// That report brought news the coach has not looked at yet ("Since the last report").
    pub news: bool,
    /// `None` until the plan's facts are known (a plan never opened by this version).
    pub standing: Option<Standing>,
}

impl ClientRow {
    /// The name the row is sorted and searched by.
    pub fn name(&self) -> &str {
        self.client.as_deref().unwrap_or(&self.title)
    }
}

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Late check-ins first (the latest the longest ago), then unread reports, then by name.
    #[default]
    OverdueFirst,
    ByName,
}

/// Which rows the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    pub order: Order,
    /// The archived plans instead of the active ones.
    pub archived: bool,
    /// Part of the client's name or the plan's title, any case.
    pub query: String,
}

/// The client plans matching `filter`, in its order.
pub fn client_rows(
    plans: &[PlanSummary],
    facts: &HashMap<PlanId, PlanFacts>,
    reports: &[ReportWindow],
    filter: &RowFilter,
    now: DateTime<Utc>,
) -> Vec<ClientRow> {
    let query = filter.query.trim().to_lowercase();
    let mut rows: Vec<ClientRow> = plans
        .iter()
        .filter(|p| p.kind == PlanKind::ClientPlan && p.archived == filter.archived)
        .map(|p| {
            let f = facts.get(&p.id);
            let report = reports.iter().find(|w| w.plan_id == p.id.uuid());
            ClientRow {
                id: p.id,
                client: p
                    .client
                    .clone()
                    .or_else(|| f.and_then(|f| f.client_name.clone())),
                title: p.title.clone(),
                archived: p.archived,
                last_report: report.map(|w| w.latest),
                news: report.is_some_and(|w| !w.seen),
                standing: f.map(|f| f.standing(now)),
            }
        })
        .filter(|r| {
            query.is_empty()
                || r.name().to_lowercase().contains(&query)
                || r.title.to_lowercase().contains(&query)
        })
        .collect();
    match filter.order {
        Order::ByName => sort_by_key(&mut rows, |r| r.name().to_lowercase()),
        Order::OverdueFirst => sort_by_key(&mut rows, |r| {
            let late = r
                .standing
                .filter(Standing::overdue)
                .map(|s| match s.checkin {
                    crate::core::practice::CheckInDue::Due { days_late, .. } => -days_late,
                    _ => 0,
                });
            (late.is_none(), late, !r.news, r.name().to_lowercase())
        }),
    }
    rows
}

/// A template as the Clients screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TemplateRow {
    pub id: PlanId,
    pub title: String,
    pub archived: bool,
    /// Client plans on this device started from it (archived ones included).
    pub client_plans: usize,
}

/// The templates on this device, by title.
pub fn template_rows(plans: &[PlanSummary]) -> Vec<TemplateRow> {
    plans
        .iter()
        .filter(|p| p.kind == PlanKind::Template)
        .map(|t| TemplateRow {
            id: t.id,
            title: t.title.clone(),
            archived: t.archived,
            client_plans: plans
                .iter()
                .filter(|p| p.kind == PlanKind::ClientPlan && p.from_template == Some(t.id))
                .count(),
        })
        .collect()
}
