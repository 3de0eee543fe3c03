//! A small JSON parser for results files (RFC 8259), written for the wasm
//! size budget: serde_json brought float parsing and formatting, a BTreeMap
//! and its error machinery (about 6 KiB brotli). Numbers are kept as the
//! text written in the file (plain integers as their value), so counts are
//! checked exactly (no float ever rounds `9007199254740993` to `…992`) and
//! messages quote them as written. Strings without escapes borrow from the
//! input, so a 10,000-unit file is parsed with few allocations. Objects
//! keep their keys in file order (the last of repeated keys wins).

use std::borrow::Cow;

/// Finds repeated strings in linear time: a table of places (open
/// addressing on FNV-1a hashes), for the few places that need one, instead
/// of std's `HashMap`/`HashSet`, whose SipHash and hashbrown copies cost
/// every reader ~0.8 KB of brotli. It keeps only places; the caller keeps
/// the strings and says whether the one at a place equals the key.
#[derive(Default)]
pub struct Places {
    /// (hash, place + 1); 0 is an empty slot. The length is 0 or a power of two.
    slots: Vec<(u64, usize)>,
    len: usize,
}

impl Places {
    /// The place of a string equal to `key` found before (`is(p)`: does the
    /// string at place `p` equal `key`?), or `None` after adding `key` at `place`.
    pub fn find_or_add(
        &mut self,
        key: &str,
        place: usize,
        is: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        if self.len * 2 >= self.slots.len() {
            let n = (self.slots.len() * 2).max(16);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); n]);
            for (h, p) in old.into_iter().filter(|s| s.1 != 0) {
                let i = self.probe(h, &|_| false).unwrap_or_else(|i| i);
                self.slots[i] = (h, p);
            }
        }
        let h = hash(key);
        match self.probe(h, is) {
            Ok(i) => Some(self.slots[i].1 - 1),
            Err(i) => {
                self.slots[i] = (h, place + 1);
                self.len += 1;
                None
            }
        }
    }

    /// The place of a string equal to `key`, if one was added.
    pub fn find(&self, key: &str, is: &dyn Fn(usize) -> bool) -> Option<usize> {
        self.probe(hash(key), is).ok().map(|i| self.slots[i].1 - 1)
    }

    /// The longest distance of a key from its home slot (how long the
    /// worst probe walks); for tests.
    #[doc(hidden)]
    pub fn longest_probe(&self) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        (0..self.slots.len())
            .filter(|&i| self.slots[i].1 != 0)
            .map(|i| i.wrapping_sub(self.slots[i].0 as usize) & mask)
            .max()
            .unwrap_or(0)
    }

    /// The slot holding the key (`Ok`), or the empty slot where it goes.
    fn probe(&self, h: u64, is: &dyn Fn(usize) -> bool) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = h as usize & mask;
        loop {
            match self.slots.get(i) {
                None => return Err(usize::MAX),
                Some(&(_, 0)) => return Err(i),
                Some(&(sh, p)) if sh == h && is(p - 1) => return Ok(i),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
}

/// FNV-1a, then half of MurmurHash3's finaliser. FNV's low bits depend only on
/// the low bits of its state (a product's low bits ignore the high ones),
/// so a file could hold thousands of keys equal in the bits the table
/// indexes by, built from a few short colliding blocks, and make every
/// probe walk all of them (a frozen page on a crafted file). Shift, multiply,
/// shift brings every bit of the state into the low ones; only keys whose whole
/// 64-bit state collides still share a slot.
fn hash(s: &str) -> u64 {
    let h = s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// A set of strings ([`Places`] with the strings it found).
#[derive(Default)]
pub struct StrSet {
    strings: Vec<String>,
    places: Places,
}

impl StrSet {
    /// Adds `s`; false if it was there already.
    pub fn insert(&mut self, s: &str) -> bool {
        let strings = &self.strings;
        let new = self
            .places
            .find_or_add(s, strings.len(), &|p| strings[p] == s)
            .is_none();
        if new {
            self.strings.push(s.to_string());
        }
        new
    }
}

/// A parsed JSON value, borrowing from the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number<'a>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Map<'a>),
}

/// A number as written, already checked against the JSON grammar.
#[derive(Clone, Debug, PartialEq)]
pub enum Number<'a> {
    /// A plain integer (digits only) that fits a `u64`: nearly every count.
    Int(u64),
    /// Anything else (`-3`, `12.0`, `1e3`, a huge integer), as written.
    Text(&'a str),
}

impl Number<'_> {
    /// See [`whole`].
    pub fn whole(&self) -> Result<u64, bool> {
        match self {
            Number::Int(n) => Ok(*n),
            Number::Text(t) => whole(t),
        }
    }

    /// The number as written in the file.
    pub fn text(&self) -> String {
        match self {
            Number::Int(n) => n.to_string(),
            Number::Text(t) => t.to_string(),
        }
    }
}

/// An object: keys and values in file order, each key once (a repeated
/// key keeps its first place and its last value, as `JSON.parse` does).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Map<'a> {
    /// Builds a map from pairs in file order, folding repeated keys.
    fn from_pairs(mut pairs: Vec<(Cow<'a, str>, Value<'a>)>) -> Map<'a> {
        // Small objects (nearly all of them) need no index.
        if pairs.len() <= 16 {
            let repeated =
                (1..pairs.len()).any(|i| pairs[..i].iter().any(|(k, _)| *k == pairs[i].0));
            if !repeated {
                pairs.shrink_to_fit();
                return Map(pairs);
            }
        }
        let mut places = Places::default();
        let mut out: Vec<(Cow<'a, str>, Value<'a>)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match places.find_or_add(&k, out.len(), &|p| out[p].0 == k) {
                Some(at) => out[at] = (k, v),
                None => out.push((k, v)),
            }
        }
        Map(out)
    }

    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> Value<'a> {
    pub fn as_array(&self) -> Option<&Vec<Value<'a>>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.get(key)
    }
}

/// The exact value of a number literal, if it is a whole number ≥ 0 that
/// fits in a `u64`: `12`, `12.0`, `1.2e1`, `120e-1` are all 12.
/// `Err(true)` for a whole number too large, `Err(false)` otherwise
/// (negative, fractional).
pub fn whole(literal: &str) -> Result<u64, bool> {
    let Some((negative, digits, pos)) = decompose(literal) else {
        return Ok(0);
    };
    if negative || pos <= 0 {
        return Err(false);
    }
    let pos = usize::try_from(pos).unwrap_or(usize::MAX);
    if pos < digits.len() && digits[pos..].bytes().any(|b| b != b'0') {
        return Err(false);
    }
    if pos > 20 {
        return Err(true);
    }
    let kept = &digits[..pos.min(digits.len())];
    let mut n: u64 = 0;
    for b in kept
        .bytes()
        .chain(std::iter::repeat_n(b'0', pos.saturating_sub(digits.len())))
    {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or(true)?;
    }
    Ok(n)
}

/// A number literal as sign, significant digits (no leading zeros) and the
/// place of the decimal point: the value is `0.<digits> × 10^pos`. `None`
/// for zero. Exponents too long to read saturate, so nothing overflows.
fn decompose(literal: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, literal),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => {
            let e = &rest[i + 1..];
            let huge = if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            };
            (&rest[..i], e.parse::<i64>().unwrap_or(huge))
        }
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    if digits.is_empty() {
        return None;
    }
    let lead = (all.len() - digits.len()) as i64;
    let pos = (int.len() as i64 - lead).saturating_add(exp);
    Some((negative, digits.to_string(), pos))
}

/// Whether a number is beyond ±1.7976931348623157e308, the largest 64-bit
/// float: JavaScript would read it as ±Infinity.
fn out_of_range(literal: &str) -> bool {
    match decompose(literal) {
        None => false,
        Some((_, digits, pos)) => {
            pos > 309 || (pos == 309 && digits.trim_end_matches('0') > "1797693134862315807")
        }
    }
}

/// A syntax error: what, and where (1-based line and column, in characters).
/// Its words, in each language, are in [`crate::i18n::syntax_message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: Syntax,
    pub line: usize,
    pub column: usize,
}

/// What is wrong with a text that is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// More text after the document's one value.
    TrailingCharacters,
    /// The text ends (or is blank) where a value should start.
    EndBeforeValue,
    /// A character that cannot start a value.
    ExpectedValue,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    EndInObject,
    /// A comma right before `}` or `]`.
    TrailingComma,
    KeyNotString,
    ExpectedColon,
    ExpectedCommaOrBrace,
    EndInList,
    ExpectedCommaOrBracket,
    InvalidNumber,
    /// A number beyond the largest float (`1e309`).
    NumberOutOfRange,
    InvalidEscape,
    EndInString,
    /// Bytes that are not UTF-8 inside a string.
    InvalidUtf8,
    /// A `\uD800`-style escape without its pair.
    LoneSurrogate,
    InvalidCodePoint,
    /// A raw control character (U+0000 to U+001F) inside a string.
    ControlCharacter,
}

/// Nesting deeper than this is refused (as serde_json did), so a hostile
/// file cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Parses a whole document.
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut p = Parser {
        t: text,
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error(Syntax::TrailingCharacters));
    }
    Ok(v)
}

struct Parser<'a> {
    t: &'a str,
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, kind: Syntax) -> SyntaxError {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        // Characters, not bytes: count the bytes that start a UTF-8 character.
        let column = before[start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        SyntaxError { kind, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        match self.peek() {
            None => Err(self.error(Syntax::EndBeforeValue)),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') if self.eat(b"true") => Ok(Value::Bool(true)),
            Some(b'f') if self.eat(b"false") => Ok(Value::Bool(false)),
            Some(b'n') if self.eat(b"null") => Ok(Value::Null),
            Some(_) => Err(self.error(Syntax::ExpectedValue)),
        }
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Value<'a>, SyntaxError>,
    ) -> Result<Value<'a>, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(Syntax::TooDeep));
        }
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.i += 1;
        let mut out = Vec::new();
        self.ws();
        if self.eat(b"}") {
            return Ok(Value::Object(Map::from_pairs(out)));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(Syntax::EndInObject)),
                Some(b'}') => return Err(self.error(Syntax::TrailingComma)),
                Some(_) => return Err(self.error(Syntax::KeyNotString)),
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b":") {
                return Err(match self.peek() {
                    None => self.error(Syntax::EndInObject),
                    Some(_) => self.error(Syntax::ExpectedColon),
                });
            }
            self.ws();
            let v = self.value()?;
            out.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map::from_pairs(out)));
                }
                None => return Err(self.error(Syntax::EndInObject)),
                Some(_) => return Err(self.error(Syntax::ExpectedCommaOrBrace)),
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.i += 1;
        let mut out = Vec::new();
        self.ws();
        if self.eat(b"]") {
            return Ok(Value::Array(out));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b']') => return Err(self.error(Syntax::TrailingComma)),
                None => return Err(self.error(Syntax::EndInList)),
                Some(_) => {}
            }
            out.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(out));
                }
                None => return Err(self.error(Syntax::EndInList)),
                Some(_) => return Err(self.error(Syntax::ExpectedCommaOrBracket)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        self.eat(b"-");
        let int_start = self.i;
        let int = self.digits();
        let invalid = |p: &mut Self| {
            p.i = start;
            Err(p.error(Syntax::InvalidNumber))
        };
        if int == 0 || (int > 1 && self.s[int_start] == b'0') {
            return invalid(self);
        }
        if self.eat(b".") && self.digits() == 0 {
            return invalid(self);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.eat(b"+") {
                self.eat(b"-");
            }
            if self.digits() == 0 {
                return invalid(self);
            }
        }
        let text = self.t.get(start..self.i).unwrap_or("0");
        // Beyond what a 64-bit float (and so JavaScript) can hold: refused,
        // where JSON.parse would turn it into Infinity.
        if out_of_range(text) {
            self.i = start;
            return Err(self.error(Syntax::NumberOutOfRange));
        }
        let plain = text.bytes().all(|b| b.is_ascii_digit());
        Ok(Value::Number(match text.parse::<u64>() {
            Ok(n) if plain => Number::Int(n),
            _ => Number::Text(text),
        }))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error(Syntax::InvalidEscape))?;
        self.i += 4;
        Ok(h)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.i += 1;
        // Without escapes, the string is a slice of the input.
        let start = self.i;
        let run = self.s[start..]
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
            .unwrap_or(self.s.len() - start);
        if self.s.get(start + run) == Some(&b'"') {
            self.i = start + run + 1;
            return Ok(Cow::Borrowed(self.t.get(start..start + run).unwrap_or("")));
        }
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(Syntax::EndInString));
            };
            match b {
                b'"' => {
                    self.i += 1;
                    return String::from_utf8(out)
                        .map(Cow::Owned)
                        .map_err(|_| self.error(Syntax::InvalidUtf8));
                }
                b'\\' => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.eat(b"\\u") {
                                    return Err(self.error(Syntax::LoneSurrogate));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(Syntax::InvalidCodePoint));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            let c = char::from_u32(code)
                                .ok_or_else(|| self.error(Syntax::InvalidCodePoint))?;
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.error(Syntax::InvalidEscape)),
                    };
                    self.i += 1;
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => return Err(self.error(Syntax::ControlCharacter)),
                _ => {
                    // Copy the run up to the next quote, backslash or control character at once.
                    let run = self.s[self.i..]
                        .iter()
                        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                        .unwrap_or(self.s.len() - self.i);
                    out.extend_from_slice(&self.s[self.i..self.i + run]);
                    self.i += run;
                }
            }
        }
    }
}
