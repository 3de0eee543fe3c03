//! Layout: turns a validated [`Dataset`] into exactly what the chart shows,
//! as plain data (strings already formatted, positions already scaled), so
//! a component is a loop over it and a snapshot of it reviews the chart.
//!
//! Segment labels: a label goes inside its segment only when its estimated
//! width fits the segment's pixel width; otherwise it is listed under the
//! bar (a wrapping list, so labels never overlap), and every segment keeps
//! its full text for the tooltip.

use crate::format::{date, int, percent, share};
use crate::i18n::{join_tiers, t, Msg, UiLang};
use crate::model::{Dataset, Group, Tier};
use crate::stack::{coverage, stack, Selection};

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

/// Padding kept on each side of an inside label.
pub const LABEL_PAD_PX: f64 = 6.0;

/// One drawn segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub tier: usize,
    pub tier_id: String,
    /// Left edge and width, in percent of the bar (0–100).
    pub x: f64,
    pub w: f64,
    /// Fill colour `#rrggbb`, its grey twin for when the tier is not
    /// selected, and the text colour that reads on both.
    pub fill: String,
    pub dim_fill: String,
    pub ink: String,
    /// The label drawn inside the segment, if it fits.
    pub inside: Option<String>,
    /// The tier's label.
    pub label: String,
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
    /// The big number: how many were evaluated.
    pub headline: String,
    /// e.g. `695 / 698 được đánh giá (99,6%)` or `94.877 được đánh giá`.
    pub coverage: String,
    pub rects: Vec<Rect>,
    /// Indices into `rects` whose label did not fit inside.
    pub outside: Vec<usize>,
    /// Share of every tier in tenths of a percent, in tier order.
    pub tenths: Vec<u32>,
    pub no_data: bool,
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
            fill: tier.fill(i, dark).css(),
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
    let s = stack(&g.counts);
    let mut tenths = vec![0; g.counts.len()];
    let mut rects = Vec::with_capacity(s.segments.len());
    let mut outside = Vec::new();
    for seg in &s.segments {
        tenths[seg.tier] = seg.tenths;
        let tier = &d.tiers[seg.tier];
        let fill = tier.fill(seg.tier, dark);
        let count_text = int(seg.count, lang);
        let share_text = share(seg.tenths, seg.count, s.sum, lang);
        let px = (seg.x1 - seg.x0) * bar_px;
        let both = format!("{count_text} ({share_text})");
        let inside = if label_fits(&both, px) {
            Some(both)
        } else if label_fits(&share_text, px) {
            Some(share_text.clone())
        } else {
            None
        };
        if inside.as_deref() != Some(&format!("{count_text} ({share_text})")) {
            outside.push(rects.len());
        }
        rects.push(Rect {
            tier: seg.tier,
            tier_id: tier.id.clone(),
            x: seg.x0 * 100.0,
            w: (seg.x1 - seg.x0) * 100.0,
            fill: fill.css(),
            dim_fill: fill.grey_twin().css(),
            ink: fill.text_on().css(),
            inside,
            label: tier.label.get(code).to_string(),
            full: format!("{}: {count_text} ({share_text})", tier.label.get(code)),
            count_text,
            share_text,
        });
    }
    let evaluated = g.evaluated_or_sum();
    let coverage_text = match g.total {
        Some(total) => format!(
            "{} / {} {} ({})",
            int(evaluated, lang),
            int(total, lang),
            t(lang, Msg::Evaluated),
            percent(coverage(evaluated, total), lang)
        ),
        None => format!("{} {}", int(evaluated, lang), t(lang, Msg::Evaluated)),
    };
    GroupView {
        id: g.id.clone(),
        heading: g.label.get(code).to_string(),
        headline: int(evaluated, lang),
        coverage: coverage_text,
        rects,
        outside,
        tenths,
        no_data: s.sum == 0,
    }
}

/// The combined-share line for a selection, e.g. `Xuất sắc + Tốt: 94,8%`;
/// `None` when nothing is selected.
pub fn selected_line(d: &Dataset, g: &GroupView, sel: Selection, lang: UiLang) -> Option<String> {
    if sel.is_empty() {
        return None;
    }
    Some(format!(
        "{}: {}",
        tier_names(&d.tiers, sel, lang),
        percent(sel.combined(&g.tenths), lang)
    ))
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
