//! `--static-into`: the chart written into a page's HTML before any
//! script runs (`with_static_chart`), for the full page and each script
//! embed whose data is known, with the page's CSP still strict.

use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::check;
use tier_breakdown_standalone::with_static_chart;

const PAGE: &str = r#"<!doctype html><html lang=vi><meta charset=utf-8><meta content="default-src 'self'; style-src 'self'; img-src 'self'" http-equiv=Content-Security-Policy><title>t</title></head><body><main data-tier-breakdown-page></main></body></html>"#;

/// The SHA-256 CSP source of `text`, as a browser computes it for a `<style>`.
fn hash(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
    )
}

#[test]
fn a_full_page_gets_the_chart_and_its_style_allowed_by_hash() {
    let c = check(SEED_JSON).unwrap();
    let html = with_static_chart(PAGE, &c);
    let main = html.find("<main data-tier-breakdown-page>").unwrap();
    assert!(html[main..].starts_with(
        r#"<main data-tier-breakdown-page><div class="tb" lang="vi" data-tb-static="tbs1">"#
    ));
    assert!(
        html.contains("94.877") && html.contains("tb-pick"),
        "figures and the file picker"
    );
    let style = &html[html.find("<style>").unwrap() + 7..html.find("</style>").unwrap()];
    assert!(
        html.contains(&format!("style-src {} 'self'", hash(style))),
        "the style's hash in the CSP"
    );
    assert!(html.find("<style>").unwrap() < html.find("</head>").unwrap());
    // Run twice (a build run again on its own output), the page is not drawn twice.
    let again = with_static_chart(&html, &c);
    assert_eq!(
        again
            .matches(r#"<div class="tb" lang="vi" data-tb-static="#)
            .count(),
        1
    );
    assert_eq!(again.matches("<style>").count(), 1);
}

#[test]
fn embeds_with_known_data_get_a_declarative_shadow_root() {
    let c = check(SEED_JSON).unwrap();
    let other = SEED_JSON.replace("\"lang\": \"vi\"", "\"lang\": \"en\"");
    let page = format!(
        "<body><div data-tier-breakdown data-lang=\"en\" data-tiers=\"good\"></div>\n\
         <div data-tier-breakdown>\n<script type=\"application/json\">{other}</script></div>\n\
         <div data-tier-breakdown data-src=\"x.json\"></div>\n\
         <div data-tier-breakdown><script type=\"application/json\">{{\"broken\"</script></div></body>"
    );
    let html = with_static_chart(&page, &c);
    assert_eq!(
        html.matches("<template shadowrootmode=\"open\">").count(),
        2,
        "{html}"
    );
    // The built-in data, in the language and with the tier the code asks for.
    let first = &html[..html.find("</template>").unwrap()];
    assert!(
        first.contains(r#"lang="en" data-tb-static="tbs1""#)
            && first.contains(r#"aria-pressed="true""#)
    );
    // The inline file is its own (its language), the data stays for the widget.
    let second = &html[html.find("</template>").unwrap() + 11..];
    assert!(second.contains(r#"data-tb-static="tbs2""#));
    assert!(second.contains("<script type=\"application/json\">"));
    // data-src (known only at run time) and a broken file: left as they were.
    assert!(html.contains("<div data-tier-breakdown data-src=\"x.json\"></div>"));
    assert!(html.contains(
        "<div data-tier-breakdown><script type=\"application/json\">{\"broken\"</script></div>"
    ));
}
