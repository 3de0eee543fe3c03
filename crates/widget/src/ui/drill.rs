//! The view controls of a file with periods or sub-units: the period
//! switch, the comparison base, and the unit search box (a combobox).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{
    append, fill, find, key_of, listen, on_key_of, queued_effect, set_attr, set_text, El,
};
use tier_breakdown_core::drill::{all_units, period_label, periods, search, unit_label};
use tier_breakdown_core::format::int;
use tier_breakdown_core::i18n::{matches, t, Msg, UiLang};
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::Checked;

/// Options shown in the search list at once.
const SHOWN_MATCHES: usize = 50;

/// What the reader is looking at; shared by every part of the chart.
#[derive(Clone, Copy)]
pub struct ViewState {
    pub sel: RwSignal<Selection>,
    /// Index into [`tier_breakdown_core::drill::periods`].
    pub period: RwSignal<usize>,
    /// A unit id, or the whole area.
    pub unit: RwSignal<Option<String>>,
    /// The period compared with, if any.
    pub base: RwSignal<Option<usize>>,
}

/// Draws the period switch, comparison base and unit search into `parent`.
pub fn mount_drill(
    parent: &web_sys::Element,
    checked: Arc<Checked>,
    state: ViewState,
    lang: UiLang,
    names: Arc<Vec<String>>,
    id: String,
) {
    let d = &checked.dataset;
    let labels: Vec<String> = periods(d).iter().map(|p| period_label(p, lang)).collect();
    let ViewState { period, base, .. } = state;
    if labels.len() > 1 {
        let chosen = base.get_untracked();
        let option = |value: String, text: String, on: bool| {
            El::new("option")
                .attr("value", value)
                .attr_if("selected", on.then_some(""))
                .text(text)
        };
        append(
            parent,
            &[El::with_class("div", "tb-row")
                .child(
                    El::with_class("div", "tb-periods")
                        .attr("role", "group")
                        .attr("aria-label", t(lang, Msg::Period)),
                )
                .child(
                    El::with_class("label", "tb-field")
                        .child(El::new("span").text(t(lang, Msg::CompareWith)))
                        .child(
                            El::with_class("select", "tb-select tb-base")
                                .child(option(
                                    String::new(),
                                    t(lang, Msg::NoCompare).into(),
                                    chosen.is_none(),
                                ))
                                .children(labels.iter().enumerate().map(|(i, l)| {
                                    option(i.to_string(), l.clone(), chosen == Some(i))
                                })),
                        ),
                )],
        );
        if let Some(el) = find(parent, ".tb-periods") {
            let buttons = el.clone();
            queued_effect(move || {
                let now = period.get();
                let els: Vec<El> = labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        El::with_class("button", "tb-key tb-period")
                            .attr("type", "button")
                            .attr("data-key", i.to_string())
                            .attr("aria-pressed", if now == i { "true" } else { "false" })
                            .text(l.clone())
                    })
                    .collect();
                fill(&buttons, &els);
            });
            on_key_of(&el, "click", move |key, _| {
                if let Ok(i) = key.parse() {
                    period.set(i);
                }
            });
        }
        if let Some(el) = find(parent, ".tb-base") {
            listen(&el, "change", move |ev| {
                let value = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|s| s.value())
                    .unwrap_or_default();
                base.set(value.parse().ok());
            });
        }
    }
    if !names.is_empty() {
        mount_unit_picker(parent, checked.clone(), state, lang, names, id);
    }
}

/// A search box over the units: type to filter (accents optional), arrow
/// keys and Enter to choose, Escape to close. The list shows the best
/// matches only, so it stays light with 10,000 units.
fn mount_unit_picker(
    parent: &web_sys::Element,
    checked: Arc<Checked>,
    state: ViewState,
    lang: UiLang,
    names: Arc<Vec<String>>,
    id: String,
) {
    let code = lang.code();
    let units = all_units(&checked.dataset);
    let labels: Arc<Vec<String>> = Arc::new(
        units
            .iter()
            .map(|u| u.label.get(code).to_string())
            .collect(),
    );
    let ids: Arc<Vec<String>> = Arc::new(units.iter().map(|u| u.id.clone()).collect());
    let (input_id, list_id) = (format!("{id}-unit"), format!("{id}-units"));
    append(
        parent,
        &[El::with_class("div", "tb-unit")
            .child(
                El::with_class("label", "tb-field")
                    .attr("for", input_id.clone())
                    .text(t(lang, Msg::Unit)),
            )
            .child(
                El::with_class("div", "tb-combo")
                    .child(
                        El::with_class("input", "tb-input")
                            .attr("id", input_id)
                            .attr("type", "text")
                            .attr("role", "combobox")
                            .attr("autocomplete", "off")
                            .attr("spellcheck", "false")
                            .attr("aria-autocomplete", "list")
                            .attr("aria-controls", list_id.clone())
                            .attr("aria-expanded", "false")
                            .attr("placeholder", t(lang, Msg::UnitSearch)),
                    )
                    .child(
                        El::with_class("ul", "tb-options tb-hidden")
                            .attr("id", list_id)
                            .attr("role", "listbox")
                            .attr("aria-label", t(lang, Msg::Unit)),
                    ),
            )
            .child(El::with_class("p", "tb-sr").attr("aria-live", "polite"))
            .child(El::with_class("p", "tb-current"))],
    );
    let (Some(input), Some(list), Some(live), Some(current)) = (
        find(parent, ".tb-input").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()),
        find(parent, ".tb-options"),
        find(parent, ".tb-unit .tb-sr"),
        find(parent, ".tb-current"),
    ) else {
        return;
    };
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let found = Memo::new(move |_| search(&names, &query.get(), SHOWN_MATCHES));
    let unit = state.unit;
    let option_id = move |k: usize| format!("{id}-u{k}");

    // The list, its open state and the active option.
    let (box_el, list_el) = (input.clone(), list.clone());
    let draw_labels = labels.clone();
    queued_effect(move || {
        let (hits, total) = found.get();
        let (now, is_open) = (active.get(), open.get());
        let els: Vec<El> = if total == 0 {
            vec![El::with_class("li", "tb-option tb-none")
                .attr("role", "option")
                .attr("aria-disabled", "true")
                .text(t(lang, Msg::NoMatch))]
        } else {
            hits.iter()
                .enumerate()
                .map(|(k, &i)| {
                    El::with_class("li", "tb-option")
                        .attr("id", option_id(k))
                        .attr("role", "option")
                        .attr("data-key", i.to_string())
                        .attr("aria-selected", if k == now { "true" } else { "false" })
                        .label(draw_labels.get(i).cloned().unwrap_or_default())
                })
                .collect()
        };
        fill(&list_el, &els);
        set_attr(
            &list_el,
            "class",
            Some(if is_open {
                "tb-options"
            } else {
                "tb-options tb-hidden"
            }),
        );
        set_attr(
            &box_el,
            "aria-expanded",
            Some(if is_open { "true" } else { "false" }),
        );
        let active_id = (is_open && total > 0).then(|| option_id(now));
        set_attr(&box_el, "aria-activedescendant", active_id.as_deref());
        let q = query.get();
        let said = if is_open && !q.is_empty() {
            matches(total, &int(total as u64, lang), lang)
        } else {
            String::new()
        };
        set_text(&live, &said);
    });
    let pick = {
        let input = input.clone();
        move |i: Option<usize>| {
            unit.set(i.and_then(|i| ids.get(i).cloned()));
            query.set(String::new());
            input.set_value("");
            open.set(false);
        }
    };
    // mousedown anywhere in the list (an option, its scrollbar) keeps the
    // focus in the box; on an option it chooses, before a blur could close the list.
    let pick_mouse = pick.clone();
    listen(&list, "mousedown", move |ev| {
        ev.prevent_default();
        if let Some((key, _)) = key_of(&ev) {
            pick_mouse(key.parse().ok());
        }
    });
    let typed = input.clone();
    listen(&input, "input", move |_| {
        query.set(typed.value());
        active.set(0);
        open.set(true);
    });
    listen(&input, "focus", move |_| open.set(true));
    listen(&input, "blur", move |_| open.set(false));
    listen(&input, "keydown", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let n = found.with_untracked(|f| f.0.len());
        match ev.key().as_str() {
            key @ ("ArrowDown" | "ArrowUp") => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    let down = key == "ArrowDown";
                    active.update(|a| *a = if down { (*a + 1) % n } else { (*a + n - 1) % n });
                }
            }
            "Enter" if open.get_untracked() && n > 0 => {
                ev.prevent_default();
                pick(found.with_untracked(|f| f.0.get(active.get_untracked()).copied()));
            }
            "Escape" => open.set(false),
            _ => {}
        }
    });

    // The unit shown, with a way back to the whole area.
    let back = t(lang, Msg::BackToWhole);
    let (data, shown) = (checked.clone(), current.clone());
    queued_effect(move || {
        let name = unit.get().and_then(|u| unit_label(&data.dataset, &u, lang));
        let els: Vec<El> = name
            .map(|name| {
                vec![
                    El::with_class("bdi", "tb-current-name").text(name),
                    El::with_class("button", "tb-tool tb-whole")
                        .attr("type", "button")
                        .attr("data-key", "whole")
                        .text(back),
                ]
            })
            .unwrap_or_default();
        fill(&shown, &els);
    });
    // The button goes away with the unit: the focus moves to the search box.
    let search_box = input.clone();
    on_key_of(&current, "click", move |_, _| {
        unit.set(None);
        let _ = search_box.focus();
    });
}
