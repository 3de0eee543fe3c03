//! A form for every field of the format: the file's texts and source,
//! notes, tiers, groups (with counts or shares, "or better" and
//! approximate marks, or coverage only), sub-units and other periods.
//! Every control is labelled and has the id [`write::field_id`] gives its
//! JSON path, so a problem's link can focus it.
//!
//! [`write::field_id`]: tier_breakdown_draft::write::field_id

use leptos::prelude::*;
use tier_breakdown_draft::draft::{Basis, Draft, Group, Part, Text};
use tier_breakdown_draft::number::APPROX_WORDS;
use tier_breakdown_draft::words::W;

use crate::state::Ed;

/// Reads a string out of the draft.
pub(crate) trait Reads: Fn(&Draft) -> String + Send + Sync + Clone + 'static {}
impl<F: Fn(&Draft) -> String + Send + Sync + Clone + 'static> Reads for F {}
/// Writes a string into the draft.
pub(crate) trait Writes: Fn(&mut Draft, String) + Send + Sync + Clone + 'static {}
impl<F: Fn(&mut Draft, String) + Send + Sync + Clone + 'static> Writes for F {}

/// A labelled one-line input bound to a place in the draft.
pub(crate) fn input(
    ed: Ed,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    get: impl Reads,
    set: impl Writes,
) -> impl IntoView {
    view! {
        <div class="ed-field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" autocomplete="off" spellcheck="false"
                prop:value=move || ed.draft.with(|d| get(d))
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ed.draft.update(|d| set(d, v));
                } />
        </div>
    }
}

/// A text in Vietnamese and in English: two inputs, `{id}-vi` and `{id}-en`.
fn text_pair(
    ed: Ed,
    id: String,
    label: W,
    get: impl Fn(&Draft) -> Option<&Text> + Send + Sync + Clone + 'static,
    set: impl Fn(&mut Draft) -> Option<&mut Text> + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let one = move |code: &'static str, lang_word: W| {
        let (get, set) = (get.clone(), set.clone());
        input(
            ed,
            format!("{id}-{code}"),
            move || format!("{} ({})", ed.w(label), ed.w(lang_word)),
            move |d: &Draft| get(d).map(|t| t.get(code).to_string()).unwrap_or_default(),
            move |d: &mut Draft, v| {
                if let Some(t) = set(d) {
                    *t.get_mut(code) = v;
                }
            },
        )
    };
    view! { <div class="ed-pair">{one("vi", W::InVi)}{one("en", W::InEn)}</div> }
}

/// A labelled select bound to a place in the draft.
fn select(
    ed: Ed,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    get: impl Reads,
    set: impl Writes,
) -> impl IntoView {
    let current = move || ed.draft.with(|d| get(d));
    view! {
        <div class="ed-field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                ed.draft.update(|d| set(d, v));
            }>
                {move || {
                    let now = current();
                    options().into_iter().map(|(value, text)| {
                        let selected = value == now;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

fn button(
    label: impl Fn() -> String + Send + Sync + 'static,
    class: &'static str,
    on: impl Fn() + 'static,
) -> impl IntoView {
    view! { <button type="button" class=class on:click=move |_| on()>{label}</button> }
}

/// Indices `0..n` of a list in the draft, for `<For>`.
fn indices(
    ed: Ed,
    len: impl Fn(&Draft) -> usize + Send + Sync + 'static,
) -> impl Fn() -> Vec<usize> + Send + Sync + 'static {
    move || (0..ed.draft.with(|d| len(d))).collect()
}

/// Section 3: everything the file says.
#[component]
pub fn Contents(ed: Ed) -> impl IntoView {
    let lang_options = move || {
        vec![
            ("vi".to_string(), ed.w(W::InVi)),
            ("en".to_string(), ed.w(W::InEn)),
        ]
    };
    view! {
        <section class="ed-card" aria-labelledby="ed-contents">
            <h2 id="ed-contents">{move || ed.w(W::Contents)}</h2>
            {select(ed, "f-lang".into(), move || ed.w(W::FileLang), lang_options,
                |d: &Draft| d.lang.clone(), |d: &mut Draft, v| d.lang = v)}
            {text_pair(ed, "f-title".into(), W::Title, |d| Some(&d.title), |d| Some(&mut d.title))}
            {text_pair(ed, "f-subtitle".into(), W::Subtitle, |d| Some(&d.subtitle), |d| Some(&mut d.subtitle))}
            {text_pair(ed, "f-region".into(), W::Region, |d| Some(&d.region), |d| Some(&mut d.region))}
            {text_pair(ed, "f-period".into(), W::Period, |d| Some(&d.period), |d| Some(&mut d.period))}
            {input(ed, "f-period_id".into(), move || ed.w(W::PeriodId),
                |d: &Draft| d.period_id.clone(), |d: &mut Draft, v| d.period_id = v)}
            <fieldset class="ed-set" id="f-source" tabindex="-1">
                <legend>{move || ed.w(W::Source)}</legend>
                {text_pair(ed, "f-source-name".into(), W::SourceName, |d| Some(&d.source.name), |d| Some(&mut d.source.name))}
                {input(ed, "f-source-url".into(), move || ed.w(W::SourceUrl),
                    |d: &Draft| d.source.url.clone(), |d: &mut Draft, v| d.source.url = v)}
                {input(ed, "f-source-published".into(), move || format!("{} (YYYY-MM-DD)", ed.w(W::Published)),
                    |d: &Draft| d.source.published.clone(), |d: &mut Draft, v| d.source.published = v)}
            </fieldset>
            <Notes ed=ed />
            <Tiers ed=ed />
            <Groups ed=ed />
            <Parts ed=ed units=true />
            <Parts ed=ed units=false />
        </section>
    }
}

#[component]
fn Notes(ed: Ed) -> impl IntoView {
    view! {
        <fieldset class="ed-set" id="f-notes" tabindex="-1">
            <legend>{move || ed.w(W::Notes)}</legend>
            <For each=indices(ed, |d| d.notes.len()) key=|i| *i children=move |i| view! {
                <div class="ed-item">
                    {text_pair(ed, format!("f-notes-{i}"), W::Note,
                        move |d| d.notes.get(i), move |d| d.notes.get_mut(i))}
                    {button(move || ed.w(W::Remove), "ed-small",
                        move || ed.draft.update(|d| { if i < d.notes.len() { d.notes.remove(i); } }))}
                </div>
            } />
            {button(move || ed.w(W::AddNote), "ed-add", move || ed.draft.update(|d| d.notes.push(Text::default())))}
        </fieldset>
    }
}

#[component]
fn Tiers(ed: Ed) -> impl IntoView {
    view! {
        <fieldset class="ed-set" id="f-tiers" tabindex="-1">
            <legend>{move || ed.w(W::Tiers)}</legend>
            <For each=indices(ed, |d| d.tiers.len()) key=|i| *i children=move |i| view! {
                <div class="ed-item">
                    <h3 class="ed-item-head">{move || format!("{} {}", ed.w(W::Tier), i + 1)}</h3>
                    {input(ed, format!("f-tiers-{i}-id"), move || ed.w(W::Id),
                        move |d: &Draft| d.tiers.get(i).map(|t| t.id.clone()).unwrap_or_default(),
                        move |d: &mut Draft, v| if let Some(t) = d.tiers.get_mut(i) { t.id = v })}
                    {text_pair(ed, format!("f-tiers-{i}-label"), W::Label,
                        move |d| d.tiers.get(i).map(|t| &t.label), move |d| d.tiers.get_mut(i).map(|t| &mut t.label))}
                    {text_pair(ed, format!("f-tiers-{i}-short"), W::Short,
                        move |d| d.tiers.get(i).map(|t| &t.short), move |d| d.tiers.get_mut(i).map(|t| &mut t.short))}
                    {input(ed, format!("f-tiers-{i}-color"), move || format!("{} (#rrggbb; {})", ed.w(W::Colour), ed.w(W::NoColour).to_lowercase()),
                        move |d: &Draft| d.tiers.get(i).map(|t| t.color.clone()).unwrap_or_default(),
                        move |d: &mut Draft, v| if let Some(t) = d.tiers.get_mut(i) { t.color = v })}
                    <div class="ed-row">
                        {(i > 0).then(|| button(move || ed.w(W::MoveUp), "ed-small", move || ed.draft.update(|d| d.raise_tier(i))))}
                        {button(move || ed.w(W::Remove), "ed-small", move || ed.draft.update(|d| d.remove_tier(i)))}
                    </div>
                </div>
            } />
            {button(move || ed.w(W::AddTier), "ed-add", move || ed.draft.update(|d| {
                let n = d.tiers.len() + 1;
                let label = if d.lang == "en" { format!("Tier {n}") } else { format!("Mức {n}") };
                d.add_tier(&label);
            }))}
        </fieldset>
    }
}

/// Where a group's figures are: the top-level group `i`, or group `j` of
/// unit (or period) `k`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    Top(usize),
    Unit(usize, usize),
    Period(usize, usize),
}

impl At {
    fn group(self, d: &Draft) -> Option<&Group> {
        match self {
            At::Top(i) => d.groups.get(i),
            At::Unit(k, j) => d.units.get(k)?.groups.get(j),
            At::Period(k, j) => d.periods.get(k)?.groups.get(j),
        }
    }

    fn group_mut(self, d: &mut Draft) -> Option<&mut Group> {
        match self {
            At::Top(i) => d.groups.get_mut(i),
            At::Unit(k, j) => d.units.get_mut(k)?.groups.get_mut(j),
            At::Period(k, j) => d.periods.get_mut(k)?.groups.get_mut(j),
        }
    }

    /// The id prefix of the block's fields, as [`write::field_id`] names them.
    ///
    /// [`write::field_id`]: tier_breakdown_draft::write::field_id
    fn prefix(self) -> String {
        match self {
            At::Top(i) => format!("f-groups-{i}"),
            At::Unit(k, j) => format!("f-units-{k}-groups-{j}"),
            At::Period(k, j) => format!("f-periods-{k}-groups-{j}"),
        }
    }
}

/// A tier's name in the editor's language (else the other, else its id).
fn tier_name(d: &Draft, i: usize, lang: &str) -> String {
    d.tiers.get(i).map_or_else(String::new, |t| {
        [
            t.label.get(lang),
            t.label.get(if lang == "en" { "vi" } else { "en" }),
            &t.id,
        ]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("")
        .to_string()
    })
}

/// A group's figures: total, evaluated, the basis, and one figure per tier
/// with its "or better" and approximate marks.
fn figures(ed: Ed, at: At) -> impl IntoView {
    let p = at.prefix();
    let str_of = move |f: fn(&Group) -> &String| {
        move |d: &Draft| at.group(d).map(|g| f(g).clone()).unwrap_or_default()
    };
    let basis_options = move || {
        vec![
            ("counts".to_string(), ed.w(W::Counts)),
            ("shares".to_string(), ed.w(W::Shares)),
            ("none".to_string(), ed.w(W::CoverageOnly)),
        ]
    };
    let shares = move || {
        ed.draft
            .with(|d| at.group(d).is_some_and(|g| g.basis == Basis::Shares))
    };
    let split = move || {
        ed.draft
            .with(|d| at.group(d).is_some_and(|g| g.basis != Basis::None))
    };
    let tier_row = move |j: usize| {
        let p = at.prefix();
        let approx_options = move || {
            let words = [W::Exact, W::About, W::Nearly, W::Over, W::Under];
            std::iter::once(String::new())
                .chain(APPROX_WORDS.iter().map(|a| a.to_string()))
                .zip(words)
                .map(|(v, k)| (v, ed.w(k)))
                .collect()
        };
        let name = move || ed.draft.with(|d| tier_name(d, j, ed.lang.get().code()));
        let orb_id = format!("{p}-orb-{j}");
        view! {
            <div class="ed-fig">
                {input(ed, format!("{p}-fig-{j}"),
                    move || if shares() { format!("{} (%)", name()) } else { name() },
                    move |d: &Draft| at.group(d).and_then(|g| g.figures.get(j)).map(|f| f.value.clone()).unwrap_or_default(),
                    move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.figure_mut(j).value = v })}
                <div class="ed-check">
                    <input type="checkbox" id=orb_id.clone()
                        prop:checked=move || ed.draft.with(|d| at.group(d).and_then(|g| g.figures.get(j)).is_some_and(|f| f.or_better))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ed.draft.update(|d| if let Some(g) = at.group_mut(d) { g.figure_mut(j).or_better = on });
                        } />
                    <label for=orb_id>{move || format!("{}: {}", name(), ed.w(W::OrBetter))}</label>
                </div>
                {select(ed, format!("{p}-approx-{j}"), move || format!("{}: {}", name(), ed.w(W::Approx)), approx_options,
                    move |d: &Draft| at.group(d).and_then(|g| g.figures.get(j)).map(|f| f.approx.clone()).unwrap_or_default(),
                    move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.figure_mut(j).approx = v })}
            </div>
        }
    };
    view! {
        <div class="ed-pair">
            {input(ed, format!("{p}-total"), move || ed.w(W::Total), str_of(|g| &g.total),
                move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.total = v })}
            {input(ed, format!("{p}-evaluated"), move || ed.w(W::Evaluated), str_of(|g| &g.evaluated),
                move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.evaluated = v })}
        </div>
        {select(ed, format!("{p}-basis"), move || ed.w(W::FiguresAs), basis_options,
            move |d: &Draft| match at.group(d).map(|g| g.basis) {
                Some(Basis::Shares) => "shares".into(),
                Some(Basis::None) => "none".into(),
                _ => "counts".into(),
            },
            move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) {
                g.basis = match v.as_str() { "shares" => Basis::Shares, "none" => Basis::None, _ => Basis::Counts };
            })}
        <Show when=split>
            <div class="ed-figs">
                <For each=indices(ed, |d| d.tiers.len()) key=|j| *j children=tier_row />
            </div>
        </Show>
    }
}

#[component]
fn Groups(ed: Ed) -> impl IntoView {
    view! {
        <fieldset class="ed-set" id="f-groups" tabindex="-1">
            <legend>{move || ed.w(W::Groups)}</legend>
            <For each=indices(ed, |d| d.groups.len()) key=|i| *i children=move |i| view! {
                <div class="ed-item">
                    <h3 class="ed-item-head">{move || format!("{} {}", ed.w(W::Group), i + 1)}</h3>
                    {input(ed, format!("f-groups-{i}-id"), move || ed.w(W::Id),
                        move |d: &Draft| d.groups.get(i).map(|g| g.id.clone()).unwrap_or_default(),
                        move |d: &mut Draft, v| if let Some(g) = d.groups.get_mut(i) { g.id = v })}
                    {text_pair(ed, format!("f-groups-{i}-label"), W::Label,
                        move |d| d.groups.get(i).map(|g| &g.label), move |d| d.groups.get_mut(i).map(|g| &mut g.label))}
                    {figures(ed, At::Top(i))}
                    {button(move || ed.w(W::Remove), "ed-small",
                        move || ed.draft.update(|d| { if i < d.groups.len() { d.groups.remove(i); } }))}
                </div>
            } />
            {button(move || ed.w(W::AddGroup), "ed-add", move || ed.draft.update(|d| {
                let n = d.groups.len() + 1;
                let label = if d.lang == "en" { format!("Group {n}") } else { format!("Nhóm {n}") };
                let id = d.fresh_id(&label, |d| d.groups.iter().map(|g| g.id.clone()).collect());
                let mut g = Group { id, ..Group::default() };
                *g.label.get_mut(&d.lang.clone()) = label;
                d.groups.push(g);
            }))}
        </fieldset>
    }
}

/// Sub-units (`units=true`) or other periods: each with its id, label,
/// and figures for some of the groups.
#[component]
fn Parts(ed: Ed, units: bool) -> impl IntoView {
    let (key, heading, one, add) = if units {
        ("units", W::Units, W::Unit, W::AddUnit)
    } else {
        ("periods", W::Periods, W::OtherPeriod, W::AddPeriod)
    };
    let list: fn(&Draft) -> &Vec<Part> = if units { |d| &d.units } else { |d| &d.periods };
    let list_mut: fn(&mut Draft) -> &mut Vec<Part> = if units {
        |d| &mut d.units
    } else {
        |d| &mut d.periods
    };
    let at = move |k: usize, j: usize| {
        if units {
            At::Unit(k, j)
        } else {
            At::Period(k, j)
        }
    };
    let part = move |k: usize| {
        let missing = move || {
            ed.draft.with(|d| {
                let have: Vec<String> = list(d)
                    .get(k)
                    .map(|p| p.groups.iter().map(|g| g.id.clone()).collect())
                    .unwrap_or_default();
                d.groups
                    .iter()
                    .filter(|g| !have.contains(&g.id))
                    .map(|g| {
                        (
                            g.id.clone(),
                            [
                                g.label.get(ed.lang.get().code()),
                                &g.label.vi,
                                &g.label.en,
                                &g.id,
                            ]
                            .into_iter()
                            .find(|s| !s.is_empty())
                            .unwrap_or("")
                            .to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        };
        view! {
            <div class="ed-item">
                <h3 class="ed-item-head">{move || format!("{} {}", ed.w(one), k + 1)}</h3>
                {input(ed, format!("f-{key}-{k}-id"), move || ed.w(W::Id),
                    move |d: &Draft| list(d).get(k).map(|p| p.id.clone()).unwrap_or_default(),
                    move |d: &mut Draft, v| if let Some(p) = list_mut(d).get_mut(k) { p.id = v })}
                {text_pair(ed, format!("f-{key}-{k}-label"), W::Label,
                    move |d| list(d).get(k).map(|p| &p.label), move |d| list_mut(d).get_mut(k).map(|p| &mut p.label))}
                <For each=indices(ed, move |d| list(d).get(k).map_or(0, |p| p.groups.len())) key=|j| *j children=move |j| {
                    let gid = move || ed.draft.with(|d| list(d).get(k).and_then(|p| p.groups.get(j)).map(|g| g.id.clone()).unwrap_or_default());
                    view! {
                        <fieldset class="ed-set ed-sub" id=format!("f-{key}-{k}-groups-{j}") tabindex="-1">
                            <legend>{gid}</legend>
                            {figures(ed, at(k, j))}
                            {button(move || ed.w(W::Remove), "ed-small", move || ed.draft.update(|d| {
                                if let Some(p) = list_mut(d).get_mut(k) { if j < p.groups.len() { p.groups.remove(j); } }
                            }))}
                        </fieldset>
                    }
                } />
                <div class="ed-row">
                    {move || missing().into_iter().map(|(id, name)| {
                        let label = format!("{} {name}", ed.w(W::AddFiguresFor));
                        button(move || label.clone(), "ed-small", move || {
                            let id = id.clone();
                            ed.draft.update(|d| if let Some(p) = list_mut(d).get_mut(k) {
                                p.groups.push(Group { id, ..Group::default() });
                            });
                        })
                    }).collect_view()}
                    {button(move || ed.w(W::Remove), "ed-small",
                        move || ed.draft.update(|d| { let l = list_mut(d); if k < l.len() { l.remove(k); } }))}
                </div>
            </div>
        }
    };
    view! {
        <fieldset class="ed-set" id=format!("f-{key}") tabindex="-1">
            <legend>{move || ed.w(heading)}</legend>
            <For each=indices(ed, move |d| list(d).len()) key=|k| *k children=part />
            {button(move || ed.w(add), "ed-add", move || ed.draft.update(|d| {
                let n = list(d).len() + 1;
                let label = format!("{} {n}", tier_breakdown_draft::words::w(if d.lang == "en" { tier_breakdown_core::i18n::UiLang::En } else { tier_breakdown_core::i18n::UiLang::Vi }, one));
                let id = d.fresh_id(&label, move |d| list(d).iter().map(|p| p.id.clone()).collect());
                let mut p = Part { id, ..Part::default() };
                *p.label.get_mut(&d.lang.clone()) = label;
                let first = d.groups.first().map(|g| g.id.clone());
                if let Some(gid) = first {
                    p.groups.push(Group { id: gid, ..Group::default() });
                }
                list_mut(d).push(p);
            }))}
        </fieldset>
    }
}
