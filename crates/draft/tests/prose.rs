//! The text reader on invented paragraphs written in the style of
//! provincial party press (no published article is copied): every shape of
//! figure, every non-result, the questions, the built-in story's figures,
//! and a seeded property test (the words shown for a figure hold it).

use serde_json::Value;
use tier_breakdown_core::seed::SEED_JSON;
use tier_breakdown_draft::draft::{Basis, Draft};
use tier_breakdown_draft::prose::{read, Reading, Used};
use tier_breakdown_draft::words::W;
use tier_breakdown_draft::write::results_file;

/// A draft's figures in one line a group: `id total/evaluated: tier=value …`;
/// `-` not given, `+` or better, an approximation's word before the value,
/// `%` after a share; sub-units after `<id>`, other periods after `[id]`.
fn summary(d: &Draft) -> String {
    let group = |g: &tier_breakdown_draft::draft::Group| {
        let mut s = format!("{} {}/{}", g.id, g.total, g.evaluated);
        if g.basis == Basis::None {
            return s;
        }
        s.push(':');
        for (t, f) in d.tiers.iter().zip(&g.figures) {
            s.push_str(&format!(" {}=", t.id));
            if f.not_given {
                s.push('-');
                continue;
            }
            if !f.approx.is_empty() {
                s.push_str(&format!("{} ", f.approx));
            }
            s.push_str(&f.value);
            if g.basis == Basis::Shares {
                s.push('%');
            }
            if f.or_better {
                s.push('+');
            }
        }
        s
    };
    let mut out: Vec<String> = d.groups.iter().map(group).collect();
    for u in &d.units {
        out.push(format!("<{}>", u.id));
        out.extend(u.groups.iter().map(group));
    }
    for p in &d.periods {
        out.push(format!("[{}]", p.id));
        out.extend(p.groups.iter().map(group));
        for u in &p.units {
            out.push(format!("<{}>", u.id));
            out.extend(u.groups.iter().map(group));
        }
    }
    out.join(" | ")
}

/// What was left out, as `words: reason`.
fn unused(text: &str, r: &Reading) -> Vec<(String, W)> {
    r.unused
        .iter()
        .map(|u| (text[u.words.clone()].to_string(), u.why))
        .collect()
}

#[test]
fn every_shape_of_result_becomes_the_right_figures() {
    for (text, want) in [
        // Coverage "X/Y … được đánh giá, xếp loại", then "trong đó" the tiers.
        (
            "Năm 2023, toàn huyện có 48/50 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó 9 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 35 hoàn thành tốt nhiệm vụ, 3 hoàn thành nhiệm vụ, 1 không hoàn thành nhiệm vụ.",
            "organisations 50/48: excellent=9 good=35 completed=3 not_completed=1",
        ),
        // Abbreviations, the figure before its tier.
        (
            "Đảng bộ xã có 212 đảng viên được đánh giá: 30 đảng viên HTXSNV, 170 HTTNV, 10 HTNV, 2 KHTNV.",
            "members /212: excellent=30 good=170 completed=10 not_completed=2",
        ),
        // Misspellings and spaced abbreviations; the lowest tier not given.
        (
            "Khối cơ quan có 14 chi bộ hoàn thành xuất xắc nhiệm vụ, 52 chi bộ HTT NV và 6 chi bộ HTNV.",
            "cells /: excellent=14 good=52 completed=6 not_completed=-",
        ),
        // Thousands dots, a missing space, a leading zero.
        (
            "Toàn Đảng bộ có 12.408 đảng viên được kiểm điểm, trong đó 2.015đảng viên hoàn thành xuất sắc nhiệm vụ, 9.870 đảng viên hoàn thành tốt nhiệm vụ, 515 đảng viên hoàn thành nhiệm vụ, 08 đảng viên không hoàn thành nhiệm vụ.",
            "members /12408: excellent=2015 good=9870 completed=515 not_completed=8",
        ),
        // Number words, and "không có … nào" = 0.
        (
            "64 tổ chức cơ sở đảng được đánh giá, xếp loại: 10 hoàn thành xuất sắc nhiệm vụ, 50 hoàn thành tốt nhiệm vụ, 4 hoàn thành nhiệm vụ; không có tổ chức cơ sở đảng nào không hoàn thành nhiệm vụ. Có hai chi bộ không hoàn thành nhiệm vụ.",
            "organisations /64: excellent=10 good=50 completed=4 not_completed=0 | cells /: excellent=- good=- completed=- not_completed=2",
        ),
        // "100% … được kiểm điểm" with a total makes the evaluated; the
        // lowest tier is then worked out as 0.
        (
            "Toàn huyện có 57 tổ chức cơ sở đảng, 100% tổ chức cơ sở đảng được kiểm điểm. Trong đó, 11 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 40 hoàn thành tốt nhiệm vụ, 6 hoàn thành nhiệm vụ.",
            "organisations 57/57: excellent=11 good=40 completed=6 not_completed=0",
        ),
        // Shares only.
        (
            "Năm 2022, có 16,2% đảng viên hoàn thành xuất sắc nhiệm vụ; 78,6% hoàn thành tốt nhiệm vụ; 4,7% hoàn thành nhiệm vụ và 0,5% không hoàn thành nhiệm vụ.",
            "members /: excellent=16.2% good=78.6% completed=4.7% not_completed=0.5%",
        ),
        // Counts with their shares ("chiếm", brackets, "16.2%"): the counts are used.
        (
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ là 1.204, chiếm 16.2%; hoàn thành tốt nhiệm vụ 5.630, chiếm 75,8%; hoàn thành nhiệm vụ 560 (7,5%); không hoàn thành nhiệm vụ 36 đồng chí (0,5%).",
            "members /: excellent=1204 good=5630 completed=560 not_completed=36",
        ),
        // "đạt tỷ lệ", "22 %".
        (
            "Kết quả, 215/220 chi bộ được đánh giá, xếp loại, đạt tỷ lệ 97,7%; có 48 chi bộ hoàn thành xuất sắc nhiệm vụ (22 %), 150 chi bộ hoàn thành tốt nhiệm vụ, 17 chi bộ hoàn thành nhiệm vụ.",
            "cells 220/215: excellent=48 good=150 completed=17 not_completed=0",
        ),
        // The issue's partial split: "61/64 … trở lên; trong đó 12/64 …".
        (
            "61/64 tổ chức cơ sở đảng đạt hoàn thành tốt nhiệm vụ trở lên (95,3%); trong đó 12/64 hoàn thành xuất sắc nhiệm vụ.",
            "organisations /64: excellent=12 good=61+ completed=- not_completed=-",
        ),
        // "X …, trong đó Y …" with Y on a better tier: X is "or better".
        (
            "Có 1.150 đảng viên hoàn thành tốt nhiệm vụ, trong đó 180 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            "members /: excellent=180 good=1150+ completed=- not_completed=-",
        ),
        // Shares, "or better", and a tier not given.
        (
            "97,6% đảng viên hoàn thành tốt nhiệm vụ trở lên; 0,5% không hoàn thành nhiệm vụ.",
            "members /: excellent=- good=97.6%+ completed=- not_completed=0.5%",
        ),
        // Approximate words.
        (
            "Năm 2024, khoảng 1.900 đảng viên hoàn thành xuất sắc nhiệm vụ, trên 9.000 hoàn thành tốt nhiệm vụ, gần 400 hoàn thành nhiệm vụ, dưới 100 không hoàn thành nhiệm vụ; xấp xỉ 60 chi bộ hoàn thành xuất sắc nhiệm vụ, hơn 200 chi bộ hoàn thành tốt nhiệm vụ.",
            "members /: excellent=about 1900 good=over 9000 completed=nearly 400 not_completed=under 100 | cells /: excellent=about 60 good=over 200 completed=- not_completed=-",
        ),
        // The older scheme: "đạt trong sạch, vững mạnh, trong đó … tiêu biểu".
        (
            "Năm 2016, toàn tỉnh có 480 tổ chức cơ sở đảng đạt trong sạch, vững mạnh, trong đó 96 tổ chức cơ sở đảng trong sạch, vững mạnh tiêu biểu; 150 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; 20 tổ chức cơ sở đảng hoàn thành nhiệm vụ; 4 tổ chức cơ sở đảng yếu kém.",
            "organisations /: exemplary=96 clean_strong=480+ good=150 completed=20 weak=4",
        ),
        // The older scheme's members ("đủ tư cách …") map to today's four.
        (
            "Năm 2017 có 3.420 đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ, 27.600 đảng viên đủ tư cách hoàn thành tốt nhiệm vụ, 2.150 đảng viên đủ tư cách hoàn thành nhiệm vụ, 210 đảng viên vi phạm tư cách hoặc không hoàn thành nhiệm vụ.",
            "members /: excellent=3420 good=27600 completed=2150 not_completed=210",
        ),
        // Both schemes in one text: one list of tiers, best first.
        (
            "Có 35 chi bộ được đánh giá: 30 chi bộ đạt trong sạch, vững mạnh tiêu biểu, 5 chi bộ yếu kém; 400 đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ.",
            "cells /35: exemplary=30 clean_strong=0 excellent=- good=0 completed=0 weak=5 not_completed=- | members /: exemplary=- clean_strong=- excellent=400 good=- completed=- weak=- not_completed=-",
        ),
        // Collectives, leaders, "Đ/c", another group by its printed name.
        (
            "Về tập thể lãnh đạo, quản lý, có 38 tập thể hoàn thành xuất sắc nhiệm vụ, 240 hoàn thành tốt nhiệm vụ. Có 95 cá nhân cán bộ lãnh đạo, quản lý hoàn thành xuất sắc nhiệm vụ. Về đảng viên, 12 Đ/c không hoàn thành nhiệm vụ. Có 87 chi đoàn hoàn thành xuất sắc nhiệm vụ.",
            "collectives /: excellent=38 good=240 completed=- not_completed=- | leaders /: excellent=95 good=- completed=- not_completed=- | members /: excellent=- good=- completed=- not_completed=12 | chi-doan /: excellent=87 good=- completed=- not_completed=-",
        ),
        // A group counted with no split: coverage only.
        (
            "Năm 2022, toàn tỉnh có 2.310 tập thể được kiểm điểm.",
            "collectives /2310",
        ),
        // English, the same shapes.
        (
            "In 2022, 94,877 party members were reviewed: 15,397 completed their duties excellently (16.2%), 74,551 completed their duties well, 4,492 completed their duties and 437 did not complete their duties.",
            "members /94877: excellent=15397 good=74551 completed=4492 not_completed=437",
        ),
        (
            "In 2023, 61/64 grassroots party organisations completed their duties well or better, of which 12 completed their duties excellently.",
            "organisations /64: excellent=12 good=61+ completed=- not_completed=-",
        ),
    ] {
        let r = read(text);
        assert_eq!(summary(&r.draft), want, "{text}");
    }
}

/// Each of these was read wrong by the first version of the reader (on
/// the measured paragraphs below); the comment names the bug.
#[test]
fn regressions_from_the_measured_paragraphs() {
    for (text, want) in [
        // "(trong đó …)" in brackets: the figures in them were dropped.
        (
            "Có 320 tổ chức cơ sở đảng đạt trong sạch, vững mạnh (trong đó 64 tổ chức trong sạch, vững mạnh tiêu biểu), 2 tổ chức yếu kém.",
            "organisations /: exemplary=64 clean_strong=320+ good=- completed=- weak=2",
        ),
        // "30 tổ chức" (no "cơ sở đảng") became a group named "tổ chức".
        (
            "Số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ là 128, trong đó có 30 tổ chức hoàn thành xuất sắc nhiệm vụ.",
            "organisations /: excellent=30 good=128+ completed=- not_completed=-",
        ),
        // "đánh giá 36 đảng viên" and "thuộc diện đánh giá" were read as totals.
        (
            "Đảng ủy phường đánh giá 36 đảng viên. Đảng bộ xã có 410 chi bộ thuộc diện đánh giá.",
            "members /36 | cells /410",
        ),
        // "tăng lên 1.210" (rose to) was read as a change and left out.
        (
            "Năm 2022 tăng lên 1.210 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            "members /: excellent=1210 good=- completed=- not_completed=-",
        ),
        // "Chi bộ … số 5 có 47 đảng viên": 5 became the cells' total, 47 the cells'.
        (
            "Chi bộ Khu dân cư số 5 có 47 đảng viên.",
            "members 47/",
        ),
        // "31 đồng chí" after the leaders were counted as members.
        (
            "Về cá nhân cán bộ lãnh đạo, quản lý, 31 đồng chí hoàn thành xuất sắc nhiệm vụ.",
            "leaders /: excellent=31 good=- completed=- not_completed=-",
        ),
        // "2 chi bộ và 11 đảng viên không hoàn thành": 2 became the cells' total.
        (
            "Cả năm có 2 chi bộ và 11 đảng viên không hoàn thành nhiệm vụ.",
            "cells /: excellent=- good=- completed=- not_completed=2 | members /: excellent=- good=- completed=- not_completed=11",
        ),
        // Found on the held-out paragraphs: "(tăng 9 … so với năm 2020)" in
        // brackets made the whole item a change, and 112 was left out.
        (
            "Năm 2021, có 112 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (tăng 9 tổ chức so với năm 2020).",
            "organisations /: excellent=112 good=- completed=- not_completed=-",
        ),
        // Found on the last set: another group's name lost "cơ sở" (read as
        // "có" + "số"), and its coverage had no group.
        (
            "Có 38 đảng bộ cơ sở được đánh giá; trong đó 7 đảng bộ cơ sở hoàn thành xuất sắc nhiệm vụ.",
            "dang-bo-co-so /38: excellent=7 good=- completed=- not_completed=-",
        ),
        // "no organisation failed to complete its duties" was not read.
        (
            "In 2023, 89 grassroots party organisations completed their duties excellently; no organisation failed to complete its duties.",
            "organisations /: excellent=89 good=- completed=- not_completed=0",
        ),
        // "ĐV" became a group of its own.
        (
            "Có 98 ĐV hoàn thành xuất sắc nhiệm vụ.",
            "members /: excellent=98 good=- completed=- not_completed=-",
        ),
        // "16% trong số đó hoàn thành …": "trong số đó" became a group.
        (
            "Có 6.000 đảng viên được kiểm điểm; khoảng 16% trong số đó hoàn thành xuất sắc nhiệm vụ.",
            "members /6000: excellent=about 16% good=- completed=- not_completed=-",
        ),
    ] {
        assert_eq!(summary(&read(text).draft), want, "{text}");
    }
}

/// Each of these was read wrong on the blind set (real report shapes,
/// [`BLIND`]) before its fix; the comment names the bug.
#[test]
fn regressions_from_the_blind_set() {
    for (text, want) in [
        // A PDF's line break inside a sentence ended it: "14 đảng viên
        // không\nhoàn thành" lost its tier, "388\nchi bộ" its group.
        (
            "Có 14\u{a0}đảng viên không\nhoàn thành nhiệm vụ, 388\nchi bộ hoàn thành tốt nhiệm vụ.",
            "members /: excellent=- good=- completed=- not_completed=14 | cells /: excellent=- good=388 completed=- not_completed=-",
        ),
        // "731 trong tổng số 736": 736 became the evaluated and "5 TCCSĐ
        // mới thành lập chưa … đánh giá" the total.
        (
            "Có 731 trong tổng số 736 tổ chức cơ sở đảng (TCCSĐ) được đánh giá; 5 TCCSĐ mới thành lập chưa đủ thời gian để đánh giá.",
            "organisations 736/731",
        ),
        // "còn lại 64 đảng viên chưa đánh giá" became the members' total.
        (
            "Có 38 đảng viên không hoàn thành nhiệm vụ; còn lại 64 đảng viên chưa đánh giá.",
            "members /: excellent=- good=- completed=- not_completed=38",
        ),
        // "cơ sở đảng" became a group of its own.
        (
            "Có 18 cơ sở đảng đạt trong sạch, vững mạnh tiêu biểu.",
            "organisations /: exemplary=18 clean_strong=- good=- completed=- weak=-",
        ),
        // "không TCCSĐ nào không hoàn thành" (no "có") was not read as none.
        (
            "Có 5 TCCSĐ hoàn thành nhiệm vụ và không TCCSĐ nào bị xếp loại không hoàn thành nhiệm vụ.",
            "organisations /: excellent=- good=- completed=5 not_completed=0",
        ),
        // Brackets holding the item itself hid its coverage.
        (
            "Về xếp loại đảng viên (tổng số 2.388 đảng viên được đánh giá): 356 đ/c HTXSNV.",
            "members /2388: excellent=356 good=- completed=- not_completed=-",
        ),
        // "cán bộ lãnh đạo, quản lý … 19 đồng chí xếp loại A (hoàn thành
        // xuất sắc nhiệm vụ)": members' total 19 (the tier in brackets was
        // dropped, "đồng chí" after the number won over the leaders).
        (
            "Cán bộ lãnh đạo, quản lý: có 19 đồng chí xếp loại A (hoàn thành xuất sắc nhiệm vụ); không có đồng chí nào không hoàn thành nhiệm vụ.",
            "leaders /: excellent=19 good=- completed=- not_completed=0",
        ),
        // A number word before "đồng chí" ("hai đồng chí") was not a number.
        (
            "Chi bộ có chín đảng viên được đánh giá: hai đồng chí hoàn thành xuất sắc nhiệm vụ, một đồng chí hoàn thành nhiệm vụ.",
            "members /9: excellent=2 good=- completed=1 not_completed=-",
        ),
        // "tăng từ 38 lên 45" after "so với năm 2021" was a change: both left out.
        (
            "So với năm 2021, số tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ năm 2022 tăng từ 38 lên 45.",
            "organisations /: excellent=45 good=- completed=- not_completed=- | [2021] | organisations /: excellent=38 good=- completed=- not_completed=-",
        ),
        // With no compared year, the "từ" number stays a change.
        (
            "Số đảng viên không hoàn thành nhiệm vụ giảm từ 67 xuống 52.",
            "members /: excellent=- good=- completed=- not_completed=52",
        ),
        // "tỷ lệ này" in the next sentence named nothing.
        (
            "Năm 2022, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 91,6%. Sang năm 2023, tỷ lệ này tăng lên 93,2%.",
            "members /: excellent=- good=93.2%+ completed=- not_completed=- | [2022] | members /: excellent=- good=91.6%+ completed=- not_completed=-",
        ),
        // English: "X of the province's Y", "tasks", "as having …".
        (
            "In 2023, 2,318 of the province's 2,344 grassroots Party organisations were reviewed. Of these, 451 were rated as having completed their tasks excellently, 15 as not having completed their tasks.",
            "organisations 2344/2318: excellent=451 good=- completed=- not_completed=15",
        ),
        // English "percent", "were rated as" (not coverage), "who …" (not a group).
        (
            "Among Party members, 96.1 percent were rated as fulfilling their duties well or above, including 17.3 percent who fulfilled them excellently, while 0.8 percent failed to fulfil their duties.",
            "members /: excellent=17.3% good=96.1%+ completed=- not_completed=0.8%",
        ),
        // English "exemplary" alone.
        (
            "In 2016, 78.4% of grassroots Party organisations were recognised as clean and strong, of which 19.2% were exemplary.",
            "organisations /: exemplary=19.2% clean_strong=78.4%+ good=- completed=- weak=-",
        ),
        // "không có … nào X hoặc Y": only X was none.
        (
            "Không có chi bộ nào hoàn thành nhiệm vụ hoặc không hoàn thành nhiệm vụ.",
            "cells /: excellent=- good=- completed=0 not_completed=0",
        ),
        // "Party cells under grassroots Party committees" became "under" + a group.
        (
            "In 2022, 912 Party cells under grassroots Party committees fulfilled their tasks excellently.",
            "cells /: excellent=912 good=- completed=- not_completed=-",
        ),
        // "dự kiểm điểm, đánh giá là 4.877" was a second total.
        (
            "Tổng số đảng viên là 5.602 đồng chí; số đảng viên dự kiểm điểm, đánh giá là 4.877 đồng chí.",
            "members 5602/4877",
        ),
        // "100% chi bộ (42 chi bộ) được đánh giá": 42 was a stray number.
        (
            "Năm 2024, 100% chi bộ trực thuộc (42 chi bộ) được đánh giá, xếp loại.",
            "cells 42/42",
        ),
        // "93,3% (70 tập thể) … trở lên": the count in brackets is the figure.
        (
            "Có 75 tập thể được đánh giá; 93,3% (70 tập thể) hoàn thành tốt nhiệm vụ trở lên.",
            "collectives /75: excellent=- good=70+ completed=- not_completed=-",
        ),
        // "các … còn lại hoàn thành tốt nhiệm vụ" gave nothing (the rest: 43 − 39).
        (
            "Có 39/43 tổ chức cơ sở đảng đạt trong sạch, vững mạnh; các tổ chức cơ sở đảng còn lại hoàn thành tốt nhiệm vụ.",
            "organisations /43: exemplary=0 clean_strong=39 good=4 completed=0 weak=0",
        ),
        // … but not when the rest is split in two tiers.
        (
            "Có 39/43 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; số còn lại hoàn thành nhiệm vụ và không hoàn thành nhiệm vụ.",
            "organisations /43: excellent=- good=39 completed=- not_completed=-",
        ),
        // A table pasted with tabs gave only its totals.
        (
            "Năm 2023\nĐối tượng\tTổng số\tHTXSNV\tHTTNV\tHTNV\tKHTNV\nTổ chức cơ sở đảng\t84\t16\t62\t5\t1\nĐảng viên\t3.950\t590\t3.180\t160\t20",
            "organisations 84/: excellent=16 good=62 completed=5 not_completed=1 | members 3950/: excellent=590 good=3180 completed=160 not_completed=20",
        ),
        // Found on the set written after the fixes: "đã kiểm điểm 13.104
        // đồng chí" was a second total, "miễn kiểm điểm" a total, and
        // "không có A, B nào …" a total of 0.
        (
            "Toàn Đảng bộ có 13.582 đảng viên, đã kiểm điểm 13.104 đồng chí; 1.245 đồng chí được miễn kiểm điểm.",
            "members 13582/13104",
        ),
        (
            "Năm 2024 không có tổ chức cơ sở đảng, chi bộ trực thuộc nào xếp loại không hoàn thành nhiệm vụ.",
            "organisations /: excellent=- good=- completed=- not_completed=0 | cells /: excellent=- good=- completed=- not_completed=0",
        ),
        // A table's last row that goes on as prose swallowed the prose (a
        // target after it was neither read nor listed): found by the
        // non-result test.
        (
            "Đối tượng\tHTXSNV\tHTTNV\nĐảng viên\t590\t3.180\nChi bộ\t12\t40 Năm tới phấn đấu có 6543 chi bộ hoàn thành tốt nhiệm vụ.",
            "members /: excellent=590 good=3180 completed=- not_completed=- | cells /: excellent=12 good=40 completed=- not_completed=-",
        ),
        // Shapes noted in the research, read wrong after the blind set's
        // fixes: "đạt trong sạch, vững mạnh, chiếm 92,9% (trong đó, …)"
        // left 92,9% out (the share after the comma is the tier's) …
        (
            "Chi bộ trực thuộc đạt trong sạch, vững mạnh, chiếm 92,9% (trong đó, có 21,3% chi bộ trong sạch, vững mạnh tiêu biểu); yếu kém chiếm 0,4%.",
            "cells /: exemplary=21.3% clean_strong=92.9%+ good=- completed=- weak=0.4%",
        ),
        // … "tỷ lệ … đạt 13,2" (no %) was a count of 13.2 …
        (
            "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ năm 2023 đạt 13,2.",
            "members /: excellent=13.2% good=- completed=- not_completed=-",
        ),
        // … "thành nhiệm vụ" ("hoàn" dropped) and "yếu, kém" were not tiers …
        (
            "Có 11 Chi bộ thành nhiệm vụ, không có Chi bộ xếp loại yếu, kém.",
            "cells /: exemplary=- clean_strong=- good=- completed=11 weak=0",
        ),
        // … and "trong đó, 14/71": 71 (the figure it is part of) became the evaluated.
        (
            "Có 71 tập thể hoàn thành tốt nhiệm vụ trở lên; trong đó, 14/71 tập thể hoàn thành xuất sắc nhiệm vụ.",
            "collectives /: excellent=14 good=71+ completed=- not_completed=-",
        ),
        // English press: "well fulfilled their tasks" was "completed" (and
        // "well" a group), "did not fulfil their tasks" and "were
        // classified as having excellently completed …" were not read.
        (
            "Of grassroots Party organisations, 21.4 percent excellently fulfilled their tasks, 70.2 percent well fulfilled their tasks, and 0.9 percent did not fulfil their tasks. Among Party members, 12.3 percent were classified as having excellently completed their tasks.",
            "organisations /: excellent=21.4% good=70.2% completed=- not_completed=0.9% | members /: excellent=12.3% good=- completed=- not_completed=-",
        ),
        // "chi bộ cơ sở" (a grassroots organisation) was the cells.
        (
            "Toàn Đảng bộ có 270 đảng bộ cơ sở và 532 chi bộ cơ sở.",
            "dang-bo-co-so 270/ | chi-bo-co-so 532/",
        ),
        // "Tính đến hết quý I/2014, … có 802 tổ chức cơ sở đảng" before the
        // results of 2013 made a period of its own, the file's main one,
        // with no tier.
        (
            "Tính đến hết quý I/2014, toàn Đảng bộ có 802 tổ chức cơ sở đảng. Qua đánh giá năm 2013, tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên chiếm 92,4%.",
            "organisations 802/: excellent=- good=92.4%+ completed=- not_completed=-",
        ),
        // "có 5,6% số TCCSĐ hoàn thành nhiệm vụ" among exact counts was left
        // out: it is the evaluated less the others (39 of 702 is 5,6%) …
        (
            "Có 702 TCCSĐ được đánh giá; 661 TCCSĐ hoàn thành tốt nhiệm vụ trở lên, có 5,6% số TCCSĐ hoàn thành nhiệm vụ và 2 TCCSĐ không hoàn thành nhiệm vụ.",
            "organisations /702: excellent=- good=661+ completed=39 not_completed=2",
        ),
        // … but not when that count's share is not the one printed.
        (
            "Có 702 TCCSĐ được đánh giá; 661 TCCSĐ hoàn thành tốt nhiệm vụ trở lên, có 4,8% số TCCSĐ hoàn thành nhiệm vụ và 2 TCCSĐ không hoàn thành nhiệm vụ.",
            "organisations /702: excellent=- good=661+ completed=- not_completed=2",
        ),
        // "16/16 Đảng bộ, ban thường vụ cấp ủy trực thuộc tỉnh …": the comma
        // cut the name (nothing was read), and the part "trong đó 3/16 Đảng
        // bộ, ban thường vụ cấp ủy …" became a group of its own.
        (
            "Kết quả, 16/16 Đảng bộ, ban thường vụ cấp ủy trực thuộc tỉnh được xếp loại chất lượng hoàn thành tốt nhiệm vụ; trong đó 3/16 Đảng bộ, ban thường vụ cấp ủy được xếp loại chất lượng hoàn thành xuất sắc nhiệm vụ.",
            "dang-bo-ban-thuong-vu-cap-uy-truc-thuoc-tinh /16: excellent=3 good=16+ completed=0 not_completed=0",
        ),
        // Found on the whole articles: "X% A và Y% B … tốt trở lên" lost X …
        (
            "Năm 2020, có 96,8% tổ chức cơ sở đảng và 92,1% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên.",
            "organisations /: excellent=- good=96.8%+ completed=- not_completed=- | members /: excellent=- good=92.1%+ completed=- not_completed=-",
        ),
        // … "9 trong số 46 chi bộ" lost 46 …
        (
            "Về xếp loại, 9 trong số 46 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            "cells /46: excellent=9 good=- completed=- not_completed=-",
        ),
        // … and a column of shares with its % in the heading was counts
        // of 17.2 (a count is whole; a whole number among shares adding up
        // to 100 is a share).
        (
            "Chất lượng đảng viên năm 2023 (%)\nHTXSNV\t17,2\nHTTNV\t78,4\nHTNV\t4\nKHTNV\t0,4",
            "members /: excellent=17.2% good=78.4% completed=4% not_completed=0.4%",
        ),
        // A list whose lines start in lower case is joined as wrapped
        // lines: the second line's tier was lost and 64 became the total.
        (
            "Kết quả xếp loại tổ chức cơ sở đảng\nhoàn thành xuất sắc nhiệm vụ 21 TCCSĐ\nhoàn thành tốt nhiệm vụ 64 TCCSĐ\nhoàn thành nhiệm vụ 5 TCCSĐ",
            "organisations /: excellent=21 good=64 completed=5 not_completed=-",
        ),
        // Text from a PDF with its accents as separate marks (and a
        // zero-width space) read no tier at all.
        (
            "Na\u{306}m 2023, co\u{301} 142 to\u{302}\u{309} chu\u{31b}\u{301}c co\u{31b} so\u{31b}\u{309} \u{111}a\u{309}ng hoa\u{300}n tha\u{300}nh xua\u{302}\u{301}t sa\u{306}\u{301}c nhie\u{323}\u{302}m vu\u{323}, 540 to\u{302}\u{309} chu\u{31b}\u{301}c co\u{31b} so\u{31b}\u{309} \u{111}a\u{309}ng hoa\u{300}n tha\u{300}nh to\u{302}\u{301}t nhie\u{323}\u{302}m vu\u{323}; kho\u{302}ng co\u{301} to\u{302}\u{309} chu\u{31b}\u{301}c co\u{31b} so\u{31b}\u{309} \u{111}a\u{309}ng na\u{300}o kho\u{302}ng hoa\u{300}n tha\u{300}nh nhie\u{323}\u{302}m vu\u{323}.",
            "organisations /: excellent=142 good=540 completed=- not_completed=0",
        ),
        // Old Mac line breaks (a lone "\r") joined the lines: 21 went to
        // the members named at the start of the next.
        (
            "Tổ chức cơ sở đảng HTXSNV: 21\rĐảng viên HTXSNV: 300",
            "organisations /: excellent=21 good=- completed=- not_completed=- | members /: excellent=300 good=- completed=- not_completed=-",
        ),
        // "đã đánh giá" was not coverage (987 became the total); a heading
        // before a colon ("Kết quả đánh giá, xếp loại:") made the count
        // after it a coverage.
        (
            "Năm 2016, 987 tổ chức cơ sở đảng đã đánh giá chất lượng. Kết quả đánh giá, xếp loại: có 574 chi bộ.",
            "organisations /987 | cells 574/",
        ),
        // A table copied from a PDF, spaces between its cells (single or
        // runs), was read as prose: totals only.
        (
            "Năm 2023\nĐối tượng Tổng số HTXSNV HTTNV HTNV KHTNV\nTổ chức cơ sở đảng 84 16 62 5 1\nĐảng viên 3.950 590 3.180 160 20\nNguồn: Ban Tổ chức.",
            "organisations 84/: excellent=16 good=62 completed=5 not_completed=1 | members 3950/: excellent=590 good=3180 completed=160 not_completed=20",
        ),
        (
            "Đối tượng      Tổng số    HTXSNV    HTTNV\nChi bộ         120        25        88",
            "cells 120/: excellent=25 good=88 completed=- not_completed=-",
        ),
        // "chưa hoàn thành nhiệm vụ" (not completed) and "không HTNV" were
        // read as "hoàn thành nhiệm vụ" (completed).
        (
            "Số đảng viên chưa hoàn thành nhiệm vụ, vi phạm tư cách có 41 trường hợp; 3 chi bộ không HTNV.",
            "members /: excellent=- good=- completed=- not_completed=41 | cells /: excellent=- good=- completed=- not_completed=3",
        ),
        // "Trong số này" (of these) was "trong số" (out of) and "này".
        (
            "Có 45 chi bộ hoàn thành tốt nhiệm vụ, trong số này 12 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            "cells /: excellent=12 good=45+ completed=- not_completed=-",
        ),
        // "chất lượng sinh hoạt" (another rating): 48 became the cells' total.
        (
            "Đảng ủy đánh giá chất lượng sinh hoạt của 48 chi bộ; 40 chi bộ xếp loại tốt.",
            "",
        ),
    ] {
        assert_eq!(summary(&read(text).draft), want, "{text}");
    }
}

/// Figures of a district, town, city, commune or party committee named
/// in the sentence or clause they sit in become that sub-unit's (bug: on
/// main, after the province's figures every district's were left out as
/// "this field's figure was given before", and a text of districts alone
/// had the first district's figures as the whole's and the others' left
/// out). A text about one unit alone stays that unit's top level; with
/// units only, the top level is their sum, marked worked out.
#[test]
fn units_named_where_their_figures_are_become_sub_units() {
    for (text, want) in [
        (
            "Năm 2023, toàn tỉnh có 698 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó 131 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 539 hoàn thành tốt nhiệm vụ, 25 hoàn thành nhiệm vụ, 3 không hoàn thành nhiệm vụ. Đảng bộ huyện Thanh Ba có 40 tổ chức cơ sở đảng được đánh giá, 8 tổ chức hoàn thành xuất sắc nhiệm vụ, 29 hoàn thành tốt nhiệm vụ, 3 hoàn thành nhiệm vụ; Đảng bộ huyện Lâm Thao có 35 tổ chức cơ sở đảng được đánh giá, 7 hoàn thành xuất sắc nhiệm vụ, 26 hoàn thành tốt nhiệm vụ, 2 hoàn thành nhiệm vụ.",
            "organisations /698: excellent=131 good=539 completed=25 not_completed=3 | <thanh-ba> | organisations /40: excellent=8 good=29 completed=3 not_completed=0 | <lam-thao> | organisations /35: excellent=7 good=26 completed=2 not_completed=0",
        ),
        // Units only: the top level is their sum.
        (
            "Kết quả kiểm điểm năm 2022: Thành phố Việt Trì có 9.820 đảng viên được đánh giá, trong đó 1.650 đảng viên hoàn thành xuất sắc nhiệm vụ, 7.540 hoàn thành tốt nhiệm vụ. Thị xã Phú Thọ có 3.105 đảng viên được đánh giá, trong đó 498 đảng viên hoàn thành xuất sắc nhiệm vụ, 2.390 hoàn thành tốt nhiệm vụ.",
            "members /12925: excellent=2148 good=9930 completed=- not_completed=- | <viet-tri> | members /9820: excellent=1650 good=7540 completed=- not_completed=- | <phu-tho> | members /3105: excellent=498 good=2390 completed=- not_completed=-",
        ),
        (
            "Năm 2024, toàn huyện có 1.204 đảng viên được kiểm điểm; 196 đảng viên hoàn thành xuất sắc nhiệm vụ, 945 hoàn thành tốt nhiệm vụ, 55 hoàn thành nhiệm vụ, 8 không hoàn thành nhiệm vụ. Riêng Đảng bộ xã Sơn Vi có 212 đảng viên được kiểm điểm, 35 đảng viên hoàn thành xuất sắc nhiệm vụ; Đảng bộ xã Hy Cương có 168 đảng viên được kiểm điểm, 24 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            "members /1204: excellent=196 good=945 completed=55 not_completed=8 | <son-vi> | members /212: excellent=35 good=- completed=- not_completed=- | <hy-cuong> | members /168: excellent=24 good=- completed=- not_completed=-",
        ),
        // "TP." does not end the sentence; "or better" sums with "or better".
        (
            "Năm 2023, 100% chi bộ trực thuộc trong tỉnh được đánh giá. Đảng bộ TP.Hải Dương có 412 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 96 chi bộ hoàn thành xuất sắc nhiệm vụ; Đảng bộ thị xã Kinh Môn có 301 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 70 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            "cells /: excellent=166 good=713+ completed=- not_completed=- | <hai-duong> | cells /: excellent=96 good=412+ completed=- not_completed=- | <kinh-mon> | cells /: excellent=70 good=301+ completed=- not_completed=-",
        ),
        // One unit after the province's figures is a sub-unit.
        (
            "Năm 2022, toàn tỉnh có 94.877 đảng viên được kiểm điểm, trong đó 15.397 đảng viên hoàn thành xuất sắc nhiệm vụ. Riêng thành phố Việt Trì có 2.410 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            "members /94877: excellent=15397 good=- completed=- not_completed=- | <viet-tri> | members /: excellent=2410 good=- completed=- not_completed=-",
        ),
        // A text about one district alone: its figures are the top level.
        (
            "Đảng bộ huyện Cẩm Khê có 31 tổ chức cơ sở đảng; năm 2023 có 6 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 22 hoàn thành tốt nhiệm vụ, 3 hoàn thành nhiệm vụ.",
            "organisations 31/: excellent=6 good=22 completed=3 not_completed=-",
        ),
        // "Trong đó" opens a sentence of the unit before it.
        (
            "Đảng bộ huyện Thanh Ba có 40 tổ chức cơ sở đảng được đánh giá. Trong đó, 8 tổ chức hoàn thành xuất sắc nhiệm vụ. Đảng bộ huyện Lâm Thao có 35 tổ chức cơ sở đảng được đánh giá, 7 hoàn thành xuất sắc nhiệm vụ.",
            "organisations /75: excellent=15 good=- completed=- not_completed=- | <thanh-ba> | organisations /40: excellent=8 good=- completed=- not_completed=- | <lam-thao> | organisations /35: excellent=7 good=- completed=- not_completed=-",
        ),
        // The whole gives members, the units cells alone: the cells' whole
        // is their sum (with a note naming the group).
        (
            "Năm 2023, toàn tỉnh có 15.397 đảng viên hoàn thành xuất sắc nhiệm vụ. Đảng bộ huyện Thanh Ba có 40 chi bộ hoàn thành tốt nhiệm vụ; Đảng bộ huyện Lâm Thao có 35 chi bộ hoàn thành tốt nhiệm vụ.",
            "members /: excellent=15397 good=- completed=- not_completed=- | cells /: excellent=- good=75 completed=- not_completed=- | <thanh-ba> | cells /: excellent=- good=40 completed=- not_completed=- | <lam-thao> | cells /: excellent=- good=35 completed=- not_completed=-",
        ),
        // Communes' party committees; a tier no unit gives is not given in the sum.
        (
            "Kết quả năm 2023: Đảng ủy phường Gia Cẩm có 28 chi bộ hoàn thành tốt nhiệm vụ, 3 chi bộ hoàn thành nhiệm vụ; Đảng ủy phường Tân Dân có 19 chi bộ hoàn thành tốt nhiệm vụ, 1 chi bộ hoàn thành nhiệm vụ.",
            "cells /: excellent=- good=47 completed=4 not_completed=- | <gia-cam> | cells /: excellent=- good=28 completed=3 not_completed=- | <tan-dan> | cells /: excellent=- good=19 completed=1 not_completed=-",
        ),
    ] {
        let r = read(text);
        assert_eq!(summary(&r.draft), want, "{text}");
        assert!(
            !r.unused.iter().any(|u| u.why == W::WhyTwice),
            "{text}: {:?}",
            unused(text, &r)
        );
    }
}

/// A text of sub-units alone: the whole's figures are their sum, each
/// marked worked out as a sum (not as a tier worked out to 0), and a note
/// under the chart says so; the file is one the core accepts (bug: on
/// main the first unit's figures were the whole's, the second's left out).
#[test]
fn a_text_of_units_alone_has_their_sum_marked_and_said_under_the_chart() {
    let text = "Năm 2023, Đảng bộ huyện Hạ Hòa có 33 tổ chức cơ sở đảng được đánh giá, 6 tổ chức hoàn thành xuất sắc nhiệm vụ, 25 hoàn thành tốt nhiệm vụ, 2 hoàn thành nhiệm vụ; Đảng bộ huyện Thanh Sơn có 52 tổ chức cơ sở đảng được đánh giá, 11 tổ chức hoàn thành xuất sắc nhiệm vụ, 37 hoàn thành tốt nhiệm vụ, 4 hoàn thành nhiệm vụ.";
    let r = read(text);
    assert_eq!(
        summary(&r.draft),
        "organisations /85: excellent=17 good=62 completed=6 not_completed=0 | <ha-hoa> | organisations /33: excellent=6 good=25 completed=2 not_completed=0 | <thanh-son> | organisations /52: excellent=11 good=37 completed=4 not_completed=0"
    );
    let whole: Vec<(&str, W)> = r
        .used
        .iter()
        .filter(|u| u.path.starts_with("groups["))
        .map(|u| (u.path.as_str(), u.worked_out()))
        .collect();
    assert_eq!(
        whole,
        [
            ("groups[0].evaluated", W::WhySummed),
            ("groups[0].counts.excellent", W::WhySummed),
            ("groups[0].counts.good", W::WhySummed),
            ("groups[0].counts.completed", W::WhySummed),
            ("groups[0].counts.not_completed", W::WhyDerived),
        ]
    );
    assert_eq!(r.draft.units[1].label.vi, "Huyện Thanh Sơn");
    assert_eq!(r.draft.notes.len(), 1);
    assert!(r.draft.notes[0]
        .vi
        .starts_with("Tổ chức cơ sở đảng: số liệu chung là tổng"));
    let mut d = r.draft.clone();
    d.title.vi = "Kết quả".into();
    let file = results_file(&d, "");
    assert!(
        tier_breakdown_core::validate::check(&file).is_ok(),
        "{file}"
    );
}

/// Two units named together with one figure: whose it is the text does
/// not say, so it is left out with that reason (never one unit's).
#[test]
fn a_figure_of_two_units_together_is_left_out_with_that_reason() {
    let text = "Năm 2023, huyện Thanh Ba và huyện Hạ Hòa có 12 đảng viên không hoàn thành nhiệm vụ; toàn tỉnh có 437 đảng viên không hoàn thành nhiệm vụ.";
    let r = read(text);
    assert_eq!(
        summary(&r.draft),
        "members /: excellent=- good=- completed=- not_completed=437"
    );
    assert!(
        unused(text, &r)
            .iter()
            .any(|(w, why)| w.contains("12") && *why == W::WhyUnitsTogether),
        "{:?}",
        unused(text, &r)
    );
}

/// English changes (bug: "rose from 5,000 to 5,062" wrote 5,000, last
/// year's figure, as this year's): this year's figure where the sentence
/// says which it is, the other left out as a change, or given to the
/// year the sentence names.
#[test]
fn english_changes_keep_this_years_figure() {
    for (text, want, left_out) in [
        (
            "In 2023, 94,877 party members were reviewed. The number of members rated excellent rose from 5,000 to 5,062, and 74,551 completed their duties well.",
            "members /94877: excellent=5062 good=74551 completed=- not_completed=-",
            &["5,000"][..],
        ),
        (
            "The number of party members who did not complete their duties fell from 512 to 437.",
            "members /: excellent=- good=- completed=- not_completed=437",
            &["512"],
        ),
        (
            "In 2023, 236 grassroots party organisations completed their duties excellently, up 14 compared with 2022.",
            "organisations /: excellent=236 good=- completed=- not_completed=-",
            &["14"],
        ),
        (
            "In 2023, 1,120 party members completed their duties excellently, 86 more than last year.",
            "members /: excellent=1120 good=- completed=- not_completed=-",
            &["86"],
        ),
        (
            "The share of party members rated good or better dropped from 93.1% to 92.4%.",
            "members /: excellent=- good=92.4%+ completed=- not_completed=-",
            &["93.1"],
        ),
        (
            "The number of party members rated excellent rose by 62 to 5,062.",
            "members /: excellent=5062 good=- completed=- not_completed=-",
            &["62"],
        ),
        (
            "In 2023, 5,062 party members completed their duties excellently, compared with 5,000 in 2022.",
            "members /: excellent=5062 good=- completed=- not_completed=-",
            &["5,000"],
        ),
        (
            "In 2023, 437 party members did not complete their duties, 75 fewer than in 2022.",
            "members /: excellent=- good=- completed=- not_completed=437",
            &["75"],
        ),
        // The years named: each figure is its year's.
        (
            "The number of grassroots party organisations rated excellent declined from 120 in 2022 to 112 in 2023.",
            "organisations /: excellent=112 good=- completed=- not_completed=- | [2022] | organisations /: excellent=120 good=- completed=- not_completed=-",
            &[],
        ),
        (
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ tăng từ 1.045 năm 2022 lên 1.210 năm 2023.",
            "members /: excellent=1210 good=- completed=- not_completed=- | [2022] | members /: excellent=1045 good=- completed=- not_completed=-",
            &[],
        ),
    ] {
        let r = read(text);
        assert_eq!(summary(&r.draft), want, "{text}");
        let out = unused(text, &r);
        for n in left_out {
            assert!(
                out.iter().any(|(w, why)| w.contains(n) && *why == W::WhyChange),
                "{n} in {text}: {out:?}"
            );
        }
        // The words of this year's figure are its own: the editor greys
        // the compared one beside them, not inside them.
        for (u, c) in r.used.iter().flat_map(|u| r.unused.iter().map(move |c| (u, c))) {
            let apart = u.words.end <= c.words.start || c.words.end <= u.words.start;
            assert!(apart || c.why != W::WhyChange, "{:?} in {text}", &text[u.words.clone()]);
        }
    }
}

#[test]
fn years_and_quarters_become_periods() {
    for (text, want, period) in [
        (
            "Năm 2021, toàn huyện có 35 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 120 hoàn thành tốt nhiệm vụ. Năm 2022, con số này là 41 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ và 118 hoàn thành tốt nhiệm vụ.",
            "organisations /: excellent=41 good=118 completed=- not_completed=- | [2021] | organisations /: excellent=35 good=120 completed=- not_completed=-",
            "2022",
        ),
        (
            "Quý III/2025, có 14 chi bộ hoàn thành xuất sắc nhiệm vụ. Quý II/2025, có 12 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            "cells /: excellent=14 good=- completed=- not_completed=- | [2025-q2] | cells /: excellent=12 good=- completed=- not_completed=-",
            "2025-q3",
        ),
        // A comparison's year is not the clause's period.
        (
            "Năm 2023 có 52 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, tăng 6 so với năm 2022.",
            "organisations /: excellent=52 good=- completed=- not_completed=-",
            "2023",
        ),
    ] {
        let r = read(text);
        assert_eq!(summary(&r.draft), want, "{text}");
        assert_eq!(r.draft.period_id, period, "{text}");
    }
}

#[test]
fn what_is_not_a_result_is_listed_with_its_reason_and_never_written() {
    for (text, want_used, want) in [
        (
            "Năm 2024, Đảng bộ phấn đấu có 100% tổ chức cơ sở đảng hoàn thành nhiệm vụ trở lên, trên 90% đảng viên hoàn thành tốt nhiệm vụ trở lên. Năm 2023 có 120 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            vec![("groups[0].counts.excellent", "120")],
            vec![("100%", W::WhyTarget), ("trên 90%", W::WhyTarget)],
        ),
        (
            "Chỉ tiêu năm tới: 95% đảng viên hoàn thành tốt nhiệm vụ trở lên. Có 40 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            vec![("groups[0].counts.excellent", "40")],
            vec![("95%", W::WhyTarget)],
        ),
        (
            "Có 130 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ. Huyện ủy tặng giấy khen cho 18 tổ chức cơ sở đảng đạt hoàn thành xuất sắc nhiệm vụ 5 năm liền; khen thưởng 42 đảng viên.",
            vec![("groups[0].counts.excellent", "130")],
            vec![
                ("18", W::WhyAward),
                ("5", W::WhyAward),
                ("42", W::WhyAward),
            ],
        ),
        (
            "Có 300 đảng viên hoàn thành tốt nhiệm vụ. Trong năm, kết nạp 312 đảng viên mới.",
            vec![("groups[0].counts.good", "300")],
            vec![("312", W::WhyAdmission)],
        ),
        (
            "Có 25 chi bộ hoàn thành xuất sắc nhiệm vụ. 100% chi bộ tổ chức thành công đại hội nhiệm kỳ 2022 - 2025.",
            vec![("groups[0].counts.excellent", "25")],
            vec![
                ("100%", W::WhyCongress),
                ("2022", W::WhyCongress),
                ("2025", W::WhyCongress),
            ],
        ),
        (
            "Có 25 chi bộ hoàn thành xuất sắc nhiệm vụ. Ủy ban Kiểm tra Huyện ủy đã kiểm tra 26 tổ chức đảng và 40 đảng viên; thi hành kỷ luật 5 đảng viên không hoàn thành nhiệm vụ.",
            vec![("groups[0].counts.excellent", "25")],
            vec![
                ("26", W::WhyInspection),
                ("40", W::WhyInspection),
                ("5", W::WhyInspection),
            ],
        ),
        (
            "Thực hiện Công văn số 412-CV/HU, ngày 03/10/2023 của Huyện ủy, có 25 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            vec![("groups[0].counts.excellent", "25")],
            vec![("412-CV/HU", W::WhyDocument), ("03/10/2023", W::WhyDate)],
        ),
        (
            "Tính đến tháng 12/2023, có 40 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            vec![("groups[0].counts.excellent", "40")],
            vec![("12/2023", W::WhyDate)],
        ),
        (
            "Một số chi bộ chưa hoàn thành tốt nhiệm vụ; có 7 chi bộ hoàn thành nhiệm vụ.",
            vec![("groups[0].counts.completed", "7")],
            vec![("Một số", W::WhySome)],
        ),
        (
            "Năm 2023 có 52 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, tăng 6 so với năm 2022.",
            vec![("groups[0].counts.excellent", "52")],
            vec![("6 so với năm 2022", W::WhyChange)],
        ),
        // Found in the research: dates with dashes or dots and times were
        // numbers with no meaning, not dates.
        (
            "Cập nhật 08:15 ngày 24.11.2023, theo Quy định ngày 24-11-2023: có 36 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            vec![("groups[0].counts.excellent", "36")],
            vec![
                ("08:15", W::WhyDate),
                ("24.11.2023", W::WhyDate),
                ("24-11-2023", W::WhyDate),
            ],
        ),
        // Found on the blind set: not reviewed, and another rating.
        (
            "Có 250 đảng viên hoàn thành tốt nhiệm vụ; 37 đảng viên được miễn đánh giá, 12 đảng viên chưa đánh giá.",
            vec![("groups[0].counts.good", "250")],
            vec![("37", W::WhyNotReviewed), ("12", W::WhyNotReviewed)],
        ),
        (
            "Có 25 chi bộ hoàn thành xuất sắc nhiệm vụ. Đảng ủy đánh giá chất lượng sinh hoạt của 48 chi bộ: 40 chi bộ xếp loại tốt, 8 chi bộ xếp loại khá.",
            vec![("groups[0].counts.excellent", "25")],
            vec![
                ("48", W::WhyOtherRating),
                ("40", W::WhyOtherRating),
                ("8", W::WhyOtherRating),
            ],
        ),
        (
            "Trong đó 20 hoàn thành xuất sắc nhiệm vụ. Gần 5.000 đảng viên được kiểm điểm.",
            vec![],
            vec![
                ("20 hoàn thành xuất sắc nhiệm vụ", W::WhyNoGroup),
                ("Gần 5.000 đảng viên được kiểm điểm", W::WhyApproxCoverage),
            ],
        ),
    ] {
        let r = read(text);
        let used: Vec<(&str, &str)> = r
            .used
            .iter()
            .map(|u| (u.path.as_str(), u.value.as_str()))
            .collect();
        assert_eq!(used, want_used, "{text}");
        let want: Vec<(String, W)> = want.into_iter().map(|(s, w)| (s.to_string(), w)).collect();
        assert_eq!(unused(text, &r), want, "{text}");
        // Nothing left out is in the file.
        let file = results_file(&r.draft, "");
        for (words, _) in &want {
            let digits: String = words.chars().filter(char::is_ascii_digit).collect();
            if digits.len() > 1 {
                assert!(!file.contains(&format!(": {digits}")), "{digits} in {file}");
            }
        }
    }
}

#[test]
fn where_the_words_allow_two_readings_it_asks_and_each_choice_is_a_draft() {
    for (text, ask, first, second) in [
        // The tiers add up to the evaluated only if "good" includes "excellent".
        (
            "Năm 2022, 300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 280 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ.",
            W::AskGoodIncludes,
            "members /300: excellent=60 good=280+ completed=15 not_completed=5",
            "members /300: excellent=60 good=280 completed=15 not_completed=5",
        ),
        // Shares with a total and an evaluated: of which?
        (
            "Năm 2023, toàn tỉnh có 690/700 tổ chức cơ sở đảng được đánh giá; 20% hoàn thành xuất sắc nhiệm vụ, 70% hoàn thành tốt nhiệm vụ, 10% hoàn thành nhiệm vụ.",
            W::AskShareBase,
            "organisations 700/690: excellent=20% good=70% completed=10% not_completed=-",
            "organisations 700/690: excellent=about 140 good=about 490 completed=about 70 not_completed=-",
        ),
        // Another year's count with no tier, after a tier's figure.
        (
            "Năm 2020 có 1.045 đảng viên hoàn thành xuất sắc nhiệm vụ; năm 2021 có 1.130 đảng viên.",
            W::AskElliptic,
            "members /: excellent=1130 good=- completed=- not_completed=- | [2020] | members /: excellent=1045 good=- completed=- not_completed=-",
            "members 1130/ | [2020] | members /: excellent=1045 good=- completed=- not_completed=-",
        ),
        // "hằng năm" and no year.
        (
            "Hằng năm, có 95% đảng viên hoàn thành tốt nhiệm vụ trở lên.",
            W::AskNoYear,
            "members /: excellent=- good=95%+ completed=- not_completed=-",
            "members /",
        ),
    ] {
        let r = read(text);
        assert_eq!(r.questions.len(), 1, "{text}");
        let q = &r.questions[0];
        assert_eq!(q.ask, ask);
        assert_eq!(summary(&r.draft), first, "{text}");
        assert_eq!(q.choices.len(), 2);
        assert_eq!(summary(&r.answered(&[(0, 0)]).0), first, "{text}");
        assert_eq!(summary(&r.answered(&[(0, 1)]).0), second, "{text}");
    }
    // Tiers that add up as printed ask nothing.
    let r = read("300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 220 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ.");
    assert!(r.questions.is_empty());
}

/// The built-in story's figures in an equivalent paragraph (written for
/// this test, not the article's sentences), with a document number and a
/// target around it.
const STORY: &str = "Thực hiện Hướng dẫn số 25-HD/BTCTW, ngày 9/11/2022, việc kiểm điểm được làm hằng năm.\n\n\
Năm 2022, toàn tỉnh có 695/698 tổ chức cơ sở đảng được đánh giá, xếp loại; trong đó 131 tổ chức cơ sở đảng đạt hoàn thành xuất sắc nhiệm vụ, 539 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ và 25 tổ chức cơ sở đảng hoàn thành nhiệm vụ. \
Có 5.062/5.084 chi bộ trực thuộc Đảng ủy cơ sở đánh giá, xếp loại chất lượng, trong đó 894 chi bộ hoàn thành xuất sắc nhiệm vụ, 3.791chi bộ hoàn thành tốt nhiệm vụ, 376 chi bộ hoàn thành nhiệm vụ, một chi bộ không hoàn thành nhiệm vụ. \
Tổng số 94.877 đảng viên được kiểm điểm; xếp loại 15.397 đảng viên hoàn thành xuất sắc nhiệm vụ (16,2%), 74.551 đảng viên hoàn thành tốt nhiệm vụ, 4.492 đảng viên hoàn thành nhiệm vụ, 437 đảng viên không hoàn thành nhiệm vụ. \
Năm 2023, tỉnh phấn đấu có trên 20% đảng viên hoàn thành xuất sắc nhiệm vụ.";

/// Answering a question after correcting the form keeps the corrections
/// (bug: the editor made the draft again from the reading, and every
/// field the journalist had corrected since went back to the text's):
/// the answer's change comes in, the journalist's stay; where both
/// changed one field, the journalist's.
#[test]
fn an_answer_keeps_the_corrections_made_in_the_form_since() {
    let text = "Năm 2023, 300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 280 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ; 12 chi bộ hoàn thành xuất sắc nhiệm vụ.";
    type Edit = fn(&mut Draft);
    type Answers = &'static [(usize, usize)];
    let cases: [(&str, Edit, Answers, Answers, &str); 5] = [
        (
            "a figure corrected",
            |d| d.groups[0].figures[2].value = "16".into(),
            &[],
            &[(0, 1)],
            "members /300: excellent=60 good=280 completed=16 not_completed=5 | cells /: excellent=12 good=- completed=- not_completed=-",
        ),
        (
            "the evaluated and a tier marked not given",
            |d| {
                d.groups[0].evaluated = "301".into();
                d.groups[1].figures[1].not_given = false;
                d.groups[1].figures[1].value = "40".into();
            },
            &[],
            &[(0, 1)],
            "members /301: excellent=60 good=280 completed=15 not_completed=5 | cells /: excellent=12 good=40 completed=- not_completed=-",
        ),
        (
            "both changed the figure: its value is the journalist's, its 'or better' the answer's",
            |d| d.groups[0].figures[1].value = "281".into(),
            &[(0, 1)],
            &[(0, 0)],
            "members /300: excellent=60 good=281+ completed=15 not_completed=5 | cells /: excellent=12 good=- completed=- not_completed=-",
        ),
        (
            "a group removed stays removed",
            |d| {
                d.groups.remove(1);
            },
            &[],
            &[(0, 1)],
            "members /300: excellent=60 good=280 completed=15 not_completed=5",
        ),
        (
            "a group added stays",
            |d| {
                let mut g = d.groups[1].clone();
                g.id = "collectives".into();
                g.figures[0].value = "7".into();
                d.groups.push(g);
            },
            &[],
            &[(0, 1)],
            "members /300: excellent=60 good=280 completed=15 not_completed=5 | cells /: excellent=12 good=- completed=- not_completed=- | collectives /: excellent=7 good=- completed=- not_completed=-",
        ),
    ];
    let r = read(text);
    assert_eq!(r.questions.len(), 1);
    for (what, edit, before, answers, want) in cases {
        let mut d = Draft::blank();
        r.put(before, &mut d);
        d.title.vi = "Tiêu đề đã gõ".into();
        edit(&mut d);
        let used = r.reanswer(before, answers, &mut d);
        assert_eq!(summary(&d), want, "{what}");
        assert_eq!(d.title.vi, "Tiêu đề đã gõ", "{what}");
        assert_eq!(used, r.answered(answers).1, "{what}");
    }
}

#[test]
fn the_built_in_storys_paragraph_gives_exactly_its_figures() {
    let r = read(STORY);
    assert!(r.questions.is_empty());
    let file: Value = serde_json::from_str(&results_file(&r.draft, "")).unwrap();
    let seed: Value = serde_json::from_str(SEED_JSON).unwrap();
    let figures = |v: &Value| -> Vec<(Value, Value, Value, Value)> {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["id"].clone(),
                    g["total"].clone(),
                    g["evaluated"].clone(),
                    g["counts"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(figures(&file), figures(&seed));
    let ids = |v: &Value| -> Vec<Value> {
        v["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].clone())
            .collect()
    };
    assert_eq!(ids(&file), ids(&seed));
    assert_eq!(r.draft.period_id, "2022");
    // The organisations' lowest tier is worked out, and said so.
    let derived: Vec<&str> = r
        .used
        .iter()
        .filter(|u| u.derived)
        .map(|u| u.path.as_str())
        .collect();
    assert_eq!(derived, ["groups[0].counts.not_completed"]);
    assert_eq!(
        unused(STORY, &r),
        [
            ("25-HD/BTCTW".to_string(), W::WhyDocument),
            ("9/11/2022".to_string(), W::WhyDate),
            ("16,2%".to_string(), W::WhyShareOfCount),
            ("trên 20%".to_string(), W::WhyTarget),
        ]
    );
    // Every figure's words, and a field's words back from its path.
    let words = |path: &str| {
        let u = r.used.iter().find(|u| u.path == path).unwrap();
        &STORY[u.words.clone()]
    };
    assert_eq!(
        words("groups[1].counts.good"),
        "3.791chi bộ hoàn thành tốt nhiệm vụ"
    );
    assert_eq!(
        words("groups[1].counts.not_completed"),
        "một chi bộ không hoàn thành nhiệm vụ"
    );
    assert_eq!(
        words("groups[2].evaluated"),
        "94.877 đảng viên được kiểm điểm"
    );
}

/// A deterministic generator (a linear congruential one), so the
/// property test runs the same cases every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// How a count is written: `12.408`, `12408`, `08`, `một`.
fn written(n: u64, style: u64) -> String {
    const WORDS: [&str; 11] = [
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    match style {
        0 if (1..=10).contains(&n) => WORDS[n as usize].to_string(),
        1 if n < 10 => format!("0{n}"),
        _ if n >= 1000 => format!("{}.{:03}", n / 1000, n % 1000),
        _ => n.to_string(),
    }
}

#[test]
fn the_words_highlighted_for_a_figure_contain_its_digits_or_its_number_word() {
    const GROUPS: [&str; 3] = ["tổ chức cơ sở đảng", "chi bộ", "đảng viên"];
    const TIERS: [&str; 4] = [
        "hoàn thành xuất sắc nhiệm vụ",
        "hoàn thành tốt nhiệm vụ",
        "hoàn thành nhiệm vụ",
        "không hoàn thành nhiệm vụ",
    ];
    const NUMBER_WORDS: [&str; 11] = [
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let mut rng = Lcg(20_260_907);
    let mut checked = 0;
    for _ in 0..300 {
        let group = GROUPS[rng.next(3) as usize];
        let counts: Vec<u64> = (0..4)
            .map(|_| match rng.next(3) {
                0 => rng.next(11),
                1 => rng.next(1000),
                _ => rng.next(100_000),
            })
            .collect();
        let evaluated: u64 = counts.iter().sum();
        let mut text = format!(
            "Năm {}, có {} {group} được đánh giá, xếp loại, trong đó ",
            2015 + rng.next(10),
            written(evaluated, 2)
        );
        let parts: Vec<String> = counts
            .iter()
            .zip(TIERS)
            .map(|(n, t)| format!("{} {group} {t}", written(*n, rng.next(3))))
            .collect();
        text.push_str(&parts.join(", "));
        text.push('.');
        let r = read(&text);
        let g = &r.draft.groups[0];
        let values: Vec<&str> = g.figures.iter().map(|f| f.value.as_str()).collect();
        let want: Vec<String> = counts.iter().map(u64::to_string).collect();
        assert_eq!(values, want, "{text}");
        for u in r.used.iter().filter(|u| !u.derived) {
            let words = &text[u.words.clone()];
            let digits: String = words.chars().filter(char::is_ascii_digit).collect();
            let word = u
                .value
                .parse::<usize>()
                .ok()
                .and_then(|n| NUMBER_WORDS.get(n))
                .is_some_and(|w| words.to_lowercase().starts_with(w));
            assert!(
                digits.contains(&u.value) || word,
                "{} = {} from {words:?}",
                u.path,
                u.value
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// A used figure as `[period/][unit/]group.field` (ids, not positions)
/// and its value, with `+` when "or better" and the approximation's word
/// before it.
fn as_written(d: &Draft, u: &Used) -> (String, String) {
    let index = |rest: &str, key: &str| -> Option<(usize, String)> {
        let (i, rest) = rest.strip_prefix(key)?.split_once("].")?;
        Some((i.parse().unwrap(), rest.to_string()))
    };
    let mut place = String::new();
    let mut rest = u.path.clone();
    let mut part: Option<&tier_breakdown_draft::draft::Part> = None;
    if let Some((p, r)) = index(&rest, "periods[") {
        part = Some(&d.periods[p]);
        place.push_str(&format!("{}/", d.periods[p].id));
        rest = r;
    }
    if let Some((i, r)) = index(&rest, "units[") {
        let unit = match part {
            Some(p) => &p.units[i],
            None => &d.units[i],
        };
        place.push_str(&format!("{}/", unit.id));
        part = Some(unit);
        rest = r;
    }
    let groups = part.map_or(&d.groups, |p| &p.groups);
    let (g, field) = index(&rest, "groups[").unwrap();
    let g = &groups[g];
    let approx = if u.approx.is_empty() {
        String::new()
    } else {
        format!("{} ", u.approx)
    };
    let or_better = if u.or_better { "+" } else { "" };
    (
        format!("{place}{}.{field}", g.id),
        format!("{approx}{}{or_better}", u.value),
    )
}

/// Invented paragraphs in varied styles, written before the reader was
/// tuned on them, each with the result figures a person reads in it (a
/// coverage share with no total to make it a count is not one: the file
/// cannot hold it). The test prints figures right / figures printed and
/// the figures the reader put in that the paragraph does not give.
const MEASURED: &[(&str, &[(&str, &str)])] = &[
    ("Theo Ban Tổ chức Huyện ủy, năm 2023 toàn huyện có 41/42 tổ chức cơ sở đảng được đánh giá, xếp loại chất lượng. Kết quả: 8 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (19,5%), 30 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (73,2%), 3 tổ chức cơ sở đảng hoàn thành nhiệm vụ (7,3%); không có tổ chức cơ sở đảng không hoàn thành nhiệm vụ.",
     &[("organisations.total", "42"), ("organisations.evaluated", "41"), ("organisations.counts.excellent", "8"), ("organisations.counts.good", "30"), ("organisations.counts.completed", "3"), ("organisations.counts.not_completed", "0")]),
    ("Đảng bộ thị xã có 4.815 đảng viên thuộc diện đánh giá; kết quả có 702 đảng viên hoàn thành xuất sắc nhiệm vụ, 3.880 đảng viên hoàn thành tốt nhiệm vụ, 208 đảng viên hoàn thành nhiệm vụ, 25 đảng viên không hoàn thành nhiệm vụ.",
     &[("members.evaluated", "4815"), ("members.counts.excellent", "702"), ("members.counts.good", "3880"), ("members.counts.completed", "208"), ("members.counts.not_completed", "25")]),
    ("Năm 2022, Đảng bộ Khối có 58 chi bộ trực thuộc; 100% chi bộ được đánh giá, xếp loại. Trong đó, 12 chi bộ hoàn thành xuất sắc nhiệm vụ, 43 chi bộ hoàn thành tốt nhiệm vụ, 3 chi bộ hoàn thành nhiệm vụ.",
     &[("cells.total", "58"), ("cells.evaluated", "58"), ("cells.counts.excellent", "12"), ("cells.counts.good", "43"), ("cells.counts.completed", "3")]),
    ("In 2023 the provincial committee reviewed 1,204 grassroots party organisations. Of these, 230 completed their duties excellently, 880 completed their duties well, 86 completed their duties and 8 did not complete their duties.",
     &[("organisations.evaluated", "1204"), ("organisations.counts.excellent", "230"), ("organisations.counts.good", "880"), ("organisations.counts.completed", "86"), ("organisations.counts.not_completed", "8")]),
    ("Năm 2021, có 92,8% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó 14,6% hoàn thành xuất sắc nhiệm vụ; 0,9% đảng viên không hoàn thành nhiệm vụ.",
     &[("members.shares.good", "92.8+"), ("members.shares.excellent", "14.6"), ("members.shares.not_completed", "0.9")]),
    ("Năm 2015, qua đánh giá, có 320 tổ chức cơ sở đảng đạt trong sạch, vững mạnh (trong đó 64 tổ chức trong sạch, vững mạnh tiêu biểu), 110 tổ chức hoàn thành tốt nhiệm vụ, 15 tổ chức hoàn thành nhiệm vụ, 2 tổ chức yếu kém.",
     &[("organisations.counts.clean_strong", "320+"), ("organisations.counts.exemplary", "64"), ("organisations.counts.good", "110"), ("organisations.counts.completed", "15"), ("organisations.counts.weak", "2")]),
    ("Quý I/2025, Đảng ủy phường đánh giá 36 đảng viên: 5 đ/c hoàn thành xuất sắc nhiệm vụ, 28 đ/c hoàn thành tốt nhiệm vụ, 3 đ/c hoàn thành nhiệm vụ.",
     &[("members.evaluated", "36"), ("members.counts.excellent", "5"), ("members.counts.good", "28"), ("members.counts.completed", "3")]),
    ("Kết quả đánh giá, xếp loại năm 2023: Tổ chức cơ sở đảng: HTXSNV 15 (20,8%); HTTNV 50 (69,4%); HTNV 6 (8,3%); KHTNV 1 (1,4%).",
     &[("organisations.counts.excellent", "15"), ("organisations.counts.good", "50"), ("organisations.counts.completed", "6"), ("organisations.counts.not_completed", "1")]),
    ("Toàn huyện có 9.210 đảng viên, trong đó 8.960 đảng viên được kiểm điểm, đánh giá, xếp loại. Có 1.320 đảng viên hoàn thành xuất sắc nhiệm vụ, 7.100 đảng viên hoàn thành tốt nhiệm vụ, 470 đảng viên hoàn thành nhiệm vụ, 70 đảng viên không hoàn thành nhiệm vụ.",
     &[("members.total", "9210"), ("members.evaluated", "8960"), ("members.counts.excellent", "1320"), ("members.counts.good", "7100"), ("members.counts.completed", "470"), ("members.counts.not_completed", "70")]),
    ("Có 24 tập thể lãnh đạo, quản lý được đánh giá; 6 tập thể hoàn thành xuất sắc nhiệm vụ, 16 tập thể hoàn thành tốt nhiệm vụ, 2 tập thể hoàn thành nhiệm vụ. Về cá nhân cán bộ lãnh đạo, quản lý, 31 đồng chí hoàn thành xuất sắc nhiệm vụ, 140 đồng chí hoàn thành tốt nhiệm vụ.",
     &[("collectives.evaluated", "24"), ("collectives.counts.excellent", "6"), ("collectives.counts.good", "16"), ("collectives.counts.completed", "2"), ("leaders.counts.excellent", "31"), ("leaders.counts.good", "140")]),
    ("Năm 2024, trên 98% tổ chức cơ sở đảng được xếp loại hoàn thành nhiệm vụ trở lên.",
     &[("organisations.shares.completed", "over 98+")]),
    ("Năm 2020 có 1.045 đảng viên hoàn thành xuất sắc nhiệm vụ; năm 2021 có 1.130 đảng viên; năm 2022 tăng lên 1.210 đảng viên hoàn thành xuất sắc nhiệm vụ.",
     &[("members.counts.excellent", "1210"), ("2020/members.counts.excellent", "1045"), ("2021/members.counts.excellent", "1130")]),
    ("Chi bộ Khu dân cư số 5 có 47 đảng viên; năm 2023 có 7 đảng viên hoàn thành xuất sắc nhiệm vụ, 37 đảng viên hoàn thành tốt nhiệm vụ và 3 đảng viên hoàn thành nhiệm vụ.",
     &[("members.total", "47"), ("members.counts.excellent", "7"), ("members.counts.good", "37"), ("members.counts.completed", "3")]),
    ("Kết quả kiểm điểm năm 2022 cho thấy: 100% tổ chức cơ sở đảng và 99,2% đảng viên được kiểm điểm; có 18,4% đảng viên hoàn thành xuất sắc nhiệm vụ, 76,1% hoàn thành tốt nhiệm vụ.",
     &[("members.shares.excellent", "18.4"), ("members.shares.good", "76.1")]),
    ("Năm 2023, Đảng bộ xã có 15 chi bộ; đánh giá, xếp loại: 3 chi bộ HTXSNV, 11 chi bộ HTTNV, 01 chi bộ HTNV.",
     &[("cells.total", "15"), ("cells.counts.excellent", "3"), ("cells.counts.good", "11"), ("cells.counts.completed", "1")]),
    ("In 2024, 17.5% of party members completed their duties excellently, 78% completed their duties well, 4% completed their duties and 0.5% did not complete their duties.",
     &[("members.shares.excellent", "17.5"), ("members.shares.good", "78"), ("members.shares.completed", "4"), ("members.shares.not_completed", "0.5")]),
    ("Ban Thường vụ Thành ủy đề nghị công nhận 12 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ tiêu biểu để Tỉnh ủy tặng Bằng khen.",
     &[]),
    ("Năm 2022, huyện có 5.930 đảng viên được đánh giá; trong đó có gần 900 đảng viên hoàn thành xuất sắc nhiệm vụ, khoảng 4.800 hoàn thành tốt nhiệm vụ.",
     &[("members.evaluated", "5930"), ("members.counts.excellent", "nearly 900"), ("members.counts.good", "about 4800")]),
    ("Về chất lượng tổ chức cơ sở đảng năm 2021: có 27 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 98 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; năm 2022: 31 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 96 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.",
     &[("organisations.counts.excellent", "31"), ("organisations.counts.good", "96"), ("2021/organisations.counts.excellent", "27"), ("2021/organisations.counts.good", "98")]),
    ("Tính đến tháng 12/2023, có 2.140/2.152 đảng viên được đánh giá, xếp loại; 328 đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 15,3%; 1.702 hoàn thành tốt nhiệm vụ, chiếm 79,5%; 96 hoàn thành nhiệm vụ; 14 không hoàn thành nhiệm vụ.",
     &[("members.total", "2152"), ("members.evaluated", "2140"), ("members.counts.excellent", "328"), ("members.counts.good", "1702"), ("members.counts.completed", "96"), ("members.counts.not_completed", "14")]),
    ("Trong năm, Đảng bộ kết nạp 86 đảng viên mới, nâng tổng số đảng viên lên 3.412 đồng chí.",
     &[]),
    ("Đánh giá chất lượng năm 2024, 100% chi bộ hoàn thành nhiệm vụ trở lên; trong đó 35% chi bộ hoàn thành xuất sắc nhiệm vụ.",
     &[("cells.shares.completed", "100+"), ("cells.shares.excellent", "35")]),
    ("Năm 2019: tổng số đảng viên được đánh giá 6.720; hoàn thành xuất sắc nhiệm vụ 1.010 đồng chí; hoàn thành tốt nhiệm vụ 5.400 đồng chí; hoàn thành nhiệm vụ 280 đồng chí; không hoàn thành nhiệm vụ 30 đồng chí.",
     &[("members.evaluated", "6720"), ("members.counts.excellent", "1010"), ("members.counts.good", "5400"), ("members.counts.completed", "280"), ("members.counts.not_completed", "30")]),
    ("Năm 2022, số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ là 128, trong đó có 30 tổ chức hoàn thành xuất sắc nhiệm vụ.",
     &[("organisations.counts.good", "128+"), ("organisations.counts.excellent", "30")]),
    ("Cả năm có 2 chi bộ và 11 đảng viên không hoàn thành nhiệm vụ.",
     &[("cells.counts.not_completed", "2"), ("members.counts.not_completed", "11")]),
    ("Năm 2023, xếp loại hoàn thành tốt nhiệm vụ trở lên đạt 94,6% tổng số đảng viên.",
     &[("members.shares.good", "94.6+")]),
    ("Kết quả đánh giá năm 2021 (theo Báo cáo số 215-BC/TU ngày 20/01/2022): 190 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 520 hoàn thành tốt nhiệm vụ.",
     &[("organisations.counts.excellent", "190"), ("organisations.counts.good", "520")]),
];

/// Paragraphs written after the reader was tuned on [`MEASURED`], and not
/// tuned on: the figures right here are the honest measure.
const FRESH: &[(&str, &[(&str, &str)])] = &[
    ("Đảng bộ huyện Thanh Sơn hiện có 52 tổ chức cơ sở đảng. Qua kiểm điểm năm 2023, 52/52 tổ chức cơ sở đảng được đánh giá, xếp loại; kết quả: 11 tổ chức hoàn thành xuất sắc nhiệm vụ, 37 tổ chức hoàn thành tốt nhiệm vụ, 4 tổ chức hoàn thành nhiệm vụ.",
     &[("organisations.total", "52"), ("organisations.evaluated", "52"), ("organisations.counts.excellent", "11"), ("organisations.counts.good", "37"), ("organisations.counts.completed", "4")]),
    ("Năm 2024, có 3.915/3.990 đảng viên được kiểm điểm, xếp loại chất lượng (đạt 98,1%). Trong đó, hoàn thành xuất sắc nhiệm vụ có 612 đồng chí; hoàn thành tốt nhiệm vụ 3.101 đồng chí; hoàn thành nhiệm vụ 170 đồng chí; không hoàn thành nhiệm vụ 32 đồng chí.",
     &[("members.total", "3990"), ("members.evaluated", "3915"), ("members.counts.excellent", "612"), ("members.counts.good", "3101"), ("members.counts.completed", "170"), ("members.counts.not_completed", "32")]),
    ("Kết quả xếp loại chi bộ trực thuộc năm 2022: 18,5% hoàn thành xuất sắc nhiệm vụ, 75,2% hoàn thành tốt nhiệm vụ, 5,9% hoàn thành nhiệm vụ, 0,4% không hoàn thành nhiệm vụ.",
     &[("cells.shares.excellent", "18.5"), ("cells.shares.good", "75.2"), ("cells.shares.completed", "5.9"), ("cells.shares.not_completed", "0.4")]),
    ("In 2021, 1,870 party cells were assessed; 320 of them completed their duties excellently and 1,460 completed their duties well, while 82 completed their duties and 8 did not complete their duties.",
     &[("cells.evaluated", "1870"), ("cells.counts.excellent", "320"), ("cells.counts.good", "1460"), ("cells.counts.completed", "82"), ("cells.counts.not_completed", "8")]),
    ("Năm 2018, toàn Đảng bộ có 96,5% tổ chức cơ sở đảng đạt trong sạch, vững mạnh trở lên; 2,1% tổ chức cơ sở đảng yếu kém.",
     &[("organisations.shares.clean_strong", "96.5+"), ("organisations.shares.weak", "2.1")]),
    ("Đảng ủy xã tổ chức kiểm điểm cho 28 chi bộ trực thuộc. Kết quả: 6 chi bộ HTXSNV, 20 chi bộ HTTNV, hai chi bộ HTNV; không có chi bộ nào KHTNV.",
     &[("cells.counts.excellent", "6"), ("cells.counts.good", "20"), ("cells.counts.completed", "2"), ("cells.counts.not_completed", "0")]),
    ("Tập thể Ban Thường vụ Huyện ủy năm 2023 được xếp loại hoàn thành tốt nhiệm vụ; 14 đồng chí Ủy viên Ban Thường vụ có 3 đồng chí hoàn thành xuất sắc nhiệm vụ, 11 đồng chí hoàn thành tốt nhiệm vụ.",
     &[("members.counts.excellent", "3"), ("members.counts.good", "11")]),
    ("Năm 2022 số đảng viên hoàn thành xuất sắc nhiệm vụ là 402 đồng chí, năm 2023 là 455 đồng chí.",
     &[("members.counts.excellent", "455"), ("2022/members.counts.excellent", "402")]),
    ("Năm 2023, toàn tỉnh kết nạp 2.845 đảng viên mới; 100% tổ chức cơ sở đảng tổ chức kiểm điểm. Có khoảng 15% đảng viên hoàn thành xuất sắc nhiệm vụ.",
     &[("members.shares.excellent", "about 15")]),
    ("Về chất lượng đảng viên năm 2019: đủ tư cách hoàn thành xuất sắc nhiệm vụ 1.102 đồng chí, đủ tư cách hoàn thành tốt nhiệm vụ 6.340 đồng chí, đủ tư cách hoàn thành nhiệm vụ 410 đồng chí, vi phạm tư cách hoặc không hoàn thành nhiệm vụ 25 đồng chí.",
     &[("members.counts.excellent", "1102"), ("members.counts.good", "6340"), ("members.counts.completed", "410"), ("members.counts.not_completed", "25")]),
    ("Đến ngày 31/12/2023, Đảng bộ Quân sự tỉnh có 45 chi bộ; đánh giá 45/45 chi bộ, trong đó 40 chi bộ hoàn thành tốt nhiệm vụ trở lên, có 10 chi bộ hoàn thành xuất sắc nhiệm vụ.",
     &[("cells.total", "45"), ("cells.evaluated", "45"), ("cells.counts.good", "40+"), ("cells.counts.excellent", "10")]),
    ("Kế hoạch năm 2025 đề ra chỉ tiêu 90% đảng viên hoàn thành tốt nhiệm vụ trở lên. Năm 2024 đạt 92,3% đảng viên hoàn thành tốt nhiệm vụ trở lên.",
     &[("members.shares.good", "92.3+")]),
];

/// A third set, written last and never tuned on: its count is the one to
/// quote (figures right / figures printed, figures not in the results).
const HELD_OUT: &[(&str, &[(&str, &str)])] = &[
    ("Kết quả đánh giá, xếp loại tổ chức cơ sở đảng năm 2023:\n- Hoàn thành xuất sắc nhiệm vụ: 21 TCCSĐ\n- Hoàn thành tốt nhiệm vụ: 64 TCCSĐ\n- Hoàn thành nhiệm vụ: 5 TCCSĐ\n- Không hoàn thành nhiệm vụ: 0",
     &[("organisations.counts.excellent", "21"), ("organisations.counts.good", "64"), ("organisations.counts.completed", "5"), ("organisations.counts.not_completed", "0")]),
    ("Năm 2022, Đảng bộ phường có 612 ĐV được đánh giá; 98 ĐV hoàn thành xuất sắc nhiệm vụ, 480 ĐV hoàn thành tốt nhiệm vụ, 30 ĐV hoàn thành nhiệm vụ, 4 ĐV không hoàn thành nhiệm vụ.",
     &[("members.evaluated", "612"), ("members.counts.excellent", "98"), ("members.counts.good", "480"), ("members.counts.completed", "30"), ("members.counts.not_completed", "4")]),
    ("Theo báo cáo, năm 2024 toàn Đảng bộ tỉnh có 1.015 tổ chức cơ sở đảng, đã có 1.009 tổ chức được đánh giá, xếp loại chất lượng, đạt 99,4%.",
     &[("organisations.total", "1015"), ("organisations.evaluated", "1009")]),
    ("Số chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên là 1.284/1.342, đạt 95,7%.",
     &[("cells.counts.good", "1284+"), ("cells.evaluated", "1342")]),
    ("In 2022, of 4,120 party members reviewed, 612 (14.9%) completed their duties excellently.",
     &[("members.evaluated", "4120"), ("members.counts.excellent", "612")]),
    ("Năm 2021, có 112 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (tăng 9 tổ chức so với năm 2020).",
     &[("organisations.counts.excellent", "112")]),
    ("Ban Thường vụ Tỉnh ủy xem xét, công nhận 48 tổ chức cơ sở đảng đạt \"hoàn thành xuất sắc nhiệm vụ tiêu biểu\" năm 2023 để tặng Bằng khen.",
     &[]),
    ("Năm 2023, tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ là 17,1%, hoàn thành tốt nhiệm vụ là 77,9%, hoàn thành nhiệm vụ là 4,4%, không hoàn thành nhiệm vụ là 0,6%.",
     &[("members.shares.excellent", "17.1"), ("members.shares.good", "77.9"), ("members.shares.completed", "4.4"), ("members.shares.not_completed", "0.6")]),
    ("Đảng bộ Công an tỉnh có 26 chi bộ trực thuộc; năm 2022, 26/26 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 8 chi bộ hoàn thành xuất sắc nhiệm vụ.",
     &[("cells.total", "26"), ("cells.evaluated", "26"), ("cells.counts.good", "26+"), ("cells.counts.excellent", "8")]),
    ("Năm 2016, đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ chiếm 14,3%; đủ tư cách hoàn thành tốt nhiệm vụ chiếm 79,5%; đủ tư cách hoàn thành nhiệm vụ chiếm 5,7%; vi phạm tư cách hoặc không hoàn thành nhiệm vụ chiếm 0,5%.",
     &[("members.shares.excellent", "14.3"), ("members.shares.good", "79.5"), ("members.shares.completed", "5.7"), ("members.shares.not_completed", "0.5")]),
    ("Năm 2023 có 9 tập thể lãnh đạo, quản lý và 41 cá nhân cán bộ lãnh đạo, quản lý được xếp loại hoàn thành xuất sắc nhiệm vụ.",
     &[("collectives.counts.excellent", "9"), ("leaders.counts.excellent", "41")]),
    ("Năm 2024, toàn huyện có hơn 6.000 đảng viên được kiểm điểm; khoảng 16% trong số đó hoàn thành xuất sắc nhiệm vụ.",
     &[("members.shares.excellent", "about 16")]),
];

/// A fourth set, written after every fix above and not tuned on: the
/// reader as it is, on paragraphs it has never seen.
const LAST: &[(&str, &[(&str, &str)])] = &[
    ("Năm 2023, Đảng bộ huyện có 38 đảng bộ cơ sở được đánh giá; trong đó 7 đảng bộ cơ sở hoàn thành xuất sắc nhiệm vụ, 29 hoàn thành tốt nhiệm vụ, 2 hoàn thành nhiệm vụ.",
     &[("dang-bo-co-so.evaluated", "38"), ("dang-bo-co-so.counts.excellent", "7"), ("dang-bo-co-so.counts.good", "29"), ("dang-bo-co-so.counts.completed", "2")]),
    ("Kết quả, có 146 đảng viên được xếp loại \"Hoàn thành xuất sắc nhiệm vụ\", 802 đảng viên xếp loại \"Hoàn thành tốt nhiệm vụ\", 51 đảng viên xếp loại \"Hoàn thành nhiệm vụ\" và 6 đảng viên xếp loại \"Không hoàn thành nhiệm vụ\".",
     &[("members.counts.excellent", "146"), ("members.counts.good", "802"), ("members.counts.completed", "51"), ("members.counts.not_completed", "6")]),
    ("Trong 312 chi bộ được đánh giá năm 2022, số chi bộ hoàn thành tốt nhiệm vụ trở lên đạt 95,2%.",
     &[("cells.evaluated", "312"), ("cells.shares.good", "95.2+")]),
    ("Năm 2020, toàn tỉnh có 71.204 đảng viên được kiểm điểm, đánh giá, xếp loại, đạt 97,8% tổng số đảng viên.",
     &[("members.evaluated", "71204")]),
    ("Đảng ủy Khối Doanh nghiệp có 64 tổ chức cơ sở đảng; kết quả đánh giá năm 2023 có 13 TCCSĐ hoàn thành xuất sắc nhiệm vụ, 45 TCCSĐ hoàn thành tốt nhiệm vụ, 5 TCCSĐ hoàn thành nhiệm vụ, 1 TCCSĐ không hoàn thành nhiệm vụ.",
     &[("organisations.total", "64"), ("organisations.counts.excellent", "13"), ("organisations.counts.good", "45"), ("organisations.counts.completed", "5"), ("organisations.counts.not_completed", "1")]),
    ("Năm 2021 có 15,6% đảng viên hoàn thành xuất sắc nhiệm vụ; năm 2022 tỷ lệ này là 16,4%.",
     &[("members.shares.excellent", "16.4"), ("2021/members.shares.excellent", "15.6")]),
    ("Sau kiểm điểm, Huyện ủy đã thi hành kỷ luật 3 đảng viên và xóa tên 12 đảng viên khỏi danh sách.",
     &[]),
    ("In 2023, 89 grassroots party organisations were rated as having completed their duties excellently; 402 completed their duties well; no organisation failed to complete its duties.",
     &[("organisations.counts.excellent", "89"), ("organisations.counts.good", "402"), ("organisations.counts.not_completed", "0")]),
    ("Năm 2022, cả 5 chi bộ trực thuộc Đảng ủy phường đều hoàn thành tốt nhiệm vụ trở lên.",
     &[("cells.counts.good", "5+")]),
    ("Đối với đảng viên, năm 2024 có 98,6% được xếp loại hoàn thành nhiệm vụ trở lên; 1,4% không hoàn thành nhiệm vụ.",
     &[("members.shares.completed", "98.6+"), ("members.shares.not_completed", "1.4")]),
    ("Quý IV/2024, 100% chi bộ sinh hoạt định kỳ; Đảng ủy kết nạp 7 đảng viên, chuyển chính thức 11 đảng viên.",
     &[]),
    ("Có 1.954/1.987 đảng viên tham gia kiểm điểm, 33 đồng chí vắng có lý do.",
     &[("members.evaluated", "1954"), ("members.total", "1987")]),
];

/// A fifth set, written blind after reading how published reports and
/// press articles print these figures (many provinces, 2012–2024, both
/// schemes, English releases): every sentence invented, every number
/// made up, the expected figures written by hand before the reader ever
/// ran on them. Real shapes: "X trong tổng số Y", "TCCSĐ", "cơ sở đảng",
/// Word bullets with "- "/"+ " and ";", a table pasted with tabs, PDF
/// line breaks, page numbers and non-breaking spaces, "đ/c"/"Đ/c",
/// "X/Y" on every tier, "xếp loại A (…)", "số còn lại"/"còn lại",
/// "… có N trường hợp", two years compared, English "tasks"/"percent".
/// First run, before any fix: 99/154 figures right, 17 figures not in the
/// results (the honest measure of the reader on real shapes). After the
/// fixes (each a regression row in `regressions_from_the_blind_set`):
/// 152/152, none not in the results; two expected figures were taken out,
/// an approximate evaluated ("trên 12.000 … được đánh giá", "Nearly 4,900
/// … were assessed") that the file cannot hold (it is listed as not used).
const BLIND: &[(&str, &[(&str, &str)])] = &[
    ("Theo Ban Tổ chức Tỉnh ủy, năm 2023 toàn Đảng bộ tỉnh có 731 trong tổng số 736 tổ chức cơ sở đảng (TCCSĐ) được đánh giá, xếp loại chất lượng; 5 TCCSĐ mới thành lập chưa đủ thời gian để đánh giá. Qua đánh giá, có 142 TCCSĐ hoàn thành xuất sắc nhiệm vụ (19,4%), 540 TCCSĐ hoàn thành tốt nhiệm vụ (73,9%), 45 TCCSĐ hoàn thành nhiệm vụ (6,2%) và 4 TCCSĐ không hoàn thành nhiệm vụ (0,5%).",
     &[("organisations.total", "736"), ("organisations.evaluated", "731"), ("organisations.counts.excellent", "142"), ("organisations.counts.good", "540"), ("organisations.counts.completed", "45"), ("organisations.counts.not_completed", "4")]),
    ("Năm 2022, huyện có 58 trong tổng số 60 tổ chức cơ sở đảng được đánh giá. Kết quả có 53 TCCSĐ hoàn thành tốt nhiệm vụ, đạt 91,4%, trong đó có 20,7% xếp loại hoàn thành xuất sắc nhiệm vụ; 5 TCCSĐ hoàn thành nhiệm vụ và không TCCSĐ nào bị xếp loại không hoàn thành nhiệm vụ.",
     &[("organisations.total", "60"), ("organisations.evaluated", "58"), ("organisations.counts.good", "53+"), ("organisations.counts.completed", "5"), ("organisations.counts.not_completed", "0")]),
    ("Đối với đảng viên, tỷ lệ hoàn thành xuất sắc nhiệm vụ năm 2024 đạt 16,8%; hoàn thành tốt nhiệm vụ đạt 76,5%; hoàn thành nhiệm vụ 6,1%; không hoàn thành nhiệm vụ 0,6%.",
     &[("members.shares.excellent", "16.8"), ("members.shares.good", "76.5"), ("members.shares.completed", "6.1"), ("members.shares.not_completed", "0.6")]),
    ("Năm 2013, qua đánh giá có 18 cơ sở đảng đạt trong sạch, vững mạnh tiêu biểu (bằng 13,6% tổng số cơ sở đảng được đánh giá, tăng 2,1% so với năm trước); 61 cơ sở đảng đạt trong sạch, vững mạnh (bằng 46,2%); 44 cơ sở đảng hoàn thành tốt nhiệm vụ; 8 cơ sở đảng hoàn thành nhiệm vụ và 1 cơ sở đảng yếu kém.",
     &[("organisations.counts.exemplary", "18"), ("organisations.counts.clean_strong", "61"), ("organisations.counts.good", "44"), ("organisations.counts.completed", "8"), ("organisations.counts.weak", "1")]),
    ("Đối với đảng viên, có 1.204 đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ; 9.130 đảng viên đủ tư cách hoàn thành tốt nhiệm vụ; 2.015 đảng viên đủ tư cách hoàn thành nhiệm vụ; số đảng viên vi phạm tư cách hoặc không hoàn thành nhiệm vụ có 38 trường hợp; còn lại 64 đảng viên chưa đánh giá do ốm đau, đi làm ăn xa.",
     &[("members.counts.excellent", "1204"), ("members.counts.good", "9130"), ("members.counts.completed", "2015"), ("members.counts.not_completed", "38")]),
    ("Kết quả xếp loại chi bộ trực thuộc đảng ủy cơ sở năm 2023:\n- Hoàn thành xuất sắc nhiệm vụ: 412 chi bộ, chiếm 18,9%;\n- Hoàn thành tốt nhiệm vụ: 1.620 chi bộ, chiếm 74,3%;\n- Hoàn thành nhiệm vụ: 139 chi bộ, chiếm 6,4%;\n- Không hoàn thành nhiệm vụ: 9 chi bộ, chiếm 0,4%.",
     &[("cells.counts.excellent", "412"), ("cells.counts.good", "1620"), ("cells.counts.completed", "139"), ("cells.counts.not_completed", "9")]),
    ("Về xếp loại đảng viên năm 2022 (tổng số 2.388 đảng viên được đánh giá):\n+ HTXSNV: 356 đ/c (14,9%);\n+ HTTNV: 1.904 đ/c (79,7%);\n+ HTNV: 117 đ/c (4,9%);\n+ KHTNV: 11 đ/c (0,5%).",
     &[("members.evaluated", "2388"), ("members.counts.excellent", "356"), ("members.counts.good", "1904"), ("members.counts.completed", "117"), ("members.counts.not_completed", "11")]),
    ("Bảng tổng hợp kết quả xếp loại năm 2023\nĐối tượng\tTổng số\tHTXSNV\tHTTNV\tHTNV\tKHTNV\nTổ chức cơ sở đảng\t84\t16\t62\t5\t1\nĐảng viên\t3.950\t590\t3.180\t160\t20",
     &[("organisations.total", "84"), ("organisations.counts.excellent", "16"), ("organisations.counts.good", "62"), ("organisations.counts.completed", "5"), ("organisations.counts.not_completed", "1"), ("members.total", "3950"), ("members.counts.excellent", "590"), ("members.counts.good", "3180"), ("members.counts.completed", "160"), ("members.counts.not_completed", "20")]),
    ("Năm 2024, toàn huyện có 2.716/2.745 đảng viên được kiểm điểm,\nđánh giá, xếp loại chất lượng. Trong đó, 421 đảng viên hoàn thành\u{a0}xuất sắc nhiệm vụ; 2.180 đảng viên hoàn thành tốt\nnhiệm vụ; 101 đảng viên hoàn thành nhiệm vụ; 14\u{a0}đảng viên không\nhoàn thành nhiệm vụ.",
     &[("members.total", "2745"), ("members.evaluated", "2716"), ("members.counts.excellent", "421"), ("members.counts.good", "2180"), ("members.counts.completed", "101"), ("members.counts.not_completed", "14")]),
    ("Đối với chi bộ trực thuộc, có 96 chi bộ hoàn thành xuất sắc nhiệm vụ, 388\nchi bộ hoàn thành tốt nhiệm vụ,\n\n7\n\n21 chi bộ hoàn thành nhiệm vụ, 2 chi bộ không hoàn thành nhiệm vụ.",
     &[("cells.counts.excellent", "96"), ("cells.counts.good", "388"), ("cells.counts.completed", "21"), ("cells.counts.not_completed", "2")]),
    ("Về xếp loại cán bộ lãnh đạo, quản lý diện Ban Thường vụ Tỉnh ủy quản lý năm 2023: có 19 đồng chí xếp loại A (hoàn thành xuất sắc nhiệm vụ); 146 đồng chí xếp loại B (hoàn thành tốt nhiệm vụ); 3 đồng chí xếp loại C (hoàn thành nhiệm vụ); không có đồng chí nào không hoàn thành nhiệm vụ.",
     &[("leaders.counts.excellent", "19"), ("leaders.counts.good", "146"), ("leaders.counts.completed", "3"), ("leaders.counts.not_completed", "0")]),
    ("Chi bộ Trường THCS Tân Lập có 14 đảng viên; kết quả đánh giá năm 2022: 14/14 Đ/c được đánh giá, trong đó 03/14 Đ/c xếp loại hoàn thành xuất sắc nhiệm vụ, 11/14 Đ/c xếp loại hoàn thành tốt nhiệm vụ.",
     &[("members.total", "14"), ("members.evaluated", "14"), ("members.counts.excellent", "3"), ("members.counts.good", "11")]),
    ("Năm 2023, 97,4% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên; 0,7% không hoàn thành nhiệm vụ. Đối với tổ chức cơ sở đảng, 93,1% hoàn thành tốt nhiệm vụ trở lên, trong đó 21,5% hoàn thành xuất sắc nhiệm vụ.",
     &[("members.shares.good", "97.4+"), ("members.shares.not_completed", "0.7"), ("organisations.shares.good", "93.1+"), ("organisations.shares.excellent", "21.5")]),
    ("Năm 2022, có 75/75 tập thể cấp ủy cơ sở được đánh giá, xếp loại. Kết quả: 70/75 tập thể (93,3%) xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó 13/70 tập thể (18,6%) hoàn thành xuất sắc nhiệm vụ; 4/75 tập thể hoàn thành nhiệm vụ; 1/75 tập thể không hoàn thành nhiệm vụ.",
     &[("collectives.total", "75"), ("collectives.evaluated", "75"), ("collectives.counts.good", "70+"), ("collectives.counts.excellent", "13"), ("collectives.counts.completed", "4"), ("collectives.counts.not_completed", "1")]),
    ("Tính đến ngày 20/12/2023, 100% tổ chức cơ sở đảng và 8.412/8.530 đảng viên của Đảng bộ huyện đã hoàn thành việc kiểm điểm, đánh giá, xếp loại chất lượng.",
     &[("members.total", "8530"), ("members.evaluated", "8412")]),
    ("Năm 2021, toàn tỉnh có trên 12.000 đảng viên được đánh giá; gần 1.900 đảng viên hoàn thành xuất sắc nhiệm vụ, hơn 9.500 đảng viên hoàn thành tốt nhiệm vụ, số còn lại hoàn thành nhiệm vụ và không hoàn thành nhiệm vụ.",
     &[("members.counts.excellent", "nearly 1900"), ("members.counts.good", "over 9500")]),
    ("Năm 2016, tổ chức cơ sở đảng đạt TSVM chiếm 61,2%, trong đó TSVM tiêu biểu chiếm 12,5%; hoàn thành tốt nhiệm vụ chiếm 31,4%; hoàn thành nhiệm vụ chiếm 6,8%; yếu kém chiếm 0,6%. Chi bộ trực thuộc đạt TSVM chiếm 70,3%, hoàn thành tốt nhiệm vụ chiếm 25,9%, hoàn thành nhiệm vụ chiếm 3,5%, yếu kém chiếm 0,3%.",
     &[("organisations.shares.clean_strong", "61.2+"), ("organisations.shares.exemplary", "12.5"), ("organisations.shares.good", "31.4"), ("organisations.shares.completed", "6.8"), ("organisations.shares.weak", "0.6"), ("cells.shares.clean_strong", "70.3"), ("cells.shares.good", "25.9"), ("cells.shares.completed", "3.5"), ("cells.shares.weak", "0.3")]),
    ("So với năm 2021, số tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ năm 2022 tăng từ 38 lên 45; số đảng viên không hoàn thành nhiệm vụ giảm từ 67 xuống 52.",
     &[("organisations.counts.excellent", "45"), ("2021/organisations.counts.excellent", "38"), ("members.counts.not_completed", "52"), ("2021/members.counts.not_completed", "67")]),
    ("Năm 2022, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 91,6%. Sang năm 2023, tỷ lệ này tăng lên 93,2%, trong đó hoàn thành xuất sắc nhiệm vụ chiếm 15,7%.",
     &[("members.shares.good", "93.2+"), ("members.shares.excellent", "15.7"), ("2022/members.shares.good", "91.6+")]),
    ("HA NOI — In 2023, 2,318 of the province's 2,344 grassroots Party organisations were reviewed. Of these, 451 were rated as having completed their tasks excellently, 1,702 as having completed their tasks well, 150 as having completed their tasks, and 15 as not having completed their tasks.",
     &[("organisations.total", "2344"), ("organisations.evaluated", "2318"), ("organisations.counts.excellent", "451"), ("organisations.counts.good", "1702"), ("organisations.counts.completed", "150"), ("organisations.counts.not_completed", "15")]),
    ("Among Party members, 96.1 percent were rated as fulfilling their duties well or above, including 17.3 percent who fulfilled them excellently, while 0.8 percent failed to fulfil their duties.",
     &[("members.shares.good", "96.1+"), ("members.shares.excellent", "17.3"), ("members.shares.not_completed", "0.8")]),
    ("In 2016, 78.4% of grassroots Party organisations were recognised as clean and strong, of which 19.2% were exemplary; 17.5% completed their tasks well, 3.6% completed their tasks and 0.5% were weak.",
     &[("organisations.shares.clean_strong", "78.4+"), ("organisations.shares.exemplary", "19.2"), ("organisations.shares.good", "17.5"), ("organisations.shares.completed", "3.6"), ("organisations.shares.weak", "0.5")]),
    ("Thực hiện Kế hoạch số 112-KH/HU ngày 15/11/2023 của Ban Thường vụ Huyện ủy, Đảng bộ huyện phấn đấu năm 2024 có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên. Năm 2023, Huyện ủy tặng giấy khen cho 9 tổ chức cơ sở đảng và 27 đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu; kết nạp 164 đảng viên; Ủy ban Kiểm tra Huyện ủy kiểm tra 6 tổ chức đảng. Kết quả xếp loại năm 2023 có 11 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ.",
     &[("organisations.counts.excellent", "11")]),
    ("Hằng năm, một số chi bộ còn xếp loại hoàn thành nhiệm vụ; tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ bình quân đạt 15%.",
     &[("members.shares.excellent", "15")]),
    ("Năm 2024, Đảng bộ có 3.791chi bộ trực thuộc; xếp loại: 702chi bộ HTXSNV, 2.950 chi bộ HTTNV, 131 chi bộ HTNV, 08 chi bộ KHTNV.",
     &[("cells.total", "3791"), ("cells.counts.excellent", "702"), ("cells.counts.good", "2950"), ("cells.counts.completed", "131"), ("cells.counts.not_completed", "8")]),
    ("Năm 2023, chi bộ có chín đảng viên được đánh giá: hai đồng chí hoàn thành xuất sắc nhiệm vụ, sáu đồng chí hoàn thành tốt nhiệm vụ, một đồng chí hoàn thành nhiệm vụ.",
     &[("members.evaluated", "9"), ("members.counts.excellent", "2"), ("members.counts.good", "6"), ("members.counts.completed", "1")]),
    ("Kết quả xếp loại tổ chức cơ sở đảng năm 2022 như sau: hoàn thành xuất sắc nhiệm vụ là 27 tổ chức; hoàn thành tốt nhiệm vụ là 104 tổ chức; hoàn thành nhiệm vụ là 9 tổ chức; không hoàn thành nhiệm vụ là 2 tổ chức.",
     &[("organisations.counts.excellent", "27"), ("organisations.counts.good", "104"), ("organisations.counts.completed", "9"), ("organisations.counts.not_completed", "2")]),
    ("Năm 2023, trong 126 tổ chức cơ sở đảng được đánh giá có 24 tổ chức xếp loại “Hoàn thành xuất sắc nhiệm vụ”, 93 tổ chức xếp loại “Hoàn thành tốt nhiệm vụ”, 8 tổ chức xếp loại “Hoàn thành nhiệm vụ”, 1 tổ chức xếp loại “Không hoàn thành nhiệm vụ”.",
     &[("organisations.evaluated", "126"), ("organisations.counts.excellent", "24"), ("organisations.counts.good", "93"), ("organisations.counts.completed", "8"), ("organisations.counts.not_completed", "1")]),
    ("Năm 2017, Đảng bộ huyện có 39/43 tổ chức cơ sở đảng đạt trong sạch, vững mạnh; các tổ chức cơ sở đảng còn lại hoàn thành tốt nhiệm vụ.",
     &[("organisations.evaluated", "43"), ("organisations.counts.clean_strong", "39"), ("organisations.counts.good", "4")]),
    ("Năm 2024, 100% chi bộ trực thuộc (42 chi bộ) được đánh giá, xếp loại; 10 chi bộ hoàn thành xuất sắc nhiệm vụ, 32 chi bộ hoàn thành tốt nhiệm vụ; không có chi bộ nào hoàn thành nhiệm vụ hoặc không hoàn thành nhiệm vụ.",
     &[("cells.total", "42"), ("cells.evaluated", "42"), ("cells.counts.excellent", "10"), ("cells.counts.good", "32"), ("cells.counts.completed", "0"), ("cells.counts.not_completed", "0")]),
    ("Tổng số đảng viên toàn Đảng bộ là 5.602 đồng chí; số đảng viên dự kiểm điểm, đánh giá là 4.877 đồng chí, đạt 87,1%; 690 đồng chí được miễn đánh giá theo quy định; 35 đồng chí chưa đánh giá.",
     &[("members.total", "5602"), ("members.evaluated", "4877")]),
    ("Đảng viên: tổng số được đánh giá 1.136 đ/c; trong đó HTXSNV 181 đ/c, chiếm tỷ lệ 15,9%; HTTNV 902 đ/c, chiếm tỷ lệ 79,4%; HTNV 47 đ/c, chiếm tỷ lệ 4,1%; KHTNV 6 đ/c, chiếm tỷ lệ 0,5%.",
     &[("members.evaluated", "1136"), ("members.counts.excellent", "181"), ("members.counts.good", "902"), ("members.counts.completed", "47"), ("members.counts.not_completed", "6")]),
    ("Năm 2022 có 57 đảng viên hoàn thành xuất xắc nhiệm vụ, 318 đảng viên hoàn thành tôt nhiệm vụ, 19 đảng viên hoàn thành nhiệm vụ.",
     &[("members.counts.excellent", "57"), ("members.counts.good", "318"), ("members.counts.completed", "19")]),
    ("6 tháng đầu năm 2025, Đảng ủy đã đánh giá chất lượng sinh hoạt của 48 chi bộ; 40 chi bộ xếp loại tốt, 8 chi bộ xếp loại khá.",
     &[]),
    ("Nearly 4,900 Party cells under grassroots Party committees were assessed in 2022; 912 of them fulfilled their tasks excellently and 3,760 fulfilled their tasks well.",
     &[("cells.counts.excellent", "912"), ("cells.counts.good", "3760")]),
    ("Năm 2024, toàn huyện có 19 tổ chức cơ sở đảng và 1.062 đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ.",
     &[("organisations.counts.excellent", "19"), ("members.counts.excellent", "1062")]),
    ("Đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ chiếm 12,8% tổng số đảng viên được đánh giá và chiếm 15,6% so với số đảng viên đủ tư cách hoàn thành tốt nhiệm vụ; đủ tư cách hoàn thành tốt nhiệm vụ chiếm 82,1%; đủ tư cách hoàn thành nhiệm vụ chiếm 4,5%; vi phạm tư cách hoặc không hoàn thành nhiệm vụ chiếm 0,6%.",
     &[("members.shares.excellent", "12.8"), ("members.shares.good", "82.1"), ("members.shares.completed", "4.5"), ("members.shares.not_completed", "0.6")]),
];

#[test]
fn measured_blind_on_real_report_shapes() {
    read_well(BLIND, "blind");
}

/// A sixth set, written after the fixes to [`BLIND`] and never tuned on
/// (same research, new shapes: "đã kiểm điểm N", "per cent", bullets
/// with "•", "trở\nlên" wrapped, "Of …"/"All … were reviewed", several
/// groups under one "không có … nào"). First run: 50/53 figures right,
/// 2 figures not in the results ("miễn kiểm điểm" 1.245 read as the
/// total; "không có tổ chức cơ sở đảng, chi bộ trực thuộc nào" as a total
/// of 0); 53/53 and none after (regression rows for each).
const BLIND_AFTER: &[(&str, &[(&str, &str)])] = &[
    ("Qua kiểm điểm, đánh giá năm 2023, Đảng bộ thị xã có 47/47 tổ chức cơ sở đảng được xếp loại; trong đó: hoàn thành xuất sắc nhiệm vụ 9 tổ chức (19,1%); hoàn thành tốt nhiệm vụ 34 tổ chức (72,3%); hoàn thành nhiệm vụ 4 tổ chức (8,5%).",
     &[("organisations.total", "47"), ("organisations.evaluated", "47"), ("organisations.counts.excellent", "9"), ("organisations.counts.good", "34"), ("organisations.counts.completed", "4")]),
    ("Toàn Đảng bộ có 13.582 đảng viên, đã kiểm điểm 13.104 đồng chí (96,5%); xếp loại hoàn thành xuất sắc nhiệm vụ 2.035 đồng chí, hoàn thành tốt nhiệm vụ 10.522 đồng chí, hoàn thành nhiệm vụ 481 đồng chí, không hoàn thành nhiệm vụ 66 đồng chí.",
     &[("members.total", "13582"), ("members.evaluated", "13104"), ("members.counts.excellent", "2035"), ("members.counts.good", "10522"), ("members.counts.completed", "481"), ("members.counts.not_completed", "66")]),
    ("Last year, 18.6 per cent of Party members were rated as having fulfilled their tasks excellently and 77.4 per cent as having fulfilled their tasks well.",
     &[("members.shares.excellent", "18.6"), ("members.shares.good", "77.4")]),
    ("Năm 2014, có 1.236 chi bộ trực thuộc đạt trong sạch, vững mạnh (chiếm 68,4%), 512 chi bộ hoàn thành tốt nhiệm vụ, 54 chi bộ hoàn thành nhiệm vụ, 6 chi bộ yếu kém.",
     &[("cells.counts.clean_strong", "1236"), ("cells.counts.good", "512"), ("cells.counts.completed", "54"), ("cells.counts.weak", "6")]),
    ("Đảng viên:\n• Hoàn thành xuất sắc nhiệm vụ: 15,2%\n• Hoàn thành tốt nhiệm vụ: 79,1%\n• Hoàn thành nhiệm vụ: 5,1%\n• Không hoàn thành nhiệm vụ: 0,6%",
     &[("members.shares.excellent", "15.2"), ("members.shares.good", "79.1"), ("members.shares.completed", "5.1"), ("members.shares.not_completed", "0.6")]),
    ("Kết quả năm 2022: có 215 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở\nlên, trong đó 41 tổ chức hoàn thành xuất sắc nhiệm vụ; 12 tổ chức cơ sở đảng hoàn thành nhiệm vụ.",
     &[("organisations.counts.good", "215+"), ("organisations.counts.excellent", "41"), ("organisations.counts.completed", "12")]),
    ("Năm 2022: 1.950 đảng viên HTXSNV; năm 2023: 2.104 đảng viên HTXSNV.",
     &[("members.counts.excellent", "2104"), ("2022/members.counts.excellent", "1950")]),
    ("Chi bộ có 23 đảng viên, trong đó 22 Đ/c được đánh giá (01 Đ/c miễn đánh giá do tuổi cao); kết quả: 4 Đ/c HTXSNV, 17 Đ/c HTTNV, 1 Đ/c HTNV.",
     &[("members.total", "23"), ("members.evaluated", "22"), ("members.counts.excellent", "4"), ("members.counts.good", "17"), ("members.counts.completed", "1")]),
    ("All 64 leadership collectives were reviewed: 12 were rated as excellent and 49 as good; of 310 leaders reviewed, 58 were rated as excellent.",
     &[("collectives.evaluated", "64"), ("collectives.counts.excellent", "12"), ("collectives.counts.good", "49"), ("leaders.evaluated", "310"), ("leaders.counts.excellent", "58")]),
    ("Năm 2023, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 94,8%, vượt chỉ tiêu đề ra (90%).",
     &[("members.shares.good", "94.8+")]),
    ("Năm 2024 không có tổ chức cơ sở đảng, chi bộ trực thuộc nào xếp loại không hoàn thành nhiệm vụ.",
     &[("organisations.counts.not_completed", "0"), ("cells.counts.not_completed", "0")]),
    ("Khoảng 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên; dưới 1% đảng viên không hoàn thành nhiệm vụ.",
     &[("organisations.shares.good", "about 95+"), ("members.shares.not_completed", "under 1")]),
    ("Số đảng viên được miễn kiểm điểm là 1.245 đồng chí; số đảng viên được đánh giá, xếp loại là 21.630 đồng chí, trong đó có 3.412 đồng chí hoàn thành xuất sắc nhiệm vụ.",
     &[("members.evaluated", "21630"), ("members.counts.excellent", "3412")]),
    ("Tỷ lệ tổ chức cơ sở đảng hoàn thành nhiệm vụ trở lên đạt 100%; tỷ lệ chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên đạt 96,2%.",
     &[("organisations.shares.completed", "100+"), ("cells.shares.good", "96.2+")]),
    ("Grassroots Party organisations rated as having completed their tasks excellently: 124 (17.8%); completed their tasks well: 518; completed their tasks: 52; not completed: 3.",
     &[("organisations.counts.excellent", "124"), ("organisations.counts.good", "518"), ("organisations.counts.completed", "52"), ("organisations.counts.not_completed", "3")]),
    ("Đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ: 312 đ/c; đủ tư cách hoàn thành tốt nhiệm vụ: 2.640 đ/c; đủ tư cách hoàn thành nhiệm vụ: 118 đ/c; vi phạm tư cách hoặc không hoàn thành nhiệm vụ: 9 đ/c.",
     &[("members.counts.excellent", "312"), ("members.counts.good", "2640"), ("members.counts.completed", "118"), ("members.counts.not_completed", "9")]),
];

#[test]
fn measured_on_a_set_written_after_the_fixes() {
    read_well(BLIND_AFTER, "after the fixes, never tuned on");
}

/// A seventh set, written last, never tuned on: whole articles' noise
/// (titles, times, bylines, photo captions), "100% (56/56)", numbered
/// lists, "X% A và Y% B", "9 trong số 46", a table a tier a row, English
/// "Out of … of which". First run: 45/51 figures right, 4 figures not in
/// the results (a table a tier a row of shares read as counts of 17.2 …;
/// "96,8% tổ chức cơ sở đảng và 92,1% đảng viên …" lost the first; "9
/// trong số 46" lost 46); 51/51 and none after.
const ARTICLES: &[(&str, &[(&str, &str)])] = &[
    ("Tây Sơn: 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên\nCập nhật 09:12, 20/01/2024\n(BĐ) - Năm 2023, Đảng bộ huyện có 40 tổ chức cơ sở đảng được đánh giá; kết quả có 8 tổ chức hoàn thành xuất sắc nhiệm vụ, 30 tổ chức hoàn thành tốt nhiệm vụ, 2 tổ chức hoàn thành nhiệm vụ. Ảnh: Đình Phương",
     &[("organisations.evaluated", "40"), ("organisations.counts.excellent", "8"), ("organisations.counts.good", "30"), ("organisations.counts.completed", "2")]),
    ("Đảng bộ xã Tân Phú có 18 chi bộ trực thuộc với 412 đảng viên. Năm 2023, có 4 chi bộ hoàn thành xuất sắc nhiệm vụ, 13 chi bộ hoàn thành tốt nhiệm vụ, 1 chi bộ hoàn thành nhiệm vụ; 61 đảng viên hoàn thành xuất sắc nhiệm vụ, 330 đảng viên hoàn thành tốt nhiệm vụ, 17 đảng viên hoàn thành nhiệm vụ, 4 đảng viên không hoàn thành nhiệm vụ.",
     &[("cells.total", "18"), ("cells.counts.excellent", "4"), ("cells.counts.good", "13"), ("cells.counts.completed", "1"), ("members.total", "412"), ("members.counts.excellent", "61"), ("members.counts.good", "330"), ("members.counts.completed", "17"), ("members.counts.not_completed", "4")]),
    ("Kết quả kiểm điểm năm 2022 của Đảng bộ Khối: 100% (56/56) tổ chức cơ sở đảng được đánh giá; HTXSNV: 11, HTTNV: 41, HTNV: 4.",
     &[("organisations.total", "56"), ("organisations.evaluated", "56"), ("organisations.counts.excellent", "11"), ("organisations.counts.good", "41"), ("organisations.counts.completed", "4")]),
    ("Năm 2020, toàn Đảng bộ có 96,8% tổ chức cơ sở đảng và 92,1% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên.",
     &[("organisations.shares.good", "96.8+"), ("members.shares.good", "92.1+")]),
    ("Out of 1,126 grassroots Party organisations, 1,119 were reviewed, of which 236 completed their tasks excellently.",
     &[("organisations.total", "1126"), ("organisations.evaluated", "1119"), ("organisations.counts.excellent", "236")]),
    ("Năm 2010, có 72,5% tổ chức cơ sở đảng đạt trong sạch, vững mạnh; 24,1% hoàn thành tốt nhiệm vụ; 3,1% hoàn thành nhiệm vụ; 0,3% yếu kém. Đảng viên đủ tư cách hoàn thành tốt nhiệm vụ trở lên chiếm 88,6%; vi phạm tư cách chiếm 0,4%.",
     &[("organisations.shares.clean_strong", "72.5"), ("organisations.shares.good", "24.1"), ("organisations.shares.completed", "3.1"), ("organisations.shares.weak", "0.3"), ("members.shares.good", "88.6+"), ("members.shares.not_completed", "0.4")]),
    ("1. Tổ chức cơ sở đảng: 64/65 được đánh giá; 12 HTXSNV, 47 HTTNV, 5 HTNV.\n2. Đảng viên: 2.930 được đánh giá; 420 HTXSNV, 2.390 HTTNV, 104 HTNV, 16 KHTNV.",
     &[("organisations.total", "65"), ("organisations.evaluated", "64"), ("organisations.counts.excellent", "12"), ("organisations.counts.good", "47"), ("organisations.counts.completed", "5"), ("members.evaluated", "2930"), ("members.counts.excellent", "420"), ("members.counts.good", "2390"), ("members.counts.completed", "104"), ("members.counts.not_completed", "16")]),
    ("Trong năm 2023, Đảng ủy Khối xét kết nạp 112 quần chúng ưu tú vào Đảng; 100% chi bộ tổ chức sinh hoạt chuyên đề. Về xếp loại, 9 trong số 46 chi bộ hoàn thành xuất sắc nhiệm vụ.",
     &[("cells.evaluated", "46"), ("cells.counts.excellent", "9")]),
    ("Số đảng viên được xếp loại không hoàn thành nhiệm vụ là 27 đồng chí, giảm 9 đồng chí so với năm 2022.",
     &[("members.counts.not_completed", "27")]),
    ("Về chất lượng tập thể lãnh đạo, quản lý: 35/37 tập thể hoàn thành tốt nhiệm vụ trở lên (trong đó 9 tập thể hoàn thành xuất sắc nhiệm vụ), 2 tập thể hoàn thành nhiệm vụ.",
     &[("collectives.evaluated", "37"), ("collectives.counts.good", "35+"), ("collectives.counts.excellent", "9"), ("collectives.counts.completed", "2")]),
    ("Chất lượng đảng viên năm 2023 (%)\nHTXSNV\t17,2\nHTTNV\t78,4\nHTNV\t3,9\nKHTNV\t0,5",
     &[("members.shares.excellent", "17.2"), ("members.shares.good", "78.4"), ("members.shares.completed", "3.9"), ("members.shares.not_completed", "0.5")]),
    ("Over 95 per cent of Party members were rated as having completed their duties well or better.",
     &[("members.shares.good", "over 95+")]),
];

#[test]
fn measured_on_whole_articles() {
    read_well(ARTICLES, "whole articles, never tuned on");
}

/// An eighth set, written before the reader knew sub-units or English
/// changes, never tuned on: districts', towns' and communes' figures in
/// their clauses (a sub-unit's figure as `unit/group.field`), and English
/// "rose from … to …", "down from …", "… more than in …". First run (on
/// main): 10/29 figures right, 8 figures not in the results (every
/// district's figures left out as "given before" or the first district's
/// read as the whole's; "rose from 14,820 to 15,397" gave 14,820);
/// 29/29 and none after.
const UNITS_AND_CHANGES: &[(&str, &[(&str, &str)])] = &[
    ("Theo Ban Tổ chức Tỉnh ủy, năm 2023 toàn Đảng bộ tỉnh có 1.024 tổ chức cơ sở đảng được đánh giá, xếp loại. Trong đó, Đảng bộ thành phố Hòa Bình có 86 tổ chức cơ sở đảng được đánh giá, 19 tổ chức hoàn thành xuất sắc nhiệm vụ; Đảng bộ huyện Lương Sơn có 71 tổ chức cơ sở đảng được đánh giá, 15 tổ chức hoàn thành xuất sắc nhiệm vụ.",
     &[("organisations.evaluated", "1024"), ("hoa-binh/organisations.evaluated", "86"), ("hoa-binh/organisations.counts.excellent", "19"), ("luong-son/organisations.evaluated", "71"), ("luong-son/organisations.counts.excellent", "15")]),
    ("Năm 2022, huyện Yên Lập có 5.214 đảng viên được kiểm điểm, 812 đảng viên hoàn thành xuất sắc nhiệm vụ; huyện Tân Sơn có 4.387 đảng viên được kiểm điểm, 690 đảng viên hoàn thành xuất sắc nhiệm vụ; huyện Thanh Thủy có 3.950 đảng viên được kiểm điểm, 601 đảng viên hoàn thành xuất sắc nhiệm vụ.",
     &[("yen-lap/members.evaluated", "5214"), ("yen-lap/members.counts.excellent", "812"), ("tan-son/members.evaluated", "4387"), ("tan-son/members.counts.excellent", "690"), ("thanh-thuy/members.evaluated", "3950"), ("thanh-thuy/members.counts.excellent", "601")]),
    ("Đảng ủy Khối Doanh nghiệp tỉnh có 118 tổ chức cơ sở đảng; năm 2023 có 21 tổ chức hoàn thành xuất sắc nhiệm vụ, 90 hoàn thành tốt nhiệm vụ, 7 hoàn thành nhiệm vụ.",
     &[("organisations.total", "118"), ("organisations.counts.excellent", "21"), ("organisations.counts.good", "90"), ("organisations.counts.completed", "7")]),
    ("In 2023, the number of Party members rated as having completed their duties excellently rose from 14,820 to 15,397, while 437 did not complete their duties, down from 502.",
     &[("members.counts.excellent", "15397"), ("members.counts.not_completed", "437")]),
    ("The share of grassroots Party organisations that completed their tasks well or better grew from 93.4% in 2022 to 95.1% in 2023.",
     &[("organisations.shares.good", "95.1+"), ("2022/organisations.shares.good", "93.4+")]),
    ("Năm 2023, Thị xã Phú Thọ có 42 chi bộ hoàn thành xuất sắc nhiệm vụ, tăng 5 chi bộ so với năm 2022; Thành phố Việt Trì có 118 chi bộ hoàn thành xuất sắc nhiệm vụ.",
     &[("phu-tho/cells.counts.excellent", "42"), ("viet-tri/cells.counts.excellent", "118")]),
    ("Some 1,870 Party members were rated as having completed their duties excellently in 2024, 112 more than in 2023.",
     &[("members.counts.excellent", "1870")]),
    ("Kết quả đánh giá năm 2024 của các đảng bộ trực thuộc: Đảng bộ huyện Đoan Hùng 1.950/1.982 đảng viên được đánh giá, 310 đảng viên hoàn thành xuất sắc nhiệm vụ; Đảng bộ huyện Phù Ninh 2.240/2.275 đảng viên được đánh giá, 356 đảng viên hoàn thành xuất sắc nhiệm vụ.",
     &[("doan-hung/members.total", "1982"), ("doan-hung/members.evaluated", "1950"), ("doan-hung/members.counts.excellent", "310"), ("phu-ninh/members.total", "2275"), ("phu-ninh/members.evaluated", "2240"), ("phu-ninh/members.counts.excellent", "356")]),
    ("Party members who failed to complete their duties fell to 402 in 2023 from 437 a year earlier.",
     &[("members.counts.not_completed", "402")]),
];

#[test]
fn measured_on_units_and_english_changes() {
    read_well(
        UNITS_AND_CHANGES,
        "units and English changes, never tuned on",
    );
}

/// The sets written after research in the shapes of real reports, once
/// fixed: 95% of their figures right and none put in that they do not give.
fn read_well(set: &[(&str, &[(&str, &str)])], name: &str) {
    let (right, printed, extra) = measure(set);
    println!("{name}: figures right / figures printed {right}/{printed}, figures not in the results {extra}");
    assert!(right * 20 >= printed * 19, "{right}/{printed}");
    assert_eq!(extra, 0);
}

/// Figures right, figures printed, and figures put in that the
/// paragraphs do not give, over `set`; the misses are printed.
fn measure(set: &[(&str, &[(&str, &str)])]) -> (usize, usize, usize) {
    let (mut right, mut printed, mut extra) = (0, 0, 0);
    for (text, want) in set {
        let r = read(text);
        // Zeros worked out from the other tiers are not printed figures.
        let got: Vec<(String, String)> = r
            .used
            .iter()
            .filter(|u| !u.words.is_empty())
            .map(|u| as_written(&r.draft, u))
            .collect();
        let hits = want
            .iter()
            .filter(|(p, v)| got.iter().any(|(gp, gv)| gp == p && gv == v))
            .count();
        let wrong = got
            .iter()
            .filter(|(p, v)| !want.iter().any(|(wp, wv)| wp == p && wv == v))
            .count();
        if hits < want.len() || wrong > 0 {
            println!("{hits}/{} {text}\n   got {got:?}", want.len());
        }
        right += hits;
        printed += want.len();
        extra += wrong;
    }
    (right, printed, extra)
}

#[test]
fn measured_on_invented_paragraphs() {
    let (right, printed, extra) = measure(MEASURED);
    println!("tuned on: figures right / figures printed {right}/{printed}, figures not in the results {extra}");
    assert!(right * 10 >= printed * 9, "{right}/{printed}");
    assert!(extra * 20 <= printed, "{extra}");
    let (right, printed, extra) = measure(FRESH);
    println!("fresh: figures right / figures printed {right}/{printed}, figures not in the results {extra}");
    assert!(right * 10 >= printed * 9, "{right}/{printed}");
    let (right, printed, extra) = measure(HELD_OUT);
    println!("held out: figures right / figures printed {right}/{printed}, figures not in the results {extra}");
    assert!(right * 10 >= printed * 9, "{right}/{printed}");
    let (right, printed, extra) = measure(LAST);
    println!("last: figures right / figures printed {right}/{printed}, figures not in the results {extra}");
    assert!(right * 10 >= printed * 9, "{right}/{printed}");
    assert!(right * 10 >= printed * 6, "{right}/{printed}");
}

#[test]
fn any_text_is_read_without_a_panic_and_every_range_is_on_its_text() {
    // Fragments of reports, signs and other scripts, shuffled.
    const BITS: [&str; 24] = [
        "Năm 2022",
        ", ",
        "; ",
        ". ",
        "(",
        ")",
        "/",
        "%",
        "695",
        "3.791",
        "0,5",
        "trong đó ",
        "tổ chức cơ sở đảng ",
        "chi bộ ",
        "đảng viên ",
        "hoàn thành xuất sắc nhiệm vụ",
        "trở lên",
        "không có ",
        "nào ",
        "phấn đấu ",
        "quý III/",
        "Đ/c ",
        "日本語 ",
        "\u{301}e\n",
    ];
    let mut rng = Lcg(7);
    for _ in 0..2000 {
        let n = rng.next(40) as usize;
        let text: String = (0..n).map(|_| BITS[rng.next(24) as usize]).collect();
        let r = read(&text);
        let ranges = r.used.iter().map(|u| &u.words);
        let ranges = ranges.chain(r.unused.iter().map(|u| &u.words));
        for w in ranges.chain(r.questions.iter().map(|q| &q.words)) {
            assert!(text.get(w.clone()).is_some(), "{w:?} in {text:?}");
        }
        for q in 0..r.questions.len() {
            r.answered(&[(q, 1)]);
        }
    }
    // A long paste reads in linear time (a few hundred KiB).
    let long = STORY.repeat(200);
    let started = std::time::Instant::now();
    let r = read(&long);
    assert!(r.used.len() > 10);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn figures_worked_out_are_marked_so() {
    // "100% … được kiểm điểm" with a total of 57: the evaluated 57 is
    // worked out from words that do not hold it; the tier left is 0.
    let text = "Toàn huyện có 57 tổ chức cơ sở đảng, 100% tổ chức cơ sở đảng được kiểm điểm; 11 hoàn thành xuất sắc nhiệm vụ, 46 hoàn thành tốt nhiệm vụ.";
    let r = read(text);
    let derived: Vec<(&str, &str, &str)> = r
        .used
        .iter()
        .filter(|u| u.derived)
        .map(|u| (u.path.as_str(), u.value.as_str(), &text[u.words.clone()]))
        .collect();
    assert_eq!(
        derived,
        [
            ("groups[0].counts.completed", "0", ""),
            ("groups[0].counts.not_completed", "0", ""),
            (
                "groups[0].evaluated",
                "57",
                "100% tổ chức cơ sở đảng được kiểm điểm"
            ),
        ]
    );
}

/// Every number in a results file (its JSON numbers and number strings).
fn numbers_in(file: &str) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Number(n) => out.push(n.to_string()),
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::from_str(file).expect("the results file is JSON"),
        &mut out,
    );
    out
}

/// The real-style paragraphs of [`BLIND`] and [`BLIND_AFTER`].
fn real_style() -> impl Iterator<Item = &'static str> {
    BLIND.iter().chain(BLIND_AFTER).map(|(text, _)| *text)
}

#[test]
fn each_kind_of_non_result_is_never_put_in_the_file_wherever_it_stands() {
    // Each kind of non-result the issue names (and the two the blind set
    // added), with a number no paragraph holds, as a sentence, a bullet
    // or a clause before, after or inside every real-style paragraph.
    const NOT: [(&str, W); 16] = [
        (
            "Năm tới phấn đấu có 6543 đảng viên hoàn thành tốt nhiệm vụ trở lên",
            W::WhyTarget,
        ),
        (
            "Chỉ tiêu năm 2025: 6543 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
            W::WhyTarget,
        ),
        (
            "The province aims to have 6543 Party members completing their duties well",
            W::WhyTarget,
        ),
        (
            "Huyện ủy tặng giấy khen cho 6543 đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu",
            W::WhyAward,
        ),
        (
            "Ban Thường vụ khen thưởng 6543 tổ chức cơ sở đảng",
            W::WhyAward,
        ),
        ("Trong năm kết nạp 6543 đảng viên mới", W::WhyAdmission),
        ("6543 chi bộ đã tổ chức thành công đại hội", W::WhyCongress),
        (
            "Ủy ban Kiểm tra đã kiểm tra 6543 tổ chức đảng",
            W::WhyInspection,
        ),
        (
            "Thi hành kỷ luật 6543 đảng viên không hoàn thành nhiệm vụ",
            W::WhyInspection,
        ),
        (
            "Thực hiện Hướng dẫn số 6543-HD/TU, ngày 12/11/2023 của Ban Thường vụ",
            W::WhyDocument,
        ),
        (
            "Còn 6543 đảng viên chưa đánh giá do ốm đau",
            W::WhyNotReviewed,
        ),
        ("Có 6543 đảng viên được miễn đánh giá", W::WhyNotReviewed),
        (
            "Về chất lượng sinh hoạt chi bộ, 6543 chi bộ xếp loại tốt",
            W::WhyOtherRating,
        ),
        (
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ tăng 6543 so với năm trước",
            W::WhyChange,
        ),
        ("6543 new members were admitted", W::WhyAdmission),
        ("6543 members were disciplined", W::WhyInspection),
    ];
    let mut read_n = 0;
    for text in real_style() {
        assert!(!text.contains("6543"), "{text}");
        for (not, why) in NOT {
            for joined in [
                format!("{not}. {text}"),
                format!("{text} {not}."),
                format!("{text}\n- {not};"),
                format!("{not}; {text}"),
            ] {
                let r = read(&joined);
                let file = results_file(&r.draft, "");
                assert!(
                    !numbers_in(&file).iter().any(|n| n == "6543"),
                    "{why:?} in the file: {joined}"
                );
                let listed = r
                    .unused
                    .iter()
                    .any(|u| joined[u.words.clone()].contains("6543"));
                assert!(listed, "{why:?} not listed: {joined}");
                read_n += 1;
            }
        }
    }
    assert!(read_n > 3000, "{read_n}");
}

/// The time this thread has spent on the processor (Linux: user and
/// system ticks of `/proc/thread-self/stat`, a hundredth of a second
/// each), so that other work on a busy machine does not count; the wall
/// clock elsewhere.
fn busy_time(started: std::time::Instant) -> std::time::Duration {
    let ticks = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|stat| {
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some(user + system)
        });
    match ticks {
        Some(t) => std::time::Duration::from_millis(t * 10),
        None => started.elapsed(),
    }
}

#[test]
fn a_200_kb_report_reads_in_well_under_a_second() {
    // The real-style paragraphs, over and over, as one long report; and a
    // paste of many small tables. Both were slower than a second in debug
    // before the phrases were looked up by their first word and the
    // tables' lines walked once (1.0 s and 3.1 s).
    let mut report = String::new();
    while report.len() < 200_000 {
        for text in real_style() {
            report.push_str(text);
            report.push_str("\n\n");
        }
    }
    let tables: String = (0..4000)
        .map(|i| format!("Đối tượng\tTổng số\tHTXSNV\tHTTNV\nĐảng viên\t{i}\t1\t2\n"))
        .collect();
    for text in [report, tables] {
        assert!(text.len() >= 200_000);
        // Processor time, the best of three: other tests and builds run
        // beside this one.
        let took = (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                let before = busy_time(started);
                assert!(!read(&text).used.is_empty());
                busy_time(started).saturating_sub(before)
            })
            .min()
            .unwrap();
        assert!(took.as_millis() < 1000, "{} bytes in {took:?}", text.len());
    }
}

#[test]
fn mutations_of_real_style_paragraphs_never_panic_and_stay_on_their_text() {
    // Cut, doubled, swapped and spliced pieces of the real-style set, with
    // the signs and words that change its reading dropped in at random.
    const BITS: [&str; 24] = [
        "\n",
        "\n\n",
        "\t",
        "\u{a0}",
        "(",
        ")",
        "%",
        "/",
        ";",
        ":",
        "- ",
        "• ",
        "không có ",
        " nào ",
        "hoặc ",
        "từ ",
        " lên ",
        "còn lại ",
        "tỷ lệ này ",
        "trong tổng số ",
        "\u{301}",
        "\u{200b}",
        "\u{ad}",
        "日本 ",
    ];
    let texts: Vec<&str> = real_style().collect();
    let mut rng = Lcg(11);
    let cut = |s: &str, at: usize| {
        let mut at = at.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    for _ in 0..2000 {
        let a = texts[rng.next(texts.len() as u64) as usize];
        let b = texts[rng.next(texts.len() as u64) as usize];
        let (i, j) = (
            cut(a, rng.next(a.len() as u64 + 1) as usize),
            cut(b, rng.next(b.len() as u64 + 1) as usize),
        );
        let mut text = match rng.next(4) {
            0 => format!("{}{}", &a[..i], &b[j..]),
            1 => format!("{}{}{}", &a[..i], &a[..i], &a[i..]),
            2 => format!("{}{}", &a[i..], &a[..i]),
            _ => a.to_uppercase(),
        };
        for _ in 0..rng.next(6) {
            let at = cut(&text, rng.next(text.len() as u64 + 1) as usize);
            text.insert_str(at, BITS[rng.next(BITS.len() as u64) as usize]);
        }
        let r = read(&text);
        let ranges = r.used.iter().map(|u| &u.words);
        let ranges = ranges.chain(r.unused.iter().map(|u| &u.words));
        for w in ranges.chain(r.questions.iter().map(|q| &q.words)) {
            assert!(text.get(w.clone()).is_some(), "{w:?} in {text:?}");
        }
        for q in 0..r.questions.len() {
            let (draft, _) = r.answered(&[(q, 1)]);
            numbers_in(&results_file(&draft, ""));
        }
        numbers_in(&results_file(&r.draft, ""));
    }
}

/// Every paragraph of every set, read and written with a title, is a file
/// the widget accepts, or one that lacks only what the text did not say:
/// the base of a group given by counts with tiers not given (the editor
/// asks for its evaluated), or any group at all (a text with no result).
/// A figure the reader writes is never one the core refuses.
#[test]
fn every_draft_read_from_a_text_is_a_file_the_widget_accepts() {
    use tier_breakdown_core::problem::ProblemKind;
    let mut refused = Vec::new();
    let sets = [
        MEASURED,
        FRESH,
        HELD_OUT,
        LAST,
        BLIND,
        BLIND_AFTER,
        ARTICLES,
        UNITS_AND_CHANGES,
    ];
    for (text, _) in sets.iter().flat_map(|s| s.iter()) {
        let reading = read(text);
        let mut d = reading.draft;
        d.title.vi = "Kết quả".into();
        let file = results_file(&d, "");
        let Err(r) = tier_breakdown_core::validate::check(&file) else {
            continue;
        };
        let lacking = |k: &ProblemKind| match k {
            ProblemKind::NotGivenNoBase => true,
            ProblemKind::Count { found: 0, .. } => d.groups.is_empty(),
            _ => false,
        };
        if !r.errors.iter().all(|e| lacking(&e.kind)) {
            let first: Vec<String> = r.errors.iter().take(3).map(|e| e.to_string()).collect();
            refused.push(format!("{text}\n   {first:?}"));
        }
    }
    assert!(
        refused.is_empty(),
        "{} refused:\n{}",
        refused.len(),
        refused.join("\n")
    );
}
