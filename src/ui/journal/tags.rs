//! Tags as chips: type a tag and press Enter or a comma (or tap Add); each chip has a remove
//! button named after its tag.

use leptos::prelude::*;

use crate::core::limits::MAX_TITLE;

/// Splits typed text into tags, dropping blanks and ones already present (ignoring case).
fn add_tags(tags: &mut Vec<String>, typed: &str) {
    for t in typed.split(',') {
        let t: String = t.trim().chars().take(MAX_TITLE).collect();
        if !t.is_empty() && !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
            tags.push(t);
        }
    }
}

#[component]
pub fn TagInput(tags: RwSignal<Vec<String>>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let commit = move || {
        let text = typed.get_untracked();
        if !text.trim().is_empty() {
            tags.update(|t| add_tags(t, &text));
        }
        typed.set(String::new());
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        // A comma ends a tag (phone keyboards send no reliable key event for it).
        match value.rfind(',') {
            Some(at) => {
                let (done, rest) = value.split_at(at);
                tags.update(|t| add_tags(t, done));
                typed.set(rest[1..].to_owned());
            }
            None => typed.set(value),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            commit();
        } else if ev.key() == "Backspace" && typed.with_untracked(|t| t.is_empty()) {
            // Backspace in an empty box edits the last tag, as in most chip inputs.
            if let Some(last) = tags.try_update(|t| t.pop()).flatten() {
                typed.set(last);
                ev.prevent_default();
            }
        }
    };
    view! {
        <div class="field journal-tags-field">
            <label for="reflection-tag">"Tags"</label>
            <Show when=move || tags.with(|t| !t.is_empty())>
                <ul class="tag-chips" aria-label="Tags on this reflection">
                    <For each=move || tags.get() key=|t| t.clone() let(tag)>
                        <li class="tag-chip">
                            <span>{tag.clone()}</span>
                            <button type="button" class="tag-chip-remove"
                                aria-label=format!("Remove tag {tag}")
                                on:click={
                                    let tag = tag.clone();
                                    move |_| tags.update(|t| t.retain(|x| *x != tag))
                                }>
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
            <div class="tag-entry">
                <input id="reflection-tag" type="text" enterkeyhint="done" autocomplete="off"
                    maxlength=MAX_TITLE.to_string() aria-describedby="reflection-tag-hint"
                    placeholder="e.g. interviews"
                    prop:value=move || typed.get()
                    on:input=on_input on:keydown=on_keydown on:blur=move |_| commit()/>
                <button type="button" class="button" on:click=move |_| commit()>"Add"</button>
            </div>
            <p class="field-hint" id="reflection-tag-hint">"Press Enter or type a comma after each tag."</p>
        </div>
    }
}
