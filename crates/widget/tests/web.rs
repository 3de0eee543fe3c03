//! DOM tests in headless Chromium (wasm-bindgen-test): mount the widget into
//! a fresh element, click a tier, and check what the bars and buttons show.
#![cfg(target_arch = "wasm32")]

use tier_breakdown::app::{mount, Options};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the body, with a widget mounted in it (the page gets
/// the widget's styles once: the filter's colours live in the CSS).
fn mounted(lang: &str) -> HtmlElement {
    if document().get_element_by_id("tb-css").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("tb-css");
        style.set_text_content(Some(tier_breakdown::ui::WIDGET_CSS));
        document().head().unwrap().append_child(&style).unwrap();
    }
    let el: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.style().set_property("width", "800px").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    mount(
        el.clone(),
        Options {
            lang: Some(lang.to_string()),
            ..Options::default()
        },
    );
    el
}

/// Leptos updates the DOM asynchronously: wait a macrotask.
async fn tick() {
    wait(20).await;
}

/// Waits `ms` milliseconds (the filter's colours change in 150 ms).
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// A segment's computed background, and whether the selection's rule is
/// drawn under it (its `::after`).
fn paint(seg: &Element) -> (String, bool) {
    let window = web_sys::window().unwrap();
    let s = window.get_computed_style(seg).unwrap().unwrap();
    let after = window
        .get_computed_style_with_pseudo_elt(seg, "::after")
        .unwrap()
        .unwrap();
    (
        s.get_property_value("background-color").unwrap(),
        after.get_property_value("background-color").unwrap() != "rgba(0, 0, 0, 0)",
    )
}

/// Whether a segment has receded to the neutral (`model::UNSELECTED`, light).
fn greyed(seg: &Element) -> bool {
    paint(seg).0 == "rgb(217, 217, 217)"
}

/// Whether a segment has the selection's rule under it.
fn ruled(seg: &Element) -> bool {
    paint(seg).1
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounts_the_seed_chart() {
    let el = mounted("vi");
    tick().await;
    let groups: Vec<String> = all(&el, "[data-group]")
        .iter()
        .map(|g| g.get_attribute("data-group").unwrap())
        .collect();
    assert_eq!(groups, ["organisations", "cells", "members"]);
    assert_eq!(all(&el, ".tb-legend [data-tier]").len(), 4);
    // The two best tiers are highlighted at first: the header says their share in words.
    assert_eq!(
        text(&el, "[data-group=members] .tb-head-words"),
        "Xuất sắc + Tốt"
    );
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "94,8%");
    assert_eq!(
        text(&el, "[data-group=organisations] .tb-coverage"),
        "695 trên tổng số 698 được đánh giá (99,6%)"
    );
    // Zero counts take no segment: organisations have three.
    assert_eq!(all(&el, "[data-group=organisations] .tb-seg").len(), 3);
    el.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_tier_selects_it_everywhere() {
    let el = mounted("en");
    tick().await;
    let excellent: HtmlElement = one(&el, ".tb-legend [data-tier=excellent]")
        .dyn_into()
        .unwrap();
    let good: HtmlElement = one(&el, ".tb-legend [data-tier=good]").dyn_into().unwrap();
    // Highlighted at first (the file names none: the two best).
    assert_eq!(
        excellent.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    excellent.click();
    tick().await;
    assert_eq!(
        excellent.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(text(&el, "[data-group=members] .tb-head-words"), "Good");
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "78.6%");
    excellent.click();
    tick().await;
    assert_eq!(
        excellent.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(good.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        text(&el, "[data-group=members] .tb-head-words"),
        "Excellent + Good"
    );
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "94.8%");
    assert_eq!(
        text(&el, "[data-group=organisations] .tb-head-value"),
        "96.4%"
    );
    // Unselected tiers recede to the neutral in every group; selected ones
    // keep their colour and the rule under them.
    for g in ["organisations", "cells", "members"] {
        let dim = one(
            &el,
            &format!("[data-group={g}] .tb-seg[data-tier=completed]"),
        );
        assert!(
            greyed(&dim),
            "{g}: completed should be grey: {:?}",
            paint(&dim)
        );
        assert!(!ruled(&dim), "{g}: completed should have no rule");
        let on = one(&el, &format!("[data-group={g}] .tb-seg[data-tier=good]"));
        assert!(
            ruled(&on) && !greyed(&on),
            "{g}: good should be in colour, ruled"
        );
    }
    // Reset clears the selection.
    let reset: HtmlElement = one(&el, ".tb-reset").dyn_into().unwrap();
    reset.click();
    wait(300).await;
    assert_eq!(
        excellent.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        text(&el, "[data-group=members] .tb-head-words"),
        "94,877 evaluated"
    );
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "");
    assert!(!all(&el, ".tb-seg").iter().any(greyed));
    el.remove();
}
