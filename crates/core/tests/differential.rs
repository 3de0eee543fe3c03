//! Differential fuzzing of the core's JSON parser against serde_json: on
//! generated and mutated texts both must make the same accept/refuse
//! decision, and accepted texts must give the same values. The generator
//! makes what fuzz.rs does not: repeated keys, objects wider than 16 keys
//! (the parser's other map path), escapes and surrogate pairs, numbers of
//! every form, odd whitespace. `FUZZ_CASES` (default 4000) and `FUZZ_SEED`
//! as in fuzz.rs; the long campaign is in the README.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{cases, seed, Rng};

use serde_json::{Map, Value as Sj};
use tier_breakdown_core::json::{parse, Number, Value};

const WS: &[&str] = &["", " ", "\n", "\t", "\r\n", "  "];
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "7",
    "12",
    "12.0",
    "-3",
    "1e3",
    "1E+3",
    "2.5e-3",
    "0.1",
    "120e-1",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "1e308",
    "-1.5E-10",
    "123456789012345678901234567890",
    "0.000001",
];
const STRINGS: &[&str] = &[
    "",
    "a",
    "good",
    "Đảng viên",
    "\\\"",
    "\\\\",
    "\\/",
    "\\b\\f\\n\\r\\t",
    "\\u00e9",
    "\\u0000",
    "\\ud83d\\ude00",
    "x\\u20ACy",
    "\\uD834\\uDD1E",
    "tab\\tin",
    "mỗi",
    "\\u001b[31m",
];

fn ws(r: &mut Rng) -> &'static str {
    WS[r.below(WS.len())]
}

fn key(r: &mut Rng, few: bool) -> String {
    // Few distinct keys make repeats likely; many make wide objects.
    if few {
        ["a", "b", "id", "counts", "a"][r.below(5)].to_string()
    } else {
        format!("k{}", r.below(40))
    }
}

fn gen(r: &mut Rng, depth: u32, out: &mut String) {
    // Deeper down only scalars, and never a text over a few KiB.
    let pick = if depth > 5 || out.len() > 4000 {
        r.below(4)
    } else {
        r.below(7)
    };
    match pick {
        0 => out.push_str(NUMBERS[r.below(NUMBERS.len())]),
        1 => {
            out.push('"');
            out.push_str(STRINGS[r.below(STRINGS.len())]);
            out.push('"');
        }
        2 => out.push_str(["true", "false", "null"][r.below(3)]),
        3 => out.push_str(NUMBERS[r.below(NUMBERS.len())]),
        4 => {
            out.push('[');
            let n = r.below(5);
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(ws(r));
                gen(r, depth + 1, out);
                out.push_str(ws(r));
            }
            out.push(']');
        }
        _ => {
            // Objects: narrow with repeats, or wide (over 16 keys, some repeated).
            let wide = r.chance(40);
            let n = if wide { 17 + r.below(30) } else { r.below(6) };
            let few = !wide && r.chance(70);
            out.push('{');
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(ws(r));
                out.push('"');
                out.push_str(&key(r, few));
                out.push('"');
                out.push_str(ws(r));
                out.push(':');
                out.push_str(ws(r));
                // A wide object's members are mostly scalars.
                gen(r, if wide { depth + 3 } else { depth + 1 }, out);
            }
            out.push_str(ws(r));
            out.push('}');
        }
    }
}

/// Deletes, duplicates, inserts or swaps a few characters.
fn mutate(r: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + r.below(3) {
        if chars.is_empty() {
            break;
        }
        let at = r.below(chars.len());
        match r.below(4) {
            0 => {
                chars.remove(at);
            }
            1 => {
                let c = chars[at];
                chars.insert(at, c);
            }
            2 => chars.insert(
                at,
                [
                    '"', ',', ':', '{', '}', '[', ']', '\\', '0', 'e', '-', '.', ' ',
                ][r.below(13)],
            ),
            _ => {
                let b = r.below(chars.len());
                chars.swap(at, b);
            }
        }
    }
    chars.into_iter().collect()
}

/// The core's value as serde_json's, to compare.
fn to_serde(v: &Value) -> Sj {
    match v {
        Value::Null => Sj::Null,
        Value::Bool(b) => Sj::Bool(*b),
        Value::Number(Number::Int(n)) => Sj::from(*n),
        // Written text read by serde_json's own number parser.
        Value::Number(Number::Text(t)) => serde_json::from_str(t).unwrap_or(Sj::Null),
        Value::String(s) => Sj::String(s.to_string()),
        Value::Array(a) => Sj::Array(a.iter().map(to_serde).collect()),
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m.iter() {
                out.insert(k.to_string(), to_serde(v));
            }
            Sj::Object(out)
        }
    }
}

fn compare(text: &str) {
    let ours = parse(text);
    let theirs: Result<Sj, _> = serde_json::from_str(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => assert_eq!(to_serde(&a), b, "different values for {text}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => panic!("accepted what serde_json refuses ({e}): {text}"),
        (Err(e), Ok(_)) => panic!("refused what serde_json accepts ({e:?}): {text}"),
    }
}

#[test]
fn same_decisions_and_values_as_serde_json() {
    let mut r = Rng(seed(0x6469_6666));
    let mut wide = 0;
    let mut repeated = 0;
    for _ in 0..cases(4000) {
        let mut text = String::new();
        text.push_str(ws(&mut r));
        gen(&mut r, 0, &mut text);
        text.push_str(ws(&mut r));
        if text.matches(':').count() > 16 {
            wide += 1;
        }
        if text.contains("\"a\"") && text.matches("\"a\"").count() > 1 {
            repeated += 1;
        }
        compare(&text);
        compare(&mutate(&mut r, &text));
    }
    // The generator does reach the paths this test is for.
    assert!(
        wide > cases(4000) / 20 && repeated > cases(4000) / 20,
        "wide {wide}, repeated {repeated}"
    );
}

#[test]
fn repeated_keys_in_wide_objects_keep_the_last_value() {
    let mut text = String::from("{");
    for i in 0..40 {
        text.push_str(&format!("\"k{}\": {i},", i % 20));
    }
    text.push_str("\"last\": true}");
    compare(&text);
    let v = parse(&text).unwrap();
    assert_eq!(to_serde(v.get("k3").unwrap()), Sj::from(23u64));
}
