//! The editor page: the header with the language switch and the draft's
//! saved state, the ways in and the form on one side, the preview, the
//! checks and the ways out on the other.

use leptos::prelude::*;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::words::W;

use crate::state::Ed;
use crate::{browser, form, paste, preview, publish};

/// The editor page.
#[component]
pub fn App() -> impl IntoView {
    let stored = browser::load_draft();
    let restored = stored.is_some();
    let lang = UiLang::from_code(&browser::language().unwrap_or_default()).unwrap_or_default();
    let ed = Ed::new(
        stored.unwrap_or_else(Draft::blank),
        lang,
        browser::schema_url(),
    );
    let (draft, lang) = (ed.draft, ed.lang);
    let saved = RwSignal::new(true);
    Effect::new(move |_| {
        let ok = draft.with(browser::save_draft);
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
            <p class="ed-saved" role="status">
                {move || if !saved.get() {
                    ed.w(W::NotSaved)
                } else if restored {
                    format!("{} {}", ed.w(W::Restored), ed.w(W::Saved))
                } else {
                    ed.w(W::Saved)
                }}
            </p>
        </header>
        <main class="ed">
            <div class="ed-work">
                <paste::Start ed=ed />
                <paste::PasteTable ed=ed />
                <form::Contents ed=ed />
            </div>
            <div class="ed-side">
                <preview::Preview ed=ed />
                <publish::Publish ed=ed />
            </div>
        </main>
    }
}
