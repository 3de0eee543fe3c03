//! Error and warning panels: every message is plain text with its JSON path.

use leptos::prelude::*;

use crate::i18n::{t, Msg, UiLang};

/// A failed load or an invalid file, shown in place of the chart.
#[component]
pub fn ErrorPanel(
    /// One sentence on what went wrong.
    title: &'static str,
    /// The details, one per line (`path: message`).
    lines: Vec<String>,
    /// Interface language.
    lang: UiLang,
    /// When set, a "try again" button calls it.
    retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="tb-error" role="alert">
            <p class="tb-error-title">{title}</p>
            <ul class="tb-error-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {retry
                .map(|cb| {
                    view! {
                        <button type="button" class="tb-retry" on:click=move |_| cb.run(())>
                            {t(lang, Msg::Retry)}
                        </button>
                    }
                })}
        </div>
    }
}

/// Warnings about a file that was still drawn.
#[component]
pub fn WarningList(
    /// Interface language.
    lang: UiLang,
    /// One warning per line (`path: message`).
    lines: Vec<String>,
) -> impl IntoView {
    view! {
        <details class="tb-warnings">
            <summary>{format!("{} ({})", t(lang, Msg::Warnings), lines.len())}</summary>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </details>
    }
}
