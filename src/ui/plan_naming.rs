//! Naming plans: the open plan's title and whom it is for, and a new client plan started from
//! a template (on the Clients screen) (whom it is for and its first day, so the template's dates count from
//! that day and nothing is overdue on day one).

use leptos::prelude::*;

use super::format;
use super::state::use_workspace;
use super::widgets::ErrorNotice;
use crate::core::ids::new_id;
use crate::core::PlanKind;

/// The open plan's title and, for a client plan, whom it is for.
#[component]
pub fn PlanNaming() -> impl IntoView {
    let ws = use_workspace();
    let title = RwSignal::new(String::new());
    let client = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let open = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref().map(|p| {
                (
                    p.id(),
                    p.title.clone(),
                    p.client.clone(),
                    p.kind,
                    p.archived,
                )
            })
        })
    });
    // The fields follow the open plan (another plan opened, or a change from another tab).
    Effect::new(move |_| {
        if let Some((_, t, c, _, _)) = open.get() {
            title.set(t);
            client.set(c.unwrap_or_default());
        }
    });
    let is_client_plan =
        move || open.with(|o| o.as_ref().is_some_and(|o| o.3 == PlanKind::ClientPlan));
    let archived = move || open.with(|o| o.as_ref().is_some_and(|o| o.4));
    let save = move || {
        error.set(None);
        done.set(false);
        let (t, c) = (title.get_untracked(), client.get_untracked());
        let with_client = is_client_plan();
        ws.change_with_undo(
            "Plan renamed",
            error,
            move || done.set(true),
            move |p, now, by| {
                let touched = p.rename(t.trim(), now, by)?;
                if with_client {
                    // Both change the plan's header: one document to save either way.
                    p.set_client(&c, now, by)
                } else {
                    Ok(touched)
                }
            },
        );
    };
    view! {
        <Show when=move || open.with(Option::is_some)>
            <form class="card" aria-labelledby="naming-heading" data-testid="plan-naming"
                on:submit=move |ev| { ev.prevent_default(); save(); }>
                <h2 id="naming-heading">"This plan's name"</h2>
                <div class="field">
                    <label for="plan-title-input">"Title"</label>
                    <input id="plan-title-input" type="text" maxlength="200" required bind:value=title
                        disabled=archived/>
                </div>
                <Show when=is_client_plan>
                    <div class="field">
                        <label for="plan-client-input">"Whom it is for"</label>
                        <input id="plan-client-input" type="text" maxlength="200" autocomplete="off"
                            bind:value=client disabled=archived aria-describedby="plan-client-hint"/>
                        <p class="field-hint" id="plan-client-hint">"The client's name, shown at the top when this device holds more than one plan."</p>
                    </div>
                </Show>
                <ErrorNotice message=error/>
                <Show when=move || done.get()>
                    <p class="notice info" role="status">"Saved."</p>
                </Show>
                <div class="form-actions">
                    <button class="button" type="submit" disabled=archived>"Save name"</button>
                </div>
            </form>
        </Show>
    }
}

/// "Start a client plan" from the template `template`: asks whom it is for and its first day.
#[component]
pub fn StartClientPlan(template: uuid::Uuid, on_cancel: Callback<()>) -> impl IntoView {
    let ws = use_workspace();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let client = RwSignal::new(String::new());
    let starts_on = RwSignal::new(format::iso(format::today()));
    let error = RwSignal::new(None::<String>);
    let start = move || {
        error.set(None);
        let name = client.get_untracked();
        if name.trim().is_empty() {
            error.set(Some("Enter the client's name, so you can tell their plan apart from your other clients'.".to_owned()));
            return;
        }
        let day = match format::parse_date("The plan's first day", &starts_on.get_untracked()) {
            Ok(Some(day)) => day,
            Ok(None) => {
                error.set(Some("Choose the plan's first day.".to_owned()));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            let result = match ws.stored_plan(crate::core::ids::PlanId(template)).await {
                Ok(Some(t)) => match t.start_client_plan(
                    new_id(),
                    t.title_for_client_plan(),
                    Some(&name),
                    day,
                    format::now(),
                    ws.preferences().role(),
                ) {
                    Ok(plan) => ws.add_plan(plan).await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                },
                Ok(None) => Err("This template is no longer on this device.".to_owned()),
                Err(e) => Err(e.to_string()),
            };
            match result {
                Ok(()) => navigate.with_value(|go| go("/plan", Default::default())),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let form_id = format!("start-client-plan-{template}");
    let heading_id = form_id.clone();
    view! {
        <form class="start-client-plan" data-testid="start-client-plan" aria-labelledby=form_id.clone()
            on:submit=move |ev| { ev.prevent_default(); start(); }>
            <h3 id=heading_id>"A client plan from this template"</h3>
            <div class="field">
                <label for="start-client-name">"Client's name"</label>
                <input id="start-client-name" type="text" maxlength="200" autocomplete="off" aria-required="true"
                    bind:value=client/>
            </div>
            <div class="field">
                <label for="start-client-day">"First day of the plan"</label>
                <input id="start-client-day" type="date" min="1900-01-01" max="2199-12-31" aria-required="true"
                    bind:value=starts_on aria-describedby="start-client-day-hint"/>
                <p class="field-hint" id="start-client-day-hint">"The template's dates count from this day: a milestone in its third week falls in the client's third week."</p>
            </div>
            <ErrorNotice message=error/>
            <div class="form-actions">
                <button class="button primary" type="submit">"Start the plan"</button>
                <button class="button" type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
