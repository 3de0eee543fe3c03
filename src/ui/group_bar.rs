//! One group's block: heading and headline number, the 100% bar, the labels
//! that did not fit, the coverage line and the selected tiers' share.

use std::sync::Arc;

use leptos::html::Figure;
use leptos::prelude::*;

use super::chart::{tip_for, Tip};
use crate::i18n::{t, Msg, UiLang};
use crate::layout::{selected_line, GroupView};
use crate::stack::Selection;
use crate::validate::Checked;

/// A group's block.
#[component]
pub fn GroupBar(
    /// The laid-out group.
    group: GroupView,
    /// Selected tiers, shared by the whole chart.
    sel: RwSignal<Selection>,
    /// The file, for tier names in the combined-share line.
    checked: Arc<Checked>,
    /// Interface language.
    lang: UiLang,
    /// The chart's tooltip.
    tip: RwSignal<Option<Tip>>,
    /// The chart's root, for placing the tooltip.
    root: NodeRef<Figure>,
) -> impl IntoView {
    let g = Arc::new(group);
    let dimmed = move |tier: usize| {
        let s = sel.get();
        !s.is_empty() && !s.contains(tier)
    };
    let g_line = g.clone();
    let selected = move || selected_line(&checked.dataset, &g_line, sel.get(), lang);
    let rects = g.rects.clone();
    let outside: Vec<_> = g
        .outside
        .iter()
        .filter_map(|&i| g.rects.get(i).cloned())
        .collect();
    let heading = g.heading.clone();
    view! {
        <section class="tb-group" data-group=g.id.clone()>
            <div class="tb-group-head">
                <h3 class="tb-group-title">
                    <bdi>{g.heading.clone()}</bdi>
                </h3>
                <span class="tb-headline">{g.headline.clone()}</span>
            </div>
            {if g.no_data {
                view! { <div class="tb-bar tb-nodata">{t(lang, Msg::NoData)}</div> }.into_any()
            } else {
                view! {
                    <div class="tb-bar" role="group" aria-label=g.heading.clone()>
                        {rects
                            .into_iter()
                            .map(|r| {
                                let tier = r.tier;
                                let text = format!("{heading}: {}", r.full);
                                let (t1, t2) = (text.clone(), text);
                                let (fill, dim_fill) = (r.fill.clone(), r.dim_fill.clone());
                                view! {
                                    <div
                                        class="tb-seg"
                                        class:tb-dim=move || dimmed(tier)
                                        class:tb-on=move || sel.get().contains(tier)
                                        data-tier=r.tier_id
                                        role="img"
                                        tabindex="0"
                                        aria-label=r.full
                                        style:left=format!("{:.4}%", r.x)
                                        style:width=format!("{:.4}%", r.w)
                                        style:background=move || {
                                            if dimmed(tier) { dim_fill.clone() } else { fill.clone() }
                                        }
                                        style:color=r.ink
                                        on:mouseenter=move |ev| tip.set(tip_for(root, &ev, &t1))
                                        on:focus=move |ev| tip.set(tip_for(root, &ev, &t2))
                                        on:mouseleave=move |_| tip.set(None)
                                        on:blur=move |_| tip.set(None)
                                    >
                                        {r.inside.map(|l| view! { <span class="tb-seg-label">{l}</span> })}
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                }
                    .into_any()
            }}
            {(!outside.is_empty())
                .then(|| {
                    view! {
                        <ul class="tb-under">
                            {outside
                                .into_iter()
                                .map(|r| {
                                    let tier = r.tier;
                                    let (fill, dim_fill) = (r.fill.clone(), r.dim_fill.clone());
                                    view! {
                                        <li
                                            class="tb-under-item"
                                            class:tb-dim=move || dimmed(tier)
                                            data-tier=r.tier_id
                                        >
                                            <span
                                                class="tb-swatch"
                                                style:background=move || {
                                                    if dimmed(tier) { dim_fill.clone() } else { fill.clone() }
                                                }
                                            ></span>
                                            // <bdi>: a right-to-left label keeps the numbers after it.
                                            <span>
                                                <bdi>{r.label}</bdi>
                                                {format!(": {} ({})", r.count_text, r.share_text)}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <p class="tb-coverage">{g.coverage.clone()}</p>
            <p class="tb-selected" class:tb-empty=move || sel.get().is_empty()>
                {selected}
            </p>
        </section>
    }
}
