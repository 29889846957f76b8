//! A goal's KPIs: baseline → target, the latest value, percent of target and pace (all from
//! core progress), a quick "Log a value", and adding a KPI.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::common::{pace_class, pace_label, ProgressBar, RowField};
use crate::core::kpi::{unit_for, Direction, KpiDraft};
use crate::core::progress::kpi_progress;
use crate::ui::format::{
    iso, number, parse_date, required_number, show_date, show_instant, today, with_unit,
};
use crate::ui::state::use_workspace;
use crate::ui::widgets::{ErrorNotice, NumberField, SelectField, TextField};

#[component]
pub fn KpiSection(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let ids = Memo::new(move |_| {
        ws.plan.with(|p| {
            p.as_ref()
                .map(|p| p.kpis_of(gid).map(|k| k.meta.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="kpis-heading" data-testid="kpis">
            <h2 id="kpis-heading">"KPIs"</h2>
            <Show when=move || ids.with(|i| !i.is_empty())
                fallback=|| view! { <p class="muted">"No KPI yet. A KPI makes the goal measurable: a number with a baseline and a target."</p> }>
                <ul class="kpi-list">
                    <For each=move || ids.get() key=|id| *id let(kid)>
                        <KpiRow kid=kid/>
                    </For>
                </ul>
            </Show>
            <details class="add-kpi" open=move || ids.with(|i| i.is_empty())>
                <summary class="button">"+ Add a KPI"</summary>
                <AddKpi gid=gid/>
            </details>
        </section>
    }
}

#[component]
fn KpiRow(kid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let data = Memo::new(move |_| {
        ws.plan.with(|p| {
            let p = p.as_ref()?;
            let k = p.kpi(kid)?;
            Some((k.fields.clone(), kpi_progress(p, k, today())))
        })
    });
    let value = RwSignal::new(String::new());
    let day = RwSignal::new(iso(today()));
    let error = RwSignal::new(None::<String>);
    let log = move || {
        error.set(None);
        let name =
            data.with_untracked(|d| d.as_ref().map(|(k, _)| k.name.clone()).unwrap_or_default());
        let v = match required_number(&format!("{name} value"), &value.get_untracked()) {
            Ok(v) => v,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let at = match parse_date("Date", &day.get_untracked()) {
            // The core refuses a future reading too; here the day is the person's own, not UTC's.
            Ok(Some(d)) if d > today() => {
                error.set(Some(
                    crate::core::CoreError::MeasuredInFuture { on: show_date(d) }.to_string(),
                ));
                return;
            }
            Ok(Some(d)) => crate::ui::format::measured_at(d),
            Ok(None) => chrono::Utc::now(),
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        spawn_local(async move {
            match ws
                .apply(move |p, now, by| p.log_measurement(kid, v, at, now, by))
                .await
            {
                Ok(_) => {
                    value.set(String::new());
                    day.set(iso(today()));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <li class="kpi-item" data-testid="kpi">
        {move || data.get().map(|(k, pr)| {
            let unit_after = |v: f64| match unit_for(v, &k.unit) {
                u if u.is_empty() => String::new(),
                u => format!(" {u}"),
            };
            let range = format!("{} → {}{}", number(k.baseline), number(k.target), unit_after(k.target));
            let latest = pr.latest.map_or_else(
                || "Nothing logged yet".to_owned(),
                |v| format!("Latest: {}{}{}", number(v), unit_after(v), pr.latest_at.map(|t| format!(" on {}", show_instant(t, pr.latest_written))).unwrap_or_default()),
            );
            let pace = match (pr.pace, pr.latest) {
                (Some(p), _) => pace_label(p).to_owned(),
                (None, None) => "Pace: log a value to see it".to_owned(),
                (None, Some(_)) => "Pace: set a target date to see it".to_owned(),
            };
            let expected = pr.expected.map(|e| format!("Expected by today: {}{}", number(e), unit_after(e)));
            view! {
                <div class="kpi-head">
                    <h3>{k.name.clone()}</h3>
                    <p class="kpi-range">{range}{if k.direction == Direction::Down { " (less is better)" } else { "" }}</p>
                </div>
                <ProgressBar percent=pr.percent label=format!("{} progress", k.name)/>
                <p class="kpi-facts">
                    <span data-testid="kpi-latest">{latest}</span>
                    <span class=pace_class(pr.pace) data-testid="kpi-pace">{pace}</span>
                    {expected.map(|e| view! { <span>{e}</span> })}
                </p>
            }
        })}
        <form class="log-form" on:submit=move |ev| { ev.prevent_default(); log(); }>
            <RowField id=format!("log-{kid}-value") label="Log a value".into() value=value decimal=true/>
            <RowField id=format!("log-{kid}-date") label="Date".into() value=day kind="date"/>
            <button type="submit" class="button primary" aria-label=move || format!("Log value for {}", data.with(|d| d.as_ref().map(|(k, _)| k.name.clone()).unwrap_or_default()))>"Log"</button>
        </form>
        <ErrorNotice message=error/>
        <KpiValues kid=kid/>
        <EditKpi kid=kid/>
        </li>
    }
}

/// The values logged for a KPI, newest first, each correctable (a value typed wrong) or
/// deletable; a correction leaves its trace in the goal's history.
#[component]
fn KpiValues(kid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let values = Memo::new(move |_| {
        ws.plan.with(|p| {
            let p = p.as_ref()?;
            let k = p.kpi(kid)?;
            let mut v: Vec<(Uuid, f64, chrono::DateTime<chrono::Utc>, Option<i32>)> = p
                .measurements_of(kid)
                .into_iter()
                .map(|m| (m.meta.id, m.value, m.at, m.meta.written_offset))
                .collect();
            v.reverse();
            Some((k.fields.name.clone(), k.fields.unit.clone(), v))
        })
    });
    view! {
        <Show when=move || values.with(|v| v.as_ref().is_some_and(|(_, _, v)| !v.is_empty()))>
            <details class="kpi-values">
                <summary class="button">{move || values.with(|v| v.as_ref().map(|(_, _, v)| format!("Values logged ({})", v.len())).unwrap_or_default())}</summary>
                <ul class="value-list">
                    {move || values.get().map(|(name, unit, v)| v.into_iter().map(|(mid, value, at, written)| {
                        view! { <ValueRow mid=mid value=value at=at written=written name=name.clone() unit=unit.clone()/> }
                    }).collect_view())}
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn ValueRow(
    mid: Uuid,
    value: f64,
    at: chrono::DateTime<chrono::Utc>,
    /// The offset the value's writer had.
    written: Option<i32>,
    name: String,
    unit: String,
) -> impl IntoView {
    let ws = use_workspace();
    let editing = RwSignal::new(false);
    let typed = RwSignal::new(number(value));
    let error = RwSignal::new(None::<String>);
    let when = show_instant(at, written);
    let what = format!("{name} on {when}");
    let save = move || {
        error.set(None);
        let v = match required_number("Value", &typed.get_untracked()) {
            Ok(v) => v,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        ws.change_with_undo(
            "Value corrected",
            error,
            move || editing.set(false),
            move |p, now, by| p.correct_measurement(mid, v, now, by),
        );
    };
    let delete = move |_| {
        ws.change_with_undo(
            "Value deleted",
            error,
            || {},
            move |p, now, by| p.delete_measurement(mid, now, by),
        );
    };
    let label_edit = format!("Correct value: {what}");
    let label_delete = format!("Delete value: {what}");
    view! {
        <li class="value-item" data-testid="kpi-value">
            <Show when=move || editing.get()
                fallback={
                    let (when, unit, le, ld) = (when.clone(), unit.clone(), label_edit.clone(), label_delete.clone());
                    move || view! {
                        <span class="value-when">{when.clone()}</span>
                        <strong class="value-number">{with_unit(value, &unit)}</strong>
                        <span class="value-buttons">
                            <button type="button" class="button" aria-label=le.clone()
                                on:click=move |_| { typed.set(number(value)); editing.set(true); }>"Correct"</button>
                            <button type="button" class="button" aria-label=ld.clone() on:click=delete>"Delete"</button>
                        </span>
                    }
                }>
                <form class="log-form" on:submit=move |ev| { ev.prevent_default(); save(); }>
                    <RowField id=format!("value-{mid}") label=format!("Value on {}", show_instant(at, written)) value=typed decimal=true/>
                    <button type="submit" class="button primary">"Save"</button>
                    <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                </form>
            </Show>
            <ErrorNotice message=error/>
        </li>
    }
}

/// Changing a KPI's name, unit, baseline, target or direction (to move a target for a reason,
/// Adapt keeps it in the history), or deleting it.
#[component]
fn EditKpi(kid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let current = move || {
        ws.plan.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| p.kpi(kid))
                .map(|k| k.fields.clone())
        })
    };
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let baseline = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let direction = RwSignal::new("up".to_owned());
    let error = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    let fill = move || {
        if let Some(k) = current() {
            name.set(k.name);
            unit.set(k.unit);
            baseline.set(number(k.baseline));
            target.set(number(k.target));
            direction.set(
                if k.direction == Direction::Down {
                    "down"
                } else {
                    "up"
                }
                .to_owned(),
            );
        }
    };
    fill();
    let save = move || {
        error.set(None);
        let Some(old) = current() else { return };
        let mut errors = Vec::new();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            errors.push("KPI name: say what you will count, e.g. 'Applications sent'.".to_owned());
        }
        let b = required_number("Baseline", &baseline.get_untracked()).map_err(|e| errors.push(e));
        let t = required_number("Target", &target.get_untracked()).map_err(|e| errors.push(e));
        let (Ok(b), Ok(t), true) = (b, t, errors.is_empty()) else {
            error.set(Some(errors.join(" ")));
            return;
        };
        let draft = KpiDraft {
            goal_id: old.goal_id,
            name: n,
            unit: unit.get_untracked().trim().to_owned(),
            baseline: b,
            target: t,
            direction: if direction.get_untracked() == "down" {
                Direction::Down
            } else {
                Direction::Up
            },
        };
        ws.change_with_undo(
            "KPI changed",
            error,
            || {},
            move |p, now, by| p.update_kpi(kid, draft, now, by),
        );
    };
    let delete = move |_| {
        ws.change_with_undo(
            "KPI deleted",
            error,
            || {},
            move |p, now, by| p.delete_kpi(kid, now, by),
        );
    };
    let kpi_name = move || current().map(|k| k.name).unwrap_or_default();
    view! {
        // The fields are filled from the stored KPI when the summary is pressed (a click, also
        // from the keyboard), before the form shows. The details' `toggle` event comes a task
        // later and could overwrite what was already typed.
        <details class="edit-kpi">
            <summary class="button" aria-label=move || format!("Edit or delete KPI: {}", kpi_name())
                on:click=move |_| fill()>"Edit or delete"</summary>
            <form class="add-form" on:submit=move |ev| { ev.prevent_default(); save(); }>
                <RowField id=format!("kpi-{kid}-name") label="KPI name".into() value=name/>
                <div class="field-row">
                    <RowField id=format!("kpi-{kid}-baseline") label="Baseline".into() value=baseline decimal=true/>
                    <RowField id=format!("kpi-{kid}-target") label="Target".into() value=target decimal=true/>
                </div>
                <div class="field-row">
                    <RowField id=format!("kpi-{kid}-unit") label="Unit".into() value=unit/>
                    <div class="field">
                        <label for=format!("kpi-{kid}-direction")>"Direction"</label>
                        <select id=format!("kpi-{kid}-direction") prop:value=move || direction.get()
                            on:change=move |ev| direction.set(event_target_value(&ev))>
                            <option value="up">"More is better"</option>
                            <option value="down">"Less is better"</option>
                        </select>
                    </div>
                </div>
                <ErrorNotice message=error/>
                <div class="form-actions">
                    <button type="submit" class="button primary">"Save KPI"</button>
                    <Show when=move || confirm.get()
                        fallback=move || view! { <button type="button" class="button danger" on:click=move |_| confirm.set(true)>"Delete KPI"</button> }>
                        <button type="button" class="button danger" on:click=delete
                            aria-label=move || format!("Confirm delete KPI: {}", kpi_name())>"Delete KPI"</button>
                        <button type="button" class="button" on:click=move |_| confirm.set(false)>"Keep"</button>
                    </Show>
                </div>
            </form>
        </details>
    }
}

#[component]
fn AddKpi(gid: Uuid) -> impl IntoView {
    let ws = use_workspace();
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let baseline = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let direction = RwSignal::new("up".to_owned());
    let error = RwSignal::new(None::<String>);
    let add = move || {
        error.set(None);
        let mut errors = Vec::new();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            errors.push("KPI name: say what you will count, e.g. 'Applications sent'.".to_owned());
        }
        let b = required_number("Baseline", &baseline.get_untracked()).map_err(|e| errors.push(e));
        let t = required_number("Target", &target.get_untracked()).map_err(|e| errors.push(e));
        let (Ok(b), Ok(t), true) = (b, t, errors.is_empty()) else {
            error.set(Some(errors.join(" ")));
            return;
        };
        let draft = KpiDraft {
            goal_id: gid,
            name: n,
            unit: unit.get_untracked().trim().to_owned(),
            baseline: b,
            target: t,
            direction: if direction.get_untracked() == "down" {
                Direction::Down
            } else {
                Direction::Up
            },
        };
        spawn_local(async move {
            match ws.apply(move |p, now, by| p.add_kpi(draft, now, by)).await {
                Ok(_) => {
                    for s in [name, unit, baseline, target] {
                        s.set(String::new());
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <form class="add-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <TextField label="KPI name" value=name placeholder="e.g. Applications sent"/>
            <div class="field-row">
                <NumberField label="Baseline" value=baseline/>
                <NumberField label="Target" value=target/>
            </div>
            <div class="field-row">
                <TextField label="Unit" value=unit placeholder="e.g. applications"/>
                <SelectField label="Direction" value=direction
                    options=Signal::derive(|| vec![
                        ("up".to_owned(), "More is better".to_owned()),
                        ("down".to_owned(), "Less is better".to_owned()),
                    ])/>
            </div>
            <ErrorNotice message=error/>
            <button type="submit" class="button">"Add KPI"</button>
        </form>
    }
}
