//! The map's state: the communes' places (loaded once, when the map, the report or the
//! presentation first needs them: they are not part of the first load), what the colour shows,
//! which year, the table laid out, and each commune's standing. The map panel, the report and
//! the presentation draw from here.

use super::filters::CommuneFilters;
use super::path::PathShown;
use super::state::State;
use crate::charts::map::{map_svg, MapPicture, FRAME};
use crate::engine::places::Places;
use crate::show::map::{lay_out, path_year, standings, Colouring, MapLayout, Shown, Standing};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the places stand.
#[derive(Clone)]
pub enum PlacesLoad {
    NotAsked,
    Loading,
    Ready(Arc<Places>),
    /// Why they could not be loaded.
    Failed(String),
}

/// What the map shows and the places it shows it with.
#[derive(Clone, Copy)]
pub struct MapShown {
    pub places: RwSignal<PlacesLoad>,
    /// What the planner asked the colour to show.
    pub colouring: RwSignal<Colouring>,
    /// What it shows: the chance needs finished risk draws for the year on screen.
    pub shown_colouring: Memo<Colouring>,
    /// A year of the path asked for, or `None` for the scenario on screen.
    pub year: RwSignal<Option<u16>>,
    /// The year of the path shown: the one asked for, while the path has it for this table.
    pub year_in_path: Memo<Option<u16>>,
    /// The table in use laid out (none until the places are loaded).
    pub layout: Memo<Option<Arc<MapLayout>>>,
    /// Each commune's standing, by row.
    pub standings: Memo<Arc<Vec<Standing>>>,
}

/// The file the build copies beside the page (`seeds/places.csv`); the single-file edition
/// carries it in an element of this id instead.
const PLACES_FILE: &str = "places.csv";
const PLACES_ELEMENT: &str = "ntm-places";

pub fn provide_map(state: State) -> MapShown {
    let places = RwSignal::new(PlacesLoad::NotAsked);
    let colouring = RwSignal::new(Colouring::CriteriaMet);
    let year = RwSignal::new(None::<u16>);
    let path = expect_context::<PathShown>();
    let risk = expect_context::<super::risk::Shown>();
    let filters = expect_context::<CommuneFilters>();
    let layout = Memo::new(move |_| {
        places.with(|p| match p {
            PlacesLoad::Ready(places) => state
                .model
                .with(|m| Some(Arc::new(lay_out(&m.table, places, FRAME)))),
            _ => None,
        })
    });
    // The path's year asked for, while the path has it worked out for this table.
    let year_in_path = Memo::new(move |_| {
        let asked = year.get();
        let communes = state.model.with(|m| m.table.communes.len());
        path.outcome
            .with(|o| crate::show::map::path_year(o, asked, communes).map(|(y, _, _)| y))
    });
    let shown_colouring = Memo::new(move |_| {
        let chance = colouring.get() == Colouring::ChanceCertified
            && year_in_path.get().is_none()
            && risk.result.with(Option::is_some);
        if chance {
            Colouring::ChanceCertified
        } else {
            Colouring::CriteriaMet
        }
    });
    let standings = Memo::new(move |_| {
        let chance = (shown_colouring.get() == Colouring::ChanceCertified)
            .then(|| risk.result.get())
            .flatten();
        let year = year_in_path.get();
        let outcome = state.outcome.get();
        let plan = state.plan_outcome.get();
        let communes = state.model.with(|m| m.table.communes.len());
        path.outcome.with(|p| {
            filters.shown.with(|kept| {
                state.model.with(|m| {
                    Arc::new(standings(
                        &m.table,
                        &m.shape,
                        &Shown {
                            on_screen: &outcome.meets,
                            plan: &plan.meets,
                            path_year: path_year(p, year, communes).map(|(_, s, e)| (s, e)),
                            chance: chance.as_ref().map(|r| r.commune_chance.as_slice()),
                            kept,
                        },
                    ))
                })
            })
        })
    });
    let shown = MapShown {
        places,
        colouring,
        shown_colouring,
        year,
        year_in_path,
        layout,
        standings,
    };
    provide_context(shown);
    shown
}

pub fn use_map() -> MapShown {
    expect_context::<MapShown>()
}

impl MapShown {
    /// Starts loading the places, once.
    pub fn want_places(&self) {
        if !self
            .places
            .with_untracked(|p| matches!(p, PlacesLoad::NotAsked))
        {
            return;
        }
        self.places.set(PlacesLoad::Loading);
        let places = self.places;
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = places_text()
                .await
                .and_then(|text| Places::from_csv(&text).map_err(|e| e.to_string()));
            places.set(match loaded {
                Ok(p) => PlacesLoad::Ready(Arc::new(p)),
                Err(why) => PlacesLoad::Failed(why),
            });
        });
    }

    /// The map as SVG (exports, the report, the presentation), once the places are loaded.
    pub fn svg(&self, state: &State, lang: Lang) -> Option<String> {
        let layout = self.layout.get()?;
        let standings = self.standings.get();
        let colouring = self.shown_colouring.get();
        Some(with_picture(state, &layout, &standings, colouring, |p| {
            map_svg(p, lang)
        }))
    }

    /// The map's title: the year shown, and the draws where the colour is the chance.
    pub fn title(&self, state: &State, lang: Lang) -> String {
        let year = self.year_shown(state);
        match self.shown_colouring.get() {
            Colouring::ChanceCertified => {
                let draws = expect_context::<super::risk::Shown>()
                    .result
                    .with(|r| r.as_ref().map_or(0, |r| r.draws));
                lang.fill(t::MAP_TITLE_CHANCE, &[("year", &year), ("draws", &draws)])
            }
            Colouring::CriteriaMet => lang.fill(t::MAP_TITLE, &[("year", &year)]),
        }
    }

    /// The year the map shows: the path's year asked for, or the plan's.
    pub fn year_shown(&self, state: &State) -> u16 {
        self.year_in_path
            .get()
            .unwrap_or_else(|| state.model.with(|m| m.plan.year))
    }
}

/// Hands the map's picture of the table in use, laid out and standing so, to `draw`.
pub fn with_picture<R>(
    state: &State,
    layout: &MapLayout,
    standings: &[Standing],
    colouring: Colouring,
    draw: impl FnOnce(&MapPicture) -> R,
) -> R {
    state.model.with_untracked(|m| {
        draw(&MapPicture {
            table: &m.table,
            layout,
            standings,
            criteria: m.plan.criteria.len(),
            colouring,
        })
    })
}

/// The places file's text: from the page itself (the single-file edition), or fetched from
/// beside the page (kept by the service worker for offline use).
async fn places_text() -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no window")?;
    if let Some(inline) = window
        .document()
        .and_then(|d| d.get_element_by_id(PLACES_ELEMENT))
    {
        // (the element's text starts on the line after its tag)
        return Ok(inline
            .text_content()
            .unwrap_or_default()
            .trim_start()
            .to_string());
    }
    let said = |e: wasm_bindgen::JsValue| {
        e.as_string()
            .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
            .unwrap_or_else(|| "?".into())
    };
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(PLACES_FILE))
        .await
        .map_err(said)?;
    let response: web_sys::Response = response.dyn_into().map_err(said)?;
    if !response.ok() {
        return Err(format!("{PLACES_FILE}: HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(said)?)
        .await
        .map_err(said)?;
    text.as_string()
        .ok_or_else(|| format!("{PLACES_FILE}: not text"))
}
