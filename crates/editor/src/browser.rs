//! The browser's services the editor uses: the draft in local storage
//! (gloo), downloads, the clipboard, reading a picked or dropped file, and
//! fetching the widget's own built files (for the standalone file). Nothing
//! here is sent anywhere: the only requests are for the editor's own files.

use gloo_storage::{LocalStorage, Storage};
use tier_breakdown_draft::codes::Pins;
use tier_breakdown_draft::draft::Draft;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the draft is kept in the browser.
const DRAFT_KEY: &str = "tier-breakdown-editor/draft";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Where the user said not to keep drafts on this computer (no figures in it).
const NO_KEEP_KEY: &str = "tier-breakdown-editor/no-keep";

/// Whether drafts are kept in this browser (the user did not say no).
pub fn keeps_draft() -> bool {
    LocalStorage::raw()
        .get_item(NO_KEEP_KEY)
        .ok()
        .flatten()
        .is_none()
}

/// Keeps drafts from now on, or stops and clears the one kept.
pub fn keep_draft(keep: bool) {
    if keep {
        LocalStorage::delete(NO_KEEP_KEY);
    } else {
        LocalStorage::delete(DRAFT_KEY);
        let _ = LocalStorage::raw().set_item(NO_KEEP_KEY, "1");
    }
}

/// The page's origin (`https://news.example`): whatever runs there can read what it keeps.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The draft saved last, if any (and readable).
pub fn load_draft() -> Option<Draft> {
    LocalStorage::get(DRAFT_KEY).ok()
}

/// Saves the draft; false when the browser refuses (private mode, full).
pub fn save_draft(d: &Draft) -> bool {
    LocalStorage::set(DRAFT_KEY, d).is_ok()
}

/// Whether the window is a phone's (narrower than 700 px).
pub fn narrow() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 700.0)
}

pub fn language() -> Option<String> {
    window().and_then(|w| w.navigator().language())
}

pub fn set_document_lang(code: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// The page's own folder (`https://news.example/tier-breakdown/`), where
/// the widget's files sit next to the editor; `None` from `file:`.
pub fn own_folder() -> Option<String> {
    let href = window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base("./", &href).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// What a downloaded results file names as its `$schema`: the schema next
/// to the editor, or its bare name.
pub fn schema_url() -> String {
    format!("{}results.schema.json", own_folder().unwrap_or_default())
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) {
        offer(name, &blob);
    }
}

/// Offers `blob` as a download named `name` from an object URL (a link
/// clicked, the URL freed once the download has started).
fn offer(name: &str, blob: &web_sys::Blob) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    }
}

/// Draws the SVG image `svg` (its own width and height) on a canvas, as
/// the browser draws it with the reader's system fonts, and offers it as
/// the PNG download `name`. From a `data:` URL, which the editor's CSP
/// allows for images and which does not taint the canvas.
pub fn download_png(name: &str, svg: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let image = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let (w, h) = (image.natural_width(), image.natural_height());
        let Some(canvas) = doc
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.draw_image_with_html_image_element(&image, 0.0, 0.0);
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                offer(&name, &blob);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        tier_breakdown_draft::codes::uri_component(svg)
    ));
}

/// Copies `text`; false when the browser refused. Where the Clipboard API
/// is missing (a page served over plain http), the text in the box `id`
/// is selected and copied the old way.
pub async fn copy(text: String, id: &str) -> bool {
    let Some(w) = window() else {
        return false;
    };
    let nav = w.navigator();
    let has_api = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if has_api
        && JsFuture::from(nav.clipboard().write_text(&text))
            .await
            .is_ok()
    {
        return true;
    }
    let Some(doc) = w.document() else {
        return false;
    };
    let Some(area) = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    let _ = area.focus();
    area.select();
    doc.dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// The text of a picked or dropped file.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

async fn fetch(path: &str) -> Option<web_sys::Response> {
    let resp = JsFuture::from(window()?.fetch_with_str(path)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    resp.ok().then_some(resp)
}

/// Whether the editor's own site answers for `path` (relative to the editor).
pub async fn answers(path: &str) -> bool {
    fetch(path).await.is_some()
}

/// The widget's built files, as the native tool reads them from `dist/`.
pub struct WidgetFiles {
    pub glue: String,
    pub wasm: Vec<u8>,
    pub css: String,
}

/// The loader's and the frame script's hashes from the editor's folder
/// (`integrity.json`, next to the widget's files); none when it is missing.
pub async fn pins() -> Pins {
    let Some(resp) = fetch("integrity.json").await else {
        return Pins::default();
    };
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    Pins::from_manifest(&text.unwrap_or_default())
}

/// Fetches the widget's glue, wasm and page CSS from the editor's own folder.
pub async fn widget_files() -> Option<WidgetFiles> {
    let text = |r: web_sys::Response| async move {
        JsFuture::from(r.text().ok()?).await.ok()?.as_string()
    };
    let glue = text(fetch("tier-breakdown.js").await?).await?;
    let css = text(fetch("page.css").await?).await?;
    let wasm = fetch("tier-breakdown_bg.wasm").await?;
    let buf = JsFuture::from(wasm.array_buffer().ok()?).await.ok()?;
    let wasm = js_sys::Uint8Array::new(&buf).to_vec();
    Some(WidgetFiles { glue, wasm, css })
}

/// Moves the keyboard focus to the first of `ids` the page has, and shows it.
pub fn focus_first(ids: &[String]) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    for id in ids {
        if let Some(el) = doc.get_element_by_id(id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                // Inside a closed <details>: open it first.
                let mut up = el.parent_element();
                while let Some(p) = up {
                    if p.tag_name().eq_ignore_ascii_case("details") {
                        let _ = p.set_attribute("open", "");
                    }
                    up = p.parent_element();
                }
                el.scroll_into_view();
                return el.focus().is_ok();
            }
        }
    }
    false
}

/// Whether the page has an element with this id.
pub fn exists(id: &str) -> bool {
    window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.get_element_by_id(id).is_some())
}

/// Moves the focus to the first of `ids` once the page has been updated
/// (after the reactive updates, which run before a timer does).
pub fn focus_soon(ids: Vec<String>) {
    let Some(w) = window() else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        focus_first(&ids);
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}

/// The height in pixels of static chart markup (`core::prerender`) drawn
/// `width` px wide, measured off screen in a shadow root of its own with
/// the markup's stylesheet adopted (the widget's `add_styles`; the
/// editor's CSP allows no `<style>`):
/// the height hint of the codes whose data is only read at run time.
pub fn static_height(html: &str, css: &str, width: u32) -> Option<u32> {
    let doc = web_sys::window()?.document()?;
    let host: web_sys::HtmlElement = doc.create_element("div").ok()?.dyn_into().ok()?;
    let style = host.style();
    for (k, v) in [
        ("position", "absolute"),
        ("left", "-10000px"),
        ("top", "0"),
        ("width", &format!("{width}px")),
    ] {
        let _ = style.set_property(k, v);
    }
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    tier_breakdown::browser::styles::add_styles(&doc, &shadow, css).ok()?;
    shadow.set_inner_html(html);
    doc.body()?.append_child(&host).ok()?;
    let h = host.offset_height();
    host.remove();
    u32::try_from(h).ok().filter(|&h| h > 0)
}
