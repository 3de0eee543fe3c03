//! The tier legend, which is also the filter: one native toggle button per
//! tier (`aria-pressed`), and a reset button.

use leptos::prelude::*;

use crate::i18n::{t, Msg, UiLang};
use crate::layout::LegendItem;
use crate::stack::Selection;

/// Legend and filter.
#[component]
pub fn TierLegend(
    /// One entry per tier, in order.
    items: Vec<LegendItem>,
    /// Selected tiers, shared by the whole chart.
    sel: RwSignal<Selection>,
    /// Interface language.
    lang: UiLang,
) -> impl IntoView {
    view! {
        <div class="tb-legend" role="group" aria-label=t(lang, Msg::FilterLabel)>
            {items
                .into_iter()
                .map(|it| {
                    let tier = it.tier;
                    view! {
                        <button
                            type="button"
                            class="tb-key"
                            data-tier=it.id
                            aria-pressed=move || if sel.get().contains(tier) { "true" } else { "false" }
                            on:click=move |_| sel.update(|s| *s = s.toggled(tier))
                        >
                            <span class="tb-swatch" style:background=it.fill></span>
                            {match it.short {
                                Some(short) => {
                                    view! {
                                        <bdi class="tb-key-label tb-long">{it.label}</bdi>
                                        <bdi class="tb-key-label tb-short" aria-hidden="true">
                                            {short}
                                        </bdi>
                                    }
                                        .into_any()
                                }
                                None => view! { <bdi class="tb-key-label">{it.label}</bdi> }.into_any(),
                            }}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="tb-reset"
                disabled=move || sel.get().is_empty()
                on:click=move |_| sel.set(Selection::default())
            >
                {t(lang, Msg::Reset)}
            </button>
        </div>
    }
}
