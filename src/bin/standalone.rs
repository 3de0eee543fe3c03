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

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match standalone::run(std::env::args().skip(1).collect()) {
        Ok(msg) => println!("{msg}"),
        Err(msg) => {
            eprintln!("standalone: {msg}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod standalone {
    use std::io::Write;
    use std::path::PathBuf;

    use base64::Engine;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use tier_breakdown::validate::check;

    const USAGE: &str = "usage: standalone RESULTS.json -o OUT.html [--dist DIR]";

    struct Args {
        results: PathBuf,
        out: PathBuf,
        dist: PathBuf,
    }

    fn parse_args(args: Vec<String>) -> Result<Args, String> {
        let mut results = None;
        let mut out = None;
        let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-o" | "--out" => out = it.next().map(PathBuf::from),
                "--dist" => dist = it.next().map(PathBuf::from),
                "-h" | "--help" => return Err(USAGE.to_string()),
                s if !s.starts_with('-') && results.is_none() => results = Some(PathBuf::from(s)),
                other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
            }
        }
        let dist = dist.unwrap_or_else(|| PathBuf::from("dist"));
        Ok(Args {
            results: results.ok_or(USAGE)?,
            out: out.unwrap_or_else(|| dist.join("tier-breakdown.html")),
            dist,
        })
    }

    /// Builds the file; returns a one-line report.
    pub fn run(args: Vec<String>) -> Result<String, String> {
        let args = parse_args(args)?;
        let read = |p: &PathBuf| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
        let results = String::from_utf8(read(&args.results)?)
            .map_err(|_| format!("{}: not UTF-8 text", args.results.display()))?;
        let checked = check(&results).map_err(|r| {
            let lines: Vec<String> = r.errors.iter().map(|p| format!("  {p}")).collect();
            format!(
                "{} is not a valid results file:\n{}",
                args.results.display(),
                lines.join("\n")
            )
        })?;
        let glue = String::from_utf8(read(&args.dist.join("tier-breakdown.js"))?)
            .map_err(|_| "tier-breakdown.js is not UTF-8".to_string())?;
        let wasm = read(&args.dist.join("tier-breakdown_bg.wasm"))?;
        let page_css = String::from_utf8(read(&args.dist.join("page.css"))?).unwrap_or_default();
        let title = checked.dataset.title.get(&checked.dataset.lang).to_string();
        let html = page(
            &glue,
            &wasm,
            &page_css,
            &results,
            &title,
            &checked.dataset.lang,
        )?;
        std::fs::write(&args.out, &html).map_err(|e| format!("{}: {e}", args.out.display()))?;
        Ok(format!(
            "wrote {} ({} bytes)",
            args.out.display(),
            html.len()
        ))
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
    ) -> Result<String, String> {
        if glue.to_ascii_lowercase().contains("</script")
            || css.to_ascii_lowercase().contains("</style")
        {
            return Err("the glue or the CSS contains a closing tag and cannot be inlined".into());
        }
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(wasm).map_err(|e| e.to_string())?;
        let packed = base64::engine::general_purpose::STANDARD
            .encode(gz.finish().map_err(|e| e.to_string())?);
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
    mount.textContent = 'Trình duyệt này quá cũ để mở tệp (thiếu DecompressionStream/WebAssembly). '
      + 'This browser is too old to open this file (no DecompressionStream/WebAssembly): use a recent Chrome, Firefox or Safari.';
    return;
  }
  const b64 = document.getElementById('tb-wasm').textContent.trim();
  const gz = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await __wbg_init({ module_or_path: bytes });
})();
"#;
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
