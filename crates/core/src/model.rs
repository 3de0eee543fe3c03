//! Domain types: a results file after validation. Everything here is known to
//! be well formed (ids unique, counts whole numbers, colours safe, links
//! http(s)), so the stack, layout and UI layers never re-check the input.

/// A piece of text given in one or more languages, e.g. `{"vi": "…", "en": "…"}`.
///
/// The first entry is the file's default language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    entries: Vec<(String, String)>,
}

impl Text {
    /// Text in one language.
    pub fn plain(lang: &str, text: &str) -> Text {
        Text {
            entries: vec![(lang.to_string(), text.to_string())],
        }
    }

    /// Builds text from `(language, text)` pairs; the first pair is the fallback.
    /// Returns `None` when there are no pairs.
    pub fn from_entries(entries: Vec<(String, String)>) -> Option<Text> {
        if entries.is_empty() {
            None
        } else {
            Some(Text { entries })
        }
    }

    /// The text in `lang` (matching `vi` for `vi-VN` too), else in the file's language.
    ///
    /// ```
    /// use tier_breakdown_core::model::Text;
    /// let t = Text::from_entries(vec![("vi".into(), "Đảng viên".into()), ("en".into(), "Members".into())]).unwrap();
    /// assert_eq!(t.get("en"), "Members");
    /// assert_eq!(t.get("fr"), "Đảng viên");
    /// ```
    pub fn get(&self, lang: &str) -> &str {
        let primary = lang.split('-').next().unwrap_or(lang);
        self.entries
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|(l, _)| l.split('-').next() == Some(primary))
            })
            .or_else(|| self.entries.first())
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    /// Whether every entry is empty: a placeholder for a label left out.
    pub fn is_blank(&self) -> bool {
        self.entries.iter().all(|(_, t)| t.is_empty())
    }

    /// Whether the text exists in `lang` (not only as a fallback).
    pub fn has(&self, lang: &str) -> bool {
        let primary = lang.split('-').next().unwrap_or(lang);
        self.entries
            .iter()
            .any(|(l, _)| l.split('-').next() == Some(primary))
    }
}

/// An sRGB colour from the file (`#rrggbb`) or the default palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// CSS form, always `#rrggbb`: safe to put in a style attribute.
    pub fn css(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Parses `#rgb` or `#rrggbb` (case-insensitive).
    ///
    /// ```
    /// use tier_breakdown_core::model::Color;
    /// assert_eq!(Color::parse("#1B7837"), Some(Color(0x1b, 0x78, 0x37)));
    /// assert_eq!(Color::parse("red"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Color> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        match hex.len() {
            3 => Some(Color(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Color(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(&self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                let x = (c + 0.055) / 1.055;
                x * x * root(x * x, 5)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours (1.0 to 21.0).
    pub fn contrast(&self, other: &Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// The grey of the same luminance: how an unselected tier is drawn.
    /// Contrast depends on luminance only, so every contrast ratio (with the
    /// neighbours, the background and the label) stays what it was.
    pub fn grey_twin(&self) -> Color {
        let l = self.luminance();
        let s = if l <= 0.003_130_8 {
            l * 12.92
        } else {
            1.055 * root(l.powi(5), 12) - 0.055
        };
        let g = (s * 255.0).round().clamp(0.0, 255.0) as u8;
        Color(g, g, g)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn text_on(&self) -> Color {
        let black = Color(0x11, 0x11, 0x11);
        let white = Color(0xff, 0xff, 0xff);
        if self.contrast(&black) >= self.contrast(&white) {
            black
        } else {
            white
        }
    }
}

/// The `n`-th root of `a` in (0, 1], by Newton's method from 1: with it,
/// `x^2.4 = x²·(x²)^(1/5)` and `l^(1/2.4) = (l⁵)^(1/12)` need no libm
/// `pow` (2.1 KiB of the readers' wasm). Within 1e-15 of `powf` over every
/// 8-bit channel (`crates/core/tests/palette.rs`).
fn root(a: f64, n: i32) -> f64 {
    let mut y = 1.0f64;
    // From 1 down to the root: steps of (n−1)/n at first, then quadratic
    // (64 are enough for a ≥ 1e-13, the smallest asked for).
    for _ in 0..64 {
        let p = y.powi(n - 1);
        y -= (p * y - a) / (f64::from(n) * p);
    }
    y
}

/// One tier of the review, e.g. "completed duties excellently".
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub id: String,
    pub label: Text,
    pub short: Option<Text>,
    /// The file's colour for this tier; the default palette's when absent
    /// ([`Dataset::fill`]).
    pub color: Option<Color>,
}

/// The default palette (`DESIGN.md`): a diverging scale split at the
/// pass/fail line. Pass tiers take a blue ramp (darkest is best in the
/// light theme, lightest is best in the dark one), fail tiers a burnt
/// orange one (mildest first), light then dark. Every fill takes a label ink
/// ([`Color::text_on`]) of at least 4.5:1; the blue L* runs one way, so the
/// order survives print. `crates/core/tests/palette.rs` holds these rules
/// and the colour-vision distances between neighbours.
pub const BLUES: [[Color; 5]; 2] = [
    [
        rgb(0x0f3a66),
        rgb(0x2c639c),
        rgb(0x4a8fd6),
        rgb(0x89b2e4),
        rgb(0xbdd7f1),
    ],
    [
        rgb(0xbcd9f6),
        rgb(0x88b3e6),
        rgb(0x4a8fd6),
        rgb(0x3a74b1),
        rgb(0x2b5a8e),
    ],
];

/// Fail tiers' oranges, mildest to worst, light then dark (see [`BLUES`]).
pub const ORANGES: [[Color; 3]; 2] = [
    [rgb(0xf4b08a), rgb(0xd97d4f), rgb(0xb94a12)],
    [rgb(0x8a4a26), rgb(0xbc6d3f), rgb(0xf0915a)],
];

/// A colour written as `DESIGN.md` writes it: `0xrrggbb`.
const fn rgb(hex: u32) -> Color {
    Color((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// Which of [`BLUES`] k pass tiers take, k = 1…5 one after the other: B1;
/// B1 B4; B1 B3 B5; B1 B2 B4 B5; all. The k-th list starts at k(k−1)/2.
const BLUE_PICKS: [u8; 15] = [0, 0, 3, 0, 2, 4, 0, 1, 3, 4, 0, 1, 2, 3, 4];
/// Which of [`ORANGES`] m fail tiers take, m = 1…3: O3; O1 O3; all.
const ORANGE_PICKS: [u8; 6] = [2, 0, 2, 0, 1, 2];

/// The default fill of tier `i` of `n`, failing from tier `fail_from`:
/// pass tiers share the blue ramp, fail tiers the orange one, as
/// `DESIGN.md` picks them; past its picks (more tiers than the ramp has
/// colours), evenly spaced points on the ramp, interpolated in sRGB between
/// its colours and stepped out of the mid greys where neither label ink
/// reaches 4.5:1.
pub fn default_fill(i: usize, n: usize, fail_from: usize, dark: bool) -> Color {
    let theme = usize::from(dark);
    let (ramp, picks, j, count): (&[Color], &[u8], _, _) = if i < fail_from {
        (&BLUES[theme], &BLUE_PICKS, i, fail_from)
    } else {
        let m = n.saturating_sub(fail_from).max(1);
        (&ORANGES[theme], &ORANGE_PICKS, i - fail_from, m)
    };
    // A tier past the last (never asked for) takes the worst.
    let (j, last) = (j.min(count - 1), ramp.len() - 1);
    if count <= ramp.len() {
        let at = picks.get(count * (count - 1) / 2 + j).copied();
        return ramp[usize::from(at.unwrap_or(0)).min(last)];
    }
    let (num, den) = (j * last, count - 1);
    let at = (num / den).min(last - 1);
    let rem = num - at * den;
    let (a, b) = (ramp[at], ramp[at + 1]);
    let mix = |x: u8, y: u8| ((usize::from(x) * (den - rem) + usize::from(y) * rem) / den) as u8;
    let mut c = Color(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2));
    // A few steps of 1/16 away from the ink at most.
    for _ in 0..16 {
        let ink = c.text_on();
        if c.contrast(&ink) >= 4.5 {
            break;
        }
        let step = |x: u8| {
            if ink.0 == 0xff {
                x - x / 16
            } else {
                x + (255 - x) / 16
            }
        };
        c = Color(step(c.0), step(c.1), step(c.2));
    }
    c
}

/// The fill of a tier a filter leaves out (`DESIGN.md`'s neutrals: the
/// unselected tier recedes to the rules' grey), light then dark. Its label
/// ink is [`Color::text_on`], as for every fill.
pub const UNSELECTED: [Color; 2] = [Color(0xd9, 0xd9, 0xd9), Color(0x3a, 0x3a, 0x3a)];

impl Tier {
    /// The short label where the file gives one, else the label.
    pub fn short_or_label(&self) -> &Text {
        self.short.as_ref().unwrap_or(&self.label)
    }
}

/// What a group's tier figures are, as the report gives them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Basis {
    /// Counts of organisations, cells or members.
    #[default]
    Counts,
    /// Shares in percent, as printed (no counts are known).
    Shares,
    /// No split by tier at all: only how many were reviewed.
    Coverage,
}

/// How a figure was printed when it is not exact: "khoảng" (about), "gần"
/// (nearly), "hơn" (over), "dưới" (under).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    About,
    Nearly,
    Over,
    Under,
}

impl Approx {
    /// The file's word for it.
    pub fn id(self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::Over => "over",
            Approx::Under => "under",
        }
    }
}

/// Shares are kept in millionths of a percent (`89.4` → 89,400,000), so
/// any share printed with up to six decimals is exact.
pub const SHARE_SCALE: u64 = 1_000_000;

/// One ranked group, e.g. party members, with a figure per tier in tier order.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub id: String,
    pub label: Text,
    pub total: Option<u64>,
    pub evaluated: Option<u64>,
    /// One figure per tier, in the order of [`Dataset::tiers`], each for
    /// that tier alone (an "or better" figure is already split): the bar's
    /// weights. Counts for [`Basis::Counts`], shares in millionths of a
    /// percent ([`SHARE_SCALE`]) for [`Basis::Shares`], all zero for
    /// [`Basis::Coverage`].
    pub counts: Vec<u64>,
    pub basis: Basis,
    /// Per tier, how the figure (for that tier alone) was approximate;
    /// empty when every figure is exact.
    pub approx: Vec<Option<Approx>>,
    /// Per tier, the figure as printed when the report gave it "or better"
    /// (that tier and every better one together), with how it was itself
    /// approximate; empty when none was.
    pub or_better: Vec<Option<(u64, Option<Approx>)>>,
    /// For shares, the most decimals any share was printed with (their
    /// rounding decides when shares "add up to 100").
    pub decimals: u8,
    /// The tiers whose figure the report does not give (`null` in the
    /// file, version 3), bit `i` for tier `i`: its `counts` entry is 0 and
    /// it is never drawn as zero. 0 when every tier is given.
    pub not_given: u8,
}

/// Where one piece of a group's bar comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A tier's own figure (index into the tiers); for a
    /// [`Group::block_at`] tier, that tier and the not-given better ones.
    Tier(usize),
    /// The not-given rest: the base minus every given figure.
    Rest,
}

impl Group {
    /// A group of exact counts.
    pub fn of_counts(id: &str, label: Text, counts: Vec<u64>) -> Group {
        Group {
            id: id.to_string(),
            label,
            total: None,
            evaluated: None,
            counts,
            basis: Basis::Counts,
            approx: Vec::new(),
            or_better: Vec::new(),
            decimals: 0,
            not_given: 0,
        }
    }

    /// Whether the report does not give tier `i`'s figure.
    pub fn not_given_at(&self, i: usize) -> bool {
        i < 8 && self.not_given >> i & 1 == 1
    }

    /// The tiers (a bit set, bit `i` for tier `i`) whose figures are in
    /// tier `i`'s bar piece: `i` itself, and for an "or better" figure,
    /// each not-given better tier not already in an earlier such piece (a
    /// block: "good or better 97,6%" with the excellent ones not given).
    /// None for a not-given tier.
    #[inline(never)]
    pub fn block_at(&self, i: usize) -> u8 {
        if self.not_given_at(i) || i >= 8 {
            return 0;
        }
        let mut set = 1 << i;
        for j in (0..i).rev().take_while(|_| self.derived_at(i)) {
            if self.not_given_at(j) {
                set |= 1 << j;
            } else if self.derived_at(j) {
                break;
            }
        }
        set
    }

    /// The not-given tiers no "or better" block holds (a bit set): the
    /// ones the rest of the bar stands for.
    #[inline(never)]
    pub fn rest_tiers(&self) -> u8 {
        let held = (0..self.counts.len()).fold(0, |s, i| s | self.block_at(i));
        self.not_given & !held
    }

    /// The not-given rest: the base (evaluated, else total, for counts;
    /// 100% for shares) minus the given figures; 0 when every tier is
    /// given or the given ones fill the base.
    #[inline(never)]
    pub fn rest(&self) -> u64 {
        let base = match self.basis {
            _ if self.not_given == 0 => 0,
            Basis::Counts => self.evaluated.or(self.total).unwrap_or(0),
            Basis::Shares => 100 * SHARE_SCALE,
            Basis::Coverage => 0,
        };
        base.saturating_sub(self.sum())
    }

    /// The bar's base: the tier figures and the not-given rest.
    pub fn bar_sum(&self) -> u64 {
        self.sum() + self.rest()
    }

    /// The bar's pieces in drawing order with their weights: each tier's
    /// own figure, and the rest where its first tier would sit.
    #[inline(never)]
    pub fn slots(&self) -> Vec<(Slot, u64)> {
        // The first tier of the rest (8, past every tier, when none).
        let rest_at = self.rest_tiers().trailing_zeros() as usize;
        let mut out = Vec::with_capacity(self.counts.len() + 1);
        for (i, &c) in self.counts.iter().enumerate() {
            if rest_at == i {
                out.push((Slot::Rest, self.rest()));
            }
            out.push((Slot::Tier(i), c));
        }
        out
    }

    /// Whether tier `i`'s own figure is derived (an "or better" figure
    /// minus the better tiers) rather than printed.
    pub fn derived_at(&self, i: usize) -> bool {
        self.or_better.get(i).is_some_and(Option::is_some)
    }

    /// How tier `i`'s own figure is approximate, if it is.
    pub fn approx_at(&self, i: usize) -> Option<Approx> {
        self.approx.get(i).copied().flatten()
    }

    /// Whether each tier's own figure is approximate, in tier order;
    /// empty when every figure is exact.
    pub fn approx_flags(&self) -> Vec<bool> {
        self.approx.iter().map(Option::is_some).collect()
    }

    /// Whether any tier figure is approximate.
    pub fn any_approx(&self) -> bool {
        self.approx.iter().any(Option::is_some)
    }

    /// Whether the report splits this group by tier at all.
    pub fn has_split(&self) -> bool {
        self.basis != Basis::Coverage
    }

    /// Sum of the tier counts: the base of the 100% bar.
    pub fn sum(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The number reviewed: the stated figure, else the sum of the tier
    /// counts (when every tier is given); none for shares without a stated
    /// figure, or no figures at all.
    pub fn evaluated_or_sum(&self) -> Option<u64> {
        match self.basis {
            Basis::Counts if self.not_given != 0 => self.evaluated,
            Basis::Counts => Some(self.evaluated.unwrap_or_else(|| self.sum())),
            Basis::Shares | Basis::Coverage => self.evaluated,
        }
    }
}

/// A sub-unit (district, commune) with the same groups as the whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub id: String,
    pub label: Text,
    pub groups: Vec<Group>,
}

/// Another period's figures in the same file (e.g. the year before).
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodData {
    pub id: String,
    pub label: Text,
    pub groups: Vec<Group>,
    pub units: Vec<Unit>,
}

/// Where the figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: Text,
    /// Always `http:` or `https:`.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<Date>,
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// A whole, valid results file.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Language of labels given as plain strings (`vi`, `en`, …).
    pub lang: String,
    pub title: Text,
    pub subtitle: Option<Text>,
    pub region: Option<Text>,
    pub period: Option<Text>,
    /// How the `period` and `compare` options name the top-level figures'
    /// period (`period_id` in the file, `current` by default).
    pub period_id: String,
    pub source: Option<Source>,
    pub notes: Vec<Text>,
    pub tiers: Vec<Tier>,
    /// Tier ids highlighted at first (`highlight`; the two best when the
    /// file names none: `stack::Selection::start`).
    pub highlight: Option<Vec<String>>,
    /// The first failing tier's index (`fail_from` in the file; the last
    /// tier by default): the palette's pass/fail split.
    pub fail_from: usize,
    pub groups: Vec<Group>,
    pub units: Vec<Unit>,
    pub periods: Vec<PeriodData>,
}

impl Dataset {
    /// The colour tier `i` is drawn in: the file's, else [`default_fill`].
    pub fn fill(&self, i: usize, dark: bool) -> Color {
        let own = self.tiers.get(i).and_then(|t| t.color);
        own.unwrap_or_else(|| default_fill(i, self.tiers.len(), self.fail_from, dark))
    }
}
