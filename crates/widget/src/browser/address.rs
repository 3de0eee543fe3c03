//! The page's address: rewrites query parameters in place
//! (`history.replaceState`, so Back still leaves the page).

/// Sets (or, when empty, deletes) each parameter in the address now,
/// keeping the page's other parameters and its hash.
pub fn replace_params(pairs: &[(&str, String)]) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&loc.search().unwrap_or_default())
    else {
        return;
    };
    for (k, v) in pairs {
        if v.is_empty() {
            params.delete(k);
        } else {
            params.set(k, v);
        }
    }
    let q = String::from(params.to_string());
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        if q.is_empty() { "" } else { "?" },
        q
    ) + &loc.hash().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
