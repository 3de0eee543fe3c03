//! The editor's words for places and choices: `Text::name_or`, the select
//! values of `choice` (round trips), and `say` (problems named by labels,
//! never by JSON paths or tier ids, numbers in the editor's language).

use tier_breakdown_core::i18n::UiLang;
use tier_breakdown_core::problem::{Expect, Problem, ProblemKind};
use tier_breakdown_core::validate::check;
use tier_breakdown_draft::choice::Choice;
use tier_breakdown_draft::draft::{Basis, Draft, Group, Part, Text};
use tier_breakdown_draft::say::line;
use tier_breakdown_draft::table::{Dest, Role, Target};
use tier_breakdown_draft::write::{open, results_file};

#[test]
fn name_or_takes_the_language_then_the_other_then_the_id() {
    let cases = [
        (("Chi bộ", "Cells"), "vi", "Chi bộ"),
        (("Chi bộ", "Cells"), "en", "Cells"),
        (("Chi bộ", ""), "en", "Chi bộ"),
        (("", "Cells"), "vi", "Cells"),
        // Blank is not a name (the five copies this replaced disagreed here).
        ((" ", "\t"), "vi", "cells"),
        (("", ""), "en", "cells"),
        ((" Chi bộ ", ""), "vi", "Chi bộ"),
    ];
    for ((vi, en), lang, want) in cases {
        assert_eq!(
            Text::new(vi, en).name_or(lang, "cells"),
            want,
            "{vi:?} {en:?} {lang}"
        );
    }
}

fn round_trip<T: Choice + PartialEq + std::fmt::Debug>(all: &[T]) {
    let mut seen = Vec::new();
    for c in all {
        let v = c.value();
        assert_eq!(T::from_value(&v).as_ref(), Some(c), "{v}");
        assert!(!seen.contains(&v), "{v} written twice");
        seen.push(v);
    }
}

#[test]
fn every_choice_round_trips_through_its_select_value() {
    round_trip(&[
        Role::Tier(0),
        Role::Tier(12),
        Role::NewTier,
        Role::Total,
        Role::Evaluated,
        Role::Ignore,
    ]);
    round_trip(&[Target::Groups, Target::Units(0), Target::Units(3)]);
    round_trip(&[
        Dest::Auto,
        Dest::Skip,
        Dest::To("chi-bo".into()),
        Dest::To("skip".into()),
        Dest::To(String::new()),
    ]);
    round_trip(&[Basis::Counts, Basis::Shares, Basis::None]);
    round_trip(&[true, false]);
}

#[test]
fn values_no_choice_writes_are_refused() {
    for v in [
        "", "t", "tx", "t-1", "x", "units-", "units-a", "Groups", "to", "maybe",
    ] {
        assert_eq!(
            Role::from_value(v).filter(|_| v.starts_with('t') && v.len() > 1),
            None,
            "{v}"
        );
        assert_eq!(Target::from_value(v), None, "{v}");
        assert_eq!(Basis::from_value(v), None, "{v}");
        assert_eq!(bool::from_value(v), None, "{v}");
    }
    assert_eq!(Dest::from_value("to"), None);
}

fn problem(path: &str, kind: ProblemKind) -> Problem {
    Problem {
        path: path.into(),
        kind,
    }
}

fn draft() -> Draft {
    let mut d = Draft::blank();
    d.groups[0].label = Text::new("Chi bộ", "Party cells");
    let figures = || {
        vec![Group {
            id: "members".into(),
            ..Group::default()
        }]
    };
    d.units.push(Part {
        id: "viet-tri".into(),
        label: Text::new("Việt Trì", ""),
        groups: figures(),
        ..Part::default()
    });
    d.periods.push(Part {
        id: "2021".into(),
        label: Text::new("Năm 2021", "2021"),
        units: vec![Part {
            id: "viet-tri".into(),
            groups: figures(),
            ..Part::default()
        }],
        ..Part::default()
    });
    d
}

#[test]
fn problems_are_named_by_labels_in_the_editor_language() {
    let d = draft();
    let cases = [
        (
            problem("groups[0].counts", ProblemKind::MissingTier { id: "completed".into() }),
            "Nhóm “Chi bộ”, mức “Hoàn thành nhiệm vụ”: chưa có số liệu",
            "Group “Party cells”, tier “Completed duties”: no figure yet",
        ),
        (
            problem("groups[0].counts.good", ProblemKind::WrongType { expected: Expect::WholeNumber, found: "\"3.79l\"".into() }),
            "Nhóm “Chi bộ”, mức “Hoàn thành tốt nhiệm vụ”: cần",
            "Group “Party cells”, tier “Completed duties well”: expected",
        ),
        // Numbers the way the language writes them (the core's said 94877 in both).
        (
            problem("groups[0]", ProblemKind::SumMismatch { sum: 94_870, evaluated: 94_877 }),
            "Nhóm “Chi bộ”: các mức cộng lại là 94.870, khác số được đánh giá (94.877)",
            "Group “Party cells”: the tiers add up to 94,870, not to the 94,877 evaluated",
        ),
        (
            problem("groups[0].shares.good", ProblemKind::ShareAbove100 { found: "120.5".into() }),
            "Nhóm “Chi bộ”, mức “Hoàn thành tốt nhiệm vụ”: tỉ lệ 120,5% lớn hơn 100%",
            "Group “Party cells”, tier “Completed duties well”: the share 120.5% is above 100%",
        ),
        (
            problem("title", ProblemKind::EmptyText),
            "Tiêu đề: không được để trống",
            "Title: must not be empty",
        ),
        (
            problem("title.en", ProblemKind::EmptyText),
            "Tiêu đề (tiếng Anh): không được để trống",
            "Title (English): must not be empty",
        ),
        (
            problem("source.name", ProblemKind::EmptyText),
            "Nguồn, tên nguồn: không được để trống",
            "Source, source name: must not be empty",
        ),
        (
            problem("units[0].groups[0].evaluated", ProblemKind::Missing),
            "Đơn vị “Việt Trì”, nhóm “Chi bộ”, số được đánh giá: thiếu",
            "Unit “Việt Trì”, group “Party cells”, evaluated: required field",
        ),
        // A period's sub-unit with no label of its own: the top-level unit's.
        (
            problem("periods[0].units[0].groups[0].total", ProblemKind::Missing),
            "Kỳ “Năm 2021”, đơn vị “Việt Trì”, nhóm “Chi bộ”, tổng số: thiếu",
            "Period “2021”, unit “Việt Trì”, group “Party cells”, total: required field",
        ),
        (
            problem("tiers[1].label", ProblemKind::EmptyText),
            "Mức “Hoàn thành tốt nhiệm vụ”, tên: không được để trống",
            "Tier “Completed duties well”, label: must not be empty",
        ),
        (
            problem("groups[0].counts.good", ProblemKind::OrBetterBelow { tier: "good".into(), value: "12".into(), better: "20".into() }),
            "Nhóm “Chi bộ”, mức “Hoàn thành tốt nhiệm vụ”: \"Hoàn thành tốt nhiệm vụ\" trở lên",
            "Group “Party cells”, tier “Completed duties well”: \"Completed duties well\" or better",
        ),
        (problem("", ProblemKind::Empty), "Tệp rỗng", "The file is empty"),
    ];
    for (p, vi, en) in cases {
        for (lang, want) in [(UiLang::Vi, vi), (UiLang::En, en)] {
            let got = line(&d, &p, lang);
            assert!(
                got.starts_with(want),
                "{lang:?} {}: {got}\n  wanted {want}",
                p.path
            );
            assert!(
                !got.contains("groups[")
                    && !got.contains("\"good\"")
                    && !got.contains("\"completed\""),
                "{got}"
            );
        }
    }
}

/// Regression: the editor printed `groups[0].counts: thiếu số lượng cho mức
/// "excellent"` (a path and a tier id) for every problem of a fresh draft.
#[test]
fn no_problem_of_a_blank_or_bad_draft_shows_a_path_or_a_tier_id() {
    let mut d = draft();
    d.groups[0].figure_mut(1).value = "3.79l".into();
    d.groups[0].figure_mut(2).value = "97.7".into();
    let file = results_file(&d, "");
    let r = check(&file).expect_err("a bad draft");
    let ids: Vec<String> = d.tiers.iter().map(|t| format!("\"{}\"", t.id)).collect();
    for p in r.errors.iter().chain(&r.warnings) {
        for lang in [UiLang::Vi, UiLang::En] {
            let got = line(&d, p, lang);
            assert!(!got.contains('[') && !got.contains("counts"), "{got}");
            assert!(ids.iter().all(|id| !got.contains(id.as_str())), "{got}");
        }
    }
    // The seed, opened and broken: same.
    let seed = open(tier_breakdown_core::seed::SEED_JSON).expect("the seed opens");
    assert!(check(&results_file(&seed, "")).is_ok());
}

/// Regression (#24): switching a group from counts to percentages kept 12
/// and 61 as 12% and 61%, silently changing what the chart says.
#[test]
fn switching_counts_and_percentages_converts_the_figures() {
    use tier_breakdown_draft::draft::Switched;
    let group = |evaluated: &str, values: &[&str], basis: Basis| {
        let mut g = Group {
            evaluated: evaluated.into(),
            basis,
            ..Group::default()
        };
        for (i, v) in values.iter().enumerate() {
            g.figure_mut(i).value = (*v).into();
        }
        g
    };
    let pairs = |p: &[(&str, &str)]| {
        Switched::Converted(p.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect())
    };
    let cases = [
        (
            group("64", &["12", "49", "3"], Basis::Counts),
            Basis::Shares,
            "vi",
            pairs(&[("12", "18,8"), ("49", "76,6"), ("3", "4,7")]),
        ),
        (
            group("64", &["12", "49", "3"], Basis::Counts),
            Basis::Shares,
            "en",
            pairs(&[("12", "18.8"), ("49", "76.6"), ("3", "4.7")]),
        ),
        // No evaluated number: the figures' sum.
        (
            group("", &["1", "3"], Basis::Counts),
            Basis::Shares,
            "vi",
            pairs(&[("1", "25,0"), ("3", "75,0")]),
        ),
        (
            group("94.877", &["16,2", "78,6"], Basis::Shares),
            Basis::Counts,
            "vi",
            pairs(&[("16,2", "15370"), ("78,6", "74573")]),
        ),
        // Percentages without the evaluated cannot become counts: kept, and said.
        (
            group("", &["16,2", "78,6"], Basis::Shares),
            Basis::Counts,
            "vi",
            Switched::Kept,
        ),
        (
            group("64", &["12"], Basis::Counts),
            Basis::None,
            "vi",
            Switched::Nothing,
        ),
        (
            group("64", &[], Basis::Counts),
            Basis::Shares,
            "vi",
            Switched::Nothing,
        ),
    ];
    for (mut g, to, lang, want) in cases {
        let before = g.clone();
        assert_eq!(g.switch_basis(to, lang), want, "{before:?} → {to:?}");
        assert_eq!(g.basis, to);
        if want == Switched::Kept {
            assert_eq!(g.figures, before.figures);
        }
    }
}

/// What an opened file has that the editor keeps no field for is named in
/// words: the place by its labels, an unknown key quoted as the file wrote
/// it; never a JSON path (it was `groups[0].mascot`).
#[test]
fn what_an_opened_file_leaves_out_is_named_in_words() {
    use tier_breakdown_draft::say::left_out;
    let d = Draft::blank();
    let cases = [
        ("groups[0].mascot", UiLang::Vi, "Nhóm “Đảng viên”, “mascot”"),
        (
            "groups[0].mascot",
            UiLang::En,
            "Group “Party members”, “mascot”",
        ),
        ("mascot", UiLang::En, "“mascot”"),
        ("source.mascot", UiLang::En, "Source, “mascot”"),
    ];
    for (path, lang, want) in cases {
        let got = left_out(&d, path, lang);
        assert_eq!(got, want, "{path}");
        assert!(!got.contains('[') && !got.contains('.'), "{got}");
    }
}
