//! The top bar: the app's name and, when the network is gone, an offline badge (so a user
//! knows their work is being kept on the device, not lost).

use leptos::prelude::*;

use super::network;
use crate::ui::icons::Icon;
use crate::ui::state::SaveIndicator;

#[component]
pub fn Header() -> impl IntoView {
    let online = network::online_signal();
    view! {
        <header class="app-header">
            <p class="app-name">
                <svg viewBox="0 0 512 512" aria-hidden="true" focusable="false">
                    <rect width="512" height="512" rx="112" fill="currentColor"/>
                    <path d="M236 388V116" stroke="#f6f4ef" stroke-width="34" stroke-linecap="round"/>
                    <path d="M250 120h140l-36 52 36 52H250z" fill="#f2b544"/>
                </svg>
                "Waymark"
            </p>
            <div class="header-status">
            <SaveIndicator/>
            <Show when=move || !online.get()>
                <span class="offline-badge" role="status" data-testid="offline-badge">
                    <Icon name="cloud-off"/>
                    "Offline"
                    <span class="visually-hidden">" — your work is kept on this device"</span>
                </span>
            </Show>
            </div>
        </header>
    }
}
