//! The results: headline figures, what changed against the plan, the criteria table.

use super::state::use_state;
use crate::show::risk::RiskMeasure;
use crate::show::{Card, CardKind, CriterionRow, Headline, Verdict};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let state = use_state();
    let o = state.outcome;
    // P10–P90 of the risk run for what is on screen (empty while it draws).
    let risk = use_context::<super::risk::Shown>();
    // The cards as every surface words them, through one memo: an input that changes no card
    // re-renders none. (A memo a card measured 0.8 KB more of the first load for no gain a
    // planner could see: a card's three strings are cloned again on each change.)
    let headline =
        Memo::new(move |_| o.with(|o| Headline::of(o, &state.targets(), state.lang.get())));
    let card = move |kind: CardKind,
                     testid: &'static str,
                     note: &'static str,
                     band: Option<RiskMeasure>| {
        let part =
            move |pick: fn(&Card) -> &String| move || headline.with(|h| pick(h.card(kind)).clone());
        let verdict = move || headline.with(|h| h.card(kind).verdict);
        view! {
            <div class="card" class:ok=move || verdict() == Verdict::Reached class:short=move || verdict() == Verdict::Short>
                <div class="card-label">{part(|c| &c.label)}</div>
                <div class="figure" data-testid=testid>{part(|c| &c.figure)}</div>
                <div class="card-note" data-testid=note>{part(|c| &c.note)}</div>
                {band.map(|measure| view! {
                    <div class="card-band" data-testid=format!("band-{}", measure.key())>{move || {
                        let r = risk?.result.get()?;
                        Some(measure.band(&r, state.lang.get()))
                    }}</div>
                })}
            </div>
        }
    };
    view! {
        <section class="headline" aria-label=move || state.tr(t::HEADLINE_RESULTS)>
            {card(CardKind::Certified, "certified", "certified-note", Some(RiskMeasure::Certified))}
            {card(CardKind::Average, "avg-criteria", "avg-note", Some(RiskMeasure::AvgCriteria))}
            {card(CardKind::Border, "border-avg", "border-note", Some(RiskMeasure::BorderAvg))}
            {card(CardKind::Shortfall, "shortfall", "shortfall-note", None)}
            {card(CardKind::Idle, "idle", "idle-note", None)}
        </section>
        <p class="band-note" data-testid="band-replaces">{move || risk.and_then(|r| super::risk::replaced_levers_note(state, r))}</p>
        <p class="change-summary" data-testid="change-summary" aria-live="polite">{move || state.change_sentence()}</p>
    }
}

/// A criterion's or an item's row: its label, counts and money, each cell following the row.
fn counted_cells(row: Memo<CriterionRow>) -> impl IntoView {
    let cell = move |pick: fn(&CriterionRow) -> &String| move || row.with(|r| pick(r).clone());
    view! {
        <th scope="row">{cell(|r| &r.label)}</th>
        <td class="num">{cell(|r| &r.baseline)}</td>
        <td class="num projected">{cell(|r| &r.met)}</td>
        <td class="num">{cell(|r| &r.target)}</td>
        <td class="num gap">{cell(|r| &r.gap)}</td>
        <td class="num">{cell(|r| &r.investment)}</td>
        <td class="num" class:short=move || row.with(|r| r.short)>{cell(|r| &r.shortfall)}</td>
    }
}

#[component]
pub fn CriteriaTable() -> impl IntoView {
    let state = use_state();
    let risk = use_context::<super::risk::Shown>();
    // The language and each row's figures through memos: a move of a lever re-runs the rows
    // that changed, and their cells leave and rejoin these small sets of subscribers, not the
    // page-wide language's (measured: 1.1 ms an input went to that bookkeeping).
    let lang = Memo::new(move |_| state.lang.get());
    // A criterion holding indicators: a row each under its own (no risk band: drawn by
    // criterion).
    let item_rows = move |k: usize| {
        let items = state.model.with_untracked(|m| {
            if m.plan.criteria[k].indicators.is_empty() {
                0..0
            } else {
                m.shape.ranges[k].clone()
            }
        });
        items
            .map(|j| {
                let key = state.model.with_untracked(|m| m.plan.items[j].key.clone());
                let row = Memo::new(move |_| {
                    let lang = lang.get();
                    state.model.with(|m| {
                        state
                            .outcome
                            .with(|o| CriterionRow::of_item(&m.plan, j, &o.items[j], lang))
                    })
                });
                view! {
                    <tr class="item" data-testid=format!("item-{key}")>
                        {counted_cells(row)}
                        <td class="num band"></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let rows = (0..state.model.with_untracked(|m| m.plan.criteria.len()))
        .map(|k| {
            let key = state
                .model
                .with_untracked(|m| m.plan.criteria[k].key.clone());
            // The row as every surface words it, through a memo: an input re-renders the
            // cells of the rows that changed.
            let row = Memo::new(move |_| {
                let lang = lang.get();
                state.model.with(|m| {
                    state
                        .outcome
                        .with(|o| CriterionRow::of(&m.plan.criteria[k], &o.criteria[k], lang))
                })
            });
            let met = move || row.with(|r| r.verdict == Verdict::Reached);
            // The band of the risk run, once it has drawn what is on screen.
            let band = move || {
                let r = risk?.result.get()?;
                let m = r.criteria.get(k)?.met;
                Some(format!("{}–{}", m.p10, m.p90))
            };
            view! {
                <tr data-testid=format!("criterion-{key}") class:met=met class:below=move || !met()>
                    {counted_cells(row)}
                    <td class="num band" data-testid=format!("risk-band-{key}")>{band}</td>
                </tr>
                {item_rows(k)}
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h3>{move || state.lang.get().fill(t::CRITERIA_TABLE_TITLE, &[("criteria", &state.model.with(|m| m.plan.criteria.len()))])}</h3>
            <table class="criteria" data-testid="criteria-table">
                <thead>
                    <tr>
                        <th scope="col">{move || state.tr(t::CRITERION)}</th>
                        <th scope="col">{move || state.tr(t::START)}</th>
                        <th scope="col">{move || state.tr(t::HEADING_PROJECTED)}</th>
                        <th scope="col">{move || state.tr(t::HEADING_TARGET_SET)}</th>
                        <th scope="col">{move || state.tr(t::GAP)}</th>
                        <th scope="col">{move || state.tr(t::INVESTED_BN)}</th>
                        <th scope="col">{move || state.tr(t::HEADING_MONEY_SHORT)}</th>
                        <th scope="col" title=move || state.tr(t::RISK_BAND_COLUMN_TIP)>
                            {move || state.tr(t::RISK_P10_P90)}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
