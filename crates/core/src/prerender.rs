//! The chart as static HTML, before any script runs: the widget's first
//! frame, built by the same [`crate::parts`] functions, written as markup
//! with a stylesheet (the widget's own, and one rule per styled element,
//! since a strict CSP refuses `style` attributes). It is right at any
//! width: a segment label is shown only at the chart widths where the
//! widget would draw it there (container queries), so when the wasm
//! starts and the widget takes the markup over (same boxes, same classes),
//! nothing moves. Used for the full page and the standalone file (inside
//! `[data-tier-breakdown-page]`) and for script embeds with their data
//! known in advance (a declarative shadow root, [`embed_html`]).
//!
//! Deliberately absent: the drill-down controls and the ranking of files
//! with sub-units or periods (the bars of the period shown are there; the
//! controls appear, and move what is under them, when the wasm starts).

use crate::dom::El;
use crate::drill::{period_index, scoped};
use crate::export::{csv_name, summary};
use crate::i18n::UiLang;
use crate::layout::chart;
use crate::minify::minify;
use crate::parts::{
    announce_el, footer_el, group_el, groups_class, head_els, legend_el, picker_el, table_rows,
    tip_el, tools_els, ToolBinds,
};
use crate::stack::Selection;
use crate::validate::Checked;

/// The widget's stylesheet as written (`style/widget.css`).
const WIDGET_CSS_SRC: &str = include_str!("../../../style/widget.css");

/// Rules for a shadow root: the host element always shows (a page rule
/// such as `div{display:none!important}` loses to an important `:host`
/// rule), and `all: initial` on the wrapper stops inherited page styles
/// (`*{letter-spacing:…!important}` on the host) at the boundary.
pub const SHADOW_CSS: &str =
    ":host{display:block!important;visibility:visible!important;opacity:1!important;\
position:static!important;float:none!important;width:auto!important;min-width:0!important;\
max-width:none!important;height:auto!important;margin:0 0 1em!important;padding:0!important;\
border:0!important;transform:none!important;filter:none!important;contain:content}\
.tb-root{all:initial;display:block}";

/// A page's static chart is the one its HTML was written for: an address
/// that asks for another file, language, view or theme (`?data=`,
/// `?lang=`…) hides it before the first paint, so a reader never sees the
/// built-in chart turn into another one (the widget then shows its
/// loading placeholder, as without static markup). A classic inline
/// script at the end of the head, allowed by its hash.
pub const QUERY_SCRIPT: &str = "if(/[?&](data|lang|tiers|groups|unit|period|compare|theme)=/.test(location.search))document.documentElement.classList.add('tb-q')";

/// The static root carries `hidden`, which only its own stylesheet undoes:
/// where a page's policy refuses the stylesheet, the chart is not shown
/// unstyled (the widget draws it when the wasm starts), rather than as a
/// column of every label variant. Then the rule [`QUERY_SCRIPT`] switches on.
const SHOW_CSS: &str =
    "[data-tb-static][hidden]{display:block}.tb-q [data-tb-static]{display:none}";

/// What the static chart is drawn with: the options a page or an embed
/// code gives the widget.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Interface language option (`vi`, `en`); else the file's.
    pub lang: Option<String>,
    /// `Some(true)` dark, `Some(false)` light, `None` the reader's setting.
    pub dark: Option<bool>,
    /// Group ids shown (all when empty).
    pub groups: Vec<String>,
    /// Tier ids selected at the start (the file's highlight when empty).
    pub tiers: Vec<String>,
    /// The "open a results file" link of the full page.
    pub picker: bool,
    /// Prefix of the element ids (unique on the page); only
    /// `[A-Za-z0-9_-]` is kept (it is in the stylesheet's selectors too).
    pub id: String,
}

/// Static markup and the stylesheet it needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Static {
    /// The widget's root element (`<div class="tb …">`), chart inside.
    pub html: String,
    /// The widget's stylesheet, minified, then the chart's own rules.
    pub css: String,
}

/// `id` with only `[A-Za-z0-9_-]` (`tbs` when nothing is left).
fn safe_id(id: &str) -> String {
    let s: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "_-".contains(*c))
        .collect();
    if s.is_empty() {
        "tbs".into()
    } else {
        s
    }
}

/// Whether the static chart can know the language the widget will speak:
/// the option's or the file's, when it is `vi` or `en` (otherwise the
/// widget follows the reader's browser, which no page knows in advance).
pub fn knows_language(c: &Checked, o: &Options) -> bool {
    UiLang::from_code(o.lang.as_deref().unwrap_or(&c.dataset.lang)).is_some()
}

/// The widget's root as it is once drawn, in one theme.
fn root(c: &Checked, o: &Options, dark: bool) -> El {
    let d = &c.dataset;
    let lang = UiLang::choose(o.lang.as_deref(), Some(&d.lang), None);
    let id = &safe_id(&o.id);
    // The widget's first width; labels are placed by width in the markup.
    let head = chart(d, lang, 640.0, dark).only_groups(&o.groups);
    let ids: Vec<String> = head.groups.iter().map(|g| g.id.clone()).collect();
    let scope = scoped(d, period_index(d, None), None);
    let view = scope
        .as_ref()
        .map(|s| chart(s, lang, 640.0, dark).only_groups(&ids));
    let sel = Selection::start(d, &o.tiers);
    let groups = El::with_class("div", &groups_class(sel)).children(
        view.iter()
            .flat_map(|v| v.groups.iter())
            .map(|g| group_el::<true>(g, d, sel, lang, [None, None])),
    );
    let text = scope
        .as_ref()
        .map(|s| summary(s, lang, &ids))
        .unwrap_or_default();
    let file_name = csv_name(&head.title, None);
    let rows = table_rows(scope.as_ref(), lang, &ids, id, &head.title);
    let [tools, table] = tools_els(id, lang, &file_name, rows, &ToolBinds::default());
    let figure = El::with_class("figure", "tb-chart")
        .attr("aria-labelledby", format!("{id}-title"))
        .attr("aria-describedby", format!("{id}-summary"))
        .children(head_els(&head, id, &text, None))
        .child(legend_el(&head, &[], sel, lang))
        .child(groups)
        .child(tip_el())
        .child(announce_el())
        .child(table)
        .child(footer_el(&head, lang, tools));
    let class = match o.dark {
        Some(true) => "tb tb-dark",
        Some(false) => "tb tb-light",
        None => "tb",
    };
    El::with_class("div", class)
        .attr("lang", lang.code())
        .attr("data-tb-static", id.clone())
        .attr("hidden", "")
        .child(figure)
        .children(o.picker.then(|| picker_el(lang)))
}

/// The chart of `c` as static markup, for a page's own DOM (full page,
/// standalone file): its `css` must be in the page.
///
/// ```
/// use tier_breakdown_core::prerender::{chart_html, Options};
/// use tier_breakdown_core::{seed::SEED_JSON, validate::check};
/// let c = check(SEED_JSON).unwrap();
/// let s = chart_html(&c, &Options { id: "tbs".into(), ..Options::default() });
/// assert!(s.html.starts_with(r#"<div class="tb" lang="vi" data-tb-static="tbs" hidden="">"#));
/// assert!(s.html.contains("94.877")); // the members evaluated, as printed
/// ```
pub fn chart_html(c: &Checked, o: &Options) -> Static {
    let light = root(c, o, o.dark.unwrap_or(false));
    // The reader's setting: the dark theme's colours under a media query.
    let dark = o.dark.is_none().then(|| root(c, o, true));
    let scope = format!("[data-tb-static=\"{}\"]", safe_id(&o.id));
    let (html, rules) = light.to_html(&scope, dark.as_ref());
    Static {
        html,
        css: format!("{}{SHOW_CSS}{rules}", minify(WIDGET_CSS_SRC)),
    }
}

/// The chart of `c` for a script embed's host element: a declarative
/// shadow root (`<template shadowrootmode="open">`) with the styles
/// inside, so the page's CSS cannot reach it before the wasm starts either
/// (the widget then draws into the same shadow root).
pub fn embed_html(c: &Checked, o: &Options) -> String {
    as_embed(&chart_html(c, o))
}

/// Static markup from [`chart_html`] as [`embed_html`] writes it. The
/// embed code's height hint (`min-height` on the host) holds the place in
/// a browser that shows no declarative shadow root; where this one is
/// shown, the chart is its own height (`:host{min-height:0!important}`: a
/// shadow root's important rule beats the host's inline style), so a
/// column wider than the phone's the hint was measured in gets no blank.
pub fn as_embed(s: &Static) -> String {
    format!(
        "<template shadowrootmode=\"open\"><style>{SHADOW_CSS}:host{{min-height:0!important}}{}</style><div class=\"tb-root\">{}</div></template>",
        s.css,
        s.html
    )
}
