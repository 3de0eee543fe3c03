//! Layout: turns a validated [`Dataset`] into exactly what the chart shows,
//! as plain data (strings already formatted, positions already scaled), so
//! a component is a loop over it and a snapshot of it reviews the chart.
//!
//! Segment labels: a label goes inside its segment only when its estimated
//! width fits the segment's pixel width; otherwise it is listed under the
//! bar (a wrapping list, so labels never overlap), and every segment keeps
//! its full text for the tooltip.

use crate::fold::fold;
use crate::format::{date, decimal, int, percent, share};
use crate::i18n::{approx_mark, join_tiers, mark_message, or_better_line, t, Msg, UiLang};
use crate::model::{Approx, Basis, Color, Dataset, Group, Slot, Tier, SHARE_SCALE};
use crate::stack::{coverage, pieces, stack, Selection};
use crate::validate::group_warnings;

/// Estimated width in pixels of a segment label (13 px, semi-bold). The
/// widths are those of the widest common system font (DejaVu Sans, the Linux
/// default: digits 9.05 px, `%` 13.03 px), so a label judged to fit does fit
/// in narrower fonts (SF, Segoe UI, Roboto) too.
pub fn label_px(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '0'..='9' => 9.1,
            ',' | '.' => 5.0,
            '%' => 13.1,
            '(' | ')' => 6.0,
            ' ' => 4.6,
            _ => 11.0,
        })
        .sum()
}

/// Padding kept on each side of an inside label (the CSS pads 4 px; the
/// 2 more hold the 2 px gap before a segment).
pub const LABEL_PAD_PX: f64 = 6.0;

/// The chart width from which an inside label says the count too
/// (`131 (18,8%)`); below it, the share alone.
pub const BOTH_FROM_PX: f64 = 640.0;

/// The widget lays the chart out again only when its width has changed by
/// this many pixels (it rounds the width to a multiple of it).
pub const WIDTH_STEP: f64 = 8.0;

/// The bar width (pixels) from which `text` fits inside a segment `w`
/// percent of the bar wide.
///
/// ```
/// use tier_breakdown_core::layout::fits_from;
/// // (9.1 + 13.1 + 2 × 6) px in a tenth of the bar
/// assert!((fits_from("1%", 10.0) - 342.0).abs() < 1e-9);
/// ```
pub fn fits_from(text: &str, w: f64) -> f64 {
    (label_px(text) + 2.0 * LABEL_PAD_PX) * 100.0 / w
}

/// One drawn segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    /// The tier (for the not-given rest, its first tier).
    pub tier: usize,
    /// The not-given rest: hatched, never a tier colour, no inside label.
    pub rest: bool,
    pub tier_id: String,
    /// Left edge and width, in percent of the bar (0–100).
    pub x: f64,
    pub w: f64,
    /// Fill colour `#rrggbb` and the text colour that reads on it (an
    /// unselected tier takes [`crate::model::UNSELECTED`] in the CSS).
    pub fill: String,
    pub ink: String,
    /// The label drawn inside the segment, if it fits.
    pub inside: Option<String>,
    /// The tier's label, and its short one (or the label) for the list
    /// under a narrow bar; `None` for the not-given rest.
    pub label: String,
    pub short: Option<String>,
    /// Tier label, count and share: for the tooltip and the list under the bar.
    pub full: String,
    pub count_text: String,
    pub share_text: String,
}

/// Everything one group's block shows.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    pub id: String,
    pub heading: String,
    /// The header's right slot with nothing selected, in words: `695 được
    /// đánh giá` (empty without a count, or without a split).
    pub headline: String,
    /// The meta line's coverage: `695 trên tổng số 698 được đánh giá
    /// (99,6%)`, `94.877 được đánh giá`, or for a group with no split
    /// `Báo cáo không nêu số theo từng mức · 402 được đánh giá`.
    pub coverage: String,
    pub rects: Vec<Rect>,
    /// Indices into `rects` whose label did not fit inside.
    pub outside: Vec<usize>,
    /// Share of every tier in tenths of a percent, in tier order.
    pub tenths: Vec<u32>,
    /// Whether each tier's figure (in tier order) is approximate; empty
    /// when all are exact.
    pub approx: Vec<bool>,
    pub no_data: bool,
    /// Whether the report splits the group by tier at all (else the block
    /// says so instead of a bar, and the filter leaves it alone).
    pub split: bool,
    /// What is wrong with the group's figures, said on the group itself
    /// (tiers that do not add up to the evaluated figure, shares that do
    /// not add up to 100%…).
    pub marks: Vec<String>,
    /// The figures the report gave "or better", as it gave them
    /// (`Hoàn thành tốt nhiệm vụ trở lên: 289 (92,6%)`).
    pub or_better: Vec<String>,
    /// The not-given rest's line (`Không nêu trong báo cáo: 3 (4,7%)`).
    pub rest: Option<String>,
    /// For a partial split, each piece of the bar as the tiers it holds
    /// and its share in tenths (the rest included): a selection that
    /// takes part of a piece has only a lower bound. Empty otherwise.
    pub pieces: Vec<(Selection, u32)>,
}

impl GroupView {
    /// The line under the bar's list: the coverage, then each figure the
    /// report gave "or better", joined by ` · `.
    pub fn meta_line(&self) -> String {
        let mut line = self.coverage.clone();
        for l in &self.or_better {
            push_part(&mut line, l);
        }
        line
    }
}

/// Appends `part` to a line of parts joined by ` · ` (an empty one is skipped).
fn push_part(line: &mut String, part: &str) {
    if !part.is_empty() {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(part);
    }
}

/// A legend entry (also a filter button).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub tier: usize,
    pub id: String,
    pub label: String,
    /// The short label, shown instead in a narrow widget (the full one stays the accessible name).
    pub short: Option<String>,
    pub fill: String,
}

/// Everything the chart shows, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    pub lang: UiLang,
    pub title: String,
    pub subtitle: Option<String>,
    pub legend: Vec<LegendItem>,
    pub groups: Vec<GroupView>,
    /// "Nguồn: …" text, the link (http(s) only), and the date text.
    pub source: Option<(String, Option<String>, Option<String>)>,
    pub notes: Vec<String>,
}

impl ChartView {
    /// Keeps only the listed groups, in the file's order; all of them when
    /// `ids` is empty or names none of them.
    pub fn only_groups(mut self, ids: &[String]) -> ChartView {
        if self.groups.iter().any(|g| ids.contains(&g.id)) {
            self.groups.retain(|g| ids.contains(&g.id));
        }
        self
    }
}

/// Lays out the whole chart for a bar `bar_px` pixels wide, in the light or dark theme.
pub fn chart(d: &Dataset, lang: UiLang, bar_px: f64, dark: bool) -> ChartView {
    let code = lang.code();
    let legend = d
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| LegendItem {
            tier: i,
            id: tier.id.clone(),
            label: tier.label.get(code).to_string(),
            short: tier.short.as_ref().map(|s| s.get(code).to_string()),
            fill: d.fill(i, dark).css(),
        })
        .collect();
    let groups = d
        .groups
        .iter()
        .map(|g| group(d, g, lang, bar_px, dark))
        .collect();
    let source = d.source.as_ref().map(|s| {
        (
            format!("{}: {}", t(lang, Msg::Source), s.name.get(code)),
            s.url.clone(),
            s.published.map(|p| date(p, lang)),
        )
    });
    let subtitle = match (&d.subtitle, &d.region, &d.period) {
        (Some(s), _, _) => Some(s.get(code).to_string()),
        (None, Some(r), Some(p)) => Some(format!("{}, {}", r.get(code), p.get(code))),
        (None, Some(x), None) | (None, None, Some(x)) => Some(x.get(code).to_string()),
        (None, None, None) => None,
    };
    ChartView {
        lang,
        title: d.title.get(code).to_string(),
        subtitle,
        legend,
        groups,
        source,
        notes: d.notes.iter().map(|n| n.get(code).to_string()).collect(),
    }
}

fn label_fits(text: &str, px: f64) -> bool {
    label_px(text) + 2.0 * LABEL_PAD_PX <= px
}

/// Lays out one group.
pub fn group(d: &Dataset, g: &Group, lang: UiLang, bar_px: f64, dark: bool) -> GroupView {
    let code = lang.code();
    let slots = g.slots();
    let weights: Vec<u64> = slots.iter().map(|s| s.1).collect();
    let s = stack(&weights);
    let mut tenths = vec![0; g.counts.len()];
    for seg in &s.segments {
        if let Slot::Tier(i) = slots[seg.tier].0 {
            tenths[i] = seg.tenths;
        }
    }
    let shares_only = g.basis == Basis::Shares;
    let mut rects = Vec::with_capacity(s.segments.len());
    let mut outside = Vec::new();
    let mut rest = None;
    for seg in &s.segments {
        // The rest (`None`): a hatch on the bar, no tier, its words on the group.
        let slot = match slots[seg.tier].0 {
            Slot::Tier(i) => Some(i),
            Slot::Rest => None,
        };
        let i = slot.unwrap_or(g.rest_tiers().trailing_zeros() as usize);
        let tier = slot.and_then(|i| d.tiers.get(i));
        let approx = slot.and_then(|i| g.approx_at(i));
        let name = match slot {
            Some(i) => piece_name(d, g, i, lang),
            None => t(lang, Msg::NotGiven).to_string(),
        };
        let share_text = approx_mark(approx, &share(seg.tenths, seg.count, s.sum, lang));
        let (count_text, both) = if shares_only {
            (String::new(), share_text.clone())
        } else {
            let c = approx_mark(approx, &int(seg.count, lang));
            let both = format!("{c} ({share_text})");
            (c, both)
        };
        let px = (seg.x1 - seg.x0) * bar_px;
        let inside = if tier.is_none() {
            None
        } else if bar_px >= BOTH_FROM_PX && label_fits(&both, px) {
            Some(both.clone())
        } else if label_fits(&share_text, px) {
            Some(share_text.clone())
        } else {
            None
        };
        if tier.is_some() && inside.is_none() {
            outside.push(rects.len());
        }
        let mut full = format!("{name}: {both}");
        // A share the report printed (not one derived from an "or better"
        // figure; a block of every tier up to this one is as printed).
        if shares_only
            && tier.is_some()
            && (!g.derived_at(i) || g.block_at(i).count_ones() as usize == i + 1)
        {
            full += &as_reported(seg.count, seg.tenths, lang);
        }
        if tier.is_none() {
            rest = Some(full.clone());
        }
        let fill = tier.map(|_| d.fill(i, dark));
        let css = |f: fn(&Color) -> Color| fill.as_ref().map(|c| f(c).css()).unwrap_or_default();
        rects.push(Rect {
            tier: i,
            rest: tier.is_none(),
            tier_id: tier.map(|t| t.id.clone()).unwrap_or_default(),
            x: seg.x0 * 100.0,
            w: (seg.x1 - seg.x0) * 100.0,
            fill: css(|c| *c),
            ink: css(Color::text_on),
            inside,
            short: tier.map(|t| match g.block_at(i).count_ones() {
                0 | 1 => t.short_or_label().get(code).to_string(),
                _ => name.clone(),
            }),
            label: name,
            full,
            count_text,
            share_text,
        });
    }
    let tier_ids: Vec<String> = d.tiers.iter().map(|t| t.id.clone()).collect();
    let evaluated = evaluated_text(g, lang)
        .map(|e| format!("{e} {}", t(lang, Msg::Evaluated)))
        .unwrap_or_default();
    let (headline, coverage) = if g.has_split() {
        (evaluated, coverage_line(g, lang))
    } else {
        // No bar to read: the words say why, then the coverage.
        let mut line = t(lang, Msg::NoBreakdown).to_string();
        push_part(&mut line, &coverage_line(g, lang));
        (String::new(), line)
    };
    GroupView {
        id: g.id.clone(),
        heading: g.label.get(code).to_string(),
        headline,
        coverage,
        rects,
        outside,
        approx: g.approx_flags(),
        or_better: or_better_lines(d, g, &tenths, lang),
        tenths,
        no_data: s.sum == 0,
        split: g.has_split(),
        marks: group_warnings(g, &tier_ids)
            .iter()
            .map(|w| format!("⚠ {}", mark_message(lang, w)))
            .collect(),
        rest,
        pieces: pieces(g),
    }
}

/// The name of tier `i`'s piece of the bar: the tier's label, or for a
/// block ("good or better", the better tiers not given) the short names
/// of the tiers it holds (`Xuất sắc + Tốt`).
#[inline(never)]
pub fn piece_name(d: &Dataset, g: &Group, i: usize, lang: UiLang) -> String {
    let block = Selection(g.block_at(i));
    match d.tiers.get(i) {
        Some(t) if block.0.count_ones() < 2 => t.label.get(lang.code()).to_string(),
        _ => tier_names(&d.tiers, block, lang),
    }
}

/// "(theo báo cáo)": a share is the report's, not computed from counts;
/// with the printed figure when the bar's one decimal shows it otherwise
/// (more decimals, or shares not adding up to 100): "(theo báo cáo: 89,45%)".
fn as_reported(millionths: u64, tenths: u32, lang: UiLang) -> String {
    let words = t(lang, Msg::AsReported);
    if millionths == u64::from(tenths) * (SHARE_SCALE / 10) {
        format!(" ({words})")
    } else {
        format!(" ({words}: {})", decimal(millionths, lang))
    }
}

/// How many were evaluated, formatted: the stated figure, else the sum of
/// the counts, marked `≈` when that sum adds approximate figures.
pub fn evaluated_text(g: &Group, lang: UiLang) -> Option<String> {
    let e = g.evaluated_or_sum()?;
    Some(approx_mark(sum_approx(g), &int(e, lang)))
}

/// Whether the evaluated figure is a sum of approximate counts.
fn sum_approx(g: &Group) -> Option<Approx> {
    (g.evaluated.is_none() && g.any_approx()).then_some(Approx::About)
}

/// `695 trên tổng số 698 được đánh giá (99,6%)`, `94.877 được đánh giá`,
/// or for shares without a count, that they are shares as reported.
pub fn coverage_line(g: &Group, lang: UiLang) -> String {
    let approx = sum_approx(g);
    let mut line = match (g.evaluated_or_sum(), g.total) {
        (Some(e), Some(total)) => format!(
            "{} {} {} {} ({})",
            approx_mark(approx, &int(e, lang)),
            t(lang, Msg::OfTotal),
            int(total, lang),
            t(lang, Msg::Evaluated),
            approx_mark(approx, &percent(coverage(e, total), lang))
        ),
        (Some(e), None) => format!(
            "{} {}",
            approx_mark(approx, &int(e, lang)),
            t(lang, Msg::Evaluated)
        ),
        (None, Some(total)) => format!("{}: {}", t(lang, Msg::Total), int(total, lang)),
        (None, None) => String::new(),
    };
    if g.basis == Basis::Shares {
        let words = t(lang, Msg::SharesOnly);
        if line.is_empty() {
            // Both languages' words start with an ASCII letter.
            let mut first = words.to_string();
            first[..1].make_ascii_uppercase();
            line = first;
        } else {
            push_part(&mut line, words);
        }
    }
    line
}

/// One line per figure given "or better": the figure as printed, and its
/// share (the sum of the bar's shares up to that tier, so it matches them).
fn or_better_lines(d: &Dataset, g: &Group, tenths: &[u32], lang: UiLang) -> Vec<String> {
    let code = lang.code();
    g.or_better
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .filter_map(|(i, (v, approx))| {
            let label = d.tiers.get(i)?.label.get(code);
            let figure = match g.basis {
                // The share as printed.
                Basis::Shares => approx_mark(approx, &decimal(v, lang)),
                _ => {
                    let sum: u32 = tenths.iter().take(i + 1).sum();
                    let share_text = approx_mark(approx, &percent(sum, lang));
                    format!("{} ({share_text})", approx_mark(approx, &int(v, lang)))
                }
            };
            Some(or_better_line(label, &figure, lang))
        })
        .collect()
}

/// The combined-share line for a selection, e.g. `Xuất sắc + Tốt: 94,8%`;
/// `None` when nothing is selected.
pub fn selected_line(d: &Dataset, g: &GroupView, sel: Selection, lang: UiLang) -> Option<String> {
    selected_share(d, g, sel, lang).map(|(names, value)| format!("{names}: {value}"))
}

/// The selected tiers' names and their combined share (`Xuất sắc + Tốt`,
/// `94,8%`); `None` when nothing is selected or the group has no split.
pub fn selected_share(
    d: &Dataset,
    g: &GroupView,
    sel: Selection,
    lang: UiLang,
) -> Option<(String, String)> {
    if sel.is_empty() || !g.split {
        return None;
    }
    let approx = sel.any_of(&g.approx);
    // A partial split: the pieces wholly selected, and whether a piece
    // partly selected could add to them.
    let (tenths, at_least) = sel.share(&g.tenths, &g.pieces);
    let value = share_text(percent(tenths, lang), tenths, at_least, approx, lang);
    Some((tier_names(&d.tiers, sel, lang), value))
}

/// The group header's right slot, its words over its figure: the
/// selection's names and share, or with nothing selected (or no split)
/// how many were evaluated, in words, and no figure.
pub fn head_slot(d: &Dataset, g: &GroupView, sel: Selection, lang: UiLang) -> (String, String) {
    selected_share(d, g, sel, lang).unwrap_or_else(|| (g.headline.clone(), String::new()))
}

/// A combined share as shown: `≥ 92,6%` when a not-given piece could add
/// to it (the words "not given" when nothing given is in it), `≈ 92,6%`
/// when it adds an approximate figure.
#[inline(never)]
pub fn share_text(
    value: String,
    tenths: u32,
    at_least: bool,
    approx: bool,
    lang: UiLang,
) -> String {
    match (at_least, tenths, approx) {
        (true, 0, _) => t(lang, Msg::NotGiven).to_string(),
        (true, ..) => format!("≥ {value}"),
        (false, _, true) => approx_mark(Some(Approx::About), &value),
        (false, _, false) => value,
    }
}

/// The selected tiers' short names, e.g. `Xuất sắc + Tốt`.
pub fn tier_names(tiers: &[Tier], sel: Selection, lang: UiLang) -> String {
    let names: Vec<&str> = sel
        .tiers()
        .filter_map(|i| tiers.get(i))
        .map(|t| t.short_or_label().get(lang.code()))
        .collect();
    join_tiers(&names)
}

/// The note (numbered from 1, in the file's order) that explains tier
/// `i`'s zero in `g`: a count of 0 that the report only implies, told by a
/// note naming both the group and the tier, in Vietnamese or English
/// (accents and case aside). The chart and the table mark that zero `0¹`.
/// `None` for any other figure, or when no note names it.
pub fn zero_note(d: &Dataset, g: &Group, i: usize) -> Option<usize> {
    let tier = d.tiers.get(i)?;
    if g.basis != Basis::Counts || g.not_given_at(i) || g.counts.get(i) != Some(&0) {
        return None;
    }
    d.notes
        .iter()
        .position(|n| {
            ["vi", "en"].iter().any(|code| {
                let [note, group, tier] = [n, &g.label, &tier.label].map(|t| fold(t.get(code)));
                !group.is_empty() && note.contains(&group) && note.contains(&tier)
            })
        })
        .map(|k| k + 1)
}

/// A note's marker, `n` in superscript digits (`¹`, `¹²`).
///
/// ```
/// assert_eq!(tier_breakdown_core::layout::marker(12), "¹²");
/// ```
pub fn marker(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            // ⁰ ⁴ … ⁹ follow each other from U+2070.
            _ => char::from_u32(0x2070 + c.to_digit(10).unwrap_or(0)).unwrap_or(c),
        })
        .collect()
}
