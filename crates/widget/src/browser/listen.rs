//! Event listeners, through one helper: each is removed, and its closure
//! freed, when the reactive owner it was added under is cleaned up (a
//! chart drawn again, another file loaded). Nothing that outlives a chart
//! is `forget()`-ed: the editor's preview draws the widget again on every
//! change.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `f` for every `event` on `target` until the owner is cleaned up.
pub fn listen(target: &web_sys::EventTarget, event: &str, f: impl Fn(web_sys::Event) + 'static) {
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    let held = send_wrapper::SendWrapper::new((target.clone(), event.to_string(), cb));
    crate::rx::on_cleanup(move || {
        let (target, event, cb) = held.take();
        let _ = target.remove_event_listener_with_callback(&event, cb.as_ref().unchecked_ref());
    });
}
