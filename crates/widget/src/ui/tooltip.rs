//! The tooltip of the bars' segments: shown on hover and on focus (the
//! segment carries its text in `data-tip`), placed above the bar in the
//! header row's free space, between the group label's text and the right
//! slot's, so it never covers text (none when that space is too narrow);
//! hidden on Escape or when the pointer or focus leaves. The CSS shows it
//! only with a fine pointer and from 480 px.

use crate::rx::*;
use wasm_bindgen::JsCast;

use super::dom::{add, listen, px, queued_effect, set_attr};
use tier_breakdown_core::parts::tip_el;

/// The tooltip's widest size, its narrowest, and the space kept from text.
const TIP_PX: f64 = 240.0;
const MIN_TIP_PX: f64 = 120.0;
const GAP_PX: f64 = 8.0;

/// A visible tooltip: its text and place inside the chart (pixels; `top`
/// is its bottom edge, the CSS lifts it by its height).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub left: f64,
    pub top: f64,
    pub width: f64,
}

/// A tooltip for `seg`, over its group's header row beside the texts.
pub fn tip_for(fig: &web_sys::Element, seg: &web_sys::Element, text: &str) -> Option<Tip> {
    let head = seg.closest(".tb-group").ok()??.first_element_child()?;
    let (f, h) = (
        fig.get_bounding_client_rect(),
        head.get_bounding_client_rect(),
    );
    let lo = head
        .first_element_child()?
        .get_bounding_client_rect()
        .right();
    // The slot's lines shrink to their text (an empty one is not drawn).
    let mut hi = h.right();
    let mut line = head.last_element_child()?.first_element_child();
    while let Some(l) = line {
        let r = l.get_bounding_client_rect();
        if r.width() > 0.0 {
            hi = hi.min(r.left());
        }
        line = l.next_element_sibling();
    }
    let (lo, hi) = (lo + GAP_PX - f.left(), hi - GAP_PX - f.left());
    let width = TIP_PX.min(hi - lo);
    if width < MIN_TIP_PX {
        return None;
    }
    let r = seg.get_bounding_client_rect();
    let center = r.left() + r.width() / 2.0 - f.left();
    Some(Tip {
        text: text.to_string(),
        // Not `f64::clamp`: its assertion would bring float formatting (5 KB).
        left: (center - width / 2.0).min(hi - width).max(lo),
        top: h.bottom() - f.top(),
        width,
    })
}

/// Appends the tooltip to `fig`, for the segments inside `source`.
pub fn mount(fig: &web_sys::Element, source: &web_sys::Element) {
    let tip = RwSignal::new(None::<Tip>);
    let el = add(fig, tip_el());
    let fig2 = fig.clone();
    let show = move |ev: web_sys::Event| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-tip]").ok().flatten());
        if let Some(seg) = target {
            let text = seg.get_attribute("data-tip").unwrap_or_default();
            tip.set(tip_for(&fig2, &seg, &text));
        }
    };
    listen(source, "mouseover", show.clone());
    listen(source, "focusin", show);
    listen(source, "mouseleave", move |_| tip.set(None));
    listen(source, "focusout", move |_| tip.set(None));
    listen(fig, "keydown", move |ev| {
        if ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape")
        {
            tip.set(None);
        }
    });
    if let Some(el) = el {
        queued_effect(move || draw(&el, tip.get()));
    }
}

/// Shows `t` in the tooltip element, or hides it.
fn draw(el: &web_sys::Element, t: Option<Tip>) {
    set_attr(
        el,
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
}
