//! Entry point of the full page: mounts one widget on `#tier-breakdown`
//! (or `<body>`), configured from the page's query string.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tier_breakdown::app::start_page();
}
