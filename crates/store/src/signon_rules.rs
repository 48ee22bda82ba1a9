//! The sign-on rules that are not SQL, shared by every backend (issue 10 §1): a second backend
//! writes only the queries and calls these, so that a link is refused for the same reason, and a
//! name counts as taken by the same comparison, whatever database holds the letter.
//!
//! A new signatory's position and order are not here: both are "one after the highest", which
//! each backend computes in the same statement that reads the highest (`MAX(...) + 1`), inside
//! the transaction that inserts it.

use accord_core::SignatureState;

use crate::codec::corrupt;
use crate::{LinkOutcome, LinkPurpose, LinkStatus, LinkUse, StoreError};

/// A link's state at `now_unix`, from what is stored about it: when it expires (`None`: never)
/// and, once used, when and for what. Used beats expired: a link used before it expired still
/// says what it was used for. A link is expired from its expiry second on (`expires <= now`),
/// the same bound the claiming `UPDATE` uses (`expires_unix > now` to claim).
pub(crate) fn link_status(
    expires_unix: Option<i64>,
    used: Option<(i64, LinkUse)>,
    now_unix: i64,
) -> LinkStatus {
    if let Some((at_unix, outcome)) = used {
        return LinkStatus::Used { at_unix, outcome };
    }
    match expires_unix {
        Some(e) if e <= now_unix => LinkStatus::Expired { expired_unix: e },
        _ => LinkStatus::Open { expires_unix },
    }
}

/// A link's purpose as stored (the spelling [`LinkPurpose::as_str`] writes).
pub(crate) fn stored_purpose(case_id: &str, purpose: &str) -> Result<LinkPurpose, StoreError> {
    match purpose {
        "sign" => Ok(LinkPurpose::Sign),
        "withdraw" => Ok(LinkPurpose::Withdraw),
        other => Err(corrupt(case_id, format!("link purpose {other:?}"))),
    }
}

/// A link's state at `now_unix` from its stored columns: `expires_unix`, `used_unix` and
/// `outcome` (the spelling [`LinkUse::as_str`] writes), decoded, then judged by [`link_status`].
pub(crate) fn stored_status(
    case_id: &str,
    expires_unix: Option<i64>,
    used_unix: Option<i64>,
    outcome: Option<&str>,
    now_unix: i64,
) -> Result<LinkStatus, StoreError> {
    let used = match used_unix {
        None => None,
        Some(at_unix) => {
            let outcome = match outcome {
                Some("signed") => LinkUse::Signed,
                Some("declined") => LinkUse::Declined,
                Some("withdrawn") => LinkUse::Withdrawn,
                Some("replaced") => LinkUse::Replaced,
                other => return Err(corrupt(case_id, format!("link outcome {other:?}"))),
            };
            Some((at_unix, outcome))
        }
    };
    Ok(link_status(expires_unix, used, now_unix))
}

/// Why a link that could not be claimed for `wanted` was refused, given its state and what it
/// was made for. The precedence is the one the pages explain: a used link says what it was used
/// for (so signing twice reads "already signed", whatever the link); then a link of the other
/// kind says so (rather than "expired", which would send the person for a new link they do not
/// need); then expiry.
///
/// A link found open, of the right purpose, that the claim still did not take can only have
/// expired between the state being read and the claim (its expiry second is `now`): that is
/// answered as expired, at its expiry, or at `now` for a link that never expires.
pub(crate) fn refusal(
    status: LinkStatus,
    actual: LinkPurpose,
    wanted: LinkPurpose,
    now_unix: i64,
) -> LinkOutcome {
    match status {
        LinkStatus::Used { at_unix, outcome } => LinkOutcome::Used { at_unix, outcome },
        _ if actual != wanted => LinkOutcome::WrongPurpose { purpose: actual },
        LinkStatus::Expired { expired_unix } => LinkOutcome::Expired { expired_unix },
        LinkStatus::Open { expires_unix } => LinkOutcome::Expired {
            expired_unix: expires_unix.unwrap_or(now_unix),
        },
    }
}

/// Whether two signatories' names are the same name, compared as the core's validation compares
/// them (trimmed, ignoring case, in every script): two such names would print as one
/// organisation twice.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `name` is already printed by a signatory of a letter, among its (position, name)
/// pairs, leaving out `except_position` (the signatory who is renaming itself by signing).
pub(crate) fn name_taken(
    names: &[(i64, String)],
    name: &str,
    except_position: Option<i64>,
) -> bool {
    names
        .iter()
        .any(|(p, n)| Some(*p) != except_position && same_name(n, name))
}

/// What declining (through a sign link) or withdrawing (through a withdraw link) does: how the
/// link is marked used, the signatory's new state, and the audit action.
pub(crate) fn closing(purpose: LinkPurpose) -> (LinkUse, SignatureState, &'static str) {
    match purpose {
        LinkPurpose::Sign => (
            LinkUse::Declined,
            SignatureState::Declined,
            "signon.decline",
        ),
        LinkPurpose::Withdraw => (
            LinkUse::Withdrawn,
            SignatureState::Withdrawn,
            "signon.withdraw",
        ),
    }
}

/// How the audit list names a signatory of a letter: `letter #position: organisation`.
pub(crate) fn signatory_entry(letter_id: &str, position: i64, organisation: &str) -> String {
    format!("{letter_id} #{position}: {organisation}")
}

/// The audit list's actor for a step a signatory takes through a link (no account: the name).
pub(crate) fn signatory_actor(organisation: &str) -> String {
    format!("signatory: {organisation}")
}

/// The audit list's actor and detail for a signature: who signed for whom, and the text's hash.
pub(crate) fn signed(
    letter_id: &str,
    position: i64,
    representative: &str,
    organisation: &str,
    text_sha256: &str,
) -> (String, String) {
    (
        format!("signatory: {representative} for {organisation}"),
        format!("{letter_id} #{position}: {organisation} signed text {text_sha256}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000;

    /// One row of the link-status table: expiry, use, expected state.
    type StatusRow = (Option<i64>, Option<(i64, LinkUse)>, LinkStatus);

    #[test]
    fn link_status_table() {
        let used = Some((900, LinkUse::Signed));
        #[rustfmt::skip]
        let cases: &[StatusRow] = &[
            // Never expires, unused: open.
            (None, None, LinkStatus::Open { expires_unix: None }),
            // Expires later: open.
            (Some(NOW + 1), None, LinkStatus::Open { expires_unix: Some(NOW + 1) }),
            // Expires exactly now: already expired (the claim needs `expires > now`).
            (Some(NOW), None, LinkStatus::Expired { expired_unix: NOW }),
            (Some(NOW - 1), None, LinkStatus::Expired { expired_unix: NOW - 1 }),
            // Used beats expired, and beats open.
            (Some(NOW - 1), used, LinkStatus::Used { at_unix: 900, outcome: LinkUse::Signed }),
            (None, used, LinkStatus::Used { at_unix: 900, outcome: LinkUse::Signed }),
        ];
        for (expires, used, want) in cases {
            assert_eq!(
                link_status(*expires, *used, NOW),
                *want,
                "expires {expires:?}, used {used:?}"
            );
        }
    }

    #[test]
    fn refusal_precedence_table() {
        use LinkPurpose::{Sign, Withdraw};
        let used = LinkStatus::Used {
            at_unix: 900,
            outcome: LinkUse::Declined,
        };
        let expired = LinkStatus::Expired { expired_unix: 950 };
        #[rustfmt::skip]
        let cases: &[(LinkStatus, LinkPurpose, LinkPurpose, LinkOutcome)] = &[
            // Used beats wrong purpose and expiry.
            (used, Sign, Sign, LinkOutcome::Used { at_unix: 900, outcome: LinkUse::Declined }),
            (used, Sign, Withdraw, LinkOutcome::Used { at_unix: 900, outcome: LinkUse::Declined }),
            // Wrong purpose beats expired, and names the purpose the link has.
            (expired, Sign, Withdraw, LinkOutcome::WrongPurpose { purpose: Sign }),
            (expired, Withdraw, Sign, LinkOutcome::WrongPurpose { purpose: Withdraw }),
            (LinkStatus::Open { expires_unix: None }, Withdraw, Sign,
                LinkOutcome::WrongPurpose { purpose: Withdraw }),
            // Right purpose, expired.
            (expired, Sign, Sign, LinkOutcome::Expired { expired_unix: 950 }),
            // Right purpose, read as open but not claimed: it expired exactly now.
            (LinkStatus::Open { expires_unix: Some(NOW) }, Sign, Sign,
                LinkOutcome::Expired { expired_unix: NOW }),
            (LinkStatus::Open { expires_unix: None }, Withdraw, Withdraw,
                LinkOutcome::Expired { expired_unix: NOW }),
        ];
        for (status, actual, wanted, want) in cases {
            assert_eq!(
                refusal(*status, *actual, *wanted, NOW),
                *want,
                "{status:?}, a {actual:?} link used to {wanted:?}"
            );
        }
    }

    #[test]
    fn stored_columns_decode_and_refuse_what_no_backend_writes() {
        for p in [LinkPurpose::Sign, LinkPurpose::Withdraw] {
            assert_eq!(stored_purpose("c", p.as_str()).unwrap(), p);
        }
        assert!(stored_purpose("c", "sing").is_err());
        for u in [
            LinkUse::Signed,
            LinkUse::Declined,
            LinkUse::Withdrawn,
            LinkUse::Replaced,
        ] {
            assert_eq!(
                stored_status("c", None, Some(5), Some(u.as_str()), NOW).unwrap(),
                LinkStatus::Used {
                    at_unix: 5,
                    outcome: u
                }
            );
        }
        assert_eq!(
            stored_status("c", Some(NOW), None, None, NOW).unwrap(),
            LinkStatus::Expired { expired_unix: NOW }
        );
        let err = stored_status("c", None, Some(5), None, NOW).unwrap_err();
        assert!(err.to_string().contains("link outcome None"), "{err}");
    }

    #[test]
    fn audit_wording() {
        assert_eq!(
            signed("l", 3, "F. Person", "PEN Canada", "ab12"),
            (
                "signatory: F. Person for PEN Canada".to_owned(),
                "l #3: PEN Canada signed text ab12".to_owned()
            )
        );
        assert_eq!(signatory_entry("l", 0, "PEN"), "l #0: PEN");
        assert_eq!(signatory_actor("PEN"), "signatory: PEN");
        assert_eq!(
            closing(LinkPurpose::Sign),
            (
                LinkUse::Declined,
                SignatureState::Declined,
                "signon.decline"
            )
        );
        assert_eq!(
            closing(LinkPurpose::Withdraw),
            (
                LinkUse::Withdrawn,
                SignatureState::Withdrawn,
                "signon.withdraw"
            )
        );
    }

    #[test]
    fn same_name_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("PEN Canada", "PEN Canada", true),
            ("  PEN Canada ", "pen canada", true),
            ("PEN CANADA", "pen canada\t", true),
            // Case folding beyond ASCII (the core compares the same way).
            ("Svenska PEN Ö", "svenska pen ö", true),
            ("PEN Canada", "PEN Canad", false),
            ("PEN  Canada", "PEN Canada", false),
            ("", "x", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_name(a, b), *want, "{a:?} vs {b:?}");
            assert_eq!(same_name(b, a), *want, "{b:?} vs {a:?}");
        }
    }

    #[test]
    fn name_taken_table() {
        let names = vec![
            (0, "Human Rights Watch".to_owned()),
            (3, "PEN Sweden".to_owned()),
        ];
        let cases: &[(&str, Option<i64>, bool)] = &[
            ("human rights watch ", None, true),
            ("PEN Sweden", None, true),
            // The signatory itself may keep (or re-case) its own name.
            ("pen sweden", Some(3), false),
            // But not take another's.
            ("Human Rights Watch", Some(3), true),
            ("Amnesty International", None, false),
            // A position that is not in the list leaves nothing out.
            ("PEN Sweden", Some(7), true),
        ];
        for (name, except, want) in cases {
            assert_eq!(
                name_taken(&names, name, *except),
                *want,
                "{name:?} except {except:?}"
            );
        }
        assert!(!name_taken(&[], "Anyone", None));
    }
}
