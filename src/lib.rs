//! ntm-planner: a planning simulator for Vietnam's New Rural Development programme.
//!
//! `engine` is pure (no web, no text, no formats) and depends on nothing else of the crate;
//! `text` (languages, numbers, the sentence catalogue) and `formats` (files, links, storage,
//! tables, sheets) sit around it, `charts` draws; the page (`web`) depends on them all and
//! nothing depends on it.

// Criteria and sources are indexed across several arrays at once (plan, levers, results).
#![allow(clippy::needless_range_loop)]

pub mod analysis_worker;
pub mod charts;
pub mod engine;
pub mod formats;
pub mod show;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;
