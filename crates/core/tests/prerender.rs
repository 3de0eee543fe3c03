//! The static chart (`prerender`): at every width, what it shows is the
//! widget's first frame at that width, element for element; the seed's
//! figures are in its text; a snapshot of the markup.

use tier_breakdown_core::dom::{El, Kid};
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::{chart, WIDTH_STEP};
use tier_breakdown_core::parts::group_el;
use tier_breakdown_core::prerender::{chart_html, embed_html, Options};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::{check, Checked};

/// The tree as a browser shows it at chart width `w`: the elements whose
/// width condition holds, without the condition.
fn at_width(el: &El, w: u32) -> Option<El> {
    if let Some((from, below)) = el.shown {
        if w < from || w >= below {
            return None;
        }
    }
    let mut out = el.clone();
    out.shown = None;
    out.kids = el
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::El(e) => at_width(e, w).map(Kid::El),
            Kid::Text(t) => Some(Kid::Text(t.clone())),
        })
        .collect();
    Some(out)
}

fn html(el: &El) -> String {
    el.to_html("", None).0
}

fn files() -> Vec<(String, Checked)> {
    let mut out = vec![("seed".to_string(), check(SEED_JSON).unwrap())];
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&p).unwrap();
            if let Ok(c) = check(&text) {
                out.push((p.display().to_string(), c));
            }
        }
    }
    out
}

#[test]
fn at_every_width_the_static_groups_are_the_widgets_first_frame() {
    for (name, c) in files() {
        let d = tier_breakdown_core::drill::scoped(&c.dataset, 0, None).unwrap();
        for lang in [UiLang::Vi, UiLang::En] {
            let any = chart(&d, lang, 640.0, false);
            for w in 200..=1600u32 {
                // The widget lays out at its width rounded to the step.
                let bar = (f64::from(w) / WIDTH_STEP).round() * WIDTH_STEP;
                let laid = chart(&d, lang, bar, false);
                for (g_any, g_laid) in any.groups.iter().zip(&laid.groups) {
                    let sel = Selection::default();
                    let want = html(&group_el::<false>(g_laid, &d, sel, lang, [None, None]));
                    let got = at_width(&group_el::<true>(g_any, &d, sel, lang, [None, None]), w)
                        .map(|e| html(&e));
                    assert_eq!(
                        got.as_deref(),
                        Some(want.as_str()),
                        "{name} {lang:?} at {w} px, group {}",
                        g_any.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_seed_figures_are_in_the_markup() {
    let c = check(SEED_JSON).unwrap();
    let s = chart_html(
        &c,
        &Options {
            id: "tbs".into(),
            ..Options::default()
        },
    );
    // The article's figures as printed (FACTS.md): organisations, cells, members.
    for figure in ["695", "698", "5.062", "5.084", "94.877"] {
        assert!(s.html.contains(figure), "{figure} missing");
    }
    assert!(s.html.contains("Nguồn"), "the source line");
    assert!(
        s.css.contains("@container (width"),
        "labels placed by width"
    );
    assert!(
        s.css.contains("@media (prefers-color-scheme:dark)"),
        "the dark theme's colours"
    );
    assert!(
        !s.html.contains(" style="),
        "no style attribute: a strict CSP refuses them"
    );
    // Forced themes carry one set of colours.
    let dark = chart_html(
        &c,
        &Options {
            dark: Some(true),
            id: "d".into(),
            ..Options::default()
        },
    );
    assert!(dark.html.starts_with(r#"<div class="tb tb-dark""#));
    assert!(!dark.css.contains("prefers-color-scheme:dark){["));
}

#[test]
fn an_embed_is_a_declarative_shadow_root() {
    let c = check(SEED_JSON).unwrap();
    let o = Options {
        lang: Some("en".into()),
        tiers: vec!["excellent".into()],
        id: "e".into(),
        ..Options::default()
    };
    let e = embed_html(&c, &o);
    assert!(
        e.starts_with(r#"<template shadowrootmode="open"><style>:host{"#),
        "{}",
        &e[..80]
    );
    assert!(e.contains(
        r#"<div class="tb-root"><div class="tb" lang="en" data-tb-static="e" hidden="">"#
    ));
    assert!(
        e.contains(r#"aria-pressed="true""#),
        "the tier asked for is selected"
    );
    assert!(e.ends_with("</div></template>"));
}

/// Reviewed like code: `UPDATE_EXPECT=1 cargo test -p tier-breakdown-core --test prerender`.
#[test]
fn the_seed_markup_snapshot() {
    let c = check(SEED_JSON).unwrap();
    let s = chart_html(
        &c,
        &Options {
            picker: true,
            id: "tbs".into(),
            ..Options::default()
        },
    );
    // The chart's own rules (the widget's sheet is style/widget.css).
    let rules = &s.css[s.css.find("[data-tb-static").unwrap_or(0)..];
    let snap = format!(
        "{}\n\n{}\n",
        s.html.replace("><", ">\n<"),
        rules.replace('}', "}\n")
    );
    expect_test::expect_file!["snapshots/seed-static.html.txt"].assert_eq(&snap);
}

/// The page's query guard hides the static chart for exactly the options
/// that change what it shows: every option of `core::options` but the
/// timeout (one list of names; the guard is a literal for its CSP hash).
#[test]
fn the_query_guard_names_every_option_that_changes_the_chart() {
    use tier_breakdown_core::options::Opt;
    use tier_breakdown_core::prerender::QUERY_SCRIPT;
    let names: Vec<&str> = Opt::ALL
        .iter()
        .filter(|o| **o != Opt::Timeout)
        .map(|o| o.query())
        .collect();
    assert!(
        QUERY_SCRIPT.contains(&format!("[?&]({})=", names.join("|"))),
        "{QUERY_SCRIPT}"
    );
}
