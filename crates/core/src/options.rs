//! The widget's options as hosts spell them, defined once: each option's
//! query parameter (the full page and the iframe: `?data=…&lang=…`) and
//! `data-*` attribute (the script embed: `data-src`, `data-lang`…), the
//! marker attributes, and the theme's words. The widget reads them, the
//! static chart (`prerender`, the native tool's `--static-into`) reads them
//! from a page, and the editor writes them into its embed codes.
//!
//! ```
//! use tier_breakdown_core::options::{dark, Opt};
//! assert_eq!((Opt::Data.query(), Opt::Data.attr()), ("data", "data-src"));
//! assert_eq!(dark("dark"), Some(true));
//! ```

/// One option a host gives the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opt {
    /// Where the results file is.
    Data,
    /// Interface language (`vi`, `en`).
    Lang,
    /// Tier ids selected at first, comma-separated.
    Tiers,
    /// Group ids shown, comma-separated.
    Groups,
    /// A sub-unit shown instead of the whole area.
    Unit,
    /// A period shown instead of the file's top-level one.
    Period,
    /// A period compared with the shown one.
    Compare,
    /// `light` or `dark`.
    Theme,
    /// Seconds to wait for the results file.
    Timeout,
}

impl Opt {
    /// Every option, in the order the docs list them.
    pub const ALL: [Opt; 9] = [
        Opt::Data,
        Opt::Lang,
        Opt::Tiers,
        Opt::Groups,
        Opt::Unit,
        Opt::Period,
        Opt::Compare,
        Opt::Theme,
        Opt::Timeout,
    ];

    /// Its query parameter (`data`, `lang`…).
    pub const fn query(self) -> &'static str {
        match self {
            Opt::Data => "data",
            Opt::Lang => "lang",
            Opt::Tiers => "tiers",
            Opt::Groups => "groups",
            Opt::Unit => "unit",
            Opt::Period => "period",
            Opt::Compare => "compare",
            Opt::Theme => "theme",
            Opt::Timeout => "timeout",
        }
    }

    /// Its attribute on a script embed's element (`data-src`, `data-lang`…).
    pub const fn attr(self) -> &'static str {
        match self {
            Opt::Data => "data-src",
            Opt::Lang => "data-lang",
            Opt::Tiers => "data-tiers",
            Opt::Groups => "data-groups",
            Opt::Unit => "data-unit",
            Opt::Period => "data-period",
            Opt::Compare => "data-compare",
            Opt::Theme => "data-theme",
            Opt::Timeout => "data-timeout",
        }
    }

    /// Whether it asks for something a page's static chart was not drawn
    /// for: another file or a drill-down view (the static chart draws the
    /// file's top level only).
    pub const fn drills(self) -> bool {
        matches!(self, Opt::Data | Opt::Unit | Opt::Period | Opt::Compare)
    }
}

/// A script embed's element: `<div data-tier-breakdown …>`.
pub const EMBED: &str = "data-tier-breakdown";
/// The full page's mount point: `<main data-tier-breakdown-page>`.
pub const PAGE: &str = "data-tier-breakdown-page";
/// [`PAGE`] as a selector (a test holds them together).
pub const PAGE_SELECTOR: &str = "[data-tier-breakdown-page]";
/// An iframe embed (for the parent page's `frame-parent.js`).
pub const FRAME: &str = "data-tier-breakdown-frame";

/// The theme option's word: `Some(true)` dark, `Some(false)` light, `None`
/// (absent or anything else) the reader's system setting.
pub fn dark(theme: &str) -> Option<bool> {
    match theme.trim() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_one_query_name_and_one_attribute() {
        for o in Opt::ALL {
            let attr = if o == Opt::Data {
                "data-src".to_string()
            } else {
                format!("data-{}", o.query())
            };
            assert_eq!(o.attr(), attr);
        }
        assert_eq!(PAGE_SELECTOR, format!("[{PAGE}]"));
        assert!(PAGE.starts_with(EMBED) && FRAME.starts_with(EMBED));
        assert_eq!(
            [dark(" dark"), dark("light"), dark("Dark"), dark("")],
            [Some(true), Some(false), None, None]
        );
    }
}
