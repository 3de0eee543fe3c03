//! The tier key, which is also the filter: one native toggle button per
//! tier (`aria-pressed`), and a reset button present only while something
//! is selected. Each button has its own listener, and a click writes only
//! the pressed states that change (and the key's `tb-sel`, which recedes
//! the unselected swatches, when the selection empties or fills).

use crate::rx::*;
use tier_breakdown_core::parts::{keys_class, legend_el};
use tier_breakdown_core::stack::Selection;

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
    let key = Handle::new();
    let el = legend_el(&c.head, &binds, sel.get_untracked(), c.lang);
    append(fig, &[el.bind_to(Some(&key.as_bind()))]);
    let key = key.get();
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
                    set_attr(b, "hidden", s.is_empty().then_some(""));
                    if let Some(k) = &key {
                        set_attr(k, "class", Some(keys_class(s)));
                    }
                }
                None => {}
            }
        }
    });
}
