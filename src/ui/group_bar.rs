//! One group's block: heading and headline number, the 100% bar, the labels
//! that did not fit, the coverage line and the selected tiers' share.

use wasm_bindgen::JsCast;

use super::dom::{find, pct, set_attr, El};
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{selected_line, ChartView, GroupView};
use crate::model::Dataset;
use crate::stack::Selection;

/// A group's block for the current selection. Segments are focusable and
/// carry their tooltip text in `data-tip` (the chart shows it on hover and
/// focus); `data-key` lets a redraw give the focus back.
pub fn group_el(g: &GroupView, d: &Dataset, sel: Selection, lang: UiLang) -> El {
    let classes = |base: &str, tier: usize| classes(base, tier, sel);
    let fill = |tier: usize, fill: &str, dim: &str| fill_of(tier, fill, dim, sel).to_string();
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
            El::with_class("p", selected_class(sel))
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

/// A tier's colour, or its grey twin when another tier is selected.
fn fill_of<'a>(tier: usize, fill: &'a str, dim: &'a str, sel: Selection) -> &'a str {
    if dimmed(tier, sel) {
        dim
    } else {
        fill
    }
}

fn selected_class(sel: Selection) -> &'static str {
    if sel.is_empty() {
        "tb-selected tb-empty"
    } else {
        "tb-selected"
    }
}

/// Updates groups drawn by [`group_el`] for a new selection, in place: only
/// the classes and colours of segments and list items and the combined-share
/// line change, so a filter click touches a few dozen attributes.
pub fn apply_sel(
    bars: &web_sys::Element,
    v: &ChartView,
    d: &Dataset,
    sel: Selection,
    lang: UiLang,
) {
    let paint = |el: &web_sys::Element, fill: &str| {
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.style().set_property("background", fill);
        }
    };
    for g in &v.groups {
        let Some(sec) = find(bars, &format!("[data-group=\"{}\"]", g.id)) else {
            continue;
        };
        for r in &g.rects {
            let fill = fill_of(r.tier, &r.fill, &r.dim_fill, sel);
            if let Some(seg) = find(&sec, &format!(".tb-seg[data-tier=\"{}\"]", r.tier_id)) {
                set_attr(&seg, "class", Some(&classes("tb-seg", r.tier, sel)));
                paint(&seg, fill);
            }
            if let Some(item) = find(
                &sec,
                &format!(".tb-under-item[data-tier=\"{}\"]", r.tier_id),
            ) {
                set_attr(&item, "class", Some(&classes("tb-under-item", r.tier, sel)));
                if let Some(swatch) = item.first_element_child() {
                    paint(&swatch, fill);
                }
            }
        }
        if let Some(p) = find(&sec, ".tb-selected") {
            set_attr(&p, "class", Some(selected_class(sel)));
            p.set_text_content(Some(&selected_line(d, g, sel, lang).unwrap_or_default()));
        }
    }
}
