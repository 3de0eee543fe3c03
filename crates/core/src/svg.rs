//! The chart as one self-contained SVG image: for social cards, e-mail
//! newsletters, RSS readers and print, where no script runs. It is drawn
//! from the same [`ChartView`] the widget draws (the same figures, labels,
//! colours and label placement), with text as text in the system fonts, a
//! `<title>` and a `<desc>` (the chart's summary) for screen readers, and
//! nothing it would fetch. Text is wrapped by estimated widths (those of
//! DejaVu Sans, the widest common system font, so wrapped lines fit in
//! narrower fonts too).

use crate::export::summary;
use crate::i18n::UiLang;
use crate::layout::{chart, ChartView, GroupView};
use crate::model::Dataset;

const PAD: f64 = 24.0;
const BAR_H: f64 = 34.0;
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/// Light or dark: page, text, muted text, rule, and the not-given hatch
/// (stripes, ground).
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
    muted: "#555555",
    rule: "#d0d0d0",
    hatch: ("#9a9a9a", "#f2f2f2"),
};
const DARK: Palette = Palette {
    bg: "#161616",
    fg: "#f0f0f0",
    muted: "#c2c2c2",
    rule: "#4a4a4a",
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

/// The image being written: its elements and the height used so far.
struct Canvas {
    out: String,
    y: f64,
    width: f64,
}

impl Canvas {
    /// Text wrapped to the width, from the current height down.
    fn text(&mut self, s: &str, size: f64, bold: bool, fill: &str) {
        self.text_at(PAD, s, size, bold, fill);
    }

    /// The same, starting `x` px from the left edge.
    fn text_at(&mut self, x: f64, s: &str, size: f64, bold: bool, fill: &str) {
        let max = self.width - PAD - x;
        for line in wrap(s, size, bold, max) {
            self.y += size * 1.3;
            self.out += &format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{fill}\">{}</text>\n",
                n(x),
                n(self.y - size * 0.3),
                n(size),
                if bold { " font-weight=\"700\"" } else { "" },
                esc(&line)
            );
        }
    }

    fn legend(&mut self, v: &ChartView, p: &Palette) {
        let size = 14.0;
        let (mut x, max) = (PAD, self.width - PAD);
        self.y += 8.0;
        let row = size * 1.6;
        let mut top = self.y;
        for item in &v.legend {
            let w = 14.0 + 6.0 + text_px(&item.label, size, false) + 16.0;
            if x > PAD && x + w > max {
                x = PAD;
                top += row;
            }
            if x + w > max {
                // Longer than a row: its own rows, wrapped.
                self.out += &format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/>\n",
                    n(PAD),
                    n(top + 3.0),
                    esc(&item.fill)
                );
                self.y = top - 1.8;
                self.text_at(PAD + 20.0, &item.label, size, false, p.fg);
                top = self.y + row - size * 1.3 + 4.0;
                x = max;
                continue;
            }
            self.out += &format!(
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
                n(x),
                n(top + 3.0),
                esc(&item.fill),
                n(x + 20.0),
                n(top + 15.0),
                n(size),
                p.fg,
                esc(&item.label)
            );
            x += w;
        }
        self.y = top + row;
    }

    fn group(&mut self, g: &GroupView, p: &Palette) {
        self.y += 14.0;
        self.text(&g.heading, 16.0, true, p.fg);
        if !g.headline.is_empty() {
            self.text(&g.headline, 26.0, true, p.fg);
        }
        self.text(&g.coverage, 14.0, false, p.muted);
        if g.split && !g.no_data {
            self.bar(g, p);
        }
        for line in g.or_better.iter().chain(&g.marks) {
            self.text(line, 14.0, false, p.fg);
        }
    }

    fn bar(&mut self, g: &GroupView, p: &Palette) {
        let (x0, w) = (PAD, self.width - 2.0 * PAD);
        let top = self.y + 8.0;
        self.out += &format!(
            "<g><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_H}\" rx=\"3\" fill=\"{}\"/>\n",
            n(x0),
            n(top),
            n(w),
            p.rule
        );
        for r in &g.rects {
            let x = x0 + r.x / 100.0 * w;
            let rw = r.w / 100.0 * w;
            self.out += &format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_H}\" fill=\"{}\"><title>{}</title></rect>\n",
                n(x),
                n(top),
                n(rw),
                if r.rest { HATCH.into() } else { esc(&r.fill) },
                esc(&r.full)
            );
            if let Some(label) = &r.inside {
                self.out += &format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                    n(x + rw / 2.0),
                    n(top + BAR_H / 2.0 + 4.5),
                    esc(&r.ink),
                    esc(label)
                );
            }
        }
        self.out += "</g>\n";
        self.y = top + BAR_H + 4.0;
        // Labels that did not fit inside, listed under the bar, each after
        // a square of its tier's colour.
        for r in g.outside.iter().filter_map(|&i| g.rects.get(i)) {
            self.out += &format!(
                "<rect x=\"{}\" y=\"{}\" width=\"11\" height=\"11\" rx=\"2\" fill=\"{}\"/>\n",
                n(PAD),
                n(self.y + 5.5),
                esc(&r.fill)
            );
            self.text_at(PAD + 17.0, &r.full, 13.0, false, p.fg);
        }
        // The not-given rest, said on the group after a hatched square.
        if let Some(rest) = &g.rest {
            self.out += &format!(
                "<rect x=\"{}\" y=\"{}\" width=\"11\" height=\"11\" fill=\"{HATCH}\" stroke=\"{}\"/>\n",
                n(PAD),
                n(self.y + 5.5),
                p.hatch.0
            );
            self.text_at(PAD + 17.0, rest, 13.0, false, p.fg);
        }
    }
}

/// The chart for `d` as a standalone SVG document `width` px wide, in the
/// light or dark theme, in `lang`.
///
/// ```
/// use tier_breakdown_core::{i18n::UiLang, seed::SEED_JSON, svg::chart_svg, validate::check};
/// let d = check(SEED_JSON).unwrap().dataset;
/// let svg = chart_svg(&d, UiLang::Vi, 1200.0, false);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
/// assert!(svg.contains(">94.877 được đánh giá<"));
/// ```
pub fn chart_svg(d: &Dataset, lang: UiLang, width: f64, dark: bool) -> String {
    let v = chart(d, lang, width - 2.0 * PAD, dark);
    let p = if dark { &DARK } else { &LIGHT };
    let mut c = Canvas {
        out: String::new(),
        y: PAD - 6.0,
        width,
    };
    c.text(&v.title, 22.0, true, p.fg);
    if let Some(s) = &v.subtitle {
        c.text(s, 15.0, false, p.muted);
    }
    c.legend(&v, p);
    for g in &v.groups {
        c.group(g, p);
    }
    if v.source.is_some() || !v.notes.is_empty() {
        c.y += 12.0;
    }
    if let Some((source, _, published)) = &v.source {
        let line = match published {
            Some(date) => format!("{source}, {date}"),
            None => source.clone(),
        };
        c.text(&line, 13.0, false, p.muted);
    }
    for note in &v.notes {
        c.text(note, 13.0, false, p.muted);
    }
    let height = (c.y + PAD).ceil();
    let defs = if v.groups.iter().any(|g| g.rest.is_some()) {
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
