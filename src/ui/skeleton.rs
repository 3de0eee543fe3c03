//! The placeholder shown while a results file loads: the same boxes as a
//! three-group chart with a source line and notes, so the page does not jump when the chart arrives.

use leptos::prelude::*;

use crate::i18n::{t, Msg, UiLang};

/// Loading placeholder.
#[component]
pub fn Skeleton(
    /// Interface language.
    lang: UiLang,
) -> impl IntoView {
    view! {
        <div class="tb-skeleton" aria-busy="true">
            <p class="tb-sr" role="status">{t(lang, Msg::Loading)}</p>
            <div class="tb-header">
                <div class="tb-title tb-bone"></div>
                <div class="tb-subtitle tb-bone"></div>
            </div>
            <div class="tb-legend">
                <div class="tb-key tb-bone"></div>
                <div class="tb-key tb-bone"></div>
                <div class="tb-key tb-bone"></div>
            </div>
            {(0..3)
                .map(|_| {
                    view! {
                        <div class="tb-group">
                            <div class="tb-group-head">
                                <div class="tb-group-title tb-bone"></div>
                            </div>
                            <div class="tb-bar tb-bone"></div>
                            <div class="tb-under tb-bone"></div>
                            <p class="tb-coverage tb-bone"></p>
                            <p class="tb-selected tb-empty"></p>
                        </div>
                    }
                })
                .collect_view()}
            <div class="tb-footer">
                <p class="tb-source tb-bone"></p>
                <p class="tb-source tb-bone"></p>
                <p class="tb-source tb-bone"></p>
            </div>
        </div>
    }
}
