//! One group's block: heading and headline number, the 100% bar, the labels
//! that did not fit, the coverage line and the selected tiers' share.

use super::dom::{pct, El};
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{selected_line, GroupView};
use crate::model::Dataset;
use crate::stack::Selection;

/// A group's block for the current selection. Segments are focusable and
/// carry their tooltip text in `data-tip` (the chart shows it on hover and
/// focus); `data-key` lets a redraw give the focus back.
pub fn group_el(g: &GroupView, d: &Dataset, sel: Selection, lang: UiLang) -> El {
    let dimmed = |tier: usize| !sel.is_empty() && !sel.contains(tier);
    let classes = |base: &str, tier: usize| {
        let mut c = base.to_string();
        if dimmed(tier) {
            c.push_str(" tb-dim");
        }
        if sel.contains(tier) && base == "tb-seg" {
            c.push_str(" tb-on");
        }
        c
    };
    let fill = |tier: usize, fill: &str, dim: &str| {
        if dimmed(tier) {
            dim.to_string()
        } else {
            fill.to_string()
        }
    };
    let bar = if g.no_data {
        El::with_class("div", "tb-bar tb-nodata").text(t(lang, Msg::NoData))
    } else {
        El::with_class("div", "tb-bar")
            .attr("role", "group")
            .attr("aria-label", g.heading.clone())
            .children(g.rects.iter().map(|r| {
                let seg = El::with_class("div", &classes("tb-seg", r.tier))
                    .attr("data-tier", r.tier_id.clone())
                    .attr("data-key", format!("seg-{}-{}", g.id, r.tier_id))
                    .attr("data-tip", format!("{}: {}", g.heading, r.full))
                    .attr("role", "img")
                    .attr("tabindex", "0")
                    .attr("aria-label", r.full.clone())
                    .style("left", pct(r.x))
                    .style("width", pct(r.w))
                    .style("background", fill(r.tier, &r.fill, &r.dim_fill))
                    .style("color", r.ink.clone());
                match &r.inside {
                    Some(l) => seg.child(El::with_class("span", "tb-seg-label").text(l.clone())),
                    None => seg,
                }
            }))
    };
    let mut block = El::with_class("section", "tb-group")
        .attr("data-group", g.id.clone())
        .child(
            El::with_class("div", "tb-group-head")
                .child(El::with_class("h3", "tb-group-title").label(g.heading.clone()))
                .child(El::with_class("span", "tb-headline").text(g.headline.clone())),
        )
        .child(bar);
    if !g.outside.is_empty() {
        block = block.child(El::with_class("ul", "tb-under").children(
            g.outside.iter().filter_map(|&i| g.rects.get(i)).map(|r| {
                El::with_class("li", &classes("tb-under-item", r.tier))
                    .attr("data-tier", r.tier_id.clone())
                    .child(
                        El::with_class("span", "tb-swatch")
                            .style("background", fill(r.tier, &r.fill, &r.dim_fill)),
                    )
                    // <bdi>: a right-to-left label keeps the numbers after it.
                    .child(
                        El::new("span")
                            .label(r.label.clone())
                            .text(format!(": {} ({})", r.count_text, r.share_text)),
                    )
            }),
        ));
    }
    block
        .child(El::with_class("p", "tb-coverage").text(g.coverage.clone()))
        .child(
            El::with_class(
                "p",
                if sel.is_empty() {
                    "tb-selected tb-empty"
                } else {
                    "tb-selected"
                },
            )
            .text(selected_line(d, g, sel, lang).unwrap_or_default()),
        )
}
