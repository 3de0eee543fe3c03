//! The chart as an SVG image (`core::svg`): snapshots of the seed chart,
//! reviewed like code (`UPDATE_EXPECT=1 cargo test -p tier-breakdown-core
//! --test svg` rewrites them), and what must hold for any file: well-formed
//! XML, text from the file only as text, every figure of the chart present.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect_file;
use serde_json::Value;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::chart;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::svg::chart_svg;
use tier_breakdown_core::validate::check;

fn seed() -> tier_breakdown_core::model::Dataset {
    check(SEED_JSON).unwrap().dataset
}

/// Every `<text>`'s content, in order, and the document as parsed.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_seed_chart_as_an_image_for_social_media_and_a_phone() {
    let d = seed();
    expect_file!["snapshots/seed-1200-vi-light.svg"].assert_eq(&chart_svg(
        &d,
        UiLang::Vi,
        1200.0,
        false,
    ));
    expect_file!["snapshots/seed-360-en-dark.svg"].assert_eq(&chart_svg(
        &d,
        UiLang::En,
        360.0,
        true,
    ));
}

#[test]
fn the_image_has_every_figure_the_chart_shows_and_a_title_and_description() {
    let d = seed();
    for (lang, width, dark) in [
        (UiLang::Vi, 1200.0, false),
        (UiLang::En, 360.0, true),
        (UiLang::Vi, 600.0, true),
    ] {
        let svg = chart_svg(&d, lang, width, dark);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(root.attribute("width"), Some(format!("{width}").as_str()));
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
        let view = chart(&d, lang, width - 48.0, dark);
        assert_eq!(title.text(), Some(view.title.as_str()));
        // The description is the chart's screen-reader summary, every share in it.
        assert!(desc
            .text()
            .unwrap()
            .contains(&view.groups[2].rects[0].share_text));
        let all = texts(&svg).join(" ");
        for g in &view.groups {
            assert!(
                all.contains(&g.heading) || all.contains(g.heading.split(' ').next().unwrap()),
                "{}",
                g.heading
            );
            assert!(all.contains(&g.headline), "{}", g.headline);
            for r in &g.rects {
                // Inside the bar, or listed under it with its tier.
                let shown =
                    r.inside.as_ref().is_some_and(|t| all.contains(t)) || all.contains(&r.full);
                assert!(shown, "{} not shown in {lang:?} at {width}", r.full);
            }
        }
        // Nothing to fetch: no href, no image, no font, no script.
        for bad in ["href", "<image", "@font-face", "<script", "url("] {
            assert!(!svg.contains(bad), "{bad}");
        }
        // The background is the theme's.
        assert!(svg.contains(if dark {
            "fill=\"#161616\""
        } else {
            "fill=\"#ffffff\""
        }));
    }
}

#[test]
fn text_from_the_file_stays_text() {
    let mut v: Value = serde_json::from_str(SEED_JSON).unwrap();
    let evil = "</text><script>alert(1)</script>&amp; <!-- \" ' ]]> \u{FFFE}\u{FFFF}";
    v["title"] = Value::from(evil);
    v["groups"][0]["label"] = Value::from(format!("{evil} {}", "x".repeat(400)));
    v["notes"] = Value::Array(vec![Value::from(evil)]);
    // A tier label longer than the image is wide: the legend wraps it too.
    v["tiers"][0]["label"] = Value::from(format!(
        "{} {}",
        "Hoàn thành xuất sắc nhiệm vụ".repeat(3),
        evil
    ));
    let d = check(&v.to_string()).unwrap().dataset;
    let svg = chart_svg(&d, UiLang::Vi, 360.0, false);
    // Parsed, the title and note are the file's text exactly; no element came from it.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    // (XML 1.0 has no U+FFFE, U+FFFF: they are drawn as U+FFFD.)
    let shown = evil.replace(['\u{FFFE}', '\u{FFFF}'], "\u{FFFD}");
    assert_eq!(
        doc.descendants()
            .find(|n| n.has_tag_name("title"))
            .unwrap()
            .text(),
        Some(shown.as_str())
    );
    let all = texts(&svg).join(" ");
    assert!(all.contains("alert(1)"), "{all}");
    // A label longer than the image is wide is wrapped: no line wider than the image.
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let line = n.text().unwrap_or_default();
        let size: f64 = n.attribute("font-size").unwrap().parse().unwrap();
        let x: f64 = n.attribute("x").unwrap().parse().unwrap();
        let bold = n.attribute("font-weight").is_some();
        let px = tier_breakdown_core::svg::text_px(line, size, bold);
        assert!(
            x + px <= 360.0 - 24.0 || !line.contains(' '),
            "{line}: {px} px at {x}"
        );
    }
}

/// A partial split (format version 3): the rest is hatched (a pattern, no
/// tier colour) and said on its group.
#[test]
fn a_partial_split_as_an_image() {
    let text = include_str!("../../../data/example-partial.json");
    let d = check(text).unwrap().dataset;
    let light = chart_svg(&d, UiLang::Vi, 1024.0, false);
    let dark = chart_svg(&d, UiLang::En, 360.0, true);
    expect_file!["snapshots/partial-1024-vi-light.svg"].assert_eq(&light);
    expect_file!["snapshots/partial-360-en-dark.svg"].assert_eq(&dark);
    for (svg, line, ground) in [
        (&light, "Không nêu trong báo cáo: 3 (4,7%)", "#f2f2f2"),
        (&dark, "Not given in the report: 1.9%", "#242424"),
    ] {
        assert!(texts(svg).iter().any(|t| t == line), "{line}");
        assert!(svg.contains(&format!("fill=\"{ground}\"")));
        // Two rests drawn with the pattern, two swatches.
        assert_eq!(svg.matches("fill=\"url(#tb-ng)\"").count(), 4);
    }
}
