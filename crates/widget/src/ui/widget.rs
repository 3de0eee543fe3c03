//! One widget: loads its results file, then draws the chart, or the
//! errors, or why the file could not be loaded (with "try again" where that
//! can help); offers a file picker and drag-and-drop where asked. Every
//! mode (full page, iframe, script embed, standalone file, the Leptos
//! component) goes through [`run_widget`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::rx::*;
use wasm_bindgen::JsCast;

use tier_breakdown_core::i18n::{load_message, problem_line, t, Msg, UiLang};
use tier_breakdown_core::options;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::{check, Checked, Rejected};

use super::chart;
use super::dom::{add, fill, listen, queued_effect, set_attr, El, ElExt, Handle};
use super::errors::error_el;
use super::skeleton::skeleton_el;
use super::view::StartView;
use crate::browser::{
    language,
    media::prefers_dark,
    takeover::{done, take_over},
};
use crate::load::{fetch_text, read_file, LoadError};
use tier_breakdown_core::parts::picker_el;

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
    /// A file already validated (a Leptos app that checked it itself).
    Checked(Arc<Checked>),
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

/// Mounts one widget into `host` under its own reactive owner, for the
/// page's lifetime.
pub fn mount_widget(host: &web_sys::Element, source: DataSource, options: WidgetOptions) {
    // An error only means the executor already runs (another widget).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| run_widget(host, source, options));
    // The widget lives as long as the page.
    std::mem::forget(owner);
}

/// Every load, by URL or by picked file, goes through the same path.
#[derive(Clone, Copy)]
struct Loader {
    state: RwSignal<State>,
    /// Seconds to wait for a URL.
    timeout: u32,
}

impl Loader {
    fn load(self, text: Pin<Box<dyn Future<Output = Result<String, LoadError>>>>) {
        let state = self.state;
        state.set(State::Loading);
        spawn_local(async move {
            state.set(match text.await {
                Ok(text) => State::from_text(&text),
                Err(e) => State::Failed(e),
            });
        });
    }

    fn fetch(self, url: String) {
        let timeout = self.timeout;
        self.load(Box::pin(async move { fetch_text(&url, timeout).await }));
    }

    fn file(self, file: web_sys::File) {
        self.load(Box::pin(read_file(file)));
    }
}

/// One widget in `host`, under the current reactive owner: everything it
/// starts is disposed with that owner.
pub fn run_widget(host: &web_sys::Element, source: DataSource, options: WidgetOptions) {
    let state = RwSignal::new(match &source {
        DataSource::Builtin => State::from_text(SEED_JSON),
        DataSource::Text(text) => State::from_text(text),
        DataSource::Checked(c) => State::Ready(c.clone()),
        DataSource::Url(_) => State::Loading,
    });
    let loader = Loader {
        state,
        timeout: options.timeout,
    };
    let url = match source {
        DataSource::Url(url) => {
            loader.fetch(url.clone());
            Some(url)
        }
        _ => None,
    };
    let theme = options.theme.clone();
    let dark = Signal::derive({
        let system = prefers_dark();
        move || {
            theme
                .as_deref()
                .and_then(options::dark)
                .unwrap_or_else(|| system.get())
        }
    });
    let (lang, browser) = (options.lang.clone(), language());
    let ui_lang = Memo::new(move |_| {
        let file = match state.get() {
            State::Ready(c) => Some(c.dataset.lang.clone()),
            _ => None,
        };
        UiLang::choose(lang.as_deref(), file.as_deref(), browser.as_deref())
    });
    // The chart the page carried before the wasm, if any: taken over in place.
    let root = match host
        .query_selector(":scope > [data-tb-static]")
        .ok()
        .flatten()
    {
        Some(old) => {
            take_over(&old);
            Some(old)
        }
        None => add(host, El::with_class("div", "tb tb-light")),
    };
    let Some(root) = root else {
        return;
    };
    let top = root.clone();
    queued_effect(move || {
        let class = if dark.get() {
            "tb tb-dark"
        } else {
            "tb tb-light"
        };
        set_attr(&top, "class", Some(class));
        set_attr(&top, "lang", Some(ui_lang.get().code()));
    });
    let picker = options.picker;
    body(
        &root,
        Body {
            loader,
            url,
            ui_lang,
            dark,
            options,
        },
    );
    file_inputs(&root, loader, picker);
}

/// What the widget's body needs.
struct Body {
    loader: Loader,
    /// The address loaded, for "try again".
    url: Option<String>,
    ui_lang: Memo<UiLang>,
    dark: Signal<bool>,
    options: WidgetOptions,
}

/// What the widget shows; redrawn (and its effects disposed) when the file changes.
fn body(root: &web_sys::Element, b: Body) {
    let body = root.clone();
    queued_effect(move || {
        let lang = b.ui_lang.get();
        let shown = b.loader.state.get();
        let (fig, retry) = (Handle::new(), Handle::new());
        let can_retry = |e: &LoadError| (b.url.is_some() && e.retryable()).then_some(&retry);
        let mut els = vec![match &shown {
            State::Loading => skeleton_el(lang),
            State::Ready(_) => El::with_class("figure", "tb-chart").bind(&fig),
            State::Invalid(r) => {
                let lines: Vec<String> = r.errors.iter().map(|p| problem_line(lang, p)).collect();
                error_el(t(lang, Msg::InvalidFile), &lines, lang, None)
            }
            State::Failed(e) => error_el(
                t(lang, Msg::LoadFailed),
                &[load_message(e, lang)],
                lang,
                can_retry(e),
            ),
        }];
        if b.options.picker {
            els.push(picker_el(lang));
        }
        fill(&body, &els);
        // On the button itself: clicks in the chart never reach this.
        if let (Some(button), Some(url)) = (retry.get(), b.url.clone()) {
            let loader = b.loader;
            listen(&button, "click", move |_| loader.fetch(url.clone()));
        }
        if let (State::Ready(checked), Some(fig)) = (shown, fig.get()) {
            let o = &b.options;
            chart::build(
                &fig,
                chart::Setup {
                    checked,
                    lang,
                    start: o.start.clone(),
                    groups: o.groups.clone(),
                    dark: b.dark,
                    url_state: o.url_state,
                },
            );
        }
        // After the parts' own first runs, queued by `build` (the bars):
        // the static markup no part claimed goes.
        queued_effect(done);
    });
}

/// A file picked with the picker's input, or dropped on the widget.
fn file_inputs(root: &web_sys::Element, loader: Loader, picker: bool) {
    listen(root, "change", move |ev| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.type_() == "file")
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            loader.file(file);
        }
        input.set_value("");
    });
    if picker {
        listen(root, "dragover", |ev| ev.prevent_default());
        listen(root, "drop", move |ev| {
            ev.prevent_default();
            let file = ev
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .and_then(|d| d.files())
                .and_then(|l| l.get(0));
            if let Some(file) = file {
                loader.file(file);
            }
        });
    }
}
