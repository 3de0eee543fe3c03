//! `--static-into`: the chart written into a page's HTML before any
//! script runs (`with_static_chart`), for the full page and each script
//! embed whose data is known, with the page's CSP still strict; the page
//! read as HTML (comments, scripts, quoting, case), never as plain text.

use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_standalone::with_static_chart as rewrite;

/// The page with the chart written in.
fn with_static_chart(html: &str) -> String {
    let done = rewrite(html, "page.html").expect("rewritten");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    done.html
}

const PAGE: &str = r#"<!doctype html><html lang=vi><meta charset=utf-8><meta content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'" http-equiv=Content-Security-Policy><title>t</title></head><body><main data-tier-breakdown-page></main></body></html>"#;

/// The SHA-256 CSP source of `text`, as a browser computes it for a `<style>` or `<script>`.
fn hash(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
    )
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let at = html.find(open).unwrap() + open.len();
    &html[at..at + html[at..].find(close).unwrap()]
}

#[test]
fn a_full_page_gets_the_chart_and_its_blocks_allowed_by_hash() {
    let html = with_static_chart(PAGE);
    let main = html.find("<main data-tier-breakdown-page>").unwrap();
    assert!(html[main..].starts_with(r#"<main data-tier-breakdown-page><div class="tb" lang="vi" data-tb-static="tbs1" hidden="">"#));
    assert!(
        html.contains("94.877") && html.contains("tb-pick"),
        "figures and the file picker"
    );
    let style = between(&html, "<style>", "</style>");
    let script = between(&html, "<script>", "</script>");
    // The meta keeps its attributes, in their order.
    let policy = between(
        &html,
        "<meta content=\"",
        "\" http-equiv=Content-Security-Policy>",
    );
    assert_eq!(
        policy.replace("&#39;", "'"),
        format!("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; img-src 'self'", hash(script), hash(style))
    );
    // Before `<body>`: a browser puts them in the head (the page's `</head>` has no `<head>`).
    assert!(html.contains("</head><style>") && html.contains("</script><body>"));
    // Run again on its own output, the page is not drawn twice.
    let again = with_static_chart(&html);
    assert_eq!(
        again
            .matches("<div class=\"tb\" lang=\"vi\" data-tb-static=")
            .count(),
        1
    );
    assert_eq!(again.matches("<style>").count(), 1);
}

#[test]
fn a_policy_in_single_quotes_or_without_style_src_gets_the_hashes() {
    let page = "<html><head><META HTTP-EQUIV='content-security-policy' CONTENT=\"default-src 'self'\"></head><body><main data-tier-breakdown-page></main>";
    let html = with_static_chart(page);
    let policy = between(&html, "CONTENT=\"", "\"");
    assert!(
        policy.starts_with("default-src 'self'; style-src 'self' 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("; script-src 'self' 'sha256-"), "{policy}");
}

#[test]
fn embeds_with_known_data_get_a_declarative_shadow_root() {
    let english = SEED_JSON.replacen("\"lang\": \"vi\"", "\"lang\": \"en\"", 1);
    assert_ne!(english, SEED_JSON);
    let page = format!(
        "<body><DIV data-tier-breakdown\ndata-lang='en' data-tiers=good></DIV>\n\
         <div data-tier-breakdown>\n<script type=\"application/json\">{english}</script></div>\n\
         <div data-tier-breakdown data-src=\"x.json\"></div>\n\
         <div data-tier-breakdown data-unit=\"u1\"></div>\n\
         <div data-tier-breakdown data-lang=\"fr\"></div>\n\
         <div data-tier-breakdown><script type=\"application/json\">{{\"broken\"</script></div>\n\
         <!-- <div data-tier-breakdown></div> -->\n\
         <script>el.innerHTML = '<div data-tier-breakdown></div>';</script></body>"
    );
    let html = with_static_chart(&page);
    assert_eq!(
        html.matches("<template shadowrootmode=\"open\">").count(),
        2,
        "{html}"
    );
    // The built-in data, in the language and with the tier the code asks for.
    let first = between(&html, "<template", "</template>");
    assert!(
        first.contains(r#"lang="en" data-tb-static="tbs1""#)
            && first.contains(r#"aria-pressed="true""#)
    );
    // The inline file is its own (in its language); the data stays for the widget.
    let second = &html[html.find("</template>").unwrap() + 11..];
    assert!(
        second.contains(r#"lang="en" data-tb-static="tbs2""#),
        "the inline file's language"
    );
    assert!(second.contains("<script type=\"application/json\">"));
    // Read at run time, a drill-down start, a language no page can know, a
    // broken file, a comment, a string in a script: left as they were.
    for kept in [
        "<div data-tier-breakdown data-src=\"x.json\"></div>",
        "<div data-tier-breakdown data-unit=\"u1\"></div>",
        "<div data-tier-breakdown data-lang=\"fr\"></div>",
        "<div data-tier-breakdown><script type=\"application/json\">{\"broken\"</script></div>",
        "<!-- <div data-tier-breakdown></div> -->",
        "<script>el.innerHTML = '<div data-tier-breakdown></div>';</script>",
    ] {
        assert!(html.contains(kept), "{kept}");
    }
    // An embed page is not a full page: no stylesheet in its head.
    assert!(!html.contains("<style>[") && !html.contains("</style><script>"));
}

#[test]
fn the_full_page_element_is_not_an_embed() {
    let html = with_static_chart("<head></head><body><div data-tier-breakdown-page></div></body>");
    assert!(!html.contains("<template"), "{html}");
}

/// A full page around `head` (the head's content) and `body`.
fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}<main data-tier-breakdown-page></main></body></html>")
}

/// The head's blocks, as inserted.
fn blocks(html: &str) -> &str {
    let at = html.find("<style>").expect("style block");
    &html[at..at + html[at..].find("</script>").unwrap() + 9]
}

#[test]
fn the_head_blocks_go_after_the_heads_own_content() {
    // Bug: the blocks went to the first `</head` text: inside a JSON-LD
    // script (the `onerror` then ran), or into `</header>`.
    let ld = r#"<script type="application/ld+json">{"headline":"x </head><img src=x onerror=alert(1)>"}</script>"#;
    let html = with_static_chart(&page(ld, ""));
    assert!(html.contains(ld), "{html}");
    assert!(html.contains(&format!("{ld}{}</head>", blocks(&html))));
    // Without `</head>`: before `<body>`, not in the page's own `<header>`.
    let html = with_static_chart(
        "<title>t</title><body><header>h</header><main data-tier-breakdown-page></main>",
    );
    assert!(
        html.contains(&format!("<title>t</title>{}<body>", blocks(&html))),
        "{html}"
    );
    // Without `</head>` or `<body>` there is no certain place: refused.
    let none = "<title>t</title><header>h</header><main data-tier-breakdown-page></main>";
    assert!(
        matches!(rewrite(none, "p.html"), Err(tier_breakdown_core::i18n::ToolMsg::NoHead(f)) if f == "p.html")
    );
    // Inside a select, or (the full page's chart) a link, a button, a
    // table or an unclosed formatting element, the chart's own markup
    // would be read otherwise: not drawn, with a warning.
    for around in [
        "<select>",
        "<a href=x>",
        "<button>",
        "<b>",
        "<table><tr><td>",
    ] {
        let html = format!("<head></head><body>{around}<main data-tier-breakdown-page></main>");
        let done = rewrite(&html, "p.html").unwrap();
        assert_eq!(done.html, html);
        assert!(
            matches!(
                &done.warnings[..],
                [tier_breakdown_core::i18n::ToolMsg::NotDrawn { .. }]
            ),
            "{around}"
        );
    }
    // ...closed, they do not matter.
    let closed = with_static_chart(
        "<body><a>x</a><b>y</b><table></table><main data-tier-breakdown-page></main>",
    );
    assert!(closed.contains("data-tb-static="));
    // An embed alone needs no head: drawn all the same.
    assert!(with_static_chart("<p><div data-tier-breakdown></div>").contains("<template"));
}

#[test]
fn raw_text_and_comments_are_read_as_browsers_read_them() {
    // Bug: `</styled>` ended a style, `xmp`, `noembed`, `noframes`,
    // `iframe` and `plaintext` were not raw text, `<!--<script>` in a
    // script and comments ended by `--!>` were read unlike browsers: the
    // chart landed in the page's own style or code samples.
    for wrap in [
        "<style>a{}</styled>X</style>",
        "<xmp>X</xmp>",
        "<noembed>X</noembed>",
        "<noframes>X</noframes>",
        "<iframe>X</iframe>",
        "<textarea>X</textarea>",
        "<script><!--<script>X</script>-->",
        "<!-- a --!>--><p>X",
        "<!-->X-->",
    ] {
        let inner = "<div data-tier-breakdown></div>";
        let html = with_static_chart(&format!("<body>{}", wrap.replace('X', inner)));
        let drawn = html.contains("<template");
        // Only the last two leave the embed outside (the comment ended early).
        assert_eq!(drawn, wrap.starts_with("<!--"), "{wrap}: {html}");
    }
    let plain = with_static_chart("<body><plaintext></plaintext><div data-tier-breakdown></div>");
    assert!(!plain.contains("<template"));
    // Found by the differential test: an attribute name starting with
    // U+FEFF is not `data-tier-breakdown` (lol_html's `name()` drops it).
    let bom = with_static_chart("<body><div \u{feff}data-tier-breakdown></div>");
    assert!(!bom.contains("<template"));
    // Found by the differential test: `</tr>` leaves an `<svg>` in a table
    // (the browser reads the `noembed` after it as raw text); lol_html does
    // not see it: nothing is drawn after an `<svg>` not closed by its own tag.
    let svg =
        "<body><table><tr><td><svg></tr></table><noembed><div data-tier-breakdown></div></noembed>";
    assert_eq!(rewrite(svg, "p.html").unwrap().html, svg);
    let closed = with_static_chart("<body><svg></svg><math/><div data-tier-breakdown></div>");
    assert_eq!(closed.matches("<template").count(), 1);
    // Found by the differential test (case 30,330 of a million): an end tag
    // in a shadow root drawn on the first run closed the page's own open
    // `<button>` on the second, and the page chart was drawn then.
    let page = "<head><button></head></button><div data-tier-breakdown></div><main data-tier-breakdown-page></main>";
    let once = rewrite(page, "p.html").unwrap().html;
    let twice = rewrite(&once, "p.html").unwrap().html;
    assert!(twice == once, "drawn again on a second run");
    // Found by the million-page run: a frameset page ignores the rest.
    let frames = "<frameset><body><div data-tier-breakdown></div>";
    assert_eq!(rewrite(frames, "p.html").unwrap().html, frames);
    // Nor is a second page element the page's: run again, it is drawn once.
    let two = "<head></head><body><main data-tier-breakdown-page></main><main data-tier-breakdown-page></main>";
    let again = with_static_chart(&with_static_chart(two));
    assert_eq!(again.matches("<div class=\"tb\" lang=").count(), 1);
    assert_eq!(again.matches("<style>").count(), 1);
}

#[test]
fn the_policy_is_read_as_a_browser_reads_it() {
    use tier_breakdown_core::i18n::ToolMsg;
    // Bug: `&#039;` (PHP, WordPress), `&#x27;` and `&apos;` were cut at
    // their own `;`: `require-trusted-types-for 'script'` stopped being
    // enforced and `'self'` stopped matching; the meta's other attributes
    // were dropped.
    let meta = r#"<meta id="csp" http-equiv="Content-Security-Policy" content="default-src &#039;self&#039;; require-trusted-types-for &#x27;script&apos;" data-cms>"#;
    let html = with_static_chart(&page(meta, ""));
    let style = between(&html, "<style>", "</style>");
    let script = between(&html, "<script>", "</script>");
    let want = format!(
        r#"<meta id="csp" http-equiv="Content-Security-Policy" content="default-src &#039;self&#039;; require-trusted-types-for &#x27;script&apos;; style-src 'self' {}; script-src 'self' {}" data-cms>"#,
        hash(style),
        hash(script)
    );
    assert!(html.contains(&want), "{html}");
    // Bug: `'UNSAFE-INLINE'` got a hash beside it, which switched it off.
    let meta = r#"<meta http-equiv="content-security-policy" content="style-src 'UNSAFE-INLINE'; script-src 'self'">"#;
    let html = with_static_chart(&page(meta, ""));
    assert!(
        html.contains(r#"content="style-src 'UNSAFE-INLINE'; script-src 'self' 'sha256-"#),
        "{html}"
    );
    // A reference the tool cannot decode for certain: left alone, with a warning.
    let meta =
        r#"<meta http-equiv="Content-Security-Policy" content="style-src &selfish; 'self'">"#;
    let done = rewrite(&page(meta, ""), "p.html").unwrap();
    assert!(done.html.contains(meta));
    assert!(
        matches!(&done.warnings[..], [ToolMsg::PolicyLeftAlone { file, why }] if file == "p.html" && why == "&selfish")
    );
}

#[test]
fn what_the_tool_says_is_in_both_languages() {
    use tier_breakdown_core::i18n::{tool_message, ToolMsg, UiLang};
    let file = || "p.html".to_string();
    for msg in [
        ToolMsg::NoHead(file()),
        ToolMsg::PageUnreadable {
            file: file(),
            error: "e".into(),
        },
        ToolMsg::NotDrawn {
            file: file(),
            element: "<main>".into(),
        },
        ToolMsg::PolicyLeftAlone {
            file: file(),
            why: "&x".into(),
        },
    ] {
        let (vi, en) = (
            tool_message(&msg, UiLang::Vi),
            tool_message(&msg, UiLang::En),
        );
        assert!(
            vi.starts_with("p.html: ") && en.starts_with("p.html: ") && vi != en,
            "{en}"
        );
    }
}
