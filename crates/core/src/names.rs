//! Closed vocabularies (verdicts, kinds, roles) and their one spelling in files, URLs and JSON.
//!
//! Each vocabulary is a plain enum with a table of names. Keeping the table next to the enum means
//! a new variant cannot be added without giving it a name, and parsing reports the accepted names.

/// A closed vocabulary with one canonical lower-case name per variant.
pub trait Named: Sized + Copy + PartialEq + 'static {
    /// What the vocabulary is called in error messages ("verdict", "incident kind").
    const WHAT: &'static str;
    /// Every variant with its name, in the order they are listed to users.
    const NAMES: &'static [(Self, &'static str)];

    /// The canonical name.
    fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, n)| n)
    }

    /// Parse a canonical name; the error lists what is accepted.
    fn from_name(name: &str) -> Result<Self, UnknownName> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
            .ok_or_else(|| UnknownName {
                what: Self::WHAT,
                got: name.to_owned(),
                expected: Self::NAMES
                    .iter()
                    .map(|(_, n)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Every variant, in listing order.
    fn all() -> impl Iterator<Item = Self> {
        Self::NAMES.iter().map(|(v, _)| *v)
    }
}

/// A name outside a closed vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {got:?} (expected one of: {expected})")]
pub struct UnknownName {
    pub what: &'static str,
    pub got: String,
    pub expected: String,
}
