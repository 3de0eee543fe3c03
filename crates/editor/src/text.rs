//! A report text as it was read, under the paste box: every figure used
//! highlighted, a link that puts the cursor in its form field (and each
//! field has a "from the text" button back to its words, [`from_text`]);
//! figures seen and not used greyed, listed with the reason; the
//! questions as radio buttons, each answer changing the draft
//! (`Reading::reanswer`) while the fields the journalist corrected stay.

use std::ops::Range;

use leptos::prelude::*;
use tier_breakdown_core::problem::{Problem, ProblemKind};
use tier_breakdown_draft::say;
use tier_breakdown_draft::words::{w, UiLang, W};
use tier_breakdown_draft::write;

use crate::browser;
use crate::state::{Ed, PastedText};

/// The id of the highlight of the `n`th figure used.
fn mark_id(n: usize) -> String {
    format!("ed-text-used-{n}")
}

/// A figure the draft holds from the text: its words' byte range (empty
/// when worked out), the form field it went to and that field's name.
#[derive(Clone, PartialEq)]
struct Mark {
    words: Range<usize>,
    field: String,
    name: String,
    /// Why it is in the draft when it has no words of its own.
    why: W,
}

/// The figures used, in the order of `PastedText::used`, as the draft names their fields now.
fn marks(ed: Ed) -> Vec<Mark> {
    let lang = ed.lang.get();
    ed.text.with(|t| {
        let Some(t) = t else {
            return Vec::new();
        };
        ed.draft.with(|d| {
            t.used
                .iter()
                .map(|u| {
                    let p = Problem {
                        path: u.path.clone(),
                        kind: ProblemKind::Empty,
                    };
                    Mark {
                        words: u.words.clone(),
                        field: write::field_id(d, &u.path),
                        name: say::place(d, &p, lang),
                        why: u.worked_out(),
                    }
                })
                .collect()
        })
    })
}

/// One piece of the text: plain, figures used (their indices: a count
/// and its total, "695/698", share the words), or the `n`th seen and not used.
#[derive(Clone, PartialEq)]
enum Piece {
    Plain,
    Used(Vec<usize>),
    Unused(usize),
}

/// The text cut at the figures' words, in order. Figures on the same or
/// overlapping words are one piece, named by the first of them.
fn pieces(t: &PastedText) -> Vec<(Piece, String)> {
    let mut spans: Vec<(Range<usize>, Piece)> = t
        .used
        .iter()
        .enumerate()
        .map(|(n, u)| (u.words.clone(), Piece::Used(vec![n])))
        .chain(
            t.reading
                .unused
                .iter()
                .enumerate()
                .map(|(n, u)| (u.words.clone(), Piece::Unused(n))),
        )
        .filter(|(r, _)| !r.is_empty() && t.text.get(r.clone()).is_some())
        .collect();
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out: Vec<(Range<usize>, Piece)> = Vec::new();
    for (r, piece) in spans {
        match out.last_mut() {
            Some((last, Piece::Used(all))) if r.start < last.end => {
                if let Piece::Used(more) = piece {
                    all.extend(more);
                }
            }
            Some((last, _)) if r.start < last.end => {}
            _ => out.push((r, piece)),
        }
    }
    let mut at = 0;
    let mut cut = Vec::new();
    for (r, piece) in out {
        cut.push((Piece::Plain, t.text[at..r.start].to_string()));
        cut.push((piece, t.text[r.clone()].to_string()));
        at = r.end;
    }
    cut.push((Piece::Plain, t.text[at..].to_string()));
    cut
}

/// The highlight that holds the `n`th figure used, and its words.
fn shown(t: &PastedText, n: usize) -> Option<(usize, String)> {
    pieces(t).into_iter().find_map(|(p, s)| match p {
        Piece::Used(all) if all.contains(&n) => all.first().map(|first| (*first, s)),
        _ => None,
    })
}

/// The words of `range` in the pasted text.
fn words_of(t: &PastedText, range: &Range<usize>) -> String {
    t.text.get(range.clone()).unwrap_or_default().to_string()
}

/// The text with its figures highlighted, greyed or plain.
fn text_view(ed: Ed) -> impl IntoView {
    let marks = Memo::new(move |_| marks(ed));
    let reasons = move || {
        let lang = ed.lang.get();
        ed.text.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.reading
                        .unused
                        .iter()
                        .map(|u| w(lang, u.why))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    move || {
        let pieces = ed.text.with(|t| t.as_ref().map(pieces).unwrap_or_default());
        let reasons = reasons();
        pieces
            .into_iter()
            .map(|(piece, s)| match piece {
                Piece::Plain => s.into_any(),
                Piece::Used(all) => {
                    let goes: Vec<Mark> = marks.with(|m| all.iter().filter_map(|n| m.get(*n).cloned()).collect());
                    let fields: Vec<String> = goes.iter().map(|m| m.field.clone()).collect();
                    let names: Vec<String> = goes.into_iter().map(|m| m.name).collect();
                    let title = format!("{} {}", ed.w(W::GoesTo), names.join("; "));
                    let label = format!("{s} ({title})");
                    let id = mark_id(all.first().copied().unwrap_or_default());
                    let href = format!("#{}", fields.first().cloned().unwrap_or_default());
                    view! {
                        <a class="ed-used" id=id href=href title=title aria-label=label
                            on:click=move |ev| {
                                ev.prevent_default();
                                browser::focus_first(&fields);
                            }>{s}</a>
                    }
                    .into_any()
                }
                Piece::Unused(n) => {
                    let why = reasons.get(n).copied().unwrap_or_default();
                    view! { <span class="ed-unused" title=format!("{}: {why}", ed.w(W::ReadNotUsed))>{s}</span> }.into_any()
                }
            })
            .collect_view()
    }
}

/// The figures seen and not used, with the reason, and those worked out.
fn not_used(ed: Ed) -> impl IntoView {
    let lines = move || {
        let lang = ed.lang.get();
        ed.text.with(|t| {
            t.as_ref().map_or_else(Vec::new, |t| {
                t.reading
                    .unused
                    .iter()
                    .map(|u| format!("“{}”: {}", words_of(t, &u.words), w(lang, u.why)))
                    .collect()
            })
        })
    };
    let worked = move || {
        marks(ed)
            .into_iter()
            .filter(|m| m.words.is_empty())
            .map(|m| {
                let field = m.field.clone();
                view! {
                    <li><a href=format!("#{}", m.field) on:click=move |ev| {
                        ev.prevent_default();
                        browser::focus_first(std::slice::from_ref(&field));
                    }>{m.name}</a>": "{ed.w(m.why)}</li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <h4 id="ed-text-unused-h">{move || ed.w(W::NotUsedList)}</h4>
            <ul id="ed-text-unused" aria-labelledby="ed-text-unused-h">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </Show>
        <Show when=move || marks(ed).iter().any(|m| m.words.is_empty())>
            <h4 id="ed-text-worked-h">{move || ed.w(W::WorkedOutList)}</h4>
            <ul id="ed-text-worked" aria-labelledby="ed-text-worked-h">{worked}</ul>
        </Show>
    }
}

/// The questions, each a group of radio buttons.
fn questions(ed: Ed) -> impl IntoView {
    let asked = move || {
        ed.text.with(|t| {
            t.as_ref().map_or_else(Vec::new, |t| {
                t.reading
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(q, ask)| {
                        let chosen = t.answers.iter().find(|(n, _)| *n == q).map_or(0, |a| a.1);
                        let says: Vec<W> = ask.choices.iter().map(|c| c.says).collect();
                        (q, ask.ask, words_of(t, &ask.words), says, chosen)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    move || {
        let lang: UiLang = ed.lang.get();
        asked()
            .into_iter()
            .map(|(q, ask, words, says, chosen)| {
                let choices = says
                    .into_iter()
                    .enumerate()
                    .map(|(c, k)| {
                        let id = format!("ed-q-{q}-{c}");
                        view! {
                            <div class="ed-check">
                                <input type="radio" id=id.clone() name=format!("ed-q-{q}") prop:checked=c == chosen
                                    on:change=move |_| ed.answer_text(q, c) />
                                <label for=id>{w(lang, k)}</label>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="ed-ask" id=format!("ed-q-{q}")>
                        <legend>{w(lang, ask)}" “"{words}"”"</legend>
                        {choices}
                    </fieldset>
                }
            })
            .collect_view()
    }
}

/// The text as read, shown while a pasted text is kept.
#[component]
pub fn TextRead(ed: Ed) -> impl IntoView {
    view! {
        <Show when=move || ed.text.with(Option::is_some)>
            <div class="ed-text-read" role="group" aria-labelledby="ed-text-h">
                <h3 id="ed-text-h">{move || ed.w(W::TextRead)}</h3>
                <p class="ed-hint">{move || ed.w(W::TextHint)}</p>
                <p class="ed-text" id="ed-text">{text_view(ed)}</p>
                {not_used(ed)}
                <Show when=move || ed.text.with(|t| t.as_ref().is_some_and(|t| !t.reading.questions.is_empty()))>
                    <h4>{move || ed.w(W::Questions)}</h4>
                    {questions(ed)}
                </Show>
            </div>
        </Show>
    }
}

/// Under a form field the text gave a figure to: a button back to its words.
pub fn from_text(ed: Ed, field: String) -> impl IntoView {
    let at = move || {
        ed.text.with(|t| {
            let t = t.as_ref()?;
            ed.draft.with(|d| {
                let n = t
                    .used
                    .iter()
                    .position(|u| !u.words.is_empty() && write::field_id(d, &u.path) == field)?;
                shown(t, n)
            })
        })
    };
    move || {
        at().map(|(n, words)| {
            view! {
                <button type="button" class="ed-small ed-from" on:click=move |_| { browser::focus_first(&[mark_id(n)]); }>
                    {ed.w(W::FromText)}" “"{words}"”"
                </button>
            }
        })
    }
}
