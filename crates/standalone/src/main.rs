//! `standalone`: writes one self-contained HTML file (JS glue, gzip+base64
//! wasm, CSS and a results file inlined) that works when double-clicked from
//! disk, with no network.
//!
//! ```text
//! cargo run --bin standalone -- path/to/results.json -o out.html [--dist dist]
//! ```
//!
//! The results file is validated first; an invalid one is refused with all
//! its errors. Trunk runs this after every build (see `Trunk.toml`) to write
//! `dist/tier-breakdown.html` for the built-in data.

use tier_breakdown_core::i18n::{tool_message, UiLang};

fn main() {
    // The tool speaks the language of whoever runs it (LANG=vi_VN.UTF-8), else English.
    let lang = std::env::var("LANG")
        .ok()
        .and_then(|l| UiLang::from_code(&l))
        .unwrap_or(UiLang::En);
    match standalone::run(std::env::args().skip(1).collect(), lang) {
        Ok(msg) => println!("{}", tool_message(&msg, lang)),
        Err(msg) => {
            eprintln!("standalone: {}", tool_message(&msg, lang));
            std::process::exit(1);
        }
    }
}

mod standalone {
    use std::path::PathBuf;

    use tier_breakdown_core::i18n::{ToolMsg, UiLang};
    use tier_breakdown_standalone::build;

    struct Args {
        results: PathBuf,
        out: PathBuf,
        dist: PathBuf,
    }

    fn parse_args(args: Vec<String>) -> Result<Args, ToolMsg> {
        let mut results = None;
        let mut out = None;
        let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-o" | "--out" => out = it.next().map(PathBuf::from),
                "--dist" => dist = it.next().map(PathBuf::from),
                "-h" | "--help" => return Err(ToolMsg::Usage),
                s if !s.starts_with('-') && results.is_none() => results = Some(PathBuf::from(s)),
                other => return Err(ToolMsg::UnexpectedArgument(other.to_string())),
            }
        }
        let dist = dist.unwrap_or_else(|| PathBuf::from("dist"));
        Ok(Args {
            results: results.ok_or(ToolMsg::Usage)?,
            out: out.unwrap_or_else(|| dist.join("tier-breakdown.html")),
            dist,
        })
    }

    /// Builds the file; returns a one-line report.
    pub fn run(args: Vec<String>, lang: UiLang) -> Result<ToolMsg, ToolMsg> {
        let args = parse_args(args)?;
        let io = |p: &PathBuf, e: std::io::Error| ToolMsg::Io {
            file: p.display().to_string(),
            error: e.to_string(),
        };
        let read = |p: &PathBuf| std::fs::read(p).map_err(|e| io(p, e));
        let text = |p: &PathBuf| {
            String::from_utf8(read(p)?).map_err(|_| ToolMsg::NotUtf8(p.display().to_string()))
        };
        let results = text(&args.results)?;
        let glue = text(&args.dist.join("tier-breakdown.js"))?;
        let wasm = read(&args.dist.join("tier-breakdown_bg.wasm"))?;
        let page_css = text(&args.dist.join("page.css")).unwrap_or_default();
        let name = args.results.display().to_string();
        let html = build(&glue, &wasm, &page_css, &results, &name, lang)?;
        std::fs::write(&args.out, &html).map_err(|e| io(&args.out, e))?;
        Ok(ToolMsg::Wrote {
            file: args.out.display().to_string(),
            bytes: html.len(),
        })
    }
}
