//! Guided reflection in the journal (docs/METHOD.md): Gibbs' cycle or Rolfe's three questions,
//! each stage its own field. The stages are written into the reflection's one text (core's
//! `ReflectionModel::compose`), so the editor's autosave, the list and search treat the entry
//! like any other; the entry's prompt names the model. The last stage can become an action.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::reflection_models::ReflectionModel;
use crate::ui::format;
use crate::ui::state::use_workspace;
use crate::ui::widgets::ErrorNotice;

/// Days until a next step made an action is due: inside Today's window of actions due.
const NEXT_STEP_DAYS: u64 = 5;

/// "Guided reflection": choosing a model sets the entry's prompt to it.
#[component]
pub fn ModelPicker(prompt: RwSignal<Option<String>>, after_choose: Callback<()>) -> impl IntoView {
    view! {
        <div class="journal-models" role="group" aria-labelledby="models-label">
            <p id="models-label" class="field-hint">"Or reflect step by step:"</p>
            <div class="form-actions">
                {ReflectionModel::ALL.into_iter().map(|m| view! {
                    <button type="button" class="button small"
                        aria-pressed=move || prompt.with(|p| ReflectionModel::of_prompt(p.as_deref()) == Some(m)).to_string()
                        on:click=move |_| { prompt.set(Some(m.name().to_owned())); after_choose.run(()); }>
                        {m.name()}
                    </button>
                }).collect_view()}
            </div>
        </div>
    }
}

/// One field per stage of `model`, filled from `text`; every change is composed back into the
/// entry's text and handed to `on_text` (the editor's autosave).
#[component]
pub fn ModelStages(
    model: ReflectionModel,
    text: RwSignal<String>,
    on_text: Callback<String>,
    on_blur: Callback<()>,
) -> impl IntoView {
    let ws = use_workspace();
    let answers: Vec<RwSignal<String>> = model
        .stages_of(&text.get_untracked())
        .into_iter()
        .map(RwSignal::new)
        .collect();
    let answers = StoredValue::new(answers);
    let current =
        move || -> Vec<String> { answers.with_value(|a| a.iter().map(|s| s.get()).collect()) };
    let last = model.stages()[model.action_stage()].heading;
    let made = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let to_action = move |_| {
        let Some(mut draft) = model.action_draft(&untrack(current), None) else {
            error.set(Some(format!(
                "Write your {} first: its first line becomes the action.",
                last.to_lowercase()
            )));
            return;
        };
        // Due within the week, so it shows on Today with the other actions due.
        let due = format::today() + chrono::Days::new(NEXT_STEP_DAYS);
        draft.due = Some(due);
        let title = format!("{} (due {})", draft.title, format::show_date(due));
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let r = ws
                .apply(move |p, now, by| p.add_action(draft, now, by))
                .await;
            busy.try_set(false);
            match r {
                Ok(_) => {
                    made.try_set(Some(title));
                }
                Err(e) => {
                    error.try_set(Some(format!("No action was made: {e}")));
                }
            }
        });
    };
    view! {
        <p class="method-why muted" data-testid="model-why">{model.why()}</p>
        {model.stages().iter().enumerate().map(|(i, s)| {
            let id = format!("stage-{i}");
            let hint = format!("{id}-hint");
            let sig = answers.with_value(|a| a[i]);
            view! {
                <div class="field journal-stage">
                    <label for=id.clone()>{s.heading}</label>
                    <p class="field-hint" id=hint.clone()>{s.question}</p>
                    <textarea id=id rows="3" maxlength="20000" aria-describedby=hint
                        prop:value=move || sig.get()
                        on:input=move |ev| {
                            sig.set(event_target_value(&ev));
                            on_text.run(model.compose(&untrack(current)));
                        }
                        on:blur=move |_| on_blur.run(())></textarea>
                </div>
            }
        }).collect_view()}
        <div class="journal-stage-action">
            {move || match made.get() {
                Some(t) => view! { <p data-testid="stage-action" role="status">"Added to your actions: "<strong>{t}</strong></p> }.into_any(),
                None => view! {
                    <button type="button" class="button" on:click=to_action disabled=move || busy.get()>
                        {format!("Make the {} an action", last.to_lowercase())}
                    </button>
                }.into_any(),
            }}
            <ErrorNotice message=error/>
        </div>
    }
}
