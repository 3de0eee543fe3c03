//! The error matrix: every case in `tests/fixtures/matrix.json` (a change to
//! the seed, or a raw replacement) with the exact English lines the reader
//! sees. `UPDATE_MATRIX=1 cargo test --test matrix` rewrites the expected
//! lines from the current output: review that diff like code.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tier_breakdown_core::drill::{period_index, scoped};
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::chart;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::check;

fn matrix_path() -> String {
    format!(
        "{}/../../tests/fixtures/matrix.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Walks a dotted path (`groups.1.counts.good`) to the parent and the last key.
fn parent<'a>(root: &'a mut Value, path: &str) -> (&'a mut Value, String) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap().to_string();
    let mut v = root;
    for p in parts {
        v = match p.parse::<usize>() {
            Ok(i) => &mut v[i],
            Err(_) => &mut v[p],
        };
    }
    (v, last)
}

/// The input text of a case: `raw`, or the seed with `set`/`remove`/`tiers`/`groups` applied.
pub fn input(case: &Value) -> String {
    if let Some(raw) = case["raw"].as_str() {
        return raw.to_string();
    }
    let mut v: Value = serde_json::from_str(SEED_JSON).unwrap();
    if let Some(n) = case["tiers"].as_u64() {
        let t = v["tiers"][0].clone();
        v["tiers"] = (0..n)
            .map(|i| json!({"id": format!("t{i}"), "label": t["label"].clone()}))
            .collect();
    }
    if let Some(n) = case["groups"].as_u64() {
        let g = v["groups"][0].clone();
        v["groups"] = (0..n)
            .map(|i| {
                let mut g = g.clone();
                g["id"] = json!(format!("g{i}"));
                g
            })
            .collect();
    }
    if let Some(set) = case["set"].as_object() {
        for (path, value) in set {
            let (p, last) = parent(&mut v, path);
            match last.parse::<usize>() {
                Ok(i) => p[i] = value.clone(),
                Err(_) => p[last.as_str()] = value.clone(),
            }
        }
    }
    for path in case["remove"].as_array().into_iter().flatten() {
        let (p, last) = parent(&mut v, path.as_str().unwrap());
        p.as_object_mut().unwrap().remove(&last);
    }
    let text = serde_json::to_string_pretty(&v).unwrap();
    if case["bom"].as_bool() == Some(true) {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

fn lines(problems: &[tier_breakdown_core::validate::Problem]) -> Value {
    problems
        .iter()
        .map(|p| Value::String(p.to_string()))
        .collect()
}

#[test]
fn error_matrix() {
    let text = std::fs::read_to_string(matrix_path()).unwrap();
    let mut matrix: Value = serde_json::from_str(&text).unwrap();
    let cases = matrix["cases"].as_array_mut().unwrap();
    assert!(
        cases.len() >= 40,
        "the matrix has {} cases, fewer than 40",
        cases.len()
    );
    let update = std::env::var_os("UPDATE_MATRIX").is_some();
    let mut failures = Vec::new();
    for case in cases.iter_mut() {
        // `shown`: the warnings readers see on the drawn chart's groups
        // (English, the first view: what tests/e2e/matrix.test.mjs reads);
        // the rest are the editor's and the native tool's.
        let (errors, warnings, shown) = match check(&input(case)) {
            Ok(c) => {
                let d = &c.dataset;
                let shown = scoped(d, period_index(d, None), None)
                    .map(|s| chart(&s, UiLang::En, 640.0, false).groups)
                    .unwrap_or_default()
                    .into_iter()
                    .flat_map(|g| g.marks)
                    .map(Value::String)
                    .collect();
                (json!([]), lines(&c.warnings), shown)
            }
            Err(r) => (lines(&r.errors), lines(&r.warnings), json!([])),
        };
        if update {
            case["errors"] = errors;
            case["warnings"] = warnings;
            case["shown"] = shown;
        } else if case["errors"] != errors || case["warnings"] != warnings || case["shown"] != shown
        {
            failures.push(format!(
                "{}:\n  expected errors {}\n  got errors      {}\n  expected warnings {}\n  got warnings      {}\n  expected shown {}\n  got shown      {}",
                case["name"], case["errors"], errors, case["warnings"], warnings, case["shown"], shown
            ));
        }
    }
    if update {
        let mut out = serde_json::to_string_pretty(&matrix).unwrap();
        out.push('\n');
        std::fs::write(matrix_path(), out).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
