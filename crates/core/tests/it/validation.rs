//! Validation of cases built in code (the web forms build cases this way, not from files).

use accord_core::validate::{Entity, problems};
use accord_core::{Case, Citation, SignatoryOrder, ValidCase, validate};

use crate::support::example_case;

fn case() -> Case {
    ValidCase::into_case(example_case())
}

/// `(entity, field, message)` of every problem.
fn check(case: &Case, expected: &[(Entity, &str, &str)]) {
    let got: Vec<(Entity, String, String)> = problems(case)
        .into_iter()
        .map(|p| (p.entity, p.field, p.message))
        .collect();
    let want: Vec<(Entity, String, String)> = expected
        .iter()
        .map(|(e, f, m)| (*e, (*f).to_owned(), (*m).to_owned()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_example_is_valid() {
    check(&case(), &[]);
}

#[test]
fn ids_must_be_well_formed() {
    let mut c = case();
    c.incidents[0].id = "has space".into();
    c.findings[0].incidents = vec!["has space".into()];
    check(
        &c,
        &[(
            Entity::Incident(0),
            "id",
            "\"has space\" is not an id (1-100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit)",
        )],
    );
}

#[test]
fn instrument_parents_may_not_loop() {
    let mut c = case();
    let mut second = c.instruments[0].clone();
    second.id = "FPB".into();
    second.provisions.clear();
    second.parent = Some("FPA".into());
    c.instruments[0].parent = Some("FPB".into());
    c.instruments.push(second);
    check(
        &c,
        &[
            (
                Entity::Instrument(0),
                "parent",
                "parent \"FPB\" leads back to \"FPA\"",
            ),
            (
                Entity::Instrument(1),
                "parent",
                "parent \"FPA\" leads back to \"FPB\"",
            ),
        ],
    );
}

#[test]
fn mechanism_scope_must_cover_something() {
    let mut c = case();
    c.mechanisms[0].scope_instruments.clear();
    c.mechanisms[0].scope_provisions = vec![Citation::parse("FPA Art. 4").unwrap()];
    c.mechanisms[0].counts.clear();
    check(
        &c,
        &[
            (
                Entity::Mechanism(0),
                "counts",
                "list the verdicts that count, e.g. [\"violation\"]",
            ),
            (
                Entity::Mechanism(0),
                "scope_provisions[0]",
                "FPA Art. 4 covers no provision in this case",
            ),
        ],
    );
}

#[test]
fn letter_signatories() {
    let mut c = case();
    let letter = &mut c.letters[0];
    letter.signatory_order = SignatoryOrder::Manual;
    letter.signatories[0].order = Some(1);
    letter.signatories.push(letter.signatories[0].clone());
    letter.signatories[2].organisation = "  example press freedom NETWORK ".into();
    letter.signatories[1].signed_text_sha256 = Some("ABC".into());
    check(
        &c,
        &[
            (
                Entity::Letter(0),
                "signatories[1].signed_text_sha256",
                "\"ABC\" is not 64 lower-case hexadecimal digits",
            ),
            (
                Entity::Letter(0),
                "signatories[1].order",
                "signatory_order is \"manual\": every signatory needs an order",
            ),
            (
                Entity::Letter(0),
                "signatories[2].organisation",
                "\"  example press freedom NETWORK \" signs twice",
            ),
            (
                Entity::Letter(0),
                "signatories[2].order",
                "order 1 is already taken by signatories[0]",
            ),
        ],
    );
}

#[test]
fn validate_returns_every_problem() {
    let mut c = case();
    c.title = " ".into();
    c.country = Some("Freedonia".into());
    c.findings[0].rationale = String::new();
    let err = validate(c).unwrap_err();
    assert_eq!(err.0.len(), 3);
}

/// A valid case answers lookups from its index; they must agree with a scan of the lists, for
/// every record, and miss what is not there.
#[test]
fn a_valid_case_finds_every_record_by_id() {
    let valid = example_case();
    let plain = valid.case();
    for a in &plain.actors {
        assert_eq!(valid.actor(&a.id), Some(a));
    }
    for s in &plain.sources {
        assert_eq!(valid.source(&s.id), Some(s));
    }
    for i in &plain.incidents {
        assert_eq!(valid.incident(&i.id), Some(i));
    }
    for f in &plain.findings {
        assert_eq!(valid.finding(&f.id), Some(f));
    }
    let mut provisions = 0;
    for p in plain.provisions() {
        assert_eq!(valid.provision(&p.citation), Some(p));
        provisions += 1;
    }
    assert!(provisions > 0 && !plain.incidents.is_empty() && !plain.findings.is_empty());
    assert_eq!(valid.incident("no-such-incident"), None);
    assert_eq!(valid.source("no-such-source"), None);
    let absent = Citation::parse("XYZ Art. 999").expect("a citation");
    assert_eq!(valid.provision(&absent), None);
}
