//! The chart as one self-contained SVG image: for social cards, e-mail
//! newsletters, RSS readers and print, where no script runs. It is drawn
//! from the same [`ChartView`] the widget draws, to the same design
//! (`DESIGN.md`: its type scale and spacing, the group header row with the
//! selection the chart starts with, 28 px bars with 2 px gaps and the
//! selection rule, the list under the bar, the footer block), with text as
//! text in the system fonts, a `<title>` and a `<desc>` (the chart's
//! summary) for screen readers, and nothing it would fetch. Text is
//! wrapped by estimated widths (those of DejaVu Sans, the widest common
//! system font, so wrapped lines fit in narrower fonts too). What only a
//! reader's hand can use (the key's hint, "× Bỏ chọn", the table and CSV
//! links) is not drawn.

use crate::export::summary;
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{chart, head_slot, marker, zero_note, ChartView, GroupView, Rect};
use crate::model::{Dataset, UNSELECTED};
use crate::stack::Selection;

const BAR_H: f64 = 28.0;
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/// Light or dark (`DESIGN.md`'s neutrals): page, text, muted text, rule,
/// and the not-given hatch (stripes, ground).
struct Palette {
    bg: &'static str,
    fg: &'static str,
    muted: &'static str,
    rule: &'static str,
    hatch: (&'static str, &'static str),
}

const LIGHT: Palette = Palette {
    bg: "#ffffff",
    fg: "#1a1a1a",
    muted: "#595959",
    rule: "#d9d9d9",
    hatch: ("#9a9a9a", "#f2f2f2"),
};
const DARK: Palette = Palette {
    bg: "#161616",
    fg: "#ededed",
    muted: "#a6a6a6",
    rule: "#3a3a3a",
    hatch: ("#5e5e5e", "#242424"),
};

/// The not-given rest's fill: 1.5 px stripes every 6 px, at 45°.
const HATCH: &str = "url(#tb-ng)";

/// Estimated width of `s` in pixels at `size` px (DejaVu Sans' advance
/// widths, rounded up by class of character).
pub fn text_px(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 0.4,
            '0'..='9' => 0.64,
            'm' | 'w' | 'M' | 'W' | '%' => 0.95,
            c if c.is_uppercase() => 0.72,
            _ => 0.62,
        })
        .sum();
    em * size * if bold { 1.08 } else { 1.0 }
}

/// Splits `s` into lines no wider than `max` px (a word longer than a line
/// gets a line of its own).
fn wrap(s: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_px(&candidate, size, bold) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `&`, `<`, `>`, `"` for XML text and attributes (`dom::escape`).
fn esc(s: &str) -> String {
    crate::dom::escape(s, true)
}

/// Rounds to a tenth of a pixel: the same bytes on every platform.
fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A text style: size, line height, weight (600 or 700; 0 for regular).
#[derive(Clone, Copy)]
struct Type(f64, f64, u16);

/// Title 20/26 700 (18/24 under 480 px), subtitle and group label 15,
/// key, lists and labels 13/18, footer 12/16: `DESIGN.md`'s four sizes.
const SUBTITLE: Type = Type(15.0, 22.0, 0);
const LABEL: Type = Type(15.0, 20.0, 600);
const SMALL: Type = Type(13.0, 18.0, 0);
const FOOT: Type = Type(12.0, 16.0, 0);

/// The image being written: its elements, the height used so far, its
/// width and its inner padding.
struct Canvas {
    out: String,
    y: f64,
    width: f64,
    pad: f64,
    p: &'static Palette,
    lang: UiLang,
}

impl Canvas {
    /// One `<text>` line with its baseline in a line box from `top`.
    fn line(&mut self, x: f64, top: f64, s: &str, ty: Type, fill: &str, end: bool) {
        let Type(size, lh, weight) = ty;
        self.out += &format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{} fill=\"{fill}\">{}</text>\n",
            n(x),
            n(top + lh / 2.0 + size * 0.35),
            n(size),
            if weight > 0 {
                format!(" font-weight=\"{weight}\"")
            } else {
                String::new()
            },
            if end { " text-anchor=\"end\"" } else { "" },
            esc(s)
        );
    }

    /// Text wrapped to `max` px from `x`, from the current height down.
    fn text_at(&mut self, x: f64, max: f64, s: &str, ty: Type, fill: &str) {
        for l in wrap(s, ty.0, ty.2 > 0, max) {
            self.line(x, self.y, &l, ty, fill, false);
            self.y += ty.1;
        }
    }

    /// Text across the whole inner width.
    fn text(&mut self, s: &str, ty: Type, fill: &str) {
        let (x, max) = (self.pad, self.width - 2.0 * self.pad);
        self.text_at(x, max, s, ty, fill);
    }

    /// A square swatch (12 px) at `x`, centred on an 18 px line from `top`.
    fn swatch(&mut self, x: f64, top: f64, fill: &str) {
        self.out += &format!(
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"{}/>\n",
            n(x),
            n(top + 3.0),
            esc(fill),
            if fill == HATCH {
                format!(" stroke=\"{}\"", self.p.hatch.0)
            } else {
                String::new()
            }
        );
    }

    /// Items of a swatch and a 13 px text, in a wrapping line, `gap` px
    /// apart, each `row` px tall: the key (32 px rows) and the list under a
    /// bar (18 px). An item wider than the line wraps on its own lines.
    fn swatches(&mut self, items: &[(String, String, &str)], gap: f64, row: f64) {
        let (left, right) = (self.pad, self.width - self.pad);
        let (mut x, mut top) = (left, self.y);
        let inset = (row - SMALL.1) / 2.0;
        for (fill, text, ink) in items {
            let w = 18.0 + text_px(text, SMALL.0, false);
            if x > left && x + w > right {
                (x, top) = (left, top + row);
            }
            self.swatch(x, top + inset, fill);
            if x + w > right {
                self.y = top + inset;
                self.text_at(x + 18.0, right - x - 18.0, text, SMALL, ink);
                top = self.y - SMALL.1 - inset;
                x = right;
                continue;
            }
            self.line(x + 18.0, top + inset, text, SMALL, ink, false);
            x += w + gap;
        }
        self.y = top + row;
    }

    /// A group's block: the header row, its marks, the bar with its
    /// selection rule, the list under it, the meta line.
    fn group(&mut self, d: &Dataset, gi: usize, g: &GroupView, sel: Selection, narrow: bool) {
        let p = self.p;
        let inner = self.width - 2.0 * self.pad;
        // The header: the label left (60%), the slot's words over its figure right.
        let (words, figure) = head_slot(d, g, sel, self.lang);
        let top = self.y;
        let label = wrap(&g.heading, LABEL.0, true, inner * 0.6 - 12.0);
        let right_h = SMALL.1 + if figure.is_empty() { 0.0 } else { 24.0 };
        let h = (label.len() as f64 * LABEL.1).max(right_h).max(42.0);
        for (i, l) in label.iter().enumerate() {
            let y = top + h - (label.len() - i) as f64 * LABEL.1;
            self.line(self.pad, y, l, LABEL, p.fg, false);
        }
        let x = self.width - self.pad;
        let words_top = top + h - right_h;
        self.line(x, words_top, &words, SMALL, p.muted, true);
        if !figure.is_empty() {
            let value = Type(if narrow { 18.0 } else { 20.0 }, 24.0, 700);
            self.line(x, words_top + SMALL.1, &figure, value, p.fg, true);
        }
        self.y = top + h;
        for m in &g.marks {
            self.y += 6.0;
            self.text(m, SMALL, p.fg);
        }
        self.y += 6.0;
        self.bar(g, sel);
        self.y += BAR_H + 8.0;
        self.under(d, gi, g, sel, narrow);
        self.y += 2.0;
        let meta = g.meta_line();
        if !meta.is_empty() {
            self.text(&meta, SMALL, p.muted);
        }
    }

    /// The bar: 28 px, square, segments 2 px apart in the background
    /// colour and none narrower than 2 px; unselected tiers in the neutral;
    /// a 3 px rule in the text colour 2 px under each selected segment.
    fn bar(&mut self, g: &GroupView, sel: Selection) {
        let p = self.p;
        let (x0, w) = (self.pad, self.width - 2.0 * self.pad);
        let top = self.y;
        let whole = |fill: &str| {
            format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_H}\" fill=\"{fill}\"/>\n",
                n(x0),
                n(top),
                n(w)
            )
        };
        if !g.split {
            // No split at all: a hatch the width of the bar, its words on the meta line.
            self.out += &whole(HATCH);
            return;
        }
        if g.no_data {
            self.out += &whole(p.rule);
            let no_data = t(self.lang, Msg::NoData);
            self.line(
                x0 + w / 2.0 - text_px(no_data, 13.0, false) / 2.0,
                top + 5.0,
                no_data,
                SMALL,
                p.fg,
                false,
            );
            return;
        }
        self.out += "<g>\n";
        for (i, r) in g.rects.iter().enumerate() {
            let mut x = x0 + r.x / 100.0 * w;
            let mut rw = r.w / 100.0 * w;
            if i > 0 {
                x += 2.0;
                rw -= 2.0;
            }
            let rw = rw.max(2.0);
            x = x.min(x0 + w - rw);
            let (fill, ink) = self.colours(r, sel);
            self.out += &format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_H}\" fill=\"{}\"><title>{}</title></rect>\n",
                n(x),
                n(top),
                n(rw),
                esc(&fill),
                esc(&r.full)
            );
            if !r.rest && sel.contains(r.tier) {
                self.out += &format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\" fill=\"{}\"/>\n",
                    n(x),
                    n(top + BAR_H + 2.0),
                    n(rw),
                    p.fg
                );
            }
            if let Some(label) = &r.inside {
                self.out += &format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                    n(x + rw / 2.0),
                    n(top + BAR_H / 2.0 + 4.5),
                    esc(&ink),
                    esc(label)
                );
            }
        }
        self.out += "</g>\n";
    }

    /// A segment's fill and label ink: its tier's, the neutral when a
    /// selection leaves it out, the hatch for the not-given rest.
    fn colours(&self, r: &Rect, sel: Selection) -> (String, String) {
        if r.rest {
            (HATCH.into(), String::new())
        } else if !sel.is_empty() && !sel.contains(r.tier) {
            let un = UNSELECTED[usize::from(self.p.bg != LIGHT.bg)];
            (un.css(), un.text_on().css())
        } else {
            (r.fill.clone(), r.ink.clone())
        }
    }

    /// Under the bar, in tier order: the segments too narrow for their
    /// label, the not-given rest (hatched), and a zero the report implies
    /// with its note's marker (`0¹`); short names under 480 px.
    fn under(&mut self, d: &Dataset, gi: usize, g: &GroupView, sel: Selection, narrow: bool) {
        let p = self.p;
        let mut items: Vec<(usize, (String, String, &str))> = g
            .rects
            .iter()
            .enumerate()
            .filter(|(i, r)| r.rest || g.outside.contains(i))
            .map(|(_, r)| {
                let (fill, _) = self.colours(r, sel);
                let text = match (&r.short, narrow) {
                    (Some(s), true) => format!("{s} {}", r.share_text),
                    _ if r.count_text.is_empty() => format!("{}: {}", r.label, r.share_text),
                    _ => format!("{}: {} ({})", r.label, r.count_text, r.share_text),
                };
                let ink = if r.rest || sel.is_empty() || sel.contains(r.tier) {
                    p.fg
                } else {
                    p.muted
                };
                (r.tier, (fill, text, ink))
            })
            .collect();
        if let Some(group) = d.groups.get(gi).filter(|_| g.split && !g.no_data) {
            let code = self.lang.code();
            for (i, tier) in d.tiers.iter().enumerate() {
                if let Some(k) = zero_note(d, group, i) {
                    let text = if narrow {
                        format!("{} 0{}", tier.short_or_label().get(code), marker(k))
                    } else {
                        format!("{}: 0{}", tier.label.get(code), marker(k))
                    };
                    let on = sel.is_empty() || sel.contains(i);
                    let fill = match on {
                        true => d.fill(i, p.bg != LIGHT.bg),
                        false => UNSELECTED[usize::from(p.bg != LIGHT.bg)],
                    };
                    items.push((i, (fill.css(), text, if on { p.fg } else { p.muted })));
                }
            }
        }
        if items.is_empty() || !g.split || g.no_data {
            return;
        }
        items.sort_by_key(|(i, _)| *i);
        let items: Vec<_> = items.into_iter().map(|(_, it)| it).collect();
        self.swatches(&items, 12.0, SMALL.1);
    }
}

/// The chart for `d` as a standalone SVG document `width` px wide, in the
/// light or dark theme, in `lang`, with the selection the chart starts
/// with (the file's `highlight`, else the two best tiers).
///
/// ```
/// use tier_breakdown_core::{i18n::UiLang, seed::SEED_JSON, svg::chart_svg, validate::check};
/// let d = check(SEED_JSON).unwrap().dataset;
/// let svg = chart_svg(&d, UiLang::Vi, 1200.0, false);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
/// assert!(svg.contains(">Xuất sắc + Tốt<") && svg.contains(">96,4%<"));
/// ```
pub fn chart_svg(d: &Dataset, lang: UiLang, width: f64, dark: bool) -> String {
    // The image paints its own background: 16 px inside it, 12 under 480 px.
    let narrow = width < 480.0;
    let pad = if narrow { 12.0 } else { 16.0 };
    let v = chart(d, lang, width - 2.0 * pad, dark);
    let sel = Selection::start(d, &[]);
    let p = if dark { &DARK } else { &LIGHT };
    let mut c = Canvas {
        out: String::new(),
        y: pad,
        width,
        pad,
        p,
        lang,
    };
    let title = if narrow {
        Type(18.0, 24.0, 700)
    } else {
        Type(20.0, 26.0, 700)
    };
    c.text(&v.title, title, p.fg);
    if let Some(s) = &v.subtitle {
        c.y += 4.0;
        c.text(s, SUBTITLE, p.muted);
    }
    key(&mut c, &v, sel, narrow);
    c.y += 16.0;
    for (i, g) in v.groups.iter().enumerate() {
        if i > 0 {
            c.y += 20.0;
        }
        c.group(d, i, g, sel, narrow);
    }
    footer(&mut c, &v);
    let height = (c.y + pad).ceil();
    let hatched = v.groups.iter().any(|g| g.rest.is_some() || !g.split);
    let defs = if hatched {
        let (stripe, ground) = p.hatch;
        format!("<defs><pattern id=\"tb-ng\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{ground}\"/><rect width=\"1.5\" height=\"6\" fill=\"{stripe}\"/></pattern></defs>\n")
    } else {
        String::new()
    };
    let desc = summary(d, lang, &[]);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"tb-t tb-d\" lang=\"{lang}\" font-family=\"{FONT}\">\n<title id=\"tb-t\">{title}</title>\n<desc id=\"tb-d\">{desc}</desc>\n{defs}<rect width=\"100%\" height=\"100%\" fill=\"{bg}\"/>\n{body}</svg>\n",
        w = n(width),
        h = n(height),
        lang = lang.code(),
        title = esc(&v.title),
        desc = esc(&desc),
        bg = p.bg,
        body = c.out
    )
}

/// The key: a 12 px swatch and a 13 px label per tier (the short name
/// under 480 px), 16 px apart, in rows of the key's 32 px; a tier the
/// selection leaves out in the neutral. None when no group is split.
fn key(c: &mut Canvas, v: &ChartView, sel: Selection, narrow: bool) {
    if !v.groups.iter().any(|g| g.split) {
        return;
    }
    c.y += 12.0;
    let un = UNSELECTED[usize::from(c.p.bg != LIGHT.bg)].css();
    let fg = c.p.fg;
    let items: Vec<(String, String, &str)> = v
        .legend
        .iter()
        .map(|it| {
            let fill = if sel.is_empty() || sel.contains(it.tier) {
                it.fill.clone()
            } else {
                un.clone()
            };
            let label = match (&it.short, narrow) {
                (Some(s), true) => s.clone(),
                _ => it.label.clone(),
            };
            (fill, label, fg)
        })
        .collect();
    c.swatches(&items, 16.0, 32.0);
}

/// The footer block: a 1 px rule 16 px under the last group, then the
/// source and the numbered notes (`Ghi chú: ¹ … ² …`), 12/16 muted.
fn footer(c: &mut Canvas, v: &ChartView) {
    if v.source.is_none() && v.notes.is_empty() {
        return;
    }
    let p = c.p;
    c.y += 16.0;
    c.out += &format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\" fill=\"{}\"/>\n",
        n(c.pad),
        n(c.y),
        n(c.width - 2.0 * c.pad),
        p.rule
    );
    c.y += 9.0;
    if let Some((source, _, published)) = &v.source {
        let line = match published {
            Some(date) => format!("{source}, {date}"),
            None => source.clone(),
        };
        c.text(&line, FOOT, p.muted);
        c.y += 4.0;
    }
    if !v.notes.is_empty() {
        let notes: Vec<String> = v
            .notes
            .iter()
            .enumerate()
            .map(|(i, note)| format!("{} {note}", marker(i + 1)))
            .collect();
        let line = format!("{}: {}", t(v.lang, Msg::Notes), notes.join("  "));
        c.text(&line, FOOT, p.muted);
    }
}
