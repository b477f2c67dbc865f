//! The path as a chart: certified communes year by year, the risk band, the compared
//! scenarios' paths.
use super::state::use_state;
use crate::engine::path::{Measure, Path};
use crate::show::path::*;
use crate::text::sentences as t;
use leptos::prelude::*;

/// Certified communes year by year against the target (an SVG line; the bars are years).
#[component]
pub fn PathChart() -> impl IntoView {
    let super::path::PathShown {
        settings, outcome, ..
    } = expect_context::<super::path::PathShown>();
    let state = use_state();
    // P10–P90 of the path under risk, once drawn (the risk panel draws it with its odds).
    let band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let showing = super::showing::use_showing();
    // While scenarios are compared: the same path with each of them as the first year's, a
    // faint line each (the one shown is the main line).
    let compared = RwSignal::new(Vec::<(String, Vec<u32>)>::new());
    let others = expect_context::<super::compare::Others>();
    // Each one a path run (four preparations of the table): a year a slice, as the path's own.
    let job = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !showing.compare_open.get() {
            job.update_value(|n| *n += 1);
            if !compared.with_untracked(Vec::is_empty) {
                compared.set(Vec::new());
            }
            return;
        }
        // Not the levers' settle: the compared scenarios follow none of the levers; what they
        // follow (the picks, the others, the path's settings, the table) is read below.
        let picked = showing.picked.get();
        // Not the one shown (the main line): the others follow no lever.
        let all = others.get();
        let p = settings.get();
        let model = state.model.get_untracked();
        let paths: Vec<(String, Path)> = picked
            .iter()
            .filter(|key| key.as_str() != "current")
            .filter_map(|key| all.iter().find(|(k, _, _)| k == key))
            .map(|(_, name, s)| (name.clone(), with_scenario(&p, s)))
            .collect();
        let run = crate::engine::path::PathRun::new(&model);
        super::slices::sliced(
            job,
            (paths, 0usize, run, Vec::new(), model),
            |(paths, i, run, done, model)| {
                let Some((name, path)) = paths.get(*i) else {
                    return false;
                };
                if !run.step(path, model, &mut crate::engine::run::Certain) {
                    let finished = std::mem::replace(run, crate::engine::path::PathRun::new(model));
                    let years = finished.finish(path).years;
                    done.push((
                        name.clone(),
                        years.iter().map(|y| y.outcome.certified).collect(),
                    ));
                    *i += 1;
                }
                *i < paths.len()
            },
            |_| {},
            move |(_, _, _, done, _)| compared.set(done),
        );
    });
    let (w, h, left, bottom, top) = (520.0, 180.0, 40.0, 24.0, 12.0);
    view! {
        <svg class="path-chart" viewBox=format!("0 0 {w} {h}") role="img" data-testid="path-chart"
            aria-label=move || state.tr(t::PATH_CHART_LABEL)>
            {move || {
                let o = outcome.get();
                let target = settings.with(|p| last_target(p, Measure::Certified)).unwrap_or(0.0);
                let communes = state.model.with(|m| m.table.communes.len()) as f64;
                // The axis spans the start of the path to the target (or the best year), so that
                // a few communes a year show as a slope, not a flat line.
                let start = o.years.first().map_or(0.0, |y| f64::from(y.outcome.certified_baseline));
                let others = compared.get();
                let best = o.years.iter().map(|y| f64::from(y.outcome.certified))
                    .chain(others.iter().flat_map(|(_, v)| v.iter().map(|&c| f64::from(c))))
                    .fold(target, f64::max);
                let low = start.min(target);
                let span = (best - low).max(1.0);
                let low = (low - span * 0.15).max(0.0);
                let high = (best + span * 0.15).min(communes.max(best));
                let n = o.years.len().max(1) as f64;
                let x = |i: usize| left + (i as f64 + 0.5) * (w - left - 10.0) / n;
                let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - low) / (high - low).max(1.0));
                let points: Vec<String> = o.years.iter().enumerate()
                    .map(|(i, yr)| format!("{:.1},{:.1}", x(i), y(f64::from(yr.outcome.certified))))
                    .collect();
                let ty = y(target);
                let band_points = band
                    .and_then(|b| b.get())
                    .filter(|b| b.len() == o.years.len())
                    .map(|b| {
                        let clamp = |v: f64| y(v.clamp(low, high));
                        let upper = b.iter().enumerate().map(|(i, s)| format!("{:.1},{:.1}", x(i), clamp(s.p90)));
                        let lower = b.iter().enumerate().rev().map(|(i, s)| format!("{:.1},{:.1}", x(i), clamp(s.p10)));
                        upper.chain(lower).collect::<Vec<_>>().join(" ")
                    });
                view! {
                    {band_points.map(|p| view! { <polygon points=p class="path-band" data-testid="path-band"/> })}
                    <line x1=left y1=h - bottom x2=w - 5.0 y2=h - bottom class="axis"/>
                    <line x1=left y1=top x2=left y2=h - bottom class="axis"/>
                    <text x=left - 4.0 y=y(low) text-anchor="end" class="path-year">{format!("{low:.0}")}</text>
                    <text x=left - 4.0 y=y(high) + 8.0 text-anchor="end" class="path-year">{format!("{high:.0}")}</text>
                    <line x1=left y1=ty x2=w - 5.0 y2=ty class="target-line"/>
                    <text x=left + 4.0 y=ty - 4.0 class="target-label">{format!("{} {}", state.tr(t::TARGET_WORD), target)}</text>
                    {others.iter().map(|(name, values)| {
                        let pts: Vec<String> = values.iter().enumerate()
                            .map(|(i, &c)| format!("{:.1},{:.1}", x(i), y(f64::from(c))))
                            .collect();
                        let last = values.last().copied().unwrap_or(0);
                        view! {
                            <polyline points=pts.join(" ") class="path-compare-line" data-testid="path-compare-line">
                                <title>{format!("{name}: {last}")}</title>
                            </polyline>
                        }
                    }).collect_view()}
                    <polyline points=points.join(" ") class="path-line"/>
                    {o.years.iter().enumerate().map(|(i, yr)| {
                        let v = f64::from(yr.outcome.certified);
                        view! {
                            <circle cx=x(i) cy=y(v) r="4" class="path-point"/>
                            <text x=x(i) y=y(v) - 8.0 class="path-value" text-anchor="middle">{yr.outcome.certified}</text>
                            <text x=x(i) y=h - 6.0 class="path-year" text-anchor="middle">{yr.year}</text>
                        }
                    }).collect_view()}
                }
            }}
        </svg>
        {move || {
            let others = compared.get();
            (!others.is_empty()).then(|| view! {
                <p class="hint" data-testid="path-compare-legend">
                    {state.tr(t::PATH_CHART_COMPARE_LEGEND)}
                    {others.iter().map(|(name, v)| format!(" {name}: {}.", v.last().copied().unwrap_or(0))).collect::<String>()}
                </p>
            })
        }}
    }
}
