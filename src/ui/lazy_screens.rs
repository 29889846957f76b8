//! Every screen but the two a visit starts on (Today, Welcome). With the `split` feature (the
//! release build, scripts/build-release.mjs) each is a split point that `wasm-split-cli` moves out
//! of the main module, into its group's module, fetched on the group's first visit. Screens a
//! person moves between in one journey share a group, so a journey started online goes on
//! offline, and few groups make few shared chunks (20 split points made 356; see
//! bench-results/size-breakdown.md). Without the feature each is its plain component: a split
//! point's wasm imports its loader from `__wasm_split_placeholder__`, which only the splitter
//! resolves, so a plain trunk build (the tests' wasm) must not contain one.

#[cfg(not(feature = "split"))]
use leptos_router::ChooseView;

macro_rules! screens {
    ($($view:ident in $group:ident => $screen:path;)*) => {
        $(
            #[cfg(feature = "split")]
            pub mod $view {
                use leptos::prelude::{AnyView, IntoAny};
                use leptos::wasm_split::{wasm_split, SplitLoaderError};
                use leptos_router::{ChooseView, Lazy, LazyRoute};

                use crate::ui::shell::while_opening;

                #[derive(Debug)]
                pub struct Route;

                // `fallible`: a chunk that cannot be fetched (offline before the service
                // worker has stored it) is an error shown on the screen; leptos's own
                // `#[lazy_route]` panics there, which stops the whole app.
                // Named after the screen: a split point's link symbol is made of its group and
                // its function's name, so within a group each needs a name of its own.
                #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch))]
                pub fn $view() -> Result<AnyView, SplitLoaderError> {
                    Ok($screen().into_any())
                }

                impl LazyRoute for Route {
                    fn data() -> Self {
                        Route
                    }

                    async fn view(_this: Self) -> AnyView {
                        match while_opening(super::opening::$group, $view()).await {
                            Ok(view) => view,
                            Err(e) => {
                                // The loader reports nothing itself (scripts/build-release.mjs):
                                // a load cut short by leaving the page is no error.
                                leptos::logging::warn!("the {} screen's code was not fetched: {e:?}", stringify!($view));
                                super::NotLoaded().into_any()
                            }
                        }
                    }

                    async fn preload() {
                        let _ = while_opening(super::opening::$group, fetch()).await;
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

        /// Fetches every group's code in turn. For a browser where no service worker keeps the
        /// build (it could not be registered): the app then keeps working offline as long as
        /// the page is open. Where one registers, its install stores every group, so fetching
        /// them here too would download and compile them twice on a first visit.
        #[cfg(feature = "split")]
        pub async fn fetch_all() {
            crate::ui::state::fetch_opening().await;
            $( let _ = $view::fetch().await; )*
        }
    };
}

/// What "Opening …" says while a group's code is on its way (shell/screen_loading.rs).
#[cfg(feature = "split")]
#[allow(non_upper_case_globals)]
mod opening {
    pub const plan: &str = "your plan";
    pub const check_in: &str = "Check-in";
    pub const journal: &str = "your journal";
    pub const share: &str = "Share";
    pub const settings: &str = "Settings";
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
    plan in plan => crate::ui::plan::PlanScreen;
    goal_detail in plan => crate::ui::plan::GoalDetailScreen;
    goal_editor in plan => crate::ui::plan::GoalEditorScreen;
    woop_flow in plan => crate::ui::plan::WoopFlowScreen;
    profile in plan => crate::ui::plan::ProfileScreen;
    timeline in plan => crate::ui::plan::TimelineScreen;
    client_activity in plan => crate::ui::plan::ClientActivityScreen;
    print_plan in plan => crate::ui::plan::PrintPlanScreen;
    session_notes in plan => crate::ui::plan::SessionNotesScreen;
    grow_flow in plan => crate::ui::plan::GrowFlowScreen;
    assessment in plan => crate::ui::welcome::AssessmentScreen;
    interests in plan => crate::ui::welcome::InterestsScreen;
    check_in in check_in => crate::ui::checkin::CheckInScreen;
    check_in_flow in check_in => crate::ui::checkin::CheckInFlowScreen;
    review in check_in => crate::ui::review::ReviewScreen;
    journal in journal => crate::ui::journal::JournalScreen;
    reflection_editor in journal => crate::ui::journal::ReflectionEditorScreen;
    share in share => crate::ui::exchange::ShareScreen;
    clients in share => crate::ui::clients::ClientsScreen;
    settings in settings => crate::ui::settings::SettingsScreen;
}
