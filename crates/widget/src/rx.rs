//! The reactive system the widget uses: Leptos' own (`reactive_graph`, with
//! its executor from `any_spawner`), without the rest of Leptos. The
//! `leptos` facade brings its server functions along, whose
//! `#[wasm_bindgen]` exports (stream classes) no linker can drop; only the
//! `component` feature, for Leptos apps, depends on `leptos` itself.

pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::{Effect, ImmediateEffect};
pub use reactive_graph::owner::{on_cleanup, Owner};
pub use reactive_graph::prelude::*;
pub use reactive_graph::signal::RwSignal;
pub use reactive_graph::wrappers::read::Signal;

/// Runs `f` on the current thread's executor (the browser's microtasks).
pub fn spawn_local(f: impl std::future::Future<Output = ()> + 'static) {
    any_spawner::Executor::spawn_local(f);
}
