//! What every part of the editor shares ([`Ed`]: the draft, the editor's
//! language, the file the draft makes) and the drafts it starts from.

use leptos::prelude::*;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::words::{w, W};
use tier_breakdown_draft::write;

/// What every part of the editor shares: the draft and the editor's language.
#[derive(Clone, Copy)]
pub struct Ed {
    pub draft: RwSignal<Draft>,
    pub lang: RwSignal<UiLang>,
    /// The results file the draft makes, written once per change.
    pub file: Memo<String>,
}

impl Ed {
    /// The editor's words for `k`, following the language switch.
    pub fn w(self, k: W) -> String {
        w(self.lang.get(), k).to_string()
    }
}

/// The built-in example as a draft.
pub fn example() -> Draft {
    write::open(tier_breakdown_core::seed::SEED_JSON).unwrap_or_else(|_| Draft::blank())
}
