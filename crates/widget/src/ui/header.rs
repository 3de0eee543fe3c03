//! The chart's head: title, subtitle, and the one-paragraph summary that
//! screen readers get (the figure is described by it).

use crate::rx::*;
use tier_breakdown_core::export::summary;

use super::dom::{append, queued_effect, set_text, El, Handle};
use super::view::Chart;

/// Appends the head and the summary to `fig` and keeps the summary current.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let id = &c.id;
    let summary_el = Handle::new();
    append(
        fig,
        &[
            El::with_class("header", "tb-header")
                .child(
                    El::with_class("h2", "tb-title")
                        .attr("id", format!("{id}-title"))
                        .label(c.head.title.clone()),
                )
                .children(
                    c.head
                        .subtitle
                        .clone()
                        .map(|s| El::with_class("p", "tb-subtitle").text(s)),
                ),
            El::with_class("p", "tb-sr tb-summary")
                .attr("id", format!("{id}-summary"))
                .bind(&summary_el),
        ],
    );
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
