//! Adapt: a deliberate change to a goal (its target date, a KPI target, its strategy, its
//! status, or dropping it), always with a reason, which core keeps in the plan's history.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use chrono::{DateTime, Utc};

use super::common::{use_theirs, StaleChoice};
use super::goal_editor::MissingGoal;
use crate::core::goal::{GoalChange, GoalStatus};
use crate::core::revision::Revision;
use crate::core::{Author, Plan};
use crate::ui::format::{iso, number, parse_date, required_number};
use crate::ui::state::{use_workspace, ActionError};
use crate::ui::widgets::{DateField, ErrorNotice, NumberField, SelectField, TextArea};

#[component]
pub fn AdaptPanel(gid: Uuid, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let ws = use_workspace();
    // The goal may have gone since this screen opened (deleted in another tab, or by an
    // import): say so instead of showing a form for nothing.
    let found = ws.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let g = p.goal(gid).cloned()?;
        let kpis: Vec<(Uuid, String, f64, String, u64)> = p
            .kpis_of(gid)
            .map(|k| {
                (
                    k.meta.id,
                    k.fields.name.clone(),
                    k.fields.target,
                    k.fields.unit.clone(),
                    p.rev_of(k.meta.id),
                )
            })
            .collect();
        Some((g, kpis, p.rev_of(gid)))
    });
    let Some((goal, kpis, rev)) = found else {
        return view! { <MissingGoal/> }.into_any();
    };
    let status = goal.status;

    let mut options = vec![("target_date", "Move the target date".to_owned())];
    if !kpis.is_empty() {
        options.push(("kpi_target", "Change a KPI target".to_owned()));
    }
    options.push(("strategy", "Change the strategy".to_owned()));
    match status {
        GoalStatus::Active => options.push(("pause", "Pause the goal".to_owned())),
        _ => options.push(("resume", "Resume the goal".to_owned())),
    }
    if status != GoalStatus::Achieved {
        options.push(("achieve", "Mark it achieved".to_owned()));
    }
    if status != GoalStatus::Dropped {
        options.push(("drop", "Drop the goal".to_owned()));
    }
    let options: Vec<(String, String)> = options
        .into_iter()
        .map(|(k, l)| (k.to_owned(), l))
        .collect();

    // Arriving from the review's revision question: its change chosen, its reason started.
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let revision = query.get("revision").and_then(|s| Revision::of_slug(&s));
    let reviewed_on = query
        .get("on")
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let start_with = revision
        .and_then(Revision::adapt_change)
        .filter(|k| options.iter().any(|(o, _)| o == k))
        .unwrap_or("target_date");
    let what = RwSignal::new(start_with.to_owned());
    let new_date = RwSignal::new(goal.fields.target_date.map(iso).unwrap_or_default());
    let kpi_choice = RwSignal::new(kpis.first().map(|k| k.0.to_string()).unwrap_or_default());
    let new_target = RwSignal::new(kpis.first().map(|k| number(k.2)).unwrap_or_default());
    let description = RwSignal::new(goal.fields.description.clone());
    let support = RwSignal::new(goal.fields.support.clone());
    let reason = RwSignal::new(
        revision
            .zip(reviewed_on)
            .map(|(r, d)| r.reason(d))
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let stale = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let kpi_options: Vec<(String, String)> = kpis
        .iter()
        .map(|(id, name, target, unit, _)| {
            (
                id.to_string(),
                format!("{name} (target {} {unit})", number(*target))
                    .trim_end()
                    .to_owned(),
            )
        })
        .collect();
    let kpis_for_pick = kpis.clone();
    // Picking another KPI shows its current target as the starting point.
    Effect::new(move |prev: Option<String>| {
        let k = kpi_choice.get();
        if prev.is_some_and(|p| p != k) {
            if let Some(kp) = kpis_for_pick.iter().find(|x| x.0.to_string() == k) {
                new_target.set(number(kp.2));
            }
        }
        k
    });

    let submit = move |checked: bool| {
        error.set(None);
        stale.set(false);
        let change = match what.get_untracked().as_str() {
            "target_date" => match parse_date("New target date", &new_date.get_untracked()) {
                Ok(d) => GoalChange::TargetDate(d),
                Err(e) => return error.set(Some(e)),
            },
            "kpi_target" => {
                let Ok(kpi_id) = Uuid::parse_str(&kpi_choice.get_untracked()) else {
                    return error.set(Some("KPI: choose which KPI's target changes.".into()));
                };
                match required_number("New target", &new_target.get_untracked()) {
                    Ok(target) => GoalChange::KpiTarget { kpi_id, target },
                    Err(e) => return error.set(Some(e)),
                }
            }
            "strategy" => GoalChange::Strategy {
                description: description.get_untracked().trim().to_owned(),
                support: support.get_untracked().trim().to_owned(),
            },
            "pause" => GoalChange::Status(GoalStatus::Paused),
            "resume" => GoalChange::Status(GoalStatus::Active),
            "achieve" => GoalChange::Status(GoalStatus::Achieved),
            _ => GoalChange::Status(GoalStatus::Dropped),
        };
        let mut based_on = vec![(gid, rev)];
        if let GoalChange::KpiTarget { kpi_id, .. } = &change {
            if let Some(k) = kpis.iter().find(|k| k.0 == *kpi_id) {
                based_on.push((k.0, k.4));
            }
        }
        let why = reason.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let verb = move |p: &mut Plan, now: DateTime<Utc>, by: Author| {
                p.adapt_goal(gid, change, &why, now, by)
            };
            let r = if checked {
                ws.apply_checked(&based_on, verb).await
            } else {
                ws.keep_mine(verb).await
            };
            busy.set(false);
            match r {
                Ok(t) if t.is_empty() => error.set(Some(
                    "Nothing changed: the new value is the same as the current one.".into(),
                )),
                Ok(_) => on_close.run(()),
                Err(ActionError::ChangedElsewhere) => stale.set(true),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let submit_again = submit.clone();
    view! {
        <form class="card adapt-form" aria-labelledby="adapt-heading" novalidate
            on:submit=move |ev| { ev.prevent_default(); submit(true); }>
            <h2 id="adapt-heading">"Adapt this goal"</h2>
            <p class="muted">"Plans change. Say what changes and why: the reason is kept in the goal's history."</p>
            <SelectField label="What changes" value=what options=Signal::derive(move || options.clone())/>
            <Show when=move || what.get() == "target_date">
                <DateField label="New target date" value=new_date/>
            </Show>
            <Show when=move || what.get() == "kpi_target">
                <SelectField label="KPI" value=kpi_choice options=Signal::derive({ let o = kpi_options.clone(); move || o.clone() })/>
                <NumberField label="New target" value=new_target/>
            </Show>
            <Show when=move || what.get() == "strategy">
                <TextArea label="New description" value=description rows=3
                    hint="What exactly you will now do or reach."/>
                <TextArea label="Support and resources needed" value=support rows=2/>
            </Show>
            <Show when=move || what.get() == "drop">
                <p class="notice info">"A dropped goal stays in the plan and its history, so you can see why it was let go."</p>
            </Show>
            <TextArea label="Reason (required)" value=reason rows=3
                hint="Why this change? e.g. 'The course I planned starts two months later.'"/>
            <ErrorNotice message=error/>
            <StaleChoice show=stale on_keep=move |_| submit_again(false)
                on_other=move |_| use_theirs(ws, stale, move || on_close.run(()), move |e| error.set(Some(e)))/>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>"Save change"</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
