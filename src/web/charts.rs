//! The charts on the page: each redrawn only when what it shows changes, and exported as SVG
//! or PNG. The drawing itself is `crate::charts`.

use super::persistence::download;
use super::state::use_state;
use crate::charts::*;
use crate::engine::{Model, Outcome};
use crate::text::sentences as t;
use crate::text::Lang;
use crate::text::Sentence;
use leptos::prelude::*;

/// One chart, redrawn when what it shows or the language changes: `shows` picks from the
/// results the figures the chart draws, so a change elsewhere does not redraw it.
#[component]
pub fn Chart(
    kind: &'static str,
    #[prop(into)] title: Signal<String>,
    draw: fn(&Model, &Outcome, Lang) -> String,
    shows: fn(&Outcome) -> Vec<f64>,
    #[prop(optional)] wide: bool,
    /// Drawn instead of `draw` once the risk run has drawn what is on screen.
    #[prop(optional)]
    with_risk: Option<
        fn(&Model, &Outcome, Lang, Option<&crate::engine::risk::RiskOutcome>) -> String,
    >,
) -> impl IntoView {
    let state = use_state();
    let figures = Memo::new(move |_| state.outcome.with(|o| shows(o)));
    let risk = with_risk
        .and(use_context::<super::risk::Shown>())
        .map(|s| s.result);
    let svg = Memo::new(move |_| {
        let lang = state.lang.get();
        figures.with(|_| ());
        let odds = risk.and_then(|r| r.get());
        state.model.with(|m| {
            state.outcome.with_untracked(|o| match (with_risk, odds) {
                (Some(draw_risk), Some(odds)) => draw_risk(m, o, lang, Some(&odds)),
                _ => draw(m, o, lang),
            })
        })
    });
    let file = move || format!("{}-{kind}", state.tr(t::CHART));
    view! {
        <figure class="chart" class:wide=wide data-testid=format!("chart-{kind}")>
            <figcaption>
                <span>{move || title.get()}</span>
                <span class="chart-exports">
                    <button type="button" class="small" data-testid=format!("export-svg-{kind}")
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_SVG)
                        on:click=move |_| download(&format!("{}.svg", file()), "image/svg+xml", svg.get_untracked().as_bytes())>
                        "SVG"
                    </button>
                    <button type="button" class="small" data-testid=format!("export-png-{kind}")
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_PNG)
                        on:click=move |_| svg_to_png(svg.get_untracked(), format!("{}.png", file()))>
                        "PNG"
                    </button>
                </span>
            </figcaption>
            <div class="chart-svg" inner_html=move || svg.get()></div>
        </figure>
    }
}

/// Draws the SVG on a canvas at twice its size and offers the picture as a PNG download.
pub fn svg_to_png(svg: String, name: String) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (w, h) = svg_size(&svg);
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let encoded = js_sys::encode_uri_component(&svg)
        .as_string()
        .unwrap_or_default();
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas.get_context("2d").ok().flatten() else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            let bytes = url
                .split_once(',')
                .and_then(|(_, b64)| web_sys::window()?.atob(b64).ok())
                .map(|bin| bin.chars().map(|c| c as u8).collect::<Vec<u8>>())
                .unwrap_or_default();
            download(&name, "image/png", &bytes);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

#[component]
pub fn Charts() -> impl IntoView {
    let state = use_state();
    let title = move |sentence: Sentence| Signal::derive(move || state.tr(sentence).to_string());
    view! {
        <section class="charts">
            <Chart kind="criteria" title=title(t::COMMUNES_MEETING_EACH_CRITERION_START_PROJECTED)
                draw=criteria_chart with_risk=criteria_chart_with_risk
                shows=|o| o.criteria.iter().map(|c| f64::from(c.met)).collect() wide=true/>
            <Chart kind="bands" title=title(t::COMMUNES_BY_CRITERIA_MET_2)
                draw=bands_chart shows=|o| o.histogram.iter().map(|&h| f64::from(h)).collect()/>
            <Chart kind="sources" title=title(t::WHERE_EACH_SOURCE_S_MONEY_WENT)
                draw=sources_chart shows=|o| o.funding.sources.iter().flat_map(|s| [s.pledged, s.arrived, s.idle].into_iter().chain(s.to.iter().map(|(_, x)| *x))).collect()/>
            <Chart kind="districts" title=title(t::AVERAGE_CRITERIA_A_COMMUNE_BY_DISTRICT)
                draw=districts_chart shows=|o| o.districts.iter().flat_map(|d| [d.avg_criteria, f64::from(d.certified)]).collect()/>
        </section>
    }
}
