//! Labelled form fields bound to signals. Every field has a visible label tied to its
//! control, an optional hint (read by screen readers through aria-describedby), and
//! controls at least 44px tall.

use leptos::prelude::*;

fn field_id(label: &str) -> String {
    // Ids only need to be unique within a screen; the label already is.
    let slug: String = label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("field-{slug}")
}

#[component]
fn Hint(id: String, hint: Option<&'static str>) -> impl IntoView {
    hint.map(|h| view! { <p class="field-hint" id=id>{h}</p> })
}

#[component]
pub fn TextField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = 200)] max_chars: usize,
) -> impl IntoView {
    let id = field_id(label);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then_some(" (required)")}</label>
            <input id=id type="text" bind:value=value placeholder=placeholder
                maxlength=max_chars.to_string() required=required
                aria-describedby=hint.map(|_| hint_id.clone())/>
            <Hint id=hint_id hint=hint/>
        </div>
    }
}

#[component]
pub fn TextArea(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = 4)] rows: u32,
    #[prop(default = 20_000)] max_chars: usize,
) -> impl IntoView {
    let id = field_id(label);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=rows.to_string() placeholder=placeholder
                maxlength=max_chars.to_string()
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            <Hint id=hint_id hint=hint/>
        </div>
    }
}

/// A number typed as text, so the screen can say exactly what is wrong with it.
#[component]
pub fn NumberField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let id = field_id(label);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="decimal" bind:value=value placeholder=placeholder
                aria-describedby=hint.map(|_| hint_id.clone())/>
            <Hint id=hint_id hint=hint/>
        </div>
    }
}

/// A date as `YYYY-MM-DD` (empty when not set).
#[component]
pub fn DateField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(label);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date" bind:value=value min="1900-01-01" max="2199-12-31"
                aria-describedby=hint.map(|_| hint_id.clone())/>
            <Hint id=hint_id hint=hint/>
        </div>
    }
}

/// One choice from a short list of (value, label) options.
#[component]
pub fn SelectField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(label);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <For each=move || options.get() key=|(v, _)| v.clone() let((v, l))>
                    <option value=v.clone() selected=move || value.get() == v>{l}</option>
                </For>
            </select>
            <Hint id=hint_id hint=hint/>
        </div>
    }
}

/// A rating from `min` to `max` as a row of large radio buttons (confidence, mood, impact).
#[component]
pub fn RatingField(
    label: &'static str,
    value: RwSignal<Option<u8>>,
    min: u8,
    max: u8,
    #[prop(optional)] low: &'static str,
    #[prop(optional)] high: &'static str,
) -> impl IntoView {
    let name = field_id(label);
    view! {
        <fieldset class="field rating">
            <legend>{label}</legend>
            <div class="rating-options">
                {(min..=max)
                    .map(|n| {
                        let name = name.clone();
                        view! {
                            <label class="rating-option">
                                <input type="radio" name=name value=n.to_string()
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| value.set(Some(n))/>
                                <span>{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {(!low.is_empty() || !high.is_empty())
                .then(|| view! { <p class="rating-scale" aria-hidden="true"><span>{low}</span><span>{high}</span></p> })}
        </fieldset>
    }
}
