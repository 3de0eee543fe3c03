//! The embed codes the editor hands out, pasted into a CMS by people who
//! do not read them: every value from the draft or the user is escaped
//! for where it goes (an attribute, a URL's query, inline JSON), the
//! language is `vi` or `en` and nothing else, and the inline JSON cannot
//! close its `<script>` element.

/// `&`, `"`, `<` and `>` for an attribute value.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The hosting folder's address, ending in `/`, escaped for an attribute.
fn folder(base: &str) -> String {
    let b = attr(base.trim());
    if b.ends_with('/') {
        b
    } else {
        format!("{b}/")
    }
}

/// `vi` or `en`: nothing else reaches an attribute.
fn lang(code: &str) -> &'static str {
    if code == "en" {
        "en"
    } else {
        "vi"
    }
}

/// `encodeURIComponent`: everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )`
/// as `%XX` of its UTF-8 bytes.
///
/// ```
/// assert_eq!(tier_breakdown_draft::codes::uri_component("a b&c/đ"), "a%20b%26c%2F%C4%91");
/// ```
pub fn uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The script embed with the results file inline: nothing else to host.
/// `<` only occurs in JSON strings, where `\u003c` means the same, so no
/// `</script>` (or `<!--`) in the data can end the element.
pub fn embed_inline(base: &str, file: &str, file_lang: &str) -> String {
    let data = file.trim_end().replace('<', "\\u003c");
    format!(
        "<div data-tier-breakdown data-lang=\"{}\">\n<script type=\"application/json\">\n{data}\n</script>\n</div>\n<script type=\"module\" src=\"{}embed.js\"></script>\n",
        lang(file_lang),
        folder(base)
    )
}

/// The script embed reading the results file from `src`.
pub fn embed_src(base: &str, src: &str, file_lang: &str) -> String {
    format!(
        "<div data-tier-breakdown data-src=\"{}\" data-lang=\"{}\"></div>\n<script type=\"module\" src=\"{}embed.js\"></script>\n",
        attr(src.trim()),
        lang(file_lang),
        folder(base)
    )
}

/// The iframe code: the widget's own page with `?data=`, and the script
/// that keeps the iframe as tall as the chart.
pub fn iframe(base: &str, src: &str, file_lang: &str, title: &str) -> String {
    format!(
        "<iframe data-tier-breakdown-frame src=\"{}index.html?data={}&amp;lang={}\"\n        title=\"{}\" style=\"width:100%;border:0\" scrolling=\"no\"></iframe>\n<script src=\"{}frame-parent.js\" async></script>\n",
        folder(base),
        uri_component(src.trim()),
        lang(file_lang),
        attr(title),
        folder(base)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

    #[test]
    fn nothing_from_the_user_can_leave_its_attribute() {
        // The same markup, tag for tag, as with harmless values.
        let tags =
            |s: &str| s.matches('<').count() + s.matches('>').count() + s.matches('"').count();
        for (evil, plain) in [
            (embed_src(EVIL, EVIL, EVIL), embed_src("b", "s", "vi")),
            (iframe(EVIL, EVIL, EVIL, EVIL), iframe("b", "s", "vi", "t")),
            (
                embed_inline(EVIL, "{}", EVIL),
                embed_inline("b", "{}", "vi"),
            ),
        ] {
            assert!(
                !evil.contains("<img") && !evil.contains("<script>alert"),
                "{evil}"
            );
            assert_eq!(tags(&evil), tags(&plain), "{evil}");
        }
    }

    #[test]
    fn inline_data_cannot_close_its_script() {
        let file = r#"{"title": "</script><script>alert(1)</script><!--"}"#;
        let code = embed_inline("https://cdn.example/tb", file, "en");
        assert_eq!(code.matches("</script>").count(), 2, "{code}");
        assert!(code.contains(r#""\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--""#));
        assert!(code.contains("src=\"https://cdn.example/tb/embed.js\""));
        assert!(code.contains("data-lang=\"en\""));
    }

    #[test]
    fn the_iframe_address_carries_the_data_address_encoded() {
        let code = iframe(
            "https://cdn.example/tb/",
            "https://news.example/a b.json?x=1&y=2",
            "vi",
            "Kết quả",
        );
        assert!(code.contains("index.html?data=https%3A%2F%2Fnews.example%2Fa%20b.json%3Fx%3D1%26y%3D2&amp;lang=vi"), "{code}");
        assert!(code.contains("title=\"Kết quả\""));
    }
}
