//! tier-breakdown's browser widget: the shell around
//! [`tier_breakdown_core`]. It reads a widget's options, loads its results
//! file, and draws what the core computed with Leptos signals and a small
//! DOM builder. [`component::TierBreakdown`] is the same widget as a Leptos
//! component. Natively the crate is empty: every module needs a browser.
//!
//! Layers, lowest first (a module may use only those before it; checked by
//! the core's `tests/layers.rs`): `rx`, `browser`, `load`, `frame` → `ui` → `component`, `app`.
#![cfg(target_arch = "wasm32")]
#![warn(clippy::too_many_lines)]

pub mod app;
pub mod browser;
#[cfg(feature = "component")]
pub mod component;
pub mod frame;
pub mod load;
pub mod rx;
pub mod ui;
