//! CSS minification for the widget's stylesheet (`style/widget.css`):
//! comments out, and whitespace that CSS ignores (around `{`, `}`, `;`,
//! `,`, `>`), never around `:`, where a space is the descendant combinator.
//! The widget's build script includes this file too (`#[path]`), so the
//! sheet compiled into the wasm and the one static markup carries are
//! the same bytes.

/// `css` without comments and ignorable whitespace.
///
/// ```
/// use tier_breakdown_core::minify::minify;
/// assert_eq!(minify("/* x */ a > b , c { color : red ; }"), "a>b,c{color : red}");
/// ```
pub fn minify(css: &str) -> String {
    // Comments out.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    // Runs of whitespace to one space, then none beside the punctuation.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let glued =
            out.ends_with(['{', '}', ';', ',', '>']) || word.starts_with(['{', '}', ';', ',', '>']);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}
