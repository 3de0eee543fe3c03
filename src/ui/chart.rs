//! The whole chart: title, legend-filter, one block per group, the tooltip,
//! the data table, "get the data" and the source line.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::html::Figure;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{GroupBar, TierLegend, WarningList};
use crate::export::{csv, summary, table};
use crate::fold::slug;
use crate::i18n::{problem_line, t, Msg, UiLang};
use crate::layout::{chart, selected_line};
use crate::stack::Selection;
use crate::validate::Checked;

/// Bar widths are rounded to this many pixels before laying out again.
const WIDTH_STEP: f64 = 8.0;
/// The tooltip's widest size.
const TIP_PX: f64 = 260.0;

/// Ids unique on the page, for `aria-labelledby` and friends.
static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

/// A visible tooltip: its text and place inside the chart (pixels).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub left: f64,
    pub top: f64,
    pub width: f64,
}

/// A tooltip under the event's element, kept inside the chart's box and off the pointer.
pub fn tip_for(root: NodeRef<Figure>, ev: &web_sys::Event, text: &str) -> Option<Tip> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let fig = root.get_untracked()?;
    let (r, f) = (
        el.get_bounding_client_rect(),
        fig.get_bounding_client_rect(),
    );
    let width = TIP_PX.min(f.width());
    let center = r.left() + r.width() / 2.0 - f.left();
    Some(Tip {
        text: text.to_string(),
        left: (center - width / 2.0).clamp(0.0, (f.width() - width).max(0.0)),
        top: r.bottom() - f.top() + 6.0,
        width,
    })
}

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
    /// Whether the dark theme is on.
    dark: Signal<bool>,
) -> impl IntoView {
    let sel = RwSignal::new(Selection::from_ids(&checked.dataset, &tiers));
    let width = RwSignal::new(640.0);
    let tip = RwSignal::new(None::<Tip>);
    let show_table = RwSignal::new(false);
    let root = NodeRef::<Figure>::new();
    observe_width(root, width);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let (title_id, summary_id, table_id) = (
        format!("tb{id}-title"),
        format!("tb{id}-summary"),
        format!("tb{id}-table"),
    );

    let data = checked.clone();
    let shown = groups.clone();
    let view_model =
        Memo::new(move |_| chart(&data.dataset, lang, width.get(), dark.get()).only_groups(&shown));
    let head = view_model.get_untracked();
    // Group ids actually shown (all of them when the option names none).
    let shown: Vec<String> = head.groups.iter().map(|g| g.id.clone()).collect();
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
    let legend = head.legend.clone();
    let source = head.source.clone();
    let notes = head.notes.clone();
    let summary_text = summary(&checked.dataset, lang, &shown);
    let (table_head, table_rows) = table(&checked.dataset, lang, &shown);
    let csv_text = csv(&checked.dataset, lang, &shown);
    let csv_name = format!("{}.csv", slug(&head.title));
    let title = head.title.clone();

    let (labelledby, describedby, controls) =
        (title_id.clone(), summary_id.clone(), table_id.clone());
    let caption_id = format!("tb{id}-caption");
    let caption_ref = caption_id.clone();
    view! {
        <figure
            class="tb-chart"
            node_ref=root
            aria-labelledby=labelledby
            aria-describedby=describedby
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    tip.set(None);
                }
            }
        >
            <header class="tb-header">
                <h2 class="tb-title" id=title_id>
                    <bdi>{head.title.clone()}</bdi>
                </h2>
                {head.subtitle.clone().map(|s| view! { <p class="tb-subtitle">{s}</p> })}
            </header>
            <p class="tb-sr" id=summary_id>
                {summary_text}
            </p>
            <TierLegend items=legend sel=sel lang=lang />
            <div class="tb-groups">
                {move || {
                    let v = view_model.get();
                    v.groups
                        .into_iter()
                        .map(|g| view! { <GroupBar group=g sel=sel checked=checked.clone() lang=lang tip=tip root=root /> })
                        .collect_view()
                }}
            </div>
            <div
                class="tb-tip"
                role="tooltip"
                class:tb-hidden=move || tip.get().is_none()
                style:left=move || tip.get().map(|t| format!("{:.0}px", t.left)).unwrap_or_default()
                style:top=move || tip.get().map(|t| format!("{:.0}px", t.top)).unwrap_or_default()
                style:max-width=move || tip.get().map(|t| format!("{:.0}px", t.width)).unwrap_or_default()
            >
                {move || tip.get().map(|t| t.text).unwrap_or_default()}
            </div>
            <p class="tb-sr" aria-live="polite">
                {announce}
            </p>
            <div class="tb-tools">
                <button
                    type="button"
                    class="tb-tool tb-table-toggle"
                    aria-expanded=move || if show_table.get() { "true" } else { "false" }
                    aria-controls=controls
                    on:click=move |_| show_table.update(|s| *s = !*s)
                >
                    {move || t(lang, if show_table.get() { Msg::HideTable } else { Msg::ShowTable })}
                </button>
                <a
                    class="tb-tool tb-csv"
                    href="#"
                    download=csv_name
                    on:click=move |ev: web_sys::MouseEvent| point_at_csv(&ev, &csv_text)
                >
                    {t(lang, Msg::GetData)}
                </a>
            </div>
            // Always in the page for screen readers; shown on demand.
            <div
                class="tb-table-wrap"
                class:tb-sr=move || !show_table.get()
                id=table_id
                role="region"
                aria-labelledby=caption_ref
                tabindex=move || if show_table.get() { "0" } else { "-1" }
            >
                <table class="tb-table">
                    <caption id=caption_id>{title}</caption>
                    <thead>
                        <tr>
                            {table_head
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    if i == 0 {
                                        view! { <td></td> }.into_any()
                                    } else {
                                        view! { <th scope="col">{h}</th> }.into_any()
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table_rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let name = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
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

/// Points the clicked link at a fresh `blob:` URL holding the CSV, just
/// before the browser follows it: nothing leaves the page.
fn point_at_csv(ev: &web_sys::MouseEvent, text: &str) {
    let Some(link) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    link.set_href(&url);
    // Free it once the download has started.
    let revoke = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.as_ref().unchecked_ref(),
            30_000,
        );
    }
    revoke.forget();
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
