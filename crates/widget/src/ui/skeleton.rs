//! The placeholder shown while a results file loads: the same boxes as a
//! three-group chart with a source line and notes, so the page does not jump when the chart arrives.

use super::dom::El;
use tier_breakdown_core::i18n::{t, Msg, UiLang};

/// Loading placeholder.
pub fn skeleton_el(lang: UiLang) -> El {
    let bone = |tag: &'static str, class: &str| El::with_class(tag, &format!("{class} tb-bone"));
    El::with_class("div", "tb-skeleton")
        .attr("aria-busy", "true")
        .child(
            El::with_class("p", "tb-sr")
                .attr("role", "status")
                .text(t(lang, Msg::Loading)),
        )
        .child(
            El::with_class("div", "tb-header")
                .child(bone("div", "tb-title"))
                .child(bone("div", "tb-subtitle")),
        )
        .child(El::with_class("div", "tb-legend").children((0..3).map(|_| bone("div", "tb-key"))))
        .children((0..3).map(|_| {
            El::with_class("div", "tb-group")
                .child(El::with_class("div", "tb-group-head").child(bone("div", "tb-group-title")))
                .child(bone("div", "tb-bar"))
                .child(bone("div", "tb-under"))
                .child(bone("p", "tb-coverage"))
        }))
        .child(El::with_class("div", "tb-footer").children((0..3).map(|_| bone("p", "tb-source"))))
}
