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

/// The device's role as a signal, for what changes with it while the app runs (the coach's
/// Clients entry in the navigation). Provided once by the app; Settings sets it with the role.
#[derive(Clone, Copy)]
pub struct RoleSignal(pub leptos::prelude::RwSignal<Author>);

pub fn provide_role_signal() {
    leptos::prelude::provide_context(RoleSignal(leptos::prelude::RwSignal::new(device_role())));
}

pub fn role_signal() -> RoleSignal {
    leptos::prelude::use_context::<RoleSignal>()
        .unwrap_or_else(|| RoleSignal(leptos::prelude::RwSignal::new(device_role())))
}
