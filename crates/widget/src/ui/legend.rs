//! The tier key, which is also the filter: one native toggle button per
//! tier (`aria-pressed`), and a reset button present only while something
//! is selected. Each button has its own listener; a click writes the
//! pressed states, which the CSS follows (`:has`) to show the reset button
//! and recede the unselected swatches.

use crate::rx::*;
use tier_breakdown_core::parts::legend_el;
use tier_breakdown_core::stack::Selection;
use wasm_bindgen::JsCast;

use super::dom::{append, effect, listen, pressed, set_attr, Handle};
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
    let binds: Vec<_> = handles.iter().map(|(h, _)| Some(h.as_bind())).collect();
    append(
        fig,
        &[legend_el(&c.head, &binds, sel.get_untracked(), c.lang)],
    );
    let buttons: Vec<(web_sys::Element, Option<usize>)> = handles
        .iter()
        .filter_map(|(h, tier)| Some((h.get()?, *tier)))
        .collect();
    let first = buttons.first().map(|(b, _)| b.clone());
    for (b, tier) in &buttons {
        let (tier, first) = (*tier, first.clone());
        listen(b, "click", move |_| match tier {
            Some(tier) => sel.update(|s| *s = s.toggled(tier)),
            None => {
                sel.set(Selection::default());
                // The reset goes with the selection: the focus moves to the first tier.
                if let Some(f) = first
                    .as_ref()
                    .and_then(|f| f.dyn_ref::<web_sys::HtmlElement>())
                {
                    let _ = f.focus();
                }
            }
        });
    }
    // Synchronous, inside the click (the first time it writes the states
    // already drawn). The reset button and the key's swatches follow the
    // pressed states in the CSS (`:has`).
    effect(move || {
        let s = sel.get();
        for (b, tier) in &buttons {
            if let Some(tier) = tier {
                set_attr(b, "aria-pressed", Some(pressed(s.contains(*tier))));
            }
        }
    });
}
