//! The unit of persistence: one self-contained record of a plan, as the store keeps it.
//!
//! Every record (a goal, a reflection, the plan header itself) becomes one `Document` with a
//! stable id, so the store, the file exchange and a future replication engine only ever move
//! documents and never need to know what a goal is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which kind of record a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Plan,
    Profile,
    Assessment,
    Goal,
    Milestone,
    Action,
    Kpi,
    Measurement,
    Schedule,
    CheckIn,
    Review,
    Reflection,
    Adaptation,
    Woop,
    InterestProfile,
    GrowNote,
}

/// One stored record. `body` is the record serialised as JSON by the core; the store
/// never looks inside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub plan_id: Uuid,
    pub id: Uuid,
    pub kind: DocKind,
    /// Bumped by the store on every write; a write names the revision it was based on so
    /// that an edit made on a stale copy (another tab) is refused instead of overwriting.
    pub rev: u64,
    pub body: String,
}
