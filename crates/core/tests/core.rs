//! Native tests of the pure core: parse, validate, stack, lay out, format.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect;
use serde_json::{json, Value};
use tier_breakdown_core::format::{date, int, percent, share};
use tier_breakdown_core::i18n::{problem_line, UiLang};
use tier_breakdown_core::layout::{chart, selected_line};
use tier_breakdown_core::model::Date;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::stack::{coverage, shares, stack, Selection};
use tier_breakdown_core::validate::{check, Checked, MAX_NOTES, MAX_PROBLEMS};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn seed_value() -> Value {
    serde_json::from_str(SEED_JSON).unwrap()
}

/// The seed with one change: `edit` gets the JSON tree to change in place.
fn seed_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = seed_value();
    edit(&mut v);
    v.to_string()
}

/// Asserts that `input` is refused with exactly these English error lines.
fn check_errors(input: &str, expected: &[&str]) {
    match check(input) {
        Ok(_) => panic!("accepted, expected errors {expected:?}"),
        Err(r) => {
            let got: Vec<String> = r.errors.iter().map(|p| p.to_string()).collect();
            assert_eq!(got, expected, "input: {}", &input[..input.len().min(200)]);
        }
    }
}

/// Asserts that `input` is accepted with exactly these English warning lines.
fn check_warnings(input: &str, expected: &[&str]) -> Checked {
    match check(input) {
        Err(r) => panic!(
            "refused: {:?}",
            r.errors.iter().map(|p| p.to_string()).collect::<Vec<_>>()
        ),
        Ok(c) => {
            let got: Vec<String> = c.warnings.iter().map(|p| p.to_string()).collect();
            assert_eq!(got, expected);
            c
        }
    }
}

#[test]
fn seed_is_valid_with_the_articles_figures() {
    let c = check_warnings(SEED_JSON, &[]);
    let d = c.dataset;
    let ids: Vec<&str> = d.tiers.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["excellent", "good", "completed", "not_completed"]);
    type Row<'a> = (&'a str, Option<u64>, Option<u64>, Vec<u64>);
    let figures: Vec<Row> = d
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.total, g.evaluated, g.counts.clone()))
        .collect();
    assert_eq!(
        figures,
        vec![
            ("organisations", Some(698), Some(695), vec![131, 539, 25, 0]),
            ("cells", Some(5084), Some(5062), vec![894, 3791, 376, 1]),
            ("members", None, Some(94877), vec![15397, 74551, 4492, 437]),
        ]
    );
    assert_eq!(
        d.title.get("en"),
        "Annual review of party organisations and members, 2022"
    );
    assert_eq!(
        d.source.unwrap().url.as_deref(),
        Some("https://baophutho.vn/")
    );
}

#[test]
fn good_fixtures_are_accepted() {
    // A UTF-8 byte order mark, as Excel and Notepad write it, is accepted.
    let bom = fixture("good/bom.json");
    assert!(bom.starts_with('\u{feff}'));
    check_warnings(&bom, &[]);
    let c = check_warnings(&fixture("good/minimal-en.json"), &[]);
    assert_eq!(c.dataset.tiers[0].color.unwrap().css(), "#1b7837");
}

#[test]
fn syntax_and_whole_file_errors() {
    check_errors("", &["the file is empty"]);
    check_errors("  \n", &["the file is empty"]);
    check_errors("\u{feff}", &["the file is empty"]);
    check_errors(
        &fixture("bad/html.json"),
        &["this is an HTML page, not a JSON file (is the address right?)"],
    );
    check_errors(
        &fixture("bad/truncated.json"),
        &["not valid JSON at line 6, column 1: the file ends inside a list"],
    );
    check_errors(
        "hello",
        &["not valid JSON at line 1, column 1: expected a value"],
    );
    check_errors("[1, 2]", &["expected an object { … }, found […]"]);
    check_errors(
        "{\"version\": 1e309}",
        &["not valid JSON at line 1, column 13: number out of range"],
    );
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(5 * 1024 * 1024));
    check_errors(
        &big,
        &["the file is too large (5242889 bytes, the limit is 5242880)"],
    );
}

#[test]
fn version_is_checked_first() {
    check_errors(
        &seed_with(|v| v["version"] = json!(4)),
        &["version: format version 4 is not supported (this widget reads versions 1 to 3)"],
    );
    check_errors(
        &seed_with(|v| v["version"] = json!("1")),
        &["version: format version \"1\" is not supported (this widget reads versions 1 to 3)"],
    );
    check_errors(
        &seed_with(|v| drop(v.as_object_mut().unwrap().remove("version"))),
        &["version: required field is missing"],
    );
}

#[test]
fn every_required_field_missing_in_turn() {
    for (field, line) in [
        ("lang", "lang: required field is missing"),
        ("title", "title: required field is missing"),
        ("tiers", "tiers: required field is missing"),
        ("groups", "groups: required field is missing"),
    ] {
        check_errors(
            &seed_with(|v| drop(v.as_object_mut().unwrap().remove(field))),
            &[line],
        );
    }
    check_errors(
        &seed_with(|v| drop(v["tiers"][1].as_object_mut().unwrap().remove("label"))),
        &["tiers[1].label: required field is missing"],
    );
    check_errors(
        &seed_with(|v| drop(v["groups"][2].as_object_mut().unwrap().remove("counts"))),
        &["groups[2].counts: required field is missing"],
    );
    check_errors(
        &seed_with(|v| drop(v["groups"][0].as_object_mut().unwrap().remove("id"))),
        &["groups[0].id: required field is missing"],
    );
    check_errors(
        &seed_with(|v| drop(v["source"].as_object_mut().unwrap().remove("name"))),
        &["source.name: required field is missing"],
    );
}

#[test]
fn all_errors_are_collected_with_their_paths() {
    check_errors(
        &fixture("bad/negative.json"),
        &[
            "groups[1].counts.good: expected a whole number ≥ 0, found -3",
            "groups[1].counts.bad: expected a whole number ≥ 0, found \"12\"",
        ],
    );
    check_errors(
        &seed_with(|v| {
            v["groups"][0]["counts"]["good"] = json!(1.5);
            v["groups"][1]["counts"]["zzz"] = json!(1);
            v["groups"][2]["total"] = json!(9007199254740993u64);
            v["tiers"][0]["color"] = json!("red; background:url(x)");
            v["source"]["url"] = json!("javascript:alert(1)");
        }),
        &[
            "source.url: link \"javascript:alert(1)\" is refused: only full http:// or https:// addresses are allowed",
            "tiers[0].color: colour \"red; background:url(x)\" is not valid: use the form #rrggbb",
            "groups[0].counts.good: expected a whole number ≥ 0, found 1.5",
            "groups[1].counts.zzz: there is no tier \"zzz\" in the tiers list",
            "groups[2].total: expected a whole number ≤ 9007199254740991, found 9007199254740993",
        ],
    );
}

#[test]
fn ids_limits_and_types() {
    check_errors(
        &seed_with(|v| v["tiers"][1]["id"] = json!("excellent")),
        &["tiers[1].id: id \"excellent\" is used twice"],
    );
    check_errors(
        &seed_with(|v| v["groups"][1]["id"] = json!("members")),
        &["groups[2].id: id \"members\" is used twice"],
    );
    check_errors(
        &seed_with(|v| v["groups"][0]["id"] = json!("a b<script>")),
        &["groups[0].id: id \"a b<script>\" is not valid: use only letters a–z, A–Z, digits, \"_\" and \"-\" (64 at most)"],
    );
    check_errors(
        &seed_with(|v| v["tiers"] = json!([v["tiers"][0].clone()])),
        &["tiers: expected 2 to 8 entries, found 1"],
    );
    check_errors(
        &seed_with(|v| v["groups"] = json!(vec![v["groups"][0].clone(); 13])),
        &["groups: expected 1 to 12 entries, found 13"],
    );
    check_errors(
        &seed_with(|v| {
            drop(
                v["groups"][0]["counts"]
                    .as_object_mut()
                    .unwrap()
                    .remove("not_completed"),
            )
        }),
        &["groups[0].counts: no count for tier \"not_completed\" (write 0 if there were none)"],
    );
    check_errors(
        &seed_with(|v| v["title"] = json!(42)),
        &["title: expected a text string or {\"vi\": …, \"en\": …}, found 42"],
    );
    check_errors(
        &seed_with(|v| v["title"] = json!("  ")),
        &["title: must not be empty"],
    );
    check_errors(
        &seed_with(|v| v["lang"] = json!("Vietnamese")),
        &["lang: language code \"Vietnamese\" is not valid (e.g. \"vi\", \"en\")"],
    );
    check_errors(
        &seed_with(|v| v["source"]["published"] = json!("2023-02-30")),
        &["source.published: date \"2023-02-30\" is not valid: use the form YYYY-MM-DD"],
    );
    for url in [
        "data:text/html,x",
        "/relative/path",
        "https://",
        "https://x y",
    ] {
        let expected = format!(
            "source.url: link {} is refused: only full http:// or https:// addresses are allowed",
            serde_json::to_string(url).unwrap()
        );
        check_errors(
            &seed_with(|v| v["source"]["url"] = json!(url)),
            &[&expected],
        );
    }
}

#[test]
fn warnings_do_not_stop_the_chart() {
    check_warnings(
        &seed_with(|v| v["groups"][0]["counts"]["good"] = json!(540)),
        &["groups[0].counts: the tiers add up to 696, not to the 695 evaluated"],
    );
    check_warnings(
        &seed_with(|v| v["groups"][0]["evaluated"] = json!(700)),
        &[
            "groups[0].counts: the tiers add up to 695, not to the 700 evaluated",
            "groups[0].evaluated: more evaluated (700) than the total (698)",
        ],
    );
    check_warnings(
        &seed_with(|v| v["colour"] = json!("x")),
        &["field \"colour\" is not part of the format and was ignored"],
    );
    let c = check_warnings(
        &seed_with(|v| {
            v["groups"][2]["counts"] =
                json!({"excellent": 0, "good": 0, "completed": 0, "not_completed": 0});
            v["groups"][2].as_object_mut().unwrap().remove("evaluated");
        }),
        &["groups[2].counts: every tier is zero: there is no data to draw"],
    );
    let view = chart(&c.dataset, UiLang::En, 600.0, false);
    assert!(view.groups[2].no_data);
    assert!(view.groups[2].rects.is_empty());
}

#[test]
fn messages_in_vietnamese() {
    let r = check(&fixture("bad/negative.json")).unwrap_err();
    assert_eq!(
        problem_line(UiLang::Vi, &r.errors[0]),
        "groups[1].counts.good: cần một số nguyên ≥ 0, nhưng có -3"
    );
    let r = check("").unwrap_err();
    assert_eq!(
        problem_line(UiLang::Vi, &r.errors[0]),
        "tệp rỗng, không có dữ liệu"
    );
}

// Hostile labels: the core makes no HTML, so a test here could not fail.
// Where labels meet markup it is tested: the widget (tests/e2e/matrix.test.mjs
// compares the shown title with the label text, and looks for elements it
// must not have made) and the standalone file (crates/standalone/src/lib.rs,
// tests/e2e/standalone.test.mjs).

#[test]
fn shares_add_up_to_exactly_100() {
    for counts in [
        vec![131, 539, 25, 0],
        vec![894, 3791, 376, 1],
        vec![15397, 74551, 4492, 437],
        vec![1, 1, 1],
        vec![999, 1],
        vec![2, 1, 1, 1, 1, 1, 1, 1],
        vec![u64::MAX / 16, 1, u64::MAX / 16],
    ] {
        assert_eq!(shares(&counts).iter().sum::<u32>(), 1000, "{counts:?}");
    }
    assert_eq!(shares(&[1, 1, 1]), vec![334, 333, 333]);
    assert_eq!(shares(&[131, 539, 25, 0]), vec![188, 776, 36, 0]);
    assert_eq!(shares(&[894, 3791, 376, 1]), vec![177, 749, 74, 0]);
    assert_eq!(
        Selection(0b11).combined(&shares(&[15397, 74551, 4492, 437])),
        948
    );
}

#[test]
fn stacking_never_gives_nan() {
    let s = stack(&[0, 0, 0]);
    assert_eq!(s.sum, 0);
    assert!(s.segments.is_empty());
    let s = stack(&[894, 3791, 376, 1]);
    assert_eq!(s.segments.len(), 4);
    assert_eq!(s.segments[0].x0, 0.0);
    assert_eq!(s.segments[3].x1, 1.0);
    for w in s.segments.windows(2) {
        assert_eq!(w[0].x1, w[1].x0);
    }
    assert!(s
        .segments
        .iter()
        .all(|g| g.x0.is_finite() && g.x1.is_finite()));
}

#[test]
fn coverage_and_formats() {
    assert_eq!(coverage(695, 698), 996);
    assert_eq!(coverage(5062, 5084), 996);
    assert_eq!(coverage(698, 698), 1000);
    assert_eq!(coverage(9995, 10000), 999);
    assert_eq!(int(94877, UiLang::Vi), "94.877");
    assert_eq!(int(94877, UiLang::En), "94,877");
    assert_eq!(int(1_234_567, UiLang::Vi), "1.234.567");
    assert_eq!(int(0, UiLang::En), "0");
    assert_eq!(percent(162, UiLang::Vi), "16,2%");
    assert_eq!(percent(162, UiLang::En), "16.2%");
    assert_eq!(percent(5, UiLang::Vi), "0,5%");
    assert_eq!(share(0, 1, 5062, UiLang::Vi), "<0,1%");
    assert_eq!(share(0, 1, 5062, UiLang::En), "<0.1%");
    let d = Date {
        year: 2023,
        month: 3,
        day: 16,
    };
    assert_eq!(date(d, UiLang::Vi), "16/3/2023");
    assert_eq!(date(d, UiLang::En), "16 March 2023");
}

#[test]
fn selection_toggles() {
    let s = Selection::default().toggled(0).toggled(1);
    assert!(s.contains(0) && s.contains(1) && !s.contains(2));
    assert_eq!(s.tiers().collect::<Vec<_>>(), vec![0, 1]);
    assert!(s.toggled(0).toggled(1).is_empty());
    assert_eq!(Selection::default().toggled(9), Selection::default());
}

/// The tiers a chart starts with: the link's `tiers`, else the file's
/// `highlight`, else the two best (the best alone of two tiers).
#[test]
fn the_selection_a_chart_starts_with() {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let seed = check(SEED_JSON).unwrap().dataset;
    let three = check(&fixture("good/highlight.json")).unwrap().dataset;
    let two = check(&fixture("good/minimal-en.json")).unwrap().dataset;
    let empty = check(&seed_with(|v| v["highlight"] = json!([])))
        .unwrap()
        .dataset;
    for (d, asked, want) in [
        (&seed, ids(&[]), 0b11),
        (&seed, ids(&["completed"]), 0b100),
        (&seed, ids(&["none"]), 0),
        (&three, ids(&[]), 0b10),
        (&three, ids(&["low", "high"]), 0b101),
        (&two, ids(&[]), 0b1),
        (&empty, ids(&[]), 0),
    ] {
        assert_eq!(Selection::start(d, &asked), Selection(want), "{asked:?}");
    }
    // A link to nothing selected says so: an empty list would bring the highlight back.
    assert_eq!(Selection(0).ids(&seed), "none");
    assert_eq!(Selection(0b101).ids(&seed), "excellent,completed");
}

#[test]
fn highlight_names_tiers() {
    check_errors(
        &seed_with(|v| v["highlight"] = json!(["good", "best", 3])),
        &[
            "highlight[1]: there is no tier \"best\" in the tiers list",
            "highlight[2]: expected a text string, found 3",
        ],
    );
    check_errors(
        &seed_with(|v| v["highlight"] = json!("good")),
        &["highlight: expected a list [ … ], found \"good\""],
    );
}

/// Renders a chart view as text for a snapshot.
fn render(lang: UiLang, bar_px: f64, sel: Selection) -> String {
    let d = check(SEED_JSON).unwrap().dataset;
    let v = chart(&d, lang, bar_px, false);
    let mut out = format!("{}\n{}\n", v.title, v.subtitle.clone().unwrap_or_default());
    for g in &v.groups {
        out += &format!(
            "## {} [{}] {}\n  {}\n",
            g.heading, g.headline, g.id, g.coverage
        );
        for r in &g.rects {
            out += &format!(
                "  {:<14} x={:5.1} w={:5.1} {} inside={:?}\n",
                r.tier_id,
                r.x,
                r.w,
                r.fill,
                r.inside.as_deref().unwrap_or("-")
            );
        }
        let outside: Vec<&str> = g
            .outside
            .iter()
            .map(|&i| g.rects[i].full.as_str())
            .collect();
        out += &format!("  under: {}\n", outside.join(" | "));
        if let Some(line) = selected_line(&d, g, sel, lang) {
            out += &format!("  selected: {line}\n");
        }
    }
    let (name, url, date) = v.source.clone().unwrap();
    out += &format!(
        "{name} <{}> {}\n",
        url.unwrap_or_default(),
        date.unwrap_or_default()
    );
    out
}

#[test]
fn layout_snapshot_vi_desktop() {
    expect![[r#"
        Kết quả đánh giá, xếp loại tổ chức đảng và đảng viên năm 2022
        Tỉnh Phú Thọ: tổ chức cơ sở đảng, chi bộ và đảng viên theo mức xếp loại
        ## Tổ chức cơ sở đảng [695 được đánh giá] organisations
          695 trên tổng số 698 được đánh giá (99,6%)
          excellent      x=  0.0 w= 18.8 #0f3a66 inside="131 (18,8%)"
          good           x= 18.8 w= 77.6 #4a8fd6 inside="539 (77,6%)"
          completed      x= 96.4 w=  3.6 #bdd7f1 inside="-"
          under: Hoàn thành nhiệm vụ: 25 (3,6%)
          selected: Xuất sắc + Tốt: 96,4%
        ## Chi bộ trực thuộc Đảng ủy cơ sở [5.062 được đánh giá] cells
          5.062 trên tổng số 5.084 được đánh giá (99,6%)
          excellent      x=  0.0 w= 17.7 #0f3a66 inside="894 (17,7%)"
          good           x= 17.7 w= 74.9 #4a8fd6 inside="3.791 (74,9%)"
          completed      x= 92.6 w=  7.4 #bdd7f1 inside="7,4%"
          not_completed  x=100.0 w=  0.0 #b94a12 inside="-"
          under: Không hoàn thành nhiệm vụ: 1 (<0,1%)
          selected: Xuất sắc + Tốt: 92,6%
        ## Đảng viên [94.877 được đánh giá] members
          94.877 được đánh giá
          excellent      x=  0.0 w= 16.2 #0f3a66 inside="15.397 (16,2%)"
          good           x= 16.2 w= 78.6 #4a8fd6 inside="74.551 (78,6%)"
          completed      x= 94.8 w=  4.7 #bdd7f1 inside="-"
          not_completed  x= 99.5 w=  0.5 #b94a12 inside="-"
          under: Hoàn thành nhiệm vụ: 4.492 (4,7%) | Không hoàn thành nhiệm vụ: 437 (0,5%)
          selected: Xuất sắc + Tốt: 94,8%
        Nguồn: Ban Tổ chức Tỉnh ủy Phú Thọ, qua Báo Phú Thọ (Chi Hương) <https://baophutho.vn/> 16/3/2023
    "#]].assert_eq(&render(UiLang::Vi, 900.0, Selection(0b11)));
}

#[test]
fn layout_snapshot_en_phone() {
    expect![[r#"
        Annual review of party organisations and members, 2022
        Phú Thọ province: grassroots organisations, party cells and members by tier
        ## Grassroots party organisations [695 evaluated] organisations
          695 of 698 evaluated (99.6%)
          excellent      x=  0.0 w= 18.8 #0f3a66 inside="-"
          good           x= 18.8 w= 77.6 #4a8fd6 inside="77.6%"
          completed      x= 96.4 w=  3.6 #bdd7f1 inside="-"
          under: Completed duties excellently: 131 (18.8%) | Completed duties: 25 (3.6%)
        ## Party cells under grassroots committees [5,062 evaluated] cells
          5,062 of 5,084 evaluated (99.6%)
          excellent      x=  0.0 w= 17.7 #0f3a66 inside="-"
          good           x= 17.7 w= 74.9 #4a8fd6 inside="74.9%"
          completed      x= 92.6 w=  7.4 #bdd7f1 inside="-"
          not_completed  x=100.0 w=  0.0 #b94a12 inside="-"
          under: Completed duties excellently: 894 (17.7%) | Completed duties: 376 (7.4%) | Did not complete duties: 1 (<0.1%)
        ## Party members [94,877 evaluated] members
          94,877 evaluated
          excellent      x=  0.0 w= 16.2 #0f3a66 inside="-"
          good           x= 16.2 w= 78.6 #4a8fd6 inside="78.6%"
          completed      x= 94.8 w=  4.7 #bdd7f1 inside="-"
          not_completed  x= 99.5 w=  0.5 #b94a12 inside="-"
          under: Completed duties excellently: 15,397 (16.2%) | Completed duties: 4,492 (4.7%) | Did not complete duties: 437 (0.5%)
        Source: Organisation Commission of the Phú Thọ Provincial Party Committee, via Báo Phú Thọ (Chi Hương) <https://baophutho.vn/> 16 March 2023
    "#]].assert_eq(&render(UiLang::En, 300.0, Selection::default()));
}

#[test]
fn csv_has_a_bom_and_one_row_per_group_and_tier() {
    use tier_breakdown_core::export::csv;
    let d = check(SEED_JSON).unwrap().dataset;
    let text = csv(&d, UiLang::Vi, &[]);
    assert!(text.starts_with(
        "\u{feff}group,group_label,tier,tier_label,count,share_percent,evaluated,total\r\n"
    ));
    let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 1 + 3 * 4);
    assert_eq!(
        rows[1],
        "organisations,Tổ chức cơ sở đảng,excellent,Hoàn thành xuất sắc nhiệm vụ,131,18.8,695,698"
    );
    assert_eq!(
        rows[12],
        "members,Đảng viên,not_completed,Không hoàn thành nhiệm vụ,437,0.5,94877,"
    );
    // Only the groups shown; formulas and commas in labels are defused.
    let mut hostile = d.clone();
    hostile.groups[0].label = tier_breakdown_core::model::Text::plain("vi", "=HYPERLINK(\"x\"),1");
    let text = csv(&hostile, UiLang::Vi, &["organisations".to_string()]);
    assert_eq!(text.trim_end().split("\r\n").count(), 5);
    assert!(text.contains(",\"'=HYPERLINK(\"\"x\"\"),1\","), "{text}");
}

#[test]
fn table_and_summary_in_both_languages() {
    use tier_breakdown_core::export::{summary, table};
    let d = check(SEED_JSON).unwrap().dataset;
    let (head, rows) = table(&d, UiLang::En, &[]);
    // Short names: the table is read beside the key, and fits a phone.
    assert_eq!(head[1], "Excellent");
    assert_eq!(
        rows[2],
        [
            "Party members",
            "15,397 (16.2%)",
            "74,551 (78.6%)",
            "4,492 (4.7%)",
            "437 (0.5%)",
            "94,877"
        ]
    );
    assert_eq!(rows[0][5], "695 / 698");
    let s = summary(&d, UiLang::Vi, &["members".to_string()]);
    assert_eq!(
        s,
        "Đảng viên (94.877 được đánh giá): Hoàn thành xuất sắc nhiệm vụ 16,2%, Hoàn thành tốt nhiệm vụ 78,6%, \
         Hoàn thành nhiệm vụ 4,7%, Không hoàn thành nhiệm vụ 0,5%."
    );
}

/// A zero the report only implies carries the marker of the note that says
/// so (`0¹`), found by the note naming its group and tier in either
/// language; a zero no note names, a non-zero figure, or a note naming
/// only the group, carry none.
#[test]
fn an_implied_zero_carries_its_notes_marker() {
    use tier_breakdown_core::export::table;
    use tier_breakdown_core::layout::{marker, zero_note};
    let zero_note_of = |input: &str, g: usize, t: usize| {
        let d = check(input).unwrap().dataset;
        zero_note(&d, &d.groups[g], t)
    };
    let seed_notes = |notes: Value| seed_with(|v| v["notes"] = notes);
    for (what, input, group, tier, want) in [
        (
            "the seed's organisations",
            SEED_JSON.to_string(),
            0,
            3,
            Some(1),
        ),
        (
            "a figure that is not zero",
            SEED_JSON.to_string(),
            2,
            3,
            None,
        ),
        ("a zero no note names", seed_notes(json!(["x"])), 0, 3, None),
        (
            "named in English only, second note",
            seed_notes(json!([
                "y",
                {"en": "No figure for grassroots party organisations that did not complete duties."}
            ])),
            0,
            3,
            Some(2),
        ),
        (
            "the group named, not the tier",
            seed_notes(json!(["Tổ chức cơ sở đảng: xem bài"])),
            0,
            3,
            None,
        ),
    ] {
        assert_eq!(zero_note_of(&input, group, tier), want, "{what}");
    }
    assert_eq!(marker(1), "¹");
    assert_eq!(marker(40), "⁴⁰");
    let d = check(SEED_JSON).unwrap().dataset;
    assert_eq!(table(&d, UiLang::Vi, &[]).1[0][4], "0¹");
}

/// The footer is one block: the source with only the outlet as the link and
/// the date as the press writes it, the notes numbered as their markers,
/// then the table and CSV links (inside the block, after the rule).
#[test]
fn the_footer_links_the_outlet_and_numbers_the_notes() {
    use tier_breakdown_core::prerender::{chart_html, Options};
    let c = check(SEED_JSON).unwrap();
    let html = chart_html(&c, &Options::default()).html;
    let footer = &html[html.find("<figcaption").unwrap()..];
    for want in [
        "Nguồn: Ban Tổ chức Tỉnh ủy Phú Thọ, qua <a href=\"https://baophutho.vn/\" rel=\"noopener noreferrer\" target=\"_blank\">Báo Phú Thọ</a> (Chi Hương), 16/3/2023</p>",
        "Ghi chú: <ul aria-label=\"Ghi chú\"><li>¹ Bài báo không nêu",
        "<li>² Tổng số đảng viên",
        "<span class=\"tb-show\">Xem bảng số liệu</span><span class=\"tb-hide\">Ẩn bảng số liệu</span></button>",
        "Tải dữ liệu (CSV)</a></div></figcaption>",
    ] {
        assert!(footer.contains(want), "{want}\nin {footer}");
    }
    // The table sits above the footer, not in it.
    assert!(!footer.contains("<table"));
}

#[test]
fn values_in_messages_are_quoted_with_escapes_and_cut() {
    use tier_breakdown_core::validate::show_str;
    assert_eq!(show_str("a\"b\\c\nd\te\u{1}"), r#""a\"b\\c\nd\te\u{1}""#);
    assert_eq!(show_str("Việt Trì"), "\"Việt Trì\"");
    // Bidi overrides, zero-width characters and the BOM cannot reorder or hide text in a message.
    assert_eq!(
        show_str("a\u{202e}b\u{200b}c\u{feff}d\u{2066}e\u{2028}"),
        r#""a\u{202e}b\u{200b}c\u{feff}d\u{2066}e\u{2028}""#
    );
    let long = "x".repeat(50);
    assert_eq!(show_str(&long), format!("\"{}…\"", "x".repeat(40)));
}

/// Every JSON syntax error has words of its own in both languages (they
/// used to be matched as English text, and "invalid UTF-8" had no Vietnamese).
#[test]
fn every_syntax_error_is_worded_in_both_languages() {
    use tier_breakdown_core::i18n::syntax_message;
    use tier_breakdown_core::json::Syntax::*;
    let all = [
        TrailingCharacters,
        EndBeforeValue,
        ExpectedValue,
        TooDeep,
        EndInObject,
        TrailingComma,
        KeyNotString,
        ExpectedColon,
        ExpectedCommaOrBrace,
        EndInList,
        ExpectedCommaOrBracket,
        InvalidNumber,
        NumberOutOfRange,
        InvalidEscape,
        EndInString,
        InvalidUtf8,
        LoneSurrogate,
        InvalidCodePoint,
        ControlCharacter,
    ];
    for kind in all {
        let (vi, en) = (
            syntax_message(kind, UiLang::Vi),
            syntax_message(kind, UiLang::En),
        );
        assert!(!vi.is_empty() && !en.is_empty(), "{kind:?}");
        assert_ne!(vi, en, "{kind:?} has no Vietnamese");
    }
}

/// The standalone file writes this sentence into a JS string between single quotes.
#[test]
fn the_old_browser_sentence_is_safe_in_a_js_string() {
    use tier_breakdown_core::i18n::OLD_BROWSER;
    assert!(!OLD_BROWSER.contains(['\'', '\\', '<', '\n']));
    assert!(OLD_BROWSER.contains("DecompressionStream"));
}

// Trust boundaries (issue "a link cannot put words on the outlet's domain").

#[test]
fn keys_from_the_file_are_escaped_in_paths() {
    // A key with a terminal escape reached the native tool's terminal raw,
    // and a bidi override the reader's error lines.
    let input = seed_with(|v| {
        v["groups"][0]["counts"]["\u{1b}[31mred"] = json!(1);
        v["title"] = json!({"vi": "x", "v\u{202e}i": "y"});
    });
    let r = check(&input).unwrap_err();
    let paths: Vec<&str> = r.errors.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"groups[0].counts.\"\\u{1b}[31mred\""),
        "{paths:?}"
    );
    assert!(paths.contains(&"title.\"v\\u{202e}i\""), "{paths:?}");
    for p in &r.errors {
        let line = problem_line(UiLang::Vi, p);
        assert!(!line.contains(['\u{1b}', '\u{202e}']), "{line:?}");
    }
    // A megabyte-long key is cut like a value.
    let long = "k".repeat(1_000_000);
    let r = check(&seed_with(|v| {
        v["groups"][0]["counts"][long.as_str()] = json!(1)
    }))
    .unwrap_err();
    assert!(
        r.errors.iter().all(|p| p.path.len() < 100),
        "{}",
        r.errors[0].path.len()
    );
}

#[test]
fn a_megabyte_long_number_is_not_quoted_whole() {
    let digits = format!("1.{}1", "0".repeat(1_000_000));
    let input = SEED_JSON.replacen("\"total\": 698", &format!("\"total\": {digits}"), 1);
    let r = check(&input).unwrap_err();
    let line = problem_line(UiLang::En, &r.errors[0]);
    assert!(
        line.starts_with("groups[0].total:") && line.len() < 200,
        "{}",
        &line[..200.min(line.len())]
    );
}

#[test]
fn links_with_userinfo_are_refused() {
    use tier_breakdown_core::validate::safe_url;
    for bad in [
        "https://baophutho.vn@evil.example/",
        "https://user:pw@baophutho.vn/",
        "http://@x.example/",
    ] {
        assert_eq!(safe_url(bad), None, "{bad}");
    }
    assert!(
        safe_url("https://baophutho.vn/a?x=@b").is_some(),
        "an @ after the host is fine"
    );
}

/// Regression (issue #27): `site()` kept userinfo
/// (`https://GOI-0912-345-678@cdn.example`, a phone number put on the
/// outlet's page by anyone who writes the link) and, with no `/` after the
/// host, the whole query.
#[test]
fn load_messages_name_only_the_site() {
    use tier_breakdown_core::i18n::load_message;
    use tier_breakdown_core::problem::{site, LoadError};
    for (url, expected) in [
        (
            "https://data.example:8443/a/b.json?c#d",
            "https://data.example:8443",
        ),
        (
            "https://GOI-0912-345-678@cdn.example/x.json",
            "https://cdn.example",
        ),
        (
            "https://user:pw@cdn.example:81/x.json",
            "https://cdn.example:81",
        ),
        ("https://a@b@cdn.example", "https://cdn.example"),
        ("https://cdn.example?secret=1", "https://cdn.example"),
        ("https://cdn.example#secret", "https://cdn.example"),
        ("https://cdn.example\\secret", "https://cdn.example"),
        ("https://cdn.example/a@b.json", "https://cdn.example"),
        ("http://127.0.0.1:9/", "http://127.0.0.1:9"),
        ("file:///home/reporter/secret.json", "file://"),
        ("picked.json", "picked.json"),
        ("", ""),
    ] {
        assert_eq!(site(url), expected, "{url}");
    }
    let url = "https://GOI-0912-345-678@cdn.example/private/list.json?k=1".to_string();
    for e in [
        LoadError::Network { url: url.clone() },
        LoadError::Status {
            url: url.clone(),
            status: 404,
        },
        LoadError::TooBig { url: url.clone() },
        LoadError::Timeout {
            url: url.clone(),
            seconds: 9,
        },
    ] {
        for lang in [UiLang::Vi, UiLang::En] {
            let m = load_message(&e, lang);
            assert!(m.contains("https://cdn.example"), "{m}");
            assert!(
                !m.contains("GOI") && !m.contains("private") && !m.contains("k=1"),
                "{m}"
            );
        }
    }
}

#[test]
fn csv_cells_cannot_become_formulas_after_a_semicolon() {
    use tier_breakdown_core::export::csv;
    let c = check(&seed_with(|v| {
        v["groups"][0]["label"] = json!("Tổ chức;=1+2");
        v["groups"][1]["label"] = json!("=1+1");
    }))
    .unwrap();
    let text = csv(&c.dataset, UiLang::Vi, &[]);
    assert!(text.contains(",\"Tổ chức;=1+2\","), "{text}");
    assert!(text.contains(",'=1+1,"), "{text}");
    // Split the way Vietnamese Excel does (on `;`, outside quotes): no cell starts a formula.
    for line in text.lines() {
        let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                ';' | ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                c => cell.push(c),
            }
        }
        cells.push(cell);
        assert!(
            cells.iter().all(|c| !c.starts_with(['=', '+', '@'])),
            "{line}"
        );
    }
}

#[test]
fn errors_warnings_and_notes_are_capped() {
    // A file of a million bad notes once gave a million errors (and as
    // many list items in the widget).
    let bad = seed_with(|v| v["notes"] = Value::Array(vec![Value::from(0); 250_000]));
    let r = check(&bad).unwrap_err();
    assert_eq!(r.errors.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        r.errors[0].to_string(),
        "notes[0]: expected a text string or {\"vi\": …, \"en\": …}, found 0"
    );
    let last = r.errors.last().unwrap();
    assert_eq!(
        last.to_string(),
        format!("… and {} more", 250_000 - MAX_PROBLEMS)
    );
    assert_eq!(
        problem_line(UiLang::Vi, last),
        format!("… và {} mục khác", 250_000 - MAX_PROBLEMS)
    );

    // Good notes: every one is checked, the first MAX_NOTES are kept and a
    // warning says how many there were.
    let many = seed_with(|v| {
        v["notes"] = Value::Array((0..10_000).map(|i| Value::from(format!("n{i}"))).collect())
    });
    let c = check_warnings(
        &many,
        &["notes: the file has 10000 notes; only the first 50 are shown"],
    );
    assert_eq!(c.dataset.notes.len(), MAX_NOTES);
    assert_eq!(c.dataset.notes[49].get("vi"), "n49");
    let late_bad = seed_with(|v| {
        let mut notes: Vec<Value> = (0..1000).map(|i| Value::from(format!("n{i}"))).collect();
        notes[900] = Value::from(true);
        v["notes"] = Value::Array(notes);
    });
    check_errors(
        &late_bad,
        &["notes[900]: expected a text string or {\"vi\": …, \"en\": …}, found true"],
    );

    // Unknown fields: warnings capped the same way, and the file still draws.
    let unknown = seed_with(|v| {
        for i in 0..5_000 {
            v[format!("extra{i}")] = Value::from(0);
        }
    });
    let c = check(&unknown).unwrap();
    assert_eq!(c.warnings.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        c.warnings.last().unwrap().to_string(),
        format!("… and {} more", 5_000 - MAX_PROBLEMS)
    );

    // Unknown tiers in counts: errors.
    let counts = seed_with(|v| {
        for i in 0..3_000 {
            v["groups"][0]["counts"][format!("t{i}")] = Value::from(1);
        }
    });
    let r = check(&counts).unwrap_err();
    assert_eq!(r.errors.len(), MAX_PROBLEMS + 1);
}
