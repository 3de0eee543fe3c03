//! Leptos components: they draw what [`crate::layout`] computed and hold
//! the reader's state (selected tiers, bar width). One component a file.

mod chart;
mod errors;
mod group_bar;
mod legend;
mod skeleton;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use chart::Chart;
pub use errors::{ErrorPanel, WarningList};
pub use group_bar::GroupBar;
pub use legend::TierLegend;
pub use skeleton::Skeleton;

use crate::app::browser_lang;
use crate::i18n::{t, Msg, UiLang};
use crate::load::{fetch_text, LoadError};
use crate::seed::SEED_JSON;
use crate::validate::{check, Checked, Rejected};

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
    /// Interface language option (`vi`, `en`).
    lang: Option<String>,
) -> impl IntoView {
    let state = RwSignal::new(match &source {
        DataSource::Builtin => State::from_text(SEED_JSON),
        DataSource::Text(text) => State::from_text(text),
        DataSource::Url(_) => State::Loading,
    });
    if let DataSource::Url(url) = source {
        spawn_local(async move {
            let next = match fetch_text(&url).await {
                Ok(text) => State::from_text(&text),
                Err(e) => State::Failed(e),
            };
            state.set(next);
        });
    }
    let browser = browser_lang();
    let ui_lang = Memo::new(move |_| {
        let file = match state.get() {
            State::Ready(c) => Some(c.dataset.lang.clone()),
            _ => None,
        };
        UiLang::choose(lang.as_deref(), file.as_deref(), browser.as_deref())
    });
    view! {
        <div class="tb" lang=move || ui_lang.get().code()>
            {move || {
                let lang = ui_lang.get();
                match state.get() {
                    State::Loading => view! { <Skeleton lang=lang /> }.into_any(),
                    State::Ready(c) => view! { <Chart checked=c lang=lang /> }.into_any(),
                    State::Invalid(r) => {
                        view! {
                            <ErrorPanel
                                title=t(lang, Msg::InvalidFile)
                                lines=r.errors.iter().map(|p| crate::i18n::problem_line(lang, p)).collect()
                            />
                        }
                            .into_any()
                    }
                    State::Failed(e) => {
                        view! { <ErrorPanel title=t(lang, Msg::LoadFailed) lines=vec![e.message(lang)] /> }
                            .into_any()
                    }
                }
            }}
        </div>
    }
}
