//! Error and warning panels: every message is plain text with its JSON path.

use leptos::prelude::*;

use super::dom::El;
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

/// Warnings under a chart that was drawn anyway, folded by default.
pub fn warning_list(lang: UiLang, lines: &[String]) -> El {
    El::with_class("details", "tb-warnings")
        .child(El::new("summary").text(format!("{} ({})", t(lang, Msg::Warnings), lines.len())))
        .child(El::new("ul").children(lines.iter().map(|l| El::new("li").text(l.clone()))))
}
