//! Leptos components: they draw what [`crate::layout`] computed and hold
//! the reader's state (selected tiers, bar width). One component a file.
//! Inline styles are only ever set through the CSSOM (`style:prop=`), never
//! as `style` attributes, so a strict `style-src` CSP allows them.

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

pub use chart::{Chart, StartView};
pub use errors::ErrorPanel;
pub use picker::FilePicker;
pub use skeleton::Skeleton;

use crate::app::browser_lang;
use crate::i18n::{t, Msg, UiLang};
use crate::load::{fetch_text, read_file, LoadError};
use crate::seed::SEED_JSON;
use crate::validate::{check, Checked, Rejected};

/// The widget's styles, compiled in: injected into the page head (full
/// page) or into each widget's shadow root (script embed).
pub const WIDGET_CSS: &str = include_str!("../../style/widget.css");

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

/// One widget: loads its results file, then draws the chart or the errors.
#[component]
pub fn Widget(
    /// The results file to show.
    source: DataSource,
    /// Language, initial tiers, groups shown, theme.
    options: WidgetOptions,
) -> impl IntoView {
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
    let retry = url.map(|url| Callback::new(move |()| fetch(url.clone())));
    let on_file = Callback::new(move |file: web_sys::File| load(Box::pin(read_file(file))));
    let on_drop = move |ev: web_sys::DragEvent| {
        if !picker {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            on_file.run(file);
        }
    };
    let dark = Signal::derive({
        let system = prefers_dark();
        move || match theme.as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => system.get(),
        }
    });
    let theme_class = move || {
        if dark.get() {
            "tb tb-dark"
        } else {
            "tb tb-light"
        }
    };
    let browser = browser_lang();
    let ui_lang = Memo::new(move |_| {
        let file = match state.get() {
            State::Ready(c) => Some(c.dataset.lang.clone()),
            _ => None,
        };
        UiLang::choose(lang.as_deref(), file.as_deref(), browser.as_deref())
    });
    view! {
        <div
            class=theme_class
            lang=move || ui_lang.get().code()
            on:dragover=move |ev: web_sys::DragEvent| {
                if picker {
                    ev.prevent_default();
                }
            }
            on:drop=on_drop
        >
            {move || {
                let lang = ui_lang.get();
                match state.get() {
                    State::Loading => view! { <Skeleton lang=lang /> }.into_any(),
                    State::Ready(c) => {
                        view! { <Chart checked=c lang=lang start=start.clone() groups=groups.clone() dark=dark url_state=url_state /> }
                            .into_any()
                    }
                    State::Invalid(r) => {
                        view! {
                            <ErrorPanel
                                title=t(lang, Msg::InvalidFile)
                                lines=r.errors.iter().map(|p| crate::i18n::problem_line(lang, p)).collect()
                                lang=lang
                                retry=None
                            />
                        }
                            .into_any()
                    }
                    State::Failed(e) => {
                        view! {
                            <ErrorPanel
                                title=t(lang, Msg::LoadFailed)
                                lines=vec![e.message(lang)]
                                lang=lang
                                retry=retry.filter(|_| e.retryable())
                            />
                        }
                            .into_any()
                    }
                }
            }}
            {picker.then(|| view! { <FilePicker lang=ui_lang.get_untracked() on_file=on_file /> })}
        </div>
    }
}
