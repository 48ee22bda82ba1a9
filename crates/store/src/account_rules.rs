//! The account rules that are not SQL, shared by every backend (issue 13 §1): how an address is
//! compared, how often a session's or token's "last used" time is written, and what the audit list
//! says of each account change. A backend writes only the queries and calls these, so an account
//! behaves and is logged the same whatever database holds it.

use accord_core::{CaseRole, Named};

use crate::{Attribution, NewApiToken, clock};

/// A session's or token's "last used" time is written at most this often (seconds): often enough
/// for the idle timeout and the account page, rarely enough not to make every request a write.
pub(crate) const TOUCH_EVERY: i64 = 60;

/// E-mail addresses compare case-insensitively; they are stored trimmed and lower-cased.
pub(crate) fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether a "last used" time (`None`: never) is old enough to be written again at `now_unix`.
pub(crate) fn due_for_touch(last_unix: Option<i64>, now_unix: i64) -> bool {
    last_unix.is_none_or(|l| l <= now_unix.saturating_sub(TOUCH_EVERY))
}

/// The audit detail of a new account.
pub(crate) fn user_created(email: &str, is_admin: bool) -> String {
    format!("{email}{}", if is_admin { " (admin)" } else { "" })
}

/// The audit detail of a role given or taken away.
pub(crate) fn member_set(user_id: i64, role: Option<CaseRole>) -> String {
    format!(
        "user {user_id}: {}",
        role.map_or("removed", CaseRole::as_str)
    )
}

/// The audit detail of "sign out everywhere" (`kept`: the current session stays).
pub(crate) fn sessions_ended(email: &str, ended: u64, kept: bool) -> String {
    format!(
        "{email}: {ended} session(s) ended{}",
        if kept { ", this one kept" } else { "" }
    )
}

/// The audit detail of a new password.
pub(crate) fn password_changed(email: &str, ended: u64) -> String {
    format!("{email}: password changed, {ended} other session(s) ended")
}

/// The audit action and detail of disabling (with the sessions it ended) or enabling an account.
pub(crate) fn disabled(email: &str, ended: Option<u64>) -> (&'static str, String) {
    match ended {
        Some(ended) => (
            "user.disable",
            format!("{email}: disabled, {ended} session(s) ended"),
        ),
        None => ("user.enable", format!("{email}: enabled")),
    }
}

/// The audit detail of a new API token: its name, scope and expiry, never its secret.
pub(crate) fn token_created(email: &str, t: &NewApiToken) -> String {
    format!(
        "{email}: {:?}{}{}",
        t.name,
        if t.read_only { ", read-only" } else { "" },
        t.expires_unix
            .map(|e| format!(
                ", expires {}",
                clock::format_unix(u64::try_from(e).unwrap_or(0))
            ))
            .unwrap_or_default()
    )
}

/// The audit detail of a revoked token.
pub(crate) fn token_revoked(email: &str, name: &str) -> String {
    format!("{email}: {name:?}")
}

/// The audit detail of a choice of attribution: the choice, not the names (the log is kept for
/// ever and names may be withdrawn later).
pub(crate) fn attribution_set(a: &Attribution) -> String {
    format!("named by {} in published views", a.shown_as.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ShownAs;

    #[test]
    fn addresses_compare_trimmed_and_lower_cased() {
        assert_eq!(normalise_email("  Ana@Example.ORG "), "ana@example.org");
        assert_eq!(normalise_email("ÉLODIE@example.org"), "élodie@example.org");
    }

    #[test]
    fn last_used_is_written_at_most_once_a_minute() {
        let now = 10_000;
        let cases: &[(Option<i64>, bool)] = &[
            (None, true),
            (Some(now - TOUCH_EVERY), true),
            (Some(now - TOUCH_EVERY - 1), true),
            (Some(now - TOUCH_EVERY + 1), false),
            (Some(now), false),
        ];
        for (last, want) in cases {
            assert_eq!(due_for_touch(*last, now), *want, "{last:?}");
        }
    }

    #[test]
    fn audit_details_name_no_secret() {
        let t = NewApiToken {
            name: "ci".into(),
            token_sha256: "digest-never-logged".into(),
            expires_unix: Some(0),
            read_only: true,
        };
        let detail = token_created("a@example.org", &t);
        assert_eq!(
            detail,
            "a@example.org: \"ci\", read-only, expires 1970-01-01T00:00:00Z"
        );
        assert!(!detail.contains("digest"));
        assert_eq!(user_created("a@example.org", true), "a@example.org (admin)");
        assert_eq!(member_set(3, None), "user 3: removed");
        assert_eq!(member_set(3, Some(CaseRole::Editor)), "user 3: editor");
        assert_eq!(
            sessions_ended("a@example.org", 2, true),
            "a@example.org: 2 session(s) ended, this one kept"
        );
        assert_eq!(
            disabled("a@example.org", None),
            ("user.enable", "a@example.org: enabled".to_owned())
        );
        let a = Attribution {
            display_name: Some("Ana".into()),
            organisation: None,
            shown_as: ShownAs::Name,
        };
        assert_eq!(attribution_set(&a), "named by name in published views");
    }
}
