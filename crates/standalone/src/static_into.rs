//! `--static-into`: a page's HTML with the chart written in before any
//! script runs (`core::prerender`).
//!
//! The page is read by lol_html (Cloudflare's streaming HTML rewriter): a
//! tokenizer that follows the HTML standard, with the parser's feedback
//! simulated, so raw text (`script`, `style`, `xmp`, `iframe`, `noembed`,
//! `noframes`, `noscript`, `plaintext`), RCDATA (`title`, `textarea`),
//! comments of every ending and foreign content are what a browser makes
//! of them; a page it cannot read without the full tree builder is refused.
//! It gives each token with its bytes in the page; the tool decides from
//! them and then inserts its markup at those places, so every other byte of
//! the page stays as it was.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Element, TextType};
use lol_html::{doc_comments, doc_text, doctype, element, end_tag, HtmlRewriter, Settings};
use tier_breakdown_core::fold::id_list;
use tier_breakdown_core::i18n::ToolMsg;
use tier_breakdown_core::options::{dark, Opt, EMBED, PAGE};
use tier_breakdown_core::prerender::{
    chart_html, embed_html, knows_language, Options, QUERY_SCRIPT,
};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::check;

use crate::csp;
use crate::{parsed_line_ends, sha256};

/// A start tag: its name (lower case), whether it is an HTML element (not
/// SVG or MathML), its attributes, its bytes, and whether it is inside a
/// `<template>` (not part of the page's document).
struct Tag {
    name: String,
    html: bool,
    attrs: Vec<Attr>,
    at: Range<usize>,
    in_template: bool,
    /// Written `<x/>` (closes an SVG or MathML element).
    self_closing: bool,
}

/// An attribute: its name (lower case) and its value's raw bytes (none for
/// `<div hidden>`).
struct Attr {
    name: String,
    value: Option<Range<usize>>,
}

/// One token of the page, with its bytes. End tags lol_html matched to an
/// open element; others (an end tag no element was opened for) are the
/// bytes between tokens.
enum Token {
    Start(Tag),
    /// The end of an element `name` at the end tag `at`, which is its own
    /// (`explicit`) or another's that lol_html closed it with (`</div>`
    /// closing a `<select>` in it: a browser may keep that one open).
    End {
        name: String,
        explicit: bool,
        at: Range<usize>,
        /// Inside a `<template>` (its own end tag is not).
        in_template: bool,
    },
    /// Text; `data`: in the data state (not raw text, RCDATA or a template).
    Text {
        at: Range<usize>,
        data: bool,
    },
    /// A comment or the doctype.
    Other {
        at: Range<usize>,
    },
}

impl Token {
    fn at(&self) -> &Range<usize> {
        match self {
            Token::Start(t) => &t.at,
            Token::End { at, .. } | Token::Text { at, .. } | Token::Other { at } => at,
        }
    }
}

/// The page's tokens as lol_html reads them, or why it cannot.
fn tokens(html: &str) -> Result<Vec<Token>, String> {
    let out = Rc::new(RefCell::new(Vec::new()));
    let templates = Rc::new(Cell::new(0usize));
    let (o1, o2, o3, o4) = (out.clone(), out.clone(), out.clone(), out.clone());
    let t1 = templates.clone();
    let t2 = templates.clone();
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el: &mut Element| {
            let name = el.tag_name();
            let attrs = el
                .attributes()
                .iter()
                .map(|a| Attr {
                    // From the page's bytes: lol_html's `name()` drops a
                    // leading U+FEFF (`<div \u{feff}data-x>` is not `data-x`).
                    name: a
                        .name_source_location()
                        .map_or_else(|| a.name(), |l| html[l.bytes()].to_ascii_lowercase()),
                    value: a.value_source_location().map(|l| l.bytes()),
                })
                .collect();
            o1.borrow_mut().push(Token::Start(Tag {
                html: el.namespace_uri() == "http://www.w3.org/1999/xhtml",
                attrs,
                at: el.source_location().bytes(),
                in_template: t1.get() > 0,
                self_closing: el.is_self_closing(),
                name: name.clone(),
            }));
            if name == "template" {
                t1.set(t1.get() + 1);
            }
            let (o, t) = (o1.clone(), t1.clone());
            if let Some(handlers) = el.end_tag_handlers() {
                handlers.push(end_tag!(move |end| {
                    let explicit = end.name() == name;
                    if name == "template" && explicit {
                        t.set(t.get().saturating_sub(1));
                    }
                    o.borrow_mut().push(Token::End {
                        name: name.clone(),
                        explicit,
                        at: end.source_location().bytes(),
                        in_template: t.get() > 0,
                    });
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let data = t.text_type() == TextType::Data && t2.get() == 0;
            o2.borrow_mut().push(Token::Text {
                at: t.source_location().bytes(),
                data,
            });
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(move |c| {
            o3.borrow_mut().push(Token::Other {
                at: c.source_location().bytes(),
            });
            Ok(())
        }))
        .append_document_content_handler(doctype!(move |d| {
            o4.borrow_mut().push(Token::Other {
                at: d.source_location().bytes(),
            });
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    let tokens = out.take();
    Ok(tokens)
}

/// A start tag with its page, to read its attributes.
struct Read<'a> {
    html: &'a str,
    tag: &'a Tag,
}

impl Read<'_> {
    /// The value of attribute `name` (the first of that name, as HTML
    /// reads it), decoded; `Some("")` for an attribute without a value.
    /// A value whose references are not certain reads as absent.
    fn get(&self, name: &str) -> Option<String> {
        let a = self.tag.attrs.iter().find(|a| a.name == name)?;
        match &a.value {
            None => Some(String::new()),
            Some(r) => csp::decode(&self.html[r.clone()])
                .ok()
                .map(|chars| chars.iter().map(|(c, _)| c).collect()),
        }
    }

    fn has(&self, name: &str) -> bool {
        self.tag.attrs.iter().any(|a| a.name == name)
    }
}

/// HTML's ASCII whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// What a page element or embed holds first.
enum Inside<'a> {
    /// Nothing (whitespace at most): the built-in data.
    Empty,
    /// A `<script type="application/json">`, with its text.
    Json(&'a str),
    /// A chart already drawn (the widget's root or a shadow root).
    Drawn,
    Other,
}

/// What the element opened by `tokens[i]` holds first.
fn inside<'a>(html: &'a str, tokens: &[Token], i: usize) -> Inside<'a> {
    let Token::Start(tag) = &tokens[i] else {
        return Inside::Other;
    };
    let after = tag.at.end;
    let first = after
        + html.as_bytes()[after..]
            .iter()
            .take_while(|b| is_space(**b))
            .count();
    let blank = |t: &Token| matches!(t, Token::Text { at, .. } if html.as_bytes()[at.clone()].iter().all(|b| is_space(*b)));
    let Some(j) = (i + 1..tokens.len()).find(|j| !blank(&tokens[*j])) else {
        return Inside::Other;
    };
    match &tokens[j] {
        Token::End {
            name,
            explicit: true,
            at,
            ..
        } if *name == tag.name && at.start == first => Inside::Empty,
        Token::Start(t) if t.at.start == first => {
            let read = Read { html, tag: t };
            let class = read.get("class").unwrap_or_default();
            if t.name == "template"
                || (t.name == "div" && class.split_ascii_whitespace().next() == Some("tb"))
            {
                return Inside::Drawn;
            }
            if t.name != "script" || read.get("type").as_deref() != Some("application/json") {
                return Inside::Other;
            }
            let end = tokens[j + 1..].iter().find_map(|e| match e {
                Token::End {
                    name,
                    explicit: true,
                    at,
                    ..
                } if name == "script" => Some(at.start),
                _ => None,
            });
            end.map_or(Inside::Other, |end| Inside::Json(&html[t.at.end..end]))
        }
        _ => Inside::Other,
    }
}

/// The options a page element or an embed's attributes give the chart.
fn options(read: &Read, id: String, picker: bool) -> Options {
    let list = |o: Opt| read.get(o.attr()).map(|v| id_list(&v)).unwrap_or_default();
    Options {
        lang: read.get(Opt::Lang.attr()),
        dark: read.get(Opt::Theme.attr()).as_deref().and_then(dark),
        groups: list(Opt::Groups),
        tiers: list(Opt::Tiers),
        picker,
        id,
    }
}

/// A page with the static chart in it, and what the tool has to say
/// about it (a policy it left alone).
#[derive(Debug)]
pub struct Rewritten {
    pub html: String,
    pub warnings: Vec<ToolMsg>,
}

/// `html` with the chart in it before any script runs: in a full page's
/// `<main data-tier-breakdown-page>` (its stylesheet and the
/// [`QUERY_SCRIPT`] after the head's own content, their hashes in the
/// page's CSP `<meta>`), and in every `<div data-tier-breakdown>` script
/// embed whose data is known, as a declarative shadow root: its inline
/// `<script type="application/json">` when valid, or the built-in data of
/// an empty one; with its `data-lang`, `data-theme`, `data-groups` and
/// `data-tiers`. Not drawn: `data-src` embeds (read at run time), those
/// that start on a unit or a period (`data-unit`, `data-period`,
/// `data-compare`), a language that is neither `vi` nor `en`, an invalid
/// inline file, one inside a `<template>`, and an element already drawn
/// (so a page can be run again). Refused (`name` is how the messages call
/// the page): a page lol_html cannot read with certainty, and a full page
/// with neither `</head>` nor `<body>` (nowhere certain for the head's
/// blocks). Every byte not inserted or in a CSP `content` is the page's.
pub fn with_static_chart(html: &str, name: &str) -> Result<Rewritten, ToolMsg> {
    // A byte order mark is the file's, not the document's: kept in front.
    let bom = if html.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let page = &html[bom.len()..];
    let tokens = tokens(page).map_err(|error| ToolMsg::PageUnreadable {
        file: name.to_string(),
        error,
    })?;
    let seed = std::cell::OnceCell::new();
    let mut inserts: Vec<(Range<usize>, String)> = Vec::new();
    let mut head_css = None;
    // Only the first page element is the page's (the widget mounts the first).
    let mut page_seen = false;
    let mut n = 0;
    let mut open = Open::default();
    let mut warnings = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        open.update(token);
        let Token::Start(tag) = token else { continue };
        let read = Read { html: page, tag };
        let is_page = tag.name == "main" && read.has(PAGE);
        let embed = tag.name == "div" && read.has(EMBED);
        let drill = Opt::ALL.iter().any(|o| o.drills() && read.has(o.attr()));
        if !(is_page || embed) || !tag.html || tag.in_template || drill {
            continue;
        }
        if is_page && std::mem::replace(&mut page_seen, true) {
            continue;
        }
        // An option the tool cannot read for certain: left to the widget.
        let unsure = [Opt::Lang, Opt::Theme, Opt::Groups, Opt::Tiers]
            .iter()
            .any(|o| read.has(o.attr()) && read.get(o.attr()).is_none());
        if unsure {
            continue;
        }
        let file = match inside(page, &tokens, i) {
            Inside::Json(json) => check(json).ok(),
            Inside::Empty => seed.get_or_init(|| check(SEED_JSON).ok()).clone(),
            Inside::Drawn | Inside::Other => None,
        };
        let Some(file) = file else { continue };
        n += 1;
        let o = options(&read, format!("tbs{n}"), is_page);
        if !knows_language(&file, &o) {
            continue;
        }
        // Where a browser would read the chart's markup otherwise, it is not drawn.
        if open.select > 0 || (is_page && open.any > 0) {
            warnings.push(ToolMsg::NotDrawn {
                file: name.to_string(),
                element: page[tag.at.clone()].to_string(),
            });
            continue;
        }
        let at = tag.at.end..tag.at.end;
        if !is_page {
            inserts.push((at, embed_html(&file, &o)));
        } else {
            let chart = chart_html(&file, &o);
            inserts.push((at, chart.html));
            head_css = Some(chart.css);
        }
    }
    if let Some(css) = head_css {
        let css = parsed_line_ends(&css);
        let Some(at) = head_end(page, &tokens) else {
            return Err(ToolMsg::NoHead(name.to_string()));
        };
        inserts.push((
            at..at,
            format!("<style>{css}</style><script>{QUERY_SCRIPT}</script>"),
        ));
        let hashes = [
            ("style-src", sha256(&css)),
            ("script-src", sha256(QUERY_SCRIPT)),
        ];
        // A policy counts only in the head (a browser ignores one elsewhere).
        for token in tokens.iter().take_while(|t| t.at().start < at) {
            match policy(page, token, &hashes) {
                Some(Ok(edit)) => inserts.push(edit),
                Some(Err(why)) => warnings.push(ToolMsg::PolicyLeftAlone {
                    file: name.to_string(),
                    why,
                }),
                None => {}
            }
        }
    }
    inserts.sort_by_key(|(at, _)| at.start);
    let mut out =
        String::with_capacity(html.len() + inserts.iter().map(|(_, s)| s.len()).sum::<usize>());
    out.push_str(bom);
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&page[from..at.start]);
        out.push_str(&text);
        from = at.end;
    }
    out.push_str(&page[from..]);
    Ok(Rewritten {
        html: out,
        warnings,
    })
}

/// Elements open around a token that change how the chart's markup would
/// be read: inside a `select` nothing of it is (the embed's shadow root
/// neither); inside a link, a button, a formatting element or a table, the
/// page chart's own links, buttons and table would close or move them (an
/// embed's shadow root is parsed on its own and is safe there). After a
/// `<frameset>` nothing is. After an `<svg>` or `<math>`, lol_html (with
/// no tree builder) may not see where a browser leaves it (`</tr>` does,
/// in a table): nothing is drawn until its own end tag. Counted from explicit end tags only: an element a
/// browser closes without one stays counted, so the count errs on the side
/// of not drawing.
#[derive(Default)]
struct Open {
    /// Open `select`s (and their parts), `svg`s and `math`s.
    select: usize,
    any: usize,
    names: Vec<String>,
}

impl Open {
    const RISKY: [&str; 28] = [
        "svg", "math", "select", "option", "optgroup", "datalist", "a", "button", "b", "big",
        "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u", "table",
        "caption", "colgroup", "tbody", "thead", "tfoot", "tr",
    ];

    fn update(&mut self, token: &Token) {
        match token {
            // A frameset page ignores all but frames, from there on.
            Token::Start(t) if t.name == "frameset" && t.html && !t.in_template => {
                self.names.push(t.name.clone());
            }
            Token::Start(t)
                if (t.html || !t.self_closing)
                    && !t.in_template
                    && Self::RISKY.contains(&t.name.as_str()) =>
            {
                self.names.push(t.name.clone());
            }
            // An end tag in a template (a shadow root drawn before) is the template's.
            Token::End {
                name,
                explicit: true,
                in_template: false,
                ..
            } if name != "frameset" => {
                if let Some(i) = self.names.iter().rposition(|n| n == name) {
                    self.names.remove(i);
                }
            }
            _ => return,
        }
        self.any = self.names.len();
        self.select = self
            .names
            .iter()
            .filter(|n| {
                [
                    "select", "option", "optgroup", "datalist", "svg", "math", "frameset",
                ]
                .contains(&n.as_str())
            })
            .count();
    }
}

/// Where the head's own content ends: before the first token that is not
/// head content (what would make a browser close the head: text other than
/// whitespace, an element that belongs in the body, `</head>` itself,
/// `</body>`, `</html>`, `</br>`), at the end of a page that has nothing
/// else. `None` when the page has neither `</head>` nor `<body>`.
fn head_end(html: &str, tokens: &[Token]) -> Option<usize> {
    const HEAD: [&str; 13] = [
        "html", "head", "base", "basefont", "bgsound", "link", "meta", "title", "noscript",
        "noframes", "style", "script", "template",
    ];
    let closes = |gap: &str| ["</body", "</html", "</br"].iter().any(|t| tag_in(gap, t));
    let mut has_head_or_body = false;
    let mut at = None;
    let mut from = 0;
    // Inside a template, end tags and `<body>` are the template's.
    let mut templates = 0usize;
    for token in tokens {
        let range = token.at();
        // Bytes between tokens are end tags no element was opened for.
        let gap = html[from..range.start.max(from)].to_ascii_lowercase();
        if templates == 0 {
            has_head_or_body |= tag_in(&gap, "</head");
            if at.is_none() && closes(&gap) {
                at = Some(from);
            }
        }
        from = from.max(range.end);
        let here = match token {
            Token::Start(t) => {
                templates += usize::from(t.name == "template" && t.html);
                has_head_or_body |= t.name == "body" && !t.in_template;
                !(t.in_template || HEAD.contains(&t.name.as_str()))
            }
            Token::End { name, explicit, .. } => {
                if name == "template" && *explicit {
                    templates = templates.saturating_sub(1);
                }
                // The end tag as written (lol_html may close others with it).
                let text = html[range.clone()].to_ascii_lowercase();
                let head = tag_in(&text, "</head");
                has_head_or_body |= head && templates == 0;
                templates == 0 && (head || closes(&text))
            }
            Token::Text { data, .. } => {
                *data && !html.as_bytes()[range.clone()].iter().all(|b| is_space(*b))
            }
            Token::Other { .. } => false,
        };
        if at.is_none() && here {
            at = Some(match token {
                // Its whitespace stays where it was, before the head's blocks.
                Token::Text { .. } => {
                    range.start
                        + html.as_bytes()[range.clone()]
                            .iter()
                            .take_while(|b| is_space(**b))
                            .count()
                }
                _ => range.start,
            });
        }
    }
    if templates == 0 {
        let gap = html[from..].to_ascii_lowercase();
        has_head_or_body |= tag_in(&gap, "</head");
        if at.is_none() && closes(&gap) {
            at = Some(from);
        }
    }
    has_head_or_body.then(|| at.unwrap_or(html.len()))
}

/// Whether `text` (lower case) holds the tag opening `open` (`</head`,
/// not `</header`).
fn tag_in(text: &str, open: &str) -> bool {
    text.match_indices(open).any(|(i, _)| {
        text.as_bytes()
            .get(i + open.len())
            .is_none_or(|b| is_space(*b) || *b == b'/' || *b == b'>')
    })
}

/// The edit a CSP `<meta>` needs for `hashes` (its `content` value's bytes
/// and their new text), `Err` with the reason when its policy cannot be
/// read with certainty; `None` for any other token or nothing to add.
fn policy(
    html: &str,
    token: &Token,
    hashes: &[(&str, String)],
) -> Option<Result<(Range<usize>, String), String>> {
    let Token::Start(tag) = token else {
        return None;
    };
    let read = Read { html, tag };
    let csp = read
        .get("http-equiv")
        .is_some_and(|h| h.eq_ignore_ascii_case("content-security-policy"));
    if tag.name != "meta" || !tag.html || tag.in_template || !csp {
        return None;
    }
    let value = tag
        .attrs
        .iter()
        .find(|a| a.name == "content")?
        .value
        .clone()?;
    let quote = match html.as_bytes().get(value.start.wrapping_sub(1)) {
        Some(b'"') => Some('"'),
        Some(b'\'') => Some('\''),
        _ => None,
    };
    match csp::allow(&html[value.clone()], quote, hashes) {
        Ok(Some(text)) => Some(Ok((value, text))),
        Ok(None) => None,
        Err(why) => Some(Err(why)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<String> {
        tokens(html)
            .unwrap()
            .iter()
            .filter_map(|t| match t {
                Token::Start(t) => Some(t.name.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tags_are_read_as_html_reads_them() {
        assert_eq!(
            names("<!-- <main> --><script>'<div data-tier-breakdown>'</script><p>"),
            ["script", "p"]
        );
        // Bug: `</styled>` ended a style, and xmp was not raw text.
        assert_eq!(
            names("<style></styled><b></style><xmp><i></xmp><p>"),
            ["style", "xmp", "p"]
        );
        // Bug: a comment ended by `--!>` ran on to the next `-->`.
        assert_eq!(names("<!-- a --!><i><!-- --><p>"), ["i", "p"]);
    }

    #[test]
    fn the_head_ends_where_a_browser_ends_it() {
        for (html, at) in [
            ("<head><title>t</title></head><body>", Some(22)),
            // Bug: `</head>` in a JSON-LD script, or `</header>`, was taken for the head's end.
            ("<head><script>x='</head>'</script></head>", Some(34)),
            ("<head></header><body>", Some(15)),
            ("<title>t</title><p>x</p></head>", Some(16)),
            ("<meta charset=utf-8>  x<body>", Some(22)),
            ("<head><template><p></template></head>", Some(30)),
            ("<title>t</title></head>", Some(23)),
            ("<title>t</title>", None),
            ("<title>t</title><main></main>", None),
        ] {
            assert_eq!(head_end(html, &tokens(html).unwrap()), at, "{html}");
        }
    }
}
