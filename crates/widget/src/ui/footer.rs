//! Under the chart: the source (a link when the file gives one), the notes,
//! and the warnings about the figures (folded).

use tier_breakdown_core::i18n::{problem_line, t, Msg};

use super::dom::{append, El};
use super::errors::warning_list;
use super::view::Chart;

/// Appends the footer to `fig`; it never changes.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let (head, lang) = (&c.head, c.lang);
    let mut f = El::with_class("figcaption", "tb-footer");
    if let Some((name, url, date)) = &head.source {
        let link = match url {
            Some(href) => El::new("a")
                .attr("href", href.clone())
                .attr("rel", "noopener noreferrer")
                .attr("target", "_blank")
                .text(name.clone()),
            None => El::new("span").text(name.clone()),
        };
        let mut p = El::with_class("p", "tb-source").child(link);
        if let Some(d) = date {
            p = p.text(format!(", {} {d}", t(lang, Msg::Published)));
        }
        f = f.child(p);
    }
    if !head.notes.is_empty() {
        f = f.child(
            El::with_class("ul", "tb-notes")
                .attr("aria-label", t(lang, Msg::Notes))
                .children(head.notes.iter().map(|n| El::new("li").text(n.clone()))),
        );
    }
    let warnings = &c.checked.warnings;
    if !warnings.is_empty() {
        let lines: Vec<String> = warnings.iter().map(|w| problem_line(lang, w)).collect();
        f = f.child(warning_list(lang, &lines));
    }
    append(fig, &[f]);
}
