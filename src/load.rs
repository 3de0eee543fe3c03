//! The only module that does IO: fetching a results file over HTTP(S).
//! It returns text or a [`LoadError`]; parsing and validation stay in the core.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::UiLang;
use crate::validate::MAX_BYTES;

/// Why a results file could not be fetched.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The address is not http(s) (e.g. `javascript:`) or cannot be parsed.
    BadAddress(String),
    /// The page was opened from disk and the browser refuses to read other files.
    FromDisk(String),
    /// The server answered with an error status.
    Status {
        url: String,
        status: u16,
    },
    /// No answer: offline, refused, blocked by CORS, or timed out.
    Network {
        url: String,
    },
    TooBig {
        url: String,
        bytes: usize,
    },
}

impl LoadError {
    /// A sentence for the reader, naming the address.
    pub fn message(&self, lang: UiLang) -> String {
        let vi = lang == UiLang::Vi;
        match self {
            LoadError::BadAddress(u) if vi => {
                format!("địa chỉ tệp dữ liệu \"{u}\" không hợp lệ: chỉ dùng http(s)")
            }
            LoadError::BadAddress(u) => {
                format!("the results file address \"{u}\" is not allowed: use http(s) only")
            }
            LoadError::FromDisk(u) if vi => {
                format!("trang đang mở từ máy (file://) nên trình duyệt không cho đọc \"{u}\": hãy mở qua một máy chủ web")
            }
            LoadError::FromDisk(u) => {
                format!("this page was opened from disk (file://), so the browser will not read \"{u}\": open it through a web server")
            }
            LoadError::Status { url, status } if vi => {
                format!("máy chủ trả lỗi {status} cho {url}")
            }
            LoadError::Status { url, status } => format!("the server answered {status} for {url}"),
            LoadError::Network { url } if vi => {
                format!("không kết nối được tới {url} (mất mạng, máy chủ không trả lời, hoặc bị chặn CORS)")
            }
            LoadError::Network { url } => {
                format!("could not reach {url} (offline, no answer from the server, or blocked by CORS)")
            }
            LoadError::TooBig { url, bytes } if vi => {
                format!("tệp {url} quá lớn ({bytes} byte, tối đa {MAX_BYTES} byte)")
            }
            LoadError::TooBig { url, bytes } => {
                format!("{url} is too large ({bytes} bytes, the limit is {MAX_BYTES})")
            }
        }
    }
}

/// Resolves `raw` against the page and keeps it only if it is http(s).
pub fn resolve(raw: &str) -> Result<String, LoadError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(raw.trim(), &base)
        .map_err(|_| LoadError::BadAddress(raw.to_string()))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        "file:" => Err(LoadError::FromDisk(raw.to_string())),
        _ => Err(LoadError::BadAddress(raw.to_string())),
    }
}

/// Fetches a results file as text, refusing files over [`MAX_BYTES`].
pub async fn fetch_text(raw: &str) -> Result<String, LoadError> {
    let url = resolve(raw)?;
    let network = || LoadError::Network { url: url.clone() };
    let window = web_sys::window().ok_or_else(network)?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    let promise = window.fetch_with_str_and_init(&url, &init);
    let resp: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(|_| network())?
        .dyn_into()
        .map_err(|_| network())?;
    if !resp.ok() {
        return Err(LoadError::Status {
            url: url.clone(),
            status: resp.status(),
        });
    }
    let declared = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&b| b > MAX_BYTES) {
        return Err(LoadError::TooBig { url, bytes });
    }
    let text = JsFuture::from(resp.text().map_err(|_| network())?)
        .await
        .map_err(|_| network())?
        .as_string()
        .unwrap_or_default();
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooBig {
            url,
            bytes: text.len(),
        });
    }
    Ok(text)
}
