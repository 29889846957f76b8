//! The device's role, for screens that stamp or choose it; kept by
//! `store::preferences::Preferences` with every other per-device key.

use crate::core::Author;
use crate::store::preferences::Preferences;

/// Whether the person on this device is the client or their coach; stamped on every change
/// so a merge knows whose edit it was.
pub fn device_role() -> Author {
    Preferences::local().role()
}

pub fn set_device_role(role: Author) {
    Preferences::local().set_role(role);
}
