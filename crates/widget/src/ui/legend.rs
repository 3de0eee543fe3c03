//! The tier legend, which is also the filter: one native toggle button per
//! tier (`aria-pressed`), and a reset button. Each button has its own
//! listener, and a click writes only the pressed states that change.

use crate::rx::*;
use tier_breakdown_core::i18n::{t, Msg, UiLang};
use tier_breakdown_core::layout::LegendItem;
use tier_breakdown_core::stack::Selection;

use super::dom::{append, effect, listen, pressed, set_attr, El, Handle};
use super::view::Chart;

/// Appends the legend to `fig` and wires its buttons to the selection.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let sel = c.state.sel;
    // (button, its tier, or None for "show all").
    let handles: Vec<(Handle, Option<usize>)> = c
        .head
        .legend
        .iter()
        .map(|it| Some(it.tier))
        .chain([None])
        .map(|tier| (Handle::new(), tier))
        .collect();
    append(
        fig,
        &[legend_el(
            &c.head.legend,
            &handles,
            sel.get_untracked(),
            c.lang,
        )],
    );
    let buttons: Vec<(web_sys::Element, Option<usize>)> = handles
        .iter()
        .filter_map(|(h, tier)| Some((h.get()?, *tier)))
        .collect();
    for (b, tier) in &buttons {
        let tier = *tier;
        listen(b, "click", move |_| match tier {
            Some(tier) => sel.update(|s| *s = s.toggled(tier)),
            None => sel.set(Selection::default()),
        });
    }
    // Synchronous, inside the click: only the states that change.
    let last = std::cell::Cell::new(None::<Selection>);
    effect(move || {
        let s = sel.get();
        let prev = last.replace(Some(s));
        for (b, tier) in &buttons {
            match tier {
                Some(tier) => {
                    let on = |s: Selection| s.contains(*tier);
                    if prev.is_none_or(|p| on(p) != on(s)) {
                        set_attr(b, "aria-pressed", Some(pressed(on(s))));
                    }
                }
                None if prev.is_none_or(|p| p.is_empty() != s.is_empty()) => {
                    set_attr(b, "disabled", s.is_empty().then_some(""));
                }
                None => {}
            }
        }
    });
}

/// Legend and filter for the current selection; `handles` holds one handle
/// per item, then the reset button's.
fn legend_el(
    items: &[LegendItem],
    handles: &[(Handle, Option<usize>)],
    sel: Selection,
    lang: UiLang,
) -> El {
    let keys = items.iter().zip(handles).map(|(it, (h, _))| {
        let label = match &it.short {
            Some(short) => vec![
                El::with_class("bdi", "tb-key-label tb-long").text(it.label.clone()),
                El::with_class("bdi", "tb-key-label tb-short")
                    .attr("aria-hidden", "true")
                    .text(short.clone()),
            ],
            None => vec![El::with_class("bdi", "tb-key-label").text(it.label.clone())],
        };
        El::with_class("button", "tb-key")
            .attr("type", "button")
            .attr("data-tier", it.id.clone())
            .attr("aria-pressed", pressed(sel.contains(it.tier)))
            .bind(h)
            .child(El::with_class("span", "tb-swatch").style("background", it.fill.clone()))
            .children(label)
    });
    let mut reset = El::with_class("button", "tb-reset")
        .attr("type", "button")
        .attr_if("disabled", sel.is_empty().then_some(""))
        .text(t(lang, Msg::Reset));
    if let Some((h, _)) = handles.last() {
        reset = reset.bind(h);
    }
    El::with_class("div", "tb-legend")
        .attr("role", "group")
        .attr("aria-label", t(lang, Msg::FilterLabel))
        .children(keys)
        .child(reset)
}
