//! Under the chart: the source (a link when the file gives one), the notes,
//! and the warnings about the figures (folded).

use tier_breakdown_core::i18n::reader_line;
use tier_breakdown_core::parts::footer_el;

use super::dom::append;
use super::view::Chart;

/// Appends the footer to `fig`; it never changes.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let lines: Vec<String> = c
        .checked
        .warnings
        .iter()
        .map(|w| reader_line(c.lang, w, &c.checked.dataset))
        .collect();
    append(fig, &[footer_el(&c.head, c.lang, &lines)]);
}
