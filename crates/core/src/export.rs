//! "Get the data": the figures shown, as CSV that Excel opens correctly
//! (UTF-8 with a byte order mark, one row per group × tier), and the data
//! table's cells.

use crate::format::{int, share};
use crate::i18n::{t, Msg, UiLang};
use crate::model::Dataset;
use crate::stack::shares;

/// Quotes a CSV field when it needs it (RFC 4180), and defuses spreadsheet
/// formulas: a field starting with `=`, `+`, `-` or `@` gets a leading `'`.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV of `groups` (ids; all when empty) in `lang`, starting with a BOM.
/// Shares are in percent with one decimal and a dot, as the largest-remainder
/// rounding gives them (they add up to 100.0 per group).
pub fn csv(d: &Dataset, lang: UiLang, groups: &[String]) -> String {
    let code = lang.code();
    let mut out = String::from(
        "\u{feff}group,group_label,tier,tier_label,count,share_percent,evaluated,total\r\n",
    );
    for g in d
        .groups
        .iter()
        .filter(|g| groups.is_empty() || groups.contains(&g.id))
    {
        let tenths = shares(&g.counts);
        for ((tier, &count), t) in d.tiers.iter().zip(&g.counts).zip(&tenths) {
            let row = [
                field(&g.id),
                field(g.label.get(code)),
                field(&tier.id),
                field(tier.label.get(code)),
                count.to_string(),
                format!("{}.{}", t / 10, t % 10),
                g.evaluated.map(|e| e.to_string()).unwrap_or_default(),
                g.total.map(|e| e.to_string()).unwrap_or_default(),
            ];
            out += &row.join(",");
            out += "\r\n";
        }
    }
    out
}

/// The data table: a header row (group, then one column per tier, then
/// evaluated) and one row per group, every cell formatted for `lang`.
pub fn table(d: &Dataset, lang: UiLang, groups: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let code = lang.code();
    let mut head = vec![String::new()];
    head.extend(d.tiers.iter().map(|t| t.label.get(code).to_string()));
    head.push(t(lang, Msg::EvaluatedHead).to_string());
    let rows = d
        .groups
        .iter()
        .filter(|g| groups.is_empty() || groups.contains(&g.id))
        .map(|g| {
            let tenths = shares(&g.counts);
            let sum = g.sum();
            let mut row = vec![g.label.get(code).to_string()];
            row.extend(
                g.counts
                    .iter()
                    .zip(&tenths)
                    .map(|(&c, &t)| format!("{} ({})", int(c, lang), share(t, c, sum, lang))),
            );
            row.push(match g.total {
                Some(total) => {
                    format!("{} / {}", int(g.evaluated_or_sum(), lang), int(total, lang))
                }
                None => int(g.evaluated_or_sum(), lang),
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
            let tenths = shares(&g.counts);
            let sum = g.sum();
            let parts: Vec<String> = d
                .tiers
                .iter()
                .zip(g.counts.iter().zip(&tenths))
                .map(|(t, (&c, &p))| format!("{} {}", t.label.get(code), share(p, c, sum, lang)))
                .collect();
            format!(
                "{} ({} {evaluated}): {}.",
                g.label.get(code),
                int(g.evaluated_or_sum(), lang),
                parts.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
