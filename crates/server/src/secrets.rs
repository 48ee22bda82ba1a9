//! Random tokens and their digests: session cookies, CSRF tokens, API tokens, sign-on links.
//!
//! Tokens are 32 bytes from the operating system's generator, URL-safe base64; the database only
//! ever sees their SHA-256, so a copy of the database cannot be used to sign in.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A fresh unguessable token (256 bits).
pub fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The SHA-256 of a token, in hexadecimal: what is stored.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new record id: the first words of `title` (ASCII letters and digits, at most 60
/// characters) and a random 40-bit suffix, or `<fallback>-<suffix>` when the title has none.
/// Readable in URLs, and collisions stay negligible even in a case with a million records.
pub fn record_id(title: &str, fallback: &str) -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 5];
    getrandom::fill(&mut bytes)?;
    let suffix = hex::encode(bytes);
    let slug = title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let slug = slug.get(..60).unwrap_or(&slug).trim_end_matches('-');
    Ok(if slug.is_empty() {
        format!("{fallback}-{suffix}")
    } else {
        format!("{slug}-{suffix}")
    })
}

/// Compare two secrets without leaking, through timing, how many leading bytes match.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_long_distinct_and_digested() {
        let (a, b) = (super::token().unwrap(), super::token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(super::digest("abc").len(), 64);
        assert!(super::same(&a, &a.clone()));
        assert!(!super::same(&a, &b));
        assert!(!super::same("a", "ab"));
    }

    #[test]
    fn record_ids_are_readable_and_valid() {
        let id = super::record_id("Kem Sokha arrested — 3 Sept. (Phnom Penh)", "incident").unwrap();
        assert!(id.starts_with("kem-sokha-arrested-3-sept-phnom-"), "{id}");
        assert!(accord_core::validate::is_id(&id), "{id}");
        let id = super::record_id("ការចាប់ខ្លួន", "incident").unwrap();
        assert!(
            id.starts_with("incident-") && id.len() == "incident-".len() + 10,
            "{id}"
        );
        assert_ne!(
            super::record_id("", "f").unwrap(),
            super::record_id("", "f").unwrap()
        );
    }
}
