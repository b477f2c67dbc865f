//! One scenario a year in the path view.
use super::fields::NumberField;
use super::state::use_state;
use crate::engine::path::{Path, PathOutcome};
use crate::show::path::*;
use crate::text::sentences as t;
use leptos::prelude::*;
use std::sync::Arc;

/// One scenario a year: the first year's is the one on screen; each later year keeps the year
/// before's ("same as last year", the default) or has its own, edited here lever by lever
/// (the registry's funding, disbursement and investment) or taken from a saved scenario.
#[component]
pub fn YearScenarios() -> impl IntoView {
    let super::path::PathShown {
        settings, outcome, ..
    } = expect_context::<super::path::PathShown>();
    let state = use_state();
    let lang = move || state.lang.get();
    let editing = RwSignal::new(None::<u16>);
    // The year being edited: the one picked, while it is in the path; else the first.
    let year = Memo::new(move |_| {
        settings.with(|p| {
            editing
                .get()
                .filter(|y| (p.first_year..=last_year(p)).contains(y))
                .unwrap_or(p.first_year)
        })
    });
    let own = move |y: u16| {
        settings.with(|p| y != p.first_year && p.scenarios.iter().any(|(l, _)| *l == y))
    };
    let tabs = move || {
        let (first, last) = settings.with(|p| (p.first_year, last_year(p)));
        (first..=last)
            .map(|y| {
                let status = move || {
                    if y == first {
                        state.tr(t::PATH_YEAR_STATUS_SHOWN)
                    } else if own(y) {
                        state.tr(t::PATH_YEAR_STATUS_OWN)
                    } else {
                        state.tr(t::PATH_YEAR_STATUS_SAME)
                    }
                };
                view! {
                    <button type="button" role="tab" class="year-tab" class:own=move || own(y)
                        aria-selected=move || (year.get() == y).to_string()
                        data-testid=format!("path-year-{y}")
                        on:click=move |_| editing.set(Some(y))>
                        <strong>{y}</strong>
                        <small>{status}</small>
                    </button>
                }
            })
            .collect_view()
    };
    // Own scenario for `y`: the one in force that year with its investment as the numbers the
    // path used, so that the results do not move until a lever does.
    let make_own = move |y: u16| {
        let first = state.scenario.get_untracked();
        let o = outcome.get_untracked();
        settings.update(|p| {
            let mut s = with_scenario(p, &first)
                .scenario_for(y)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            if let Some(yo) = o.years.iter().find(|yo| yo.year == y) {
                for (j, item) in yo.outcome.items.iter().enumerate() {
                    s.investment[j] = Some(item.investment);
                }
            }
            s.name = None;
            p.set_scenario(y, s);
        });
    };
    let take_from = move |y: u16, key: String| {
        let all = super::compare::candidates(&state);
        if let Some((_, _, s)) = all.into_iter().find(|(k, _, _)| *k == key) {
            settings.update(|p| p.set_scenario(y, s));
        }
    };
    let editor = move || {
        let y = year.get();
        let first = settings.with_untracked(|p| p.first_year);
        if y == first {
            return view! {
                <p class="hint" data-testid="path-year-note">
                    {move || lang().fill(t::PATH_FIRST_YEAR_NOTE, &[("year", &y)])}
                </p>
            }
            .into_any();
        }
        let fields = move || {
            own(y).then(|| {
                let choices = super::compare::candidates(&state);
                view! {
                    <label>
                        <span>{move || state.tr(t::PATH_YEAR_TAKE_FROM)}</span>
                        <select data-testid="path-year-from" on:change=move |ev| take_from(y, event_target_value(&ev))>
                            <option value="" selected>{move || state.tr(t::CHOOSE)}</option>
                            {choices.into_iter().map(|(key, name, _)| view! { <option value=key>{name}</option> }).collect_view()}
                        </select>
                    </label>
                    <YearLevers settings=settings outcome=outcome year=y/>
                }
            })
        };
        view! {
            <div class="year-editor" data-testid="path-year-editor">
                <label class="check">
                    <input type="checkbox" data-testid="path-same" prop:checked=move || !own(y)
                        on:change=move |ev| {
                            if event_target_checked(&ev) {
                                settings.update(|p| p.unset_scenario(y));
                            } else {
                                make_own(y);
                            }
                        }/>
                    <span>{move || lang().fill(t::PATH_YEAR_SAME_TOGGLE, &[("year", &y), ("before", &(y - 1))])}</span>
                </label>
                {fields}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="year-scenarios" data-testid="path-years">
            <h4>{move || state.tr(t::PATH_YEARS_HEADING)}</h4>
            <div class="year-tabs" role="tablist">{tabs}</div>
            {editor}
        </div>
    }
}

/// The levers of one year's own scenario, from the registry: funding and disbursement per
/// source, investment per criterion. Each value shown is the one in force that year.
#[component]
pub(super) fn YearLevers(
    settings: RwSignal<Path>,
    outcome: RwSignal<Arc<PathOutcome>>,
    year: u16,
) -> impl IntoView {
    use crate::engine::lever::{Lever, Value, DISBURSEMENT, FUNDING, INVESTMENT};
    let state = use_state();
    let row = move |lever: Lever| {
        let (key, name_vi, name_en) = state.model.with_untracked(|m| {
            let key = lever.item_key(&m.plan).unwrap_or_default().to_string();
            match lever.family {
                INVESTMENT => (
                    key,
                    crate::text::item_label(&m.plan, lever.item, crate::text::Lang::Vi),
                    crate::text::item_label(&m.plan, lever.item, crate::text::Lang::En),
                ),
                _ => {
                    let src = &m.plan.sources[lever.item];
                    (key, src.name_vi.clone(), src.name_en.clone())
                }
            }
        });
        let field = state
            .model
            .with_untracked(|m| crate::show::fields::FieldFormat::of(lever.family(), &m.plan));
        let value = Signal::derive(move || {
            let set = settings.with(|p| {
                p.scenarios
                    .iter()
                    .find(|(y, _)| *y == year)
                    .and_then(|(_, s)| lever.get(s))
            });
            let x = match set {
                Some(Value::Number(x)) => x,
                _ if lever.family == INVESTMENT => outcome.with(|o| {
                    o.years
                        .iter()
                        .find(|y| y.year == year)
                        .map_or(0.0, |y| y.outcome.items[lever.item].investment)
                }),
                _ => state
                    .model
                    .with(|m| lever.default_in(m).number().unwrap_or(0.0)),
            };
            field.shown(x)
        });
        let on_commit = Callback::new(move |x: f64| {
            let v = field.value(x);
            settings.update(|p| {
                if let Some((_, s)) = p.scenarios.iter_mut().find(|(y, _)| *y == year) {
                    lever.set(s, Some(Value::Number(v)));
                }
            });
        });
        let name = Signal::derive(move || state.lang.get().pick(&name_vi, &name_en).to_string());
        // Read aloud with its year: the same source is a lever of the scenario on screen too.
        let label = Signal::derive(move || format!("{year}: {}", name.get()));
        let (limit, unit, decimals) = (field.limit, field.unit, field.decimals);
        view! {
            <div class="lever-row">
                <span class="lever-name">{move || name.get()}</span>
                <NumberField value=value on_commit=on_commit
                    testid=format!("path-{}-{key}", lever.family().key)
                    label=label limit=limit decimals=decimals unit=unit/>
            </div>
        }
    };
    let family = move |f: usize| {
        (0..state
            .model
            .with_untracked(|m| crate::engine::lever::FAMILIES[f].count(&m.plan)))
            .map(|i| row(Lever::new(f, i)))
            .collect_view()
    };
    view! {
        <div class="year-levers">
            <fieldset>
                <legend>{move || state.tr(t::FUNDING_BILLION_VND)}</legend>
                {family(FUNDING)}
            </fieldset>
            <fieldset>
                <legend>{move || state.tr(t::HEADING_DISBURSEMENT_PERCENT)}</legend>
                {family(DISBURSEMENT)}
            </fieldset>
            <details>
                <summary>{move || state.tr(t::INVESTMENT_BY_CRITERION_BILLION_VND)}</summary>
                {family(INVESTMENT)}
            </details>
        </div>
    }
}
