//! A backup record as the screens say it. Which plans were backed up, and when, is kept with
//! the device's preferences (`store::preferences`, reached through the workspace).

use chrono::{DateTime, Utc};

use crate::core::backup::{days_ago, BackupAge, BackupRecord};

impl BackupRecord {
    /// When it was made, for reading: "26 Oct 2026 (30 days ago)".
    pub fn when(&self, now: DateTime<Utc>) -> String {
        format!(
            "{} ({})",
            crate::ui::format::show_instant(self.at, None),
            days_ago(BackupAge::of(Some(self.at), now).days())
        )
    }
}
