//! Iframe auto-height: when the page runs inside an iframe, it posts its
//! height to the parent whenever it changes, in the three formats newsroom
//! CMSs already listen for: pym.js child messages
//! (`pymxPYMx<id>xPYMxheightxPYMx<px>`), Datawrapper's
//! `{"datawrapper-height": {<id>: px}}` and AMP's
//! `{"sentinel": "amp", "type": "embed-size", "height": px}`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The window this page is framed in, if it is (an iframe embed).
pub fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    window.parent().ok().flatten().filter(|p| *p != window)
}

/// Starts reporting if this page is framed. `pym_id` is pym.js's `childId`.
pub fn report_height(pym_id: Option<String>) {
    let Some(parent) = parent() else {
        return;
    };
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let last = Rc::new(Cell::new(0i32));
    let send = {
        let root = root.clone();
        move || {
            let h = root.get_bounding_client_rect().height().ceil() as i32;
            if h <= 0 || h == last.get() {
                return;
            }
            last.set(h);
            let id = pym_id
                .clone()
                .unwrap_or_else(|| "tier-breakdown".to_string());
            let pym = format!("pymxPYMx{id}xPYMxheightxPYMx{h}");
            let _ = parent.post_message(&JsValue::from_str(&pym), "*");
            if let Ok(dw) = js_sys::JSON::parse(&format!(
                "{{\"datawrapper-height\":{{\"{}\":{h}}}}}",
                json_key(&id)
            )) {
                let _ = parent.post_message(&dw, "*");
            }
            if let Ok(amp) = js_sys::JSON::parse(&format!(
                "{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{h}}}"
            )) {
                let _ = parent.post_message(&amp, "*");
            }
        }
    };
    send();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| send());
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(&root);
    }
    // Lives as long as the page.
    cb.forget();
}

/// Keeps an id safe inside a JSON string.
fn json_key(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}
