//! The browser's services, one small module each (as leptos-use keeps one
//! hook a file): the page address, downloads, element size, the colour
//! scheme and the language. Each wraps `web_sys` and knows nothing of the
//! chart; the parts in [`crate::ui`] use them.

pub mod address;
pub mod download;
pub mod media;
pub mod resize;
pub mod styles;

/// The browser's preferred language, e.g. `vi-VN`.
pub fn language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}
