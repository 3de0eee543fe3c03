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
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            set(entry.content_rect().width());
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(el);
        let kept = SendWrapper::new((ro, cb));
        on_cleanup(move || {
            let (ro, _cb) = kept.take();
            ro.disconnect();
        });
    }
}
