//! The page's address: rewrites query parameters in place
//! (`history.replaceState`, so Back still leaves the page).

/// Sets (or, when empty, deletes) each parameter in the address now,
/// keeping the page's other parameters and its hash.
pub fn replace_params(pairs: &[(&str, String)]) {
    let Some(w) = web_sys::window() else {
        return;
    };
    // From the whole address, not `pathname`: a path like `//host/x` read
    // back as a relative URL names another site, and `replaceState`
    // throws (the address would silently stop following the view).
    let Ok(url) = web_sys::Url::new(&w.location().href().unwrap_or_default()) else {
        return;
    };
    let params = url.search_params();
    for (k, v) in pairs {
        if v.is_empty() {
            params.delete(k);
        } else {
            params.set(k, v);
        }
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
