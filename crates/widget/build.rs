//! Minifies the widget's stylesheet (`style/widget.css`) into the build's
//! output folder, where `ui::WIDGET_CSS` includes it: comments and
//! whitespace cost every reader ~0.7 KiB of brotli in the wasm. Only
//! whitespace that CSS ignores is removed (around `{`, `}`, `;`, `,`, `>`),
//! never around `:`, where a space is the descendant combinator.

use std::{env, fs, path::PathBuf};

fn main() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../style/widget.css");
    println!("cargo:rerun-if-changed={}", src.display());
    let css = fs::read_to_string(&src).expect("style/widget.css");
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("write the minified CSS");
}

fn minify(css: &str) -> String {
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
