//! Number, percentage and date formatting for Vietnamese and English, done
//! natively so the core can be tested without a browser.
//! Vietnamese groups thousands with `.` and marks decimals with `,`
//! (`94.877`, `16,2%`); English uses `94,877` and `16.2%`.

use crate::i18n::{month_en, UiLang};
use crate::model::Date;

/// A whole number with thousands separators.
///
/// ```
/// use tier_breakdown_core::{format::int, i18n::UiLang};
/// assert_eq!(int(94877, UiLang::Vi), "94.877");
/// assert_eq!(int(94877, UiLang::En), "94,877");
/// assert_eq!(int(695, UiLang::Vi), "695");
/// ```
pub fn int(n: u64, lang: UiLang) -> String {
    let sep = match lang {
        UiLang::Vi => '.',
        UiLang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage given in tenths of a percent (`162` → `16,2%`).
///
/// ```
/// use tier_breakdown_core::{format::percent, i18n::UiLang};
/// assert_eq!(percent(162, UiLang::Vi), "16,2%");
/// assert_eq!(percent(162, UiLang::En), "16.2%");
/// assert_eq!(percent(1000, UiLang::Vi), "100,0%");
/// ```
pub fn percent(tenths: u32, lang: UiLang) -> String {
    let dec = match lang {
        UiLang::Vi => ',',
        UiLang::En => '.',
    };
    format!(
        "{}{}{}%",
        int(u64::from(tenths / 10), lang),
        dec,
        tenths % 10
    )
}

/// A share as a reader should see it: never `0,0%` for a count above zero
/// (`<0,1%`) and never `100,0%` for less than the whole (`>99,9%`).
///
/// ```
/// use tier_breakdown_core::{format::share, i18n::UiLang};
/// assert_eq!(share(0, 1, 5062, UiLang::Vi), "<0,1%");
/// assert_eq!(share(1000, 99_999, 100_000, UiLang::En), ">99.9%");
/// assert_eq!(share(0, 0, 695, UiLang::En), "0.0%");
/// ```
pub fn share(tenths: u32, part: u64, whole: u64, lang: UiLang) -> String {
    if tenths == 0 && part > 0 {
        format!("<{}", percent(1, lang))
    } else if tenths >= 1000 && part < whole {
        format!(">{}", percent(999, lang))
    } else {
        percent(tenths, lang)
    }
}

/// A share in millionths of a percent, with as many decimals as it has
/// (at least one): `89,45%`, `0,7%`, `100,0%`.
///
/// ```
/// use tier_breakdown_core::{format::decimal, i18n::UiLang};
/// assert_eq!(decimal(89_450_000, UiLang::Vi), "89,45%");
/// assert_eq!(decimal(700_000, UiLang::En), "0.7%");
/// assert_eq!(decimal(100_000_000, UiLang::Vi), "100,0%");
/// ```
pub fn decimal(millionths: u64, lang: UiLang) -> String {
    let (int_part, frac) = split_millionths(millionths, 1);
    let dec = match lang {
        UiLang::Vi => ',',
        UiLang::En => '.',
    };
    format!("{}{dec}{frac}%", int(int_part, lang))
}

/// A share in millionths of a percent as a plain number for files and
/// messages: a dot, no separators, trailing zeros dropped but `min`
/// decimals kept.
///
/// ```
/// use tier_breakdown_core::format::plain_decimal;
/// assert_eq!(plain_decimal(99_800_000, 0), "99.8");
/// assert_eq!(plain_decimal(100_000_000, 0), "100");
/// assert_eq!(plain_decimal(16_000_000, 1), "16.0");
/// ```
pub fn plain_decimal(millionths: u64, min: usize) -> String {
    match split_millionths(millionths, min) {
        (whole, frac) if frac.is_empty() => whole.to_string(),
        (whole, frac) => format!("{whole}.{frac}"),
    }
}

/// The whole percent and the decimals (trailing zeros dropped, at least
/// `min` of them) of a share in millionths of a percent.
fn split_millionths(millionths: u64, min: usize) -> (u64, String) {
    let mut frac = format!("{:06}", millionths % 1_000_000);
    while frac.len() > min && frac.ends_with('0') {
        frac.pop();
    }
    (millionths / 1_000_000, frac)
}

/// A calendar date as the press writes it: `16/3/2023` in Vietnamese,
/// `16 March 2023` in English.
pub fn date(d: Date, lang: UiLang) -> String {
    match lang {
        UiLang::Vi => format!("{}/{}/{}", d.day, d.month, d.year),
        UiLang::En => format!("{} {} {}", d.day, month_en(d.month), d.year),
    }
}
