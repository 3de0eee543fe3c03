//! `editor.html`: a journalist's page that turns a report's figures into a
//! published chart, in the browser, offline. Ways in (a pasted table, a
//! results file, the built-in example, a blank file), a form for every
//! field of the format, the real widget as a live preview with every
//! problem linked to its field, and ways out (the results file, three
//! embed codes, the standalone file, alt text). The draft is kept in the
//! browser's storage as the user types.
//!
//! Idiomatic Leptos (`#[component]`, `view!`, signals): these bytes are
//! the editor's, not the readers'. The model is `tier_breakdown_draft`;
//! validation, the summary and the standalone file are the core's and the
//! native tool's own code.
#![cfg(target_arch = "wasm32")]
#![warn(clippy::too_many_lines)]

mod app;
mod browser;
mod form;
mod mapping;
mod paste;
mod preview;
mod publish;
mod state;
mod text;

pub use app::App;
