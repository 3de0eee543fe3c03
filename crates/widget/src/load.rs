//! The only module that does IO: fetching a results file over HTTP(S), or
//! reading one the reader picked. It returns text or the core's
//! [`LoadError`] (whose words are in the core's i18n); parsing and
//! validation stay in the core.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use tier_breakdown_core::problem::LoadError;
use tier_breakdown_core::problem::MAX_BYTES;

/// Resolves `raw` against the page and keeps it only if it is http(s).
/// A `file:` address is [`LoadError::FromDisk`] on a `file:` page only.
pub fn resolve(raw: &str) -> Result<String, LoadError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(raw.trim(), &base)
        .map_err(|_| LoadError::BadAddress(raw.to_string()))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        // Named (and explained) only to a page that is itself on disk: on
        // an outlet's page the address is anyone's words.
        "file:" if base.starts_with("file:") => Err(LoadError::FromDisk(raw.to_string())),
        _ => Err(LoadError::BadAddress(raw.to_string())),
    }
}

/// Fetches a results file as text within `seconds`, refusing files over
/// [`MAX_BYTES`] (by their declared length before reading, and by
/// stopping the read as soon as it passes the limit).
/// Any `Content-Type` is accepted: servers often send JSON as text/plain,
/// and the text itself says whether it is JSON (or an HTML error page).
pub async fn fetch_text(raw: &str, seconds: u32) -> Result<String, LoadError> {
    let url = resolve(raw)?;
    let network = || LoadError::Network { url: url.clone() };
    let window = web_sys::window().ok_or_else(network)?;
    let controller = web_sys::AbortController::new().map_err(|_| network())?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_signal(Some(&controller.signal()));
    let abort = Closure::once(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            (seconds * 1000) as i32,
        )
        .unwrap_or(0);
    let result = read(&window, &url, &init).await;
    window.clear_timeout_with_handle(timer);
    drop(abort);
    result.map_err(|e| match e {
        // An abort is our timer: say so rather than "could not reach".
        Some(e) => e,
        None => LoadError::Timeout {
            url: url.clone(),
            seconds,
        },
    })
}

/// The request itself; `Err(None)` when it was aborted.
async fn read(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<String, Option<LoadError>> {
    let network = |e: JsValue| {
        // An Error or a DOMException: either has its `name`.
        let aborted = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .as_deref()
            == Some("AbortError");
        if aborted {
            None
        } else {
            Some(LoadError::Network {
                url: url.to_string(),
            })
        }
    };
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !resp.ok() {
        return Err(Some(LoadError::Status {
            url: url.to_string(),
            status: resp.status(),
        }));
    }
    // Parsed as u64: on wasm32 a usize overflows at 4 GiB, and a failed
    // parse would turn the check off.
    let declared = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    let too_big = || {
        Some(LoadError::TooBig {
            url: url.to_string(),
        })
    };
    if declared.is_some_and(|b| b > MAX_BYTES as u64) {
        return Err(too_big());
    }
    // Read chunk by chunk and stop at the limit, whatever the headers say:
    // Content-Length is the compressed size of a gzip body, and a chunked
    // body has none; `text()` would hold the whole body first.
    let Some(body) = resp.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut total = 0usize;
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(network)?;
        let field = |name: &str| js_sys::Reflect::get(&step, &name.into()).unwrap_or_default();
        if field("done").is_truthy() {
            break;
        }
        let chunk: js_sys::Uint8Array = field("value").unchecked_into();
        total += chunk.length() as usize;
        if total > MAX_BYTES {
            let _ = reader.cancel();
            return Err(too_big());
        }
        chunks.push(&chunk);
    }
    // A Blob joins the chunks outside wasm memory and decodes them as
    // `text()` would (UTF-8, a BOM dropped, bad bytes replaced).
    let blob = web_sys::Blob::new_with_u8_array_sequence(&chunks).map_err(network)?;
    Ok(JsFuture::from(blob.text())
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default())
}

/// Reads a file the reader picked or dropped, refusing it over [`MAX_BYTES`] before reading.
pub async fn read_file(file: web_sys::File) -> Result<String, LoadError> {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return Err(LoadError::TooBig { url: name });
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(LoadError::Unreadable(name))
}
