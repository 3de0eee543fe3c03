//! An example Leptos app using tier-breakdown's `<TierBreakdown/>`
//! component: a short article with a language switch, whose chart follows
//! the app's own signals. Build and open it with
//! `trunk serve examples/leptos-app/index.html --offline` (or see the
//! README); `make test` builds it and runs its browser test.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use tier_breakdown::component::{ChartData, TierBreakdown};

/// A results file written by the app itself (illustrative figures).
pub const APP_FILE: &str = r##"{
  "version": 1,
  "lang": "en",
  "title": { "en": "Staff appraisal 2024 (illustrative)", "vi": "Đánh giá cán bộ năm 2024 (minh họa)" },
  "tiers": [
    { "id": "high", "label": { "en": "High", "vi": "Cao" }, "color": "#1b7837" },
    { "id": "low", "label": { "en": "Low", "vi": "Thấp" }, "color": "#762a83" }
  ],
  "groups": [
    { "id": "staff", "label": { "en": "Staff", "vi": "Cán bộ" }, "total": 10, "evaluated": 10, "counts": { "high": 7, "low": 3 } }
  ]
}"##;

/// The app: a heading, a language switch, a data switch, and the chart.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Some("vi".to_string()));
    let own_file = RwSignal::new(false);
    let data = Signal::derive(move || {
        if own_file.get() {
            ChartData::Text(APP_FILE.to_string())
        } else {
            ChartData::Builtin
        }
    });
    let is = move |code: &'static str| move || lang.get().as_deref() == Some(code);
    view! {
        <article class="example">
            <h1>"tier-breakdown in a Leptos app"</h1>
            <div role="group" aria-label="Language">
                <button class="lang-vi" aria-pressed=move || is("vi")().to_string()
                    on:click=move |_| lang.set(Some("vi".into()))>"Tiếng Việt"</button>
                <button class="lang-en" aria-pressed=move || is("en")().to_string()
                    on:click=move |_| lang.set(Some("en".into()))>"English"</button>
            </div>
            <label>
                <input class="own-file" type="checkbox"
                    on:change=move |ev| own_file.set(event_target_checked(&ev)) />
                "Show the app's own file"
            </label>
            <TierBreakdown data=data lang=lang />
        </article>
    }
}
