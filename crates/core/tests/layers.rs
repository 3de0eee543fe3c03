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
fn module_of<V>(path: &[String], known: &BTreeMap<String, V>) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains_key(m))
}

/// Uses between a crate's modules that break its layer order.
fn violations(krate: &str, spec: &[Vec<String>]) -> Vec<String> {
    let files = modules(&root().join("crates").join(krate).join("src"));
    let sources = files
        .iter()
        .map(|(m, file)| (m.clone(), fs::read_to_string(file).expect("source")))
        .collect();
    violations_in(krate, spec, &sources)
}

/// The same over sources in memory: module path → its text. A use of a
/// module's own ancestors counts too (`use super::mount_widget;` in
/// `ui::dom` reaches `ui`, above it); only a module's use of itself and of
/// the crate root (which only declares modules) is skipped.
fn violations_in(
    krate: &str,
    spec: &[Vec<String>],
    sources: &BTreeMap<String, String>,
) -> Vec<String> {
    let level = levels(spec);
    let mut bad = Vec::new();
    for (m, text) in sources {
        if m.is_empty() {
            continue; // the crate root only declares modules
        }
        let Some(&mine) = level.get(m) else {
            bad.push(format!(
                "{krate}: module `{m}` has no place in the layer order"
            ));
            continue;
        };
        let code = code_only(text);
        let children: BTreeSet<String> = code
            .split("mod ")
            .skip(1)
            .map(|s| ident_at(s.trim_start()).to_string())
            .filter(|c| sources.contains_key(&format!("{m}::{c}")))
            .collect();
        for p in paths_in(&code, m, &children) {
            let Some(target) = module_of(&p, sources) else {
                continue;
            };
            if target == *m || target.is_empty() {
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

#[test]
fn the_editor_and_its_model_follow_their_layer_order() {
    let spec = layer_spec();
    assert_eq!(violations("draft", &spec["draft"]), Vec::<String>::new());
    assert_eq!(violations("editor", &spec["editor"]), Vec::<String>::new());
}

/// Dependency names of a manifest's normal dependency tables (any target).
fn dependencies(manifest: &Path) -> Vec<String> {
    dependencies_in(&fs::read_to_string(manifest).expect("Cargo.toml"))
}

/// Dependency names of a manifest's text.
fn dependencies_in(text: &str) -> Vec<String> {
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in text.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']');
            // `[dependencies]`, `[target.'…'.dependencies]`, and the
            // one-dependency tables `[dependencies.web-sys]`.
            let tail = header.rsplit_once("dependencies");
            in_deps = false;
            if let Some((before, after)) = tail {
                let normal =
                    before.is_empty() || (before.starts_with("target.") && before.ends_with('.'));
                if normal && after.is_empty() {
                    in_deps = true;
                } else if normal {
                    if let Some(name) = after.strip_prefix('.') {
                        deps.push(name.trim_matches('"').to_string());
                    }
                }
            }
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                // `web-sys.workspace = true` names `web-sys`.
                let name = name.split('.').next().unwrap_or(name);
                deps.push(name.trim().trim_matches('"').to_string());
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

/// The checker itself, on sources in memory: a use that goes up, a cycle,
/// a use of an ancestor's item and a module without a place are caught;
/// a tidy crate passes. And the manifest reader finds every form of a
/// dependency.
#[test]
fn the_checker_catches_what_it_should() {
    let spec: Vec<Vec<String>> = vec![
        vec!["json".into()],
        vec!["model".into()],
        vec!["ui".into()],
        vec!["ui::dom".into()],
    ];
    let crate_of = |files: &[(&str, &str)]| -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(m, t)| (m.to_string(), t.to_string()))
            .collect()
    };
    let tidy = crate_of(&[
        ("", "pub mod json; pub mod model;"),
        ("json", "pub fn parse() {}"),
        (
            "model",
            "use crate::json::parse; // crate::ui::nothing\nlet s = \"crate::ui\";",
        ),
    ]);
    assert_eq!(violations_in("t", &spec, &tidy), Vec::<String>::new());
    let cycle = crate_of(&[
        ("json", "use crate::model::Thing;"),
        ("model", "use crate::json::{parse, Value};"),
    ]);
    assert_eq!(
        violations_in("t", &spec, &cycle),
        ["t: `json` uses `model`, which is not below it (model::Thing)"]
    );
    let ancestor = crate_of(&[
        ("ui", "mod dom; pub use dom::El; pub fn mount() {}"),
        ("ui::dom", "use super::mount;"),
    ]);
    // `ui` may use its child `ui::dom`, which is below it; `ui::dom` may not use `ui`.
    let spec2: Vec<Vec<String>> = vec![vec!["ui::dom".into()], vec!["ui".into()]];
    assert_eq!(
        violations_in("t", &spec2, &ancestor),
        ["t: `ui::dom` uses `ui`, which is not below it (ui::mount)"]
    );
    let stray = crate_of(&[("json", ""), ("extra", "")]);
    assert_eq!(
        violations_in("t", &spec, &stray),
        ["t: module `extra` has no place in the layer order"]
    );
    let manifest = "[package]\nname = \"x\"\n[dependencies]\na = \"1\"\nweb-sys.workspace = true\n[dependencies.js-sys]\nversion = \"0.3\"\n[target.'cfg(x)'.dependencies]\nleptos = { version = \"0.8\" }\n[dev-dependencies]\nserde_json = \"1\"\n";
    assert_eq!(
        dependencies_in(manifest),
        ["a", "web-sys", "js-sys", "leptos"]
    );
}
