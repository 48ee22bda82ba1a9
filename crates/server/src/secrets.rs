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
}
