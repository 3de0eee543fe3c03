//! The tier legend, which is also the filter: one native toggle button per
//! tier (`aria-pressed`), and a reset button.

use super::dom::El;
use tier_breakdown_core::i18n::{t, Msg, UiLang};
use tier_breakdown_core::layout::LegendItem;
use tier_breakdown_core::stack::Selection;

/// Legend and filter for the current selection. Buttons carry `data-key`
/// (`tier-N`, `reset`): the chart gives each button its own listener.
pub fn legend_el(items: &[LegendItem], sel: Selection, lang: UiLang) -> El {
    let keys = items.iter().map(|it| {
        let label = match &it.short {
            Some(short) => vec![
                El::with_class("bdi", "tb-key-label tb-long").text(it.label.clone()),
                El::with_class("bdi", "tb-key-label tb-short")
                    .attr("aria-hidden", "true")
                    .text(short.clone()),
            ],
            None => vec![El::with_class("bdi", "tb-key-label").text(it.label.clone())],
        };
        El::with_class("button", "tb-key")
            .attr("type", "button")
            .attr("data-tier", it.id.clone())
            .attr("data-key", format!("tier-{}", it.tier))
            .attr(
                "aria-pressed",
                if sel.contains(it.tier) {
                    "true"
                } else {
                    "false"
                },
            )
            .child(El::with_class("span", "tb-swatch").style("background", it.fill.clone()))
            .children(label)
    });
    El::with_class("div", "tb-legend")
        .attr("role", "group")
        .attr("aria-label", t(lang, Msg::FilterLabel))
        .children(keys)
        .child(
            El::with_class("button", "tb-reset")
                .attr("type", "button")
                .attr("data-key", "reset")
                .attr_if("disabled", sel.is_empty().then_some(""))
                .text(t(lang, Msg::Reset)),
        )
}
