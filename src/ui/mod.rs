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
mod lazy_screens;
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

/// Mounts the app in place of index.html's static first screen.
pub fn mount() {
    fault::install();
    // A browser counts a screen as shown only once its frame is presented, a task after the
    // paint. Replaced sooner (the wasm came from a cache or a fast network), the static
    // Welcome would not count, and the app's identical one would be taken for the first
    // meaningful paint. index.html's first script leaves a promise that settles once the
    // browser has reported it (or at once where it reports no such thing).
    let shown = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"waymarkFirstScreenShown".into()).ok())
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    match shown {
        Some(shown) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
            replace_static_screen();
        }),
        None => replace_static_screen(),
    }
}

fn replace_static_screen() {
    let Some(root) = leptos::prelude::document().get_element_by_id("app") else {
        leptos::logging::error!("index.html has no #app element to mount Waymark into");
        return;
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, App).forget();
}
