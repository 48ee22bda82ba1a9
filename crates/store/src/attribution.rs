//! How the members of a case are named to readers who are not members of it.
//!
//! A published case is read by anyone, and the people who document abuses are watched by those
//! they document. So what a member wrote or reviewed is attributed, outside the case, only as the
//! member chooses: a display name, their organisation, or only their role in the case (the
//! default). E-mail addresses are for members of the case. These rules are not SQL: every backend
//! shares them.

use accord_core::names::UnknownName;
use accord_core::{CaseRole, Named};

/// What a member is named by in a published view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ShownAs {
    /// Their display name.
    Name,
    /// Their organisation.
    Organisation,
    /// Only their role in the case ("an editor of the case").
    #[default]
    Role,
}

impl Named for ShownAs {
    const WHAT: &'static str = "attribution";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Name, "name"),
        (Self::Organisation, "organisation"),
        (Self::Role, "role"),
    ];
}

/// The longest display name or organisation name accepted (characters).
pub const MAX_ATTRIBUTION_CHARS: usize = 200;

/// A member's choice of attribution, with the names it may use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub display_name: Option<String>,
    pub organisation: Option<String>,
    pub shown_as: ShownAs,
}

/// Why an attribution was refused, naming the form or API field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct AttributionError {
    pub field: &'static str,
    pub message: String,
}

impl Attribution {
    /// Check a choice as typed: names are trimmed (empty means none), at most
    /// [`MAX_ATTRIBUTION_CHARS`] characters, without control characters; being named by a display
    /// name or an organisation needs that name.
    pub fn new(
        display_name: Option<&str>,
        organisation: Option<&str>,
        shown_as: &str,
    ) -> Result<Self, AttributionError> {
        let shown_as = ShownAs::from_name(shown_as).map_err(|e: UnknownName| AttributionError {
            field: "shown_as",
            message: e.to_string(),
        })?;
        let display_name = clean("display_name", display_name)?;
        let organisation = clean("organisation", organisation)?;
        let missing = match shown_as {
            ShownAs::Name if display_name.is_none() => Some("display_name"),
            ShownAs::Organisation if organisation.is_none() => Some("organisation"),
            _ => None,
        };
        if let Some(field) = missing {
            return Err(AttributionError {
                field,
                message: "is needed to be named by it; leave it empty only to be named by role"
                    .into(),
            });
        }
        Ok(Attribution {
            display_name,
            organisation,
            shown_as,
        })
    }

    /// The words a reader outside the case sees for this member, whose role in the case is
    /// `role` (none for a former member or an instance administrator who is not a member).
    pub fn public_name(&self, role: Option<CaseRole>) -> String {
        let chosen = match self.shown_as {
            ShownAs::Name => self.display_name.as_deref(),
            ShownAs::Organisation => self.organisation.as_deref(),
            ShownAs::Role => None,
        };
        match (chosen, role) {
            (Some(name), _) => name.to_owned(),
            (None, Some(CaseRole::Owner)) => "an owner of the case".to_owned(),
            (None, Some(CaseRole::Editor)) => "an editor of the case".to_owned(),
            (None, Some(CaseRole::Reviewer)) => "a reviewer of the case".to_owned(),
            (None, Some(CaseRole::Viewer) | None) => UNNAMED_MEMBER.to_owned(),
        }
    }
}

/// What a reader outside a case sees for someone the case cannot name otherwise.
pub const UNNAMED_MEMBER: &str = "a member of the case";

/// An account as readers outside one case may see it: its address (the key under which records
/// name it), its choice, and its role in that case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicAuthor {
    pub email: String,
    pub attribution: Attribution,
    pub role: Option<CaseRole>,
}

fn clean(field: &'static str, value: Option<&str>) -> Result<Option<String>, AttributionError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > MAX_ATTRIBUTION_CHARS {
        return Err(AttributionError {
            field,
            message: format!("is longer than {MAX_ATTRIBUTION_CHARS} characters"),
        });
    }
    if v.chars().any(char::is_control) {
        return Err(AttributionError {
            field,
            message: "holds a control character".into(),
        });
    }
    Ok(Some(v.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_is_the_default_and_names_no_one() {
        let a = Attribution::default();
        assert_eq!(a.shown_as, ShownAs::Role);
        assert_eq!(
            a.public_name(Some(CaseRole::Reviewer)),
            "a reviewer of the case"
        );
        assert_eq!(a.public_name(None), UNNAMED_MEMBER);
        // Names given but not chosen are not shown.
        let a = Attribution::new(Some("Dara"), Some("LICADHO"), "role").unwrap();
        assert_eq!(
            a.public_name(Some(CaseRole::Editor)),
            "an editor of the case"
        );
    }

    #[test]
    fn a_chosen_name_or_organisation_is_shown() {
        let a = Attribution::new(Some("  Dara  "), None, "name").unwrap();
        assert_eq!(a.public_name(Some(CaseRole::Owner)), "Dara");
        let a = Attribution::new(None, Some("ADHOC"), "organisation").unwrap();
        assert_eq!(a.public_name(None), "ADHOC");
    }

    #[test]
    fn refusals_name_the_field() {
        let e = Attribution::new(None, Some("ADHOC"), "name").unwrap_err();
        assert_eq!(e.field, "display_name");
        let e = Attribution::new(Some("x"), Some("  "), "organisation").unwrap_err();
        assert_eq!(e.field, "organisation");
        let e = Attribution::new(None, None, "email").unwrap_err();
        assert_eq!(e.field, "shown_as");
        let e = Attribution::new(Some("a\u{7}b"), None, "name").unwrap_err();
        assert_eq!(e.field, "display_name");
        let long = "x".repeat(MAX_ATTRIBUTION_CHARS + 1);
        let e = Attribution::new(None, Some(&long), "role").unwrap_err();
        assert_eq!(e.field, "organisation");
        assert!(Attribution::new(None, Some(&long[1..]), "role").is_ok());
    }
}
