//! Writing a reflection: a big text box first, saved as the person types.
//!
//! Never losing a word works in two layers. Every change is kept at once (synchronously) on
//! the device as an `UnsavedReflection`; ~400 ms after typing stops, and at once on blur,
//! when the page is hidden or closed, or when the person leaves the screen, the change is saved
//! through `ws.apply_checked` with `Plan::put_reflection` (the first save adds the reflection,
//! later ones update it). Only when that save is durable does the header say "Saved" and the
//! kept copy go away. A reload or a closed tab in between finds the kept copy again (here or
//! in the journal list), and core's `UnsavedReflection::resume` decides whether it is ours to
//! save or needs a choice. Every rule of when to keep, save, or ask is core's [`Autosave`];
//! this screen shows its fields and runs its commands.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{window_event_listener_untyped, TimeoutHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::drafts::{self, Slot};
use super::models::{ModelPicker, ModelStages};
use super::prompts::PromptPicker;
use super::tags::TagInput;
use crate::core::ids::new_id;
use crate::core::ids::ReflectionId;
use crate::core::journal::ReflectionDraft;
use crate::core::journal_draft::{Autosave, Command, Conflict, Pace};
use crate::core::prompts::REFLECTION_PROMPTS;
use crate::core::reflection_models::ReflectionModel;
use crate::core::{DocKind, Plan};
use crate::store::preferences::Preferences;
use crate::store::StoreError;
use crate::ui::idle::when_idle;
use crate::ui::page::Page;
use crate::ui::params::{reflection_param, RecordParam};
use crate::ui::state::{use_workspace, ActionError, WithPlan, Workspace};
use crate::ui::widgets::{ErrorNotice, RatingField};

/// How long after the last keystroke the change is saved.
const DEBOUNCE: Duration = Duration::from_millis(400);
/// Tags, mood and prompt are single taps: saved almost at once. (The private flag is saved at
/// once: `Autosave::edit`.)
const TAP_DELAY: Duration = Duration::from_millis(50);

/// What the screen shows; all `Copy` signals, written with `try_set` because a save may finish
/// after the screen is gone.
#[derive(Clone, Copy)]
struct Fields {
    text: RwSignal<String>,
    prompt: RwSignal<Option<String>>,
    tags: RwSignal<Vec<String>>,
    mood: RwSignal<Option<u8>>,
    private: RwSignal<bool>,
    conflict: RwSignal<Option<Conflict>>,
    error: RwSignal<Option<String>>,
    /// Saved at least once (so there is something to delete).
    exists: RwSignal<bool>,
}

impl Fields {
    fn show(&self, d: &ReflectionDraft) {
        self.text.try_set(d.text.clone());
        self.prompt.try_set(d.prompt.clone());
        self.tags.try_set(d.tags.clone());
        self.mood.try_set(d.mood);
        self.private.try_set(d.private);
    }
}

/// The machine and what runs its commands. Plain data outside the reactive tree (shared
/// through an `Rc`), so a save that finishes after the person has left the screen still tidies
/// up the kept copy.
struct Saver {
    ws: Workspace,
    plan_id: Uuid,
    machine: Autosave,
    timer: Option<TimeoutHandle>,
    /// The screen is still showing; false once the person has left it.
    alive: bool,
    /// The path in the location bar, as this screen last set or found it.
    address: String,
    /// A change of address waits for the browser to be idle.
    address_pending: bool,
    ui: Fields,
}

type Shared = Rc<RefCell<Saver>>;

impl Saver {
    fn cancel_timer(&mut self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
    }
}

/// Runs the machine's commands, in order.
fn run(s: &Shared, commands: Vec<Command>) {
    for command in commands {
        match command {
            Command::Keep(slot, words) => {
                let m = s.borrow();
                // A failure (storage full or blocked) is logged by the store; the save to
                // IndexedDB, which does not depend on this, still runs.
                let _ =
                    m.ws.preferences()
                        .keep_journal_draft(m.plan_id, slot, &words);
            }
            Command::Forget(slot) => {
                let m = s.borrow();
                m.ws.preferences().forget_journal_draft(m.plan_id, slot);
            }
            Command::CancelTimer => s.borrow_mut().cancel_timer(),
            Command::SaveAfter(pace) => {
                let delay = match pace {
                    Pace::Typing => DEBOUNCE,
                    Pace::Tap => TAP_DELAY,
                };
                let again = s.clone();
                let mut m = s.borrow_mut();
                m.cancel_timer();
                m.timer = set_timeout_with_handle(move || save_now(&again), delay).ok();
            }
            Command::Save {
                id,
                base_rev,
                fields,
            } => save(s, id, base_rev, fields),
            Command::Created(_) => {
                s.borrow().ui.exists.try_set(true);
            }
            Command::Show(fields) => s.borrow().ui.show(&fields),
            Command::Ask(conflict) => {
                s.borrow().ui.conflict.try_set(Some(conflict));
            }
        }
    }
    follow_address(s);
}

/// The address a reload should open: the reflection's own once its words are kept on the
/// device or stored, `/journal/new` while it has none.
fn wanted_address(machine: &Autosave) -> String {
    if machine.has_address() {
        format!("/journal/{}", machine.id())
    } else {
        "/journal/new".to_owned()
    }
}

/// Brings the location bar to [`wanted_address`] when the browser is next idle and no save
/// is in flight (the save's end calls this again).
///
/// `history.replaceState` takes a few milliseconds on a phone: done while the person types
/// (when the first words are kept) and never during a save, it stays off the path from
/// leaving the text box to "Saved". A reload in between finds the kept words under either
/// address (`start`); one in the frame between the first "Saved" and the address change
/// opens a fresh page, and the saved words are in the journal.
fn follow_address(s: &Shared) {
    {
        let mut m = s.borrow_mut();
        if m.address_pending
            || !m.alive
            || m.machine.is_saving()
            || wanted_address(&m.machine) == m.address
        {
            return;
        }
        m.address_pending = true;
    }
    let s = s.clone();
    when_idle(move || {
        let mut m = s.borrow_mut();
        m.address_pending = false;
        if m.machine.is_saving() {
            return;
        }
        let wanted = wanted_address(&m.machine);
        // The person may have gone to another screen meanwhile: then the address is theirs.
        if m.alive && wanted != m.address && location_path().as_deref() == Some(&m.address) {
            replace_url(&wanted);
            m.address = wanted;
        }
    });
}

/// The person changed something: keep it now, save it at `pace`.
fn edited(s: &Shared, change: impl FnOnce(&mut ReflectionDraft), pace: Pace) {
    let commands = s.borrow_mut().machine.edit(change, pace);
    run(s, commands);
}

/// Saves the current words unless there is nothing new, they are blank, or a conflict waits.
fn save_now(s: &Shared) {
    let commands = s.borrow_mut().machine.flush();
    run(s, commands);
}

fn save(s: &Shared, id: Uuid, base_rev: u64, fields: ReflectionDraft) {
    let ws = s.borrow().ws;
    drafts::mark_saving(id, true);
    let s = s.clone();
    spawn_local(async move {
        // The id was chosen when the screen opened, so a retried first save cannot make a
        // second copy; before the first save the base is revision 0, which refuses if the
        // reflection somehow exists already.
        let result = ws
            .apply_checked(&[(id, base_rev)], move |p, now, by| {
                p.put_reflection(id, fields, now, by)
            })
            .await;
        let stored = ws
            .plan
            .with_untracked(|p| p.as_ref().map(|p| stored_state(p, id)));
        let commands = {
            let mut m = s.borrow_mut();
            match result {
                Ok(_) => {
                    m.ui.error.try_set(None);
                    let rev = stored.map_or(base_rev, |(rev, _)| rev);
                    m.machine.saved(rev)
                }
                Err(ActionError::ChangedElsewhere) => {
                    m.machine.refused(matches!(stored, Some((_, Some(false)))))
                }
                Err(e) => {
                    let when = match e {
                        ActionError::Store(StoreError::Closed) => "when this page reloads",
                        _ => "with your next change",
                    };
                    m.ui.error.try_set(Some(format!(
                        "Not saved yet: {e} Your words are kept on this device and will be \
                         saved {when}."
                    )));
                    m.machine.failed()
                }
            }
        };
        run(&s, commands);
        if !s.borrow().machine.is_saving() {
            drafts::mark_saving(id, false);
        }
    });
}

/// The stored revision of a reflection and whether it is live (`None`: not in the plan).
fn stored_state(p: &Plan, id: Uuid) -> (u64, Option<bool>) {
    let live = p
        .reflections
        .iter()
        .find(|r| r.meta.is(id))
        .map(|r| r.meta.is_live());
    (p.rev_of(id), live)
}

/// The stored revision of a reflection and its words while it is live.
fn stored_words(ws: Workspace, id: Uuid) -> Option<(u64, Option<ReflectionDraft>)> {
    ws.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| (p.rev_of(id), p.reflection(id).map(|r| r.fields.clone())))
    })
}

fn location_path() -> Option<String> {
    window().location().pathname().ok()
}

/// Puts `path` in the location bar without re-rendering the screen.
///
/// The router would treat /journal/new → /journal/<id> as a different route and rebuild the
/// editor, which blurs the text box and closes a phone's keyboard mid-sentence. So the URL is
/// replaced with the History API, keeping the router's history state; the router reads the
/// real location on the next navigation or Back.
fn replace_url(path: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(history) = js_sys::Reflect::get(&window(), &JsValue::from_str("history")).ok() else {
        return;
    };
    let state =
        js_sys::Reflect::get(&history, &JsValue::from_str("state")).unwrap_or(JsValue::NULL);
    let replace = js_sys::Reflect::get(&history, &JsValue::from_str("replaceState"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(replace) = replace {
        let _ = replace.call3(&history, &state, &JsValue::from_str(""), &path.into());
    }
}

/// Where the screen starts from: a reflection's autosave (possibly with kept words to save or
/// a conflict to resolve), or `None` when the address names nothing here.
fn start(
    prefs: &Preferences,
    plan: &Plan,
    param: RecordParam<ReflectionId>,
    prompt: Option<String>,
    ui: Fields,
) -> Option<Autosave> {
    let plan_id = plan.id();
    let stored = |id: Uuid| {
        plan.reflection(id)
            .map(|r| Autosave::stored(id, plan.rev_of(id), r.fields.clone()))
    };
    let (id, kept) = match param {
        RecordParam::New => match prefs.journal_draft(plan_id, Slot::New) {
            Some(u) => (u.id, Some((Slot::New, u))),
            None => {
                let fields = ReflectionDraft {
                    prompt,
                    ..ReflectionDraft::default()
                };
                return Some(Autosave::new(new_id(), fields));
            }
        },
        RecordParam::Id(id) => (
            id.uuid(),
            prefs
                .journal_draft(plan_id, Slot::Saved(id.uuid()))
                .map(|u| (Slot::Saved(id.uuid()), u))
                // A new reflection takes its own address once its words are kept, before
                // its first save: those words are still in the new one's slot.
                .or_else(|| {
                    prefs
                        .journal_draft(plan_id, Slot::New)
                        .filter(|u| u.id == id.uuid())
                        .map(|u| (Slot::New, u))
                }),
        ),
        RecordParam::NotAnId => return None,
    };
    let Some((slot, kept)) = kept else {
        return stored(id);
    };
    let resume = kept.resume(plan);
    // The kept words move to the slot this screen writes to from now on.
    prefs.forget_journal_draft(plan_id, slot);
    let Some((machine, conflict)) = Autosave::resumed(kept, stored(id), &resume, plan.rev_of(id))
    else {
        // Nothing to save and nothing stored: start afresh.
        return start(prefs, plan, RecordParam::New, None, ui);
    };
    if conflict.is_some() {
        ui.conflict.set(conflict);
    }
    if let Command::Keep(slot, words) = machine.keep() {
        let _ = prefs.keep_journal_draft(plan_id, slot, &words);
    }
    Some(machine)
}

#[component]
pub fn ReflectionEditorScreen() -> impl IntoView {
    let is_new = reflection_param() == RecordParam::New;
    view! {
        <Page title=if is_new { "New reflection" } else { "Reflection" }>
            <WithPlan>
                <Editor/>
            </WithPlan>
        </Page>
    }
}

#[component]
fn Editor() -> impl IntoView {
    let ws = use_workspace();
    let param = reflection_param();
    let query = use_query_map().get_untracked();
    let prompt = query
        .get("prompt")
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| REFLECTION_PROMPTS.get(i))
        .map(|p| p.to_string())
        .or_else(|| {
            query
                .get("model")
                .and_then(|m| ReflectionModel::of_slug(&m))
                .map(|m| m.name().to_owned())
        });
    let ui = Fields {
        text: RwSignal::new(String::new()),
        prompt: RwSignal::new(None),
        tags: RwSignal::new(Vec::new()),
        mood: RwSignal::new(None),
        private: RwSignal::new(false),
        conflict: RwSignal::new(None),
        error: RwSignal::new(None),
        exists: RwSignal::new(false),
    };
    let started = ws.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| start(&ws.preferences(), p, param, prompt, ui).map(|m| (p.id(), m)))
    });
    let Some((plan_id, machine)) = started else {
        return view! {
            <div class="card">
                <h2>"This reflection is not in your journal"</h2>
                <p>"It may have been deleted, or the link is from another plan."</p>
                <a class="button primary" href="/journal">"Back to your journal"</a>
            </div>
        }
        .into_any();
    };
    let is_new = !machine.exists();
    let save_at_once = machine.save_at_once();
    ui.show(machine.current());
    ui.exists.set(machine.exists());
    let shared: Shared = Rc::new(RefCell::new(Saver {
        ws,
        plan_id,
        machine,
        timer: None,
        alive: true,
        address: location_path().unwrap_or_default(),
        address_pending: false,
        ui,
    }));
    let handle = StoredValue::new_local(shared.clone());
    let with = move |f: &dyn Fn(&Shared)| handle.with_value(|s| f(s));
    if save_at_once {
        save_now(&shared);
    }
    follow_address(&shared);

    // Save at once when the page is hidden or closed (tab switch, app switch, tab close).
    let on_hide = window_event_listener_untyped("visibilitychange", move |_| {
        handle.try_with_value(save_now);
    });
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| {
        handle.try_with_value(save_now);
    });
    // Cleanups run before the screen's stored values are dropped, so `handle` still works.
    on_cleanup(move || {
        on_hide.remove();
        on_pagehide.remove();
        // Leaving the screen: save what is pending; the save finishes on its own.
        handle.try_with_value(|s| {
            s.borrow_mut().alive = false;
            save_now(s);
        });
    });

    // Taps (tags, mood, private, prompt) reach the saver through one effect, so widgets that
    // only know their signal (RatingField) are covered too. The text goes directly (below).
    Effect::new(move |_| {
        let prompt = ui.prompt.get();
        let tags = ui.tags.get();
        let mood = ui.mood.get();
        let private = ui.private.get();
        handle.try_with_value(|s| {
            let same = {
                let m = s.borrow();
                let current = m.machine.current();
                current.prompt == prompt
                    && current.tags == tags
                    && current.mood == mood
                    && current.private == private
            };
            if !same {
                edited(
                    s,
                    |d| {
                        d.prompt = prompt;
                        d.tags = tags;
                        d.mood = mood;
                        d.private = private;
                    },
                    Pace::Tap,
                );
            }
        });
    });

    // Another tab saved this reflection: take its version when nothing here is unsaved,
    // otherwise ask.
    Effect::new(move |_| {
        let touched = ws.last_change.get();
        handle.try_with_value(|s| {
            let id = s.borrow().machine.id();
            if !touched.ids_of(DocKind::Reflection).any(|t| t == id) {
                return;
            }
            let Some((rev, stored)) = stored_words(ws, id) else {
                return;
            };
            let commands = s.borrow_mut().machine.plan_changed(rev, stored.as_ref());
            run(s, commands);
        });
    });

    let navigate = use_navigate();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    if is_new {
        textarea.on_load(move |el| {
            request_animation_frame(move || {
                let _ = el.focus();
                // Restored words: carry on at their end.
                let end = el.value().encode_utf16().count() as u32;
                let _ = el.set_selection_range(end, end);
            });
        });
    }
    let focus_text = move || {
        if let Some(el) = textarea.get_untracked() {
            let _ = el.focus();
        }
    };

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        ui.text.set(value.clone());
        with(&|s| edited(s, |d| d.text = value.clone(), Pace::Typing));
    };

    let keep_mine = move |_| {
        let conflict = ui.conflict.get_untracked().unwrap_or(Conflict::Edited);
        with(&|s| {
            let id = s.borrow().machine.id();
            let Some((rev, stored)) = stored_words(ws, id) else {
                return;
            };
            if conflict == Conflict::Deleted {
                // Kept as a new reflection; the deleted one stays deleted.
                ui.exists.set(false);
            }
            let commands = s
                .borrow_mut()
                .machine
                .keep_mine(conflict, rev, stored, new_id());
            run(s, commands);
        });
        ui.conflict.set(None);
    };
    let use_theirs = {
        let navigate = navigate.clone();
        move |_| {
            let conflict = ui.conflict.get_untracked().unwrap_or(Conflict::Edited);
            let gone = handle.with_value(|s| {
                let id = s.borrow().machine.id();
                let (rev, stored) = stored_words(ws, id).unwrap_or((0, None));
                let (commands, gone) = s.borrow_mut().machine.use_theirs(conflict, rev, stored);
                run(s, commands);
                gone
            });
            ui.conflict.set(None);
            if gone {
                navigate("/journal", Default::default());
            }
        }
    };

    let confirming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let ask_delete = move |_| {
        confirming.set(true);
        request_animation_frame(move || {
            if let Some(b) = cancel_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let delete = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            let (id, exists) = handle.with_value(|s| {
                let commands = s.borrow_mut().machine.pause();
                run(s, commands);
                let m = s.borrow();
                (m.machine.id(), m.machine.exists())
            });
            deleting.set(true);
            spawn_local(async move {
                let result = if exists {
                    ws.apply(move |p, now, by| p.delete_reflection(id, now, by))
                        .await
                        .map(|_| ())
                } else {
                    Ok(())
                };
                deleting.try_set(false);
                match result {
                    Ok(()) => {
                        handle.try_with_value(|s| {
                            let commands = s.borrow_mut().machine.discard();
                            run(s, commands);
                        });
                        navigate("/journal", Default::default());
                    }
                    Err(e) => {
                        handle.try_with_value(|s| s.borrow_mut().machine.resume());
                        ui.error
                            .try_set(Some(format!("The reflection was not deleted: {e}")));
                    }
                }
            });
        }
    };

    let flush = move |_| handle.with_value(save_now);

    view! {
        <div class="journal-editor">
            <Show when=move || ui.conflict.get().is_some()>
                <div class="notice journal-conflict" role="alert">
                    <p><strong>{move || match ui.conflict.get() {
                        Some(Conflict::Deleted) => "This reflection was deleted in another tab while you were writing.",
                        _ => "This reflection was changed in another tab while you were writing.",
                    }}</strong></p>
                    <p>"Your words are still here and kept on this device. Which version do you want?"</p>
                    <div class="form-actions">
                        <button type="button" class="button primary" on:click=keep_mine>
                            {move || match ui.conflict.get() {
                                Some(Conflict::Deleted) => "Keep my words as a new reflection",
                                _ => "Keep my version",
                            }}
                        </button>
                        <button type="button" class="button" on:click=use_theirs.clone()>
                            {move || match ui.conflict.get() {
                                Some(Conflict::Deleted) => "Discard my words",
                                _ => "Use the other version",
                            }}
                        </button>
                    </div>
                </div>
            </Show>
            <ErrorNotice message=ui.error/>
            <div class="field journal-text-field">
                <label for="reflection-text" hidden=move || ReflectionModel::of_prompt(ui.prompt.get().as_deref()).is_some()>"Your reflection"</label>
                <Show when=move || ui.prompt.with(|p| p.is_some())>
                    <div class="journal-chosen-prompt">
                        <p id="reflection-prompt">{move || ui.prompt.get().unwrap_or_default()}</p>
                        <button type="button" class="button journal-link-button"
                            on:click=move |_| { ui.prompt.set(None); focus_text(); }>
                            "Remove prompt"
                        </button>
                    </div>
                </Show>
                {move || ReflectionModel::of_prompt(ui.prompt.get().as_deref()).map(|m| view! {
                    <ModelStages model=m text=ui.text
                        on_text=Callback::new(move |value: String| {
                            ui.text.set(value.clone());
                            with(&|s| edited(s, |d| d.text = value.clone(), Pace::Typing));
                        })
                        on_blur=Callback::new(move |_| handle.with_value(save_now))/>
                })}
                <textarea id="reflection-text" class="journal-text" node_ref=textarea
                    hidden=move || ReflectionModel::of_prompt(ui.prompt.get().as_deref()).is_some()
                    rows="10" maxlength="20000"
                    placeholder="What happened, how it felt, what you noticed…"
                    aria-describedby=move || if ui.prompt.with(|p| p.is_some()) {
                        "reflection-prompt reflection-hint"
                    } else {
                        "reflection-hint"
                    }
                    prop:value=move || ui.text.get()
                    on:input=on_input
                    on:blur=flush></textarea>
                <p class="field-hint" id="reflection-hint">
                    {move || if ui.text.with(|t| t.trim().is_empty()) && !is_new {
                        "An empty reflection is not saved. To remove this one, use Delete below."
                    } else {
                        "Saved as you type, on this device only."
                    }}
                </p>
            </div>
            <PromptPicker prompt=ui.prompt after_choose=Callback::new(move |_| focus_text())/>
            <ModelPicker prompt=ui.prompt after_choose=Callback::new(move |_| {
                request_animation_frame(|| {
                    if let Some(el) = document().get_element_by_id("stage-0") {
                        let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(el);
                        let _ = el.focus();
                    }
                });
            })/>
            <TagInput tags=ui.tags/>
            <RatingField label="Mood" value=ui.mood min=1 max=5 low="Low" high="Great"/>
            <Show when=move || ui.mood.get().is_some()>
                <button type="button" class="button journal-link-button journal-clear-mood"
                    on:click=move |_| ui.mood.set(None)>"Clear mood"</button>
            </Show>
            <div class="field journal-private">
                <label class="choice">
                    <input type="checkbox" aria-describedby="private-hint"
                        prop:checked=move || ui.private.get()
                        on:change=move |ev| {
                            let private = event_target_checked(&ev);
                            ui.private.set(private);
                            // Straight to the machine, not through the taps' effect: it keeps
                            // and saves the tick before the person can leave the page.
                            with(&|s| edited(s, |d| d.private = private, Pace::Tap));
                        }/>
                    "Private"
                </label>
                <p class="field-hint" id="private-hint">{private_hint(ws.preferences().role())}</p>
            </div>
            <div class="form-actions journal-editor-actions">
                <a class="button primary" href="/journal">"Done"</a>
                <Show when=move || ui.exists.get() && !confirming.get() && ui.conflict.with(Option::is_none)>
                    <button type="button" class="button journal-delete" on:click=ask_delete>
                        "Delete reflection"
                    </button>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <div class="notice journal-confirm" role="group" aria-labelledby="delete-question">
                    <p id="delete-question"><strong>"Delete this reflection?"</strong></p>
                    <p>"It will be removed from your journal on this device."</p>
                    <div class="form-actions">
                        <button type="button" class="button danger" disabled=move || deleting.get()
                            on:click=delete.clone()>"Delete"</button>
                        <button type="button" class="button" node_ref=cancel_ref
                            on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
    .into_any()
}

/// What "private" means on this device (see `exchange::audience`).
fn private_hint(role: crate::core::Author) -> &'static str {
    match role {
        crate::core::Author::Client => "Private reflections are never included in a file for your coach unless you choose to share them.",
        crate::core::Author::Coach => "Private notes are yours alone: they are never included in any file or copy for your client.",
    }
}
