//! The editor's model end to end, natively: the seed read into a draft and
//! written back unchanged; tables pasted from spreadsheets (Vietnamese and
//! English numbers, counts and percentages, either orientation, "or
//! better", approximate figures, sub-units) written as the right files;
//! every problem's place found in the form.

use serde_json::{json, Value};
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_core::validate::check;
use tier_breakdown_draft::draft::{Basis, Draft};
use tier_breakdown_draft::table::{self, Role, Target};
use tier_breakdown_draft::write::{field_id, fields_for, open, results_file};

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Pastes `tsv` into `d` as recognised, and returns the file written.
fn paste(d: &mut Draft, tsv: &str) -> Value {
    let cells = table::read(tsv).unwrap();
    let m = table::recognise(d, &cells);
    table::apply(d, &cells, &m);
    value(&results_file(d, "results.schema.json"))
}

/// The seed's table as a Vietnamese spreadsheet copies it: tab-separated,
/// `.` grouping thousands, the members' total left empty.
const SEED_TSV: &str = "\tTổng số\tSố được đánh giá\tHoàn thành xuất sắc nhiệm vụ\tHoàn thành tốt nhiệm vụ\tHoàn thành nhiệm vụ\tKhông hoàn thành nhiệm vụ\r\n\
Tổ chức cơ sở đảng\t698\t695\t131\t539\t25\t0\r\n\
Chi bộ trực thuộc Đảng ủy cơ sở\t5.084\t5.062\t894\t3.791\t376\t1\r\n\
Đảng viên\t\t94.877\t15.397\t74.551\t4.492\t437\r\n";

#[test]
fn the_seed_goes_through_the_draft_unchanged() {
    let d = open(SEED_JSON).unwrap();
    let written = results_file(&d, "../docs/results.schema.json");
    assert_eq!(value(&written), value(SEED_JSON));
    assert!(check(&written).is_ok());
    assert!(written.ends_with("}\n") && written.contains("\n  \"version\": 1,\n"));
}

#[test]
fn a_pasted_spreadsheet_table_gives_the_seed_figures() {
    let mut d = Draft::blank();
    let file = paste(&mut d, SEED_TSV);
    let seed = value(SEED_JSON);
    for key in ["tiers", "groups"] {
        let ids = |v: &Value| -> Vec<Value> {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["id"].clone())
                .collect()
        };
        assert_eq!(ids(&file), ids(&seed), "{key}");
    }
    for (got, want) in file["groups"]
        .as_array()
        .unwrap()
        .iter()
        .zip(seed["groups"].as_array().unwrap())
    {
        for k in ["counts", "total", "evaluated", "label"] {
            let want = match (k, &want[k]) {
                // The paste gives a label in both languages (a review group's usual names).
                ("label", l) => l.clone(),
                (_, v) => v.clone(),
            };
            assert_eq!(got[k], want, "{k} of {}", got["id"]);
        }
    }
    assert_eq!(file["version"], 1);
    // Title still empty: the one error left for the journalist to fill in.
    let errors = check(&results_file(&d, "")).unwrap_err().errors;
    assert_eq!(
        errors.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        ["title"]
    );
}

#[test]
fn english_numbers_csv_with_semicolons_and_a_transposed_table() {
    let mut d = Draft::blank();
    let csv = "Tier,Members\nExcellent,\"15,397\"\nGood,\"74,551\"\nCompleted,\"4,492\"\nNot completed,437\n";
    let file = paste(&mut d, csv);
    assert_eq!(file["groups"][0]["id"], "members");
    assert_eq!(
        file["groups"][0]["counts"],
        json!({"excellent": 15397, "good": 74551, "completed": 4492, "not_completed": 437})
    );
    let mut d = Draft::blank();
    let semi = "Nhóm;Xuất sắc;Tốt;Hoàn thành;Không hoàn thành\nĐảng viên;15.397;74.551;4.492;437\n";
    let file = paste(&mut d, semi);
    assert_eq!(file["groups"][0]["counts"]["good"], 74551);
}

#[test]
fn a_percentage_table_gives_shares() {
    let mut d = Draft::blank();
    let tsv =
        "\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐảng viên\t16,2%\t78,6%\t4,7%\t0,5%\n";
    let file = paste(&mut d, tsv);
    assert_eq!(file["version"], 2);
    assert_eq!(
        file["groups"][0]["shares"],
        json!({"excellent": 16.2, "good": 78.6, "completed": 4.7, "not_completed": 0.5})
    );
    assert!(file["groups"][0].get("counts").is_none());
    // English percentages, with a space before the sign.
    let mut d = Draft::blank();
    let file = paste(&mut d, "\tExcellent (%)\tGood (%)\tCompleted (%)\tNot completed (%)\nMembers\t16.2 %\t78.6 %\t4.7 %\t0.5 %\n");
    assert_eq!(file["groups"][0]["shares"]["good"], 78.6);
    d.title.vi = "Tỉ lệ".into();
    assert!(check(&results_file(&d, "")).is_ok());
}

#[test]
fn an_or_better_report_and_approximate_figures() {
    let mut d = Draft::blank();
    let tsv = "\tSố được đánh giá\tXuất sắc\tHoàn thành tốt nhiệm vụ trở lên\tHoàn thành\tKhông hoàn thành\nTổ chức cơ sở đảng\t312\t61\t289\t20\tkhoảng 3\n";
    let cells = table::read(tsv).unwrap();
    let m = table::recognise(&d, &cells);
    assert_eq!(
        m.roles,
        [
            Role::Evaluated,
            Role::Tier(0),
            Role::Tier(1),
            Role::Tier(2),
            Role::Tier(3)
        ]
    );
    assert_eq!(m.or_better, [false, false, true, false, false]);
    table::apply(&mut d, &cells, &m);
    d.title.vi = "Trở lên".into();
    let text = results_file(&d, "");
    let file = value(&text);
    assert_eq!(file["version"], 2);
    assert_eq!(
        file["groups"][0]["counts"],
        json!({"excellent": 61, "good": {"or_better": 289}, "completed": 20, "not_completed": {"value": 3, "approx": "about"}})
    );
    let c = check(&text).unwrap();
    assert_eq!(c.dataset.groups[0].counts, [61, 228, 20, 3]);
}

#[test]
fn headers_that_name_no_tier_become_new_tiers_and_the_user_can_remap() {
    let mut d = Draft::blank();
    let tsv = "\tLoại A\tLoại B\tGhi chú\nCán bộ\t7\t3\tx\n";
    let cells = table::read(tsv).unwrap();
    let mut m = table::recognise(&d, &cells);
    assert_eq!(m.roles, [Role::NewTier, Role::NewTier, Role::Ignore]);
    // The user says "Loại A" is the first review tier.
    m.roles[0] = Role::Tier(0);
    table::apply(&mut d, &cells, &m);
    assert_eq!(d.tiers.len(), 5);
    assert_eq!(d.tiers[4].label.vi, "Loại B");
    assert_eq!(d.groups[0].figures[0].value, "7");
    assert_eq!(d.groups[0].figures[4].value, "3");
}

#[test]
fn a_table_of_sub_units() {
    let mut d = open(SEED_JSON).unwrap();
    let tsv = "Đơn vị\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nThành phố Việt Trì\t1.200\t5.400\t300\t20\nHuyện Lâm Thao\t800\t3.100\t150\t9\n";
    let cells = table::read(tsv).unwrap();
    let mut m = table::recognise(&d, &cells);
    m.target = Target::Units(2);
    table::apply(&mut d, &cells, &m);
    let text = results_file(&d, "");
    let file = value(&text);
    assert_eq!(file["units"][0]["id"], "thanh-pho-viet-tri");
    assert_eq!(file["units"][1]["label"], "Huyện Lâm Thao");
    assert_eq!(
        file["units"][0]["groups"][0],
        json!({"id": "members", "counts": {"excellent": 1200, "good": 5400, "completed": 300, "not_completed": 20}})
    );
    assert_eq!(
        file["groups"],
        value(SEED_JSON)["groups"],
        "the groups stay"
    );
    assert!(check(&text).is_ok());
}

#[test]
fn coverage_only_groups_and_bad_values_keep_their_place() {
    let mut d = open(SEED_JSON).unwrap();
    d.groups[0].basis = Basis::None;
    d.groups[1].figures[1].value = "nhiều".into();
    let text = results_file(&d, "");
    let file = value(&text);
    assert!(file["groups"][0].get("counts").is_none());
    assert_eq!(file["groups"][1]["counts"]["good"], "nhiều");
    let errors = check(&text).unwrap_err().errors;
    assert_eq!(errors[0].path, "groups[1].counts.good");
    assert_eq!(fields_for(&d, &errors[0])[0], "f-groups-1-fig-1");
}

#[test]
fn problem_places_name_form_fields() {
    let d = open(SEED_JSON).unwrap();
    for (path, id) in [
        ("title", "f-title-vi"),
        ("title.en", "f-title-en"),
        ("source.name", "f-source-name-vi"),
        ("source.url", "f-source-url"),
        ("notes[1]", "f-notes-1-vi"),
        ("notes[1].en", "f-notes-1-en"),
        ("tiers[2].color", "f-tiers-2-color"),
        ("tiers[0].label", "f-tiers-0-label-vi"),
        ("groups[2].evaluated", "f-groups-2-evaluated"),
        ("groups[0].counts.not_completed", "f-groups-0-fig-3"),
        ("groups[0].shares.good.approx", "f-groups-0-approx-1"),
        ("groups[0].counts.good.or_better", "f-groups-0-fig-1"),
        ("groups[0].counts", "f-groups-0-fig-0"),
        ("units[3].groups[0].counts.good", "f-units-3-groups-0-fig-1"),
        ("units[3].label", "f-units-3-label-vi"),
        ("periods[0].id", "f-periods-0-id"),
        ("lang", "f-lang"),
        ("groups[1].counts.nonesuch", "f-groups-1-basis"),
        ("fail_from", "f-fail_from"),
    ] {
        assert_eq!(field_id(&d, path), id, "{path}");
    }
    // A tier missing from a group: its own figure, then the group's fields.
    let mut d2 = d.clone();
    d2.groups[1].figures[2].value.clear();
    let text = results_file(&d2, "");
    let p = check(&text).unwrap_err().errors.remove(0);
    assert_eq!(p.path, "groups[1].counts");
    let fields = fields_for(&d2, &p);
    assert_eq!(&fields[..2], ["f-groups-1-fig-2", "f-groups-1-fig-0"]);
    assert!(fields.contains(&"f-groups-1-id".to_string()));
}

#[test]
fn files_the_editor_cannot_open_leave_a_reason() {
    use tier_breakdown_draft::write::OpenError;
    assert!(matches!(
        open("{\"version\": 1,"),
        Err(OpenError::Unreadable(_))
    ));
    assert!(matches!(open("[1, 2]"), Err(OpenError::NotAnObject)));
    assert!(matches!(open(""), Err(OpenError::Unreadable(_))));
    // A file with errors still opens, to be mended.
    let d =
        open("{\"version\": 1, \"title\": \"x\", \"tiers\": [{\"id\": \"a\"}], \"groups\": []}")
            .unwrap();
    assert_eq!(d.tiers[0].id, "a");
}

#[test]
fn the_draft_survives_storage() {
    let d = open(SEED_JSON).unwrap();
    let saved = serde_json::to_string(&d).unwrap();
    let back: Draft = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, d);
    // A draft saved before a field existed still loads.
    let old: Draft = serde_json::from_str(
        r#"{"lang": "en", "title": {"vi": "", "en": "Old"}, "groups": [{"id": "a"}]}"#,
    )
    .unwrap();
    assert_eq!(
        (
            old.title.en.as_str(),
            old.groups[0].id.as_str(),
            old.tiers.len()
        ),
        ("Old", "a", 4)
    );
}

#[test]
fn what_the_form_cannot_hold_is_named_when_a_file_is_opened() {
    use tier_breakdown_draft::write::left_out;
    assert_eq!(
        left_out(SEED_JSON, &open(SEED_JSON).unwrap()),
        Vec::<String>::new()
    );
    let districts = include_str!("../../../data/example-districts.json");
    assert_eq!(
        left_out(districts, &open(districts).unwrap()),
        Vec::<String>::new()
    );
    let mut v = value(SEED_JSON);
    v["groups"][0]["note"] = json!("x");
    v["periods"] = json!([{"id": "2021", "label": "2021", "groups": [], "units": [{"id": "a", "groups": []}], "why": 1}]);
    let text = v.to_string();
    assert_eq!(
        left_out(&text, &open(&text).unwrap()),
        ["groups[0].note", "periods[0].why"]
    );
}

#[test]
fn every_example_file_goes_through_the_draft_unchanged() {
    for (name, file) in [
        (
            "districts",
            include_str!("../../../data/example-districts.json"),
        ),
        (
            "of-which",
            include_str!("../../../data/example-of-which.json"),
        ),
        ("shares", include_str!("../../../data/example-shares.json")),
        (
            "coverage",
            include_str!("../../../data/example-coverage.json"),
        ),
        (
            "approximate",
            include_str!("../../../data/example-approximate.json"),
        ),
        (
            "naive-of-which",
            include_str!("../../../data/example-naive-of-which.json"),
        ),
    ] {
        let mut want = value(file);
        let schema = want
            .get("$schema")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let got = value(&results_file(&open(file).unwrap(), &schema));
        if schema.is_empty() {
            want.as_object_mut().unwrap().remove("$schema");
        }
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn applying_says_where_each_record_went() {
    let mut d = open(SEED_JSON).unwrap();
    let cells = table::read("\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐảng viên\t1\t2\t3\t4\nCông chức\t5\t6\t7\t8\n").unwrap();
    let m = table::recognise(&d, &cells);
    let placed = table::apply(&mut d, &cells, &m).records;
    let got: Vec<_> = placed
        .iter()
        .map(|p| (p.label.as_str(), p.id.as_str(), p.new))
        .collect();
    assert_eq!(
        got,
        [
            ("Đảng viên", "members", false),
            ("Công chức", "cong-chuc", true)
        ]
    );
    assert_eq!(
        d.groups[0].label.en, "Party members",
        "an updated group keeps its other label"
    );
}

#[test]
fn numbers_from_a_file_are_written_back_as_they_were() {
    // Bug found in review: a share of 12.345 was read back as 12345, and
    // an invalid count of 12.345 became a valid 12345.
    let mut v = value(SEED_JSON);
    v["version"] = json!(2);
    v["groups"][2] = json!({"id": "members", "label": "Đảng viên", "shares": {"excellent": 16.225, "good": 78.6, "completed": 4.675, "not_completed": 0.5}});
    v["groups"][0]["counts"]["good"] = json!(539.125);
    let text = v.to_string();
    let back = value(&results_file(
        &open(&text).unwrap(),
        "../docs/results.schema.json",
    ));
    assert_eq!(back["groups"][2]["shares"], v["groups"][2]["shares"]);
    assert_eq!(back["groups"][0]["counts"]["good"], json!(539.125));
    // Typed into a shares group, one separator is the decimal mark.
    let mut d = open(&text).unwrap();
    d.groups[2].figures[0].value = "16,225".into();
    let file = value(&results_file(&d, ""));
    assert_eq!(file["groups"][2]["shares"]["excellent"], json!(16.225));
}

#[test]
fn records_can_be_pointed_at_a_group_or_skipped_and_dropped_groups_are_named() {
    use tier_breakdown_draft::table::Dest;
    let mut d = open(SEED_JSON).unwrap();
    let cells = table::read(
        "\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐV\t1\t2\t3\t4\nRác\t5\t6\t7\t8\n",
    )
    .unwrap();
    let mut m = table::recognise(&d, &cells);
    assert_eq!(m.records, [Dest::Auto, Dest::Auto]);
    m.records = vec![Dest::To("members".into()), Dest::Skip];
    let applied = table::apply(&mut d, &cells, &m);
    assert_eq!(d.groups.len(), 1);
    assert_eq!(
        (
            d.groups[0].id.as_str(),
            d.groups[0].figures[0].value.as_str()
        ),
        ("members", "1")
    );
    assert_eq!(applied.removed, ["organisations", "cells"]);
}

#[test]
fn recognition_of_what_real_tables_look_like() {
    let d = Draft::blank();
    // Abbreviations, accents as combining marks (copied from a PDF), the
    // evaluated named with "tổng số", a % column next to the count column.
    let nfd = "Ho\u{300}an tha\u{300}nh to\u{301}t nhie\u{323}\u{302}m vu\u{323}";
    let tsv = format!("\tTổng số được đánh giá\tHTXSNV\t{nfd}\tTỉ lệ tốt (%)\tHTNV\tKHTNV\nĐảng viên\t100\t20\t70\t70%\t8\t2\n");
    let cells = table::read(&tsv).unwrap();
    let m = table::recognise(&d, &cells);
    assert_eq!(
        m.roles,
        [
            Role::Evaluated,
            Role::Tier(0),
            Role::Tier(1),
            Role::Ignore,
            Role::Tier(2),
            Role::Tier(3)
        ]
    );
    assert!(
        !m.shares,
        "a % column ignored does not make the counts shares"
    );
    // `;` lines under a title line that has a comma.
    let cells = table::read("Kết quả, năm 2022\nNhóm;Tốt;Khá\nA;16,2;3,5\n").unwrap();
    assert_eq!(cells[1], ["Nhóm", "Tốt", "Khá"]);
}

/// A partial split (format version 3) goes through the draft unchanged: a
/// tier not given is read as `not_given` and written back as `null`, and
/// the version is 3 only when a tier is not given.
#[test]
fn a_partial_split_goes_through_the_draft_unchanged() {
    let text = include_str!("../../../data/example-partial.json");
    let d = open(text).unwrap();
    let org = &d.groups[0];
    let given: Vec<bool> = org.figures.iter().map(|f| f.not_given).collect();
    assert_eq!(given, [false, false, true, true]);
    let written = results_file(&d, "../docs/results.schema.json");
    assert_eq!(value(&written), value(text));
    assert!(check(&written).is_ok());
    // Every tier given again: back to version 2 (the "or better" figure).
    let mut d = d;
    for g in &mut d.groups {
        for f in &mut g.figures {
            f.not_given = false;
            if f.value.is_empty() {
                f.value = "0".into();
            }
        }
    }
    assert_eq!(value(&results_file(&d, ""))["version"], 2);
}

#[test]
fn a_table_too_big_once_padded_is_refused_before_padding() {
    // Bug: the cap counted the cells read, not rows × widest row; one wide
    // row over many short ones passed it and was then padded to that width
    // (a few MB of text padded to ~4 GB: the editor's wasm aborted).
    let wide = format!("{}\n", vec!["x"; 1_000].join("\t"));
    let text = format!("{wide}{}", "a\t1\n".repeat(1_000));
    assert!(text.matches('\t').count() < table::MAX_CELLS);
    let read = table::read(&text).map(|t| (t.len(), t[0].len()));
    assert_eq!(read, Err(table::TableError::TooBig));
    // At the cap it is still read: 2 columns × 100,000 rows.
    let ok = "a\t1\n".repeat(table::MAX_CELLS / 2);
    assert_eq!(table::read(&ok).map(|t| t.len()), Ok(table::MAX_CELLS / 2));
}

/// `fail_from` goes through the draft: opened, written back, said in the
/// form's words when it names no tier, let go when its tier is removed.
/// Regression: the editor dropped it (named under "the editor has no field
/// for these"), so a file's pass/fail split was lost on saving.
#[test]
fn where_failing_starts_goes_through_the_draft() {
    use tier_breakdown_core::i18n::UiLang;
    use tier_breakdown_draft::{say, write::left_out};
    let mut v = value(SEED_JSON);
    v["fail_from"] = json!("completed");
    let text = v.to_string();
    let mut d = open(&text).unwrap();
    assert_eq!(d.fail_from, "completed");
    assert_eq!(d.split(), (2, 2));
    assert_eq!(value(&results_file(&d, "")), {
        v.as_object_mut().unwrap().remove("$schema");
        v.clone()
    });
    assert_eq!(left_out(&text, &d), Vec::<String>::new());
    d.fail_from = "passed".into();
    let p = check(&results_file(&d, "")).unwrap_err().errors.remove(0);
    assert_eq!(p.path, "fail_from");
    assert_eq!(
        say::line(&d, &p, UiLang::En),
        "Failing starts at: this tier is not in the list of tiers"
    );
    d.fail_from = "completed".into();
    d.remove_tier(2);
    assert_eq!((d.fail_from.as_str(), d.split()), ("", (2, 1)));
    assert!(!value(&results_file(&d, ""))
        .as_object()
        .unwrap()
        .contains_key("fail_from"));
}

/// The editor warns when the default colours may come too close: more
/// than 3 passing or 2 failing tiers without a colour of their own.
#[test]
fn crowded_default_colours_are_flagged() {
    for (n, fail_from, coloured, crowded) in [
        (4, None, vec![], false),
        (5, None, vec![], true),
        (5, Some(2), vec![], true),
        (5, Some(3), vec![], false),
        (8, Some(5), vec![], true),
        (5, None, vec![0, 1, 2, 3], false),
        (5, None, vec![0, 1, 2], true),
        (5, Some(2), vec![3], true),
        (5, Some(2), vec![2, 3, 4], false),
        (2, Some(0), vec![], false),
        (3, Some(0), vec![], true),
    ] {
        let mut d = Draft::blank();
        while d.tiers.len() < n {
            d.add_tier("Mức");
        }
        d.tiers.truncate(n);
        d.fail_from = fail_from
            .map(|i: usize| d.tiers[i].id.clone())
            .unwrap_or_default();
        for i in &coloured {
            d.tiers[*i].color = "#123456".into();
        }
        assert_eq!(
            d.crowded_colours(),
            crowded,
            "{n} tiers failing from {fail_from:?}, coloured {coloured:?}"
        );
    }
}
