//! The unit search box (the ARIA 1.2 combobox pattern): type to filter
//! (accents optional), arrow keys and Enter to choose, Escape to close. The
//! list shows the best matches only, so it stays light with 10,000 units.
//! Under it, the unit shown and a way back to the whole area.

use std::sync::Arc;

use crate::rx::*;
use wasm_bindgen::JsCast;

use tier_breakdown_core::drill::{all_units, search, unit_label};
use tier_breakdown_core::format::int;
use tier_breakdown_core::i18n::{matches, t, Msg, UiLang};

use super::action::Action;
use super::dom::{
    action_of, append, fill, listen, on_action, pressed, queued_effect, set_attr, set_text, El,
    ElExt, Handle,
};
use super::view::Chart;

/// Options shown in the search list at once.
const SHOWN_MATCHES: usize = 50;

/// The combobox's own state, and what it needs to draw its list.
#[derive(Clone)]
struct Picker {
    query: RwSignal<String>,
    open: RwSignal<bool>,
    /// The active option's position in the list.
    active: RwSignal<usize>,
    /// The matches (unit indices, best first) and how many matched in all.
    found: Memo<(Vec<usize>, usize)>,
    labels: Arc<Vec<String>>,
    lang: UiLang,
    /// Prefix of the option ids.
    id: String,
}

/// Appends the search box to `parent` (the drill controls) and wires it.
pub fn mount(parent: &web_sys::Element, c: &Chart) {
    let (lang, id) = (c.lang, c.id.clone());
    let (input, list, live, current) = (Handle::new(), Handle::new(), Handle::new(), Handle::new());
    append(
        parent,
        &[markup(lang, &id, [&input, &list, &live, &current])],
    );
    let (Some(input), Some(list), Some(live), Some(current)) = (
        input
            .get()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()),
        list.get(),
        live.get(),
        current.get(),
    ) else {
        return;
    };
    let code = lang.code();
    let units = all_units(c.data());
    let labels = Arc::new(
        units
            .iter()
            .map(|u| u.label.get(code).to_string())
            .collect(),
    );
    let ids: Arc<Vec<String>> = Arc::new(units.iter().map(|u| u.id.clone()).collect());
    let (query, names) = (RwSignal::new(String::new()), c.names.clone());
    let p = Picker {
        query,
        open: RwSignal::new(false),
        active: RwSignal::new(0),
        found: Memo::new(move |_| search(&names, &query.get(), SHOWN_MATCHES)),
        labels,
        lang,
        id,
    };
    draw_list(&p, &input, list.clone(), live);
    let unit = c.state.unit;
    let pick = {
        let (input, p) = (input.clone(), p.clone());
        move |i: Option<usize>| {
            unit.set(i.and_then(|i| ids.get(i).cloned()));
            p.query.set(String::new());
            input.set_value("");
            p.open.set(false);
        }
    };
    // mousedown anywhere in the list (an option, its scrollbar) keeps the
    // focus in the box; on an option it chooses, before a blur could close the list.
    let pick_mouse = pick.clone();
    listen(&list, "mousedown", move |ev| {
        ev.prevent_default();
        if let Some(Action::Pick(i)) = action_of(&ev) {
            pick_mouse(Some(i));
        }
    });
    typing(&p, &input, pick);
    shown_unit(c, &current, &input);
}

/// The search box's elements; `h` receives the input, the list, the live
/// region and the line of the unit shown.
fn markup(lang: UiLang, id: &str, h: [&Handle; 4]) -> El {
    let (input_id, list_id) = (format!("{id}-unit"), format!("{id}-units"));
    El::with_class("div", "tb-unit")
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
                        .attr("placeholder", t(lang, Msg::UnitSearch))
                        .bind(h[0]),
                )
                .child(
                    El::with_class("ul", "tb-options tb-hidden")
                        .attr("id", list_id)
                        .attr("role", "listbox")
                        .attr("aria-label", t(lang, Msg::Unit))
                        .bind(h[1]),
                ),
        )
        .child(
            El::with_class("p", "tb-sr")
                .attr("aria-live", "polite")
                .bind(h[2]),
        )
        .child(El::with_class("p", "tb-current").bind(h[3]))
}

/// The list, its open state, the active option and the live count.
fn draw_list(
    p: &Picker,
    input: &web_sys::HtmlInputElement,
    list: web_sys::Element,
    live: web_sys::Element,
) {
    let (p, input) = (p.clone(), input.clone());
    queued_effect(move || {
        let (hits, total) = p.found.get();
        let (now, is_open, lang) = (p.active.get(), p.open.get(), p.lang);
        let option_id = |k: usize| format!("{}-u{k}", p.id);
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
                        .action(Action::Pick(i))
                        .attr("aria-selected", pressed(k == now))
                        .label(p.labels.get(i).cloned().unwrap_or_default())
                })
                .collect()
        };
        fill(&list, &els);
        let class = if is_open {
            "tb-options"
        } else {
            "tb-options tb-hidden"
        };
        set_attr(&list, "class", Some(class));
        set_attr(&input, "aria-expanded", Some(pressed(is_open)));
        let active_id = (is_open && total > 0).then(|| option_id(now));
        set_attr(&input, "aria-activedescendant", active_id.as_deref());
        let said = if is_open && !p.query.get().is_empty() {
            matches(total, &int(total as u64, lang), lang)
        } else {
            String::new()
        };
        set_text(&live, &said);
    });
}

/// Typing, focus and the keys of the search box.
fn typing(p: &Picker, input: &web_sys::HtmlInputElement, pick: impl Fn(Option<usize>) + 'static) {
    let Picker {
        query,
        open,
        active,
        found,
        ..
    } = p.clone();
    let typed = input.clone();
    listen(input, "input", move |_| {
        query.set(typed.value());
        active.set(0);
        open.set(true);
    });
    listen(input, "focus", move |_| open.set(true));
    listen(input, "blur", move |_| open.set(false));
    listen(input, "keydown", move |ev| {
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
}

/// The unit shown, with a way back to the whole area; the button goes
/// away with the unit, so the focus moves to the search box.
fn shown_unit(c: &Chart, current: &web_sys::Element, input: &web_sys::HtmlInputElement) {
    let (unit, lang, data) = (c.state.unit, c.lang, c.checked.clone());
    let back = t(lang, Msg::BackToWhole);
    let shown = current.clone();
    queued_effect(move || {
        let name = unit.get().and_then(|u| unit_label(&data.dataset, &u, lang));
        let els: Vec<El> = name
            .map(|name| {
                vec![
                    El::with_class("bdi", "tb-current-name").text(name),
                    El::with_class("button", "tb-tool tb-whole")
                        .attr("type", "button")
                        .action(Action::Whole)
                        .text(back),
                ]
            })
            .unwrap_or_default();
        fill(&shown, &els);
    });
    let search_box = input.clone();
    on_action(current, "click", move |a, _| {
        if a == Action::Whole {
            unit.set(None);
            let _ = search_box.focus();
        }
    });
}
