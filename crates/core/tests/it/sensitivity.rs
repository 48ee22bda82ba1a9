//! Sensitivity: how bundles spell it, its defaults, and the case each kind of reader is given.

use accord_core::bundle;
use accord_core::sensitivity::{Reader, Sensitivity, visible};
use accord_core::{Case, Named, evaluate, validate};

use crate::support::{edit, example};

fn read_with(edits: &[(&str, &str, &str)]) -> Case {
    let mut files = example();
    for (path, from, to) in edits {
        edit(&mut files, path, from, to);
    }
    bundle::read(&files).unwrap().into_case()
}

/// The example with `party-dissolved` restricted to one member and `gazette-closed` left at
/// `case`.
fn mixed() -> Case {
    read_with(&[
        (
            "incidents.toml",
            "id = \"party-dissolved\"\nsensitivity = \"public\"",
            "id = \"party-dissolved\"\nsensitivity = \"restricted\"\nrestricted_to = [\"Named@Example.org\"]",
        ),
        (
            "incidents.toml",
            "id = \"gazette-closed\"\nsensitivity = \"public\"",
            "id = \"gazette-closed\"",
        ),
    ])
}

#[test]
fn a_record_that_says_nothing_is_for_the_case() {
    let case = read_with(&[(
        "sources.toml",
        "id = \"monitor-report\"\nsensitivity = \"public\"",
        "id = \"monitor-report\"",
    )]);
    assert_eq!(case.sources[1].sensitivity, Sensitivity::Case);
    assert_eq!(case.sources[0].sensitivity, Sensitivity::Public);
}

#[test]
fn victims_and_witnesses_are_restricted_unless_marked_otherwise() {
    let case = read_with(&[
        (
            "incidents.toml",
            "{ actor = \"opposition\", role = \"target\" }",
            "{ actor = \"opposition\", role = \"victim\" }",
        ),
        (
            "incidents.toml",
            "actors = [{ actor = \"gazette\", role = \"target\" }]",
            "actors = [{ actor = \"gazette\", role = \"witness\" }]",
        ),
        (
            "actors.toml",
            "id = \"opposition\"\nsensitivity = \"public\"",
            "id = \"opposition\"",
        ),
        (
            "actors.toml",
            "id = \"interior\"\nsensitivity = \"public\"",
            "id = \"interior\"",
        ),
    ]);
    let of = |id: &str| case.actor(id).unwrap().sensitivity;
    assert_eq!(
        of("opposition"),
        Sensitivity::Restricted,
        "an unmarked victim"
    );
    assert_eq!(
        of("gazette"),
        Sensitivity::Public,
        "a witness marked public"
    );
    assert_eq!(of("interior"), Sensitivity::Case, "an unmarked perpetrator");
}

#[test]
fn sensitivity_round_trips_and_is_always_written() {
    let case = mixed();
    let first = bundle::write(&case).unwrap();
    let again = bundle::write(&bundle::read(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    let incidents = &first
        .iter()
        .find(|f| f.path == "incidents.toml")
        .unwrap()
        .contents;
    assert!(
        incidents.contains("id = \"gazette-closed\"\nsensitivity = \"case\"\n"),
        "{incidents}"
    );
    assert!(
        incidents.contains("sensitivity = \"restricted\"\nrestricted_to = [\"Named@Example.org\"]"),
        "{incidents}"
    );
}

#[test]
fn bad_sensitivity_fields_are_located() {
    let mut files = example();
    edit(
        &mut files,
        "sources.toml",
        "id = \"monitor-report\"\nsensitivity = \"public\"",
        "id = \"monitor-report\"\nsensitivity = \"secret\"",
    );
    edit(
        &mut files,
        "incidents.toml",
        "id = \"harassment\"\nsensitivity = \"public\"",
        "id = \"harassment\"\nsensitivity = \"public\"\nrestricted_to = [\"a@example.org\"]",
    );
    edit(
        &mut files,
        "actors.toml",
        "id = \"gazette\"\nsensitivity = \"public\"",
        "id = \"gazette\"\nsensitivity = \"restricted\"\nrestricted_to = [\"not an address\", \"b@example.org\", \"B@example.org\"]",
    );
    let errors: Vec<String> = bundle::read(&files)
        .unwrap_err()
        .0
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "actors.toml:51: actors[7].restricted_to: \"not an address\" is not an e-mail address",
            "actors.toml:51: actors[7].restricted_to: \"B@example.org\" is named twice",
            "incidents.toml:34: incidents[2].restricted_to: names members only a restricted record is shown to: set sensitivity = \"restricted\" or leave it out",
            "sources.toml:13: sources[1].sensitivity: unknown sensitivity \"secret\" (expected one of: public, case, restricted)",
        ]
    );
}

#[test]
fn each_reader_is_given_what_they_may_see() {
    let case = mixed();
    let ids = |c: &Case| -> Vec<String> { c.incidents.iter().map(|i| i.id.clone()).collect() };

    let (public, omitted) = visible(&case, Reader::Public);
    assert_eq!(ids(&public), ["harassment"]);
    assert_eq!(omitted.incidents, ["party-dissolved", "gazette-closed"]);
    // The findings about hidden incidents are gone with them, and so is the file of one.
    assert_eq!(omitted.findings, ["f-dissolution", "f-gazette"]);
    assert!(public.findings.iter().all(|f| f.id == "f-surveillance"));

    let (member, _) = visible(&case, Reader::Member("other@example.org"));
    assert_eq!(ids(&member), ["gazette-closed", "harassment"]);
    // Addresses compare without regard to case, as accounts do.
    let (named, omitted) = visible(&case, Reader::Member("named@example.org"));
    assert_eq!(ids(&named).len(), 3);
    assert!(omitted.is_empty());
    let (owner, omitted) = visible(&case, Reader::Owner);
    assert_eq!(owner, case);
    assert!(omitted.is_empty());

    // What a reader is given is still a valid case, and its trigger status counts nothing hidden.
    for c in [public, member, named] {
        let valid = validate(c).unwrap();
        let status = evaluate(&valid);
        for m in &status.mechanisms {
            for f in &m.findings {
                assert!(f.incidents.iter().all(|i| valid.incident(i).is_some()));
            }
        }
    }
}

#[test]
fn references_to_hidden_records_are_removed() {
    let case = read_with(&[
        (
            "actors.toml",
            "id = \"opposition\"\nsensitivity = \"public\"",
            "id = \"opposition\"\nsensitivity = \"restricted\"",
        ),
        (
            "sources.toml",
            "id = \"gazette-2030-02\"\nsensitivity = \"public\"",
            "id = \"gazette-2030-02\"\nsensitivity = \"case\"",
        ),
    ]);
    let (public, omitted) = visible(&case, Reader::Public);
    assert_eq!(omitted.actors, ["opposition"]);
    assert_eq!(omitted.sources, ["gazette-2030-02"]);
    // A letter's body is text its authors wrote (it may cite any source by id: composing it for
    // a reader is the letters crate's business); every record and list of ids is checked here.
    let mut records = public.clone();
    records.letters.iter_mut().for_each(|l| l.body.clear());
    let text = format!("{records:?}");
    assert!(!text.contains("\"opposition\""), "{text}");
    assert!(!text.contains("gazette-2030-02"), "{text}");
    assert!(validate(public).is_ok());
    assert_eq!(Sensitivity::Restricted.as_str(), "restricted");
}
