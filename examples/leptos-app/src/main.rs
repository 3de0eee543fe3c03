//! Mounts the example app on the page's body.

fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(tier_breakdown_example::App);
}
