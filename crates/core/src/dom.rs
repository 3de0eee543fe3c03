//! An element tree as plain data: tag, attributes, inline style
//! properties, children. The widget builds it in the browser (one
//! non-generic builder keeps the wasm small, see `ui::dom` in the widget);
//! the same tree written as HTML ([`El::to_html`]) is the chart a page
//! carries before any script runs, so the first frame and the static
//! markup come from the same functions. Styles never become `style`
//! attributes (a strict CSP refuses them): the HTML writer turns them into
//! rules of a stylesheet instead.

use std::any::Any;
use std::fmt::Write;
use std::rc::Rc;

/// Whatever a builder wants the built element handed to (the widget's
/// `Handle`); opaque here, so the core knows no browser type.
pub type Bind = Rc<dyn Any>;

/// An element to build.
#[derive(Clone, Default)]
pub struct El {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub styles: Vec<(&'static str, String)>,
    pub kids: Vec<Kid>,
    pub bind: Option<Bind>,
    /// Shown only while the chart's width (in pixels) is in `from..below`:
    /// for static markup that must look right at any width (a label that
    /// fits inside its segment from some width on). The widget, which
    /// knows its width, never sets it.
    pub shown: Option<(u32, u32)>,
}

/// A child: an element or text.
#[derive(Clone)]
pub enum Kid {
    El(El),
    Text(String),
}

impl El {
    // Out of line, as the pushes below: every call site would otherwise
    // carry its own copy of the struct's initialisation.
    #[inline(never)]
    pub fn new(tag: &'static str) -> El {
        El {
            tag,
            ..El::default()
        }
    }

    /// An element with a class.
    #[inline(never)]
    pub fn with_class(tag: &'static str, class: &str) -> El {
        El::new(tag).attr("class", class)
    }

    pub fn attr(self, name: &'static str, value: impl Into<String>) -> El {
        self.push_attr(name, value.into())
    }

    // The builder's pushes are out of line: the widget calls them from
    // hundreds of places, and inlined each call site carried its own copy
    // of a `Vec` push.
    #[inline(never)]
    fn push_attr(mut self, name: &'static str, value: String) -> El {
        self.attrs.push((name, value));
        self
    }

    #[inline(never)]
    fn push_style(mut self, name: &'static str, value: String) -> El {
        self.styles.push((name, value));
        self
    }

    #[inline(never)]
    fn push_kid(mut self, kid: Kid) -> El {
        self.kids.push(kid);
        self
    }

    /// Sets an attribute only when `value` is some.
    pub fn attr_if(self, name: &'static str, value: Option<impl Into<String>>) -> El {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// An inline style property (the CSSOM in the browser, a rule in HTML).
    pub fn style(self, name: &'static str, value: impl Into<String>) -> El {
        self.push_style(name, value.into())
    }

    pub fn child(self, el: El) -> El {
        self.push_kid(Kid::El(el))
    }

    pub fn children(mut self, els: impl IntoIterator<Item = El>) -> El {
        self.kids.extend(els.into_iter().map(Kid::El));
        self
    }

    pub fn text(self, text: impl Into<String>) -> El {
        self.push_kid(Kid::Text(text.into()))
    }

    /// Hands the built element to `b` (see [`Bind`]).
    pub fn bind_to(mut self, b: Option<&Bind>) -> El {
        self.bind = b.cloned();
        self
    }

    /// Text isolated from its neighbours' direction (`<bdi>`), for labels from the file.
    pub fn label(self, text: impl Into<String>) -> El {
        self.child(El::new("bdi").text(text))
    }

    /// The value of attribute `name`, if set.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .rev()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element as HTML, and the stylesheet its styles and width
    /// conditions need, scoped under `scope` (a selector naming the
    /// element the markup goes into). `dark`, when given, is the same tree
    /// drawn in the dark theme: its styles that differ go under
    /// `@media (prefers-color-scheme: dark)`.
    ///
    /// ```
    /// use tier_breakdown_core::dom::El;
    /// let el = El::with_class("p", "x").style("color", "red").text("a < b");
    /// let (html, css) = el.to_html("#c", None);
    /// assert_eq!(html, r#"<p class="x" data-s="0">a &lt; b</p>"#);
    /// assert_eq!(css, r#"#c [data-s="0"]{color:red}"#);
    /// ```
    pub fn to_html(&self, scope: &str, dark: Option<&El>) -> (String, String) {
        let mut w = HtmlWriter {
            scope,
            html: String::new(),
            css: String::new(),
            dark_css: String::new(),
            next: 0,
        };
        w.write(self, dark);
        let mut css = w.css;
        if !w.dark_css.is_empty() {
            let _ = write!(css, "@media (prefers-color-scheme:dark){{{}}}", w.dark_css);
        }
        (w.html, css)
    }
}

struct HtmlWriter<'a> {
    scope: &'a str,
    html: String,
    css: String,
    dark_css: String,
    next: usize,
}

/// Elements HTML writes without an end tag.
const VOID: [&str; 6] = ["input", "br", "img", "meta", "link", "hr"];

impl HtmlWriter<'_> {
    fn write(&mut self, el: &El, dark: Option<&El>) {
        let _ = write!(self.html, "<{}", el.tag);
        for (k, v) in &el.attrs {
            let _ = write!(self.html, " {k}=\"{}\"", escape(v, true));
        }
        if !el.styles.is_empty() || el.shown.is_some() {
            let n = self.next;
            self.next += 1;
            let _ = write!(self.html, " data-s=\"{n}\"");
            let sel = format!("{} [data-s=\"{n}\"]", self.scope);
            if !el.styles.is_empty() {
                let _ = write!(self.css, "{sel}{{{}}}", decls(&el.styles));
            }
            if let Some((from, below)) = el.shown {
                if from > 0 {
                    let _ = write!(
                        self.css,
                        "@container (width < {from}px){{{sel}{{display:none}}}}"
                    );
                }
                if below < u32::MAX {
                    let _ = write!(
                        self.css,
                        "@container (width >= {below}px){{{sel}{{display:none}}}}"
                    );
                }
            }
            if let Some(d) = dark.filter(|d| d.styles != el.styles && !d.styles.is_empty()) {
                let _ = write!(self.dark_css, "{sel}{{{}}}", decls(&d.styles));
            }
        }
        self.html.push('>');
        if VOID.contains(&el.tag) {
            return;
        }
        let dark_kids = dark.map(|d| &d.kids);
        for (i, kid) in el.kids.iter().enumerate() {
            match kid {
                Kid::El(e) => {
                    let twin = dark_kids.and_then(|k| match k.get(i) {
                        Some(Kid::El(d)) if d.tag == e.tag => Some(d),
                        _ => None,
                    });
                    self.write(e, twin);
                }
                Kid::Text(t) => self.html.push_str(&escape(t, false)),
            }
        }
        let _ = write!(self.html, "</{}>", el.tag);
    }
}

/// `name:value;…` for a rule; a value cannot end the rule or the `<style>`.
fn decls(styles: &[(&'static str, String)]) -> String {
    styles
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .chars()
                .filter(|c| !matches!(c, '{' | '}' | ';' | '<' | '>' | '\\'))
                .collect();
            format!("{k}:{v}")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Text for HTML and XML: `&`, `<`, `>` (and `"` in an attribute). What
/// XML 1.0 does not allow (the SVG image is XML) is replaced in both:
/// control characters by a space, the noncharacters U+FFFE and U+FFFF by
/// U+FFFD.
///
/// ```
/// assert_eq!(tier_breakdown_core::dom::escape("a<\"b\"&\u{1}", true), "a&lt;&quot;b&quot;&amp; ");
/// ```
pub fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
/// A percentage for CSS with four decimals (`12.3456%`), formatted with
/// integers: float formatting would add kilobytes of code to the wasm.
pub fn pct(x: f64) -> String {
    let v = (x * 10_000.0).round().max(0.0) as u64;
    format!("{}.{:04}%", v / 10_000, v % 10_000)
}
