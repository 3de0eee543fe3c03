//! Native tests of drilling down and comparing: periods, scoped views,
//! ranking and sorting, accent-insensitive search, share changes.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tier_breakdown_core::drill::{
    all_units, change_text, compare, folded_names, period_index, period_label, periods, ranking,
    scoped, search, sort_rows, Direction, Sort, SortKey,
};
use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::layout::chart;
use tier_breakdown_core::model::Dataset;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::check;

const EXAMPLE: &str = include_str!("../../../data/example-districts.json");

fn dataset(text: &str) -> Dataset {
    match check(text) {
        Ok(c) => c.dataset,
        Err(r) => panic!("refused: {:?}", r.errors),
    }
}

/// A small file: three tiers, two groups, four units (one without members),
/// the top-level period `2022` and `2021` before it.
fn small() -> Value {
    let unit = |id: &str, label: &str, members: Option<[u64; 3]>| {
        let mut groups = vec![json!({"id": "orgs", "counts": {"a": 1, "b": 1, "c": 0}})];
        if let Some([a, b, c]) = members {
            groups.push(json!({"id": "members", "counts": {"a": a, "b": b, "c": c}}));
        }
        json!({"id": id, "label": label, "groups": groups})
    };
    json!({
        "version": 1, "lang": "vi", "title": "T", "period": "Năm 2022", "period_id": "2022",
        "tiers": [{"id": "a", "label": "A", "short": "a"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
        "groups": [
            {"id": "orgs", "label": {"vi": "Tổ chức", "en": "Organisations"}, "counts": {"a": 4, "b": 4, "c": 0}},
            {"id": "members", "label": {"vi": "Đảng viên", "en": "Members"}, "counts": {"a": 30, "b": 60, "c": 10}}
        ],
        "units": [
            unit("viet-tri", "Thành phố Việt Trì", Some([10, 30, 0])),
            unit("tam-nong", "Huyện Tam Nông", Some([10, 10, 0])),
            unit("thanh-thuy", "Huyện Thanh Thủy", None),
            unit("tri-an", "Xã Trí An", Some([10, 20, 10]))
        ],
        "periods": [{
            "id": "2021", "label": "Năm 2021",
            "groups": [{"id": "members", "counts": {"a": 20, "b": 60, "c": 20}}],
            "units": [unit("viet-tri", "Thành phố Việt Trì", Some([5, 30, 5])), unit("moi", "Xã Mới", Some([1, 1, 1]))]
        }]
    })
}

#[test]
fn periods_list_the_top_level_first_and_find_ids() {
    let d = dataset(&small().to_string());
    let ps = periods(&d);
    let ids: Vec<&str> = ps.iter().map(|p| p.id).collect();
    assert_eq!(ids, ["2022", "2021"]);
    assert_eq!(period_label(&ps[1], UiLang::En), "Năm 2021");
    assert_eq!(period_index(&d, Some("2021")), 1);
    assert_eq!(period_index(&d, Some("1999")), 0);
    assert_eq!(period_index(&d, None), 0);
    // Without `period_id` the top-level period is `current`.
    let seed = dataset(SEED_JSON);
    assert_eq!(periods(&seed)[0].id, "current");
    assert_eq!(periods(&seed).len(), 1);
}

#[test]
fn a_period_id_used_twice_is_an_error() {
    let mut v = small();
    v["periods"][0]["id"] = json!("2022");
    let errs: Vec<String> = check(&v.to_string())
        .unwrap_err()
        .errors
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errs, ["periods[0].id: id \"2022\" is used twice"]);
    v["period_id"] = json!("bad id");
    assert!(check(&v.to_string()).is_err());
}

#[test]
fn scoped_views_are_plain_files_and_units_take_top_level_labels() {
    let d = dataset(&small().to_string());
    let whole = scoped(&d, 0, None).unwrap();
    assert_eq!(whole.groups, d.groups);
    assert!(whole.units.is_empty() && whole.periods.is_empty());
    let vt = scoped(&d, 0, Some("viet-tri")).unwrap();
    assert_eq!(vt.groups[1].counts, [10, 30, 0]);
    // The unit's group left out its label: the top-level one's is used.
    assert_eq!(vt.groups[1].label.get("en"), "Members");
    // A unit without one group shows the groups it has.
    let tt = scoped(&d, 0, Some("thanh-thuy")).unwrap();
    assert_eq!(tt.groups.len(), 1);
    // 2021 has only members at the top level, and only two units.
    let old = scoped(&d, 1, None).unwrap();
    assert_eq!(old.groups.len(), 1);
    assert_eq!(old.period.as_ref().map(|p| p.get("vi")), Some("Năm 2021"));
    assert!(scoped(&d, 1, Some("tam-nong")).is_none());
    assert!(scoped(&d, 0, Some("nowhere")).is_none());
    // The chart of a scoped view is the chart of a file with those figures.
    let c = chart(&vt, UiLang::Vi, 600.0, false);
    assert_eq!(c.groups[1].headline, "40 được đánh giá");
    assert_eq!(c.groups[1].tenths, [250, 750, 0]);
}

#[test]
fn units_of_every_period_are_offered() {
    let d = dataset(&small().to_string());
    let ids: Vec<&str> = all_units(&d).iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["viet-tri", "tam-nong", "thanh-thuy", "tri-an", "moi"]);
}

#[test]
fn ranking_rows_share_and_sorting() {
    let d = dataset(&small().to_string());
    let names = folded_names(&d, UiLang::Vi);
    let sel_ab = Selection::default().toggled(0).toggled(1);
    let mut rows = ranking(&d, 0, "members", sel_ab);
    let share = |rows: &[tier_breakdown_core::drill::RankRow]| -> Vec<(usize, Option<u32>)> {
        rows.iter().map(|r| (r.unit, r.share)).collect()
    };
    // Việt Trì 100%, Tam Nông 100%, Thanh Thủy none, Trí An 75%, Mới (not in 2022) none.
    assert_eq!(
        share(&rows),
        [
            (0, Some(1000)),
            (1, Some(1000)),
            (2, None),
            (3, Some(750)),
            (4, None)
        ]
    );
    assert_eq!(rows[0].texts(UiLang::Vi).share, "100,0%");
    assert_eq!(rows[2].texts(UiLang::Vi).evaluated, "–");
    sort_rows(&mut rows, Sort::default(), &names);
    // Highest share first, ties in file order, rows without figures last.
    assert_eq!(
        rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
        [0, 1, 3, 2, 4]
    );
    sort_rows(&mut rows, Sort::default().clicked(SortKey::Share), &names);
    assert_eq!(
        rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
        [3, 0, 1, 2, 4]
    );
    // By name, A→Z on folded labels: huyen tam nong, thanh pho viet tri, xa tri an.
    let by_name = Sort::default().clicked(SortKey::Name);
    assert!(!by_name.descending);
    sort_rows(&mut rows, by_name, &names);
    assert_eq!(
        rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
        [1, 0, 3, 2, 4]
    );
    let by_count = Sort::default().clicked(SortKey::Evaluated);
    assert!(by_count.descending);
    sort_rows(&mut rows, by_count, &names);
    assert_eq!(
        rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
        [0, 3, 1, 2, 4]
    );
    // No tier selected: the ranking is by the best tier.
    let rows = ranking(&d, 0, "members", Selection::default());
    assert_eq!(rows[0].share, Some(250));
    assert_eq!(rows[3].share, Some(250));
    // Another period ranks its own units.
    let rows = ranking(&d, 1, "members", Selection::default());
    assert_eq!(share(&rows)[0], (0, Some(125)));
    assert_eq!(share(&rows)[4], (4, Some(334)));
    assert_eq!(share(&rows)[1], (1, None));
}

#[test]
fn search_folds_accents_and_ranks_prefixes_first() {
    let d = dataset(&small().to_string());
    let names = folded_names(&d, UiLang::Vi);
    assert_eq!(search(&names, "viet tri", 10), (vec![0], 1));
    assert_eq!(search(&names, "VIỆT TRÌ", 10), (vec![0], 1));
    assert_eq!(search(&names, "  tri ", 10), (vec![0, 3], 2));
    assert_eq!(search(&names, "thanh", 10), (vec![0, 2], 2));
    assert_eq!(search(&names, "xa", 10), (vec![3, 4], 2));
    assert_eq!(search(&names, "huyen", 1), (vec![1], 2));
    assert_eq!(search(&names, "thuy tam", 10), (vec![], 0));
    assert_eq!(search(&names, "", 3).1, 5);
    assert_eq!(search(&names, "đoan", 10).1, 0);
}

#[test]
fn change_is_told_with_symbol_and_words() {
    assert_eq!(
        change_text(12, UiLang::Vi),
        (Direction::Up, "▲ tăng 1,2 điểm %".into())
    );
    assert_eq!(
        change_text(-8, UiLang::En),
        (Direction::Down, "▼ down 0.8 pp".into())
    );
    assert_eq!(
        change_text(0, UiLang::En),
        (Direction::Same, "= no change".into())
    );
    assert_eq!(change_text(-1000, UiLang::Vi).1, "▼ giảm 100,0 điểm %");
}

#[test]
fn comparison_per_group_and_tier() {
    let d = dataset(&small().to_string());
    let now = scoped(&d, 0, None).unwrap();
    let before = scoped(&d, 1, None);
    let sel = Selection::default().toggled(0).toggled(1);
    let c = compare(&d, &now, before.as_ref(), sel, UiLang::Vi);
    // Organisations have no 2021 figures: no rows.
    assert_eq!(c[0].rows, []);
    let m = &c[1];
    assert_eq!(m.heading, "Đảng viên");
    let rows: Vec<(&str, &str, &str, i64, &str)> = m
        .rows
        .iter()
        .map(|r| {
            (
                r.label.as_str(),
                r.before.as_str(),
                r.after.as_str(),
                r.delta,
                r.change.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("a", "20,0%", "30,0%", 100, "▲ tăng 10,0 điểm %"),
            ("B", "60,0%", "60,0%", 0, "= không đổi"),
            ("C", "20,0%", "10,0%", -100, "▼ giảm 10,0 điểm %"),
            ("a + B", "80,0%", "90,0%", 100, "▲ tăng 10,0 điểm %"),
        ]
    );
    // A unit compared with itself a year before.
    let vt_now = scoped(&d, 0, Some("viet-tri")).unwrap();
    let vt_old = scoped(&d, 1, Some("viet-tri"));
    let c = compare(
        &d,
        &vt_now,
        vt_old.as_ref(),
        Selection::default(),
        UiLang::En,
    );
    assert_eq!(c[1].rows.len(), 3);
    assert_eq!(c[1].rows[0].change, "▲ up 12.5 pp");
    // No base at all: every group says so (no rows).
    assert!(compare(&d, &now, None, sel, UiLang::En)
        .iter()
        .all(|g| g.rows.is_empty()));
}

#[test]
fn the_example_file_is_valid_illustrative_and_drillable() {
    let c = check(EXAMPLE).expect("example is valid");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let d = c.dataset;
    assert!(d.title.get("vi").contains("giả định"));
    assert!(d.title.get("en").contains("invented"));
    assert_eq!(d.units.len(), 13);
    assert_eq!(periods(&d).len(), 2);
    let names = folded_names(&d, UiLang::Vi);
    assert_eq!(search(&names, "viet tri", 5).0.len(), 1);
    // Units add up to the top level in every period and group.
    for p in periods(&d) {
        for g in p.groups {
            let mut sum = vec![0u64; d.tiers.len()];
            for u in p.units {
                let ug = u.groups.iter().find(|x| x.id == g.id).unwrap();
                for (s, c) in sum.iter_mut().zip(&ug.counts) {
                    *s += c;
                }
            }
            assert_eq!(sum, g.counts, "{} {}", p.id, g.id);
        }
    }
}

#[test]
fn comparison_shows_tiny_shares_as_the_bars_do() {
    let v = json!({
        "version": 1, "lang": "en", "title": "T",
        "tiers": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "groups": [{"id": "g", "label": "G", "counts": {"a": 1, "b": 4999}}],
        "periods": [{"id": "old", "label": "Old", "groups": [{"id": "g", "counts": {"a": 0, "b": 10}}]}]
    });
    let d = dataset(&v.to_string());
    let now = scoped(&d, 0, None).unwrap();
    let old = scoped(&d, 1, None);
    let c = compare(&d, &now, old.as_ref(), Selection::default(), UiLang::En);
    let r = &c[0].rows;
    assert_eq!(
        (r[0].before.as_str(), r[0].after.as_str()),
        ("0.0%", "<0.1%")
    );
    assert_eq!(
        (r[1].before.as_str(), r[1].after.as_str()),
        ("100.0%", ">99.9%")
    );
}

/// Regression: fold's own small-letter map (it replaced `char::to_lowercase`
/// and its 11.7 KB table) must agree with it on the scripts it covers, or a
/// search for "ÇA" or "МОСКВА" would stop finding "ça" or "москва".
#[test]
fn fold_lowers_latin_greek_and_cyrillic_like_std() {
    let ranges = [0x20..0x250u32, 0x370..0x400, 0x400..0x460];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let folded = tier_breakdown_core::fold::fold(&c.to_string());
        let base = tier_breakdown_core::fold::base(c);
        let std: String = base.to_lowercase().collect();
        let b = base as u32;
        let covered = (0x41..=0x17F).contains(&b)
            || (0x391..=0x3AB).contains(&b)
            || (0x400..=0x42F).contains(&b);
        if covered && std.chars().count() == 1 {
            assert_eq!(folded, std, "{c} U+{:04X}", c as u32);
        } else if !covered {
            // Outside the map: small letters and everything else unchanged.
            assert_eq!(folded, base.to_string(), "{c} U+{:04X}", c as u32);
        }
    }
    assert_eq!(
        tier_breakdown_core::fold::fold("ÇÀ ΑΘΗΝΑ МОСКВА ĐÀ LẠT"),
        "ça αθηνα москва da lat"
    );
}
