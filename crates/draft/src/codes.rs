//! The embed codes the editor hands out, pasted into a CMS by people who
//! do not read them: every value from the draft or the user is escaped
//! for where it goes (an attribute, a URL's query, inline JSON), the
//! language is `vi` or `en` and nothing else, and the inline JSON cannot
//! close its `<script>` element. Option and marker names are the core's
//! (`core::options`), the ones the widget reads.

use tier_breakdown_core::options::{Opt, EMBED, FRAME};

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

/// ` integrity="sha384-…" crossorigin="anonymous"` for a script the code
/// names, when the hosting folder's `integrity.json` gave its hash (a
/// cross-origin script is checked only when fetched with CORS).
fn pinned(sri: &str) -> String {
    let sri = sri.trim();
    if sri.is_empty() {
        String::new()
    } else {
        format!(" integrity=\"{}\" crossorigin=\"anonymous\"", attr(sri))
    }
}

/// The hashes embed codes carry, from the hosting folder's
/// `integrity.json` (written by the build; see `scripts/integrity.mjs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pins {
    /// `embed.js`'s `sha384-…`, or empty.
    pub embed: String,
    /// `frame-parent.js`'s, or empty.
    pub frame: String,
}

impl Pins {
    /// Reads `integrity.json`; a hash that is not `sha384-` and base64 is
    /// left out (the code then has no `integrity`, rather than a broken one).
    ///
    /// ```
    /// use tier_breakdown_draft::codes::Pins;
    /// let p = Pins::from_manifest(r#"{"files": {"embed.js": "sha384-AbC+/=", "frame-parent.js": "md5-x"}}"#);
    /// assert_eq!((p.embed.as_str(), p.frame.as_str()), ("sha384-AbC+/=", ""));
    /// ```
    pub fn from_manifest(json: &str) -> Pins {
        let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        let hash = |name: &str| {
            v["files"][name]
                .as_str()
                .filter(|h| {
                    h.strip_prefix("sha384-").is_some_and(|b| {
                        !b.is_empty()
                            && b.bytes()
                                .all(|c| c.is_ascii_alphanumeric() || b"+/=".contains(&c))
                    })
                })
                .unwrap_or_default()
                .to_string()
        };
        Pins {
            embed: hash("embed.js"),
            frame: hash("frame-parent.js"),
        }
    }
}

/// What a reader without JavaScript sees in place of the chart (an RSS
/// reader, an e-mail, AMP): `<noscript>` with the chart's text, escaped
/// (so no `</noscript>` in it can end the element). Empty: none.
fn noscript(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!("\n<noscript><p>{}</p></noscript>", attr(text))
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
/// `</script>` (or `<!--`) in the data can end the element. `embed_sri`
/// is the loader's hash (empty: no `integrity`); `fallback` the chart's
/// text for readers without JavaScript; `chart` the chart itself, drawn
/// before the wasm starts (`core::prerender::embed_html`, a declarative
/// shadow root; empty: none); `height` the chart's height on a phone,
/// kept free for it where the static chart is not drawn (a browser without
/// declarative shadow roots, a widget that follows the reader's language).
pub fn embed_inline(
    base: &str,
    file: &str,
    file_lang: &str,
    embed_sri: &str,
    fallback: &str,
    chart: &str,
    height: u32,
) -> String {
    let data = file.trim_end().replace('<', "\\u003c");
    format!(
        "<div {EMBED} {}=\"{}\"{}>{chart}\n<script type=\"application/json\">\n{data}\n</script>{}\n</div>\n<script type=\"module\" src=\"{}embed.js\"{}></script>\n",
        Opt::Lang.attr(),
        lang(file_lang),
        kept(height),
        noscript(fallback),
        folder(base),
        pinned(embed_sri)
    )
}

/// The space a script embed keeps from the start (`height` px; 0: none),
/// so the page does not move when the chart comes.
fn kept(height: u32) -> String {
    match height {
        0 => String::new(),
        h => format!(" style=\"min-height:{h}px\""),
    }
}

/// The script embed reading the results file from `src`; `height` is the
/// chart's height on a phone (the tallest it gets), kept free for it.
pub fn embed_src(
    base: &str,
    src: &str,
    file_lang: &str,
    embed_sri: &str,
    fallback: &str,
    height: u32,
) -> String {
    format!(
        "<div {EMBED} {}=\"{}\" {}=\"{}\"{}>{}</div>\n<script type=\"module\" src=\"{}embed.js\"{}></script>\n",
        Opt::Data.attr(),
        attr(src.trim()),
        Opt::Lang.attr(),
        lang(file_lang),
        kept(height),
        noscript(fallback),
        folder(base),
        pinned(embed_sri)
    )
}

/// The iframe code: the widget's own page with `?data=`, and the script
/// that keeps the iframe as tall as the chart (`frame_sri`: its hash),
/// `height` px tall until it says (0: the browser's 150 px).
pub fn iframe(
    base: &str,
    src: &str,
    file_lang: &str,
    title: &str,
    frame_sri: &str,
    height: u32,
) -> String {
    let height = match height {
        0 => String::new(),
        h => format!(";height:{h}px"),
    };
    format!(
        "<iframe {FRAME} src=\"{}index.html?{}={}&amp;{}={}\"\n        title=\"{}\" style=\"width:100%;border:0{height}\" scrolling=\"no\"></iframe>\n<script src=\"{}frame-parent.js\"{} async></script>\n",
        folder(base),
        Opt::Data.query(),
        uri_component(src.trim()),
        Opt::Lang.query(),
        lang(file_lang),
        attr(title),
        folder(base),
        pinned(frame_sri)
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
            (
                embed_src(EVIL, EVIL, EVIL, EVIL, EVIL, 500),
                embed_src("b", "s", "vi", "h", "t", 500),
            ),
            (
                iframe(EVIL, EVIL, EVIL, EVIL, EVIL, 500),
                iframe("b", "s", "vi", "t", "h", 500),
            ),
            (
                embed_inline(EVIL, "{}", EVIL, EVIL, EVIL, "", 500),
                embed_inline("b", "{}", "vi", "h", "t", "", 500),
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
        let code = embed_inline("https://cdn.example/tb", file, "en", "", "", "", 0);
        assert_eq!(code.matches("</script>").count(), 2, "{code}");
        assert!(code.contains(r#""\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--""#));
        assert!(code.contains("src=\"https://cdn.example/tb/embed.js\""));
        assert!(code.contains("data-lang=\"en\""));
    }

    #[test]
    fn codes_read_at_run_time_keep_the_charts_height() {
        let code = embed_src("b", "d.json", "vi", "", "", 812);
        assert!(code.contains(r#" style="min-height:812px">"#), "{code}");
        // Also the inline code: its static chart is not drawn everywhere.
        let code = embed_inline("b", "{}", "vi", "", "", "<template></template>", 812);
        assert!(
            code.contains(r#" style="min-height:812px"><template>"#),
            "{code}"
        );
        let code = iframe("b", "d.json", "vi", "t", "", 812);
        assert!(
            code.contains(r#"style="width:100%;border:0;height:812px""#),
            "{code}"
        );
        assert!(!embed_src("b", "d.json", "vi", "", "", 0).contains("style"));
    }

    #[test]
    fn the_iframe_address_carries_the_data_address_encoded() {
        let code = iframe(
            "https://cdn.example/tb/",
            "https://news.example/a b.json?x=1&y=2",
            "vi",
            "Kết quả",
            "",
            0,
        );
        assert!(code.contains("index.html?data=https%3A%2F%2Fnews.example%2Fa%20b.json%3Fx%3D1%26y%3D2&amp;lang=vi"), "{code}");
        assert!(code.contains("title=\"Kết quả\""));
        assert!(code.contains("<script src=\"https://cdn.example/tb/frame-parent.js\" async>"));
    }

    #[test]
    fn scripts_carry_their_integrity_when_it_is_known() {
        let h = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";
        let code = embed_src(
            "https://cdn.example/tier-breakdown/0.2.0/",
            "d.json",
            "vi",
            h,
            "",
            0,
        );
        assert!(code.contains(&format!(
            "<script type=\"module\" src=\"https://cdn.example/tier-breakdown/0.2.0/embed.js\" integrity=\"{h}\" crossorigin=\"anonymous\"></script>"
        )), "{code}");
        let code = iframe("https://cdn.example/tb/", "d.json", "vi", "t", h, 0);
        assert!(
            code.contains(&format!(
                "frame-parent.js\" integrity=\"{h}\" crossorigin=\"anonymous\" async>"
            )),
            "{code}"
        );
        // Unknown (the editor not served from a release folder): no attribute.
        assert!(!embed_src("b", "d.json", "vi", " ", "", 0).contains("integrity"));
    }

    #[test]
    fn readers_without_javascript_get_the_charts_text() {
        let text =
            "Đảng viên (94.877 được đánh giá): Xuất sắc 16,2% </noscript><script>alert(1)</script>";
        for code in [
            embed_src("b", "d.json", "vi", "", text, 0),
            embed_inline("b", "{}", "vi", "", text, "", 0),
        ] {
            assert_eq!(code.matches("<noscript>").count(), 1, "{code}");
            assert_eq!(code.matches("</noscript>").count(), 1, "{code}");
            assert!(code.contains("<noscript><p>Đảng viên (94.877 được đánh giá): Xuất sắc 16,2% &lt;/noscript&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p></noscript>"), "{code}");
        }
        assert!(!embed_src("b", "d.json", "vi", "", " ", 0).contains("noscript"));
    }
}
