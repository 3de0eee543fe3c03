//! A file's problem in the editor's words: where it is, named by the
//! labels the journalist gave (`Nhóm “Chi bộ”, mức “Hoàn thành nhiệm vụ”`),
//! and what is wrong, in the editor's language with its numbers written
//! the way that language writes them. JSON paths and tier ids stay for the
//! native tool and the results file's readers (`core::i18n::problem_line`);
//! the editor never shows them.

use tier_breakdown_core::format::int;
use tier_breakdown_core::i18n::{problem_message, UiLang};
use tier_breakdown_core::problem::{Problem, ProblemKind};

use crate::draft::{Draft, Group, Part};
use crate::words::{self, w, W};
use crate::write::segments;

/// The problem as one line: its place, then what is wrong.
///
/// ```
/// use tier_breakdown_core::i18n::UiLang;
/// use tier_breakdown_core::problem::{Problem, ProblemKind};
/// use tier_breakdown_draft::{draft::Draft, say::line};
/// let p = Problem { path: "groups[0].counts".into(), kind: ProblemKind::MissingTier { id: "good".into() } };
/// assert_eq!(line(&Draft::blank(), &p, UiLang::Vi), "Nhóm “Đảng viên”, mức “Hoàn thành tốt nhiệm vụ”: chưa có số liệu");
/// ```
pub fn line(d: &Draft, p: &Problem, lang: UiLang) -> String {
    let place = place(d, p, lang);
    let message = message(d, &p.kind, lang);
    if place.is_empty() {
        capitalised(&message)
    } else {
        format!("{place}: {message}")
    }
}

/// Where the problem is, in words (empty for the whole file).
pub fn place(d: &Draft, p: &Problem, lang: UiLang) -> String {
    let path = match &p.kind {
        ProblemKind::MissingTier { id } => format!("{}.{id}", p.path),
        _ => p.path.clone(),
    };
    place_of(d, &path, lang)
}

/// A part of an opened file the editor has no field for
/// (`write::left_out`'s paths), in words: its place named by the labels,
/// and a key the editor does not know as the file wrote it, quoted.
///
/// ```
/// use tier_breakdown_core::i18n::UiLang;
/// use tier_breakdown_draft::{draft::Draft, say::left_out};
/// assert_eq!(left_out(&Draft::blank(), "groups[0].mascot", UiLang::En), "Group “Party members”, “mascot”");
/// ```
pub fn left_out(d: &Draft, path: &str, lang: UiLang) -> String {
    let named = place_of(d, path, lang);
    let segs = segments(path);
    let Some(last) = segs.last().filter(|s| s.parse::<usize>().is_err()) else {
        return named;
    };
    let parent = place_of(
        d,
        path.strip_suffix(last.as_str())
            .unwrap_or(path)
            .trim_end_matches(['.', '"', '[']),
        lang,
    );
    if named != parent {
        return named;
    }
    let key = format!("“{last}”");
    if parent.is_empty() {
        key
    } else {
        format!("{parent}, {key}")
    }
}

/// Where `path` is, in words (empty for the whole file).
fn place_of(d: &Draft, path: &str, lang: UiLang) -> String {
    let parts = Walk {
        d,
        lang,
        out: Vec::new(),
    }
    .run(&segments(path));
    parts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                capitalised(s)
            } else {
                lowercased(s)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is wrong, without the place: the core's message, except where it
/// would name a tier or a group by its id or write a number the other
/// language's way.
pub fn message(d: &Draft, kind: &ProblemKind, lang: UiLang) -> String {
    let tier = |id: &str| tier_name(d, id, lang).to_string();
    let decimal = |s: &str| match lang {
        UiLang::Vi => s.replace('.', ","),
        UiLang::En => s.to_string(),
    };
    match kind {
        ProblemKind::MissingTier { .. } => w(lang, W::NoFigure).into(),
        ProblemKind::UnknownTier { .. } => w(lang, W::NotATier).into(),
        ProblemKind::UnknownGroup { .. } => w(lang, W::NotAGroup).into(),
        ProblemKind::SumMismatch { sum, evaluated } => {
            words::sum_mismatch(lang, &int(*sum, lang), &int(*evaluated, lang))
        }
        ProblemKind::EvaluatedAboveTotal { evaluated, total } => {
            words::above_total(lang, &int(*evaluated, lang), &int(*total, lang))
        }
        ProblemKind::ShareAbove100 { found } => words::share_above_100(lang, &decimal(found)),
        ProblemKind::OrBetterBelow {
            tier: t,
            value,
            better,
        } => problem_message(
            lang,
            &ProblemKind::OrBetterBelow {
                tier: tier(t),
                value: decimal(value),
                better: decimal(better),
            },
        ),
        ProblemKind::SeemsOrBetter {
            tier: t, better, ..
        } => {
            let mut named = kind.clone();
            if let ProblemKind::SeemsOrBetter {
                tier: nt,
                better: nb,
                ..
            } = &mut named
            {
                *nt = tier(t);
                *nb = better.iter().map(|b| tier(b)).collect();
            }
            problem_message(lang, &named)
        }
        other => problem_message(lang, other),
    }
}

/// A tier's name in `lang`, found by its id (else the id).
fn tier_name<'a>(d: &'a Draft, id: &'a str, lang: UiLang) -> &'a str {
    d.tiers
        .iter()
        .find(|t| t.id.trim() == id)
        .map_or(id, |t| t.label.name_or(lang.code(), &t.id))
}

/// Walks a path's segments, naming each step.
struct Walk<'a> {
    d: &'a Draft,
    lang: UiLang,
    out: Vec<String>,
}

impl<'a> Walk<'a> {
    fn run(mut self, segs: &[String]) -> Vec<String> {
        let code = self.lang.code();
        let mut groups: &'a [Group] = &self.d.groups;
        let mut period: Option<&'a Part> = None;
        let mut i = 0;
        while i < segs.len() {
            let seg = segs[i].as_str();
            let n = segs.get(i + 1).and_then(|s| s.parse::<usize>().ok());
            i += 1;
            match (seg, n) {
                ("groups", Some(n)) => {
                    i += 1;
                    let id = groups.get(n).map_or("", |g| g.id.trim());
                    let name = self.group_name(groups.get(n), id);
                    self.quoted(W::Group, &name, n);
                }
                ("units" | "periods", Some(n)) => {
                    i += 1;
                    let list: &'a [Part] = match (seg, period) {
                        ("periods", _) => &self.d.periods,
                        (_, Some(p)) => &p.units,
                        _ => &self.d.units,
                    };
                    let part = list.get(n);
                    // A period's sub-units are named by the top-level unit of their id.
                    let unit = part.and_then(|p| self.d.units.iter().find(|u| u.id == p.id));
                    let own = part.map_or("", |p| p.label.name_or(code, ""));
                    let name = if own.is_empty() {
                        unit.map_or("", |u| u.label.name_or(code, &u.id))
                    } else {
                        own
                    };
                    let one = if seg == "units" {
                        W::Unit
                    } else {
                        W::OtherPeriod
                    };
                    self.quoted(one, name, n);
                    groups = part.map_or(&[], |p| &p.groups);
                    if seg == "periods" {
                        period = part;
                    }
                }
                ("tiers", Some(n)) => {
                    i += 1;
                    let name = self
                        .d
                        .tiers
                        .get(n)
                        .map_or("", |t| t.label.name_or(code, &t.id))
                        .to_string();
                    self.quoted(W::Tier, &name, n);
                }
                ("notes", Some(n)) => {
                    i += 1;
                    self.out
                        .push(format!("{} {}", w(self.lang, W::Note), n + 1));
                }
                ("counts" | "shares", _) => {
                    if let Some(id) = segs.get(i) {
                        i += 1;
                        let name = tier_name(self.d, id, self.lang).to_string();
                        self.quoted(W::Tier, &name, 0);
                    }
                }
                ("vi" | "en", _) => {
                    let k = if seg == "vi" { W::InVi } else { W::InEn };
                    let l = w(self.lang, k);
                    match self.out.last_mut() {
                        Some(last) => last.push_str(&format!(" ({l})")),
                        None => self.out.push(l.into()),
                    }
                }
                (field, _) => {
                    if let Some(k) = field_word(field, segs.get(i.wrapping_sub(2))) {
                        self.out.push(w(self.lang, k).into());
                    }
                }
            }
        }
        self.out
    }

    /// A group's name: its own label, else the top-level group of its id's, else its id.
    fn group_name(&self, g: Option<&Group>, id: &str) -> String {
        let code = self.lang.code();
        let own = g.map_or("", |g| g.label.name_or(code, ""));
        if !own.is_empty() {
            return own.to_string();
        }
        self.d
            .groups
            .iter()
            .find(|t| t.id.trim() == id)
            .map_or(id, |t| t.label.name_or(code, &t.id))
            .to_string()
    }

    /// `Nhóm “Chi bộ”`, or `Nhóm 2` when it has no name yet.
    fn quoted(&mut self, k: W, name: &str, n: usize) {
        let word = w(self.lang, k);
        self.out.push(if name.is_empty() {
            format!("{word} {}", n + 1)
        } else {
            format!("{word} “{name}”")
        });
    }
}

/// The form's word for a field of the format (`None`: said by the step
/// before, such as a figure's `value`).
fn field_word(field: &str, before: Option<&String>) -> Option<W> {
    Some(match field {
        "title" => W::Title,
        "subtitle" => W::Subtitle,
        "region" => W::Region,
        "period" => W::Period,
        "period_id" => W::PeriodId,
        "fail_from" => W::FailFrom,
        "source" => W::Source,
        "name" if before.is_some_and(|b| b == "source") => W::SourceName,
        "url" => W::SourceUrl,
        "published" => W::Published,
        "total" => W::Total,
        "evaluated" => W::Evaluated,
        "label" => W::Label,
        "short" => W::Short,
        "id" => W::Id,
        "color" => W::Colour,
        "lang" => W::FileLang,
        "approx" => W::Approx,
        "notes" => W::Notes,
        "tiers" => W::Tiers,
        "groups" => W::Groups,
        "units" => W::Units,
        "periods" => W::Periods,
        _ => return None,
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lowercased(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}
