//! The chart's parts as element trees ([`crate::dom::El`]), built from the
//! layout: the head, the legend, a group's block, the tools, the footer and
//! the panels around a chart. The widget builds its first frame from them
//! and keeps them current; [`crate::prerender`] writes the same trees as
//! HTML. A part hands back the elements the widget wires through its
//! `Bind` arguments (empty in static markup).

use crate::dom::{pct, Bind, El};
use crate::export::table;
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{fits_from, head_slot, marker, ChartView, GroupView, Rect, BOTH_FROM_PX};
use crate::model::Dataset;
use crate::stack::Selection;

/// `"true"` or `"false"`, for `aria-pressed`, `aria-expanded` and friends.
pub fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// The head (title, subtitle) and the screen readers' summary paragraph
/// (`summary_text`; handed to `summary`). `id` prefixes the element ids.
pub fn head_els(head: &ChartView, id: &str, summary_text: &str, summary: Option<&Bind>) -> [El; 2] {
    [
        El::with_class("header", "tb-header")
            .child(
                El::with_class("h2", "tb-title")
                    .attr("id", format!("{id}-title"))
                    .label(head.title.clone()),
            )
            .children(
                head.subtitle
                    .clone()
                    .map(|s| El::with_class("p", "tb-subtitle").text(s)),
            ),
        El::with_class("p", "tb-sr tb-summary")
            .attr("id", format!("{id}-summary"))
            .bind_to(summary)
            .text(summary_text),
    ]
}

/// The key, which is also the filter, and its hint, for the current
/// selection; `binds` holds one per item, then the reset button's. Hidden
/// when no group of `head` is split (the key would name nothing drawn).
pub fn legend_el(head: &ChartView, binds: &[Option<Bind>], sel: Selection, lang: UiLang) -> El {
    let items = &head.legend;
    let bind = |i: usize| binds.get(i).and_then(Option::as_ref);
    let keys = items.iter().enumerate().map(|(i, it)| {
        El::with_class("button", "tb-key")
            .attr("type", "button")
            .attr("data-tier", it.id.clone())
            .attr("aria-pressed", pressed(sel.contains(it.tier)))
            .bind_to(bind(i))
            .style("--f", it.fill.clone())
            .child(El::with_class("span", "tb-swatch"))
            .children(names(it.label.clone(), it.short.clone()))
    });
    // Shown only while something is selected (the CSS, by `:has`; hidden,
    // it keeps its place, so nothing under it moves).
    let reset = El::with_class("button", "tb-reset")
        .attr("type", "button")
        .text(t(lang, Msg::Reset))
        .bind_to(bind(items.len()));
    El::with_class("div", "tb-keys")
        .attr_if(
            "hidden",
            (!head.groups.iter().any(|g| g.split)).then_some(""),
        )
        .child(
            El::with_class("div", "tb-legend")
                .attr("role", "group")
                .attr("aria-label", t(lang, Msg::FilterLabel))
                .children(keys)
                .child(reset),
        )
        .child(El::with_class("p", "tb-hint").text(t(lang, Msg::Hint)))
}

/// A tier's name, with its short form for narrow widgets when it has one
/// (the long one stays what screen readers read).
fn names(label: String, short: Option<String>) -> Vec<El> {
    match short {
        Some(short) => vec![
            El::with_class("bdi", "tb-long").text(label),
            El::with_class("bdi", "tb-short")
                .attr("aria-hidden", "true")
                .text(short),
        ],
        None => vec![El::new("bdi").text(label)],
    }
}

/// The chart width (CSS pixels) from which the widget draws a label that
/// needs a bar of `bar_px`: the widget lays out again only at widths
/// rounded to [`crate::layout::WIDTH_STEP`].
pub fn shown_from(bar_px: f64) -> u32 {
    let step = crate::layout::WIDTH_STEP;
    let k = (bar_px / step).ceil().max(0.0);
    // round(w / step) ≥ k exactly when w ≥ (k − ½)·step.
    ((k - 0.5) * step).max(0.0).ceil() as u32
}

/// A segment's label text with both figures (`1.234 (12,3%)`).
fn both(r: &Rect) -> String {
    if r.count_text.is_empty() {
        r.share_text.clone()
    } else {
        format!("{} ({})", r.count_text, r.share_text)
    }
}

/// A group's block for the current selection: the header row (label left;
/// right, the selection's names over their combined share, or how many
/// were evaluated), the bar, the list of what the bar cannot label, and
/// the meta line. Segments are focusable and carry their tooltip text in
/// their `aria-label`; `data-key` lets a redraw give the focus back. The header's
/// right slot (words, figure) is handed to `slot`.
///
/// `ANY_WIDTH` false: the segment labels as the layout placed them for its
/// width (the widget). True (static markup): every variant, each shown
/// only at the chart widths where the widget would draw it (see
/// [`shown_from`]); a const, so the widget's wasm carries none of it.
pub fn group_el<const ANY_WIDTH: bool>(
    g: &GroupView,
    d: &Dataset,
    sel: Selection,
    lang: UiLang,
    slot: [Option<&Bind>; 2],
) -> El {
    let any = ANY_WIDTH;
    let drawn = g.split && !g.no_data;
    let bar = if !g.split {
        // No split at all: a hatch the width of the bar, its words on the meta line.
        El::with_class("div", "tb-bar tb-rest")
    } else if g.no_data {
        El::with_class("div", "tb-bar tb-nodata").text(t(lang, Msg::NoData))
    } else {
        El::with_class("div", "tb-bar")
            .attr("role", "group")
            .attr("aria-label", g.heading.clone())
            .children(g.rects.iter().map(|r| seg_el::<ANY_WIDTH>(g, r)))
    };
    let (words, figure) = head_slot(d, g, sel, lang);
    let block = El::with_class("section", "tb-group")
        .attr("data-group", g.id.clone())
        .child(
            El::with_class("div", "tb-group-head")
                .child(El::with_class("h3", "tb-group-title").label(g.heading.clone()))
                .child(
                    El::with_class("p", "tb-headline")
                        .child(
                            El::with_class("span", "tb-head-words")
                                .bind_to(slot[0])
                                .text(words),
                        )
                        .child(
                            El::with_class("span", "tb-head-value")
                                .bind_to(slot[1])
                                .text(figure),
                        ),
                ),
        )
        // What is wrong with the figures, on the group itself, before its bar.
        .children(g.marks.iter().map(|m| {
            El::with_class("p", "tb-mark")
                .attr("role", "note")
                .text(m.clone())
        }))
        .child(bar);
    // Under the bar, in tier order: the segments too narrow for a label (at
    // any width: each shown below the width where its share fits), and the
    // not-given rest, hatched.
    let under: Vec<(&Rect, Option<(u32, u32)>)> = if !drawn {
        vec![]
    } else if any {
        g.rects
            .iter()
            .map(|r| {
                let below = if r.rest {
                    u32::MAX
                } else {
                    shown_from(fits_from(&r.share_text, r.w))
                };
                (r, Some((0, below)))
            })
            .filter(|(_, s)| s.is_some_and(|(_, below)| below > 0))
            .collect()
    } else {
        // The rest and every segment without a label inside.
        g.rects
            .iter()
            .filter(|r| r.inside.is_none())
            .map(|r| (r, None))
            .collect()
    };
    let mut block = block;
    if !under.is_empty() {
        let mut list = El::with_class("ul", "tb-under").children(under.iter().map(|(r, shown)| {
            let li = if r.rest {
                El::with_class("li", "tb-under-item")
                    .child(El::with_class("span", "tb-swatch tb-rest"))
            } else {
                El::with_class("li", &format!("tb-under-item tb-t{}", r.tier))
                    .attr("data-tier", r.tier_id.clone())
                    .style("--f", r.fill.clone())
                    .child(El::with_class("span", "tb-swatch"))
            };
            let mut li = li.children(names(
                r.full.clone(),
                r.short.as_ref().map(|s| format!("{s} {}", r.share_text)),
            ));
            li.shown = *shown;
            li
        }));
        if any {
            let widest = under.iter().filter_map(|(_, s)| s.map(|s| s.1)).max();
            list.shown = widest.map(|w| (0, w));
        }
        block = block.child(list);
    }
    block.child(El::with_class("p", "tb-coverage").text(g.meta_line()))
}

/// One segment of a bar: its tier's colour (`--f`, which the filter
/// swaps for the neutral), its label where it fits.
fn seg_el<const ANY_WIDTH: bool>(g: &GroupView, r: &Rect) -> El {
    // The not-given rest: a hatch (.tb-rest), no tier, no text on it.
    let class = if r.rest {
        "tb-seg tb-rest".into()
    } else {
        format!("tb-seg tb-t{}", r.tier)
    };
    let seg = El::with_class("div", &class)
        .attr_if("data-tier", (!r.rest).then(|| r.tier_id.clone()))
        .attr("data-key", format!("seg:{}:{}", g.id, r.tier_id))
        .attr("role", "img")
        .attr("tabindex", "0")
        .attr("aria-label", r.full.clone())
        .style("width", pct(r.w));
    if r.rest {
        return seg;
    }
    let seg = seg.style("--f", r.fill.clone()).style("--i", r.ink.clone());
    let label = |text: String| El::with_class("span", "tb-seg-label").text(text);
    if ANY_WIDTH {
        let (full, short) = (both(r), r.share_text.clone());
        let at_short = shown_from(fits_from(&short, r.w));
        if full == short {
            let mut s = label(short);
            s.shown = Some((at_short, u32::MAX));
            return seg.child(s);
        }
        let at_full = shown_from(fits_from(&full, r.w)).max(shown_from(BOTH_FROM_PX));
        let mut seg = seg;
        if at_short < at_full {
            let mut s = label(short);
            s.shown = Some((at_short, at_full));
            seg = seg.child(s);
        }
        let mut f = label(full);
        f.shown = Some((at_full, u32::MAX));
        seg.child(f)
    } else {
        match &r.inside {
            Some(l) => seg.child(label(l.clone())),
            None => seg,
        }
    }
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

/// The tooltip box (hidden until a segment is pointed at or focused).
/// Its text is the segment's `aria-label` (the group's label is beside it).
pub fn tip_el() -> El {
    El::with_class("div", "tb-tip tb-hidden").attr("role", "tooltip")
}

/// The live region the filter's results are said in.
pub fn announce_el() -> El {
    El::with_class("p", "tb-sr tb-announce").attr("aria-live", "polite")
}

/// What [`tools_els`] hands back: the table toggle, the CSV link, the
/// table's box and the table.
#[derive(Default)]
pub struct ToolBinds {
    pub toggle: Option<Bind>,
    pub link: Option<Bind>,
    pub wrap: Option<Bind>,
    pub table: Option<Bind>,
}

/// "Show the data table" (closed) and "get the data" (`file_name`), for
/// the footer ([`footer_el`]), then the table's box with `rows` in it (above
/// the footer).
pub fn tools_els(id: &str, lang: UiLang, file_name: &str, rows: Vec<El>, b: &ToolBinds) -> [El; 2] {
    [
        El::with_class("div", "tb-tools")
            .child(
                El::with_class("button", "tb-tool tb-table-toggle")
                    .attr("type", "button")
                    .attr("aria-controls", format!("{id}-table"))
                    .attr("aria-expanded", pressed(false))
                    .bind_to(b.toggle.as_ref())
                    // Both words; the CSS shows the one for aria-expanded.
                    .child(El::with_class("span", "tb-show").text(t(lang, Msg::ShowTable)))
                    .child(El::with_class("span", "tb-hide").text(t(lang, Msg::HideTable))),
            )
            .child(El::new("span").attr("aria-hidden", "true").text(" · "))
            .child(
                El::with_class("a", "tb-tool tb-csv")
                    .attr("href", "#")
                    .attr("download", file_name)
                    .bind_to(b.link.as_ref())
                    .text(t(lang, Msg::GetData)),
            ),
        El::with_class("div", "tb-table-wrap tb-sr")
            .attr("id", format!("{id}-table"))
            .attr("role", "region")
            .attr("aria-labelledby", format!("{id}-caption"))
            .attr("tabindex", "-1")
            .bind_to(b.wrap.as_ref())
            .child(
                El::with_class("table", "tb-table")
                    .bind_to(b.table.as_ref())
                    .children(rows),
            ),
    ]
}

/// The data table's caption, head and rows for `d` (none: caption only).
pub fn table_rows(
    d: Option<&Dataset>,
    lang: UiLang,
    ids: &[String],
    id: &str,
    title: &str,
) -> Vec<El> {
    let mut els = vec![El::new("caption")
        .attr("id", format!("{id}-caption"))
        .text(title)];
    if let Some(d) = d {
        let (head, rows) = table(d, lang, ids);
        els.push(
            El::new("thead").child(El::new("tr").children(head.into_iter().enumerate().map(
                |(i, h)| {
                    if i == 0 {
                        El::new("td")
                    } else {
                        El::new("th").attr("scope", "col").text(h)
                    }
                },
            ))),
        );
        els.push(El::new("tbody").children(rows.into_iter().map(|row| {
            let mut cells = row.into_iter();
            let name = cells.next().unwrap_or_default();
            El::new("tr")
                .child(El::new("th").attr("scope", "row").text(name))
                .children(cells.map(|c| El::new("td").text(c)))
        })));
    }
    els
}

/// The source's name split around its outlet, the part a link goes on:
/// after the last `, qua ` / `, via `, up to ` (`
/// (`Nguồn: Ban Tổ chức, qua Báo Phú Thọ (Chi Hương)` → `Báo Phú Thọ`),
/// else all after `Nguồn: `. Compared byte by byte: a text search costs
/// the readers' wasm more than the rest of the footer.
fn outlet(name: &str) -> (&str, &str, &str) {
    let b = name.as_bytes();
    let at = |i: usize, w: &[u8]| b[i..].starts_with(w);
    let mut from = 0;
    for i in 0..b.len() {
        if at(i, b", qua ") || at(i, b", via ") {
            from = i + 6;
        } else if from == 0 && at(i, b": ") {
            from = i + 2;
        }
    }
    let to = (from..b.len()).find(|&i| at(i, b" (")).unwrap_or(b.len());
    (&name[..from], &name[from..to], &name[to..])
}

/// Under the chart, one block under a rule: the source (only the outlet is
/// the link), the notes with their markers (`Ghi chú: ¹ … ² …`, the
/// markers the chart and the table put on figures), then `tools` (the
/// table toggle and the CSV link).
pub fn footer_el(head: &ChartView, lang: UiLang, tools: El) -> El {
    let mut f = El::with_class("figcaption", "tb-footer");
    if let Some((name, url, date)) = &head.source {
        let (before, outlet, after) = outlet(name);
        let link = match url {
            Some(href) => El::new("a")
                .attr("href", href.clone())
                .attr("rel", "noopener noreferrer")
                .attr("target", "_blank")
                .text(outlet),
            None => El::new("span").text(outlet),
        };
        let mut p = El::with_class("p", "tb-source").text(before).child(link);
        p = p.text(match date {
            Some(d) => format!("{after}, {d}"),
            None => after.to_string(),
        });
        f = f.child(p);
    }
    if !head.notes.is_empty() {
        let words = t(lang, Msg::Notes);
        f = f.child(
            El::with_class("div", "tb-notes")
                .text(format!("{words}: "))
                .child(
                    El::new("ul").attr("aria-label", words).children(
                        head.notes
                            .iter()
                            .enumerate()
                            .map(|(i, n)| El::new("li").text(format!("{} {n}", marker(i + 1)))),
                    ),
                ),
        );
    }
    f.child(tools)
}

/// "Open a results file": a native file input (its `change` event is
/// handled by the widget).
pub fn picker_el(lang: UiLang) -> El {
    El::with_class("label", "tb-pick")
        .child(
            El::with_class("input", "tb-pick-input")
                .attr("type", "file")
                .attr("accept", ".json,application/json"),
        )
        .child(El::new("span").text(t(lang, Msg::OpenFile)))
}
