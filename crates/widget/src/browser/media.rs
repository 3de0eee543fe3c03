//! Media queries: whether the reader's system asks for dark colours.

use crate::rx::*;

use super::listen::listen;

/// `prefers-color-scheme: dark`, kept up to date until the reactive owner
/// is cleaned up (the listener goes with it: a widget drawn again, as in
/// the editor's preview, leaves none behind).
pub fn prefers_dark() -> RwSignal<bool> {
    let dark = RwSignal::new(false);
    let query = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    if let Some(query) = query {
        dark.set(query.matches());
        let q = query.clone();
        listen(&query, "change", move |_| dark.set(q.matches()));
    }
    dark
}
