//! "Get the data": the figures shown, as CSV that Excel opens correctly
//! (UTF-8 with a byte order mark, one row per group × tier), and the data
//! table's cells.

use crate::fold::slug;
use crate::format::{int, plain_decimal, share};
use crate::i18n::{approx_mark, approx_words, t, Msg, UiLang};
use crate::layout::{coverage_line, evaluated_text, marker, piece_name, zero_note};
use crate::model::{Basis, Dataset, Group};
use crate::stack::group_shares;

/// Quotes a CSV field when it needs it (RFC 4180), and defuses spreadsheet
/// formulas: a field starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`. A field with `;` (the list separator of
/// Vietnamese Excel, which splits on it) or a tab is quoted too, so no part
/// of it becomes a cell of its own that could start a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV of `groups` (ids; all when empty) in `lang`, starting with a BOM.
/// Shares are in percent with one decimal and a dot, as the largest-remainder
/// rounding gives them (they add up to 100.0 per group). A file with the
/// shapes of format version 2 (shares, "or better", approximate figures,
/// groups without a split) gets four more columns saying so: `basis`
/// (`counts`, `shares`, `coverage`), `approx`, `reported_share` (a share
/// as printed) and `or_better` (the "or better" figure as printed); a
/// group without a split has one row with no tier. A partial split
/// (version 3) adds a `not_given` column: `true` on a tier the report does
/// not give (no count, no share), and one more row with no tier for the
/// not-given rest, whose share completes the group's 100.0.
pub fn csv(d: &Dataset, lang: UiLang, groups: &[String]) -> String {
    let code = lang.code();
    let shown: Vec<&Group> = d
        .groups
        .iter()
        .filter(|g| groups.is_empty() || groups.contains(&g.id))
        .collect();
    let v3 = shown.iter().any(|g| g.not_given != 0);
    let v2 = v3
        || shown
            .iter()
            .any(|g| g.basis != Basis::Counts || !g.approx.is_empty() || !g.or_better.is_empty());
    let mut out = String::from(
        "\u{feff}group,group_label,tier,tier_label,count,share_percent,evaluated,total",
    );
    out += match (v2, v3) {
        (_, true) => ",basis,approx,reported_share,or_better,not_given\r\n",
        (true, false) => ",basis,approx,reported_share,or_better\r\n",
        _ => "\r\n",
    };
    let end = if v3 { ",\r\n" } else { "\r\n" };
    for g in shown {
        let (tenths, rest) = group_shares(g);
        let (evaluated, total) = (opt(g.evaluated), opt(g.total));
        if !g.has_split() {
            let row = [
                field(&g.id),
                field(g.label.get(code)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                evaluated,
                total,
            ];
            out += &row.join(",");
            out += ",coverage,,,";
            out += end;
            continue;
        }
        let shares_only = g.basis == Basis::Shares;
        // One row per tier, then (`None`) one for the not-given rest.
        let rows = d.tiers.len() + usize::from(g.rest_tiers() != 0);
        for i in 0..rows {
            let tier = d.tiers.get(i);
            let gone = g.not_given_at(i);
            let (count, tenth) = match tier {
                Some(_) => (
                    g.counts.get(i).copied().unwrap_or(0),
                    tenths.get(i).copied().unwrap_or(0),
                ),
                None => (g.rest(), rest),
            };
            let row = [
                field(&g.id),
                field(g.label.get(code)),
                tier.map(|t| field(&t.id)).unwrap_or_default(),
                field(tier.map_or(t(lang, Msg::NotGiven), |t| t.label.get(code))),
                if shares_only || gone {
                    String::new()
                } else {
                    count.to_string()
                },
                if gone {
                    String::new()
                } else {
                    format!("{}.{}", tenth / 10, tenth % 10)
                },
                evaluated.clone(),
                total.clone(),
            ];
            out += &row.join(",");
            if v2 {
                let or_better = g.or_better.get(i).copied().flatten().map(|(v, _)| v);
                // As printed: not derived, or a block of every tier up to i.
                let printed = !g.derived_at(i) || g.block_at(i).count_ones() as usize == i + 1;
                let extra = [
                    if shares_only { "shares" } else { "counts" }.to_string(),
                    g.approx_at(i)
                        .map(|a| a.id().to_string())
                        .unwrap_or_default(),
                    if shares_only && tier.is_some() && !gone && printed {
                        plain_decimal(count, 1)
                    } else {
                        String::new()
                    },
                    match (or_better, shares_only) {
                        (Some(v), true) => plain_decimal(v, 1),
                        (Some(v), false) => v.to_string(),
                        (None, _) => String::new(),
                    },
                ];
                out += ",";
                out += &extra.join(",");
            }
            if v3 {
                out += if gone || tier.is_none() { ",true" } else { "," };
            }
            out += "\r\n";
        }
    }
    out
}

fn opt(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// One tier's cell: `≈ 200 (≈ 16,2%)`, `16,2%` for shares, `–` without a
/// split; a tier not given says so, a block names its tiers
/// (`Xuất sắc + Tốt: 97,6%`).
fn cell(d: &Dataset, g: &Group, i: usize, tenths: u32, lang: UiLang) -> String {
    if g.not_given_at(i) {
        return t(lang, Msg::NotGiven).into();
    }
    let a = g.approx_at(i);
    let count = g.counts.get(i).copied().unwrap_or(0);
    let share_text = approx_mark(a, &share(tenths, count, g.bar_sum(), lang));
    let text = match g.basis {
        Basis::Counts => match zero_note(d, g, i) {
            // A zero the report implies, with its note's marker.
            Some(n) => format!("0{}", marker(n)),
            None => format!("{} ({share_text})", approx_mark(a, &int(count, lang))),
        },
        Basis::Shares => share_text,
        Basis::Coverage => return "–".into(),
    };
    if g.block_at(i).count_ones() > 1 {
        format!("{}: {text}", piece_name(d, g, i, lang))
    } else {
        text
    }
}

/// The not-given rest of a partial split, `Không nêu trong báo cáo: 3 (4,7%)`.
fn rest_text(g: &Group, tenths: u32, lang: UiLang) -> Option<String> {
    if g.rest_tiers() == 0 {
        return None;
    }
    let rest = g.rest();
    let share_text = share(tenths, rest, g.bar_sum(), lang);
    let words = t(lang, Msg::NotGiven);
    Some(match g.basis {
        Basis::Shares => format!("{words}: {share_text}"),
        _ => format!("{words}: {} ({share_text})", int(rest, lang)),
    })
}

/// The data table: a header row (group, then one column per tier by its
/// short name, then evaluated) and one row per group, every cell formatted for `lang`.
pub fn table(d: &Dataset, lang: UiLang, groups: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let code = lang.code();
    let mut head = vec![String::new()];
    // Short names: the table is read beside the key, and fits a phone.
    head.extend(
        d.tiers
            .iter()
            .map(|t| t.short_or_label().get(code).to_string()),
    );
    head.push(t(lang, Msg::EvaluatedHead).to_string());
    let rows = d
        .groups
        .iter()
        .filter(|g| groups.is_empty() || groups.contains(&g.id))
        .map(|g| {
            let (tenths, rest) = group_shares(g);
            let mut row = vec![g.label.get(code).to_string()];
            row.extend(
                tenths
                    .iter()
                    .enumerate()
                    .map(|(i, &t)| cell(d, g, i, t, lang)),
            );
            let evaluated = evaluated_text(g, lang);
            let counted = match (evaluated, g.total) {
                (Some(e), Some(total)) => Some(format!("{e} / {}", int(total, lang))),
                (e, _) => e,
            };
            let last = match (counted, g.basis) {
                (Some(c), Basis::Shares) => format!("{c} · {}", t(lang, Msg::SharesOnly)),
                (None, Basis::Shares) => t(lang, Msg::SharesOnly).to_string(),
                (None, _) if g.total.is_some() => coverage_line(g, lang),
                (Some(c), _) => c,
                (None, _) => "–".into(),
            };
            row.push(match rest_text(g, rest, lang) {
                Some(r) => format!("{last} · {r}"),
                None => last,
            });
            row
        })
        .collect();
    (head, rows)
}

/// A one-paragraph text summary of the chart for screen readers, e.g.
/// "Đảng viên (94.877 được đánh giá): Hoàn thành xuất sắc nhiệm vụ 16,2%, …".
pub fn summary(d: &Dataset, lang: UiLang, groups: &[String]) -> String {
    let code = lang.code();
    let evaluated = t(lang, Msg::Evaluated);
    d.groups
        .iter()
        .filter(|g| groups.is_empty() || groups.contains(&g.id))
        .map(|g| {
            let counted = evaluated_text(g, lang).map(|e| format!("{e} {evaluated}"));
            if !g.has_split() {
                return format!(
                    "{}: {}, {}.",
                    g.label.get(code),
                    coverage_line(g, lang),
                    t(lang, Msg::NoSplit)
                );
            }
            let (tenths, rest) = group_shares(g);
            let sum = g.bar_sum();
            let mut parts: Vec<String> = g
                .counts
                .iter()
                .zip(&tenths)
                .enumerate()
                .filter(|&(i, _)| !g.not_given_at(i))
                .map(|(i, (&c, &p))| {
                    let s = share(p, c, sum, lang);
                    let s = match g.approx_at(i) {
                        Some(a) => approx_words(a, &s, lang),
                        None => s,
                    };
                    format!("{} {s}", piece_name(d, g, i, lang))
                })
                .collect();
            if g.rest_tiers() != 0 {
                let s = share(rest, g.rest(), sum, lang);
                parts.push(format!("{} {s}", t(lang, Msg::NotGiven)));
            }
            let about = match (counted, g.basis) {
                (Some(c), Basis::Shares) => format!("{c}, {}", t(lang, Msg::SharesOnly)),
                (None, Basis::Counts) => coverage_line(g, lang),
                (None, _) => t(lang, Msg::SharesOnly).to_string(),
                (Some(c), _) => c,
            };
            format!("{} ({about}): {}.", g.label.get(code), parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The CSV's file name: the title's slug, and the unit's id when one is shown.
///
/// ```
/// use tier_breakdown_core::export::csv_name;
/// assert_eq!(csv_name("Kết quả 2022", Some("viet-tri")), "ket-qua-2022-viet-tri.csv");
/// ```
pub fn csv_name(title: &str, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{}-{u}.csv", slug(title)),
        None => format!("{}.csv", slug(title)),
    }
}
