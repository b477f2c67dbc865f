//! The charts on the page: each redrawn only when what it shows changes, and exported as SVG
//! or PNG. The drawing itself is `crate::charts`.

use super::canvas::{paint_canvas, svg_to_png};
use super::persistence::download;
use super::state::use_state;
use crate::charts::*;
use crate::engine::{Model, Outcome};
use crate::text::sentences as t;
use crate::text::Lang;
use crate::text::Sentence;
use leptos::prelude::*;

/// One chart, drawn on a canvas when what it shows, the table or the language changes (`shows`
/// picks from the results the figures the chart draws, so a change elsewhere does not redraw
/// it). A canvas has no markup to parse, style, lay out and paint word by word, as the SVG had
/// on every move of a lever; the SVG is drawn for the exports only. The canvas carries the
/// chart's words as its text alternative.
#[component]
pub fn Chart(
    which: Which,
    #[prop(into)] title: Signal<String>,
    shows: fn(&Outcome) -> Vec<f64>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let state = use_state();
    let figures = Memo::new(move |_| state.outcome.with(|o| shows(o)));
    // The criteria chart shows the risk band once the risk run has drawn what is on screen.
    let risk = (which == Which::Criteria)
        .then(use_context::<super::risk::Shown>)
        .flatten()
        .map(|s| s.result);
    let odds = move || risk.and_then(|r| r.get());
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let words = RwSignal::new(String::new());
    let screen = super::state::ScreenWatch::new(move || canvas.get().map(Into::into));
    // What the canvas shows: the language, the figures, which risk run (the run itself is
    // kept, so that a later run cannot take its address and pass for it).
    type Shows = (
        Lang,
        Vec<f64>,
        Option<std::sync::Arc<crate::engine::risk::RiskOutcome>>,
    );
    let drawn = StoredValue::new(None::<Shows>);
    let same = |a: &Shows, b: &Shows| {
        a.0 == b.0
            && a.1 == b.1
            && match (&a.2, &b.2) {
                (Some(x), Some(y)) => std::sync::Arc::ptr_eq(x, y),
                (None, None) => true,
                _ => false,
            }
    };
    Effect::new(move |_| {
        let lang = state.lang.get();
        let odds = odds();
        let now: Shows = (lang, figures.get(), odds.clone());
        let Some(canvas) = canvas.get() else {
            return;
        };
        // (A drag does not redraw what cannot be seen: 2–4 ms a chart an input.)
        let due = screen.due(&state);
        if !due || drawn.with_value(|d| d.as_ref().is_some_and(|d| same(d, &now))) {
            return;
        }
        let words_drawn = state.model.with(|m| {
            state
                .outcome
                .with_untracked(|o| paint(&canvas, which, m, o, lang, odds.as_deref()))
        });
        drawn.set_value(Some(now));
        words.set(words_drawn);
    });
    let no_districts =
        move || which == Which::Districts && state.model.with(|m| !m.table.has_districts());
    let svg = move || {
        let lang = state.lang.get_untracked();
        let odds = risk.and_then(|r| r.get_untracked());
        state.model.with_untracked(|m| {
            state
                .outcome
                .with_untracked(|o| which.svg(m, o, lang, odds.as_deref()))
        })
    };
    let file = move || format!("{}-{}", state.tr(t::CHART_FILE_PREFIX), which.key());
    view! {
        <figure class="chart" class:wide=wide data-testid=format!("chart-{}", which.key())>
            <figcaption>
                <span>{move || title.get()}</span>
                <span class="chart-exports">
                    <button type="button" class="small" data-testid=format!("export-svg-{}", which.key())
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_SVG)
                        on:click=move |_| download(&format!("{}.svg", file()), "image/svg+xml", svg().as_bytes())>
                        "SVG"
                    </button>
                    <button type="button" class="small" data-testid=format!("export-png-{}", which.key())
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_PNG)
                        on:click=move |_| svg_to_png(svg(), format!("{}.png", file()))>
                        "PNG"
                    </button>
                </span>
            </figcaption>
            <p class="chart-note" class:hidden=move || !no_districts()>
                {move || state.tr(t::NO_DISTRICT_COLUMN_ON_THE_PAGE)}
            </p>
            <canvas class="chart-canvas" class:hidden=no_districts node_ref=canvas role="img"
                aria-label=move || format!("{}. {}", title.get(), words.get())></canvas>
        </figure>
    }
}

/// Draws a chart on the canvas and returns the words it drew.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    which: Which,
    model: &Model,
    o: &Outcome,
    lang: Lang,
    risk: Option<&crate::engine::risk::RiskOutcome>,
) -> String {
    paint_canvas(canvas, which.size(o), |area| {
        which.draw(area, model, o, lang, risk)
    })
}

#[component]
pub fn Charts() -> impl IntoView {
    let state = use_state();
    let title = move |sentence: Sentence| Signal::derive(move || state.tr(sentence).to_string());
    view! {
        <section class="charts">
            <Chart which=Which::Criteria title=title(t::CHART_CRITERIA_TITLE)
                shows=|o| o.criteria.iter().map(|c| f64::from(c.met)).collect() wide=true/>
            <Chart which=Which::Bands title=title(t::CHART_COMMUNES_BY_CRITERIA_MET)
                shows=|o| o.histogram.iter().map(|&h| f64::from(h)).collect()/>
            <Chart which=Which::Sources title=title(t::CHART_SOURCES_TITLE)
                shows=|o| o.funding.sources.iter().flat_map(|s| [s.pledged, s.arrived, s.idle].into_iter().chain(s.to.iter().map(|(_, x)| *x))).collect()/>
            <Chart which=Which::Districts title=title(t::CHART_DISTRICTS_TITLE)
                shows=|o| o.districts.iter().flat_map(|d| [d.avg_criteria, f64::from(d.certified)]).collect()/>
        </section>
    }
}
