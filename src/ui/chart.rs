//! The whole chart: title, legend-filter, one block per group, source line.

use std::sync::Arc;

use leptos::html::Figure;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{GroupBar, TierLegend, WarningList};
use crate::i18n::{problem_line, t, Msg, UiLang};
use crate::layout::{chart, selected_line};
use crate::stack::Selection;
use crate::validate::Checked;

/// Bar widths are rounded to this many pixels before laying out again.
const WIDTH_STEP: f64 = 8.0;

/// The chart for a valid file.
#[component]
pub fn Chart(
    /// The validated file and its warnings.
    checked: Arc<Checked>,
    /// Interface language.
    lang: UiLang,
    /// Tier ids selected at first.
    tiers: Vec<String>,
    /// Group ids to show (all when empty).
    groups: Vec<String>,
) -> impl IntoView {
    let sel = RwSignal::new(Selection::from_ids(&checked.dataset, &tiers));
    let width = RwSignal::new(640.0);
    let root = NodeRef::<Figure>::new();
    observe_width(root, width);

    let data = checked.clone();
    let view_model =
        Memo::new(move |_| chart(&data.dataset, lang, width.get()).only_groups(&groups));
    let dataset = checked.clone();
    let announce = move || {
        let v = view_model.get();
        let s = sel.get();
        v.groups
            .iter()
            .filter_map(|g| {
                selected_line(&dataset.dataset, g, s, lang).map(|l| format!("{}: {l}", g.heading))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let warnings: Vec<String> = checked
        .warnings
        .iter()
        .map(|w| problem_line(lang, w))
        .collect();
    let head = view_model.get_untracked();
    let legend = head.legend.clone();
    let source = head.source.clone();
    let notes = head.notes.clone();

    view! {
        <figure class="tb-chart" node_ref=root>
            <header class="tb-header">
                <h2 class="tb-title">
                    <bdi>{head.title.clone()}</bdi>
                </h2>
                {head.subtitle.clone().map(|s| view! { <p class="tb-subtitle">{s}</p> })}
            </header>
            <TierLegend items=legend sel=sel lang=lang />
            <div class="tb-groups">
                {move || {
                    let v = view_model.get();
                    v.groups
                        .into_iter()
                        .map(|g| view! { <GroupBar group=g sel=sel checked=checked.clone() lang=lang /> })
                        .collect_view()
                }}
            </div>
            <p class="tb-sr" aria-live="polite">
                {announce}
            </p>
            <figcaption class="tb-footer">
                {source
                    .map(|(name, url, date)| {
                        view! {
                            <p class="tb-source">
                                {match url {
                                    Some(href) => {
                                        view! {
                                            <a href=href rel="noopener noreferrer" target="_blank">
                                                {name}
                                            </a>
                                        }
                                            .into_any()
                                    }
                                    None => view! { <span>{name}</span> }.into_any(),
                                }}
                                {date.map(|d| format!(", {} {d}", t(lang, Msg::Published)))}
                            </p>
                        }
                    })}
                {(!notes.is_empty())
                    .then(|| {
                        view! {
                            <ul class="tb-notes" aria-label=t(lang, Msg::Notes)>
                                {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                {(!warnings.is_empty()).then(|| view! { <WarningList lang=lang lines=warnings /> })}
            </figcaption>
        </figure>
    }
}

/// Keeps `width` at the element's content width (rounded to [`WIDTH_STEP`]).
fn observe_width(root: NodeRef<Figure>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        let Some(el) = root.get() else {
            return;
        };
        let set = move |w: f64| {
            let w = (w / WIDTH_STEP).round() * WIDTH_STEP;
            if w > 0.0 && width.get_untracked() != w {
                width.set(w);
            }
        };
        set(f64::from(el.client_width()));
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                set(entry.content_rect().width());
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
            on_cleanup(move || ro.disconnect());
        }
        // The observer holds the callback for the widget's lifetime.
        cb.forget();
    });
}
