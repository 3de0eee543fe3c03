//! The whole chart: title, legend-filter, one block per group, the tooltip,
//! the data table, "get the data" and the source line.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::compare::mount_compare;
use super::dom::{
    append, effect, fill, find, find_all, listen, px, queued_effect, set_attr, set_text, soon, El,
};
use super::drill::{mount_drill, ViewState};
use super::errors::warning_list;
use super::group_bar::{group_el, groups_class, Lines};
use super::legend::legend_el;
use super::ranking::mount_ranking;
use tier_breakdown_core::drill::{
    all_units, folded_names, period_index, period_label, periods, scoped, unit_label,
};
use tier_breakdown_core::export::{csv, summary, table};
use tier_breakdown_core::fold::slug;
use tier_breakdown_core::i18n::{problem_line, t, Msg, UiLang};
use tier_breakdown_core::layout::{chart, selected_line, ChartView};
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::Checked;

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

/// A tooltip under `el`, kept inside the chart's box and off the pointer.
pub fn tip_for(fig: &web_sys::Element, el: &web_sys::Element, text: &str) -> Tip {
    let (r, f) = (
        el.get_bounding_client_rect(),
        fig.get_bounding_client_rect(),
    );
    let width = TIP_PX.min(f.width());
    let center = r.left() + r.width() / 2.0 - f.left();
    Tip {
        text: text.to_string(),
        left: (center - width / 2.0).clamp(0.0, (f.width() - width).max(0.0)),
        top: r.bottom() - f.top() + 6.0,
        width,
    }
}

/// Where a chart starts: the view a link or `data-*` options asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartView {
    /// Tier ids selected at first.
    pub tiers: Vec<String>,
    /// A unit id.
    pub unit: Option<String>,
    /// A period id.
    pub period: Option<String>,
    /// The id of the period to compare with.
    pub compare: Option<String>,
}

/// Everything [`build`] needs.
pub struct Setup {
    /// The validated file and its warnings.
    pub checked: Arc<Checked>,
    /// Interface language.
    pub lang: UiLang,
    /// The view to start with.
    pub start: StartView,
    /// Group ids to show (all when empty).
    pub groups: Vec<String>,
    /// Whether the dark theme is on.
    pub dark: Signal<bool>,
    /// Keep the view in the page's address (full page and iframe, never the script embed).
    pub url_state: bool,
}

/// Draws the chart into its `<figure>` and keeps each part up to date.
pub fn build(fig: &web_sys::Element, s: Setup) {
    let Setup {
        checked,
        lang,
        start,
        groups,
        dark,
        url_state,
    } = s;
    let width = RwSignal::new(640.0);
    observe_width(fig, width);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    set_attr(fig, "aria-labelledby", Some(&format!("tb{id}-title")));
    set_attr(fig, "aria-describedby", Some(&format!("tb{id}-summary")));
    let d0 = &checked.dataset;
    let units = all_units(d0);
    let state = ViewState {
        sel: RwSignal::new(Selection::from_ids(d0, &start.tiers)),
        period: RwSignal::new(period_index(d0, start.period.as_deref())),
        unit: RwSignal::new(start.unit.filter(|u| units.iter().any(|x| x.id == *u))),
        base: RwSignal::new(
            start
                .compare
                .and_then(|c| periods(d0).iter().position(|p| p.id == c)),
        ),
    };
    let sel = state.sel;
    let has_units = !units.is_empty();
    let drillable = has_units || !d0.periods.is_empty();
    let tip = RwSignal::new(None::<Tip>);
    let show_table = RwSignal::new(false);
    if url_state {
        keep_in_url(checked.clone(), state, drillable);
    }

    // The chart's head (title, legend, source) is the whole file's.
    let head = chart(d0, lang, width.get_untracked(), dark.get_untracked()).only_groups(&groups);
    // Group ids actually shown (all of them when the option names none).
    let shown: Arc<Vec<String>> = Arc::new(head.groups.iter().map(|g| g.id.clone()).collect());
    let data = checked.clone();
    let scope = Memo::new(move |_| {
        scoped(
            &data.dataset,
            state.period.get(),
            state.unit.get().as_deref(),
        )
        .map(Arc::new)
    });
    let ids = shown.clone();
    let view_model = Memo::new(move |_| {
        scope
            .get()
            .map(|d| chart(&d, lang, width.get(), dark.get()).only_groups(&ids))
    });

    // The static frame, in reading order.
    let mut frame = vec![
        El::with_class("header", "tb-header")
            .child(
                El::with_class("h2", "tb-title")
                    .attr("id", format!("tb{id}-title"))
                    .label(head.title.clone()),
            )
            .children(
                head.subtitle
                    .clone()
                    .map(|s| El::with_class("p", "tb-subtitle").text(s)),
            ),
        El::with_class("p", "tb-sr tb-summary").attr("id", format!("tb{id}-summary")),
    ];
    if drillable {
        frame.push(El::with_class("div", "tb-drill"));
        frame.push(El::with_class("p", "tb-scope").attr("aria-live", "polite"));
    }
    frame.push(legend_el(&head.legend, sel.get_untracked(), lang));
    frame.push(El::with_class("div", "tb-groups"));
    if !d0.periods.is_empty() {
        frame.push(El::with_class("section", "tb-compare").attr("hidden", ""));
    }
    if has_units {
        frame.push(
            El::with_class("section", "tb-ranking").attr("aria-label", t(lang, Msg::Ranking)),
        );
    }
    let table_id = format!("tb{id}-table");
    frame.extend([
        El::with_class("div", "tb-tip tb-hidden").attr("role", "tooltip"),
        El::with_class("p", "tb-sr tb-announce").attr("aria-live", "polite"),
        El::with_class("div", "tb-tools")
            .child(
                El::with_class("button", "tb-tool tb-table-toggle")
                    .attr("type", "button")
                    .attr("aria-controls", table_id.clone()),
            )
            .child(
                El::with_class("a", "tb-tool tb-csv")
                    .attr("href", "#")
                    .text(t(lang, Msg::GetData)),
            ),
        // Always in the page for screen readers; shown on demand.
        El::with_class("div", "tb-table-wrap tb-sr")
            .attr("id", table_id)
            .attr("role", "region")
            .attr("aria-labelledby", format!("tb{id}-caption"))
            .attr("tabindex", "-1")
            .child(El::with_class("table", "tb-table")),
        footer(&head, &checked, lang),
    ]);
    append(fig, &frame);
    let part = |sel: &str| find(fig, sel);
    // Folded unit names, for the search box and sorting by name.
    let names = Arc::new(folded_names(d0, lang));

    if let Some(el) = part(".tb-drill") {
        mount_drill(
            &el,
            checked.clone(),
            state,
            lang,
            names.clone(),
            format!("tb{id}"),
        );
    }
    if let Some(el) = part(".tb-scope") {
        let data = checked.clone();
        queued_effect(move || set_text(&el, &scope_text(&data.dataset, state, lang)));
    }
    if let Some(el) = part(".tb-compare") {
        mount_compare(&el, checked.clone(), state, lang, scope, shown.clone());
    }
    if let Some(el) = part(".tb-ranking") {
        let group_names: Vec<(String, String)> = head
            .groups
            .iter()
            .map(|g| (g.id.clone(), g.heading.clone()))
            .collect();
        mount_ranking(&el, checked.clone(), state, lang, names, group_names, dark);
    }

    // The legend is the filter; only its pressed states change.
    // Its buttons, found once: (button, its tier, or None for "show all").
    let legend = part(".tb-legend");
    let buttons: Vec<(web_sys::Element, Option<usize>)> = legend
        .iter()
        .flat_map(|el| find_all(el, "[data-key]"))
        .map(|b| {
            // `tier-N` (legend_el writes only those and `reset`).
            let key = b.get_attribute("data-key").unwrap_or_default();
            let tier = key.strip_prefix("tier-").and_then(|t| t.parse().ok());
            (b, tier)
        })
        .collect();
    // One listener per button: a click reads nothing back from the page.
    for (b, tier) in &buttons {
        let tier = *tier;
        listen(b, "click", move |_| match tier {
            Some(tier) => sel.update(|s| *s = s.toggled(tier)),
            None => sel.set(Selection::default()),
        });
    }
    // The combined shares, for screen readers (the bars show them): said
    // once the clicks pause, so a burst of clicks is not read out one by one.
    let announce = {
        let (el, data) = (part(".tb-announce"), checked.clone());
        soon(ANNOUNCE_DELAY_MS, move || {
            let (Some(el), Some(s)) = (&el, sel.try_get_untracked()) else {
                return;
            };
            let text = view_model
                .try_with_untracked(|v| {
                    v.as_ref().map(|v| {
                        v.groups
                            .iter()
                            .filter_map(|g| {
                                selected_line(&data.dataset, g, s, lang)
                                    .map(|l| format!("{}: {l}", g.heading))
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                })
                .flatten()
                .unwrap_or_default();
            set_text(el, &text);
        })
    };

    // The bars: redrawn for each view, width and theme.
    let bars = part(".tb-groups");
    let lines = Rc::new(RefCell::new(Lines::default()));
    if let Some(bars) = bars.clone() {
        let (data, found, announce) = (checked.clone(), lines.clone(), announce.clone());
        // A live region is read when it changes, not when it appears: the
        // first drawing (perhaps with a selection from the address) is not announced.
        let drawn = std::cell::Cell::new(false);
        queued_effect(move || {
            let s = sel.get_untracked();
            view_model.with(|v| {
                let els = match v {
                    Some(v) => v
                        .groups
                        .iter()
                        .map(|g| group_el(g, &data.dataset, s, lang))
                        .collect(),
                    None => {
                        vec![El::with_class("p", "tb-bar tb-nodata").text(t(lang, Msg::NoUnitData))]
                    }
                };
                fill(&bars, &els);
                *found.borrow_mut() = Lines::find(&bars);
                if drawn.replace(true) {
                    announce();
                }
            });
        });
    }
    // A filter click: one effect writes only what the selection changes
    // (pressed states, the groups' class, combined lines); the first run
    // writes the legend's states and the class.
    let (data, groups) = (checked.clone(), bars.clone());
    let last = std::cell::Cell::new(None::<Selection>);
    effect(move || {
        let s = sel.get();
        let prev = last.replace(Some(s));
        for (b, tier) in &buttons {
            match tier {
                Some(tier) => {
                    let on = |s: Selection| s.contains(*tier);
                    if prev.is_none_or(|p| on(p) != on(s)) {
                        set_attr(
                            b,
                            "aria-pressed",
                            Some(if on(s) { "true" } else { "false" }),
                        );
                    }
                }
                None if prev.is_none_or(|p| p.is_empty() != s.is_empty()) => {
                    set_attr(b, "disabled", s.is_empty().then_some(""));
                }
                None => {}
            }
        }
        if prev != Some(s) {
            if let Some(bars) = &groups {
                set_attr(bars, "class", Some(&groups_class(s)));
            }
        }
        if prev.is_some_and(|p| p != s) {
            view_model.with_untracked(|v| {
                if let Some(v) = v {
                    lines.borrow_mut().apply(v, &data.dataset, s, lang);
                }
                announce();
            });
        }
    });
    if let Some(el) = bars {
        let fig2 = fig.clone();
        let show = move |ev: web_sys::Event| {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-tip]").ok().flatten());
            if let Some(seg) = target {
                let text = seg.get_attribute("data-tip").unwrap_or_default();
                tip.set(Some(tip_for(&fig2, &seg, &text)));
            }
        };
        listen(&el, "mouseover", show.clone());
        listen(&el, "focusin", show);
        listen(&el, "mouseleave", move |_| tip.set(None));
        listen(&el, "focusout", move |_| tip.set(None));
    }
    listen(fig, "keydown", move |ev| {
        if ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape")
        {
            tip.set(None);
        }
    });
    if let Some(el) = part(".tb-tip") {
        queued_effect(move || {
            let t = tip.get();
            set_attr(
                &el,
                "class",
                Some(if t.is_some() {
                    "tb-tip"
                } else {
                    "tb-tip tb-hidden"
                }),
            );
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let style = h.style();
                let (left, top, w) = t
                    .as_ref()
                    .map(|t| (px(t.left), px(t.top), px(t.width)))
                    .unwrap_or_default();
                let _ = style.set_property("left", &left);
                let _ = style.set_property("top", &top);
                let _ = style.set_property("max-width", &w);
            }
            el.set_text_content(t.map(|t| t.text).as_deref());
        });
    }
    if let Some(el) = part(".tb-summary") {
        let ids = shown.clone();
        queued_effect(move || {
            let text = scope
                .get()
                .map(|d| summary(&d, lang, &ids))
                .unwrap_or_default();
            set_text(&el, &text);
        });
    }

    // The data table, its toggle and "get the data".
    if let (Some(button), Some(wrap)) = (part(".tb-table-toggle"), part(".tb-table-wrap")) {
        queued_effect(move || {
            let on = show_table.get();
            set_attr(
                &button,
                "aria-expanded",
                Some(if on { "true" } else { "false" }),
            );
            button.set_text_content(Some(t(
                lang,
                if on { Msg::HideTable } else { Msg::ShowTable },
            )));
            set_attr(
                &wrap,
                "class",
                Some(if on {
                    "tb-table-wrap"
                } else {
                    "tb-table-wrap tb-sr"
                }),
            );
            set_attr(&wrap, "tabindex", Some(if on { "0" } else { "-1" }));
        });
    }
    if let Some(el) = part(".tb-table-toggle") {
        listen(&el, "click", move |_| show_table.update(|s| *s = !*s));
    }
    if let Some(el) = part(".tb-table-wrap .tb-table") {
        let ids = shown.clone();
        let (caption_id, title) = (format!("tb{id}-caption"), head.title.clone());
        queued_effect(move || {
            let mut els = vec![El::new("caption")
                .attr("id", caption_id.clone())
                .text(title.clone())];
            if let Some(d) = scope.get() {
                let (head, rows) = table(&d, lang, &ids);
                els.push(El::new("thead").child(El::new("tr").children(
                    head.into_iter().enumerate().map(|(i, h)| {
                        if i == 0 {
                            El::new("td")
                        } else {
                            El::new("th").attr("scope", "col").text(h)
                        }
                    }),
                )));
                els.push(El::new("tbody").children(rows.into_iter().map(|row| {
                    let mut cells = row.into_iter();
                    let name = cells.next().unwrap_or_default();
                    El::new("tr")
                        .child(El::new("th").attr("scope", "row").text(name))
                        .children(cells.map(|c| El::new("td").text(c)))
                })));
            }
            fill(&el, &els);
        });
    }
    if let Some(el) = part(".tb-csv") {
        let title_slug = slug(&head.title);
        let link = el.clone();
        queued_effect(move || {
            let name = match state.unit.get() {
                Some(u) => format!("{title_slug}-{u}.csv"),
                None => format!("{title_slug}.csv"),
            };
            set_attr(&link, "download", Some(&name));
        });
        let ids = shown.clone();
        listen(&el, "click", move |ev| match scope.get_untracked() {
            Some(d) => point_at_csv(&ev, &csv(&d, lang, &ids)),
            // No figures for this view: nothing to download.
            None => ev.prevent_default(),
        });
    }
}

/// Source, notes and warnings under the chart.
fn footer(head: &ChartView, checked: &Checked, lang: UiLang) -> El {
    let mut f = El::with_class("figcaption", "tb-footer");
    if let Some((name, url, date)) = &head.source {
        let link = match url {
            Some(href) => El::new("a")
                .attr("href", href.clone())
                .attr("rel", "noopener noreferrer")
                .attr("target", "_blank")
                .text(name.clone()),
            None => El::new("span").text(name.clone()),
        };
        let mut p = El::with_class("p", "tb-source").child(link);
        if let Some(d) = date {
            p = p.text(format!(", {} {d}", t(lang, Msg::Published)));
        }
        f = f.child(p);
    }
    if !head.notes.is_empty() {
        f = f.child(
            El::with_class("ul", "tb-notes")
                .attr("aria-label", t(lang, Msg::Notes))
                .children(head.notes.iter().map(|n| El::new("li").text(n.clone()))),
        );
    }
    if !checked.warnings.is_empty() {
        let lines: Vec<String> = checked
            .warnings
            .iter()
            .map(|w| problem_line(lang, w))
            .collect();
        f = f.child(warning_list(lang, &lines));
    }
    f
}

/// "Thành phố Việt Trì · Năm 2021": what the chart shows now.
fn scope_text(d: &Dataset, state: ViewState, lang: UiLang) -> String {
    let code = lang.code();
    let unit = state.unit.get();
    let place = unit
        .as_deref()
        .and_then(|u| unit_label(d, u, lang))
        .or_else(|| d.region.as_ref().map(|r| r.get(code).to_string()))
        .unwrap_or_else(|| t(lang, Msg::WholeArea).to_string());
    let ps = periods(d);
    match ps.get(state.period.get()) {
        Some(p) if ps.len() > 1 || p.label.is_some() => {
            format!("{place} · {}", period_label(p, lang))
        }
        _ => place,
    }
}

/// Mirrors the view into the address (`?unit=…&tiers=…&period=…&compare=…`),
/// keeping the page's other parameters; `replaceState`, so Back still leaves.
fn keep_in_url(checked: Arc<Checked>, state: ViewState, drillable: bool) {
    let write = soon(URL_DELAY_MS, move || {
        let d = &checked.dataset;
        let (Some(sel), Some(unit), Some(period), Some(base)) = (
            state.sel.try_get_untracked(),
            state.unit.try_get_untracked(),
            state.period.try_get_untracked(),
            state.base.try_get_untracked(),
        ) else {
            return; // the chart is gone
        };
        if !drillable {
            replace_params(&[("tiers", sel.ids(d))]);
            return;
        }
        let ps = periods(d);
        let id_of = |i: Option<usize>| i.and_then(|i| ps.get(i)).map(|p| p.id.to_string());
        replace_params(&[
            ("unit", unit.unwrap_or_default()),
            ("tiers", sel.ids(d)),
            (
                "period",
                id_of(Some(period).filter(|&p| p > 0)).unwrap_or_default(),
            ),
            (
                "compare",
                id_of(base.filter(|&b| b != period)).unwrap_or_default(),
            ),
        ]);
    });
    // Synchronous: it only notes that a write is due, and a queued effect
    // would cost a filter click a trip through the task queue.
    effect(move || {
        state.sel.track();
        state.unit.track();
        state.period.track();
        state.base.track();
        write();
    });
}

/// How long the address waits for the view to settle before it is
/// rewritten: `history.replaceState` costs ~3 ms at 4× CPU (it was the
/// largest part of a filter click), and Chromium throttles bursts of it.
const URL_DELAY_MS: i32 = 250;
/// How long the live region waits for the clicks to pause.
const ANNOUNCE_DELAY_MS: i32 = 150;

/// Rewrites the address now, keeping its other parameters and its hash.
fn replace_params(pairs: &[(&str, String)]) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&loc.search().unwrap_or_default())
    else {
        return;
    };
    for (k, v) in pairs {
        if v.is_empty() {
            params.delete(k);
        } else {
            params.set(k, v);
        }
    }
    let q = String::from(params.to_string());
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        if q.is_empty() { "" } else { "?" },
        q
    ) + &loc.hash().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Points the clicked link at a fresh `blob:` URL holding the CSV, just
/// before the browser follows it: nothing leaves the page.
fn point_at_csv(ev: &web_sys::Event, text: &str) {
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
fn observe_width(el: &web_sys::Element, width: RwSignal<f64>) {
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
        ro.observe(el);
        on_cleanup(move || ro.disconnect());
    }
    // The observer holds the callback for the widget's lifetime.
    cb.forget();
}
