//! The planner's page (Leptos, client-side), by feature. It calls the same engine as the
//! command line; one scenario signal (`state`) is the source of truth, shared by context.

pub mod app;
pub mod canvas;
pub mod charts;
pub mod compare;
pub mod compare_view;
pub mod exports;
pub mod fields;
pub mod filters;
pub mod goals;
pub mod goals_view;
pub mod grid;
pub mod import;
pub mod levers;
pub mod map;
pub mod map_view;
pub mod merge_view;
pub mod path;
pub mod path_chart;
pub mod path_view;
pub mod path_years;
pub mod persistence;
pub mod plan_view;
pub mod plans;
pub mod presentation;
pub mod printed;
pub mod report;
pub mod results;
pub mod risk;
pub mod risk_view;
pub mod scenarios;
pub mod showing;
pub mod slices;
pub mod state;
pub mod targets;

pub use app::start;
