//! The results: headline figures, what changed against the plan, the criteria table.

use super::state::{use_state, State};
use crate::engine::explain::explain;
use crate::engine::CRITERIA;
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let state = use_state();
    let o = state.outcome;
    // P10–P90 of the risk run for what is on screen (empty while it draws).
    let risk = use_context::<super::risk::Shown>();
    let band = move |pick: fn(&crate::engine::risk::RiskOutcome) -> crate::engine::risk::Spread,
                     decimals: usize| {
        move || {
            let r = risk?.result.get()?;
            let s = pick(&r);
            let l = state.lang.get();
            Some(format!(
                "{} P10–P90: {}–{}",
                l.say(t::RISK_2),
                number(s.p10, decimals, l),
                number(s.p90, decimals, l)
            ))
        }
    };
    let targets = move || state.targets();
    // (Through a memo: see the criteria table.)
    let lang = Memo::new(move |_| state.lang.get());
    let lang = move || lang.get();
    let certified_ok = move || o.with(|o| o.certified >= targets().certified);
    let avg_ok = move || o.with(|o| o.avg_criteria + 1e-9 >= targets().avg_criteria_min);
    let no_border = move || o.with(|o| o.border.communes == 0);
    let border_ok = move || {
        !no_border() && o.with(|o| o.border.avg_criteria + 1e-9 >= targets().border_avg_min)
    };
    let border_short = move || !no_border() && !border_ok();
    view! {
        <section class="headline" aria-label=move || state.tr(t::HEADLINE_RESULTS)>
            <div class="card" class:ok=certified_ok class:short=move || !certified_ok()>
                <div class="card-label">{move || state.tr(t::CERTIFIED_COMMUNES)}</div>
                <div class="figure" data-testid="certified">{move || o.with(|o| o.certified.to_string())}</div>
                <div class="card-note">
                    {move || {
                        let t = targets();
                        let base = o.with(|o| o.certified_baseline);
                        state.lang.get().fill(t::TARGET_START_OF_YEAR, &[("0", &t.certified), ("1", &base)])
                    }}
                </div>
                <div class="card-band" data-testid="band-certified">{band(|r| r.certified, 0)}</div>
            </div>
            <div class="card" class:ok=avg_ok class:short=move || !avg_ok()>
                <div class="card-label">{move || state.tr(t::AVERAGE_CRITERIA_A_COMMUNE)}</div>
                <div class="figure" data-testid="avg-criteria">{move || number(o.with(|o| o.avg_criteria), 2, lang())}</div>
                <div class="card-note">
                    {move || format!("{} {}", state.tr(t::TARGET_3), number(targets().avg_criteria_min, 1, lang()))}
                </div>
                <div class="card-band" data-testid="band-avg">{band(|r| r.avg_criteria, 2)}</div>
            </div>
            <div class="card" class:ok=border_ok class:short=border_short>
                <div class="card-label">
                    {move || format!("{} ({})", state.tr(t::BORDER_COMMUNES_CRITERIA_EACH), o.with(|o| o.border.communes))}
                </div>
                <div class="figure" data-testid="border-avg">{move || o.with(|o| border_average(o, lang()))}</div>
                <div class="card-note" data-testid="border-note">
                    {move || o.with(|o| border_target(o, &targets(), lang()))}
                </div>
                <div class="card-band" data-testid="band-border">{band(|r| r.border_avg, 2)}</div>
            </div>
            <div class="card" class:short=move || o.with(|o| o.funding.shortfall > 0.0)>
                <div class="card-label">{move || state.tr(t::MONEY_SHORT_BILLION_VND)}</div>
                <div class="figure" data-testid="shortfall">{move || amount(o.with(|o| o.funding.shortfall), 2, lang())}</div>
                <div class="card-note">{move || state.tr(t::INVESTMENT_NO_SOURCE_COVERS)}</div>
            </div>
            <div class="card" class:short=move || o.with(|o| o.funding.idle > 0.0)>
                <div class="card-label">{move || state.tr(t::MONEY_IDLE_BILLION_VND)}</div>
                <div class="figure" data-testid="idle">{move || amount(o.with(|o| o.funding.idle), 2, lang())}</div>
                <div class="card-note">{move || state.tr(t::ARRIVED_WITH_NOTHING_IT_MAY_PAY)}</div>
            </div>
        </section>
        <p class="change-summary" data-testid="change-summary" aria-live="polite">{move || change_sentence(&state)}</p>
    }
}

/// The border communes' average criteria, or a dash when the table has none (an average of
/// nothing is not 0).
pub(super) fn border_average(o: &crate::engine::Outcome, lang: Lang) -> String {
    if o.border.communes == 0 {
        "—".into()
    } else {
        number(o.border.avg_criteria, 2, lang)
    }
}

/// What the border average is held against: the target range, or why there is none.
pub(super) fn border_target(
    o: &crate::engine::Outcome,
    targets: &crate::engine::plan::Targets,
    lang: Lang,
) -> String {
    if o.border.communes == 0 {
        lang.say(t::NO_BORDER_COMMUNES_IN_THE_TABLE).to_string()
    } else {
        let (min, max) = (targets.border_avg_min, targets.border_avg_max);
        format!(
            "{} {}–{}",
            lang.say(t::TARGET_4),
            number(min, 0, lang),
            number(max, 1, lang)
        )
    }
}

pub(super) fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    if x > 0.0 {
        format!("+{}", number(x, decimals, lang))
    } else {
        number(x, decimals, lang)
    }
}

/// One plain sentence: what this scenario gives against the plan, and which levers differ.
pub fn change_sentence(state: &State) -> String {
    let lang = state.lang.get();
    let o = state.outcome.get();
    let p = state.plan_outcome.get();
    state.model.with(|m| {
        let e = state
            .scenario
            .with(|s| state.levers.with(|l| explain(m, s, l, &o, &p)));
        crate::text::explain::sentence(&e, &m.plan, lang)
    })
}

#[component]
pub fn CriteriaTable() -> impl IntoView {
    let state = use_state();
    let risk = use_context::<super::risk::Shown>();
    // The language and each row's figures through memos: a move of a lever re-runs the rows
    // that changed, and their cells leave and rejoin these small sets of subscribers, not the
    // page-wide language's (measured: 1.1 ms an input went to that bookkeeping).
    let lang = Memo::new(move |_| state.lang.get());
    let rows = (0..CRITERIA)
        .map(|k| {
            let (key, id, vi, en) = state.model.with_untracked(|m| {
                let c = &m.plan.criteria[k];
                (c.key.clone(), c.id, c.name_vi.clone(), c.name_en.clone())
            });
            let row = Memo::new(move |_| state.outcome.with(|o| o.criteria[k].clone()));
            let r = move || row.get();
            let gap = move || {
                let r = r();
                i64::from(r.met) - i64::from(r.target)
            };
            let lang = move || lang.get();
            let met = move || gap() >= 0;
            // The band of the risk run, once it has drawn what is on screen.
            let band = move || {
                let r = risk?.result.get()?;
                let m = r.criteria.get(k)?.met;
                Some(format!("{}–{}", m.p10, m.p90))
            };
            view! {
                <tr data-testid=format!("criterion-{key}") class:met=met class:below=move || !met()>
                    <th scope="row">{move || format!("{id}. {}", lang().pick(vi.clone(), en.clone()))}</th>
                    <td class="num">{move || r().baseline}</td>
                    <td class="num projected">{move || r().met}</td>
                    <td class="num">{move || r().target}</td>
                    <td class="num gap">{move || signed(gap() as f64, 0, lang())}</td>
                    <td class="num">{move || amount(r().investment, 2, lang())}</td>
                    <td class="num" class:short={move || r().shortfall > 0.0}>{move || amount(r().shortfall, 2, lang())}</td>
                    <td class="num band" data-testid=format!("risk-band-{key}")>{band}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h3>{move || state.tr(t::THE_19_CRITERIA_COMMUNES_MEETING_EACH)}</h3>
            <table class="criteria" data-testid="criteria-table">
                <thead>
                    <tr>
                        <th scope="col">{move || state.tr(t::CRITERION)}</th>
                        <th scope="col">{move || state.tr(t::START)}</th>
                        <th scope="col">{move || state.tr(t::PROJECTED_2)}</th>
                        <th scope="col">{move || state.tr(t::TARGET_5)}</th>
                        <th scope="col">{move || state.tr(t::GAP)}</th>
                        <th scope="col">{move || state.tr(t::INVESTED_BN)}</th>
                        <th scope="col">{move || state.tr(t::SHORT_2)}</th>
                        <th scope="col" title=move || state.tr(t::P10_P90_OF_COMMUNES_MEETING_IT)>
                            {move || state.tr(t::RISK_P10_P90)}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
