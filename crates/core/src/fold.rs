//! Folding text for matching and file names: Vietnamese (and other Latin)
//! letters lose their accents (`Việt Trì` → `viet tri`), `đ` becomes `d`.

/// The base letter of an accented Latin letter, or the letter itself.
pub fn base(c: char) -> char {
    const GROUPS: [(&str, char); 14] = [
        ("àáảãạăằắẳẵặâầấẩẫậäåā", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ", 'A'),
        ("èéẻẽẹêềếểễệëē", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆËĒ", 'E'),
        ("ìíỉĩịïī", 'i'),
        ("ÌÍỈĨỊÏĪ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợöøō", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ", 'O'),
        ("ùúủũụưừứửữựüū", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰÜŪ", 'U'),
        ("ỳýỷỹỵÿ", 'y'),
        ("ỲÝỶỸỴŸ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, b)| b)
        .unwrap_or(c)
}

/// Lower-case text without accents, for accent-insensitive matching.
///
/// ```
/// assert_eq!(tier_breakdown_core::fold::fold("Thành phố Việt Trì"), "thanh pho viet tri");
/// ```
pub fn fold(s: &str) -> String {
    s.chars().map(base).flat_map(char::to_lowercase).collect()
}

/// A file name from a title: folded, `a-z0-9` words joined by `-`, at most 60 characters.
///
/// ```
/// assert_eq!(tier_breakdown_core::fold::slug("Kết quả đánh giá năm 2022"), "ket-qua-danh-gia-nam-2022");
/// assert_eq!(tier_breakdown_core::fold::slug("<script>"), "script");
/// assert_eq!(tier_breakdown_core::fold::slug("!!!"), "tier-breakdown");
/// ```
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    for w in words {
        if out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        "tier-breakdown".to_string()
    } else {
        out
    }
}

/// A comma-separated list of ids (`data-tiers="good, excellent"`), blanks dropped.
///
/// ```
/// assert_eq!(tier_breakdown_core::fold::id_list(" good,,excellent "), ["good", "excellent"]);
/// ```
pub fn id_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}
