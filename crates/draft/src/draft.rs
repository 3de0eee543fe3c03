//! A results file being written: every field as the user typed it. Figures
//! are strings (a bad one stays visible and validation names its place);
//! a group's figures are kept by tier position, so renaming a tier's id
//! keeps them. The draft is what the editor saves in the browser (serde).

use serde::{Deserialize, Serialize};

/// A text in both languages the widget speaks; either may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: &str, en: &str) -> Text {
        Text {
            vi: vi.to_string(),
            en: en.to_string(),
        }
    }

    /// The text in `lang` (`vi` or `en`).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.vi
        }
    }

    /// The text in `lang`, to change it.
    pub fn get_mut(&mut self, lang: &str) -> &mut String {
        if lang == "en" {
            &mut self.en
        } else {
            &mut self.vi
        }
    }

    pub fn is_empty(&self) -> bool {
        self.vi.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The name to show in `lang`: the text in `lang`, else in the other
    /// language, else `or` (an id). Blank texts do not count.
    ///
    /// ```
    /// use tier_breakdown_draft::draft::Text;
    /// assert_eq!(Text::new("Chi bộ", "").name_or("en", "cells"), "Chi bộ");
    /// assert_eq!(Text::new(" ", "").name_or("vi", "cells"), "cells");
    /// ```
    pub fn name_or<'a>(&'a self, lang: &str, or: &'a str) -> &'a str {
        let other = if lang == "en" { "vi" } else { "en" };
        [self.get(lang), self.get(other), or]
            .into_iter()
            .map(str::trim)
            .find(|s| !s.is_empty())
            .unwrap_or("")
    }
}

/// `v` with one decimal, with `lang`'s decimal mark (`18,8` in Vietnamese).
fn decimal(v: f64, lang: &str) -> String {
    let s = format!("{:.1}", (v * 10.0).round() / 10.0);
    if lang == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// One tier, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tier {
    pub id: String,
    pub label: Text,
    pub short: Text,
    /// `#rrggbb`, or empty for the palette's.
    pub color: String,
}

/// How a group gives its split.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Counts,
    Shares,
    /// Coverage only: total and evaluated, no split.
    None,
}

/// One tier's figure in a group, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figure {
    pub value: String,
    /// Printed "this tier or better" (`trở lên`).
    pub or_better: bool,
    /// `about`, `nearly`, `over`, `under`, or empty.
    pub approx: String,
    /// The report does not give this tier's figure (written `null` in the
    /// file, format version 3): `value` is then ignored.
    pub not_given: bool,
}

/// One group (organisations, cells, members…), or a unit's or a period's
/// figures for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    pub id: String,
    pub label: Text,
    pub total: String,
    pub evaluated: String,
    pub basis: Basis,
    /// By tier position.
    pub figures: Vec<Figure>,
}

/// What switching a group between counts and percentages did to its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Switched {
    /// Each figure converted: (before, after), as typed.
    Converted(Vec<(String, String)>),
    /// Percentages cannot become counts without the number evaluated: the
    /// figures are kept as they were, to be typed again.
    Kept,
    /// Nothing to convert (no figures, or coverage only).
    Nothing,
}

impl Group {
    /// Switches the group to `to`, converting its figures with the number
    /// evaluated (counts → percentages also with their sum, when the
    /// evaluated is not given), written with `lang`'s decimal mark; never
    /// a silent change of meaning (12 does not become 12%).
    ///
    /// ```
    /// use tier_breakdown_draft::draft::{Basis, Group, Switched};
    /// let mut g = Group { evaluated: "64".into(), ..Group::default() };
    /// g.figure_mut(0).value = "12".into();
    /// g.figure_mut(1).value = "52".into();
    /// let done = g.switch_basis(Basis::Shares, "vi");
    /// assert_eq!(done, Switched::Converted(vec![("12".into(), "18,8".into()), ("52".into(), "81,3".into())]));
    /// ```
    pub fn switch_basis(&mut self, to: Basis, lang: &str) -> Switched {
        let from = self.basis;
        self.basis = to;
        if from == to || from == Basis::None || to == Basis::None {
            return Switched::Nothing;
        }
        let read = |s: &str, share: bool| {
            let f = if share {
                crate::number::read_share(s)
            } else {
                crate::number::read(s)
            };
            f.and_then(|f| f.json.parse::<f64>().ok())
        };
        let evaluated = read(&self.evaluated, false);
        let sum: f64 = self
            .figures
            .iter()
            .filter(|f| !f.or_better)
            .filter_map(|f| read(&f.value, false))
            .sum();
        let convert: Box<dyn Fn(f64) -> String> = match (to, evaluated) {
            (Basis::Shares, e) => {
                let base = e.filter(|e| *e > 0.0).unwrap_or(sum);
                if base <= 0.0 {
                    return Switched::Kept;
                }
                Box::new(move |v| decimal(v * 100.0 / base, lang))
            }
            (_, Some(e)) if e > 0.0 => Box::new(move |v| format!("{}", (v * e / 100.0).round())),
            _ => return Switched::Kept,
        };
        let mut done = Vec::new();
        for f in &mut self.figures {
            if let Some(v) = read(&f.value, from == Basis::Shares) {
                let after = convert(v);
                done.push((std::mem::replace(&mut f.value, after.clone()), after));
            }
        }
        if done.is_empty() {
            Switched::Nothing
        } else {
            Switched::Converted(done)
        }
    }

    /// The figure of the tier at `i`, to change it (made if missing).
    pub fn figure_mut(&mut self, i: usize) -> &mut Figure {
        if self.figures.len() <= i {
            self.figures.resize(i + 1, Figure::default());
        }
        &mut self.figures[i]
    }
}

/// A sub-unit (district, commune) or another period: its own figures for
/// some of the groups; a period may have its sub-units' figures too
/// (matched to the top-level units by id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Part {
    pub id: String,
    pub label: Text,
    pub groups: Vec<Group>,
    #[serde(default)]
    pub units: Vec<Part>,
}

/// The source of the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    pub name: Text,
    pub url: String,
    /// `YYYY-MM-DD`.
    pub published: String,
}

/// The whole file being written. A draft saved by an older editor, with
/// fields missing, still loads (`serde(default)`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The file's language: plain strings are in it (`vi` or `en`).
    pub lang: String,
    pub title: Text,
    pub subtitle: Text,
    pub region: Text,
    pub period: Text,
    pub period_id: String,
    pub source: Source,
    pub notes: Vec<Text>,
    pub tiers: Vec<Tier>,
    /// The id of the first failing tier (`fail_from`), or empty: the last.
    pub fail_from: String,
    pub groups: Vec<Group>,
    pub units: Vec<Part>,
    pub periods: Vec<Part>,
}

/// The four tiers of the annual party review, best first, in vi and en.
pub fn review_tiers() -> Vec<Tier> {
    [
        (
            "excellent",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Completed duties excellently",
            "Xuất sắc",
            "Excellent",
        ),
        (
            "good",
            "Hoàn thành tốt nhiệm vụ",
            "Completed duties well",
            "Tốt",
            "Good",
        ),
        (
            "completed",
            "Hoàn thành nhiệm vụ",
            "Completed duties",
            "Hoàn thành",
            "Completed",
        ),
        (
            "not_completed",
            "Không hoàn thành nhiệm vụ",
            "Did not complete duties",
            "Không hoàn thành",
            "Not completed",
        ),
    ]
    .into_iter()
    .map(|(id, vi, en, svi, sen)| Tier {
        id: id.into(),
        label: Text::new(vi, en),
        short: Text::new(svi, sen),
        color: String::new(),
    })
    .collect()
}

/// The groups a party review reports, with their usual ids: what a pasted
/// row named like one of them becomes.
pub const REVIEW_GROUPS: [(&str, &str, &str); 3] = [
    (
        "organisations",
        "Tổ chức cơ sở đảng",
        "Grassroots party organisations",
    ),
    (
        "cells",
        "Chi bộ trực thuộc Đảng ủy cơ sở",
        "Party cells under grassroots committees",
    ),
    ("members", "Đảng viên", "Party members"),
];

impl Default for Draft {
    fn default() -> Draft {
        Draft::blank()
    }
}

impl Draft {
    /// A blank file: no figures yet, the four review tiers, one group.
    pub fn blank() -> Draft {
        Draft {
            lang: "vi".into(),
            title: Text::default(),
            subtitle: Text::default(),
            region: Text::default(),
            period: Text::default(),
            period_id: String::new(),
            source: Source::default(),
            notes: Vec::new(),
            tiers: review_tiers(),
            fail_from: String::new(),
            groups: vec![Group {
                id: "members".into(),
                label: Text::new("Đảng viên", "Party members"),
                ..Group::default()
            }],
            units: Vec::new(),
            periods: Vec::new(),
        }
    }

    /// Adds a tier at the end; every group keeps its figures by position.
    pub fn add_tier(&mut self, label: &str) -> usize {
        let id = self.fresh_id(label, |d| d.tiers.iter().map(|t| t.id.clone()).collect());
        let mut t = Tier {
            id,
            ..Tier::default()
        };
        *t.label.get_mut(&self.lang) = label.to_string();
        self.tiers.push(t);
        self.tiers.len() - 1
    }

    /// Removes the tier at `i` and its figures everywhere (failing starts
    /// at the last tier again if it started there).
    pub fn remove_tier(&mut self, i: usize) {
        if i >= self.tiers.len() {
            return;
        }
        let t = self.tiers.remove(i);
        if t.id.trim() == self.fail_from.trim() {
            self.fail_from.clear();
        }
        self.each_group(|g| {
            if i < g.figures.len() {
                g.figures.remove(i);
            }
        });
    }

    /// Moves the tier at `i` one place up (better), with its figures.
    pub fn raise_tier(&mut self, i: usize) {
        if i == 0 || i >= self.tiers.len() {
            return;
        }
        self.tiers.swap(i - 1, i);
        self.each_group(|g| {
            g.figure_mut(i);
            g.figures.swap(i - 1, i);
        });
    }

    /// How many tiers pass and how many fail, as the default palette
    /// splits them (`fail_from`, else only the last tier fails).
    pub fn split(&self) -> (usize, usize) {
        let n = self.tiers.len();
        let id = self.fail_from.trim();
        let k = self
            .tiers
            .iter()
            .position(|t| !id.is_empty() && t.id.trim() == id);
        let k = k.unwrap_or(n.saturating_sub(1));
        (k, n - k)
    }

    /// Whether some tiers left to the default palette may look too much
    /// like their neighbours: `DESIGN.md` keeps 20 ΔE00 between them for
    /// up to 3 passing and 2 failing tiers; past that, a colour of the
    /// file's own should be given to the crowded side's tiers.
    pub fn crowded_colours(&self) -> bool {
        let (k, _) = self.split();
        let (pass, fail) = self.tiers.split_at(k);
        let bare = |ts: &[Tier]| ts.iter().any(|t| t.color.trim().is_empty());
        (pass.len() > 3 && bare(pass)) || (fail.len() > 2 && bare(fail))
    }

    /// Every group: top-level, in units and in periods.
    pub fn each_group(&mut self, mut f: impl FnMut(&mut Group)) {
        self.groups.iter_mut().for_each(&mut f);
        for p in self.units.iter_mut().chain(self.periods.iter_mut()) {
            p.groups.iter_mut().for_each(&mut f);
            for u in &mut p.units {
                u.groups.iter_mut().for_each(&mut f);
            }
        }
    }

    /// An id for a new entry named `label`: its slug, or the slug with
    /// `-2`, `-3`… when taken.
    pub fn fresh_id(&self, label: &str, taken: impl Fn(&Draft) -> Vec<String>) -> String {
        let taken = taken(self);
        let base = tier_breakdown_core::fold::slug(label);
        let base: String = base.chars().take(56).collect();
        if !taken.contains(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_keep_their_figures_when_moved_or_removed() {
        let mut d = Draft::blank();
        for (i, v) in ["1", "2", "3", "4"].into_iter().enumerate() {
            d.groups[0].figure_mut(i).value = v.into();
        }
        d.raise_tier(2);
        assert_eq!(d.tiers[1].id, "completed");
        let values: Vec<_> = d.groups[0]
            .figures
            .iter()
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(values, ["1", "3", "2", "4"]);
        d.remove_tier(0);
        let values: Vec<_> = d.groups[0]
            .figures
            .iter()
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(values, ["3", "2", "4"]);
        assert_eq!(d.tiers.len(), 3);
    }

    #[test]
    fn fresh_ids_do_not_collide() {
        let mut d = Draft::blank();
        assert_eq!(d.add_tier("Tốt"), 4);
        assert_eq!(d.tiers[4].id, "tot");
        d.add_tier("Tốt");
        assert_eq!(d.tiers[5].id, "tot-2");
        assert_eq!(d.tiers[5].label.vi, "Tốt");
    }
}
