//! The editor's entry point: mounts [`tier_breakdown_editor::App`] into `<body>`.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(tier_breakdown_editor::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
