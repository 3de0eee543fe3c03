//! The tooltip of the bars' segments: shown on hover and on focus (the
//! segment's `aria-label` is its text), placed above the bar in the
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

/// Shows the tooltip `el` for `seg` (its text `text`), over the group's
/// header row between the label's text (the title shrinks to it) and the
/// right slot's box; hides it where that space is too narrow.
fn show(el: &web_sys::Element, fig: &web_sys::Element, seg: &web_sys::Element, text: &str) {
    let placed = (|| {
        let head = seg.closest(".tb-group").ok()??.first_element_child()?;
        let (title, slot) = (head.first_element_child()?, head.last_element_child()?);
        let (f, h) = (
            fig.get_bounding_client_rect(),
            slot.get_bounding_client_rect(),
        );
        let t = title.get_bounding_client_rect();
        // Its right edge as left + width: `right` would be one more import.
        let lo = t.left() + t.width() + GAP_PX - f.left();
        let hi = h.left() - GAP_PX - f.left();
        let width = TIP_PX.min(hi - lo);
        let r = seg.get_bounding_client_rect();
        let center = r.left() + r.width() / 2.0 - f.left();
        // Not `f64::clamp`: its assertion would bring float formatting (5 KB).
        let left = (center - width / 2.0).min(hi - width).max(lo);
        (width >= MIN_TIP_PX).then(|| [left, h.bottom() - f.top(), width])
    })();
    let Some(place) = placed else {
        set_attr(el, "class", Some("tb-tip tb-hidden"));
        return;
    };
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let style = h.style();
        for (k, v) in ["left", "top", "max-width"].into_iter().zip(place) {
            let _ = style.set_property(k, &px(v));
        }
    }
    el.set_text_content(Some(text));
    set_attr(el, "class", Some("tb-tip"));
}

/// Appends the tooltip to `fig`, for the segments inside `source`. No
/// signal: the listeners draw it themselves, all of one closure type (one
/// copy of the listener code in the wasm).
pub fn mount(fig: &web_sys::Element, source: &web_sys::Element) {
    let Some(el) = add(fig, tip_el()) else {
        return;
    };
    let on = |entering: bool| {
        let (f, el) = (fig.clone(), el.clone());
        move |ev: web_sys::Event| {
            if !entering {
                // Any key but Escape leaves it; leaving the bars hides it.
                if ev
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_none_or(|k| k.key() == "Escape")
                {
                    set_attr(&el, "class", Some("tb-tip tb-hidden"));
                }
                return;
            }
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest(".tb-seg").ok().flatten());
            if let Some(seg) = target {
                let text = seg.get_attribute("aria-label").unwrap_or_default();
                show(&el, &f, &seg, &text);
            }
        }
    };
    listen(source, "mouseover", on(true));
    listen(source, "focusin", on(true));
    listen(source, "mouseleave", on(false));
    listen(source, "focusout", on(false));
    listen(fig, "keydown", on(false));
}
