//! "Need a prompt?": a short list of coaching questions to start from: the coach's own for
//! this plan first (they came with the template), then core's list.

use leptos::prelude::*;

use crate::core::prompts::{prompts_for, REFLECTION_PROMPTS};
use crate::ui::state::use_workspace;

#[component]
pub fn PromptPicker(
    prompt: RwSignal<Option<String>>,
    /// Called after a prompt is chosen (the editor moves focus back to the text).
    after_choose: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let ws = use_workspace();
    let prompts = Memo::new(move |_| {
        ws.plan.with(|p| match p {
            Some(p) => prompts_for(p),
            None => REFLECTION_PROMPTS.iter().map(|p| (*p).to_owned()).collect(),
        })
    });
    view! {
        <div class="journal-prompt-picker">
            <button type="button" class="button journal-prompt-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="journal-prompt-list"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide prompts" } else { "Need a prompt?" }}
            </button>
            <Show when=move || open.get()>
                <ul id="journal-prompt-list" class="journal-prompt-list" aria-label="Prompts">
                    {move || prompts
                        .get()
                        .into_iter()
                        .map(|p| {
                            let p = StoredValue::new(p);
                            view! {
                                <li>
                                    <button type="button" class="journal-prompt-choice"
                                        aria-pressed=move || prompt.with(|c| p.with_value(|p| c.as_deref() == Some(p.as_str()))).to_string()
                                        on:click=move |_| {
                                            prompt.set(Some(p.get_value()));
                                            open.set(false);
                                            after_choose.run(());
                                        }>
                                        {p.get_value()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Show>
        </div>
    }
}
