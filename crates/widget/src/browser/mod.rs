//! The browser's services, one small module each (as leptos-use keeps one
//! hook a file): the page address, downloads, element size, the colour
//! scheme and the language. Each wraps `web_sys` and knows nothing of the
//! chart; the parts in [`crate::ui`] use them.

pub mod address;
pub mod download;
pub mod listen;
pub mod media;
pub mod resize;
pub mod styles;
pub mod takeover;

/// The browser's preferred language, e.g. `vi-VN`.
pub fn language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Runs `f` once, before the next repaint.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&cb));
    }
}
