//! When progress reports from a client were imported into each plan on this device, so the
//! coach's "since the last report" view knows where the previous exchange ended. Kept in
//! localStorage: losing it only widens that view to everything the client recorded.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

const REPORTS_KEY: &str = "waymark.reports";
/// Enough for a coach's whole caseload.
const MAX_PLANS: usize = 200;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportWindow {
    pub plan_id: Uuid,
    /// When the client exported the latest report imported here.
    pub latest: DateTime<Utc>,
    /// When they exported the one before (none for the first report).
    pub previous: Option<DateTime<Utc>>,
}

fn all() -> Vec<ReportWindow> {
    LocalStorage::get(REPORTS_KEY).unwrap_or_default()
}

/// Notes a progress report exported at `exported_at` as imported into `plan_id`. Importing
/// the same or an older report again changes nothing.
pub fn record_report(plan_id: Uuid, exported_at: DateTime<Utc>) {
    let mut list = all();
    let window = match list.iter().position(|w| w.plan_id == plan_id) {
        Some(i) if list[i].latest >= exported_at => return,
        Some(i) => {
            let old = list.remove(i);
            ReportWindow {
                plan_id,
                latest: exported_at,
                previous: Some(old.latest),
            }
        }
        None => ReportWindow {
            plan_id,
            latest: exported_at,
            previous: None,
        },
    };
    list.insert(0, window);
    list.truncate(MAX_PLANS);
    if let Err(e) = LocalStorage::set(REPORTS_KEY, &list) {
        leptos::logging::warn!("could not remember the progress report: {e}");
    }
}

/// The latest report window of a plan, if a client's report was ever imported into it here.
pub fn report_window(plan_id: Uuid) -> Option<ReportWindow> {
    all().into_iter().find(|w| w.plan_id == plan_id)
}
