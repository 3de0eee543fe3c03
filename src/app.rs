//! The browser host: reads the page's options, mounts widgets and installs
//! the panic hook that turns a bug into an error box inside each widget.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Msg, UiLang};
use crate::ui::{DataSource, Widget};

thread_local! {
    /// Every element a widget was mounted in, for the panic hook.
    static ROOTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Options a host gives a widget (query string or `data-*` attributes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Where to load the results file from; the built-in data when `None`.
    pub data: Option<String>,
    /// Interface language (`vi`, `en`); else the file's, else the browser's.
    pub lang: Option<String>,
}

impl Options {
    /// Reads `?data=…&lang=…` from a query string.
    pub fn from_query(search: &str) -> Options {
        let params = web_sys::UrlSearchParams::new_with_str(search).ok();
        let get = |k: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(k))
                .filter(|v| !v.trim().is_empty())
        };
        Options {
            data: get("data"),
            lang: get("lang"),
        }
    }
}

/// Mounts one widget into `el` with `options`.
pub fn mount(el: web_sys::HtmlElement, options: Options) {
    install_panic_hook();
    ROOTS.with(|r| r.borrow_mut().push(el.clone()));
    let source = match options.data {
        Some(url) => DataSource::Url(url),
        None => DataSource::Builtin,
    };
    let lang = options.lang;
    leptos::mount::mount_to(el, move || view! { <Widget source=source lang=lang /> }).forget();
}

/// Entry of the full page (`index.html`): one widget on `#tier-breakdown`, or on `<body>`.
pub fn start_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let el = doc
        .get_element_by_id("tier-breakdown")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| doc.body());
    if let Some(el) = el {
        mount(el, Options::from_query(&search));
    }
}

/// The browser's preferred language, e.g. `vi-VN`.
pub fn browser_lang() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            ROOTS.with(|roots| {
                for root in roots.borrow().iter() {
                    show_panic(root);
                }
            });
        }));
    });
}

/// Replaces a widget's content with an error box, built with text nodes only.
fn show_panic(root: &web_sys::HtmlElement) {
    let lang = UiLang::choose(
        None,
        root.get_attribute("lang").as_deref(),
        browser_lang().as_deref(),
    );
    let Some(doc) = root.owner_document() else {
        return;
    };
    let Ok(boxed) = doc.create_element("div") else {
        return;
    };
    boxed.set_class_name("tb tb-error tb-panic");
    let _ = boxed.set_attribute("role", "alert");
    boxed.set_text_content(Some(t(lang, Msg::PanicTitle)));
    root.set_text_content(None);
    let _ = root.append_child(&boxed);
}
