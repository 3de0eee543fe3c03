//! The groups' bars: redrawn for each view, width and theme; a filter
//! click only writes the groups' class and the header slots that change,
//! synchronously inside the click.

use std::cell::RefCell;
use std::rc::Rc;

use crate::rx::*;
use tier_breakdown_core::i18n::{t, Msg, UiLang};
use tier_breakdown_core::layout::{head_slot, ChartView};
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::parts::{group_el, groups_class};
use tier_breakdown_core::stack::Selection;

use super::dom::{add, effect, fill, queued_effect, set_attr, El, Handle};
use super::view::Chart;

/// Appends the groups' container to `fig`, keeps it drawn, and returns it.
pub fn mount(fig: &web_sys::Element, c: &Chart) -> Option<web_sys::Element> {
    let bars = add(fig, El::with_class("div", "tb-groups"))?;
    let lines = Rc::new(RefCell::new(Lines::default()));
    redraw(&bars, c, lines.clone());
    // The filter: the first run writes the class, later ones what changed.
    let (c, el) = (c.clone(), bars.clone());
    let last = std::cell::Cell::new(None::<Selection>);
    effect(move || {
        let s = c.state.sel.get();
        let prev = last.replace(Some(s));
        if prev != Some(s) {
            set_attr(&el, "class", Some(&groups_class(s)));
        }
        if prev.is_some_and(|p| p != s) {
            c.view.with_untracked(|v| {
                if let Some(v) = v {
                    lines.borrow_mut().apply(v, c.data(), s, c.lang);
                }
            });
        }
    });
    Some(bars)
}

/// Draws every group of the current view into `bars` whenever the view
/// changes, and notes the combined lines drawn.
fn redraw(bars: &web_sys::Element, c: &Chart, lines: Rc<RefCell<Lines>>) {
    let (c, bars) = (c.clone(), bars.clone());
    queued_effect(move || {
        let s = c.state.sel.get_untracked();
        c.view.with(|v| {
            let mut handles = Vec::new();
            let els = match v {
                Some(v) => {
                    handles = v
                        .groups
                        .iter()
                        .map(|_| [Handle::new(), Handle::new()])
                        .collect();
                    v.groups
                        .iter()
                        .zip(&handles)
                        .map(|(g, [w, f])| {
                            let slot = [Some(&w.as_bind()), Some(&f.as_bind())];
                            group_el::<false>(g, c.data(), s, c.lang, slot)
                        })
                        .collect()
                }
                None => {
                    vec![El::with_class("p", "tb-bar tb-nodata").text(t(c.lang, Msg::NoUnitData))]
                }
            };
            fill(&bars, &els);
            *lines.borrow_mut() = Lines::from_handles(&handles);
        });
    });
}

/// Each group's header slot drawn by the core's `group_el` (its words and
/// its figure), handed back once per redraw, with the texts they show: a
/// click rewrites only the texts that change.
#[derive(Default)]
pub struct Lines(Vec<[(web_sys::Element, String); 2]>);

impl Lines {
    /// The slots drawn into `handles`, with their texts.
    pub fn from_handles(handles: &[[Handle; 2]]) -> Lines {
        let drawn = |h: &Handle| {
            let el = h.get()?;
            let text = el.text_content().unwrap_or_default();
            Some((el, text))
        };
        Lines(
            handles
                .iter()
                .filter_map(|[w, f]| Some([drawn(w)?, drawn(f)?]))
                .collect(),
        )
    }

    /// Shows the combined share of `sel` for each group of `v`.
    pub fn apply(&mut self, v: &ChartView, d: &Dataset, sel: Selection, lang: UiLang) {
        for (slot, g) in self.0.iter_mut().zip(&v.groups) {
            let (words, figure) = head_slot(d, g, sel, lang);
            for ((el, now), text) in slot.iter_mut().zip([words, figure]) {
                if text != *now {
                    el.set_text_content(Some(&text));
                    *now = text;
                }
            }
        }
    }
}
