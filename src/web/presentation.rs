//! The presentation for the People's Council: full screen, large type, one view at a time.

use super::compare::compared;
use super::printed::*;
use super::showing::*;
use super::state::use_state;
use crate::charts::{bands_chart, districts_chart};
use crate::engine::Scenario;
use crate::show::{criteria_rows, CriterionRow, Headline, Verdict};
use crate::text::sentences as t;
use leptos::prelude::*;

#[component]
pub fn Presentation() -> impl IntoView {
    let state = use_state();
    let showing = use_showing();
    let path = expect_context::<super::path::PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let goals = expect_context::<super::goals::GoalsShown>();
    // The map slide needs the places: they load when the presentation opens.
    Effect::new(move |_| {
        if showing.presenting.get().is_some() {
            super::map::use_map().want_places();
        }
    });
    let slide = move || {
        let slide = showing.presenting.get()?;
        let lang = state.lang.get();
        let o = state.outcome.get();
        let t = state.targets();
        // The headline as every surface words it: the four figures a council asks about.
        let headline = Headline::of(&o, &t, lang);
        let figures = [&headline.certified, &headline.average, &headline.border, &headline.shortfall]
            .map(|c| view! { <div><span class="big">{c.figure.clone()}</span><span>{c.label.clone()}</span><span class="slide-note">{c.note.clone()}</span></div> })
            .into_iter()
            .collect_view();
        let (title, body) = match slide {
            Slide::Headline => (
                lang.say(t::HEADLINE).to_string(),
                view! {
                    <div class="slide-figures">{figures}</div>
                    <p class="slide-sentence">{state.change_sentence()}</p>
                }
                .into_any(),
            ),
            Slide::Criteria => {
                let rows = state.model.with(|m| criteria_rows(&m.plan, &o, lang))
                    .into_iter()
                    .map(|r| table_row(&r.cells()[..5], r.verdict == Verdict::Short))
                    .collect_view();
                (
                    lang.fill(t::CRITERIA_SLIDE_TITLE, &[("criteria", &state.model.with(|m| m.plan.criteria.len()))]),
                    view! {
                        <table class="slide-table">
                            <thead><tr>{headings(lang, &CriterionRow::COLUMNS[..5])}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any(),
                )
            }
            Slide::Districts => (
                lang.say(t::HEADING_DISTRICTS).to_string(),
                if o.districts.is_empty() {
                    view! { <p class="slide-sentence">{lang.say(t::NO_DISTRICT_COLUMN_ON_THE_PAGE)}</p> }.into_any()
                } else {
                    view! { <div class="slide-chart" inner_html=state.model.with(|m| districts_chart(m, &o, lang))></div> }.into_any()
                },
            ),
            Slide::Bands => (
                lang.say(t::COMMUNES_BY_CRITERIA_MET).to_string(),
                view! { <div class="slide-chart" inner_html=state.model.with(|m| bands_chart(m, &o, lang))></div> }.into_any(),
            ),
            Slide::Path => (
                lang.say(t::PATH_PANEL_TITLE).to_string(),
                state.model.with(|m| path_view(&path.outcome.get(), &m.plan, &path.settings.with(|p| p.carry), lang)),
            ),
            Slide::Goals => (lang.say(t::GOALS_AND_MARGINS).to_string(), goals_page(&goals, lang)),
            Slide::Risk => (
                lang.say(t::RISK_PANEL_TITLE).to_string(),
                risk_view(risk.result.get().as_deref(), super::risk::drawn_note(state, risk), lang),
            ),
            Slide::Map => (lang.say(t::MAP_PANEL_TITLE).to_string(), map_figure(lang)),
            Slide::Compare => {
                let mut rows = compared(&state, &showing);
                if rows.len() < 2 {
                    let plan = state.model.with(|m| m.run(&Scenario::plan()));
                    rows = vec![(lang.say(t::THE_PLAN).to_string(), plan), (lang.say(t::SHOWN_NOW).to_string(), (*o).clone())];
                }
                (lang.say(t::SCENARIOS_SIDE_BY_SIDE).to_string(), view! { <CompareTables rows=rows/> }.into_any())
            }
        };
        let label = title.clone();
        Some(view! {
            <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-label=label>
                <header>
                    <h2 data-testid="slide-title">{title}</h2>
                    <span class="slide-number" data-testid="slide-number">{format!("{} / {}", slide.index() + 1, Slide::ALL.len())}</span>
                </header>
                <div class="slide-body">{body}</div>
                <footer>{lang.say(t::SLIDES_KEYS_HINT)}</footer>
            </div>
        })
    };
    view! { {slide} }
}
