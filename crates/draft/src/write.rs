//! The draft as a results file and back, and where a problem of the file
//! is in the editor's form.
//!
//! [`results_file`] writes every shape the format knows (counts, shares,
//! coverage only, "or better" and approximate figures, tiers not given as
//! `null`; version 2 or 3 only when one of their shapes is used),
//! pretty-printed, with `$schema`. A figure that is
//! not a number is written as the text typed, so validation reports it at
//! its place; [`fields_for`] turns that place into the form field's id.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;
use tier_breakdown_core::problem::{Problem, ProblemKind};

use crate::draft::{Basis, Draft, Figure, Group, Part, Source, Text, Tier};
use crate::number;

/// A JSON value whose objects keep their keys in the order written
/// (serde_json's own map sorts them).
enum J {
    V(Value),
    A(Vec<J>),
    O(Vec<(String, J)>),
}

impl Serialize for J {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            J::V(v) => v.serialize(s),
            J::A(items) => s.collect_seq(items),
            J::O(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// An object being written, in order; `None` values are left out.
#[derive(Default)]
struct Obj(Vec<(String, J)>);

impl Obj {
    fn put(&mut self, key: &str, v: Option<J>) -> &mut Obj {
        if let Some(v) = v {
            self.0.push((key.to_string(), v));
        }
        self
    }

    fn done(self) -> J {
        J::O(self.0)
    }
}

fn str_j(s: &str) -> J {
    J::V(Value::String(s.to_string()))
}

fn string(s: &str) -> Option<J> {
    let s = s.trim();
    (!s.is_empty()).then(|| str_j(s))
}

/// A text: a plain string in the file's language, else an object with
/// the languages given; `None` when both are empty and it is optional.
fn text(t: &Text, lang: &str, required: bool) -> Option<J> {
    let (vi, en) = (t.vi.trim(), t.en.trim());
    match (vi.is_empty(), en.is_empty()) {
        (true, true) => required.then(|| str_j("")),
        (false, true) if lang == "vi" => string(vi),
        (true, false) if lang == "en" => string(en),
        _ => {
            let mut o = Obj::default();
            o.put("vi", string(vi)).put("en", string(en));
            Some(o.done())
        }
    }
}

/// A number as typed: the JSON number when it reads as one
/// (`94.877` → 94877), else the text itself (for validation to report),
/// and the approximation the text said (`khoảng 300`).
fn figure_number(typed: &str, share: bool) -> Option<(J, Option<&'static str>)> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let read = if share {
        number::read_share
    } else {
        number::read
    };
    Some(match read(typed) {
        Some(f) => (
            J::V(serde_json::from_str(&f.json).unwrap_or(Value::String(typed.to_string()))),
            f.approx,
        ),
        None => (str_j(typed), None),
    })
}

fn plain_number(typed: &str) -> Option<J> {
    figure_number(typed, false).map(|(v, _)| v)
}

fn figure(f: &Figure, share: bool) -> Option<J> {
    if f.not_given {
        return Some(J::V(Value::Null));
    }
    let (v, typed_approx) = figure_number(&f.value, share)?;
    let approx = string(&f.approx).or(typed_approx.map(str_j));
    if !f.or_better && approx.is_none() {
        return Some(v);
    }
    let mut o = Obj::default();
    o.put(if f.or_better { "or_better" } else { "value" }, Some(v))
        .put("approx", approx);
    Some(o.done())
}

fn group(g: &Group, tiers: &[Tier], lang: &str, with_label: bool) -> J {
    let mut o = Obj::default();
    o.put("id", Some(str_j(g.id.trim())));
    if with_label {
        o.put("label", text(&g.label, lang, true));
    }
    o.put("total", plain_number(&g.total))
        .put("evaluated", plain_number(&g.evaluated));
    let key = match g.basis {
        Basis::Counts => Some("counts"),
        Basis::Shares => Some("shares"),
        Basis::None => None,
    };
    if let Some(key) = key {
        let mut figures = Obj::default();
        for (i, t) in tiers.iter().enumerate() {
            let share = g.basis == Basis::Shares;
            figures.put(t.id.trim(), g.figures.get(i).and_then(|f| figure(f, share)));
        }
        o.put(key, Some(figures.done()));
    }
    o.done()
}

/// A unit or a period; a period's units are matched by id and may leave
/// their label out (the top-level unit's is shown).
fn part(p: &Part, tiers: &[Tier], lang: &str, label_required: bool) -> J {
    let mut o = Obj::default();
    let groups = p.groups.iter().map(|g| group(g, tiers, lang, false));
    o.put("id", Some(str_j(p.id.trim())))
        .put("label", text(&p.label, lang, label_required))
        .put("groups", Some(J::A(groups.collect())));
    if !p.units.is_empty() {
        let units = p.units.iter().map(|u| part(u, tiers, lang, false));
        o.put("units", Some(J::A(units.collect())));
    }
    o.done()
}

fn source(s: &Source, lang: &str) -> Option<J> {
    if s.name.is_empty() && s.url.trim().is_empty() && s.published.trim().is_empty() {
        return None;
    }
    let mut o = Obj::default();
    o.put("name", text(&s.name, lang, true))
        .put("url", string(&s.url))
        .put("published", string(&s.published));
    Some(o.done())
}

/// Every group of the draft: the top level's, the units', the periods'
/// and the periods' units'.
fn all_groups(d: &Draft) -> impl Iterator<Item = &Group> {
    d.groups
        .iter()
        .chain(d.units.iter().chain(&d.periods).flat_map(|p| &p.groups))
        .chain(
            d.periods
                .iter()
                .flat_map(|p| &p.units)
                .flat_map(|u| &u.groups),
        )
}

/// Whether the draft has a tier not given (`null`, format version 3) in
/// a group with a split.
pub fn needs_version_3(d: &Draft) -> bool {
    all_groups(d).any(|g| g.basis != Basis::None && g.figures.iter().any(|f| f.not_given))
}

/// The lowest format version that holds the draft.
pub fn version(d: &Draft) -> u8 {
    if needs_version_3(d) {
        3
    } else if needs_version_2(d) {
        2
    } else {
        1
    }
}

/// Whether the draft uses a shape of format version 2.
pub fn needs_version_2(d: &Draft) -> bool {
    all_groups(d).any(|g| {
        g.basis != Basis::Counts
            || g.figures.iter().any(|f| {
                !f.value.trim().is_empty()
                    && (f.or_better
                        || !f.approx.trim().is_empty()
                        || number::read_share(&f.value).is_some_and(|n| n.approx.is_some()))
            })
    })
}

/// The results file of a draft, pretty-printed, `$schema` first.
///
/// ```
/// let d = tier_breakdown_draft::draft::Draft::blank();
/// let file = tier_breakdown_draft::write::results_file(&d, "results.schema.json");
/// assert!(file.starts_with("{\n  \"$schema\": \"results.schema.json\",\n  \"version\": 1,"));
/// ```
pub fn results_file(d: &Draft, schema: &str) -> String {
    let lang = d.lang.as_str();
    let mut o = Obj::default();
    o.put("$schema", string(schema))
        .put("version", Some(J::V(Value::from(version(d)))))
        .put("lang", string(lang))
        .put("title", text(&d.title, lang, true))
        .put("subtitle", text(&d.subtitle, lang, false))
        .put("region", text(&d.region, lang, false))
        .put("period", text(&d.period, lang, false))
        .put("period_id", string(&d.period_id))
        .put("source", source(&d.source, lang));
    let notes: Vec<J> = d
        .notes
        .iter()
        .filter_map(|n| text(n, lang, false))
        .collect();
    if !notes.is_empty() {
        o.put("notes", Some(J::A(notes)));
    }
    let tiers = d.tiers.iter().map(|t| {
        let mut o = Obj::default();
        o.put("id", Some(str_j(t.id.trim())))
            .put("label", text(&t.label, lang, true))
            .put("short", text(&t.short, lang, false))
            .put("color", string(&t.color));
        o.done()
    });
    o.put("tiers", Some(J::A(tiers.collect())));
    o.put("fail_from", string(d.fail_from.trim()));
    let groups = d.groups.iter().map(|g| group(g, &d.tiers, lang, true));
    o.put("groups", Some(J::A(groups.collect())));
    for (key, parts) in [("units", &d.units), ("periods", &d.periods)] {
        if !parts.is_empty() {
            let parts = parts.iter().map(|p| part(p, &d.tiers, lang, true));
            o.put(key, Some(J::A(parts.collect())));
        }
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    if o.done().serialize(&mut ser).is_err() {
        return String::new();
    }
    let mut text = String::from_utf8(out).unwrap_or_default();
    text.push('\n');
    text
}

// ---- reading a results file into a draft ----

fn read_text(v: Option<&Value>, lang: &str) -> Text {
    match v {
        Some(Value::String(s)) => {
            let mut t = Text::default();
            *t.get_mut(lang) = s.clone();
            t
        }
        Some(Value::Object(m)) => {
            let get = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            Text {
                vi: get("vi"),
                en: get("en"),
            }
        }
        _ => Text::default(),
    }
}

fn read_string(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => number_text(n),
        _ => String::new(),
    }
}

/// A number from a file as the draft keeps it: written so that reading it
/// back gives the same number. `12.345` would read as twelve thousand
/// (`.` grouping thousands, as Vietnamese writes counts), so a fraction of
/// exactly three digits gets a trailing zero (`12.3450`).
fn number_text(n: &serde_json::Number) -> String {
    let s = n.to_string();
    match s.split_once('.') {
        Some((_, frac)) if frac.len() == 3 && frac.bytes().all(|b| b.is_ascii_digit()) => s + "0",
        _ => s,
    }
}

fn read_figure(v: Option<&Value>) -> Figure {
    match v {
        Some(Value::Object(m)) => Figure {
            value: read_string(m.get("or_better").or(m.get("value"))),
            or_better: m.contains_key("or_better"),
            approx: read_string(m.get("approx")),
            not_given: false,
        },
        Some(Value::Null) => Figure {
            not_given: true,
            ..Figure::default()
        },
        other => Figure {
            value: read_string(other),
            ..Figure::default()
        },
    }
}

fn read_group(v: &Value, tiers: &[Tier], lang: &str) -> Group {
    let get = |k: &str| v.get(k);
    let (basis, figures) = match (get("counts"), get("shares")) {
        (Some(c), _) => (Basis::Counts, Some(c)),
        (None, Some(s)) => (Basis::Shares, Some(s)),
        (None, None) => (Basis::None, None),
    };
    Group {
        id: read_string(get("id")),
        label: read_text(get("label"), lang),
        total: read_string(get("total")),
        evaluated: read_string(get("evaluated")),
        basis,
        figures: tiers
            .iter()
            .map(|t| read_figure(figures.and_then(|f| f.get(&t.id))))
            .collect(),
    }
}

fn read_parts(v: Option<&Value>, tiers: &[Tier], lang: &str) -> Vec<Part> {
    let list = v
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    list.iter()
        .map(|p| Part {
            id: read_string(p.get("id")),
            label: read_text(p.get("label"), lang),
            groups: p
                .get("groups")
                .and_then(Value::as_array)
                .map(|gs| gs.iter().map(|g| read_group(g, tiers, lang)).collect())
                .unwrap_or_default(),
            units: read_parts(p.get("units"), tiers, lang),
        })
        .collect()
}

/// Why a file could not be opened in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not JSON at all (or too big): the core's problem, with its place.
    Unreadable(Problem),
    /// JSON, but not an object.
    NotAnObject,
}

/// A results file (any version, valid or not, as long as it is a JSON
/// object) as a draft, to go on editing it. What the form has no field
/// for is left out.
pub fn open(file: &str) -> Result<Draft, OpenError> {
    tier_breakdown_core::validate::parse(file).map_err(OpenError::Unreadable)?;
    let v: Value = serde_json::from_str(file.trim_start_matches('\u{feff}'))
        .map_err(|_| OpenError::NotAnObject)?;
    if !v.is_object() {
        return Err(OpenError::NotAnObject);
    }
    let lang = match v.get("lang").and_then(Value::as_str) {
        Some(l) if l.to_ascii_lowercase().starts_with("en") => "en",
        _ => "vi",
    };
    let tiers: Vec<Tier> = v
        .get("tiers")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .map(|t| Tier {
            id: read_string(t.get("id")),
            label: read_text(t.get("label"), lang),
            short: read_text(t.get("short"), lang),
            color: read_string(t.get("color")),
        })
        .collect();
    let notes = match v.get("notes") {
        Some(Value::Array(list)) => list.iter().map(|n| read_text(Some(n), lang)).collect(),
        Some(n) => vec![read_text(Some(n), lang)],
        None => Vec::new(),
    };
    let source = v.get("source");
    let groups = v
        .get("groups")
        .and_then(Value::as_array)
        .map(|gs| gs.iter().map(|g| read_group(g, &tiers, lang)).collect())
        .unwrap_or_default();
    Ok(Draft {
        lang: lang.to_string(),
        title: read_text(v.get("title"), lang),
        subtitle: read_text(v.get("subtitle"), lang),
        region: read_text(v.get("region"), lang),
        period: read_text(v.get("period"), lang),
        period_id: read_string(v.get("period_id")),
        source: Source {
            name: read_text(source.and_then(|s| s.get("name")), lang),
            url: read_string(source.and_then(|s| s.get("url"))),
            published: read_string(source.and_then(|s| s.get("published"))),
        },
        notes,
        units: read_parts(v.get("units"), &tiers, lang),
        periods: read_parts(v.get("periods"), &tiers, lang),
        groups,
        tiers,
        fail_from: read_string(v.get("fail_from")),
    })
}

// ---- from a problem's place to the form's field ----

/// The id of the form field for a JSON path, as the form names its
/// controls: `groups[1].counts.good` → `f-groups-1-fig-1` (figures by tier
/// position), `title` → `f-title-vi` (a text's language in the file's).
pub fn field_id(d: &Draft, path: &str) -> String {
    let mut out = vec!["f".to_string()];
    let mut figures = false;
    let mut text_leaf = false;
    for seg in segments(path) {
        if figures {
            figures = false;
            // A tier the draft does not have: the group's basis, not some tier's figure.
            match d.tiers.iter().position(|t| t.id.trim() == seg) {
                Some(pos) => {
                    out.push("fig".into());
                    out.push(pos.to_string());
                }
                None => {
                    out.push("basis".into());
                    break;
                }
            }
            continue;
        }
        match seg.as_str() {
            "counts" | "shares" => figures = true,
            "value" | "or_better" => {}
            "approx" => {
                if out.iter().rev().nth(1).map(String::as_str) == Some("fig") {
                    let n = out.len() - 2;
                    out[n] = "approx".into();
                }
            }
            "vi" | "en" if text_leaf => {
                out.push(seg);
                text_leaf = false;
                continue;
            }
            _ => out.push(seg.clone()),
        }
        text_leaf = matches!(
            seg.as_str(),
            "title" | "subtitle" | "region" | "period" | "name" | "label" | "short"
        ) || (out.len() == 3 && out[1] == "notes");
    }
    if figures {
        out.push("fig".into());
        out.push("0".into());
    }
    if text_leaf {
        out.push(if d.lang == "en" { "en" } else { "vi" }.into());
    }
    out.join("-")
}

/// `groups[1].counts.good` → `groups`, `1`, `counts`, `good`.
pub(crate) fn segments(path: &str) -> Vec<String> {
    path.split(['.', '['])
        .map(|s| s.trim_end_matches(']'))
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_matches('"').to_string())
        .collect()
}

/// The fields a problem is about, most precise first: the editor focuses
/// the first one its form has (a missing tier → that tier's figure; a sum
/// that does not add up → the group's first figure, then the group).
pub fn fields_for(d: &Draft, p: &Problem) -> Vec<String> {
    let path = match &p.kind {
        ProblemKind::MissingTier { id } => format!("{}.{id}", p.path),
        _ => p.path.clone(),
    };
    let mut out = vec![field_id(d, &path)];
    let mut segs = segments(&path);
    while segs.pop().is_some() && !segs.is_empty() {
        let shorter = rebuild(&segs);
        let id = field_id(d, &shorter);
        if !out.contains(&id) {
            out.push(id.clone());
        }
        // A list or a group: its first field (`id`), then the list itself.
        let first = format!("{id}-id");
        if !out.contains(&first) && segs.last().is_some_and(|s| s.parse::<usize>().is_ok()) {
            out.push(first);
        }
    }
    out
}

fn rebuild(segs: &[String]) -> String {
    let mut s = String::new();
    for seg in segs {
        if seg.parse::<usize>().is_ok() {
            s.push_str(&format!("[{seg}]"));
        } else {
            if !s.is_empty() {
                s.push('.');
            }
            s.push_str(seg);
        }
    }
    s
}

/// What of `file` the draft leaves out (fields the form has no place
/// for, such as a period's own units): their JSON paths, for the editor to
/// say before the user saves over them.
///
/// ```
/// let file = r#"{"version": 1, "lang": "vi", "title": "T", "extra": 1, "tiers": [], "groups": []}"#;
/// let d = tier_breakdown_draft::write::open(file).unwrap();
/// assert_eq!(tier_breakdown_draft::write::left_out(file, &d), ["extra"]);
/// ```
pub fn left_out(file: &str, d: &Draft) -> Vec<String> {
    let (Ok(before), Ok(after)) = (
        serde_json::from_str::<Value>(file.trim_start_matches('\u{feff}')),
        serde_json::from_str::<Value>(&results_file(d, "")),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    missing(&before, &after, String::new(), &mut out);
    out.retain(|p| p != "$schema");
    out
}

fn missing(before: &Value, after: &Value, path: String, out: &mut Vec<String>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            for (k, v) in b {
                match a.get(k) {
                    Some(w) => missing(v, w, join(k), out),
                    None => out.push(join(k)),
                }
            }
        }
        (Value::Array(b), Value::Array(a)) => {
            for (i, v) in b.iter().enumerate() {
                match a.get(i) {
                    Some(w) => missing(v, w, format!("{path}[{i}]"), out),
                    None => out.push(format!("{path}[{i}]")),
                }
            }
        }
        _ => {}
    }
}
