//! The built-in results file: Phú Thọ province's 2022 party review, from
//! the Báo Phú Thọ article of 16/03/2023. Compiled in, so the widget draws a
//! complete chart with no attribute, no network and no server-side file.

/// The seed results file, as shipped in `data/phu-tho-2022.json`.
pub const SEED_JSON: &str = include_str!("../../../data/phu-tho-2022.json");
