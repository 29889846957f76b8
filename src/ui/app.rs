//! The app shell: header, routed screens, bottom navigation and the update banner.
//! Every route of the app is listed here, so a reader finds any screen from its address.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::exchange::{provide_arrivals, LaunchListener};
use super::lazy_screens;
use super::page::NotFound;
use super::shell::{
    provide_screen_loading, theme, update, ArchivedNotice, BottomNav, Header, ScreenLoading,
    StorageFullNotice, UndoToast, UpdateBanner,
};
use super::state::provide_workspace;
use super::today::TodayScreen;
use super::welcome::WelcomeScreen;

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
    let ws = provide_workspace();
    theme::apply(ws.preferences().theme());
    let update_ready = update::register_service_worker(|| {
        #[cfg(feature = "split")]
        super::idle::when_idle(|| leptos::task::spawn_local(lazy_screens::fetch_all()));
    });
    super::reminders::watch();
    provide_arrivals();
    provide_screen_loading();

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
            <Header/>
            <main id="main" class="app-main" tabindex="-1">
                <StorageFullNotice/>
                <ArchivedNotice/>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=TodayScreen/>
                    <Route path=path!("/welcome") view=WelcomeScreen/>
                    <Route path=path!("/welcome/assessment") view=lazy_screens::assessment::view()/>
                    <Route path=path!("/welcome/interests") view=lazy_screens::interests::view()/>
                    <Route path=path!("/plan") view=lazy_screens::plan::view()/>
                    <Route path=path!("/plan/profile") view=lazy_screens::profile::view()/>
                    <Route path=path!("/plan/history") view=lazy_screens::timeline::view()/>
                    <Route path=path!("/plan/client-activity") view=lazy_screens::client_activity::view()/>
                    <Route path=path!("/plan/print") view=lazy_screens::print_plan::view()/>
                    <Route path=path!("/plan/sessions") view=lazy_screens::session_notes::view()/>
                    <Route path=path!("/plan/sessions/new") view=lazy_screens::grow_flow::view()/>
                    <Route path=path!("/plan/sessions/:id/edit") view=lazy_screens::grow_flow::view()/>
                    <Route path=path!("/plan/goals/new") view=lazy_screens::goal_editor::view()/>
                    <Route path=path!("/plan/goals/:id") view=lazy_screens::goal_detail::view()/>
                    <Route path=path!("/plan/goals/:id/edit") view=lazy_screens::goal_editor::view()/>
                    <Route path=path!("/plan/goals/:id/woop") view=lazy_screens::woop_flow::view()/>
                    <Route path=path!("/checkin") view=lazy_screens::check_in::view()/>
                    <Route path=path!("/checkin/run") view=lazy_screens::check_in_flow::view()/>
                    <Route path=path!("/review") view=lazy_screens::review::view()/>
                    <Route path=path!("/journal") view=lazy_screens::journal::view()/>
                    <Route path=path!("/journal/new") view=lazy_screens::reflection_editor::view()/>
                    <Route path=path!("/journal/:id") view=lazy_screens::reflection_editor::view()/>
                    <Route path=path!("/clients") view=lazy_screens::clients::view()/>
                    <Route path=path!("/settings") view=lazy_screens::settings::view()/>
                    <Route path=path!("/share") view=lazy_screens::share::view()/>
                </Routes>
            </main>
            <ScreenLoading/>
            <UndoToast/>
            <UpdateBanner ready=update_ready/>
            <BottomNav/>
            <LaunchListener/>
        </Router>
    }
}
