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

/// A fresh element in the body holding `markup` (the page gets the
/// widget's styles once: the filter's colours live in the CSS).
fn host(markup: &str) -> HtmlElement {
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
    el.set_inner_html(markup);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Mounts a widget in `el`.
fn mount_in(el: &HtmlElement, lang: &str) {
    mount(
        el.clone(),
        Options {
            lang: Some(lang.to_string()),
            ..Options::default()
        },
    );
}

/// A fresh element in the body, with a widget mounted in it.
fn mounted(lang: &str) -> HtmlElement {
    let el = host("");
    mount_in(&el, lang);
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

/// A node as comparable text: tags, attributes sorted, text; a chart's
/// id prefix (`tb3-`, the static `tbs-`) written as `tb#-`.
fn canon(n: &web_sys::Node) -> String {
    let Some(el) = n.dyn_ref::<Element>() else {
        return format!("{:?}", n.node_value().unwrap_or_default());
    };
    let mut attrs: Vec<String> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .map(|n| format!("{n}={:?}", el.get_attribute(&n).unwrap_or_default()))
        .collect();
    attrs.sort();
    let kids = el.child_nodes();
    let kids: Vec<String> = (0..kids.length())
        .filter_map(|i| kids.item(i))
        .map(|k| canon(&k))
        .collect();
    let out = format!(
        "<{} {}>[{}]",
        el.local_name(),
        attrs.join(" "),
        kids.join(",")
    );
    let mut ids = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find("tb") {
        ids.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let n = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if (n > 0 || rest.starts_with("s-")) && rest[n.max(1)..].starts_with('-') {
            ids.push('#');
            rest = &rest[n.max(1)..];
        }
    }
    ids + rest
}

/// Cuts `from` (its first occurrence) up to the end of the next `to`.
fn cut(s: &str, from: &str, to: &str) -> String {
    let a = s.find(from).unwrap_or_else(|| panic!("no {from}"));
    let b = a + s[a..].find(to).unwrap() + to.len();
    format!("{}{}", &s[..a], &s[b..])
}

#[wasm_bindgen_test]
async fn adopts_the_static_chart_or_rebuilds_what_differs() {
    use tier_breakdown_core::prerender::{chart_html, Options as Opts, Static};
    use tier_breakdown_core::{seed::SEED_JSON, validate::check};
    let fresh = mounted("en");
    tick().await;
    let want = canon(&one(&fresh, ".tb"));
    fresh.remove();
    let c = check(SEED_JSON).unwrap();
    let page = |lang: &str, dark: Option<bool>| {
        let o = Opts {
            lang: Some(lang.into()),
            dark,
            id: "tbs".into(),
            ..Opts::default()
        };
        chart_html(&c, &o)
    };
    let s = page("en", None);
    let title = r#"<h2 class="tb-title" id="tbs-title"><bdi>"#;
    // (case, static chart, whether the static legend and what follows it
    // in the figure (the bars) can be adopted)
    let cases = [
        ("as written", s.clone(), true),
        // Written in Vietnamese, or for the dark theme: the same elements,
        // their words and colours rewritten.
        ("in another language", page("vi", None), true),
        ("in the dark theme", page("en", Some(true)), true),
        // A legend of another kind (its first class): built anew in its
        // place, and so is what follows it in its box (`.tb-keys`); the
        // groups, in a box of their own, are still adopted.
        (
            "legend of another kind",
            Static {
                html: s
                    .html
                    .replacen(r#"class="tb-legend""#, r#"class="tb-filter""#, 1),
                ..s.clone()
            },
            false,
        ),
        // A group missing, a title saying something else, a segment label
        // gone: drawn, rewritten, drawn.
        (
            "a group missing, the title changed",
            Static {
                html: cut(
                    &cut(
                        &s.html,
                        r#"<section class="tb-group" data-group="cells""#,
                        "</section>",
                    ),
                    r#"<span class="tb-seg-label""#,
                    "</span>",
                )
                .replacen(title, &format!("{title}Something else</bdi><bdi>"), 1),
                ..s.clone()
            },
            true,
        ),
    ];
    for (case, s, kept) in cases {
        let el = host(&format!("<style>{}</style>{}", s.css, s.html));
        let (title, legend, seg) = (
            one(&el, ".tb-title"),
            one(&el, "[class^=tb-]:is(.tb-legend, .tb-filter)"),
            one(&el, "[data-group=members] .tb-seg"),
        );
        mount_in(&el, "en");
        tick().await;
        // The same chart as a widget drawing into an empty element.
        assert_eq!(canon(&one(&el, ".tb")), want, "{case}");
        assert!(all(&el, "[data-tb-static], [data-s]").is_empty(), "{case}");
        // Adopted, the same elements: the title and a segment, and the
        // legend unless it was of another kind.
        assert!(
            title.is_same_node(Some(&one(&el, ".tb-title"))),
            "{case}: title"
        );
        assert_eq!(legend.is_connected(), kept, "{case}: legend");
        assert!(
            seg.is_same_node(Some(&one(&el, "[data-group=members] .tb-seg"))),
            "{case}: segment"
        );
        el.remove();
    }
}
