//! Media queries: whether the reader's system asks for dark colours.

use crate::rx::*;

/// `prefers-color-scheme: dark`, kept up to date for the page's lifetime.
pub fn prefers_dark() -> RwSignal<bool> {
    let dark = RwSignal::new(false);
    let query = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    if let Some(query) = query {
        dark.set(query.matches());
        let q = query.clone();
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || dark.set(q.matches()));
        let _ = query.add_event_listener_with_callback(
            "change",
            wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()),
        );
        cb.forget();
    }
    dark
}
