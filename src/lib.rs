//! ntm-planner: a planning simulator for Vietnam's New Rural Development programme.

pub mod generate;
pub mod model;
