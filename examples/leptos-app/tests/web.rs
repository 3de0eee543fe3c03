//! The component inside other components, in headless Chromium: the
//! example app renders the chart and follows its language switch, and a
//! parent component's signals reach `<TierBreakdown/>` as props.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use tier_breakdown::component::{ChartData, TierBreakdown};
use tier_breakdown_example::{App, APP_FILE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the body.
fn fresh() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", "800px").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Leptos updates the DOM asynchronously: wait a macrotask.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn the_example_app_draws_the_chart_and_follows_its_language() {
    let el = fresh();
    let handle = leptos::mount::mount_to(el.clone(), App);
    tick().await;
    assert_eq!(text(&el, "h1"), "tier-breakdown in a Leptos app");
    assert_eq!(
        text(&el, ".tb-title"),
        "Kết quả đánh giá, xếp loại tổ chức đảng và đảng viên năm 2022"
    );
    // The two best tiers highlighted at first: their share in the header.
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "94,8%");
    click(&el, ".lang-en");
    tick().await;
    assert_eq!(
        text(&el, ".tb-title"),
        "Annual review of party organisations and members, 2022"
    );
    assert_eq!(text(&el, "[data-group=members] .tb-head-value"), "94.8%");
    assert_eq!(text(&el, ".tb-reset"), "× Clear");
    click(&el, ".own-file");
    tick().await;
    assert_eq!(
        text(&el, ".tb-title"),
        "Staff appraisal 2024 (illustrative)"
    );
    // Exactly one chart: the old one was torn down, not left beside the new.
    assert_eq!(el.query_selector_all(".tb-chart").unwrap().length(), 1);
    drop(handle);
}

/// A page of the host app, holding the chart among its own elements.
#[component]
fn Article(
    data: RwSignal<ChartData>,
    lang: RwSignal<Option<String>>,
    tiers: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <main>
            <p class="lede">"Before the chart"</p>
            <TierBreakdown data=data lang=lang tiers=tiers />
            <p class="after">"After the chart"</p>
        </main>
    }
}

#[wasm_bindgen_test]
async fn props_from_a_parent_component_reach_the_chart() {
    let el = fresh();
    let data = RwSignal::new(ChartData::Builtin);
    let lang = RwSignal::new(Some("vi".to_string()));
    let tiers = RwSignal::new(Vec::<String>::new());
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <Article data lang tiers /> });
    tick().await;
    assert_eq!(text(&el, ".tb-reset"), "× Bỏ chọn");
    assert_eq!(text(&el, ".lede"), "Before the chart");
    assert_eq!(text(&el, ".after"), "After the chart");
    lang.set(Some("en".into()));
    tick().await;
    assert_eq!(text(&el, ".tb-reset"), "× Clear");
    // A file the app validated itself.
    let checked = tier_breakdown_core_check(APP_FILE);
    data.set(checked);
    tiers.set(vec!["low".into()]);
    tick().await;
    assert_eq!(
        text(&el, ".tb-title"),
        "Staff appraisal 2024 (illustrative)"
    );
    let low = el
        .query_selector(".tb-key[data-tier=low]")
        .unwrap()
        .unwrap();
    assert_eq!(low.get_attribute("aria-pressed").as_deref(), Some("true"));
    let high = el
        .query_selector(".tb-key[data-tier=high]")
        .unwrap()
        .unwrap();
    assert_eq!(high.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(text(&el, "[data-group=staff] .tb-head-words"), "Low");
    assert_eq!(text(&el, "[data-group=staff] .tb-head-value"), "30.0%");
    // A results file's text, with an error: the reader sees it, the app goes on.
    data.set(ChartData::Text("{\"version\": 4}".into()));
    tick().await;
    assert!(text(&el, ".tb-error-list").contains("format version 4 is not supported"));
    assert_eq!(text(&el, ".after"), "After the chart");
    drop(handle);
}

fn tier_breakdown_core_check(text: &str) -> ChartData {
    match tier_breakdown_core::validate::check(text) {
        Ok(c) => c.into(),
        Err(r) => panic!("{:?}", r.errors),
    }
}
