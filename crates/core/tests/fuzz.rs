//! Deterministic fuzzing of parse + validate + layout: random JSON trees,
//! structural mutations of the seed, and character-level corruption of its
//! text. No input may panic, and every error must name its place in the file
//! (only whole-file problems have an empty path).
//!
//! The test command runs `FUZZ_CASES` (default 3,000) cases per generator
//! with a fixed seed; a longer campaign:
//! `FUZZ_CASES=300000 FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{cases, seed, Rng};

use serde_json::{json, Map, Value};
use tier_breakdown_core::drill::{
    all_units, compare, folded_names, periods, ranking, scoped, search, sort_rows, Sort,
};
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::chart;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::stack::{group_shares, Selection};
use tier_breakdown_core::validate::{check, ProblemKind};

const KEYS: &[&str] = &[
    "version",
    "lang",
    "title",
    "subtitle",
    "region",
    "period",
    "period_id",
    "source",
    "name",
    "url",
    "published",
    "notes",
    "tiers",
    "groups",
    "units",
    "periods",
    "id",
    "label",
    "short",
    "color",
    "total",
    "evaluated",
    "counts",
    "shares",
    "value",
    "or_better",
    "approx",
    "excellent",
    "good",
    "completed",
    "not_completed",
    "vi",
    "en",
    "x",
    "",
];
const STRINGS: &[&str] = &[
    "",
    " ",
    "vi",
    "en",
    "excellent",
    "good",
    "#fff",
    "#12345g",
    "https://a.b/c",
    "javascript:x",
    "2023-03-16",
    "2023-13-01",
    "<script>",
    "\u{202e}rtl",
    "Đảng viên",
    "a b",
    "\u{0}",
    "9",
    "1e309",
    "about",
    "nearly",
    "over",
    "under",
];

fn number(r: &mut Rng) -> Value {
    match r.below(9) {
        0 => json!(0),
        1 => json!(-(r.below(1000) as i64)),
        2 => json!(r.next()),
        3 => json!(r.below(100_000)),
        4 => json!(r.below(1000) as f64 + 0.5),
        5 => json!(9_007_199_254_740_991u64 + r.below(3) as u64),
        6 => json!(1e300),
        7 if r.below(2) == 0 => json!(2),
        // A share as printed: up to three decimals, sometimes above 100.
        7 => json!(r.below(110_000) as f64 / 1000.0),
        _ => json!(1),
    }
}

fn value(r: &mut Rng, depth: u32) -> Value {
    match if depth == 0 { r.below(4) } else { r.below(7) } {
        0 => Value::Null,
        1 => json!(r.below(2) == 0),
        2 => number(r),
        3 => json!(r.pick(STRINGS)),
        4 | 5 => {
            let mut m = Map::new();
            for _ in 0..r.below(6) {
                m.insert(r.pick(KEYS).to_string(), value(r, depth - 1));
            }
            Value::Object(m)
        }
        _ => Value::Array((0..r.below(5)).map(|_| value(r, depth - 1)).collect()),
    }
}

/// Replaces, empties or removes from one random node of `v`.
fn mutate(r: &mut Rng, v: &mut Value, depth: u32) {
    if depth > 0 && r.below(4) != 0 {
        match v {
            Value::Object(m) if !m.is_empty() => {
                let k = m.keys().nth(r.below(m.len())).cloned().unwrap_or_default();
                if let Some(child) = m.get_mut(&k) {
                    return mutate(r, child, depth - 1);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                let i = r.below(a.len());
                return mutate(r, &mut a[i], depth - 1);
            }
            _ => {}
        }
    }
    match (r.below(3), &mut *v) {
        (1, Value::Object(m)) if !m.is_empty() => {
            let k = m.keys().nth(r.below(m.len())).cloned().unwrap_or_default();
            m.remove(&k);
        }
        (2, _) => *v = json!(r.pick(STRINGS)),
        _ => *v = value(r, 2),
    }
}

/// Corrupts text: deletes, duplicates or inserts characters, or truncates.
fn corrupt(r: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + r.below(4) {
        let i = r.below(chars.len() + 1).min(chars.len());
        match r.below(4) {
            0 if i < chars.len() => {
                chars.remove(i);
            }
            1 => chars.insert(
                i,
                *r.pick(&[
                    '{', '}', '[', ']', '"', ',', ':', '\\', '-', '\u{feff}', 'é', '0',
                ]),
            ),
            2 => chars.truncate(i),
            _ if i < chars.len() => {
                let c = chars[i];
                chars.insert(i, c);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Runs one input through the whole core and checks the invariants.
fn run(input: &str) {
    match check(input) {
        Err(rejected) => {
            assert!(
                !rejected.errors.is_empty(),
                "refused with no error: {input}"
            );
            for e in &rejected.errors {
                let whole = matches!(
                    e.kind,
                    ProblemKind::Empty
                        | ProblemKind::Html
                        | ProblemKind::Syntax { .. }
                        | ProblemKind::TooBig { .. }
                        | ProblemKind::More { .. }
                ) || matches!(&e.kind, ProblemKind::WrongType { .. } if !input.trim_start_matches('\u{feff}').trim_start().starts_with('{'));
                assert!(
                    whole || !e.path.is_empty(),
                    "error without a path: {e} for {input}"
                );
            }
        }
        Ok(c) => {
            for (lang, dark) in [(UiLang::Vi, false), (UiLang::En, true)] {
                let view = chart(&c.dataset, lang, 300.0, dark);
                assert_eq!(view.groups.len(), c.dataset.groups.len());
            }
            // Every period and unit view, its ranking and comparison.
            let d = &c.dataset;
            let names = folded_names(d, UiLang::Vi);
            for p in 0..periods(d).len() {
                for unit in std::iter::once(None)
                    .chain(all_units(d).iter().take(3).map(|u| Some(u.id.as_str())))
                {
                    if let Some(v) = scoped(d, p, unit) {
                        assert!(!v.groups.is_empty());
                        let _ = chart(&v, UiLang::Vi, 300.0, false);
                        let base = scoped(d, 0, unit);
                        let _ = compare(d, &v, base.as_ref(), Selection(3), UiLang::En);
                    }
                }
                for g in &d.groups {
                    let mut rows = ranking(d, p, &g.id, Selection(1));
                    sort_rows(&mut rows, Sort::default(), &names);
                    assert_eq!(rows.len(), all_units(d).len());
                }
            }
            let _ = search(&names, "xa", 10);
            for g in &c.dataset.groups {
                let (tiers, rest) = group_shares(g);
                let total: u32 = tiers.iter().sum::<u32>() + rest;
                assert!(
                    total == 1000 || (total == 0 && g.sum() + g.rest() == 0),
                    "shares add to {total}"
                );
                // A group without a split has nothing to stack; "or better"
                // and approximate marks are one per tier or none.
                assert!(g.has_split() || g.sum() == 0);
                assert!(g.approx.is_empty() || g.approx.len() == c.dataset.tiers.len());
                assert!(g.or_better.is_empty() || g.or_better.len() == c.dataset.tiers.len());
            }
            let view = chart(&c.dataset, UiLang::Vi, 640.0, false);
            for g in &view.groups {
                // A partial split's pieces hold the rest too.
                let total: u32 = if g.pieces.is_empty() {
                    g.tenths.iter().sum()
                } else {
                    g.pieces.iter().map(|p| p.1).sum()
                };
                assert!(total == 1000 || g.no_data, "a bar shows {total} tenths");
                assert!(g.rects.iter().all(|r| !r.rest || r.fill.is_empty()));
                assert!(g.split || g.rects.is_empty());
            }
        }
    }
}

#[test]
fn random_json_trees() {
    let mut r = Rng(seed(0x7469_6572));
    for _ in 0..cases(3000) {
        let v = value(&mut r, 4);
        run(&v.to_string());
    }
}

/// The example with sub-units and two periods.
const EXAMPLE: &str = include_str!("../../../data/example-districts.json");

/// The examples of the shapes of real reports (format versions 2 and 3).
const REPORTS: [&str; 5] = [
    include_str!("../../../data/example-of-which.json"),
    include_str!("../../../data/example-shares.json"),
    include_str!("../../../data/example-coverage.json"),
    include_str!("../../../data/example-approximate.json"),
    include_str!("../../../data/example-partial.json"),
];

#[test]
fn structural_mutations_of_the_shapes_of_real_reports() {
    for (i, file) in REPORTS.iter().enumerate() {
        mutations(file, 10 + i as u64);
    }
}

#[test]
fn structural_mutations_of_the_seed() {
    mutations(SEED_JSON, 1);
}

#[test]
fn structural_mutations_of_the_example_with_units_and_periods() {
    mutations(EXAMPLE, 3);
}

fn mutations(file: &str, salt: u64) {
    let mut r = Rng(seed(0x7469_6572) ^ salt);
    let base: Value = serde_json::from_str(file).unwrap();
    let mut accepted = 0;
    for _ in 0..cases(3000) {
        let mut v = base.clone();
        for _ in 0..1 + r.below(3) {
            mutate(&mut r, &mut v, 6);
        }
        let text = v.to_string();
        accepted += usize::from(check(&text).is_ok());
        run(&text);
    }
    // Some mutations keep the file valid, most do not: both paths are exercised.
    assert!(
        accepted > 0 && accepted < cases(3000),
        "accepted {accepted} of {}",
        cases(3000)
    );
}

#[test]
fn corrupted_text_of_the_seed() {
    let mut r = Rng(seed(0x7469_6572) ^ 2);
    for _ in 0..cases(3000) {
        run(&corrupt(&mut r, SEED_JSON));
    }
}

#[test]
fn corrupted_text_of_a_version_2_example() {
    let mut r = Rng(seed(0x7469_6572) ^ 20);
    for _ in 0..cases(3000) {
        run(&corrupt(&mut r, REPORTS[0]));
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    run(&"[".repeat(100_000));
    run(&format!(
        "{{\"title\": {}{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    ));
}
