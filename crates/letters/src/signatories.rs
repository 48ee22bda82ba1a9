//! Who has signed, in what state, and in what order they are printed.
//!
//! The state stored for a signatory (invited, signed, declined, withdrawn, verified) is read
//! against the current text: a signature whose recorded SHA-256 is not the current text's was
//! given to an earlier version, and counts for nothing until the signatory confirms again.

use std::cmp::Ordering;

use accord_core::{Letter, Signatory, SignatoryOrder, SignatureState};

/// A signatory and the state of their signature against the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatoryStatus {
    /// Position in the letter's list of signatories (`Letter::signatories`), which is the order
    /// they were added in.
    pub index: usize,
    pub signatory: Signatory,
    pub state: SignOnState,
}

/// Where a signature stands, as the coordinator and the public see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignOnState {
    /// Invited; has neither signed nor declined.
    Invited,
    /// Signed the current text; waiting for the coordinator to verify the signature.
    Signed,
    /// Signed (and perhaps was verified) when the text was different; not printed until they
    /// confirm the current text.
    SignedEarlierVersion {
        verified: bool,
    },
    Declined,
    Withdrawn,
    /// Signed the current text (or a bundle says so without a hash) and the coordinator checked
    /// the signature: printed under the letter.
    Verified,
}

impl SignOnState {
    /// The state of `signatory` against the text whose SHA-256 is `current_sha256`.
    ///
    /// A signature without a recorded hash (a bundle written by hand, as the reference letter is)
    /// is taken to be on the current text: there is nothing to compare it with.
    pub fn of(signatory: &Signatory, current_sha256: &str) -> SignOnState {
        let earlier = signatory
            .signed_text_sha256
            .as_deref()
            .is_some_and(|h| h != current_sha256);
        match (signatory.state, earlier) {
            (SignatureState::Invited, _) => SignOnState::Invited,
            (SignatureState::Declined, _) => SignOnState::Declined,
            (SignatureState::Withdrawn, _) => SignOnState::Withdrawn,
            (SignatureState::Signed, false) => SignOnState::Signed,
            (SignatureState::Verified, false) => SignOnState::Verified,
            (SignatureState::Signed, true) => SignOnState::SignedEarlierVersion { verified: false },
            (SignatureState::Verified, true) => {
                SignOnState::SignedEarlierVersion { verified: true }
            }
        }
    }

    /// Whether the organisation is printed under the letter.
    pub fn is_published(self) -> bool {
        self == SignOnState::Verified
    }

    /// How the state reads in a list ("signed an earlier version").
    pub fn label(self) -> &'static str {
        match self {
            SignOnState::Invited => "invited",
            SignOnState::Signed => "signed",
            SignOnState::SignedEarlierVersion { .. } => "signed an earlier version",
            SignOnState::Declined => "declined",
            SignOnState::Withdrawn => "withdrawn",
            SignOnState::Verified => "verified",
        }
    }
}

/// Every signatory of `letter` with their state, in the letter's order.
pub(crate) fn statuses(letter: &Letter, current_sha256: &str) -> Vec<SignatoryStatus> {
    let mut all: Vec<SignatoryStatus> = letter
        .signatories
        .iter()
        .enumerate()
        .map(|(index, s)| SignatoryStatus {
            index,
            signatory: s.clone(),
            state: if signed_a_version_only(letter, index, s) {
                SignOnState::Invited
            } else {
                SignOnState::of(s, current_sha256)
            },
        })
        .collect();
    all.sort_by(|a, b| compare(letter.signatory_order, a, b));
    all
}

/// Whether `s` (the letter's signatory `index`) signed one of the letter's versions in another
/// language and never the original: their state is `signed` or `verified` for that version, but
/// without a hash recorded for the original there is nothing saying they signed it (a sign link
/// used on a version leaves the original's hash as it was), so the original reads them as
/// invited. A bundle's signature without a hash and without any version signature still counts
/// as one on the current text.
fn signed_a_version_only(letter: &Letter, index: usize, s: &Signatory) -> bool {
    s.signed_text_sha256.is_none()
        && matches!(s.state, SignatureState::Signed | SignatureState::Verified)
        && letter
            .versions
            .iter()
            .any(|v| v.signature_of(index).is_some())
}

/// The letter's order: alphabetical ignoring case (as the reference letter prints "ASEAN" between
/// "Americans" and "Asia"), or by `order` with unnumbered signatories last. Ties fall back to the
/// exact name, then to the order of addition, so the order is total and stable.
fn compare(order: SignatoryOrder, a: &SignatoryStatus, b: &SignatoryStatus) -> Ordering {
    let name = |s: &SignatoryStatus| s.signatory.organisation.to_lowercase();
    let by_name = name(a)
        .cmp(&name(b))
        .then_with(|| a.signatory.organisation.cmp(&b.signatory.organisation));
    match order {
        SignatoryOrder::Alphabetical => by_name,
        SignatoryOrder::Manual => {
            let pos = |s: &SignatoryStatus| s.signatory.order.unwrap_or(u32::MAX);
            pos(a).cmp(&pos(b)).then(by_name)
        }
    }
    .then(a.index.cmp(&b.index))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = "1111111111111111111111111111111111111111111111111111111111111111";
    const EARLIER: &str = "2222222222222222222222222222222222222222222222222222222222222222";

    fn signatory(name: &str, state: SignatureState, hash: Option<&str>) -> Signatory {
        Signatory {
            organisation: name.to_owned(),
            country: None,
            representative: None,
            url: None,
            state,
            order: None,
            signed_text_sha256: hash.map(str::to_owned),
        }
    }

    fn check(state: SignatureState, hash: Option<&str>, expected: SignOnState, label: &str) {
        let got = SignOnState::of(&signatory("X", state, hash), CURRENT);
        assert_eq!(got, expected, "{state:?} with {hash:?}");
        assert_eq!(got.label(), label);
        assert_eq!(got.is_published(), expected == SignOnState::Verified);
    }

    #[test]
    fn every_state_against_the_current_text() {
        use SignatureState as S;
        check(S::Invited, None, SignOnState::Invited, "invited");
        check(S::Signed, Some(CURRENT), SignOnState::Signed, "signed");
        check(S::Declined, None, SignOnState::Declined, "declined");
        check(
            S::Withdrawn,
            Some(CURRENT),
            SignOnState::Withdrawn,
            "withdrawn",
        );
        check(
            S::Verified,
            Some(CURRENT),
            SignOnState::Verified,
            "verified",
        );
        check(S::Verified, None, SignOnState::Verified, "verified");
        check(
            S::Signed,
            Some(EARLIER),
            SignOnState::SignedEarlierVersion { verified: false },
            "signed an earlier version",
        );
        check(
            S::Verified,
            Some(EARLIER),
            SignOnState::SignedEarlierVersion { verified: true },
            "signed an earlier version",
        );
    }

    fn letter(order: SignatoryOrder, sigs: Vec<Signatory>) -> Letter {
        Letter {
            id: "l".into(),
            title: "t".into(),
            date: "2017-10-23".parse().expect("a date"),
            place: None,
            language: "en".into(),
            coordinator: None,
            body: String::new(),
            closing: None,
            signatory_order: order,
            addressees: Vec::new(),
            cc: Vec::new(),
            signatories: sigs,
            versions: Vec::new(),
        }
    }

    fn names(l: &Letter) -> Vec<String> {
        statuses(l, CURRENT)
            .into_iter()
            .map(|s| s.signatory.organisation)
            .collect()
    }

    #[test]
    fn alphabetical_order_ignores_case() {
        let v = SignatureState::Verified;
        let l = letter(
            SignatoryOrder::Alphabetical,
            [
                "Asia Democracy Network",
                "ASEAN MPs",
                "Americans for X",
                "asian forum",
            ]
            .into_iter()
            .map(|n| signatory(n, v, None))
            .collect(),
        );
        assert_eq!(
            names(&l),
            [
                "Americans for X",
                "ASEAN MPs",
                "Asia Democracy Network",
                "asian forum"
            ]
        );
    }

    #[test]
    fn manual_order_follows_order_then_name() {
        let mut sigs: Vec<Signatory> = ["C", "A", "B", "D"]
            .into_iter()
            .map(|n| signatory(n, SignatureState::Verified, None))
            .collect();
        sigs[0].order = Some(1);
        sigs[1].order = Some(3);
        sigs[2].order = Some(2);
        let l = letter(SignatoryOrder::Manual, sigs);
        assert_eq!(names(&l), ["C", "B", "A", "D"]);
    }
}
