//! A goal's steps: milestones as a dated roadmap, and actions ranked by core (high impact and
//! low effort first, due soon breaking ties) with the impact/effort grid.
//!
//! Rows are keyed by record id and read their own record from the plan, so ticking one off
//! updates that row in place and keyboard focus stays on the control just used.

use crate::core::sorting::sort_by_key;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::common::{RowField, RowRating};
use crate::core::action::{Action, ActionDraft, IfThen};
use crate::core::milestone::MilestoneDraft;
use crate::core::ranking::{quadrant, quadrant_rule, rank_actions, Quadrant};
use crate::ui::format::{iso, parse_date, show_date, today};
use crate::ui::state::use_workspace;
use crate::ui::widgets::{DateField, ErrorNotice, TextField};

// ---- milestones ---------------------------------------------------------------------------

#[component]
pub fn MilestonesSection(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let ids = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.milestones_of(gid)
                        .iter()
                        .map(|m| m.meta.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let counts = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| crate::core::progress::milestone_counts(p, gid))
                .unwrap_or((0, 0))
        })
    });
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let adding = RwSignal::new(false);

    let add = move || {
        error.set(None);
        let t = title.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(Some(
                "Milestone: say what will be done, e.g. 'First case study published'.".into(),
            ));
            return;
        }
        let d = match parse_date("Milestone due date", &due.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                error.set(Some(
                    "Milestone due date: choose when it should be done.".into(),
                ));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        adding.set(true);
        spawn_local(async move {
            let r = ws
                .apply(move |p, now, by| {
                    // Place it by date: after every milestone due on or before it. Ties in
                    // `order` are broken by the due date, so the roadmap stays in date order.
                    let order = p
                        .milestones_of(gid)
                        .iter()
                        .filter(|m| m.fields.due <= d)
                        .count() as u32;
                    p.add_milestone(
                        MilestoneDraft {
                            goal_id: gid,
                            title: t,
                            due: d,
                            order,
                        },
                        now,
                        by,
                    )
                })
                .await;
            adding.set(false);
            match r {
                Ok(_) => {
                    title.set(String::new());
                    due.set(String::new());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="milestones-heading" data-testid="milestones">
            <h2 id="milestones-heading">"Roadmap"</h2>
            <p class="muted">{move || {
                let (d, t) = counts.get();
                if t == 0 { "Milestones are dated steps on the way. Add the first one below.".to_owned() }
                else { format!("{d} of {t} milestones done") }
            }}</p>
            <ol class="roadmap">
                <For each=move || ids.get() key=|id| *id let(mid)>
                    <MilestoneRow mid=mid/>
                </For>
            </ol>
            <form class="add-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <h3>"Add a milestone"</h3>
                <TextField label="Milestone" value=title placeholder="e.g. First case study published"/>
                <DateField label="Milestone due date" value=due/>
                <ErrorNotice message=error/>
                <button type="submit" class="button" disabled=move || adding.get()>"Add milestone"</button>
            </form>
        </section>
    }
}

#[component]
fn MilestoneRow(mid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let m = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().and_then(|p| p.milestone(mid).cloned()))
    });
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let done = move || m.with(|m| m.as_ref().is_some_and(|m| m.is_done()));
    let title = move || {
        m.with(|m| {
            m.as_ref()
                .map(|m| m.fields.title.clone())
                .unwrap_or_default()
        })
    };
    let toggle = move |_| {
        let was_done = done();
        spawn_local(async move {
            let r = ws
                .apply(move |p, now, by| {
                    if was_done {
                        p.reopen_milestone(mid, now, by)
                    } else {
                        p.complete_milestone(mid, now, by)
                    }
                })
                .await;
            if let Err(e) = r {
                error.set(Some(e.to_string()));
            }
        });
    };
    let delete = move |_| {
        ws.change_with_undo(
            "Milestone deleted",
            error,
            || {},
            move |p, now, by| p.delete_milestone(mid, now, by),
        );
    };
    let editing = RwSignal::new(false);
    let new_title = RwSignal::new(String::new());
    let new_due = RwSignal::new(String::new());
    let open_edit = move |_| {
        if let Some(m) = m.get_untracked() {
            new_title.set(m.fields.title.clone());
            new_due.set(iso(m.fields.due));
        }
        error.set(None);
        editing.set(true);
    };
    let save = move || {
        error.set(None);
        let Some(old) = m.get_untracked() else { return };
        let due = match parse_date("Milestone due date", &new_due.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                error.set(Some(
                    "Milestone due date: choose when it should be done.".into(),
                ));
                return;
            }
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let draft = MilestoneDraft {
            title: new_title.get_untracked().trim().to_owned(),
            due,
            ..old.fields
        };
        ws.change_with_undo(
            "Milestone changed",
            error,
            move || editing.set(false),
            move |p, now, by| p.update_milestone(mid, draft, now, by),
        );
    };
    // Only the box ticks: the title is text a person taps to read, not a label that toggles.
    let title_id = format!("ms-{mid}-title");
    let date_id = format!("ms-{mid}-date");
    view! {
        <li class=move || if done() { "roadmap-item done" } else { "roadmap-item" } data-testid="milestone">
            <div class="roadmap-row">
                <input type="checkbox" class="big-check" prop:checked=done on:change=toggle
                    aria-labelledby=title_id.clone() aria-describedby=date_id.clone()/>
                <div class="roadmap-label">
                    <span class="roadmap-title" id=title_id>{title}</span>
                    <span class="roadmap-date" id=date_id>
                        {move || m.with(|m| m.as_ref().map(|m| {
                            let state = if m.is_done() { "Done" } else if m.fields.due < today() { "Overdue" } else { "Due" };
                            format!("{state} · {}", show_date(m.fields.due))
                        }))}
                    </span>
                </div>
                <Show when=move || !confirm.get()
                    fallback=move || view! {
                        <span class="confirm">
                            <button type="button" class="button danger" on:click=delete
                                aria-label=move || format!("Confirm delete milestone: {}", title())>"Delete"</button>
                            <button type="button" class="button" on:click=move |_| confirm.set(false)>"Keep"</button>
                        </span>
                    }>
                    <button type="button" class="button" aria-label=move || format!("Edit milestone: {}", title())
                        aria-expanded=move || editing.get().to_string() on:click=open_edit>"Edit"</button>
                    <button type="button" class="button icon-button" aria-label=move || format!("Delete milestone: {}", title())
                        on:click=move |_| confirm.set(true)>"✕"</button>
                </Show>
            </div>
            <Show when=move || editing.get()>
                <form class="add-form milestone-edit" on:submit=move |ev| { ev.prevent_default(); save(); }>
                    <RowField id=format!("ms-{mid}-edit-title") label="Milestone".into() value=new_title/>
                    <RowField id=format!("ms-{mid}-edit-due") label="Due date".into() value=new_due kind="date"/>
                    <div class="form-actions">
                        <button type="submit" class="button primary">"Save milestone"</button>
                        <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <ErrorNotice message=error/>
        </li>
    }
}

// ---- actions ------------------------------------------------------------------------------

/// The fields of an action form; one per open form, with its own id prefix.
#[derive(Clone, Copy)]
struct ActionFields {
    title: RwSignal<String>,
    due: RwSignal<String>,
    impact: RwSignal<u8>,
    effort: RwSignal<u8>,
    when: RwSignal<String>,
    then: RwSignal<String>,
}

impl ActionFields {
    fn new(a: Option<&ActionDraft>) -> Self {
        ActionFields {
            title: RwSignal::new(a.map(|a| a.title.clone()).unwrap_or_default()),
            due: RwSignal::new(a.and_then(|a| a.due).map(iso).unwrap_or_default()),
            impact: RwSignal::new(a.map_or(3, |a| a.impact)),
            effort: RwSignal::new(a.map_or(2, |a| a.effort)),
            when: RwSignal::new(
                a.and_then(|a| a.if_then.as_ref())
                    .map(|p| p.when.clone())
                    .unwrap_or_default(),
            ),
            then: RwSignal::new(
                a.and_then(|a| a.if_then.as_ref())
                    .map(|p| p.then.clone())
                    .unwrap_or_default(),
            ),
        }
    }

    fn draft(&self, gid: Uuid) -> Result<ActionDraft, String> {
        let title = self.title.get_untracked().trim().to_owned();
        if title.is_empty() {
            return Err("Action: say what you will do, e.g. 'Email two UX researchers'.".into());
        }
        let due: Option<NaiveDate> = parse_date("Due date", &self.due.get_untracked())?;
        let (w, t) = (
            self.when.get_untracked().trim().to_owned(),
            self.then.get_untracked().trim().to_owned(),
        );
        let if_then = match (w.is_empty(), t.is_empty()) {
            (true, true) => None,
            (false, false) => Some(IfThen { when: w, then: t }),
            (true, false) => {
                return Err("If-then plan: say when ('If …'), or clear 'then I will'.".into())
            }
            (false, true) => {
                return Err(
                    "If-then plan: say what you will do ('then I will …'), or clear 'If'.".into(),
                )
            }
        };
        let d = ActionDraft {
            goal_id: Some(gid),
            title,
            due,
            impact: self.impact.get_untracked(),
            effort: self.effort.get_untracked(),
            if_then,
        };
        d.check().map_err(|e| e.to_string())?;
        Ok(d)
    }
}

#[component]
fn ActionForm(
    prefix: String,
    fields: ActionFields,
    submit_label: &'static str,
    #[prop(into)] on_submit: Callback<()>,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let f = fields;
    view! {
        <form class="action-form" on:submit=move |ev| { ev.prevent_default(); on_submit.run(()); }>
            <RowField id=format!("{prefix}-title") label="Action".into() value=f.title/>
            <RowField id=format!("{prefix}-due") label="Due date (optional)".into() value=f.due kind="date"/>
            <div class="field-row">
                <RowRating id=format!("{prefix}-impact") label="Impact" value=f.impact low="Little" high="A lot"/>
                <RowRating id=format!("{prefix}-effort") label="Effort" value=f.effort low="Quick" high="Hard"/>
            </div>
            <fieldset class="field if-then">
                <legend>"If-then plan (optional)"</legend>
                <RowField id=format!("{prefix}-when") label="If …".into() value=f.when/>
                <RowField id=format!("{prefix}-then") label="then I will …".into() value=f.then/>
            </fieldset>
            <ErrorNotice message=error/>
            <div class="form-actions">
                <button type="submit" class="button primary">{submit_label}</button>
                {on_cancel.map(|c| view! { <button type="button" class="button" on:click=move |_| c.run(())>"Cancel"</button> })}
            </div>
        </form>
    }
}

#[component]
pub fn ActionsSection(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    // Open actions in core's ranking order, then done ones (most recent first).
    let ranked = Memo::new(move |_| {
        ws.plan.with(|p| {
            let Some(p) = p else {
                return (Vec::new(), Vec::new());
            };
            let mut open: Vec<&Action> = p.actions_of(gid).filter(|a| a.is_open()).collect();
            rank_actions(&mut open);
            let mut done: Vec<&Action> = p.actions_of(gid).filter(|a| !a.is_open()).collect();
            sort_by_key(&mut done, |a| std::cmp::Reverse(a.done_at));
            (
                open.iter().map(|a| a.meta.id).collect::<Vec<_>>(),
                done.iter().map(|a| a.meta.id).collect::<Vec<_>>(),
            )
        })
    });
    let grid = Memo::new(move |_| {
        ws.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut open: Vec<&Action> = p.actions_of(gid).filter(|a| a.is_open()).collect();
            rank_actions(&mut open);
            Quadrant::ALL
                .iter()
                .map(|q| {
                    (
                        *q,
                        open.iter()
                            .filter(|a| quadrant(a) == *q)
                            .map(|a| a.fields.title.clone())
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let f = ActionFields::new(None);
    let error = RwSignal::new(None::<String>);
    let add = move |_| {
        error.set(None);
        let d = match f.draft(gid) {
            Ok(d) => d,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        spawn_local(async move {
            match ws.apply(move |p, now, by| p.add_action(d, now, by)).await {
                Ok(_) => {
                    f.title.set(String::new());
                    f.due.set(String::new());
                    f.when.set(String::new());
                    f.then.set(String::new());
                    f.impact.set(3);
                    f.effort.set(2);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Actions"</h2>
            <p class="muted">"Ranked: high impact and low effort first; the one due soonest breaks a tie."</p>
            <Show when=move || ranked.with(|(o, _)| !o.is_empty())
                fallback=|| view! { <p class="muted">"No open actions. Add a concrete task you can do this week."</p> }>
                <ol class="action-list" data-testid="ranked-actions">
                    <For each=move || ranked.get().0 key=|id| *id let(aid)>
                        <ActionRow aid=aid gid=gid/>
                    </For>
                </ol>
            </Show>
            <Show when=move || ranked.with(|(_, d)| !d.is_empty())>
                <details class="done-actions">
                    <summary>{move || format!("Done ({})", ranked.with(|(_, d)| d.len()))}</summary>
                    <ul class="action-list">
                        <For each=move || ranked.get().1 key=|id| *id let(aid)>
                            <ActionRow aid=aid gid=gid/>
                        </For>
                    </ul>
                </details>
            </Show>
            <details class="add-action">
                <summary class="button">"+ Add an action"</summary>
                <ActionForm prefix="new-action".into() fields=f submit_label="Add action" on_submit=add error=error/>
            </details>
        </section>

        <section class="card" aria-labelledby="grid-heading">
            <h2 id="grid-heading">"Impact and effort"</h2>
            <p class="muted" data-testid="grid-rule">{quadrant_rule()}</p>
            <div class="effort-grid" data-testid="effort-grid">
                {move || grid.get().into_iter().map(|(q, titles)| view! {
                    <div class=format!("quadrant q-{}", match q {
                        Quadrant::QuickWin => "quick", Quadrant::BigBet => "big",
                        Quadrant::FillIn => "fill", Quadrant::TimeSink => "sink" })>
                        <h3>{q.label()}</h3>
                        <p class="quadrant-advice">{q.advice()}</p>
                        {if titles.is_empty() {
                            view! { <p class="muted">"None"</p> }.into_any()
                        } else {
                            view! { <ul>{titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </div>
                }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn ActionRow(aid: Uuid, gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let a = Memo::new(move |_| {
        ws.plan
            .with(|p| p.as_ref().and_then(|p| p.action(aid).cloned()))
    });
    let editing = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let edit_error = RwSignal::new(None::<String>);
    let title = move || {
        a.with(|a| {
            a.as_ref()
                .map(|a| a.fields.title.clone())
                .unwrap_or_default()
        })
    };
    let is_done = move || a.with(|a| a.as_ref().is_some_and(|a| a.done_at.is_some()));

    let run = move |verb: fn(
        &mut crate::core::Plan,
        Uuid,
        chrono::DateTime<chrono::Utc>,
        crate::core::Author,
    ) -> Result<crate::core::Touched, crate::core::CoreError>| {
        spawn_local(async move {
            if let Err(e) = ws.apply(move |p, now, by| verb(p, aid, now, by)).await {
                error.set(Some(e.to_string()));
            }
        });
    };

    let delete = move |()| {
        ws.change_with_undo(
            "Action deleted",
            error,
            || {},
            move |p, now, by| p.delete_action(aid, now, by),
        );
    };

    let edit_fields = RwSignal::new(None::<ActionFields>);
    let open_edit = move |_| {
        edit_fields.set(Some(ActionFields::new(
            a.get_untracked().as_ref().map(|a| &a.fields),
        )));
        editing.set(true);
    };
    let save_edit = move |_| {
        let Some(f) = edit_fields.get_untracked() else {
            return;
        };
        edit_error.set(None);
        let d = match f.draft(gid) {
            Ok(d) => d,
            Err(e) => {
                edit_error.set(Some(e));
                return;
            }
        };
        spawn_local(async move {
            match ws
                .apply(move |p, now, by| p.update_action(aid, d, now, by))
                .await
            {
                Ok(_) => editing.set(false),
                Err(e) => edit_error.set(Some(e.to_string())),
            }
        });
    };

    let details = move || {
        a.get().map(|a| {
            let f = a.fields;
            let due = f.due.map(|d| {
                let overdue = a.done_at.is_none() && d < today();
                view! { <span class=if overdue { "overdue" } else { "" }>
                    {if overdue { format!("Overdue: was due {}", show_date(d)) } else { format!("Due {}", show_date(d)) }}
                </span> }
            });
            view! {
                <p class="action-meta">
                    {due}
                    <span>{format!("Impact {}/5", f.impact)}</span>
                    <span>{format!("Effort {}/5", f.effort)}</span>
                </p>
                {f.if_then.map(|p| view! { <p class="if-then-text">{if_then_sentence(&p.when, &p.then)}</p> })}
            }
        })
    };

    view! {
        <li class=move || if is_done() { "action-item done" } else { "action-item" } data-testid="action">
            <Show when=move || !editing.get()
                fallback=move || edit_fields.get().map(|f| view! {
                    <ActionForm prefix=format!("edit-{aid}") fields=f submit_label="Save action"
                        on_submit=save_edit on_cancel=move |_| editing.set(false) error=edit_error/>
                })>
                <div class="action-main">
                    <p class="action-title">{title}</p>
                    {details}
                </div>
                <div class="action-buttons">
                    {move || if is_done() {
                        view! { <button type="button" class="button" aria-label=format!("Reopen: {}", title())
                            on:click=move |_| run(|p, id, now, by| p.reopen_action(id, now, by))>"Reopen"</button> }.into_any()
                    } else {
                        // An outlined verb, not a filled "✓ Done" that reads as a status; the name starts with the
                        // visible words so a voice-control user can say "Mark done" (WCAG 2.5.3).
                        view! { <button type="button" class="button" aria-label=format!("Mark done: {}", title())
                            on:click=move |_| run(|p, id, now, by| p.complete_action(id, now, by))>"Mark done"</button> }.into_any()
                    }}
                    <button type="button" class="button" aria-label=move || format!("Edit: {}", title()) on:click=open_edit>"Edit"</button>
                    <Show when=move || !confirm.get()
                        fallback=move || view! {
                            <button type="button" class="button danger" aria-label=move || format!("Confirm delete: {}", title())
                                on:click=move |_| delete(())>"Delete"</button>
                            <button type="button" class="button" on:click=move |_| confirm.set(false)>"Keep"</button>
                        }>
                        <button type="button" class="button icon-button" aria-label=move || format!("Delete: {}", title())
                            on:click=move |_| confirm.set(true)>"✕"</button>
                    </Show>
                </div>
                <ErrorNotice message=error/>
            </Show>
        </li>
    }
}

/// "If <when>, then I will <then>.", whether or not the client already wrote "if" or "I will".
pub(super) fn if_then_sentence(when: &str, then: &str) -> String {
    fn strip<'a>(s: &'a str, prefix: &str) -> &'a str {
        let t = s.trim();
        match t.get(..prefix.len()) {
            Some(p) if p.eq_ignore_ascii_case(prefix) => t[prefix.len()..].trim_start(),
            _ => t,
        }
    }
    let when = strip(when, "if ").trim_end_matches(['.', ',']);
    let then = strip(strip(then, "then "), "I will ").trim_end_matches('.');
    format!("If {when}, then I will {then}.")
}
