//! The app shell: header, routed screens, bottom navigation and the update banner.
//! Every route of the app is listed here, so a reader finds any screen from its address.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::checkin::{CheckInFlowScreen, CheckInScreen};
use super::clients::ClientsScreen;
use super::exchange::{provide_arrivals, LaunchListener, ShareScreen};
use super::journal::{JournalScreen, ReflectionEditorScreen};
use super::page::NotFound;
use super::plan::{
    ClientActivityScreen, GoalDetailScreen, GoalEditorScreen, GrowFlowScreen, PlanScreen,
    PrintPlanScreen, ProfileScreen, SessionNotesScreen, TimelineScreen, WoopFlowScreen,
};
use super::review::ReviewScreen;
use super::settings::SettingsScreen;
use super::shell::{
    theme, update, ArchivedNotice, BottomNav, Header, StorageFullNotice, UndoToast, UpdateBanner,
};
use super::state::provide_workspace;
use super::today::TodayScreen;
use super::welcome::{AssessmentScreen, InterestsScreen, WelcomeScreen};

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
    let update_ready = update::register_service_worker();
    super::reminders::watch();
    provide_arrivals();

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
                    <Route path=path!("/welcome/assessment") view=AssessmentScreen/>
                    <Route path=path!("/welcome/interests") view=InterestsScreen/>
                    <Route path=path!("/plan") view=PlanScreen/>
                    <Route path=path!("/plan/profile") view=ProfileScreen/>
                    <Route path=path!("/plan/history") view=TimelineScreen/>
                    <Route path=path!("/plan/client-activity") view=ClientActivityScreen/>
                    <Route path=path!("/plan/print") view=PrintPlanScreen/>
                    <Route path=path!("/plan/sessions") view=SessionNotesScreen/>
                    <Route path=path!("/plan/sessions/new") view=GrowFlowScreen/>
                    <Route path=path!("/plan/sessions/:id/edit") view=GrowFlowScreen/>
                    <Route path=path!("/plan/goals/new") view=GoalEditorScreen/>
                    <Route path=path!("/plan/goals/:id") view=GoalDetailScreen/>
                    <Route path=path!("/plan/goals/:id/edit") view=GoalEditorScreen/>
                    <Route path=path!("/plan/goals/:id/woop") view=WoopFlowScreen/>
                    <Route path=path!("/checkin") view=CheckInScreen/>
                    <Route path=path!("/checkin/run") view=CheckInFlowScreen/>
                    <Route path=path!("/review") view=ReviewScreen/>
                    <Route path=path!("/journal") view=JournalScreen/>
                    <Route path=path!("/journal/new") view=ReflectionEditorScreen/>
                    <Route path=path!("/journal/:id") view=ReflectionEditorScreen/>
                    <Route path=path!("/clients") view=ClientsScreen/>
                    <Route path=path!("/settings") view=SettingsScreen/>
                    <Route path=path!("/share") view=ShareScreen/>
                </Routes>
            </main>
            <UndoToast/>
            <UpdateBanner ready=update_ready/>
            <BottomNav/>
            <LaunchListener/>
        </Router>
    }
}
