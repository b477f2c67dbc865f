//! The map panel: every commune of the table in use at its place, coloured by its standing in
//! the year shown (or its chance of being certified), following the levers, the grid's
//! filters, the path's years and the risk draws. Hover or the arrow keys name a commune; a
//! click or Enter opens it in the communes grid. Exported as SVG and PNG.

use super::canvas::{paint_canvas, svg_to_png};
use super::map::{use_map, with_picture, PlacesLoad};
use super::path::PathShown;
use super::persistence::download;
use super::state::{use_state, ScreenWatch};
use crate::charts::map::{map_chart_on, SIZE};
use crate::show::map::{describe, unplaced_line, Colouring, Direction};
use crate::text::sentences as t;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MapPanel() -> impl IntoView {
    let state = use_state();
    let map = use_map();
    let path = expect_context::<PathShown>();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let screen = ScreenWatch::new(move || canvas.get().map(Into::into));
    // The places load as the map comes near the screen, not with the page.
    Effect::new(move |_| {
        if screen.near() {
            map.want_places();
        }
    });
    let words = RwSignal::new(String::new());
    // The mark pointed at or focused (an index into the layout's marks).
    let pointed = RwSignal::new(None::<usize>);
    type Drawn = (
        crate::text::Lang,
        Arc<crate::show::map::MapLayout>,
        Arc<Vec<crate::show::map::Standing>>,
        Colouring,
    );
    let drawn = StoredValue::new(None::<Drawn>);
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(layout) = map.layout.get() else {
            return;
        };
        let Some(canvas) = canvas.get() else {
            return;
        };
        // The standings are worked out only when the map is to be drawn (off screen, a lever's
        // move costs the map nothing; it catches up as it comes near).
        if !screen.due(&state) {
            return;
        }
        let (standings, colouring) = (map.standings.get(), map.shown_colouring.get());
        let same = drawn.with_value(|d| {
            d.as_ref().is_some_and(|(l, a, s, c)| {
                *l == lang
                    && Arc::ptr_eq(a, &layout)
                    && Arc::ptr_eq(s, &standings)
                    && *c == colouring
            })
        });
        if same {
            return;
        }
        let said = with_picture(&state, &layout, &standings, colouring, |picture| {
            paint_canvas(&canvas, SIZE, |area| map_chart_on(area, picture, lang))
        });
        drawn.set_value(Some((lang, layout, standings, colouring)));
        words.set(said);
    });
    // A point on the canvas in the picture's own pixels (the canvas is scaled to its column).
    let picture_point = move |x: f64, y: f64| -> Option<(f64, f64)> {
        let c = canvas.get_untracked()?;
        let rect = c.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| {
            let scale = f64::from(SIZE.0) / rect.width();
            ((x - rect.left()) * scale, (y - rect.top()) * scale)
        })
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let Some((x, y)) = picture_point(f64::from(ev.client_x()), f64::from(ev.client_y())) else {
            return;
        };
        let kept = map.standings.get_untracked();
        let at = map.layout.with_untracked(|l| {
            l.as_ref().and_then(|l| {
                let m = l.mark_at(x, y, &kept)?;
                l.marks.iter().position(|n| n.row == m.row)
            })
        });
        if at != pointed.get_untracked() {
            pointed.set(at);
        }
    };
    let row_of = move |mark: usize| {
        map.layout
            .with_untracked(|l| l.as_ref().and_then(|l| l.marks.get(mark).map(|m| m.row)))
    };
    let open = move |mark: usize| {
        if let Some(row) = row_of(mark) {
            state.selected_commune.set(Some(row));
            // The details open under the communes grid: bring them into view.
            let details = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector("[data-testid=commune-details]")
                    .ok()
                    .flatten()
            });
            if let Some(details) = details {
                details.scroll_into_view();
            }
        }
    };
    // Focus names a commune at once: the one open in the grid's details, else the first.
    let focus_mark = move || {
        let kept = map.standings.get_untracked();
        let selected = state.selected_commune.get_untracked();
        map.layout.with_untracked(|l| {
            let l = l.as_ref()?;
            selected
                .and_then(|row| l.marks.iter().position(|m| m.row == row))
                .or_else(|| first_mark(l, &kept))
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let direction = match ev.key().as_str() {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "Enter" | " " => {
                if let Some(mark) = pointed.get_untracked() {
                    ev.prevent_default();
                    open(mark);
                }
                return;
            }
            "Escape" => {
                pointed.set(None);
                return;
            }
            _ => None,
        };
        let Some(direction) = direction else {
            return;
        };
        ev.prevent_default();
        let kept = map.standings.get_untracked();
        let next = map.layout.with_untracked(|l| {
            let l = l.as_ref()?;
            match pointed.get_untracked() {
                Some(from) => l.next_mark(from, direction, &kept).or(Some(from)),
                None => first_mark(l, &kept),
            }
        });
        pointed.set(next);
    };
    // The pointed commune's line, and where its ring goes (in % of the picture, so it follows
    // the canvas's scaling).
    let pointed_line = move || {
        let mark = pointed.get()?;
        let lang = state.lang.get();
        map.layout.with(|l| {
            let m = *l.as_ref()?.marks.get(mark)?;
            let standing = map.standings.with(|s| s.get(m.row).copied())?;
            let line = state.model.with(|model| {
                describe(
                    &model.table,
                    m.row,
                    &standing,
                    model.plan.criteria.len(),
                    lang,
                )
            });
            Some((line, m))
        })
    };
    // A length across or down the picture as a share of it, for the style object.
    let across = |px: f64| format!("{:.3}%", px / f64::from(SIZE.0) * 100.0);
    let down = |px: f64| format!("{:.3}%", px / f64::from(SIZE.1) * 100.0);
    let ring = move |f: fn(&crate::show::map::Mark) -> (f64, bool)| {
        move || {
            pointed_line()
                .map(|(_, m)| {
                    let (px, is_across) = f(&m);
                    if is_across {
                        across(px)
                    } else {
                        down(px)
                    }
                })
                .unwrap_or_default()
        }
    };
    // Near an edge of the picture the line opens away from it, so none of it is cut off.
    let tip_side = move || {
        pointed_line().map(|(_, m)| {
            let share = m.x / f64::from(SIZE.0);
            if share < 0.3 {
                std::cmp::Ordering::Less
            } else if share > 0.7 {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
    };
    let title = move || map.title(&state, state.lang.get());
    let status = move || {
        let lang = state.lang.get();
        match map.places.get() {
            PlacesLoad::NotAsked | PlacesLoad::Loading => {
                Some(lang.say(t::MAP_PLACES_LOADING).to_string())
            }
            PlacesLoad::Failed(why) => Some(lang.fill(t::MAP_PLACES_FAILED, &[("reason", &why)])),
            PlacesLoad::Ready(_) => (map.colouring.get() != map.shown_colouring.get()).then(|| {
                lang.say(if map.year_in_path.get().is_some() {
                    t::MAP_RISK_ONE_YEAR_ONLY
                } else {
                    t::MAP_RISK_NOT_YET
                })
                .to_string()
            }),
        }
    };
    let unplaced = move || {
        let lang = state.lang.get();
        map.layout.with(|l| {
            let l = l.as_ref()?;
            state.model.with(|m| unplaced_line(&m.table, l, lang))
        })
    };
    let years = move || {
        let first = state.model.with(|m| m.plan.year);
        let lang = state.lang.get();
        let on_screen = view! { <option value="">{lang.fill(t::MAP_YEAR_ON_SCREEN, &[("year", &first)])}</option> };
        let path_years: Vec<u16> = path
            .outcome
            .with(|o| o.years.iter().map(|y| y.year).collect());
        let chosen = map.year_in_path.get();
        (on_screen, path_years.into_iter().map(|y| {
            view! { <option value=y.to_string() selected=chosen == Some(y)>{lang.fill(t::MAP_YEAR_OF_PATH, &[("year", &y)])}</option> }
        }).collect_view())
    };
    let svg = move || map.svg(&state, state.lang.get_untracked());
    let file = move || format!("{}-map", state.tr(t::CHART_FILE_PREFIX));
    view! {
        <figure class="chart wide map" data-testid="map">
            <figcaption>
                <span data-testid="map-title">{title}</span>
                <span class="chart-exports">
                    <button type="button" class="small" data-testid="export-svg-map"
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_SVG)
                        on:click=move |_| if let Some(svg) = svg() { download(&format!("{}.svg", file()), "image/svg+xml", svg.as_bytes()) }>
                        "SVG"
                    </button>
                    <button type="button" class="small" data-testid="export-png-map"
                        title=move || state.tr(t::DOWNLOAD_THE_CHART_AS_PNG)
                        on:click=move |_| if let Some(svg) = svg() { svg_to_png(svg, format!("{}.png", file())) }>
                        "PNG"
                    </button>
                </span>
            </figcaption>
            <div class="map-controls filters">
                <label>
                    {move || state.tr(t::MAP_COLOUR_BY)}
                    <select data-testid="map-colouring" on:change=move |ev| map.colouring.set(Colouring::from_key(&event_target_value(&ev)))>
                        <option value=Colouring::CriteriaMet.key()>{move || state.tr(t::CRITERIA_MET)}</option>
                        <option value=Colouring::ChanceCertified.key()>{move || state.tr(t::MAP_SHOWS_CHANCE)}</option>
                    </select>
                </label>
                <label>
                    {move || state.tr(t::YEAR)}
                    <select data-testid="map-year" on:change=move |ev| map.year.set(event_target_value(&ev).parse().ok())>
                        {years}
                    </select>
                </label>
            </div>
            <p class="chart-note" data-testid="map-status" class:hidden=move || status().is_none()>{status}</p>
            <div class="map-frame">
                <canvas class="chart-canvas map-canvas" node_ref=canvas role="img" tabindex="0"
                    data-testid="map-canvas"
                    aria-label=move || format!("{}. {}", title(), words.get())
                    aria-describedby="map-keys"
                    on:mousemove=on_move
                    on:mouseleave=move |_| pointed.set(None)
                    on:click=move |ev| { on_move(ev); if let Some(m) = pointed.get_untracked() { open(m) } }
                    on:keydown=on_key
                    on:focus=move |_| if pointed.get_untracked().is_none() { pointed.set(focus_mark()) }
                    on:blur=move |_| pointed.set(None)></canvas>
                <div class="map-ring" aria-hidden="true" class:hidden=move || pointed.get().is_none()
                    style:left=ring(|m| (m.x - m.radius - 5.0, true))
                    style:top=ring(|m| (m.y - m.radius - 5.0, false))
                    style:width=ring(|m| (2.0 * (m.radius + 5.0), true))
                    style:height=ring(|m| (2.0 * (m.radius + 5.0), false))></div>
                <div class="map-tip" data-testid="map-tip" aria-hidden="true" class:hidden=move || pointed.get().is_none()
                    class:from-left=move || tip_side() == Some(std::cmp::Ordering::Less)
                    class:from-right=move || tip_side() == Some(std::cmp::Ordering::Greater)
                    style:left=ring(|m| (m.x, true))
                    style:top=ring(|m| (m.y + m.radius + 6.0, false))>{move || pointed_line().map(|(line, _)| line)}</div>
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid="map-pointed">{move || pointed_line().map(|(line, _)| line)}</p>
            <p class="chart-note" id="map-keys">{move || state.tr(t::MAP_KEYS_HINT)}</p>
            <p class="chart-note" data-testid="map-unplaced" class:hidden=move || unplaced().is_none()>{unplaced}</p>
        </figure>
    }
}

/// The first mark the grid's filters keep.
fn first_mark(
    layout: &crate::show::map::MapLayout,
    kept: &[crate::show::map::Standing],
) -> Option<usize> {
    layout
        .marks
        .iter()
        .position(|m| kept.get(m.row).is_some_and(|s| s.kept))
}
