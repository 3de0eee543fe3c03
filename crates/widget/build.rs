//! Minifies the widget's stylesheet (`style/widget.css`) into the build's
//! output folder, where `ui::WIDGET_CSS` includes it: comments and
//! whitespace cost every reader ~0.7 KiB of brotli in the wasm. Only
//! whitespace that CSS ignores is removed (around `{`, `}`, `;`, `,`, `>`),
//! never around `:`, where a space is the descendant combinator. The
//! function is the core's (`minify.rs`), which minifies the same sheet for
//! static markup.

use std::{env, fs, path::PathBuf};

fn main() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../style/widget.css");
    println!("cargo:rerun-if-changed={}", src.display());
    let css = fs::read_to_string(&src).expect("style/widget.css");
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("write the minified CSS");
}

#[path = "../core/src/minify.rs"]
mod minify;
use minify::minify;
