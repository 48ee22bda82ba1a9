//! Citations of provisions: `ACPS Art. 29`, `ACPS Annex 5 Art. 4`, `ASIT Art. 3(2)(a)`.
//!
//! A citation is how lawyers, letters and Accord's files name a provision, so it is also the
//! provision's identity. Parsing accepts the spellings people write (`Article 3 (2) (a)`,
//! `art 3(2)(a)`); printing always gives one canonical form, and the two round-trip:
//! `parse(print(c)) == c` for every citation.

use std::fmt;
use std::str::FromStr;

/// A structural unit that carries a number in a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Annex,
    Part,
    Section,
    Article,
    Paragraph,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Annex,
        UnitKind::Part,
        UnitKind::Section,
        UnitKind::Article,
        UnitKind::Paragraph,
    ];

    /// The canonical label printed before the number.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Annex => "Annex",
            UnitKind::Part => "Part",
            UnitKind::Section => "Sec.",
            UnitKind::Article => "Art.",
            UnitKind::Paragraph => "Para.",
        }
    }

    fn from_word(word: &str) -> Option<UnitKind> {
        let w = word.trim_end_matches('.').to_ascii_lowercase();
        Some(match w.as_str() {
            "annex" => UnitKind::Annex,
            "part" => UnitKind::Part,
            "sec" | "section" => UnitKind::Section,
            "art" | "article" => UnitKind::Article,
            "para" | "paragraph" => UnitKind::Paragraph,
            _ => return None,
        })
    }
}

/// One numbered unit, e.g. `Art. 15`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Unit {
    pub kind: UnitKind,
    pub num: String,
}

/// A parsed citation. Construct it with [`Citation::parse`] or [`Citation::new`], which check it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    instrument: String,
    units: Vec<Unit>,
    subdivisions: Vec<String>,
}

/// Why a citation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a citation: {reason}")]
pub struct CitationError {
    pub input: String,
    pub reason: String,
}

impl Citation {
    /// A citation from its parts; every number must be letters and digits only.
    pub fn new(
        instrument: &str,
        units: Vec<Unit>,
        subdivisions: Vec<String>,
    ) -> Result<Citation, CitationError> {
        let c = Citation {
            instrument: instrument.to_owned(),
            units,
            subdivisions,
        };
        let printed = c.to_string();
        let fail = |reason: &str| CitationError {
            input: printed.clone(),
            reason: reason.to_owned(),
        };
        if !is_instrument_id(&c.instrument) {
            return Err(fail(
                "the instrument id must start with a letter and hold only letters, digits, '.', '_' and '-'",
            ));
        }
        if c.units.iter().any(|u| !is_num(&u.num)) || c.subdivisions.iter().any(|s| !is_num(s)) {
            return Err(fail("numbers hold only letters and digits"));
        }
        if c.units.is_empty() && !c.subdivisions.is_empty() {
            return Err(fail(
                "sub-divisions need an article, paragraph or other unit",
            ));
        }
        Ok(c)
    }

    /// Parse a citation written by a person; see the module docs for what is accepted.
    pub fn parse(input: &str) -> Result<Citation, CitationError> {
        let fail = |reason: String| CitationError {
            input: input.to_owned(),
            reason,
        };
        let s = input.trim();
        let end = s
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(s.len());
        let (instrument, mut rest) = s.split_at(end);
        if instrument.is_empty() {
            return Err(fail("it is empty".into()));
        }
        if !is_instrument_id(instrument) {
            return Err(fail(format!(
                "{instrument:?} is not an instrument id (letters, digits, '.', '_', '-'; starting with a letter)"
            )));
        }
        let mut units = Vec::new();
        let mut subdivisions = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if rest.is_empty() {
                break;
            }
            if rest.starts_with('(') {
                if units.is_empty() {
                    return Err(fail(
                        "a sub-division such as (2) must follow a unit such as Art. 3".into(),
                    ));
                }
                rest = parse_subdivisions(rest, &mut subdivisions).map_err(fail)?;
                if !rest.trim().is_empty() {
                    return Err(fail(format!(
                        "unexpected {:?} after the sub-divisions",
                        rest.trim()
                    )));
                }
                break;
            }
            let word_end = rest
                .find(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
                .unwrap_or(rest.len());
            let word = &rest[..word_end];
            let kind = UnitKind::from_word(word).ok_or_else(|| {
                fail(format!(
                    "unknown unit {word:?} (expected Annex, Part, Sec., Art. or Para.)"
                ))
            })?;
            rest = rest[word_end..].trim_start();
            let num_end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            if num_end == 0 {
                return Err(fail(format!("{} needs a number", kind.label())));
            }
            units.push(Unit {
                kind,
                num: rest[..num_end].to_owned(),
            });
            rest = &rest[num_end..];
        }
        Citation::new(instrument, units, subdivisions).map_err(|e| fail(e.reason))
    }

    /// A citation of a whole instrument. The id is not checked: callers pass a known-good id.
    pub(crate) fn instrument_only(id: &str) -> Citation {
        Citation {
            instrument: id.to_owned(),
            units: Vec::new(),
            subdivisions: Vec::new(),
        }
    }

    pub fn instrument(&self) -> &str {
        &self.instrument
    }
    pub fn units(&self) -> &[Unit] {
        &self.units
    }
    pub fn subdivisions(&self) -> &[String] {
        &self.subdivisions
    }

    /// Whether `self` names `other` or a part of it: `ACPS Annex 5` covers `ACPS Annex 5 Art. 4`,
    /// `ACPS Art. 15` covers `ACPS Art. 15(2)(a)`, and `ACPS` (the bare instrument) covers all of ACPS.
    pub fn covers(&self, other: &Citation) -> bool {
        if self.instrument != other.instrument || !other.units.starts_with(&self.units) {
            return false;
        }
        if self.units.len() == other.units.len() {
            other.subdivisions.starts_with(&self.subdivisions)
        } else {
            self.subdivisions.is_empty()
        }
    }
}

fn parse_subdivisions<'a>(mut rest: &'a str, out: &mut Vec<String>) -> Result<&'a str, String> {
    while let Some(after) = rest.strip_prefix('(') {
        let close = after
            .find(')')
            .ok_or_else(|| "a '(' is never closed".to_owned())?;
        let num = after[..close].trim();
        if !is_num(num) {
            return Err(format!("({num}) is not a sub-division number"));
        }
        out.push(num.to_owned());
        rest = after[close + 1..].trim_start();
    }
    Ok(rest)
}

fn is_num(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_instrument_id(s: &str) -> bool {
    s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.instrument)?;
        for u in &self.units {
            write!(f, " {} {}", u.kind.label(), u.num)?;
        }
        for s in &self.subdivisions {
            write!(f, "({s})")?;
        }
        Ok(())
    }
}

impl FromStr for Citation {
    type Err = CitationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Citation::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        match (Citation::parse(input), expected) {
            (Ok(c), Ok(printed)) => assert_eq!(c.to_string(), printed, "{input}"),
            (Err(e), Err(msg)) => assert!(
                e.to_string().contains(msg),
                "{input}: error {e} does not mention {msg:?}"
            ),
            (got, expected) => panic!("{input}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn the_letters_forms() {
        check("ACPS Art. 29", Ok("ACPS Art. 29"));
        check("ACPS Art. 15(2)(a)", Ok("ACPS Art. 15(2)(a)"));
        check("ACPS Annex 5 Art. 4", Ok("ACPS Annex 5 Art. 4"));
        check("ASIT Art. 3(2)(a)", Ok("ASIT Art. 3(2)(a)"));
        check("ICCPR Art. 19(2)", Ok("ICCPR Art. 19(2)"));
    }

    #[test]
    fn forgiving_input_canonical_output() {
        check("ACPS Article 29", Ok("ACPS Art. 29"));
        check("  ASIT  article 3 (2) (a) ", Ok("ASIT Art. 3(2)(a)"));
        check("ACPS Annex 5, Art 4", Ok("ACPS Annex 5 Art. 4"));
        check("ACPS Annex 2 Article V(1)", Ok("ACPS Annex 2 Art. V(1)"));
        check(
            "ACPS Annex 1 Section D Paragraph 3(e)",
            Ok("ACPS Annex 1 Sec. D Para. 3(e)"),
        );
        check("FA para. 3", Ok("FA Para. 3"));
        check("ICCPR", Ok("ICCPR"));
    }

    #[test]
    fn refuses_what_is_not_a_citation() {
        check("", Err("it is empty"));
        check("ACPS Chapter 3", Err("unknown unit \"Chapter\""));
        check("ACPS Art.", Err("Art. needs a number"));
        check("ACPS Art. 3(2", Err("never closed"));
        check("ACPS (2)", Err("must follow a unit"));
        check("ACPS Art. 3(2) Annex 5", Err("unexpected"));
        check("ACPS Art. 3(é)", Err("not a sub-division number"));
        check("1991 Art. 3", Err("not an instrument id"));
    }

    #[test]
    fn coverage() {
        let c = |s: &str| Citation::parse(s).unwrap();
        assert!(c("ACPS").covers(&c("ACPS Annex 5 Art. 4")));
        assert!(c("ACPS Annex 5").covers(&c("ACPS Annex 5 Art. 4")));
        assert!(c("ACPS Art. 15").covers(&c("ACPS Art. 15(2)(a)")));
        assert!(c("ACPS Art. 15(2)").covers(&c("ACPS Art. 15(2)(a)")));
        assert!(c("ACPS Art. 15(2)(a)").covers(&c("ACPS Art. 15(2)(a)")));
        assert!(!c("ACPS Art. 15(2)(a)").covers(&c("ACPS Art. 15(2)")));
        assert!(!c("ACPS Art. 1").covers(&c("ACPS Art. 15")));
        assert!(!c("ACPS Art. 4").covers(&c("ACPS Annex 5 Art. 4")));
        assert!(!c("ASIT Art. 3").covers(&c("ACPS Art. 3")));
        assert!(!c("ACPS Art. 15(2)").covers(&c("ACPS Art. 15 Para. 2")));
    }

    fn num() -> impl Strategy<Value = String> {
        "[A-Za-z0-9]{1,6}"
    }

    fn citation() -> impl Strategy<Value = Citation> {
        let unit = (0..UnitKind::ALL.len(), num()).prop_map(|(k, num)| Unit {
            kind: UnitKind::ALL[k],
            num,
        });
        (
            "[A-Za-z][A-Za-z0-9._-]{0,10}",
            proptest::collection::vec(unit, 0..4),
            proptest::collection::vec(num(), 0..4),
        )
            .prop_map(|(instrument, units, subs)| {
                let subs = if units.is_empty() { Vec::new() } else { subs };
                Citation::new(&instrument, units, subs).unwrap()
            })
    }

    proptest! {
        #[test]
        fn print_then_parse_round_trips(c in citation()) {
            let printed = c.to_string();
            let parsed = Citation::parse(&printed).unwrap();
            prop_assert_eq!(&parsed, &c);
            prop_assert_eq!(parsed.to_string(), printed);
        }

        #[test]
        fn long_forms_parse_to_the_same_citation(c in citation()) {
            // Write every unit the long way, with extra spaces, as people do.
            let mut long = c.instrument().to_owned();
            for u in c.units() {
                let word = match u.kind {
                    UnitKind::Annex => "annex",
                    UnitKind::Part => "PART",
                    UnitKind::Section => "Section",
                    UnitKind::Article => "Article",
                    UnitKind::Paragraph => "paragraph",
                };
                long.push_str(&format!(",  {word}  {}", u.num));
            }
            for s in c.subdivisions() {
                long.push_str(&format!(" ( {s} )"));
            }
            prop_assert_eq!(Citation::parse(&long).unwrap(), c);
        }

        #[test]
        fn a_citation_covers_itself(c in citation()) {
            prop_assert!(c.covers(&c));
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,40}") {
            let _ = Citation::parse(&s);
        }
    }
}
