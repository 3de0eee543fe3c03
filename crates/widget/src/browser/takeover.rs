//! Static markup taken over in place: the widget's root replaces the
//! chart the page carried before the wasm (`tier_breakdown_core::prerender`),
//! and a reader's focus in it is put back on the same control once the
//! widget has drawn: the n-th control of the same tag and classes (the
//! n-th legend key, the n-th segment), so controls the static markup does
//! not draw (a drill-down's) do not shift it.

use wasm_bindgen::JsCast;

/// What can hold the focus in a chart, in document order.
const CONTROLS: &str = "a,button,input,summary,[tabindex]";

/// The element with the focus, when it is inside `el` (in `el`'s
/// document or shadow root).
pub fn focused_in(el: &web_sys::Element) -> Option<web_sys::Element> {
    let root = el.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(s) => s.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    };
    active.filter(|a| el.contains(Some(a)))
}

/// Focuses `el`, if it is an element that can take the focus.
pub fn focus(el: Option<web_sys::Element>) -> bool {
    el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Which control had the focus: a selector for its tag and classes, and
/// its position among those.
pub type Spot = (String, u32);

/// Replaces `old` (static markup) with `new`; returns where the focus was
/// in `old`, for [`focus_control`] once `new` is drawn.
pub fn take_over(old: &web_sys::Element, new: &web_sys::Element) -> Option<Spot> {
    let focused = focused_in(old)
        .filter(|a| a.matches(CONTROLS).unwrap_or(false))
        .and_then(|a| {
            let sel = format!("{}[class=\"{}\"]", a.tag_name(), a.class_name());
            let list = old.query_selector_all(&sel).ok()?;
            let n = (0..list.length())
                .find(|&i| list.item(i).is_some_and(|n| n.is_same_node(Some(&a))))?;
            Some((sel, n))
        });
    let _ = old.replace_with_with_node_1(new);
    focused
}

/// Focuses the control at `spot` in `root`.
pub fn focus_control(root: &web_sys::Element, spot: &Spot) {
    let nth = root
        .query_selector_all(&spot.0)
        .ok()
        .and_then(|l| l.item(spot.1));
    focus(nth.and_then(|e| e.dyn_into().ok()));
}
