//! The view controls of a file with periods or sub-units: the period
//! switch and the comparison base (here), the unit search box
//! ([`super::unit_picker`]), and the line saying what is shown.

use crate::rx::*;
use wasm_bindgen::JsCast;

use tier_breakdown_core::drill::{period_label, periods, unit_label};
use tier_breakdown_core::i18n::{t, Msg};

use super::action::Action;
use super::dom::{
    append, fill, listen, on_action, pressed, queued_effect, set_text, El, ElExt, Handle,
};
use super::unit_picker;
use super::view::Chart;

/// Appends the controls and the scope line to `fig`, and wires them.
pub fn mount(fig: &web_sys::Element, c: &Chart) {
    let (drill, scope) = (Handle::new(), Handle::new());
    append(
        fig,
        &[
            El::with_class("div", "tb-drill").bind(&drill),
            El::with_class("p", "tb-scope")
                .attr("aria-live", "polite")
                .bind(&scope),
        ],
    );
    if let Some(el) = drill.get() {
        if periods(c.data()).len() > 1 {
            period_row(&el, c);
        }
        if !c.names.is_empty() {
            unit_picker::mount(&el, c);
        }
    }
    if let Some(el) = scope.get() {
        let c = c.clone();
        queued_effect(move || set_text(&el, &scope_text(&c)));
    }
}

/// The period switch (toggle buttons) and "compare with" (a native select).
fn period_row(parent: &web_sys::Element, c: &Chart) {
    let lang = c.lang;
    let labels: Vec<String> = periods(c.data())
        .iter()
        .map(|p| period_label(p, lang))
        .collect();
    let (period, base) = (c.state.period, c.state.base);
    let chosen = base.get_untracked();
    let option = |value: String, text: String, on: bool| {
        El::new("option")
            .attr("value", value)
            .attr_if("selected", on.then_some(""))
            .text(text)
    };
    let (buttons, select) = (Handle::new(), Handle::new());
    append(
        parent,
        &[El::with_class("div", "tb-row")
            .child(
                El::with_class("div", "tb-periods")
                    .attr("role", "group")
                    .attr("aria-label", t(lang, Msg::Period))
                    .bind(&buttons),
            )
            .child(
                El::with_class("label", "tb-field")
                    .child(El::new("span").text(t(lang, Msg::CompareWith)))
                    .child(
                        El::with_class("select", "tb-select tb-base")
                            .bind(&select)
                            .child(option(
                                String::new(),
                                t(lang, Msg::NoCompare).into(),
                                chosen.is_none(),
                            ))
                            .children(
                                labels.iter().enumerate().map(|(i, l)| {
                                    option(i.to_string(), l.clone(), chosen == Some(i))
                                }),
                            ),
                    ),
            )],
    );
    if let Some(el) = buttons.get() {
        let drawn = el.clone();
        queued_effect(move || {
            let now = period.get();
            let els: Vec<El> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    El::with_class("button", "tb-period")
                        .attr("type", "button")
                        .action(Action::Period(i))
                        .attr("aria-pressed", pressed(now == i))
                        .text(l.clone())
                })
                .collect();
            fill(&drawn, &els);
        });
        on_action(&el, "click", move |a, _| {
            if let Action::Period(i) = a {
                period.set(i);
            }
        });
    }
    if let Some(el) = select.get() {
        listen(&el, "change", move |ev| {
            let value = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            base.set(value.parse().ok());
        });
    }
}

/// "Thành phố Việt Trì · Năm 2021": what the chart shows now.
fn scope_text(c: &Chart) -> String {
    let (d, lang, state) = (c.data(), c.lang, c.state);
    let unit = state.unit.get();
    let place = unit
        .as_deref()
        .and_then(|u| unit_label(d, u, lang))
        .or_else(|| d.region.as_ref().map(|r| r.get(lang.code()).to_string()))
        .unwrap_or_else(|| t(lang, Msg::WholeArea).to_string());
    let ps = periods(d);
    match ps.get(state.period.get()) {
        Some(p) if ps.len() > 1 || p.label.is_some() => {
            format!("{place} · {}", period_label(p, lang))
        }
        _ => place,
    }
}
