//! Ids for the records a plan has exactly one of (profile, schedule).
//!
//! Those records are still separate documents, so they need ids, and every device must arrive at
//! the same id without talking to the others. They are derived from the plan id: the plan id's
//! bytes with the last byte XOR-ed with a per-kind tag, stamped as a UUID version 8 ("custom").
//! Record ids made by [`new_id`] are version 4, so a derived id can never equal one of them, and
//! the derivation is a pure function of the plan id (stable across devices, exports and merges).

use uuid::{Builder, Uuid};

const PROFILE_TAG: u8 = 0x01;
const SCHEDULE_TAG: u8 = 0x02;

fn derived(plan_id: Uuid, tag: u8) -> Uuid {
    let mut bytes = *plan_id.as_bytes();
    bytes[15] ^= tag;
    Builder::from_custom_bytes(bytes).into_uuid()
}

/// The id of the plan's client profile document.
pub fn profile_id(plan_id: Uuid) -> Uuid {
    derived(plan_id, PROFILE_TAG)
}

/// The id of the plan's check-in schedule document.
pub fn schedule_id(plan_id: Uuid) -> Uuid {
    derived(plan_id, SCHEDULE_TAG)
}

/// A fresh random id for a new record.
pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// A version 4 id made from caller-supplied random bytes, for deterministic generators.
pub fn id_from_bytes(bytes: [u8; 16]) -> Uuid {
    Builder::from_random_bytes(bytes).into_uuid()
}
