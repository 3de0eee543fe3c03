//! The pure core of tier-breakdown: everything between a results file's
//! text and a chart's view model, with no browser crate on any target.
//!
//! Layers, lowest first (a module may use only those before it; the order is
//! the one in ARCHITECTURE.md, and `tests/layers.rs` enforces it):
//! `json`, `fold`, `seed`, `minify`, `dom`, `options` → `model` → `problem` → `i18n` →
//! `format` → `validate` → `stack` → `layout` → `drill`, `export` →
//! `svg`, `parts` → `prerender`.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod dom;
pub mod drill;
pub mod export;
pub mod fold;
pub mod format;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod minify;
pub mod model;
pub mod options;
pub mod parts;
pub mod prerender;
pub mod problem;
pub mod seed;
pub mod stack;
pub mod svg;
pub mod validate;
