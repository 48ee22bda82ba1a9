//! Sign-on: the secrets behind sign and withdraw links, and the checks on what an organisation
//! submits when it signs. The store keeps only each link's SHA-256 and the state; this module
//! makes the links and decides what a valid signature is.
//!
//! How sign-on works, end to end:
//! 1. The coordinator invites an organisation (name, country, contact). A [`LinkToken`] is made
//!    from the operating system's random source (256 bits); the store records the invitation
//!    (a signatory in state `invited`) and the token's SHA-256 with an expiry
//!    ([`SIGN_LINK_DAYS`] by default). The link `/sign/{token}` is shown to the coordinator
//!    once, to send to the organisation.
//! 2. Opening the link shows the exact signed text ([`crate::SignedText`]) and its SHA-256. The
//!    organisation signs (representative's name, the organisation's name as it should be
//!    printed, an optional URL) or declines. Either uses the link up: a used or expired link
//!    answers with what happened to it, and signing twice changes nothing.
//! 3. Signing records the SHA-256 of the text shown, and makes a second, withdraw-only link,
//!    shown once to the signatory: opening it later withdraws the signature.
//! 4. The coordinator verifies signatures; only verified signatures of the current text are
//!    printed. When the text changes, earlier signatures read "signed an earlier version"
//!    ([`crate::SignOnState`]) until the coordinator sends a new sign link and the
//!    organisation signs the new text.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// How long a sign link stays valid unless the coordinator chooses otherwise.
pub const SIGN_LINK_DAYS: i64 = 30;

/// Bytes of randomness in a link: 256 bits, well above the 128 needed to make guessing futile.
const TOKEN_BYTES: usize = 32;
/// Characters of a token in unpadded base64url.
const TOKEN_CHARS: usize = 43;

/// The secret part of a sign or withdraw link. Only its SHA-256 is ever stored; `Debug` does not
/// show it.
#[derive(Clone, PartialEq, Eq)]
pub struct LinkToken(String);

impl LinkToken {
    /// A new token from the operating system's random source — the one place this crate asks
    /// the operating system for anything.
    pub fn generate() -> Result<LinkToken, SignOnError> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| SignOnError::Random {
            message: e.to_string(),
        })?;
        Ok(LinkToken::from_bytes(bytes))
    }

    /// A token from given random bytes (tests, or a caller with its own random source).
    pub fn from_bytes(bytes: [u8; TOKEN_BYTES]) -> LinkToken {
        LinkToken(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// A token as it arrives in a URL. Anything that is not the shape of a token is refused
    /// before the store is asked, so a malformed link costs no lookup.
    pub fn parse(text: &str) -> Result<LinkToken, SignOnError> {
        let ok = text.len() == TOKEN_CHARS
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && URL_SAFE_NO_PAD.decode(text).is_ok();
        if ok {
            Ok(LinkToken(text.to_owned()))
        } else {
            Err(SignOnError::MalformedLink)
        }
    }

    /// The token itself, to put in a link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the store keeps: the SHA-256 of the token's text, in lower-case hexadecimal.
    pub fn sha256(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LinkToken(<redacted>)")
    }
}

/// When a new sign link expires, as Unix seconds: `days` after `now_unix`.
pub fn expiry(now_unix: i64, days: i64) -> i64 {
    now_unix.saturating_add(days.saturating_mul(86_400))
}

/// An invitation as the coordinator fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InvitationForm {
    pub organisation: String,
    pub country: String,
    /// An e-mail address or other way to reach the organisation; never published.
    pub contact: String,
}

/// An invitation that passed [`InvitationForm::validate`]: trimmed, with empty optional fields
/// as `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub organisation: String,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<String>,
    pub contact: String,
}

impl InvitationForm {
    pub fn validate(&self) -> Result<Invitation, SignOnError> {
        let organisation = required("organisation", &self.organisation, MAX_NAME)?;
        let contact = required("contact", &self.contact, MAX_NAME)?;
        let country = self.country.trim();
        let country = if country.is_empty() {
            None
        } else if country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic()) {
            Some(country.to_ascii_uppercase())
        } else {
            return Err(SignOnError::Invalid {
                field: "country",
                message: format!("{country:?} is not a two-letter country code such as SE or KH"),
            });
        };
        Ok(Invitation {
            organisation,
            country,
            contact,
        })
    }
}

/// A signature as the organisation fills it in on the sign page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignatureForm {
    /// Who signs for the organisation.
    pub representative: String,
    /// The organisation's name as it should be printed under the letter.
    pub organisation: String,
    /// Optional: the organisation's web site.
    pub url: String,
    /// The SHA-256 of the text the page showed, sent back with the form.
    pub text_sha256: String,
}

/// A signature that passed [`SignatureForm::validate`] against the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub representative: String,
    pub organisation: String,
    pub url: Option<String>,
    /// The SHA-256 of the text signed (the current text).
    pub text_sha256: String,
}

/// Longest accepted name (characters): longer is a mistake or an abuse, not an organisation.
const MAX_NAME: usize = 300;

impl SignatureForm {
    /// Checks the form. `current_sha256` is the SHA-256 of the letter's text now: if the page
    /// showed another text (the letter changed while it was open), the signature is refused
    /// with [`SignOnError::TextChanged`], so nobody signs a text they did not see.
    pub fn validate(&self, current_sha256: &str) -> Result<Signature, SignOnError> {
        let representative = required("representative", &self.representative, MAX_NAME)?;
        let organisation = required("organisation", &self.organisation, MAX_NAME)?;
        let url = self.url.trim();
        let url = if url.is_empty() {
            None
        } else {
            // The core's rule, the same as for sources' addresses: only http(s), a host, no
            // whitespace, not too long.
            if !accord_core::validate::is_web_url(url) {
                return Err(SignOnError::Invalid {
                    field: "url",
                    message: format!("{url:?} is not a web address starting with https://"),
                });
            }
            Some(url.to_owned())
        };
        if self.text_sha256.trim() != current_sha256 {
            return Err(SignOnError::TextChanged {
                shown: self.text_sha256.trim().to_owned(),
                current: current_sha256.to_owned(),
            });
        }
        Ok(Signature {
            representative,
            organisation,
            url,
            text_sha256: current_sha256.to_owned(),
        })
    }
}

fn required(field: &'static str, value: &str, max: usize) -> Result<String, SignOnError> {
    let value = crate::escape::one_line(value.trim());
    if value.is_empty() {
        return Err(SignOnError::Invalid {
            field,
            message: "is required".to_owned(),
        });
    }
    if value.chars().count() > max {
        return Err(SignOnError::Invalid {
            field,
            message: format!("is longer than {max} characters"),
        });
    }
    if value.chars().any(char::is_control) {
        return Err(SignOnError::Invalid {
            field,
            message: "contains control characters".to_owned(),
        });
    }
    Ok(value)
}

/// Why a sign-on step was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignOnError {
    /// The operating system's random source failed.
    #[error("cannot make a link: the system's random source failed: {message}")]
    Random { message: String },
    /// The link is not the shape of a sign-on link (mistyped or cut short).
    #[error("this is not a valid sign-on link: check that it was copied whole")]
    MalformedLink,
    /// A field of a form is wrong.
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The letter changed after the sign page was opened.
    #[error(
        "the letter was changed after this page was opened (shown {shown}, now {current}): \
         read the new text and sign again"
    )]
    TextChanged { shown: String, current: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_and_only_their_hash_is_kept() {
        let a = LinkToken::generate().expect("random");
        let b = LinkToken::generate().expect("random");
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), TOKEN_CHARS);
        assert_eq!(
            URL_SAFE_NO_PAD.decode(a.as_str()).expect("base64").len(),
            32
        );
        assert_eq!(LinkToken::parse(a.as_str()), Ok(a.clone()));
        assert_eq!(a.sha256().len(), 64);
        assert_ne!(a.sha256(), b.sha256());
        assert!(!format!("{a:?}").contains(a.as_str()));
    }

    #[test]
    fn token_hash_is_sha256_of_its_text() {
        let t = LinkToken::from_bytes([0; 32]);
        assert_eq!(t.as_str(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        // From `printf %s AAAA...(43 A) | sha256sum`, not from the code under test.
        assert_eq!(
            t.sha256(),
            "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a"
        );
    }

    #[test]
    fn malformed_links_are_refused() {
        for bad in [
            "",
            "short",
            &"A".repeat(44),
            &format!("{}!", "A".repeat(42)),
        ] {
            assert_eq!(
                LinkToken::parse(bad),
                Err(SignOnError::MalformedLink),
                "{bad:?}"
            );
        }
    }

    fn form() -> SignatureForm {
        SignatureForm {
            representative: "  Jane Doe ".into(),
            organisation: "Civil Rights Defenders".into(),
            url: "https://crd.org".into(),
            text_sha256: "ab".repeat(32),
        }
    }

    #[test]
    fn a_signature_is_checked_against_the_current_text() {
        let current = "ab".repeat(32);
        let sig = form().validate(&current).expect("valid");
        assert_eq!(sig.representative, "Jane Doe");
        assert_eq!(sig.url.as_deref(), Some("https://crd.org"));
        let err = form().validate(&"cd".repeat(32)).expect_err("text changed");
        assert!(matches!(err, SignOnError::TextChanged { .. }), "{err}");
    }

    #[test]
    fn bad_signature_fields_are_refused() {
        let current = "ab".repeat(32);
        let mut f = form();
        f.representative = "   ".into();
        assert!(matches!(
            f.validate(&current),
            Err(SignOnError::Invalid {
                field: "representative",
                ..
            })
        ));
        let mut f = form();
        f.url = "javascript:alert(1)".into();
        assert!(matches!(
            f.validate(&current),
            Err(SignOnError::Invalid { field: "url", .. })
        ));
        let mut f = form();
        f.organisation = "x".repeat(301);
        assert!(matches!(
            f.validate(&current),
            Err(SignOnError::Invalid {
                field: "organisation",
                ..
            })
        ));
    }

    #[test]
    fn invitations_need_a_name_and_a_contact() {
        let ok = InvitationForm {
            organisation: "PEN Canada".into(),
            country: "ca".into(),
            contact: "office@pen.example".into(),
        }
        .validate()
        .expect("valid");
        assert_eq!(ok.country.as_deref(), Some("CA"));
        let bad = InvitationForm {
            organisation: "PEN Canada".into(),
            country: "Canada".into(),
            contact: "x".into(),
        };
        assert!(matches!(
            bad.validate(),
            Err(SignOnError::Invalid {
                field: "country",
                ..
            })
        ));
        assert!(InvitationForm::default().validate().is_err());
    }
}
