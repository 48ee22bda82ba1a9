//! Stable record ids from what the source calls a record, so a second import finds the same
//! records instead of adding new ones.
//!
//! An id the source gives that is already a valid Accord id (ACLED's `KHM1234`, Uwazi's
//! `sharedId`) is kept as it is. Names and titles become slugs (`Police of Cambodia` →
//! `police-of-cambodia`); a name with no Latin letters or digits (a Khmer name) becomes a hash of
//! the name, which is just as stable.

use sha2::{Digest, Sha256};

/// The longest id Accord accepts (accord-core's `is_id`).
const MAX_ID: usize = 100;

/// Lower-case ASCII letters and digits, every other run of characters one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The first 12 hexadecimal digits of the SHA-256 of `text`.
pub fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    hex::encode(&digest[..6])
}

/// `prefix-slug` of a name, or `prefix-hash` when the name has no Latin letter or digit; a slug
/// too long for an id is cut and given the hash, so two long names never share an id.
pub fn from_name(prefix: &str, name: &str) -> String {
    let s = slug(name);
    let sep = if prefix.is_empty() { "" } else { "-" };
    if s.is_empty() {
        return format!("{prefix}{sep}{}", short_hash(name));
    }
    let id = format!("{prefix}{sep}{s}");
    if id.len() <= MAX_ID {
        return id;
    }
    let keep = MAX_ID - 13;
    format!("{}-{}", id[..keep].trim_end_matches('-'), short_hash(name))
}

/// The id of the actor named `name`.
pub fn actor(name: &str) -> String {
    from_name("actor", name)
}

/// The id of the source named `name`.
pub fn source(name: &str) -> String {
    from_name("src", name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(prefix: &str, name: &str, expected: &str) {
        let id = from_name(prefix, name);
        assert_eq!(id, expected, "{name:?}");
        assert!(accord_core::validate::is_id(&id), "{id:?} is not an id");
    }

    #[test]
    fn names_become_stable_valid_ids() {
        check(
            "actor",
            "Police Forces of Cambodia (1993-)",
            "actor-police-forces-of-cambodia-1993",
        );
        check("src", "  Phnom Penh Post ", "src-phnom-penh-post");
        check("", "Arrest of Kem Sokha", "arrest-of-kem-sokha");
        // No Latin letter: a hash of the name, the same every time.
        let khmer = from_name("actor", "ប៉ូលិស");
        assert_eq!(khmer, from_name("actor", "ប៉ូលិស"));
        assert_ne!(khmer, from_name("actor", "ទាហាន"));
        assert!(khmer.starts_with("actor-") && khmer.len() == 18, "{khmer}");
        let long = "word ".repeat(40);
        let id = from_name("src", &long);
        assert!(
            id.len() <= MAX_ID && accord_core::validate::is_id(&id),
            "{id}"
        );
        assert_ne!(id, from_name("src", &format!("{long}x")));
    }
}
