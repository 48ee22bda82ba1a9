//! Signature states against the letter's text, end to end from a bundle: a signature records the
//! SHA-256 of the text; when the text changes, the signature reads "signed an earlier version"
//! and leaves the published letter until the signatory signs the new text.

use accord_letters::signon::{LinkToken, SignatureForm};
use accord_letters::{SignOnState, compose, render_html, render_markdown};

use crate::compose::{LETTER, case_with};

/// The test letter with one more signatory, "Gamma Trust", in `state` with `hash`.
fn letter_with(state: &str, hash: Option<&str>) -> String {
    let mut l = LETTER.to_owned();
    l.push_str(&format!(
        "\n[[signatories]]\norganisation = \"Gamma Trust\"\nstate = \"{state}\"\n"
    ));
    if let Some(h) = hash {
        l.push_str(&format!("signed_text_sha256 = \"{h}\"\n"));
    }
    l
}

fn gamma_state(body: &str, state: &str, hash: Option<&str>) -> (SignOnState, Vec<String>) {
    let c = compose(&case_with(&letter_with(state, hash), body), "l").expect("composes");
    let gamma = c
        .signatories
        .iter()
        .find(|s| s.signatory.organisation == "Gamma Trust")
        .expect("Gamma Trust is a signatory");
    (gamma.state, c.document.signatories.clone())
}

const BODY_V1: &str = "We ask you to act.\n";
const BODY_V2: &str = "We ask you to act now.\n";

fn current_hash(body: &str) -> String {
    compose(&case_with(LETTER, body), "l")
        .expect("composes")
        .signed_text
        .sha256
}

#[test]
fn every_state_from_invited_to_verified_and_back_to_an_earlier_version() {
    let v1 = current_hash(BODY_V1);
    let v2 = current_hash(BODY_V2);
    assert_ne!(v1, v2);

    let cases = [
        ("invited", None, BODY_V1, SignOnState::Invited, false),
        ("declined", None, BODY_V1, SignOnState::Declined, false),
        ("signed", Some(&v1), BODY_V1, SignOnState::Signed, false),
        ("verified", Some(&v1), BODY_V1, SignOnState::Verified, true),
        (
            "withdrawn",
            Some(&v1),
            BODY_V1,
            SignOnState::Withdrawn,
            false,
        ),
        // The text changed after they signed.
        (
            "signed",
            Some(&v1),
            BODY_V2,
            SignOnState::SignedEarlierVersion { verified: false },
            false,
        ),
        (
            "verified",
            Some(&v1),
            BODY_V2,
            SignOnState::SignedEarlierVersion { verified: true },
            false,
        ),
        // They signed the new text again, and the coordinator verified it.
        ("verified", Some(&v2), BODY_V2, SignOnState::Verified, true),
    ];
    for (state, hash, body, expected, published) in cases {
        let (got, printed) = gamma_state(body, state, hash.map(String::as_str));
        assert_eq!(got, expected, "{state} with {hash:?}");
        assert_eq!(
            printed.contains(&"Gamma Trust".to_owned()),
            published,
            "{state}: printed {printed:?}"
        );
    }
}

#[test]
fn an_earlier_version_is_labelled_and_left_out_of_every_format() {
    let v1 = current_hash(BODY_V1);
    let c = compose(
        &case_with(&letter_with("verified", Some(&v1)), BODY_V2),
        "l",
    )
    .expect("composes");
    let gamma = c
        .signatories
        .iter()
        .find(|s| s.signatory.organisation == "Gamma Trust")
        .expect("listed for the coordinator");
    assert_eq!(gamma.state.label(), "signed an earlier version");
    assert!(!render_markdown(&c.document).contains("Gamma Trust"));
    assert!(!render_html(&c.document).contains("Gamma Trust"));
}

#[test]
fn a_signature_form_checks_the_text_it_was_shown() {
    let v1 = current_hash(BODY_V1);
    let v2 = current_hash(BODY_V2);
    let form = SignatureForm {
        representative: "R. Person".into(),
        organisation: "Gamma Trust".into(),
        url: String::new(),
        text_sha256: v1.clone(),
    };
    assert_eq!(form.validate(&v1).expect("valid").text_sha256, v1);
    assert!(
        form.validate(&v2).is_err(),
        "the text changed under the signer"
    );
}

#[test]
fn links_are_unguessable_and_distinct() {
    let tokens: Vec<LinkToken> = (0..64)
        .map(|_| LinkToken::generate().expect("random"))
        .collect();
    let mut hashes: Vec<String> = tokens.iter().map(LinkToken::sha256).collect();
    hashes.sort();
    hashes.dedup();
    assert_eq!(hashes.len(), 64);
    for t in &tokens {
        assert_eq!(LinkToken::parse(t.as_str()).as_ref(), Ok(t));
    }
}
