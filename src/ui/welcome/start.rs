//! The first screen on a new device: start a plan of your own, or explore a sample plan.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::meta::Author;
use crate::session::NewPlan;
use crate::ui::page::Page;
use crate::ui::state::{use_workspace, LoadState};
use crate::ui::widgets::{ErrorNotice, TextField};

#[component]
pub fn WelcomeScreen() -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let title = RwSignal::new("My career plan".to_owned());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Until the workspace knows whether this device has plans, the buttons wait (a moment at most).
    let unavailable = move || busy.get() || ws.load.get() == LoadState::Loading;

    let start = {
        let navigate = navigate.clone();
        move |plan: NewPlan, to: &'static str| {
            let navigate = navigate.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = ws.start_plan(plan).await.map_err(|e| e.to_string());
                busy.set(false);
                match result {
                    Ok(()) => navigate(to, Default::default()),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let start_sample = start.clone();
    // A coach starts plans for clients and receives their reports; a client starts their own
    // and receives files from their coach. The words follow the role set on this device.
    let coach = ws.preferences().role() == Author::Coach;

    view! {
        <Page title="Welcome to Waymark">
            <p class="lead">
                {if coach {
                    "Waymark keeps your clients' career-coaching plans on this device: their vision, SMART goals, \
                     check-ins and journal. It works offline, and nothing leaves this device unless you export it."
                } else {
                    "Waymark keeps your career-coaching plan on this device: your vision, SMART goals, \
                     check-ins and a private journal. It works offline, and nothing leaves this device unless you export it."
                }}
            </p>
            <ErrorNotice message=error/>
            <form class="card" on:submit=move |ev| {
                ev.prevent_default();
                start(NewPlan::Own(title.get_untracked()), "/welcome/assessment");
            }>
                <h2>{if coach { "Start a plan for a client" } else { "Start your own plan" }}</h2>
                <TextField label=if coach { "Name of the plan" } else { "Name of your plan" } value=title required=true/>
                <button class="button primary" type="submit" disabled=unavailable>
                    {if coach { "Start the plan" } else { "Start my plan" }}
                </button>
            </form>
            <div class="card">
                <h2>"Not sure yet?"</h2>
                <p>"Explore a realistic example first: Maya, a teacher moving into UX research."</p>
                <button class="button" type="button" data-testid="try-sample"
                    disabled=unavailable
                    on:click=move |_| start_sample(NewPlan::Sample, "/")>
                    "Try with a sample plan"
                </button>
            </div>
            <div class="card">
                {if coach {
                    view! {
                        <h2>"Got a file from a client?"</h2>
                        <p>"Open the progress report (.waymark.json) a client sent you, or a backup of your own."</p>
                    }.into_any()
                } else {
                    view! {
                        <h2>"Got a file from your coach?"</h2>
                        <p>"Open the plan file (.waymark.json) your coach sent you, or a backup of your own."</p>
                    }.into_any()
                }}
                <a class="button" href="/share">"Open a plan file"</a>
            </div>
        </Page>
    }
}
