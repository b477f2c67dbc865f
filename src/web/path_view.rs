//! The path view: the last year and its targets, carry-over, cost growth, the path file, the
//! years' table.
use super::path::PathShown;
use super::state::use_state;
use crate::engine::path::{Carry, Measure, Path};
use crate::show::path::*;
use crate::text::number::{number, parse_number};
use crate::text::sentences as t;
use crate::text::Lang;
use leptos::prelude::*;

/// A whole number typed in a small field; anything else leaves the setting as it was.
fn whole(text: &str, lang: Lang, max: u32) -> Option<u32> {
    let x = parse_number(text, lang).ok()?;
    (x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x)).then_some(x as u32)
}

#[component]
/// The path panel; `children` are its years' scenarios and its chart (placed by the app).
pub fn PathView(children: Children) -> impl IntoView {
    let state = use_state();
    let PathShown {
        settings,
        outcome,
        progress,
    } = expect_context::<PathShown>();
    let risk_band = use_context::<super::risk::Shown>().map(|s| s.path_band);
    let lang = move || state.lang.get();
    let keeping = super::persistence::use_keeping();
    let download_path = move |_| {
        let (json, name) = state.model.with_untracked(|m| {
            let p = with_scenario(&settings.get_untracked(), &state.scenario.get_untracked());
            (p.to_json(&m.plan), state.scenario_name())
        });
        super::persistence::download(
            &format!("lo-trinh-{}.json", super::persistence::file_name(&name)),
            "application/json",
            json.as_bytes(),
        );
    };
    let path_file = NodeRef::<leptos::html::Input>::new();
    // A path file (model.md §7.1, what `ntm path --path` reads): its first year's scenario
    // becomes the one on screen; its later years' scenarios and all its targets are kept.
    let open_path = move |_| {
        let Some(input) = path_file.get() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = super::persistence::read_file(&input).await else {
                return;
            };
            input.set_value("");
            let plan = state.model.with_untracked(|m| m.plan.clone());
            let text = String::from_utf8_lossy(&bytes).into_owned();
            match Path::from_json(&text, &plan, &name) {
                Ok(p) => {
                    if let Some((_, first)) = p.scenarios.iter().find(|(y, _)| *y == p.first_year) {
                        state.replace(first.clone());
                    }
                    settings.set(p);
                    keeping.notice.set(Some(super::persistence::Notice::info(
                        t::NOTICE_PATH_OPENED,
                        &[("name", &name)],
                    )));
                }
                Err(e) => keeping.notice.set(Some(super::persistence::Notice::problem(
                    &e,
                    t::NOTICE_PATH_UNCHANGED,
                ))),
            }
        });
    };
    let field_error = RwSignal::new(None::<&'static str>);
    let set_whole = move |ev: leptos::ev::Event, max: u32, measure: Measure| match whole(
        &event_target_value(&ev),
        state.lang.get_untracked(),
        max,
    ) {
        Some(v) => {
            field_error.set(None);
            settings.update(|p| set_last_target(p, measure, f64::from(v)));
        }
        None => field_error.set(Some("whole")),
    };
    let verdict = move || {
        let o = outcome.get();
        let l = lang();
        state.model.with(|m| {
            o.targets
                .iter()
                .map(|c| target_sentence(c, &m.plan, l, true))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <section class="panel path" data-testid="path-view" aria-labelledby="path-title">
            <h3 id="path-title">{move || state.tr(t::PATH_PANEL_TITLE)}</h3>
            <p class="hint">{move || state.tr(t::PATH_PANEL_HINT)}</p>
            <div class="path-settings">
                <label>
                    <span>{move || state.tr(t::FROM_YEAR)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-first-year"
                        prop:value=move || settings.with(|p| p.first_year.to_string())
                        on:change=move |ev| match whole(&event_target_value(&ev), state.lang.get_untracked(), 2090) {
                            Some(y) if y >= 2000 => {
                                field_error.set(None);
                                settings.update(|p| set_first_year(p, y as u16));
                            }
                            _ => field_error.set(Some("year")),
                        }/>
                </label>
                <label>
                    <span>{move || state.tr(t::UNTIL)}</span>
                    <select data-testid="path-last-year" on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                            settings.update(|p| set_last_year(p, y));
                        }
                    }>
                        {move || {
                            let first_year = settings.with(|s| s.first_year);
                            (first_year..first_year + crate::engine::path::MAX_YEARS as u16)
                                .map(|y| view! { <option value=y.to_string() prop:selected=move || settings.with(|p| last_year(p) == y)>{y}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>{move || state.tr(t::TARGET_CERTIFIED_COMMUNES)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-certified"
                        prop:value=move || settings.with(|p| last_target(p, Measure::Certified).map_or(String::new(), |v| v.to_string()))
                        on:change=move |ev| set_whole(ev, 50_000, Measure::Certified)/>
                </label>
                <label>
                    <span>{move || state.tr(t::NO_COMMUNE_UNDER_CRITERIA)}</span>
                    <input type="text" inputmode="numeric" class="number small" data-testid="path-target-min"
                        prop:value=move || settings.with(|p| last_target(p, Measure::MinCriteria).map_or(String::new(), |v| v.to_string()))
                        on:change=move |ev| set_whole(ev, state.model.with_untracked(|m| m.plan.criteria.len()) as u32, Measure::MinCriteria)/>
                </label>
                <label>
                    <span>{move || state.tr(t::COSTS_GROW_A_YEAR)}</span>
                    <input type="text" inputmode="decimal" class="number small" data-testid="path-cost-growth"
                        prop:value=move || number(settings.with(|s| s.cost_growth) * 100.0, 1, lang())
                        on:change=move |ev| {
                            match parse_number(&event_target_value(&ev), state.lang.get_untracked()) {
                                Ok(p) if (-50.0..=100.0).contains(&p) => {
                                    field_error.set(None);
                                    settings.update(|s| s.cost_growth = p / 100.0);
                                }
                                _ => field_error.set(Some("growth")),
                            }
                        }/>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="path-carry" prop:checked=move || settings.with(carries_all)
                        on:change=move |ev| {
                            let share = if event_target_checked(&ev) { 1.0 } else { 0.0 };
                            settings.update(|s| s.carry = Carry { undisbursed: share, idle: share, unused: share });
                        }/>
                    <span>{move || state.tr(t::PATH_CARRY_LEFTOVER)}</span>
                </label>
            </div>
            <p class="field-error" role="alert" data-testid="path-error">
                {move || field_error.get().map(|which| match which {
                    "growth" => state.tr(t::PATH_GROWTH_INVALID),
                    "year" => state.tr(t::PATH_FIRST_YEAR_INVALID),
                    _ => state.tr(t::PATH_TARGET_INVALID),
                })}
            </p>
            <p class="path-verdict" data-testid="path-verdict">{verdict}</p>
            {move || {
                let communes = state.model.with(|m| m.table.communes.len()) as u32;
                let said: Vec<String> = settings.with(|p| {
                    p.certified_targets_beyond(communes)
                        .into_iter()
                        .map(|target| {
                            let l = lang();
                            l.fill(t::PATH_TARGET_BEYOND_THE_TABLE, &[("target", &number(target.target, 0, l)), ("year", &target.year), ("communes", &number(f64::from(communes), 0, l))])
                        })
                        .collect()
                });
                (!said.is_empty()).then(|| view! { <p class="field-note warn" data-testid="path-target-beyond" role="status">{said.join(" ")}</p> })
            }}
            {move || progress.get().map(|(done, of)| view! {
                <p class="hint working" role="status" data-testid="path-progress">
                    {lang().fill(t::PATH_PROGRESS, &[("done", &done), ("of", &of)])}
                </p>
            })}
            <div class="file-buttons">
                <button type="button" data-testid="download-path" on:click=download_path>
                    {move || state.tr(t::DOWNLOAD_PATH_FILE)}
                </button>
                <label class="file-button">
                    <span>{move || state.tr(t::OPEN_PATH_FILE)}</span>
                    <input type="file" accept=".json,application/json" data-testid="open-path" node_ref=path_file on:change=open_path/>
                </label>
            </div>
            {children()}
            <div class="table-scroll">
            <table class="path-table">
                <thead><tr>
                    <th scope="col">{move || state.tr(t::YEAR)}</th>
                    <th scope="col">{move || state.tr(t::CERTIFIED)}</th>
                    <th scope="col">{move || state.tr(t::CRITERIA_A_COMMUNE)}</th>
                    <th scope="col">{move || state.tr(t::HEADING_BORDER_AVERAGE)}</th>
                    <th scope="col">{move || state.tr(t::HEADING_LOWEST_COMMUNE_CRITERIA)}</th>
                    <th scope="col">{move || state.tr(t::SHORT)}</th>
                    <th scope="col">{move || state.tr(t::CARRIED_OVER)}</th>
                    <th scope="col">{move || state.tr(t::RISK_P10_P90_CERTIFIED)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let o = outcome.get();
                        let carry = settings.with(|p| p.carry);
                        let bands = risk_band.and_then(|b| b.get()).filter(|b| b.len() == o.years.len());
                        crate::show::path_rows(&o, &carry, lang()).into_iter().enumerate().map(|(i, r)| {
                            let band = bands.as_ref().map(|b| format!("{}–{}", b[i].p10, b[i].p90));
                            let y = r.year;
                            view! {
                                <tr>
                                    <th scope="row">{y}</th>
                                    <td data-testid=format!("path-certified-{y}")>{r.certified}</td>
                                    <td data-testid=format!("path-avg-{y}")>{r.average}</td>
                                    <td data-testid=format!("path-border-{y}")>{r.border}</td>
                                    <td>{r.lowest}</td>
                                    <td>{r.shortfall}</td>
                                    <td>{r.carried}</td>
                                    <td class="band" data-testid=format!("path-band-{y}")>{band}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </section>
    }
}
