//! The app shell: header, routed screens, bottom navigation and the update banner.
//! Every route of the app is listed here, so a reader finds any screen from its address.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::exchange::{provide_arrivals, LaunchListener};
use super::page::NotFound;
use super::shell::{
    theme, update, ArchivedNotice, BottomNav, Header, StorageFullNotice, UndoToast, UpdateBanner,
};
use super::state::provide_workspace;
use super::today::TodayScreen;
use super::welcome::WelcomeScreen;

/// Every screen but the two a visit starts on (Today, Welcome). With the `split` feature each is
/// a split point that `wasm-split-cli` moves out of the main module into a chunk fetched on first
/// visit (spike for issue #14, bench-results/size-breakdown.md). Without the feature each is its
/// plain component, exactly as before: a split point's wasm imports its loader from
/// `__wasm_split_placeholder__`, which only the splitter resolves, so trunk must not see it.
mod screen {
    #[cfg(not(feature = "split"))]
    use leptos_router::ChooseView;

    macro_rules! screens {
        ($($view:ident => $screen:path;)*) => {
            $(
                #[cfg(feature = "split")]
                pub mod $view {
                    use leptos::prelude::{AnyView, IntoAny};
                    use leptos::wasm_split::{wasm_split, SplitLoaderError};
                    use leptos_router::{ChooseView, Lazy, LazyRoute};

                    #[derive(Debug)]
                    pub struct Route;

                    // `fallible`: a chunk that cannot be fetched (offline before the service
                    // worker has stored it) is an error shown on the screen; leptos's own
                    // `#[lazy_route]` panics there, which stops the whole app.
                    #[wasm_split($view, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch))]
                    pub fn load() -> Result<AnyView, SplitLoaderError> {
                        Ok($screen().into_any())
                    }

                    impl LazyRoute for Route {
                        fn data() -> Self {
                            Route
                        }

                        async fn view(_this: Self) -> AnyView {
                            match load().await {
                                Ok(view) => view,
                                Err(_) => super::NotLoaded().into_any(),
                            }
                        }

                        async fn preload() {
                            let _ = fetch().await;
                        }
                    }

                    pub fn view() -> impl ChooseView {
                        Lazy::<Route>::new()
                    }
                }

                #[cfg(not(feature = "split"))]
                pub mod $view {
                    pub fn view() -> impl super::ChooseView {
                        $screen
                    }
                }
            )*

            /// Fetches every screen's chunk in turn once the first screen is up, so the app
            /// keeps working offline even before the service worker has stored the chunks.
            #[cfg(feature = "split")]
            pub async fn fetch_all() {
                $( let _ = $view::fetch().await; )*
            }
        };
    }

    /// What a lazy screen shows when its code could not be fetched.
    #[cfg(feature = "split")]
    #[leptos::component]
    fn NotLoaded() -> impl leptos::IntoView {
        use leptos::prelude::*;
        view! {
            <crate::ui::page::Page title="This screen is not on this device yet">
                <p role="alert">
                    "Waymark could not fetch this screen: you seem to be offline. Your plan is safe. "
                    "Open it again when you are connected."
                </p>
            </crate::ui::page::Page>
        }
    }

    screens! {
        plan => crate::ui::plan::PlanScreen;
        check_in => crate::ui::checkin::CheckInScreen;
        journal => crate::ui::journal::JournalScreen;
        review => crate::ui::review::ReviewScreen;
        settings => crate::ui::settings::SettingsScreen;
        goal_detail => crate::ui::plan::GoalDetailScreen;
        goal_editor => crate::ui::plan::GoalEditorScreen;
        check_in_flow => crate::ui::checkin::CheckInFlowScreen;
        reflection_editor => crate::ui::journal::ReflectionEditorScreen;
        woop_flow => crate::ui::plan::WoopFlowScreen;
        share => crate::ui::exchange::ShareScreen;
        clients => crate::ui::clients::ClientsScreen;
        assessment => crate::ui::welcome::AssessmentScreen;
        interests => crate::ui::welcome::InterestsScreen;
        profile => crate::ui::plan::ProfileScreen;
        timeline => crate::ui::plan::TimelineScreen;
        client_activity => crate::ui::plan::ClientActivityScreen;
        print_plan => crate::ui::plan::PrintPlanScreen;
        session_notes => crate::ui::plan::SessionNotesScreen;
        grow_flow => crate::ui::plan::GrowFlowScreen;
    }
}

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
    #[cfg(feature = "split")]
    leptos::task::spawn_local(screen::fetch_all());

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
                    <Route path=path!("/welcome/assessment") view=screen::assessment::view()/>
                    <Route path=path!("/welcome/interests") view=screen::interests::view()/>
                    <Route path=path!("/plan") view=screen::plan::view()/>
                    <Route path=path!("/plan/profile") view=screen::profile::view()/>
                    <Route path=path!("/plan/history") view=screen::timeline::view()/>
                    <Route path=path!("/plan/client-activity") view=screen::client_activity::view()/>
                    <Route path=path!("/plan/print") view=screen::print_plan::view()/>
                    <Route path=path!("/plan/sessions") view=screen::session_notes::view()/>
                    <Route path=path!("/plan/sessions/new") view=screen::grow_flow::view()/>
                    <Route path=path!("/plan/sessions/:id/edit") view=screen::grow_flow::view()/>
                    <Route path=path!("/plan/goals/new") view=screen::goal_editor::view()/>
                    <Route path=path!("/plan/goals/:id") view=screen::goal_detail::view()/>
                    <Route path=path!("/plan/goals/:id/edit") view=screen::goal_editor::view()/>
                    <Route path=path!("/plan/goals/:id/woop") view=screen::woop_flow::view()/>
                    <Route path=path!("/checkin") view=screen::check_in::view()/>
                    <Route path=path!("/checkin/run") view=screen::check_in_flow::view()/>
                    <Route path=path!("/review") view=screen::review::view()/>
                    <Route path=path!("/journal") view=screen::journal::view()/>
                    <Route path=path!("/journal/new") view=screen::reflection_editor::view()/>
                    <Route path=path!("/journal/:id") view=screen::reflection_editor::view()/>
                    <Route path=path!("/clients") view=screen::clients::view()/>
                    <Route path=path!("/settings") view=screen::settings::view()/>
                    <Route path=path!("/share") view=screen::share::view()/>
                </Routes>
            </main>
            <UndoToast/>
            <UpdateBanner ready=update_ready/>
            <BottomNav/>
            <LaunchListener/>
        </Router>
    }
}
