//! When a plan was last backed up (exported in full) and whether that is long enough ago to
//! nudge. Browsers may clear site storage; a recent backup file is what lets a client or a
//! coach get their work back.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A backup made on this device: which plan, to which file, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    pub plan_id: Uuid,
    pub plan_title: String,
    pub file_name: String,
    pub at: DateTime<Utc>,
}

/// A backup older than this many days earns a reminder.
pub const NUDGE_AFTER_DAYS: i64 = 14;
/// Where the browser may clear the data regardless of what Waymark asks, a backup this many
/// days old already earns one: a browser without `persist()` (WebKitGTK, Safari before 15.2)
/// may clear it under pressure, and Safari on an iPhone or iPad deletes a site's storage after
/// seven days of use without a visit unless it runs from the Home Screen. There the backup
/// file is the only protection, and it should be about a week old at most.
pub const NUDGE_AFTER_DAYS_UNPROTECTED: i64 = 7;

/// Whether this browser can be asked to keep the stored data (`navigator.storage.persist`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageSafety {
    /// The browser offers persistent storage (granted or not yet).
    CanPersist,
    /// No such offer (WebKit without `persist()`): only a backup file protects the plan.
    CannotPersist,
    /// A browser tab on an iPhone or iPad (not the app on the Home Screen): Safari deletes a
    /// site's storage after seven days of use without a visit, whatever `persist()` says.
    ClearedWhenUnvisited,
}

/// How the last backup of a plan stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupAge {
    /// No full backup was made on this device.
    Never,
    /// Made within [`NUDGE_AFTER_DAYS`] days.
    Recent { days: i64 },
    /// Made longer ago: time for a new one.
    Old { days: i64 },
}

impl BackupAge {
    pub fn of(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        match last {
            None => Self::Never,
            // A clock moved back counts as "today", not as a negative age.
            Some(at) => match (now - at).num_days().max(0) {
                days if days > NUDGE_AFTER_DAYS => Self::Old { days },
                days => Self::Recent { days },
            },
        }
    }

    /// Days since the backup (0 when there was none).
    pub fn days(self) -> i64 {
        match self {
            Self::Never => 0,
            Self::Recent { days } | Self::Old { days } => days,
        }
    }

    pub fn needs_nudge(self, safety: StorageSafety) -> bool {
        match (self, safety) {
            (
                Self::Recent { days },
                StorageSafety::CannotPersist | StorageSafety::ClearedWhenUnvisited,
            ) => days >= NUDGE_AFTER_DAYS_UNPROTECTED,
            (Self::Recent { .. }, StorageSafety::CanPersist) => false,
            (Self::Never | Self::Old { .. }, _) => true,
        }
    }
}

/// "today", "yesterday", "5 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    }
}
