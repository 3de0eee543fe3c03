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
    use std::io::Write;
    use std::path::PathBuf;

    use base64::Engine;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use tier_breakdown_core::i18n::{problem_line, ToolMsg, UiLang, OLD_BROWSER};
    use tier_breakdown_core::validate::check;

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
        let checked = check(&results).map_err(|r| ToolMsg::Invalid {
            file: args.results.display().to_string(),
            lines: r
                .errors
                .iter()
                .map(|p| format!("  {}", problem_line(lang, p)))
                .collect(),
        })?;
        let glue = text(&args.dist.join("tier-breakdown.js"))?;
        let wasm = read(&args.dist.join("tier-breakdown_bg.wasm"))?;
        let page_css = text(&args.dist.join("page.css")).unwrap_or_default();
        let title = checked.dataset.title.get(&checked.dataset.lang).to_string();
        let html = page(
            &glue,
            &wasm,
            &page_css,
            &results,
            &title,
            &checked.dataset.lang,
        )?;
        std::fs::write(&args.out, &html).map_err(|e| io(&args.out, e))?;
        Ok(ToolMsg::Wrote {
            file: args.out.display().to_string(),
            bytes: html.len(),
        })
    }

    /// Escapes text for an HTML text node or attribute.
    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    fn page(
        glue: &str,
        wasm: &[u8],
        css: &str,
        results: &str,
        title: &str,
        lang: &str,
    ) -> Result<String, ToolMsg> {
        if glue.to_ascii_lowercase().contains("</script")
            || css.to_ascii_lowercase().contains("</style")
        {
            return Err(ToolMsg::ClosingTag);
        }
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        let gzip = |e: std::io::Error| ToolMsg::Io {
            file: "gzip".into(),
            error: e.to_string(),
        };
        gz.write_all(wasm).map_err(gzip)?;
        let packed = base64::engine::general_purpose::STANDARD.encode(gz.finish().map_err(gzip)?);
        // `<` only occurs inside JSON strings, where \u003c means the same: no `</script>` can close the tag.
        let data = results
            .trim_start_matches('\u{feff}')
            .replace('<', "\\u003c");
        // Run the glue's own init with the unpacked bytes: nothing is fetched.
        // Feature-detected, not browser-sniffed: without DecompressionStream
        // (Firefox < 113, Safari < 16.4) say so instead of leaving a blank page.
        let boot = r#"
;(async () => {
  const mount = document.querySelector('[data-tier-breakdown-page]');
  if (typeof DecompressionStream !== 'function' || typeof WebAssembly !== 'object') {
    mount.textContent = OLD_BROWSER;
    return;
  }
  const b64 = document.getElementById('tb-wasm').textContent.trim();
  const gz = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await WBG_INIT({ module_or_path: bytes });
})();
"#;
        // The message is plain text in a JS string: no quote or backslash in it.
        let boot = boot
            .replace("OLD_BROWSER", &format!("'{OLD_BROWSER}'"))
            .replace("WBG_INIT", &init_name(glue).ok_or(ToolMsg::NoInit)?);
        let script = format!("\n{glue}{boot}");
        // The file carries its own strict policy: only these two inline
        // blocks may run or style, wasm may compile, nothing may be fetched.
        let csp = format!(
            "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; base-uri 'none'; form-action 'none'",
            sha256(&script),
            sha256(css)
        );
        Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n<main data-tier-breakdown-page>\n<script type=\"application/json\">{data}</script>\n</main>\n<script type=\"application/octet-stream\" id=\"tb-wasm\">{packed}</script>\n<script type=\"module\">{script}</script>\n</body>\n</html>\n",
            lang = escape(lang),
            title = escape(title),
        ))
    }

    /// The glue's local name for its default export (the init function):
    /// `__wbg_init` as wasm-bindgen writes it, another once minified
    /// (`export{Ke as default,…}`).
    fn init_name(glue: &str) -> Option<String> {
        if glue.contains("async function __wbg_init(") {
            return Some("__wbg_init".to_string());
        }
        glue.rfind("export").and_then(|at| {
            let list = glue[at..].split_once('{')?.1.split_once('}')?.0;
            list.split(',').find_map(|item| {
                let (local, exported) = item.split_once(" as ")?;
                (exported.trim() == "default").then(|| local.trim().to_string())
            })
        })
    }

    /// A CSP source expression for the SHA-256 of `text`.
    fn sha256(text: &str) -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(text.as_bytes());
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }
}
