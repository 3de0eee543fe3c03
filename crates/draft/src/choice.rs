//! The values the editor's `<select>`s carry: each choice written and read
//! by its own type ([`Choice`]), one place, so the editor never spells a
//! value in one place and parses it in another.

use crate::draft::Basis;
use crate::table::{Dest, Role, Target};

/// A choice that round-trips through a `<select>`'s value.
pub trait Choice: Sized {
    /// The `<option value>`.
    fn value(&self) -> String;
    /// Back from an `<option value>`; `None` for a value no choice writes.
    fn from_value(v: &str) -> Option<Self>;
}

impl Choice for Role {
    fn value(&self) -> String {
        match self {
            Role::Tier(i) => format!("t{i}"),
            Role::NewTier => "new".into(),
            Role::Total => "total".into(),
            Role::Evaluated => "evaluated".into(),
            Role::Ignore => "ignore".into(),
        }
    }

    fn from_value(v: &str) -> Option<Role> {
        Some(match v {
            "new" => Role::NewTier,
            "total" => Role::Total,
            "evaluated" => Role::Evaluated,
            "ignore" => Role::Ignore,
            t => Role::Tier(t.strip_prefix('t')?.parse().ok()?),
        })
    }
}

impl Choice for Target {
    fn value(&self) -> String {
        match self {
            Target::Groups => "groups".into(),
            Target::Units(g) => format!("units-{g}"),
        }
    }

    fn from_value(v: &str) -> Option<Target> {
        match v {
            "groups" => Some(Target::Groups),
            u => u.strip_prefix("units-")?.parse().ok().map(Target::Units),
        }
    }
}

impl Choice for Dest {
    fn value(&self) -> String {
        match self {
            Dest::Auto => "auto".into(),
            Dest::Skip => "skip".into(),
            Dest::To(id) => format!("to:{id}"),
        }
    }

    fn from_value(v: &str) -> Option<Dest> {
        match v {
            "auto" => Some(Dest::Auto),
            "skip" => Some(Dest::Skip),
            to => to.strip_prefix("to:").map(|id| Dest::To(id.to_string())),
        }
    }
}

impl Choice for Basis {
    fn value(&self) -> String {
        match self {
            Basis::Counts => "counts",
            Basis::Shares => "shares",
            Basis::None => "none",
        }
        .into()
    }

    fn from_value(v: &str) -> Option<Basis> {
        Some(match v {
            "counts" => Basis::Counts,
            "shares" => Basis::Shares,
            "none" => Basis::None,
            _ => return None,
        })
    }
}

impl Choice for bool {
    fn value(&self) -> String {
        self.to_string()
    }

    fn from_value(v: &str) -> Option<bool> {
        v.parse().ok()
    }
}
