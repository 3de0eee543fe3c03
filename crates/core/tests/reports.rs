//! The shapes real reports are printed in (format version 2): shares
//! instead of counts, "X or better, of which Y", coverage without a split,
//! approximate figures, and the naive "of which" typed as separate figures.
//! Table-driven over the illustrative files in `data/` and small inputs.

use serde_json::{json, Value};
use tier_breakdown_core::drill::GroupChange;
use tier_breakdown_core::export::{csv, summary, table};
use tier_breakdown_core::format::decimal;
use tier_breakdown_core::i18n::{problem_line, UiLang};
use tier_breakdown_core::layout::{chart, selected_line, GroupView};
use tier_breakdown_core::stack::Selection;
use tier_breakdown_core::validate::{check, share_millionths, Checked};

fn load(name: &str) -> Checked {
    let path = format!("{}/../../data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("example file");
    check(&text).unwrap_or_else(|r| panic!("{name}: {:?}", r.errors))
}

fn group<'a>(v: &'a [GroupView], id: &str) -> &'a GroupView {
    v.iter().find(|g| g.id == id).expect("group")
}

/// (tier id, text inside or under the bar) of a group.
fn segments(g: &GroupView) -> Vec<(String, String)> {
    g.rects
        .iter()
        .map(|r| (r.tier_id.clone(), r.full.clone()))
        .collect()
}

/// (label, before, after, change) of each row of a group's comparison.
fn change_rows(g: &GroupChange) -> Vec<(String, String, String, String)> {
    g.rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.before.clone(),
                r.after.clone(),
                r.change.clone(),
            )
        })
        .collect()
}

fn sel(ids: &[usize]) -> Selection {
    ids.iter().fold(Selection::default(), |s, &i| s.toggled(i))
}

#[test]
fn of_which_is_split_for_the_bar_and_shown_as_printed() {
    let c = load("example-of-which.json");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let g = &c.dataset.groups[0];
    // good only = 289 − 61.
    assert_eq!(g.counts, [61, 228, 20, 3]);
    for (lang, want_org, want_line, want_members) in [
        (
            UiLang::Vi,
            "Hoàn thành tốt nhiệm vụ: 228 (73,1%)",
            "Hoàn thành tốt nhiệm vụ trở lên: 289 (92,6%)",
            "Hoàn thành tốt nhiệm vụ trở lên: 89,4%",
        ),
        (
            UiLang::En,
            "Completed duties well: 228 (73.1%)",
            "Completed duties well or better: 289 (92.6%)",
            "Completed duties well or better: 89.4%",
        ),
    ] {
        let v = chart(&c.dataset, lang, 640.0, false);
        let org = group(&v.groups, "organisations");
        assert_eq!(segments(org)[1].1, want_org);
        assert_eq!(org.or_better, [want_line]);
        assert_eq!(org.tenths.iter().sum::<u32>(), 1000);
        assert!(org.marks.is_empty());
        let members = group(&v.groups, "members");
        assert_eq!(members.or_better, [want_members]);
        // Shares: excellent 15.2, good alone 89.4 − 15.2 = 74.2.
        assert_eq!(members.tenths, [152, 742, 99, 7]);
    }
}

#[test]
fn shares_are_shown_as_printed_and_add_up_to_100() {
    let c = load("example-shares.json");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let v = chart(&c.dataset, UiLang::Vi, 640.0, false);
    let members = group(&v.groups, "members");
    assert_eq!(members.tenths, [162, 786, 47, 5]);
    assert_eq!(
        members.rects[0].full,
        "Hoàn thành xuất sắc nhiệm vụ: 16,2% (theo báo cáo)"
    );
    assert_eq!(members.rects[0].count_text, "");
    assert_eq!(members.headline, "5.120 được đánh giá");
    assert_eq!(
        members.coverage,
        "5.120 được đánh giá · tỉ lệ theo báo cáo, không có số lượng"
    );
    // Two decimals: one decimal in the bar (adding up to 100,0%), the printed figure beside it.
    let cells = group(&v.groups, "cells");
    assert_eq!(cells.tenths.iter().sum::<u32>(), 1000);
    assert_eq!(
        cells.rects[0].full,
        "Hoàn thành xuất sắc nhiệm vụ: 17,7% (theo báo cáo: 17,65%)"
    );
    assert_eq!(cells.headline, "");
    assert_eq!(cells.coverage, "Tỉ lệ theo báo cáo, không có số lượng");
    assert_eq!(
        selected_line(&c.dataset, members, sel(&[0, 1]), UiLang::Vi).as_deref(),
        Some("Xuất sắc + Tốt: 94,8%")
    );
    // No count is invented anywhere.
    let text = csv(&c.dataset, UiLang::En, &[]);
    let line = text
        .lines()
        .find(|l| l.starts_with("members,") && l.contains(",excellent,"))
        .unwrap();
    assert_eq!(
        line,
        "members,Party members,excellent,Completed duties excellently,,16.2,5120,,shares,,16.2,"
    );
    let (_, rows) = table(&c.dataset, UiLang::En, &[]);
    assert_eq!(rows[0][1], "17.7%");
    assert_eq!(rows[0][5], "shares as reported, no counts");
    assert_eq!(rows[1][5], "5,120 · shares as reported, no counts");
    assert!(summary(&c.dataset, UiLang::En, &[]).contains(
        "Party cells (shares as reported, no counts): Completed duties excellently 17.7%"
    ));
}

#[test]
fn coverage_without_a_split_is_drawn_without_a_bar() {
    let c = load("example-coverage.json");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let v = chart(&c.dataset, UiLang::Vi, 640.0, false);
    let members = group(&v.groups, "members");
    assert!(!members.split);
    assert!(members.rects.is_empty());
    // The words say why there is no bar; the header's right slot is empty.
    assert_eq!(
        members.coverage,
        "Báo cáo không nêu số theo từng mức · 5.120 trên tổng số 5.168 được đánh giá (99,1%)"
    );
    assert_eq!(members.headline, "");
    assert_eq!(
        selected_line(&c.dataset, members, sel(&[0]), UiLang::Vi),
        None
    );
    let (_, rows) = table(&c.dataset, UiLang::Vi, &[]);
    assert_eq!(rows[2], ["Đảng viên", "–", "–", "–", "–", "5.120 / 5.168"]);
    let text = csv(&c.dataset, UiLang::En, &[]);
    assert!(
        text.contains("\r\nmembers,Party members,,,,,5120,5168,coverage,,,\r\n"),
        "{text}"
    );
    assert!(summary(&c.dataset, UiLang::En, &[]).contains(
        "Party members: 5,120 of 5,168 evaluated (99.1%), no breakdown by tier in the report."
    ));
    // Only a total: said as such everywhere.
    let t = check(&file(json!({ "total": 48 }))).unwrap();
    let v = chart(&t.dataset, UiLang::Vi, 640.0, false);
    assert_eq!(
        v.groups[0].coverage,
        "Báo cáo không nêu số theo từng mức · Tổng số: 48"
    );
    assert_eq!(
        summary(&t.dataset, UiLang::En, &[]),
        "G: Total: 48, no breakdown by tier in the report."
    );
    assert_eq!(table(&t.dataset, UiLang::En, &[]).1[0][4], "Total: 48");
}

#[test]
fn approximate_figures_are_marked_everywhere() {
    let c = load("example-approximate.json");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let v = chart(&c.dataset, UiLang::Vi, 640.0, false);
    let org = group(&v.groups, "organisations");
    assert_eq!(
        org.rects[0].full,
        "Hoàn thành xuất sắc nhiệm vụ: ≈ 200 (≈ 11,5%)"
    );
    assert_eq!(org.rects[1].count_text, "≈ 1.500");
    assert_eq!(org.rects[2].full, "Hoàn thành nhiệm vụ: 40 (2,3%)");
    // The evaluated figure is their sum: approximate too.
    assert_eq!(org.headline, "≈ 1.742 được đánh giá");
    assert_eq!(org.coverage, "≈ 1.742 được đánh giá");
    let members = group(&v.groups, "members");
    assert_eq!(members.rects[1].share_text, "> 82,0%");
    assert_eq!(
        selected_line(&c.dataset, org, sel(&[0, 1]), UiLang::Vi).as_deref(),
        Some("Xuất sắc + Tốt: ≈ 97,6%")
    );
    assert_eq!(
        selected_line(&c.dataset, org, sel(&[2]), UiLang::Vi).as_deref(),
        Some("Hoàn thành: 2,3%")
    );
    let s = summary(&c.dataset, UiLang::Vi, &[]);
    assert!(s.contains("Hoàn thành xuất sắc nhiệm vụ gần 11,5%"), "{s}");
    assert!(s.contains("Hoàn thành tốt nhiệm vụ hơn 82,0%"), "{s}");
    let text = csv(&c.dataset, UiLang::En, &[]);
    assert!(
        text.contains(",excellent,Completed duties excellently,200,11.5,,,counts,nearly,,\r\n"),
        "{text}"
    );
}

#[test]
fn a_naive_of_which_is_named_with_the_corrected_number_and_in_readers_words_on_the_chart() {
    let c = load("example-naive-of-which.json");
    let want_en = "groups[0].counts: \"good\" (289) seems to include \"excellent\" (61): the tiers add up to 373, not 312; if so, \"good\" alone is 228 (write \"good\": {\"or_better\": 289})";
    let lines: Vec<String> = c
        .warnings
        .iter()
        .map(|w| problem_line(UiLang::En, w))
        .collect();
    assert_eq!(lines, [want_en]);
    // Regression (issue 25): the mark on a published chart spoke the file's
    // keys and JSON ("write \"good\": {\"or_better\": 289}"); its readers
    // get what the report's figures do, the editor and the native tool
    // (above) keep the hint.
    for (lang, mark) in [
        (
            UiLang::En,
            "⚠ the report's figures for this group add up to 373, not 312",
        ),
        (
            UiLang::Vi,
            "⚠ các số của báo cáo cho nhóm này cộng lại là 373, không phải 312",
        ),
    ] {
        let v = chart(&c.dataset, lang, 640.0, false);
        assert_eq!(v.groups[0].marks, [mark]);
    }
}

/// Nothing of the editor in a published chart: its static markup (what the
/// widget draws too, from the same parts) holds no warning list, no JSON
/// path and no "field … is not part of the format"; a group's caveat is on
/// the group in plain words.
#[test]
fn a_published_chart_says_no_editor_words() {
    use tier_breakdown_core::prerender::{chart_html, Options};
    // Regression (issue 26): the footer listed every warning under the
    // chart, the editor's own ("field "x" is not part of the format…",
    // "the file has 60 notes…") among them.
    let path = format!(
        "{}/../../data/example-naive-of-which.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["stray"] = json!(1);
    v["groups"][0]["extra"] = json!(2);
    let c = check(&v.to_string()).unwrap();
    assert_eq!(c.warnings.len(), 3, "{:?}", c.warnings);
    for lang in ["vi", "en"] {
        let o = Options {
            lang: Some(lang.into()),
            ..Options::default()
        };
        let html = chart_html(&c, &o).html;
        for editor in [
            "groups[",
            "stray",
            "extra",
            "or_better",
            "tb-warnings",
            "không có trong định dạng",
            "not part of the format",
        ] {
            assert!(
                !html.contains(editor),
                "{lang}: {editor:?} in a published chart"
            );
        }
        assert!(html.contains("373"), "{lang}: the group's own mark is gone");
    }
}

/// A small version 2 file with one group `g` (fields merged in).
fn file(g: Value) -> String {
    let mut group = json!({ "id": "g", "label": "G" });
    if let (Some(o), Some(extra)) = (group.as_object_mut(), g.as_object()) {
        o.extend(extra.clone());
    }
    json!({
        "version": 2, "lang": "en", "title": "T",
        "tiers": [{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }, { "id": "c", "label": "C" }],
        "groups": [group]
    })
    .to_string()
}

fn errors(text: &str) -> Vec<String> {
    match check(text) {
        Ok(c) => c
            .warnings
            .iter()
            .map(|w| format!("warning {}", problem_line(UiLang::En, w)))
            .collect(),
        Err(r) => r
            .errors
            .iter()
            .map(|e| problem_line(UiLang::En, e))
            .collect(),
    }
}

#[test]
fn every_new_shape_error_and_warning() {
    for (g, want) in [
        (json!({ "shares": { "a": 50, "b": 30, "c": 20 } }), vec![]),
        (json!({ "shares": { "a": 50, "b": 30, "c": 19.9 } }), vec![]),
        // Whole numbers may be off by half a point each: 33 + 33 + 33 is fine.
        (json!({ "shares": { "a": 33, "b": 33, "c": 33 } }), vec![]),
        (json!({ "shares": { "a": 50, "b": 30, "c": 18 } }), vec!["warning groups[0].shares: the shares add up to 98%, not 100%: the bar shows their proportions"]),
        // Two decimals: off by 0.15 is more than 3 × 0.005.
        (json!({ "shares": { "a": 50.25, "b": 30, "c": 19.6 } }), vec!["warning groups[0].shares: the shares add up to 99.85%, not 100%: the bar shows their proportions"]),
        // A typo in "counts" is no group without a split: the counts are missing.
        (json!({ "evaluated": 10, "cuonts": { "a": 5, "b": 3, "c": 2 } }), vec!["groups[0].counts: required field is missing"]),
        (json!({ "shares": { "a": 50.5, "b": 30, "c": 20.05 } }), vec!["warning groups[0].shares: the shares add up to 100.55%, not 100%: the bar shows their proportions"]),
        (json!({ "counts": { "a": 1, "b": 2, "c": 3 }, "shares": { "a": 1, "b": 2, "c": 3 } }), vec!["groups[0]: give either \"counts\" or \"shares\", not both"]),
        (json!({ "shares": { "a": 101, "b": 0, "c": 0 } }), vec!["groups[0].shares.a: the share 101 is above 100%"]),
        (json!({ "shares": { "a": 1.1234567, "b": 0, "c": 0 } }), vec!["groups[0].shares.a: expected a percentage from 0 to 100 (at most 6 decimals, e.g. 89.4), found 1.1234567"]),
        (json!({ "shares": { "a": -1, "b": 0, "c": 0 } }), vec!["groups[0].shares.a: expected a percentage from 0 to 100 (at most 6 decimals, e.g. 89.4), found -1"]),
        (json!({ "counts": { "a": 5, "b": { "or_better": 3 }, "c": 1 } }), vec!["groups[0].counts.b: \"b\" or better is 3, less than the better tiers together (5)"]),
        (json!({ "shares": { "a": 50, "b": { "or_better": 40 }, "c": 60 } }), vec!["groups[0].shares.b: \"b\" or better is 40%, less than the better tiers together (50%)"]),
        (json!({ "counts": { "a": 5, "b": { "value": 3, "or_better": 8 }, "c": 1 } }), vec!["groups[0].counts.b: give exactly one of \"value\" (this tier alone) and \"or_better\" (this tier and the better ones)"]),
        (json!({ "counts": { "a": 5, "b": { "value": 3, "approx": "roughly" }, "c": 1 } }), vec!["groups[0].counts.b.approx: \"roughly\" is not valid: use \"about\", \"nearly\", \"over\" or \"under\""]),
        (json!({ "counts": { "a": 5, "b": { "value": 3, "approx": "about", "x": 1 }, "c": 1 } }), vec!["warning groups[0].counts.b: field \"x\" is not part of the format and was ignored"]),
        (json!({ "evaluated": 10, "counts": { "a": 5, "b": 3, "c": 1 } }), vec!["warning groups[0].counts: the tiers add up to 9, not to the 10 evaluated"]),
        // Approximate figures need not add up.
        (json!({ "evaluated": 10, "counts": { "a": { "value": 5, "approx": "about" }, "b": 3, "c": 1 } }), vec![]),
        (json!({ "total": 10, "evaluated": 12 }), vec!["warning groups[0].evaluated: more evaluated (12) than the total (10)"]),
        (json!({ "label": "G" }), vec!["groups[0].counts: required field is missing"]),
    ] {
        assert_eq!(errors(&file(g.clone())), want, "{g}");
    }
}

#[test]
fn version_2_shapes_in_a_version_1_file_are_refused() {
    for (g, want) in [
        (json!({ "shares": { "a": 50, "b": 30, "c": 20 } }), "groups[0].shares: this needs \"version\": 2 (a widget that reads only version 1 would draw it wrongly)"),
        (json!({ "counts": { "a": 5, "b": { "or_better": 8 }, "c": 1 } }), "groups[0].counts.b: this needs \"version\": 2 (a widget that reads only version 1 would draw it wrongly)"),
        (json!({ "total": 10, "evaluated": 9 }), "groups[0].counts: required field is missing"),
    ] {
        let text = file(g).replace("\"version\":2", "\"version\":1");
        assert_eq!(errors(&text), [want]);
    }
}

#[test]
fn shares_are_read_exactly_and_printed_with_their_decimals() {
    for (literal, millionths, vi) in [
        ("89.4", 89_400_000, "89,4%"),
        ("0.05", 50_000, "0,05%"),
        ("100", 100_000_000, "100,0%"),
        ("12.345678", 12_345_678, "12,345678%"),
        ("7.10", 7_100_000, "7,1%"),
    ] {
        let v = tier_breakdown_core::json::parse(literal).unwrap();
        assert_eq!(share_millionths(&v), Ok(millionths), "{literal}");
        assert_eq!(decimal(millionths, UiLang::Vi), vi);
    }
    for bad in ["1e1", "-0.5", "1234", "\"5\"", "0.1234567"] {
        let v = tier_breakdown_core::json::parse(bad).unwrap();
        assert!(share_millionths(&v).is_err(), "{bad}");
    }
}

/// Ranking and comparison over units and periods given in different shapes.
#[test]
fn ranking_and_comparison_work_on_the_new_shapes() {
    use tier_breakdown_core::drill::{compare, ranking, scoped};
    let path = format!(
        "{}/../../tests/fixtures/good/shapes-units.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let c =
        check(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|r| panic!("{:?}", r.errors));
    let d = &c.dataset;
    // Excellent + good ranked: north (shares) 90,0%, south (or better) 90,0%, east (no split) –.
    let rows = ranking(d, 0, "members", sel(&[0, 1]));
    let texts: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            let t = r.texts(UiLang::En);
            (t.evaluated, t.share)
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("–".to_string(), "90.0%".to_string()),
            ("400".to_string(), "90.0%".to_string()),
            ("–".to_string(), "–".to_string()),
        ]
    );
    // The top level in 2023 (counts, good or better 900) against 2022 (shares).
    let shown = scoped(d, 0, None).unwrap();
    let base = scoped(d, 1, None);
    let groups = compare(d, &shown, base.as_ref(), sel(&[0, 1]), UiLang::En);
    let rows = change_rows(&groups[0]);
    assert_eq!(
        rows[0],
        (
            "Excellent".into(),
            "12.5%".into(),
            "15.0%".into(),
            "▲ up 2.5 pp".into()
        )
    );
    assert_eq!(
        rows[1],
        (
            "Good".into(),
            "75.0%".into(),
            "75.0%".into(),
            "= no change".into()
        )
    );
    assert_eq!(rows[4].3, "▲ up 2.5 pp");
    // A unit without a split: its view says so and draws no bar.
    let east = scoped(d, 0, Some("east")).unwrap();
    let v = chart(&east, UiLang::En, 640.0, false);
    assert!(!v.groups[0].split);
    assert_eq!(
        v.groups[0].coverage,
        "No breakdown by tier in the report · 290 of 300 evaluated (96.7%)"
    );
}

/// An "or better" line shows the figure as printed, with its own mark.
#[test]
fn or_better_lines_show_the_printed_figure_and_its_own_mark() {
    let view = |g: Value| {
        let c = check(&file(g)).unwrap_or_else(|r| panic!("{:?}", r.errors));
        chart(&c.dataset, UiLang::En, 640.0, false).groups.remove(0)
    };
    // The bar rounds 94.8 − 16.2 to 78.7 (largest remainder); the line says 94.8% as printed.
    let g = view(json!({ "shares": { "a": 16.2, "b": { "or_better": 94.8 }, "c": 5.1 } }));
    assert_eq!(g.or_better, ["B or better: 94.8%"]);
    // Only printed shares say "as reported".
    assert!(
        g.rects[0].full.ends_with("(as reported)"),
        "{}",
        g.rects[0].full
    );
    assert!(
        !g.rects[1].full.contains("as reported"),
        "{}",
        g.rects[1].full
    );
    // An exact "or better" figure stays exact; its own part, with an approximate better tier, is about.
    let g = view(
        json!({ "counts": { "a": { "value": 60, "approx": "under" }, "b": { "or_better": 289 }, "c": 20 } }),
    );
    assert_eq!(g.or_better, ["B or better: 289 (93.5%)"]);
    assert_eq!(g.rects[1].count_text, "≈ 229");
    let g = view(
        json!({ "counts": { "a": 60, "b": { "or_better": 289, "approx": "over" }, "c": 20 } }),
    );
    assert_eq!(g.or_better, ["B or better: > 289 (> 93.5%)"]);
    assert_eq!(g.rects[1].count_text, "> 229");
}

/// Approximate figures keep their mark in the ranking and the comparison.
#[test]
fn ranking_and_comparison_mark_approximate_figures() {
    use tier_breakdown_core::drill::{compare, ranking, scoped};
    let text = json!({
        "version": 2, "lang": "en", "title": "T", "period_id": "2023",
        "tiers": [{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }],
        "groups": [{ "id": "g", "label": "G", "counts": { "a": { "value": 200, "approx": "nearly" }, "b": 800 } }],
        "units": [
            { "id": "u1", "label": "U1", "groups": [{ "id": "g", "counts": { "a": { "value": 30, "approx": "about" }, "b": 70 } }] },
            { "id": "u2", "label": "U2", "groups": [{ "id": "g", "counts": { "a": 40, "b": 60 } }] }
        ],
        "periods": [{ "id": "2022", "label": "2022", "groups": [{ "id": "g", "counts": { "a": 100, "b": 900 } }] }]
    })
    .to_string();
    let c = check(&text).unwrap_or_else(|r| panic!("{:?}", r.errors));
    let d = &c.dataset;
    let shares: Vec<String> = ranking(d, 0, "g", sel(&[0]))
        .iter()
        .map(|r| r.texts(UiLang::En).share)
        .collect();
    assert_eq!(shares, ["≈ 30.0%", "40.0%"]);
    // Ranked by the exact tier only: no mark.
    let shares: Vec<String> = ranking(d, 0, "g", sel(&[1]))
        .iter()
        .map(|r| r.texts(UiLang::En).share)
        .collect();
    assert_eq!(shares, ["70.0%", "60.0%"]);
    let shown = scoped(d, 0, None).unwrap();
    let base = scoped(d, 1, None);
    let rows = &compare(d, &shown, base.as_ref(), Selection::default(), UiLang::En)[0].rows;
    assert_eq!(
        (
            rows[0].before.as_str(),
            rows[0].after.as_str(),
            rows[0].change.as_str()
        ),
        ("10.0%", "≈ 20.0%", "≈ ▲ up 10.0 pp")
    );
    assert_eq!(
        (
            rows[1].before.as_str(),
            rows[1].after.as_str(),
            rows[1].change.as_str()
        ),
        ("90.0%", "80.0%", "▼ down 10.0 pp")
    );
}

/// Partial splits (format version 3): a tier the report does not give is
/// `null`, and the bar draws the given tiers and one hatched rest.
#[test]
fn a_partial_split_draws_the_given_tiers_and_the_rest_not_given() {
    let c = load("example-partial.json");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let org = &c.dataset.groups[0];
    // "61/64 good or better, of which 12 excellent": good alone 49, 3 not split.
    assert_eq!(org.counts, [12, 49, 0, 0]);
    assert_eq!(org.rest(), 3);
    for (lang, want_org, rest_org, want_members, rest_members) in [
        (
            UiLang::Vi,
            [
                ("excellent", "Hoàn thành xuất sắc nhiệm vụ: 12 (18,7%)"),
                ("good", "Hoàn thành tốt nhiệm vụ: 49 (76,6%)"),
                ("", "Không nêu trong báo cáo: 3 (4,7%)"),
            ],
            "Không nêu trong báo cáo: 3 (4,7%)",
            [
                ("good", "Xuất sắc + Tốt: 97,6% (theo báo cáo)"),
                ("", "Không nêu trong báo cáo: 1,9%"),
                (
                    "not_completed",
                    "Không hoàn thành nhiệm vụ: 0,5% (theo báo cáo)",
                ),
            ],
            "Không nêu trong báo cáo: 1,9%",
        ),
        (
            UiLang::En,
            [
                ("excellent", "Completed duties excellently: 12 (18.7%)"),
                ("good", "Completed duties well: 49 (76.6%)"),
                ("", "Not given in the report: 3 (4.7%)"),
            ],
            "Not given in the report: 3 (4.7%)",
            [
                ("good", "Excellent + Good: 97.6% (as reported)"),
                ("", "Not given in the report: 1.9%"),
                (
                    "not_completed",
                    "Did not complete duties: 0.5% (as reported)",
                ),
            ],
            "Not given in the report: 1.9%",
        ),
    ] {
        let v = chart(&c.dataset, lang, 640.0, false);
        let pairs = |w: &[(&str, &str)]| -> Vec<(String, String)> {
            w.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let org = group(&v.groups, "organisations");
        assert_eq!(segments(org), pairs(&want_org));
        assert_eq!(org.rest.as_deref(), Some(rest_org));
        assert!(org.marks.is_empty(), "{:?}", org.marks);
        let members = group(&v.groups, "members");
        assert_eq!(segments(members), pairs(&want_members));
        assert_eq!(members.rest.as_deref(), Some(rest_members));
        // The rest is never a tier colour and has no text on it.
        for r in org.rects.iter().chain(&members.rects).filter(|r| r.rest) {
            assert!(r.fill.is_empty() && r.inside.is_none(), "{r:?}");
        }
    }
}

/// A selection share the rest could change is a lower bound ("≥"); one
/// that takes whole pieces is exact; one inside the rest is not given.
#[test]
fn a_selection_share_the_rest_could_change_is_a_lower_bound() {
    let c = load("example-partial.json");
    let v = chart(&c.dataset, UiLang::Vi, 640.0, false);
    let line =
        |g: &str, s: &[usize]| selected_line(&c.dataset, group(&v.groups, g), sel(s), UiLang::Vi);
    for (g, s, want) in [
        ("organisations", &[0, 1][..], "Xuất sắc + Tốt: 95,3%"),
        ("organisations", &[0], "Xuất sắc: 18,7%"),
        (
            "organisations",
            &[0, 1, 2],
            "Xuất sắc + Tốt + Hoàn thành: ≥ 95,3%",
        ),
        (
            "organisations",
            &[2, 3],
            "Hoàn thành + Không hoàn thành: 4,7%",
        ),
        (
            "organisations",
            &[3],
            "Không hoàn thành: Không nêu trong báo cáo",
        ),
        // Members: excellent and good are one block of 97,6%.
        ("members", &[0, 1], "Xuất sắc + Tốt: 97,6%"),
        ("members", &[1], "Tốt: Không nêu trong báo cáo"),
        ("members", &[1, 2], "Tốt + Hoàn thành: ≥ 1,9%"),
        ("members", &[3], "Không hoàn thành: 0,5%"),
    ] {
        assert_eq!(line(g, s).as_deref(), Some(want), "{g} {s:?}");
    }
}

/// A small version 3 file with one group `g` (fields merged in).
fn file3(g: Value) -> String {
    file(g).replace("\"version\":2", "\"version\":3")
}

#[test]
fn every_partial_split_error_and_warning() {
    for (g, want) in [
        (json!({ "evaluated": 10, "counts": { "a": 5, "b": null, "c": 1 } }), vec![]),
        (json!({ "total": 10, "counts": { "a": 5, "b": null, "c": 1 } }), vec![]),
        (json!({ "shares": { "a": 50, "b": null, "c": 10 } }), vec![]),
        // A typo still cannot drop a tier: a missing key stays an error.
        (json!({ "evaluated": 10, "counts": { "a": 5, "c": null } }), vec!["groups[0].counts: no count for tier \"b\" (write 0 if there were none)"]),
        (json!({ "evaluated": 10, "counts": { "a": null, "b": null, "c": null } }), vec!["groups[0].counts: no tier has a figure: if the report gives no split, leave out \"counts\" and give only \"evaluated\" or \"total\""]),
        // Counts without a base: the shares would be invented.
        (json!({ "counts": { "a": 5, "b": null, "c": 1 } }), vec!["groups[0]: a tier is not given (null), so \"evaluated\" or \"total\" is needed to know the rest"]),
        // The given tiers above the base.
        (json!({ "evaluated": 5, "counts": { "a": 5, "b": null, "c": 1 } }), vec!["warning groups[0].counts: the tiers add up to 6, not to the 5 evaluated"]),
        (json!({ "shares": { "a": 90, "b": null, "c": 20 } }), vec!["warning groups[0].shares: the shares add up to 110%, not 100%: the bar shows their proportions"]),
        (json!({ "evaluated": 10, "counts": { "a": 5, "b": { "or_better": null }, "c": 1 } }), vec!["groups[0].counts.b.or_better: expected a whole number ≥ 0, found null"]),
    ] {
        assert_eq!(errors(&file3(g.clone())), want, "{g}");
    }
    // null needs version 3.
    for v in ["1", "2"] {
        let text = file3(json!({ "evaluated": 10, "counts": { "a": 5, "b": null, "c": 1 } }))
            .replace("\"version\":3", &format!("\"version\":{v}"));
        assert_eq!(
            errors(&text),
            ["groups[0].counts.b: null (not given in the report) needs \"version\": 3"]
        );
    }
}

/// The CSV, the data table and the screen-reader summary of a partial
/// split: no tier not given is written as zero, the rest has its own row.
#[test]
fn a_partial_split_in_the_csv_table_and_summary() {
    let c = load("example-partial.json");
    let d = &c.dataset;
    let text = csv(d, UiLang::En, &[]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(",basis,approx,reported_share,or_better,not_given"));
    assert_eq!(
        lines[1..],
        [
            "organisations,Grassroots party organisations,excellent,Completed duties excellently,12,18.7,64,,counts,,,,",
            "organisations,Grassroots party organisations,good,Completed duties well,49,76.6,64,,counts,,,61,",
            "organisations,Grassroots party organisations,completed,Completed duties,,,64,,counts,,,,true",
            "organisations,Grassroots party organisations,not_completed,Did not complete duties,,,64,,counts,,,,true",
            "organisations,Grassroots party organisations,,Not given in the report,3,4.7,64,,counts,,,,true",
            "members,Party members,excellent,Completed duties excellently,,,,,shares,,,,true",
            "members,Party members,good,Completed duties well,,97.6,,,shares,,97.6,97.6,",
            "members,Party members,completed,Completed duties,,,,,shares,,,,true",
            "members,Party members,not_completed,Did not complete duties,,0.5,,,shares,,0.5,,",
            "members,Party members,,Not given in the report,,1.9,,,shares,,,,true",
        ]
    );
    let (_, rows) = table(d, UiLang::Vi, &[]);
    assert_eq!(
        rows,
        [
            [
                "Tổ chức cơ sở đảng",
                "12 (18,7%)",
                "49 (76,6%)",
                "Không nêu trong báo cáo",
                "Không nêu trong báo cáo",
                "64 · Không nêu trong báo cáo: 3 (4,7%)"
            ],
            [
                "Đảng viên",
                "Không nêu trong báo cáo",
                "Xuất sắc + Tốt: 97,6%",
                "Không nêu trong báo cáo",
                "0,5%",
                "tỉ lệ theo báo cáo, không có số lượng · Không nêu trong báo cáo: 1,9%"
            ],
        ]
    );
    assert_eq!(
        summary(d, UiLang::Vi, &[]),
        "Tổ chức cơ sở đảng (64 được đánh giá): Hoàn thành xuất sắc nhiệm vụ 18,7%, Hoàn thành tốt nhiệm vụ 76,6%, Không nêu trong báo cáo 4,7%. \
         Đảng viên (tỉ lệ theo báo cáo, không có số lượng): Xuất sắc + Tốt 97,6%, Không hoàn thành nhiệm vụ 0,5%, Không nêu trong báo cáo 1,9%."
    );
}

/// Ranking and comparison of a partial split: a share a not-given piece
/// could change is a lower bound, and its change is not known.
#[test]
fn ranking_and_comparison_of_a_partial_split() {
    use tier_breakdown_core::drill::{compare, ranking, scoped};
    let g = |a: Value, b: Value, c: Value| json!({ "id": "g", "evaluated": 10, "counts": { "a": a, "b": b, "c": c } });
    let text = json!({
        "version": 3, "lang": "en", "title": "T",
        "tiers": [{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }, { "id": "c", "label": "C" }],
        "groups": [{ "id": "g", "label": "G", "evaluated": 10, "counts": { "a": 5, "b": null, "c": null } }],
        "units": [
            { "id": "u1", "label": "U1", "groups": [g(json!(3), Value::Null, Value::Null)] },
            { "id": "u2", "label": "U2", "groups": [g(json!(6), json!(3), json!(1))] }
        ],
        "periods": [{ "id": "p0", "label": "2022", "groups": [g(json!(4), json!(4), json!(2))] }]
    })
    .to_string();
    let c = check(&text).unwrap_or_else(|r| panic!("{:?}", r.errors));
    let d = &c.dataset;
    let shares = |s: &[usize]| -> Vec<String> {
        ranking(d, 0, "g", sel(s))
            .iter()
            .map(|r| r.texts(UiLang::En).share)
            .collect()
    };
    assert_eq!(shares(&[0]), ["30.0%", "60.0%"]);
    assert_eq!(shares(&[0, 1]), ["≥ 30.0%", "90.0%"]);
    assert_eq!(shares(&[1]), ["Not given in the report", "30.0%"]);
    // One tier not given is the rest itself: known.
    let one = check(&text.replace("\"c\":null", "\"c\":1")).unwrap();
    let r = ranking(&one.dataset, 0, "g", sel(&[1]));
    assert_eq!(r[0].texts(UiLang::En).share, "60.0%");
    // 2023 (a 5 of 10, b and c not given) against 2022 (4, 4, 2).
    let shown = scoped(d, 0, None).unwrap();
    let base = scoped(d, 1, None);
    let rows = change_rows(&compare(d, &shown, base.as_ref(), sel(&[0, 1]), UiLang::En)[0]);
    let row = |a: &str, b: &str, c: &str, e: &str| {
        (a.to_string(), b.to_string(), c.to_string(), e.to_string())
    };
    assert_eq!(
        rows,
        [
            row("A", "40.0%", "50.0%", "▲ up 10.0 pp"),
            row("B", "40.0%", "Not given in the report", "–"),
            row("C", "20.0%", "Not given in the report", "–"),
            row("A + B", "80.0%", "≥ 50.0%", "–"),
        ]
    );
}
