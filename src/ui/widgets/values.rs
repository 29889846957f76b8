//! Picking and ranking values, the same control in the needs assessment and on the profile:
//! suggested values to toggle, a value of one's own, and the chosen ones most important first.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::core::questions::SUGGESTED_VALUES;

/// Values compare as a person reads them: "learning" is "Learning".
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn holds(list: &[String], v: &str) -> bool {
    list.iter().any(|x| same(x, v))
}

#[component]
pub fn ValuesPicker(values: RwSignal<Vec<String>>) -> impl IntoView {
    let new_value = RwSignal::new(String::new());
    let add_value = move || {
        let v = new_value.get_untracked().trim().to_owned();
        if v.is_empty() {
            return;
        }
        if !values.with_untracked(|l| holds(l, &v)) {
            values.update(|l| l.push(v));
        }
        new_value.set(String::new());
    };
    let move_value = move |i: usize, up: bool| {
        values.update(|l| {
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < l.len()) {
                l.swap(i, j);
            }
        })
    };
    view! {
        <div class="chips" role="group" aria-label="Suggested values">
            {SUGGESTED_VALUES
                .iter()
                .map(|v| {
                    let v = *v;
                    let on = move || values.with(|l| holds(l, v));
                    view! {
                        <button type="button" class="value-chip" aria-pressed=move || on().to_string()
                            on:click=move |_| {
                                if on() {
                                    values.update(|l| l.retain(|x| !same(x, v)));
                                } else {
                                    values.update(|l| l.push(v.to_owned()));
                                }
                            }>
                            <span aria-hidden="true">{move || if on() { "✓\u{a0}" } else { "+\u{a0}" }}</span>
                            {v}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="field add-row">
            <label for="new-value">"Add your own value"</label>
            <div class="inline-input">
                <input id="new-value" type="text" maxlength="200" bind:value=new_value
                    on:keydown=move |ev: KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add_value();
                        }
                    }/>
                <button type="button" class="button" on:click=move |_| add_value()>"Add value"</button>
            </div>
        </div>
        <Show when=move || values.with(|l| !l.is_empty())
            fallback=|| view! { <p class="muted">"No values chosen yet."</p> }>
            <h3>"Your values, most important first"</h3>
            <ol class="ranked-list" data-testid="ranked-values">
                {move || {
                    let list = values.get();
                    let n = list.len();
                    list.into_iter()
                        .enumerate()
                        .map(|(i, v)| {
                            view! {
                                <li class="ranked-item">
                                    <span class="rank-text">{v.clone()}</span>
                                    <span class="rank-buttons">
                                        <button type="button" class="button icon-button" disabled=i == 0
                                            on:click=move |_| move_value(i, true)><span aria-hidden="true">"↑"</span>
                                            <span class="visually-hidden">{format!("Move {v} up")}</span></button>
                                        <button type="button" class="button icon-button" disabled=i + 1 == n
                                            on:click=move |_| move_value(i, false)><span aria-hidden="true">"↓"</span>
                                            <span class="visually-hidden">{format!("Move {v} down")}</span></button>
                                        <button type="button" class="button icon-button"
                                            aria-label=format!("Remove {v}")
                                            on:click=move |_| values.update(|l| { l.remove(i); })>"✕"</button>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </Show>
    }
}
