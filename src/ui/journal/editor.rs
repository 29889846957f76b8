//! Writing a reflection: a big text box first, saved as the person types.
//!
//! Never losing a word works in two layers. Every change is kept at once (synchronously) in
//! localStorage as an [`UnsavedReflection`]; ~400 ms after typing stops, and at once on blur,
//! when the page is hidden or closed, or when the person leaves the screen, the change is saved
//! through `ws.apply_checked` (the first save adds the reflection, later ones update it). Only
//! when that save is durable does the header say "Saved" and the kept copy go away. A reload
//! or a closed tab in between finds the kept copy again (here or in the journal list), and
//! core's `UnsavedReflection::resume` decides whether it is ours to save or needs a choice.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{window_event_listener_untyped, TimeoutHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use uuid::Uuid;

use super::drafts::{self, Slot};
use super::prompts::PromptPicker;
use super::tags::TagInput;
use crate::core::ids::new_id;
use crate::core::journal::ReflectionDraft;
use crate::core::journal_draft::{Resume, UnsavedReflection};
use crate::core::prompts::REFLECTION_PROMPTS;
use crate::core::{DocKind, Plan};
use crate::store::StoreError;
use crate::ui::page::Page;
use crate::ui::state::{device_role, use_workspace, ActionError, WithPlan, Workspace};
use crate::ui::widgets::{ErrorNotice, RatingField};

/// How long after the last keystroke the change is saved.
const DEBOUNCE: Duration = Duration::from_millis(400);
/// Tags, mood, prompt and the private flag are single taps: saved almost at once.
const TAP_DELAY: Duration = Duration::from_millis(50);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conflict {
    /// Saved elsewhere (another tab) since this screen's copy was loaded.
    Edited,
    /// Deleted elsewhere while these words were being written.
    Deleted,
}

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

/// The saving state. Plain data outside the reactive tree (shared through an `Rc`), so a save
/// that finishes after the person has left the screen still tidies up the kept copy.
struct Saver {
    ws: Workspace,
    plan_id: Uuid,
    id: Uuid,
    /// Saved at least once, so later saves update rather than add.
    exists: bool,
    /// The stored revision the next save is based on.
    base_rev: u64,
    /// What the person sees now.
    current: ReflectionDraft,
    /// What the plan durably holds for this reflection, as far as this screen knows.
    saved: Option<ReflectionDraft>,
    in_flight: Option<ReflectionDraft>,
    /// Another save was asked for while one was in flight.
    again: bool,
    /// While a conflict waits for the person's choice nothing is saved (words are still kept).
    paused: bool,
    timer: Option<TimeoutHandle>,
    /// The screen is still showing; false once the person has left it.
    alive: bool,
    ui: Fields,
}

type Shared = Rc<RefCell<Saver>>;

impl Saver {
    fn slot(&self) -> Slot {
        if self.exists {
            Slot::Saved(self.id)
        } else {
            Slot::New
        }
    }

    fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.current)
    }

    /// Keeps the words on the device while they differ from what is durably saved.
    fn keep(&self) {
        if self.dirty() && !self.current.text.trim().is_empty() {
            let unsaved = UnsavedReflection {
                id: self.id,
                base_rev: self.base_rev,
                saving: self.in_flight.clone(),
                fields: self.current.clone(),
            };
            drafts::keep(self.plan_id, self.slot(), &unsaved);
        } else {
            drafts::forget(self.plan_id, self.slot());
        }
    }

    fn cancel_timer(&mut self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
    }
}

/// The person changed something: keep it now, save it after `delay`.
fn edited(s: &Shared, change: impl FnOnce(&mut ReflectionDraft), delay: Duration) {
    let mut m = s.borrow_mut();
    change(&mut m.current);
    m.keep();
    m.cancel_timer();
    let again = s.clone();
    m.timer = set_timeout_with_handle(move || save_now(&again), delay).ok();
}

/// Saves the current words unless there is nothing new, they are blank, or a conflict waits.
fn save_now(s: &Shared) {
    let (ws, id, exists, base_rev, draft) = {
        let mut m = s.borrow_mut();
        m.cancel_timer();
        if m.paused || !m.dirty() || m.current.text.trim().is_empty() {
            return;
        }
        if m.in_flight.is_some() {
            m.again = true;
            return;
        }
        m.in_flight = Some(m.current.clone());
        m.keep();
        drafts::mark_saving(m.id, true);
        (m.ws, m.id, m.exists, m.base_rev, m.current.clone())
    };
    let s = s.clone();
    spawn_local(async move {
        let fields = draft.clone();
        let result = if exists {
            ws.apply_checked(&[(id, base_rev)], move |p, now, by| {
                p.update_reflection(id, fields, now, by)
            })
            .await
        } else {
            // The id was chosen when the screen opened, so a retried first save cannot make
            // a second copy; checking revision 0 refuses if it somehow exists already.
            ws.apply_checked(&[(id, 0)], move |p, now, by| {
                p.add_reflection_as(id, fields, now, by)
            })
            .await
        };
        let stored = ws
            .plan
            .with_untracked(|p| p.as_ref().map(|p| stored_state(p, id)));
        let again = {
            let mut m = s.borrow_mut();
            m.in_flight = None;
            match result {
                Ok(_) => {
                    let was_new = !m.exists;
                    if was_new {
                        drafts::forget(m.plan_id, Slot::New);
                    }
                    m.exists = true;
                    m.ui.exists.try_set(true);
                    m.base_rev = stored.map(|(rev, _)| rev).unwrap_or(base_rev);
                    m.saved = Some(draft);
                    m.keep();
                    m.ui.error.try_set(None);
                    if was_new && m.alive {
                        replace_url(id);
                    }
                    std::mem::take(&mut m.again)
                }
                Err(ActionError::ChangedElsewhere) => {
                    m.paused = true;
                    m.again = false;
                    m.keep();
                    let deleted = matches!(stored, Some((_, Some(false))));
                    m.ui.conflict.try_set(Some(if deleted {
                        Conflict::Deleted
                    } else {
                        Conflict::Edited
                    }));
                    false
                }
                Err(e) => {
                    m.again = false;
                    m.keep();
                    let when = match e {
                        ActionError::Store(StoreError::Closed) => "when this page reloads",
                        _ => "with your next change",
                    };
                    m.ui.error.try_set(Some(format!(
                        "Not saved yet: {e} Your words are kept on this device and will be \
                         saved {when}."
                    )));
                    false
                }
            }
        };
        if again {
            save_now(&s);
        }
        if s.borrow().in_flight.is_none() {
            drafts::mark_saving(id, false);
        }
    });
}

/// The stored revision of a reflection and whether it is live (`None`: not in the plan).
fn stored_state(p: &Plan, id: Uuid) -> (u64, Option<bool>) {
    let live = p
        .reflections
        .iter()
        .find(|r| r.meta.id == id)
        .map(|r| r.meta.is_live());
    (p.rev_of(id), live)
}

/// Puts the new reflection's address in the location bar without re-rendering the screen.
///
/// The router would treat /journal/new → /journal/<id> as a different route and rebuild the
/// editor, which blurs the text box and closes a phone's keyboard mid-sentence. So the URL is
/// replaced with the History API, keeping the router's history state; the router reads the
/// real location on the next navigation or Back.
fn replace_url(id: Uuid) {
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
        let url = JsValue::from_str(&format!("/journal/{id}"));
        let _ = replace.call3(&history, &state, &JsValue::from_str(""), &url);
    }
}

/// Where the screen starts from.
enum Start {
    /// Open a reflection (possibly with kept words to save or a conflict to resolve).
    Open {
        saver: Box<Saver>,
        save_at_once: bool,
    },
    NotFound,
}

fn start(
    ws: Workspace,
    plan: &Plan,
    param: Option<String>,
    prompt: Option<String>,
    ui: Fields,
) -> Start {
    let plan_id = plan.id();
    let blank = |id: Uuid| Saver {
        ws,
        plan_id,
        id,
        exists: false,
        base_rev: 0,
        current: ReflectionDraft::default(),
        saved: None,
        in_flight: None,
        again: false,
        paused: false,
        timer: None,
        alive: true,
        ui,
    };
    let (id, kept) = match param.as_deref() {
        None | Some("new") => match drafts::load(plan_id, Slot::New) {
            Some(u) => (u.id, Some((Slot::New, u))),
            None => {
                let mut s = blank(new_id());
                s.current.prompt = prompt;
                return Start::Open {
                    saver: Box::new(s),
                    save_at_once: false,
                };
            }
        },
        Some(text) => match Uuid::parse_str(text) {
            Ok(id) => (
                id,
                drafts::load(plan_id, Slot::Saved(id)).map(|u| (Slot::Saved(id), u)),
            ),
            Err(_) => return Start::NotFound,
        },
    };
    let mut s = blank(id);
    if let Some(r) = plan.reflection(id) {
        s.exists = true;
        s.base_rev = plan.rev_of(id);
        s.current = r.fields.clone();
        s.saved = Some(r.fields.clone());
    }
    let Some((slot, kept)) = kept else {
        return if s.exists {
            Start::Open {
                saver: Box::new(s),
                save_at_once: false,
            }
        } else {
            Start::NotFound
        };
    };
    let resume = kept.resume(plan);
    // The kept words move to the slot this screen writes to from now on.
    drafts::forget(plan_id, slot);
    match resume {
        Resume::Discard => {
            if !s.exists {
                // Nothing to save and nothing stored: start afresh.
                return start(ws, plan, Some("new".into()), None, ui);
            }
        }
        Resume::Save { exists, base_rev } => {
            s.exists = exists;
            s.base_rev = base_rev;
            s.current = kept.fields;
        }
        Resume::EditedElsewhere => {
            s.current = kept.fields;
            s.paused = true;
            ui.conflict.set(Some(Conflict::Edited));
        }
        Resume::DeletedElsewhere => {
            s.current = kept.fields;
            s.exists = true;
            s.base_rev = plan.rev_of(id);
            s.paused = true;
            ui.conflict.set(Some(Conflict::Deleted));
        }
    }
    s.keep();
    if s.exists && param.as_deref().is_none_or(|p| p == "new") {
        replace_url(id);
    }
    let save_at_once = s.dirty() && !s.paused;
    Start::Open {
        saver: Box::new(s),
        save_at_once,
    }
}

#[component]
pub fn ReflectionEditorScreen() -> impl IntoView {
    let is_new = use_params_map()
        .get_untracked()
        .get("id")
        .is_none_or(|id| id == "new");
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
    let param = use_params_map().get_untracked().get("id");
    let prompt = use_query_map()
        .get_untracked()
        .get("prompt")
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| REFLECTION_PROMPTS.get(i))
        .map(|p| p.to_string());
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
            .map(|p| start(ws, p, param.clone(), prompt, ui))
            .unwrap_or(Start::NotFound)
    });
    let (saver, save_at_once) = match started {
        Start::Open {
            saver,
            save_at_once,
        } => (*saver, save_at_once),
        Start::NotFound => {
            return view! {
                <div class="card">
                    <h2>"This reflection is not in your journal"</h2>
                    <p>"It may have been deleted, or the link is from another plan."</p>
                    <a class="button primary" href="/journal">"Back to your journal"</a>
                </div>
            }
            .into_any()
        }
    };
    let is_new = !saver.exists;
    ui.show(&saver.current);
    ui.exists.set(saver.exists);
    let shared: Shared = Rc::new(RefCell::new(saver));
    let handle = StoredValue::new_local(shared.clone());
    let with = move |f: &dyn Fn(&Shared)| handle.with_value(|s| f(s));
    if save_at_once {
        save_now(&shared);
    }

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
                m.current.prompt == prompt
                    && m.current.tags == tags
                    && m.current.mood == mood
                    && m.current.private == private
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
                    TAP_DELAY,
                );
            }
        });
    });

    // Another tab saved this reflection: take its version when nothing here is unsaved,
    // otherwise ask.
    Effect::new(move |_| {
        let touched = ws.last_change.get();
        handle.try_with_value(|s| {
            let id = s.borrow().id;
            if !touched.ids_of(DocKind::Reflection).any(|t| t == id) {
                return;
            }
            let Some((rev, live, fields)) = ws.plan.with_untracked(|p| {
                p.as_ref().map(|p| {
                    let (rev, live) = stored_state(p, id);
                    (rev, live, p.reflection(id).map(|r| r.fields.clone()))
                })
            }) else {
                return;
            };
            let mut m = s.borrow_mut();
            if m.in_flight.is_some() || m.paused || rev == m.base_rev || !m.exists {
                return;
            }
            match (live, fields) {
                (Some(true), Some(fields)) if !m.dirty() || fields == m.current => {
                    m.base_rev = rev;
                    m.current = fields.clone();
                    m.saved = Some(fields.clone());
                    m.keep();
                    m.ui.show(&fields);
                }
                (Some(true), _) => {
                    m.paused = true;
                    m.cancel_timer();
                    m.ui.conflict.set(Some(Conflict::Edited));
                }
                _ => {
                    m.paused = true;
                    m.cancel_timer();
                    m.ui.conflict.set(Some(Conflict::Deleted));
                }
            }
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
        with(&|s| edited(s, |d| d.text = value.clone(), DEBOUNCE));
    };

    let keep_mine = move |_| {
        let conflict = ui.conflict.get_untracked();
        with(&|s| {
            {
                let mut m = s.borrow_mut();
                let stored = ws.plan.with_untracked(|p| {
                    p.as_ref().map(|p| {
                        (
                            stored_state(p, m.id),
                            p.reflection(m.id).map(|r| r.fields.clone()),
                        )
                    })
                });
                if conflict == Some(Conflict::Deleted) {
                    // Keep the words as a new reflection; the deleted one stays deleted.
                    drafts::forget(m.plan_id, m.slot());
                    m.id = new_id();
                    m.exists = false;
                    m.ui.exists.set(false);
                    m.base_rev = 0;
                    m.saved = None;
                } else if let Some(((rev, _), fields)) = stored {
                    m.base_rev = rev;
                    m.saved = fields;
                }
                m.paused = false;
                m.keep();
            }
            save_now(s);
        });
        ui.conflict.set(None);
    };
    let use_theirs = {
        let navigate = navigate.clone();
        move |_| {
            let conflict = ui.conflict.get_untracked();
            let gone = handle.with_value(|s| {
                let mut m = s.borrow_mut();
                m.cancel_timer();
                drafts::forget(m.plan_id, m.slot());
                let stored = ws.plan.with_untracked(|p| {
                    p.as_ref().and_then(|p| {
                        p.reflection(m.id)
                            .map(|r| (p.rev_of(m.id), r.fields.clone()))
                    })
                });
                match stored {
                    Some((rev, fields)) if conflict == Some(Conflict::Edited) => {
                        m.base_rev = rev;
                        m.current = fields.clone();
                        m.saved = Some(fields.clone());
                        m.paused = false;
                        m.ui.show(&fields);
                        false
                    }
                    _ => {
                        m.saved = Some(m.current.clone());
                        true
                    }
                }
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
            let (id, exists, plan_id) = handle.with_value(|s| {
                let mut m = s.borrow_mut();
                m.cancel_timer();
                m.paused = true;
                (m.id, m.exists, m.plan_id)
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
                        drafts::forget(plan_id, Slot::New);
                        drafts::forget(plan_id, Slot::Saved(id));
                        handle.try_with_value(|s| {
                            let mut m = s.borrow_mut();
                            m.saved = Some(m.current.clone());
                        });
                        navigate("/journal", Default::default());
                    }
                    Err(e) => {
                        handle.try_with_value(|s| s.borrow_mut().paused = false);
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
                <label for="reflection-text">"Your reflection"</label>
                <Show when=move || ui.prompt.with(|p| p.is_some())>
                    <div class="journal-chosen-prompt">
                        <p id="reflection-prompt">{move || ui.prompt.get().unwrap_or_default()}</p>
                        <button type="button" class="button journal-link-button"
                            on:click=move |_| { ui.prompt.set(None); focus_text(); }>
                            "Remove prompt"
                        </button>
                    </div>
                </Show>
                <textarea id="reflection-text" class="journal-text" node_ref=textarea
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
                        on:change=move |ev| ui.private.set(event_target_checked(&ev))/>
                    "Private"
                </label>
                <p class="field-hint" id="private-hint">{private_hint(device_role())}</p>
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
