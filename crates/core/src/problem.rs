//! What can go wrong with a results file, as data: every error and warning
//! of validation ([`Problem`] with its JSON path and [`ProblemKind`]) and
//! every reason a file could not be loaded ([`LoadError`]). The words for
//! each, in every language, are in [`crate::i18n`]; nothing here is text a
//! reader sees.

pub use crate::json::Syntax;

/// Files larger than this are refused (before parsing, and by the loader
/// as soon as it has read this many bytes).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Object,
    Array,
    String,
    Text,
    WholeNumber,
    SafeNumber,
    /// A percentage from 0 to 100 with at most six decimals.
    Share,
    /// A number, or an object with `value` or `or_better` (and `approx`).
    Figure,
}

/// Everything that can be wrong with (or worth saying about) a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Empty,
    Html,
    Syntax {
        line: usize,
        column: usize,
        detail: Syntax,
    },
    TooBig {
        bytes: usize,
        cap: usize,
    },
    Missing,
    WrongType {
        expected: Expect,
        found: String,
    },
    Version {
        found: String,
    },
    Count {
        min: usize,
        max: usize,
        found: usize,
    },
    Duplicate {
        id: String,
    },
    BadId {
        found: String,
    },
    UnknownTier {
        id: String,
    },
    UnknownGroup {
        id: String,
    },
    MissingTier {
        id: String,
    },
    BadUrl {
        found: String,
    },
    BadColor {
        found: String,
    },
    BadLang {
        found: String,
    },
    BadDate {
        found: String,
    },
    EmptyText,
    TooLong {
        max: usize,
        found: usize,
    },
    // Warnings:
    SumMismatch {
        sum: u64,
        evaluated: u64,
    },
    EvaluatedAboveTotal {
        evaluated: u64,
        total: u64,
    },
    UnknownField {
        name: String,
    },
    AllZero,
    // Shapes of real reports (format version 2):
    /// A field of version 2 in a version 1 file.
    NeedsVersion2,
    /// Both `counts` and `shares` in one group.
    CountsAndShares,
    /// A figure object with both (or neither) of `value` and `or_better`.
    ValueOrBetter,
    /// `approx` is not one of the words.
    BadApprox {
        found: String,
    },
    /// A share above 100%.
    ShareAbove100 {
        found: String,
    },
    /// An "or better" figure smaller than the better tiers together.
    OrBetterBelow {
        tier: String,
        value: String,
        better: String,
    },
    // Partial splits (format version 3):
    /// `null` (a tier not given) in a file of version 1 or 2.
    NeedsVersion3,
    /// Every tier `null`: a group without a split leaves out `counts`.
    NoneGiven,
    /// Counts with a tier not given but neither `evaluated` nor `total`:
    /// nothing to take the given tiers' share of.
    NotGivenNoBase,
    // Warnings:
    /// Shares that do not add up to 100 within the rounding of their
    /// decimals; `sum` is written with a dot (`99.8`).
    SharesSum {
        sum: String,
    },
    /// The tiers add up to more than the evaluated, by exactly the better
    /// tiers' figures: `tier` seems to be printed "or better".
    SeemsOrBetter {
        tier: String,
        value: u64,
        better: Vec<String>,
        better_sum: u64,
        sum: u64,
        evaluated: u64,
    },
    /// More notes than are shown (the first `shown` are).
    NotesLeftOut {
        shown: usize,
        found: usize,
    },
    /// The last of a capped list: `count` more errors (or warnings) that
    /// are not listed.
    More {
        count: usize,
    },
}

/// One error or warning: where in the file, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `groups[1].counts.good`; empty for the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

/// Why a results file could not be fetched or read (the browser shell's
/// loader returns these; their words are in [`crate::i18n::load_message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The address is not http(s) (e.g. `javascript:`) or cannot be parsed.
    BadAddress(String),
    /// The page was opened from disk and the browser refuses to read other files.
    FromDisk(String),
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// No answer: offline, refused, blocked by CORS, or cut off mid-way.
    Network { url: String },
    /// Larger than [`MAX_BYTES`], as declared or as read so far (a read
    /// stops at the limit, so the whole size is not always known).
    TooBig { url: String },
    /// No complete answer within the time limit.
    Timeout { url: String, seconds: u32 },
    /// A picked or dropped file that could not be read.
    Unreadable(String),
}

/// The site of an address: its scheme, host and port, without userinfo,
/// path, query or fragment (`https://me@data.example:8443/a?b` →
/// `https://data.example:8443`); the whole text when it has no `://` (a
/// picked file's name).
pub fn site(url: &str) -> String {
    let start = url.find("://").map_or(0, |i| i + 3);
    let mut host = start;
    let mut end = url.len();
    for (i, b) in url.bytes().enumerate().skip(start) {
        match b {
            b'@' => host = i + 1,
            b'/' | b'\\' | b'?' | b'#' => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    if start == 0 {
        return url.to_string();
    }
    url[..start].to_string() + &url[host..end]
}

impl LoadError {
    /// The same error naming only the file's site: on the full page and
    /// the iframe the rest of an address is anyone's text (`?data=`), and
    /// a message must not put it on the outlet's page.
    pub fn sites_only(&self) -> LoadError {
        let s = |u: &String| site(u);
        match self {
            LoadError::Status { url, status } => LoadError::Status {
                url: s(url),
                status: *status,
            },
            LoadError::Network { url } => LoadError::Network { url: s(url) },
            LoadError::TooBig { url } => LoadError::TooBig { url: s(url) },
            LoadError::Timeout { url, seconds } => LoadError::Timeout {
                url: s(url),
                seconds: *seconds,
            },
            other => other.clone(),
        }
    }

    /// Whether trying again may help (a flaky network, a busy server).
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadError::Network { .. }
                | LoadError::Timeout { .. }
                | LoadError::Status { status: 500.., .. }
        )
    }
}
