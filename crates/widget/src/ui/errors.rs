//! Error and warning panels: every message is plain text with its JSON path.

use super::dom::{El, ElExt, Handle};
use tier_breakdown_core::i18n::{t, Msg, UiLang};

/// A failed load or an invalid file, shown in place of the chart; with a
/// "try again" button (handed to `retry`) when trying again can help.
pub fn error_el(title: &str, lines: &[String], lang: UiLang, retry: Option<&Handle>) -> El {
    let panel = El::with_class("div", "tb-error")
        .attr("role", "alert")
        .child(El::with_class("p", "tb-error-title").text(title))
        .child(
            El::with_class("ul", "tb-error-list")
                .children(lines.iter().map(|l| El::new("li").text(l.clone()))),
        );
    if let Some(h) = retry {
        panel.child(
            El::with_class("button", "tb-retry")
                .attr("type", "button")
                .bind(h)
                .text(t(lang, Msg::Retry)),
        )
    } else {
        panel
    }
}
