//! The risk draws off the page's main thread: the messages between the page and its Web Worker,
//! and the worker's side. The page sends a job (the commune table when it changed, the scenario
//! and the risk settings, as the files the command line reads), then asks for draws range by
//! range; the worker answers each request with as many draws as it computes in about
//! [`SLICE_MS`], so a newer job is never queued behind a long one and the page can show progress.

use crate::model::risk::{Draw, RiskRun, RiskSettings};
use crate::model::{CommuneTable, Model, Plan, Scenario};
use serde::{Deserialize, Serialize};

/// How long the worker computes before answering (ms).
pub const SLICE_MS: f64 = 40.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RiskRequest {
    /// A new commune table (sent whole: the worker must use exactly the page's costs).
    Table(CommuneTable),
    /// A new job on the last table: the scenario and settings as JSON (model.md §4, §7.3).
    Job {
        job: u64,
        scenario: String,
        settings: String,
    },
    /// Draws `from..to` of `job` (the worker may answer with fewer).
    Draws { job: u64, from: u64, to: u64 },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RiskReply {
    Draws {
        job: u64,
        from: u64,
        draws: Vec<Draw>,
    },
    Failed {
        job: u64,
        message: String,
    },
}

/// What the worker holds between messages.
#[derive(Default)]
pub struct RiskJobs {
    model: Option<Model>,
    job: Option<(u64, Scenario, RiskSettings)>,
}

impl RiskJobs {
    /// Handles one request; `now` is a clock in ms (the worker's `Date.now`).
    pub fn handle(&mut self, request: RiskRequest, now: impl Fn() -> f64) -> Option<RiskReply> {
        match request {
            RiskRequest::Table(table) => {
                self.model = Some(Model::new(Plan::lang_son_2022(), table));
                None
            }
            RiskRequest::Job {
                job,
                scenario,
                settings,
            } => {
                let plan = Plan::lang_son_2022();
                let parsed = Scenario::from_json(&scenario, &plan, "scenario").and_then(|s| {
                    RiskSettings::from_json(&settings, &plan, "risk").map(|r| (s, r))
                });
                match parsed {
                    Ok((s, r)) => {
                        self.job = Some((job, s, r));
                        None
                    }
                    Err(e) => Some(RiskReply::Failed {
                        job,
                        message: e.to_string(),
                    }),
                }
            }
            RiskRequest::Draws { job, from, to } => {
                let model = self.model.get_or_insert_with(Model::shipped);
                let (current, scenario, settings) = self.job.as_ref()?;
                if *current != job {
                    return None;
                }
                let run = RiskRun::new(model, scenario, settings.clone());
                let start = now();
                let mut draws = Vec::new();
                for d in from..to {
                    draws.push(run.draw(d));
                    if now() - start > SLICE_MS {
                        break;
                    }
                }
                Some(RiskReply::Draws { job, from, draws })
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub mod worker {
    use super::*;
    use gloo_worker::{HandlerId, Worker, WorkerScope};

    pub struct RiskWorker(RiskJobs);

    impl Worker for RiskWorker {
        type Message = ();
        type Input = RiskRequest;
        type Output = RiskReply;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            RiskWorker(RiskJobs::default())
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn received(&mut self, scope: &WorkerScope<Self>, msg: RiskRequest, id: HandlerId) {
            if let Some(reply) = self.0.handle(msg, js_sys::Date::now) {
                scope.respond(id, reply);
            }
        }
    }
}
