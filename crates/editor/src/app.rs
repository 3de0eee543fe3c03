//! The editor page: the header with the language switch and the draft's
//! saved state; on one side the paste box with the title and the source
//! under it, then the whole form; on the other the preview (with how the
//! table was read and the copy of the embed code), the checks and the
//! ways out.

use leptos::prelude::*;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::words::W;

use crate::publish::Out;
use crate::state::Ed;
use crate::{browser, form, paste, preview, publish, text};

/// The editor page.
#[component]
pub fn App() -> impl IntoView {
    let keep = RwSignal::new(browser::keeps_draft());
    let stored = if keep.get_untracked() {
        browser::load_draft()
    } else {
        None
    };
    let restored = stored.is_some();
    let lang = UiLang::from_code(&browser::language().unwrap_or_default()).unwrap_or_default();
    let draft = stored.unwrap_or_else(Draft::blank);
    // A draft from the last session is the user's: its problems are worth showing.
    let whole = draft != Draft::blank();
    let ed = Ed::new(draft, whole, lang, browser::schema_url());
    let out = Out::new(ed);
    let (draft, lang) = (ed.draft, ed.lang);
    let saved = RwSignal::new(true);
    Effect::new(move |_| {
        let ok = !keep.get() || draft.with(browser::save_draft);
        saved.set(ok);
    });
    Effect::new(move |_| browser::set_document_lang(lang.get().code()));
    view! {
        <header class="ed-head">
            <h1>{move || ed.w(W::Heading)}</h1>
            <p>{move || ed.w(W::Intro)}</p>
            <div role="group" class="ed-switch" aria-label=move || ed.w(W::EditorLang)>
                <button type="button" aria-pressed=move || (lang.get() == UiLang::Vi).to_string()
                    on:click=move |_| lang.set(UiLang::Vi) lang="vi">"Tiếng Việt"</button>
                <button type="button" aria-pressed=move || (lang.get() == UiLang::En).to_string()
                    on:click=move |_| lang.set(UiLang::En) lang="en">"English"</button>
            </div>
            <Show when=move || ed.previous.with(Option::is_some)>
                <button type="button" id="ed-undo" on:click=move |_| ed.undo()>{move || ed.w(W::Undo)}</button>
            </Show>
            <Storage ed=ed keep=keep saved=saved restored=restored />
        </header>
        <main class="ed">
            <div class="ed-work">
                <section class="ed-card ed-first" aria-labelledby="ed-paste">
                    <h2 id="ed-paste">{move || ed.w(W::Paste)}</h2>
                    <paste::PasteBox ed=ed />
                    <text::TextRead ed=ed />
                    <paste::Start ed=ed />
                </section>
                <section class="ed-card ed-titles" aria-labelledby="ed-title-source">
                    <h2 id="ed-title-source">{move || ed.w(W::TitleAndSource)}</h2>
                    {form::text_pair(ed, "f-title".into(), W::Title, |d| Some(&d.title), |d| Some(&mut d.title))}
                    {form::text_pair(ed, "f-source-name".into(), W::SourceName, |d| Some(&d.source.name), |d| Some(&mut d.source.name))}
                </section>
                <form::Contents ed=ed />
            </div>
            <div class="ed-side">
                <preview::Preview ed=ed out=out />
                <preview::Checks ed=ed />
                <publish::Publish ed=ed out=out />
            </div>
        </main>
    }
}

/// Where the draft is kept, and the switch not to keep it (a shared
/// computer, embargoed figures), which also clears what was kept.
#[component]
fn Storage(ed: Ed, keep: RwSignal<bool>, saved: RwSignal<bool>, restored: bool) -> impl IntoView {
    let origin = browser::origin();
    let said = move || {
        if !keep.get() {
            return ed.w(W::NotKept);
        }
        let kept = format!("{} {origin}.", ed.w(W::KeptAt));
        match (saved.get(), restored) {
            (false, _) => ed.w(W::NotSaved),
            (true, true) => format!("{} {kept}", ed.w(W::Restored)),
            (true, false) => kept,
        }
    };
    view! {
        <p class="ed-saved" role="status" id="ed-saved">{said}</p>
        <span class="ed-check">
            <input type="checkbox" id="ed-no-keep" prop:checked=move || !keep.get()
                on:change=move |ev| {
                    let off = event_target_checked(&ev);
                    browser::keep_draft(!off);
                    keep.set(!off);
                } />
            <label for="ed-no-keep">{move || ed.w(W::DontKeep)}</label>
        </span>
    }
}
