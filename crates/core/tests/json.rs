//! The JSON parser of the core (src/json.rs): grammar, positions, numbers
//! read exactly, repeated keys, nesting limit.
#![cfg(not(target_arch = "wasm32"))]

use tier_breakdown_core::i18n::{syntax_message, UiLang};
use tier_breakdown_core::json::{parse, whole, Number, Value, MAX_DEPTH};

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
