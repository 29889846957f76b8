//! The app shell: header, routed screens, bottom navigation and the update banner.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::checkin::CheckInScreen;
use super::journal::JournalScreen;
use super::page::NotFound;
use super::plan::PlanScreen;
use super::settings::SettingsScreen;
use super::shell::{theme, update, BottomNav, Header, UpdateBanner};
use super::today::TodayScreen;

/// The router would treat "#main" as a navigation, so the skip link moves focus itself.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let main: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(main);
        let _ = main.focus();
    }
}

#[component]
pub fn App() -> impl IntoView {
    theme::apply_saved();
    let update_ready = update::register_service_worker();

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
            <Header/>
            <main id="main" class="app-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=TodayScreen/>
                    <Route path=path!("/plan") view=PlanScreen/>
                    <Route path=path!("/checkin") view=CheckInScreen/>
                    <Route path=path!("/journal") view=JournalScreen/>
                    <Route path=path!("/settings") view=SettingsScreen/>
                </Routes>
            </main>
            <UpdateBanner ready=update_ready/>
            <BottomNav/>
        </Router>
    }
}
