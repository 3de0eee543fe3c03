//! Building the core's element trees ([`El`]) in the browser, and the
//! reactive helpers every part uses. Leptos' typed views compile every
//! distinct view shape into its own code; the widget's elements are built
//! from one data type instead, which keeps the wasm small (and the same
//! trees are the static HTML, `tier_breakdown_core::prerender`). Text is always set as text nodes, styles
//! through the CSSOM (strict CSP). A builder hands back the elements a part
//! needs ([`Handle`], like Leptos' `NodeRef`): no part looks its own
//! elements up again. Events on lists are delegated to the list's container
//! and name their [`Action`] in `data-key`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::action::Action;
use crate::browser::takeover::{self, focus, focused_in};

use tier_breakdown_core::dom::Kid;
pub use tier_breakdown_core::dom::{pct, El};
pub use tier_breakdown_core::parts::pressed;

/// Where a built element is handed back: empty until [`build`] made it,
/// then the element (the latest one, for an element drawn again).
#[derive(Clone, Default)]
pub struct Handle(Rc<RefCell<Option<web_sys::Element>>>);

impl Handle {
    pub fn new() -> Handle {
        Handle::default()
    }

    /// The element, once built.
    pub fn get(&self) -> Option<web_sys::Element> {
        self.0.borrow().clone()
    }

    /// The handle as the core's opaque [`tier_breakdown_core::dom::Bind`].
    pub fn as_bind(&self) -> tier_breakdown_core::dom::Bind {
        self.0.clone()
    }
}

/// The widget's words on the core's [`El`]: handles and actions.
pub trait ElExt {
    /// Hands the built element to `h`.
    fn bind(self, h: &Handle) -> El;
    /// `data-key`: the action a click (or key) on this element asks for.
    fn action(self, a: Action) -> El;
}

impl ElExt for El {
    fn bind(self, h: &Handle) -> El {
        self.bind_to(Some(&h.as_bind()))
    }

    fn action(self, a: Action) -> El {
        self.attr("data-key", a.key())
    }
}

/// Builds the element (and its children) in `doc`.
pub fn build(e: &El, doc: &web_sys::Document) -> Option<web_sys::Element> {
    let el = doc.create_element(e.tag).ok()?;
    write(e, &el, doc, false);
    Some(el)
}

/// Writes `e` onto `el`: attributes, styles, children, and the handle.
/// `adopt` (`build`'s twin, the way hydration binds to server markup):
/// `el` is static markup being taken over, so the static stylesheet's
/// `data-s` goes, the attributes `e` names are written, and `el`'s
/// children are claimed by `e`'s, kept where they are the same kind of
/// node ([`same_kind`]; a mismatch is built anew in its place). When `e` has no children (a part draws them
/// later), the static ones wait for that part's `fill` or `append`.
fn write(e: &El, el: &web_sys::Element, doc: &web_sys::Document, adopt: bool) {
    if adopt {
        // The static stylesheet's hook. Static markup is written by the
        // same part functions, so its other attributes are `e`'s, but for
        // a state a part writes on its first run (the reset's `disabled`,
        // the figure's labels, the root's theme and language).
        let _ = el.remove_attribute("data-s");
    }
    // An attribute written again with its value changes nothing a style
    // depends on.
    for (k, v) in &e.attrs {
        let _ = el.set_attribute(k, v);
    }
    if !e.styles.is_empty() {
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let style = h.style();
            for (k, v) in &e.styles {
                let _ = style.set_property(k, v);
            }
        }
    }
    if adopt {
        takeover::open(el);
    }
    for kid in &e.kids {
        match kid {
            Kid::El(k) => place(el, Some(k), "", doc),
            Kid::Text(t) => place(el, None, t, doc),
        }
    }
    if adopt && !e.kids.is_empty() {
        takeover::close(el);
    }
    if let Some(h) = e
        .bind
        .as_ref()
        .and_then(|b| b.downcast_ref::<RefCell<Option<web_sys::Element>>>())
    {
        *h.borrow_mut() = Some(el.clone());
    }
}

/// The attributes that say what an element stands for (a group, a tier,
/// an action), like a list's keys in a virtual DOM.
const KEYS: [&str; 3] = ["data-group", "data-tier", "data-key"];

/// Whether static `node` can stand for `e` (`None`: text): text for text,
/// an element of the same tag, first class (`tb-seg`, `tb-key`; the
/// classes after it say a state, which the adoption writes) and [`KEYS`].
fn same_kind(e: Option<&El>, node: &web_sys::Node) -> bool {
    fn first(c: &str) -> &[u8] {
        let c = c.as_bytes();
        &c[..c.iter().position(|&b| b == b' ').unwrap_or(c.len())]
    }
    match (e, node.dyn_ref::<web_sys::Element>()) {
        // Static markup holds no other nodes than elements and text.
        (None, None) => true,
        (Some(e), Some(n)) => {
            n.local_name() == e.tag
                && first(&n.class_name()) == first(e.get_attr("class").unwrap_or_default())
                && KEYS
                    .iter()
                    .all(|k| n.get_attribute(k).as_deref() == e.get_attr(k))
        }
        _ => false,
    }
}

/// Puts the element `e` (or, when `None`, the text `text`) after what
/// `parent` has drawn: when `parent` is static markup being taken over
/// and its next static child is the same kind of node, that child is
/// adopted; else the node is built and put before the static children
/// left.
fn place(parent: &web_sys::Element, e: Option<&El>, text: &str, doc: &web_sys::Document) {
    match (takeover::claim(parent, &|n| same_kind(e, n)), e) {
        (Ok(n), Some(e)) => write(e, n.unchecked_ref(), doc, true),
        // Text written again would be laid out again.
        (Ok(n), None) if n.text_content().as_deref() != Some(text) => {
            n.set_text_content(Some(text))
        }
        (Ok(_), None) => {}
        (Err(at), e) => {
            let node: Option<web_sys::Node> = match e {
                Some(e) => build(e, doc).map(Into::into),
                None => Some(doc.create_text_node(text).into()),
            };
            if let Some(node) = node {
                let _ = parent.insert_before(&node, at.as_ref());
            }
        }
    }
}

/// Replaces the children of `parent` with `els` (or, for static markup
/// being taken over, adopts its children for them). The element that had
/// the focus inside `parent` gets it back when an element with the same
/// `data-key` is among the new ones (so a redraw never drops the focus).
/// Returns false when the focus was inside `parent` and could not be given
/// back (the focused element is not drawn any more).
pub fn fill(parent: &web_sys::Element, els: &[El]) -> bool {
    let focused = focused_in(parent).and_then(|a| a.get_attribute("data-key"));
    if !takeover::is_open(parent) {
        parent.set_text_content(None);
    }
    append(parent, els);
    takeover::close(parent);
    match focused {
        Some(key) => focus_key(parent, &key),
        None => true,
    }
}

/// Sets an element's text only when it changes: a live region must not
/// repeat itself on every redraw.
pub fn set_text(el: &web_sys::Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Focuses the element with `data-key="key"` inside `parent`, if any.
pub fn focus_key(parent: &web_sys::Element, key: &str) -> bool {
    focus(
        parent
            .query_selector(&format!("[data-key=\"{key}\"]"))
            .ok()
            .flatten(),
    )
}

pub use crate::browser::listen::listen;

/// The action named by the closest element with a `data-key`, from an event's target.
pub fn action_of(ev: &web_sys::Event) -> Option<Action> {
    let el = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-key]").ok().flatten())?;
    Action::parse(&el.get_attribute("data-key")?)
}

/// Calls `f` with the action of the closest element naming one, for every
/// `event` inside `parent` (one listener for a whole list).
pub fn on_action(
    parent: &web_sys::Element,
    event: &str,
    f: impl Fn(Action, web_sys::Event) + 'static,
) {
    listen(parent, event, move |ev| {
        if let Some(a) = action_of(&ev) {
            f(a, ev);
        }
    });
}

/// Appends built elements to `parent` (adopted, when it is static markup
/// being taken over).
pub fn append(parent: &web_sys::Element, els: &[El]) {
    let Some(doc) = parent.owner_document() else {
        return;
    };
    for e in els {
        place(parent, Some(e), "", &doc);
    }
}

/// Appends one built element to `parent` and hands it back.
pub fn add(parent: &web_sys::Element, el: El) -> Option<web_sys::Element> {
    let h = Handle::new();
    append(parent, &[el.bind(&h)]);
    h.get()
}

/// Sets or removes an attribute.
pub fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Whole pixels for CSS (`12px`).
pub fn px(x: f64) -> String {
    format!("{}px", x.round() as i64)
}

/// Runs `f` now, then again synchronously whenever a signal it read
/// changes, until the current owner is cleaned up. Synchronous (Leptos'
/// `ImmediateEffect`, not the queued `Effect`): a filter click redraws the
/// bars inside the click's own handler, with no task queued in between.
/// `f` must not set a signal it reads.
pub fn effect(f: impl Fn() + 'static) {
    immediate_boxed(Box::new(f));
}

fn immediate_boxed(f: Box<dyn Fn()>) {
    let f = send_wrapper::SendWrapper::new(f);
    // The closure is needed: it derefs the wrapper on each call, on this thread.
    #[allow(clippy::redundant_closure)]
    crate::rx::ImmediateEffect::new_scoped(move || f());
}

/// Runs `f` after the current task, then again (once per batch of changes)
/// whenever a signal it read changes, until the current owner is cleaned
/// up: Leptos' queued `Effect`. Boxed, so the wasm holds one copy of the
/// effect's machinery rather than one per call site.
pub fn queued_effect(f: impl Fn() + 'static) {
    queued_boxed(Box::new(f));
}

fn queued_boxed(f: Box<dyn Fn()>) {
    crate::rx::Effect::new(move |_| f());
}

/// Returns a function that runs `f` once the calls have paused for `ms`
/// (a burst of calls runs `f` once, `ms` to `2 × ms` after the last one);
/// `f` reads the state it needs when it runs. For work a click does not have
/// to wait for (the address, live announcements). A call costs no trip to
/// the browser but the first of a burst: the timer, when it fires, sees
/// whether calls came since it was set and waits once more if so. A pending
/// run is cancelled with the current owner.
pub fn soon(ms: i32, f: impl Fn() + 'static) -> impl Fn() + Clone {
    use std::cell::Cell;
    use std::rc::Rc;
    /// Calls so far, calls when the timer was set, and the timer.
    type State = (Cell<u32>, Cell<u32>, Cell<Option<i32>>);
    let state: Rc<State> = Rc::default();
    let arm = move |state: &State, callback: &js_sys::Function| {
        state.1.set(state.0.get());
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback, ms)
                .ok()
        });
        state.2.set(handle);
    };
    let callback: Rc<std::cell::OnceCell<js_sys::Function>> = Rc::default();
    let run = {
        let (state, callback) = (state.clone(), callback.clone());
        Closure::<dyn Fn()>::new(move || match callback.get() {
            Some(cb) if state.0.get() != state.1.get() => arm(&state, cb),
            _ => {
                state.2.set(None);
                f();
            }
        })
    };
    let _ = callback.set(run.as_ref().unchecked_ref::<js_sys::Function>().clone());
    let held = send_wrapper::SendWrapper::new((run, state.clone()));
    crate::rx::on_cleanup(move || {
        let (_run, state) = held.take();
        if let (Some(t), Some(w)) = (state.2.take(), web_sys::window()) {
            w.clear_timeout_with_handle(t);
        }
    });
    move || {
        state.0.set(state.0.get().wrapping_add(1));
        if state.2.get().is_none() {
            if let Some(cb) = callback.get() {
                arm(&state, cb);
            }
        }
    }
}
