//! `standalone`: writes one self-contained HTML file (JS glue, gzip+base64
//! wasm, CSS and a results file inlined) that works when double-clicked from
//! disk, with no network.
//!
//! ```text
//! cargo run --bin standalone -- path/to/results.json -o out.html [--dist dist]
//! cargo run --bin standalone -- path/to/results.json --svg chart.svg [--width 1200] [--dark] [--lang en]
//! cargo run --bin standalone -- path/to/results.json --png chart.png [--scale 2] [--width …]
//! cargo run --bin standalone -- --static-into page.html [--static-into …]
//! cargo run --bin standalone -- --read-text report.txt [-o results.json] [--explain]
//! ```
//!
//! `--read-text` reads a report's text (`tier_breakdown_draft::prose`) and
//! writes the results file the editor would start from; it fails (exit 1,
//! nothing written) when the text gives no figure. `--explain` prints each
//! figure with the words it came from, what was seen and not used (with
//! the reason) and the questions the text leaves open.
//!
//! `--static-into` rewrites a page in place with the chart in its HTML
//! before any script runs (a full page's `[data-tier-breakdown-page]`, and
//! its script embeds whose data is inline or built in); the build does it
//! for `index.html` and the demo article. It needs no results file.
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
        Ok(said) => {
            for msg in said {
                println!("{}", tool_message(&msg, lang));
            }
        }
        Err(msg) => {
            eprintln!("standalone: {}", tool_message(&msg, lang));
            std::process::exit(1);
        }
    }
}

mod standalone {
    use std::path::PathBuf;

    use tier_breakdown_core::i18n::{ToolMsg, UiLang};
    use tier_breakdown_standalone::{build, image, png, with_static_chart};

    struct Args {
        /// The results file (not needed for `--static-into` alone).
        results: Option<PathBuf>,
        /// The HTML file, unless only an image was asked for.
        out: Option<PathBuf>,
        dist: PathBuf,
        svg: Option<PathBuf>,
        png: Option<PathBuf>,
        scale: f32,
        width: f64,
        dark: bool,
        chart_lang: Option<UiLang>,
        /// Pages to write the static chart into.
        pages: Vec<PathBuf>,
        /// `--read-text`: a report's text, read into a results file (`out`).
        report: Option<PathBuf>,
        explain: bool,
    }

    /// An option's number, refused when missing, not a number or outside `range`.
    fn number_in<T: std::str::FromStr + PartialOrd>(
        arg: Option<String>,
        range: std::ops::RangeInclusive<T>,
    ) -> Result<T, ToolMsg> {
        let arg = arg.unwrap_or_default();
        match arg.parse::<T>() {
            Ok(x) if range.contains(&x) => Ok(x),
            _ => Err(ToolMsg::UnexpectedArgument(arg)),
        }
    }

    fn parse_args(args: Vec<String>) -> Result<Args, ToolMsg> {
        let mut results = None;
        let mut out = None;
        let mut dist = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from);
        let (mut svg, mut width, mut dark, mut chart_lang) = (None, 1200.0, false, None);
        let (mut png, mut scale) = (None, 1.0);
        let mut pages = Vec::new();
        let (mut report, mut explain) = (None, false);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-o" | "--out" => out = it.next().map(PathBuf::from),
                "--dist" => dist = it.next().map(PathBuf::from),
                "--svg" => svg = it.next().map(PathBuf::from),
                "--png" => png = it.next().map(PathBuf::from),
                "--scale" => scale = number_in(it.next(), 0.25..=4.0)?,
                "--dark" => dark = true,
                "--static-into" => pages.extend(it.next().map(PathBuf::from)),
                "--read-text" => report = it.next().map(PathBuf::from),
                "--explain" => explain = true,
                "--width" => width = number_in(it.next(), 240.0..=4000.0)?,
                "--lang" => {
                    let l = it.next().unwrap_or_default();
                    chart_lang = Some(UiLang::from_code(&l).ok_or(ToolMsg::UnexpectedArgument(l))?);
                }
                "-h" | "--help" => return Err(ToolMsg::Usage),
                s if !s.starts_with('-') && results.is_none() => results = Some(PathBuf::from(s)),
                other => return Err(ToolMsg::UnexpectedArgument(other.to_string())),
            }
        }
        let dist = dist.unwrap_or_else(|| PathBuf::from("dist"));
        // `--read-text` alone, with `-o` (the results file) or `--explain` or both.
        let reading = report.is_some() || explain;
        let alone = results.is_none() && svg.is_none() && png.is_none() && pages.is_empty();
        if reading && !(report.is_some() && alone && (out.is_some() || explain)) {
            return Err(ToolMsg::Usage);
        }
        let out = match out {
            Some(o) if reading => Some(o),
            None if reading => None,
            Some(o) => Some(o),
            None if svg.is_some() || png.is_some() || (!pages.is_empty() && results.is_none()) => {
                None
            }
            None => Some(dist.join("tier-breakdown.html")),
        };
        // Only `--static-into` and `--read-text` work without a results file.
        if results.is_none()
            && !reading
            && (pages.is_empty() || out.is_some() || svg.is_some() || png.is_some())
        {
            return Err(ToolMsg::Usage);
        }
        Ok(Args {
            results,
            out,
            dist,
            svg,
            png,
            scale,
            width,
            dark,
            chart_lang,
            pages,
            report,
            explain,
        })
    }

    /// `--read-text`: the report read into a results file, written to
    /// `out`; with `--explain`, every figure and the words it came from.
    fn read_text(args: &Args, lang: UiLang) -> Result<Vec<ToolMsg>, ToolMsg> {
        use tier_breakdown_draft::prose::read;
        use tier_breakdown_draft::words::{w, W};
        let Some(path) = &args.report else {
            return Err(ToolMsg::Usage);
        };
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ToolMsg::Io {
            file: name.clone(),
            error: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| ToolMsg::NotUtf8(name.clone()))?;
        let r = read(&text);
        if r.used.iter().all(|u| u.derived) {
            return Err(ToolMsg::NoFigures(name));
        }
        let words = |range: &std::ops::Range<usize>| {
            let s = text.get(range.clone()).unwrap_or("");
            format!("«{}»", s.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        let mut said = Vec::new();
        if args.explain {
            for u in &r.used {
                let approx = match u.approx.as_str() {
                    "about" => Some(W::About),
                    "nearly" => Some(W::Nearly),
                    "over" => Some(W::Over),
                    "under" => Some(W::Under),
                    _ => None,
                };
                let mut figure = approx.map_or(String::new(), |a| format!("{} ", w(lang, a)));
                figure.push_str(&u.value);
                if u.or_better {
                    figure = format!("{figure} {}", w(lang, W::OrBetter));
                }
                let from = match (u.derived, u.words.is_empty()) {
                    (_, true) => format!("({})", w(lang, u.worked_out())),
                    (true, false) => format!("({} {})", w(lang, W::WorkedOutFrom), words(&u.words)),
                    (false, false) => words(&u.words),
                };
                said.push(ToolMsg::Said(format!("{} = {figure}  {from}", u.path)));
            }
            for u in &r.unused {
                let (not_used, why) = (w(lang, W::ReadNotUsed), w(lang, u.why));
                said.push(ToolMsg::Said(format!(
                    "{not_used}: {} ({why})",
                    words(&u.words)
                )));
            }
            for q in &r.questions {
                let choices: Vec<String> = q
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("[{}] {}", i + 1, w(lang, c.says)))
                    .collect();
                said.push(ToolMsg::Said(format!(
                    "{}: {} {} {}",
                    w(lang, W::ReadAsk),
                    words(&q.words),
                    w(lang, q.ask),
                    choices.join(" ")
                )));
            }
        }
        if let Some(out) = &args.out {
            let file = tier_breakdown_draft::write::results_file(&r.draft, "");
            std::fs::write(out, file.as_bytes()).map_err(|e| ToolMsg::Io {
                file: out.display().to_string(),
                error: e.to_string(),
            })?;
            said.push(ToolMsg::Wrote {
                file: out.display().to_string(),
                bytes: file.len(),
            });
        }
        Ok(said)
    }

    /// Writes the files asked for; returns one line per file written.
    pub fn run(args: Vec<String>, lang: UiLang) -> Result<Vec<ToolMsg>, ToolMsg> {
        let args = parse_args(args)?;
        if args.report.is_some() {
            return read_text(&args, lang);
        }
        let io = |p: &PathBuf, e: std::io::Error| ToolMsg::Io {
            file: p.display().to_string(),
            error: e.to_string(),
        };
        let read = |p: &PathBuf| std::fs::read(p).map_err(|e| io(p, e));
        let text = |p: &PathBuf| {
            String::from_utf8(read(p)?).map_err(|_| ToolMsg::NotUtf8(p.display().to_string()))
        };
        let results = match &args.results {
            Some(p) => text(p)?,
            None => String::new(),
        };
        let name = args
            .results
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let write = |p: &PathBuf, bytes: &[u8]| {
            std::fs::write(p, bytes).map_err(|e| io(p, e))?;
            Ok::<_, ToolMsg>(ToolMsg::Wrote {
                file: p.display().to_string(),
                bytes: bytes.len(),
            })
        };
        let mut said = Vec::new();
        if args.svg.is_some() || args.png.is_some() {
            let (w, dark) = (args.width, args.dark);
            let image = image(&results, &name, lang, args.chart_lang, w, dark)?;
            if let Some(svg) = &args.svg {
                said.push(write(svg, image.as_bytes())?);
            }
            if let Some(out) = &args.png {
                let bytes = png(&image, args.scale).map_err(|error| ToolMsg::Io {
                    file: out.display().to_string(),
                    error,
                })?;
                said.push(write(out, &bytes)?);
            }
        }
        for page in &args.pages {
            let page_name = page.display().to_string();
            let done = with_static_chart(&text(page)?, &page_name)?;
            said.extend(done.warnings);
            said.push(write(page, done.html.as_bytes())?);
        }
        if let Some(out) = &args.out {
            let glue = text(&args.dist.join("tier-breakdown.js"))?;
            let wasm = read(&args.dist.join("tier-breakdown_bg.wasm"))?;
            let page_css = text(&args.dist.join("page.css")).unwrap_or_default();
            let html = build(&glue, &wasm, &page_css, &results, &name, lang)?;
            said.push(write(out, html.as_bytes())?);
        }
        Ok(said)
    }
}
