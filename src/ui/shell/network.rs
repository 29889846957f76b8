//! Whether the browser believes it is online, as a signal that follows the online/offline events.

use leptos::ev;
use leptos::prelude::*;

pub fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(window().navigator().on_line());
    // The shell lives as long as the page, so these listeners never need removing.
    let _ = window_event_listener(ev::online, move |_| set_online.set(true));
    let _ = window_event_listener(ev::offline, move |_| set_online.set(false));
    online
}
