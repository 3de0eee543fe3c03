//! The ranking table of all units for one group: name (a button that opens
//! the unit), a compact stacked bar, the count evaluated and the share of
//! the selected tiers; sortable by every column. Only the rows in view (and
//! a few around them) are in the DOM, so 10,000 units scroll smoothly.

use std::sync::Arc;

use crate::rx::*;

use super::action::Action;
use super::dom::{
    append, fill, focus_key, listen, on_action, pct, px, queued_effect, El, ElExt, Handle,
};
use super::view::{Chart, ViewState};
use tier_breakdown_core::drill::{
    all_units, ranked_tiers, ranking_base, reselect, sort_rows, RankRow, Sort, SortKey,
};
use tier_breakdown_core::i18n::{t, Msg, UiLang};
use tier_breakdown_core::layout::tier_names;
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::stack::Selection;

/// Height of one row in pixels (fixed in the CSS, so positions are arithmetic).
pub const ROW_PX: f64 = 36.0;
/// Height of the scrolling area.
const VIEW_PX: f64 = 360.0;
/// Rows kept in the DOM above and below the visible ones.
const OVERSCAN: usize = 8;

/// The ranking's own state, shared by its drawing and its listeners.
#[derive(Clone)]
struct Rank {
    /// (unit id, label) of every unit, in [`all_units`] order.
    labels: Arc<Vec<(String, String)>>,
    sort: RwSignal<Sort>,
    /// The scroller's `scrollTop`, in pixels.
    scroll: RwSignal<f64>,
    /// Every unit's row, sorted.
    rows: Memo<Arc<Vec<RankRow>>>,
}

/// Appends the ranking of units for one group to `fig` and wires it.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let lang = c.lang;
    let code = lang.code();
    let labels: Arc<Vec<(String, String)>> = Arc::new(
        all_units(c.data())
            .iter()
            .map(|u| (u.id.clone(), u.label.get(code).to_string()))
            .collect(),
    );
    let groups: Vec<(String, String)> = c
        .head
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.heading.clone()))
        .collect();
    let (scroller, table, select) = (Handle::new(), Handle::new(), Handle::new());
    append(
        fig,
        &[section(
            c,
            &groups,
            labels.len(),
            [&scroller, &table, &select],
        )],
    );
    let (Some(scroller), Some(table)) = (scroller.get(), table.get()) else {
        return;
    };
    let group = RwSignal::new(groups.first().map(|g| g.0.clone()).unwrap_or_default());
    let sort = RwSignal::new(Sort::default());
    let (data, names, ViewState { sel, period, .. }) =
        (c.checked.clone(), c.names.clone(), c.state);
    // The file's part once per period and group; a filter click only sums
    // the selected tiers' shares and sorts.
    let base =
        Memo::new(move |_| Arc::new(ranking_base(&data.dataset, period.get(), &group.get())));
    let rows = Memo::new(move |_| {
        let mut r = base.with(|b| reselect(b, sel.get()));
        sort_rows(&mut r, sort.get(), &names);
        Arc::new(r)
    });
    let r = Rank {
        labels,
        sort,
        scroll: RwSignal::new(0.0),
        rows,
    };
    if let Some(el) = select.get() {
        listen(&el, "change", move |ev| {
            let value = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
                .map(|s| s.value())
                .unwrap_or_default();
            group.set(value);
        });
    }
    let (sc, scroll) = (scroller.clone(), r.scroll);
    listen(&scroller, "scroll", move |_| {
        scroll.set(f64::from(sc.scroll_top()))
    });
    draw(c, &r, &table, &scroller);
    clicks(c, &r, &table);
    keys(&r, &table, scroller);
}

/// The section: heading, group choice (when there are several), and the
/// scrolling table; `h` receives the scroller, the table and the select.
fn section(c: &Chart, groups: &[(String, String)], n: usize, h: [&Handle; 3]) -> El {
    let lang = c.lang;
    let mut head = El::with_class("div", "tb-row")
        .child(El::with_class("h3", "tb-group-title").text(t(lang, Msg::Ranking)));
    if groups.len() > 1 {
        head = head.child(
            El::with_class("label", "tb-field")
                .child(El::new("span").text(t(lang, Msg::RankGroup)))
                .child(
                    El::with_class("select", "tb-select tb-rank-group")
                        .bind(h[2])
                        .children(groups.iter().map(|(id, label)| {
                            El::new("option")
                                .attr("value", id.clone())
                                .text(label.clone())
                        })),
                ),
        );
    }
    El::with_class("section", "tb-ranking")
        .attr("aria-label", t(lang, Msg::Ranking))
        .child(head)
        .child(
            El::with_class("div", "tb-rank-scroll")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-label", t(lang, Msg::Ranking))
                .bind(h[0])
                .child(
                    El::with_class("table", "tb-table tb-rank")
                        .attr("aria-rowcount", (n + 1).to_string())
                        .bind(h[1]),
                ),
        )
}

/// Draws the rows in view (and a few around them) whenever the rows, the
/// scroll position, the selection, the theme or the unit shown change.
fn draw(c: &Chart, r: &Rank, table: &web_sys::Element, scroller: &web_sys::Element) {
    let (lang, dark, sel, unit) = (c.lang, c.dark, c.state.sel, c.state.unit);
    let checked = c.checked.clone();
    let (r, el, focus_home) = (r.clone(), table.clone(), scroller.clone());
    let n = r.labels.len();
    queued_effect(move || {
        let first = ((r.scroll.get() / ROW_PX) as usize).saturating_sub(OVERSCAN);
        let last = (first + (VIEW_PX / ROW_PX) as usize + 2 * OVERSCAN + 1).min(n);
        let rows = r.rows.get();
        let draw = Draw {
            lang,
            data: &checked.dataset,
            labels: &r.labels,
            sel: sel.get(),
            dark: dark.get(),
            current: unit.get(),
        };
        let body = El::new("tbody")
            .child(spacer(first))
            .children(
                rows.get(first.min(last)..last)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(k, row)| draw.row(first + k, row)),
            )
            .child(spacer(n - last));
        // A focused row scrolled out of the drawn window: keep the focus in the table.
        if !fill(&el, &[draw.head(r.sort.get()), body]) {
            if let Some(sc) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&focus_home) {
                let _ = sc.focus();
            }
        }
    });
}

/// One listener for the whole table: sort buttons and unit buttons.
fn clicks(c: &Chart, r: &Rank, table: &web_sys::Element) {
    let (unit, sort, rows, labels) = (c.state.unit, r.sort, r.rows, r.labels.clone());
    on_action(table, "click", move |a, _| match a {
        Action::Sort(k) => sort.update(|s| *s = s.clicked(k)),
        Action::Row(pos) => {
            let id = rows.with_untracked(|r| {
                r.get(pos)
                    .and_then(|r| labels.get(r.unit))
                    .map(|l| l.0.clone())
            });
            unit.set(id);
        }
        _ => {}
    });
}

/// Arrow keys, Home and End move between the unit rows, scrolling the
/// next one fully into view (rows start under the sticky header).
fn keys(r: &Rank, table: &web_sys::Element, sc: web_sys::Element) {
    let (n, scroll, table_el) = (r.labels.len(), r.scroll, table.clone());
    on_action(table, "keydown", move |a, ev| {
        let (Action::Row(pos), Some(ev)) = (
            a,
            wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(&ev),
        ) else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowDown" => (pos + 1).min(n.saturating_sub(1)),
            "ArrowUp" => pos.saturating_sub(1),
            "Home" => 0,
            "End" => n.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        let top = next as f64 * ROW_PX;
        let at = f64::from(sc.scroll_top());
        if top < at {
            sc.set_scroll_top(top as i32);
        } else if top + 2.0 * ROW_PX > at + VIEW_PX {
            sc.set_scroll_top((top + 2.0 * ROW_PX - VIEW_PX) as i32);
        }
        scroll.set(f64::from(sc.scroll_top()));
        let key = Action::Row(next).key();
        if !focus_key(&table_el, &key) {
            // Not drawn yet (Home/End): draw, then focus.
            let table_el = table_el.clone();
            crate::browser::next_frame(move || {
                focus_key(&table_el, &key);
            });
        }
    });
}

/// An empty row standing in for `rows` rows that are not drawn.
fn spacer(rows: usize) -> El {
    El::with_class("tr", "tb-spacer")
        .attr("aria-hidden", "true")
        .style("height", px(rows as f64 * ROW_PX))
}

/// What drawing the visible rows needs.
struct Draw<'a> {
    lang: UiLang,
    data: &'a Dataset,
    labels: &'a [(String, String)],
    sel: Selection,
    dark: bool,
    current: Option<String>,
}

impl Draw<'_> {
    /// The header row: three sortable columns and the bar.
    fn head(&self, sort: Sort) -> El {
        let share_name = tier_names(&self.data.tiers, ranked_tiers(self.sel), self.lang);
        let th = |key: SortKey, text: String, class: &str| {
            let (aria, arrow) = match (sort.key == key, sort.descending) {
                (false, _) => ("none", "↕"),
                (true, true) => ("descending", "▼"),
                (true, false) => ("ascending", "▲"),
            };
            El::with_class("th", class)
                .attr("scope", "col")
                .attr("aria-sort", aria)
                .child(
                    El::with_class("button", "tb-sort")
                        .attr("type", "button")
                        .action(Action::Sort(key))
                        .text(text)
                        .child(
                            El::with_class("span", "tb-arrow")
                                .attr("aria-hidden", "true")
                                .text(arrow),
                        ),
                )
        };
        El::new("thead").child(
            El::new("tr")
                .attr("aria-rowindex", "1")
                .child(th(
                    SortKey::Name,
                    t(self.lang, Msg::Unit).into(),
                    "tb-col-name",
                ))
                .child(
                    El::with_class("th", "tb-col-bar")
                        .attr("scope", "col")
                        .text(t(self.lang, Msg::Breakdown)),
                )
                .child(th(
                    SortKey::Evaluated,
                    t(self.lang, Msg::EvaluatedHead).into(),
                    "tb-col-num",
                ))
                .child(th(SortKey::Share, share_name, "tb-col-num")),
        )
    }

    /// One unit's row at sorted position `pos`.
    fn row(&self, pos: usize, r: &RankRow) -> El {
        let (id, label) = self.labels.get(r.unit).cloned().unwrap_or_default();
        let is_current = self.current.as_deref() == Some(id.as_str());
        let ranked = ranked_tiers(self.sel);
        // A partial split's rest (its last piece) sits where its first tier
        // would: hatched, never a tier colour.
        let mut rest = r.pieces.last().copied().filter(|p| p.1 > 0);
        let mut x = 0u32;
        let mut segs = Vec::new();
        for (i, &w) in r.tenths.iter().enumerate() {
            if let Some((_, t)) = rest.filter(|p| p.0.contains(i)) {
                segs.push(mini_seg("tb-mini-seg tb-rest", x, t));
                x += t;
                rest = None;
            }
            if w == 0 {
                continue;
            }
            let c = (i < self.data.tiers.len()).then(|| self.data.fill(i, self.dark));
            let c = match c {
                Some(c) if self.sel.is_empty() || ranked.contains(i) => c,
                Some(_) => tier_breakdown_core::model::UNSELECTED[usize::from(self.dark)],
                None => tier_breakdown_core::model::Color(0x8d, 0x8d, 0x8d),
            };
            segs.push(mini_seg("tb-mini-seg", x, w).style("background", c.css()));
            x += w;
        }
        let texts = r.texts(self.lang);
        El::with_class(
            "tr",
            if is_current {
                "tb-rank-row tb-current-row"
            } else {
                "tb-rank-row"
            },
        )
        .attr("data-unit", id)
        .attr("aria-rowindex", (pos + 2).to_string())
        .child(
            El::with_class("th", "tb-col-name")
                .attr("scope", "row")
                .child(
                    El::with_class("button", "tb-unit-link")
                        .attr("type", "button")
                        .action(Action::Row(pos))
                        .attr_if("aria-current", is_current.then_some("true"))
                        .label(label),
                ),
        )
        .child(
            El::with_class("td", "tb-col-bar").child(
                El::with_class("span", "tb-mini")
                    .attr("aria-hidden", "true")
                    .children(segs),
            ),
        )
        .child(El::with_class("td", "tb-col-num").text(texts.evaluated))
        .child(El::with_class("td", "tb-col-num tb-rank-share").text(texts.share))
    }
}

/// A mini bar's segment `w` tenths wide at `x` tenths.
fn mini_seg(class: &str, x: u32, w: u32) -> El {
    El::with_class("span", class)
        .style("left", pct(f64::from(x) / 10.0))
        .style("width", pct(f64::from(w) / 10.0))
}
