//! Trigger evaluation, data-driven: each case is the example bundle plus a few edits, and the
//! expected state of mechanism `fpa-art-9`.

use accord_core::{Named, ProvisionState, bundle, evaluate};

use crate::support::{edit, example};

#[derive(Clone, Copy)]
struct Expect {
    triggered: bool,
    since: Option<&'static str>,
    findings: &'static [&'static str],
}

fn check(edits: &[(&str, &str, &str)], expected: Expect) {
    let mut files = example();
    for (path, from, to) in edits {
        edit(&mut files, path, from, to);
    }
    let case = bundle::read(&files).unwrap();
    let status = evaluate(&case);
    let m = &status.mechanisms[0];
    assert_eq!(m.mechanism.id, "fpa-art-9");
    let ids: Vec<&str> = m.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        (m.triggered, m.since.map(|d| d.to_string()), ids),
        (
            expected.triggered,
            expected.since.map(str::to_owned),
            expected.findings.to_vec()
        ),
        "edits: {edits:?}"
    );
}

const RETRACT_DISSOLUTION: (&str, &str, &str) = (
    "findings.toml",
    "verdict = \"violation\"\nstatus = \"confirmed\"",
    "verdict = \"violation\"\nstatus = \"retracted\"",
);
const CONFIRM_GAZETTE: (&str, &str, &str) = (
    "findings.toml",
    "status = \"draft\"",
    "status = \"confirmed\"",
);

#[test]
fn a_confirmed_violation_triggers_since_its_incident() {
    check(
        &[],
        Expect {
            triggered: true,
            since: Some("2030-02-14"),
            findings: &["f-dissolution"],
        },
    );
}

#[test]
fn a_retracted_finding_un_triggers() {
    check(
        &[RETRACT_DISSOLUTION],
        Expect {
            triggered: false,
            since: None,
            findings: &[],
        },
    );
}

#[test]
fn drafts_do_not_count_until_confirmed() {
    check(
        &[
            RETRACT_DISSOLUTION,
            ("findings.toml", "status = \"draft\"", "status = \"draft\""),
        ],
        Expect {
            triggered: false,
            since: None,
            findings: &[],
        },
    );
    // Month precision: "since" is the first day the month allows.
    check(
        &[RETRACT_DISSOLUTION, CONFIRM_GAZETTE],
        Expect {
            triggered: true,
            since: Some("2030-03-01"),
            findings: &["f-gazette"],
        },
    );
}

#[test]
fn findings_are_ordered_by_date_and_since_is_the_earliest() {
    check(
        &[CONFIRM_GAZETTE],
        Expect {
            triggered: true,
            since: Some("2030-02-14"),
            findings: &["f-dissolution", "f-gazette"],
        },
    );
}

#[test]
fn only_the_verdicts_the_mechanism_counts() {
    // A confirmed concern does not count ...
    check(
        &[RETRACT_DISSOLUTION],
        Expect {
            triggered: false,
            since: None,
            findings: &[],
        },
    );
    // ... unless the mechanism says so; a range date counts from its first day.
    check(
        &[(
            "mechanisms.toml",
            "counts = [\"violation\", \"threat_of_violation\"]",
            "counts = [\"violation\", \"concern\"]",
        )],
        Expect {
            triggered: true,
            since: Some("2030-01-01"),
            findings: &["f-surveillance", "f-dissolution"],
        },
    );
    // A threat does not count for a mechanism that only counts violations.
    check(
        &[
            RETRACT_DISSOLUTION,
            CONFIRM_GAZETTE,
            (
                "mechanisms.toml",
                "counts = [\"violation\", \"threat_of_violation\"]",
                "counts = [\"violation\"]",
            ),
        ],
        Expect {
            triggered: false,
            since: None,
            findings: &[],
        },
    );
}

#[test]
fn scope_by_provision_covers_sub_divisions_only() {
    let scope = (
        "mechanisms.toml",
        "scope_instruments = [\"FPA\"]",
        "scope_provisions = [\"FPA Art. 3(2)\"]",
    );
    check(
        &[scope],
        Expect {
            triggered: false,
            since: None,
            findings: &[],
        },
    );
    check(
        &[scope, CONFIRM_GAZETTE],
        Expect {
            triggered: true,
            since: Some("2030-03-01"),
            findings: &["f-gazette"],
        },
    );
    check(
        &[(
            "mechanisms.toml",
            "scope_instruments = [\"FPA\"]",
            "scope_provisions = [\"FPA Art. 3\"]",
        )],
        Expect {
            triggered: true,
            since: Some("2030-02-14"),
            findings: &["f-dissolution"],
        },
    );
}

#[test]
fn who_requests_acts_and_is_consulted() {
    let case = bundle::read(&example()).unwrap();
    let status = evaluate(&case);
    let m = &status.mechanisms[0];
    let names = |v: &[&accord_core::Actor]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&m.requested_by),
        ["Secretary-General of the Example Union"]
    );
    assert_eq!(names(&m.responsible), ["Ruritania"]);
    // A group is consulted through its members.
    assert_eq!(names(&m.consult), ["Freedonia", "Sylvania"]);
    assert_eq!(m.since_incident.unwrap().id, "party-dissolved");
}

#[test]
fn provision_states() {
    let case = bundle::read(&example()).unwrap();
    let status = evaluate(&case);
    let states: Vec<(String, &str, Vec<&str>)> = status
        .provisions
        .iter()
        .map(|p| {
            (
                p.provision.citation.to_string(),
                p.state.as_str(),
                p.findings.iter().map(|f| f.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            (
                "FPA Art. 3(1)".to_owned(),
                "violated",
                vec!["f-dissolution"]
            ),
            (
                "FPA Art. 3(2)".to_owned(),
                "concern",
                vec!["f-surveillance"]
            ),
            ("FPA Art. 9".to_owned(), "none", vec![]),
            ("FPA Annex 1 Art. 2".to_owned(), "none", vec![]),
        ]
    );
    // The worst confirmed verdict wins.
    let mut files = example();
    edit(
        &mut files,
        CONFIRM_GAZETTE.0,
        CONFIRM_GAZETTE.1,
        CONFIRM_GAZETTE.2,
    );
    let case = bundle::read(&files).unwrap();
    let status = evaluate(&case);
    assert_eq!(status.provisions[1].state, ProvisionState::Threatened);
}

/// As of the day before a mechanism was triggered it is not; from that day it is, and a day far
/// back has no incidents at all.
#[test]
fn status_as_of_a_day() {
    let case = crate::support::example_case();
    let since = evaluate(&case).mechanisms[0].since.unwrap();
    let day_before = accord_core::Day::from_days_since_epoch(since.days_since_epoch() - 1).unwrap();
    let before = accord_core::as_of(&case, day_before);
    assert!(!evaluate(&before).mechanisms[0].triggered);
    let on = accord_core::as_of(&case, since);
    let m = &evaluate(&on).mechanisms[0];
    assert!(m.triggered);
    assert_eq!(m.since, Some(since));
    assert!(on.incidents.iter().all(|i| i.date.earliest() <= since));
    assert!(
        on.incidents.len() < case.incidents.len() || on.incidents.len() == case.incidents.len()
    );
    let long_ago = accord_core::as_of(&case, accord_core::Day::EPOCH);
    assert!(long_ago.incidents.is_empty() && long_ago.findings.is_empty());
}
