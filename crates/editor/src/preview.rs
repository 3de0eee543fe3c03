//! The live preview: the real widget (`<TierBreakdown/>`) on the file the
//! draft makes, redrawn as the user types, with language, theme and width
//! switches; and every error and warning of the file, in the editor's
//! language, each a link that focuses the field it is about.

use leptos::prelude::*;
use tier_breakdown::component::{ChartData, TierBreakdown};
use tier_breakdown_core::i18n::problem_line;
use tier_breakdown_core::problem::Problem;
use tier_breakdown_draft::words::W;
use tier_breakdown_draft::write::fields_for;

use crate::browser;
use crate::state::{Checks, Ed};

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

#[component]
pub fn Preview(ed: Ed) -> impl IntoView {
    let chart_lang = RwSignal::new("vi");
    let theme = RwSignal::new("light");
    let width = RwSignal::new("desktop");
    let data = Signal::derive(move || ChartData::Text(ed.file.get()));

    let line = move |p: Problem, class: &'static str| {
        let text = problem_line(ed.lang.get(), &p);
        let p2 = p.clone();
        view! {
            <li class=class>
                <a href=format!("#{}", ed.draft.with(|d| fields_for(d, &p).first().cloned().unwrap_or_default()))
                    on:click=move |ev| {
                        ev.prevent_default();
                        let ids = ed.draft.with_untracked(|d| fields_for(d, &p2));
                        browser::focus_first(&ids);
                    }>{text}</a>
            </li>
        }
    };
    view! {
        <section class="ed-card ed-preview" aria-labelledby="ed-preview">
            <h2 id="ed-preview">{move || ed.w(W::Preview)}</h2>
            <div class="ed-row">
                {switch(ed, W::PreviewLang, chart_lang, &[("vi", W::InVi), ("en", W::InEn)])}
                {switch(ed, W::Theme, theme, &[("light", W::Light), ("dark", W::Dark)])}
                {switch(ed, W::Width, width, &[("phone", W::Phone), ("desktop", W::Desktop)])}
            </div>
            <div class="ed-scroll" tabindex="0" role="region" aria-label=move || ed.w(W::Preview)>
                <div class="ed-frame" class:ed-phone=move || width.get() == "phone" class:ed-dark=move || theme.get() == "dark">
                    <TierBreakdown data=data
                        lang=Signal::derive(move || Some(chart_lang.get().to_string()))
                        theme=Signal::derive(move || Some(theme.get().to_string())) />
                </div>
            </div>
        </section>
        <section class="ed-card" aria-labelledby="ed-checks" id="ed-checks-box">
            <h2 id="ed-checks">{move || ed.w(W::Problems)}</h2>
            {move || {
                let Checks { errors, warnings } = ed.checks.get();
                if errors.is_empty() && warnings.is_empty() {
                    return view! { <p class="ed-ok">{ed.w(W::NoProblems)}</p> }.into_any();
                }
                view! {
                    <Show when={let n = errors.len(); move || n > 0}>
                        <h3>{move || ed.w(W::Errors)}</h3>
                    </Show>
                    <ul class="ed-problems" id="ed-errors">
                        {errors.clone().into_iter().map(|p| line(p, "ed-error")).collect_view()}
                    </ul>
                    <Show when={let n = warnings.len(); move || n > 0}>
                        <h3>{move || ed.w(W::Warnings)}</h3>
                    </Show>
                    <ul class="ed-problems" id="ed-warnings">
                        {warnings.clone().into_iter().map(|p| line(p, "ed-warning")).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
