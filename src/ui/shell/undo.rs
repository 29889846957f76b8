//! The Undo toast: after a change that can be taken back ("Goal deleted"), a few seconds to
//! undo it with the button or Ctrl+Z (⌘Z). The toast sits in a polite live region that is always
//! in the page, so a screen reader hears what happened without focus moving; the countdown
//! pauses while the pointer or focus is on the toast, so nobody is timed out of reaching it.

use std::time::Duration;

use leptos::leptos_dom::helpers::{window_event_listener, TimeoutHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::ui::state::use_workspace;

/// How long Undo is offered when nobody is on the toast.
const OFFERED_FOR: Duration = Duration::from_secs(8);

/// True when the key press is typing in a field, where Ctrl+Z undoes the typing instead.
fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

#[component]
pub fn UndoToast() -> impl IntoView {
    let ws = use_workspace();
    // What the live region says: the change while Undo is offered, then what Undo did.
    let said = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    };
    let start = move || {
        stop();
        let t = set_timeout_with_handle(move || ws.dismiss_undo(), OFFERED_FOR).ok();
        timer.set_value(t);
    };
    Effect::new(move |_| match ws.undo.get() {
        Some(label) => {
            said.set(label);
            start();
        }
        None => stop(),
    });
    let undo = move || {
        let Some(label) = ws.undo.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match ws.undo().await {
                Ok(_) => said.set(format!("Undone: {}.", label.to_lowercase())),
                Err(e) => said.set(e.to_string()),
            }
        });
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let z = ev.key().eq_ignore_ascii_case("z");
        let shortcut = z && (ev.ctrl_key() || ev.meta_key()) && !ev.shift_key();
        if shortcut && !in_text_field(&ev) && ws.undo.get_untracked().is_some() {
            ev.prevent_default();
            undo();
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <div class="undo-region" role="status" aria-live="polite" data-testid="undo-region">
            <Show when=move || ws.undo.with(Option::is_some)
                fallback=move || view! { <p class="visually-hidden">{move || said.get()}</p> }>
                <div class="undo-toast" data-testid="undo-toast"
                    on:focusin=move |_| stop() on:focusout=move |_| start()
                    on:pointerenter=move |_| stop() on:pointerleave=move |_| start()>
                    <p>{move || said.get()}</p>
                    <button type="button" class="button" aria-keyshortcuts="Control+Z Meta+Z"
                        on:click=move |_| undo()>"Undo"</button>
                    <button type="button" class="button icon-button" aria-label="Close"
                        on:click=move |_| ws.dismiss_undo()>"✕"</button>
                </div>
            </Show>
        </div>
    }
}
