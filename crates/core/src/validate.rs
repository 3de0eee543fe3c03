//! Parse and validate a results file (format versions 1 to 3) into a [`Dataset`].
//!
//! Two steps, as ripgrep turns `LowArgs` into `HiArgs`: [`parse`] turns bytes
//! into a raw JSON tree (the only shape the file is trusted to have), then
//! [`validate`] walks that tree and builds the domain types, collecting *every*
//! error with its JSON path (`groups[1].counts.good: expected a whole number
//! ≥ 0, found -3`) instead of stopping at the first, plus warnings kept apart
//! (tiers that do not add up to the evaluated figure, unknown fields). We walk
//! a `serde_json::Value` by hand rather than derive serde structs because a
//! derived deserializer stops at the first error.

use crate::format::plain_decimal;
use crate::json::{Map, StrSet, Value};

use crate::model::{
    Approx, Basis, Color, Dataset, Date, Group, PeriodData, Source, Text, Tier, Unit, SHARE_SCALE,
};

pub use crate::problem::{Expect, Problem, ProblemKind, MAX_BYTES};
/// Longest label, in characters.
pub const MAX_TEXT: usize = 1000;
/// Largest count: JavaScript's `Number.MAX_SAFE_INTEGER`, so every count is exact in JS too.
pub const MAX_COUNT: u64 = (1 << 53) - 1;
pub const TIERS: (usize, usize) = (2, 8);
pub const GROUPS: (usize, usize) = (1, 12);
pub const UNITS: (usize, usize) = (0, 20_000);
pub const PERIODS: (usize, usize) = (0, 20);
/// The top-level period's id when the file gives no `period_id`.
pub const DEFAULT_PERIOD_ID: &str = "current";
/// At most this many errors and this many warnings are kept; the rest are
/// counted in one last [`ProblemKind::More`] (a file of a million bad
/// entries must not become a million list items).
pub const MAX_PROBLEMS: usize = 100;
/// At most this many notes are kept; a warning says how many there were.
pub const MAX_NOTES: usize = 50;

/// A file that can be drawn, with what is worth telling the reader about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// A file that cannot be drawn: all its errors (and any warnings found on the way).
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Parses and validates a results file.
///
/// ```
/// let r = tier_breakdown_core::validate::check("{\"version\": 4}").unwrap_err();
/// assert_eq!(r.errors[0].to_string(),
///     "version: format version 4 is not supported (this widget reads versions 1 to 3)");
/// ```
pub fn check(input: &str) -> Result<Checked, Rejected> {
    match parse(input) {
        Err(p) => Err(Rejected {
            errors: vec![p],
            warnings: vec![],
        }),
        Ok(v) => validate(&v),
    }
}

/// Turns text into a JSON tree: refuses oversize, empty and HTML input, accepts a UTF-8 BOM.
pub fn parse(input: &str) -> Result<Value<'_>, Problem> {
    let at_top = |kind| Problem {
        path: String::new(),
        kind,
    };
    if input.len() > MAX_BYTES {
        return Err(at_top(ProblemKind::TooBig {
            bytes: input.len(),
            cap: MAX_BYTES,
        }));
    }
    let body = input.strip_prefix('\u{feff}').unwrap_or(input);
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(at_top(ProblemKind::Empty));
    }
    if trimmed.starts_with('<') {
        return Err(at_top(ProblemKind::Html));
    }
    crate::json::parse(body).map_err(|e| {
        at_top(ProblemKind::Syntax {
            line: e.line,
            column: e.column,
            detail: e.kind,
        })
    })
}

/// Validates a parsed file into a [`Dataset`], collecting every error.
pub fn validate(root: &Value) -> Result<Checked, Rejected> {
    let mut w = Walker::default();
    let dataset = w.dataset(root);
    for (list, more) in [
        (&mut w.errors, w.errors_more),
        (&mut w.warnings, w.warnings_more),
    ] {
        if more > 0 {
            list.push(Problem {
                path: String::new(),
                kind: ProblemKind::More { count: more },
            });
        }
    }
    match dataset {
        Some(dataset) if w.errors.is_empty() => Ok(Checked {
            dataset,
            warnings: w.warnings,
        }),
        _ => Err(Rejected {
            errors: w.errors,
            warnings: w.warnings,
        }),
    }
}

/// A short, language-neutral rendering of a found value for messages.
pub fn show_value(v: &Value) -> String {
    match v {
        Value::Object(_) => "{…}".to_string(),
        Value::Array(_) => "[…]".to_string(),
        Value::String(s) => show_str(s),
        Value::Number(n) => cut(&n.text()),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_string(),
    }
}

/// A number as written, cut to 40 characters (`1e309` stays whole, a
/// megabyte of digits does not).
fn cut(s: &str) -> String {
    if s.len() > 40 {
        format!("{}…", &s[..40])
    } else {
        s.to_string()
    }
}

/// A string as found, quoted and cut to 40 characters.
pub fn show_str(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    let more = if s.chars().count() > 40 { "…" } else { "" };
    let mut out = String::with_capacity(cut.len() + 4);
    out.push('"');
    // Like `escape_debug` for what matters here (quotes, backslashes,
    // control characters), without its Unicode tables in the wasm.
    for c in cut.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push_str(more);
    out.push('"');
    out
}

/// Characters that change how the text around them reads without showing
/// themselves: bidi controls, zero-width ones, the byte-order mark, line and
/// paragraph separators. Shown escaped in messages.
fn invisible(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

// Paths are built for every field visited (10,000 units make ~400,000), so
// without `format!`, whose machinery is several times slower.
// A key from the file that is not a plain id is quoted and escaped like a
// value (`counts."\u{1b}[31m"`): no terminal escape, bidi override or
// megabyte-long key reaches a message.
fn join(path: &str, key: &str) -> String {
    let quoted;
    let key = if valid_id(key) {
        key
    } else {
        quoted = show_str(key);
        &quoted
    };
    let mut out = String::with_capacity(path.len() + key.len() + 1);
    out.push_str(path);
    if !path.is_empty() {
        out.push('.');
    }
    out.push_str(key);
    out
}

fn index(path: &str, i: usize) -> String {
    let n = i.to_string();
    let mut out = String::with_capacity(path.len() + n.len() + 2);
    out.push_str(path);
    out.push('[');
    out.push_str(&n);
    out.push(']');
    out
}

/// Checks an id: 1–64 of `A–Z a–z 0–9 _ -`.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Checks a language code such as `vi`, `en`, `vi-VN`.
pub fn valid_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Accepts only absolute `http:`/`https:` links with a host and no spaces or control characters.
///
/// ```
/// use tier_breakdown_core::validate::safe_url;
/// assert_eq!(safe_url(" https://baophutho.vn/a "), Some("https://baophutho.vn/a".to_string()));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("/relative"), None);
/// assert_eq!(safe_url("https://baophutho.vn@evil.example/"), None);
/// ```
pub fn safe_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    // `https://baophutho.vn@evil.example/` goes to evil.example: no userinfo.
    if host.is_empty()
        || host.contains('@')
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    Some(s.to_string())
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days {
        return None;
    }
    Some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

/// Reads a count: a whole number from 0 to [`MAX_COUNT`] (`12.0` is accepted as 12).
pub fn whole_number(v: &Value) -> Result<u64, Expect> {
    let Value::Number(n) = v else {
        return Err(Expect::WholeNumber);
    };
    match n.whole() {
        Ok(u) if u <= MAX_COUNT => Ok(u),
        Ok(_) | Err(true) => Err(Expect::SafeNumber),
        Err(false) => Err(Expect::WholeNumber),
    }
}

/// The ids of a list of objects, if the list and every id in it are well formed and distinct.
fn raw_ids(list: Option<&Value>, (min, max): (usize, usize)) -> Option<Vec<String>> {
    let list = list?.as_array()?;
    if list.len() < min || list.len() > max {
        return None;
    }
    let mut ids: Vec<String> = Vec::with_capacity(list.len());
    for item in list {
        // With a bad or repeated id, which tier a count meant is unknowable:
        // the id error alone is reported.
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| valid_id(id))?;
        if ids.iter().any(|x| x == id) {
            return None;
        }
        ids.push(id.to_string());
    }
    Some(ids)
}

#[derive(Default)]
struct Walker {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Errors and warnings past [`MAX_PROBLEMS`], only counted.
    errors_more: usize,
    warnings_more: usize,
    lang: String,
    /// The file's format version (1 to 3).
    version: u64,
}

/// One tier's figure as the file gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Figure {
    /// A count, or a share in millionths of a percent.
    value: u64,
    /// The figure counts this tier and every better one ("trở lên").
    or_better: bool,
    approx: Option<Approx>,
    /// Decimals the figure was printed with (shares).
    decimals: u8,
    /// `null`: the report does not give it (version 3); `value` is 0.
    not_given: bool,
}

/// The decimals a plain number was written with (`89.45` → 2).
fn decimals_of(v: &Value) -> u8 {
    match v {
        Value::Number(n) => n
            .text()
            .split_once('.')
            .map_or(0, |(_, f)| f.len().min(6) as u8),
        _ => 0,
    }
}

/// Reads a share: a percentage from 0 to 100 with at most six decimals,
/// written plainly (`89.4`, `0.05`, `100`), in millionths of a percent.
pub fn share_millionths(v: &Value) -> Result<u64, Expect> {
    let Value::Number(n) = v else {
        return Err(Expect::Share);
    };
    let text = n.text();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (!frac.is_empty() && !digits(frac)) || frac.len() > 6 || int.len() > 3 {
        return Err(Expect::Share);
    }
    let whole: u64 = int.parse().map_err(|_| Expect::Share)?;
    let frac_val: u64 = format!("{frac:0<6}").parse().map_err(|_| Expect::Share)?;
    Ok(whole * SHARE_SCALE + frac_val)
}

/// The words `approx` may take.
fn approx_of(s: &str) -> Option<Approx> {
    [Approx::About, Approx::Nearly, Approx::Over, Approx::Under]
        .into_iter()
        .find(|a| a.id() == s)
}

/// The fields a group may have (version 1 knows the first five).
const GROUP_FIELDS: &[&str] = &["id", "label", "total", "evaluated", "counts", "shares"];

/// Each tier's own figure, and how each is approximate (empty: all exact).
type Split = (Vec<u64>, Vec<Option<Approx>>);

/// Each tier's own figure from the figures as given ("or better" figures
/// minus the better tiers), and how each is approximate; or, for an "or
/// better" figure below the better tiers, that tier's index and the sum.
fn split_or_better(figures: &[Figure]) -> Result<Split, (usize, u64)> {
    let (mut out, mut approx) = (Vec::with_capacity(figures.len()), Vec::new());
    let (mut better, mut better_approx) = (0u64, false);
    for (i, f) in figures.iter().enumerate() {
        let (own, a) = if f.or_better {
            let own = f.value.checked_sub(better).ok_or((i, better))?;
            // "Over 289" minus an exact 61 is over 228; minus anything
            // approximate, only about.
            (
                own,
                if better_approx {
                    Some(Approx::About)
                } else {
                    f.approx
                },
            )
        } else {
            (f.value, f.approx)
        };
        better = better.saturating_add(own);
        better_approx |= a.is_some();
        out.push(own);
        approx.push(a);
    }
    if approx.iter().all(Option::is_none) {
        approx.clear();
    }
    Ok((out, approx))
}

/// What is worth telling the reader about one group's figures (warnings,
/// no path): tiers that do not add up to the evaluated figure (and the
/// case where one tier seems to include the better ones), shares that do
/// not add up to 100%, more evaluated than the total, nothing but zeros.
/// `tiers` are the tier ids. The layout shows these on the group itself.
pub fn group_warnings(g: &Group, tiers: &[String]) -> Vec<ProblemKind> {
    let mut out = Vec::new();
    let sum = g.sum();
    let partial = g.not_given != 0;
    match g.basis {
        // Given tiers may add up to less than the base: the rest is not given.
        Basis::Counts if partial => {
            if let Some(e) = g.evaluated.or(g.total).filter(|&e| sum > e) {
                out.push(ProblemKind::SumMismatch { sum, evaluated: e });
            }
        }
        Basis::Counts => {
            if let Some(e) = g.evaluated.filter(|&e| e != sum && !g.any_approx()) {
                out.push(
                    seems_or_better(g, tiers, e)
                        .unwrap_or(ProblemKind::SumMismatch { sum, evaluated: e }),
                );
            }
        }
        Basis::Shares => {
            let hundred = 100 * SHARE_SCALE;
            // Each printed share may be off by half its last decimal.
            let half = SHARE_SCALE / 2 / 10u64.pow(u32::from(g.decimals.min(6)));
            let tolerance = g.counts.len() as u64 * half;
            let off = if partial {
                sum.saturating_sub(hundred)
            } else {
                sum.abs_diff(hundred)
            };
            if off > tolerance && !g.any_approx() {
                out.push(ProblemKind::SharesSum {
                    sum: plain_decimal(sum, 0),
                });
            }
        }
        Basis::Coverage => {}
    }
    if let (Some(e), Some(t)) = (g.evaluated_or_sum(), g.total) {
        if e > t {
            out.push(ProblemKind::EvaluatedAboveTotal {
                evaluated: e,
                total: t,
            });
        }
    }
    if sum == 0 && g.rest() == 0 && g.has_split() {
        out.push(ProblemKind::AllZero);
    }
    out
}

/// The naive "of which": tiers adding up to more than `evaluated` by
/// exactly the better tiers' sum, with a tier at least that large.
fn seems_or_better(g: &Group, tiers: &[String], evaluated: u64) -> Option<ProblemKind> {
    let sum = g.sum();
    let excess = sum.checked_sub(evaluated).filter(|&x| x > 0)?;
    let mut better_sum = 0u64;
    for k in 1..g.counts.len() {
        better_sum += g.counts[k - 1];
        if better_sum == excess && g.counts[k] >= better_sum {
            return Some(ProblemKind::SeemsOrBetter {
                tier: tiers.get(k)?.clone(),
                value: g.counts[k],
                better: tiers[..k].to_vec(),
                better_sum,
                sum,
                evaluated,
            });
        }
    }
    None
}

/// Keeps a problem while `list` has fewer than [`MAX_PROBLEMS`], else only counts it in `more`.
fn keep(list: &mut Vec<Problem>, more: &mut usize, path: &str, kind: ProblemKind) {
    if list.len() < MAX_PROBLEMS {
        list.push(Problem {
            path: path.to_string(),
            kind,
        });
    } else {
        *more += 1;
    }
}

impl Walker {
    fn err(&mut self, path: &str, kind: ProblemKind) {
        keep(&mut self.errors, &mut self.errors_more, path, kind);
    }

    fn warn(&mut self, path: &str, kind: ProblemKind) {
        keep(&mut self.warnings, &mut self.warnings_more, path, kind);
    }

    fn wrong(&mut self, path: &str, expected: Expect, found: &Value) {
        self.err(
            path,
            ProblemKind::WrongType {
                expected,
                found: show_value(found),
            },
        );
    }

    /// The value as an object, or an error.
    fn object<'v>(&mut self, v: &'v Value<'v>, path: &str) -> Option<&'v Map<'v>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.wrong(path, Expect::Object, other);
                None
            }
        }
    }

    /// Warns about keys not in `known`.
    fn known_fields(&mut self, m: &Map, path: &str, known: &[&str]) {
        for k in m.keys() {
            if !known.contains(&k) {
                self.warn(
                    path,
                    ProblemKind::UnknownField {
                        name: show_str(k).trim_matches('"').to_string(),
                    },
                );
            }
        }
    }

    /// A required field, or a `Missing` error.
    fn required<'v>(&mut self, m: &'v Map<'v>, path: &str, key: &str) -> Option<&'v Value<'v>> {
        let v = m.get(key);
        if v.is_none() {
            self.err(&join(path, key), ProblemKind::Missing);
        }
        v
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => self.text_ok(s, path).then(|| s.trim().to_string()),
            other => {
                self.wrong(path, Expect::String, other);
                None
            }
        }
    }

    fn text_ok(&mut self, s: &str, path: &str) -> bool {
        let n = s.chars().count();
        if s.trim().is_empty() {
            self.err(path, ProblemKind::EmptyText);
            false
        } else if n > MAX_TEXT {
            self.err(
                path,
                ProblemKind::TooLong {
                    max: MAX_TEXT,
                    found: n,
                },
            );
            false
        } else {
            true
        }
    }

    /// A label: a string in the file's language, or `{lang: string, …}`.
    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::String(s) => self
                .text_ok(s, path)
                .then(|| Text::plain(&self.lang, s.trim())),
            Value::Object(m) => {
                let mut entries = Vec::new();
                let mut ok = true;
                for (k, val) in m.iter() {
                    let p = join(path, k);
                    if !valid_lang(k) {
                        self.err(&p, ProblemKind::BadLang { found: show_str(k) });
                        ok = false;
                        continue;
                    }
                    match self.string(val, &p) {
                        Some(s) => entries.push((k.to_string(), s)),
                        None => ok = false,
                    }
                }
                // The file's language first, so it is the fallback.
                if let Some(i) = entries.iter().position(|(l, _)| *l == self.lang) {
                    let e = entries.remove(i);
                    entries.insert(0, e);
                }
                if m.is_empty() {
                    self.err(path, ProblemKind::EmptyText);
                }
                if ok {
                    Text::from_entries(entries)
                } else {
                    None
                }
            }
            other => {
                self.wrong(path, Expect::Text, other);
                None
            }
        }
    }

    fn opt_text(&mut self, m: &Map, path: &str, key: &str) -> Option<Text> {
        let v = m.get(key)?;
        self.text(v, &join(path, key))
    }

    fn array<'v>(
        &mut self,
        v: &'v Value<'v>,
        path: &str,
        (min, max): (usize, usize),
    ) -> Option<&'v Vec<Value<'v>>> {
        match v {
            Value::Array(a) if a.len() < min || a.len() > max => {
                self.err(
                    path,
                    ProblemKind::Count {
                        min,
                        max,
                        found: a.len(),
                    },
                );
                None
            }
            Value::Array(a) => Some(a),
            other => {
                self.wrong(path, Expect::Array, other);
                None
            }
        }
    }

    fn count(&mut self, v: &Value, path: &str) -> Option<u64> {
        match whole_number(v) {
            Ok(n) => Some(n),
            Err(expected) => {
                self.wrong(path, expected, v);
                None
            }
        }
    }

    fn opt_count(&mut self, m: &Map, path: &str, key: &str) -> Option<Option<u64>> {
        match m.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.count(v, &join(path, key)).map(Some),
        }
    }

    fn id(&mut self, m: &Map, path: &str, seen: &mut StrSet) -> Option<String> {
        let v = self.required(m, path, "id")?;
        let p = join(path, "id");
        let Value::String(s) = v else {
            self.wrong(&p, Expect::String, v);
            return None;
        };
        if !valid_id(s) {
            self.err(&p, ProblemKind::BadId { found: show_str(s) });
            return None;
        }
        if !seen.insert(s) {
            self.err(&p, ProblemKind::Duplicate { id: s.to_string() });
            return None;
        }
        Some(s.to_string())
    }

    fn dataset(&mut self, root: &Value) -> Option<Dataset> {
        let m = self.object(root, "")?;
        self.known_fields(
            m,
            "",
            &[
                "$schema",
                "version",
                "lang",
                "title",
                "subtitle",
                "region",
                "period",
                "period_id",
                "source",
                "notes",
                "tiers",
                "highlight",
                "fail_from",
                "groups",
                "units",
                "periods",
            ],
        );
        let version_ok = match m.get("version") {
            None => {
                self.err("version", ProblemKind::Missing);
                false
            }
            Some(Value::Number(n)) if matches!(n.whole(), Ok(1..=3)) => {
                self.version = n.whole().unwrap_or(1);
                true
            }
            Some(other) => {
                self.err(
                    "version",
                    ProblemKind::Version {
                        found: show_value(other),
                    },
                );
                false
            }
        };
        if !version_ok {
            // Another version's fields mean other things: say only that.
            return None;
        }
        let lang = match self.required(m, "", "lang") {
            Some(Value::String(s)) if valid_lang(s) => Some(s.to_string()),
            Some(Value::String(s)) => {
                self.err("lang", ProblemKind::BadLang { found: show_str(s) });
                None
            }
            Some(other) => {
                self.wrong("lang", Expect::String, other);
                None
            }
            None => None,
        };
        self.lang = lang.clone().unwrap_or_else(|| "vi".to_string());
        let title = self
            .required(m, "", "title")
            .and_then(|v| self.text(v, "title"));
        let subtitle = self.opt_text(m, "", "subtitle");
        let region = self.opt_text(m, "", "region");
        let period = self.opt_text(m, "", "period");
        let period_id = match m.get("period_id") {
            None => Some(DEFAULT_PERIOD_ID.to_string()),
            Some(Value::String(s)) if valid_id(s) => Some(s.to_string()),
            Some(Value::String(s)) => {
                self.err("period_id", ProblemKind::BadId { found: show_str(s) });
                None
            }
            Some(other) => {
                self.wrong("period_id", Expect::String, other);
                None
            }
        };
        let source = m.get("source").and_then(|v| self.source(v, "source"));
        let notes = match m.get("notes") {
            None => vec![],
            Some(Value::Array(a)) => {
                // Every note is checked; only the first MAX_NOTES are kept.
                let mut kept = Vec::new();
                for (i, v) in a.iter().enumerate() {
                    let note = self.text(v, &index("notes", i));
                    if let Some(n) = note.filter(|_| kept.len() < MAX_NOTES) {
                        kept.push(n);
                    }
                }
                if a.len() > MAX_NOTES {
                    self.warn(
                        "notes",
                        ProblemKind::NotesLeftOut {
                            shown: MAX_NOTES,
                            found: a.len(),
                        },
                    );
                }
                kept
            }
            Some(v) => self.text(v, "notes").into_iter().collect(),
        };
        let tiers = self.tiers(m);
        // Counts are checked against every well-formed tier id, even when
        // another part of a tier is wrong, so all errors surface at once.
        let tier_ids = raw_ids(m.get("tiers"), TIERS);
        let highlight = self.highlight(m.get("highlight"), tier_ids.as_deref());
        let fail_from = self.fail_from(m, tier_ids.as_deref());
        let groups = self.groups_at(m, "", tier_ids.as_deref(), None);
        let group_ids = raw_ids(m.get("groups"), GROUPS);
        let units = self.units_at(m, "", tier_ids.as_deref(), group_ids.as_deref());
        let periods = self.periods(m, tier_ids.as_deref(), group_ids.as_deref());
        let main_id = period_id.as_deref().unwrap_or(DEFAULT_PERIOD_ID);
        for (i, p) in periods.iter().flatten().enumerate() {
            if p.id == main_id {
                self.err(
                    &join(&index("periods", i), "id"),
                    ProblemKind::Duplicate { id: p.id.clone() },
                );
            }
        }
        // A sub-unit's or period's group may leave out its label: it stays
        // blank here (no copy per unit) and `drill::scoped` shows the
        // top-level group's.
        Some(Dataset {
            lang: lang?,
            title: title?,
            subtitle,
            region,
            period,
            period_id: period_id?,
            source,
            notes,
            tiers: tiers?,
            highlight,
            fail_from: fail_from?,
            groups: groups?,
            units: units?,
            periods: periods?,
        })
    }

    /// `highlight`: tier ids selected at first (each a tier's id).
    fn highlight(&mut self, v: Option<&Value>, tiers: Option<&[String]>) -> Option<Vec<String>> {
        let a = self.array(v?, "highlight", (0, TIERS.1))?;
        let mut ids = Vec::with_capacity(a.len());
        for (i, v) in a.iter().enumerate() {
            let path = index("highlight", i);
            let Some(id) = self.string(v, &path) else {
                continue;
            };
            if tiers.is_some_and(|t| !t.contains(&id)) {
                self.err(&path, ProblemKind::UnknownTier { id });
            } else {
                ids.push(id);
            }
        }
        Some(ids)
    }

    fn source(&mut self, v: &Value, path: &str) -> Option<Source> {
        let m = self.object(v, path)?;
        self.known_fields(m, path, &["name", "url", "published"]);
        let name = self
            .required(m, path, "name")
            .and_then(|v| self.text(v, &join(path, "name")));
        let url = m.get("url").and_then(|v| {
            let p = join(path, "url");
            let s = self.string(v, &p)?;
            let safe = safe_url(&s);
            if safe.is_none() {
                self.err(
                    &p,
                    ProblemKind::BadUrl {
                        found: show_str(&s),
                    },
                );
            }
            safe
        });
        let published = m.get("published").and_then(|v| {
            let p = join(path, "published");
            let s = self.string(v, &p)?;
            let d = parse_date(&s);
            if d.is_none() {
                self.err(
                    &p,
                    ProblemKind::BadDate {
                        found: show_str(&s),
                    },
                );
            }
            d
        });
        Some(Source {
            name: name?,
            url,
            published,
        })
    }

    /// Validates every item of a list of objects with ids, each one even
    /// after a bad one (so all errors surface); `None` if any item failed.
    fn items<T>(
        &mut self,
        list: &[Value],
        path: &str,
        mut item: impl FnMut(&mut Self, &Value, &str, &mut StrSet) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut seen = StrSet::default();
        let mut out = Vec::with_capacity(list.len());
        let mut ok = true;
        for (i, v) in list.iter().enumerate() {
            match item(self, v, &index(path, i), &mut seen) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn tiers(&mut self, m: &Map) -> Option<Vec<Tier>> {
        let list = self.required(m, "", "tiers")?;
        let list = self.array(list, "tiers", TIERS)?;
        self.items(list, "tiers", |w, v, p, seen| w.tier(v, p, seen))
    }

    /// Where failing starts: the index of the tier `fail_from` names, the
    /// last tier when the file says nothing.
    fn fail_from(&mut self, m: &Map, tiers: Option<&[String]>) -> Option<usize> {
        let tiers = tiers?;
        let Some(v) = m.get("fail_from") else {
            return tiers.len().checked_sub(1);
        };
        let id = self.string(v, "fail_from")?;
        let at = tiers.iter().position(|t| *t == id);
        if at.is_none() {
            let id = show_str(&id).trim_matches('"').to_string();
            self.err("fail_from", ProblemKind::UnknownTier { id });
        }
        at
    }

    fn tier(&mut self, v: &Value, path: &str, seen: &mut StrSet) -> Option<Tier> {
        let m = self.object(v, path)?;
        self.known_fields(m, path, &["id", "label", "short", "color"]);
        let id = self.id(m, path, seen);
        let label = self
            .required(m, path, "label")
            .and_then(|v| self.text(v, &join(path, "label")));
        let short = self.opt_text(m, path, "short");
        let color = match m.get("color") {
            None => Some(None),
            Some(v) => {
                let p = join(path, "color");
                let s = self.string(v, &p)?;
                let c = Color::parse(&s);
                if c.is_none() {
                    self.err(
                        &p,
                        ProblemKind::BadColor {
                            found: show_str(&s),
                        },
                    );
                }
                c.map(Some)
            }
        };
        Some(Tier {
            id: id?,
            label: label?,
            short,
            color: color?,
        })
    }

    /// `groups` of the object `m` at `path`. With `only`, ids must be among those (for units and periods).
    fn groups_at(
        &mut self,
        m: &Map,
        path: &str,
        tiers: Option<&[String]>,
        only: Option<&[String]>,
    ) -> Option<Vec<Group>> {
        let gpath = join(path, "groups");
        let list = self.required(m, path, "groups")?;
        let list = self.array(list, &gpath, GROUPS)?;
        let out = self.items(list, &gpath, |w, v, p, seen| {
            w.group(v, p, tiers, only, seen)
        });
        out.filter(|_| tiers.is_some())
    }

    fn group(
        &mut self,
        v: &Value,
        path: &str,
        tiers: Option<&[String]>,
        only: Option<&[String]>,
        seen: &mut StrSet,
    ) -> Option<Group> {
        let m = self.object(v, path)?;
        // Version 1 with `counts`: `shares` is an unknown field, as it always was.
        let known: &[&str] = if self.version >= 2 || m.get("counts").is_none() {
            GROUP_FIELDS
        } else {
            &GROUP_FIELDS[..5]
        };
        self.known_fields(m, path, known);
        let id = self.id(m, path, seen);
        if let (Some(id), Some(only)) = (&id, only) {
            if !only.contains(id) {
                self.err(
                    &join(path, "id"),
                    ProblemKind::UnknownGroup { id: id.clone() },
                );
            }
        }
        // Sub-unit and period groups may leave out the label: the top-level group's is used.
        let label = match (m.get("label"), only) {
            (Some(v), _) => self.text(v, &join(path, "label")),
            (None, Some(_)) => Some(Text::plain(&self.lang, "")),
            (None, None) => {
                self.err(&join(path, "label"), ProblemKind::Missing);
                None
            }
        };
        let total = self.opt_count(m, path, "total");
        let evaluated = self.opt_count(m, path, "evaluated");
        let v2 = self.version >= 2;
        // Version 1 knows no `shares`: there it is an unknown field, as it was.
        let shares = m.get("shares").filter(|_| v2 || m.get("counts").is_none());
        // A group without figures is "coverage only" unless one of its keys
        // is unknown: `"cuonts": {…}` must not quietly drop the split.
        let all_known = m.keys().all(|k| GROUP_FIELDS.contains(&k));
        let (basis, key) = match (m.get("counts"), shares) {
            (Some(_), Some(_)) => {
                self.err(path, ProblemKind::CountsAndShares);
                return None;
            }
            (None, Some(_)) => (Basis::Shares, "shares"),
            // Version 1 had no groups without a split: it asks for the counts.
            (None, None)
                if v2
                    && all_known
                    && (m.get("evaluated").is_some() || m.get("total").is_some()) =>
            {
                (Basis::Coverage, "counts")
            }
            _ => (Basis::Counts, "counts"),
        };
        if basis != Basis::Counts {
            self.needs_v2(&join(path, key));
        }
        let figures = match basis {
            Basis::Coverage => tiers.map(|t| {
                vec![
                    Figure {
                        value: 0,
                        or_better: false,
                        approx: None,
                        decimals: 0,
                        not_given: false,
                    };
                    t.len()
                ]
            }),
            _ => self.figures(m, path, key, tiers, basis == Basis::Shares),
        };
        let (total, evaluated, figures) = (total?, evaluated?, figures?);
        let not_given = figures
            .iter()
            .take(8)
            .enumerate()
            .fold(0u8, |s, (i, f)| s | u8::from(f.not_given) << i);
        if not_given != 0 {
            // Nothing given is a group without a split (no `counts`); a
            // count rest needs a base, or shares would be invented.
            if figures.iter().all(|f| f.not_given) {
                self.err(&join(path, key), ProblemKind::NoneGiven);
                return None;
            }
            if basis == Basis::Counts && evaluated.is_none() && total.is_none() {
                self.err(path, ProblemKind::NotGivenNoBase);
                return None;
            }
        }
        let (counts, approx) = match split_or_better(&figures) {
            Ok(split) => split,
            Err((i, better)) => {
                let tier = tiers.and_then(|t| t.get(i)).cloned().unwrap_or_default();
                let show = |n: u64| match basis {
                    Basis::Shares => format!("{}%", plain_decimal(n, 0)),
                    _ => n.to_string(),
                };
                self.err(
                    &join(&join(path, key), &tier),
                    ProblemKind::OrBetterBelow {
                        value: show(figures[i].value),
                        better: show(better),
                        tier,
                    },
                );
                return None;
            }
        };
        let or_better = if figures.iter().any(|f| f.or_better) {
            figures
                .iter()
                .map(|f| f.or_better.then_some((f.value, f.approx)))
                .collect()
        } else {
            Vec::new()
        };
        let g = Group {
            id: id?,
            label: label?,
            total,
            evaluated,
            counts,
            basis,
            approx,
            or_better,
            decimals: figures.iter().map(|f| f.decimals).max().unwrap_or(0),
            not_given,
        };
        for w in group_warnings(&g, tiers.unwrap_or_default()) {
            let at = match w {
                ProblemKind::EvaluatedAboveTotal { .. } if g.evaluated.is_some() => {
                    join(path, "evaluated")
                }
                _ => join(path, key),
            };
            self.warn(&at, w);
        }
        Some(g)
    }

    /// An error when a version 2 shape is used in a version 1 file.
    fn needs_v2(&mut self, path: &str) {
        if self.version < 2 {
            self.err(path, ProblemKind::NeedsVersion2);
        }
    }

    /// One tier's figure: a number, or `{"value"|"or_better": n, "approx": word}`.
    fn figure(&mut self, v: &Value, path: &str, shares: bool) -> Option<Figure> {
        let number = |w: &mut Walker, v: &Value, p: &str| {
            let read = if shares {
                share_millionths(v)
            } else {
                whole_number(v)
            };
            match read {
                Ok(n) if shares && n > 100 * SHARE_SCALE => {
                    w.err(
                        p,
                        ProblemKind::ShareAbove100 {
                            found: show_value(v),
                        },
                    );
                    None
                }
                Ok(n) => Some(n),
                Err(expected) => {
                    w.wrong(p, expected, v);
                    None
                }
            }
        };
        if let Value::Null = v {
            if self.version < 3 {
                self.err(path, ProblemKind::NeedsVersion3);
                return None;
            }
            return Some(Figure {
                value: 0,
                or_better: false,
                approx: None,
                decimals: 0,
                not_given: true,
            });
        }
        let Value::Object(m) = v else {
            return Some(Figure {
                value: number(self, v, path)?,
                or_better: false,
                approx: None,
                decimals: decimals_of(v),
                not_given: false,
            });
        };
        self.needs_v2(path);
        self.known_fields(m, path, &["value", "or_better", "approx"]);
        let (value, or_better, decimals) = match (m.get("value"), m.get("or_better")) {
            (Some(n), None) => (number(self, n, &join(path, "value")), false, decimals_of(n)),
            (None, Some(n)) => (
                number(self, n, &join(path, "or_better")),
                true,
                decimals_of(n),
            ),
            _ => {
                self.err(path, ProblemKind::ValueOrBetter);
                return None;
            }
        };
        let approx = match m.get("approx") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(s)) => match approx_of(s) {
                Some(a) => Some(Some(a)),
                None => {
                    self.err(
                        &join(path, "approx"),
                        ProblemKind::BadApprox { found: show_str(s) },
                    );
                    None
                }
            },
            Some(other) => {
                self.wrong(&join(path, "approx"), Expect::String, other);
                None
            }
        };
        Some(Figure {
            value: value?,
            or_better,
            approx: approx?,
            decimals,
            not_given: false,
        })
    }

    /// The figure of every tier under `key` (`counts` or `shares`), in tier order.
    fn figures(
        &mut self,
        m: &Map,
        path: &str,
        key: &str,
        tiers: Option<&[String]>,
        shares: bool,
    ) -> Option<Vec<Figure>> {
        let cpath = join(path, key);
        let v = self.required(m, path, key)?;
        let c = self.object(v, &cpath)?;
        let tiers = tiers?;
        let mut ok = true;
        for k in c.keys() {
            if !tiers.iter().any(|t| t == k) {
                self.err(
                    &join(&cpath, k),
                    ProblemKind::UnknownTier {
                        id: show_str(k).trim_matches('"').to_string(),
                    },
                );
                ok = false;
            }
        }
        let mut out = Vec::with_capacity(tiers.len());
        for t in tiers {
            match c.get(t) {
                None => {
                    self.err(&cpath, ProblemKind::MissingTier { id: t.clone() });
                    ok = false;
                }
                Some(v) => match self.figure(v, &join(&cpath, t), shares) {
                    Some(f) => out.push(f),
                    None => ok = false,
                },
            }
        }
        ok.then_some(out)
    }

    fn units_at(
        &mut self,
        m: &Map,
        path: &str,
        tiers: Option<&[String]>,
        groups: Option<&[String]>,
    ) -> Option<Vec<Unit>> {
        let upath = join(path, "units");
        let Some(list) = m.get("units") else {
            return Some(vec![]);
        };
        let list = self.array(list, &upath, UNITS)?;
        let out = self.items(list, &upath, |w, v, p, seen| {
            let um = w.object(v, p)?;
            w.known_fields(um, p, &["id", "label", "groups"]);
            let id = w.id(um, p, seen);
            let label = w
                .required(um, p, "label")
                .and_then(|v| w.text(v, &join(p, "label")));
            let g = w.groups_at(um, p, tiers, Some(groups.unwrap_or(&[])));
            Some(Unit {
                id: id?,
                label: label?,
                groups: g?,
            })
        });
        out.filter(|_| groups.is_some())
    }

    fn periods(
        &mut self,
        m: &Map,
        tiers: Option<&[String]>,
        groups: Option<&[String]>,
    ) -> Option<Vec<PeriodData>> {
        let Some(list) = m.get("periods") else {
            return Some(vec![]);
        };
        let list = self.array(list, "periods", PERIODS)?;
        self.items(list, "periods", |w, v, p, seen| {
            let pm = w.object(v, p)?;
            w.known_fields(pm, p, &["id", "label", "groups", "units"]);
            let id = w.id(pm, p, seen);
            let label = w
                .required(pm, p, "label")
                .and_then(|v| w.text(v, &join(p, "label")));
            let g = w.groups_at(pm, p, tiers, Some(groups.unwrap_or(&[])));
            let u = w.units_at(pm, p, tiers, groups);
            Some(PeriodData {
                id: id?,
                label: label?,
                groups: g?,
                units: u?,
            })
        })
    }
}
