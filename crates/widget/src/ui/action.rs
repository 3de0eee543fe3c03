//! What a click or key on an element asks for, written into its `data-key`
//! and read back by the one listener of its list: the one place where the
//! keys are spelled.

use tier_breakdown_core::drill::SortKey;

/// An action named by an element's `data-key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the period at this index (`0`, `1`…).
    Period(usize),
    /// Choose the unit at this index in the search list (`o12`).
    Pick(usize),
    /// Back to the whole area (`whole`).
    Whole,
    /// Sort the ranking by a column (`sort-name`, `sort-count`, `sort-share`).
    Sort(SortKey),
    /// The ranking's row at this sorted position (`u3`).
    Row(usize),
}

impl Action {
    /// The `data-key` text.
    pub fn key(self) -> String {
        match self {
            Action::Period(i) => i.to_string(),
            Action::Pick(i) => format!("o{i}"),
            Action::Whole => "whole".into(),
            Action::Sort(SortKey::Name) => "sort-name".into(),
            Action::Sort(SortKey::Evaluated) => "sort-count".into(),
            Action::Sort(SortKey::Share) => "sort-share".into(),
            Action::Row(pos) => format!("u{pos}"),
        }
    }

    /// The action a `data-key` names, if any (the inverse of [`Action::key`]).
    pub fn parse(key: &str) -> Option<Action> {
        let num = |s: &str| s.parse::<usize>().ok();
        Some(match key {
            "whole" => Action::Whole,
            "sort-name" => Action::Sort(SortKey::Name),
            "sort-count" => Action::Sort(SortKey::Evaluated),
            "sort-share" => Action::Sort(SortKey::Share),
            _ => match key.as_bytes().first()? {
                b'o' => Action::Pick(num(&key[1..])?),
                b'u' => Action::Row(num(&key[1..])?),
                _ => Action::Period(num(key)?),
            },
        })
    }
}
