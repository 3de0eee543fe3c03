//! Ways out, once the file has no error: the results file (pretty-printed,
//! with `$schema`), the script embed with the data inline or from an
//! address, the iframe code, the standalone HTML file built here in the
//! browser by the native tool's own code, and the screen-reader summary as
//! alt text. Copy buttons say that they copied.

use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use tier_breakdown_core::export::summary;
use tier_breakdown_core::fold::slug;
use tier_breakdown_core::i18n::{tool_message, UiLang};
use tier_breakdown_core::prerender::{as_embed, chart_html, knows_language, Options};
use tier_breakdown_core::validate::Checked;

/// The width the height hint is measured at: an article column on a
/// phone (360 px less the page's margins), where the chart is tallest.
const PHONE_PX: u32 = 320;
use tier_breakdown_draft::codes::{self, Pins};
use tier_breakdown_draft::words::W;

use crate::browser::{self, WidgetFiles};
use crate::state::Ed;

/// A copy button (`{id}-copy`) for `text` and the status (`{id}-status`)
/// that says it copied; `from`: the box selected where the Clipboard API
/// is missing.
pub(crate) fn copy_button(
    ed: Ed,
    id: &'static str,
    label: W,
    text: Signal<String>,
    from: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    // A new text is not copied yet.
    Effect::new(move |_| {
        text.track();
        status.set(None);
    });
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(Some(browser::copy(t, from).await));
        });
    };
    view! {
        <div class="ed-row">
            <button type="button" id=format!("{id}-copy") on:click=copy>{move || ed.w(label)}</button>
            <span role="status" class="ed-said" id=format!("{id}-status")>
                {move || match status.get() {
                    Some(true) => ed.w(W::Copied),
                    Some(false) => ed.w(W::CopyFailed),
                    None => String::new(),
                }}
            </span>
        </div>
    }
}

/// A read-only code box, with one sentence on when to use it, and a copy button.
fn code_box(
    ed: Ed,
    id: &'static str,
    label: W,
    when: Option<W>,
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="ed-code">
            <label for=id>{move || ed.w(label)}</label>
            {when.map(|k| view! { <p class="ed-hint" id=format!("{id}-when")>{move || ed.w(k)}</p> })}
            <textarea id=id readonly rows="4" spellcheck="false" prop:value=move || text.get()></textarea>
            {copy_button(ed, id, W::Copy, text, id)}
        </div>
    }
}

/// What the codes are made of, once per change of the checked file: the
/// title and the alt text in the file's language (the article's, not
/// necessarily the editor's), the chart drawn before the wasm (the inline
/// code carries it) and its height on a phone (the height hint every
/// code carries; `None`: it could not be measured, and the codes say so
/// rather than leave the page to move when the chart comes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Made {
    pub title: String,
    pub summary: String,
    pub chart: String,
    pub height: Option<u32>,
}

impl Made {
    fn of(c: &Checked) -> Made {
        let lang = UiLang::from_code(&c.dataset.lang).unwrap_or_default();
        let o = Options {
            id: "tbe".into(),
            ..Options::default()
        };
        let page = chart_html(c, &o);
        Made {
            title: c.dataset.title.get(&c.dataset.lang).to_string(),
            summary: summary(&c.dataset, lang, &[]),
            // No static chart when the widget will follow the reader's browser.
            chart: if knows_language(c, &o) {
                as_embed(&page)
            } else {
                String::new()
            },
            height: browser::static_height(&page.html, &page.css, PHONE_PX),
        }
    }
}

/// The ways out every part of the page shares: where the widget is
/// hosted, the pins of its files, what the codes are made of and the
/// inline code (also copied from next to the preview).
#[derive(Clone, Copy)]
pub struct Out {
    pub base: RwSignal<String>,
    pub pins: Memo<Pins>,
    pub made: Memo<Option<Made>>,
    pub inline: Signal<String>,
}

impl Out {
    pub fn new(ed: Ed) -> Out {
        let base = RwSignal::new(
            browser::own_folder()
                .unwrap_or_else(|| "https://cdn.example/tier-breakdown/".to_string()),
        );
        let made = Memo::new(move |_| ed.outcome.with(|o| o.checked.as_deref().map(Made::of)));
        // The hashes of this folder's files: only for codes that name this
        // folder (another folder or version has other files).
        let own = browser::own_folder();
        let fetched = RwSignal::new(Pins::default());
        leptos::task::spawn_local(async move { fetched.set(browser::pins().await) });
        let pins = Memo::new(move |_| {
            let here = own.as_deref() == Some(base.with(|b| b.trim().to_string()).as_str());
            if here {
                fetched.get()
            } else {
                Pins::default()
            }
        });
        // Without `$schema`: an article's code need not point at this editor.
        let bare = Memo::new(move |_| {
            ed.draft
                .with(|d| tier_breakdown_draft::write::results_file(d, ""))
        });
        let inline = Signal::derive(move || {
            made.with(|m| match m {
                None => String::new(),
                Some(Made { height: None, .. }) => ed.w(W::NoHeight),
                Some(
                    m @ Made {
                        height: Some(h), ..
                    },
                ) => codes::embed_inline(
                    &base.get(),
                    &bare.get(),
                    &ed.draft.with(|d| d.lang.clone()),
                    &pins.with(|p| p.embed.clone()),
                    &fallback(m),
                    &m.chart,
                    *h,
                ),
            })
        });
        Out {
            base,
            pins,
            made,
            inline,
        }
    }

    fn name(self) -> String {
        self.made
            .with(|m| slug(m.as_ref().map_or("", |m| &m.title)))
    }
}

/// For readers without JavaScript: the title and the summary, in the file's language.
fn fallback(m: &Made) -> String {
    format!("{}: {}", m.title, m.summary)
}

/// Whether `embed.js` answers where the codes say it is (the editor's
/// policy lets it ask its own site only; another site is said to be unchecked).
#[component]
fn HostCheck(ed: Ed, out: Out) -> impl IntoView {
    let state = RwSignal::new(None::<W>);
    let own = browser::own_folder();
    Effect::new(move |_| {
        let base = out.base.with(|b| b.trim().to_string());
        let here = own.as_deref() == Some(base.as_str());
        leptos::task::spawn_local(async move {
            let k = match here {
                false => W::HostUnchecked,
                true if browser::answers("embed.js").await => W::HostAnswers,
                true => W::HostSilent,
            };
            if out.base.with_untracked(|b| b.trim() == base) {
                state.set(Some(k));
            }
        });
    });
    view! { <p class="ed-hint" id="ed-base-check" role="status">{move || state.get().map(|k| ed.w(k))}</p> }
}

/// The codes that read the results file from its address.
#[component]
fn ByAddress(ed: Ed, out: Out) -> impl IntoView {
    let src = RwSignal::new(String::new());
    let has_src = move || !src.with(|s| s.trim().is_empty());
    let lang = move || ed.draft.with(|d| d.lang.clone());
    let by_src = Signal::derive(move || {
        if !has_src() {
            return ed.w(W::NeedAddress);
        }
        out.made.with(|m| {
            let m = m.clone().unwrap_or_default();
            let Some(height) = m.height else {
                return ed.w(W::NoHeight);
            };
            codes::embed_src(
                &out.base.get(),
                src.get().trim(),
                &lang(),
                &out.pins.with(|p| p.embed.clone()),
                &fallback(&m),
                height,
            )
        })
    });
    let frame = Signal::derive(move || {
        if !has_src() {
            return ed.w(W::NeedAddress);
        }
        out.made.with(|m| {
            let m = m.clone().unwrap_or_default();
            let Some(height) = m.height else {
                return ed.w(W::NoHeight);
            };
            codes::iframe(
                &out.base.get(),
                src.get().trim(),
                &lang(),
                &m.title,
                &out.pins.with(|p| p.frame.clone()),
                height,
            )
        })
    });
    view! {
        <div class="ed-field">
            <label for="ed-src">{move || ed.w(W::DataAddress)}</label>
            <input id="ed-src" type="url" placeholder="https://" prop:value=move || src.get() on:input=move |ev| src.set(event_target_value(&ev)) />
        </div>
        {code_box(ed, "ed-embed-src", W::EmbedSrc, Some(W::EmbedSrcWhen), by_src)}
        <p class="ed-hint" id="ed-cms">{move || ed.w(W::CmsStrips)}</p>
        {code_box(ed, "ed-iframe", W::IframeCode, None, frame)}
    }
}

/// The chart as files: the standalone page, the SVG and the PNG image.
#[component]
fn Files(ed: Ed, out: Out) -> impl IntoView {
    let files: RwSignal<Option<Arc<SendWrapper<WidgetFiles>>>> = RwSignal::new(None);
    let building = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Some(f) = browser::widget_files().await {
            files.set(Some(Arc::new(SendWrapper::new(f))));
        }
    });
    // The chart as an image, 1200 px wide, light, in the file's language.
    let svg = move || {
        ed.outcome.with(|o| {
            o.checked.as_ref().map(|c| {
                let lang = UiLang::from_code(&c.dataset.lang).unwrap_or_default();
                tier_breakdown_core::svg::chart_svg(&c.dataset, lang, 1200.0, false)
            })
        })
    };
    let download_svg = move |_| {
        if let Some(image) = svg() {
            browser::download(&format!("{}.svg", out.name()), &image, "image/svg+xml");
        }
    };
    let download_png = move |_| {
        if let Some(image) = svg() {
            browser::download_png(&format!("{}.png", out.name()), &image);
        }
    };
    let download_html = move |_| {
        let said = match files.get_untracked() {
            Some(f) => standalone(ed, out, &f),
            None => Some(format!(
                "{} tier-breakdown.js, tier-breakdown_bg.wasm, page.css",
                ed.w(W::BuildFailed)
            )),
        };
        building.set(said);
    };
    view! {
        <div class="ed-row">
            <button type="button" id="ed-download-html" on:click=download_html>{move || ed.w(W::DownloadHtml)}</button>
            <button type="button" id="ed-download-svg" on:click=download_svg>{move || ed.w(W::DownloadSvg)}</button>
            <button type="button" id="ed-download-png" on:click=download_png>{move || ed.w(W::DownloadPng)}</button>
        </div>
        <p role="status" class="ed-said ed-bad" id="ed-build-said">{move || building.get()}</p>
    }
}

/// Builds and offers the standalone file; what went wrong, if anything.
fn standalone(ed: Ed, out: Out, f: &WidgetFiles) -> Option<String> {
    let lang = ed.lang.get_untracked();
    let name = out.name();
    let built = ed.outcome.with_untracked(|o| {
        tier_breakdown_standalone::build(
            &f.glue,
            &f.wasm,
            &f.css,
            &o.file,
            &format!("{name}.json"),
            lang,
        )
    });
    match built {
        Ok(html) => {
            browser::download(&format!("{name}.html"), &html, "text/html");
            None
        }
        Err(m) => Some(format!(
            "{} {}",
            ed.w(W::BuildFailed),
            tool_message(&m, lang)
        )),
    }
}

/// The ways out: the results file always (errors and all, to go on later);
/// the codes, files and alt text once the file has no error.
#[component]
pub fn Publish(ed: Ed, out: Out) -> impl IntoView {
    let ok = move || out.made.with(Option::is_some);
    let alt = Signal::derive(move || {
        out.made
            .with(|m| m.as_ref().map(|m| m.summary.clone()).unwrap_or_default())
    });
    let download_json = move |_| {
        browser::download(
            &format!("{}.json", out.name()),
            &ed.outcome.with_untracked(|o| o.file.clone()),
            "application/json",
        )
    };
    // Before anything is typed there is nothing to fix, only to fill in.
    let not_yet = move || {
        let (class, k) = if ed.said.with(|s| s.iter().any(|s| s.error)) {
            ("ed-said ed-bad", W::FixFirst)
        } else {
            ("ed-hint", W::FillFirst)
        };
        view! { <p class=class id="ed-fix-first">{ed.w(k)}</p> }
    };
    view! {
        <section class="ed-card ed-publish" aria-labelledby="ed-publish">
            <h2 id="ed-publish">{move || ed.w(W::Publish)}</h2>
            <div class="ed-row">
                <button type="button" id="ed-download-json" class="ed-primary" on:click=download_json>{move || ed.w(W::DownloadJson)}</button>
            </div>
            <Show when=ok fallback=not_yet>
                <Files ed=ed out=out />
                {code_box(ed, "ed-embed-inline", W::EmbedInline, Some(W::EmbedInlineWhen), out.inline)}
                <ByAddress ed=ed out=out />
                <div class="ed-field">
                    <label for="ed-base">{move || ed.w(W::HostedAt)}</label>
                    <input id="ed-base" type="url" aria-describedby="ed-base-check" prop:value=move || out.base.get() on:input=move |ev| out.base.set(event_target_value(&ev)) />
                    <HostCheck ed=ed out=out />
                </div>
                {code_box(ed, "ed-alt", W::AltText, None, alt)}
            </Show>
        </section>
    }
}
