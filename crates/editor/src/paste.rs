//! Ways in: the built-in example, a blank file, a results file opened or
//! dropped, and a table pasted from a spreadsheet, shown as it was read
//! (which header is which tier, which row which group) for the user to
//! correct before it goes into the draft.

use leptos::prelude::*;
use tier_breakdown_core::i18n::problem_line;
use tier_breakdown_core::problem::MAX_BYTES;
use tier_breakdown_draft::draft::Draft;
use tier_breakdown_draft::table::{self, Dest, Mapping, Role, TableError, Target};
use tier_breakdown_draft::words::W;
use tier_breakdown_draft::write::{self, OpenError};

use crate::browser;
use crate::state::{example, Ed};

/// What happened to the last file opened: a message, and whether it is an error.
type Said = RwSignal<Option<(String, bool)>>;

async fn open_file(ed: Ed, said: Said, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        said.set(Some((format!("{name}: {}", ed.w(W::FileTooBig)), true)));
        return;
    }
    let Some(text) = browser::file_text(&file).await else {
        said.set(Some((format!("{name}: {}", ed.w(W::FileUnreadable)), true)));
        return;
    };
    match write::open(&text) {
        Ok(d) => {
            let left = write::left_out(&text, &d);
            ed.replace(|draft| *draft = d);
            let mut msg = format!("{}: {name}.", ed.w(W::Opened));
            if !left.is_empty() {
                msg = format!("{msg} {} {}", ed.w(W::LeftOut), left.join(", "));
            }
            said.set(Some((msg, !left.is_empty())));
        }
        Err(OpenError::Unreadable(p)) => {
            let line = problem_line(ed.lang.get_untracked(), &p);
            said.set(Some((
                format!("{name}: {line}. {}", ed.w(W::KeptDraft)),
                true,
            )));
        }
        Err(OpenError::NotAnObject) => {
            said.set(Some((format!("{name}: {}", ed.w(W::FileNotObject)), true)));
        }
    }
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list?.get(0)
}

/// Section 1: start from the example, a blank file, or a results file.
#[component]
pub fn Start(ed: Ed) -> impl IntoView {
    let said: Said = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    let open = move |f: Option<web_sys::File>| {
        if let Some(f) = f {
            leptos::task::spawn_local(open_file(ed, said, f));
        }
    };
    view! {
        <section class="ed-card" aria-labelledby="ed-start">
            <h2 id="ed-start">{move || ed.w(W::Start)}</h2>
            <div class="ed-row">
                <button type="button" id="ed-example" on:click=move |_| { ed.replace(|d| *d = example()); said.set(Some((ed.w(W::Replaced), false))); }>
                    {move || ed.w(W::UseExample)}
                </button>
                <button type="button" id="ed-blank" on:click=move |_| { ed.replace(|d| *d = Draft::blank()); said.set(Some((ed.w(W::Replaced), false))); }>
                    {move || ed.w(W::UseBlank)}
                </button>
            </div>
            <div class="ed-drop" class:ed-dragging=dragging
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    open(first_file(ev.data_transfer().and_then(|t| t.files())));
                }>
                <label for="ed-open">{move || ed.w(W::OpenFile)}</label>
                <input id="ed-open" type="file" accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        open(first_file(input.files()));
                        input.set_value("");
                    } />
                <span class="ed-hint">{move || ed.w(W::DropHere)}</span>
            </div>
            <p role="status" id="ed-start-said" class="ed-said" class:ed-bad=move || said.get().is_some_and(|(_, bad)| bad)>
                {move || said.get().map(|(m, _)| m)}
            </p>
        </section>
    }
}

/// A pasted table, as read.
#[derive(Clone, PartialEq)]
struct Pasted {
    cells: Vec<Vec<String>>,
    mapping: Mapping,
}

/// Section 2: paste a table, check how it was read, put it in.
#[component]
pub fn PasteTable(ed: Ed) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let pasted: RwSignal<Option<Pasted>> = RwSignal::new(None);
    let said: Said = RwSignal::new(None);
    let read = move || {
        let t = text.get_untracked();
        match table::read(&t) {
            Ok(cells) => {
                let mapping = ed.draft.with_untracked(|d| table::recognise(d, &cells));
                pasted.set(Some(Pasted { cells, mapping }));
                said.set(None);
            }
            Err(e) => {
                pasted.set(None);
                let k = match e {
                    TableError::TooSmall => W::TableTooSmall,
                    TableError::TooBig => W::TableTooBig,
                    TableError::Unreadable => W::TableUnreadable,
                };
                said.set(Some((ed.w(k), true)));
            }
        }
    };
    let put_in = move || {
        let Some(p) = pasted.get_untracked() else {
            return;
        };
        let mut applied = None;
        ed.replace(|d| applied = Some(table::apply(d, &p.cells, &p.mapping)));
        let n = applied.map_or(0, |a| a.records.len());
        said.set(Some((
            format!("{} {n} {}.", ed.w(W::PutInDone), ed.w(W::RecordsWord)),
            false,
        )));
        pasted.set(None);
        text.set(String::new());
        // The button is gone: the focus goes to what happened.
        browser::focus_soon(vec!["ed-paste-said".into()]);
    };
    view! {
        <section class="ed-card" aria-labelledby="ed-paste">
            <h2 id="ed-paste">{move || ed.w(W::Paste)}</h2>
            <label for="ed-table">{move || ed.w(W::PasteLabel)}</label>
            <p class="ed-hint" id="ed-table-hint">{move || ed.w(W::PasteHint)}</p>
            <textarea id="ed-table" rows="6" spellcheck="false" aria-describedby="ed-table-hint"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="button" id="ed-read" on:click=move |_| read()>{move || ed.w(W::ReadTable)}</button>
            <Show when=move || pasted.with(Option::is_some)>
                <MappingView ed=ed pasted=pasted />
                <button type="button" id="ed-put-in" class="ed-primary" on:click=move |_| put_in()>
                    {move || ed.w(W::PutIn)}
                </button>
            </Show>
            <p role="status" id="ed-paste-said" tabindex="-1" class="ed-said" class:ed-bad=move || said.get().is_some_and(|(_, bad)| bad)>
                {move || said.get().map(|(m, _)| m)}
            </p>
        </section>
    }
}

/// Every choice of the mapping, each a labelled select.
#[component]
fn MappingView(ed: Ed, pasted: RwSignal<Option<Pasted>>) -> impl IntoView {
    let get = move |f: fn(&Pasted) -> String| {
        move || pasted.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let change = move |f: fn(&mut Pasted, &Draft, String)| {
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            let d = ed.draft.get_untracked();
            pasted.update(|p| {
                if let Some(p) = p {
                    f(p, &d, v)
                }
            });
        }
    };
    let options = move |list: Vec<(String, String)>, now: String| {
        list.into_iter()
            .map(|(v, t)| {
                let sel = v == now;
                view! { <option value=v selected=sel>{t}</option> }
            })
            .collect_view()
    };
    let orientation = get(|p| p.mapping.tiers_across.to_string());
    let kind = get(|p| p.mapping.shares.to_string());
    let target = get(|p| match p.mapping.target {
        Target::Groups => "groups".into(),
        Target::Units(g) => g.to_string(),
    });
    let headers = move || {
        pasted.with(|p| {
            p.as_ref()
                .map(|p| table::headers(&p.cells, p.mapping.tiers_across))
                .unwrap_or_default()
        })
    };
    // What each record becomes: the table put into a copy of the draft,
    // once per change (every record row and the dropped-groups line read it).
    let applied = Memo::new(move |_| {
        pasted.with(|p| {
            p.as_ref().map(|p| {
                let mut copy = ed.draft.get();
                table::apply(&mut copy, &p.cells, &p.mapping)
            })
        })
    });
    let record_row = move |(i, label): (usize, String)| {
        let id = format!("ed-rec-{i}");
        let now = move || {
            pasted.with(
                |p| match p.as_ref().and_then(|p| p.mapping.records.get(i)) {
                    Some(Dest::To(id)) => format!("to:{id}"),
                    Some(Dest::Skip) => "skip".into(),
                    _ => "auto".into(),
                },
            )
        };
        let label2 = label.clone();
        let choices = move || {
            let placed = applied
                .get()
                .and_then(|a| a.records.into_iter().find(|r| r.label == label));
            let auto = match placed {
                Some(r) if r.new => {
                    format!("{}: {} ({})", ed.w(W::AutoDest), r.id, ed.w(W::NewWord))
                }
                Some(r) => format!("{}: {}", ed.w(W::AutoDest), r.id),
                None => ed.w(W::AutoDest),
            };
            let mut list = vec![("auto".to_string(), auto)];
            let units = pasted.with(|p| {
                p.as_ref()
                    .is_some_and(|p| matches!(p.mapping.target, Target::Units(_)))
            });
            ed.draft.with(|d| {
                let lang = ed.lang.get().code();
                let entries: Vec<(String, String)> = if units {
                    d.units
                        .iter()
                        .map(|u| (u.id.clone(), first_name(&u.label, &u.id, lang)))
                        .collect()
                } else {
                    d.groups
                        .iter()
                        .map(|g| (g.id.clone(), first_name(&g.label, &g.id, lang)))
                        .collect()
                };
                for (id, name) in entries {
                    list.push((format!("to:{id}"), format!("{name} ({id})")));
                }
            });
            list.push(("skip".into(), ed.w(W::Skip)));
            list
        };
        view! {
            <li>
                <label for=id.clone()>{move || format!("“{label2}” {}", ed.w(W::Goes))}</label>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let dest = match v.as_str() {
                        "skip" => Dest::Skip,
                        "auto" => Dest::Auto,
                        to => Dest::To(to.trim_start_matches("to:").to_string()),
                    };
                    pasted.update(|p| if let Some(p) = p { if let Some(r) = p.mapping.records.get_mut(i) { *r = dest } });
                }>
                    {move || options(choices(), now())}
                </select>
            </li>
        }
    };
    let records = move || {
        pasted.with(|p| {
            p.as_ref()
                .map(|p| {
                    table::records(&p.cells, p.mapping.tiers_across)
                        .into_iter()
                        .map(|(l, _)| l)
                        .enumerate()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let removed =
        move || applied.with(|a| a.as_ref().map(|a| a.removed.clone()).unwrap_or_default());
    let header_list = move || headers().into_iter().enumerate().collect::<Vec<_>>();
    let role_value = |r: Role| match r {
        Role::Tier(i) => format!("t{i}"),
        Role::NewTier => "new".into(),
        Role::Total => "total".into(),
        Role::Evaluated => "evaluated".into(),
        Role::Ignore => "ignore".into(),
    };
    let role_options = move || {
        let lang = ed.lang.get().code();
        let mut list: Vec<(String, String)> = ed.draft.with(|d| {
            d.tiers
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let name = [t.label.get(lang), &t.label.vi, &t.label.en, &t.id]
                        .into_iter()
                        .find(|s| !s.is_empty())
                        .unwrap_or("")
                        .to_string();
                    (format!("t{i}"), format!("{}: {name}", ed.w(W::Tier)))
                })
                .collect()
        });
        for (v, k) in [
            ("new", W::NewTier),
            ("total", W::Total),
            ("evaluated", W::Evaluated),
            ("ignore", W::Ignore),
        ] {
            list.push((v.into(), ed.w(k)));
        }
        list
    };
    let header_row = move |(i, h): (usize, String)| {
        let id = format!("ed-map-{i}");
        let orb = format!("ed-map-orb-{i}");
        let now = move || {
            pasted.with(|p| {
                p.as_ref()
                    .and_then(|p| p.mapping.roles.get(i).copied())
                    .map(role_value)
                    .unwrap_or_default()
            })
        };
        let is_tier = move || {
            let r = now();
            r == "new" || (r.starts_with('t') && r[1..].parse::<usize>().is_ok())
        };
        let h2 = h.clone();
        view! {
            <li>
                <label for=id.clone()>{format!("“{h}” {}", ed.w(W::HeaderIs))}</label>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let role = match v.as_str() {
                        "new" => Role::NewTier,
                        "total" => Role::Total,
                        "evaluated" => Role::Evaluated,
                        "ignore" => Role::Ignore,
                        t => t[1..].parse().map(Role::Tier).unwrap_or(Role::Ignore),
                    };
                    pasted.update(|p| if let Some(p) = p { if let Some(r) = p.mapping.roles.get_mut(i) { *r = role } });
                }>
                    {move || options(role_options(), now())}
                </select>
                <Show when=is_tier>
                    <span class="ed-check">
                        <input type="checkbox" id=orb.clone()
                            prop:checked=move || pasted.with(|p| p.as_ref().and_then(|p| p.mapping.or_better.get(i).copied()).unwrap_or(false))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                pasted.update(|p| if let Some(p) = p { if let Some(o) = p.mapping.or_better.get_mut(i) { *o = on } });
                            } />
                        <label for=orb.clone()>{let h = h2.clone(); move || format!("“{h}”: {}", ed.w(W::OrBetter))}</label>
                    </span>
                </Show>
            </li>
        }
    };
    view! {
        <div class="ed-mapping" id="ed-mapping">
            <p>{move || ed.w(W::Mapping)}</p>
            <div class="ed-field">
                <label for="ed-map-orientation">{move || ed.w(W::Orientation)}</label>
                <select id="ed-map-orientation" on:change=change(|p, d, v| {
                    let across = v == "true";
                    p.mapping = table::recognise_as(d, &p.cells, across);
                })>
                    {move || options(vec![("true".into(), ed.w(W::TiersAcross)), ("false".into(), ed.w(W::TiersDown))], orientation())}
                </select>
            </div>
            <div class="ed-field">
                <label for="ed-map-kind">{move || ed.w(W::FiguresAre)}</label>
                <select id="ed-map-kind" on:change=change(|p, _, v| p.mapping.shares = v == "true")>
                    {move || options(vec![("false".into(), ed.w(W::Counts)), ("true".into(), ed.w(W::Shares))], kind())}
                </select>
            </div>
            <div class="ed-field">
                <label for="ed-map-target">{move || ed.w(W::RecordsAre)}</label>
                <select id="ed-map-target" on:change=change(|p, _, v| {
                    p.mapping.target = v.parse().map(Target::Units).unwrap_or(Target::Groups);
                })>
                    {move || {
                        let mut list = vec![("groups".to_string(), ed.w(W::TheGroups))];
                        ed.draft.with(|d| for (i, g) in d.groups.iter().enumerate() {
                            let name = [g.label.get(ed.lang.get().code()), &g.label.vi, &g.label.en, &g.id].into_iter().find(|s| !s.is_empty()).unwrap_or("").to_string();
                            list.push((i.to_string(), format!("{}: {name}", ed.w(W::UnitsOf))));
                        });
                        options(list, target())
                    }}
                </select>
            </div>
            <ul class="ed-map-list">
                <For each=header_list key=|(i, h)| (*i, h.clone()) children=header_row />
            </ul>
            <p id="ed-map-records">{move || ed.w(W::RecordsFound)}:</p>
            <ul class="ed-map-list" aria-labelledby="ed-map-records">
                <For each=records key=|(i, l)| (*i, l.clone()) children=record_row />
            </ul>
            <Show when=move || !removed().is_empty()>
                <p class="ed-said ed-bad" id="ed-map-removed">{move || format!("{} {}", ed.w(W::Removed), removed().join(", "))}</p>
            </Show>
        </div>
    }
}

/// A name in the editor's language, else any, else the id.
fn first_name(t: &tier_breakdown_draft::draft::Text, id: &str, lang: &str) -> String {
    [t.get(lang), &t.vi, &t.en, id]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string()
}
