//! When progress reports from a client were imported into each plan on this device, so the
//! coach's "since the last report" view knows where the previous exchange ended. Kept with the
//! device's preferences: losing it only widens that view to everything the client recorded.

use chrono::{DateTime, Utc};
use uuid::Uuid;

pub use crate::core::activity::ReportWindow;
use crate::store::preferences::Preferences;

/// Enough for a coach's whole caseload.
const MAX_PLANS: usize = 200;

/// Notes a progress report exported at `exported_at` as imported into `plan_id`. Importing
/// the same or an older report again changes nothing.
pub fn record_report(plan_id: Uuid, exported_at: DateTime<Utc>) {
    let prefs = Preferences::local();
    let mut list = prefs.report_windows();
    let current = list.iter().position(|w| w.plan_id == plan_id);
    let Some(window) = ReportWindow::after_import(current.map(|i| &list[i]), plan_id, exported_at)
    else {
        return;
    };
    if let Some(i) = current {
        list.remove(i);
    }
    list.insert(0, window);
    list.truncate(MAX_PLANS);
    prefs.set_report_windows(&list);
}

/// The latest report window of a plan, if a client's report was ever imported into it here.
pub fn report_window(plan_id: Uuid) -> Option<ReportWindow> {
    Preferences::local()
        .report_windows()
        .into_iter()
        .find(|w| w.plan_id == plan_id)
}

/// The coach has looked at what the latest report brought ("Since the last report").
pub fn mark_report_seen(plan_id: Uuid) {
    let prefs = Preferences::local();
    let mut list = prefs.report_windows();
    if let Some(w) = list.iter_mut().find(|w| w.plan_id == plan_id && !w.seen) {
        w.seen = true;
        prefs.set_report_windows(&list);
    }
}

/// Every plan's latest report window.
pub fn report_windows() -> Vec<ReportWindow> {
    Preferences::local().report_windows()
}
