//! ntm-planner: a planning simulator for Vietnam's New Rural Development programme.

pub mod generate;
pub mod model;
pub mod presets;

#[cfg(target_arch = "wasm32")]
pub mod web;
