//! Screens and navigation (Leptos). Components call `core` and `store`; they never build
//! storage keys or parse files themselves.

mod app;
mod checkin;
mod clients;
mod exchange;
pub mod fault;
mod format;
mod icons;
mod idle;
mod journal;
mod page;
mod params;
mod plan;
mod plan_naming;
mod reminders;
mod review;
mod settings;
mod shell;
mod state;
mod today;
mod welcome;
mod widgets;
mod zone;

pub use app::App;

/// Mounts the app in place of the static "Opening your plan…" screen in index.html.
pub fn mount() {
    fault::install();
    let Some(root) = leptos::prelude::document().get_element_by_id("app") else {
        leptos::logging::error!("index.html has no #app element to mount Waymark into");
        return;
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, App).forget();
}
