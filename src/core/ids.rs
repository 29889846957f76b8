//! Ids: typed ids for those that cross screens, fresh ids, and the ids of the records a plan
//! has exactly one of (profile, schedule).
//!
//! Those records are still separate documents, so they need ids, and every device must arrive at
//! the same id without talking to the others. They are derived from the plan id: the plan id's
//! bytes with the last byte XOR-ed with a per-kind tag, stamped as a UUID version 8 ("custom").
//! Record ids made by [`new_id`] are version 4, so a derived id can never equal one of them, and
//! the derivation is a pure function of the plan id (stable across devices, exports and merges).

use serde::{Deserialize, Serialize};
use uuid::{Builder, Uuid};

/// A typed id for an id that crosses screens (an address, the plan switcher, the session), so
/// a goal's id cannot be handed where a reflection's is wanted. Written exactly as the bare
/// UUID (`serde(transparent)`), so stored documents and plan files do not change; records
/// inside the plan keep `Meta::id`, and the screen turns the typed id back at the core's door
/// (`.uuid()`).
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// A plan on this device (the plan switcher, the session's open and stored plans).
    PlanId
);
id_type!(
    /// A goal, as its pages' addresses name it (`/plan/goals/:id`).
    GoalId
);
id_type!(
    /// A reflection, as the journal editor's address names it (`/journal/:id`).
    ReflectionId
);

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
