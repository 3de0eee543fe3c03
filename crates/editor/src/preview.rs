//! The live preview: the real widget (`<TierBreakdown/>`) given the
//! checked file (the editor checks once per change; the widget does not
//! check again), drawn at a reader's width (1024 px on a computer, 360 on
//! a phone) and scaled down to fit the panel, with its real width said.
//! Before there is a chart, a placeholder chart (the built-in example,
//! dimmed) and what to do first; while the draft has errors, the last good
//! chart, marked as not up to date. Beside it: how the pasted table was
//! read, the quick copy of the embed code, and the checks, every problem
//! in the editor's words, each a link that focuses the field it is about.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use tier_breakdown::component::{ChartData, TierBreakdown};
use tier_breakdown_core::validate::{check, Checked};
use tier_breakdown_draft::words::{self, W};
use wasm_bindgen::JsCast;

use crate::browser;
use crate::mapping::Mapping;
use crate::publish::{copy_button, Out};
use crate::state::{untitled, Ed, Said};
use tier_breakdown::browser::resize::on_resize;

/// A group of toggle buttons, one pressed.
fn switch(
    ed: Ed,
    label: W,
    value: RwSignal<&'static str>,
    choices: &'static [(&'static str, W)],
) -> impl IntoView {
    view! {
        <div role="group" class="ed-switch" aria-label=move || ed.w(label)>
            <span class="ed-switch-label" aria-hidden="true">{move || ed.w(label)}</span>
            {choices.iter().map(|&(v, k)| view! {
                <button type="button" data-choice=v aria-pressed=move || (value.get() == v).to_string()
                    on:click=move |_| value.set(v)>{move || ed.w(k)}</button>
            }).collect_view()}
        </div>
    }
}

/// What the preview draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The draft's chart.
    Live,
    /// The last good chart: the draft has errors now.
    Stale,
    /// Nothing drawn yet: the built-in example, dimmed.
    Placeholder,
}

#[derive(Clone, Debug)]
struct Shown {
    chart: Arc<Checked>,
    mode: Mode,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        Arc::ptr_eq(&self.chart, &other.chart) && self.mode == other.mode
    }
}

fn placeholder() -> Option<Arc<Checked>> {
    check(tier_breakdown_core::seed::SEED_JSON)
        .ok()
        .map(Arc::new)
}

/// The chart to draw: the draft's, else the last good one, else the placeholder.
fn shown(ed: Ed) -> Memo<Option<Shown>> {
    Memo::new(move |prev: Option<&Option<Shown>>| {
        let live = ed.outcome.with(|o| o.checked.clone());
        let prev = prev.cloned().flatten();
        match (live, prev) {
            (Some(chart), _) => Some(Shown {
                chart,
                mode: Mode::Live,
            }),
            (None, Some(p)) if p.mode != Mode::Placeholder && !ed.untouched() => Some(Shown {
                chart: p.chart,
                mode: Mode::Stale,
            }),
            _ => placeholder().map(|chart| Shown {
                chart,
                mode: Mode::Placeholder,
            }),
        }
    })
}

/// The width the chart is drawn at, and the scale that fits it in the panel.
#[derive(Clone, Copy)]
struct Fit {
    scale: RwSignal<f64>,
    height: RwSignal<f64>,
}

impl Fit {
    /// Follows the panel's width and the chart's height.
    fn follow(stage: NodeRef<Div>, frame: NodeRef<Div>) -> Fit {
        let fit = Fit {
            scale: RwSignal::new(1.0),
            height: RwSignal::new(0.0),
        };
        Effect::new(move |_| {
            let (Some(s), Some(f)) = (stage.get(), frame.get()) else {
                return;
            };
            let (s, f): (web_sys::HtmlElement, web_sys::HtmlElement) =
                (s.unchecked_into(), f.unchecked_into());
            let els = [s.clone().unchecked_into(), f.clone().unchecked_into()];
            on_resize(&els, move |_| {
                let (room, wide) = (f64::from(s.client_width()), f64::from(f.offset_width()));
                let scale = if wide > 0.0 && room > 0.0 {
                    (room / wide).min(1.0)
                } else {
                    1.0
                };
                let height = f64::from(f.offset_height()) * scale;
                if fit.scale.get_untracked() != scale {
                    fit.scale.set(scale);
                }
                if fit.height.get_untracked() != height {
                    fit.height.set(height);
                }
            });
        });
        fit
    }
}

#[component]
pub fn Preview(ed: Ed, out: Out) -> impl IntoView {
    let chart_lang = RwSignal::new("vi");
    let theme = RwSignal::new("light");
    // On a phone, the phone's view first (the desktop one would be a third of its size).
    let width = RwSignal::new(if browser::narrow() {
        "phone"
    } else {
        "desktop"
    });
    let shown = shown(ed);
    let data = Signal::derive(move || {
        shown.with(|s| {
            s.as_ref()
                .map_or(ChartData::Builtin, |s| ChartData::Checked(s.chart.clone()))
        })
    });
    let mode = move || shown.with(|s| s.as_ref().map_or(Mode::Placeholder, |s| s.mode));
    let (stage, frame) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let fit = Fit::follow(stage, frame);
    let drawn_at = move || if width.get() == "phone" { 360 } else { 1024 };
    let note = move || {
        let percent = (fit.scale.get() * 100.0).round() as u32;
        words::fit_note(ed.lang.get(), drawn_at(), percent)
    };
    view! {
        <section class="ed-card ed-preview" aria-labelledby="ed-preview">
            <h2 id="ed-preview">{move || ed.w(W::Preview)}</h2>
            <div class="ed-row">
                {switch(ed, W::PreviewLang, chart_lang, &[("vi", W::InVi), ("en", W::InEn)])}
                {switch(ed, W::Theme, theme, &[("light", W::Light), ("dark", W::Dark)])}
                {switch(ed, W::Width, width, &[("phone", W::Phone), ("desktop", W::Desktop)])}
            </div>
            <p class="ed-hint" id="ed-fit">{note}</p>
            <Show when=move || mode() != Mode::Live>
                <p class="ed-said ed-note" id="ed-preview-note">
                    {move || ed.w(if mode() == Mode::Stale { W::StaleNote } else { W::PlaceholderNote })}
                </p>
            </Show>
            <div class="ed-stage" node_ref=stage role="region" aria-label=move || ed.w(W::Preview)
                style:height=move || format!("{}px", fit.height.get())>
                <div class="ed-frame" node_ref=frame class:ed-phone=move || width.get() == "phone"
                    class:ed-dark=move || theme.get() == "dark" class:ed-dim=move || mode() != Mode::Live
                    inert=move || mode() == Mode::Placeholder
                    style:transform=move || format!("scale({})", fit.scale.get())>
                    <TierBreakdown data=data
                        lang=Signal::derive(move || Some(chart_lang.get().to_string()))
                        theme=Signal::derive(move || Some(theme.get().to_string())) />
                </div>
            </div>
            <QuickCopy ed=ed out=out />
            <Mapping ed=ed />
        </section>
    }
}

/// Copy the embed code, next to the chart; says so while the title is
/// still the placeholder one.
#[component]
fn QuickCopy(ed: Ed, out: Out) -> impl IntoView {
    view! {
        <Show when=move || out.made.with(Option::is_some)>
            <div class="ed-quick">{copy_button(ed, "ed-quick", W::CopyEmbed, out.inline, "ed-embed-inline")}</div>
        </Show>
        <Untitled ed=ed />
    }
}

/// A quiet note while the title is the placeholder a pasted table gave.
#[component]
pub fn Untitled(ed: Ed) -> impl IntoView {
    let field = move || {
        ed.draft
            .with(|d| format!("f-title-{}", if d.lang == "en" { "en" } else { "vi" }))
    };
    let still = move || ed.draft.with(|d| d.title.get(&d.lang) == untitled(&d.lang));
    view! {
        <Show when=still>
            <p class="ed-hint ed-untitled">
                <a href=move || format!("#{}", field()) on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus_first(&[field()]);
                }>{move || ed.w(W::StillUntitled)}</a>
            </p>
        </Show>
    }
}

/// One problem, a link to its field.
fn line(s: Said) -> impl IntoView {
    let class = if s.error { "ed-error" } else { "ed-warning" };
    let first = s.fields.first().cloned().unwrap_or_default();
    view! {
        <li class=class>
            <a href=format!("#{first}") on:click=move |ev| {
                ev.prevent_default();
                browser::focus_first(&s.fields);
            }>{s.line.clone()}</a>
        </li>
    }
}

/// The checks: what to do first on a fresh page, else every problem shown.
#[component]
pub fn Checks(ed: Ed) -> impl IntoView {
    let list = move |error: bool| {
        ed.said.with(|all| {
            all.iter()
                .filter(|s| s.error == error)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="ed-card" aria-labelledby="ed-checks" id="ed-checks-box">
            <h2 id="ed-checks">{move || ed.w(W::Problems)}</h2>
            {move || {
                if ed.untouched() {
                    return view! { <p class="ed-hint" id="ed-first-step">{ed.w(W::FirstStep)}</p> }.into_any();
                }
                let (errors, warnings) = (list(true), list(false));
                if errors.is_empty() && warnings.is_empty() {
                    let ok = ed.outcome.with(|o| o.checked.is_some());
                    let k = if ok { W::NoProblems } else { W::NothingYet };
                    return view! { <p class="ed-ok">{ed.w(k)}</p> }.into_any();
                }
                view! {
                    <Show when={let n = errors.len(); move || n > 0}>
                        <h3>{move || ed.w(W::Errors)}</h3>
                    </Show>
                    <ul class="ed-problems" id="ed-errors">{errors.into_iter().map(line).collect_view()}</ul>
                    <Show when={let n = warnings.len(); move || n > 0}>
                        <h3>{move || ed.w(W::Warnings)}</h3>
                    </Show>
                    <ul class="ed-problems" id="ed-warnings">{warnings.into_iter().map(line).collect_view()}</ul>
                }.into_any()
            }}
            <Untitled ed=ed />
        </section>
    }
}
