//! The journal: reflections grouped by week, newest first, with a search that answers on every
//! keystroke and a filter by tag.
//!
//! Search runs on core's `JournalIndex`, built once when the screen opens on a plan (rebuilt
//! only if the open plan changes) and kept current from `ws.last_change`, so a keystroke costs
//! one scan of pre-lowercased text, or, as the person types on, a look at the reflections the
//! previous keystroke found. Only a screenful of matches becomes DOM: more are drawn as the
//! list's end scrolls near, or by "Show more". Building a row is what a keystroke costs most,
//! so thousands of reflections stay fast to search and to scroll.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::drafts::{self, Slot};
use super::timing;
use crate::core::journal::{group_by_week, Found, JournalIndex, Reflection};
use crate::core::journal_draft::Resume;
use crate::core::prompts::{prompt_for_day, REFLECTION_PROMPTS};
use crate::core::reflection_models::ReflectionModel;
use crate::core::schedule::local_date;
use crate::core::search_marks::{Marked, Searchable};
use crate::core::{DocKind, Plan};
use crate::ui::format::{full_date, utc_offset_at, weekday_date};
use crate::ui::icons::Icon;
use crate::ui::page::{EmptyState, Page};
use crate::ui::state::{use_workspace, ActionError, WithPlan, Workspace};
use crate::ui::widgets::ListEnd;

/// Reflections drawn after a keystroke or a tag: a phone shows two or three. Building a row is
/// most of what a keystroke that changes the results costs, so a taller screen gets the rest
/// from `ListEnd` a moment later rather than every keystroke paying for it.
const FIRST: usize = 4;
/// Reflections added when the list's end scrolls near, or by "Show more".
const MORE: usize = 10;
/// More reflections touched by one change than this: the search index is built anew.
const REBUILD_ABOVE: usize = 50;

#[component]
pub fn JournalScreen() -> impl IntoView {
    view! {
        <Page title="Journal">
            <WithPlan>
                <Journal/>
            </WithPlan>
        </Page>
    }
}

/// One line of the list: a week heading or a reflection. It is also the row's key: a
/// keystroke's new results are only ids and save times, and a reflection's row is built (dates
/// formatted, text copied) only when it was not on screen before or was saved since.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Row {
    Week { monday: NaiveDate, label: String },
    Entry { id: Uuid, saved_at: DateTime<Utc> },
}

#[derive(Clone, Debug, PartialEq)]
struct EntryView {
    id: Uuid,
    date: String,
    datetime: String,
    first_line: Arc<Searchable>,
    /// The prompt the entry answers: shown, so a search hit on it shows what matched.
    prompt: Option<Arc<Searchable>>,
    text: Arc<Searchable>,
    tags: Vec<String>,
    mood: Option<u8>,
    private: bool,
}

fn week_label(monday: NaiveDate, today: NaiveDate) -> String {
    let this_monday = today - chrono::Days::new(u64::from(today.weekday_from_monday()));
    if monday == this_monday {
        "This week".to_owned()
    } else if Some(monday) == this_monday.checked_sub_days(chrono::Days::new(7)) {
        "Last week".to_owned()
    } else {
        format!("Week of {}", full_date(monday))
    }
}

trait WeekdayFromMonday {
    fn weekday_from_monday(&self) -> u32;
}

impl WeekdayFromMonday for NaiveDate {
    fn weekday_from_monday(&self) -> u32 {
        chrono::Datelike::weekday(self).num_days_from_monday()
    }
}

fn entry_view(r: &Reflection) -> EntryView {
    let day = r.meta.day_written(utc_offset_at);
    // A guided entry's stage headings ("What?") are not what it is about: its first answer is.
    let model = ReflectionModel::of_prompt(r.fields.prompt.as_deref());
    let is_heading = |l: &str| model.is_some_and(|m| m.stages().iter().any(|s| s.heading == l));
    let first_line = r
        .fields
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_heading(l))
        .unwrap_or_default();
    EntryView {
        id: r.meta.id,
        date: weekday_date(day),
        datetime: day.to_string(),
        first_line: Arc::new(Searchable::new(first_line.chars().take(160).collect())),
        prompt: r
            .fields
            .prompt
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Arc::new(Searchable::new(p.to_owned()))),
        text: Arc::new(Searchable::new(r.fields.text.clone())),
        tags: r.fields.tags.clone(),
        mood: r.fields.mood,
        private: r.fields.private,
    }
}

/// Keeps the search index in step with the open plan.
#[derive(Clone, Copy)]
struct LiveIndex {
    index: StoredValue<JournalIndex>,
    plan_id: StoredValue<Option<Uuid>>,
    /// Bumped whenever the index changes, so searches re-run.
    version: RwSignal<u64>,
}

impl LiveIndex {
    fn new(ws: Workspace) -> Self {
        let live = LiveIndex {
            index: StoredValue::new(JournalIndex::default()),
            plan_id: StoredValue::new(None),
            version: RwSignal::new(0),
        };
        ws.plan.with_untracked(|p| {
            if let Some(p) = p {
                live.rebuild(p)
            }
        });
        // Follow saves here and in other tabs: only the touched reflections are re-indexed.
        Effect::new(move |first_run: Option<()>| {
            let touched = ws.last_change.get();
            ws.plan.with(|p| {
                let Some(p) = p else { return };
                let reflections = touched.ids_of(DocKind::Reflection).count();
                // Rebuild when another plan opened, when the plan was reloaded whole (opening,
                // an import, another tab's conflicting save: nothing is listed as touched), or
                // when many changed at once (cheaper than one by one).
                if live.plan_id.get_value() != Some(p.id())
                    || (touched.is_empty() && first_run.is_some())
                    || reflections > REBUILD_ABOVE
                {
                    live.rebuild(p);
                    return;
                }
                if reflections == 0 {
                    return;
                }
                live.index.update_value(|idx| {
                    for id in touched.ids_of(DocKind::Reflection) {
                        match p.reflections.iter().find(|r| r.meta.is(id)) {
                            Some(r) => idx.upsert(r),
                            None => idx.remove(id),
                        }
                    }
                });
                live.version.update(|v| *v += 1);
            });
        });
        live
    }

    fn rebuild(&self, p: &Plan) {
        let t0 = timing::now_ms();
        self.index.set_value(JournalIndex::build(&p.reflections));
        timing::measure("journal-index-build", t0);
        self.plan_id.set_value(Some(p.id()));
        self.version.update(|v| *v += 1);
    }
}

/// Saves reflection words a closed tab or a reload left on this device (see the editor), and
/// lists in `needs_choice` the reflections whose words need the person's choice.
fn recover_unsaved(ws: Workspace, needs_choice: RwSignal<Vec<Uuid>>) {
    let Some(plan_id) = ws.plan.with_untracked(|p| p.as_ref().map(Plan::id)) else {
        return;
    };
    let prefs = ws.preferences();
    for (slot, unsaved) in prefs.journal_drafts(plan_id) {
        if drafts::is_saving(unsaved.id) {
            // An editor in this tab is saving these words right now.
            continue;
        }
        let resume = ws
            .plan
            .with_untracked(|p| p.as_ref().map(|p| unsaved.resume(p)));
        match resume {
            None => {}
            Some(Resume::Discard) => prefs.forget_journal_draft(plan_id, slot),
            Some(Resume::Save { base_rev, .. }) => {
                let prefs = prefs.clone();
                spawn_local(async move {
                    let id = unsaved.id;
                    let fields = unsaved.fields.clone();
                    let result = ws
                        .apply_checked(&[(id, base_rev)], move |p, now, by| {
                            p.put_reflection(id, fields, now, by)
                        })
                        .await;
                    match result {
                        Ok(_) => prefs.forget_journal_draft(plan_id, slot),
                        Err(ActionError::ChangedElsewhere) => {
                            needs_choice.try_update(|v| v.push(id));
                        }
                        // Kept on the device; tried again next time the journal opens.
                        Err(e) => leptos::logging::warn!("unsaved reflection not saved yet: {e}"),
                    }
                });
            }
            Some(Resume::EditedElsewhere | Resume::DeletedElsewhere) => {
                // The editor offers the choice; it finds the kept words under this id.
                if slot == Slot::New {
                    prefs.forget_journal_draft(plan_id, slot);
                    let _ = prefs.keep_journal_draft(plan_id, Slot::Saved(unsaved.id), &unsaved);
                }
                needs_choice.update(|v| v.push(unsaved.id));
            }
        }
    }
}

#[component]
fn Journal() -> impl IntoView {
    let ws = use_workspace();
    let today = local_date(Utc::now(), utc_offset_at(Utc::now()));
    let live = LiveIndex::new(ws);
    let query = RwSignal::new(String::new());
    let tag = RwSignal::new(None::<String>);
    let limit = RwSignal::new(FIRST);
    let needs_choice = RwSignal::new(Vec::<Uuid>::new());
    recover_unsaved(ws, needs_choice);

    // The search itself (timed as "journal-search"): one scan of the index, or, when the
    // person typed on, a look at the previous answer's reflections only. A keystroke that
    // finds the same reflections (a space, say) changes nothing further down.
    let found = Memo::new_owning(move |previous: Option<Found>| {
        live.version.track();
        let t0 = timing::now_ms();
        let found = query.with(|q| {
            tag.with(|t| {
                live.index
                    .with_value(|i| i.search_after(q, t.as_deref(), previous.as_ref()))
            })
        });
        timing::measure("journal-search", t0);
        let changed = previous.is_none_or(|p| !p.same_as(&found));
        (found, changed)
    });
    // Where each reflection sits in the plan, rebuilt only when the plan changes.
    let position = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.reflections
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (r.meta.id, i))
                        .collect::<HashMap<Uuid, usize>>()
                })
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        let n = limit.get();
        found.with(|found| {
            let ids = found.ids();
            position.with(|pos| {
                ws.plan.with(|p| {
                    let Some(p) = p else { return Vec::new() };
                    let shown = ids
                        .iter()
                        .take(n)
                        .filter_map(|id| pos.get(id).map(|&i| &p.reflections[i]));
                    let mut rows = Vec::new();
                    for week in group_by_week(shown, utc_offset_at) {
                        rows.push(Row::Week {
                            monday: week.monday,
                            label: week_label(week.monday, today),
                        });
                        rows.extend(week.reflections.iter().map(|r| Row::Entry {
                            id: r.meta.id,
                            saved_at: r.meta.updated_at,
                        }));
                    }
                    rows
                })
            })
        })
    });
    // The list's end is looked at again whenever the number of rows drawn changes, as when a
    // backspace turns two results into hundreds on a screen that four rows do not fill.
    let rows_drawn = Memo::new(move |_| rows.with(Vec::len));
    let total = Memo::new(move |_| {
        live.version.track();
        live.index.with_value(|i| i.len())
    });
    let found_count = move || found.with(|f| f.ids().len());
    let filtering = move || query.with(|q| !q.trim().is_empty()) || tag.with(Option::is_some);
    // The next reflections, for the list's end scrolling near and for "Show more": whether
    // there were any.
    let show_more = move || {
        let more = found_count() > limit.get_untracked();
        if more {
            limit.update(|n| *n += MORE);
        }
        more
    };
    let count_text = move || {
        let n = found_count();
        let noun = if n == 1 { "reflection" } else { "reflections" };
        if filtering() {
            format!("{n} {noun} found")
        } else {
            format!("{n} {noun}")
        }
    };
    let query_lower = Memo::new(move |_| query.with(|q| q.trim().to_lowercase()));

    let prompt_index = REFLECTION_PROMPTS
        .iter()
        .position(|p| *p == prompt_for_day(today))
        .unwrap_or(0);

    view! {
        <div class="journal">
            <div class="journal-top">
                <a class="button primary journal-write" href="/journal/new">
                    <Icon name="pen"/>"Write a reflection"
                </a>
            </div>
            <Show when=move || needs_choice.with(|v| !v.is_empty())>
                <div class="notice journal-conflict" role="alert">
                    <p><strong>"Some words you wrote were not saved because the reflection changed elsewhere."</strong></p>
                    <ul>
                        <For each=move || needs_choice.get() key=|id| *id let(id)>
                            <li><a href=format!("/journal/{id}")>"Open it and choose which version to keep"</a></li>
                        </For>
                    </ul>
                </div>
            </Show>
            <Show
                when=move || { total.get() > 0 }
                fallback=move || {
                    let icon = view! { <Icon name="book"/> }.into_any();
                    view! {
                    <EmptyState icon=icon heading="Your journal is empty">
                        <p>
                            "A few honest lines after a good or a hard day help you and your coach "
                            "see what is changing. Not sure where to start? Try this one:"
                        </p>
                        <p class="journal-empty-prompt">{prompt_for_day(today)}</p>
                        <div class="form-actions journal-empty-actions">
                            <a class="button primary" href=format!("/journal/new?prompt={prompt_index}")>
                                "Answer this prompt"
                            </a>
                            <a class="button" href="/journal/new">"Write freely"</a>
                        </div>
                    </EmptyState>
                    }
                }
            >
                <div class="field journal-search">
                    <label for="journal-search">"Search reflections"</label>
                    <input id="journal-search" type="search" enterkeyhint="search" autocomplete="off"
                        aria-describedby="journal-search-hint" aria-controls="journal-feed"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            // Only a change re-draws the rows (set would, even to the same).
                            if limit.get_untracked() != FIRST {
                                limit.set(FIRST);
                            }
                        }/>
                    <p class="field-hint" id="journal-search-hint">"Words from the text, a prompt or a tag."</p>
                </div>
                <Show when=move || tag.with(Option::is_some)>
                    <p class="journal-tag-filter">
                        "Tagged "<strong>{move || tag.get().unwrap_or_default()}</strong>
                        <button type="button" class="button journal-link-button"
                            on:click=move |_| { tag.set(None); limit.set(FIRST); }>
                            "Show all tags"
                        </button>
                    </p>
                </Show>
                <p class="journal-count" role="status" aria-live="polite" data-testid="journal-count">
                    {count_text}
                </p>
                <Show when=move || found_count() == 0>
                    <div class="journal-no-results">
                        <p>"Nothing matches. Try fewer or different words."</p>
                        <button type="button" class="button" on:click=move |_| {
                            query.set(String::new());
                            tag.set(None);
                            limit.set(FIRST);
                        }>"Clear search"</button>
                    </div>
                </Show>
                <div id="journal-feed" class="journal-feed">
                    <For each=move || rows.get() key=Row::clone let(row)>
                        {match row {
                            Row::Week { label, .. } => view! { <h2 class="journal-week">{label}</h2> }.into_any(),
                            Row::Entry { id, .. } => position
                                .with_untracked(|pos| pos.get(&id).copied())
                                .and_then(|i| ws.plan.with_untracked(|p| p.as_ref().and_then(|p| p.reflections.get(i)).map(entry_view)))
                                .map(|e| view! { <Entry e=e query=query_lower tag=tag limit=limit/> })
                                .into_any(),
                        }}
                    </For>
                </div>
                <ListEnd shown=rows_drawn more=show_more/>
                <Show when=move || { found_count() > limit.get() }>
                    <button type="button" class="button journal-more"
                        on:click=move |_| { show_more(); }>
                        {move || format!("Show more ({} not shown)", found_count().saturating_sub(limit.get()))}
                    </button>
                </Show>
            </Show>
        </div>
    }
}

#[component]
fn Entry(
    e: EntryView,
    query: Memo<String>,
    tag: RwSignal<Option<String>>,
    limit: RwSignal<usize>,
) -> impl IntoView {
    let EntryView {
        id,
        date,
        datetime,
        first_line,
        prompt,
        text,
        tags,
        mood,
        private,
        ..
    } = e;
    let title = first_line.clone();
    // About a line around the first match, when the title does not show one.
    let snippet = move || {
        query.with(|q| {
            if q.is_empty() || title.contains(q) {
                return None;
            }
            text.snippet(q).map(|Marked { text, marks }| {
                view! { <p class="journal-snippet">{marked(&text, &marks)}</p> }
            })
        })
    };
    view! {
        <article class="journal-entry card" data-testid="journal-entry">
            <p class="journal-entry-meta">
                <time datetime=datetime>{date}</time>
                {mood.map(|m| view! { <span class="journal-mood">{format!("Mood {m}/5")}</span> })}
                {private.then(|| view! {
                    <span class="journal-private-marker"><Icon name="lock"/>"Private"</span>
                })}
            </p>
            {prompt.map(|p| view! {
                <p class="journal-entry-prompt" data-testid="journal-entry-prompt">
                    <span class="visually-hidden">"Prompt: "</span>
                    {move || query.with(|q| marked(p.text(), &p.matches(q)))}
                </p>
            })}
            <h3 class="journal-entry-title">
                <a href=format!("/journal/{id}")>
                    <span class="journal-entry-line">
                        {move || query.with(|q| marked(first_line.text(), &first_line.matches(q)))}
                    </span>
                </a>
            </h3>
            {snippet}
            {(!tags.is_empty()).then(|| view! {
                <ul class="tag-list" aria-label="Tags">
                    {tags.into_iter().map(|t| {
                        let t2 = t.clone();
                        let pressed = {
                            let t = t.clone();
                            move || tag.with(|x| x.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&t))).to_string()
                        };
                        view! {
                            <li>
                                <button type="button" class="tag-filter" aria-pressed=pressed
                                    on:click=move |_| { tag.set(Some(t2.clone())); limit.set(FIRST); }>
                                    <span class="visually-hidden">"Filter by tag "</span>
                                    <span aria-hidden="true">"#"</span>{t}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}

/// `text` as plain text and `<mark>`ed parts: text nodes, never HTML.
fn marked(text: &str, marks: &[Range<usize>]) -> Vec<AnyView> {
    let mut parts = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    for m in marks {
        if m.start > at {
            parts.push(text[at..m.start].to_owned().into_any());
        }
        parts.push(view! { <mark>{text[m.clone()].to_owned()}</mark> }.into_any());
        at = m.end;
    }
    if at < text.len() || parts.is_empty() {
        parts.push(text[at..].to_owned().into_any());
    }
    parts
}
