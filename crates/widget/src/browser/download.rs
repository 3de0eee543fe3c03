//! Downloads made in the page: a link pointed at a fresh `blob:` URL just
//! before the browser follows it, so nothing leaves the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Points the clicked link (`ev`'s current target) at a `blob:` URL holding
/// `text` of type `mime`; the URL is freed once the download has started.
pub fn point_at_text(ev: &web_sys::Event, text: &str, mime: &str) {
    let Some(link) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    link.set_href(&url);
    let revoke = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.as_ref().unchecked_ref(),
            30_000,
        );
    }
    revoke.forget();
}
