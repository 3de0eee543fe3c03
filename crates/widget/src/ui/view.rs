//! What the reader is looking at, and what every part of a chart shares:
//! the view's signals ([`ViewState`]), where a link asked it to start
//! ([`StartView`]), the bundle a part is mounted with ([`Chart`]), and the
//! address that follows the view ([`keep_in_url`]).

use std::rc::Rc;
use std::sync::Arc;

use crate::rx::*;
use tier_breakdown_core::drill::periods;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::ChartView;
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::Checked;

use super::dom::{effect, soon};
use crate::browser::address::replace_params;

/// Where a chart starts: the view a link or `data-*` options asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartView {
    /// Tier ids selected at first.
    pub tiers: Vec<String>,
    /// A unit id.
    pub unit: Option<String>,
    /// A period id.
    pub period: Option<String>,
    /// The id of the period to compare with.
    pub compare: Option<String>,
}

/// What the reader is looking at; shared by every part of the chart.
#[derive(Clone, Copy)]
pub struct ViewState {
    pub sel: RwSignal<Selection>,
    /// Index into [`tier_breakdown_core::drill::periods`].
    pub period: RwSignal<usize>,
    /// A unit id, or the whole area.
    pub unit: RwSignal<Option<String>>,
    /// The period compared with, if any.
    pub base: RwSignal<Option<usize>>,
}

/// Everything a part of one chart is mounted with: one shared bundle, so a
/// part's closures hold one pointer (and the wasm one copy of its drop).
#[derive(Clone)]
pub struct Chart(Rc<ChartParts>);

impl Chart {
    pub fn new(parts: ChartParts) -> Chart {
        Chart(Rc::new(parts))
    }
}

impl std::ops::Deref for Chart {
    type Target = ChartParts;
    fn deref(&self) -> &ChartParts {
        &self.0
    }
}

/// What [`Chart`] holds.
pub struct ChartParts {
    /// The validated file and its warnings.
    pub checked: Arc<Checked>,
    pub lang: UiLang,
    pub state: ViewState,
    pub dark: Signal<bool>,
    /// The file's own view (title, legend, source, notes), laid out once.
    pub head: Arc<ChartView>,
    /// The period and unit shown, as a plain file (`None`: no figures there).
    pub scope: Memo<Option<Arc<Dataset>>>,
    /// What the bars show now (scope, width and theme).
    pub view: Memo<Option<ChartView>>,
    /// Group ids shown (all of them when the options name none).
    pub shown: Arc<Vec<String>>,
    /// Folded unit names, for the search box and sorting by name.
    pub names: Arc<Vec<String>>,
    /// Prefix of this chart's element ids (`tb3`), unique on the page.
    pub id: String,
}

impl ChartParts {
    /// The file.
    pub fn data(&self) -> &Dataset {
        &self.checked.dataset
    }
}

/// How long the address waits for the view to settle before it is
/// rewritten: `history.replaceState` costs ~3 ms at 4× CPU (it was the
/// largest part of a filter click), and Chromium throttles bursts of it.
const URL_DELAY_MS: i32 = 250;

/// Mirrors the view into the address (`?unit=…&tiers=…&period=…&compare=…`),
/// keeping the page's other parameters. A file without units or periods
/// writes `tiers` only.
pub fn keep_in_url(checked: Arc<Checked>, state: ViewState) {
    let drillable = {
        let d = &checked.dataset;
        !d.units.is_empty() || !d.periods.is_empty()
    };
    let write = soon(URL_DELAY_MS, move || {
        let d = &checked.dataset;
        let (Some(sel), Some(unit), Some(period), Some(base)) = (
            state.sel.try_get_untracked(),
            state.unit.try_get_untracked(),
            state.period.try_get_untracked(),
            state.base.try_get_untracked(),
        ) else {
            return; // the chart is gone
        };
        if !drillable {
            replace_params(&[("tiers", sel.ids(d))]);
            return;
        }
        let ps = periods(d);
        let id_of = |i: Option<usize>| i.and_then(|i| ps.get(i)).map(|p| p.id.to_string());
        replace_params(&[
            ("unit", unit.unwrap_or_default()),
            ("tiers", sel.ids(d)),
            (
                "period",
                id_of(Some(period).filter(|&p| p > 0)).unwrap_or_default(),
            ),
            (
                "compare",
                id_of(base.filter(|&b| b != period)).unwrap_or_default(),
            ),
        ]);
    });
    // Synchronous: it only notes that a write is due, and a queued effect
    // would cost a filter click a trip through the task queue.
    effect(move || {
        state.sel.track();
        state.unit.track();
        state.period.track();
        state.base.track();
        write();
    });
}
