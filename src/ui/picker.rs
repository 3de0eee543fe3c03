//! "Open a results file": a native file input, so a reader who opened the
//! page from disk can load their own file without a server. Dropping a file
//! on the widget does the same (see `Widget`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Msg, UiLang};

/// The file picker.
#[component]
pub fn FilePicker(
    /// Interface language.
    lang: UiLang,
    /// Called with the picked file.
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    view! {
        <label class="tb-pick">
            <input
                type="file"
                class="tb-pick-input"
                accept=".json,application/json"
                on:change=move |ev| {
                    let Some(input) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                        return;
                    };
                    if let Some(file) = input.files().and_then(|list| list.get(0)) {
                        on_file.run(file);
                    }
                    input.set_value("");
                }
            />
            <span>{t(lang, Msg::OpenFile)}</span>
        </label>
    }
}
