//! Stacking counts into 100% bars, after Observable Plot's stack transform
//! with the `normalize` offset: tiers in their explicit order, zero counts
//! take no width, an all-zero group gives no segments (never NaN).
//!
//! Shares are whole tenths of a percent, rounded with the largest-remainder
//! (Hamilton) method: each share is first rounded down, then the tenths still
//! missing go to the largest remainders (ties: the larger count, then the
//! earlier tier). So a bar's shares always add up to exactly 100,0%, and the
//! combined share of selected tiers is the sum of the shares shown, never a
//! figure that disagrees with them by 0,1.

/// One tier's piece of a 100% bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Index into the dataset's tiers.
    pub tier: usize,
    pub count: u64,
    /// Start and end as fractions of the bar, 0.0 to 1.0.
    pub x0: f64,
    pub x1: f64,
    /// Share in tenths of a percent (162 = 16,2%).
    pub tenths: u32,
}

/// A stacked 100% bar: the base (sum of tier counts) and one segment per non-zero tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    pub sum: u64,
    pub segments: Vec<Segment>,
}

/// Shares of each count in tenths of a percent, adding up to exactly 1000
/// (or all zero when the counts are).
///
/// ```
/// use tier_breakdown_core::stack::shares;
/// assert_eq!(shares(&[15397, 74551, 4492, 437]), vec![162, 786, 47, 5]);
/// assert_eq!(shares(&[999, 1]), vec![999, 1]);
/// assert_eq!(shares(&[0, 0]), vec![0, 0]);
/// ```
pub fn shares(counts: &[u64]) -> Vec<u32> {
    let sum: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    if sum == 0 {
        return vec![0; counts.len()];
    }
    let mut out: Vec<u32> = Vec::with_capacity(counts.len());
    let mut rems: Vec<(u128, u64, usize)> = Vec::with_capacity(counts.len());
    for (i, &c) in counts.iter().enumerate() {
        let scaled = u128::from(c) * 1000;
        out.push((scaled / sum) as u32);
        rems.push((scaled % sum, c, i));
    }
    let given: u32 = out.iter().sum();
    // Largest remainder first; ties to the larger count, then the earlier tier.
    // (An insertion sort: a bar has a handful of tiers, and the standard
    // library's sorts cost the readers' bundle ~1 KB of brotli each.)
    for i in 1..rems.len() {
        let mut j = i;
        while j > 0
            && (rems[j].0, rems[j].1, usize::MAX - rems[j].2)
                > (rems[j - 1].0, rems[j - 1].1, usize::MAX - rems[j - 1].2)
        {
            rems.swap(j, j - 1);
            j -= 1;
        }
    }
    for &(rem, _, i) in rems.iter().take(1000usize.saturating_sub(given as usize)) {
        if rem > 0 {
            out[i] += 1;
        }
    }
    out
}

/// Stacks one group's counts (in tier order) into a 100% bar.
///
/// ```
/// use tier_breakdown_core::stack::stack;
/// let s = stack(&[131, 539, 25, 0]);
/// assert_eq!(s.sum, 695);
/// assert_eq!(s.segments.len(), 3); // the zero tier takes no room
/// assert_eq!(s.segments[2].x1, 1.0);
/// ```
pub fn stack(counts: &[u64]) -> Stack {
    let sum: u64 = counts.iter().sum();
    let tenths = shares(counts);
    let mut segments = Vec::new();
    if sum > 0 {
        let mut acc = 0u64;
        for (tier, &count) in counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let x0 = acc as f64 / sum as f64;
            acc += count;
            let x1 = if acc == sum {
                1.0
            } else {
                acc as f64 / sum as f64
            };
            segments.push(Segment {
                tier,
                count,
                x0,
                x1,
                tenths: tenths[tier],
            });
        }
    }
    Stack { sum, segments }
}

/// A group's shares in tenths of a percent: each tier's (in tier order; 0
/// for a tier not given) and the not-given rest's, all adding up to 1000.
///
/// ```
/// use tier_breakdown_core::model::{Group, Text};
/// use tier_breakdown_core::stack::group_shares;
/// let mut g = Group::of_counts("o", Text::plain("vi", "o"), vec![12, 49, 0, 0]);
/// g.not_given = 0b1100;
/// g.evaluated = Some(64);
/// assert_eq!(group_shares(&g), (vec![187, 766, 0, 0], 47));
/// ```
#[inline(never)]
pub fn group_shares(g: &crate::model::Group) -> (Vec<u32>, u32) {
    use crate::model::Slot;
    let slots = g.slots();
    let weights: Vec<u64> = slots.iter().map(|s| s.1).collect();
    let mut tiers = vec![0; g.counts.len()];
    let mut rest = 0;
    for ((slot, _), t) in slots.iter().zip(shares(&weights)) {
        match slot {
            Slot::Tier(i) => tiers[*i] = t,
            Slot::Rest => rest = t,
        }
    }
    (tiers, rest)
}

/// A partial split's pieces: each as the tiers it holds (a tier, an "or
/// better" block with the not-given better tiers, the not-given rest)
/// and its share in tenths; empty when the report gives every tier.
#[inline(never)]
pub fn pieces(g: &crate::model::Group) -> Vec<(Selection, u32)> {
    if g.not_given == 0 {
        return Vec::new();
    }
    let (tenths, rest) = group_shares(g);
    let mut out: Vec<(Selection, u32)> = tenths
        .iter()
        .enumerate()
        .map(|(i, &t)| (Selection(g.block_at(i)), t))
        .collect();
    out.push((Selection(g.rest_tiers()), rest));
    out
}

/// Coverage (`evaluated / total`) in tenths of a percent, rounded to nearest
/// but never 100,0% unless all were evaluated and never 0,0% unless none were.
///
/// ```
/// use tier_breakdown_core::stack::coverage;
/// assert_eq!(coverage(695, 698), 996);
/// assert_eq!(coverage(99_999, 100_000), 999);
/// assert_eq!(coverage(1, 100_000), 1);
/// assert_eq!(coverage(5, 0), 0);
/// ```
pub fn coverage(evaluated: u64, total: u64) -> u32 {
    if total == 0 || evaluated == 0 {
        return 0;
    }
    let e = u128::from(evaluated.min(total));
    let t = u128::from(total);
    let rounded = ((e * 2000 + t) / (2 * t)) as u32;
    if e < t {
        rounded.clamp(1, 999)
    } else {
        1000
    }
}

/// A set of selected tiers (at most 8), as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection(pub u8);

impl Selection {
    /// Whether a selected tier is flagged in `flags` (in tier order; a tier
    /// past its end is not), e.g. whether a combined share adds an
    /// approximate figure.
    pub fn any_of(self, flags: &[bool]) -> bool {
        self.tiers().any(|i| flags.get(i).copied().unwrap_or(false))
    }

    /// The tiers of `d` whose ids are listed (unknown ids are ignored).
    pub fn from_ids(d: &crate::model::Dataset, ids: &[String]) -> Selection {
        d.tiers
            .iter()
            .enumerate()
            .filter(|(_, t)| ids.contains(&t.id))
            .fold(Selection::default(), |s, (i, _)| s.toggled(i))
    }

    /// The selection a chart starts with: the tiers a link or embed code
    /// asks for (`asked`, ids; one that names no tier, such as `none`,
    /// selects nothing), else the file's `highlight`, else the two best
    /// tiers (the best alone when there are two).
    ///
    /// ```
    /// use tier_breakdown_core::{seed::SEED_JSON, stack::Selection, validate::check};
    /// let d = check(SEED_JSON).map(|c| c.dataset).map_err(|_| ()).unwrap();
    /// assert_eq!(Selection::start(&d, &[]), Selection(0b11));
    /// assert_eq!(Selection::start(&d, &["none".into()]), Selection(0));
    /// ```
    pub fn start(d: &crate::model::Dataset, asked: &[String]) -> Selection {
        match (asked, &d.highlight) {
            ([], Some(ids)) => Selection::from_ids(d, ids),
            ([], None) => Selection((1u8 << d.tiers.len().saturating_sub(1).clamp(1, 2)) - 1),
            _ => Selection::from_ids(d, asked),
        }
    }

    /// The selected tiers' ids, comma-separated, for a link to this view;
    /// `none` when nothing is selected (an empty list would bring the
    /// file's highlight back, see [`Selection::start`]).
    pub fn ids(self, d: &crate::model::Dataset) -> String {
        let mut ids = String::new();
        for t in self.tiers().filter_map(|i| d.tiers.get(i)) {
            if !ids.is_empty() {
                ids.push(',');
            }
            ids.push_str(&t.id);
        }
        if ids.is_empty() {
            ids.push_str("none");
        }
        ids
    }

    pub fn contains(self, tier: usize) -> bool {
        tier < 8 && self.0 & (1 << tier) != 0
    }

    /// The set with `tier` flipped.
    pub fn toggled(self, tier: usize) -> Selection {
        if tier < 8 {
            Selection(self.0 ^ (1 << tier))
        } else {
            self
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Selected tier indices in order.
    pub fn tiers(self) -> impl Iterator<Item = usize> {
        (0..8).filter(move |&t| self.contains(t))
    }

    /// How many were counted in the selected tiers.
    pub fn part(self, counts: &[u64]) -> u64 {
        self.tiers().filter_map(|i| counts.get(i)).sum()
    }

    /// Combined share of the selected tiers in tenths, and whether it is
    /// only a lower bound: with `pieces` (see [`pieces`]), the pieces
    /// wholly selected, a piece partly selected making it "at least".
    ///
    /// ```
    /// use tier_breakdown_core::stack::Selection;
    /// let pieces = [(Selection(0b0011), 976), (Selection(0b0100), 19), (Selection(0b1000), 5)];
    /// assert_eq!(Selection(0b0011).share(&[], &pieces), (976, false));
    /// assert_eq!(Selection(0b0010).share(&[], &pieces), (0, true));
    /// assert_eq!(Selection(0b1110).share(&[], &pieces), (24, true));
    /// ```
    #[inline(never)]
    pub fn share(self, tenths: &[u32], pieces: &[(Selection, u32)]) -> (u32, bool) {
        if pieces.is_empty() {
            return (self.combined(tenths), false);
        }
        pieces.iter().fold((0, false), |(sum, more), &(piece, t)| {
            let taken = Selection(piece.0 & self.0);
            if taken == piece {
                (sum + t, more)
            } else {
                (sum, more || !taken.is_empty())
            }
        })
    }

    /// Combined share of the selected tiers, in tenths: the sum of the shares shown.
    pub fn combined(self, tenths: &[u32]) -> u32 {
        tenths
            .iter()
            .enumerate()
            .filter(|(i, _)| self.contains(*i))
            .map(|(_, t)| t)
            .sum()
    }
}
