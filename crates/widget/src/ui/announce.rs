//! The live announcement for screen readers: the combined shares of the
//! selected tiers (the bars show them), said once the clicks pause, so a
//! burst of clicks is read out once, with its result. The first drawing is
//! not announced (a live region is read when it changes, not when it appears).

use crate::rx::*;
use tier_breakdown_core::layout::selected_line;

use super::dom::{add, queued_effect, set_text, soon};
use super::view::Chart;
use tier_breakdown_core::parts::announce_el;

/// How long the live region waits for the clicks to pause.
const ANNOUNCE_DELAY_MS: i32 = 150;

/// Appends the live region to `fig` and keeps it following the view.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let live = announce_el();
    let Some(el) = add(fig, live) else {
        return;
    };
    let (sel, view) = (c.state.sel, c.view);
    let c = c.clone();
    let announce = soon(ANNOUNCE_DELAY_MS, move || {
        let Some(s) = sel.try_get_untracked() else {
            return;
        };
        let text = view
            .try_with_untracked(|v| {
                v.as_ref().map(|v| {
                    v.groups
                        .iter()
                        .filter_map(|g| {
                            selected_line(c.data(), g, s, c.lang)
                                .map(|l| format!("{}: {l}", g.heading))
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                })
            })
            .flatten()
            .unwrap_or_default();
        set_text(&el, &text);
    });
    let drawn = std::cell::Cell::new(false);
    queued_effect(move || {
        sel.track();
        view.track();
        if drawn.replace(true) {
            announce();
        }
    });
}
