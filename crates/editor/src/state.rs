//! What every part of the editor shares ([`Ed`]: the draft, the editor's
//! language, the file the draft makes) and the drafts it starts from.

use std::collections::HashMap;

use leptos::prelude::*;
use tier_breakdown_core::i18n::{problem_message, UiLang};
use tier_breakdown_core::problem::Problem;
use tier_breakdown_core::validate::check;
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
    /// The file's errors and warnings, checked once per change.
    pub checks: Memo<Checks>,
    /// The same by form field (the most precise field each is about), in
    /// the editor's language: (message, is an error), errors first.
    pub by_field: Memo<HashMap<String, Vec<(String, bool)>>>,
    /// The draft before the last replacement (example, blank, a file, a
    /// table put in), for Undo.
    pub previous: RwSignal<Option<Draft>>,
}

/// A file's errors and warnings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checks {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Checks {
    pub fn of(file: &str) -> Checks {
        match check(file) {
            Ok(c) => Checks {
                errors: Vec::new(),
                warnings: c.warnings,
            },
            Err(r) => Checks {
                errors: r.errors,
                warnings: r.warnings,
            },
        }
    }
}

impl Ed {
    /// The shared state around a draft.
    pub fn new(draft: Draft, lang: UiLang, schema: String) -> Ed {
        let draft = RwSignal::new(draft);
        let file = Memo::new(move |_| draft.with(|d| write::results_file(d, &schema)));
        let checks = Memo::new(move |_| file.with(|f| Checks::of(f)));
        let lang = RwSignal::new(lang);
        let by_field = Memo::new(move |_| {
            let lang = lang.get();
            let mut map: HashMap<String, Vec<(String, bool)>> = HashMap::new();
            checks.with(|c| {
                draft.with(|d| {
                    let all = c.errors.iter().map(|p| (p, true));
                    for (p, error) in all.chain(c.warnings.iter().map(|p| (p, false))) {
                        let ids = write::fields_for(d, p);
                        let shown = ids
                            .iter()
                            .find(|id| crate::browser::exists(id))
                            .or(ids.first());
                        if let Some(id) = shown.cloned() {
                            map.entry(id)
                                .or_default()
                                .push((problem_message(lang, &p.kind), error));
                        }
                    }
                })
            });
            map
        });
        Ed {
            draft,
            lang,
            file,
            checks,
            by_field,
            previous: RwSignal::new(None),
        }
    }

    /// Replaces the draft, keeping the one before for Undo.
    pub fn replace(self, f: impl FnOnce(&mut Draft)) {
        self.previous.set(Some(self.draft.get_untracked()));
        self.draft.update(f);
    }

    /// Back to the draft before the last replacement (and the replaced one
    /// becomes the one Undo goes back to).
    pub fn undo(self) {
        if let Some(before) = self.previous.get_untracked() {
            self.previous.set(Some(self.draft.get_untracked()));
            self.draft.set(before);
        }
    }

    /// The problems of the form field `id`.
    pub fn problems_at(self, id: &str) -> Vec<(String, bool)> {
        self.by_field
            .with(|m| m.get(id).cloned().unwrap_or_default())
    }

    /// The editor's words for `k`, following the language switch.
    pub fn w(self, k: W) -> String {
        w(self.lang.get(), k).to_string()
    }
}

/// The built-in example as a draft.
pub fn example() -> Draft {
    write::open(tier_breakdown_core::seed::SEED_JSON).unwrap_or_else(|_| Draft::blank())
}
