//! The standalone file: one self-contained HTML page (the widget's JS
//! glue, its wasm gzipped and base64-encoded, the page CSS and a results
//! file inlined) that works when double-clicked from disk, with no network.
//! [`page`] writes it; the native tool (`src/main.rs`) and the editor (in
//! the browser) both call it, so the same files give the same bytes.

use std::io::Write;

// Native only: the HTML engine stays out of the editor's wasm.
#[cfg(not(target_arch = "wasm32"))]
mod csp;
#[cfg(not(target_arch = "wasm32"))]
mod static_into;
#[cfg(not(target_arch = "wasm32"))]
pub use csp::named_references;
#[cfg(not(target_arch = "wasm32"))]
pub use static_into::{with_static_chart, Rewritten};

use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;
use tier_breakdown_core::i18n::{problem_line, ToolMsg, UiLang, OLD_BROWSER};
use tier_breakdown_core::prerender::{chart_html, Options, Static, QUERY_SCRIPT};
use tier_breakdown_core::validate::{check, Checked};

/// The standalone file for a results file, from the widget's built files
/// (glue, wasm, page CSS). An invalid results file is refused with all its
/// errors, in `lang`; `name` is how the messages call the file.
pub fn build(
    glue: &str,
    wasm: &[u8],
    css: &str,
    results: &str,
    name: &str,
    lang: UiLang,
) -> Result<String, ToolMsg> {
    let checked = checked(results, name, lang)?;
    let title = checked.dataset.title.get(&checked.dataset.lang).to_string();
    let chart = page_chart(&checked, "tbs");
    let css = format!("{css}\n{}", chart.css);
    let d = &checked.dataset;
    page(glue, wasm, &css, results, &chart.html, &title, &d.lang)
}

/// The static chart of a full page (with its file picker): what the
/// widget's first frame will be, before the wasm starts.
fn page_chart(c: &Checked, id: &str) -> Static {
    chart_html(
        c,
        &Options {
            picker: true,
            id: id.to_string(),
            ..Options::default()
        },
    )
}

/// The chart of a results file as a self-contained SVG image `width` px
/// wide (`core::svg`), in `chart_lang` (else the file's language); an
/// invalid file is refused as [`build`] refuses it.
pub fn image(
    results: &str,
    name: &str,
    lang: UiLang,
    chart_lang: Option<UiLang>,
    width: f64,
    dark: bool,
) -> Result<String, ToolMsg> {
    let checked = checked(results, name, lang)?;
    let d = &checked.dataset;
    let chart_lang = chart_lang
        .or_else(|| UiLang::from_code(&d.lang))
        .unwrap_or_default();
    Ok(tier_breakdown_core::svg::chart_svg(
        d, chart_lang, width, dark,
    ))
}

/// An SVG image (from [`image`]) as a PNG, `scale` times its size (2 for
/// a 1200 px image at 2400 px), drawn by resvg with the system's fonts
/// (DejaVu Sans on Debian). Native only: the editor, in wasm, has no fonts
/// to draw with.
#[cfg(not(target_arch = "wasm32"))]
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    options.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("the image would be empty")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the image is too large")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The validated file, or all its errors in `lang`.
fn checked(results: &str, name: &str, lang: UiLang) -> Result<Checked, ToolMsg> {
    check(results).map_err(|r| ToolMsg::Invalid {
        file: name.to_string(),
        lines: r
            .errors
            .iter()
            .map(|p| format!("  {}", problem_line(lang, p)))
            .collect(),
    })
}

/// Escapes text for an HTML text node or attribute.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Line ends as an HTML parser leaves them in a `<script>` or `<style>`
/// (CR LF and lone CR become LF): the CSP hashes are of that text, so a
/// glue or CSS file saved with Windows line ends must be hashed (and
/// written) the same way, or the browser refuses to run it.
pub(crate) fn parsed_line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The page for a results file already validated, its title and its language.
pub fn page(
    glue: &str,
    wasm: &[u8],
    css: &str,
    results: &str,
    chart: &str,
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
    let script = parsed_line_ends(&format!("\n{glue}{boot}"));
    let css = &parsed_line_ends(css);
    // The file carries its own strict policy: only these two inline
    // blocks may run or style, wasm may compile, nothing may be fetched.
    let csp = format!(
            "default-src 'none'; script-src '{}' '{}' 'wasm-unsafe-eval'; style-src '{}'; base-uri 'none'; form-action 'none'",
            sha256(&script),
            sha256(QUERY_SCRIPT),
            sha256(css)
        );
    Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{css}</style>\n<script>{QUERY_SCRIPT}</script>\n</head>\n<body>\n<main data-tier-breakdown-page>{chart}\n<script type=\"application/json\">{data}</script>\n</main>\n<script type=\"application/octet-stream\" id=\"tb-wasm\">{packed}</script>\n<script type=\"module\">{script}</script>\n</body>\n</html>\n",
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
pub(crate) fn sha256(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use sha2::Digest;

    /// The text of the first `<open>…</close>` element of `html`, as an
    /// HTML parser gives it to the CSP check (line ends normalised).
    fn element_text(html: &str, open: &str, close: &str) -> String {
        let start = html.find(open).expect("element") + open.len();
        let end = start + html[start..].find(close).expect("end tag");
        parsed_line_ends(&html[start..end])
    }

    fn hash(text: &str) -> String {
        let d = sha2::Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(d)
        )
    }

    #[test]
    fn windows_line_ends_do_not_break_the_policy() {
        // Bug: the hashes were of the text as read, CR LF included, while the
        // browser hashes what its parser leaves (LF only): the page was blank.
        let glue = "export default async function __wbg_init(x) {\r\n  return x;\r\n}\r\n";
        let css = "body {\r\n  margin: 0;\r\n}\r";
        let html = page(glue, b"\0asm", css, "{}", "", "T", "vi").expect("page");
        let script = element_text(&html, "<script type=\"module\">", "</script>");
        let style = element_text(&html, "<style>", "</style>");
        assert!(html.contains(&hash(&script)), "script hash");
        assert!(html.contains(&hash(&style)), "style hash");
        assert!(!html.contains('\r'));
    }

    #[test]
    fn a_title_cannot_leave_its_element() {
        let html = page(
            "async function __wbg_init(){}",
            b"",
            "",
            "{}",
            "",
            "</title><script>x()</script>\"",
            "vi\"><b",
        )
        .expect("page");
        assert!(
            html.contains("<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;&quot;</title>"),
            "{html}"
        );
        assert!(html.contains("<html lang=\"vi&quot;&gt;&lt;b\">"));
        // Data, wasm, module, and the query guard.
        assert_eq!(html.matches("<script").count(), 4);
    }

    #[test]
    fn the_image_is_the_cores_and_an_invalid_file_is_refused() {
        use tier_breakdown_core::seed::SEED_JSON;
        let d = check(SEED_JSON).unwrap().dataset;
        // In the file's language unless asked for another.
        assert_eq!(
            image(SEED_JSON, "seed", UiLang::En, None, 1200.0, false).unwrap(),
            tier_breakdown_core::svg::chart_svg(&d, UiLang::Vi, 1200.0, false)
        );
        assert_eq!(
            image(SEED_JSON, "seed", UiLang::Vi, Some(UiLang::En), 360.0, true).unwrap(),
            tier_breakdown_core::svg::chart_svg(&d, UiLang::En, 360.0, true)
        );
        match image(
            "{\"version\": 1}",
            "bad.json",
            UiLang::En,
            None,
            1200.0,
            false,
        ) {
            Err(ToolMsg::Invalid { file, lines }) => {
                assert_eq!(file, "bad.json");
                assert!(
                    lines
                        .iter()
                        .any(|l| l.contains("lang: required field is missing")),
                    "{lines:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
