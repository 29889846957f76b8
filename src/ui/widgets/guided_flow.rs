//! What the guided method flows share (WOOP, GROW session notes, the interest profile): one
//! question per screen with Back and Next, a save on the last screen, and the answers kept on
//! the device as a draft until saved, so leaving midway, a reload or a closed browser loses
//! nothing. Each flow owns its answers and its screens; [`GuidedFlow`] holds where the person
//! is, and [`FlowCard`] draws the frame around the current screen.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use super::ErrorNotice;
use crate::core::{Author, CoreError, Plan, Touched};
use crate::ui::state::Workspace;

/// Going to another route (the router's navigation, taken while the flow is made).
type Leave = Rc<dyn Fn(&str)>;

/// One guided flow on one record of the open plan: its step, its messages, and its kept draft.
#[derive(Clone, Copy)]
pub struct GuidedFlow {
    ws: Workspace,
    /// The draft's key: the flow's name ("woop"), the plan, and the record it is about.
    flow: &'static str,
    plan: Uuid,
    about: Uuid,
    steps: usize,
    pub step: RwSignal<usize>,
    pub error: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    /// What the save touched, once saved: the flow then shows where its result went.
    pub saved: RwSignal<Option<Touched>>,
    /// Discarding is asked twice; a move to another step takes the question back.
    pub confirm_discard: RwSignal<bool>,
    /// Taken while the flow is made: a click handler has no router to ask.
    leave: StoredValue<Leave, LocalStorage>,
}

impl GuidedFlow {
    /// The flow `flow` about `about` in the open plan, `steps` screens long, with the draft kept
    /// from an earlier visit if there is one (it starts where that visit left off).
    pub fn start<T: DeserializeOwned>(
        ws: Workspace,
        flow: &'static str,
        about: Uuid,
        steps: usize,
        step_of: impl Fn(&T) -> usize,
    ) -> (GuidedFlow, Option<T>) {
        let plan = ws
            .plan
            .with_untracked(|p| p.as_ref().map(Plan::id))
            .unwrap_or_default();
        let kept: Option<T> = ws.preferences().method_draft(flow, plan, about);
        let first = kept.as_ref().map(step_of).unwrap_or(0).min(steps - 1);
        let navigate = leptos_router::hooks::use_navigate();
        let leave: Leave = Rc::new(move |to: &str| navigate(to, Default::default()));
        let this = GuidedFlow {
            ws,
            flow,
            plan,
            about,
            steps,
            step: RwSignal::new(first),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
            saved: RwSignal::new(None),
            confirm_discard: RwSignal::new(false),
            leave: StoredValue::new_local(leave),
        };
        (this, kept)
    }

    /// Keeps what `draft` returns on the device each time it changes, until the flow is saved.
    pub fn keep<T: Serialize + 'static>(self, draft: impl Fn() -> T + 'static) {
        Effect::new(move |_| {
            let kept = draft();
            if self.saved.with(Option::is_some) {
                return;
            }
            // A failed write is logged by the store; the answers themselves are saved at the end.
            let _ = self
                .ws
                .preferences()
                .keep_method_draft(self.flow, self.plan, self.about, &kept);
        });
    }

    /// Moves to screen `to` and puts the focus on its heading, as a screen reader expects.
    pub fn go(self, to: usize) {
        self.error.set(None);
        self.confirm_discard.set(false);
        self.step.set(to.min(self.steps - 1));
        focus_step_heading();
    }

    pub fn is_last(self) -> bool {
        self.step.get() + 1 >= self.steps
    }

    /// Saves the answers through `verb`; once durable the draft is forgotten and the flow shows
    /// its saved card. A failure says `not_saved` and why, and keeps the draft.
    pub fn save(
        self,
        not_saved: &'static str,
        verb: impl FnOnce(&mut Plan, DateTime<Utc>, Author) -> Result<Touched, CoreError> + 'static,
    ) {
        self.error.set(None);
        self.busy.set(true);
        spawn_local(async move {
            let result = self.ws.apply(verb).await;
            self.busy.set(false);
            match result {
                Ok(touched) => {
                    self.ws
                        .preferences()
                        .forget_method_draft(self.flow, self.plan, self.about);
                    self.saved.set(Some(touched));
                    focus_step_heading();
                }
                Err(e) => self.error.set(Some(format!("{not_saved} {e}"))),
            }
        });
    }

    /// Drops the draft (the person confirmed) and leaves for `to`.
    pub fn discard(self, to: &str) {
        self.ws
            .preferences()
            .forget_method_draft(self.flow, self.plan, self.about);
        self.leave.with_value(|leave| leave(to));
    }
}

/// Puts the focus on the current screen's heading (`#step-heading`) once it is drawn, as a
/// screen reader expects after Back or Next (the check-in flow uses it too).
pub fn focus_step_heading() {
    request_animation_frame(|| {
        if let Some(h) = document().get_element_by_id("step-heading") {
            let h: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(h);
            let _ = h.focus();
        }
    });
}

/// The card around a guided flow's current screen: "Step n of N" and its bar, the screen
/// (`children`), the error, and Back / Next, with the save button on the last screen.
#[component]
pub fn FlowCard(
    flow: GuidedFlow,
    /// The last screen's button ("Save WOOP").
    save_label: &'static str,
    on_save: Callback<()>,
    /// Whether the save button is offered at all (the interest profile needs one rating).
    #[prop(optional, into)]
    can_save: Option<Signal<bool>>,
    children: Children,
) -> impl IntoView {
    let GuidedFlow { step, steps, .. } = flow;
    let can_save = can_save.unwrap_or_else(|| Signal::stored(true));
    view! {
        <div class="card flow">
            <p class="step-indicator" data-testid="step-indicator">
                {move || format!("Step {} of {steps}", step.get() + 1)}
            </p>
            <div class="step-bar" aria-hidden="true">
                {(0..steps).map(|i| view! { <span class:done=move || i <= step.get()></span> }).collect_view()}
            </div>
            {children()}
            <ErrorNotice message=flow.error/>
            <div class="flow-nav">
                <button type="button" class="button" on:click=move |_| flow.go(step.get_untracked().saturating_sub(1))
                    disabled=move || step.get() == 0>"Back"</button>
                <Show when=move || !flow.is_last()
                    fallback=move || view! {
                        <Show when=move || can_save.get()>
                            <button type="button" class="button primary" on:click=move |_| on_save.run(())
                                disabled=move || flow.busy.get()>{save_label}</button>
                        </Show>
                    }>
                    <button type="button" class="button primary" on:click=move |_| flow.go(step.get_untracked() + 1)>
                        "Next"
                    </button>
                </Show>
            </div>
        </div>
    }
}
