//! One KPI over a period as an inline SVG: the logged values as a line with points, and the
//! straight target line (core `expected_value`) from the baseline at the goal's start to the
//! target at its target date. Colours come from CSS classes (currentColor and theme
//! variables), so the chart follows both themes; the geometry is SVG attributes, which the
//! CSP allows. A screen reader hears a one-sentence summary instead of the drawing.

use crate::core::sorting::sort;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

use crate::core::goal::Goal;
use crate::core::kpi::{Kpi, Measurement};
use crate::core::progress::{expected_value, pace, Pace};
use crate::core::schedule::local_date;
use crate::core::Plan;
use crate::ui::format::{long_date, number, short_date, utc_offset_at, with_unit};

const W: f64 = 360.0;
const H: f64 = 210.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 30.0;

/// Everything the chart draws, computed once per KPI and period.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub kpi_id: uuid::Uuid,
    pub name: String,
    pub goal: String,
    pub unit: String,
    /// (x in days from the start of `from`, value)
    points: Vec<(f64, f64)>,
    /// The values line: the value carried in from before the period, then `points`.
    line: Vec<(f64, f64)>,
    /// The target line inside the period.
    target_line: Vec<(f64, f64)>,
    days: f64,
    from: NaiveDate,
    to: NaiveDate,
    pub summary: String,
    pub verdict: Option<Pace>,
}

impl ChartData {
    /// Changes whenever what is drawn changes, for keyed lists.
    pub fn key(&self) -> String {
        format!("{}|{}|{:?}", self.kpi_id, self.summary, self.points)
    }
}

pub fn verdict_text(p: Pace) -> &'static str {
    match p {
        Pace::Behind => "behind the target line",
        Pace::OnTrack => "on track",
        Pace::Ahead => "ahead of the target line",
    }
}

pub fn chart_data(
    plan: &Plan,
    kpi: &Kpi,
    goal: &Goal,
    from: NaiveDate,
    to: NaiveDate,
) -> ChartData {
    // Each value on its writer's day (see `Meta::written_offset`).
    let offset = |m: &Measurement| m.meta.offset_for(m.at, utc_offset_at);
    let start = from.and_hms_opt(0, 0, 0).unwrap_or_default();
    let days = ((to - from).num_days() + 1).max(1) as f64;
    let unit = kpi.fields.unit.clone();
    let all = plan.measurements_of(kpi.meta.id);
    let points: Vec<(f64, f64)> = all
        .iter()
        .filter_map(|m| {
            let local = m.at.naive_utc() + Duration::minutes(offset(m).into());
            let d = local_date(m.at, offset(m));
            (from <= d && d <= to).then(|| {
                let x = (local - start).num_seconds() as f64 / 86_400.0;
                (x, m.value)
            })
        })
        .collect();

    // The value carried into the period (the last one before it) starts the line, so a
    // period without new values still shows where the KPI stands.
    let carried = all
        .iter()
        .rev()
        .find(|m| local_date(m.at, offset(m)) < from)
        .map(|m| m.value);
    let mut line: Vec<(f64, f64)> = carried.map(|v| (0.0, v)).into_iter().collect();
    line.extend(points.iter().copied());
    if points.is_empty() {
        if let Some(v) = carried {
            line.push((days, v));
        }
    }

    // The expected line bends only at the goal's start and target dates.
    let mut line_days = vec![from, to];
    let g = &goal.fields;
    for d in [Some(g.start_date), g.target_date].into_iter().flatten() {
        if from < d && d < to {
            line_days.push(d);
        }
    }
    sort(&mut line_days);
    let target_line: Vec<(f64, f64)> = line_days
        .iter()
        .filter_map(|d| {
            let x = (*d - from).num_days() as f64 + if *d == to { 1.0 } else { 0.0 };
            expected_value(&kpi.fields, goal, *d).map(|v| (x, v))
        })
        .collect();

    // The value at the end of the period: the last one logged on or before `to`.
    let last = all
        .iter()
        .rev()
        .find(|m| local_date(m.at, offset(m)) <= to)
        .map(|m| (m.value, local_date(m.at, offset(m))));
    let verdict = last.and_then(|(v, _)| pace(&kpi.fields, goal, v, to));
    let mut summary = format!(
        "{}, {} to {}. ",
        kpi.fields.name,
        short_date(from),
        long_date(to)
    );
    summary.push_str(&match last {
        Some((v, d)) => format!(
            "Latest value {} on {}. ",
            with_unit(v, &unit),
            short_date(d)
        ),
        None => "No value logged yet. ".to_owned(),
    });
    if points.is_empty() && last.is_some() {
        summary.push_str("Nothing logged in this period. ");
    }
    match g.target_date {
        Some(td) => {
            if let Some(e) = expected_value(&kpi.fields, goal, to) {
                summary.push_str(&format!(
                    "Expected by {}: {}. ",
                    short_date(to),
                    with_unit(e, &unit)
                ));
            }
            summary.push_str(&format!(
                "Target {} by {}.",
                with_unit(kpi.fields.target, &unit),
                long_date(td)
            ));
        }
        None => summary.push_str(&format!(
            "Target {}; the goal has no target date, so there is no target line.",
            with_unit(kpi.fields.target, &unit)
        )),
    }
    if let Some(p) = verdict {
        summary.push_str(&format!(" Verdict: {}.", verdict_text(p)));
    }
    ChartData {
        kpi_id: kpi.meta.id,
        name: kpi.fields.name.clone(),
        goal: g.title.clone(),
        unit,
        points,
        line,
        target_line,
        days,
        from,
        to,
        summary,
        verdict,
    }
}

/// Round tick values covering `lo..=hi`: 1, 2 or 5 times a power of ten apart.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (lo, hi) = if (hi - lo).abs() < 1e-9 {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let n = ((last - first) / step).round() as usize;
    (0..=n.min(8)).map(|i| first + step * i as f64).collect()
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[component]
pub fn KpiChart(data: ChartData) -> impl IntoView {
    let values = data
        .line
        .iter()
        .chain(data.target_line.iter())
        .map(|(_, v)| *v);
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let yt = ticks(lo, hi);
    let (y0, y1) = (yt[0], yt[yt.len() - 1]);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let sx = move |x: f64| LEFT + x / data.days * plot_w;
    let sy = move |y: f64| TOP + (1.0 - (y - y0) / (y1 - y0)) * plot_h;
    let poly = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(x, y)| format!("{},{}", fmt(sx(*x)), fmt(sy(*y))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mid = data.from + Duration::days(((data.to - data.from).num_days()) / 2);
    let x_labels = [
        (sx(0.0), short_date(data.from), "start"),
        (
            sx((mid - data.from).num_days() as f64 + 0.5),
            short_date(mid),
            "middle",
        ),
        (sx(data.days), short_date(data.to), "end"),
    ];
    let unit_label = if data.unit.is_empty() {
        "value".to_owned()
    } else {
        data.unit.clone()
    };
    let target_pts = poly(&data.target_line);
    let value_pts = poly(&data.line);
    let has_line = data.line.len() > 1;
    view! {
        <svg class="kpi-chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=data.summary.clone()
            data-testid="kpi-chart" focusable="false">
            <text class="chart-unit" x="4" y="12">{unit_label}</text>
            {yt.iter().map(|t| {
                let y = fmt(sy(*t));
                view! {
                    <line class="chart-grid" x1=fmt(LEFT) x2=fmt(W - RIGHT) y1=y.clone() y2=y.clone()/>
                    <text class="chart-tick" x=fmt(LEFT - 6.0) y=y text-anchor="end" dominant-baseline="middle">{number(*t)}</text>
                }
            }).collect_view()}
            <line class="chart-axis" x1=fmt(LEFT) x2=fmt(LEFT) y1=fmt(TOP) y2=fmt(H - BOTTOM)/>
            <line class="chart-axis" x1=fmt(LEFT) x2=fmt(W - RIGHT) y1=fmt(H - BOTTOM) y2=fmt(H - BOTTOM)/>
            {x_labels.into_iter().map(|(x, label, anchor)| view! {
                <text class="chart-tick" x=fmt(x) y=fmt(H - 10.0) text-anchor=anchor>{label}</text>
            }).collect_view()}
            {(!data.target_line.is_empty()).then(|| view! {
                <polyline class="chart-target" points=target_pts/>
            })}
            {has_line.then(|| view! { <polyline class="chart-line" points=value_pts/> })}
            {data.points.iter().map(|(x, y)| view! {
                <circle class="chart-point" cx=fmt(sx(*x)) cy=fmt(sy(*y)) r="4"/>
            }).collect_view()}
        </svg>
    }
}
