//! Comparison of the shown period with another: per group, each tier's
//! share then and now and the change in percentage points, with a symbol
//! and words (never colour alone).

use crate::rx::*;

use super::dom::{add, fill, queued_effect, set_attr, El};
use super::view::{Chart, ViewState};
use tier_breakdown_core::drill::{compare, period_label, periods, scoped};
use tier_breakdown_core::i18n::{comparing, t, Msg};

/// Appends the comparison's section to `fig` (hidden while no base period
/// other than the shown one is chosen) and keeps its tables current.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let Some(el) = add(
        fig,
        El::with_class("section", "tb-compare").attr("hidden", ""),
    ) else {
        return;
    };
    let c = c.clone();
    queued_effect(move || {
        let els = tables(&c);
        set_attr(&el, "hidden", els.is_empty().then_some(""));
        fill(&el, &els);
    });
}

/// The heading and one table per group; nothing when no other period is chosen.
fn tables(c: &Chart) -> Vec<El> {
    let (d, lang, scope, shown) = (c.data(), c.lang, c.scope, &c.shown);
    let ViewState {
        sel,
        period,
        unit,
        base,
    } = c.state;
    let (now, b) = (period.get(), base.get());
    let (Some(b), Some(shown_ds)) = (b.filter(|&b| b != now), scope.get()) else {
        return vec![];
    };
    let base_ds = scoped(d, b, unit.get().as_deref());
    let ps = periods(d);
    let label = |i: usize| ps.get(i).map(|p| period_label(p, lang)).unwrap_or_default();
    let (now_label, base_label) = (label(now), label(b));
    let head = [
        t(lang, Msg::Tier),
        &base_label,
        &now_label,
        t(lang, Msg::Change),
    ];
    let groups = compare(d, &shown_ds, base_ds.as_ref(), sel.get(), lang);
    std::iter::once(El::with_class("h3", "tb-group-title").text(comparing(
        &now_label,
        &base_label,
        lang,
    )))
    .chain(
        groups
            .into_iter()
            .filter(|g| shown.contains(&g.id))
            .map(|g| {
                let body = if g.rows.is_empty() {
                    vec![El::new("tr").child(
                        El::with_class("td", "tb-none")
                            .attr("colspan", "4")
                            .text(t(lang, Msg::NoData)),
                    )]
                } else {
                    g.rows
                        .into_iter()
                        .map(|r| {
                            El::new("tr")
                                .attr("data-direction", r.direction.name())
                                .child(El::new("th").attr("scope", "row").label(r.label))
                                .child(El::new("td").text(r.before))
                                .child(El::new("td").text(r.after))
                                .child(El::with_class("td", "tb-change").text(r.change))
                        })
                        .collect()
                };
                El::with_class("div", "tb-table-wrap").child(
                    El::with_class("table", "tb-table tb-compare-table")
                        .attr("data-group", g.id)
                        .child(El::new("caption").text(g.heading))
                        .child(
                            El::new("thead").child(
                                El::new("tr").children(
                                    head.iter()
                                        .map(|h| El::new("th").attr("scope", "col").text(*h)),
                                ),
                            ),
                        )
                        .child(El::new("tbody").children(body)),
                )
            }),
    )
    .collect()
}
