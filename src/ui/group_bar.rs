//! One group's block: heading and headline number, the 100% bar, the labels
//! that did not fit, the coverage line and the selected tiers' share.

use super::dom::{find_all, pct, set_attr, El};
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{selected_line, ChartView, GroupView};
use crate::model::Dataset;
use crate::stack::Selection;

/// A group's block for the current selection. Segments are focusable and
/// carry their tooltip text in `data-tip` (the chart shows it on hover and
/// focus); `data-key` lets a redraw give the focus back.
pub fn group_el(g: &GroupView, d: &Dataset, sel: Selection, lang: UiLang) -> El {
    let classes = |base: &str, tier: usize| classes(base, tier, sel);
    let bar = if g.no_data {
        El::with_class("div", "tb-bar tb-nodata").text(t(lang, Msg::NoData))
    } else {
        El::with_class("div", "tb-bar")
            .attr("role", "group")
            .attr("aria-label", g.heading.clone())
            .children(g.rects.iter().map(|r| {
                let seg = El::with_class("div", &classes("tb-seg", r.tier))
                    .attr("data-tier", r.tier_id.clone())
                    .attr("data-key", format!("seg:{}:{}", g.id, r.tier_id))
                    .attr("data-tip", format!("{}: {}", g.heading, r.full))
                    .attr("role", "img")
                    .attr("tabindex", "0")
                    .attr("aria-label", r.full.clone())
                    .style("left", pct(r.x))
                    .style("width", pct(r.w))
                    .style("--f", r.fill.clone())
                    .style("--d", r.dim_fill.clone())
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
                            .style("--f", r.fill.clone())
                            .style("--d", r.dim_fill.clone()),
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
            El::with_class("p", "tb-selected")
                .text(selected_line(d, g, sel, lang).unwrap_or_default()),
        )
}

fn dimmed(tier: usize, sel: Selection) -> bool {
    !sel.is_empty() && !sel.contains(tier)
}

/// Classes of a segment (`tb-seg`) or a list item (`tb-under-item`) of `tier`.
fn classes(base: &str, tier: usize, sel: Selection) -> String {
    let mut c = base.to_string();
    if dimmed(tier, sel) {
        c.push_str(" tb-dim");
    }
    if sel.contains(tier) && base == "tb-seg" {
        c.push_str(" tb-on");
    }
    c
}

/// What a filter click changes in groups drawn by [`group_el`], found once
/// per redraw: the classes of segments and list items (their colour follows
/// the class in CSS: `--f`, or the grey `--d` when dimmed) and each group's
/// combined-share line. A click then writes only what differs.
#[derive(Default)]
pub struct Painted {
    /// Element, its tier, its base class and the class it has now.
    marks: Vec<(web_sys::Element, usize, &'static str, String)>,
    /// Each group's combined-share line and its text, in the view's order.
    lines: Vec<(web_sys::Element, String)>,
}

impl Painted {
    pub fn find(bars: &web_sys::Element, d: &Dataset) -> Painted {
        let mut marks = Vec::new();
        for base in ["tb-seg", "tb-under-item"] {
            for el in find_all(bars, &format!(".{base}")) {
                let id = el.get_attribute("data-tier").unwrap_or_default();
                if let Some(tier) = d.tiers.iter().position(|t| t.id == id) {
                    marks.push((el.clone(), tier, base, el.class_name()));
                }
            }
        }
        let lines = find_all(bars, ".tb-selected")
            .into_iter()
            .map(|p| {
                let text = p.text_content().unwrap_or_default();
                (p, text)
            })
            .collect();
        Painted { marks, lines }
    }

    /// Shows `sel` on the drawn groups of `v`.
    pub fn apply(&mut self, v: &ChartView, d: &Dataset, sel: Selection, lang: UiLang) {
        for (el, tier, base, now) in &mut self.marks {
            let class = classes(base, *tier, sel);
            if class != *now {
                set_attr(el, "class", Some(&class));
                *now = class;
            }
        }
        for ((p, now), g) in self.lines.iter_mut().zip(&v.groups) {
            let line = selected_line(d, g, sel, lang).unwrap_or_default();
            if line != *now {
                p.set_text_content(Some(&line));
                *now = line;
            }
        }
    }
}
