//! The widget's parts: they draw what the core's `layout` and `drill`
//! computed, with the element builder of [`dom`], and hold the reader's
//! state (selection, period, unit, width) in Leptos signals. One part a
//! file; each appends its own elements, keeps the handles it needs, and
//! owns its listeners and effects. Inline styles are only ever set through
//! the CSSOM, never as `style` attributes, so a strict `style-src` CSP
//! allows them.
//!
//! Layers, lowest first: `dom` (with `action`) → `view` → the leaf parts
//! (`errors`, `picker`, `skeleton`, `group_bar`, `legend`, `tooltip`) → the
//! parts built on them → `chart` → `widget`.

mod action;
mod announce;
mod bars;
mod chart;
mod compare;
mod dom;
mod drill;
mod errors;
mod footer;
mod group_bar;
mod header;
mod legend;
mod picker;
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

/// Extra rules for a shadow root: the host element always shows (a page rule
/// such as `div{display:none!important}` loses to an important `:host` rule),
/// and `all: initial` on the wrapper stops inherited page styles
/// (`*{letter-spacing:…!important}` on the host) at the boundary.
pub const SHADOW_CSS: &str =
    ":host{display:block!important;visibility:visible!important;opacity:1!important;\
position:static!important;float:none!important;width:auto!important;min-width:0!important;\
max-width:none!important;height:auto!important;margin:0 0 1em!important;padding:0!important;\
border:0!important;transform:none!important;filter:none!important;contain:content}\
.tb-root{all:initial;display:block}";
