//! The chart's head: title, subtitle, and the one-paragraph summary that
//! screen readers get (the figure is described by it).

use crate::rx::*;
use tier_breakdown_core::export::summary;

use super::dom::{append, queued_effect, set_text, Handle};
use super::view::Chart;
use tier_breakdown_core::parts::head_els;

/// Appends the head and the summary to `fig` and keeps the summary current.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let id = &c.id;
    let summary_el = Handle::new();
    // The summary is written by the effect below, before the first paint.
    append(fig, &head_els(&c.head, id, "", Some(&summary_el.as_bind())));
    let Some(el) = summary_el.get() else {
        return;
    };
    let (scope, lang, ids) = (c.scope, c.lang, c.shown.clone());
    queued_effect(move || {
        let text = scope
            .get()
            .map(|d| summary(&d, lang, &ids))
            .unwrap_or_default();
        set_text(&el, &text);
    });
}
