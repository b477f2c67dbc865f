//! The risk panel: the settings drawn with, the progress, the odds and their histogram (the
//! runner is `risk::run_risk`, at the app's level).

use super::risk::{replaced_levers_note, Shown};
use super::state::use_state;
use crate::engine::risk::{RiskOutcome, RiskSettings, Triangular, MAX_DRAWS};
use crate::formats::error::Input;
use crate::formats::seeds::RISK_PRESETS;
use crate::show::risk::{certified_chance, other_chances, spread_rows, RiskMeasure};
use crate::text::number::{number, parse_number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// A range typed in percent ("31"), or empty.
fn percent_field(text: &str, lang: Lang) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_number(text, lang) {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(Some(x / 100.0)),
        _ => Err(()),
    }
}

/// A preset's name, with the range of disbursement its seed draws from (lowest to highest of
/// any source, in percent).
fn preset_name(key: &str, settings: &RiskSettings, lang: Lang) -> String {
    let Some((low, high)) = settings.disbursement_span() else {
        return lang.say(t::FULL_DISBURSEMENT).to_string();
    };
    let sentence = match key {
        "as-in-2022" => t::AS_IN_2022_RANGE,
        _ => t::AS_PROVINCES_REPORT_RANGE,
    };
    let percent = |x: f64| crate::text::number::amount(x * 100.0, 1, lang);
    lang.fill(
        sentence,
        &[("low", &percent(low)), ("high", &percent(high))],
    )
}

#[component]
pub fn RiskPanel() -> impl IntoView {
    let state = use_state();
    let plan = state.model.with_untracked(|m| m.plan.clone());
    let shown = expect_context::<Shown>();
    let settings = shown.settings;
    let lang = move || state.lang.get();
    let error = RwSignal::new(None::<String>);
    let edit =
        move |field: &'static str, text: String, apply: fn(&mut RiskSettings, f64) -> bool| {
            let l = state.lang.get_untracked();
            match parse_number(&text, l) {
                Ok(x) => {
                    let mut s = settings.get_untracked();
                    if apply(&mut s, x) {
                        error.set(None);
                        settings.set(s);
                    } else {
                        error.set(Some(
                            l.fill(t::RISK_FIELD_OUT_OF_RANGE, &[("field", &field)]),
                        ));
                    }
                }
                Err(_) => error.set(Some(
                    l.fill(t::RISK_FIELD_NOT_A_NUMBER, &[("field", &field)]),
                )),
            }
        };
    let ranges_text: Vec<[RwSignal<String>; 3]> =
        (0..state.model.with_untracked(|m| m.plan.sources.len()))
            .map(|s| {
                let t = settings.get_untracked().disbursement[s];
                let show = move |x: Option<f64>| {
                    x.map(|v| number(v * 100.0, 1, Lang::Vi))
                        .unwrap_or_default()
                };
                [
                    RwSignal::new(show(t.map(|t| t.min))),
                    RwSignal::new(show(t.map(|t| t.mode))),
                    RwSignal::new(show(t.map(|t| t.max))),
                ]
            })
            .collect();
    let ranges_text = StoredValue::new(ranges_text);
    let apply_ranges = move || {
        let l = state.lang.get_untracked();
        let mut s = settings.get_untracked();
        for source in 0..state.model.with_untracked(|m| m.plan.sources.len()) {
            let cells = ranges_text.with_value(|r| r[source].map(|c| c.get_untracked()));
            let read: Result<Vec<Option<f64>>, ()> =
                cells.iter().map(|c| percent_field(c, l)).collect();
            let name = state.model.with_untracked(|m| {
                l.pick(
                    m.plan.sources[source].short_vi.clone(),
                    m.plan.sources[source].short_en.clone(),
                )
            });
            match read.as_deref() {
                Ok([None, None, None]) => s.disbursement[source] = None,
                Ok([Some(min), Some(mode), Some(max)]) if min <= mode && mode <= max => {
                    s.disbursement[source] = Some(Triangular {
                        min: *min,
                        mode: *mode,
                        max: *max,
                    })
                }
                _ => {
                    error.set(Some(l.fill(t::RISK_RANGE_INVALID, &[("name", &name)])));
                    return;
                }
            }
        }
        error.set(None);
        settings.set(s);
    };
    let load_preset = move |key: String| {
        let plan = state.model.with_untracked(|m| m.plan.clone());
        if let Some((_, text)) = RISK_PRESETS.iter().find(|(k, _)| *k == key) {
            if let Ok(s) = RiskSettings::from_json(text, &plan, Input::Shipped) {
                ranges_text.with_value(|r| {
                    for source in 0..state.model.with_untracked(|m| m.plan.sources.len()) {
                        let t = s.disbursement[source];
                        let show = |x: Option<f64>| {
                            x.map(|v| number(v * 100.0, 1, state.lang.get_untracked()))
                                .unwrap_or_default()
                        };
                        r[source][0].set(show(t.map(|t| t.min)));
                        r[source][1].set(show(t.map(|t| t.mode)));
                        r[source][2].set(show(t.map(|t| t.max)));
                    }
                });
                error.set(None);
                settings.set(s);
            }
        }
    };
    let result = shown.result;
    // The table's rows from the presentation layer; each cell follows the result.
    // A plain closure, not a memo: a memo of its own type costs about a kilobyte of wasm, and
    // the rows change only when a run ends (three rows, fifteen cells).
    let spread_row = move |measure: RiskMeasure| {
        let row = move || {
            let r = result.get()?;
            spread_rows(&r, lang())
                .into_iter()
                .find(|row| row.measure == measure)
        };
        let id = measure.key();
        view! {
            <tr>
                <th scope="row">{move || state.tr(measure.label())}</th>
                {["p10", "p50", "p90"].into_iter().enumerate().map(|(i, p)| view! {
                    <td data-testid=format!("risk-{id}-{p}")>{move || row().map(|r| r.percentiles[i].clone())}</td>
                }).collect_view()}
                <td>{move || row().map(|r| r.mean)}</td>
            </tr>
        }
    };
    view! {
        <section class="panel risk" data-testid="risk-view" aria-labelledby="risk-title">
            <h3 id="risk-title">{move || state.tr(t::RISK_PANEL_TITLE)}</h3>
            <p class="hint">{move || state.tr(t::RISK_PANEL_HINT)}</p>
            <div class="risk-settings">
                <label>
                    <span>{move || state.tr(t::DISBURSEMENT_ASSUMPTION)}</span>
                    <select data-testid="risk-preset" on:change=move |ev| load_preset(event_target_value(&ev))>
                        {RISK_PRESETS.iter().filter_map(|(key, text)| {
                            let preset = RiskSettings::from_json(text, &plan, Input::Shipped).ok()?;
                            let key = key.to_string();
                            let k = key.clone();
                            Some(view! { <option value=key>{move || preset_name(&k, &preset, lang())}</option> })
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::DRAWS)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="risk-draws"
                        prop:value=move || settings.with(|s| s.draws.to_string())
                        on:change=move |ev| edit("draws", event_target_value(&ev), |s, x| {
                            let ok = x.fract() == 0.0 && (1.0..=f64::from(MAX_DRAWS)).contains(&x);
                            if ok { s.draws = x as u32; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::SEED)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="risk-seed"
                        prop:value=move || settings.with(|s| s.seed.to_string())
                        on:change=move |ev| edit("seed", event_target_value(&ev), |s, x| {
                            let ok = x.fract() == 0.0 && (0.0..9.0e15).contains(&x);
                            if ok { s.seed = x as u64; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::COST_SPREAD)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="risk-cost-sd"
                        prop:value=move || number(settings.with(|s| s.cost_sd) * 100.0, 1, lang())
                        on:change=move |ev| edit("cost_sd", event_target_value(&ev), |s, x| {
                            let ok = (0.0..=200.0).contains(&x);
                            if ok { s.cost_sd = x / 100.0; }
                            ok
                        })/>
                </label>
                <label>
                    <span>{move || state.tr(t::WORKS_DONE_WITHIN_THE_YEAR)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="risk-delivery"
                        prop:value=move || number(settings.with(|s| s.delivery) * 100.0, 1, lang())
                        on:change=move |ev| edit("delivery", event_target_value(&ev), |s, x| {
                            let ok = (0.0..=100.0).contains(&x);
                            if ok { s.delivery = x / 100.0; }
                            ok
                        })/>
                </label>
            </div>
            <table class="risk-ranges">
                <caption>{move || state.tr(t::RISK_RANGES_CAPTION)}</caption>
                <thead><tr>
                    <th scope="col">{move || state.tr(t::SOURCE)}</th>
                    <th scope="col">{move || state.tr(t::LEAST)}</th>
                    <th scope="col">{move || state.tr(t::MOST_LIKELY)}</th>
                    <th scope="col">{move || state.tr(t::LARGEST)}</th>
                </tr></thead>
                <tbody>
                    {(0..state.model.with_untracked(|m| m.plan.sources.len())).map(|source| {
                        let key = plan.sources[source].key.clone();
                        let (vi, en) = (plan.sources[source].short_vi.clone(), plan.sources[source].short_en.clone());
                        view! {
                            <tr>
                                <th scope="row">{move || lang().pick(vi.clone(), en.clone())}</th>
                                {["min", "mode", "max"].into_iter().enumerate().map(|(part, name)| {
                                    let cell = ranges_text.with_value(|r| r[source][part]);
                                    view! {
                                        <td><input type="text" inputmode="decimal" class="number tiny"
                                            data-testid=format!("risk-range-{key}-{name}")
                                            aria-label=format!("{key} {name}")
                                            prop:value=move || cell.get()
                                            on:input=move |ev| cell.set(event_target_value(&ev))
                                            on:change=move |_| apply_ranges()/></td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <label class="check">
                <input type="checkbox" data-testid="risk-around-levers"
                    prop:checked=move || shown.around_levers.get()
                    on:change=move |ev| shown.around_levers.set(event_target_checked(&ev))/>
                <span>{move || state.tr(t::RISK_DRAW_AROUND_LEVERS)}</span>
            </label>
            <p class="hint" data-testid="risk-replaces">{move || replaced_levers_note(state, shown)}</p>
            <p class="field-error" role="alert" data-testid="risk-error">{move || error.get()}</p>
            <div class="risk-progress">
                <progress data-testid="risk-progress" max=move || shown.progress.get().1.max(1).to_string()
                    value=move || shown.progress.get().0.to_string()></progress>
                <span data-testid="risk-status">{move || {
                    let (done, total) = shown.progress.get();
                    let l = lang();
                    let place = if shown.in_worker.get() { l.say(t::RISK_RUN_IN_WORKER) } else { l.say(t::RISK_RUN_ON_PAGE) };
                    if done < total {
                        l.fill(t::RISK_DRAWING_PROGRESS, &[("done", &done), ("total", &total), ("place", &place)])
                    } else {
                        l.fill(t::DRAWS_DONE, &[("total", &total), ("place", &place)])
                    }
                }}</span>
            </div>
            <p class="risk-chance" data-testid="risk-chance-certified" aria-live="polite">{move || result.get().map(|r| certified_chance(&r, lang()))}</p>
            <table class="risk-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th>
                    <th scope="col">{move || state.tr(t::MEAN)}</th>
                </tr></thead>
                <tbody>
                    {RiskMeasure::ALL.map(spread_row).into_iter().collect_view()}
                </tbody>
            </table>
            <p class="hint" data-testid="risk-other-chances">{move || result.get().map(|r| other_chances(&r, lang()))}</p>
            <Histogram result=result/>
        </section>
    }
}

/// Draws by certified communes: a bar per value, the target marked.
#[component]
fn Histogram(result: RwSignal<Option<Arc<RiskOutcome>>>) -> impl IntoView {
    let state = use_state();
    let (w, h, bottom) = (520.0, 150.0, 22.0);
    view! {
        <svg class="risk-histogram" viewBox=format!("0 0 {w} {h}") role="img" data-testid="risk-histogram"
            aria-label=move || state.tr(t::RISK_HISTOGRAM_LABEL)>
            {move || result.get().map(|r| {
                let lo = r.histogram.first().map_or(0, |b| b.0).min(r.targets.0 as u32);
                let hi = r.histogram.last().map_or(0, |b| b.0).max(r.targets.0 as u32);
                let slots = f64::from(hi - lo + 1);
                let most = r.histogram.iter().map(|b| b.1).max().unwrap_or(1).max(1);
                let bw = (w - 20.0) / slots;
                let x = |v: u32| 10.0 + f64::from(v - lo) * bw;
                let target_x = x(r.targets.0 as u32) + bw / 2.0;
                // The target's label stays inside the chart, left of the line near the edge.
                let near_edge = target_x > w - 90.0;
                let label_x = if near_edge { target_x - 4.0 } else { target_x + 4.0 };
                let anchor = if near_edge { "end" } else { "start" };
                view! {
                    {r.histogram.iter().map(|&(v, n)| {
                        let bh = (h - bottom - 10.0) * f64::from(n) / f64::from(most);
                        view! { <rect x=x(v) + 1.0 y=h - bottom - bh width=(bw - 2.0).max(1.0) height=bh class="risk-bar"/> }
                    }).collect_view()}
                    <line x1=target_x y1="4" x2=target_x y2=h - bottom class="target-line"/>
                    <text x=10.0 y=h - 6.0 class="path-year">{lo}</text>
                    <text x=w - 10.0 y=h - 6.0 text-anchor="end" class="path-year">{hi}</text>
                    <text x=label_x y="14" text-anchor=anchor class="target-label">
                        {format!("{} {}", state.tr(t::TARGET_WORD), r.targets.0)}
                    </text>
                }
            })}
        </svg>
    }
}
