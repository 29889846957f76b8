//! Every screen but the two a visit starts on (Today, Welcome). With the `split` feature each is
//! a split point that `wasm-split-cli` moves out of the main module into a chunk fetched on first
//! visit (spike for issue #14, bench-results/size-breakdown.md). Without the feature each is its
//! plain component, exactly as before: a split point's wasm imports its loader from
//! `__wasm_split_placeholder__`, which only the splitter resolves, so trunk must not see it.

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
