//! Under the bars: the data table (always in the page for screen readers,
//! shown on demand), then the footer (source, notes) with "show the data
//! table" and "get the data" (a CSV of what the chart shows, made in the
//! page) in it.

use crate::rx::*;
use tier_breakdown_core::export::{csv, csv_name};

use tier_breakdown_core::parts::{footer_el, table_rows, tools_els, ToolBinds};

use super::dom::{append, fill, listen, pressed, queued_effect, set_attr, Handle};
use super::view::Chart;
use crate::browser::download::point_at_text;

/// Appends the data table and the footer with the tools to `fig`, and
/// wires them (the footer itself never changes).
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let id = &c.id;
    let (toggle, link, wrap, tbl) = (Handle::new(), Handle::new(), Handle::new(), Handle::new());
    let binds = ToolBinds {
        toggle: Some(toggle.as_bind()),
        link: Some(link.as_bind()),
        wrap: Some(wrap.as_bind()),
        table: Some(tbl.as_bind()),
    };
    // The table's rows and the link's file name are written by the effects below.
    let [tools, table] = tools_els(id, c.lang, "", Vec::new(), &binds);
    append(fig, &[table, footer_el(&c.head, c.lang, tools)]);
    if let (Some(toggle), Some(wrap), Some(tbl)) = (toggle.get(), wrap.get(), tbl.get()) {
        data_table(c, toggle, wrap, tbl);
    }
    if let Some(link) = link.get() {
        csv_link(c, link);
    }
}

/// The table's toggle, its box, and its rows for the current view.
fn data_table(c: &Chart, toggle: web_sys::Element, wrap: web_sys::Element, tbl: web_sys::Element) {
    let lang = c.lang;
    let open = RwSignal::new(false);
    listen(&toggle, "click", move |_| open.update(|s| *s = !*s));
    queued_effect(move || {
        let on = open.get();
        set_attr(&toggle, "aria-expanded", Some(pressed(on)));
        let class = if on {
            "tb-table-wrap"
        } else {
            "tb-table-wrap tb-sr"
        };
        set_attr(&wrap, "class", Some(class));
        set_attr(&wrap, "tabindex", Some(if on { "0" } else { "-1" }));
    });
    let (scope, ids) = (c.scope, c.shown.clone());
    let (id, title) = (c.id.clone(), c.head.title.clone());
    queued_effect(move || {
        let els = scope.with(|d| table_rows(d.as_deref(), lang, &ids, &id, &title));
        fill(&tbl, &els);
    });
}

/// "Get the data": named after the title (and the unit) and filled on click.
fn csv_link(c: &Chart, link: web_sys::Element) {
    let (lang, unit, scope, ids) = (c.lang, c.state.unit, c.scope, c.shown.clone());
    let title = c.head.title.clone();
    let el = link.clone();
    listen(&link, "click", move |ev| match scope.get_untracked() {
        Some(d) => {
            // Named on click (the browser reads `download` after the listeners).
            let name = csv_name(&title, unit.get_untracked().as_deref());
            set_attr(&el, "download", Some(&name));
            point_at_text(&ev, &csv(&d, lang, &ids), "text/csv;charset=utf-8")
        }
        // No figures for this view: nothing to download.
        None => ev.prevent_default(),
    });
}
