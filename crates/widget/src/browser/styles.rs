//! Stylesheets: the widget's CSS added to a document or a shadow root.

use wasm_bindgen::{JsCast, JsValue};

/// Adds `css` to a document or shadow root. Where constructable stylesheets
/// exist (feature-detected), they are adopted: CSSOM, so a strict
/// `style-src` CSP allows them. Elsewhere a `<style>` element is appended
/// (to the shadow root, or to the document head).
pub fn add_styles(
    doc: &web_sys::Document,
    target: &web_sys::Node,
    css: &str,
) -> Result<(), JsValue> {
    let key = JsValue::from_str("adoptedStyleSheets");
    let adopted = js_sys::Reflect::get(target, &key)?;
    if let (Ok(list), Ok(sheet)) = (
        adopted.dyn_into::<js_sys::Array>(),
        web_sys::CssStyleSheet::new(),
    ) {
        sheet.replace_sync(css)?;
        let list = list.concat(&js_sys::Array::of1(&sheet));
        js_sys::Reflect::set(target, &key, &list)?;
        return Ok(());
    }
    let style = doc.create_element("style")?;
    style.set_text_content(Some(css));
    match target.dyn_ref::<web_sys::Document>() {
        Some(d) => d
            .head()
            .ok_or_else(|| JsValue::from_str("no head"))?
            .append_child(&style)?,
        None => target.append_child(&style)?,
    };
    Ok(())
}
