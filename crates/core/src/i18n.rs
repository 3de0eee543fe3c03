//! Every word tier-breakdown says to a reader, in Vietnamese and English,
//! in one place: interface labels, the messages for every error and warning
//! a results file can get, JSON syntax errors, load failures, changes
//! between periods, month names, and the native tool's messages. Labels
//! from the file itself live in [`crate::model::Text`].
//!
//! A low layer: it knows the problems as data ([`crate::problem`]) and
//! nothing of formatting; a caller passes numbers already formatted.

use std::cmp::Ordering;
use std::fmt;

use crate::json::Syntax;
use crate::model::Approx;
use crate::problem::{Expect, LoadError, Problem, ProblemKind, MAX_BYTES};

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    Vi,
    En,
}

impl UiLang {
    /// `vi`, `vi-VN` → Vi; `en`, `en-GB` → En; anything else → None.
    pub fn from_code(code: &str) -> Option<UiLang> {
        match code.split(['-', '_']).next()?.to_ascii_lowercase().as_str() {
            "vi" => Some(UiLang::Vi),
            "en" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The BCP 47 code used for `lang` attributes and label look-up.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Vi => "vi",
            UiLang::En => "en",
        }
    }

    /// Picks the language: an explicit option, else the file's, else the browser's, else Vietnamese.
    pub fn choose(option: Option<&str>, file: Option<&str>, browser: Option<&str>) -> UiLang {
        [option, file, browser]
            .into_iter()
            .flatten()
            .find_map(UiLang::from_code)
            .unwrap_or_default()
    }
}

/// Interface strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    FilterLabel,
    Reset,
    /// The key's hint: what a click on a tier does.
    Hint,
    Evaluated,
    /// "695 trên tổng số 698".
    OfTotal,
    Source,
    Notes,
    Loading,
    LoadFailed,
    InvalidFile,
    NoData,
    PanicTitle,
    OpenFile,
    Retry,
    ShowTable,
    HideTable,
    GetData,
    Period,
    CompareWith,
    NoCompare,
    Unit,
    UnitSearch,
    WholeArea,
    NoUnitData,
    Ranking,
    RankGroup,
    Breakdown,
    Change,
    Tier,
    NoMatch,
    BackToWhole,
    EvaluatedHead,
    NoBreakdown,
    Total,
    /// [`Msg::NoBreakdown`] inside a sentence.
    NoSplit,
    SharesOnly,
    AsReported,
    /// The not-given rest of a partial split.
    NotGiven,
}

/// An interface string in `lang`.
pub fn t(lang: UiLang, msg: Msg) -> &'static str {
    use Msg::*;
    match (lang, msg) {
        (UiLang::Vi, FilterLabel) => "Lọc theo mức xếp loại",
        (UiLang::En, FilterLabel) => "Filter by tier",
        (UiLang::Vi, Reset) => "× Bỏ chọn",
        (UiLang::En, Reset) => "× Clear",
        (UiLang::Vi, Hint) => "Chọn một mức để cộng tỉ lệ",
        (UiLang::En, Hint) => "Pick tiers to add up their shares",
        (UiLang::Vi, OfTotal) => "trên tổng số",
        (UiLang::En, OfTotal) => "of",
        (UiLang::Vi, Evaluated) => "được đánh giá",
        (UiLang::En, Evaluated) => "evaluated",
        (UiLang::Vi, Source) => "Nguồn",
        (UiLang::En, Source) => "Source",
        (UiLang::Vi, Notes) => "Ghi chú",
        (UiLang::En, Notes) => "Notes",
        (UiLang::Vi, Loading) => "Đang tải dữ liệu…",
        (UiLang::En, Loading) => "Loading data…",
        (UiLang::Vi, LoadFailed) => "Không tải được tệp dữ liệu",
        (UiLang::En, LoadFailed) => "The results file could not be loaded",
        (UiLang::Vi, InvalidFile) => "Tệp dữ liệu có lỗi, chưa thể vẽ biểu đồ",
        (UiLang::En, InvalidFile) => "The results file has errors, so the chart cannot be drawn",
        (UiLang::Vi, NoData) => "Chưa có số liệu",
        (UiLang::En, NoData) => "No data",
        (UiLang::Vi, PanicTitle) => "Biểu đồ gặp lỗi nội bộ và đã dừng",
        (UiLang::En, PanicTitle) => "The chart hit an internal error and stopped",
        (UiLang::Vi, OpenFile) => "Mở tệp dữ liệu… (hoặc kéo thả tệp vào đây)",
        (UiLang::En, OpenFile) => "Open a results file… (or drop one here)",
        (UiLang::Vi, ShowTable) => "Xem bảng số liệu",
        (UiLang::En, ShowTable) => "Show the data table",
        (UiLang::Vi, HideTable) => "Ẩn bảng số liệu",
        (UiLang::En, HideTable) => "Hide the data table",
        (UiLang::Vi, GetData) => "Tải dữ liệu (CSV)",
        (UiLang::En, GetData) => "Get the data (CSV)",
        (UiLang::Vi, Retry) => "Thử lại",
        (UiLang::En, Retry) => "Try again",
        (UiLang::Vi, Period) => "Kỳ",
        (UiLang::En, Period) => "Period",
        (UiLang::Vi, CompareWith) => "So sánh với",
        (UiLang::En, CompareWith) => "Compare with",
        (UiLang::Vi, NoCompare) => "Không so sánh",
        (UiLang::En, NoCompare) => "No comparison",
        (UiLang::Vi, Unit) => "Đơn vị",
        (UiLang::En, Unit) => "Unit",
        (UiLang::Vi, UnitSearch) => "Gõ tên để tìm, ví dụ: viet tri",
        (UiLang::En, UnitSearch) => "Type a name to search, e.g. viet tri",
        (UiLang::Vi, WholeArea) => "Toàn bộ",
        (UiLang::En, WholeArea) => "Whole area",
        (UiLang::Vi, NoUnitData) => "Đơn vị này không có số liệu trong kỳ này",
        (UiLang::En, NoUnitData) => "This unit has no figures for this period",
        (UiLang::Vi, Ranking) => "Xếp hạng các đơn vị",
        (UiLang::En, Ranking) => "All units ranked",
        (UiLang::Vi, RankGroup) => "Nhóm",
        (UiLang::En, RankGroup) => "Group",
        (UiLang::Vi, Breakdown) => "Cơ cấu",
        (UiLang::En, Breakdown) => "Breakdown",
        (UiLang::Vi, Change) => "Thay đổi",
        (UiLang::En, Change) => "Change",
        (UiLang::Vi, Tier) => "Mức",
        (UiLang::En, Tier) => "Tier",
        (UiLang::Vi, NoMatch) => "Không tìm thấy đơn vị nào",
        (UiLang::En, NoMatch) => "No unit matches",
        (UiLang::Vi, BackToWhole) => "Xem toàn bộ",
        (UiLang::En, BackToWhole) => "Show the whole area",
        (UiLang::Vi, EvaluatedHead) => "Số được đánh giá",
        (UiLang::En, EvaluatedHead) => "Evaluated",
        (UiLang::Vi, NoBreakdown) => "Báo cáo không nêu số theo từng mức",
        (UiLang::En, NoBreakdown) => "No breakdown by tier in the report",
        (UiLang::Vi, Total) => "Tổng số",
        (UiLang::En, Total) => "Total",
        (UiLang::Vi, NoSplit) => "báo cáo không nêu số theo từng mức",
        (UiLang::En, NoSplit) => "no breakdown by tier in the report",
        (UiLang::Vi, SharesOnly) => "tỉ lệ theo báo cáo, không có số lượng",
        (UiLang::En, SharesOnly) => "shares as reported, no counts",
        (UiLang::Vi, NotGiven) => "Không nêu trong báo cáo",
        (UiLang::En, NotGiven) => "Not given in the report",
        (UiLang::Vi, AsReported) => "theo báo cáo",
        (UiLang::En, AsReported) => "as reported",
    }
}

/// "N units match" for the search box's live region (`n_text` is `n`
/// formatted for `lang`).
pub fn matches(n: usize, n_text: &str, lang: UiLang) -> String {
    match lang {
        UiLang::Vi => format!("{n_text} đơn vị phù hợp"),
        UiLang::En if n == 1 => "1 unit matches".to_string(),
        UiLang::En => format!("{n_text} units match"),
    }
}

/// "Compare 2022 with 2021" heading.
pub fn comparing(shown: &str, base: &str, lang: UiLang) -> String {
    match lang {
        UiLang::Vi => format!("So sánh {shown} với {base}"),
        UiLang::En => format!("{shown} compared with {base}"),
    }
}

/// The words for a JSON syntax error of [`crate::json`].
pub fn syntax_message(kind: Syntax, lang: UiLang) -> &'static str {
    use Syntax::*;
    let (en, vi) = match kind {
        TrailingCharacters => (
            "trailing characters",
            "còn ký tự thừa sau khi tệp đã kết thúc",
        ),
        EndBeforeValue => (
            "the file ends where a value should be",
            "tệp kết thúc ở chỗ cần một giá trị",
        ),
        ExpectedValue => ("expected a value", "cần một giá trị"),
        TooDeep => ("nested too deeply", "lồng nhau quá sâu"),
        EndInObject => (
            "the file ends inside an object",
            "tệp kết thúc giữa một đối tượng { … }",
        ),
        TrailingComma => ("trailing comma", "dấu phẩy thừa"),
        KeyNotString => (
            "a key must be a string in double quotes",
            "tên trường phải là chuỗi trong dấu ngoặc kép",
        ),
        ExpectedColon => ("expected `:`", "thiếu dấu `:`"),
        ExpectedCommaOrBrace => ("expected `,` or `}`", "thiếu dấu `,` hoặc `}`"),
        EndInList => (
            "the file ends inside a list",
            "tệp kết thúc giữa một danh sách [ … ]",
        ),
        ExpectedCommaOrBracket => ("expected `,` or `]`", "thiếu dấu `,` hoặc `]`"),
        InvalidNumber => ("invalid number", "số không hợp lệ"),
        NumberOutOfRange => ("number out of range", "số quá lớn"),
        InvalidEscape => ("invalid escape", "ký tự thoát (\\) không hợp lệ"),
        EndInString => (
            "the file ends inside a string",
            "tệp kết thúc giữa một chuỗi",
        ),
        InvalidUtf8 => ("invalid UTF-8", "có byte không phải UTF-8"),
        LoneSurrogate => (
            "lone leading surrogate in hex escape",
            "mã \\u không hợp lệ",
        ),
        InvalidCodePoint => ("invalid unicode code point", "mã \\u không hợp lệ"),
        ControlCharacter => (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "ký tự điều khiển trong chuỗi (hãy viết \\n, \\t…)",
        ),
    };
    pick_str(lang, en, vi)
}

/// Words for "expected …".
pub fn expect_words(e: Expect, lang: UiLang) -> &'static str {
    let (en, vi) = match e {
        Expect::Object => ("an object { … }", "một đối tượng { … }"),
        Expect::Array => ("a list [ … ]", "một danh sách [ … ]"),
        Expect::String => ("a text string", "một chuỗi văn bản"),
        Expect::Text => (
            "a text string or {\"vi\": …, \"en\": …}",
            "một chuỗi văn bản hoặc {\"vi\": …, \"en\": …}",
        ),
        Expect::WholeNumber => ("a whole number ≥ 0", "một số nguyên ≥ 0"),
        Expect::SafeNumber => (
            "a whole number ≤ 9007199254740991",
            "một số nguyên ≤ 9007199254740991",
        ),
        Expect::Share => (
            "a percentage from 0 to 100 (at most 6 decimals, e.g. 89.4)",
            "một tỉ lệ phần trăm từ 0 đến 100 (tối đa 6 chữ số thập phân, ví dụ 89.4)",
        ),
        Expect::Figure => (
            "a number or {\"value\": …} / {\"or_better\": …}",
            "một số hoặc {\"value\": …} / {\"or_better\": …}",
        ),
    };
    pick_str(lang, en, vi)
}

fn pick_str(lang: UiLang, en: &'static str, vi: &'static str) -> &'static str {
    match lang {
        UiLang::Vi => vi,
        UiLang::En => en,
    }
}

/// The words of a share change between two periods: "▲ tăng 1,2 điểm %",
/// "▼ down 0.8 pp", "= no change" (symbol and words, never colour alone).
/// `size` is the change's size, formatted, without its `%`.
pub fn change_words(sign: Ordering, size: &str, lang: UiLang) -> String {
    match (sign, lang) {
        (Ordering::Greater, UiLang::Vi) => format!("▲ tăng {size} điểm %"),
        (Ordering::Greater, UiLang::En) => format!("▲ up {size} pp"),
        (Ordering::Less, UiLang::Vi) => format!("▼ giảm {size} điểm %"),
        (Ordering::Less, UiLang::En) => format!("▼ down {size} pp"),
        (Ordering::Equal, UiLang::Vi) => "= không đổi".into(),
        (Ordering::Equal, UiLang::En) => "= no change".into(),
    }
}

/// "khoảng 200" / "about 200": a figure printed as approximate, in words.
pub fn approx_words(a: Approx, figure: &str, lang: UiLang) -> String {
    let word = match (a, lang) {
        (Approx::About, UiLang::Vi) => "khoảng",
        (Approx::Nearly, UiLang::Vi) => "gần",
        (Approx::Over, UiLang::Vi) => "hơn",
        (Approx::Under, UiLang::Vi) => "dưới",
        (a, UiLang::En) => a.id(),
    };
    format!("{word} {figure}")
}

/// "≈ 200", "> 90%": a figure printed as approximate, in a symbol (for
/// labels and cells).
pub fn approx_mark(a: Option<Approx>, figure: &str) -> String {
    match a {
        None => figure.to_string(),
        Some(Approx::About | Approx::Nearly) => format!("≈ {figure}"),
        Some(Approx::Over) => format!("> {figure}"),
        Some(Approx::Under) => format!("< {figure}"),
    }
}

/// "Hoàn thành tốt nhiệm vụ trở lên: 289 (91,7%)": a figure the report
/// gave "or better", as it gave it.
pub fn or_better_line(tier: &str, figure: &str, lang: UiLang) -> String {
    match lang {
        UiLang::Vi => format!("{tier} trở lên: {figure}"),
        UiLang::En => format!("{tier} or better: {figure}"),
    }
}

/// A month's name in English (Vietnamese dates are written with numbers).
pub fn month_en(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// A sentence for the reader on why a results file could not be loaded,
/// naming the file's site (its origin) and nothing else of the address.
pub fn load_message(e: &LoadError, lang: UiLang) -> String {
    let vi = lang == UiLang::Vi;
    let e = &e.sites_only();
    match e {
        // Nothing of the address itself: it may be anyone's words.
        LoadError::BadAddress(_) if vi => {
            "địa chỉ tệp dữ liệu không hợp lệ: chỉ dùng http(s)".to_string()
        }
        LoadError::BadAddress(_) => {
            "the results file address is not allowed: use http(s) only".to_string()
        }
        LoadError::FromDisk(u) if vi => format!(
            "trang đang mở từ máy (file://) nên trình duyệt không cho đọc \"{u}\": hãy mở qua một máy chủ web, hoặc chọn tệp bằng nút \"Mở tệp dữ liệu\""
        ),
        LoadError::FromDisk(u) => format!(
            "this page was opened from disk (file://), so the browser will not read \"{u}\": open it through a web server, or use \"Open a results file\""
        ),
        LoadError::Status { url, status } if vi => {
            format!("máy chủ trả lỗi {status} cho {url}")
        }
        LoadError::Status { url, status } => format!("the server answered {status} for {url}"),
        LoadError::Network { url } if vi => {
            format!("không kết nối được tới {url} (mất mạng, máy chủ không trả lời, hoặc trang này không được phép đọc từ đó)")
        }
        LoadError::Network { url } => {
            format!("could not reach {url} (offline, no answer from the server, or this page may not read from there)")
        }
        LoadError::TooBig { url } if vi => {
            format!("tệp {url} quá lớn (tối đa {MAX_BYTES} byte)")
        }
        LoadError::TooBig { url } => format!("{url} is too large (the limit is {MAX_BYTES} bytes)"),
        LoadError::Timeout { url, seconds } if vi => {
            format!("{url} không trả lời sau {seconds} giây")
        }
        LoadError::Timeout { url, seconds } => {
            format!("no answer from {url} after {seconds} seconds")
        }
        LoadError::Unreadable(name) if vi => format!("không đọc được tệp \"{name}\""),
        LoadError::Unreadable(name) => format!("the file \"{name}\" could not be read"),
    }
}

/// What the standalone file says, in both languages at once, in a browser
/// too old to run it (it cannot know the reader's language yet).
pub const OLD_BROWSER: &str = "Trình duyệt này quá cũ để mở tệp (thiếu DecompressionStream/WebAssembly). This browser is too old to open this file (no DecompressionStream/WebAssembly): use a recent Chrome, Firefox or Safari.";

/// What the native `standalone` tool says (in English or Vietnamese, after
/// the `LANG` of whoever runs it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToolMsg {
    Usage,
    UnexpectedArgument(String),
    NotUtf8(String),
    Invalid {
        file: String,
        lines: Vec<String>,
    },
    ClosingTag,
    /// The glue names no init function the file could call.
    NoInit,
    /// A file that could not be read or written, with the system's words.
    Io {
        file: String,
        error: String,
    },
    Wrote {
        file: String,
        bytes: usize,
    },
    /// `--read-text`: the text gave no figure (nothing is written).
    NoFigures(String),
    /// A line the tool wrote in the user's language already (`--explain`,
    /// whose words are the editor's, `tier_breakdown_draft::words`).
    Said(String),
    /// `--static-into`: a page the HTML engine cannot read with certainty.
    PageUnreadable {
        file: String,
        error: String,
    },
    /// `--static-into`: a full page with neither `</head>` nor `<body>`.
    NoHead(String),
    /// `--static-into`: an element not drawn where the chart's markup
    /// would change the page around it (a warning), with its start tag.
    NotDrawn {
        file: String,
        element: String,
    },
    /// `--static-into`: a CSP `<meta>` left as it was (a warning), and why.
    PolicyLeftAlone {
        file: String,
        why: String,
    },
}

/// The tool's words for `m`.
pub fn tool_message(m: &ToolMsg, lang: UiLang) -> String {
    const USAGE: &str = "usage: standalone RESULTS.json [-o OUT.html] [--dist DIR] [--svg OUT.svg] [--png OUT.png [--scale 2]] [--width PX] [--dark] [--lang vi|en]\n       standalone --read-text REPORT.txt [-o RESULTS.json] [--explain]";
    const USAGE_VI: &str = "cách dùng: standalone RESULTS.json [-o OUT.html] [--dist THƯ_MỤC] [--svg ẢNH.svg] [--png ẢNH.png [--scale 2]] [--width PX] [--dark] [--lang vi|en]\n           standalone --read-text BÁO_CÁO.txt [-o RESULTS.json] [--explain]";
    let vi = lang == UiLang::Vi;
    match m {
        ToolMsg::Usage if vi => USAGE_VI.into(),
        ToolMsg::Usage => USAGE.into(),
        ToolMsg::UnexpectedArgument(a) if vi => format!("tham số không rõ {a:?}\n{USAGE_VI}"),
        ToolMsg::UnexpectedArgument(a) => format!("unexpected argument {a:?}\n{USAGE}"),
        ToolMsg::NotUtf8(f) if vi => format!("{f}: không phải văn bản UTF-8"),
        ToolMsg::NotUtf8(f) => format!("{f}: not UTF-8 text"),
        ToolMsg::Invalid { file, lines } if vi => {
            format!(
                "{file} không phải tệp dữ liệu hợp lệ:\n{}",
                lines.join("\n")
            )
        }
        ToolMsg::Invalid { file, lines } => {
            format!("{file} is not a valid results file:\n{}", lines.join("\n"))
        }
        ToolMsg::ClosingTag if vi => {
            "mã JS hoặc CSS chứa thẻ đóng nên không thể nhúng vào tệp".into()
        }
        ToolMsg::ClosingTag => {
            "the glue or the CSS contains a closing tag and cannot be inlined".into()
        }
        ToolMsg::NoInit if vi => "không tìm thấy hàm khởi động trong tier-breakdown.js".into(),
        ToolMsg::NoInit => "tier-breakdown.js exports no init function (default) to call".into(),
        ToolMsg::Io { file, error } if vi => format!("{file}: lỗi đọc/ghi ({error})"),
        ToolMsg::Io { file, error } => format!("{file}: {error}"),
        ToolMsg::Wrote { file, bytes } if vi => format!("đã ghi {file} ({bytes} byte)"),
        ToolMsg::Wrote { file, bytes } => format!("wrote {file} ({bytes} bytes)"),
        ToolMsg::NoFigures(f) if vi => {
            format!("{f}: không tìm thấy số liệu xếp loại nào, không ghi tệp")
        }
        ToolMsg::NoFigures(f) => format!("{f}: no review figure found, nothing written"),
        ToolMsg::Said(line) => line.clone(),
        ToolMsg::PageUnreadable { file, error } if vi => {
            format!("{file}: không đọc chắc chắn được trang HTML này ({error}); trang được giữ nguyên")
        }
        ToolMsg::PageUnreadable { file, error } => {
            format!("{file}: the page cannot be read as HTML with certainty ({error}); left unchanged")
        }
        ToolMsg::NoHead(file) if vi => format!(
            "{file}: trang không có </head> cũng không có <body>, không có chỗ chắc chắn cho khối style của biểu đồ; trang được giữ nguyên"
        ),
        ToolMsg::NoHead(file) => format!(
            "{file}: the page has neither </head> nor <body>, so there is no certain place for the chart's style block; left unchanged"
        ),
        ToolMsg::NotDrawn { file, element } if vi => format!(
            "{file}: cảnh báo: không vẽ sẵn biểu đồ cho {element}, vì thẻ này nằm trong một liên kết, nút, bảng, danh sách chọn hoặc thẻ định dạng chưa đóng, nơi mã của biểu đồ sẽ làm thay đổi trang (widget vẫn vẽ khi chạy)"
        ),
        ToolMsg::NotDrawn { file, element } => format!(
            "{file}: warning: {element} was not drawn in advance: it sits inside a link, button, table, select or unclosed formatting element, where the chart's markup would change the page (the widget still draws it when it runs)"
        ),
        ToolMsg::PolicyLeftAlone { file, why } if vi => format!(
            "{file}: cảnh báo: thẻ <meta> Content-Security-Policy được giữ nguyên vì không đọc chắc chắn được ({why}); hãy tự thêm mã băm của khối style và script của biểu đồ, nếu không biểu đồ tĩnh sẽ không hiện"
        ),
        ToolMsg::PolicyLeftAlone { file, why } => format!(
            "{file}: warning: the Content-Security-Policy <meta> was left as it was, as it cannot be read with certainty ({why}); add the hashes of the chart's style and script blocks by hand, or the static chart stays hidden"
        ),
    }
}

/// Joins tier labels for the combined-share line: "a + b".
pub fn join_tiers(labels: &[&str]) -> String {
    labels.join(" + ")
}

/// The message for one problem in `lang`, without its path.
pub fn problem_message(lang: UiLang, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let vi = lang == UiLang::Vi;
    match kind {
        Empty => pick(vi, "tệp rỗng, không có dữ liệu", "the file is empty"),
        Html => pick(
            vi,
            "đây là một trang HTML, không phải tệp JSON (đường dẫn có đúng không?)",
            "this is an HTML page, not a JSON file (is the address right?)",
        ),
        Syntax {
            line,
            column,
            detail,
        } => {
            if vi {
                format!(
                    "không phải JSON hợp lệ ở dòng {line}, cột {column}: {}",
                    syntax_message(*detail, lang)
                )
            } else {
                format!(
                    "not valid JSON at line {line}, column {column}: {}",
                    syntax_message(*detail, lang)
                )
            }
        }
        TooBig { bytes, cap } => {
            if vi {
                format!("tệp quá lớn ({bytes} byte, tối đa {cap} byte)")
            } else {
                format!("the file is too large ({bytes} bytes, the limit is {cap})")
            }
        }
        Missing => pick(vi, "thiếu trường bắt buộc", "required field is missing"),
        WrongType { expected, found } => {
            let e = expect_words(*expected, lang);
            if vi {
                format!("cần {e}, nhưng có {found}")
            } else {
                format!("expected {e}, found {found}")
            }
        }
        Version { found } => {
            if vi {
                format!("phiên bản định dạng {found} chưa được hỗ trợ (widget này đọc phiên bản 1 đến 3)")
            } else {
                format!("format version {found} is not supported (this widget reads versions 1 to 3)")
            }
        }
        Count { min, max, found } => {
            if vi {
                format!("cần từ {min} đến {max} mục, nhưng có {found}")
            } else {
                format!("expected {min} to {max} entries, found {found}")
            }
        }
        Duplicate { id } => {
            if vi {
                format!("mã \"{id}\" bị trùng")
            } else {
                format!("id \"{id}\" is used twice")
            }
        }
        BadId { found } => {
            if vi {
                format!("mã {found} không hợp lệ: chỉ dùng chữ a–z, A–Z, số, \"_\" và \"-\" (tối đa 64 ký tự)")
            } else {
                format!("id {found} is not valid: use only letters a–z, A–Z, digits, \"_\" and \"-\" (64 at most)")
            }
        }
        UnknownTier { id } => {
            if vi {
                format!("không có mức xếp loại \"{id}\" trong danh sách tiers")
            } else {
                format!("there is no tier \"{id}\" in the tiers list")
            }
        }
        UnknownGroup { id } => {
            if vi {
                format!("không có nhóm \"{id}\" trong danh sách groups chính")
            } else {
                format!("there is no group \"{id}\" in the top-level groups")
            }
        }
        MissingTier { id } => {
            if vi {
                format!("thiếu số lượng cho mức \"{id}\" (ghi 0 nếu không có)")
            } else {
                format!("no count for tier \"{id}\" (write 0 if there were none)")
            }
        }
        BadUrl { found } => {
            if vi {
                format!("đường dẫn {found} không được chấp nhận: chỉ dùng địa chỉ đầy đủ http:// hoặc https://")
            } else {
                format!(
                    "link {found} is refused: only full http:// or https:// addresses are allowed"
                )
            }
        }
        BadColor { found } => {
            if vi {
                format!("màu {found} không hợp lệ: dùng dạng #rrggbb")
            } else {
                format!("colour {found} is not valid: use the form #rrggbb")
            }
        }
        BadLang { found } => {
            if vi {
                format!("mã ngôn ngữ {found} không hợp lệ (ví dụ: \"vi\", \"en\")")
            } else {
                format!("language code {found} is not valid (e.g. \"vi\", \"en\")")
            }
        }
        BadDate { found } => {
            if vi {
                format!("ngày {found} không hợp lệ: dùng dạng YYYY-MM-DD")
            } else {
                format!("date {found} is not valid: use the form YYYY-MM-DD")
            }
        }
        EmptyText => pick(vi, "không được để trống", "must not be empty"),
        TooLong { max, found } => {
            if vi {
                format!("quá dài ({found} ký tự, tối đa {max})")
            } else {
                format!("too long ({found} characters, {max} at most)")
            }
        }
        SumMismatch { sum, evaluated } => {
            if vi {
                format!("tổng các mức là {sum}, khác số được đánh giá {evaluated}")
            } else {
                format!("the tiers add up to {sum}, not to the {evaluated} evaluated")
            }
        }
        EvaluatedAboveTotal { evaluated, total } => {
            if vi {
                format!("số được đánh giá ({evaluated}) lớn hơn tổng số ({total})")
            } else {
                format!("more evaluated ({evaluated}) than the total ({total})")
            }
        }
        UnknownField { name } => {
            if vi {
                format!("trường \"{name}\" không có trong định dạng, đã bỏ qua")
            } else {
                format!("field \"{name}\" is not part of the format and was ignored")
            }
        }
        AllZero => pick(
            vi,
            "mọi mức đều bằng 0: không có số liệu để vẽ",
            "every tier is zero: there is no data to draw",
        ),
        NeedsVersion2 => pick(
            vi,
            "cách ghi này cần \"version\": 2 (widget chỉ đọc phiên bản 1 sẽ vẽ sai)",
            "this needs \"version\": 2 (a widget that reads only version 1 would draw it wrongly)",
        ),
        NeedsVersion3 => pick(
            vi,
            "null (báo cáo không nêu) cần \"version\": 3",
            "null (not given in the report) needs \"version\": 3",
        ),
        NoneGiven => pick(
            vi,
            "không mức nào có số: nếu báo cáo không nêu số theo từng mức, bỏ \"counts\" và chỉ ghi \"evaluated\" hoặc \"total\"",
            "no tier has a figure: if the report gives no split, leave out \"counts\" and give only \"evaluated\" or \"total\"",
        ),
        NotGivenNoBase => pick(
            vi,
            "có mức không nêu (null) nên cần \"evaluated\" hoặc \"total\" để biết phần còn lại",
            "a tier is not given (null), so \"evaluated\" or \"total\" is needed to know the rest",
        ),
        CountsAndShares => pick(
            vi,
            "chỉ ghi một trong hai: \"counts\" (số lượng) hoặc \"shares\" (tỉ lệ %)",
            "give either \"counts\" or \"shares\", not both",
        ),
        ValueOrBetter => pick(
            vi,
            "ghi đúng một trong hai: \"value\" (số của mức này) hoặc \"or_better\" (số của mức này trở lên)",
            "give exactly one of \"value\" (this tier alone) and \"or_better\" (this tier and the better ones)",
        ),
        BadApprox { found } => {
            if vi {
                format!("{found} không hợp lệ: dùng \"about\" (khoảng), \"nearly\" (gần), \"over\" (hơn) hoặc \"under\" (dưới)")
            } else {
                format!("{found} is not valid: use \"about\", \"nearly\", \"over\" or \"under\"")
            }
        }
        ShareAbove100 { found } => {
            if vi {
                format!("tỉ lệ {found} lớn hơn 100%")
            } else {
                format!("the share {found} is above 100%")
            }
        }
        OrBetterBelow {
            tier,
            value,
            better,
        } => {
            if vi {
                format!("\"{tier}\" trở lên là {value}, nhỏ hơn tổng các mức cao hơn ({better})")
            } else {
                format!("\"{tier}\" or better is {value}, less than the better tiers together ({better})")
            }
        }
        SharesSum { sum } => {
            if vi {
                format!(
                    "các tỉ lệ cộng lại là {}%, không phải 100%: thanh biểu đồ vẽ theo tỉ lệ giữa chúng",
                    sum.replace('.', ",")
                )
            } else {
                format!("the shares add up to {sum}%, not 100%: the bar shows their proportions")
            }
        }
        SeemsOrBetter {
            tier,
            value,
            better,
            better_sum,
            sum,
            evaluated,
        } => {
            let better = better
                .iter()
                .map(|b| format!("\"{b}\""))
                .collect::<Vec<_>>()
                .join(" + ");
            let alone = value.saturating_sub(*better_sum);
            if vi {
                format!(
                    "\"{tier}\" ({value}) có vẻ đã gồm cả {better} ({better_sum}): các mức cộng lại là {sum}, không phải {evaluated}; nếu vậy, riêng \"{tier}\" là {alone} (ghi \"{tier}\": {{\"or_better\": {value}}})"
                )
            } else {
                format!(
                    "\"{tier}\" ({value}) seems to include {better} ({better_sum}): the tiers add up to {sum}, not {evaluated}; if so, \"{tier}\" alone is {alone} (write \"{tier}\": {{\"or_better\": {value}}})"
                )
            }
        }
        NotesLeftOut { shown, found } => {
            if vi {
                format!("tệp có {found} ghi chú, chỉ hiện {shown} ghi chú đầu")
            } else {
                format!("the file has {found} notes; only the first {shown} are shown")
            }
        }
        More { count } => {
            if vi {
                format!("… và {count} mục khác")
            } else {
                format!("… and {count} more")
            }
        }
    }
}

/// A warning about a group's figures in words for the chart's readers:
/// what the report's figures do, without the file's keys or how to write
/// them (the editor and the native tool say that, with
/// [`problem_message`]).
///
/// ```
/// use tier_breakdown_core::i18n::{mark_message, UiLang};
/// use tier_breakdown_core::problem::ProblemKind;
/// let w = ProblemKind::SumMismatch { sum: 373, evaluated: 312 };
/// assert_eq!(mark_message(UiLang::En, &w),
///     "the report's figures for this group add up to 373, not 312");
/// ```
pub fn mark_message(lang: UiLang, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let vi = lang == UiLang::Vi;
    match kind {
        SumMismatch { sum, evaluated } | SeemsOrBetter { sum, evaluated, .. } => {
            if vi {
                format!("các số của báo cáo cho nhóm này cộng lại là {sum}, không phải {evaluated}")
            } else {
                format!("the report's figures for this group add up to {sum}, not {evaluated}")
            }
        }
        other => problem_message(lang, other),
    }
}

fn pick(vi: bool, v: &str, e: &str) -> String {
    if vi { v } else { e }.to_string()
}

/// `path: message` in `lang`; a problem with the whole file has no path.
pub fn problem_line(lang: UiLang, p: &Problem) -> String {
    placed(&p.path, problem_message(lang, &p.kind))
}

/// `place: message`, or the message alone for the whole file.
fn placed(place: &str, msg: String) -> String {
    if place.is_empty() {
        msg
    } else {
        format!("{place}: {msg}")
    }
}

impl fmt::Display for Problem {
    /// English, `path: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_line(UiLang::En, self))
    }
}
