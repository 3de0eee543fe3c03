//! The widget's parts: they draw what [`tier_breakdown_core::layout`] and
//! [`tier_breakdown_core::drill`] computed, with the element builder of [`dom`], and hold
//! the reader's state (selection, period, unit, width) in Leptos signals;
//! one `Effect` per part keeps it current. One part a file. Inline styles
//! are only ever set through the CSSOM, never as `style` attributes, so a
//! strict `style-src` CSP allows them.

mod chart;
mod compare;
mod dom;
mod drill;
mod errors;
mod group_bar;
mod legend;
mod picker;
mod ranking;
mod skeleton;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use chart::StartView;
use dom::{append, fill, find, listen, queued_effect, set_attr, El};
use errors::error_el;
use picker::picker_el;
use skeleton::skeleton_el;
use wasm_bindgen::JsCast;

use crate::app::browser_lang;
use crate::load::{fetch_text, read_file, LoadError};
use tier_breakdown_core::i18n::{load_message, problem_line, t, Msg, UiLang};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::{check, Checked, Rejected};

/// The widget's styles, compiled in: injected into the page head (full
/// page) or into each widget's shadow root (script embed).
pub const WIDGET_CSS: &str = include_str!("../../../../style/widget.css");

/// Extra rules for a shadow root: the host element always shows (a page rule
/// such as `div{display:none!important}` loses to an important `:host` rule),
/// and `all: initial` on the wrapper stops inherited page styles
/// (`*{letter-spacing:…!important}` on the host) at the boundary.
pub const SHADOW_CSS: &str =
    ":host{display:block!important;visibility:visible!important;opacity:1!important;\
position:static!important;float:none!important;width:auto!important;min-width:0!important;\
max-width:none!important;height:auto!important;margin:0 0 1em!important;padding:0!important;\
border:0!important;transform:none!important;filter:none!important;contain:content}\
.tb-root{all:initial;display:block}";

/// Options of one widget other than its data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetOptions {
    /// Interface language option (`vi`, `en`).
    pub lang: Option<String>,
    /// The view to start with (tiers, unit, period, comparison).
    pub start: StartView,
    /// Group ids to show (all when empty).
    pub groups: Vec<String>,
    /// `light` or `dark` (else the reader's setting).
    pub theme: Option<String>,
    /// Seconds to wait for the results file.
    pub timeout: u32,
    /// Offer "open a results file" and drag-and-drop (full page, standalone file).
    pub picker: bool,
    /// Keep the view in the page's address (full page and iframe).
    pub url_state: bool,
}

/// Seconds to wait for a results file unless told otherwise.
pub const DEFAULT_TIMEOUT: u32 = 20;

/// Where a widget's results file comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    /// The compiled-in seed (Phú Thọ 2022).
    Builtin,
    /// A URL to fetch.
    Url(String),
    /// The file's text, already at hand (inline JSON, a picked file).
    Text(String),
}

/// Whether the reader's system asks for dark colours, kept up to date.
fn prefers_dark() -> RwSignal<bool> {
    let dark = RwSignal::new(false);
    let query = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    if let Some(query) = query {
        dark.set(query.matches());
        let q = query.clone();
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || dark.set(q.matches()));
        let _ = query.add_event_listener_with_callback(
            "change",
            wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()),
        );
        cb.forget();
    }
    dark
}

/// What the widget is showing.
#[derive(Clone, Debug)]
enum State {
    Loading,
    Ready(Arc<Checked>),
    Invalid(Arc<Rejected>),
    Failed(LoadError),
}

impl State {
    fn from_text(text: &str) -> State {
        match check(text) {
            Ok(c) => State::Ready(Arc::new(c)),
            Err(r) => State::Invalid(Arc::new(r)),
        }
    }
}

/// Mounts one widget into `host`: its own reactive owner (Leptos signals
/// and effects), for the page's lifetime.
pub fn mount_widget(host: &web_sys::Element, source: DataSource, options: WidgetOptions) {
    // An error only means the executor already runs (another widget).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| widget(host, source, options));
    // The widget lives as long as the page.
    std::mem::forget(owner);
}

/// One widget: loads its results file, then draws the chart or the errors.
fn widget(host: &web_sys::Element, source: DataSource, options: WidgetOptions) {
    let WidgetOptions {
        lang,
        start,
        groups,
        theme,
        timeout,
        picker,
        url_state,
    } = options;
    let state = RwSignal::new(match &source {
        DataSource::Builtin => State::from_text(SEED_JSON),
        DataSource::Text(text) => State::from_text(text),
        DataSource::Url(_) => State::Loading,
    });
    // Every load, by URL or by picked file, goes through the same path.
    let load = move |text: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<String, LoadError>>>,
    >| {
        state.set(State::Loading);
        spawn_local(async move {
            state.set(match text.await {
                Ok(text) => State::from_text(&text),
                Err(e) => State::Failed(e),
            });
        });
    };
    let fetch = move |url: String| load(Box::pin(async move { fetch_text(&url, timeout).await }));
    let url = match source {
        DataSource::Url(url) => {
            fetch(url.clone());
            Some(url)
        }
        _ => None,
    };
    let retry_url = url.clone();
    let on_file = move |file: web_sys::File| load(Box::pin(read_file(file)));
    let dark = Signal::derive({
        let system = prefers_dark();
        move || match theme.as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => system.get(),
        }
    });
    let browser = browser_lang();
    let ui_lang = Memo::new(move |_| {
        let file = match state.get() {
            State::Ready(c) => Some(c.dataset.lang.clone()),
            _ => None,
        };
        UiLang::choose(lang.as_deref(), file.as_deref(), browser.as_deref())
    });

    append(host, &[El::with_class("div", "tb tb-light")]);
    let Some(root) = find(host, ".tb") else {
        return;
    };
    let top = root.clone();
    queued_effect(move || {
        set_attr(
            &top,
            "class",
            Some(if dark.get() {
                "tb tb-dark"
            } else {
                "tb tb-light"
            }),
        );
        set_attr(&top, "lang", Some(ui_lang.get().code()));
    });
    // What the widget shows; redrawn (and its effects disposed) when the file changes.
    let body = root.clone();
    queued_effect(move || {
        let lang = ui_lang.get();
        let shown = state.get();
        let mut els = vec![match &shown {
            State::Loading => skeleton_el(lang),
            State::Ready(_) => El::with_class("figure", "tb-chart"),
            State::Invalid(r) => {
                let lines: Vec<String> = r.errors.iter().map(|p| problem_line(lang, p)).collect();
                error_el(t(lang, Msg::InvalidFile), &lines, lang, false)
            }
            State::Failed(e) => error_el(
                t(lang, Msg::LoadFailed),
                &[load_message(e, lang)],
                lang,
                url.is_some() && e.retryable(),
            ),
        }];
        if picker {
            els.push(picker_el(lang));
        }
        fill(&body, &els);
        // On the button itself: clicks in the chart never reach this.
        if let (Some(button), Some(url)) = (find(&body, "[data-key=retry]"), retry_url.clone()) {
            listen(&button, "click", move |_| fetch(url.clone()));
        }
        if let (State::Ready(checked), Some(fig)) = (shown, find(&body, ".tb-chart")) {
            chart::build(
                &fig,
                chart::Setup {
                    checked,
                    lang,
                    start: start.clone(),
                    groups: groups.clone(),
                    dark,
                    url_state,
                },
            );
        }
    });
    listen(&root, "change", move |ev| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.type_() == "file")
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            on_file(file);
        }
        input.set_value("");
    });
    if picker {
        listen(&root, "dragover", |ev| ev.prevent_default());
        listen(&root, "drop", move |ev| {
            ev.prevent_default();
            let file = ev
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .and_then(|d| d.files())
                .and_then(|l| l.get(0));
            if let Some(file) = file {
                on_file(file);
            }
        });
    }
}
