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
    s.chars().map(|c| lower(base(c))).collect()
}

/// A capital's small letter in Latin-1, Latin Extended-A, Greek and
/// Cyrillic (after [`base`], every Vietnamese letter is ASCII), else the
/// character itself. Not `char::to_lowercase`: its table of every
/// script's cases is 11.7 KB of the readers' wasm.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xDE if u != 0xD7 => u + 32,
        0x130 => u32::from(b'i'),
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        0x391..=0x3AB if u != 0x3A2 => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
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
