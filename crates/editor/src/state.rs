//! What every part of the editor shares ([`Ed`]: the draft, the editor's
//! language, the file the draft makes and its one check per change, what
//! the user has touched, the table being pasted) and the drafts it starts
//! from.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::problem::Problem;
use tier_breakdown_core::validate::{check, Checked};
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::prose::{Reading, Used};
use tier_breakdown_draft::say;
use tier_breakdown_draft::table::{self, Applied, Mapping};
use tier_breakdown_draft::words::{w, W};
use tier_breakdown_draft::write;

/// The file the draft makes, checked once per change: everything else
/// (preview, checks, fields, codes, images) reads this.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub file: String,
    /// The file as the widget draws it, when it has no error.
    pub checked: Option<Arc<Checked>>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl PartialEq for Outcome {
    /// The same file is the same outcome.
    fn eq(&self, other: &Outcome) -> bool {
        self.file == other.file
    }
}

impl Outcome {
    fn of(file: String) -> Outcome {
        match check(&file) {
            Ok(c) => Outcome {
                file,
                errors: Vec::new(),
                warnings: c.warnings.clone(),
                checked: Some(Arc::new(c)),
            },
            Err(r) => Outcome {
                file,
                checked: None,
                errors: r.errors,
                warnings: r.warnings,
            },
        }
    }
}

/// A table pasted into the draft, kept while it can still be read
/// another way: the draft before it (what a new reading starts from), the
/// cells and how they are read.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    pub base: Draft,
    pub cells: Vec<Vec<String>>,
    pub mapping: Mapping,
}

/// A report text read into the draft, kept while its questions can still
/// be answered: the draft before it, the text, how it was read, the
/// answers chosen (a question's index and its choice's) and where each
/// figure of the draft they give came from.
#[derive(Clone, Debug, PartialEq)]
pub struct PastedText {
    pub base: Draft,
    pub text: String,
    pub reading: Arc<Reading>,
    pub answers: Vec<(usize, usize)>,
    pub used: Vec<Used>,
}

/// One problem as the editor says it: in words, the fields it is about
/// (most precise first), and whether it is an error.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    pub line: String,
    /// The message without its place (said under the field itself).
    pub message: String,
    pub fields: Vec<String>,
    pub error: bool,
}

/// What every part of the editor shares: the draft and the editor's language.
#[derive(Clone, Copy)]
pub struct Ed {
    pub draft: RwSignal<Draft>,
    pub lang: RwSignal<UiLang>,
    /// The file the draft makes, written and checked once per change.
    pub outcome: Memo<Outcome>,
    /// Its problems in the editor's words, those the user has touched only.
    pub said: Memo<Vec<Said>>,
    /// The same by form field (the first of each one's fields the form has).
    pub by_field: Memo<HashMap<String, Vec<(String, bool)>>>,
    /// The fields the user has typed in; `all` once the draft came whole
    /// from somewhere (a table, a file, the example, the last session).
    pub touched: RwSignal<Touched>,
    /// The draft before the last replacement (example, blank, a file, a
    /// table put in) and what had been touched in it, for Undo.
    pub previous: RwSignal<Option<(Draft, Touched)>>,
    /// The table pasted last, while it can be read again.
    pub pasted: RwSignal<Option<Pasted>>,
    /// The report text pasted last, while its questions can be answered.
    pub text: RwSignal<Option<PastedText>>,
}

/// What the user has touched: problems elsewhere are not shown yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    pub all: bool,
    pub fields: HashSet<String>,
}

impl Touched {
    fn shows(&self, fields: &[String]) -> bool {
        self.all || fields.iter().any(|f| self.fields.contains(f))
    }
}

impl Ed {
    /// The shared state around a draft; `whole`: it came from somewhere
    /// (its problems are all worth showing).
    pub fn new(draft: Draft, whole: bool, lang: UiLang, schema: String) -> Ed {
        let draft = RwSignal::new(draft);
        let outcome =
            Memo::new(move |_| Outcome::of(draft.with(|d| write::results_file(d, &schema))));
        let lang = RwSignal::new(lang);
        let touched = RwSignal::new(Touched {
            all: whole,
            ..Touched::default()
        });
        let said = Memo::new(move |_| {
            let lang = lang.get();
            outcome.with(|o| {
                draft.with(|d| {
                    let all = o.errors.iter().map(|p| (p, true));
                    all.chain(o.warnings.iter().map(|p| (p, false)))
                        .map(|(p, error)| Said {
                            line: say::line(d, p, lang),
                            message: say::message(d, &p.kind, lang),
                            fields: write::fields_for(d, p),
                            error,
                        })
                        .filter(|s| touched.with(|t| t.shows(&s.fields)))
                        .collect()
                })
            })
        });
        let by_field = Memo::new(move |_| {
            let mut map: HashMap<String, Vec<(String, bool)>> = HashMap::new();
            said.with(|all: &Vec<Said>| {
                for s in all.iter() {
                    let shown = s.fields.iter().find(|id| crate::browser::exists(id));
                    if let Some(id) = shown.or(s.fields.first()) {
                        map.entry(id.clone())
                            .or_default()
                            .push((s.message.clone(), s.error));
                    }
                }
            });
            map
        });
        Ed {
            draft,
            lang,
            outcome,
            said,
            by_field,
            touched,
            previous: RwSignal::new(None),
            pasted: RwSignal::new(None),
            text: RwSignal::new(None),
        }
    }

    /// Replaces the draft, keeping the one before for Undo; what came in
    /// is shown whole (its problems too), and no pasted table is kept.
    pub fn replace(self, f: impl FnOnce(&mut Draft)) {
        self.previous.set(Some(self.now()));
        self.pasted.set(None);
        self.text.set(None);
        self.touched.update(|t| t.all = true);
        self.draft.update(f);
    }

    /// Back to the draft before the last replacement (and the replaced one
    /// becomes the one Undo goes back to).
    pub fn undo(self) {
        if let Some((before, touched)) = self.previous.get_untracked() {
            self.previous.set(Some(self.now()));
            self.pasted.set(None);
            self.text.set(None);
            self.touched.set(touched);
            self.draft.set(before);
        }
    }

    fn now(self) -> (Draft, Touched) {
        (self.draft.get_untracked(), self.touched.get_untracked())
    }

    /// Changes how the pasted table is read, and reads it into the draft again.
    pub fn reread(self, f: impl FnOnce(&mut Pasted)) {
        self.pasted.update(|p| {
            if let Some(p) = p {
                f(p);
            }
        });
        self.put_pasted();
    }

    /// Puts the pasted table into the draft as it is read now: its tiers,
    /// groups and units from the draft before the paste, every other field
    /// as it is now (a title typed since stays). A draft with no title gets
    /// the placeholder one, which the checks point at.
    pub fn put_pasted(self) -> Option<Applied> {
        let p = self.pasted.get_untracked()?;
        let mut applied = None;
        self.draft.update(|d| {
            d.tiers = p.base.tiers.clone();
            d.groups = p.base.groups.clone();
            d.units = p.base.units.clone();
            applied = Some(table::apply(d, &p.cells, &p.mapping));
            let lang = d.lang.clone();
            if d.title.get(&lang).trim().is_empty() {
                *d.title.get_mut(&lang) = untitled(&lang).to_string();
            }
        });
        applied
    }

    /// Puts the pasted text into the draft as its answers read it: its
    /// tiers, groups, sub-units and periods; every other field as it is
    /// now (a title typed since stays; an empty one is the text's).
    pub fn put_text(self) {
        let Some(p) = self.text.get_untracked() else {
            return;
        };
        let mut used = Vec::new();
        self.draft.update(|d| used = p.reading.put(&p.answers, d));
        self.set_used(used);
    }

    /// Answers question `q` of the pasted text with choice `c`: the draft
    /// gets what the answer changes, and keeps every field the journalist
    /// corrected since the text was put in (`Reading::reanswer`).
    pub fn answer_text(self, q: usize, c: usize) {
        let Some(p) = self.text.get_untracked() else {
            return;
        };
        let mut answers = p.answers.clone();
        answers.retain(|(n, _)| *n != q);
        answers.push((q, c));
        let mut used = Vec::new();
        self.draft
            .update(|d| used = p.reading.reanswer(&p.answers, &answers, d));
        self.text.update(|t| {
            if let Some(t) = t {
                t.answers = answers;
            }
        });
        self.set_used(used);
    }

    fn set_used(self, used: Vec<Used>) {
        self.text.update(|t| {
            if let Some(t) = t {
                t.used = used;
            }
        });
    }

    /// The user typed in the field `id`: its problems are shown from now on.
    pub fn touch(self, id: &str) {
        if !self
            .touched
            .with_untracked(|t| t.all || t.fields.contains(id))
        {
            self.touched.update(|t| {
                t.fields.insert(id.to_string());
            });
        }
    }

    /// Whether the draft is still the untouched blank one (the first screen).
    pub fn untouched(self) -> bool {
        self.touched.with(|t| !t.all && t.fields.is_empty())
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

/// The placeholder title of a draft made from a pasted table, in the
/// file's language.
pub fn untitled(lang: &str) -> &'static str {
    w(UiLang::from_code(lang).unwrap_or_default(), W::Untitled)
}

/// The built-in example as a draft.
pub fn example() -> Draft {
    write::open(tier_breakdown_core::seed::SEED_JSON).unwrap_or_else(|_| Draft::blank())
}
