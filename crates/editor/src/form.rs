//! A form for every field of the format: the file's texts and source,
//! notes, tiers, groups (with counts or shares, "or better" and
//! approximate marks, or coverage only), sub-units and other periods.
//! Every control is labelled and has the id [`write::field_id`] gives its
//! JSON path, so a problem's link can focus it.
//!
//! [`write::field_id`]: tier_breakdown_draft::write::field_id

use leptos::prelude::*;
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_draft::choice::Choice;
use tier_breakdown_draft::draft::{Basis, Draft, Figure, Group, Part, Switched, Text};
use tier_breakdown_draft::number::APPROX_WORDS;
use tier_breakdown_draft::words::{w, W};

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
    let (here, problem_id) = problems_of(ed, &id);
    let bad = has_error(here);
    view! {
        <div class="ed-field">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="text" autocomplete="off" spellcheck="false"
                aria-invalid=move || bad().then_some("true")
                aria-describedby={let p = problem_id.clone(); move || here.with(|h| !h.is_empty()).then(|| p.clone())}
                prop:value=move || ed.draft.with(|d| get(d))
                on:input={let id = id.clone(); move |ev| {
                    let v = event_target_value(&ev);
                    ed.touch(&id);
                    ed.draft.update(|d| set(d, v));
                }} />
            {crate::text::from_text(ed, id)}
            {problem_list(here, problem_id)}
        </div>
    }
}

/// A text in Vietnamese and in English: two inputs, `{id}-vi` and `{id}-en`.
pub(crate) fn text_pair(
    ed: Ed,
    id: String,
    label: W,
    get: impl Fn(&Draft) -> Option<&Text> + Send + Sync + Clone + 'static,
    set: impl Fn(&mut Draft) -> Option<&mut Text> + Send + Sync + Clone + 'static,
) -> impl IntoView {
    // The language typed in last: the other one may now say something else.
    let edited = RwSignal::new(None::<&'static str>);
    let one = {
        let (get, set, id) = (get.clone(), set.clone(), id.clone());
        move |code: &'static str, lang_word: W| {
            let (get, set) = (get.clone(), set.clone());
            input(
                ed,
                format!("{id}-{code}"),
                move || format!("{} ({})", ed.w(label), ed.w(lang_word)),
                move |d: &Draft| get(d).map(|t| t.get(code).to_string()).unwrap_or_default(),
                move |d: &mut Draft, v| {
                    if let Some(t) = set(d) {
                        *t.get_mut(code) = v;
                        edited.set(Some(code));
                    }
                },
            )
        }
    };
    view! {
        <div class="ed-pair">{one("vi", W::InVi)}{one("en", W::InEn)}</div>
        {other_language(ed, id, edited, get, set)}
    }
}

/// After one language of a text was changed, the other one's old text,
/// with an offer to update it (focus it) or clear it: a renamed group does
/// not keep its old English name unseen.
fn other_language(
    ed: Ed,
    id: String,
    edited: RwSignal<Option<&'static str>>,
    get: impl Fn(&Draft) -> Option<&Text> + Send + Sync + Clone + 'static,
    set: impl Fn(&mut Draft) -> Option<&mut Text> + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let other = move || edited.get().map(|c| if c == "vi" { "en" } else { "vi" });
    // The other language's text, if the user changed this one and it says something.
    let old = Memo::new(move |_| {
        let code = other()?;
        let text = ed
            .draft
            .with(|d| get(d).map(|t| t.get(code).trim().to_string()))?;
        (!text.is_empty()).then_some((code, text))
    });
    let target = format!("{id}-");
    let focus = move |_| {
        if let Some(code) = other() {
            edited.set(None);
            crate::browser::focus_first(&[format!("{target}{code}")]);
        }
    };
    let clear = move |_| {
        if let Some(code) = other() {
            edited.set(None);
            ed.draft.update(|d| {
                if let Some(t) = set(d) {
                    t.get_mut(code).clear();
                }
            });
        }
    };
    let said = move || {
        old.get().map(|(code, text)| {
            let k = if code == "en" { W::InEn } else { W::InVi };
            format!("{} ({}): “{text}”.", ed.w(W::OtherStill), ed.w(k))
        })
    };
    view! {
        <p class="ed-hint ed-other-lang" id=format!("{id}-other") hidden=move || old.with(Option::is_none)>
            {said}" "
            <button type="button" class="ed-small" on:click=focus>{move || ed.w(W::UpdateIt)}</button>
            " "
            <button type="button" class="ed-small" on:click=clear>{move || ed.w(W::ClearIt)}</button>
        </p>
    }
}

/// A labelled select bound to a place in the draft.
fn select(
    ed: Ed,
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    (get, set): (impl Reads, impl Writes),
) -> impl IntoView {
    let current = move || ed.draft.with(|d| get(d));
    let (here, problem_id) = problems_of(ed, &id);
    let bad = has_error(here);
    view! {
        <div class="ed-field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone()
                aria-invalid=move || bad().then_some("true")
                aria-describedby={let p = problem_id.clone(); move || here.with(|h| !h.is_empty()).then(|| p.clone())}
                on:change={let id = id.clone(); move |ev| {
                let v = event_target_value(&ev);
                ed.touch(&id);
                ed.draft.update(|d| set(d, v));
            }}>
                {move || {
                    let now = current();
                    let mut list = options();
                    // A value from an opened file that is not one of the
                    // choices stays visible (its problem says why).
                    if !list.iter().any(|(v, _)| *v == now) {
                        list.push((now.clone(), now.clone()));
                    }
                    list.into_iter().map(|(value, text)| {
                        let selected = value == now;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
            {problem_list(here, problem_id)}
        </div>
    }
}

/// What is said about one field: (message, is an error), errors first.
type FieldSaid = Memo<Vec<(String, bool)>>;

/// The problems of the field `id`, and the id of the element that lists them.
fn problems_of(ed: Ed, id: &str) -> (FieldSaid, String) {
    let here = {
        let id = id.to_string();
        Memo::new(move |_| ed.problems_at(&id))
    };
    (here, format!("{id}-problem"))
}

/// Whether one of the field's problems is an error.
fn has_error(here: FieldSaid) -> impl Fn() -> bool + Send + Sync + Copy + 'static {
    move || here.with(|p| p.iter().any(|(_, error)| *error))
}

/// The list under a field of what is wrong with it.
fn problem_list(here: FieldSaid, problem_id: String) -> impl IntoView {
    view! {
        <Show when=move || here.with(|h| !h.is_empty())>
            <ul class="ed-field-problems" id=problem_id.clone()>
                {move || here.get().into_iter().map(|(m, error)| view! {
                    <li class:ed-error=error class:ed-warning=!error>{m}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

fn button(
    label: impl Fn() -> String + Send + Sync + 'static,
    class: &'static str,
    on: impl Fn() + 'static,
) -> impl IntoView {
    view! { <button type="button" class=class on:click=move |_| on()>{label}</button> }
}

/// A list's "Add" button, `{list}-add`, where the focus goes after a Remove.
fn add_button(
    list: &str,
    label: impl Fn() -> String + Send + Sync + 'static,
    on: impl Fn() + 'static,
) -> impl IntoView {
    view! { <button type="button" class="ed-add" id=format!("{list}-add") on:click=move |_| on()>{label}</button> }
}

/// A list's "Remove" button: removes, then puts the focus on the list's Add
/// button (the removed entry's controls are gone).
fn remove_button(ed: Ed, list: String, on: impl Fn(&mut Draft) + 'static) -> impl IntoView {
    button(
        move || ed.w(W::Remove),
        "ed-small",
        move || {
            ed.draft.update(|d| on(d));
            crate::browser::focus_soon(vec![format!("{list}-add")]);
        },
    )
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
        <section class="ed-card ed-contents" aria-labelledby="ed-contents">
            <h2 id="ed-contents">{move || ed.w(W::Contents)}</h2>
            {select(ed, "f-lang".into(), move || ed.w(W::FileLang), lang_options,
                (|d: &Draft| d.lang.clone(), |d: &mut Draft, v| d.lang = v))}
            {text_pair(ed, "f-subtitle".into(), W::Subtitle, |d| Some(&d.subtitle), |d| Some(&mut d.subtitle))}
            {text_pair(ed, "f-region".into(), W::Region, |d| Some(&d.region), |d| Some(&mut d.region))}
            {text_pair(ed, "f-period".into(), W::Period, |d| Some(&d.period), |d| Some(&mut d.period))}
            {input(ed, "f-period_id".into(), move || ed.w(W::PeriodId),
                |d: &Draft| d.period_id.clone(), |d: &mut Draft, v| d.period_id = v)}
            <fieldset class="ed-set" id="f-source" tabindex="-1">
                <legend>{move || ed.w(W::Source)}</legend>
                {input(ed, "f-source-url".into(), move || ed.w(W::SourceUrl),
                    |d: &Draft| d.source.url.clone(), |d: &mut Draft, v| d.source.url = v)}
                {input(ed, "f-source-published".into(), move || format!("{} (YYYY-MM-DD)", ed.w(W::Published)),
                    |d: &Draft| d.source.published.clone(), |d: &mut Draft, v| d.source.published = v)}
            </fieldset>
            <Notes ed=ed />
            <Tiers ed=ed />
            <Groups ed=ed />
            <Parts ed=ed list=List::Units />
            <Parts ed=ed list=List::Periods />
        </section>
    }
}

#[component]
fn Notes(ed: Ed) -> impl IntoView {
    view! {
        <fieldset class="ed-set" id="f-notes" tabindex="-1">
            <legend>{move || ed.w(W::Notes)}</legend>
            <For each=indices(ed, |d| d.notes.len()) key=|i| *i children=move |i| view! {
                <div class="ed-item" id=format!("f-notes-{i}") tabindex="-1" role="group" aria-labelledby=format!("f-notes-{i}-head")>
                    <h3 class="ed-item-head" id=format!("f-notes-{i}-head")>{move || format!("{} {}", ed.w(W::Note), i + 1)}</h3>
                    {text_pair(ed, format!("f-notes-{i}"), W::Note,
                        move |d| d.notes.get(i), move |d| d.notes.get_mut(i))}
                    {remove_button(ed, "f-notes".into(), move |d| { if i < d.notes.len() { d.notes.remove(i); } })}
                </div>
            } />
            {add_button("f-notes", move || ed.w(W::AddNote), move || ed.draft.update(|d| d.notes.push(Text::default())))}
        </fieldset>
    }
}

#[component]
fn Tiers(ed: Ed) -> impl IntoView {
    view! {
        <fieldset class="ed-set" id="f-tiers" tabindex="-1">
            <legend>{move || ed.w(W::Tiers)}</legend>
            <For each=indices(ed, |d| d.tiers.len()) key=|i| *i children=move |i| view! {
                <div class="ed-item" id=format!("f-tiers-{i}") tabindex="-1" role="group" aria-labelledby=format!("f-tiers-{i}-head")>
                    <h3 class="ed-item-head" id=format!("f-tiers-{i}-head")>{move || format!("{} {}", ed.w(W::Tier), i + 1)}</h3>
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
                        {remove_button(ed, "f-tiers".into(), move |d| d.remove_tier(i))}
                    </div>
                </div>
            } />
            {add_button("f-tiers", move || ed.w(W::AddTier), move || ed.draft.update(|d| {
                let n = d.tiers.len() + 1;
                let label = if d.lang == "en" { format!("Tier {n}") } else { format!("Mức {n}") };
                d.add_tier(&label);
            }))}
            {select(ed, "f-fail_from".into(), move || ed.w(W::FailFrom), move || fail_options(ed),
                (|d: &Draft| d.fail_from.trim().to_string(), |d: &mut Draft, v| d.fail_from = v))}
            <p class="ed-hint ed-warning" id="ed-crowded" hidden=move || !ed.draft.with(Draft::crowded_colours)>
                {move || ed.w(W::Crowded)}
            </p>
        </fieldset>
    }
}

/// Where failing starts: the last tier (the file says nothing), or a tier.
fn fail_options(ed: Ed) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), ed.w(W::FailLast))];
    ed.draft.with(|d| {
        out.extend(d.tiers.iter().map(|t| {
            (
                t.id.trim().to_string(),
                t.label.name_or(&d.lang, &t.id).to_string(),
            )
        }));
    });
    out
}

/// Where a group's figures are: the top-level group `i`, or group `j` of
/// unit (or period) `k`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    Top(usize),
    /// Group `j` of an entry of a list of units or periods.
    In(List, usize, usize),
}

impl At {
    fn group(self, d: &Draft) -> Option<&Group> {
        match self {
            At::Top(i) => d.groups.get(i),
            At::In(list, k, j) => list.get(d)?.get(k)?.groups.get(j),
        }
    }

    fn group_mut(self, d: &mut Draft) -> Option<&mut Group> {
        match self {
            At::Top(i) => d.groups.get_mut(i),
            At::In(list, k, j) => list.get_mut(d)?.get_mut(k)?.groups.get_mut(j),
        }
    }

    /// The id prefix of the block's fields, as [`write::field_id`] names them.
    ///
    /// [`write::field_id`]: tier_breakdown_draft::write::field_id
    fn prefix(self) -> String {
        match self {
            At::Top(i) => format!("f-groups-{i}"),
            At::In(list, k, j) => format!("{}-{k}-groups-{j}", list.prefix()),
        }
    }
}

/// What a switch between counts and percentages did, in words.
fn switched_words(ed: Ed, to: Basis, done: Switched) -> Option<String> {
    let lang = ed.lang.get_untracked();
    match done {
        Switched::Converted(pairs) => {
            let pct = |v: &str, to_shares: bool| {
                if to_shares {
                    format!("{v}%")
                } else {
                    v.to_string()
                }
            };
            let to_shares = to == Basis::Shares;
            let list: Vec<String> = pairs
                .iter()
                .map(|(b, a)| format!("{} → {}", pct(b, !to_shares), pct(a, to_shares)))
                .collect();
            Some(format!("{} {}", w(lang, W::Converted), list.join(", ")))
        }
        Switched::Kept => Some(w(lang, W::NotConverted).to_string()),
        Switched::Nothing => None,
    }
}

/// A mark of a figure: its id in the form (`{group}-{id}-{tier}`), its
/// words, how it is read and written.
struct Mark {
    id: &'static str,
    label: W,
    get: fn(&Figure) -> bool,
    set: fn(&mut Figure, bool),
}

const OR_BETTER: Mark = Mark {
    id: "orb",
    label: W::OrBetter,
    get: |f| f.or_better,
    set: |f, on| f.or_better = on,
};

const NOT_GIVEN: Mark = Mark {
    id: "ng",
    label: W::NotGiven,
    get: |f| f.not_given,
    set: |f, on| f.not_given = on,
};

/// A checkbox for one mark of tier `j`'s figure ("or better", "not given").
fn figure_mark(ed: Ed, at: At, j: usize, mark: Mark) -> impl IntoView {
    let id = format!("{}-{}-{j}", at.prefix(), mark.id);
    let Mark {
        label, get, set, ..
    } = mark;
    view! {
        <div class="ed-check">
            <input type="checkbox" id=id.clone()
                prop:checked=move || ed.draft.with(|d| at.group(d).and_then(|g| g.figures.get(j)).is_some_and(get))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ed.draft.update(|d| if let Some(g) = at.group_mut(d) { set(g.figure_mut(j), on) });
                } />
            <label for=id>{move || ed.w(label)}</label>
        </div>
    }
}

/// One tier's figure in a group, with its "or better", "not given" and approximate marks.
fn tier_figure(ed: Ed, at: At, j: usize) -> impl IntoView {
    let p = at.prefix();
    let shares = move || {
        ed.draft
            .with(|d| at.group(d).is_some_and(|g| g.basis == Basis::Shares))
    };
    let approx_options = move || {
        let words = [W::Exact, W::About, W::Nearly, W::Over, W::Under];
        std::iter::once(String::new())
            .chain(APPROX_WORDS.iter().map(|a| a.to_string()))
            .zip(words)
            .map(|(v, k)| (v, ed.w(k)))
            .collect()
    };
    let name = move || {
        let lang = ed.lang.get();
        ed.draft.with(|d| {
            d.tiers.get(j).map_or_else(String::new, |t| {
                t.label.name_or(lang.code(), &t.id).to_string()
            })
        })
    };
    view! {
        <fieldset class="ed-fig">
            <legend>{name}</legend>
            {input(ed, format!("{p}-fig-{j}"),
                move || if shares() { ed.w(W::Shares) } else { ed.w(W::Counts) },
                move |d: &Draft| at.group(d).and_then(|g| g.figures.get(j)).map(|f| f.value.clone()).unwrap_or_default(),
                move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.figure_mut(j).value = v })}
            <div class="ed-fig-marks">
                {figure_mark(ed, at, j, OR_BETTER)}
                {figure_mark(ed, at, j, NOT_GIVEN)}
                {select(ed, format!("{p}-approx-{j}"), move || ed.w(W::Approx), approx_options,
                    (move |d: &Draft| at.group(d).and_then(|g| g.figures.get(j)).map(|f| f.approx.clone()).unwrap_or_default(),
                    move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.figure_mut(j).approx = v }))}
            </div>
        </fieldset>
    }
}

/// A group's figures: total, evaluated, the basis, and one figure per tier
/// with its "or better" and approximate marks.
fn figures(ed: Ed, at: At) -> impl IntoView {
    let p = at.prefix();
    let switched = RwSignal::new(None::<String>);
    let str_of = move |f: fn(&Group) -> &String| {
        move |d: &Draft| at.group(d).map(|g| f(g).clone()).unwrap_or_default()
    };
    let basis_options = move || {
        [
            (Basis::Counts, W::Counts),
            (Basis::Shares, W::Shares),
            (Basis::None, W::CoverageOnly),
        ]
        .into_iter()
        .map(|(b, k)| (b.value(), ed.w(k)))
        .collect()
    };
    let split = move || {
        ed.draft
            .with(|d| at.group(d).is_some_and(|g| g.basis != Basis::None))
    };
    view! {
        <div class="ed-pair">
            {input(ed, format!("{p}-total"), move || ed.w(W::Total), str_of(|g| &g.total),
                move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.total = v })}
            {input(ed, format!("{p}-evaluated"), move || ed.w(W::Evaluated), str_of(|g| &g.evaluated),
                move |d: &mut Draft, v| if let Some(g) = at.group_mut(d) { g.evaluated = v })}
        </div>
        {select(ed, format!("{p}-basis"), move || ed.w(W::FiguresAs), basis_options,
            (move |d: &Draft| at.group(d).map(|g| g.basis).unwrap_or_default().value(),
            move |d: &mut Draft, v| {
                let lang = d.lang.clone();
                if let (Some(g), Some(b)) = (at.group_mut(d), Basis::from_value(&v)) {
                    switched.set(switched_words(ed, b, g.switch_basis(b, &lang)));
                }
            }))}
        <p class="ed-said" role="status" id=format!("{p}-basis-said")>{move || switched.get()}</p>
        <Show when=split>
            <div class="ed-figs">
                <For each=indices(ed, |d| d.tiers.len()) key=|j| *j children=move |j| tier_figure(ed, at, j) />
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
                <div class="ed-item" id=format!("f-groups-{i}") tabindex="-1" role="group" aria-labelledby=format!("f-groups-{i}-head")>
                    <h3 class="ed-item-head" id=format!("f-groups-{i}-head")>{move || format!("{} {}", ed.w(W::Group), i + 1)}</h3>
                    {input(ed, format!("f-groups-{i}-id"), move || ed.w(W::Id),
                        move |d: &Draft| d.groups.get(i).map(|g| g.id.clone()).unwrap_or_default(),
                        move |d: &mut Draft, v| if let Some(g) = d.groups.get_mut(i) { g.id = v })}
                    {text_pair(ed, format!("f-groups-{i}-label"), W::Label,
                        move |d| d.groups.get(i).map(|g| &g.label), move |d| d.groups.get_mut(i).map(|g| &mut g.label))}
                    {figures(ed, At::Top(i))}
                    {remove_button(ed, "f-groups".into(), move |d| { if i < d.groups.len() { d.groups.remove(i); } })}
                </div>
            } />
            {add_button("f-groups", move || ed.w(W::AddGroup), move || ed.draft.update(|d| {
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

/// A list of units or periods in the draft.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Units,
    Periods,
    /// The sub-units' figures of period `k`.
    PeriodUnits(usize),
}

impl List {
    fn get(self, d: &Draft) -> Option<&Vec<Part>> {
        match self {
            List::Units => Some(&d.units),
            List::Periods => Some(&d.periods),
            List::PeriodUnits(k) => d.periods.get(k).map(|p| &p.units),
        }
    }

    fn get_mut(self, d: &mut Draft) -> Option<&mut Vec<Part>> {
        match self {
            List::Units => Some(&mut d.units),
            List::Periods => Some(&mut d.periods),
            List::PeriodUnits(k) => d.periods.get_mut(k).map(|p| &mut p.units),
        }
    }

    fn len(self, d: &Draft) -> usize {
        self.get(d).map_or(0, Vec::len)
    }

    /// The id prefix of its fields: `f-units`, `f-periods-0-units`.
    fn prefix(self) -> String {
        match self {
            List::Units => "f-units".into(),
            List::Periods => "f-periods".into(),
            List::PeriodUnits(k) => format!("f-periods-{k}-units"),
        }
    }

    fn words(self) -> (W, W, W) {
        match self {
            List::Units | List::PeriodUnits(_) => (W::Units, W::Unit, W::AddUnit),
            List::Periods => (W::Periods, W::OtherPeriod, W::AddPeriod),
        }
    }
}

/// One group's figures in entry `k` of `list`.
fn part_group(ed: Ed, list: List, k: usize, j: usize) -> impl IntoView {
    let gid = move || {
        ed.draft.with(|d| {
            let id = list
                .get(d)
                .and_then(|l| l.get(k))
                .and_then(|p| p.groups.get(j))
                .map(|g| g.id.clone())
                .unwrap_or_default();
            d.groups.iter().find(|g| g.id == id).map_or_else(
                || id.clone(),
                |g| g.label.name_or(ed.lang.get().code(), &g.id).to_string(),
            )
        })
    };
    view! {
        <fieldset class="ed-set ed-sub" id=format!("{}-{k}-groups-{j}", list.prefix()) tabindex="-1">
            <legend>{gid}</legend>
            {figures(ed, At::In(list, k, j))}
            {button(move || ed.w(W::Remove), "ed-small", move || ed.draft.update(|d| {
                if let Some(p) = list.get_mut(d).and_then(|l| l.get_mut(k)) {
                    if j < p.groups.len() { p.groups.remove(j); }
                }
            }))}
        </fieldset>
    }
}

/// A new entry at the end of `list`, named "`one` n" (a period's sub-unit:
/// a top-level unit not listed yet), with figures for the first group.
fn add_part(d: &mut Draft, list: List, one: W) {
    let n = list.len(d) + 1;
    let lang = if d.lang == "en" {
        UiLang::En
    } else {
        UiLang::Vi
    };
    let label = match list {
        List::PeriodUnits(_) => {
            let have: Vec<String> = list
                .get(d)
                .map(|l| l.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default();
            d.units
                .iter()
                .find(|u| !have.contains(&u.id))
                .map(|u| u.id.clone())
        }
        _ => None,
    };
    let id = label.clone().unwrap_or_else(|| {
        d.fresh_id(&format!("{} {n}", w(lang, one)), move |d| {
            list.get(d)
                .map(|l| l.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default()
        })
    });
    let mut p = Part {
        id,
        ..Part::default()
    };
    if label.is_none() {
        *p.label.get_mut(&d.lang.clone()) = format!("{} {n}", w(lang, one));
    }
    if let Some(gid) = d.groups.first().map(|g| g.id.clone()) {
        p.groups.push(Group {
            id: gid,
            ..Group::default()
        });
    }
    if let Some(l) = list.get_mut(d) {
        l.push(p);
    }
}

/// Sub-units, other periods, or a period's sub-units: each with its id,
/// label, and figures for some of the groups.
#[component]
fn Parts(ed: Ed, list: List) -> impl IntoView {
    let (heading, one, add) = list.words();
    let pre = list.prefix();
    let part = move |k: usize| {
        let pre = list.prefix();
        let missing = move || {
            ed.draft.with(|d| {
                let have: Vec<String> = list
                    .get(d)
                    .and_then(|l| l.get(k))
                    .map(|p| p.groups.iter().map(|g| g.id.clone()).collect())
                    .unwrap_or_default();
                d.groups
                    .iter()
                    .filter(|g| !have.contains(&g.id))
                    .map(|g| {
                        (
                            g.id.clone(),
                            g.label.name_or(ed.lang.get().code(), &g.id).to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        };
        let entry = move |d: &Draft| list.get(d).and_then(|l| l.get(k)).cloned();
        let groups = move |d: &Draft| entry(d).map_or(0, |p| p.groups.len());
        view! {
            <div class="ed-item" id=format!("{pre}-{k}") tabindex="-1" role="group" aria-labelledby=format!("{pre}-{k}-head")>
                <h3 class="ed-item-head" id=format!("{pre}-{k}-head")>{move || format!("{} {}", ed.w(one), k + 1)}</h3>
                {input(ed, format!("{pre}-{k}-id"), move || ed.w(W::Id),
                    move |d: &Draft| list.get(d).and_then(|l| l.get(k)).map(|p| p.id.clone()).unwrap_or_default(),
                    move |d: &mut Draft, v| if let Some(p) = list.get_mut(d).and_then(|l| l.get_mut(k)) { p.id = v })}
                {text_pair(ed, format!("{pre}-{k}-label"), W::Label,
                    move |d| list.get(d).and_then(|l| l.get(k)).map(|p| &p.label),
                    move |d| list.get_mut(d).and_then(|l| l.get_mut(k)).map(|p| &mut p.label))}
                <For each=indices(ed, groups) key=|j| *j children=move |j| part_group(ed, list, k, j) />
                <div class="ed-row">
                    {move || missing().into_iter().map(|(id, name)| {
                        let label = format!("{} {name}", ed.w(W::AddFiguresFor));
                        button(move || label.clone(), "ed-small", move || {
                            let id = id.clone();
                            ed.draft.update(|d| if let Some(p) = list.get_mut(d).and_then(|l| l.get_mut(k)) {
                                p.groups.push(Group { id, ..Group::default() });
                            });
                        })
                    }).collect_view()}
                    {button(move || ed.w(W::Remove), "ed-small", move || ed.draft.update(|d| {
                        if let Some(l) = list.get_mut(d) { if k < l.len() { l.remove(k); } }
                    }))}
                </div>
                {match list {
                    List::Periods => view! { <Parts ed=ed list=List::PeriodUnits(k) /> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        }
    };
    view! {
        <fieldset class="ed-set" id=pre.clone() tabindex="-1">
            <legend>{move || ed.w(heading)}</legend>
            <For each=indices(ed, move |d| list.len(d)) key=|k| *k children=part />
            {add_button(&pre, move || ed.w(add), move || ed.draft.update(|d| add_part(d, list, one)))}
        </fieldset>
    }
}
