//! Which plans were backed up (a full plan file saved or shared) and when, kept in
//! localStorage. It lives apart from the plans on purpose: when the browser clears the
//! database, this record often survives and can tell the person which file brings their
//! work back.

use chrono::{DateTime, Local, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::core::backup::{days_ago, BackupAge};

const BACKUPS_KEY: &str = "waymark.backups";
/// Enough for a coach's whole caseload; the oldest records go first.
const MAX_KEPT: usize = 100;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    pub plan_id: Uuid,
    pub plan_title: String,
    pub file_name: String,
    pub at: DateTime<Utc>,
}

impl BackupRecord {
    /// When it was made, for reading: "26 Oct 2026 (30 days ago)".
    pub fn when(&self, now: DateTime<Utc>) -> String {
        format!(
            "{} ({})",
            self.at.with_timezone(&Local).format("%-d %b %Y"),
            days_ago(BackupAge::of(Some(self.at), now).days())
        )
    }
}

fn all() -> Vec<BackupRecord> {
    // A missing or unreadable list only means no backup is known.
    LocalStorage::get(BACKUPS_KEY).unwrap_or_default()
}

/// Remembers a finished backup, replacing the plan's previous one.
pub fn record_backup(record: BackupRecord) {
    let mut list = all();
    list.retain(|r| r.plan_id != record.plan_id);
    list.push(record);
    list.sort_by_key(|r| std::cmp::Reverse(r.at));
    list.truncate(MAX_KEPT);
    if let Err(e) = LocalStorage::set(BACKUPS_KEY, &list) {
        leptos::logging::warn!("could not remember the backup: {e}");
    }
}

/// The last backup of one plan.
pub fn last_backup(plan_id: Uuid) -> Option<BackupRecord> {
    all().into_iter().find(|r| r.plan_id == plan_id)
}

/// Every remembered backup, newest first.
pub fn known_backups() -> Vec<BackupRecord> {
    all()
}
