//! Ways in: a table pasted from a spreadsheet, or a report's text, read
//! and drawn at once (how a table was read is shown next to the preview,
//! `mapping.rs`, for correcting; a text is shown with its figures linked
//! to their fields, `text.rs`; Undo brings the draft before it back); the
//! built-in example, a blank file, a results file opened or dropped.

use leptos::prelude::*;
use std::sync::Arc;
use tier_breakdown_core::problem::MAX_BYTES;
use tier_breakdown_draft::draft::Draft;

use tier_breakdown_draft::paste::{self, Pasted};
use tier_breakdown_draft::say;
use tier_breakdown_draft::table::{self, TableError};
use tier_breakdown_draft::words::W;
use tier_breakdown_draft::write::{self, OpenError};

use crate::browser;
use crate::state::{example, Ed, Pasted as PastedTable, PastedText};

/// What happened to the last file opened: a message, and whether it is an error.
type Said = RwSignal<Option<(String, bool)>>;

async fn open_file(ed: Ed, said: Said, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        said.set(Some((format!("{name}: {}", ed.w(W::FileTooBig)), true)));
        return;
    }
    let Some(text) = browser::file_text(&file).await else {
        said.set(Some((format!("{name}: {}", ed.w(W::FileUnreadable)), true)));
        return;
    };
    match write::open(&text) {
        Ok(d) => {
            let lang = ed.lang.get_untracked();
            let left: Vec<String> = write::left_out(&text, &d)
                .iter()
                .map(|p| say::left_out(&d, p, lang))
                .collect();
            ed.replace(|draft| *draft = d);
            let mut msg = format!("{}: {name}.", ed.w(W::Opened));
            if !left.is_empty() {
                msg = format!("{msg} {} {}", ed.w(W::LeftOut), left.join(", "));
            }
            said.set(Some((msg, !left.is_empty())));
        }
        Err(OpenError::Unreadable(p)) => {
            let line = say::line(&Draft::default(), &p, ed.lang.get_untracked());
            said.set(Some((
                format!("{name}: {line}. {}", ed.w(W::KeptDraft)),
                true,
            )));
        }
        Err(OpenError::NotAnObject) => {
            said.set(Some((format!("{name}: {}", ed.w(W::FileNotObject)), true)));
        }
    }
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list?.get(0)
}

/// The other ways in: the example, a blank file, or a results file.
#[component]
pub fn Start(ed: Ed) -> impl IntoView {
    let said: Said = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    let open = move |f: Option<web_sys::File>| {
        if let Some(f) = f {
            leptos::task::spawn_local(open_file(ed, said, f));
        }
    };
    view! {
        <div class="ed-start" role="group" aria-labelledby="ed-start">
            <h3 id="ed-start">{move || ed.w(W::Start)}</h3>
            <div class="ed-row">
                <button type="button" id="ed-example" on:click=move |_| { ed.replace(|d| *d = example()); said.set(Some((ed.w(W::Replaced), false))); }>
                    {move || ed.w(W::UseExample)}
                </button>
                <button type="button" id="ed-blank" on:click=move |_| { ed.replace(|d| *d = Draft::blank()); said.set(Some((ed.w(W::Replaced), false))); }>
                    {move || ed.w(W::UseBlank)}
                </button>
            </div>
            <div class="ed-drop" class:ed-dragging=dragging
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    open(first_file(ev.data_transfer().and_then(|t| t.files())));
                }>
                <label for="ed-open">{move || ed.w(W::OpenFile)}</label>
                <input id="ed-open" type="file" accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        open(first_file(input.files()));
                        input.set_value("");
                    } />
                <span class="ed-hint">{move || ed.w(W::DropHere)}</span>
            </div>
            <p role="status" id="ed-start-said" class="ed-said" class:ed-bad=move || said.get().is_some_and(|(_, bad)| bad)>
                {move || said.get().map(|(m, _)| m)}
            </p>
        </div>
    }
}

/// The draft before the paste being read: the one a table or a text
/// pasted earlier started from, or (the first reading of a paste, one
/// change for Undo) the draft now.
fn base(ed: Ed) -> Draft {
    let table = ed
        .pasted
        .with_untracked(|p| p.as_ref().map(|p| p.base.clone()));
    let text = ed
        .text
        .with_untracked(|p| p.as_ref().map(|p| p.base.clone()));
    match table.or(text) {
        Some(base) => base,
        None => {
            let base = ed.draft.get_untracked();
            ed.replace(|_| {});
            base
        }
    }
}

/// Reads the paste box's text into the draft at once, as a table or as
/// report text, and says which. The first reading of a paste is one
/// change for Undo; reading it again (the text edited, the mapping
/// corrected, a question answered) starts from the same draft before it.
fn read_in(ed: Ed, said: Said, text: &str) {
    let reading = match paste::read(text) {
        Pasted::Nothing => return said.set(None),
        Pasted::Unreadable(e) => {
            let k = match e {
                TableError::TooSmall => W::TableTooSmall,
                TableError::TooBig => W::TableTooBig,
                TableError::Unreadable => W::TableUnreadable,
            };
            return said.set(Some((ed.w(k), true)));
        }
        other => other,
    };
    let base = base(ed);
    match reading {
        Pasted::Table(cells) => {
            ed.text.set(None);
            let mapping = table::recognise(&base, &cells);
            ed.pasted.set(Some(PastedTable {
                base,
                cells,
                mapping,
            }));
            let n = ed.put_pasted().map_or(0, |a| a.records.len());
            said.set(Some((
                format!("{} {n} {}.", ed.w(W::PutInDone), ed.w(W::RecordsWord)),
                false,
            )));
        }
        Pasted::Text(reading) => {
            ed.pasted.set(None);
            let (used, unused, asks) = (
                reading.used.len(),
                reading.unused.len(),
                reading.questions.len(),
            );
            ed.text.set(Some(PastedText {
                base,
                text: text.to_string(),
                reading: Arc::new(*reading),
                answers: Vec::new(),
                used: Vec::new(),
            }));
            ed.put_text();
            let mut msg = format!(
                "{} {used} {}, {unused} {}",
                ed.w(W::TextDone),
                ed.w(W::FiguresUsed),
                ed.w(W::ReadNotUsed)
            );
            if asks > 0 {
                msg = format!("{msg}, {asks} {}", ed.w(W::ReadAsk));
            }
            said.set(Some((format!("{msg}."), false)));
        }
        Pasted::Nothing | Pasted::Unreadable(_) => {}
    }
}

/// A paste replaces what the box held (a second table pasted is a new
/// table, not one glued to the first), and is read at once.
fn pasted(ed: Ed, said: Said, ev: &web_sys::ClipboardEvent) {
    let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
        return;
    };
    ev.prevent_default();
    let area: web_sys::HtmlTextAreaElement = event_target(ev);
    area.set_value(&text);
    read_in(ed, said, &text);
}

/// The paste box: a table pasted (or typed) here is read and drawn at once.
#[component]
pub fn PasteBox(ed: Ed) -> impl IntoView {
    let said: Said = RwSignal::new(None);
    view! {
        <label for="ed-table" class="ed-big-label">{move || ed.w(W::PasteLabel)}</label>
        <p class="ed-hint" id="ed-table-hint">{move || ed.w(W::PasteHint)}</p>
        <textarea id="ed-table" rows="5" spellcheck="false" aria-describedby="ed-table-hint ed-paste-said"
            on:paste=move |ev| pasted(ed, said, &ev)
            on:input=move |ev| read_in(ed, said, &event_target_value(&ev))></textarea>
        <p role="status" id="ed-paste-said" tabindex="-1" class="ed-said" class:ed-bad=move || said.get().is_some_and(|(_, bad)| bad)>
            {move || said.get().map(|(m, _)| m)}
        </p>
    }
}
