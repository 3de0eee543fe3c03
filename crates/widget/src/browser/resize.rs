//! Element size: an element's content width, followed with a
//! `ResizeObserver` until the reactive owner is cleaned up.

use crate::rx::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Keeps `width` at `el`'s content width, rounded to `step` pixels (so a
/// resize by a pixel does not lay the chart out again). The observer and
/// its closure go with the owner (no `forget()`: a chart drawn again
/// leaves nothing behind).
pub fn observe_width(el: &web_sys::Element, width: RwSignal<f64>, step: f64) {
    let set = move |w: f64| {
        let w = (w / step).round() * step;
        if w > 0.0 && width.get_untracked() != w {
            width.set(w);
        }
    };
    set(f64::from(el.client_width()));
    on_resize(std::slice::from_ref(el), move |entries| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            set(entry.content_rect().width());
        }
    });
}

/// Calls `f` with the observer's entries whenever one of `els` changes
/// size (and once at first, as `ResizeObserver` does), until the reactive
/// owner is cleaned up: the observer is disconnected and its closure freed
/// then (no `forget()`; the editor's preview, drawn again on every change,
/// uses it too).
pub fn on_resize(els: &[web_sys::Element], f: impl FnMut(js_sys::Array) + 'static) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(f);
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    for el in els {
        ro.observe(el);
    }
    let kept = SendWrapper::new((ro, cb));
    on_cleanup(move || {
        let (ro, _cb) = kept.take();
        ro.disconnect();
    });
}
