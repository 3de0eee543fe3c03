//! The browser host: reads a widget's options, mounts it (full page, shadow
//! root for the script embed), installs the panic hook that turns a bug into
//! an error box inside the widget, and reports the page height to an iframe
//! parent.

use std::cell::RefCell;

use tier_breakdown_core::fold::id_list;
use tier_breakdown_core::options::{Opt, PAGE_SELECTOR};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::{
    mount_widget, DataSource, StartView, WidgetOptions, DEFAULT_TIMEOUT, SHADOW_CSS, WIDGET_CSS,
};
use tier_breakdown_core::i18n::{t, Msg, UiLang};

thread_local! {
    /// Every element a widget of this wasm instance was mounted in, for the panic hook.
    static ROOTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Options a host gives a widget: query parameters (full page, iframe) or
/// `data-*` attributes (script embed) of the same names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Where to load the results file from (`data` / `data-src`).
    pub data: Option<String>,
    /// The results file's text, inline (a `<script type="application/json">` child).
    pub inline: Option<String>,
    /// Interface language (`vi`, `en`); else the file's, else the browser's.
    pub lang: Option<String>,
    /// Tier ids selected at first, comma-separated.
    pub tiers: Option<String>,
    /// Group ids to show, comma-separated; all when absent.
    pub groups: Option<String>,
    /// A sub-unit id to show instead of the whole area.
    pub unit: Option<String>,
    /// A period id to show instead of the file's top-level period.
    pub period: Option<String>,
    /// A period id to compare the shown period with.
    pub compare: Option<String>,
    /// `light` or `dark`; the reader's system setting when absent.
    pub theme: Option<String>,
    /// Seconds to wait for the results file (default 20).
    pub timeout: Option<String>,
    /// Offer a file picker and drag-and-drop (the full page and standalone file do).
    pub picker: bool,
    /// Mirror the view into the page's address (the full page and iframe do).
    pub url_state: bool,
}

impl Options {
    /// The options `get` gives for each of the core's [`Opt`]s (by its
    /// query name or its attribute), with inline data if any.
    fn read(get: impl Fn(Opt) -> Option<String>, inline: Option<String>) -> Options {
        Options {
            data: get(Opt::Data),
            inline,
            lang: get(Opt::Lang),
            tiers: get(Opt::Tiers),
            groups: get(Opt::Groups),
            unit: get(Opt::Unit),
            period: get(Opt::Period),
            compare: get(Opt::Compare),
            theme: get(Opt::Theme),
            timeout: get(Opt::Timeout),
            picker: false,
            url_state: false,
        }
    }

    /// Reads `?data=…&lang=…&tiers=…&groups=…&theme=…` from a query string.
    pub fn from_query(search: &str) -> Options {
        let params = web_sys::UrlSearchParams::new_with_str(search).ok();
        let get = |k: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(k))
                .filter(|v| !v.trim().is_empty())
        };
        Options::read(|o| get(o.query()), None)
    }
}

/// Mounts one widget into `el` (styles must already be reachable from `el`).
pub fn mount(el: web_sys::HtmlElement, options: Options) {
    install_panic_hook();
    ROOTS.with(|r| r.borrow_mut().push(el.clone()));
    #[cfg(feature = "test-hooks")]
    add_test_panic_trigger(&el);
    // An address given explicitly wins over inline data, which wins over the built-in file.
    let source = match (options.data, options.inline) {
        (Some(url), _) => DataSource::Url(url),
        (None, Some(text)) => DataSource::Text(text),
        (None, None) => DataSource::Builtin,
    };
    let split = |s: Option<String>| s.as_deref().map(id_list).unwrap_or_default();
    let opts = WidgetOptions {
        lang: options.lang,
        start: StartView {
            tiers: split(options.tiers),
            unit: options.unit,
            period: options.period,
            compare: options.compare,
        },
        groups: split(options.groups),
        theme: options.theme,
        timeout: options
            .timeout
            .and_then(|s| s.trim().parse::<u32>().ok())
            .filter(|&s| (1..=600).contains(&s))
            .unwrap_or(DEFAULT_TIMEOUT),
        picker: options.picker,
        url_state: options.url_state,
    };
    mount_widget(&el, source, opts);
}

/// Script embed: mounts a widget in an open shadow root of `host`, with the
/// widget's styles inside it, so the page's CSS cannot reach it and its CSS
/// cannot reach the page. Called by `embed.js`; options come from the host's
/// `data-*` attributes (`data-src`, `data-lang`, `data-tiers`, `data-groups`,
/// `data-theme`, `data-timeout`) and the data from `data-src`, else a
/// `<script type="application/json">` child, else the built-in file.
#[wasm_bindgen(js_name = mountEmbed)]
pub fn mount_embed(host: web_sys::HtmlElement) -> Result<(), JsValue> {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let options = Options::read(|o| attr(o.attr()), inline_json(&host));
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    let doc = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    // A declarative shadow root (an embed code with its data inline)
    // carries the static chart in its wrapper: the widget takes it over
    // there (`:scope` names no element in a shadow root: not used). `embed.js`
    // mounts a host once.
    let wrapper: web_sys::HtmlElement = match shadow.query_selector(".tb-root")? {
        Some(w) => w.dyn_into()?,
        None => {
            let w: web_sys::HtmlElement = doc.create_element("div")?.dyn_into()?;
            w.set_class_name("tb-root");
            shadow.append_child(&w)?;
            w
        }
    };
    crate::browser::styles::add_styles(&doc, &shadow, &format!("{SHADOW_CSS}\n{WIDGET_CSS}"))?;
    mount(wrapper, options);
    Ok(())
}

/// The text of a `<script type="application/json">` child of `el`, if any.
fn inline_json(el: &web_sys::Element) -> Option<String> {
    el.query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten()
        .and_then(|s| s.text_content())
}

/// Entry of the full page (`index.html`, the iframe and the standalone file):
/// one widget on `[data-tier-breakdown-page]`, options from the query string,
/// data from a `<script type="application/json">` inside it if there is one.
/// Does nothing on other pages (the script embed mounts through `mountEmbed`).
pub fn start_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = doc
        .query_selector(PAGE_SELECTOR)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut options = Options::from_query(&search);
    // The picker and drop prompt are for whoever opens the page itself,
    // never for the readers of an iframe embed.
    options.picker = crate::frame::parent().is_none();
    options.url_state = true;
    options.inline = inline_json(&el);
    let _ = crate::browser::styles::add_styles(&doc, &doc, WIDGET_CSS);
    let frame_id = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("childId"));
    mount(el, options);
    crate::frame::report_height(frame_id);
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|_info| {
            // The panic's own words (and their formatting code) only where
            // someone reads them: debug and test builds. Readers get the
            // error box, and the console a fixed line.
            #[cfg(any(debug_assertions, feature = "test-hooks"))]
            console_error_panic_hook::hook(_info);
            #[cfg(not(any(debug_assertions, feature = "test-hooks")))]
            web_sys::console::error_1(
                &"tier-breakdown: internal error (a bug); the chart stopped".into(),
            );
            ROOTS.with(|roots| {
                if let Ok(roots) = roots.try_borrow() {
                    for root in roots.iter() {
                        show_panic(root);
                    }
                }
            });
        }));
    });
}

/// Test hook, only in builds with the `test-hooks` feature (never in what
/// readers get: it also costs 429 bytes of brotli): a
/// `tier-breakdown-test-panic` event dispatched on a widget's mount element
/// makes the widget panic, so tests can prove that a bug shows an error box
/// in that widget only.
#[cfg(feature = "test-hooks")]
fn add_test_panic_trigger(el: &web_sys::HtmlElement) {
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        panic!("test panic requested by the host page")
    });
    let _ = el
        .add_event_listener_with_callback("tier-breakdown-test-panic", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Replaces a widget's content with an error box, built with text nodes only.
fn show_panic(root: &web_sys::HtmlElement) {
    let file_lang = root
        .query_selector(".tb")
        .ok()
        .flatten()
        .and_then(|tb| tb.get_attribute("lang"));
    let lang = UiLang::choose(
        None,
        file_lang.as_deref(),
        crate::browser::language().as_deref(),
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
