//! `standalone --read-text report.txt -o results.json [--explain]`, run as
//! a journalist runs it: the results file the editor would start from,
//! each figure with its words, and exit 1 with a message in the user's
//! language (`LANG`) when the text gives no figure.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

/// An invented report paragraph: a document number, coverage, tiers, a
/// share of a count, an award.
const REPORT: &str = "Thực hiện Công văn số 118-CV/HU, ngày 05/12/2023, các chi bộ tiến hành kiểm điểm.\n\
Năm 2023, toàn huyện có 46/47 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó 9 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 33 hoàn thành tốt nhiệm vụ (71,7%), 4 hoàn thành nhiệm vụ. \
Huyện ủy tặng giấy khen cho 6 tổ chức cơ sở đảng.";

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tb-read-text-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_standalone"))
        .args(args)
        .env("LANG", lang)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn a_report_becomes_the_results_file_the_editor_starts_from() {
    let d = dir("file");
    let (report, out) = (d.join("report.txt"), d.join("results.json"));
    std::fs::write(&report, REPORT).unwrap();
    let o = run(
        "C",
        &[
            "--read-text",
            report.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("wrote "), "{}", text(&o.stdout));
    let file = text(&std::fs::read(&out).unwrap());
    let d = tier_breakdown_draft::write::open(&file).unwrap();
    let g = &d.groups[0];
    assert_eq!(
        (g.id.as_str(), g.total.as_str(), g.evaluated.as_str()),
        ("organisations", "47", "46")
    );
    let figures: Vec<&str> = g.figures.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(figures, ["9", "33", "4", "0"]);
    assert_eq!(d.period_id, "2023");
    assert!(tier_breakdown_core::validate::check(&file).is_ok());
    // The award's 6 is nowhere in the file.
    assert!(!text(&std::fs::read(&out).unwrap()).contains(": 6"));
}

#[test]
fn explain_prints_each_figure_with_its_words_in_the_users_language() {
    let d = dir("explain");
    let report = d.join("report.txt");
    std::fs::write(&report, REPORT).unwrap();
    let o = run(
        "vi_VN.UTF-8",
        &["--read-text", report.to_str().unwrap(), "--explain"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    for line in [
        "groups[0].evaluated = 46  «46/47 tổ chức cơ sở đảng được đánh giá, xếp loại»",
        "groups[0].counts.excellent = 9  «9 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ»",
        "groups[0].counts.good = 33  «33 hoàn thành tốt nhiệm vụ»",
        "groups[0].counts.not_completed = 0  (tính ra: các mức đã nêu cộng lại đủ số được đánh giá, nên mức này là 0)",
        "không dùng: «118-CV/HU» (số hiệu văn bản)",
        "không dùng: «05/12/2023» (ngày tháng)",
        "không dùng: «71,7%» (tỷ lệ của số đã dùng: biểu đồ tự tính)",
        "không dùng: «6» (khen thưởng, không phải kết quả xếp loại)",
    ] {
        assert!(said.lines().any(|l| l == line), "{line:?} not in\n{said}");
    }
    // Without -o nothing is written.
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
    let o = run(
        "en_GB.UTF-8",
        &["--read-text", report.to_str().unwrap(), "--explain"],
    );
    assert!(text(&o.stdout).contains("not used: «6» (an award, not a review result)"));
}

#[test]
fn a_text_without_figures_exits_1_with_a_message_and_writes_nothing() {
    let d = dir("none");
    let (report, out) = (d.join("report.txt"), d.join("results.json"));
    std::fs::write(
        &report,
        "Phấn đấu năm 2024 có 100% chi bộ hoàn thành tốt nhiệm vụ trở lên.",
    )
    .unwrap();
    for (lang, words) in [
        (
            "vi_VN.UTF-8",
            "không tìm thấy số liệu xếp loại nào, không ghi tệp",
        ),
        ("C", "no review figure found, nothing written"),
    ] {
        let o = run(
            lang,
            &[
                "--read-text",
                report.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(text(&o.stderr).contains(words), "{}", text(&o.stderr));
        assert!(!out.exists());
    }
    // Neither -o nor --explain: nothing to do, the usage.
    let o = run("C", &["--read-text", report.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("--read-text REPORT.txt"));
}
