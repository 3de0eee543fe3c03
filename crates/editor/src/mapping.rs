//! How the pasted table was read, next to the preview, folded: its
//! orientation, whether the figures are counts or percentages, where the
//! records go, each header's role and each record's place. Every change
//! reads the table again into the draft at once (the draft's other fields
//! as they are). Each choice is a typed `<select>` ([`choice_select`]):
//! its values are written and read by the type (`draft::choice`).

use leptos::prelude::*;
use tier_breakdown_draft::choice::Choice;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::table::{self, Applied, Dest, Role, Target};
use tier_breakdown_draft::words::W;

use crate::state::{Ed, Pasted};

/// A labelled `<select>` of typed choices.
fn choice_select<T: Choice + PartialEq + Clone + Send + Sync + 'static>(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    choices: impl Fn() -> Vec<(T, String)> + Send + Sync + 'static,
    now: impl Fn() -> Option<T> + Send + Sync + 'static,
    set: impl Fn(T) + 'static,
) -> impl IntoView {
    view! {
        <div class="ed-field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| {
                if let Some(v) = T::from_value(&event_target_value(&ev)) {
                    set(v);
                }
            }>
                {move || {
                    let now = now();
                    choices().into_iter().map(|(c, text)| {
                        let selected = now.as_ref() == Some(&c);
                        view! { <option value=c.value() selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

/// Reads a value out of the pasted table, if there is one.
fn read<T: Default>(ed: Ed, f: impl FnOnce(&Pasted) -> T) -> T {
    ed.pasted.with(|p| p.as_ref().map(f).unwrap_or_default())
}

/// The folded "how the table was read", shown while a pasted table can
/// still be read another way.
#[component]
pub fn Mapping(ed: Ed) -> impl IntoView {
    // What each record became: the table put into a copy of the draft
    // before it, once per change (the record rows and the removed line read it).
    let applied = Memo::new(move |_| {
        ed.pasted.with(|p| {
            p.as_ref().map(|p| {
                let mut copy = p.base.clone();
                table::apply(&mut copy, &p.cells, &p.mapping)
            })
        })
    });
    let summary = move || {
        let (records, headers) = read(ed, |p| {
            let across = p.mapping.tiers_across;
            (
                table::records(&p.cells, across).len(),
                table::headers(&p.cells, across).len(),
            )
        });
        format!("{} ({records} × {headers})", ed.w(W::Mapping))
    };
    // The groups the table leaves out, by name.
    let removed = move || {
        let lang = ed.lang.get().code();
        let ids = applied.with(|a| a.as_ref().map(|a| a.removed.clone()).unwrap_or_default());
        read(ed, |p| {
            ids.iter()
                .map(|id| name_of(&p.base, false, id, lang))
                .collect::<Vec<_>>()
        })
    };
    let headers = move || {
        read(ed, |p| table::headers(&p.cells, p.mapping.tiers_across))
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    let records = move || {
        read(ed, |p| table::records(&p.cells, p.mapping.tiers_across))
            .into_iter()
            .map(|(l, _)| l)
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || ed.pasted.with(Option::is_some)>
            <details class="ed-mapping" id="ed-mapping-box">
                <summary id="ed-mapping-summary">{summary}</summary>
                <div id="ed-mapping">
                    <Shape ed=ed />
                    <ul class="ed-map-list">
                        <For each=headers key=|(i, h)| (*i, h.clone())
                            children=move |(i, h)| view! { <HeaderRow ed=ed i=i header=h /> } />
                    </ul>
                    <p id="ed-map-records">{move || ed.w(W::RecordsFound)}:</p>
                    <ul class="ed-map-list" aria-labelledby="ed-map-records">
                        <For each=records key=|(i, l)| (*i, l.clone())
                            children=move |(i, l)| view! { <RecordRow ed=ed i=i label=l applied=applied /> } />
                    </ul>
                    <Show when=move || !removed().is_empty()>
                        <p class="ed-said ed-bad" id="ed-map-removed">{move || format!("{} {}", ed.w(W::Removed), removed().join(", "))}</p>
                    </Show>
                </div>
            </details>
        </Show>
    }
}

/// The table's shape: orientation, counts or percentages, where the records go.
#[component]
fn Shape(ed: Ed) -> impl IntoView {
    let groups = move || {
        let lang = ed.lang.get();
        let mut list = vec![(Target::Groups, ed.w(W::TheGroups))];
        read(ed, |p| {
            for (i, g) in p.base.groups.iter().enumerate() {
                let name = g.label.name_or(lang.code(), &g.id);
                list.push((Target::Units(i), format!("{}: {name}", ed.w(W::UnitsOf))));
            }
        });
        list
    };
    view! {
        {choice_select("ed-map-orientation".into(), move || ed.w(W::Orientation),
            move || vec![(true, ed.w(W::TiersAcross)), (false, ed.w(W::TiersDown))],
            move || ed.pasted.with(|p| p.as_ref().map(|p| p.mapping.tiers_across)),
            move |across| ed.reread(|p| p.mapping = table::recognise_as(&p.base, &p.cells, across)))}
        {choice_select("ed-map-kind".into(), move || ed.w(W::FiguresAre),
            move || vec![(false, ed.w(W::Counts)), (true, ed.w(W::Shares))],
            move || ed.pasted.with(|p| p.as_ref().map(|p| p.mapping.shares)),
            move |shares| ed.reread(|p| p.mapping.shares = shares))}
        {choice_select("ed-map-target".into(), move || ed.w(W::RecordsAre), groups,
            move || ed.pasted.with(|p| p.as_ref().map(|p| p.mapping.target)),
            move |target| ed.reread(|p| p.mapping.target = target))}
    }
}

/// One header of the table: which tier (or total, evaluated…) it is, and
/// for a tier whether its figures are "or better".
#[component]
fn HeaderRow(ed: Ed, i: usize, header: String) -> impl IntoView {
    let role = move || {
        ed.pasted
            .with(|p| p.as_ref().and_then(|p| p.mapping.roles.get(i).copied()))
    };
    let is_tier = move || matches!(role(), Some(Role::Tier(_) | Role::NewTier));
    let roles = move || {
        let lang = ed.lang.get().code();
        let mut list: Vec<(Role, String)> = read(ed, |p| {
            p.base
                .tiers
                .iter()
                .enumerate()
                .map(|(t, tier)| {
                    (
                        Role::Tier(t),
                        format!("{}: {}", ed.w(W::Tier), tier.label.name_or(lang, &tier.id)),
                    )
                })
                .collect()
        });
        for (r, k) in [
            (Role::NewTier, W::NewTier),
            (Role::Total, W::Total),
            (Role::Evaluated, W::Evaluated),
            (Role::Ignore, W::Ignore),
        ] {
            list.push((r, ed.w(k)));
        }
        list
    };
    let orb = format!("ed-map-orb-{i}");
    let h = header.clone();
    view! {
        <li>
            {choice_select(format!("ed-map-{i}"), move || format!("“{h}” {}", ed.w(W::HeaderIs)), roles, role,
                move |r| ed.reread(|p| if let Some(x) = p.mapping.roles.get_mut(i) { *x = r }))}
            <Show when=is_tier>
                <span class="ed-check">
                    <input type="checkbox" id=orb.clone()
                        prop:checked=move || read(ed, |p| p.mapping.or_better.get(i).copied().unwrap_or(false))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ed.reread(|p| if let Some(o) = p.mapping.or_better.get_mut(i) { *o = on });
                        } />
                    <label for=orb.clone()>{let h = header.clone(); move || format!("“{h}”: {}", ed.w(W::OrBetter))}</label>
                </span>
            </Show>
        </li>
    }
}

/// A group's (or unit's) name in the editor's language, by id.
fn name_of(d: &Draft, units: bool, id: &str, lang: &str) -> String {
    let found = if units {
        d.units.iter().find(|u| u.id == id).map(|u| &u.label)
    } else {
        d.groups.iter().find(|g| g.id == id).map(|g| &g.label)
    };
    found.map_or(id, |t| t.name_or(lang, id)).to_string()
}

/// One record of the table (a row or a column of figures): where it goes.
#[component]
fn RecordRow(ed: Ed, i: usize, label: String, applied: Memo<Option<Applied>>) -> impl IntoView {
    let units = move || read(ed, |p| matches!(p.mapping.target, Target::Units(_)));
    let choices = {
        let label = label.clone();
        move || {
            let lang = ed.lang.get().code();
            let placed = applied.with(|a| {
                a.as_ref()
                    .and_then(|a| a.records.iter().find(|r| r.label == label).cloned())
            });
            let auto = match placed {
                Some(r) if r.new => format!(
                    "{}: “{}” ({})",
                    ed.w(W::AutoDest),
                    r.label,
                    ed.w(W::NewWord)
                ),
                Some(r) => format!(
                    "{}: “{}”",
                    ed.w(W::AutoDest),
                    read(ed, |p| name_of(&p.base, units(), &r.id, lang))
                ),
                None => ed.w(W::AutoDest),
            };
            let mut list = vec![(Dest::Auto, auto)];
            read(ed, |p| {
                let d = &p.base;
                let ids: Vec<&String> = if units() {
                    d.units.iter().map(|u| &u.id).collect()
                } else {
                    d.groups.iter().map(|g| &g.id).collect()
                };
                for id in ids {
                    list.push((Dest::To(id.clone()), name_of(d, units(), id, lang)));
                }
            });
            list.push((Dest::Skip, ed.w(W::Skip)));
            list
        }
    };
    let now = move || {
        ed.pasted.with(|p| {
            p.as_ref()
                .map(|p| p.mapping.records.get(i).cloned().unwrap_or_default())
        })
    };
    view! {
        <li>
            {choice_select(format!("ed-rec-{i}"), move || format!("“{label}” {}", ed.w(W::Goes)), choices, now,
                move |dest| ed.reread(|p| if let Some(r) = p.mapping.records.get_mut(i) { *r = dest }))}
        </li>
    }
}
