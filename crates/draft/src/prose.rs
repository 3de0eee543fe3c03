//! Report text read into a draft: the figures of a provincial committee's
//! report, a press release or another paper's paragraph ("Năm 2022, toàn
//! tỉnh có 695/698 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó có
//! 131 … hoàn thành xuất sắc nhiệm vụ …"), Vietnamese or English.
//!
//! [`read`] finds each group, its coverage and its tier figures, and makes
//! a [`Draft`]. It says where every figure came from ([`Used`]: the words'
//! byte range and the field's JSON path), lists what it saw and did not
//! use with the reason ([`Unused`]: targets, awards, admissions,
//! congresses, inspections, document numbers and dates, changes, "một
//! số"…), and asks where the words allow two readings ([`Question`]: each
//! choice is the draft that reading gives). Nothing is guessed silently:
//! a tier the text does not give is `not_given`; a tier is worked out
//! (`0`) only when the given tiers already add up to the evaluated.
//!
//! How it reads: the text is cut into tokens (accents folded, byte ranges
//! kept), known phrases are recognised (groups, tiers of today's and the
//! older scheme with their abbreviations, coverage, "trở lên", "trong đó",
//! approximations, periods, non-results), then each sentence is read
//! clause by clause (`;`) and item by item (`,`, `và`, a second count):
//! an item's number goes to its tier, or to the coverage, or is the total.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde_json::Value;
use tier_breakdown_core::fold;

use crate::draft::{review_tiers, Basis, Draft, Group, Part, Text, Tier, REVIEW_GROUPS};
use crate::number;
use crate::words::{w, UiLang, W};

/// What [`read`] made of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The draft the first choice of every question gives.
    pub draft: Draft,
    /// Every figure put in the draft, in the text's order.
    pub used: Vec<Used>,
    /// Figures and numbers seen and left out, with the reason.
    pub unused: Vec<Unused>,
    pub questions: Vec<Question>,
    /// What the drafts of other answers are made from.
    read: Read,
}

/// The figures as read, before a draft is made of them, and the questions' kinds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Read {
    accs: Vec<Acc>,
    asks: Vec<Ask>,
    lang: &'static str,
    /// The sub-units named: id and label.
    units: Vec<(String, Text)>,
}

impl Reading {
    /// The draft for `answers` (a question's index and the chosen
    /// choice's; a question not answered keeps its first choice), and
    /// where each of its figures came from.
    ///
    /// ```
    /// let r = tier_breakdown_draft::prose::read("300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 280 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ.");
    /// assert!(r.draft.groups[0].figures[1].or_better);
    /// let (alone, _) = r.answered(&[(0, 1)]);
    /// assert!(!alone.groups[0].figures[1].or_better);
    /// ```
    pub fn answered(&self, answers: &[(usize, usize)]) -> (Draft, Vec<Used>) {
        let chosen: Vec<(Ask, usize)> = self
            .read
            .asks
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let c = answers
                    .iter()
                    .rev()
                    .find(|(q, _)| *q == n)
                    .map_or(0, |(_, c)| *c);
                (*a, c)
            })
            .collect();
        let (draft, mut used) = assemble(&self.read, &chosen);
        used.sort_by_key(|u| (u.derived, u.words.start));
        (draft, used)
    }

    /// Puts the draft of `answers` into `d`: its tiers, groups, sub-units,
    /// periods, period and notes; every other field as it is (a title typed
    /// stays; an empty or placeholder one becomes the text's). Returns
    /// where each figure came from.
    pub fn put(&self, answers: &[(usize, usize)], d: &mut Draft) -> Vec<Used> {
        let (read, used) = self.answered(answers);
        d.tiers = read.tiers;
        d.groups = read.groups;
        d.units = read.units;
        d.periods = read.periods;
        if !read.period_id.is_empty() {
            d.period = read.period;
            d.period_id = read.period_id;
        }
        // The reader's own notes (units alone: their sum) only while they hold.
        d.notes
            .retain(|n| !n.vi.ends_with(w(UiLang::Vi, W::NoteSummed)));
        d.notes.extend(read.notes);
        let untitled = w(UiLang::from_code(&d.lang).unwrap_or_default(), W::Untitled);
        let title = d.title.get(&d.lang).trim();
        if title.is_empty() || title == untitled {
            d.lang = read.lang;
            d.title = read.title;
        }
        used
    }

    /// Answers again: `d` holds what [`Reading::put`] put in for `before`
    /// and the journalist's corrections since; it gets what the draft of
    /// `answers` changes, and every field the journalist changed stays as
    /// typed (where both changed one, the journalist's). Returns where
    /// each figure of the new answers' draft came from.
    ///
    /// ```
    /// let r = tier_breakdown_draft::prose::read("300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 280 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ.");
    /// let mut d = tier_breakdown_draft::draft::Draft::blank();
    /// r.put(&[], &mut d);
    /// d.groups[0].figures[2].value = "16".into(); // corrected in the form
    /// r.reanswer(&[], &[(0, 1)], &mut d);
    /// assert!(!d.groups[0].figures[1].or_better); // the answer
    /// assert_eq!(d.groups[0].figures[2].value, "16"); // the correction
    /// ```
    pub fn reanswer(
        &self,
        before: &[(usize, usize)],
        answers: &[(usize, usize)],
        d: &mut Draft,
    ) -> Vec<Used> {
        let (mut base, mut theirs) = (d.clone(), d.clone());
        self.put(before, &mut base);
        let used = self.put(answers, &mut theirs);
        let json = |d: &Draft| serde_json::to_value(d).unwrap_or(Value::Null);
        let merged = merge3(&json(&base), &json(d), &json(&theirs));
        match serde_json::from_value(merged) {
            Ok(m) => *d = m,
            Err(_) => *d = theirs,
        }
        used
    }
}

/// A three-way merge of JSON values: what `mine` changed from `base`
/// stays, what `theirs` changed from it comes in, and where both changed
/// a value `mine` wins. Lists of objects with ids (tiers, groups, units,
/// periods) are matched by id (an entry one side removed or added stays
/// so); other lists of one length, entry by entry (figures by tier).
fn merge3(base: &Value, mine: &Value, theirs: &Value) -> Value {
    if mine == base {
        return theirs.clone();
    }
    if theirs == base || theirs == mine {
        return mine.clone();
    }
    match (base, mine, theirs) {
        (Value::Object(b), Value::Object(m), Value::Object(t)) => {
            let mut out = m.clone();
            for (k, tv) in t {
                let v = match (b.get(k), m.get(k)) {
                    (Some(bv), Some(mv)) => merge3(bv, mv, tv),
                    (_, Some(mv)) => mv.clone(),
                    (Some(_), None) => continue,
                    (None, None) => tv.clone(),
                };
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        (Value::Array(b), Value::Array(m), Value::Array(t)) => {
            let ids = |a: &[Value]| -> Option<Vec<String>> {
                a.iter()
                    .map(|v| v.get("id").and_then(Value::as_str).map(str::to_string))
                    .collect()
            };
            let Some((bi, mi, ti)) = ids(b).zip(ids(m)).zip(ids(t)).map(|((b, m), t)| (b, m, t))
            else {
                if b.len() == m.len() && m.len() == t.len() {
                    let each = b.iter().zip(m).zip(t);
                    return Value::Array(each.map(|((b, m), t)| merge3(b, m, t)).collect());
                }
                return mine.clone();
            };
            let find = |a: &'_ [Value], ids: &[String], k: &str| {
                ids.iter()
                    .position(|i| i == k)
                    .and_then(|p| a.get(p).cloned())
            };
            let mut out = Vec::new();
            for (mv, k) in m.iter().zip(&mi) {
                match (find(b, &bi, k), find(t, &ti, k)) {
                    (Some(bv), Some(tv)) => out.push(merge3(&bv, mv, &tv)),
                    // Gone from the new draft and not changed by the journalist.
                    (Some(bv), None) if bv == *mv => {}
                    _ => out.push(mv.clone()),
                }
            }
            for (tv, k) in t.iter().zip(&ti) {
                if !bi.contains(k) && !mi.contains(k) {
                    out.push(tv.clone());
                }
            }
            Value::Array(out)
        }
        _ => mine.clone(),
    }
}

/// A figure of the draft and the words it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Used {
    /// Byte range of the words in the text (empty when `derived`).
    pub words: Range<usize>,
    /// The field's JSON path in the written file: `groups[0].counts.good`,
    /// `periods[0].groups[1].evaluated`.
    pub path: String,
    /// The figure as the draft holds it (`94877`, `16.2`).
    pub value: String,
    /// "this tier or better", as the draft holds it.
    pub or_better: bool,
    /// `about`, `nearly`, `over`, `under`, or empty.
    pub approx: String,
    /// Not printed but worked out: with empty `words`, the other tiers add
    /// up to the evaluated, so this one is 0 ([`W::WhyDerived`]); with
    /// words, from them ("100%" of a total, a share of the total as a count).
    pub derived: bool,
    /// Worked out as the sum of the sub-units' figures ([`W::WhySummed`]):
    /// the text gives only theirs.
    pub summed: bool,
}

impl Used {
    /// Why a figure with no words of its own is in the draft: the
    /// sub-units' sum, or the tiers given already adding up.
    pub fn worked_out(&self) -> W {
        if self.summed {
            W::WhySummed
        } else {
            W::WhyDerived
        }
    }

    fn new(words: Range<usize>, path: String, value: &str) -> Used {
        Used {
            words,
            path,
            value: value.to_string(),
            or_better: false,
            approx: String::new(),
            derived: false,
            summed: false,
        }
    }
}

/// Something that looked like a figure and is not in the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unused {
    pub words: Range<usize>,
    pub why: W,
}

/// Two readings of the same words; the draft holds the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub words: Range<usize>,
    pub ask: W,
    pub choices: Vec<Choice>,
}

/// One reading: what it is called; [`Reading::answered`] gives its draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub says: W,
}

// ---------------------------------------------------------------- tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

/// A word, a number or a sign: its folded text and its bytes in the text.
#[derive(Clone, Debug)]
struct Tok {
    kind: Kind,
    s: String,
    span: Range<usize>,
    /// Space before it.
    gap: bool,
    /// Printed with a capital first letter (a name: "Thanh Ba").
    cap: bool,
}

/// The text cut into tokens, accents folded (`Đảng` → `dang`). A line
/// break is a `\n` token (it ends a sentence), unless it only wraps a
/// sentence, as text copied from a PDF does ([`wraps`]).
fn tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Each letter folded once (a long paste repeats the same few dozen).
    let mut memo: HashMap<char, char> = HashMap::new();
    let folded: Vec<char> = chars
        .iter()
        .map(|&(_, c)| match c {
            '–' | '—' | '‐' | '−' => '-',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            c => *memo
                .entry(c)
                .or_insert_with(|| fold::base(c).to_lowercase().next().unwrap_or(c)),
        })
        .collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let (mut i, mut gap) = (0, true);
    while i < chars.len() {
        let c = folded[i];
        // Accents as separate marks (text from some PDFs), zero-width
        // signs and soft hyphens: nothing of their own.
        if invisible(c) {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            // A line break: `\n`, or a lone `\r` (old Mac text).
            let line = c == '\n' || (c == '\r' && folded.get(i + 1) != Some(&'\n'));
            if line
                && out.last().is_some_and(|t: &Tok| t.s != "\n")
                && !wraps(out.last(), &chars[i + 1..])
            {
                out.push(Tok {
                    kind: Kind::Punct,
                    s: "\n".into(),
                    span: byte(i)..byte(i + 1),
                    gap: true,
                    cap: false,
                });
            }
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while i < chars.len() {
                let d = folded[i];
                let sep_then_digit =
                    matches!(d, '.' | ',') && folded.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || sep_then_digit {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            while i < chars.len() && (folded[i].is_alphabetic() || invisible(folded[i])) {
                i += 1;
            }
            Kind::Word
        } else {
            i += 1;
            Kind::Punct
        };
        out.push(Tok {
            kind,
            s: folded[start..i]
                .iter()
                .filter(|c| !invisible(**c))
                .collect(),
            span: byte(start)..byte(i),
            gap,
            cap: kind == Kind::Word && chars[start].1.is_uppercase(),
        });
        gap = false;
    }
    out
}

/// A combining accent ("a" + U+0300 is "à": folded away), a zero-width
/// sign or a soft hyphen.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'
        | '\u{feff}'
        | '\u{ad}')
}

/// Whether a line break after `last` only wraps the sentence: the line
/// does not end a clause (`.`, `;`, `:`…) and the next line goes on in
/// lower case or with a number ("… hoàn thành tốt\nnhiệm vụ", "388\nchi
/// bộ"); a blank line, a bullet, a capital or a table's tab breaks.
fn wraps(last: Option<&Tok>, rest: &[(usize, char)]) -> bool {
    let open = last.is_some_and(|t| t.kind != Kind::Punct || t.s == ",");
    let mut next = rest.iter().map(|&(_, c)| c);
    let first = next.find(|c| !matches!(c, ' ' | '\u{a0}'));
    open && first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && !rest
            .iter()
            .take_while(|&&(_, c)| c != '\n')
            .any(|&(_, c)| c == '\t')
}

// --------------------------------------------------------------- phrases

/// What a known phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Group(&'static str),
    Tier(&'static str),
    /// "được đánh giá, xếp loại", "được kiểm điểm", "were reviewed".
    Cover,
    OrBetter,
    OfWhich,
    Approx(&'static str),
    /// Not a result: the item and the rest of the clause are left out.
    Not(W),
    /// "một số" (some): not a figure.
    Some,
    /// "tăng", "giảm", "so với": the item is a change, not a count.
    Change,
    /// "không có" … "nào": none.
    NoneOf,
    /// "không" before a group and "nào" ("không TCCSĐ nào"): none; else a word.
    No,
    /// "X trong tổng số Y", "X of the province's Y": Y is X's base.
    OutOf,
    /// "tăng từ 38 lên 45": the number after it is the compared year's.
    From,
    /// "lên", "xuống": the number after it is this year's (after [`Mark::From`]).
    To,
    /// "tỷ lệ này": the figure before, in another year.
    This,
    /// "hoặc": after "không có … nào", the next tier is none too.
    Or,
    /// "chiếm", "tỷ lệ": a share follows, even with no `%` ("tỷ lệ … đạt
    /// 13,2").
    Share,
    /// "còn lại": the ones not counted yet ("các chi bộ còn lại hoàn thành
    /// tốt nhiệm vụ").
    Rest,
    Any,
    Number(u32),
    /// "hằng năm": every year, no year named.
    Every,
    /// "và", "and": a new item.
    And,
    /// "toàn tỉnh", "toàn Đảng bộ": the whole, no sub-unit.
    Whole,
    /// "đồng chí", "Đ/c": members, or leaders after them.
    Person,
    /// "tổ chức": organisations right after a number ("30 tổ chức …"), else a word.
    OrgWord,
    /// "đánh giá" right before a number ("đánh giá 36 đảng viên"): coverage.
    CoverVerb,
    /// "số" right before a number ("Khu dân cư số 5"): a name, not a count.
    Label,
    /// A word that names nothing ("có", "đạt", "xếp loại"…).
    Filler,
    /// Words of a name that other phrases would take apart ("cơ sở": not
    /// "có" + "số").
    Name,
}

use Mark as M;

/// Every phrase the reader knows, folded, words and signs apart by
/// spaces; the longest match wins. The third field: an English phrase
/// (the file's language is the one most phrases were in).
const PHRASES: &[(&str, Mark, bool)] = &[
    // Groups.
    ("to chuc co so dang", M::Group("organisations"), false),
    ("to chuc dang", M::Group("organisations"), false),
    ("to chuc co so", M::Group("organisations"), false),
    ("tccsd", M::Group("organisations"), false),
    ("tccs dang", M::Group("organisations"), false),
    ("tccs", M::Group("organisations"), false),
    ("co so dang", M::Group("organisations"), false),
    ("tcd", M::Group("organisations"), false),
    (
        "grassroots party organisations",
        M::Group("organisations"),
        true,
    ),
    (
        "grassroots party organizations",
        M::Group("organisations"),
        true,
    ),
    ("grassroots organisations", M::Group("organisations"), true),
    ("party organisations", M::Group("organisations"), true),
    ("party organizations", M::Group("organisations"), true),
    ("organisations", M::Group("organisations"), true),
    ("organizations", M::Group("organisations"), true),
    ("organisation", M::Group("organisations"), true),
    ("organization", M::Group("organisations"), true),
    ("chi bo truc thuoc dang uy co so", M::Group("cells"), false),
    ("chi bo truc thuoc dang bo co so", M::Group("cells"), false),
    ("chi bo truc thuoc", M::Group("cells"), false),
    // The two kinds of grassroots organisation, when a report splits them.
    ("chi bo co so", M::Group("chi-bo-co-so"), false),
    ("dang bo co so", M::Group("dang-bo-co-so"), false),
    ("chi bo", M::Group("cells"), false),
    (
        "party cells under grassroots party committees",
        M::Group("cells"),
        true,
    ),
    ("party cells", M::Group("cells"), true),
    ("cells", M::Group("cells"), true),
    ("cell", M::Group("cells"), true),
    ("dang vien", M::Group("members"), false),
    ("dv", M::Group("members"), false),
    ("dong chi", M::Person, false),
    ("d / c", M::Person, false),
    ("to chuc", M::OrgWord, false),
    ("party members", M::Group("members"), true),
    ("members", M::Group("members"), true),
    ("member", M::Group("members"), true),
    ("tap the lanh dao , quan ly", M::Group("collectives"), false),
    ("tap the lanh dao quan ly", M::Group("collectives"), false),
    ("tap the lanh dao", M::Group("collectives"), false),
    ("tap the", M::Group("collectives"), false),
    ("leadership collectives", M::Group("collectives"), true),
    ("collectives", M::Group("collectives"), true),
    (
        "ca nhan can bo lanh dao , quan ly",
        M::Group("leaders"),
        false,
    ),
    (
        "ca nhan can bo lanh dao quan ly",
        M::Group("leaders"),
        false,
    ),
    ("can bo lanh dao , quan ly", M::Group("leaders"), false),
    ("can bo lanh dao quan ly", M::Group("leaders"), false),
    ("ca nhan", M::Group("leaders"), false),
    ("leaders", M::Group("leaders"), true),
    // Today's tiers, their abbreviations and usual misspellings.
    ("hoan thanh xuat sac nhiem vu", M::Tier("excellent"), false),
    ("hoan thanh xuat xac nhiem vu", M::Tier("excellent"), false),
    ("hoan thanh xuat sac", M::Tier("excellent"), false),
    ("xuat sac", M::Tier("excellent"), false),
    ("htxsnv", M::Tier("excellent"), false),
    ("htxs nv", M::Tier("excellent"), false),
    ("htxs", M::Tier("excellent"), false),
    ("htxcnv", M::Tier("excellent"), false),
    (
        "completed their duties excellently",
        M::Tier("excellent"),
        true,
    ),
    ("completed duties excellently", M::Tier("excellent"), true),
    (
        "completed their tasks excellently",
        M::Tier("excellent"),
        true,
    ),
    (
        "fulfilled their tasks excellently",
        M::Tier("excellent"),
        true,
    ),
    (
        "fulfilled their duties excellently",
        M::Tier("excellent"),
        true,
    ),
    ("fulfilled them excellently", M::Tier("excellent"), true),
    ("excellently", M::Tier("excellent"), true),
    ("excellent", M::Tier("excellent"), true),
    ("hoan thanh tot nhiem vu", M::Tier("good"), false),
    ("hoan thanh tot", M::Tier("good"), false),
    ("httnv", M::Tier("good"), false),
    ("htt nv", M::Tier("good"), false),
    ("httvn", M::Tier("good"), false),
    ("completed their duties well", M::Tier("good"), true),
    ("completed duties well", M::Tier("good"), true),
    ("completed their tasks well", M::Tier("good"), true),
    ("fulfilled their tasks well", M::Tier("good"), true),
    ("fulfilled their duties well", M::Tier("good"), true),
    ("fulfilling their duties well", M::Tier("good"), true),
    ("fulfilling their tasks well", M::Tier("good"), true),
    ("good", M::Tier("good"), true),
    ("hoan thanh nhiem vu", M::Tier("completed"), false),
    ("hoan thanh nhiem vi", M::Tier("completed"), false),
    // "hoàn" dropped: only ever the middle tier ("hoàn thành …" is read first).
    ("thanh nhiem vu", M::Tier("completed"), false),
    ("htnv", M::Tier("completed"), false),
    ("ht nv", M::Tier("completed"), false),
    ("htvn", M::Tier("completed"), false),
    ("completed their duties", M::Tier("completed"), true),
    ("completed duties", M::Tier("completed"), true),
    ("completed their tasks", M::Tier("completed"), true),
    ("fulfilled their tasks", M::Tier("completed"), true),
    ("fulfilled their duties", M::Tier("completed"), true),
    ("khong hoan thanh nhiem vu", M::Tier("not_completed"), false),
    ("khong hoan thanh", M::Tier("not_completed"), false),
    ("khong htnv", M::Tier("not_completed"), false),
    ("chua hoan thanh nhiem vu", M::Tier("not_completed"), false),
    ("chua hoan thanh", M::Tier("not_completed"), false),
    ("khtnv", M::Tier("not_completed"), false),
    ("khtn", M::Tier("not_completed"), false),
    ("khnv", M::Tier("not_completed"), false),
    (
        "did not complete their duties",
        M::Tier("not_completed"),
        true,
    ),
    ("did not complete duties", M::Tier("not_completed"), true),
    (
        "failed to complete its duties",
        M::Tier("not_completed"),
        true,
    ),
    ("failed to complete", M::Tier("not_completed"), true),
    (
        "failed to complete their duties",
        M::Tier("not_completed"),
        true,
    ),
    ("not completed", M::Tier("not_completed"), true),
    (
        "not having completed their tasks",
        M::Tier("not_completed"),
        true,
    ),
    (
        "did not complete their tasks",
        M::Tier("not_completed"),
        true,
    ),
    (
        "failed to complete their tasks",
        M::Tier("not_completed"),
        true,
    ),
    (
        "failed to fulfil their duties",
        M::Tier("not_completed"),
        true,
    ),
    (
        "failed to fulfill their duties",
        M::Tier("not_completed"),
        true,
    ),
    (
        "failed to fulfil their tasks",
        M::Tier("not_completed"),
        true,
    ),
    ("failed to fulfil", M::Tier("not_completed"), true),
    ("failed to fulfill", M::Tier("not_completed"), true),
    // The older scheme (before 2018/19): members "đủ tư cách …" are
    // today's tiers with a prefix, read as filler.
    (
        "trong sach , vung manh tieu bieu",
        M::Tier("exemplary"),
        false,
    ),
    (
        "trong sach vung manh tieu bieu",
        M::Tier("exemplary"),
        false,
    ),
    (
        "trong sach va vung manh tieu bieu",
        M::Tier("exemplary"),
        false,
    ),
    ("tsvm tieu bieu", M::Tier("exemplary"), false),
    ("tsvmtb", M::Tier("exemplary"), false),
    ("tieu bieu", M::Tier("exemplary"), false),
    ("clean and strong , exemplary", M::Tier("exemplary"), true),
    ("exemplary", M::Tier("exemplary"), true),
    ("trong sach , vung manh", M::Tier("clean_strong"), false),
    ("trong sach vung manh", M::Tier("clean_strong"), false),
    ("trong sach va vung manh", M::Tier("clean_strong"), false),
    ("tsvm", M::Tier("clean_strong"), false),
    ("clean and strong", M::Tier("clean_strong"), true),
    ("yeu kem", M::Tier("weak"), false),
    ("yeu , kem", M::Tier("weak"), false),
    ("weak", M::Tier("weak"), true),
    (
        "vi pham tu cach hoac khong hoan thanh nhiem vu",
        M::Tier("not_completed"),
        false,
    ),
    ("vi pham tu cach", M::Tier("not_completed"), false),
    ("du tu cach", M::Filler, false),
    // Coverage.
    ("duoc danh gia , xep loai", M::Cover, false),
    ("duoc danh gia va xep loai", M::Cover, false),
    ("duoc danh gia xep loai", M::Cover, false),
    ("danh gia , xep loai", M::Cover, false),
    ("danh gia va xep loai", M::Cover, false),
    ("duoc danh gia", M::Cover, false),
    ("duoc xep loai", M::Cover, false),
    ("duoc kiem diem", M::Cover, false),
    ("tham gia kiem diem", M::Cover, false),
    // Older reports: "đánh giá, phân loại".
    ("duoc danh gia , phan loai", M::Cover, false),
    ("danh gia , phan loai", M::Cover, false),
    ("duoc phan loai", M::Cover, false),
    ("da danh gia", M::Cover, false),
    ("da duoc danh gia", M::Cover, false),
    ("da kiem diem", M::Cover, false),
    ("du kiem diem , danh gia , xep loai", M::Cover, false),
    ("du kiem diem , danh gia", M::Cover, false),
    ("duoc kiem diem , danh gia", M::Cover, false),
    ("kiem diem , danh gia", M::Cover, false),
    ("du kiem diem", M::Cover, false),
    ("du danh gia", M::Cover, false),
    ("tham gia danh gia", M::Cover, false),
    // Not reviewed: the count is not a total ("5 TCCSĐ mới thành lập
    // chưa đủ thời gian để đánh giá", "64 đảng viên chưa đánh giá").
    ("chua danh gia", M::Not(W::WhyNotReviewed), false),
    ("chua duoc danh gia", M::Not(W::WhyNotReviewed), false),
    ("khong duoc danh gia", M::Not(W::WhyNotReviewed), false),
    ("khong danh gia", M::Not(W::WhyNotReviewed), false),
    ("mien danh gia", M::Not(W::WhyNotReviewed), false),
    ("mien kiem diem", M::Not(W::WhyNotReviewed), false),
    ("chua du thoi gian", M::Not(W::WhyNotReviewed), false),
    ("moi thanh lap", M::Not(W::WhyNotReviewed), false),
    ("not reviewed", M::Not(W::WhyNotReviewed), true),
    ("were not reviewed", M::Not(W::WhyNotReviewed), true),
    ("exempted", M::Not(W::WhyNotReviewed), true),
    // Another rating than the yearly review: the whole sentence.
    ("chat luong sinh hoat", M::Not(W::WhyOtherRating), false),
    ("sinh hoat chi bo", M::Not(W::WhyOtherRating), false),
    ("thuoc dien danh gia", M::Cover, false),
    ("thuoc dien kiem diem", M::Cover, false),
    ("danh gia", M::CoverVerb, false),
    ("kiem diem", M::CoverVerb, false),
    ("were reviewed", M::Cover, true),
    ("were evaluated", M::Cover, true),
    ("were assessed", M::Cover, true),
    ("were rated", M::Cover, true),
    ("were rated as", M::Filler, true),
    ("were classified as", M::Filler, true),
    ("classified as", M::Filler, true),
    ("rated as", M::Filler, true),
    ("were evaluated and classified", M::Cover, true),
    ("were reviewed and classified", M::Cover, true),
    ("were assessed and classified", M::Cover, true),
    ("were evaluated and rated", M::Cover, true),
    ("were recognised as", M::Filler, true),
    ("were recognized as", M::Filler, true),
    ("reviewed", M::Cover, true),
    // Shapes.
    ("tro len", M::OrBetter, false),
    ("or better", M::OrBetter, true),
    ("or above", M::OrBetter, true),
    ("or higher", M::OrBetter, true),
    ("trong do", M::OfWhich, false),
    ("trong so do", M::OfWhich, false),
    ("trong so nay", M::OfWhich, false),
    ("trong tong so", M::OutOf, false),
    ("trong so", M::OutOf, false),
    ("tren tong so", M::OutOf, false),
    ("of", M::OutOf, true),
    ("tang tu", M::From, false),
    ("giam tu", M::From, false),
    ("len", M::To, false),
    ("xuong", M::To, false),
    ("ty le nay", M::This, false),
    ("ti le nay", M::This, false),
    ("con so nay", M::This, false),
    ("so nay", M::This, false),
    ("this rate", M::This, true),
    ("this share", M::This, true),
    ("this figure", M::This, true),
    ("hoac", M::Or, false),
    ("of which", M::OfWhich, true),
    ("of whom", M::OfWhich, true),
    ("including", M::OfWhich, true),
    ("gan", M::Approx("nearly"), false),
    ("khoang", M::Approx("about"), false),
    ("xap xi", M::Approx("about"), false),
    ("chung", M::Approx("about"), false),
    ("tren", M::Approx("over"), false),
    ("hon", M::Approx("over"), false),
    ("duoi", M::Approx("under"), false),
    ("nearly", M::Approx("nearly"), true),
    ("almost", M::Approx("nearly"), true),
    ("about", M::Approx("about"), true),
    ("around", M::Approx("about"), true),
    ("approximately", M::Approx("about"), true),
    ("over", M::Approx("over"), true),
    ("more than", M::Approx("over"), true),
    ("under", M::Approx("under"), true),
    ("fewer than", M::Approx("under"), true),
    ("less than", M::Approx("under"), true),
    ("va", M::And, false),
    ("and", M::And, true),
    ("toan tinh", M::Whole, false),
    ("toan huyen", M::Whole, false),
    ("toan thanh pho", M::Whole, false),
    ("toan thi xa", M::Whole, false),
    ("toan dang bo", M::Whole, false),
    ("toan quoc", M::Whole, false),
    ("ca tinh", M::Whole, false),
    ("ca huyen", M::Whole, false),
    // Not results.
    ("phan dau", M::Not(W::WhyTarget), false),
    ("chi tieu", M::Not(W::WhyTarget), false),
    ("ke hoach", M::Not(W::WhyTarget), false),
    ("muc tieu", M::Not(W::WhyTarget), false),
    ("nam toi", M::Not(W::WhyTarget), false),
    ("nam sau", M::Not(W::WhyTarget), false),
    ("target", M::Not(W::WhyTarget), true),
    ("aims", M::Not(W::WhyTarget), true),
    ("plan", M::Not(W::WhyTarget), true),
    ("khen thuong", M::Not(W::WhyAward), false),
    ("giay khen", M::Not(W::WhyAward), false),
    ("bang khen", M::Not(W::WhyAward), false),
    ("award", M::Not(W::WhyAward), true),
    ("awarded", M::Not(W::WhyAward), true),
    ("commended", M::Not(W::WhyAward), true),
    ("ket nap", M::Not(W::WhyAdmission), false),
    ("admitted", M::Not(W::WhyAdmission), true),
    ("dai hoi", M::Not(W::WhyCongress), false),
    ("congress", M::Not(W::WhyCongress), true),
    ("congresses", M::Not(W::WhyCongress), true),
    ("kiem tra", M::Not(W::WhyInspection), false),
    ("giam sat", M::Not(W::WhyInspection), false),
    ("ky luat", M::Not(W::WhyInspection), false),
    ("inspected", M::Not(W::WhyInspection), true),
    ("inspections", M::Not(W::WhyInspection), true),
    ("disciplined", M::Not(W::WhyInspection), true),
    ("mot so", M::Some, false),
    ("some", M::Some, true),
    ("tang len", M::Filler, false),
    ("giam xuong", M::Filler, false),
    ("giam con", M::Filler, false),
    ("tong so", M::Filler, false),
    ("so luong", M::Filler, false),
    ("so", M::Label, false),
    ("tang", M::Change, false),
    ("giam", M::Change, false),
    ("so voi", M::Change, false),
    ("more than in", M::Change, true),
    ("compared with", M::Change, true),
    ("compared to", M::Change, true),
    ("more than last year", M::Change, true),
    ("fewer than last year", M::Change, true),
    ("less than last year", M::Change, true),
    ("than last year", M::Change, true),
    ("fewer than in", M::Change, true),
    ("less than in", M::Change, true),
    ("than the previous year", M::Change, true),
    ("than the year before", M::Change, true),
    ("over the previous year", M::Change, true),
    ("over last year", M::Change, true),
    ("a year earlier", M::Change, true),
    ("a year before", M::Change, true),
    ("a year ago", M::Change, true),
    ("an increase of", M::Change, true),
    ("a decrease of", M::Change, true),
    ("a drop of", M::Change, true),
    ("a rise of", M::Change, true),
    // "rose from 5,000 to 5,062": the number after "to" is this year's.
    ("rose from", M::From, true),
    ("increased from", M::From, true),
    ("grew from", M::From, true),
    ("went up from", M::From, true),
    ("fell from", M::From, true),
    ("dropped from", M::From, true),
    ("declined from", M::From, true),
    ("decreased from", M::From, true),
    ("went down from", M::From, true),
    ("up from", M::From, true),
    ("down from", M::From, true),
    ("to", M::To, true),
    // "rose by 62 (to …)": a change.
    ("rose by", M::Change, true),
    ("increased by", M::Change, true),
    ("grew by", M::Change, true),
    ("fell by", M::Change, true),
    ("dropped by", M::Change, true),
    ("declined by", M::Change, true),
    ("decreased by", M::Change, true),
    // "rose to 5,062": this year's.
    ("rose to", M::Filler, true),
    ("increased to", M::Filler, true),
    ("grew to", M::Filler, true),
    ("fell to", M::Filler, true),
    ("dropped to", M::Filler, true),
    ("declined to", M::Filler, true),
    ("decreased to", M::Filler, true),
    ("up", M::Change, true),
    ("down", M::Change, true),
    ("khong co", M::NoneOf, false),
    ("khong", M::No, false),
    ("nao", M::Any, false),
    ("no", M::NoneOf, true),
    // Number words (read only right before a group: "một chi bộ").
    ("mot", M::Number(1), false),
    ("hai", M::Number(2), false),
    ("ba", M::Number(3), false),
    ("bon", M::Number(4), false),
    ("nam", M::Number(5), false),
    ("sau", M::Number(6), false),
    ("bay", M::Number(7), false),
    ("tam", M::Number(8), false),
    ("chin", M::Number(9), false),
    ("muoi", M::Number(10), false),
    ("one", M::Number(1), true),
    ("two", M::Number(2), true),
    ("three", M::Number(3), true),
    ("four", M::Number(4), true),
    ("five", M::Number(5), true),
    ("six", M::Number(6), true),
    ("seven", M::Number(7), true),
    ("eight", M::Number(8), true),
    ("nine", M::Number(9), true),
    ("ten", M::Number(10), true),
    // Periods.
    ("hang nam", M::Every, false),
    ("hangnam", M::Every, false),
    ("every year", M::Every, true),
    ("annually", M::Every, true),
    // Words that name nothing.
    ("xep loai", M::Filler, false),
    ("co so", M::Name, false),
    ("chat luong", M::Filler, false),
    ("co", M::Filler, false),
    ("dat", M::Filler, false),
    ("duoc", M::Filler, false),
    ("la", M::Filler, false),
    ("chiem", M::Share, false),
    ("chiem ty le", M::Share, false),
    ("ty le", M::Share, false),
    ("ti le", M::Share, false),
    ("muc", M::Filler, false),
    ("don vi", M::Filler, false),
    ("deu", M::Filler, false),
    ("rieng", M::Filler, false),
    ("con lai", M::Rest, false),
    ("were", M::Filler, true),
    ("having", M::Filler, true),
    ("who", M::Filler, true),
    ("which", M::Filler, true),
    ("among", M::Filler, true),
    ("of them", M::Filler, true),
    ("of these", M::Filler, true),
    ("while", M::Filler, true),
    ("was", M::Filler, true),
    ("rated", M::Filler, true),
    ("as", M::Filler, true),
    ("the", M::Filler, true),
    ("had", M::Filler, true),
    ("accounting for", M::Share, true),
];

/// English press writes each tier many ways: "completed their tasks
/// excellently", "excellently fulfilled their duties", "well completed
/// tasks", "did not fulfil their tasks" (every verb, object and adverb in
/// every order, made once).
fn english_tiers() -> &'static [(String, Mark)] {
    static ALL: OnceLock<Vec<(String, Mark)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let verbs = ["completed", "fulfilled", "fulfilling", "completing"];
        let objects = [
            "their tasks",
            "their duties",
            "its tasks",
            "its duties",
            "tasks",
            "duties",
            "them",
        ];
        let negative = [
            "did not complete",
            "did not fulfil",
            "did not fulfill",
            "failed to complete",
            "failed to fulfil",
            "failed to fulfill",
            "not having completed",
            "not having fulfilled",
            "not completing",
            "not fulfilling",
        ];
        let mut out = Vec::new();
        for v in verbs {
            for o in objects {
                for (adverb, tier) in [("excellently", "excellent"), ("well", "good")] {
                    out.push((format!("{v} {o} {adverb}"), M::Tier(tier)));
                    out.push((format!("{adverb} {v} {o}"), M::Tier(tier)));
                }
                out.push((format!("{v} {o}"), M::Tier("completed")));
            }
        }
        for n in negative {
            out.push((n.to_string(), M::Tier("not_completed")));
            for o in objects {
                out.push((format!("{n} {o}"), M::Tier("not_completed")));
            }
        }
        out
    })
}

/// A known phrase: its words, what it means, whether it is English.
type Phrase = (Vec<&'static str>, Mark, bool);

/// The phrases by their first word, each word's longest first (a lookup
/// a token, not a scan of every phrase: a long paste reads fast).
struct Phrases(HashMap<&'static str, Vec<Phrase>>);

impl Phrases {
    fn new() -> Phrases {
        let mut by_first: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        let english = english_tiers().iter().map(|(p, m)| (p.as_str(), *m, true));
        for (p, m, en) in PHRASES.iter().copied().chain(english) {
            let words: Vec<&'static str> = p.split(' ').collect();
            by_first.entry(words[0]).or_default().push((words, m, en));
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _, _)| std::cmp::Reverse(words.len()));
        }
        Phrases(by_first)
    }

    /// The longest phrase the tokens start with.
    fn longest(&self, toks: &[Tok]) -> Option<&Phrase> {
        let list = self.0.get(toks.first()?.s.as_str())?;
        list.iter().find(|(words, _, _)| {
            words.len() <= toks.len() && words.iter().zip(toks).all(|(w, t)| *w == t.s)
        })
    }

    /// What `words` mean when they are exactly one phrase.
    fn whole(&self, words: &[&str]) -> Option<Mark> {
        let list = self.0.get(words.first()?)?;
        list.iter()
            .find(|(w, _, _)| w.as_slice() == words)
            .map(|(_, m, _)| *m)
    }
}

// ------------------------------------------------------------ meanings

/// A token, or a phrase of them, as the reader understands it.
#[derive(Clone, Debug)]
enum Sem {
    Num {
        v: String,
        pct: bool,
        span: Range<usize>,
    },
    Mark(Mark, Range<usize>),
    Period(PeriodKey, Range<usize>),
    /// A document number or a date: listed, never a figure.
    Skip(W, Range<usize>),
    Sep(char, Range<usize>),
    Word(Range<usize>),
    /// A sub-unit named: "Đảng bộ huyện Thanh Ba", "TP.Hải Dương".
    Unit(UnitName),
}

/// A sub-unit as the text names it: its kind (an index of
/// [`UNIT_KINDS`], none for a party committee named alone: "Đảng bộ
/// Công an"), the bytes of its name ("Thanh Ba") and of all its words.
#[derive(Clone, Debug, PartialEq, Eq)]
struct UnitName {
    kind: Option<usize>,
    name: Range<usize>,
    span: Range<usize>,
}

/// The kinds of sub-unit, folded, with the word a label starts with and
/// the English word after the name.
const UNIT_KINDS: [(&str, &str, &str); 9] = [
    ("thi xa", "Thị xã", "town"),
    ("thi tran", "Thị trấn", "township"),
    ("thanh pho", "Thành phố", "city"),
    ("tp", "Thành phố", "city"),
    ("huyen", "Huyện", "district"),
    ("quan", "Quận", "district"),
    ("xa", "Xã", "commune"),
    ("phuong", "Phường", "ward"),
    ("dang bo", "Đảng bộ", "Party Committee"),
];

/// A sub-unit named at `i`, and the position after it: a party
/// committee's words ("Đảng bộ", "Đảng ủy") or not, a kind ("huyện",
/// "thị xã", "TP."…), then a name of one to four capitalised words;
/// "Đảng bộ" and a name alone is a party committee ("Đảng bộ Công an").
fn unit_at(toks: &[Tok], i: usize) -> Option<(Sem, usize)> {
    let word = |j: usize, w: &str| toks.get(j).is_some_and(|t| t.s == w);
    let party = word(i, "dang") && (word(i + 1, "bo") || word(i + 1, "uy"));
    let mut j = if party { i + 2 } else { i };
    let kind = UNIT_KINDS[..8]
        .iter()
        .position(|(k, _, _)| k.split(' ').enumerate().all(|(n, w)| word(j + n, w)));
    match kind {
        Some(k) => {
            j += UNIT_KINDS[k].0.split(' ').count();
            // "TP.Hải Dương": the dot ends no sentence.
            if k == 3 && toks.get(j).is_some_and(|t| t.s == ".") {
                j += 1;
            }
        }
        None if !party => return None,
        None => {}
    }
    let start = j;
    while j < toks.len() && j - start < 4 && toks[j].kind == Kind::Word && toks[j].cap {
        j += 1;
    }
    if j == start {
        return None;
    }
    let name = toks[start].span.start..toks[j - 1].span.end;
    let unit = UnitName {
        kind: kind.or(party.then_some(8)),
        name,
        span: toks[i].span.start..toks[j - 1].span.end,
    };
    Some((Sem::Unit(unit), j))
}

impl Sem {
    fn span(&self) -> Range<usize> {
        match self {
            Sem::Num { span, .. }
            | Sem::Mark(_, span)
            | Sem::Period(_, span)
            | Sem::Skip(_, span)
            | Sem::Sep(_, span)
            | Sem::Word(span) => span.clone(),
            Sem::Unit(u) => u.span.clone(),
        }
    }
}

/// A year, and its quarter (0: the whole year).
type PeriodKey = (u32, u8);

fn year(t: Option<&Tok>) -> Option<u32> {
    let t = t?;
    let y: u32 = (t.kind == Kind::Num && t.s.len() == 4)
        .then(|| t.s.parse().ok())
        .flatten()?;
    (1945..=2100).contains(&y).then_some(y)
}

fn quarter(t: Option<&Tok>) -> Option<u8> {
    let t = t?;
    match t.s.as_str() {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    }
}

/// The tokens, asked about by position (out of range: no).
struct At<'a>(&'a [Tok]);

impl At<'_> {
    fn punct(&self, i: usize, c: &str) -> bool {
        self.0
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.s == c)
    }

    /// No space before it.
    fn tight(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| !t.gap)
    }

    fn num(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// A document number, a date or a period starting at `i`, and the
    /// position after it.
    fn dated(&self, i: usize) -> Option<(Sem, usize)> {
        let toks = self.0;
        let t = toks.get(i)?;
        let to = |j: usize| t.span.start..toks[j].span.end;
        // A document number: `753-CV/TU`, `21-KL/TW`.
        let word_after_dash = toks.get(i + 2).is_some_and(|t| t.kind == Kind::Word);
        if t.kind == Kind::Num
            && self.punct(i + 1, "-")
            && self.tight(i + 1)
            && self.tight(i + 2)
            && word_after_dash
        {
            let mut j = i + 2;
            while j + 2 < toks.len()
                && matches!(toks[j + 1].s.as_str(), "/" | "-")
                && self.tight(j + 1)
                && self.tight(j + 2)
            {
                j += 2;
            }
            return Some((Sem::Skip(W::WhyDocument, to(j)), j + 1));
        }
        // A date: `16/9/2022`, `24-11-2023`; a time: `08:15`, `08:15:42`.
        for sep in ["/", "-", ":"] {
            let two = self.num(i) && self.punct(i + 1, sep) && self.num(i + 2);
            let three = two && self.punct(i + 3, sep) && self.num(i + 4);
            let tight = |to: usize| (i + 1..=to).all(|j| self.tight(j));
            if three && tight(i + 4) {
                return Some((Sem::Skip(W::WhyDate, to(i + 4)), i + 5));
            }
            if two && sep == ":" && tight(i + 2) {
                return Some((Sem::Skip(W::WhyDate, to(i + 2)), i + 3));
            }
        }
        // `24.11.2023`: read as one number by the tokens.
        let dotted: Vec<&str> = t.s.split('.').collect();
        if t.kind == Kind::Num
            && dotted.len() == 3
            && dotted[0].len() <= 2
            && dotted[1].len() <= 2
            && year(Some(&Tok {
                s: dotted[2].to_string(),
                ..t.clone()
            }))
            .is_some()
        {
            return Some((Sem::Skip(W::WhyDate, t.span.clone()), i + 1));
        }
        // "ngày 16/9", "tháng 12/2023", "ngày 24-11".
        let sep = if self.punct(i + 2, "-") { "-" } else { "/" };
        if matches!(t.s.as_str(), "ngay" | "thang")
            && self.num(i + 1)
            && self.punct(i + 2, sep)
            && self.num(i + 3)
        {
            let end = if self.punct(i + 4, sep) && self.num(i + 5) {
                i + 5
            } else {
                i + 3
            };
            let span = toks[i + 1].span.start..toks[end].span.end;
            return Some((Sem::Skip(W::WhyDate, span), end + 1));
        }
        // Periods: `năm 2022`, `in 2022`, `quý III/2025`, `quý 3 năm 2025`, `Q3 2025`.
        if matches!(t.s.as_str(), "nam" | "in" | "year") {
            let y = year(toks.get(i + 1))?;
            return Some((Sem::Period((y, 0), to(i + 1)), i + 2));
        }
        if matches!(t.s.as_str(), "quy" | "q" | "quarter") {
            let q = quarter(toks.get(i + 1))?;
            let sep = toks.get(i + 2).map(|t| t.s.as_str());
            let end = if matches!(sep, Some("/" | "nam" | "of" | "-")) {
                i + 3
            } else {
                i + 2
            };
            let y = year(toks.get(end))?;
            return Some((Sem::Period((y, q), to(end)), end + 1));
        }
        None
    }
}

/// Reads the tokens into meanings; also says which language most phrases were in.
fn meanings(toks: &[Tok]) -> (Vec<Sem>, bool) {
    let table = Phrases::new();
    let mut out = Vec::new();
    let (mut en, mut vi) = (0usize, 0usize);
    let mut i = 0;
    let at = At(toks);
    while i < toks.len() {
        let t = &toks[i];
        let to = |j: usize| t.span.start..toks[j].span.end;
        if let Some((sem, next)) = at.dated(i).or_else(|| unit_at(toks, i)) {
            out.push(sem);
            i = next;
            continue;
        }
        // "compared with 2022", "fewer than in 2022": the year compared.
        let compared = matches!(out.last(), Some(Sem::Mark(M::Change, _)));
        if let Some(y) = year(Some(t)).filter(|_| compared) {
            out.push(Sem::Period((y, 0), t.span.clone()));
            i += 1;
            continue;
        }
        if t.kind == Kind::Num {
            // "16,2%", "16.2 percent", "16.2 per cent".
            let word = |j: usize, w: &str| toks.get(j).is_some_and(|t| t.s == w);
            let pct_words = if word(i + 1, "percent") {
                1
            } else if word(i + 1, "per") && word(i + 2, "cent") {
                2
            } else {
                0
            };
            let pct = at.punct(i + 1, "%") || pct_words > 0;
            let read = if pct {
                number::read_share(&t.s)
            } else {
                number::read(&t.s)
            };
            if let Some(f) = read {
                let end = i + if pct { pct_words.max(1) } else { 0 };
                out.push(Sem::Num {
                    v: f.json,
                    pct,
                    span: to(end),
                });
                i = end + 1;
                continue;
            }
        }
        // The longest known phrase here.
        let hit = table.longest(&toks[i..]);
        if let Some((words, m, is_en)) = hit {
            if matches!(m, M::Group(_) | M::Tier(_)) {
                if *is_en {
                    en += 1;
                } else {
                    vi += 1;
                }
            }
            out.push(Sem::Mark(*m, to(i + words.len() - 1)));
            i += words.len();
            continue;
        }
        out.push(match t.kind {
            Kind::Punct => match t.s.chars().next() {
                Some(c @ (',' | ';' | '.' | '!' | '?' | '(' | ')' | '/' | ':' | '\n')) => {
                    Sem::Sep(c, t.span.clone())
                }
                _ => Sem::Word(t.span.clone()),
            },
            _ => Sem::Word(t.span.clone()),
        });
        i += 1;
    }
    (rewrite_number_words(out), en > vi)
}

/// "một chi bộ" → 1 chi bộ; "năm chi bộ" → 5; "không có chi bộ nào" → 0.
/// A number word not before a group stays a word. Words whose meaning
/// depends on their neighbours are decided here too ("tổ chức", "đánh
/// giá", "số").
fn rewrite_number_words(sems: Vec<Sem>) -> Vec<Sem> {
    let mut out = Vec::with_capacity(sems.len());
    let is_group = |s: Option<&Sem>| matches!(s, Some(Sem::Mark(M::Group(_) | M::Person, _)));
    let mut i = 0;
    while i < sems.len() {
        match &sems[i] {
            Sem::Mark(M::Number(n), span) if is_group(sems.get(i + 1)) => out.push(Sem::Num {
                v: n.to_string(),
                pct: false,
                span: span.clone(),
            }),
            Sem::Mark(m @ (M::NoneOf | M::No), span) if is_group(sems.get(i + 1)) => {
                // "không có chi bộ nào", "không TCCSĐ nào": 0, the words up
                // to "nào"; "no cells". "không có tổ chức cơ sở đảng, chi
                // bộ trực thuộc nào …": 0 of each, joined as by "và".
                let mut groups = vec![i + 1];
                let mut j = i + 2;
                while matches!(sems.get(j), Some(Sem::Sep(',', _) | Sem::Mark(M::And, _)))
                    && is_group(sems.get(j + 1))
                {
                    groups.push(j + 1);
                    j += 2;
                }
                let any = matches!(sems.get(j), Some(Sem::Mark(M::Any, _)));
                if !any && (*m == M::No || groups.len() > 1) {
                    groups.truncate(1);
                    j = i + 2;
                    if *m == M::No {
                        out.push(Sem::Word(span.clone()));
                        i += 1;
                        continue;
                    }
                }
                let end = if any { sems[j].span().end } else { span.end };
                for (k, g) in groups.iter().enumerate() {
                    if k > 0 {
                        out.push(Sem::Mark(M::And, sems[g - 1].span()));
                    }
                    out.push(Sem::Num {
                        v: "0".into(),
                        pct: false,
                        span: span.start..end,
                    });
                    out.push(sems[*g].clone());
                }
                i = j + usize::from(any);
                continue;
            }
            Sem::Mark(M::OrgWord, span) => out.push(match out.last() {
                Some(Sem::Num { .. }) => Sem::Mark(M::Group("organisations"), span.clone()),
                _ => Sem::Word(span.clone()),
            }),
            Sem::Mark(M::CoverVerb, span) => out.push(match sems.get(i + 1) {
                Some(Sem::Num { .. }) => Sem::Mark(M::Cover, span.clone()),
                _ => Sem::Mark(M::Filler, span.clone()),
            }),
            Sem::Mark(M::Label, span) => match sems.get(i + 1) {
                Some(Sem::Num {
                    pct: false,
                    span: n,
                    ..
                }) => {
                    out.push(Sem::Skip(W::WhyLabel, span.start..n.end));
                    i += 2;
                    continue;
                }
                _ => out.push(Sem::Mark(M::Filler, span.clone())),
            },
            s => out.push(s.clone()),
        }
        i += 1;
    }
    out
}

// ------------------------------------------------------------- reading

/// A figure as read: its number, approximation and words.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Val {
    v: String,
    approx: Option<&'static str>,
    span: Range<usize>,
    /// Worked out from its words, not printed ("100%" of a total).
    derived: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TierFig {
    tier: &'static str,
    val: Val,
    or_better: bool,
    share: bool,
}

/// One group's figures in one period, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Acc {
    period: Option<PeriodKey>,
    /// The sub-unit's index in [`Read::units`], none for the top level.
    unit: Option<usize>,
    id: String,
    label: Text,
    total: Option<Val>,
    evaluated: Option<Val>,
    /// "100% … được kiểm điểm": a coverage share, a count only with a total.
    cover_pct: Option<Val>,
    figs: Vec<TierFig>,
    /// The sub-units' figures added up (a text of sub-units alone).
    summed: bool,
}

/// Which group a figure is for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GroupRef {
    id: String,
    label: Text,
}

/// The best tier first: every tier id the reader knows, in the order a
/// draft lists them.
const RANK: [&str; 7] = [
    "exemplary",
    "clean_strong",
    "excellent",
    "good",
    "completed",
    "weak",
    "not_completed",
];

fn rank(tier: &str) -> usize {
    RANK.iter().position(|t| *t == tier).unwrap_or(RANK.len())
}

/// The groups of a review, with their labels.
fn known_group(id: &str) -> Text {
    let extra = [
        (
            "collectives",
            "Tập thể lãnh đạo, quản lý",
            "Leadership collectives",
        ),
        (
            "leaders",
            "Cá nhân cán bộ lãnh đạo, quản lý",
            "Individual leaders and managers",
        ),
        (
            "dang-bo-co-so",
            "Đảng bộ cơ sở",
            "Grassroots party committees",
        ),
        ("chi-bo-co-so", "Chi bộ cơ sở", "Grassroots party cells"),
    ];
    REVIEW_GROUPS
        .iter()
        .chain(extra.iter())
        .find(|(g, _, _)| *g == id)
        .map(|(_, vi, en)| Text::new(vi, en))
        .unwrap_or_default()
}

/// What one item (a part of a clause between commas) says.
#[derive(Default, Debug, Clone)]
struct Item {
    of_which: bool,
    /// The main number, its approximation and the base after a `/`.
    num: Option<(Val, bool)>,
    base: Option<Val>,
    /// Shares after the main count: `(16,2%)`, `chiếm 16,2%`.
    shares: Vec<Range<usize>>,
    group: Option<(GroupRef, Range<usize>)>,
    tier: Option<(&'static str, Range<usize>)>,
    cover: Option<Range<usize>>,
    or_better: bool,
    /// Words after the number that no phrase knows: another group's name
    /// (with the known words inside it, marked `true`: "đảng bộ cơ sở").
    other: Vec<(Range<usize>, bool)>,
    /// Numbers in brackets that are not shares.
    stray: Vec<Range<usize>>,
    not: Option<W>,
    change: bool,
    /// The group was named by "đồng chí" or "Đ/c" (a person: a member or a leader).
    person: bool,
    /// The group was named after the number.
    group_after: bool,
    /// Right after "và" / "and".
    and_joined: bool,
    /// "tăng từ 38 …": the number is the compared year's.
    from: bool,
    /// "from 120 in 2022": the year named after "from" (the compared one).
    from_year: Option<PeriodKey>,
    /// "tỷ lệ này …": the tier and group of the figure before.
    this: bool,
    /// "còn lại …".
    rest: bool,
    /// "chiếm", "tỷ lệ": its number is a share.
    rate: bool,
    /// A count in brackets after a share: "100% chi bộ (42 chi bộ)".
    paren: Option<Val>,
    /// The sub-unit named last in it, and how many it names.
    unit: Option<UnitName>,
    units: usize,
    /// "toàn tỉnh": the whole's figures, no sub-unit's.
    whole: bool,
    start: usize,
    end: usize,
}

impl Item {
    /// The next item, saying the same as this one, from `span` on.
    fn same_from(&self, span: &Range<usize>) -> Item {
        Item {
            start: span.start,
            end: span.end,
            ..self.clone()
        }
    }

    /// Whether words now may be another group's name: after the number,
    /// before any group, tier or coverage.
    fn naming(&self) -> bool {
        self.num.is_some() && self.tier.is_none() && self.group.is_none() && self.cover.is_none()
    }

    /// The words of its figure: from the first of its number, group,
    /// tier and coverage to the last (leading "toàn tỉnh có" left out).
    fn words(&self) -> Range<usize> {
        let parts = self.num.iter().map(|(v, _)| v.span.clone());
        let parts = parts.chain(self.base.iter().map(|b| b.span.clone()));
        let parts = parts.chain(self.group.iter().map(|(_, s)| s.clone()));
        let parts = parts.chain(self.tier.iter().map(|(_, s)| s.clone()));
        let parts: Vec<Range<usize>> = parts.chain(self.cover.iter().cloned()).collect();
        let start = parts.iter().map(|r| r.start).min().unwrap_or(self.start);
        let end = parts.iter().map(|r| r.end).max().unwrap_or(self.end);
        start..end
    }
}

struct Reader<'a> {
    text: &'a str,
    lang: &'static str,
    accs: Vec<Acc>,
    unused: Vec<Unused>,
    /// The group named last (it carries to the next sentences).
    group: Option<GroupRef>,
    period: Option<PeriodKey>,
    periods: Vec<PeriodKey>,
    every: Option<Range<usize>>,
    /// Figures read as the tier of the figure before them (another year).
    elliptic: Vec<Rest>,
    /// The last tier figure of the text (for "tỷ lệ này" in a later sentence).
    last_tier: Option<(String, &'static str, bool, Option<PeriodKey>)>,
    /// "các chi bộ còn lại hoàn thành tốt nhiệm vụ": period, unit, group,
    /// tier, words; worked out once every figure is read.
    rests: Vec<Rest>,
    /// The sub-units named: id and label.
    units: Vec<(String, Text)>,
    /// Whose figures the words now are: the whole's, a sub-unit's, or of
    /// several units named together (whose, not said).
    unit: Whose,
}

/// A figure read as the tier of another (the figure before it, or the
/// ones not counted yet): its period, unit, group, tier and words.
type Rest = (
    Option<PeriodKey>,
    Option<usize>,
    String,
    &'static str,
    Range<usize>,
);

/// Whose figures a clause gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Whose {
    Whole,
    Unit(usize),
    Together,
}

impl Reader<'_> {
    /// The sub-unit the figures are of now (none: the whole's).
    fn unit_now(&self) -> Option<usize> {
        match self.unit {
            Whose::Unit(u) => Some(u),
            _ => None,
        }
    }

    /// The sub-unit `u` names: its index, added when new ("Huyện Thanh
    /// Ba", id `thanh-ba`; "Đảng ủy Khối …" as printed).
    fn unit_of(&mut self, u: &UnitName) -> usize {
        let name = self.text.get(u.name.clone()).unwrap_or_default();
        let id: String = fold::slug(name).chars().take(56).collect();
        if let Some(at) = self.units.iter().position(|(i, _)| *i == id) {
            return at;
        }
        let (kind_vi, kind_en) = match u.kind.and_then(|k| UNIT_KINDS.get(k)) {
            Some((_, vi, en)) if u.kind != Some(8) => (vi.to_string(), *en),
            _ => {
                let printed = self
                    .text
                    .get(u.span.start..u.name.start)
                    .unwrap_or_default();
                (printed.trim().to_string(), "Party Committee")
            }
        };
        let label = Text::new(&format!("{kind_vi} {name}"), &format!("{name} {kind_en}"));
        self.units.push((id, label));
        self.units.len() - 1
    }

    fn acc(&mut self, g: &GroupRef) -> &mut Acc {
        let (period, unit) = (self.period, self.unit_now());
        let at = match self
            .accs
            .iter()
            .position(|a| a.period == period && a.unit == unit && a.id == g.id)
        {
            Some(at) => at,
            None => {
                self.accs.push(Acc {
                    period,
                    unit,
                    id: g.id.clone(),
                    label: g.label.clone(),
                    total: None,
                    evaluated: None,
                    cover_pct: None,
                    figs: Vec::new(),
                    summed: false,
                });
                self.accs.len() - 1
            }
        };
        &mut self.accs[at]
    }

    fn unused(&mut self, words: Range<usize>, why: W) {
        self.unused.push(Unused { words, why });
    }

    /// Sets a coverage field unless the text gave it already.
    fn cover(&mut self, g: &GroupRef, total: bool, val: Val) {
        if val.approx.is_some() {
            return self.unused(val.span, W::WhyApproxCoverage);
        }
        let acc = self.acc(g);
        let slot = if total {
            &mut acc.total
        } else {
            &mut acc.evaluated
        };
        match slot {
            Some(_) => self.unused(val.span, W::WhyTwice),
            None => *slot = Some(val),
        }
    }

    fn other_group(&self, item: &Item) -> Option<GroupRef> {
        let named = item.other.iter().rposition(|(_, known)| !known)? + 1;
        let (first, last) = (&item.other.first()?.0, &item.other[named - 1].0);
        if named > 10 {
            return None;
        }
        let printed = self.text.get(first.start..last.end)?.trim();
        // In English a group is a plural noun ("commune Party committees"),
        // not the words of a clause ("well", "classified", "who …").
        let last_word = printed.rsplit(' ').next().unwrap_or("").to_lowercase();
        let plural = last_word.ends_with('s')
            && !matches!(
                last_word.as_str(),
                "was" | "has" | "is" | "this" | "its" | "as" | "us"
            );
        if self.lang == "en" && !plural {
            return None;
        }
        let mut label = Text::default();
        *label.get_mut(self.lang) = printed.to_string();
        Some(GroupRef {
            id: fold::slug(printed),
            label,
        })
    }

    /// Records a tier figure of `g` (unless the text gave that tier before);
    /// after "trong đó", a better tier makes the figure before it (`parent`)
    /// "or better". Returns where it is.
    fn tier_fig(
        &mut self,
        g: &GroupRef,
        (tier, val, share): (&'static str, Val, bool),
        or_better: bool,
        parent: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        self.acc(g);
        let (period, unit) = (self.period, self.unit_now());
        let at = self
            .accs
            .iter()
            .position(|a| a.period == period && a.unit == unit && a.id == g.id)?;
        if let Some(p) = parent
            .filter(|(pa, _)| *pa == at)
            .and_then(|(pa, pf)| self.accs.get_mut(pa)?.figs.get_mut(pf))
        {
            if rank(tier) < rank(p.tier) {
                p.or_better = true;
            }
        }
        let acc = &mut self.accs[at];
        if acc.figs.iter().any(|f| f.tier == tier && f.share == share) {
            self.unused(val.span, W::WhyTwice);
            return None;
        }
        acc.figs.push(TierFig {
            tier,
            val,
            or_better,
            share,
        });
        Some((at, acc.figs.len() - 1))
    }

    /// One sentence: its clauses, each item by item.
    fn sentence(&mut self, sems: &[Sem]) {
        // Another rating than the review ("chất lượng sinh hoạt chi bộ"):
        // none of the sentence's numbers is a result.
        if sems
            .iter()
            .any(|s| matches!(s, Sem::Mark(M::Not(W::WhyOtherRating), _)))
        {
            for s in sems {
                if let Sem::Num { span, .. } = s {
                    self.unused(span.clone(), W::WhyOtherRating);
                }
            }
            return;
        }
        let mut f = Flow::default();
        // A sub-unit named holds to the end of its sentence, and to the
        // next one when it opens with "Trong đó" (of the figure before).
        if !matches!(sems.first(), Some(Sem::Mark(M::OfWhich, _))) {
            self.unit = Whose::Whole;
        }
        for clause in sems.split(|s| matches!(s, Sem::Sep(';', _))) {
            let items = items(clause);
            // Not a result: the item that says so and the rest of the clause.
            let not_from = items.iter().position(|(i, _)| i.not.is_some());
            if self.unit == Whose::Together {
                self.unit = Whose::Whole;
            }
            for (n, (item, period)) in items.iter().enumerate() {
                // An item's year holds from it on, unless it is only the year
                // of a target ("Năm 2024, phấn đấu …"), of a comparison ("so
                // với năm 2021") or of where a change starts ("from 120 in
                // 2022").
                let target_year = not_from == Some(n + 1) && item.num.is_none();
                if let Some(p) = period.filter(|_| !item.change && !target_year) {
                    self.period = Some(p);
                }
                // "So với năm 2021, …", "from 120 in 2022": the year "tăng
                // từ …" starts from.
                if item.change {
                    f.compared = period.or(f.compared);
                }
                f.compared = item.from_year.or(f.compared);
                self.whose(&items, n);
                match not_from.filter(|f| n >= *f).and_then(|f| items[f].0.not) {
                    Some(why) => {
                        let spans = item.num.iter().map(|(v, _)| v.span.clone());
                        let spans = spans.chain(item.base.iter().map(|b| b.span.clone()));
                        for s in spans
                            .chain(item.shares.iter().cloned())
                            .chain(item.stray.iter().cloned())
                        {
                            self.unused(s, why);
                        }
                    }
                    None if item.rest && item.num.is_none() => {
                        // Only when one tier is "the rest" ("… còn lại hoàn
                        // thành nhiệm vụ và không hoàn thành nhiệm vụ" splits
                        // it in two: not known).
                        let shared = items.get(n + 1).is_some_and(|(next, _)| {
                            next.and_joined && next.num.is_none() && next.tier.is_some()
                        });
                        let g = item.group.as_ref().map(|(g, _)| g).or(self.group.as_ref());
                        if let (Some(g), Some((tier, _)), false) = (g, &item.tier, shared) {
                            let at = (self.period, self.unit_now(), g.id.clone());
                            self.rests.push((at.0, at.1, at.2, tier, item.words()));
                        }
                    }
                    // "huyện Thanh Ba và huyện Hạ Hòa có 12 …": whose, not said.
                    None if self.unit == Whose::Together => {
                        if let Some((v, _)) = &item.num {
                            self.unused(v.span.start..item.end, W::WhyUnitsTogether);
                        }
                    }
                    None => self.item(&mut f, n, item),
                }
            }
            // A group's count with no tier and no coverage: its total.
            for (g, v) in std::mem::take(&mut f.bare) {
                self.cover(&g, true, v);
            }
            f.bare_at = None;
            if let Some((_, v, _)) = f.bare_share.take() {
                self.unused(v.span, W::WhyNoMeaning);
            }
        }
    }

    /// Whose figures the `n`th item gives: the sub-unit it names (several
    /// named together: not said), the whole after "toàn tỉnh", else as
    /// the items before it said.
    fn whose(&mut self, items: &[(Item, Option<PeriodKey>)], n: usize) {
        let item = &items[n].0;
        let after_unit = n > 0 && item.and_joined && {
            let before = &items[n - 1].0;
            before.unit.is_some() && before.num.is_none()
        };
        if let Some(u) = &item.unit {
            self.unit = if item.units > 1 || after_unit {
                Whose::Together
            } else {
                Whose::Unit(self.unit_of(u))
            };
        } else if item.whole {
            self.unit = Whose::Whole;
        }
    }

    /// One item that is not a non-result: its figure goes to a tier, the
    /// coverage, the tier of another year's figure, or the total.
    fn item(&mut self, f: &mut Flow, n: usize, item: &Item) {
        // "93,3% (70 tập thể) hoàn thành tốt …": the count in brackets is
        // the figure, the share its share; "100% chi bộ (42 chi bộ) được
        // đánh giá": 42 of 42.
        if let (Some(count), Some((share, true))) = (&item.paren, &item.num) {
            let all = share.v == "100" && item.cover.is_some();
            let mut shares = item.shares.clone();
            shares.push(share.span.clone());
            let again = Item {
                num: Some((count.clone(), false)),
                base: all.then(|| count.clone()).or(item.base.clone()),
                paren: None,
                shares,
                ..item.clone()
            };
            return self.item(f, n, &again);
        }
        // "tăng từ 38 …": the compared year's figure, when the sentence names it.
        if item.from {
            let Some(p) = f.compared.filter(|p| Some(*p) != self.period) else {
                if let Some((v, _)) = &item.num {
                    self.unused(v.span.clone(), W::WhyChange);
                }
                return;
            };
            let now = self.period.replace(p);
            let (keep, keep_reader) = (f.last_tier.clone(), self.last_tier.clone());
            self.item(
                f,
                n,
                &Item {
                    from: false,
                    ..item.clone()
                },
            );
            (f.last_tier, self.last_tier) = (keep, keep_reader);
            self.period = now;
            return;
        }
        // "tỷ lệ này tăng lên 93,2%": the tier and group of the figure before.
        if let (true, None, Some(_), Some((gid, tier, or_better, _))) =
            (item.this, &item.tier, &item.num, self.last_tier.clone())
        {
            let words = item.num.as_ref().map_or(0..0, |(v, _)| v.span.clone());
            let again = Item {
                this: false,
                tier: Some((tier, words)),
                or_better: item.or_better || or_better,
                group: item.group.clone().or_else(|| {
                    let g = GroupRef {
                        label: known_group(&gid),
                        id: gid,
                    };
                    Some((g, 0..0))
                }),
                ..item.clone()
            };
            return self.item(f, n, &again);
        }
        for s in &item.stray {
            self.unused(s.clone(), W::WhyNoMeaning);
        }
        if item.change {
            if let Some((v, _)) = &item.num {
                self.unused(v.span.start..item.end, W::WhyChange);
            }
            return;
        }
        if item.of_which {
            f.parent = f.last_fig;
        }
        // "31 đồng chí" after "cá nhân cán bộ lãnh đạo, quản lý": still the leaders.
        let leaders = self
            .group
            .as_ref()
            .filter(|g| g.id == "leaders" && item.person);
        let explicit = leaders
            .cloned()
            .or_else(|| item.group.as_ref().map(|(g, _)| g.clone()));
        let named = (item.tier.is_some() || item.cover.is_some()) && item.num.is_some();
        // "16/16 Đảng bộ, ban thường vụ cấp ủy trực thuộc tỉnh …; trong đó
        // 3/16 Đảng bộ, ban thường vụ cấp ủy …": a part's shorter name is
        // its whole's group.
        let whole = f
            .parent
            .and_then(|(pa, _)| self.accs.get(pa))
            .map(|a| GroupRef {
                id: a.id.clone(),
                label: a.label.clone(),
            });
        let other = named.then(|| self.other_group(item)).flatten().map(|o| {
            match whole.filter(|w| w.id.starts_with(&o.id) || o.id.starts_with(&w.id)) {
                Some(w) => w,
                None => o,
            }
        });
        let group = explicit.clone().or(other).or_else(|| self.group.clone());
        if let Some(g) = &explicit {
            self.group = Some(g.clone());
        }
        let Some((val, pct)) = item.num.clone() else {
            return;
        };
        let tiered_or_covered = item.tier.is_some() || item.cover.is_some() || item.base.is_some();
        match group {
            None if tiered_or_covered => return self.unused(item.words(), W::WhyNoGroup),
            Some(g) if tiered_or_covered => {
                for s in &item.shares {
                    self.unused(s.clone(), W::WhyShareOfCount);
                }
                f.last_main = true;
                return match item.tier {
                    Some((tier, _)) => self.tier_item(f, n, item, g, tier),
                    None => self.cover_item(f, item, g),
                };
            }
            _ => {}
        }
        // "năm 2023 là 455 đồng chí": another year's figure for the
        // same group and tier as the one before it.
        let same = f.last_tier.as_ref().filter(|(lg, _, _, lp)| {
            *lp != self.period && explicit.as_ref().is_none_or(|g| g.id == *lg)
        });
        if let Some((lg, tier, or_better, _)) = same.cloned() {
            let g = explicit.unwrap_or(GroupRef {
                label: known_group(&lg),
                id: lg,
            });
            for s in &item.shares {
                self.unused(s.clone(), W::WhyShareOfCount);
            }
            let words = item.words();
            let val = Val {
                span: words.clone(),
                ..val
            };
            if self
                .tier_fig(&g, (tier, val, pct), or_better, None)
                .is_some()
            {
                let at = (self.period, self.unit_now());
                self.elliptic.push((at.0, at.1, g.id.clone(), tier, words));
            }
            f.last_tier = Some((g.id, tier, or_better, self.period));
            f.last_main = true;
            return;
        }
        match (&explicit, pct) {
            (Some(g), false) => {
                for s in &item.shares {
                    self.unused(s.clone(), W::WhyShareOfCount);
                }
                f.bare.push((
                    g.clone(),
                    Val {
                        span: item.words(),
                        ..val
                    },
                ));
                f.bare_at = Some(n);
                f.last_main = true;
            }
            (None, true) if f.last_main => self.unused(val.span, W::WhyShareOfCount),
            // "96,8% tổ chức cơ sở đảng và 92,1% đảng viên … tốt trở lên":
            // the tier after "và" may be this share's too.
            (Some(g), true) => {
                if let Some((_, v, _)) = f.bare_share.take() {
                    self.unused(v.span, W::WhyNoMeaning);
                }
                let val = Val {
                    span: item.words(),
                    ..val
                };
                f.bare_share = Some((g.clone(), val, n));
            }
            _ => self.unused(val.span, W::WhyNoMeaning),
        }
    }

    /// A tier's figure ("131 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ").
    fn tier_item(&mut self, f: &mut Flow, n: usize, item: &Item, g: GroupRef, tier: &'static str) {
        let Some((val, pct)) = item.num.clone() else {
            return;
        };
        self.group = Some(g.clone());
        // "71 … tốt trở lên; trong đó, 14/71 … xuất sắc": 71 is the figure
        // the part is of, not the evaluated.
        let parent = f
            .parent
            .and_then(|(pa, pf)| Some(self.accs.get(pa)?.figs.get(pf)?.val.v.clone()));
        match item.base.clone() {
            Some(base) if parent.as_ref() == Some(&base.v) => self.unused(base.span, W::WhyTwice),
            Some(base) => self.cover(&g, false, base),
            None => {}
        }
        // "2 chi bộ và 11 đảng viên không hoàn thành nhiệm vụ": the count
        // just before "và" has this tier too.
        if item.and_joined && f.bare_at == Some(n.wrapping_sub(1)) {
            if let Some((bg, bv)) = f.bare.pop().filter(|(bg, _)| *bg != g) {
                self.tier_fig(&bg, (tier, bv, pct), item.or_better, None);
            }
        }
        let shared = f
            .bare_share
            .take_if(|(bg, _, at)| item.and_joined && pct && *at + 1 == n && *bg != g);
        if let Some((bg, bv, _)) = shared {
            self.tier_fig(&bg, (tier, bv, true), item.or_better, None);
        }
        f.last_tier = Some((g.id.clone(), tier, item.or_better, self.period));
        self.last_tier = f.last_tier.clone();
        let val = Val {
            span: item.words(),
            ..val
        };
        if let Some(at) = self.tier_fig(&g, (tier, val, pct), item.or_better, f.parent) {
            f.last_fig = Some(at);
        }
    }

    /// Coverage: "695/698 … được đánh giá", "94.877 đảng viên được kiểm
    /// điểm", "100% … được kiểm điểm".
    fn cover_item(&mut self, f: &mut Flow, item: &Item, g: GroupRef) {
        let Some((val, pct)) = item.num.clone() else {
            return;
        };
        let words = item.words();
        let val = Val {
            span: words.clone(),
            ..val
        };
        if pct {
            self.acc(&g).cover_pct.get_or_insert(val);
        } else if let Some(base) = item.base.clone() {
            self.cover(&g, false, val);
            self.cover(
                &g,
                true,
                Val {
                    span: words,
                    ..base
                },
            );
        } else {
            self.cover(&g, false, val);
        }
        // "2.566 tập thể, 94.877 đảng viên được kiểm điểm": the coverage
        // words are for the counts of other groups before it too.
        if item.cover.is_some() && !pct {
            let (others, same): (Vec<_>, Vec<_>) = std::mem::take(&mut f.bare)
                .into_iter()
                .partition(|(bg, _)| *bg != g);
            f.bare = same;
            for (bg, bv) in others {
                self.cover(&bg, false, bv);
            }
        }
    }
}

/// What one sentence carries from item to item.
#[derive(Default)]
struct Flow {
    /// The tier figure before "trong đó" (its group's and its own index).
    parent: Option<(usize, usize)>,
    last_fig: Option<(usize, usize)>,
    /// The last figure read was a count or a coverage (a share after it is its share).
    last_main: bool,
    /// The last tier figure: group, tier, "or better", period.
    last_tier: Option<(String, &'static str, bool, Option<PeriodKey>)>,
    /// This clause's counts with a group and nothing else, and the last one's item.
    bare: Vec<(GroupRef, Val)>,
    bare_at: Option<usize>,
    /// A group's share with no tier, waiting for one after "và" (its item).
    bare_share: Option<(GroupRef, Val, usize)>,
    /// The year a comparison names ("so với năm 2021").
    compared: Option<PeriodKey>,
}

/// Whether the words up to the next comma (or "và") go on with a group's
/// name: no number, no known group, and a tier or coverage to end on.
fn name_goes_on(rest: &[Sem]) -> bool {
    let part = rest
        .iter()
        .take_while(|s| !matches!(s, Sem::Sep(',' | '(' | ')', _) | Sem::Mark(M::And, _)));
    let mut ends = false;
    for s in part {
        match s {
            Sem::Num { .. } | Sem::Mark(M::Group(_) | M::Person | M::Not(_), _) => return false,
            Sem::Mark(M::Tier(_) | M::Cover, _) => ends = true,
            _ => {}
        }
    }
    ends
}

/// Cuts a clause into items: at `,`, `và`, "trong đó", and before a
/// second main count. Each item comes with the period it names.
fn items(clause: &[Sem]) -> Vec<(Item, Option<PeriodKey>)> {
    let mut out: Vec<(Item, Option<PeriodKey>)> = Vec::new();
    let mut cur = Item::default();
    let mut period = None;
    let mut depth = 0usize;
    let mut approx: Option<(&'static str, usize)> = None;
    let mut slash = false;
    // Brackets opened before the item's number: they hold the item
    // itself ("(tổng số 2.388 đảng viên được đánh giá)").
    let mut plain = 0usize;
    let mut first = true;
    let push = |out: &mut Vec<(Item, Option<PeriodKey>)>,
                cur: &mut Item,
                period: &mut Option<PeriodKey>| {
        let done = std::mem::take(cur);
        out.push((done, period.take()));
    };
    let mut and = false;
    for (at, s) in clause.iter().enumerate() {
        let span = s.span();
        if first {
            cur.start = span.start;
            cur.and_joined = std::mem::take(&mut and);
            first = false;
        }
        let mut extend = true;
        // "(trong đó …)": brackets that hold the figures "of which".
        let of_which_next = matches!(clause.get(at + 1), Some(Sem::Mark(M::OfWhich, _)));
        match s {
            Sem::Sep('(', _) if depth == 0 && of_which_next => {}
            Sem::Sep('(', _) if depth == 0 && cur.num.is_none() => plain += 1,
            Sem::Sep('(', _) => depth += 1,
            Sem::Sep(')', _) if depth == 0 && plain > 0 => plain -= 1,
            Sem::Sep(')', _) if depth == 0 => {
                push(&mut out, &mut cur, &mut period);
                first = true;
                extend = false;
            }
            Sem::Sep(')', _) => depth -= 1,
            // "đạt trong sạch, vững mạnh, chiếm 92,9%": the share after the
            // comma is the tier's.
            Sem::Sep(',', _)
                if depth == 0
                    && cur.num.is_none()
                    && cur.tier.is_some()
                    && matches!(clause.get(at + 1), Some(Sem::Mark(M::Share, _))) => {}
            // "16/16 Đảng bộ, ban thường vụ cấp ủy trực thuộc tỉnh được xếp
            // loại …": a comma inside another group's name, when the words
            // after it (up to the next comma) have no number but the tier or
            // coverage the name is waiting for.
            Sem::Sep(',', _)
                if depth == 0
                    && cur.naming()
                    && !cur.other.is_empty()
                    && name_goes_on(&clause[at + 1..]) => {}
            Sem::Sep(',', _) if depth == 0 => {
                push(&mut out, &mut cur, &mut period);
                first = true;
                extend = false;
                slash = false;
            }
            // "Về kết quả đánh giá, phân loại: Có 574 …": a heading before a
            // colon (no number, no tier) is an item of its own; its group
            // carries on.
            Sem::Sep(':', _) if depth == 0 && cur.num.is_none() && cur.tier.is_none() => {
                push(&mut out, &mut cur, &mut period);
                first = true;
                extend = false;
            }
            // "tăng từ 38 lên 45", "rose by 62 to 5,062": this year's number
            // is an item of its own, with the same group and tier.
            // Its words are its own ("lên 45"), not the compared figure's.
            Sem::Mark(M::To, span)
                if depth == 0 && (cur.from || cur.change) && cur.num.is_some() =>
            {
                let next = Item {
                    from: false,
                    from_year: None,
                    change: false,
                    num: None,
                    base: None,
                    shares: Vec::new(),
                    stray: Vec::new(),
                    group: cur.group.clone().map(|(g, _)| (g, span.clone())),
                    tier: cur.tier.as_ref().map(|(t, _)| (*t, span.clone())),
                    ..cur.same_from(span)
                };
                push(&mut out, &mut cur, &mut period);
                cur = next;
                extend = false;
            }
            // "không có chi bộ nào hoàn thành nhiệm vụ hoặc không hoàn thành
            // nhiệm vụ": none of the next tier either.
            Sem::Mark(M::Or, span)
                if depth == 0
                    && cur.tier.is_some()
                    && cur.num.as_ref().is_some_and(|(v, _)| v.v == "0") =>
            {
                let next = Item {
                    tier: None,
                    ..cur.same_from(span)
                };
                push(&mut out, &mut cur, &mut period);
                cur = next;
                extend = false;
            }
            Sem::Sep('/', _) => slash = cur.num.is_some(),
            Sem::Mark(M::And, _) if depth == 0 => {
                push(&mut out, &mut cur, &mut period);
                first = true;
                extend = false;
                and = true;
            }
            // "16% trong số đó hoàn thành …": of the ones before, said after the number.
            Sem::Mark(M::OfWhich, _) if at > 0 && matches!(clause[at - 1], Sem::Num { .. }) => {}
            Sem::Mark(M::OfWhich, span) => {
                if cur.num.is_some() || cur.tier.is_some() || cur.cover.is_some() {
                    push(&mut out, &mut cur, &mut period);
                }
                cur.of_which = true;
                cur.start = span.start;
                first = false;
            }
            Sem::Num { v, pct, span } => {
                // "tỷ lệ … đạt 13,2": a share with its `%` left out.
                let bare_share = !pct
                    && cur.rate
                    && cur.num.is_none()
                    && depth == 0
                    && v.parse::<f64>().is_ok_and(|n| n <= 100.0);
                // A count is whole: "HTXSNV 17,2" is a share.
                let fraction =
                    !pct && v.contains('.') && v.parse::<f64>().is_ok_and(|n| n <= 100.0);
                let pct = &(*pct || bare_share || fraction);
                let (approx, from) = approx
                    .take()
                    .map_or((None, span.start), |(a, f)| (Some(a), f));
                let val = Val {
                    v: v.clone(),
                    approx,
                    span: from..span.end,
                    derived: false,
                };
                if slash && !pct && cur.base.is_none() {
                    cur.base = Some(val);
                } else if depth > 0
                    && !pct
                    && cur.paren.is_none()
                    && cur.num.as_ref().is_some_and(|(_, p)| *p)
                {
                    cur.paren = Some(val);
                } else if depth > 0 || (*pct && cur.num.as_ref().is_some_and(|(_, p)| !p)) {
                    if *pct {
                        cur.shares.push(span.clone());
                    } else {
                        cur.stray.push(span.clone());
                    }
                } else if cur.num.is_some() {
                    // A second count: a new item.
                    push(&mut out, &mut cur, &mut period);
                    cur.start = span.start;
                    cur.num = Some((val, *pct));
                } else {
                    cur.num = Some((val, *pct));
                }
                slash = false;
            }
            // A tier in brackets names the item's: "19 đồng chí xếp loại A
            // (hoàn thành xuất sắc nhiệm vụ)".
            Sem::Mark(M::Tier(t), span) if depth > 0 && cur.tier.is_none() && cur.num.is_some() => {
                cur.tier = Some((t, span.clone()));
            }
            // Other words in brackets say nothing of the item: "112 … (tăng 9 …)".
            Sem::Mark(_, _) if depth > 0 => approx = None,
            // "hoàn thành xuất sắc nhiệm vụ 21 TCCSĐ hoàn thành tốt nhiệm vụ
            // 64 TCCSĐ" (a list's lines joined): a second tier after the
            // item's tier and number starts the next item.
            Sem::Mark(M::Tier(t), span)
                if cur.num.as_ref().is_some_and(|(v, _)| {
                    cur.tier
                        .as_ref()
                        .is_some_and(|(_, ts)| ts.start < v.span.start)
                }) =>
            {
                push(&mut out, &mut cur, &mut period);
                cur.start = span.start;
                cur.tier = Some((t, span.clone()));
            }
            Sem::Mark(m, span) => {
                match *m {
                    // The group after the number wins: "Chi bộ số 5 có 47 đảng viên".
                    M::Group(id)
                        if cur.group.is_none() || (cur.num.is_some() && !cur.group_after) =>
                    {
                        cur.group_after = cur.num.is_some();
                        cur.person = false;
                        let g = GroupRef {
                            id: id.to_string(),
                            label: known_group(id),
                        };
                        cur.group = Some((g, span.clone()));
                    }
                    // "cán bộ lãnh đạo, quản lý … 19 đồng chí": still the leaders.
                    M::Person
                        if cur.group.is_none()
                            || (cur.num.is_some()
                                && !cur.group_after
                                && cur.group.as_ref().is_none_or(|(g, _)| g.id != "leaders")) =>
                    {
                        cur.group_after = cur.num.is_some();
                        let g = GroupRef {
                            id: "members".into(),
                            label: known_group("members"),
                        };
                        cur.group = Some((g, span.clone()));
                        cur.person = true;
                    }
                    M::Tier(t) if cur.tier.is_none() => cur.tier = Some((t, span.clone())),
                    M::Cover => cur.cover = Some(span.clone()),
                    M::OrBetter => cur.or_better = true,
                    M::Approx(a) => approx = Some((a, span.start)),
                    M::Not(w) => cur.not = cur.not.or(Some(w)),
                    M::Change => cur.change = true,
                    M::OutOf => slash = cur.num.as_ref().is_some_and(|(_, pct)| !pct),
                    M::From if cur.num.is_none() => cur.from = true,
                    M::This => cur.this = true,
                    M::Rest => cur.rest = true,
                    M::Share => cur.rate = true,
                    M::Whole => cur.whole = true,
                    M::Filler if cur.naming() && !cur.other.is_empty() => {
                        cur.other.push((span.clone(), true));
                    }
                    M::Name if cur.naming() => cur.other.push((span.clone(), false)),
                    _ => {}
                }
                if !matches!(m, M::Approx(_)) {
                    approx = None;
                }
            }
            Sem::Period(p, _) if depth == 0 && cur.from && cur.num.is_some() => {
                cur.from_year = cur.from_year.or(Some(*p));
            }
            Sem::Period(p, _) if depth == 0 => {
                period.get_or_insert(*p);
            }
            Sem::Word(span) => {
                if cur.naming() {
                    cur.other.push((span.clone(), false));
                }
                approx = None;
            }
            Sem::Unit(u) => {
                cur.units += 1;
                cur.unit = Some(u.clone());
                approx = None;
            }
            Sem::Skip(..) | Sem::Sep(..) | Sem::Period(..) => {}
        }
        if extend {
            cur.end = cur.end.max(span.end);
        }
    }
    out.push((cur, period));
    out
}

/// A table pasted into the text with tabs ("Đối tượng\tTổng số\tHTXSNV
/// …" and a row a group): a header naming two tiers or more, then rows
/// whose first cell names a group and the others hold its figures. Each
/// table's lines (byte range) and the figures read from them; the
/// sentences leave these lines alone.
fn tables<'t>(text: &'t str, table: &Phrases) -> Vec<(Range<usize>, Vec<Acc>)> {
    // What a cell says: a known phrase that is the whole cell; a header's
    // "Tổng số" is the total ("số được đánh giá" the evaluated, a coverage).
    // Each cell's text is looked at once (a paste of many tables repeats them).
    let mut seen: HashMap<&str, Option<Mark>> = HashMap::new();
    let mut mark = |cell: &'t str| {
        *seen.entry(cell.trim()).or_insert_with(|| {
            let toks = tokens(cell);
            let folded: Vec<&str> = toks.iter().map(|t| t.s.as_str()).collect();
            if matches!(folded.as_slice(), ["tong", "so"] | ["total"]) {
                return Some(M::Label);
            }
            table.whole(folded.strip_prefix(&["so"]).unwrap_or(&folded))
        })
    };
    // The lines, each cut at its tabs (or, with none, at runs of spaces, as
    // a PDF's table comes out): (line's bytes, cells' bytes).
    let mut lines: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        lines.push((at..at + line.len(), cut(body, at)));
        at += line.len();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // A table's lines with single spaces between its cells: a header
        // that is nothing but column names, rows a group and as many numbers.
        if lines[i].1.len() < 3 {
            let line = lines[i].0.clone();
            // (A header has no number: prose lines are not looked at twice.)
            let words_only = !text[line.clone()].bytes().any(|b| b.is_ascii_digit());
            let head = words_only
                .then(|| spaced_header(&text[line.clone()], line.start, table))
                .flatten();
            let Some(head) = head else {
                i += 1;
                continue;
            };
            let columns = head.len() - 1;
            lines[i].1 = head;
            for (bytes, cells) in lines.iter_mut().skip(i + 1) {
                match spaced_row(&text[bytes.clone()], bytes.start, columns, table) {
                    Some(row) => *cells = row,
                    None => break,
                }
            }
        }
        let head: Vec<Option<Mark>> = lines[i].1.iter().map(|c| mark(&text[c.clone()])).collect();
        let tiers = head
            .iter()
            .filter(|m| matches!(m, Some(M::Tier(_))))
            .count();
        if tiers < 2 {
            i += 1;
            continue;
        }
        let mut accs = Vec::new();
        let mut end = lines[i].0.end;
        let mut j = i + 1;
        while let Some((bytes, cells)) = lines.get(j).filter(|(_, c)| c.len() == head.len()) {
            // A row: a group, then figures or empty cells only; its last
            // cell may go on as prose ("… 20 Năm tới …"): the prose is read
            // as prose.
            let last = cells.len() - 1;
            let figures: Option<Vec<Option<Range<usize>>>> = cells[1..]
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let raw = &text[c.clone()];
                    let lead = c.start + raw.len() - raw.trim_start().len();
                    let trimmed = raw.trim();
                    let word = match trimmed.find(char::is_whitespace) {
                        Some(w) if k + 1 == last && number::read(trimmed).is_none() => {
                            &trimmed[..w]
                        }
                        _ => trimmed,
                    };
                    match word {
                        "" | "-" => Some(None),
                        w => number::read(w).map(|_| Some(lead..lead + w.len())),
                    }
                })
                .collect();
            let (Some(M::Group(id)), Some(figures)) = (mark(&text[cells[0].clone()]), figures)
            else {
                break;
            };
            let mut acc = Acc {
                period: None,
                unit: None,
                id: id.to_string(),
                label: known_group(id),
                total: None,
                evaluated: None,
                cover_pct: None,
                figs: Vec::new(),
                summed: false,
            };
            // Where the row stops: its line's end, or the end of its last
            // figure when prose goes on after it (the table ends there).
            let last_cell = &text[cells[last].clone()];
            let short = figures
                .last()
                .cloned()
                .flatten()
                .filter(|f| f.end < cells[last].start + last_cell.trim_end().len())
                .map(|f| f.end);
            for (span, m) in figures.into_iter().zip(&head[1..]) {
                let Some(span) = span else {
                    continue;
                };
                let Some(n) = number::read(&text[span.clone()]) else {
                    continue;
                };
                let val = Val {
                    v: n.json,
                    approx: n.approx,
                    span,
                    derived: false,
                };
                match m {
                    Some(M::Tier(t)) => acc.figs.push(TierFig {
                        tier: t,
                        val,
                        or_better: false,
                        share: n.percent,
                    }),
                    Some(M::Cover) if !n.percent => acc.evaluated = Some(val),
                    Some(M::Label) if !n.percent => acc.total = Some(val),
                    _ => {}
                }
            }
            accs.push(acc);
            end = short.unwrap_or(bytes.end);
            j += 1;
            if short.is_some() {
                break;
            }
        }
        if !accs.is_empty() {
            out.push((lines[i].0.start..end, accs));
        }
        i = j;
    }
    out
}

/// A line's cells: at its tabs, else at runs of two spaces or more; one
/// cell when it has neither.
fn cut(body: &str, at: usize) -> Vec<Range<usize>> {
    let sep = if body.contains('\t') { "\t" } else { "  " };
    let mut cells = Vec::new();
    let mut from = 0;
    while let Some(found) = body[from..].find(sep) {
        let end = from + found;
        cells.push(at + from..at + end);
        from = end + sep.len();
        // The rest of a run of spaces belongs to no cell.
        while sep == "  " && body[from..].starts_with(' ') {
            from += 1;
        }
    }
    cells.push(at + from..at + body.len());
    cells
}

/// A header whose columns are only known names, single spaces between
/// ("Đối tượng Tổng số HTXSNV HTTNV HTNV KHTNV"): a first cell of up to
/// three other words, then a cell a column; two tiers at least.
fn spaced_header(line: &str, at: usize, table: &Phrases) -> Option<Vec<Range<usize>>> {
    let toks = tokens(line.trim_end_matches(['\n', '\r']));
    let span = |t: &Tok| at + t.span.start..at + t.span.end;
    let column = |k: usize| -> Option<(usize, bool)> {
        let words = &toks[k..];
        if words.len() >= 2 && words[0].s == "tong" && words[1].s == "so" {
            return Some((2, false));
        }
        match table.longest(words)? {
            (w, M::Tier(_), _) => Some((w.len(), true)),
            (w, M::Cover, _) => Some((w.len(), false)),
            _ => None,
        }
    };
    let lead = (0..=3.min(toks.len())).find(|k| *k == toks.len() || column(*k).is_some())?;
    let mut cells = vec![match lead {
        0 => at..at,
        k => span(&toks[0]).start..span(&toks[k - 1]).end,
    }];
    let (mut k, mut tiers) = (lead, 0);
    while k < toks.len() {
        let (n, tier) = column(k)?;
        cells.push(span(&toks[k]).start..span(&toks[k + n - 1]).end);
        tiers += usize::from(tier);
        k += n;
    }
    (tiers >= 2 && cells.len() >= 3).then_some(cells)
}

/// A row under a [`spaced_header`]: a group, then exactly `columns`
/// numbers (each with its `%`).
fn spaced_row(line: &str, at: usize, columns: usize, table: &Phrases) -> Option<Vec<Range<usize>>> {
    let toks = tokens(line.trim_end_matches(['\n', '\r']));
    let span = |t: &Tok| at + t.span.start..at + t.span.end;
    let (words, M::Group(_), _) = table.longest(&toks)? else {
        return None;
    };
    let group = span(&toks[0]).start..span(&toks[words.len() - 1]).end;
    let mut cells = Vec::from([group]);
    let mut k = words.len();
    while k < toks.len() {
        if toks[k].kind != Kind::Num {
            return None;
        }
        let pct = toks.get(k + 1).is_some_and(|t| t.s == "%");
        let last = if pct { k + 1 } else { k };
        cells.push(span(&toks[k]).start..span(&toks[last]).end);
        k = last + 1;
    }
    (cells.len() == columns + 1).then_some(cells)
}

/// Reads report text into a draft.
///
/// ```
/// use tier_breakdown_draft::prose::read;
/// let r = read("Năm 2023, có 12/14 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó 3 hoàn thành xuất sắc nhiệm vụ, 9 hoàn thành tốt nhiệm vụ.");
/// let g = &r.draft.groups[0];
/// assert_eq!((g.id.as_str(), g.total.as_str(), g.evaluated.as_str()), ("organisations", "14", "12"));
/// assert_eq!(g.figures[0].value, "3");
/// assert_eq!(r.draft.period_id, "2023");
/// ```
pub fn read(text: &str) -> Reading {
    let tabled = tables(text, &Phrases::new());
    let toks = tokens(text);
    let (sems, en) = meanings(&toks);
    // A table's lines are read as a table, not as sentences (both in the
    // text's order: one walk).
    let mut lines = tabled.iter().map(|(lines, _)| lines).peekable();
    let sems: Vec<Sem> = sems
        .into_iter()
        .filter(|s| {
            let at = s.span().start;
            while lines.next_if(|l| l.end <= at).is_some() {}
            !lines.peek().is_some_and(|l| l.contains(&at))
        })
        .collect();
    let mut r = Reader {
        text,
        lang: if en { "en" } else { "vi" },
        accs: Vec::new(),
        unused: Vec::new(),
        group: None,
        period: None,
        periods: Vec::new(),
        every: None,
        elliptic: Vec::new(),
        last_tier: None,
        rests: Vec::new(),
        units: Vec::new(),
        unit: Whose::Whole,
    };
    r.accs = tabled.into_iter().flat_map(|(_, accs)| accs).collect();
    // What is listed whatever the sentence: document numbers, dates, "một số".
    for s in &sems {
        match s {
            Sem::Skip(why, span) => r.unused(span.clone(), *why),
            Sem::Mark(M::Some, span) => r.unused(span.clone(), W::WhySome),
            Sem::Mark(M::Every, span) => {
                r.every.get_or_insert(span.clone());
            }
            Sem::Period(p, _) if !r.periods.contains(p) => r.periods.push(*p),
            _ => {}
        }
    }
    for sentence in sems.split(|s| matches!(s, Sem::Sep('.' | '!' | '?' | '\n', _))) {
        r.sentence(sentence);
    }
    r.unused.sort_by_key(|u| (u.words.start, u.words.end));
    r.unused.dedup();
    finish(r)
}

// ------------------------------------------------------------ the draft

/// How a question was answered: its kind and the choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    /// Does this group's "good" include its "excellent"? (acc index)
    GoodIncludes(usize),
    /// Are this group's shares of the evaluated or of the total? (acc index)
    ShareBase(usize),
    /// "hằng năm" and no year: results of one year, or a yearly rule?
    NoYear,
    /// "năm 2021 có 1.130 đảng viên" after a year's tier figure: the same
    /// tier in this year, or this year's total? (acc index, tier)
    Elliptic(usize, &'static str),
}

fn count(v: &Val) -> Option<u64> {
    v.v.parse().ok()
}

/// The reading: the figures merged by period and group, the questions,
/// the draft of their first choices.
fn finish(mut r: Reader) -> Reading {
    let (accs, first) = merged(&mut r);
    let asks = asks(&accs, &mut r, first);
    let questions = asks
        .iter()
        .map(|(_, words, ask, says)| Question {
            words: words.clone(),
            ask: *ask,
            choices: says.iter().map(|says| Choice { says: *says }).collect(),
        })
        .collect();
    r.unused.sort_by_key(|u| (u.words.start, u.words.end));
    let mut reading = Reading {
        draft: Draft::blank(),
        used: Vec::new(),
        unused: r.unused,
        questions,
        read: Read {
            accs,
            asks: asks.iter().map(|(a, ..)| *a).collect(),
            lang: r.lang,
            units: r.units,
        },
    };
    (reading.draft, reading.used) = reading.answered(&[]);
    reading
}

/// Each group's figures in each period, once: figures before any year go
/// to the text's first year; "100%" of a total becomes the evaluated;
/// shares beside counts are listed, not used. Also returns that first year.
fn merged(r: &mut Reader) -> (Vec<Acc>, Option<PeriodKey>) {
    // Figures before any year belong to the text's first year.
    let first = r
        .periods
        .iter()
        .find(|p| r.accs.iter().any(|a| a.period == Some(**p)))
        .or(r.periods.first())
        .copied();
    if !sub_units(&r.accs) {
        for a in &mut r.accs {
            a.unit = None;
        }
        for rest in r.rests.iter_mut().chain(&mut r.elliptic) {
            rest.1 = None;
        }
    }
    let mut accs: Vec<Acc> = Vec::new();
    for mut a in std::mem::take(&mut r.accs) {
        if a.period.is_none() {
            a.period = first;
        }
        match accs
            .iter_mut()
            .find(|b| b.period == a.period && b.unit == a.unit && b.id == a.id)
        {
            Some(b) => {
                b.total = b.total.take().or(a.total);
                b.evaluated = b.evaluated.take().or(a.evaluated);
                b.cover_pct = b.cover_pct.take().or(a.cover_pct);
                for f in a.figs {
                    if b.figs
                        .iter()
                        .any(|g| g.tier == f.tier && g.share == f.share)
                    {
                        r.unused.push(Unused {
                            words: f.val.span,
                            why: W::WhyTwice,
                        });
                    } else {
                        b.figs.push(f);
                    }
                }
            }
            None => accs.push(a),
        }
    }
    // A period that gives no tier ("Tính đến hết quý I/2014, toàn Đảng bộ
    // có 802 tổ chức cơ sở đảng" before the results of 2013) is not a
    // period of results: its coverage goes to the latest period that has
    // results, where that has none.
    let latest = accs
        .iter()
        .filter(|a| !a.figs.is_empty())
        .map(|a| a.period)
        .max();
    if let Some(to) = latest {
        let with_results: Vec<Option<PeriodKey>> = accs
            .iter()
            .filter(|a| !a.figs.is_empty())
            .map(|a| a.period)
            .collect();
        let (moved, kept): (Vec<Acc>, Vec<Acc>) = std::mem::take(&mut accs)
            .into_iter()
            .partition(|a| !with_results.contains(&a.period));
        accs = kept;
        for a in moved {
            let at = match accs
                .iter()
                .position(|b| b.period == to && b.unit == a.unit && b.id == a.id)
            {
                Some(at) => at,
                None => {
                    accs.push(Acc {
                        period: to,
                        total: None,
                        evaluated: None,
                        cover_pct: None,
                        figs: Vec::new(),
                        ..a.clone()
                    });
                    accs.len() - 1
                }
            };
            let b = &mut accs[at];
            for (from, into) in [
                (a.total, &mut b.total),
                (a.evaluated, &mut b.evaluated),
                (a.cover_pct, &mut b.cover_pct),
            ] {
                match (from, into.is_some()) {
                    (Some(v), false) => *into = Some(v),
                    (Some(v), true) => r.unused.push(Unused {
                        words: v.span,
                        why: W::WhyTwice,
                    }),
                    (None, _) => {}
                }
            }
        }
    }
    // A coverage share is a count when a total makes it exact ("100%").
    for a in &mut accs {
        if let (Some(p), None) = (a.cover_pct.take(), &a.evaluated) {
            let exact = a.total.as_ref().and_then(|t| {
                let t: u64 = t.v.parse().ok()?;
                let p: u64 = p.v.parse().ok()?;
                (p <= 100 && (t * p).is_multiple_of(100)).then(|| (t * p / 100).to_string())
            });
            match exact {
                Some(v) => {
                    a.evaluated = Some(Val {
                        v,
                        derived: true,
                        ..p
                    })
                }
                None => r.unused.push(Unused {
                    words: p.span,
                    why: W::WhyCoverageShare,
                }),
            }
        }
    }
    // "Các chi bộ còn lại …": the evaluated less the tiers given, when
    // every tier given is an exact count.
    for (p, unit, id, tier, words) in std::mem::take(&mut r.rests) {
        let Some(a) = accs
            .iter_mut()
            .find(|a| a.period == p.or(first) && a.unit == unit && a.id == id)
        else {
            continue;
        };
        let exact = a
            .figs
            .iter()
            .all(|f| !f.share && !f.or_better && f.val.approx.is_none() && f.tier != tier);
        let given: Option<u64> = a.figs.iter().map(|f| count(&f.val)).sum();
        let of = a.evaluated.as_ref().and_then(count);
        if let (true, Some(given), Some(of)) = (exact && !a.figs.is_empty(), given, of) {
            if let Some(v) = of.checked_sub(given) {
                let val = Val {
                    v: v.to_string(),
                    approx: None,
                    span: words,
                    derived: true,
                };
                a.figs.push(TierFig {
                    tier,
                    val,
                    or_better: false,
                    share: false,
                });
            }
        }
    }
    for a in &mut accs {
        whole_shares(a);
        rest_by_share(a);
    }
    sums(&mut accs);
    // Shares in a group given by counts: the chart works its shares out.
    for a in &accs {
        if a.figs.iter().any(|f| !f.share) {
            for f in a.figs.iter().filter(|f| f.share) {
                r.unused.push(Unused {
                    words: f.val.span.clone(),
                    why: W::WhyMixed,
                });
            }
        }
    }
    (accs, first)
}

/// The first byte of the words of an acc's first figure.
fn first_words(a: &Acc) -> Option<usize> {
    let vals = a.total.iter().chain(&a.evaluated).chain(&a.cover_pct);
    vals.chain(a.figs.iter().map(|f| &f.val))
        .map(|v| v.span.start)
        .min()
}

/// Whether the sub-units named are the text's sub-units: two or more
/// with figures, or one after the whole's figures; not the one unit a
/// whole text is about ("Đảng bộ huyện Cẩm Khê có 31 …; năm 2023 có 6
/// …": its figures are the top level's).
fn sub_units(accs: &[Acc]) -> bool {
    let mut units: Vec<usize> = accs
        .iter()
        .filter(|a| first_words(a).is_some())
        .filter_map(|a| a.unit)
        .collect();
    units.sort_unstable();
    units.dedup();
    let first = |unit: bool| {
        accs.iter()
            .filter(|a| a.unit.is_some() == unit)
            .filter_map(first_words)
            .min()
    };
    units.len() >= 2 || matches!((first(false), first(true)), (Some(w), Some(u)) if w < u)
}

/// A group the text gives for sub-units alone (no figure of the whole's
/// for it): the whole's figures are theirs added up, marked so
/// ([`W::WhySummed`], and a note under the chart names the group): each
/// exact count that every unit with the group gives alike; a tier one of
/// them does not give is not given; shares never (their bases differ).
/// Nothing is invented: where nothing adds up, the whole's figure is left
/// for the journalist.
fn sums(accs: &mut Vec<Acc>) {
    let any = |a: &Acc| a.total.is_some() || a.evaluated.is_some() || !a.figs.is_empty();
    let mut keys: Vec<(Option<PeriodKey>, String)> = Vec::new();
    for a in accs.iter().filter(|a| a.unit.is_some() && any(a)) {
        if !keys.contains(&(a.period, a.id.clone())) {
            keys.push((a.period, a.id.clone()));
        }
    }
    for (p, id) in keys {
        let whole = |a: &Acc| a.unit.is_none() && a.period == p && a.id == id;
        if accs.iter().any(|a| whole(a) && any(a)) {
            continue;
        }
        let parts: Vec<&Acc> = accs
            .iter()
            .filter(|a| a.unit.is_some() && a.period == p && a.id == id)
            .collect();
        let add = |vals: Vec<Option<&Val>>| -> Option<Val> {
            let mut n = 0u64;
            for v in vals {
                let v = v.filter(|v| v.approx.is_none())?;
                n = n.checked_add(count(v)?)?;
            }
            Some(Val {
                v: n.to_string(),
                approx: None,
                span: 0..0,
                derived: true,
            })
        };
        let mut tiers: Vec<(&'static str, bool)> = Vec::new();
        for f in parts.iter().flat_map(|a| &a.figs).filter(|f| !f.share) {
            if !tiers.contains(&(f.tier, f.or_better)) {
                tiers.push((f.tier, f.or_better));
            }
        }
        let figs: Vec<TierFig> = tiers
            .into_iter()
            .filter_map(|(tier, or_better)| {
                let vals = parts.iter().map(|a| {
                    a.figs
                        .iter()
                        .find(|f| f.tier == tier && !f.share && f.or_better == or_better)
                        .map(|f| &f.val)
                });
                let val = add(vals.collect())?;
                Some(TierFig {
                    tier,
                    val,
                    or_better,
                    share: false,
                })
            })
            .collect();
        let whole = Acc {
            period: p,
            unit: None,
            id: id.clone(),
            label: parts[0].label.clone(),
            total: add(parts.iter().map(|a| a.total.as_ref()).collect()),
            evaluated: add(parts.iter().map(|a| a.evaluated.as_ref()).collect()),
            cover_pct: None,
            figs,
            summed: true,
        };
        if any(&whole) {
            accs.retain(|a| a.unit.is_some() || a.period != p || a.id != id);
            accs.push(whole);
        }
    }
}

/// "HTXSNV 17,2; HTTNV 78,4; HTNV 4; KHTNV 0,4" (a table's column of
/// shares, its `%` in the heading): a whole number among shares, when
/// they all add up to 100, is a share too, not a count of 4.
fn whole_shares(a: &mut Acc) {
    let (shares, counts): (Vec<&TierFig>, Vec<&TierFig>) = a.figs.iter().partition(|f| f.share);
    let value = |f: &TierFig| f.val.v.parse::<f64>().ok();
    let small = counts.iter().all(|f| value(f).is_some_and(|n| n <= 100.0));
    let plain = a
        .figs
        .iter()
        .all(|f| !f.or_better && f.val.approx.is_none());
    let sum: Option<f64> = a.figs.iter().map(value).sum();
    let once = a
        .figs
        .iter()
        .all(|f| a.figs.iter().filter(|g| g.tier == f.tier).count() == 1);
    if shares.is_empty()
        || !once
        || counts.is_empty()
        || !small
        || !plain
        || a.evaluated.is_some()
        || !sum.is_some_and(|s| (s - 100.0).abs() < 0.25)
    {
        return;
    }
    for f in &mut a.figs {
        f.share = true;
    }
}

/// "702 … được đánh giá; 661 … hoàn thành tốt nhiệm vụ trở lên …; có
/// 5,6% … hoàn thành nhiệm vụ và 2 … không hoàn thành": in a group given
/// by exact counts, the one tier given only as a share is the evaluated
/// less the others (39), when that count's share is the share printed
/// (39 of 702 is 5,6%): worked out from the share's words. Any other
/// share beside counts stays out (its base may be the evaluated or a
/// block "trong đó": not guessed).
fn rest_by_share(a: &mut Acc) {
    let Some(of) = a
        .evaluated
        .as_ref()
        .filter(|v| v.approx.is_none())
        .and_then(count)
        .filter(|n| *n > 0)
    else {
        return;
    };
    let counts: Vec<&TierFig> = a.figs.iter().filter(|f| !f.share).collect();
    if counts.is_empty() || counts.iter().any(|f| f.val.approx.is_some()) {
        return;
    }
    let older = a.figs.iter().any(|f| older_tier(f.tier).is_some());
    let scheme: &[&str] = if older {
        &["exemplary", "clean_strong", "good", "completed", "weak"]
    } else {
        &["excellent", "good", "completed", "not_completed"]
    };
    // A tier is covered by its own count or by an "or better" count below it.
    let inside = |t: &str| counts.iter().any(|f| f.or_better && rank(t) < rank(f.tier));
    let covered = |t: &str| inside(t) || counts.iter().any(|f| f.tier == t);
    let missing: Vec<&str> = scheme.iter().copied().filter(|t| !covered(t)).collect();
    let [tier] = missing.as_slice() else {
        return;
    };
    let given: Option<u64> = counts
        .iter()
        .filter(|f| !inside(f.tier))
        .map(|f| count(&f.val))
        .sum();
    let Some(at) = a
        .figs
        .iter()
        .position(|f| f.share && f.tier == *tier && !f.or_better && f.val.approx.is_none())
    else {
        return;
    };
    let Some(n) = given.and_then(|g| of.checked_sub(g)) else {
        return;
    };
    // The share as printed, to its decimals, must be n of the evaluated.
    let printed = &a.figs[at].val.v;
    let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len());
    let share = n as f64 * 100.0 / of as f64;
    if format!("{share:.decimals$}").parse::<f64>().ok() != printed.parse::<f64>().ok() {
        return;
    }
    let f = &mut a.figs[at];
    f.share = false;
    f.val.v = n.to_string();
    f.val.derived = true;
}

/// What the text leaves open: each question's kind, words, ask and two choices.
fn asks(
    accs: &[Acc],
    r: &mut Reader,
    first: Option<PeriodKey>,
) -> Vec<(Ask, Range<usize>, W, [W; 2])> {
    let mut asks: Vec<(Ask, Range<usize>, W, [W; 2])> = Vec::new();
    for (i, a) in accs.iter().enumerate() {
        let counts: Vec<&TierFig> = a.figs.iter().filter(|f| !f.share).collect();
        let get = |t: &str| counts.iter().find(|f| f.tier == t);
        let exact = counts
            .iter()
            .all(|f| f.val.approx.is_none() && !f.or_better);
        if let (Some(e), Some(g), Some(v), true) =
            (get("excellent"), get("good"), &a.evaluated, exact)
        {
            let all: u64 = counts.iter().filter_map(|f| count(&f.val)).sum();
            let (e_n, v_n) = (count(&e.val).unwrap_or(0), count(v).unwrap_or(0));
            if all != v_n && all >= e_n && all - e_n == v_n {
                asks.push((
                    Ask::GoodIncludes(i),
                    g.val.span.clone(),
                    W::AskGoodIncludes,
                    [W::ChoiceOrBetter, W::ChoiceAlone],
                ));
            }
        }
        let only_shares = counts.is_empty() && !a.figs.is_empty();
        if let (true, Some(t), Some(e)) = (only_shares, &a.total, &a.evaluated) {
            if t.v != e.v {
                let words = a.figs[0].val.span.clone();
                asks.push((
                    Ask::ShareBase(i),
                    words,
                    W::AskShareBase,
                    [W::ChoiceOfEvaluated, W::ChoiceOfTotal],
                ));
            }
        }
    }
    for (p, unit, id, tier, words) in std::mem::take(&mut r.elliptic) {
        let p = p.or(first);
        if let Some(i) = accs
            .iter()
            .position(|a| a.period == p && a.unit == unit && a.id == id)
        {
            let says = [W::ChoiceSameTier, W::ChoiceTotal];
            asks.push((Ask::Elliptic(i, tier), words, W::AskElliptic, says));
        }
    }
    if let (Some(words), true, false) = (r.every.clone(), r.periods.is_empty(), accs.is_empty()) {
        asks.push((
            Ask::NoYear,
            words,
            W::AskNoYear,
            [W::ChoiceOneYear, W::ChoiceNotResults],
        ));
    }
    asks
}

/// The older scheme's tiers (organisations and cells, before 2018/19).
fn older_tier(id: &str) -> Option<Tier> {
    let (vi, en, svi, sen) = match id {
        "exemplary" => (
            "Trong sạch, vững mạnh tiêu biểu",
            "Clean and strong, exemplary",
            "Tiêu biểu",
            "Exemplary",
        ),
        "clean_strong" => (
            "Trong sạch, vững mạnh",
            "Clean and strong",
            "Trong sạch, vững mạnh",
            "Clean and strong",
        ),
        "weak" => ("Yếu kém", "Weak", "Yếu kém", "Weak"),
        _ => return None,
    };
    Some(Tier {
        id: id.into(),
        label: Text::new(vi, en),
        short: Text::new(svi, sen),
        color: String::new(),
    })
}

/// The draft's tiers: today's four, the older scheme's five, or both
/// (best first) when the text uses both.
fn tiers_for(accs: &[Acc]) -> Vec<Tier> {
    let used: Vec<&str> = accs
        .iter()
        .flat_map(|a| a.figs.iter().map(|f| f.tier))
        .collect();
    let older = used.iter().any(|t| older_tier(t).is_some());
    let today = !older
        || used
            .iter()
            .any(|t| matches!(*t, "excellent" | "not_completed"));
    let mut ids: Vec<&str> = Vec::new();
    if today {
        ids.extend(["excellent", "good", "completed", "not_completed"]);
    }
    if older {
        ids.extend(["exemplary", "clean_strong", "good", "completed", "weak"]);
    }
    ids.sort_by_key(|t| rank(t));
    ids.dedup();
    let four = review_tiers();
    ids.iter()
        .filter_map(|id| {
            four.iter()
                .find(|t| t.id == *id)
                .cloned()
                .or_else(|| older_tier(id))
        })
        .collect()
}

fn period_label((y, q): PeriodKey) -> (String, Text) {
    const ROMAN: [&str; 5] = ["", "I", "II", "III", "IV"];
    match q {
        0 => (
            y.to_string(),
            Text::new(&format!("Năm {y}"), &y.to_string()),
        ),
        q => (
            format!("{y}-q{q}"),
            Text::new(
                &format!("Quý {}/{y}", ROMAN[usize::from(q.min(4))]),
                &format!("Q{q} {y}"),
            ),
        ),
    }
}

/// The draft for one set of answers, and where each of its figures came from.
fn assemble(read: &Read, answers: &[(Ask, usize)]) -> (Draft, Vec<Used>) {
    let (accs, lang) = (&read.accs, read.lang);
    let answer = |a: Ask| answers.iter().find(|(k, _)| *k == a).map_or(0, |(_, c)| *c);
    let mut d = Draft::blank();
    d.lang = lang.to_string();
    d.tiers = tiers_for(accs);
    d.groups.clear();
    let mut periods: Vec<Option<PeriodKey>> = Vec::new();
    for a in accs {
        if !periods.contains(&a.period) {
            periods.push(a.period);
        }
    }
    periods.sort();
    let top = periods.last().copied().flatten();
    let not_results = answer(Ask::NoYear) == 1;
    let mut used = Vec::new();
    // The top-level period first (its groups' order is the file's), then the others.
    let mut order: Vec<Option<PeriodKey>> = periods.iter().rev().take(1).copied().collect();
    order.extend(
        periods
            .iter()
            .take(periods.len().saturating_sub(1))
            .copied(),
    );
    for (pn, p) in order.iter().enumerate() {
        let place = if pn == 0 {
            String::new()
        } else {
            format!("periods[{}].", pn - 1)
        };
        // The whole's groups, then each sub-unit's (in the order named).
        let mut groups = Vec::new();
        let mut units: Vec<Part> = Vec::new();
        let here = accs.iter().enumerate().filter(|(_, a)| a.period == *p);
        let mut here: Vec<(usize, &Acc)> = here.collect();
        here.sort_by_key(|(_, a)| a.unit.map_or(0, |u| u + 1));
        for (i, a) in here {
            let into = match a.unit.and_then(|u| read.units.get(u)) {
                Some((id, label)) => {
                    if units.last().is_none_or(|u| u.id != *id) {
                        units.push(Part {
                            id: id.clone(),
                            label: label.clone(),
                            ..Part::default()
                        });
                    }
                    let n = units.len() - 1;
                    let at = units[n].groups.len();
                    (format!("{place}units[{n}].groups[{at}]"), Some(n))
                }
                None => (format!("{place}groups[{}]", groups.len()), None),
            };
            let prefix = into.0;
            let says = Says {
                not_results,
                of_total: answer(Ask::ShareBase(i)) == 1,
                good_or_better: answers
                    .iter()
                    .any(|(k, c)| *k == Ask::GoodIncludes(i) && *c == 0),
                totals: answers
                    .iter()
                    .filter_map(|(k, c)| match (k, c) {
                        (Ask::Elliptic(j, tier), 1) if *j == i => Some(*tier),
                        _ => None,
                    })
                    .collect(),
            };
            let g = group_of(a, &says, &d.tiers, &prefix, &mut used);
            match into.1 {
                Some(n) => units[n].groups.push(g),
                None => groups.push(g),
            }
        }
        match p {
            Some(key) if pn > 0 => {
                let (id, label) = period_label(*key);
                d.periods.push(Part {
                    id,
                    label,
                    groups,
                    units,
                });
            }
            _ => (d.groups, d.units) = (groups, units),
        }
    }
    // A period's or a sub-unit's group must be a top-level group too.
    let parts = d.periods.iter().chain(&d.units);
    let parts = parts.chain(d.periods.iter().flat_map(|p| &p.units));
    let missing: Vec<Group> = parts
        .flat_map(|p| &p.groups)
        .filter(|g| !d.groups.iter().any(|t| t.id == g.id))
        .map(|g| Group {
            id: g.id.clone(),
            label: g.label.clone(),
            basis: Basis::None,
            ..Group::default()
        })
        .collect();
    for g in missing {
        if !d.groups.iter().any(|t| t.id == g.id) {
            d.groups.push(g);
        }
    }
    d.title = Text::new(w(UiLang::Vi, W::ProseTitle), w(UiLang::En, W::ProseTitle));
    // "Đảng viên: số liệu chung là tổng của các đơn vị …", once a group.
    for a in accs.iter().filter(|a| a.summed) {
        let say = |lang: UiLang| {
            format!(
                "{}: {}",
                a.label.name_or(lang.code(), &a.id),
                w(lang, W::NoteSummed)
            )
        };
        let note = Text::new(&say(UiLang::Vi), &say(UiLang::En));
        if !d.notes.contains(&note) {
            d.notes.push(note);
        }
    }
    if let Some(key) = top {
        let (id, label) = period_label(key);
        d.period = label;
        d.period_id = id;
    }
    (d, used)
}

/// What the answers say of one group.
struct Says {
    /// "hằng năm": not results, the group keeps no figure.
    not_results: bool,
    /// Its shares are of the total: counts worked out from them.
    of_total: bool,
    /// Its "good" includes "excellent".
    good_or_better: bool,
    /// Tiers whose figure (another year's, read as the tier before it) is the total.
    totals: Vec<&'static str>,
}

/// One group of the draft from its figures as read, and where each came from.
fn group_of(a: &Acc, says: &Says, tiers: &[Tier], prefix: &str, used: &mut Vec<Used>) -> Group {
    let mut a = a.clone();
    for tier in &says.totals {
        if let Some(at) = a.figs.iter().position(|f| f.tier == *tier) {
            let f = a.figs.remove(at);
            if !f.share && a.total.is_none() {
                a.total = Some(f.val);
            }
        }
    }
    let mut g = Group {
        id: a.id.clone(),
        label: a.label.clone(),
        ..Group::default()
    };
    if says.not_results {
        g.basis = Basis::None;
        return g;
    }
    let summed = a.summed;
    let mut note = |field: &str, val: &Val| {
        let path = format!("{prefix}.{field}");
        used.push(Used {
            derived: val.derived,
            summed,
            ..Used::new(val.span.clone(), path, &val.v)
        });
    };
    if let Some(t) = &a.total {
        g.total = t.v.clone();
        note("total", t);
    }
    if let Some(e) = &a.evaluated {
        g.evaluated = e.v.clone();
        note("evaluated", e);
    }
    let has_counts = a.figs.iter().any(|f| !f.share);
    g.basis = match (has_counts, a.figs.is_empty()) {
        (_, true) => Basis::None,
        (true, _) => Basis::Counts,
        (false, _) if says.of_total => Basis::Counts,
        (false, _) => Basis::Shares,
    };
    let key = if g.basis == Basis::Shares {
        "shares"
    } else {
        "counts"
    };
    for (ti, t) in tiers.iter().enumerate() {
        let f = a
            .figs
            .iter()
            .find(|f| f.tier == t.id && f.share != has_counts);
        let fig = g.figure_mut(ti);
        let path = format!("{prefix}.{key}.{}", t.id);
        match f {
            Some(f) if says.of_total && f.share => {
                // A share of the total as a count: worked out, about.
                let share = f.val.v.parse::<f64>().ok();
                let total = a.total.as_ref().and_then(count);
                if let (Some(s), Some(total)) = (share, total) {
                    fig.value = format!("{}", (s * total as f64 / 100.0).round());
                    fig.approx = "about".into();
                    used.push(Used {
                        approx: fig.approx.clone(),
                        derived: true,
                        ..Used::new(f.val.span.clone(), path, &fig.value)
                    });
                } else {
                    fig.not_given = true;
                }
            }
            Some(f) => {
                fig.value = f.val.v.clone();
                fig.or_better = f.or_better || (says.good_or_better && t.id == "good");
                fig.approx = f.val.approx.unwrap_or("").to_string();
                used.push(Used {
                    or_better: fig.or_better,
                    approx: fig.approx.clone(),
                    derived: summed,
                    summed,
                    ..Used::new(f.val.span.clone(), path, &f.val.v)
                });
            }
            None => fig.not_given = true,
        }
    }
    if g.basis == Basis::Counts {
        derive_zeros(&mut g, &a, tiers, prefix, used);
    } else if g.basis == Basis::None {
        g.figures.clear();
    }
    g
}

/// Tiers not given are 0 when the given ones already add up to the
/// evaluated (exact counts; an "or better" figure counts its better tiers).
fn derive_zeros(g: &mut Group, a: &Acc, tiers: &[Tier], prefix: &str, used: &mut Vec<Used>) {
    let Some(evaluated) = a.evaluated.as_ref().and_then(count) else {
        return;
    };
    if g.figures.iter().any(|f| !f.approx.is_empty()) {
        return;
    }
    // Only the group's own scheme: an older-scheme group's tiers say nothing
    // of today's "excellent", nor today's of "exemplary".
    let has = |ids: &[&str]| a.figs.iter().any(|f| ids.contains(&f.tier));
    let (older, today) = (
        ["exemplary", "clean_strong", "weak"],
        ["excellent", "not_completed"],
    );
    let foreign: &[&str] = match (has(&older), has(&today)) {
        (true, false) => &today,
        (false, true) => &older,
        _ => &[],
    };
    // The best "or better" tier covers every tier above it.
    let covered_to = g.figures.iter().rposition(|f| f.or_better && !f.not_given);
    let mut total = 0u64;
    for (i, f) in g.figures.iter().enumerate() {
        if f.not_given || covered_to.is_some_and(|c| i < c) {
            continue;
        }
        let Ok(n) = f.value.parse::<u64>() else {
            return;
        };
        total += n;
    }
    if total != evaluated {
        return;
    }
    for (i, f) in g.figures.iter_mut().enumerate() {
        let own = tiers
            .get(i)
            .is_some_and(|t| !foreign.contains(&t.id.as_str()));
        if f.not_given && own && covered_to.is_none_or(|c| i > c) {
            f.not_given = false;
            f.value = "0".into();
            if let Some(t) = tiers.get(i) {
                used.push(Used {
                    derived: true,
                    ..Used::new(0..0, format!("{prefix}.counts.{}", t.id), "0")
                });
            }
        }
    }
}
