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
use tier_breakdown_core::validate::check;

/// The width the height hint is measured at: an article column on a
/// phone (360 px less the page's margins), where the chart is tallest.
const PHONE_PX: u32 = 320;
use tier_breakdown_draft::codes::{self, Pins};
use tier_breakdown_draft::words::W;

use crate::browser::{self, WidgetFiles};
use crate::state::Ed;

/// A read-only code box with a copy button that says it copied.
fn code_box(ed: Ed, id: &'static str, label: W, text: Signal<String>) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    // A new text is not copied yet.
    Effect::new(move |_| {
        text.track();
        status.set(None);
    });
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(Some(browser::copy(t, id).await));
        });
    };
    view! {
        <div class="ed-code">
            <label for=id>{move || ed.w(label)}</label>
            <textarea id=id readonly rows="4" spellcheck="false" prop:value=move || text.get()></textarea>
            <div class="ed-row">
                <button type="button" id=format!("{id}-copy") on:click=copy>{move || ed.w(W::Copy)}</button>
                <span role="status" class="ed-said" id=format!("{id}-status")>
                    {move || match status.get() {
                        Some(true) => ed.w(W::Copied),
                        Some(false) => ed.w(W::CopyFailed),
                        None => String::new(),
                    }}
                </span>
            </div>
        </div>
    }
}

#[component]
pub fn Publish(ed: Ed) -> impl IntoView {
    let base = RwSignal::new(
        browser::own_folder().unwrap_or_else(|| "https://cdn.example/tier-breakdown/".to_string()),
    );
    let src = RwSignal::new(String::new());
    let files: RwSignal<Option<Arc<SendWrapper<WidgetFiles>>>> = RwSignal::new(None);
    let building = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Some(f) = browser::widget_files().await {
            files.set(Some(Arc::new(SendWrapper::new(f))));
        }
    });
    // One validation per change for everything below: the title (names,
    // iframe title) and the alt text, in the file's language (the
    // article's, not necessarily the editor's).
    // Also the chart drawn before the wasm (the inline code carries it)
    // and its height on a phone (the height hint of the other codes).
    let checked = Memo::new(move |_| {
        ed.file.with(|f| {
            check(f).ok().map(|c| {
                let lang = UiLang::from_code(&c.dataset.lang).unwrap_or_default();
                let o = Options {
                    id: "tbe".into(),
                    ..Options::default()
                };
                let page = chart_html(&c, &o);
                (
                    c.dataset.title.get(&c.dataset.lang).to_string(),
                    summary(&c.dataset, lang, &[]),
                    // No static chart when the widget will follow the reader's browser.
                    if knows_language(&c, &o) {
                        as_embed(&page)
                    } else {
                        String::new()
                    },
                    browser::static_height(&page.html, &page.css, PHONE_PX).unwrap_or(0),
                )
            })
        })
    });
    let chart = move || checked.with(|c| c.as_ref().map(|c| c.2.clone()).unwrap_or_default());
    let height = move || checked.with(|c| c.as_ref().map_or(0, |c| c.3));
    let ok = move || checked.with(Option::is_some);
    let lang = move || ed.draft.with(|d| d.lang.clone());
    let name = move || checked.with(|c| slug(c.as_ref().map_or("", |c| &c.0)));
    // Without `$schema`: an article's code need not point at this editor.
    let bare = Memo::new(move |_| {
        ed.draft
            .with(|d| tier_breakdown_draft::write::results_file(d, ""))
    });
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
    // For readers without JavaScript: the title and the summary, in the file's language.
    let fallback = move || {
        checked.with(|c| {
            c.as_ref()
                .map(|(title, summary, ..)| format!("{title}: {summary}"))
                .unwrap_or_default()
        })
    };
    let inline = Signal::derive(move || {
        codes::embed_inline(
            &base.get(),
            &bare.get(),
            &lang(),
            &pins.with(|p| p.embed.clone()),
            &fallback(),
            &chart(),
        )
    });
    let has_src = move || !src.with(|s| s.trim().is_empty());
    let by_src = Signal::derive(move || {
        if has_src() {
            codes::embed_src(
                &base.get(),
                src.get().trim(),
                &lang(),
                &pins.with(|p| p.embed.clone()),
                &fallback(),
                height(),
            )
        } else {
            ed.w(W::NeedAddress)
        }
    });
    let frame = Signal::derive(move || {
        if has_src() {
            let title = checked.with(|c| c.as_ref().map(|c| c.0.clone()).unwrap_or_default());
            let frame_sri = pins.with(|p| p.frame.clone());
            codes::iframe(
                &base.get(),
                src.get().trim(),
                &lang(),
                &title,
                &frame_sri,
                height(),
            )
        } else {
            ed.w(W::NeedAddress)
        }
    });
    let alt = Signal::derive(move || {
        checked.with(|c| c.as_ref().map(|c| c.1.clone()).unwrap_or_default())
    });
    let download_json = move |_| {
        browser::download(
            &format!("{}.json", name()),
            &ed.file.get_untracked(),
            "application/json",
        )
    };
    // The chart as an image, 1200 px wide, light, in the file's language.
    let svg = move || {
        ed.file.with(|f| {
            check(f).ok().map(|c| {
                let lang = UiLang::from_code(&c.dataset.lang).unwrap_or_default();
                tier_breakdown_core::svg::chart_svg(&c.dataset, lang, 1200.0, false)
            })
        })
    };
    let download_svg = move |_| {
        if let Some(image) = svg() {
            browser::download(&format!("{}.svg", name()), &image, "image/svg+xml");
        }
    };
    let download_png = move |_| {
        if let Some(image) = svg() {
            browser::download_png(&format!("{}.png", name()), &image);
        }
    };
    let download_html = move |_| {
        let Some(f) = files.get_untracked() else {
            building.set(Some(format!(
                "{} {}",
                ed.w(W::BuildFailed),
                "tier-breakdown.js, tier-breakdown_bg.wasm, page.css"
            )));
            return;
        };
        let lang = ed.lang.get_untracked();
        let file = ed.file.get_untracked();
        match tier_breakdown_standalone::build(
            &f.glue,
            &f.wasm,
            &f.css,
            &file,
            &format!("{}.json", name()),
            lang,
        ) {
            Ok(html) => {
                building.set(None);
                browser::download(&format!("{}.html", name()), &html, "text/html");
            }
            Err(m) => building.set(Some(format!(
                "{} {}",
                ed.w(W::BuildFailed),
                tool_message(&m, lang)
            ))),
        }
    };
    view! {
        <section class="ed-card" aria-labelledby="ed-publish">
            <h2 id="ed-publish">{move || ed.w(W::Publish)}</h2>
            // The results file can always be saved, errors and all, to go on later.
            <div class="ed-row">
                <button type="button" id="ed-download-json" class="ed-primary" on:click=download_json>{move || ed.w(W::DownloadJson)}</button>
            </div>
            <Show when=ok fallback=move || view! { <p class="ed-said ed-bad" id="ed-fix-first">{move || ed.w(W::FixFirst)}</p> }>
                <div class="ed-row">
                    <button type="button" id="ed-download-html" on:click=download_html>{move || ed.w(W::DownloadHtml)}</button>
                    <button type="button" id="ed-download-svg" on:click=download_svg>{move || ed.w(W::DownloadSvg)}</button>
                    <button type="button" id="ed-download-png" on:click=download_png>{move || ed.w(W::DownloadPng)}</button>
                </div>
                <p role="status" class="ed-said ed-bad" id="ed-build-said">{move || building.get()}</p>
                <div class="ed-field">
                    <label for="ed-base">{move || ed.w(W::HostedAt)}</label>
                    <input id="ed-base" type="url" prop:value=move || base.get() on:input=move |ev| base.set(event_target_value(&ev)) />
                </div>
                {code_box(ed, "ed-embed-inline", W::EmbedInline, inline)}
                <div class="ed-field">
                    <label for="ed-src">{move || ed.w(W::DataAddress)}</label>
                    <input id="ed-src" type="url" placeholder="https://" prop:value=move || src.get() on:input=move |ev| src.set(event_target_value(&ev)) />
                </div>
                {code_box(ed, "ed-embed-src", W::EmbedSrc, by_src)}
                {code_box(ed, "ed-iframe", W::IframeCode, frame)}
                {code_box(ed, "ed-alt", W::AltText, alt)}
            </Show>
        </section>
    }
}
