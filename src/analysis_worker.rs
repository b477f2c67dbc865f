//! The risk draws off the page's main thread: the messages between the page and its Web Worker,
//! and the worker's side. The page sends a job (the plan and commune table when they changed, the
//! scenario and the risk settings, as the files the command line reads), then asks for draws range by
//! range; the worker answers each request with as many draws as it computes in about
//! [`SLICE_MS`], so a newer job is never queued behind a long one and the page can show progress.

use crate::engine::path::Path;
use crate::engine::risk::{path_draw, Draw, RiskRun, RiskSettings, PATH_DRAWS};
use crate::engine::{CommuneTable, Model, Plan, Scenario};
use serde::{Deserialize, Serialize};

/// How long the worker computes before answering (ms).
pub const SLICE_MS: f64 = 40.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AnalysisRequest {
    /// The page's plan and commune table, when either changed (sent whole: the worker must
    /// use exactly the page's plan and costs).
    Model {
        plan: Box<Plan>,
        table: CommuneTable,
    },
    /// A new job on the last table: the scenario and settings as JSON (model.md §4, §7.3).
    Job {
        job: u64,
        scenario: String,
        settings: String,
        /// The path (model.md §7.1) to draw too, for its first [`PATH_DRAWS`] draws.
        path: Option<String>,
    },
    /// Draws `from..to` of `job` (the worker may answer with fewer).
    Draws { job: u64, from: u64, to: u64 },
    /// The search of a goal (model.md §7.2) for the scenario (JSON) on the last table; the page
    /// makes the answer of what is found.
    Seek {
        seek: u64,
        scenario: String,
        goal: crate::engine::goals::Goal,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AnalysisReply {
    Draws {
        job: u64,
        from: u64,
        draws: Vec<Draw>,
        /// Certified communes year by year, for the draws of `draws` that have a path draw.
        paths: Vec<Vec<u32>>,
    },
    Failed {
        job: u64,
        message: String,
    },
    Sought {
        seek: u64,
        found: crate::engine::goals::Found,
    },
}

impl AnalysisRequest {
    /// The page's model for the worker: its plan and commune table.
    pub fn model(model: &Model) -> AnalysisRequest {
        AnalysisRequest::Model {
            plan: Box::new(model.plan.clone()),
            table: model.table.clone(),
        }
    }
}

/// What the worker holds between messages.
#[derive(Default)]
pub struct RiskJobs {
    model: Option<Model>,
    job: Option<(u64, Scenario, RiskSettings, Option<Path>)>,
}

/// Draws `from..to` of one job, one-year and (for the first [`PATH_DRAWS`]) path, until
/// `out_of_time` says stop; shared by the worker and the page's main-thread slices.
pub fn draw_slice(
    model: &Model,
    scenario: &Scenario,
    settings: &RiskSettings,
    path: Option<&Path>,
    from: u64,
    to: u64,
    mut out_of_time: impl FnMut() -> bool,
) -> (Vec<Draw>, Vec<Vec<u32>>) {
    let run = RiskRun::new(model, scenario, settings.clone());
    let mut draws = Vec::new();
    let mut paths = Vec::new();
    for d in from..to {
        draws.push(run.draw(d));
        if let Some(p) = path.filter(|_| d < PATH_DRAWS) {
            paths.push(path_draw(p, model, settings, d));
        }
        if out_of_time() {
            break;
        }
    }
    (draws, paths)
}

impl RiskJobs {
    /// Handles one request; `now` is a clock in ms (the worker's `Date.now`).
    pub fn handle(
        &mut self,
        request: AnalysisRequest,
        now: impl Fn() -> f64,
    ) -> Option<AnalysisReply> {
        match request {
            AnalysisRequest::Model { plan, table } => {
                // A plan crosses without its items (they are made from its criteria): made
                // again here, as every reader of a plan does.
                // (The page's plan was prepared there: a failure here is no plan to draw on.)
                let mut plan = *plan;
                self.model = plan.prepare().is_ok().then(|| Model::new(plan, table));
                None
            }
            AnalysisRequest::Job {
                job,
                scenario,
                settings,
                path,
            } => {
                let plan = &self.model.get_or_insert_with(Model::shipped).plan;
                let parsed = Scenario::from_json(&scenario, plan, "scenario").and_then(|s| {
                    let r = RiskSettings::from_json(&settings, plan, "risk")?;
                    let p = match path {
                        Some(text) => Some(Path::from_json(&text, plan, "path")?),
                        None => None,
                    };
                    Ok((s, r, p))
                });
                match parsed {
                    Ok((s, r, p)) => {
                        self.job = Some((job, s, r, p));
                        None
                    }
                    Err(e) => Some(AnalysisReply::Failed {
                        job,
                        message: e.to_string(),
                    }),
                }
            }
            AnalysisRequest::Seek {
                seek,
                scenario,
                goal,
            } => {
                let model = self.model.get_or_insert_with(Model::shipped);
                match Scenario::from_json(&scenario, &model.plan, "scenario") {
                    Ok(s) => Some(AnalysisReply::Sought {
                        seek,
                        found: crate::engine::goals::search(model, &s, goal),
                    }),
                    Err(e) => Some(AnalysisReply::Failed {
                        job: seek,
                        message: e.to_string(),
                    }),
                }
            }
            AnalysisRequest::Draws { job, from, to } => {
                let model = self.model.get_or_insert_with(Model::shipped);
                let (current, scenario, settings, path) = self.job.as_ref()?;
                if *current != job {
                    return None;
                }
                let start = now();
                let (draws, paths) =
                    draw_slice(model, scenario, settings, path.as_ref(), from, to, || {
                        now() - start > SLICE_MS
                    });
                Some(AnalysisReply::Draws {
                    job,
                    from,
                    draws,
                    paths,
                })
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub mod worker {
    use super::*;
    use gloo_worker::{HandlerId, Worker, WorkerScope};

    pub struct AnalysisWorker(RiskJobs);

    impl Worker for AnalysisWorker {
        type Message = ();
        type Input = AnalysisRequest;
        type Output = AnalysisReply;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            AnalysisWorker(RiskJobs::default())
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn received(&mut self, scope: &WorkerScope<Self>, msg: AnalysisRequest, id: HandlerId) {
            if let Some(reply) = self.0.handle(msg, js_sys::Date::now) {
                scope.respond(id, reply);
            }
        }
    }
}
