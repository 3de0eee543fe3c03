//! Drilling down and comparing: which figures a view shows (a period, a
//! sub-unit), the ranking of all sub-units for one group, accent-insensitive
//! search among them, and the change in share between two periods.
//!
//! A view is `(period, unit)`: period 0 is the file's top-level figures,
//! period `i > 0` is `periods[i - 1]`; `unit` is a unit id of that period,
//! or none for the whole area. [`scoped`] turns a view into a plain
//! [`Dataset`] (without units or periods), so [`crate::layout::chart`] draws
//! it exactly as it draws a file without sub-units.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::fold::fold;
use crate::format::{int, percent, share};
use crate::i18n::{approx_mark, change_words, UiLang};
use crate::json::Places;
use crate::layout::{share_text, tier_names};
use crate::model::{Approx, Dataset, Group, Text, Unit};
use crate::stack::{group_shares, pieces, Selection};

/// One period of a file: the top-level figures or an entry of `periods`.
#[derive(Clone, Copy, Debug)]
pub struct Period<'a> {
    pub id: &'a str,
    /// The period's label; `None` for top-level figures the file did not name.
    pub label: Option<&'a Text>,
    pub groups: &'a [Group],
    pub units: &'a [Unit],
}

/// Every period of the file, the top-level one first.
pub fn periods(d: &Dataset) -> Vec<Period<'_>> {
    let main = Period {
        id: &d.period_id,
        label: d.period.as_ref(),
        groups: &d.groups,
        units: &d.units,
    };
    std::iter::once(main)
        .chain(d.periods.iter().map(|p| Period {
            id: &p.id,
            label: Some(&p.label),
            groups: &p.groups,
            units: &p.units,
        }))
        .collect()
}

/// The index of the period called `id` (0, the top-level one, when unknown).
pub fn period_index(d: &Dataset, id: Option<&str>) -> usize {
    id.and_then(|id| periods(d).iter().position(|p| p.id == id))
        .unwrap_or(0)
}

/// A period's name in `lang`: its label, else its id.
pub fn period_label(p: &Period, lang: UiLang) -> String {
    p.label
        .map(|l| l.get(lang.code()).to_string())
        .unwrap_or_else(|| p.id.to_string())
}

/// The units a file lists, for the selector: those of the top-level
/// period, then any that only other periods have, by id.
pub fn all_units(d: &Dataset) -> Vec<&Unit> {
    let mut out: Vec<&Unit> = Vec::with_capacity(d.units.len());
    let mut places = Places::default();
    let top = d.units.iter().map(|u| (u, true));
    for (u, top) in top.chain(
        d.periods
            .iter()
            .flat_map(|p| p.units.iter().map(|u| (u, false))),
    ) {
        if places
            .find_or_add(&u.id, out.len(), &|p| out[p].id == u.id)
            .is_none()
            || top
        {
            out.push(u);
        }
    }
    out
}

/// The label of the unit called `id` in `lang`, from any period.
pub fn unit_label(d: &Dataset, id: &str, lang: UiLang) -> Option<String> {
    all_units(d)
        .into_iter()
        .find(|u| u.id == id)
        .map(|u| u.label.get(lang.code()).to_string())
}

/// The figures of one view as a file without units or periods: the
/// period's groups, or the unit's (`None` when the unit has no figures in
/// that period). Titles, tiers and source stay the file's.
pub fn scoped(d: &Dataset, period: usize, unit: Option<&str>) -> Option<Dataset> {
    let ps = periods(d);
    let p = ps.get(period).unwrap_or(&ps[0]);
    let groups = match unit {
        None => p.groups.to_vec(),
        Some(id) => p.units.iter().find(|u| u.id == id)?.groups.clone(),
    };
    // In the top-level groups' order, which the reader already knows; a
    // group that left out its label takes the top-level one's.
    let mut groups: Vec<Group> = d
        .groups
        .iter()
        .filter_map(|top| {
            let mut g = groups.iter().find(|g| g.id == top.id)?.clone();
            if g.label.is_blank() {
                g.label = top.label.clone();
            }
            Some(g)
        })
        .collect();
    if groups.is_empty() {
        return None;
    }
    groups.shrink_to_fit();
    Some(Dataset {
        lang: d.lang.clone(),
        title: d.title.clone(),
        subtitle: d.subtitle.clone(),
        region: d.region.clone(),
        period: p.label.cloned(),
        period_id: p.id.to_string(),
        source: d.source.clone(),
        notes: d.notes.clone(),
        tiers: d.tiers.clone(),
        highlight: d.highlight.clone(),
        fail_from: d.fail_from,
        groups,
        units: vec![],
        periods: vec![],
    })
}

/// The tiers a share is taken of: the selection, or the best tier when none is selected.
pub fn ranked_tiers(sel: Selection) -> Selection {
    if sel.is_empty() {
        Selection::default().toggled(0)
    } else {
        sel
    }
}

/// One unit's row in the ranking: numbers only; [`RankRow::texts`] formats
/// the few rows on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    /// Index into [`all_units`].
    pub unit: usize,
    /// Evaluated count (stated, else the sum of the tiers).
    /// The number evaluated, when known (shares alone have none).
    pub evaluated: Option<u64>,
    /// Sum of the tier counts.
    pub sum: u64,
    /// Tier shares in tenths of a percent (empty without figures).
    pub tenths: Arc<[u32]>,
    /// Tier counts (empty without figures).
    pub counts: Arc<[u64]>,
    /// Share of the ranked tiers, in tenths; `None` without figures.
    pub share: Option<u32>,
    /// Count in the ranked tiers.
    pub part: u64,
    /// Which tiers' figures are approximate (empty: all exact).
    pub approx: Arc<[bool]>,
    /// Whether the ranked share adds an approximate figure.
    pub share_approx: bool,
    /// A partial split's pieces (see [`crate::stack::pieces`]; empty
    /// when every tier is given).
    pub pieces: Arc<[(Selection, u32)]>,
    /// Whether the ranked share is a lower bound (a not-given piece could add to it).
    pub share_at_least: bool,
}

/// The formatted cells of a ranking row.
#[derive(Clone, Debug, PartialEq)]
pub struct RankTexts {
    pub evaluated: String,
    pub share: String,
}

impl RankRow {
    /// Formatted evaluated count and share (`–` without figures).
    pub fn texts(&self, lang: UiLang) -> RankTexts {
        match self.share {
            Some(s) => RankTexts {
                evaluated: self
                    .evaluated
                    .map(|e| int(e, lang))
                    .unwrap_or_else(|| "–".into()),
                share: share_text(
                    share(s, self.part, self.sum, lang),
                    s,
                    self.share_at_least,
                    self.share_approx,
                    lang,
                ),
            },
            None => RankTexts {
                evaluated: "–".into(),
                share: "–".into(),
            },
        }
    }
}

/// Every unit's row for `group` in `period`, in [`all_units`] order. A unit
/// without that group, or whose tiers are all zero, has no share.
pub fn ranking(d: &Dataset, period: usize, group: &str, sel: Selection) -> Vec<RankRow> {
    reselect(&ranking_base(d, period, group), sel)
}

/// [`ranking`] without the selection (shares of the ranked tiers are 0):
/// the part that depends only on the file, the period and the group,
/// computed once for them; [`reselect`] then serves each filter click.
pub fn ranking_base(d: &Dataset, period: usize, group: &str) -> Vec<RankRow> {
    let ps = periods(d);
    let p = ps.get(period).unwrap_or(&ps[0]);
    // By id, once: a national file has 10,000 units.
    let mut by_id = Places::default();
    for (i, u) in p.units.iter().enumerate() {
        by_id.find_or_add(&u.id, i, &|j| p.units[j].id == u.id);
    }
    all_units(d)
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let g = by_id
                .find(&u.id, &|j| p.units[j].id == u.id)
                .and_then(|j| p.units.get(j))
                .and_then(|pu| pu.groups.iter().find(|g| g.id == group));
            match g {
                Some(g) if g.bar_sum() > 0 => RankRow {
                    unit: i,
                    evaluated: g.evaluated_or_sum(),
                    sum: g.bar_sum(),
                    tenths: group_shares(g).0.into(),
                    counts: g.counts.as_slice().into(),
                    share: Some(0),
                    part: 0,
                    approx: g.approx_flags().into(),
                    share_approx: false,
                    pieces: pieces(g).into(),
                    share_at_least: false,
                },
                _ => RankRow {
                    unit: i,
                    evaluated: g.and_then(|g| g.evaluated_or_sum()),
                    sum: 0,
                    tenths: Arc::from([]),
                    counts: Arc::from([]),
                    share: None,
                    part: 0,
                    approx: Arc::from([]),
                    share_approx: false,
                    pieces: Arc::from([]),
                    share_at_least: false,
                },
            }
        })
        .collect()
}

/// The rows of [`ranking_base`] with the shares of the tiers `sel` ranks
/// (the best tier when none is selected). Cheap: the shares are summed from
/// the tenths already computed.
pub fn reselect(base: &[RankRow], sel: Selection) -> Vec<RankRow> {
    let ranked = ranked_tiers(sel);
    base.iter()
        .map(|r| {
            let (share, at_least) = ranked.share(&r.tenths, &r.pieces);
            RankRow {
                share: r.share.map(|_| share),
                part: ranked.part(&r.counts),
                share_approx: ranked.any_of(&r.approx),
                share_at_least: at_least,
                ..r.clone()
            }
        })
        .collect()
}

/// A ranking column to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Evaluated,
    Share,
}

/// How the ranking is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// Highest share first: a ranking.
    fn default() -> Sort {
        Sort {
            key: SortKey::Share,
            descending: true,
        }
    }
}

impl Sort {
    /// The sort after a click on `key`'s header: the same key flips the
    /// order; another key starts A→Z for names, largest first for numbers.
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key != SortKey::Name,
            }
        }
    }
}

/// Sorts rows in place. `names` are the folded unit labels (see
/// [`folded_names`]). Rows without figures always come last; ties keep the
/// file's order, so the result is the same in every browser.
pub fn sort_rows(rows: &mut [RankRow], sort: Sort, names: &[String]) {
    let name = |r: &RankRow| names.get(r.unit).map(String::as_str).unwrap_or("");
    // The order is total (ties fall back to the unit's place in the file),
    // so the unstable sort gives the same result, faster and in place.
    rows.sort_unstable_by(|a, b| {
        let missing = a.share.is_none().cmp(&b.share.is_none());
        if missing != Ordering::Equal {
            return missing;
        }
        let o = match sort.key {
            SortKey::Name => name(a).cmp(name(b)),
            SortKey::Evaluated => a.evaluated.cmp(&b.evaluated),
            SortKey::Share => a.share.cmp(&b.share),
        };
        let o = if sort.descending { o.reverse() } else { o };
        o.then(a.unit.cmp(&b.unit))
    });
}

/// Folded labels of [`all_units`] in `lang`, for sorting and searching.
pub fn folded_names(d: &Dataset, lang: UiLang) -> Vec<String> {
    all_units(d)
        .iter()
        .map(|u| fold(u.label.get(lang.code())))
        .collect()
}

/// Units whose label matches `query`, best first, at most `limit`, and how
/// many matched in all. Matching folds accents and case (`viet tri` finds
/// `Việt Trì`); every word of the query must appear. Labels that start with
/// the query come first, then those with a word starting with it, then the
/// rest, each in file order.
pub fn search(names: &[String], query: &str, limit: usize) -> (Vec<usize>, usize) {
    let q = fold(query);
    let words: Vec<&str> = q.split_whitespace().collect();
    let phrase = words.join(" ");
    let hits: Vec<(u8, usize)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| words.iter().all(|w| n.contains(w)))
        .map(|(i, n)| {
            let rank = if n.starts_with(&phrase) {
                0
            } else if n.contains(&format!(" {phrase}")) {
                1
            } else {
                2
            };
            (rank, i)
        })
        .collect();
    let total = hits.len();
    // Three ranks, each already in file order: no sort needed (a sort would
    // cost the readers' bundle ~1 KB of brotli).
    let best = (0..3)
        .flat_map(|rank| hits.iter().filter(move |h| h.0 == rank))
        .take(limit)
        .map(|&(_, i)| i)
        .collect();
    (best, total)
}

/// Which way a share moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    /// `up`, `down` or `same`: for styling and tests.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
        }
    }
}

/// A change in share, in tenths of a percentage point, as a reader reads
/// it: symbol and words, never colour alone (`▲ tăng 1,2 điểm %`).
pub fn change_text(delta: i64, lang: UiLang) -> (Direction, String) {
    let size = percent(delta.unsigned_abs().min(u64::from(u32::MAX)) as u32, lang);
    let size = size.trim_end_matches('%');
    let direction = match delta.cmp(&0) {
        Ordering::Greater => Direction::Up,
        Ordering::Less => Direction::Down,
        Ordering::Equal => Direction::Same,
    };
    (direction, change_words(delta.cmp(&0), size, lang))
}

/// One tier's (or the selected tiers') share in two periods and the change.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub label: String,
    pub before: String,
    pub after: String,
    /// After minus before, tenths of a percentage point (of the shown, rounded shares).
    pub delta: i64,
    pub direction: Direction,
    pub change: String,
}

/// The share of `s` in `g` as the bars show it (`<0,1%`, `>99,9%`): its
/// tenths, whether it is only a lower bound (a partial split), its text,
/// and whether it adds an approximate figure.
#[inline(never)]
fn shown_share(g: &Group, s: Selection, lang: UiLang) -> (u32, bool, String, bool) {
    let (tenths, at_least) = s.share(&group_shares(g).0, &pieces(g));
    let approx = s.any_of(&g.approx_flags());
    let text = share(tenths, s.part(&g.counts), g.bar_sum(), lang);
    (
        tenths,
        at_least,
        share_text(text, tenths, at_least, approx, lang),
        approx,
    )
}

/// One group's comparison between the base period and the shown one.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupChange {
    pub id: String,
    pub heading: String,
    /// One row per tier, then one for the selected tiers together when
    /// two or more are selected. Empty when either period has no figures.
    pub rows: Vec<ChangeRow>,
}

/// The comparison of every group of `shown` (a [`scoped`] view) with the
/// same group, and unit, in `base`.
pub fn compare(
    d: &Dataset,
    shown: &Dataset,
    base: Option<&Dataset>,
    sel: Selection,
    lang: UiLang,
) -> Vec<GroupChange> {
    let code = lang.code();
    let row = |label: String, o: &Group, g: &Group, s: Selection| {
        let (before, b_least, before_text, ba) = shown_share(o, s, lang);
        let (after, a_least, after_text, aa) = shown_share(g, s, lang);
        // A change is not known when either side is only a lower bound.
        let (delta, direction, change) = if b_least || a_least {
            (0, Direction::Same, "–".to_string())
        } else {
            let delta = i64::from(after) - i64::from(before);
            let (direction, change) = change_text(delta, lang);
            let change = approx_mark((ba || aa).then_some(Approx::About), &change);
            (delta, direction, change)
        };
        ChangeRow {
            label,
            before: before_text,
            after: after_text,
            delta,
            direction,
            change,
        }
    };
    shown
        .groups
        .iter()
        .map(|g| {
            let old = base
                .and_then(|b| b.groups.iter().find(|o| o.id == g.id))
                .filter(|o| o.bar_sum() > 0);
            let rows = match old {
                Some(o) if g.bar_sum() > 0 => {
                    let one = |i: usize| Selection::default().toggled(i);
                    let mut rows: Vec<ChangeRow> = d
                        .tiers
                        .iter()
                        .enumerate()
                        .map(|(i, t)| row(t.short_or_label().get(code).to_string(), o, g, one(i)))
                        .collect();
                    if sel.tiers().count() > 1 {
                        rows.push(row(tier_names(&d.tiers, sel, lang), o, g, sel));
                    }
                    rows
                }
                _ => vec![],
            };
            GroupChange {
                id: g.id.clone(),
                heading: g.label.get(code).to_string(),
                rows,
            }
        })
        .collect()
}
