//! A goal in SMART form, new or edited, with the SMART checker updating as the client types.
//!
//! What the editor may change. A new goal is written whole (with its first KPI, in the same
//! save, because "Measurable" depends on it). For an existing goal the editor makes plain edits
//! through `update_goal`, which records no adaptation: wording (title, why), confidence, the
//! values served, the start date and the priority, and it may fill a SMART gap that was left
//! empty (a missing description, support or target date). Once the description, support or
//! target date have a value, changing them is a change of plan, not of wording: that goes
//! through Adapt on the goal's page, which asks for the reason and keeps it in the history.
//! The same goes for status and KPI targets, which the editor never touches.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::common::{
    priority_from_key, priority_key, use_theirs, SmartList, SmartStrip, StaleChoice,
};
use crate::core::goal::{Goal, GoalDraft, GoalStatus, Serves};
use crate::core::kpi::{Direction, Kpi, KpiDraft};
use crate::core::meta::Meta;
use crate::core::smart::{check_goal, SmartCheck};
use crate::core::{Author, DocKind, Plan, PlanKind};
use crate::ui::format::{iso, parse_date, required_number, show_date, today};
use crate::ui::page::Page;
use crate::ui::params::goal_param;
use crate::ui::state::{use_workspace, ActionError, WithPlan};
use crate::ui::widgets::{
    DateField, ErrorNotice, NumberField, RatingField, SelectField, TextArea, TextField,
};

#[component]
pub fn GoalEditorScreen() -> impl IntoView {
    let id = goal_param();
    let editing = crate::ui::params::has_id_param();
    let title = if editing { "Edit goal" } else { "New goal" };
    view! {
        <Page title=title>
            <WithPlan>
                {move || match (editing, id.get()) {
                    (false, _) => view! { <GoalForm goal_id=None/> }.into_any(),
                    (true, Some(gid)) => view! { <GoalForm goal_id=Some(gid.uuid())/> }.into_any(),
                    (true, None) => view! { <MissingGoal/> }.into_any(),
                }}
            </WithPlan>
        </Page>
    }
}

#[component]
pub fn MissingGoal() -> impl IntoView {
    view! {
        <div class="notice error" role="alert">
            <p>"This goal doesn't exist on this device (it may have been deleted)."</p>
        </div>
        <a class="button" href="/plan">"Back to the plan"</a>
    }
}

const VISION_KEY: &str = "vision";

fn serve_key(s: &Serves) -> String {
    match s {
        Serves::Vision => VISION_KEY.to_owned(),
        Serves::Value(v) => format!("value:{v}"),
    }
}

fn serve_from_key(k: &str) -> Serves {
    match k.strip_prefix("value:") {
        Some(v) => Serves::Value(v.to_owned()),
        None => Serves::Vision,
    }
}

/// The form's fields as typed.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    why: RwSignal<String>,
    description: RwSignal<String>,
    confidence: RwSignal<Option<u8>>,
    support: RwSignal<String>,
    serves: RwSignal<Vec<String>>,
    start: RwSignal<String>,
    target: RwSignal<String>,
    priority: RwSignal<String>,
    kpi_name: RwSignal<String>,
    kpi_unit: RwSignal<String>,
    kpi_baseline: RwSignal<String>,
    kpi_target: RwSignal<String>,
    kpi_direction: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Fields {
            title: s(),
            why: s(),
            description: s(),
            confidence: RwSignal::new(None),
            support: s(),
            serves: RwSignal::new(Vec::new()),
            start: RwSignal::new(iso(today())),
            target: s(),
            priority: RwSignal::new("medium".to_owned()),
            kpi_name: s(),
            kpi_unit: s(),
            kpi_baseline: s(),
            kpi_target: s(),
            kpi_direction: RwSignal::new("up".to_owned()),
        }
    }

    fn fill(&self, g: &GoalDraft) {
        self.title.set(g.title.clone());
        self.why.set(g.why.clone());
        self.description.set(g.description.clone());
        self.confidence.set(g.confidence);
        self.support.set(g.support.clone());
        self.serves.set(g.serves.iter().map(serve_key).collect());
        self.start.set(iso(g.start_date));
        self.target.set(g.target_date.map(iso).unwrap_or_default());
        self.priority.set(priority_key(g.priority).to_owned());
    }

    /// The goal as typed, reading dates leniently (for the live check). Tracks every field.
    fn lenient(&self) -> GoalDraft {
        let start = parse_date("", &self.start.get())
            .ok()
            .flatten()
            .unwrap_or_else(today);
        GoalDraft {
            title: self.title.get(),
            why: self.why.get(),
            description: self.description.get(),
            confidence: self.confidence.get(),
            support: self.support.get(),
            serves: self
                .serves
                .get()
                .iter()
                .map(|k| serve_from_key(k))
                .collect(),
            start_date: start,
            target_date: parse_date("", &self.target.get()).ok().flatten(),
            priority: priority_from_key(&self.priority.get()),
        }
    }

    fn kpi_started(&self) -> bool {
        [
            self.kpi_name,
            self.kpi_unit,
            self.kpi_baseline,
            self.kpi_target,
        ]
        .iter()
        .any(|s| !s.get().trim().is_empty())
    }

    /// The first KPI as typed: `Ok(None)` when left blank, else every problem with it.
    fn kpi(&self, goal_id: Uuid) -> Result<Option<KpiDraft>, Vec<String>> {
        if !self.kpi_started() {
            return Ok(None);
        }
        let mut errors = Vec::new();
        let name = self.kpi_name.get().trim().to_owned();
        if name.is_empty() {
            errors.push("KPI name: say what you will count, e.g. 'Applications sent'.".to_owned());
        }
        let baseline =
            required_number("Baseline", &self.kpi_baseline.get()).map_err(|e| errors.push(e));
        let target = required_number("Target", &self.kpi_target.get()).map_err(|e| errors.push(e));
        let (Ok(baseline), Ok(target)) = (baseline, target) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let draft = KpiDraft {
            goal_id,
            name,
            unit: self.kpi_unit.get().trim().to_owned(),
            baseline,
            target,
            direction: if self.kpi_direction.get() == "down" {
                Direction::Down
            } else {
                Direction::Up
            },
        };
        draft.check().map_err(|e| vec![e.to_string()])?;
        Ok(Some(draft))
    }

    /// The goal as typed, strictly: every problem with a specific message.
    fn strict(&self) -> Result<GoalDraft, Vec<String>> {
        let mut errors = Vec::new();
        if self.title.get().trim().is_empty() {
            errors.push(
                "Title: give the goal a short name, e.g. 'Move into UX research'.".to_owned(),
            );
        }
        let start = match parse_date("Start date", &self.start.get()) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push("Start date: choose when you start working on this goal.".to_owned());
                None
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let target = parse_date("Target date", &self.target.get()).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if let (Some(s), Some(t)) = (start, target) {
            if t <= s {
                errors.push(format!(
                    "Target date: {} is not after the start date ({}).",
                    show_date(t),
                    show_date(s)
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut draft = self.lenient();
        draft.title = draft.title.trim().to_owned();
        draft.target_date = target;
        draft.check().map_err(|e| vec![e.to_string()])?;
        Ok(draft)
    }
}

#[component]
fn GoalForm(goal_id: Option<Uuid>) -> impl IntoView {
    let ws = use_workspace();
    let navigate = use_navigate();
    let f = Fields::new();
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // What the goal was when the editor opened: its stored revision (for the stale-edit check)
    // and which SMART fields were already set (those change through Adapt).
    let rev = RwSignal::new(0u64);
    let original = RwSignal::new(None::<GoalDraft>);
    let found = RwSignal::new(goal_id.is_none());

    let load = move || {
        let Some(gid) = goal_id else { return };
        ws.plan.with_untracked(|p| {
            if let Some((g, r)) = p
                .as_ref()
                .and_then(|p| p.goal(gid).map(|g| (g.clone(), p.rev_of(gid))))
            {
                f.fill(&g.fields);
                rev.set(r);
                original.set(Some(g.fields));
                found.set(true);
            }
        });
    };
    load();
    if !found.get_untracked() {
        return view! { <MissingGoal/> }.into_any();
    }
    // Set in the original: shown read-only with a pointer to Adapt.
    let locked =
        move |pick: fn(&GoalDraft) -> bool| original.with(|o| o.as_ref().is_some_and(pick));
    let desc_locked = move || locked(|g| !g.description.trim().is_empty());
    let support_locked = move || locked(|g| !g.support.trim().is_empty());
    let target_locked = move || locked(|g| g.target_date.is_some());

    let serve_options = Memo::new(move |_| {
        let mut opts = vec![(VISION_KEY.to_owned(), "My vision".to_owned())];
        ws.plan.with(|p| {
            if let Some(pr) = p.as_ref().and_then(|p| p.live_profile()) {
                for v in &pr.values {
                    opts.push((format!("value:{v}"), v.clone()));
                }
            }
        });
        // A value the goal serves that is no longer in the profile stays choosable.
        for k in f.serves.get() {
            if !opts.iter().any(|(o, _)| *o == k) {
                let label = k.strip_prefix("value:").unwrap_or(&k).to_owned();
                opts.push((k, label));
            }
        }
        opts
    });

    // The live SMART check. `check_goal` reads the goal's KPIs and the profile from a plan, so
    // it gets a scratch plan holding just those (the profile, the goal's saved KPIs and the
    // KPI being typed), never saved. Cheaper than cloning the whole plan on every keystroke,
    // and the checker reads nothing else.
    let check = Memo::new(move |_| -> SmartCheck {
        let draft = f.lenient();
        let gid = goal_id.unwrap_or_else(Uuid::nil);
        let now = Utc::now();
        let mut scratch = Plan::new("Draft", PlanKind::ClientPlan, now, Author::Client)
            .expect("a fixed title and the current time are valid");
        ws.plan.with(|p| {
            if let Some(p) = p {
                scratch.profile = p.profile.clone();
                scratch.kpis = p.kpis_of(gid).cloned().collect();
            }
        });
        if goal_id.is_none() {
            if let Ok(Some(k)) = f.kpi(gid) {
                scratch.kpis.push(Kpi {
                    meta: Meta::new(Uuid::nil(), now, Author::Client),
                    fields: k,
                });
            }
        }
        let goal = Goal {
            meta: Meta::new(gid, now, Author::Client),
            status: GoalStatus::Active,
            fields: draft,
        };
        check_goal(&scratch, &goal)
    });

    let save = move |checked: bool| {
        let navigate = navigate.clone();
        errors.set(Vec::new());
        stale.set(false);
        let draft = match f.strict() {
            Ok(d) => d,
            Err(e) => {
                errors.set(e);
                return;
            }
        };
        let kpi = if goal_id.is_none() {
            match f.kpi(Uuid::nil()) {
                Ok(k) => k,
                Err(e) => {
                    errors.set(e);
                    return;
                }
            }
        } else {
            None
        };
        busy.set(true);
        spawn_local(async move {
            let result = match goal_id {
                None => ws
                    .apply(move |p, now, by| {
                        let t = p.add_goal(draft, now, by)?;
                        let gid = t.id_of(DocKind::Goal).unwrap_or_default();
                        match kpi {
                            Some(mut k) => {
                                k.goal_id = gid;
                                Ok(t.merge(p.add_kpi(k, now, by)?))
                            }
                            None => Ok(t),
                        }
                    })
                    .await
                    .map(|t| t.id_of(DocKind::Goal)),
                Some(gid) => {
                    let verb = move |p: &mut Plan, now: DateTime<Utc>, by: Author| {
                        p.update_goal(gid, draft, now, by)
                    };
                    let result = if checked {
                        ws.apply_checked(&[(gid, rev.get_untracked())], verb).await
                    } else {
                        ws.keep_mine(verb).await
                    };
                    result.map(|_| Some(gid))
                }
            };
            busy.set(false);
            match result {
                Ok(Some(id)) => navigate(&format!("/plan/goals/{id}"), Default::default()),
                Ok(None) => navigate("/plan", Default::default()),
                Err(ActionError::ChangedElsewhere) => stale.set(true),
                Err(e) => errors.set(vec![e.to_string()]),
            }
        });
    };
    let save_keep = save.clone();
    let cancel_href = goal_id.map_or_else(|| "/plan".to_owned(), |g| format!("/plan/goals/{g}"));
    let error_text = Signal::derive(move || errors.with(|e| (!e.is_empty()).then(|| e.join(" "))));

    view! {
        <form class="goal-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save(true);
        } on:keydown=move |ev: leptos::ev::KeyboardEvent| {
            // Enter in a one-line field would submit the whole form half filled in; the goal is
            // created with the button (Enter on it still works), never from a field.
            let in_field = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                .is_some();
            if ev.key() == "Enter" && in_field {
                ev.prevent_default();
            }
        }>
            <SmartStrip check=check/>
            <div class="editor-layout">
                <div class="editor-fields">
                    <section class="card">
                        <h2>"The goal"</h2>
                        <TextField label="Title" value=f.title required=true
                            placeholder="e.g. Move into UX research"/>
                        <TextArea label="Why it matters to you" value=f.why rows=3
                            hint="In your own words: what will reaching it change?"/>
                        <Show when=move || !desc_locked()
                            fallback=move || view! { <Locked label="Specific description" text=f.description.get_untracked() href=adapt_href2(goal_id)/> }>
                            <TextArea label="Specific description" value=f.description rows=3
                                hint="Exactly what you will do or reach: which role, how much, where or with whom."/>
                        </Show>
                    </section>

                    <Show when=move || goal_id.is_none()>
                        <section class="card" aria-labelledby="kpi-heading">
                            <h2 id="kpi-heading">"How you will measure it"</h2>
                            <p class="muted">"A KPI is a number you can track, e.g. applications sent: 0 → 20."</p>
                            <TextField label="KPI name" value=f.kpi_name placeholder="e.g. Applications sent"/>
                            <div class="field-row">
                                <NumberField label="Baseline" value=f.kpi_baseline hint="Where you are now"/>
                                <NumberField label="Target" value=f.kpi_target hint="Where you want to be"/>
                            </div>
                            <div class="field-row">
                                <TextField label="Unit" value=f.kpi_unit placeholder="e.g. applications"/>
                                <SelectField label="Direction" value=f.kpi_direction
                                    options=Signal::derive(|| vec![
                                        ("up".to_owned(), "More is better".to_owned()),
                                        ("down".to_owned(), "Less is better".to_owned()),
                                    ])/>
                            </div>
                        </section>
                    </Show>

                    <section class="card">
                        <h2>"Can you do it?"</h2>
                        <RatingField label="Confidence" value=f.confidence min=1 max=10
                            low="Not sure at all" high="Certain"/>
                        <Show when=move || !support_locked()
                            fallback=move || view! { <Locked label="Support and resources" text=f.support.get_untracked() href=adapt_href2(goal_id)/> }>
                            <TextArea label="Support and resources" value=f.support rows=2
                                hint="Time, money, people or skills you will need."/>
                        </Show>
                    </section>

                    <section class="card">
                        <h2>"Why it fits"</h2>
                        <fieldset class="choices">
                            <legend>"This goal serves"</legend>
                            <For each=move || serve_options.get() key=|(k, _)| k.clone() let((k, label))>
                                {
                                    let k2 = k.clone();
                                    let k3 = k.clone();
                                    view! {
                                        <label class="choice">
                                            <input type="checkbox" value=k.clone()
                                                prop:checked=move || f.serves.with(|s| s.contains(&k2))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let k = k3.clone();
                                                    f.serves.update(|s| {
                                                        s.retain(|x| *x != k);
                                                        if on { s.push(k); }
                                                    });
                                                }/>
                                            <span>{label}</span>
                                        </label>
                                    }
                                }
                            </For>
                        </fieldset>
                        <Show when=move || serve_options.with(|o| o.len() == 1)>
                            <p class="field-hint">
                                "Add your values in "<a href="/plan/profile">"Vision and values"</a>" to link goals to them."
                            </p>
                        </Show>
                    </section>

                    <section class="card">
                        <h2>"When"</h2>
                        <div class="field-row">
                            <DateField label="Start date" value=f.start/>
                            <Show when=move || !target_locked()
                                fallback=move || view! { <Locked label="Target date" text=parse_date("", &f.target.get_untracked()).ok().flatten().map(show_date).unwrap_or_default() href=adapt_href2(goal_id)/> }>
                                <DateField label="Target date" value=f.target/>
                            </Show>
                        </div>
                        <SelectField label="Priority" value=f.priority
                            options=Signal::derive(|| vec![
                                ("high".to_owned(), "High".to_owned()),
                                ("medium".to_owned(), "Medium".to_owned()),
                                ("low".to_owned(), "Low".to_owned()),
                            ])/>
                    </section>
                </div>

                <aside class="card smart-panel" aria-labelledby="smart-heading">
                    <h2 id="smart-heading">"SMART check"</h2>
                    <p class="muted" aria-live="polite">
                        {move || {
                            let n = check.with(|c| c.missing().count());
                            if n == 0 { "All five met. This goal is SMART.".to_owned() } else { format!("{} of 5 met.", 5 - n) }
                        }}
                    </p>
                    <SmartList check=check/>
                </aside>
            </div>

            <ErrorNotice message=error_text/>
            <StaleChoice show=stale
                on_keep=move |_| save_keep(false)
                on_other=move |_| {
                    errors.set(Vec::new());
                    use_theirs(ws, stale, load, move |e| errors.set(vec![e]));
                }/>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {if goal_id.is_some() { "Save changes" } else { "Create goal" }}
                </button>
                <a class="button" href=cancel_href>"Cancel"</a>
            </div>
        </form>
    }
    .into_any()
}

fn adapt_href2(goal_id: Option<Uuid>) -> String {
    goal_id
        .map(|g| format!("/plan/goals/{g}#adapt"))
        .unwrap_or_default()
}

/// A field set before: shown, with where to change it and why there.
#[component]
fn Locked(label: &'static str, text: String, href: String) -> impl IntoView {
    view! {
        <div class="field locked-field">
            <span class="field-label">{label}</span>
            <p class="locked-value">{text}</p>
            <p class="field-hint">
                "Changing this changes the plan, so it is done with "
                <a href=href>"Adapt"</a>
                " on the goal's page, where you say why."
            </p>
        </div>
    }
}
