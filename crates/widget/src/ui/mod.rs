//! The widget's parts: they draw what the core's `layout` and `drill`
//! computed, with the element builder of [`dom`], and hold the reader's
//! state (selection, period, unit, width) in Leptos signals. One part a
//! file; each appends its own elements, keeps the handles it needs, and
//! owns its listeners and effects. Inline styles are only ever set through
//! the CSSOM, never as `style` attributes, so a strict `style-src` CSP
//! allows them.
//!
//! Layers, lowest first: `dom` (with `action`) → `view` → the leaf parts
//! (`errors`, `skeleton`, `legend`, `tooltip`; the pure trees of most parts are the core's `parts`) → the
//! parts built on them → `chart` → `widget`.

mod action;
mod announce;
mod bars;
mod chart;
mod compare;
mod dom;
mod drill;
mod errors;
mod header;
mod legend;
mod ranking;
mod skeleton;
mod tools;
mod tooltip;
mod unit_picker;
mod view;
mod widget;

pub use view::StartView;
pub use widget::{mount_widget, run_widget, DataSource, WidgetOptions, DEFAULT_TIMEOUT};

/// The widget's styles, compiled in: injected into the page head (full
/// page) or into each widget's shadow root (script embed).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Extra rules for a shadow root (the core's, which static embeds carry too).
pub use tier_breakdown_core::prerender::SHADOW_CSS;
