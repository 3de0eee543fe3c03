//! The tidy test of the architecture: crates and modules may only use what
//! is below them in the layer order written in ARCHITECTURE.md (the block
//! fenced as `layers`), so no cycle can come back and no lower layer can
//! reach up. Also: the core's manifest names no browser crate, on any
//! target, and every module has its place in the order.
//!
//! It reads the workspace's own sources as text: comments and string
//! literals are dropped, then every `crate::`, `super::` and `self::` path
//! and every path through a declared child module counts as a use of the
//! module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `layers` block of ARCHITECTURE.md: `name: a b < c < d e` lines.
fn layer_spec() -> BTreeMap<String, Vec<Vec<String>>> {
    let doc = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let block = doc
        .split("```layers\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (name, order) = l.split_once(':').expect("`name: a < b` lines");
            let levels = order
                .split('<')
                .map(|lvl| lvl.split_whitespace().map(String::from).collect())
                .collect();
            (name.trim().to_string(), levels)
        })
        .collect()
}

/// Each name's level (0 = lowest).
fn levels(spec: &[Vec<String>]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (i, names) in spec.iter().enumerate() {
        for n in names {
            assert!(out.insert(n.clone(), i).is_none(), "{n} is listed twice");
        }
    }
    out
}

/// Rust source without comments and string literals (kept as `""`).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let (mut out, mut i) = (String::with_capacity(src.len()), 0);
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if let Some(hashes) = raw_string_start(rest) {
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            i += body
                + rest[body..]
                    .find(&close)
                    .map_or(rest.len() - body, |e| e + close.len());
            out.push_str("\"\"");
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && b[i + j] != b'"' {
                j += if b[i + j] == b'\\' { 2 } else { 1 };
            }
            i += j + 1;
            out.push_str("\"\"");
        } else if rest.starts_with("'\"'") {
            i += 3;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `r"`, `r#"`, `r##"` at the start: the number of `#`.
fn raw_string_start(s: &str) -> Option<usize> {
    let t = s.strip_prefix('r')?;
    let hashes = t.len() - t.trim_start_matches('#').len();
    t[hashes..].starts_with('"').then_some(hashes)
}

/// The modules of a crate: module path (`ui::chart`, `` for the root) → file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src dir") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).expect("under src").with_extension("");
            let mut parts: Vec<String> = rel
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
            {
                parts.pop();
            }
            if rel.starts_with("bin") {
                continue;
            }
            out.insert(parts.join("::"), p);
        }
    }
    out
}

/// Identifier characters.
fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Every path a file's code names after `crate::`, `super::`, `self::` or a
/// child module, as absolute module paths (segments; items included).
fn paths_in(code: &str, me: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let parent: Vec<String> = me
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let word = ident_at(&code[i..]);
        let boundary = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':');
        if word.is_empty() || !boundary {
            i += code[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let after = &code[i + word.len()..];
        if !after.starts_with("::") {
            i += word.len();
            continue;
        }
        let base: Option<Vec<String>> = match word {
            "crate" => Some(vec![]),
            "self" => Some(parent.clone()),
            "super" => Some(parent[..parent.len().saturating_sub(1)].to_vec()),
            w if children.contains(w) => {
                let mut p = parent.clone();
                p.push(w.to_string());
                Some(p)
            }
            _ => None,
        };
        let start = i + word.len() + 2;
        match base {
            Some(base) => {
                expand(&code[start..], base, &mut out);
                i = start + path_len(&code[start..]);
            }
            None => i = start,
        }
    }
    out
}

/// The length of the path text `a::b::{c, d::e}` at the start of `s`.
fn path_len(s: &str) -> usize {
    let mut i = 0;
    loop {
        let rest = &s[i..];
        if rest.starts_with('{') {
            let mut depth = 0;
            for (k, c) in rest.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 1 => return i + k + 1,
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            return s.len();
        }
        i += ident_at(rest).len();
        if s[i..].starts_with("::") {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Reads `a::b::{c, d::e}` after a base path into full paths.
fn expand(rest: &str, base: Vec<String>, out: &mut Vec<Vec<String>>) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&std::mem::take(&mut item), base.clone(), out);
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        if !item.trim().is_empty() {
            expand(&item, base, out);
        }
        return;
    }
    let word = ident_at(rest);
    if word.is_empty() || word == "self" {
        out.push(base);
        return;
    }
    let mut path = base;
    path.push(word.to_string());
    let after = &rest[word.len()..];
    match after.strip_prefix("::") {
        Some(more) => expand(more, path, out),
        None => out.push(path),
    }
}

/// The module a path names: its longest prefix that is a module.
fn module_of(path: &[String], known: &BTreeMap<String, PathBuf>) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains_key(m))
}

/// Uses between a crate's modules that break its layer order.
fn violations(krate: &str, spec: &[Vec<String>]) -> Vec<String> {
    let level = levels(spec);
    let mods = modules(&root().join("crates").join(krate).join("src"));
    let mut bad = Vec::new();
    for (m, file) in &mods {
        if m.is_empty() {
            continue; // the crate root only declares modules
        }
        let Some(&mine) = level.get(m) else {
            bad.push(format!(
                "{krate}: module `{m}` has no place in the layer order"
            ));
            continue;
        };
        let code = code_only(&fs::read_to_string(file).expect("source"));
        let children: BTreeSet<String> = code
            .split("mod ")
            .skip(1)
            .map(|s| ident_at(s.trim_start()).to_string())
            .filter(|c| mods.contains_key(&format!("{m}::{c}")))
            .collect();
        for p in paths_in(&code, m, &children) {
            let Some(target) = module_of(&p, &mods) else {
                continue;
            };
            if target == *m || target.is_empty() || m.starts_with(&format!("{target}::")) {
                continue;
            }
            match level.get(&target) {
                Some(&theirs) if theirs < mine => {}
                Some(_) => bad.push(format!(
                    "{krate}: `{m}` uses `{target}`, which is not below it ({})",
                    p.join("::")
                )),
                None => bad.push(format!(
                    "{krate}: `{target}` has no place in the layer order"
                )),
            }
        }
    }
    bad
}

#[test]
fn the_core_follows_its_layer_order() {
    let spec = layer_spec();
    assert_eq!(violations("core", &spec["core"]), Vec::<String>::new());
}

#[test]
fn the_widget_follows_its_layer_order() {
    let spec = layer_spec();
    assert_eq!(violations("widget", &spec["widget"]), Vec::<String>::new());
}

/// Dependency names of a manifest's normal dependency tables (any target).
fn dependencies(manifest: &Path) -> Vec<String> {
    let text = fs::read_to_string(manifest).expect("Cargo.toml");
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line == "[dependencies]"
                || (line.starts_with("[target.") && line.ends_with(".dependencies]"));
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                deps.push(name.trim().to_string());
            }
        }
    }
    deps
}

#[test]
fn crates_depend_only_on_lower_crates_and_the_core_on_no_browser_crate() {
    let spec = layer_spec();
    let level = levels(&spec["crates"]);
    let dir_of = |c: &str| match c {
        "tier-breakdown-example" => root().join("examples/leptos-app"),
        "tier-breakdown" => root().join("crates/widget"),
        other => root()
            .join("crates")
            .join(other.trim_start_matches("tier-breakdown-")),
    };
    let mut bad = Vec::new();
    for (krate, &mine) in &level {
        for dep in dependencies(&dir_of(krate).join("Cargo.toml")) {
            if let Some(&theirs) = level.get(&dep) {
                if theirs >= mine {
                    bad.push(format!("{krate} depends on {dep}, which is not below it"));
                }
            }
        }
    }
    let browser = [
        "leptos",
        "web-sys",
        "wasm-bindgen",
        "js-sys",
        "wasm-bindgen-futures",
        "gloo",
        "leptos-use",
    ];
    for dep in dependencies(&dir_of("tier-breakdown-core").join("Cargo.toml")) {
        if browser
            .iter()
            .any(|b| dep == *b || dep.starts_with("leptos") || dep.starts_with("gloo"))
        {
            bad.push(format!("the core depends on the browser crate {dep}"));
        }
    }
    assert_eq!(bad, Vec::<String>::new());
}

/// The checker itself: a use that goes up, or a cycle, is caught.
#[test]
fn the_checker_catches_a_use_that_goes_up() {
    let children = BTreeSet::from(["dom".to_string()]);
    let code = code_only(
        "use crate::layout::{chart, ChartView};\nuse super::{dom::El, view};\n// crate::nothing\nlet s = \"crate::nope\"; self::x::y();\ndom::fill();",
    );
    let paths: Vec<String> = paths_in(&code, "ui::chart", &children)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "layout::chart",
            "layout::ChartView",
            "ui::dom::El",
            "ui::view",
            "ui::chart::x::y",
            "ui::chart::dom::fill"
        ]
    );
    let spec: Vec<Vec<String>> = vec![vec!["json".into()], vec!["model".into()]];
    let lv = levels(&spec);
    // `json` using `model` would be a use upwards (and, with model using json, a cycle).
    assert!(lv["json"] < lv["model"]);
}
