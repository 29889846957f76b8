//! Which plans were backed up (a full plan file saved or shared) and when, kept with the
//! device's preferences. It lives apart from the plans on purpose: when the browser clears the
//! database, this record often survives and can tell the person which file brings their
//! work back.

use chrono::{DateTime, Utc};
use uuid::Uuid;

pub use crate::core::backup::BackupRecord;
use crate::core::backup::{days_ago, BackupAge};
use crate::store::preferences::Preferences;

/// Enough for a coach's whole caseload; the oldest records go first.
const MAX_KEPT: usize = 100;

impl BackupRecord {
    /// When it was made, for reading: "26 Oct 2026 (30 days ago)".
    pub fn when(&self, now: DateTime<Utc>) -> String {
        format!(
            "{} ({})",
            crate::ui::format::show_instant(self.at),
            days_ago(BackupAge::of(Some(self.at), now).days())
        )
    }
}

/// Remembers a finished backup, replacing the plan's previous one.
pub fn record_backup(record: BackupRecord) {
    let prefs = Preferences::local();
    let mut list = prefs.backups();
    list.retain(|r| r.plan_id != record.plan_id);
    list.push(record);
    list.sort_by_key(|r| std::cmp::Reverse(r.at));
    list.truncate(MAX_KEPT);
    prefs.set_backups(&list);
}

/// The last backup of one plan.
pub fn last_backup(plan_id: Uuid) -> Option<BackupRecord> {
    known_backups().into_iter().find(|r| r.plan_id == plan_id)
}

/// Every remembered backup, newest first (a missing or unreadable list: none known).
pub fn known_backups() -> Vec<BackupRecord> {
    Preferences::local().backups()
}
