//! Bookkeeping every record carries so that plans can be merged and synced record by record:
//! a stable id, when it was created and last changed, by whom, and whether it was deleted.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Who made the last change. The merge breaks ties with it, and the coach sees who wrote what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Coach,
    Client,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Author,
    /// A tombstone rather than a removal: a merge with an older copy must not bring the
    /// record back to life.
    #[serde(default)]
    pub deleted: bool,
}

impl Meta {
    pub fn new(id: Uuid, now: DateTime<Utc>, by: Author) -> Self {
        Meta {
            id,
            created_at: now,
            updated_at: now,
            updated_by: by,
            deleted: false,
        }
    }

    pub fn touch(&mut self, now: DateTime<Utc>, by: Author) {
        self.updated_at = now;
        self.updated_by = by;
    }

    pub fn is_live(&self) -> bool {
        !self.deleted
    }
}
