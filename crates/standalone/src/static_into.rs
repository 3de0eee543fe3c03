//! `--static-into`: a page's HTML with the chart written in before any
//! script runs (`core::prerender`). The page is read as HTML is tokenised,
//! not searched as text: comments and the text of `script`, `style`,
//! `textarea`, `title` and `template` elements are never touched (a marker
//! inside a script's string stays a string), attribute values may be
//! quoted either way or not at all, names are case-insensitive.

use tier_breakdown_core::fold::id_list;
use tier_breakdown_core::prerender::{
    chart_html, embed_html, knows_language, Options, QUERY_SCRIPT,
};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::check;

use crate::{parsed_line_ends, sha256};

/// A start tag: its name (lower case), attributes (names lower case,
/// values unescaped) and the byte just after its `>`.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    end: usize,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The few character references attribute values of embed codes use.
fn unescape(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The start tag at `at` (a `<`), if one starts there.
fn start_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut i = at + 1;
    let name_end = i + html[i..].find(|c: char| !c.is_ascii_alphanumeric() && c != '-')?;
    if name_end == i || !b[i].is_ascii_alphabetic() {
        return None;
    }
    let name = html[i..name_end].to_ascii_lowercase();
    i = name_end;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some(Tag {
                name,
                attrs,
                end: i + 1,
            });
        }
        let n_end = i + html[i..].find(|c: char| c.is_ascii_whitespace() || "=>/".contains(c))?;
        let key = html[i..n_end].to_ascii_lowercase();
        i = n_end;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + html[i + 1..].find(char::from(*q))?;
                    value = unescape(&html[i + 1..close]);
                    i = close + 1;
                }
                _ => {
                    let v_end =
                        i + html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>')?;
                    value = unescape(&html[i..v_end]);
                    i = v_end;
                }
            }
        }
        attrs.push((key, value));
    }
}

/// Elements whose content is text (or, for `template`, not the page's):
/// skipped whole.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "template"];

/// Calls `f` with every start tag of the page outside comments and raw text.
fn each_tag(html: &str, mut f: impl FnMut(&Tag, usize)) {
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        if html[at..].starts_with("<!--") {
            i = html[at..].find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let Some(tag) = start_tag(html, at) else {
            i = at + 1;
            continue;
        };
        f(&tag, at);
        i = tag.end;
        if RAW.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            i = lower[i..].find(&close).map_or(html.len(), |e| i + e);
        }
    }
}

/// The text of the `<script type="application/json">` that `inside` starts with.
fn inline_json(inside: &str) -> Option<&str> {
    let s = inside.trim_start();
    let tag = start_tag(s, 0)
        .filter(|t| t.name == "script" && t.get("type") == Some("application/json"))?;
    let body = &s[tag.end..];
    Some(&body[..body.to_ascii_lowercase().find("</script")?])
}

/// The options a page element or an embed's attributes give the chart.
fn options(tag: &Tag, id: String, picker: bool) -> Options {
    let list = |name: &str| tag.get(name).map(id_list).unwrap_or_default();
    Options {
        lang: tag.get("data-lang").map(str::to_string),
        dark: match tag.get("data-theme") {
            Some("dark") => Some(true),
            Some("light") => Some(false),
            _ => None,
        },
        groups: list("data-groups"),
        tiers: list("data-tiers"),
        picker,
        id,
    }
}

/// `html` with the chart in it before any script runs: in a full page's
/// `<main data-tier-breakdown-page>` (its stylesheet and the
/// [`QUERY_SCRIPT`] at the end of the head, their hashes in the page's CSP
/// `<meta>`), and in every `<div data-tier-breakdown>` script embed whose
/// data is known, as a declarative shadow root: its inline
/// `<script type="application/json">` when valid, or the built-in data of
/// an empty one; with its `data-lang`, `data-theme`, `data-groups` and
/// `data-tiers`. Not drawn: `data-src` embeds (read at run time), those
/// that start on a unit or a period (`data-unit`, `data-period`,
/// `data-compare`), a language that is neither `vi` nor `en`, an invalid
/// inline file, and an element already drawn (so a page can be run again).
pub fn with_static_chart(html: &str) -> String {
    let seed = check(SEED_JSON).ok();
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut head_css = None;
    let mut n = 0;
    each_tag(html, |tag, _| {
        let page = tag.name == "main" && tag.get("data-tier-breakdown-page").is_some();
        let embed = tag.name == "div" && tag.get("data-tier-breakdown").is_some();
        if !page && !embed {
            return;
        }
        let inside = &html[tag.end..];
        let drawn = inside.trim_start().starts_with("<div class=\"tb")
            || inside.trim_start().starts_with("<template");
        let drill = ["data-src", "data-unit", "data-period", "data-compare"]
            .iter()
            .any(|a| tag.get(a).is_some());
        if drawn || drill {
            return;
        }
        let file = match inline_json(inside) {
            Some(json) => check(json).ok(),
            None if inside.trim_start().to_ascii_lowercase().starts_with("</") => seed.clone(),
            None => None,
        };
        let Some(file) = file else {
            return;
        };
        n += 1;
        let o = options(tag, format!("tbs{n}"), page);
        if !knows_language(&file, &o) {
            return;
        }
        if page {
            if head_css.is_none() {
                let chart = chart_html(&file, &o);
                inserts.push((tag.end, chart.html));
                head_css = Some(chart.css);
            }
        } else {
            inserts.push((tag.end, embed_html(&file, &o)));
        }
    });
    let mut out = html.to_string();
    for (at, text) in inserts.into_iter().rev() {
        out.insert_str(at, &text);
    }
    match head_css {
        Some(css) => with_head(&out, &css),
        None => out,
    }
}

/// `html` with a `<style>` of `css` and the [`QUERY_SCRIPT`] at the end of
/// its head, each CSP `<meta>` allowing both by hash.
fn with_head(html: &str, css: &str) -> String {
    let css = parsed_line_ends(css);
    let blocks = [
        ("style-src", sha256(&css)),
        ("script-src", sha256(QUERY_SCRIPT)),
    ];
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut head_end = None;
    each_tag(html, |tag, at| match tag.name.as_str() {
        "meta"
            if tag
                .get("http-equiv")
                .is_some_and(|h| h.eq_ignore_ascii_case("content-security-policy")) =>
        {
            let policy = allow(tag.get("content").unwrap_or_default(), &blocks);
            let policy = policy.replace('&', "&amp;").replace('"', "&quot;");
            edits.push((
                at,
                tag.end,
                format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"),
            ));
        }
        "body" if head_end.is_none() => head_end = Some(at),
        _ => {}
    });
    let lower = html.to_ascii_lowercase();
    let head_end = lower.find("</head").or(head_end).unwrap_or(0);
    let mut out = html.to_string();
    let head = format!("<style>{css}</style><script>{QUERY_SCRIPT}</script>");
    edits.push((head_end, head_end, head));
    edits.sort_by_key(|e| e.0);
    for (from, to, text) in edits.into_iter().rev() {
        out.replace_range(from..to, &text);
    }
    out
}

/// A CSP with `hashes` allowed: each `(directive, hash)` added to the
/// directive (and to its `-elem` form when there is one), or, when the
/// policy leaves it to `default-src`, as a new directive with
/// `default-src`'s sources. A directive with `'unsafe-inline'` is left
/// alone (a hash beside it would turn it off).
fn allow(policy: &str, hashes: &[(&str, String)]) -> String {
    let mut dirs: Vec<String> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    let name = |d: &str| {
        d.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    for (directive, hash) in hashes {
        let source = format!("'{hash}'");
        let mut found = false;
        for d in dirs.iter_mut() {
            let n = name(d);
            if n == *directive || n == format!("{directive}-elem") {
                found |= n == *directive;
                if !d.contains("'unsafe-inline'") {
                    d.push(' ');
                    d.push_str(&source);
                }
            }
        }
        if !found {
            if let Some(default) = dirs.iter().find(|d| name(d) == "default-src").cloned() {
                if !default.contains("'unsafe-inline'") {
                    let sources = default
                        .split_whitespace()
                        .skip(1)
                        .collect::<Vec<_>>()
                        .join(" ");
                    dirs.push(format!("{directive} {sources} {source}"));
                }
            }
        }
    }
    dirs.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_allows_the_blocks_and_stays_strict() {
        let h = [
            ("style-src", "sha256-S".to_string()),
            ("script-src", "sha256-J".to_string()),
        ];
        assert_eq!(
            allow("default-src 'self'; style-src 'self'", &h),
            "default-src 'self'; style-src 'self' 'sha256-S'; script-src 'self' 'sha256-J'"
        );
        // 'unsafe-inline' already allows them; a hash would switch it off.
        assert_eq!(
            allow("style-src 'unsafe-inline'", &h[..1]),
            "style-src 'unsafe-inline'"
        );
        assert_eq!(
            allow("style-src 'self'; style-src-elem 'self'", &h[..1]),
            "style-src 'self' 'sha256-S'; style-src-elem 'self' 'sha256-S'"
        );
        // No policy on styles at all: nothing to allow.
        assert_eq!(allow("img-src 'self'", &h[..1]), "img-src 'self'");
    }

    #[test]
    fn tags_are_read_as_html_reads_them() {
        let html = "<DIV Data-Lang='en' data-theme=dark\ndata-tiers=\"a, b\" title=\"x > y\">";
        let t = start_tag(html, 0).unwrap();
        assert_eq!(t.name, "div");
        assert_eq!(t.get("data-lang"), Some("en"));
        assert_eq!(t.get("data-theme"), Some("dark"));
        assert_eq!(t.get("title"), Some("x > y"));
        assert_eq!(t.end, html.len());
        let mut seen = Vec::new();
        each_tag(
            "<!-- <main> --><script>'<div data-tier-breakdown>'</script><p>",
            |t, _| seen.push(t.name.clone()),
        );
        assert_eq!(seen, ["script", "p"]);
    }
}
