//! Figures as people write them: `94.877` (Vietnamese) and `94,877`
//! (English) are both 94877; `16,2%` and `16.2 %` are both 16.2 per cent;
//! `1.234,5` and `1,234.5` are the same; `khoảng 300`, `~300`, `hơn 300`
//! are approximate. The result is the JSON number text the results file
//! gets, or nothing when the cell is not a figure (the draft then keeps the
//! text as typed, and validation names its place).

/// How a figure is approximate, as the format's `approx` words.
pub const APPROX_WORDS: [&str; 4] = ["about", "nearly", "over", "under"];

/// A figure read from a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The number as JSON writes it: `94877`, `16.2`, `-3`.
    pub json: String,
    /// Written with a `%` sign.
    pub percent: bool,
    /// `about`, `nearly`, `over` or `under` when the cell said so.
    pub approx: Option<&'static str>,
}

/// Words and signs before a figure that make it approximate (folded, no accents).
const APPROX_PREFIXES: [(&str, &str); 16] = [
    ("khoang", "about"),
    ("about", "about"),
    ("approximately", "about"),
    ("approx.", "about"),
    ("~", "about"),
    ("≈", "about"),
    ("gan", "nearly"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("hon", "over"),
    ("tren", "over"),
    ("more than", "over"),
    ("over", "over"),
    (">", "over"),
    ("duoi", "under"),
    ("under", "under"),
];

/// Reads one cell. Empty cells and dashes (`-`, `–`, `—`) are `None`, as
/// is anything that is not a figure.
///
/// ```
/// use tier_breakdown_draft::number::read;
/// assert_eq!(read("94.877").unwrap().json, "94877");
/// assert_eq!(read("94,877").unwrap().json, "94877");
/// assert_eq!(read("16,2%").unwrap().json, "16.2");
/// assert_eq!(read("16.2 %").unwrap().json, "16.2");
/// assert_eq!(read("khoảng 300").unwrap().approx, Some("about"));
/// assert!(read("n/a").is_none());
/// ```
pub fn read(cell: &str) -> Option<Figure> {
    read_as(cell, false)
}

/// Reads a cell known to be a percentage (a group given as shares): a
/// single `.` or `,` is then always the decimal mark (`12.345` is 12.345).
///
/// ```
/// assert_eq!(tier_breakdown_draft::number::read_share("12.345").unwrap().json, "12.345");
/// assert_eq!(tier_breakdown_draft::number::read("12.345").unwrap().json, "12345");
/// ```
pub fn read_share(cell: &str) -> Option<Figure> {
    read_as(cell, true)
}

fn read_as(cell: &str, share: bool) -> Option<Figure> {
    let folded = tier_breakdown_core::fold::fold(cell.trim());
    let mut rest = folded.trim();
    let mut approx = None;
    for (prefix, word) in APPROX_PREFIXES {
        if let Some(r) = rest.strip_prefix(prefix) {
            // A word must end there (`hon` is not the start of `honest`).
            if prefix.chars().all(char::is_alphabetic)
                && r.starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            approx = Some(word);
            rest = r.trim_start();
            break;
        }
    }
    if rest.starts_with('<') {
        approx = Some("under");
        rest = rest[1..].trim_start();
    }
    let (rest, percent) = match rest.strip_suffix('%') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    // Spaces of any width group thousands too (`94 877`).
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let (negative, digits) = match compact.strip_prefix(['-', '−']) {
        Some(d) => (true, d),
        None => (false, compact.as_str()),
    };
    let (int, frac) = split_separators(digits, percent || share)?;
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    let mut json = String::new();
    if negative {
        json.push('-');
    }
    json.push_str(int);
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    Some(Figure {
        json,
        percent,
        approx,
    })
}

/// Splits `1.234,5` into the whole part's digits and the fraction's.
/// Which of `.` and `,` is the decimal mark: the last one when both
/// appear; a single one followed by exactly three digits groups thousands
/// (`94.877`), unless the figure is a percentage or starts with `0`
/// (`0.125`); any other single one is the decimal mark (`16,2`). Groups
/// after the first must be three digits, the first cannot be `0`.
fn split_separators(s: &str, decimal_first: bool) -> Option<(String, String)> {
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let single = dots + commas == 1;
            let after = s.rsplit(sep).next().map_or(0, str::len);
            let leading_zero = s.starts_with('0');
            if single && (decimal_first || after != 3 || leading_zero) {
                Some(sep)
            } else {
                None
            }
        }
        _ => {
            let last_dot = s.rfind('.');
            let last_comma = s.rfind(',');
            if last_dot > last_comma {
                Some('.')
            } else {
                Some(',')
            }
        }
    };
    let (int, frac) = match decimal {
        Some(d) => {
            let at = s.rfind(d)?;
            (&s[..at], &s[at + 1..])
        }
        None => (s, ""),
    };
    if frac.contains(['.', ',']) || (decimal.is_some() && frac.is_empty()) {
        return None;
    }
    // What is left in the whole part are thousands separators: `5.084.123`.
    let groups: Vec<&str> = int.split(['.', ',']).collect();
    if groups.len() > 1
        && (groups[0].is_empty()
            || groups[0].len() > 3
            || groups[0].starts_with('0')
            || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    if int.is_empty() {
        return None;
    }
    Some((groups.concat(), frac.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(cell: &str) -> Option<String> {
        read(cell).map(|f| f.json)
    }

    #[test]
    fn vietnamese_and_english_numbers() {
        for (cell, want) in [
            ("94.877", Some("94877")),
            ("94,877", Some("94877")),
            ("94 877", Some("94877")),
            ("94\u{a0}877", Some("94877")),
            ("5.084.123", Some("5084123")),
            ("5,084,123", Some("5084123")),
            ("1.234,5", Some("1234.5")),
            ("1,234.5", Some("1234.5")),
            ("16,2", Some("16.2")),
            ("16.2", Some("16.2")),
            ("0,50", Some("0.5")),
            ("0.125", Some("0.125")),
            ("0,500", Some("0.5")),
            ("0.099", Some("0.099")),
            ("0.125.000", None),
            ("698", Some("698")),
            ("0", Some("0")),
            ("007", Some("7")),
            ("-3", Some("-3")),
            ("12.0", Some("12")),
            ("", None),
            ("-", None),
            ("—", None),
            ("n/a", None),
            ("1.2.3", None),
            ("12,34,567", None),
            ("1.234.5", None),
            ("16,", None),
            (",5", None),
        ] {
            assert_eq!(json(cell).as_deref(), want, "{cell:?}");
        }
    }

    #[test]
    fn percentages() {
        for (cell, want) in [
            ("16,2%", "16.2"),
            ("16.2 %", "16.2"),
            ("78,60 %", "78.6"),
            ("100%", "100"),
            ("12.345%", "12.345"),
        ] {
            let f = read(cell).unwrap();
            assert_eq!((f.json.as_str(), f.percent), (want, true), "{cell:?}");
        }
        assert!(!read("16,2").unwrap().percent);
    }

    #[test]
    fn approximate_figures() {
        for (cell, json, approx) in [
            ("khoảng 300", "300", "about"),
            ("~300", "300", "about"),
            ("≈ 1.200", "1200", "about"),
            ("gần 11,5%", "11.5", "nearly"),
            ("hơn 1.000", "1000", "over"),
            ("trên 90%", "90", "over"),
            ("over 90%", "90", "over"),
            ("> 90", "90", "over"),
            ("dưới 5%", "5", "under"),
            ("< 5", "5", "under"),
            ("about 300", "300", "about"),
            ("nearly 300", "300", "nearly"),
        ] {
            let f = read(cell).unwrap();
            assert_eq!(
                (f.json.as_str(), f.approx),
                (json, Some(approx)),
                "{cell:?}"
            );
        }
        assert!(read("honest 3").is_none());
        assert_eq!(read("300").unwrap().approx, None);
    }
}
