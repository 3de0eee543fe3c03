//! Listening to the page through one helper each, removed when the
//! reactive owner that asked is cleaned up (the preview is redrawn on
//! every change: nothing it listens with may outlive a drawing). No
//! `forget()`: the closure lives exactly as long as its listener.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `f` whenever one of `els` changes size (and once at first, as
/// `ResizeObserver` does), until the current owner is cleaned up.
pub fn on_resize(els: &[web_sys::Element], mut f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| f());
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    for el in els {
        ro.observe(el);
    }
    let kept = SendWrapper::new((ro, cb));
    on_cleanup(move || {
        let (ro, cb) = kept.take();
        ro.disconnect();
        drop(cb);
    });
}
