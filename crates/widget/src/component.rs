//! `<TierBreakdown/>`: the chart as a Leptos component, for a Rust
//! developer with a Leptos app. It runs the very widget the page, the
//! iframe, the script embed and the standalone file run
//! ([`crate::ui::run_widget`]), inside the component's own reactive owner;
//! when a prop changes, the widget is drawn again with it.
//!
//! ```ignore
//! use tier_breakdown::component::{ChartData, TierBreakdown};
//! let lang = RwSignal::new(Some("en".to_string()));
//! view! { <TierBreakdown data=ChartData::Url("results.json".into()) lang=lang /> }
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use tier_breakdown_core::validate::Checked;
use wasm_bindgen::JsCast;

pub use crate::ui::DataSource as ChartData;
use crate::ui::{run_widget, StartView, WidgetOptions, DEFAULT_TIMEOUT, WIDGET_CSS};

impl From<Checked> for ChartData {
    fn from(c: Checked) -> ChartData {
        ChartData::Checked(Arc::new(c))
    }
}

/// The chart of a results file, by tier. Its styles are added to the
/// document once (they are all scoped under `.tb`).
#[component]
pub fn TierBreakdown(
    /// The results file: its text, an address to fetch, a file already
    /// validated with `tier_breakdown_core::validate::check`, or the
    /// built-in data.
    #[prop(into)]
    data: Signal<ChartData>,
    /// Interface language (`vi`, `en`); else the file's, else the browser's.
    #[prop(into, optional)]
    lang: Signal<Option<String>>,
    /// Tier ids selected at first.
    #[prop(into, optional)]
    tiers: Signal<Vec<String>>,
    /// Group ids to show (all when empty).
    #[prop(into, optional)]
    groups: Signal<Vec<String>>,
    /// `light` or `dark`; else the reader's system setting.
    #[prop(into, optional)]
    theme: Signal<Option<String>>,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    add_css_once();
    Effect::new(move |_| {
        let Some(el) = host.get() else {
            return;
        };
        let options = WidgetOptions {
            lang: lang.get(),
            start: StartView {
                tiers: tiers.get(),
                ..StartView::default()
            },
            groups: groups.get(),
            theme: theme.get(),
            timeout: DEFAULT_TIMEOUT,
            picker: false,
            url_state: false,
        };
        let el: &web_sys::Element = el.unchecked_ref();
        // The previous drawing's effects were disposed with this effect's last run.
        el.set_text_content(None);
        run_widget(el, data.get(), options);
    });
    view! { <div class="tb-host" node_ref=host></div> }
}

/// The widget's CSS in the document's head, once.
fn add_css_once() {
    static ADDED: AtomicBool = AtomicBool::new(false);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if !ADDED.load(Ordering::Relaxed)
        && crate::browser::styles::add_styles(&doc, &doc, WIDGET_CSS).is_ok()
    {
        ADDED.store(true, Ordering::Relaxed);
    }
}
