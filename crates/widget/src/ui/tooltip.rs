//! The tooltip of the bars' segments: shown on hover and on focus (the
//! segment carries its text in `data-tip`), placed above the bar in the
//! header row's free space, between the group label's text and the right
//! slot's, so it never covers text (none when that space is too narrow);
//! hidden on Escape or when the pointer or focus leaves. The CSS shows it
//! only with a fine pointer and from 480 px.

use wasm_bindgen::JsCast;

use super::dom::{add, listen, px, set_attr};
use tier_breakdown_core::parts::tip_el;

/// The tooltip's widest size, its narrowest, and the space kept from text.
const TIP_PX: f64 = 240.0;
const MIN_TIP_PX: f64 = 120.0;
const GAP_PX: f64 = 8.0;

/// A visible tooltip: its text and place inside the chart (pixels; `top`
/// is its bottom edge, the CSS lifts it by its height).
pub struct Tip {
    pub text: String,
    pub left: f64,
    pub top: f64,
    pub width: f64,
}

/// A tooltip for `seg`, over its group's header row between the label's
/// text (the title shrinks to it) and the right slot's box.
pub fn tip_for(fig: &web_sys::Element, seg: &web_sys::Element, text: &str) -> Option<Tip> {
    let head = seg.closest(".tb-group").ok()??.first_element_child()?;
    let (f, h) = (
        fig.get_bounding_client_rect(),
        head.get_bounding_client_rect(),
    );
    let (title, slot) = (head.first_element_child()?, head.last_element_child()?);
    let lo = title.get_bounding_client_rect().right();
    let hi = slot.get_bounding_client_rect().left();
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

/// Appends the tooltip to `fig`, for the segments inside `source`. No
/// signal: the listeners draw it themselves, all of one closure type (one
/// copy of the listener code in the wasm).
pub fn mount(fig: &web_sys::Element, source: &web_sys::Element) {
    let Some(el) = add(fig, tip_el()) else {
        return;
    };
    let on = |show: bool| {
        let (f, el) = (fig.clone(), el.clone());
        move |ev: web_sys::Event| {
            if !show {
                // Any key but Escape leaves it; leaving the bars hides it.
                if ev
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_none_or(|k| k.key() == "Escape")
                {
                    draw(&el, None);
                }
                return;
            }
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-tip]").ok().flatten());
            if let Some(seg) = target {
                let text = seg.get_attribute("data-tip").unwrap_or_default();
                draw(&el, tip_for(&f, &seg, &text));
            }
        }
    };
    listen(source, "mouseover", on(true));
    listen(source, "focusin", on(true));
    listen(source, "mouseleave", on(false));
    listen(source, "focusout", on(false));
    listen(fig, "keydown", on(false));
}

/// Shows `t` in the tooltip element, or hides it.
fn draw(el: &web_sys::Element, t: Option<Tip>) {
    let Some(t) = t else {
        set_attr(el, "class", Some("tb-tip tb-hidden"));
        return;
    };
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let style = h.style();
        for (k, v) in [("left", t.left), ("top", t.top), ("max-width", t.width)] {
            let _ = style.set_property(k, &px(v));
        }
    }
    el.set_text_content(Some(&t.text));
    set_attr(el, "class", Some("tb-tip"));
}
