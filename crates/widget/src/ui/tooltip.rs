//! The tooltip of the bars' segments: shown on hover and on focus (the
//! segment carries its text in `data-tip`), placed under the segment inside
//! the chart's box, hidden on Escape or when the pointer or focus leaves.

use crate::rx::*;
use wasm_bindgen::JsCast;

use super::dom::{add, listen, px, queued_effect, set_attr};
use tier_breakdown_core::parts::tip_el;

/// The tooltip's widest size.
const TIP_PX: f64 = 260.0;

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
            tip.set(Some(tip_for(&fig2, &seg, &text)));
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
