//! Ways in: a table pasted from a spreadsheet, read and drawn at once
//! (how it was read is shown next to the preview, `mapping.rs`, for
//! correcting; Undo brings the draft before it back); the built-in
//! example, a blank file, a results file opened or dropped.

use leptos::prelude::*;
use tier_breakdown_core::i18n::problem_line;
use tier_breakdown_core::problem::MAX_BYTES;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::table::{self, TableError};
use tier_breakdown_draft::words::W;
use tier_breakdown_draft::write::{self, OpenError};

use crate::browser;
use crate::state::{example, Ed, Pasted};

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
            let left = write::left_out(&text, &d);
            ed.replace(|draft| *draft = d);
            let mut msg = format!("{}: {name}.", ed.w(W::Opened));
            if !left.is_empty() {
                msg = format!("{msg} {} {}", ed.w(W::LeftOut), left.join(", "));
            }
            said.set(Some((msg, !left.is_empty())));
        }
        Err(OpenError::Unreadable(p)) => {
            let line = problem_line(ed.lang.get_untracked(), &p);
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

/// What a pasted text was read as.
enum Reading {
    Table(Vec<Vec<String>>),
    /// Nothing to read (the box was emptied).
    Nothing,
    Unreadable(W),
}

/// Reads what was pasted. The report-text reader (`draft::prose`, written
/// for another issue) joins here: a text that is not a table (one column,
/// sentences with figures) becomes its `Reading`, drawn the same way.
fn reading(text: &str) -> Reading {
    if text.trim().is_empty() {
        return Reading::Nothing;
    }
    match table::read(text) {
        Ok(cells) => Reading::Table(cells),
        Err(e) => Reading::Unreadable(match e {
            TableError::TooSmall => W::TableTooSmall,
            TableError::TooBig => W::TableTooBig,
            TableError::Unreadable => W::TableUnreadable,
        }),
    }
}

/// Reads the paste box's text into the draft at once. The first reading
/// of a paste is one change for Undo; reading it again (the text edited,
/// the mapping corrected) starts from the same draft before it.
fn read_in(ed: Ed, said: Said, text: &str) {
    let cells = match reading(text) {
        Reading::Table(cells) => cells,
        Reading::Nothing => return said.set(None),
        Reading::Unreadable(k) => return said.set(Some((ed.w(k), true))),
    };
    let before = ed
        .pasted
        .with_untracked(|p| p.as_ref().map(|p| p.base.clone()));
    let base = match before {
        Some(base) => base,
        None => {
            let base = ed.draft.get_untracked();
            ed.replace(|_| {});
            base
        }
    };
    let mapping = table::recognise(&base, &cells);
    ed.pasted.set(Some(Pasted {
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
