//! Static markup taken over in place, the way hydration does it: the
//! widget binds its handles to the chart the page carried before the wasm
//! (`tier_breakdown_core::prerender`) instead of drawing a new one, so
//! starting costs no second style and layout of the whole chart, and the
//! element a reader focused keeps the focus (it is the same element).
//!
//! The bookkeeping lives here: the static elements whose children the
//! widget has not claimed yet, each with the first child still to claim
//! (the cursor). `ui::dom` claims them in order as the parts draw into
//! those elements (`build`'s twin, `write(…, adopt)`), and [`done`] drops
//! what no part claimed.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

thread_local! {
    /// Elements being taken over, each with its first child not yet claimed.
    static OPEN: RefCell<Vec<(web_sys::Element, Option<web_sys::Node>)>> =
        const { RefCell::new(Vec::new()) };
}

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

/// Takes the static root `old` over as the widget's root: it loses the
/// marks of static markup (`data-tb-static`, `hidden`, which only the
/// static stylesheet undid), and its children wait to be claimed.
pub fn take_over(old: &web_sys::Element) {
    let _ = old.remove_attribute("data-tb-static");
    let _ = old.remove_attribute("hidden");
    open(old);
}

/// `el`'s children (static markup) wait to be claimed, from the first.
pub fn open(el: &web_sys::Element) {
    if let Some(first) = el.first_child() {
        OPEN.with_borrow_mut(|o| o.push((el.clone(), Some(first))));
    }
}

/// Where `el` is among the elements being taken over.
fn find(el: &web_sys::Element) -> Option<usize> {
    OPEN.with_borrow(|o| o.iter().position(|(e, _)| e == el))
}

/// Whether `el` is being taken over (some of its children unclaimed).
pub fn is_open(el: &web_sys::Element) -> bool {
    find(el).is_some()
}

/// `el`'s first unclaimed child, claimed when it is `like` what the widget
/// draws next. `Err`: it is not (or none is left), and the widget's node
/// goes before it (`None`: at the end, as when `el` is not being taken
/// over). A static child the widget does not draw is thus passed over by
/// the nodes built before it, and dropped with what is left at the end.
pub fn claim(
    el: &web_sys::Element,
    like: &dyn Fn(&web_sys::Node) -> bool,
) -> Result<web_sys::Node, Option<web_sys::Node>> {
    let Some(i) = find(el) else {
        return Err(None);
    };
    OPEN.with_borrow_mut(|o| match o[i].1.take() {
        Some(n) if like(&n) => {
            o[i].1 = n.next_sibling();
            Ok(n)
        }
        next => {
            o[i].1 = next.clone();
            Err(next)
        }
    })
}

/// `el`'s children are all claimed: the static ones left are dropped.
pub fn close(el: &web_sys::Element) {
    if let Some(i) = find(el) {
        let (_, mut next) = OPEN.with_borrow_mut(|o| o.swap_remove(i));
        while let Some(n) = next {
            next = n.next_sibling();
            let _ = el.remove_child(&n);
        }
    }
}

/// The takeover is over (every part has drawn): what no part claimed goes.
pub fn done() {
    while let Some(el) = OPEN.with_borrow(|o| o.first().map(|(e, _)| e.clone())) {
        close(&el);
    }
}
