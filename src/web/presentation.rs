//! The presentation for the People's Council: full screen, large type, one view at a time.

use super::compare::*;
use super::report::*;
use super::results::change_sentence;
use super::showing::*;
use super::state::use_state;
use crate::charts::{bands_chart, districts_chart};
use crate::engine::Scenario;
use crate::text::number::{amount, number};
use crate::text::sentences as t;
use leptos::prelude::*;

pub(super) const SLIDES: usize = 8;

#[component]
pub fn Presentation() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::years::PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let goals = expect_context::<super::years::GoalsShown>();
    let slide = move || {
        let index = showing.presenting.get()?;
        let lang = state.lang.get();
        let o = state.outcome.get();
        let t = state.targets();
        let (title, body) = match index {
            0 => (
                lang.say(t::HEADLINE),
                view! {
                    <div class="slide-figures">
                        <div><span class="big">{o.certified}</span><span>{lang.fill(t::CERTIFIED_COMMUNES_TARGET, &[("0", &t.certified)])}</span></div>
                        <div><span class="big">{number(o.avg_criteria, 2, lang)}</span><span>{lang.fill(t::CRITERIA_A_COMMUNE_TARGET_2, &[("0", &number(t.avg_criteria_min, 1, lang))])}</span></div>
                        <div><span class="big">{super::results::border_average(&o, lang)}</span><span>{if o.border.communes == 0 { lang.say(t::NO_BORDER_COMMUNES_IN_THE_TABLE).to_string() } else { lang.fill(t::CRITERIA_A_BORDER_COMMUNE_TARGET, &[("0", &number(t.border_avg_min, 0, lang)), ("1", &number(t.border_avg_max, 1, lang))]) }}</span></div>
                        <div><span class="big">{amount(o.funding.shortfall, 0, lang)}</span><span>{lang.say(t::BILLION_VND_SHORT_2)}</span></div>
                    </div>
                    <p class="slide-sentence">{change_sentence(&state)}</p>
                }
                .into_any(),
            ),
            1 => {
                let rows = state.model.with(|m| {
                    m.plan
                        .criteria
                        .iter()
                        .zip(&o.criteria)
                        .map(|(c, r)| {
                            let gap = i64::from(r.met) - i64::from(r.target);
                            view! {
                                <tr class:below=gap < 0>
                                    <th scope="row">{format!("{}. {}", c.id, lang.pick(&c.name_vi, &c.name_en))}</th>
                                    <td class="num">{r.baseline}</td><td class="num">{r.met}</td><td class="num">{r.target}</td>
                                    <td class="num">{if gap > 0 { format!("+{gap}") } else { gap.to_string() }}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                });
                (
                    lang.say(t::THE_19_CRITERIA),
                    view! {
                        <table class="slide-table">
                            <thead><tr><th></th><th>{lang.say(t::START)}</th><th>{lang.say(t::PROJECTED_2)}</th><th>{lang.say(t::TARGET_5)}</th><th>{lang.say(t::GAP)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any(),
                )
            }
            2 => (
                lang.say(t::DISTRICTS_2),
                if o.districts.is_empty() {
                    view! { <p class="slide-sentence">{lang.say(t::THE_COMMUNE_TABLE_HAS_NO_DISTRICT_2)}</p> }.into_any()
                } else {
                    view! { <div class="slide-chart" inner_html=state.model.with(|m| districts_chart(m, &o, lang))></div> }.into_any()
                },
            ),
            3 => (
                lang.say(t::COMMUNES_BY_CRITERIA_MET),
                view! { <div class="slide-chart" inner_html=state.model.with(|m| bands_chart(m, &o, lang))></div> }.into_any(),
            ),
            4 => (
                lang.say(t::YEARS_THE_PATH),
                state.model.with(|m| path_view(&path.outcome.get(), &m.plan, lang)),
            ),
            5 => (lang.say(t::GOALS_AND_MARGINS), goals_page(&goals, lang)),
            6 => (
                lang.say(t::RISK_HOW_LIKELY_THE_TARGETS_ARE),
                risk_view(risk.result.get().as_deref(), lang),
            ),
            _ => {
                let mut rows = compared(&state, &showing);
                if rows.len() < 2 {
                    let plan = state.model.with(|m| m.run(&Scenario::plan()));
                    rows = vec![(lang.say(t::THE_PLAN).to_string(), plan), (lang.say(t::SHOWN_NOW).to_string(), (*o).clone())];
                }
                (lang.say(t::SCENARIOS_SIDE_BY_SIDE), view! { <CompareTables rows=rows/> }.into_any())
            }
        };
        Some(view! {
            <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-label=title>
                <header>
                    <h2 data-testid="slide-title">{title}</h2>
                    <span class="slide-number" data-testid="slide-number">{format!("{} / {SLIDES}", index + 1)}</span>
                </header>
                <div class="slide-body">{body}</div>
                <footer>{lang.say(t::OR_PAGEUP_PAGEDOWN_TO_MOVE_ESC)}</footer>
            </div>
        })
    };
    view! { {slide} }
}
