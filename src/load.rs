//! The only module that does IO: fetching a results file over HTTP(S).
//! It returns text or a [`LoadError`]; parsing and validation stay in the core.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
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
    /// No answer: offline, refused, blocked by CORS, or cut off mid-way.
    Network {
        url: String,
    },
    TooBig {
        url: String,
        bytes: usize,
    },
    /// No complete answer within the time limit.
    Timeout {
        url: String,
        seconds: u32,
    },
    /// A picked or dropped file that could not be read.
    Unreadable(String),
}

impl LoadError {
    /// Whether trying again may help (a flaky network, a busy server).
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadError::Network { .. }
                | LoadError::Timeout { .. }
                | LoadError::Status { status: 500.., .. }
        )
    }

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
            LoadError::FromDisk(u) if vi => format!(
                "trang đang mở từ máy (file://) nên trình duyệt không cho đọc \"{u}\": hãy mở qua một máy chủ web, hoặc chọn tệp bằng nút \"Mở tệp dữ liệu\""
            ),
            LoadError::FromDisk(u) => format!(
                "this page was opened from disk (file://), so the browser will not read \"{u}\": open it through a web server, or use \"Open a results file\""
            ),
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
            LoadError::Timeout { url, seconds } if vi => {
                format!("{url} không trả lời sau {seconds} giây")
            }
            LoadError::Timeout { url, seconds } => format!("no answer from {url} after {seconds} seconds"),
            LoadError::Unreadable(name) if vi => format!("không đọc được tệp \"{name}\""),
            LoadError::Unreadable(name) => format!("the file \"{name}\" could not be read"),
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

/// Fetches a results file as text within `seconds`, refusing files over
/// [`MAX_BYTES`] (by their declared length before reading, else after).
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
        let aborted = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| e.name() == "AbortError")
            .unwrap_or(false)
            || js_sys::Reflect::get(&e, &"name".into())
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
    let declared = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&b| b > MAX_BYTES) {
        return Err(Some(LoadError::TooBig {
            url: url.to_string(),
            bytes,
        }));
    }
    let text = JsFuture::from(resp.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default();
    if text.len() > MAX_BYTES {
        return Err(Some(LoadError::TooBig {
            url: url.to_string(),
            bytes: text.len(),
        }));
    }
    Ok(text)
}

/// Reads a file the reader picked or dropped, refusing it over [`MAX_BYTES`] before reading.
pub async fn read_file(file: web_sys::File) -> Result<String, LoadError> {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_BYTES {
        return Err(LoadError::TooBig {
            url: name,
            bytes: size,
        });
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(LoadError::Unreadable(name))
}
