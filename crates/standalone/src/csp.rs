//! A page's Content-Security-Policy `<meta>`, read as a browser reads it,
//! with the static chart's two inline blocks allowed by hash.
//!
//! The `content` attribute's raw text is decoded as HTML decodes an
//! attribute value (every numeric character reference; named ones from a
//! table of those a policy can hold, any other name is "not certain"),
//! split into directives as CSP 3 does (`;`, ASCII whitespace, names in any
//! case, the first of two directives of one name wins, a directive with a
//! non-ASCII character is dropped), and the hashes are *inserted* into the
//! raw text at the end of each directive that needs them: every other byte
//! of the attribute stays as it was. A policy the tool cannot read with
//! certainty is an `Err` with the reason, and the caller leaves it alone.

/// Named character references a policy can hold, with what they decode to
/// (names are case-sensitive; each is in the HTML standard's table, and
/// `tests/static_into_diff.rs` checks every one against html5ever).
const NAMED: [(&str, char); 38] = [
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("semi", ';'),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("ast", '*'),
    ("midast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("num", '#'),
    ("quest", '?'),
    ("excl", '!'),
    ("percnt", '%'),
    ("dollar", '$'),
    ("commat", '@'),
    ("lowbar", '_'),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("verbar", '|'),
    ("grave", '`'),
    ("Hat", '^'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("nbsp", '\u{a0}'),
];

/// The names of the table above, for the differential test.
pub fn named_references() -> impl Iterator<Item = (&'static str, char)> {
    NAMED.iter().copied()
}

/// ASCII whitespace as HTML and CSP define it.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// An attribute value's raw text decoded as HTML decodes it: each
/// character with the raw byte just after it. `Err` names a reference
/// that is not certain (a name outside [`NAMED`]). A numeric reference
/// that decodes outside ASCII gives U+FFFD here: a policy only reads ASCII
/// (CSP drops a directive with anything else), and the raw text is never
/// rewritten from this.
pub fn decode(raw: &str) -> Result<Vec<(char, usize)>, String> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < b.len() {
        let c = raw[i..].chars().next().unwrap_or('\u{fffd}');
        if c != '&' {
            i += c.len_utf8();
            out.push((c, i));
            continue;
        }
        let rest = &b[i + 1..];
        match rest.first() {
            Some(b'#') => {
                let hex = matches!(rest.get(1), Some(b'x' | b'X'));
                let start = if hex { 2 } else { 1 };
                let digits = rest[start..]
                    .iter()
                    .take_while(|d| {
                        if hex {
                            d.is_ascii_hexdigit()
                        } else {
                            d.is_ascii_digit()
                        }
                    })
                    .count();
                if digits == 0 {
                    i += 1;
                    out.push(('&', i));
                    continue;
                }
                let text = &raw[i + 1 + start..i + 1 + start + digits];
                let value =
                    u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
                let c = char::from_u32(value)
                    .filter(|c| c.is_ascii() && *c != '\0')
                    .unwrap_or('\u{fffd}');
                i += 1 + start + digits;
                if b.get(i) == Some(&b';') {
                    i += 1;
                }
                out.push((c, i));
            }
            Some(a) if a.is_ascii_alphanumeric() => {
                let len = rest
                    .iter()
                    .take_while(|a| a.is_ascii_alphanumeric())
                    .count();
                let name = &raw[i + 1..i + 1 + len];
                let known = NAMED.iter().find(|(n, _)| *n == name);
                match (known, rest.get(len)) {
                    (Some((_, c)), Some(b';')) => {
                        i += len + 2;
                        out.push((*c, i));
                    }
                    _ => return Err(format!("&{name}")),
                }
            }
            _ => {
                i += 1;
                out.push(('&', i));
            }
        }
    }
    Ok(out)
}

/// One directive of a policy: its name (lower case), its sources, and the
/// raw byte after its last character.
struct Directive {
    name: String,
    sources: Vec<String>,
    raw_end: usize,
}

/// The directives a browser reads from a decoded policy, in order
/// (duplicates kept: every one gets the hashes, the browser reads the
/// first). Directives not in `watched` that a browser drops are skipped;
/// one in `watched` with a non-ASCII character is not certain.
fn directives(chars: &[(char, usize)], watched: &[&str]) -> Result<Vec<Directive>, String> {
    let mut out = Vec::new();
    for part in chars.split(|(c, _)| *c == ';') {
        let trimmed = {
            let start = part.iter().position(|(c, _)| !is_space(*c));
            let end = part.iter().rposition(|(c, _)| !is_space(*c));
            match (start, end) {
                (Some(s), Some(e)) => &part[s..=e],
                _ => continue,
            }
        };
        let text: String = trimmed.iter().map(|(c, _)| c).collect();
        let name = text
            .split(is_space)
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !text.is_ascii() {
            if watched.contains(&name.as_str()) {
                return Err(format!("{name}: {text}"));
            }
            continue;
        }
        out.push(Directive {
            sources: text
                .split(is_space)
                .skip(1)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            name,
            raw_end: trimmed.last().map_or(0, |(_, e)| *e),
        });
    }
    Ok(out)
}

/// Whether `sources` already allow every inline block of `directive`'s
/// kind: `'unsafe-inline'` (any case) counts only without a hash or a
/// nonce (and, for scripts, without `'strict-dynamic'`), which switch it
/// off. A hash added there would switch it off too.
fn allows_all_inline(sources: &[String], directive: &str) -> bool {
    let has = |s: &str| sources.iter().any(|x| x.eq_ignore_ascii_case(s));
    let lower = |s: &String| s.to_ascii_lowercase();
    let keyed = sources.iter().map(lower).any(|s| {
        ["'sha256-", "'sha384-", "'sha512-", "'nonce-"]
            .iter()
            .any(|p| s.starts_with(p))
    });
    has("'unsafe-inline'") && !keyed && !(directive == "script-src" && has("'strict-dynamic'"))
}

/// Text for the inside of an attribute value quoted with `quote` (`None`:
/// the caller adds double quotes).
fn escaped(text: &str, quote: Option<char>) -> String {
    let text = text.replace('&', "&amp;");
    match quote {
        Some('\'') => text.replace('\'', "&#39;"),
        _ => text.replace('"', "&quot;"),
    }
}

/// The raw `content` value of a CSP `<meta>` (the bytes between its
/// quotes, `quote` the quote or `None` when unquoted) with each
/// `(directive, hash)` allowed: the hash added at the end of the directive
/// and of its `-elem` form, unless it already allows every inline block;
/// when the policy leaves the directive to `default-src`, a new directive
/// with `default-src`'s sources and the hash is added at the end. `None`
/// when nothing needs adding; the new raw value otherwise (in double
/// quotes when it was unquoted). `Err`: the policy cannot be read with
/// certainty, and must be left alone.
pub fn allow(
    raw: &str,
    quote: Option<char>,
    hashes: &[(&str, String)],
) -> Result<Option<String>, String> {
    let chars = decode(raw)?;
    let mut watched = vec!["default-src"];
    for (d, _) in hashes {
        watched.push(d);
    }
    let elem: Vec<String> = hashes.iter().map(|(d, _)| format!("{d}-elem")).collect();
    watched.extend(elem.iter().map(String::as_str));
    let dirs = directives(&chars, &watched)?;
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (directive, hash) in hashes {
        let source = format!("'{hash}'");
        let elem = format!("{directive}-elem");
        for d in dirs
            .iter()
            .filter(|d| d.name == *directive || d.name == elem)
        {
            if !allows_all_inline(&d.sources, directive) {
                inserts.push((d.raw_end, format!(" {source}")));
            }
        }
        if dirs.iter().any(|d| d.name == *directive) {
            continue;
        }
        if let Some(default) = dirs.iter().find(|d| d.name == "default-src") {
            if !allows_all_inline(&default.sources, directive) {
                let mut sources = default.sources.clone();
                sources.push(source);
                // After a reference with no `;` of its own (`&#39`), a
                // space first: the `;` would end the reference instead.
                let last = chars.len().checked_sub(2).map_or(0, |i| chars[i].1);
                let open =
                    raw[last..].starts_with('&') && raw.len() - last > 1 && !raw.ends_with(';');
                let space = if open { " " } else { "" };
                inserts.push((
                    raw.len(),
                    format!("{space}; {directive} {}", sources.join(" ")),
                ));
            }
        }
    }
    if inserts.is_empty() {
        return Ok(None);
    }
    // At one place (the last directive's end), its hash before any new
    // directive: a stable sort, new directives start with `;`.
    inserts.sort_by_key(|(at, text)| (*at, text.trim_start().starts_with(';')));
    let mut out = String::new();
    let mut from = 0;
    let keep = |s: &str| match quote {
        Some(_) => s.to_string(),
        None => s.replace('"', "&quot;"),
    };
    for (at, text) in inserts {
        out.push_str(&keep(&raw[from..at]));
        out.push_str(&escaped(&text, quote));
        from = at;
    }
    out.push_str(&keep(&raw[from..]));
    Ok(Some(match quote {
        Some(_) => out,
        None => format!("\"{out}\""),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h() -> [(&'static str, String); 2] {
        [
            ("style-src", "sha256-S".to_string()),
            ("script-src", "sha256-J".to_string()),
        ]
    }

    fn allowed(raw: &str, quote: Option<char>) -> String {
        allow(raw, quote, &h())
            .unwrap()
            .unwrap_or_else(|| raw.to_string())
    }

    #[test]
    fn hashes_go_at_each_directives_end_and_nothing_else_moves() {
        let q = Some('"');
        for (raw, want) in [
            (
                "default-src 'self'; style-src 'self'",
                "default-src 'self'; style-src 'self' 'sha256-S'; script-src 'self' 'sha256-J'",
            ),
            (
                "style-src 'self';  style-src-elem 'self' ;script-src x",
                "style-src 'self' 'sha256-S';  style-src-elem 'self' 'sha256-S' ;script-src x 'sha256-J'",
            ),
            // 'unsafe-inline' already allows them, in any case; a hash would switch it off.
            ("style-src 'UNSAFE-INLINE'; script-src 'Unsafe-Inline'", "style-src 'UNSAFE-INLINE'; script-src 'Unsafe-Inline'"),
            // ...unless a nonce or 'strict-dynamic' already switched it off.
            (
                "style-src 'unsafe-inline' 'nonce-a'; script-src 'unsafe-inline' 'strict-dynamic'",
                "style-src 'unsafe-inline' 'nonce-a' 'sha256-S'; script-src 'unsafe-inline' 'strict-dynamic' 'sha256-J'",
            ),
            ("default-src 'unsafe-inline'", "default-src 'unsafe-inline'"),
            // No policy on styles or scripts at all: nothing to allow.
            ("img-src 'self'", "img-src 'self'"),
            // Upper-case names are the same directives.
            ("STYLE-SRC 'self'; Script-Src 'self'", "STYLE-SRC 'self' 'sha256-S'; Script-Src 'self' 'sha256-J'"),
        ] {
            assert_eq!(allowed(raw, q), want, "{raw}");
        }
    }

    #[test]
    fn character_references_are_decoded_as_html_does() {
        // Bug: only five references were decoded, and `&#039;` (PHP,
        // WordPress) was cut at its own `;`: `'self'` stopped matching and
        // what followed became a directive of its own.
        let raw = "default-src &#039;self&#039;; require-trusted-types-for &#x27;script&apos;";
        assert_eq!(
            allowed(raw, Some('"')),
            format!("{raw}; style-src 'self' 'sha256-S'; script-src 'self' 'sha256-J'")
        );
        // In single quotes the added quotes are references; unquoted, the value gets quotes.
        assert_eq!(
            allowed("style-src &#39;self&#39;", Some('\'')),
            "style-src &#39;self&#39; &#39;sha256-S&#39;"
        );
        assert_eq!(allowed("style-src", None), "\"style-src 'sha256-S'\"");
        // Bug (found by the differential test): the last directive's hash
        // went after a new directive added at the same place.
        assert_eq!(
            allowed("default-src 'self'; script-src 'self'", None),
            "\"default-src 'self'; script-src 'self' 'sha256-J'; style-src 'self' 'sha256-S'\""
        );
        // Bug (found by the differential test): a policy ending in `&#39`
        // took the new directive's `;` as the end of that reference, and
        // the new directive became sources of the last one.
        assert_eq!(
            allowed("default-src &#39;self&#39", Some('"')),
            "default-src &#39;self&#39 ; style-src 'self' 'sha256-S' ; script-src 'self' 'sha256-J'"
        );
        let text = |raw: &str| -> String { decode(raw).unwrap().iter().map(|(c, _)| c).collect() };
        assert_eq!(
            text("a&#59;b&#x3B&amp;c&#0;&#X41;&# &"),
            "a;b;&c\u{fffd}A&# &"
        );
        // A name outside the table (or without its `;`) is not certain.
        assert_eq!(decode("&lt"), Err("&lt".to_string()));
        assert_eq!(decode("x &notit; y"), Err("&notit".to_string()));
    }
}
