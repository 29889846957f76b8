//! The top bar: the app's name, the open plan's client and title when the device holds more
//! than one plan (so a coach never edits the wrong client's plan), and, when the network is
//! gone, an offline badge (so a user knows their work is being kept on the device, not lost).

use leptos::prelude::*;

use super::network;
use crate::ui::icons::Icon;
use crate::ui::state::{use_workspace, SaveIndicator};

#[component]
pub fn Header() -> impl IntoView {
    let online = network::online_signal();
    let ws = use_workspace();
    let open_plan = Memo::new(move |_| {
        let many = ws.plans.with(|l| l.len() > 1);
        ws.plan.with(|p| {
            p.as_ref().filter(|_| many).map(|p| {
                let kind = match (p.kind, p.archived) {
                    (_, true) => Some("archived"),
                    (crate::core::PlanKind::Template, _) => Some("template"),
                    _ => None,
                };
                (p.client_name().map(str::to_owned), p.title.clone(), kind)
            })
        })
    });
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
            {move || open_plan.get().map(|(client, title, kind)| view! {
                <p class="open-plan" data-testid="open-plan">
                    <span class="visually-hidden">"Open plan: "</span>
                    {client.map(|c| view! { <strong class="open-plan-client">{c}</strong> })}
                    <span class="open-plan-title">{title}</span>
                    {kind.map(|k| view! { <span class="tag">{k}</span> })}
                </p>
            })}
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
