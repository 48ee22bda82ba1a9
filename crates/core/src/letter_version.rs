//! A letter in several languages: the original (the letter's own fields, in
//! `Letter::language`) and one version per other language, each a translation with who made it,
//! when, and from which text of the original.
//!
//! A version holds the text a translator writes — title, place, body template, closing, and the
//! wording of the addressees and CC — and shares with the original everything that is not
//! wording: date, coordinator, who the addressees are (their number, order and actors), signatory
//! order and the list of signatories. Addressee `i` of a version is the original's addressee `i`
//! as that language writes it, and CC line `i` the original's CC line `i`; a version that
//! translates none prints the original's (an addressee or CC line past the version's prints as
//! the original's too). Each version is signed on its own: a signatory's
//! signature on the original is [`crate::Signatory::signed_text_sha256`]; on a version it is an
//! entry of [`LetterVersion::signatures`], the SHA-256 of that version's signed text. A
//! signature on one language never counts for another.
//!
//! A version remembers the fingerprint of the original it was translated from
//! ([`original_fingerprint`]): when the original's wording changes, the version is *out of date*
//! ([`LetterVersion::is_out_of_date`]) until a translator updates it.

use crate::date::Day;
use crate::model::{Letter, SignatureState};
use crate::translation::{fingerprint, is_language_tag, same_lang};
use crate::validate::{Entity, Problem};

/// A letter's text in one language other than its original.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterVersion {
    /// BCP 47 tag (`km`, `fr`).
    pub lang: String,
    pub title: String,
    pub place: Option<String>,
    /// The body template in this language (Markdown with the same template functions).
    pub body: String,
    pub closing: Option<String>,
    /// Who translated it (a name or an e-mail address).
    pub translated_by: Option<String>,
    pub translated_at: Option<Day>,
    /// [`original_fingerprint`] of the original this version was translated from; `None` when
    /// not known (written by hand in a bundle), read as translated from the current original.
    pub original_sha256: Option<String>,
    /// Signatures on this version's text, one per signatory at most.
    pub signatures: Vec<VersionSignature>,
    /// The original's addressees as this language writes them, in the original's order; empty
    /// when the version prints the original's.
    pub addressees: Vec<AddresseeText>,
    /// The original's CC lines as this language writes them, in order; empty when the version
    /// prints the original's.
    pub cc: Vec<String>,
}

/// How one addressee of the original is written in a version's language (who they are, their
/// actor, stays the original's).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddresseeText {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
}

/// A signatory's signature on one language version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSignature {
    /// The signatory's index in `Letter::signatories` (from 0).
    pub signatory: u32,
    /// SHA-256 (hex) of the version's signed text the signatory signed.
    pub sha256: String,
}

impl LetterVersion {
    /// Whether the original's wording changed since this version was translated from it (its
    /// addressees and CC included when the version translates them).
    pub fn is_out_of_date(&self, original: &Letter) -> bool {
        self.original_sha256
            .as_deref()
            .is_some_and(|sha| sha != self.fingerprint_of(original))
    }

    /// Whether this version writes the addressees or CC in its own language.
    pub fn translates_recipients(&self) -> bool {
        !self.addressees.is_empty() || !self.cc.is_empty()
    }

    /// The fingerprint of `original` this version keeps: [`original_fingerprint`], with the
    /// addressees and CC when the version translates them ([`recipients_fingerprint`]).
    pub fn fingerprint_of(&self, original: &Letter) -> String {
        if self.translates_recipients() {
            recipients_fingerprint(original)
        } else {
            original_fingerprint(original)
        }
    }

    /// The SHA-256 a signatory (by index) signed this version with, if they signed it.
    pub fn signature_of(&self, signatory: usize) -> Option<&str> {
        self.signatures
            .iter()
            .find(|s| usize::try_from(s.signatory).is_ok_and(|i| i == signatory))
            .map(|s| s.sha256.as_str())
    }
}

impl Letter {
    /// The version in `lang`, when the letter has one (not the original).
    pub fn version(&self, lang: &str) -> Option<&LetterVersion> {
        self.versions.iter().find(|v| same_lang(&v.lang, lang))
    }

    /// Whether `lang` is the original's language.
    pub fn is_original(&self, lang: &str) -> bool {
        same_lang(&self.language, lang)
    }

    /// Every language the letter is written in: the original's first, then its versions in the
    /// order they were added.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.language.as_str())
            .chain(self.versions.iter().map(|v| v.lang.as_str()))
            .collect()
    }

    /// The letter as written in `lang`: the original itself, or a letter with the version's
    /// wording, language and signatures: a signatory's `signed_text_sha256` becomes the SHA-256
    /// they signed this version with; one who did not sign this version reads as invited to
    /// (declined and withdrawn stay). `None` when the letter has no such language.
    pub fn in_language(&self, lang: &str) -> Option<Letter> {
        if self.is_original(lang) {
            return Some(self.clone());
        }
        let v = self.version(lang)?;
        let mut letter = self.clone();
        letter.language = v.lang.clone();
        letter.title = v.title.clone();
        letter.place = v.place.clone();
        letter.body = v.body.clone();
        letter.closing = v.closing.clone();
        for (a, t) in letter.addressees.iter_mut().zip(&v.addressees) {
            a.name.clone_from(&t.name);
            a.title.clone_from(&t.title);
            a.organisation.clone_from(&t.organisation);
            a.role.clone_from(&t.role);
        }
        for (c, t) in letter.cc.iter_mut().zip(&v.cc) {
            c.clone_from(t);
        }
        // The letter in one language: the others are not part of it.
        letter.versions.clear();
        for (i, s) in letter.signatories.iter_mut().enumerate() {
            match v.signature_of(i) {
                Some(sha) => s.signed_text_sha256 = Some(sha.to_owned()),
                None => {
                    // Not signed in this language: invited to, unless they declined or withdrew.
                    s.signed_text_sha256 = None;
                    if matches!(s.state, SignatureState::Signed | SignatureState::Verified) {
                        s.state = SignatureState::Invited;
                    }
                }
            }
        }
        Some(letter)
    }
}

/// The fingerprint of a letter's original wording: SHA-256 (hex) of its title, place, body and
/// closing, each followed by a NUL byte. What a version remembers to know it is out of date.
pub fn original_fingerprint(letter: &Letter) -> String {
    let mut text = String::new();
    for part in [
        letter.title.as_str(),
        letter.place.as_deref().unwrap_or(""),
        letter.body.as_str(),
        letter.closing.as_deref().unwrap_or(""),
    ] {
        text.push_str(part);
        text.push('\0');
    }
    fingerprint(&text)
}

/// The fingerprint of the original's wording with its addressees and CC: what a version that
/// translates them keeps, so a changed addressee makes it out of date too. SHA-256 (hex) of
/// [`original_fingerprint`]'s text followed, for each addressee, by its name, title,
/// organisation and role, and then each CC line, every one followed by a NUL byte.
pub fn recipients_fingerprint(letter: &Letter) -> String {
    let mut text = String::new();
    let mut push = |part: &str| {
        text.push_str(part);
        text.push('\0');
    };
    for part in [
        letter.title.as_str(),
        letter.place.as_deref().unwrap_or(""),
        letter.body.as_str(),
        letter.closing.as_deref().unwrap_or(""),
    ] {
        push(part);
    }
    for a in &letter.addressees {
        push(&a.name);
        push(a.title.as_deref().unwrap_or(""));
        push(a.organisation.as_deref().unwrap_or(""));
        push(a.role.as_deref().unwrap_or(""));
    }
    push("cc");
    for c in &letter.cc {
        push(c);
    }
    fingerprint(&text)
}

/// Whether `s` is a SHA-256 as Accord writes it: 64 lower-case hexadecimal digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Every problem of a letter's versions (letter `index` of the case), located by field
/// (`versions[1].lang`, `versions[0].signatures[2].sha256`).
pub fn problems(index: usize, letter: &Letter) -> Vec<Problem> {
    let e = Entity::Letter(index);
    let mut out = Vec::new();
    let mut push = |field: String, message: String| {
        out.push(Problem {
            entity: e,
            field,
            message,
        });
    };
    let mut langs: Vec<&str> = vec![letter.language.as_str()];
    for (k, v) in letter.versions.iter().enumerate() {
        let f = |name: &str| format!("versions[{k}].{name}");
        if !is_language_tag(&v.lang) {
            push(
                f("lang"),
                format!(
                    "{:?} is not a language tag such as \"km\" or \"fr\"",
                    v.lang
                ),
            );
        } else if langs.iter().any(|l| same_lang(l, &v.lang)) {
            let what = if letter.is_original(&v.lang) {
                "is the original's language"
            } else {
                "has a version already"
            };
            push(f("lang"), format!("{:?} {what}", v.lang));
        }
        langs.push(&v.lang);
        if v.title.trim().is_empty() {
            push(f("title"), "must not be empty".into());
        }
        if v.body.trim().is_empty() {
            push(f("body"), "must not be empty".into());
        }
        for (n, a) in v.addressees.iter().enumerate() {
            if a.name.trim().is_empty() {
                push(
                    f(&format!("addressees[{n}].name")),
                    "must not be empty".into(),
                );
            }
        }
        for (n, c) in v.cc.iter().enumerate() {
            if c.trim().is_empty() {
                push(f(&format!("cc[{n}]")), "must not be empty".into());
            }
        }
        if let Some(sha) = &v.original_sha256
            && !is_sha256(sha)
        {
            push(
                f("original_sha256"),
                format!("{sha:?} is not a SHA-256 (64 lower-case hexadecimal digits)"),
            );
        }
        let mut signed = Vec::new();
        for (n, s) in v.signatures.iter().enumerate() {
            let field = format!("versions[{k}].signatures[{n}]");
            let in_range = usize::try_from(s.signatory).is_ok_and(|i| i < letter.signatories.len());
            if !in_range {
                push(
                    format!("{field}.signatory"),
                    format!(
                        "no signatory {} (the letter has {})",
                        s.signatory,
                        letter.signatories.len()
                    ),
                );
            } else if signed.contains(&s.signatory) {
                push(
                    format!("{field}.signatory"),
                    format!("signatory {} signs this version twice", s.signatory),
                );
            }
            signed.push(s.signatory);
            if !is_sha256(&s.sha256) {
                push(
                    format!("{field}.sha256"),
                    format!(
                        "{:?} is not a SHA-256 (64 lower-case hexadecimal digits)",
                        s.sha256
                    ),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use crate::bundle::{self, BundleFile};

    const LETTER: &str = "letters/appeal-2030/letter.toml";

    /// The minimal example case, with `extra` appended to its letter's file.
    fn example(extra: &str) -> Vec<BundleFile> {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/examples/minimal-case");
        [
            "case.toml",
            "actors.toml",
            "sources.toml",
            "incidents.toml",
            "findings.toml",
            "mechanisms.toml",
            "instruments/FPA.toml",
            LETTER,
            "letters/appeal-2030/body.md",
        ]
        .iter()
        .map(|rel| {
            let mut contents = std::fs::read_to_string(root.join(rel)).unwrap();
            if *rel == LETTER {
                contents.push_str(extra);
            }
            BundleFile {
                path: (*rel).to_owned(),
                contents,
            }
        })
        .collect()
    }

    /// Every problem of a hand-written `[[versions]]` is named by file, line and field, and the
    /// bundle is refused whole.
    #[test]
    fn bad_versions_in_a_bundle_are_located() {
        let good = "\n[[versions]]\nlang = \"km\"\ntitle = \"បណ្តឹង\"\nbody = \"យើងខ្ញុំសូមស្នើ។\"\n\
                    \n[[versions.signatures]]\nsignatory = \"Example Press Freedom Network\"\n\
                    sha256 = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n";
        let case = bundle::read(&example(good)).unwrap();
        let letter = case.letter("appeal-2030").unwrap();
        assert_eq!(letter.languages(), vec!["en", "km"]);
        assert_eq!(
            letter.version("km").unwrap().signature_of(0),
            Some("a".repeat(64).as_str())
        );

        let bad = "\n[[versions]]\nlang = \"en\"\ntitle = \"\"\nbody = \"x\"\n\
                   translated_at = \"2030-02-30\"\n\n[[versions.signatures]]\n\
                   signatory = \"Nobody\"\nsha256 = \"not a hash\"\n\
                   \n[[versions]]\nlang = \"k m\"\ntitle = \"t\"\nbody = \"b\"\n";
        let errors = bundle::read(&example(bad)).unwrap_err().0;
        let find = |field: &str| {
            errors
                .iter()
                .find(|e| e.field.as_deref() == Some(field))
                .unwrap_or_else(|| panic!("no problem at {field}: {errors:?}"))
        };
        for field in [
            "versions[0].translated_at",
            "versions[0].signatures[0].signatory",
        ] {
            let e = find(field);
            assert_eq!(e.file, LETTER);
            assert!(e.line.is_some(), "{e:?}");
        }
        assert!(
            find("versions[0].signatures[0].signatory")
                .message
                .contains("Nobody")
        );
    }

    /// A version's addressees and CC in its language: read from `[[versions.addressees]]` and
    /// `cc`, printed in place of the original's (the actor kept, a line the version lacks
    /// printed as the original's), written back byte for byte, and an empty name refused by
    /// field. Translating them makes the version's fingerprint cover the original's addressees.
    #[test]
    fn a_versions_addressees_and_cc_are_its_own() {
        let extra = "\n[[versions]]\nlang = \"km\"\ntitle = \"បណ្តឹង\"\nbody = \"យើងខ្ញុំសូមស្នើ។\"\n\
                     cc = [\"អគ្គលេខាធិការ\"]\n\n[[versions.addressees]]\nname = \"រដ្ឋមន្ត្រីការបរទេស\"\n\
                     organisation = \"រដ្ឋាភិបាល\"\n";
        let case = bundle::read(&example(extra)).unwrap();
        let letter = case.letter("appeal-2030").unwrap();
        let km = letter.in_language("km").unwrap();
        assert_eq!(km.addressees[0].name, "រដ្ឋមន្ត្រីការបរទេស");
        assert_eq!(km.addressees[0].organisation.as_deref(), Some("រដ្ឋាភិបាល"));
        assert_eq!(km.addressees[0].title, None);
        assert_eq!(km.addressees[0].actor.as_deref(), Some("guarantor"));
        assert_eq!(
            km.cc,
            vec![
                "អគ្គលេខាធិការ".to_owned(),
                "The Parties to the Accord".to_owned()
            ]
        );
        // The original is untouched.
        let en = letter.in_language("en").unwrap();
        assert_eq!(en.addressees[0].name, "The Foreign Minister of Ruritania");

        let written = bundle::write(case.case()).unwrap();
        let again = bundle::write(bundle::read(&written).unwrap().case()).unwrap();
        assert_eq!(written, again);
        let toml = &written.iter().find(|f| f.path == LETTER).unwrap().contents;
        assert!(toml.contains("[[versions.addressees]]"), "{toml}");

        let v = letter.version("km").unwrap();
        assert!(v.translates_recipients());
        assert_eq!(
            v.fingerprint_of(letter),
            super::recipients_fingerprint(letter)
        );
        let mut moved = letter.clone();
        moved.addressees[0].name = "Someone else".into();
        assert_ne!(
            super::recipients_fingerprint(letter),
            super::recipients_fingerprint(&moved)
        );
        assert_eq!(
            super::original_fingerprint(letter),
            super::original_fingerprint(&moved)
        );

        let bad = extra.replace("name = \"រដ្ឋមន្ត្រីការបរទេស\"", "name = \" \"");
        let errors = bundle::read(&example(&bad)).unwrap_err().0;
        assert!(
            errors
                .iter()
                .any(|e| e.field.as_deref() == Some("versions[0].addressees[0].name")),
            "{errors:?}"
        );
    }

    /// The checks with the case: the original's language, an empty title, a malformed tag, a
    /// hash that is not one.
    #[test]
    fn versions_are_checked_with_the_case() {
        let bad = "\n[[versions]]\nlang = \"en\"\ntitle = \"\"\nbody = \"x\"\n\
                   original_sha256 = \"XYZ\"\n\
                   \n[[versions]]\nlang = \"k m\"\ntitle = \"t\"\nbody = \"b\"\n";
        let errors = bundle::read(&example(bad)).unwrap_err().0;
        let text: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field.as_deref().unwrap_or(""), e.message))
            .collect();
        for expected in [
            "versions[0].lang: \"en\" is the original's language",
            "versions[0].title: must not be empty",
            "versions[0].original_sha256:",
            "versions[1].lang: \"k m\" is not a language tag",
        ] {
            assert!(
                text.iter().any(|t| t.starts_with(expected)),
                "{expected} not in {text:#?}"
            );
        }
        assert!(errors.iter().all(|e| e.file == LETTER), "{errors:?}");
    }
}
