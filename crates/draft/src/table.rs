//! A table pasted from a spreadsheet (tab-separated: Excel, Google Sheets,
//! LibreOffice) or CSV (`,` or `;`), read onto the draft.
//!
//! [`read`] splits the text into cells; [`recognise`] guesses a
//! [`Mapping`]: whether the tiers are the columns (groups as rows) or the
//! rows, which header is which tier (by the draft's tier names in vi and
//! en, `trở lên`/`or better` marking an "or better" figure), which is the
//! total and which the evaluated, counts or percentages. The editor shows
//! the mapping for the user to correct, then [`apply`] writes it into the
//! draft: the table's rows become the groups, or one group's figures of
//! sub-units.

use serde::{Deserialize, Serialize};
use tier_breakdown_core::fold::fold;

use crate::draft::{Basis, Draft, Group, Part, Text, REVIEW_GROUPS};
use crate::number;

/// Tables larger than this are refused (a paste of a whole sheet by
/// mistake): the cells read, and the rows times the widest row (what the
/// table holds once every row is padded to that width).
pub const MAX_CELLS: usize = 200_000;

/// Why a paste is not a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Fewer than two rows or two columns.
    TooSmall,
    TooBig,
    /// A quote that never closes, or similar.
    Unreadable,
}

/// The cells of a pasted table: trimmed, blank rows dropped, every row as
/// wide as the widest.
///
/// ```
/// let t = tier_breakdown_draft::table::read("\tTốt\tKhá\nĐảng viên\t94.877\t12\n").unwrap();
/// assert_eq!(t[1], ["Đảng viên", "94.877", "12"]);
/// ```
pub fn read(text: &str) -> Result<Vec<Vec<String>>, TableError> {
    let text = text.trim_start_matches('\u{feff}');
    // `;` when most lines have one (a title row above the table, or
    // Vietnamese decimal commas, may outnumber them in a line).
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let with_semicolon = lines.iter().filter(|l| l.contains(';')).count();
    let delimiter = if text.contains('\t') {
        b'\t'
    } else if with_semicolon * 2 > lines.len() {
        b';'
    } else {
        b','
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut cells, mut width) = (0usize, 0usize);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|_| TableError::Unreadable)?;
        let row: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        cells += row.len();
        if cells > MAX_CELLS {
            return Err(TableError::TooBig);
        }
        if row.iter().any(|c| !c.is_empty()) {
            width = width.max(row.len());
            rows.push(row);
            // The padded size, before any padding: one wide row over many
            // short ones is small to read and huge once padded.
            if rows.len().saturating_mul(width) > MAX_CELLS {
                return Err(TableError::TooBig);
            }
        }
    }
    if rows.len() < 2 || width < 2 {
        return Err(TableError::TooSmall);
    }
    for r in &mut rows {
        r.resize(width, String::new());
    }
    Ok(rows)
}

/// What one header of the table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The draft's tier at this position.
    Tier(usize),
    /// A tier the draft does not have yet, named by the header.
    NewTier,
    Total,
    Evaluated,
    Ignore,
}

/// Where the table's rows go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// The file's groups (organisations, cells, members…).
    Groups,
    /// Sub-units (districts, communes), with figures for the group at this position.
    Units(usize),
}

/// How a table maps onto the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// The tiers are the columns (one row per group); else the rows.
    pub tiers_across: bool,
    /// One per header (the first row or column, without the corner).
    pub roles: Vec<Role>,
    /// Per header: its figures are "this tier or better".
    pub or_better: Vec<bool>,
    /// The figures are percentages.
    pub shares: bool,
    pub target: Target,
    /// Per record: where it goes; `Auto` unless the user chose.
    pub records: Vec<Dest>,
}

/// Where one record of the table goes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dest {
    /// The group (or unit) of the same name, else a new one.
    #[default]
    Auto,
    /// The draft's group (or unit) with this id.
    To(String),
    /// Not put in.
    Skip,
}

/// The headers: the first row without the corner cell when the tiers are
/// across, else the first column.
pub fn headers(cells: &[Vec<String>], tiers_across: bool) -> Vec<String> {
    if tiers_across {
        cells.first().map(|r| r[1..].to_vec()).unwrap_or_default()
    } else {
        cells.iter().skip(1).map(|r| r[0].clone()).collect()
    }
}

/// The records (groups or units): each label and its cells, one per header.
pub fn records(cells: &[Vec<String>], tiers_across: bool) -> Vec<(String, Vec<String>)> {
    if tiers_across {
        cells
            .iter()
            .skip(1)
            .map(|r| (r[0].clone(), r[1..].to_vec()))
            .collect()
    } else {
        let width = cells.first().map_or(0, Vec::len);
        (1..width)
            .map(|c| {
                let label = cells[0][c].clone();
                (label, cells.iter().skip(1).map(|r| r[c].clone()).collect())
            })
            .collect()
    }
}

const OR_BETTER: [&str; 4] = ["tro len", "or better", "or above", "and above"];
const NOISE: [&str; 8] = [
    "(%)", "%", "ty le", "ti le", "so luong", "(so)", "share", "percent",
];
const TOTAL: [&str; 2] = ["tong", "total"];
const EVALUATED: [&str; 6] = [
    "danh gia",
    "kiem diem",
    "evaluated",
    "reviewed",
    "assessed",
    "xep loai",
];

/// A header folded, without "%"-like noise, and whether it said "or better".
fn clean(header: &str) -> (String, bool) {
    // Text copied out of a PDF often has its accents as separate combining
    // marks: drop them, as `fold` drops precomposed ones.
    let mut h: String = fold(header)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    let mut or_better = false;
    for w in OR_BETTER {
        if h.contains(w) {
            or_better = true;
            h = h.replace(w, " ");
        }
    }
    for w in NOISE {
        h = h.replace(w, " ");
    }
    let h = h
        .split(|c: char| c.is_whitespace() || c == ':' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (h, or_better)
}

/// How reports abbreviate the review's tiers (`HTXSNV`: hoàn thành xuất
/// sắc nhiệm vụ), by the tier's usual id.
fn abbreviation(id: &str) -> &'static str {
    match id {
        "excellent" => "htxsnv",
        "good" => "httnv",
        "completed" => "htnv",
        "not_completed" => "khtnv",
        _ => "",
    }
}

/// The draft's tier a header names: one whose id, label or short label
/// (vi or en) it is, else the one whose longest name it contains.
fn tier_of(d: &Draft, header: &str) -> Option<usize> {
    let names = |i: usize| {
        let t = &d.tiers[i];
        [
            abbreviation(&t.id).to_string(),
            t.id.replace(['_', '-'], " "),
            t.label.vi.clone(),
            t.label.en.clone(),
            t.short.vi.clone(),
            t.short.en.clone(),
        ]
        .into_iter()
        .map(|n| clean(&n).0)
        .filter(|n| n.len() >= 3)
        .collect::<Vec<_>>()
    };
    let all: Vec<(usize, String)> = (0..d.tiers.len())
        .flat_map(|i| names(i).into_iter().map(move |n| (i, n)))
        .collect();
    if let Some((i, _)) = all.iter().find(|(_, n)| *n == header) {
        return Some(*i);
    }
    let padded = format!(" {header} ");
    all.iter()
        .filter(|(_, n)| padded.contains(&format!(" {n} ")))
        .max_by_key(|(_, n)| n.len())
        .map(|(i, _)| *i)
}

fn role_of(d: &Draft, header: &str, values: &[&str]) -> (Role, bool) {
    let (h, or_better) = clean(header);
    if let Some(i) = tier_of(d, &h) {
        return (Role::Tier(i), or_better);
    }
    // "Tổng số được đánh giá" is the evaluated, not the total.
    if EVALUATED.iter().any(|w| h.contains(w)) {
        return (Role::Evaluated, false);
    }
    if TOTAL.iter().any(|w| h.contains(w)) {
        return (Role::Total, false);
    }
    let figures = values.iter().filter(|v| number::read(v).is_some()).count();
    if !h.is_empty() && figures > 0 && figures * 2 >= values.len() {
        (Role::NewTier, or_better)
    } else {
        (Role::Ignore, false)
    }
}

fn score(d: &Draft, headers: &[String]) -> usize {
    headers
        .iter()
        .filter(|h| {
            let (h, _) = clean(h);
            tier_of(d, &h).is_some() || TOTAL.iter().chain(&EVALUATED).any(|w| h.contains(w))
        })
        .count()
}

/// Guesses how a table maps onto the draft: the orientation whose
/// headers name more tiers (and totals), then [`recognise_as`].
pub fn recognise(d: &Draft, cells: &[Vec<String>]) -> Mapping {
    let across = score(d, &headers(cells, true)) >= score(d, &headers(cells, false));
    recognise_as(d, cells, across)
}

/// Guesses the headers' roles for a given orientation.
pub fn recognise_as(d: &Draft, cells: &[Vec<String>], across: bool) -> Mapping {
    let hs = headers(cells, across);
    let recs = records(cells, across);
    let (roles, or_better) = hs
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let values: Vec<&str> = recs
                .iter()
                .filter_map(|(_, v)| v.get(i).map(String::as_str))
                .collect();
            role_of(d, h, &values)
        })
        .unzip();
    // Two headers for one tier (a count column and a % column): the first
    // is taken, the others ignored (the user can change that).
    let mut roles: Vec<Role> = roles;
    let mut or_better: Vec<bool> = or_better;
    for i in 0..roles.len() {
        if let Role::Tier(t) = roles[i] {
            if roles[..i].contains(&Role::Tier(t)) {
                roles[i] = Role::Ignore;
                or_better[i] = false;
            }
        }
    }
    // Percentages when the tiers' own cells or headers say so.
    let tier_cols: Vec<usize> = (0..roles.len())
        .filter(|&i| matches!(roles[i], Role::Tier(_) | Role::NewTier))
        .collect();
    let percent_cells = tier_cols
        .iter()
        .flat_map(|&i| recs.iter().filter_map(move |(_, v)| v.get(i)))
        .filter(|c| number::read(c).is_some_and(|f| f.percent))
        .count();
    let shares = percent_cells > 0
        || tier_cols.iter().any(|&i| {
            let f = fold(&hs[i]);
            f.contains('%') || f.contains("ty le") || f.contains("ti le") || f.contains("share")
        });
    Mapping {
        tiers_across: across,
        roles,
        or_better,
        shares,
        target: Target::Groups,
        records: vec![Dest::Auto; recs.len()],
    }
}

/// What a pasted record is called, cleaned of the header's noise, to find
/// the draft's group or unit it updates.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a.trim()), fold(b.trim()));
    !a.is_empty() && a == b
}

fn matches(label: &Text, id: &str, name: &str) -> bool {
    same_name(&label.vi, name) || same_name(&label.en, name) || same_name(id, name)
}

/// Writes one record's cells into a group.
fn fill(g: &mut Group, m: &Mapping, tiers: &[usize], values: &[String]) {
    g.basis = if m.shares {
        Basis::Shares
    } else {
        Basis::Counts
    };
    for (i, role) in m.roles.iter().enumerate() {
        let cell = values
            .get(i)
            .map(|c| c.trim().to_string())
            .unwrap_or_default();
        match role {
            Role::Tier(_) | Role::NewTier => {
                let f = g.figure_mut(tiers[i]);
                f.value = cell;
                f.or_better = m.or_better.get(i).copied().unwrap_or(false);
                f.approx.clear();
            }
            Role::Total => g.total = cell,
            Role::Evaluated => g.evaluated = cell,
            Role::Ignore => {}
        }
    }
}

/// Where one record of the table went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The record's label in the table.
    pub label: String,
    /// The group's or unit's id in the draft.
    pub id: String,
    /// A group or unit the draft did not have.
    pub new: bool,
}

/// What [`apply`] did, for the editor to say (and show before it is done,
/// applied to a copy of the draft).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub records: Vec<Placed>,
    pub new_tiers: usize,
    /// The draft's groups the table did not name, now gone (ids).
    pub removed: Vec<String>,
}

/// Writes a mapped table into the draft: tiers named by new headers are
/// added; the table's records replace the groups (keeping the id and the
/// other language's label of a group of the same name), or become the
/// sub-units' figures of one group.
pub fn apply(d: &mut Draft, cells: &[Vec<String>], m: &Mapping) -> Applied {
    let hs = headers(cells, m.tiers_across);
    let mut new_tiers = 0;
    // Each header's tier position (new tiers added first).
    let tiers: Vec<usize> = m
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| match r {
            Role::Tier(t) if *t < d.tiers.len() => *t,
            Role::NewTier | Role::Tier(_) => {
                new_tiers += 1;
                let (label, _) = strip_or_better(hs.get(i).map_or("", String::as_str));
                d.add_tier(&label)
            }
            _ => usize::MAX,
        })
        .collect();
    let recs = records(cells, m.tiers_across);
    let mut placed = Vec::new();
    let mut removed = Vec::new();
    match m.target {
        Target::Groups => {
            let old = std::mem::take(&mut d.groups);
            for (i, (label, values)) in recs.into_iter().enumerate() {
                let found = match m.records.get(i).unwrap_or(&Dest::Auto) {
                    Dest::Skip => continue,
                    Dest::To(id) => old.iter().find(|g| g.id == *id),
                    Dest::Auto => old.iter().find(|g| matches(&g.label, &g.id, &label)),
                };
                let new = found.is_none();
                let mut g = found.cloned().unwrap_or_else(|| new_group(d, &label));
                fill(&mut g, m, &tiers, &values);
                placed.push(Placed {
                    label,
                    id: g.id.clone(),
                    new,
                });
                d.groups.push(g);
            }
            removed = old
                .into_iter()
                .filter(|o| !d.groups.iter().any(|g| g.id == o.id))
                .map(|o| o.id)
                .collect();
        }
        Target::Units(gi) => {
            let Some(gid) = d.groups.get(gi).map(|g| g.id.clone()) else {
                return Applied::default();
            };
            for (i, (label, values)) in recs.into_iter().enumerate() {
                let found = match m.records.get(i).unwrap_or(&Dest::Auto) {
                    Dest::Skip => continue,
                    Dest::To(id) => d.units.iter().position(|u| u.id == *id),
                    Dest::Auto => d
                        .units
                        .iter()
                        .position(|u| matches(&u.label, &u.id, &label)),
                };
                let at = match found {
                    Some(at) => at,
                    None => {
                        let id =
                            d.fresh_id(&label, |d| d.units.iter().map(|u| u.id.clone()).collect());
                        let mut u = Part {
                            id,
                            ..Part::default()
                        };
                        *u.label.get_mut(&d.lang) = label.clone();
                        d.units.push(u);
                        d.units.len() - 1
                    }
                };
                placed.push(Placed {
                    label,
                    id: d.units[at].id.clone(),
                    new: found.is_none(),
                });
                let unit = &mut d.units[at];
                let g = match unit.groups.iter().position(|g| g.id == gid) {
                    Some(i) => &mut unit.groups[i],
                    None => {
                        unit.groups.push(Group {
                            id: gid.clone(),
                            ..Group::default()
                        });
                        let n = unit.groups.len() - 1;
                        &mut unit.groups[n]
                    }
                };
                fill(g, m, &tiers, &values);
            }
        }
    }
    Applied {
        records: placed,
        new_tiers,
        removed,
    }
}

/// A header without its "or better" words, as a tier's label.
fn strip_or_better(header: &str) -> (String, bool) {
    let lower = header.to_lowercase();
    for w in ["trở lên", "or better", "or above", "and above"] {
        if let Some(at) = lower.find(w) {
            let mut s = header[..at].to_string();
            s.push_str(&header[at + w.len()..]);
            return (s.trim().to_string(), true);
        }
    }
    (header.trim().to_string(), false)
}

/// A group for a pasted record: a review group's usual id and both labels
/// when the record is named like one, else a fresh id from its name.
fn new_group(d: &Draft, label: &str) -> Group {
    if let Some((id, vi, en)) = REVIEW_GROUPS
        .iter()
        .find(|(id, vi, en)| same_name(vi, label) || same_name(en, label) || same_name(id, label))
    {
        if !d.groups.iter().any(|g| g.id == *id) {
            return Group {
                id: id.to_string(),
                label: Text::new(vi, en),
                ..Group::default()
            };
        }
    }
    let id = d.fresh_id(label, |d| d.groups.iter().map(|g| g.id.clone()).collect());
    let mut g = Group {
        id,
        ..Group::default()
    };
    *g.label.get_mut(&d.lang) = label.to_string();
    g
}
