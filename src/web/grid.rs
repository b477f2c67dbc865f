//! The communes grid (every commune × every criterion, filtered by district, border, status) and
//! a commune's details.

use super::filters::{BorderFilter, StatusFilter};
use super::state::use_state;
use crate::charts::grid::{cell_state, grid_rows_html, row_class};
use crate::engine::{ItemSet, Model};
use crate::text::number::amount;
use crate::text::sentences as t;
use leptos::prelude::*;
use std::sync::Arc;

/// Rows kept in the page beyond those in view, above and below (and a step more): the grid
/// holds every commune the filters keep (8,248 for the country) but only its window is
/// elements, so a lever's move restyles and repaints at most this many rows.
const MARGIN: usize = 6;
/// The window moves in steps of this many rows, so scrolling rewrites it seldom.
const STEP: usize = 6;
/// Rows in view until the grid's height is measured (32em of 16 px over 21 px rows).
const IN_VIEW_AT_START: usize = 25;
/// The window's length for so many rows in view: the rows in view start anywhere in a step.
fn window_for(in_view: usize) -> usize {
    2 * MARGIN + STEP + in_view
}
/// A row's height in CSS pixels as styled (`table.grid tbody tr`), until one is measured.
const ROW_PX: f64 = 21.0;

#[component]
pub fn CommunesGrid() -> impl IntoView {
    let state = use_state();
    let super::filters::CommuneFilters {
        district,
        border,
        status,
        shown,
    } = super::filters::use_filters();
    let note = move || {
        let matching = shown.with(Vec::len);
        state
            .lang
            .get()
            .fill(t::N_COMMUNES, &[("matching", &matching)])
    };
    // The first row in the window, following the grid's scroll.
    let first = RwSignal::new(0usize);
    let row_px = StoredValue::new(ROW_PX);
    // How many rows the window holds, following the grid's height in rows.
    let window = RwSignal::new(window_for(IN_VIEW_AT_START));
    let wrap = NodeRef::<leptos::html::Div>::new();
    let on_scroll = move || {
        let Some(wrap) = wrap.get_untracked() else {
            return;
        };
        // The rows' real height (fonts differ), read while scrolling, when the layout is
        // already done (reading it right after writing the rows would force one).
        if let Some(row) = wrap.query_selector("tr[data-row]").ok().flatten() {
            let h = row.get_bounding_client_rect().height();
            if h > 1.0 {
                row_px.set_value(h);
            }
        }
        let px = row_px.get_value();
        let top = (f64::from(wrap.scroll_top()) / px).floor() as usize;
        let wanted = top.saturating_sub(MARGIN) / STEP * STEP;
        let length = window_for((f64::from(wrap.client_height()) / px).ceil() as usize);
        if length != window.get_untracked() {
            window.set(length);
        }
        if wanted != first.get_untracked() {
            first.set(wanted);
        }
    };
    // The grid body is written as HTML when its rows change, and otherwise only the cells whose
    // state changed are touched: 181 × 19 cells rebuilt on every move of a lever would cost more
    // than everything else on the page.
    let tbody = NodeRef::<leptos::html::Tbody>::new();
    // Off screen, the grid waits (and keeps what it shows, to touch only what changed once it
    // comes into view); just off screen, it follows once the levers stop moving.
    let screen = super::state::ScreenWatch::new(move || wrap.get().map(Into::into));
    Effect::new(move |previous: Option<GridState>| {
        let Some(body) = tbody.get() else {
            return previous.unwrap_or_default();
        };
        let due = screen.due(&state);
        state.outcome.track();
        state.plan_outcome.track();
        state.model.track();
        first.track();
        window.track();
        shown.track();
        if !due {
            return previous.unwrap_or_default();
        }
        let model = state.model.get();
        let total = shown.with(Vec::len);
        let start = first.get().min(total.saturating_sub(1) / STEP * STEP);
        let end = (start + window.get()).min(total);
        let rows: Vec<usize> = shown.with(|r| r[start.min(end)..end].to_vec());
        let o = state.outcome.get();
        let p = state.plan_outcome.get();
        // Criteria met (bit k: criterion k), which the grid's columns show.
        let states: Vec<(ItemSet, ItemSet)> = rows
            .iter()
            .map(|&i| {
                (
                    model.shape.criteria_set(o.meets[i]),
                    model.shape.criteria_set(p.meets[i]),
                )
            })
            .collect();
        let criteria = model.plan.criteria.len();
        let same_rows = previous.as_ref().is_some_and(|g| {
            g.rows == rows && g.model.as_ref().is_some_and(|m| Arc::ptr_eq(m, &model))
        });
        let before = start > 0;
        if !same_rows {
            // Spacer rows stand for the rows outside the window, so the scroll bar is the
            // whole grid's; their heights are set through the style object (no inline style
            // in markup, which the page's Content-Security-Policy refuses).
            let spacer = format!(
                "<tr class=\"spacer\" aria-hidden=\"true\"><td colspan=\"{}\"></td></tr>",
                3 + criteria
            );
            let mut html = String::new();
            if before {
                html.push_str(&spacer);
            }
            html.push_str(&grid_rows_html(&model, &rows, &states));
            if end < total {
                html.push_str(&spacer);
            }
            body.set_inner_html(&html);
            let children = body.children();
            let px = row_px.get_value();
            let height = |tr: Option<web_sys::Element>, n: usize| {
                use wasm_bindgen::JsCast;
                if let Some(tr) = tr.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = tr
                        .style()
                        .set_property("height", &format!("{}px", n as f64 * px));
                }
            };
            if before {
                height(children.item(0), start);
            }
            if end < total {
                height(
                    children.item(children.length().saturating_sub(1)),
                    total - end,
                );
            }
        } else if let Some(prev) = &previous {
            let children = body.children();
            let offset = u32::from(before);
            for (j, (&i, &(after, in_plan))) in rows.iter().zip(&states).enumerate() {
                if prev.states[j] == (after, in_plan) {
                    continue;
                }
                let Some(tr) = children.item(j as u32 + offset) else {
                    continue;
                };
                let c = &model.table.communes[i];
                let had = model.shape.criteria_set(c.meets);
                let (old_after, old_plan) = prev.states[j];
                // Only what differs is written: a class restyles, a text lays the row out again.
                let class = row_class(had, after, in_plan, criteria);
                if class != row_class(had, old_after, old_plan, criteria) {
                    tr.set_class_name(&class);
                }
                let cells = tr.children();
                if after.count_ones() != old_after.count_ones() {
                    if let Some(count) = cells.item(2) {
                        count.set_text_content(Some(&after.count_ones().to_string()));
                    }
                }
                for k in 0..criteria {
                    let bit = 1 << k;
                    if (old_after ^ after) & bit == 0 && (old_plan ^ in_plan) & bit == 0 {
                        continue;
                    }
                    if let Some(td) = cells.item(3 + k as u32) {
                        let (class, mark) = cell_state(had, after, in_plan, bit);
                        let (old_class, old_mark) = cell_state(had, old_after, old_plan, bit);
                        if class != old_class {
                            td.set_class_name(class);
                        }
                        if mark != old_mark {
                            td.set_text_content(Some(mark));
                        }
                    }
                }
            }
        }
        GridState {
            model: Some(model),
            rows,
            states,
        }
    });
    let districts = move || state.model.with(|m| m.table.districts.clone());
    let header = move || {
        state.model.with(|m| {
            m.plan
                .criteria
                .iter()
                .map(|c| {
                    let title = state.lang.get().pick(c.name_vi.clone(), c.name_en.clone());
                    view! { <th scope="col" class="cell" title=title>{c.id}</th> }
                })
                .collect_view()
        })
    };
    let on_pick = move |target: Option<web_sys::EventTarget>| {
        use wasm_bindgen::JsCast;
        let target = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(row) = target.and_then(|t| t.closest("tr[data-row]").ok().flatten()) {
            if let Some(i) = row
                .get_attribute("data-row")
                .and_then(|r| r.parse::<usize>().ok())
            {
                state.selected_commune.set(Some(i));
            }
        }
    };
    view! {
        <section class="panel communes">
            <h3>{move || state.lang.get().fill(t::COMMUNES_GRID_TITLE, &[("criteria", &state.model.with(|m| m.plan.criteria.len()))])}</h3>
            <div class="filters">
                <label class:hidden=move || districts().is_empty()>
                    {move || state.tr(t::DISTRICT)}
                    <select data-testid="filter-district" on:change=move |ev| district.set(event_target_value(&ev))>
                        <option value="">{move || state.tr(t::ALL_OF_THEM)}</option>
                        {move || districts().into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    {move || state.tr(t::BORDER)}
                    <select data-testid="filter-border" on:change=move |ev| border.set(BorderFilter::from_key(&event_target_value(&ev)))>
                        <option value="">{move || state.tr(t::ALL_OF_THEM)}</option>
                        <option value=BorderFilter::Border.key()>{move || state.tr(t::HEADING_BORDER_COMMUNES)}</option>
                        <option value=BorderFilter::Inland.key()>{move || state.tr(t::INLAND_COMMUNES)}</option>
                    </select>
                </label>
                <label>
                    {move || state.tr(t::STATUS)}
                    <select
                        data-testid="filter-status"
                        on:change=move |ev| status.set(StatusFilter::from_key(&event_target_value(&ev)))
                    >
                        <option value="">{move || state.tr(t::ALL_OF_THEM)}</option>
                        <option value=StatusFilter::Certified.key()>{move || state.tr(t::CERTIFIED_END_OF_YEAR)}</option>
                        <option value=StatusFilter::Newly.key()>{move || state.tr(t::NEWLY_CERTIFIED)}</option>
                        <option value=StatusFilter::NotCertified.key()>{move || state.tr(t::NOT_CERTIFIED)}</option>
                        <option value=StatusFilter::DiffersFromPlan.key()>{move || state.tr(t::DIFFERENT_FROM_THE_PLAN)}</option>
                    </select>
                </label>
                <span class="grid-count" data-testid="grid-count">{note}</span>
            </div>
            <p class="legend">
                {move || state.tr(t::GRID_LEGEND)}
            </p>
            <div class="grid-wrap" node_ref=wrap on:scroll=move |_| on_scroll()>
                <table class="grid" data-testid="communes-grid" data-rows=move || shown.with(Vec::len)>
                    <thead>
                        <tr>
                            <th scope="col">{move || state.tr(t::COMMUNE)}</th>
                            <th scope="col">{move || state.model.with(|m| {
                                // The district where the table has any, else the commune group.
                                if !m.table.has_districts() && !m.plan.commune_groups.is_empty() {
                                    state.tr(t::COMMUNE_GROUP)
                                } else {
                                    state.tr(t::DISTRICT)
                                }
                            })}</th>
                            <th scope="col">{move || state.tr(t::MET)}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody
                        node_ref=tbody
                        on:click=move |ev| on_pick(ev.target())
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                on_pick(ev.target());
                            }
                        }
                    ></tbody>
                </table>
            </div>
            <CommuneDetails/>
        </section>
    }
}

/// What the grid shows now, to touch only what changes.
#[derive(Default)]
pub(super) struct GridState {
    model: Option<Arc<Model>>,
    rows: Vec<usize>,
    /// Per row shown: criteria met after this scenario, and after the plan scenario.
    states: Vec<(ItemSet, ItemSet)>,
}

#[component]
pub(super) fn CommuneDetails() -> impl IntoView {
    let state = use_state();
    move || {
        let i = state.selected_commune.get()?;
        let lang = state.lang.get();
        let (c, district, costs, names, met) = state.model.with(|m| {
            let c = m.table.communes.get(i)?.clone();
            let costs: Vec<f64> = (0..m.items()).map(|k| m.cost(i, k)).collect();
            // A row an item.
            let names: Vec<String> = (0..m.items())
                .map(|j| crate::text::item_label(&m.plan, j, lang))
                .collect();
            let met = (
                m.criteria_met(c.meets),
                m.criteria_met(state.outcome.with(|o| o.meets[i])),
            );
            Some((
                c,
                m.table
                    .district_name(&m.table.communes[i])
                    .unwrap_or("—")
                    .to_string(),
                costs,
                names,
                met,
            ))
        })?;
        let after = state.outcome.with(|o| o.meets[i]);
        let in_plan = state.plan_outcome.with(|p| p.meets[i]);
        let year = state.model.with(|m| m.plan.year);
        let flags: Vec<String> = [
            (c.border, lang.say(t::BORDER_MARK).to_string()),
            (c.difficult, lang.say(t::DIFFICULT).to_string()),
            (
                c.priority,
                lang.fill(t::REGISTERED_FOR_YEAR, &[("year", &year)]),
            ),
        ]
        .into_iter()
        .filter_map(|(on, label)| on.then_some(label))
        .collect();
        let rows = (0..state.model.with_untracked(|m| m.items()))
            .map(|k| {
                let bit = 1 << k;
                let status = if c.meets & bit != 0 {
                    lang.say(t::MET_AT_THE_START)
                } else if after & bit != 0 {
                    lang.say(t::GAINED_THIS_YEAR)
                } else if in_plan & bit != 0 {
                    lang.say(t::NOT_MET_THE_PLAN_MET)
                } else {
                    lang.say(t::NOT_MET)
                };
                let cost = if c.meets & bit != 0 {
                    String::new()
                } else {
                    amount(costs[k], 2, lang)
                };
                view! {
                    <tr>
                        <td>{names[k].clone()}</td>
                        <td>{status}</td>
                        <td class="num">{cost}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="commune-details" data-testid="commune-details" role="region" aria-label=c.name.clone()>
                <h4>
                    {format!("{} — {} ({})", c.name, district, c.id)}
                    <button type="button" class="link" aria-label=lang.say(t::CLOSE) on:click=move |_| state.selected_commune.set(None)>"×"</button>
                </h4>
                <p>
                    {format!(
                        "{}: {} → {}{}",
                        lang.say(t::HEADING_CRITERIA_MET),
                        met.0,
                        met.1,
                        if flags.is_empty() { String::new() } else { format!(" · {}", flags.join(" · ")) }
                    )}
                </p>
                <table>
                    <thead>
                        <tr>
                            <th>{lang.say(t::CRITERION)}</th>
                            <th>{lang.say(t::STATUS)}</th>
                            <th>{lang.say(t::COST_BN)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}
