//! One group's block: heading and headline number, the 100% bar, the labels
//! that did not fit, the coverage line and the selected tiers' share.

use super::dom::{pct, El, Handle};
use tier_breakdown_core::i18n::{t, Msg, UiLang};
use tier_breakdown_core::layout::{selected_line, ChartView, GroupView};
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::stack::Selection;

/// A group's block for the current selection. Segments are focusable and
/// carry their tooltip text in `data-tip` (the chart shows it on hover and
/// focus); `data-key` lets a redraw give the focus back. The combined-share
/// line is handed to `line`.
pub fn group_el(g: &GroupView, d: &Dataset, sel: Selection, lang: UiLang, line: &Handle) -> El {
    let bar = if !g.split {
        El::with_class("div", "tb-bar tb-nodata tb-nosplit").text(t(lang, Msg::NoBreakdown))
    } else if g.no_data {
        El::with_class("div", "tb-bar tb-nodata").text(t(lang, Msg::NoData))
    } else {
        El::with_class("div", "tb-bar")
            .attr("role", "group")
            .attr("aria-label", g.heading.clone())
            .children(g.rects.iter().map(|r| {
                let seg = El::with_class("div", &format!("tb-seg tb-t{}", r.tier))
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
        // What is wrong with the figures, on the group itself, before its bar.
        .children(g.marks.iter().map(|m| {
            El::with_class("p", "tb-mark")
                .attr("role", "note")
                .text(m.clone())
        }))
        .child(bar);
    if !g.outside.is_empty() {
        block = block.child(El::with_class("ul", "tb-under").children(
            g.outside.iter().filter_map(|&i| g.rects.get(i)).map(|r| {
                El::with_class("li", &format!("tb-under-item tb-t{}", r.tier))
                    .attr("data-tier", r.tier_id.clone())
                    .child(
                        El::with_class("span", "tb-swatch")
                            .style("--f", r.fill.clone())
                            .style("--d", r.dim_fill.clone()),
                    )
                    // <bdi>: a right-to-left label keeps the numbers after it.
                    .child(El::new("span").label(r.label.clone()).text(
                        if r.count_text.is_empty() {
                            format!(": {}", r.share_text)
                        } else {
                            format!(": {} ({})", r.count_text, r.share_text)
                        },
                    ))
            }),
        ));
    }
    block
        .children(
            g.or_better
                .iter()
                .map(|l| El::with_class("p", "tb-or-better").text(l.clone())),
        )
        .child(El::with_class("p", "tb-coverage").text(g.coverage.clone()))
        .child(
            El::with_class("p", "tb-selected")
                .bind(line)
                .text(selected_line(d, g, sel, lang).unwrap_or_default()),
        )
}

/// The class of the groups' container for a selection: `tb-sel` and one
/// `tb-s{i}` per selected tier. The CSS greys every `tb-t{i}` element under
/// `tb-sel` but the selected ones, so a filter click writes one attribute
/// for all the bars.
pub fn groups_class(sel: Selection) -> String {
    let mut c = String::from("tb-groups");
    if !sel.is_empty() {
        c.push_str(" tb-sel");
        for i in sel.tiers() {
            c.push_str(" tb-s");
            c.push(char::from(b'0' + i as u8));
        }
    }
    c
}

/// Each group's combined-share line drawn by [`group_el`], handed back
/// once per redraw, with the text it shows: a click rewrites only the lines
/// that change.
#[derive(Default)]
pub struct Lines(Vec<(web_sys::Element, String)>);

impl Lines {
    /// The lines drawn into `handles`, with their texts.
    pub fn from_handles(handles: &[Handle]) -> Lines {
        Lines(
            handles
                .iter()
                .filter_map(Handle::get)
                .map(|p| {
                    let text = p.text_content().unwrap_or_default();
                    (p, text)
                })
                .collect(),
        )
    }

    /// Shows the combined share of `sel` for each group of `v`.
    pub fn apply(&mut self, v: &ChartView, d: &Dataset, sel: Selection, lang: UiLang) {
        for ((p, now), g) in self.0.iter_mut().zip(&v.groups) {
            let line = selected_line(d, g, sel, lang).unwrap_or_default();
            if line != *now {
                p.set_text_content(Some(&line));
                *now = line;
            }
        }
    }
}
