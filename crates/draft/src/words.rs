//! Every word the editor says to a journalist, in Vietnamese and English,
//! in one table ([`w`]). The chart's own words (and every problem of a
//! file) are the core's, `tier_breakdown_core::i18n`.

pub use tier_breakdown_core::i18n::UiLang;

macro_rules! words {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        /// One thing the editor says.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum W { $($name),* }

        /// Every word, for the test that none is empty or left in one language.
        pub const ALL: &[W] = &[$(W::$name),*];

        /// The words for `k` in `lang`.
        pub fn w(lang: UiLang, k: W) -> &'static str {
            match (k, lang) {
                $((W::$name, UiLang::Vi) => $vi, (W::$name, UiLang::En) => $en,)*
            }
        }
    };
}

words! {
    Heading => "Tạo biểu đồ xếp loại", "Make a tier chart";
    Intro => "Dán bảng số liệu của báo cáo, sửa từng ô, xem biểu đồ ngay, rồi lấy mã nhúng. Mọi thứ ở lại trong trình duyệt này: không tài khoản, không máy chủ.", "Paste the report's table, correct any field, watch the chart, then take the embed code. Everything stays in this browser: no account, no server.";
    EditorLang => "Ngôn ngữ của trình soạn", "Editor language";
    KeptAt => "Bản nháp được lưu tự động trong trình duyệt này, trên máy này, cho trang", "The draft is kept as you type in this browser, on this computer, for the site";
    NotKept => "Bản nháp không được lưu trên máy này: đóng trang là mất. Hãy tải tệp kết quả về nếu cần giữ.", "The draft is not kept on this computer: closing the page loses it. Download the results file to keep it.";
    DontKeep => "Không lưu bản nháp trên máy này (máy dùng chung, số liệu chưa công bố); bản đã lưu sẽ bị xoá", "Do not keep the draft on this computer (a shared computer, embargoed figures); the kept one is cleared";
    NotSaved => "Trình duyệt không cho lưu bản nháp: hãy tải tệp kết quả về trước khi đóng trang.", "This browser does not let the draft be saved: download the results file before you close the page.";
    Restored => "Đã mở lại bản nháp lần trước.", "Your last draft was restored.";
    Start => "Hoặc bắt đầu từ", "Or start from";
    UseExample => "Dùng ví dụ có sẵn (Phú Thọ 2022)", "Start from the built-in example (Phú Thọ 2022)";
    UseBlank => "Bắt đầu lại với tệp trống (bốn mức xếp loại)", "Start over with a blank file (the four review tiers)";
    OpenFile => "Mở tệp kết quả (.json)", "Open a results file (.json)";
    DropHere => "hoặc thả tệp vào đây", "or drop a file here";
    Opened => "Đã mở tệp", "Opened";
    FileTooBig => "Tệp quá lớn (tối đa 5 MiB). Bản nháp vẫn giữ nguyên.", "The file is too large (5 MiB at most). The draft is as it was.";
    FileUnreadable => "Không đọc được tệp này. Bản nháp vẫn giữ nguyên.", "This file could not be read. The draft is as it was.";
    FileNotObject => "Đây không phải tệp kết quả (cần một đối tượng JSON). Bản nháp vẫn giữ nguyên.", "This is not a results file (a JSON object is needed). The draft is as it was.";
    LeftOut => "Trình soạn không có ô cho các trường sau, nên chúng sẽ không có trong tệp tải về:", "The editor has no field for these, so the downloaded file will not have them:";
    Undo => "Hoàn tác: quay lại bản nháp trước", "Undo: back to the previous draft";
    Replaced => "Bản nháp đã được thay.", "The draft was replaced.";
    Removed => "Các nhóm không có trong bảng sẽ bị bỏ:", "Groups not in the table will be removed:";
    Goes => "đi vào", "goes to";
    AutoDest => "tự động", "automatic";
    Skip => "bỏ qua", "skip";
    RemoveWhat => "Xóa", "Remove";
    KeptDraft => "Bản nháp vẫn giữ nguyên.", "The draft is as it was.";
    Paste => "1. Dán bảng số liệu hoặc đoạn văn bản báo cáo", "1. Paste the figures: a table or the report's text";
    PasteLabel => "Dán vào đây bảng sao chép từ Excel, Google Sheets, LibreOffice, CSV (dấu , hoặc ;), hoặc đoạn văn bản báo cáo có số liệu: biểu đồ hiện ra ngay", "Paste here a table copied from Excel, Google Sheets, LibreOffice, CSV (, or ;), or the report's text with its figures: the chart appears at once";
    PasteHint => "Hàng đầu là tên các mức (hoặc tổng số, số được đánh giá), cột đầu là tên các nhóm; hoặc ngược lại. Số viết kiểu Việt (94.877; 16,2%) hay kiểu Anh (94,877; 16.2%) đều được.", "The first row names the tiers (or the total, the evaluated), the first column the groups; or the other way round. Numbers written the Vietnamese way (94.877; 16,2%) or the English way (94,877; 16.2%) both work.";
    TableTooSmall => "Cần ít nhất hai hàng và hai cột (tên và số liệu).", "A table needs at least two rows and two columns (names and figures).";
    TableTooBig => "Bảng quá lớn (tối đa 200.000 ô).", "The table is too large (200,000 cells at most).";
    TableUnreadable => "Không đọc được bảng (có dấu ngoặc kép chưa đóng?).", "The table could not be read (an unclosed quote?).";
    Mapping => "Cách đọc bảng (sửa nếu sai)", "How the table was read (correct it if wrong)";
    Orientation => "Hướng của bảng", "Orientation";
    TiersAcross => "Mỗi hàng một nhóm, mỗi cột một mức", "Groups as rows, tiers as columns";
    TiersDown => "Mỗi hàng một mức, mỗi cột một nhóm", "Tiers as rows, groups as columns";
    FiguresAre => "Số liệu là", "The figures are";
    Counts => "Số lượng", "Counts";
    Shares => "Tỉ lệ phần trăm", "Percentages";
    CoverageOnly => "Chỉ số được đánh giá (không chia mức)", "Coverage only (no split by tier)";
    RecordsAre => "Các hàng (hoặc cột) số liệu là", "The records are";
    TheGroups => "Các nhóm của tệp", "The file's groups";
    UnitsOf => "Đơn vị con, số liệu của nhóm", "Sub-units, figures for the group";
    HeaderIs => "là", "is";
    NewTier => "Một mức mới", "A new tier";
    Total => "Tổng số", "Total";
    Evaluated => "Số được đánh giá", "Evaluated";
    Ignore => "Bỏ qua", "Ignore";
    OrBetter => "trở lên (gồm các mức tốt hơn)", "or better (with the better tiers)";
    RecordsFound => "Các hàng sẽ thành", "The records become";
    NewWord => "mới", "new";
    Updates => "cập nhật", "updates";
    PutInDone => "Đã vẽ bảng thành biểu đồ:", "The table is drawn:";
    RecordsWord => "hàng số liệu", "records";
    Contents => "3. Mọi nội dung của tệp", "3. Everything in the file";
    FileLang => "Ngôn ngữ chính của tệp", "The file's main language";
    InVi => "tiếng Việt", "Vietnamese";
    InEn => "tiếng Anh", "English";
    Title => "Tiêu đề", "Title";
    Subtitle => "Tiêu đề phụ", "Subtitle";
    Region => "Địa phương", "Region";
    Period => "Kỳ", "Period";
    PeriodId => "Mã kỳ trong địa chỉ (vd. 2022)", "Period id in links (e.g. 2022)";
    Source => "Nguồn", "Source";
    SourceName => "Tên nguồn", "Source name";
    SourceUrl => "Địa chỉ nguồn (https://…)", "Source address (https://…)";
    Published => "Ngày đăng", "Published";
    Notes => "Ghi chú", "Notes";
    Note => "Ghi chú", "Note";
    AddNote => "Thêm ghi chú", "Add a note";
    Remove => "Xóa", "Remove";
    MoveUp => "Lên trên", "Move up";
    Tiers => "Các mức xếp loại, tốt nhất trước", "Tiers, best first";
    Tier => "Mức", "Tier";
    Id => "Mã", "Id";
    Label => "Tên", "Label";
    Short => "Tên ngắn", "Short label";
    Colour => "Màu", "Colour";
    NoColour => "Màu mặc định", "Default colour";
    AddTier => "Thêm mức", "Add a tier";
    FailFrom => "Từ mức nào là không đạt", "Failing starts at";
    FailLast => "mức cuối cùng (mặc định)", "the last tier (default)";
    Crowded => "Từ 4 mức đạt hoặc 3 mức không đạt trở lên, các màu mặc định cạnh nhau có thể khó phân biệt, nhất là với người mù màu và khi in đen trắng: hãy đặt màu riêng cho các mức ấy.", "With 4 or more passing tiers, or 3 or more failing ones, neighbouring default colours can be hard to tell apart, for colour-blind readers and in print especially: give those tiers colours of your own.";
    Groups => "Các nhóm", "Groups";
    Group => "Nhóm", "Group";
    AddGroup => "Thêm nhóm", "Add a group";
    FiguresAs => "Số liệu theo", "Figures as";
    Exact => "chính xác", "exact";
    About => "khoảng", "about";
    Nearly => "gần", "nearly";
    Over => "hơn", "over";
    Under => "dưới", "under";
    Approx => "độ chính xác", "precision";
    Units => "Đơn vị con (huyện, xã…)", "Sub-units (districts, communes…)";
    Unit => "Đơn vị", "Unit";
    AddUnit => "Thêm đơn vị", "Add a unit";
    Periods => "Các kỳ khác (để so sánh)", "Other periods (to compare)";
    OtherPeriod => "Kỳ", "Period";
    AddPeriod => "Thêm kỳ", "Add a period";
    AddFiguresFor => "Thêm số liệu cho", "Add figures for";
    Preview => "Xem trước", "Preview";
    PreviewLang => "Ngôn ngữ của biểu đồ", "Chart language";
    Theme => "Giao diện", "Theme";
    Light => "Sáng", "Light";
    Dark => "Tối", "Dark";
    Width => "Bề rộng", "Width";
    Phone => "Điện thoại (360 px)", "Phone (360 px)";
    Desktop => "Máy tính (1024 px)", "Desktop (1024 px)";
    Problems => "Kiểm tra tệp", "Checks";
    Errors => "Lỗi (biểu đồ chưa thể hiện)", "Errors (the chart cannot be shown)";
    Warnings => "Cảnh báo", "Warnings";
    NoProblems => "Tệp hợp lệ, không có cảnh báo.", "The file is valid, with no warnings.";
    GoToField => "Đến ô này", "Go to the field";
    Publish => "4. Xuất bản", "4. Publish";
    CopyEmbed => "Sao chép mã nhúng", "Copy the embed code";
    TitleAndSource => "2. Tiêu đề và nguồn", "2. Title and source";
    FirstStep => "Chưa có gì để kiểm tra. Bắt đầu bằng cách dán bảng số liệu (Ctrl+V) vào ô “Dán bảng số liệu”, hoặc mở một tệp kết quả.", "Nothing to check yet. Start by pasting the figures (Ctrl+V) into the “Paste the figures” box, or open a results file.";
    NothingYet => "Chưa đủ số liệu để vẽ biểu đồ.", "Not enough figures to draw the chart yet.";
    PlaceholderNote => "Đây là biểu đồ mẫu (số liệu ví dụ). Dán bảng số liệu của bạn để vẽ biểu đồ của bạn.", "This is a sample chart (example figures). Paste your table to draw your chart.";
    StaleNote => "Biểu đồ chưa cập nhật: hãy sửa các lỗi trong phần “Kiểm tra tệp”.", "The chart is not up to date: fix the errors under “Checks”.";
    FixFirst => "Hãy sửa các lỗi trên trước khi xuất bản.", "Fix the errors above before publishing.";
    FillFirst => "Mã nhúng và các tệp sẽ có ở đây khi biểu đồ có số liệu.", "The embed codes and files appear here once the chart has its figures.";
    DownloadJson => "Tải tệp kết quả (.json)", "Download the results file (.json)";
    DownloadHtml => "Tải tệp HTML độc lập (mở được không cần mạng)", "Download the standalone HTML file (works offline)";
    DownloadSvg => "Tải ảnh SVG (rộng 1200 px)", "Download the SVG image (1200 px wide)";
    DownloadPng => "Tải ảnh PNG cho mạng xã hội (rộng 1200 px)", "Download a PNG image for social media (1200 px wide)";
    Building => "Đang tạo tệp…", "Building the file…";
    BuildFailed => "Không tạo được tệp HTML độc lập:", "The standalone file could not be built:";
    HostedAt => "Địa chỉ của tier-breakdown mà mã nhúng dùng (điền sẵn: nơi trình soạn này đang chạy; chỉ sửa nếu toà soạn đặt nó ở chỗ khác)", "The tier-breakdown address the codes use (filled in: where this editor runs; change it only if your newsroom hosts it elsewhere)";
    HostAnswers => "Đã kiểm tra: embed.js có ở địa chỉ này.", "Checked: embed.js is at this address.";
    HostSilent => "embed.js không trả lời ở địa chỉ này: mã nhúng sẽ không chạy. Hãy kiểm tra lại địa chỉ.", "embed.js does not answer at this address: the codes would not work. Check the address.";
    HostUnchecked => "Trình soạn không kiểm tra được địa chỉ của máy chủ khác: hãy mở địa chỉ này kèm “embed.js” trong trình duyệt để chắc chắn.", "The editor cannot check another site's address: open it with “embed.js” at the end in your browser to be sure.";
    EmbedInline => "Mã nhúng đầy đủ: số liệu nằm ngay trong mã", "The full embed code: the figures are inside it";
    EmbedInlineWhen => "Dùng mã này khi không muốn đặt tệp nào lên mạng: dán vào bài viết (chế độ HTML) là xong. Mã dài vì chứa cả biểu đồ vẽ sẵn.", "Use this code when you do not want to host any file: paste it into the article (HTML mode) and you are done. It is long because it carries the drawn chart.";
    DataAddress => "Địa chỉ tệp kết quả đã đặt trên mạng (https://…)", "Address of the results file, once hosted (https://…)";
    EmbedSrc => "Mã nhúng ngắn: số liệu đọc từ địa chỉ tệp", "The short embed code: the figures are read from the file's address";
    EmbedSrcWhen => "Dùng mã này khi đã đặt tệp kết quả lên mạng (https://…): mã chỉ vài trăm ký tự, và sửa tệp là biểu đồ trong bài đổi theo.", "Use this code once the results file is on the web (https://…): it is a few hundred characters, and changing the file changes the chart in the article.";
    CmsStrips => "Nếu hệ thống quản trị nội dung (CMS) của toà soạn xoá thẻ <script> hoặc <template> khi lưu bài, biểu đồ sẽ không hiện. Khi đó hãy dùng mã iframe dưới đây, hoặc tải tệp HTML độc lập và đặt nó như một trang riêng.", "If your newsroom's content system (CMS) removes <script> or <template> tags when an article is saved, the chart will not show. Then use the iframe code below, or download the standalone HTML file and publish it as a page of its own.";
    IframeCode => "Mã iframe", "Iframe code";
    NeedAddress => "Nhập địa chỉ tệp kết quả ở trên để có mã này.", "Type the results file's address above to get this code.";
    AltText => "Văn bản thay thế (tóm tắt cho trình đọc màn hình)", "Alt text (the screen-reader summary)";
    Copy => "Sao chép", "Copy";
    Copied => "Đã sao chép", "Copied";
    CopyFailed => "Không sao chép được: hãy chọn chữ và sao chép bằng tay.", "Could not copy: select the text and copy it by hand.";
    CodeTitle => "Biểu đồ xếp loại", "Tier chart";
    ProseTitle => "Kết quả đánh giá, xếp loại", "Review results";
    ReadNotUsed => "không dùng", "not used";
    ReadAsk => "cần chọn", "to choose";
    WhyTarget => "chỉ tiêu, mục tiêu hay kế hoạch, không phải kết quả", "a target or a plan, not a result";
    WhyAward => "khen thưởng, không phải kết quả xếp loại", "an award, not a review result";
    WhyAdmission => "kết nạp đảng viên, không phải kết quả xếp loại", "admissions, not a review result";
    WhyCongress => "đại hội, không phải kết quả xếp loại", "a congress, not a review result";
    WhyInspection => "kiểm tra, giám sát hay kỷ luật, không phải kết quả xếp loại", "an inspection or discipline, not a review result";
    WhyDocument => "số hiệu văn bản", "a document number";
    WhyDate => "ngày tháng", "a date";
    WhySome => "\"một số\" là vài, không phải một con số", "\"một số\" means some, not a figure";
    WhyChange => "mức tăng, giảm hay so sánh, không phải số lượng", "a change or a comparison, not a count";
    WhyShareOfCount => "tỷ lệ của số đã dùng: biểu đồ tự tính", "the share of a figure already used: the chart works it out";
    WhyMixed => "tỷ lệ trong nhóm đã có số lượng: biểu đồ tự tính", "a share in a group given by counts: the chart works shares out";
    WhyCoverageShare => "tỷ lệ được đánh giá nhưng không có tổng số để tính ra số lượng", "a share of those reviewed with no total to make it a count";
    WhyApproxCoverage => "số được đánh giá hay tổng số chỉ là ước chừng: tệp cần số chính xác", "an approximate total or evaluated: the file needs an exact one";
    WhyLabel => "số trong một cái tên (\"số 5\"), không phải số lượng", "a number in a name (\"No. 5\"), not a count";
    WhyNoGroup => "không rõ số này của nhóm nào", "no group is named for this figure";
    WhyNoMeaning => "không đi kèm mức xếp loại hay nhóm nào", "not next to a tier or a group";
    WhyNotReviewed => "chưa đánh giá, được miễn hay mới thành lập: không phải kết quả xếp loại", "not reviewed, exempt or newly formed: not a review result";
    WhyOtherRating => "một cách xếp loại khác (chất lượng sinh hoạt chi bộ…), không phải kết quả kiểm điểm hằng năm", "another rating (the quality of cell meetings…), not the yearly review";
    WhyTwice => "trường này đã có số ở chỗ khác", "this field's figure was given before";
    WorkedOutFrom => "tính ra từ", "worked out from";
    WhyDerived => "tính ra: các mức đã nêu cộng lại đủ số được đánh giá, nên mức này là 0", "worked out: the tiers given add up to the evaluated, so this one is 0";
    AskGoodIncludes => "Số \"hoàn thành tốt nhiệm vụ\" có gồm cả số hoàn thành xuất sắc không? (Chỉ khi gồm, các mức mới cộng lại đủ số được đánh giá.)", "Does the \"completed duties well\" figure include the excellent ones? (Only then do the tiers add up to the evaluated.)";
    ChoiceOrBetter => "Có: là số tốt trở lên", "Yes: it is good or better";
    ChoiceAlone => "Không: chỉ riêng mức tốt", "No: good alone";
    AskShareBase => "Các tỷ lệ này tính trên số được đánh giá hay trên tổng số?", "Are these shares of the evaluated or of the total?";
    ChoiceOfEvaluated => "Trên số được đánh giá (vẽ đúng như in)", "Of the evaluated (drawn as printed)";
    ChoiceOfTotal => "Trên tổng số (đổi ra số lượng khoảng chừng)", "Of the total (made into approximate counts)";
    AskElliptic => "Số này của một năm khác không nêu mức: cùng mức với số trước nó, hay là tổng số của nhóm?", "This figure of another year names no tier: the same tier as the figure before it, or the group's total?";
    ChoiceSameTier => "Cùng mức với số trước nó", "The same tier as the figure before it";
    ChoiceTotal => "Tổng số của nhóm", "The group's total";
    AskNoYear => "Văn bản nói \"hằng năm\" mà không nêu năm nào: đây có phải kết quả của một năm?", "The text says \"every year\" and names no year: are these one year's results?";
    ChoiceOneYear => "Có: kết quả một năm (hãy điền kỳ)", "Yes: one year's results (fill in the period)";
    ChoiceNotResults => "Không: là quy định hằng năm, không phải kết quả", "No: a yearly rule, not results";
    Converted => "Đã quy đổi theo số được đánh giá:", "Converted with the number evaluated:";
    NotConverted => "Chưa quy đổi được sang số lượng (cần số được đánh giá): các số vẫn giữ nguyên, hãy nhập lại.", "Could not convert to counts (the number evaluated is needed): the figures are as they were, type them again.";
    OtherStill => "Tên ở ngôn ngữ kia vẫn là", "The other language still says";
    UpdateIt => "Sửa tên đó", "Update it";
    ClearIt => "Xoá tên đó", "Clear it";
    NoFigure => "chưa có số liệu", "no figure yet";
    NotATier => "mức này không có trong danh sách các mức", "this tier is not in the list of tiers";
    NotAGroup => "nhóm này không có trong các nhóm chính", "this group is not one of the main groups";
    Untitled => "Chưa có tiêu đề", "Untitled";
    TextDone => "Đã đọc như đoạn văn bản báo cáo và vẽ biểu đồ:", "Read as report text and drawn:";
    FiguresUsed => "số liệu dùng", "figures used";
    TextRead => "Đoạn văn đã đọc", "The text as read";
    TextHint => "Số được tô là số đã dùng: bấm vào để sửa ô của nó trong biểu mẫu. Số gạch mờ là số thấy nhưng không dùng.", "Highlighted figures are used: press one to correct its field in the form. Greyed ones were seen and not used.";
    NotUsedList => "Số thấy nhưng không dùng", "Figures seen, not used";
    WorkedOutList => "Số tính ra (không in trong văn bản)", "Figures worked out (not printed in the text)";
    Questions => "Cần bạn chọn", "For you to choose";
    FromText => "Từ văn bản:", "From the text:";
    GoesTo => "vào ô", "goes to";
    NotGiven => "không nêu (báo cáo không cho số của mức này)", "not given (the report gives no figure for this tier)";
    StillUntitled => "Biểu đồ chưa có tiêu đề: hãy đặt tiêu đề trước khi đăng.", "The chart has no title yet: give it one before publishing.";
}

/// `{sum}` and `{evaluated}` already written as numbers in `lang`.
pub fn sum_mismatch(lang: UiLang, sum: &str, evaluated: &str) -> String {
    match lang {
        UiLang::Vi => format!("các mức cộng lại là {sum}, khác số được đánh giá ({evaluated})"),
        UiLang::En => format!("the tiers add up to {sum}, not to the {evaluated} evaluated"),
    }
}

/// `{evaluated}` and `{total}` already written as numbers in `lang`.
pub fn above_total(lang: UiLang, evaluated: &str, total: &str) -> String {
    match lang {
        UiLang::Vi => format!("số được đánh giá ({evaluated}) lớn hơn tổng số ({total})"),
        UiLang::En => format!("more evaluated ({evaluated}) than the total ({total})"),
    }
}

/// `{share}` already written as a number in `lang`.
pub fn share_above_100(lang: UiLang, share: &str) -> String {
    match lang {
        UiLang::Vi => format!("tỉ lệ {share}% lớn hơn 100%"),
        UiLang::En => format!("the share {share}% is above 100%"),
    }
}

/// What the preview says about its size: drawn `width` px wide, shown at `percent`%.
pub fn fit_note(lang: UiLang, width: u32, percent: u32) -> String {
    match (lang, percent >= 100) {
        (UiLang::Vi, true) => format!("Vẽ rộng {width} px, đúng cỡ người đọc thấy."),
        (UiLang::Vi, false) => {
            format!("Vẽ rộng {width} px như người đọc thấy, thu nhỏ còn {percent}% cho vừa khung.")
        }
        (UiLang::En, true) => format!("Drawn {width} px wide, at the size readers see."),
        (UiLang::En, false) => {
            format!("Drawn {width} px wide as readers see it, shown at {percent}% to fit.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for &k in ALL {
            let (vi, en) = (w(UiLang::Vi, k), w(UiLang::En, k));
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
        }
    }
}
