//! Scenarios side by side: pick two to four (the one shown, the plan, saved ones, presets);
//! headline figures and the criteria, differences against the first marked, one chart.

use super::compare::{candidates, compared};
use super::printed::CompareTables;
use super::showing::*;
use super::state::use_state;
use crate::charts::compare_chart;
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let picks = move || {
        candidates(&state)
            .into_iter()
            .enumerate()
            .map(|(i, (key, name, _))| {
                let k = key.clone();
                let checked = move || showing.picked.with(|p| p.contains(&k));
                let k2 = key.clone();
                view! {
                    <label class="pick">
                        <input type="checkbox" data-testid=format!("compare-pick-{i}") prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                showing.picked.update(|p| {
                                    p.retain(|x| *x != k2);
                                    if on {
                                        p.push(k2.clone());
                                    }
                                    // Four at the most: the oldest pick gives way.
                                    while p.len() > 4 {
                                        p.remove(0);
                                    }
                                });
                            }/>
                        <span>{name}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let body = move || {
        let rows = compared(&state, &showing);
        if rows.len() < 2 {
            return view! { <p class="note">{state.tr(t::COMPARE_PICK_HINT)}</p> }.into_any();
        }
        let lang = state.lang.get();
        let svg = state.model.with(|m| compare_chart(m, &rows, lang));
        view! {
            <CompareTables rows=rows/>
            <figure class="chart wide" data-testid="chart-compare">
                <figcaption>{state.tr(t::COMPARE_CHART_CAPTION)}</figcaption>
                <div class="chart-svg" inner_html=svg></div>
            </figure>
        }
        .into_any()
    };
    view! {
        <Show when=move || showing.compare_open.get()>
            <section class="panel compare-view" data-testid="compare-view">
                <h3>
                    {move || state.tr(t::SCENARIOS_SIDE_BY_SIDE)}
                    <button type="button" class="link" data-testid="compare-close" aria-label=move || state.tr(t::CLOSE)
                        on:click=move |_| showing.compare_open.set(false)>"×"</button>
                </h3>
                <p class="note">{move || state.tr(t::COMPARE_NOTE)}</p>
                <div class="picks">{picks}</div>
                {body}
            </section>
        </Show>
    }
}
