//! One chart: sets up the view it starts with and the memos every part
//! reads, then mounts the parts into its `<figure>` in reading order. Each
//! part appends its own elements, keeps the handles it needs, and owns its
//! listeners and effects (all disposed with the chart's reactive owner).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::rx::*;
use tier_breakdown_core::drill::{folded_names, period_index, periods, scoped};
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::{chart, WIDTH_STEP};
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::Checked;

use super::dom::set_attr;
use super::view::{keep_in_url, Chart, ChartParts, StartView, ViewState};
use super::{announce, bars, compare, drill, header, legend, ranking, tools, tooltip};
use crate::browser::resize::observe_width;

/// Ids unique on the page, for `aria-labelledby` and friends.
static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

/// Everything [`build`] needs.
pub struct Setup {
    /// The validated file and its warnings.
    pub checked: Arc<Checked>,
    /// Interface language.
    pub lang: UiLang,
    /// The view to start with.
    pub start: StartView,
    /// Group ids to show (all when empty).
    pub groups: Vec<String>,
    /// Whether the dark theme is on.
    pub dark: Signal<bool>,
    /// Keep the view in the page's address (full page and iframe, never the script embed).
    pub url_state: bool,
}

/// Draws the chart into its `<figure>` and keeps each part up to date.
pub fn build(fig: &web_sys::Element, s: Setup) {
    let c = setup(fig, s);
    let d = c.data();
    let (has_periods, has_units) = (!d.periods.is_empty(), !c.names.is_empty());
    header::mount(fig, &c);
    if has_periods || has_units {
        drill::mount(fig, &c);
    }
    legend::mount(fig, &c);
    let bars = bars::mount(fig, &c);
    if has_periods {
        compare::mount(fig, &c);
    }
    if has_units {
        ranking::mount(fig, &c);
    }
    if let Some(bars) = &bars {
        tooltip::mount(fig, bars);
    }
    announce::mount(fig, &c);
    tools::mount(fig, &c);
}

/// The view's signals (from where the chart was asked to start), the
/// file's head, and the memos of what is shown.
fn setup(fig: &web_sys::Element, s: Setup) -> Chart {
    let Setup {
        checked,
        lang,
        start,
        groups,
        dark,
        url_state,
    } = s;
    let width = RwSignal::new(640.0);
    observe_width(fig, width, WIDTH_STEP);
    let id = format!("tb{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    set_attr(fig, "aria-labelledby", Some(&format!("{id}-title")));
    set_attr(fig, "aria-describedby", Some(&format!("{id}-summary")));
    let d0 = &checked.dataset;
    let names = Arc::new(folded_names(d0, lang));
    let state = ViewState {
        sel: RwSignal::new(Selection::start(d0, &start.tiers)),
        period: RwSignal::new(period_index(d0, start.period.as_deref())),
        unit: RwSignal::new(start.unit.filter(|u| {
            tier_breakdown_core::drill::all_units(d0)
                .iter()
                .any(|x| x.id == *u)
        })),
        base: RwSignal::new(
            start
                .compare
                .and_then(|c| periods(d0).iter().position(|p| p.id == c)),
        ),
    };
    if url_state {
        keep_in_url(checked.clone(), state);
    }
    // The chart's head (title, legend, source) is the whole file's.
    let head = chart(d0, lang, width.get_untracked(), dark.get_untracked()).only_groups(&groups);
    let shown: Arc<Vec<String>> = Arc::new(head.groups.iter().map(|g| g.id.clone()).collect());
    let data = checked.clone();
    let scope = Memo::new(move |_| {
        scoped(
            &data.dataset,
            state.period.get(),
            state.unit.get().as_deref(),
        )
        .map(Arc::new)
    });
    let ids = shown.clone();
    let view = Memo::new(move |_| {
        scope
            .get()
            .map(|d| chart(&d, lang, width.get(), dark.get()).only_groups(&ids))
    });
    Chart::new(ChartParts {
        checked,
        lang,
        state,
        dark,
        head: Arc::new(head),
        scope,
        view,
        shown,
        names,
        id,
    })
}
