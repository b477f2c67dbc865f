//! ntm-planner: a planning simulator for Vietnam's New Rural Development programme.

// Criteria and sources are indexed across several arrays at once (plan, levers, results).
#![allow(clippy::needless_range_loop)]

pub mod generate;
pub mod model;
pub mod presets;
pub mod risk_worker;

#[cfg(target_arch = "wasm32")]
pub mod web;
