//! The chart as an SVG image (`core::svg`): snapshots of the seed chart,
//! reviewed like code (`UPDATE_EXPECT=1 cargo test -p tier-breakdown-core
//! --test svg` rewrites them), and what must hold for any file: well-formed
//! XML, text from the file only as text, every figure of the chart present.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect_file;
use serde_json::Value;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::{chart, head_slot};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::stack::Selection;
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
        // 16 px inside the image, 12 under 480 px.
        let pad = if width < 480.0 { 12.0 } else { 16.0 };
        let view = chart(&d, lang, width - 2.0 * pad, dark);
        let sel = Selection::start(&d, &[]);
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
            // The header's right slot as the chart starts (the selection's
            // words over its share), and the meta line.
            let (words, figure) = head_slot(&d, g, sel, lang);
            assert!(
                all.contains(&words) && all.contains(&figure),
                "{words} {figure}"
            );
            assert!(all.contains(&g.meta_line()), "{}", g.meta_line());
            for r in &g.rects {
                // Inside the bar, or listed under it with its tier (its
                // short name and share under 480 px, as the widget does).
                let short = r.short.as_ref().map(|s| format!("{s} {}", r.share_text));
                let shown = r.inside.as_ref().is_some_and(|t| all.contains(t))
                    || all.contains(&r.full)
                    || (width < 480.0 && short.is_some_and(|s| all.contains(&s)));
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
        // Right-aligned text (the header's slot) ends at `x`.
        let (left, right) = match n.attribute("text-anchor") {
            Some("end") => (x - px, x),
            Some("middle") => (x - px / 2.0, x + px / 2.0),
            _ => (x, x + px),
        };
        assert!(
            (left >= 12.0 && right <= 360.0 - 12.0) || !line.contains(' '),
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

/// The image follows the chart's design: 16 px inside it (12 under 480 px),
/// the selection the chart starts with (its words and share in the header,
/// a 3 px rule under each selected segment, the others in the neutral), the
/// implied zero with its note's marker under the bar, and the footer's
/// numbered notes.
#[test]
fn the_image_draws_what_the_widget_draws() {
    let d = seed();
    for (width, pad, zero) in [
        (1200.0, "16", "Không hoàn thành nhiệm vụ: 0¹"),
        (360.0, "12", "Không hoàn thành 0¹"),
    ] {
        let svg = chart_svg(&d, UiLang::Vi, width, false);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let title = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
        assert_eq!(title.attribute("x"), Some(pad), "{width}");
        let all = texts(&svg);
        for want in ["Xuất sắc + Tốt", "96,4%", zero] {
            assert!(all.iter().any(|t| t == want), "{want} at {width}: {all:?}");
        }
        assert!(
            all.iter().any(|t| t.starts_with("Ghi chú: ¹ Bài báo")),
            "{all:?}"
        );
        // Two selected segments in each of the three groups: six rules.
        let rules = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("height") == Some("3"))
            .count();
        assert_eq!(rules, 6, "{width}");
        // The unselected tiers recede to the neutral.
        assert!(svg.contains("fill=\"#d9d9d9\""));
    }
}
