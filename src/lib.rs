//! tier-breakdown: an embeddable chart of organisations, cells and members by
//! review tier. The pure core (`model`, `validate`, `stack`, `layout`, `drill`,
//! `format`, `export`, `fold`, `i18n`, `seed`) builds and tests natively; the browser shell
//! (`app`, `frame`, `load`, `ui`) exists only on wasm32.

pub mod drill;
pub mod export;
pub mod fold;
pub mod format;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod model;
pub mod seed;
pub mod stack;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod frame;
#[cfg(target_arch = "wasm32")]
pub mod load;
#[cfg(target_arch = "wasm32")]
pub mod ui;
