//! The JSON parser of the core (src/json.rs): grammar, positions, numbers
//! read exactly, repeated keys, nesting limit.
#![cfg(not(target_arch = "wasm32"))]

use tier_breakdown_core::i18n::{syntax_message, UiLang};
use tier_breakdown_core::json::{parse, whole, Number, Places, Value, MAX_DEPTH};

#[test]
fn whole_numbers_are_read_exactly() {
    assert_eq!(whole("0"), Ok(0));
    assert_eq!(whole("-0"), Ok(0));
    assert_eq!(whole("12"), Ok(12));
    assert_eq!(whole("12.0"), Ok(12));
    assert_eq!(whole("1.2e1"), Ok(12));
    assert_eq!(whole("120e-1"), Ok(12));
    assert_eq!(whole("1E+3"), Ok(1000));
    assert_eq!(whole("0.0e5"), Ok(0));
    assert_eq!(whole("9007199254740993"), Ok(9_007_199_254_740_993));
    assert_eq!(whole("18446744073709551615"), Ok(u64::MAX));
    assert_eq!(whole("18446744073709551616"), Err(true));
    assert_eq!(whole("1e20"), Err(true));
    assert_eq!(whole("1e999999999999999999999"), Err(true));
    assert_eq!(whole("12.5"), Err(false));
    assert_eq!(whole("1e-999999999999999999999"), Err(false));
    assert_eq!(whole("0.5"), Err(false));
    assert_eq!(whole("-3"), Err(false));
    assert_eq!(whole("-3.0"), Err(false));
}

#[test]
fn values_and_objects() {
    let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "s": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "a": 3} "#).unwrap();
    let Value::Object(m) = &v else { panic!() };
    // A repeated key keeps its first place and its last value.
    assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "s"]);
    assert_eq!(m.get("a"), Some(&Value::Number(Number::Int(3))));
    assert_eq!(
        parse("-2.5e3").unwrap(),
        Value::Number(Number::Text("-2.5e3"))
    );
    assert_eq!(
        v.get("s").and_then(Value::as_str),
        Some("x\"\\/\u{8}\u{c}\n\r\té\u{1F600}")
    );
    assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    assert_eq!(
        parse("\"Việt Trì\"").unwrap(),
        Value::String("Việt Trì".into())
    );
}

#[test]
fn syntax_errors_say_what_and_where() {
    let err = |s: &str| {
        let e = parse(s).unwrap_err();
        (e.line, e.column, syntax_message(e.kind, UiLang::En))
    };
    assert_eq!(err("{\"a\": 1,}"), (1, 9, "trailing comma"));
    assert_eq!(err("[1,]"), (1, 4, "trailing comma"));
    assert_eq!(err("{\"a\" 1}"), (1, 6, "expected `:`"));
    assert_eq!(err("{\"a\": 1 \"b\": 2}"), (1, 9, "expected `,` or `}`"));
    assert_eq!(err("[1 2]"), (1, 4, "expected `,` or `]`"));
    assert_eq!(
        err("{a: 1}"),
        (1, 2, "a key must be a string in double quotes")
    );
    assert_eq!(err("[01]"), (1, 2, "invalid number"));
    assert_eq!(err("[1.]"), (1, 2, "invalid number"));
    assert_eq!(err("[-]"), (1, 2, "invalid number"));
    assert_eq!(err("[1e]"), (1, 2, "invalid number"));
    assert_eq!(err("\"a\\x\""), (1, 4, "invalid escape"));
    assert_eq!(
        err("\"a\nb\""),
        (
            1,
            3,
            "control character (\\u0000-\\u001F) found while parsing a string"
        )
    );
    assert_eq!(
        err("\"\\ud800\""),
        (1, 8, "lone leading surrogate in hex escape")
    );
    assert_eq!(err("{\"é\": 1} x"), (1, 10, "trailing characters"));
    assert_eq!(
        err("{\n  \"a\": [1,\n"),
        (3, 1, "the file ends inside a list")
    );
    assert_eq!(err("{\"a\": \"b"), (1, 9, "the file ends inside a string"));
    assert_eq!(err("{\"a\": 1"), (1, 8, "the file ends inside an object"));
    assert_eq!(err("nul"), (1, 1, "expected a value"));
    assert_eq!(err("[1e309]"), (1, 2, "number out of range"));
    assert!(parse("[1e308, 1e-400, -1e308, 1.7976931348623157e308, 0.01e310, 0e99999]").is_ok());
    assert_eq!(err("[2e308]"), (1, 2, "number out of range"));
    assert_eq!(
        err("[1e99999999999999999999]"),
        (1, 2, "number out of range")
    );
    assert_eq!(
        err("[1e9223372036854775807]"),
        (1, 2, "number out of range")
    );
    assert_eq!(
        err(&format!("[{}]", "9".repeat(310))),
        (1, 2, "number out of range")
    );
    assert!(parse(&format!("[{}]", "1".repeat(309))).is_ok());
    assert_eq!(err("[-1e400]"), (1, 2, "number out of range"));
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = "[".repeat(100_000);
    assert_eq!(
        syntax_message(parse(&deep).unwrap_err().kind, UiLang::En),
        "nested too deeply"
    );
}

/// Keys equal in the low 20 bits of FNV-1a's state, built Joux-style: at
/// each of `stages` steps two 3-letter blocks that take the same low bits to
/// the same low bits (a product's low bits ignore the high ones), so every
/// choice of one block per step gives a key of the same low bits.
fn colliding_keys(stages: u32) -> Vec<String> {
    const LOW: u64 = (1 << 20) - 1;
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    let letters = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut state = 0xcbf2_9ce4_8422_2325_u64 & LOW;
    let mut pairs = Vec::new();
    for _ in 0..stages {
        let mut seen = vec![u32::MAX; 1 << 20];
        let pair = (0..letters.len().pow(3)).find_map(|n| {
            let block = [letters[n % 36], letters[n / 36 % 36], letters[n / 1296]];
            let end = block.iter().fold(state, |h, &b| step(h, b)) & LOW;
            match seen[end as usize] {
                u32::MAX => {
                    seen[end as usize] = n as u32;
                    None
                }
                m => Some((m as usize, n, end)),
            }
        });
        let (a, b, end) = pair.expect("a colliding pair of blocks");
        let block = |n: usize| [letters[n % 36], letters[n / 36 % 36], letters[n / 1296]];
        pairs.push((block(a), block(b)));
        state = end;
    }
    (0..1u32 << stages)
        .map(|bits| {
            let mut key = Vec::new();
            for (i, (a, b)) in pairs.iter().enumerate() {
                key.extend_from_slice(if bits >> i & 1 == 0 { a } else { b });
            }
            String::from_utf8(key).unwrap()
        })
        .collect()
}

/// Regression: the table indexed keys by FNV-1a's low bits, which a file
/// could make equal for thousands of keys (an object or a list of ids built
/// from colliding blocks): every probe walked all of them, quadratic, a
/// frozen page. Mixed, the crafted keys spread like any others.
#[test]
fn crafted_colliding_keys_do_not_pile_up() {
    let keys = colliding_keys(12);
    let mut places = Places::default();
    for (i, k) in keys.iter().enumerate() {
        assert_eq!(
            places.find_or_add(k, i, &|p| keys[p] == *k),
            None,
            "{k} is new"
        );
    }
    for (i, k) in keys.iter().enumerate() {
        assert_eq!(places.find(k, &|p| keys[p] == *k), Some(i));
    }
    let longest = places.longest_probe();
    assert!(
        longest < 64,
        "{} keys, a probe walks {longest} slots",
        keys.len()
    );
}
