//! "Need a prompt?": a short list of coaching questions to start from (core's list).

use leptos::prelude::*;

use crate::core::prompts::REFLECTION_PROMPTS;

#[component]
pub fn PromptPicker(
    prompt: RwSignal<Option<String>>,
    /// Called after a prompt is chosen (the editor moves focus back to the text).
    after_choose: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
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
                    {REFLECTION_PROMPTS
                        .iter()
                        .map(|p| {
                            let p: &'static str = p;
                            view! {
                                <li>
                                    <button type="button" class="journal-prompt-choice"
                                        aria-pressed=move || prompt.with(|c| c.as_deref() == Some(p)).to_string()
                                        on:click=move |_| {
                                            prompt.set(Some(p.to_owned()));
                                            open.set(false);
                                            after_choose.run(());
                                        }>
                                        {p}
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
