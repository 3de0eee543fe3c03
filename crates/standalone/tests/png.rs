//! The seed chart as a PNG (`--png`): the SVG image drawn by resvg with
//! the system's fonts, compared pixel by pixel with the snapshot
//! `tests/snapshots/seed-1200-vi-light.png` (looked at when it was made;
//! `UPDATE_EXPECT=1` rewrites it). Text drawn in another font, or not at
//! all (no DejaVu Sans: `scripts/setup.sh` installs it), fails the test.
#![cfg(not(target_arch = "wasm32"))]

use resvg::tiny_skia::Pixmap;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_standalone::{image, png};

const SNAPSHOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/snapshots/seed-1200-vi-light.png"
);

#[test]
fn the_seed_chart_as_a_png_matches_its_snapshot() {
    let svg = image(SEED_JSON, "seed", UiLang::En, None, 1200.0, false).unwrap();
    let made = png(&svg, 1.0).unwrap();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(SNAPSHOT, &made).unwrap();
    }
    let made = Pixmap::decode_png(&made).unwrap();
    let want = Pixmap::decode_png(&std::fs::read(SNAPSHOT).unwrap()).unwrap();
    assert_eq!((made.width(), made.height()), (want.width(), want.height()));
    // Anti-aliasing may differ by a shade; a glyph may not (one changed
    // digit changes a few dozen pixels).
    let differing = made
        .pixels()
        .iter()
        .zip(want.pixels())
        .filter(|(a, b)| {
            let d = |x: u8, y: u8| x.abs_diff(y) > 24;
            d(a.red(), b.red()) || d(a.green(), b.green()) || d(a.blue(), b.blue())
        })
        .count();
    let total = made.pixels().len();
    assert!(
        differing <= 10,
        "{differing} of {total} pixels differ from the snapshot"
    );
}

#[test]
fn a_scale_factor_gives_a_larger_image_for_social_media() {
    let svg = image(SEED_JSON, "seed", UiLang::Vi, None, 1200.0, true).unwrap();
    let twice = Pixmap::decode_png(&png(&svg, 2.0).unwrap()).unwrap();
    assert_eq!(twice.width(), 2400);
    // Dark: the background is the theme's.
    let corner = twice.pixels()[0];
    assert_eq!(
        (corner.red(), corner.green(), corner.blue()),
        (0x16, 0x16, 0x16)
    );
}
