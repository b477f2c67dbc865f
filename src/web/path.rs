//! The path the page works on (*Lộ trình*, model.md §7.1): its settings, kept in storage and
//! in the link, and its outcome, worked out in slices once the levers settle. Read by the path
//! view, the report, the presentation, the exports and the risk run.
use crate::engine::path::{Path, PathOutcome};
use crate::formats::error::Input;
use crate::formats::link;
use crate::show::path::*;
use crate::text::sentences as t;
use leptos::prelude::*;
use std::sync::Arc;

/// The path the page shows: the first year's scenario is always the one on screen (what the
/// levers edit); later years keep the year before's unless given their own in the path view.
/// Targets, carry-over and cost growth are the path's own, kept whole from a path file.
fn shipped_path(plan: &crate::engine::Plan) -> Path {
    let scenario = crate::engine::Scenario::plan();
    // A plan the project ships no path with: four years from its own, no targets of its own.
    Path::shipped_for(plan, &scenario).unwrap_or_else(|| {
        Path {
            name: None,
            first_year: plan.year,
            years: 4,
            scenarios: Vec::new(),
            carry: Default::default(),
            cost_growth: 0.0,
            targets: Vec::new(),
        }
        .with_first_scenario(&scenario)
    })
}

/// The path as the page keeps it (storage, link): without the first year's scenario, which is
/// kept and linked as the scenario on screen.
pub fn kept_json(p: &Path, plan: &crate::engine::Plan) -> String {
    let mut p = p.clone();
    p.scenarios.retain(|(y, _)| *y != p.first_year);
    p.to_value(plan).to_string()
}

/// The path of the scenario shown, for the path view, the report, the presentation and the
/// exports alike.
#[derive(Clone, Copy)]
pub struct PathShown {
    pub settings: RwSignal<Path>,
    pub outcome: RwSignal<Arc<PathOutcome>>,
    /// Years run of the path being worked out, while it takes more than a slice.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

/// Where the page keeps the path (the scenario being worked on is kept with the saved ones).
/// Where the path is kept (each plan its own: `plans::kept_key`).
const PATH_KEY: &str = "ntm.path";

pub fn provide_path(state: super::state::State) -> PathShown {
    let keeping = super::persistence::use_keeping();
    let plan = state.model.with_untracked(|m| m.plan.clone());
    // A link's path, else the one kept from the last visit, else the shipped default. What
    // cannot be read is named; the default is shown and the kept text is left as it was
    // until the planner changes the path.
    let hash = super::persistence::location_hash();
    let kept = if hash.trim_start_matches('#').is_empty() {
        super::persistence::storage()
            .and_then(|s| {
                s.get_item(&super::plans::kept_key_in_use(PATH_KEY))
                    .ok()
                    .flatten()
            })
            .map(|text| (text, Input::SavedPath))
    } else {
        link::path_part(&hash).map(|text| (text, Input::PathInLink))
    };
    let start = match kept {
        None => shipped_path(&plan),
        Some((text, input)) => match Path::from_json(&text, &plan, input) {
            Ok(p) => p,
            Err(e) => {
                keeping.notice.set(Some(super::persistence::Notice::problem(
                    &e,
                    t::NOTICE_KEPT_PATH_UNREADABLE,
                )));
                shipped_path(&plan)
            }
        },
    };
    // Nothing worked out yet: the first outcome comes once the headline is painted.
    let years = start.years;
    let settings = RwSignal::new(start);
    let outcome = RwSignal::new(Arc::new(crate::engine::path::PathOutcome {
        years: Vec::new(),
        targets: Vec::new(),
    }));
    let progress = RwSignal::new(Some((0, years)));
    // Four years cost four preparations of the table: worked out once the levers settle, a
    // year at a time between frames (the country's table takes several frames).
    let job = StoredValue::new(0u64);
    let work_out = move |p: Path| {
        let model = state.model.get_untracked();
        let path = state
            .scenario
            .with_untracked(|scenario| with_scenario(&p, scenario));
        let run = crate::engine::path::PathRun::new(&model);
        super::slices::sliced(
            job,
            (run, path, model),
            |(run, path, model)| run.step(path, model, &mut crate::engine::run::Certain),
            move |(run, path, _)| progress.set(Some((run.done(), path.years))),
            move |(run, path, _)| {
                outcome.set(Arc::new(run.finish(&path)));
                if progress.get_untracked().is_some() {
                    progress.set(None);
                }
            },
        );
    };
    Effect::new(move |first_run: Option<()>| {
        let p = settings.get();
        state.settled.track();
        match first_run {
            Some(()) => work_out(p),
            // The answer first: the path's first years once the headline is on screen.
            None => super::slices::once_painted(job, move || work_out(settings.get_untracked())),
        }
    });
    // Sync with the outside: the path goes into the link (only when it is not the shipped
    // one) and into storage, once the planner changes it.
    Effect::new(move |first: Option<()>| {
        let p = settings.get();
        let json = state.model.with_untracked(|m| {
            let default = shipped_path(&m.plan);
            (with_scenario(&p, &Default::default()) != with_scenario(&default, &Default::default()))
                .then(|| kept_json(&p, &m.plan))
        });
        if keeping.path_part.get_untracked() != json {
            keeping.path_part.set(json.clone());
        }
        if first.is_some() {
            if let Some(s) = super::persistence::storage() {
                let kept = match &json {
                    Some(text) => s.set_item(&super::plans::kept_key_in_use(PATH_KEY), text),
                    None => s.remove_item(&super::plans::kept_key_in_use(PATH_KEY)),
                };
                if kept.is_err() {
                    keeping.notice.set(Some(super::persistence::Notice::info(
                        t::NOTICE_CANNOT_SAVE,
                        &[],
                    )));
                }
            }
        }
    });
    // Back and Forward bring the path of that step back too.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        // Another plan's link: the page is built again for it (`web::persistence`).
        if super::plans::link_is_for_another_plan() {
            return;
        }
        let plan = state.model.with_untracked(|m| m.plan.clone());
        let p = match link::path_part(&super::persistence::location_hash()) {
            None => Ok(shipped_path(&plan)),
            Some(text) => Path::from_json(&text, &plan, Input::PathInLink),
        };
        // A broken path typed into the address bar is named and the path on screen stays (and
        // with it the kept one); it was ignored, then overwritten by the link's next write.
        match p {
            Ok(p) if p != settings.get_untracked() => settings.set(p),
            Ok(_) => {}
            Err(e) => keeping.notice.set(Some(super::persistence::Notice::problem(
                &e,
                t::NOTICE_LINK_PATH_BROKEN,
            ))),
        }
    });
    let shown = PathShown {
        settings,
        outcome,
        progress,
    };
    provide_context(shown);
    shown
}
