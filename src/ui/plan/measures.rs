//! A goal's KPIs: baseline → target, the latest value, percent of target and pace (all from
//! core progress), a quick "Log a value", and adding a KPI.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::common::{pace_class, pace_label, ProgressBar, RowField};
use crate::core::kpi::{unit_for, Direction, KpiDraft};
use crate::core::progress::kpi_progress;
use crate::ui::format::{iso, number, parse_date, required_number, show_date, show_instant, today};
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
                |v| format!("Latest: {}{}{}", number(v), unit_after(v), pr.latest_at.map(|t| format!(" on {}", show_instant(t))).unwrap_or_default()),
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
        </li>
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
