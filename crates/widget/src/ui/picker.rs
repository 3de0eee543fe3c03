//! "Open a results file": a native file input, so a reader who opened the
//! page from disk can load their own file without a server. Dropping a file
//! on the widget does the same (see `ui::mount_widget`).

use super::dom::El;
use tier_breakdown_core::i18n::{t, Msg, UiLang};

/// The file picker (its `change` event is handled by the widget).
pub fn picker_el(lang: UiLang) -> El {
    El::with_class("label", "tb-pick")
        .child(
            El::with_class("input", "tb-pick-input")
                .attr("type", "file")
                .attr("accept", ".json,application/json"),
        )
        .child(El::new("span").text(t(lang, Msg::OpenFile)))
}
