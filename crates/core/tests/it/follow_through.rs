//! What happened after a letter: which mechanisms a letter asks for, what each addressee did,
//! the deadlines passed without an answer (as of any day), and the rules a new record must meet.

use accord_core::follow_through::{
    self, DeliveryMethod, FollowThrough, Outcome, Record, ResponseAction, awaiting, record_problems,
};
use accord_core::{Case, Day, Letter, ValidCase, as_of};

use crate::support::{edit, example_with_follow_through};

fn example() -> Vec<accord_core::bundle::BundleFile> {
    example_with_follow_through()
}

fn example_case() -> ValidCase {
    accord_core::bundle::read(&example()).unwrap()
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

/// The fields of the problems `record` would meet if written on `today` in `case`.
fn refused(case: &Case, record: &FollowThrough, today: &str) -> Vec<String> {
    record_problems(case, record, day(today))
        .into_iter()
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect()
}

fn response(from: &str, date: &str) -> FollowThrough {
    FollowThrough {
        id: "r-new".into(),
        letter: "appeal-2030".into(),
        what: Record::Response {
            from: from.into(),
            date: day(date),
            action: ResponseAction::Declined,
            summary: "They refused.".into(),
            text: None,
            source: None,
        },
    }
}

/// The example case with a second letter, `second-2030` (dated `date`), in it.
fn with_second_letter(date: &str) -> Case {
    let mut case = example_case().into_case();
    let mut second: Letter = case.letters[0].clone();
    second.id = "second-2030".into();
    second.date = day(date);
    case.letters.push(second);
    case
}

#[test]
fn a_letter_asks_for_the_mechanisms_whose_provision_it_quotes_or_whose_incidents_it_lists() {
    let case = example_case();
    let letter = case.letter("appeal-2030").unwrap();
    let asked: Vec<&str> = follow_through::requested_mechanisms(&case, letter)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(asked, ["fpa-art-9"]);
    let mut other = letter.clone();
    other.body = "We write about FPA Art. 9 without quoting it.".into();
    assert!(follow_through::requested_mechanisms(&case, &other).is_empty());
    other.body = "{{ quote(\"FPA Art. 9\") }}".into();
    assert_eq!(follow_through::requested_mechanisms(&case, &other).len(), 1);
}

#[test]
fn each_addressee_and_each_responsible_party_has_an_outcome() {
    let case = example_case();
    let letter = case.letter("appeal-2030").unwrap();
    let outcomes = follow_through::outcomes(&case, letter, &["guarantor".into(), "sg".into()]);
    let got: Vec<(&str, bool, Outcome)> = outcomes
        .iter()
        .map(|p| (p.party.as_str(), p.addressed, p.outcome))
        .collect();
    assert_eq!(
        got,
        [
            ("guarantor", true, Outcome::Acknowledged),
            ("sg", false, Outcome::NoResponse)
        ]
    );
    assert_eq!(
        outcomes[0].delivered.map(|d| d.id.as_str()),
        Some("delivery-appeal-2030-guarantor")
    );
    // Before the response was received, the guarantor had not answered.
    let then = as_of(&case, day("2030-08-19"));
    let letter = then.letter("appeal-2030").unwrap();
    assert_eq!(
        follow_through::outcomes(&then, letter, &[])[0].outcome,
        Outcome::NoResponse
    );
}

#[test]
fn a_deadline_awaits_until_the_addressee_it_binds_answers() {
    let case = example_case();
    let late = |on: &str| -> Vec<(String, i64)> {
        let then = as_of(&case, day(on));
        awaiting(&then, day(on))
            .iter()
            .map(|o| (o.deadline.id.clone(), o.days_late))
            .collect()
    };
    assert!(late("2030-08-01").is_empty(), "not passed on its own day");
    assert_eq!(
        late("2030-08-10"),
        [("deadline-appeal-2030-convene".to_owned(), 9)]
    );
    assert_eq!(
        late("2030-08-19"),
        [("deadline-appeal-2030-convene".to_owned(), 18)]
    );
    assert!(late("2030-08-20").is_empty(), "answered on the 20th");
    // A response from someone else does not answer a deadline that binds the guarantor.
    let mut files = example();
    edit(
        &mut files,
        "follow-through.toml",
        "from = \"guarantor\"",
        "from = \"The Foreign Minister of Ruritania\"",
    );
    let by_name: ValidCase = accord_core::bundle::read(&files).unwrap();
    assert!(
        awaiting(&by_name, day("2030-09-01")).is_empty(),
        "the addressee's printed name is the same addressee"
    );
}

#[test]
fn the_last_request_of_a_mechanism_and_its_latest_answer() {
    let case = example_case();
    let m = case.mechanism("fpa-art-9").unwrap();
    let last = follow_through::last_asked(&case, m).unwrap();
    assert_eq!(last.letter.id, "appeal-2030");
    assert_eq!(last.letters, 1);
    assert_eq!(
        last.response.map(|r| r.id.as_str()),
        Some("response-appeal-2030-guarantor")
    );
    // Before the letter was written, nobody had asked.
    let before = as_of(&case, day("2030-06-30"));
    assert!(follow_through::last_asked(&before, before.mechanism("fpa-art-9").unwrap()).is_none());
}

#[test]
fn a_response_from_someone_the_letter_was_not_addressed_to_is_refused() {
    let case = example_case().into_case();
    let problems = refused(&case, &response("sylvania", "2030-08-01"), "2030-12-01");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("from: \"sylvania\" is not an addressee of letter \"appeal-2030\""),
        "{problems:?}"
    );
    assert!(refused(&case, &response("guarantor", "2030-08-01"), "2030-12-01").is_empty());
    assert!(
        refused(
            &case,
            &response("the foreign minister of ruritania", "2030-08-01"),
            "2030-12-01"
        )
        .is_empty()
    );
}

#[test]
fn a_date_before_the_letter_or_after_today_is_refused() {
    let case = example_case().into_case();
    let before = refused(&case, &response("guarantor", "2030-06-30"), "2030-12-01");
    assert_eq!(before.len(), 1, "{before:?}");
    assert!(
        before[0].starts_with("date: 2030-06-30 is before the letter"),
        "{before:?}"
    );
    let future = refused(&case, &response("guarantor", "2030-12-02"), "2030-12-01");
    assert_eq!(
        future,
        ["date: 2030-12-02 is in the future (today is 2030-12-01)"]
    );
    // A deadline may lie ahead; not before the letter.
    let deadline = |d: &str| FollowThrough {
        id: "d-new".into(),
        letter: "appeal-2030".into(),
        what: Record::Deadline {
            date: day(d),
            addressee: None,
            asked: "Act.".into(),
        },
    };
    assert!(refused(&case, &deadline("2031-01-01"), "2030-12-01").is_empty());
    assert_eq!(
        refused(&case, &deadline("2030-01-01"), "2030-12-01").len(),
        1
    );
}

#[test]
fn a_follow_up_cites_an_earlier_letter_of_its_own_case() {
    let case = with_second_letter("2030-09-01");
    let follow_up = |cites: &str| FollowThrough {
        id: "f-new".into(),
        letter: "second-2030".into(),
        what: Record::FollowUp {
            cites: cites.into(),
        },
    };
    assert!(refused(&case, &follow_up("appeal-2030"), "2030-12-01").is_empty());
    assert!(refused(&case, &follow_up("example-2030/appeal-2030"), "2030-12-01").is_empty());
    let other = refused(
        &case,
        &follow_up("cambodia-2017/2017-10-23-reconvene-paris-conference"),
        "2030-12-01",
    );
    assert_eq!(other.len(), 1, "{other:?}");
    assert!(
        other[0].starts_with("cites: ")
            && other[0].contains("a letter of another case (\"cambodia-2017\")"),
        "{other:?}"
    );
    assert!(
        refused(&case, &follow_up("nope"), "2030-12-01")[0]
            .starts_with("cites: no letter \"nope\"")
    );
    assert!(
        refused(&case, &follow_up("second-2030"), "2030-12-01")[0]
            .contains("cannot follow itself up")
    );
    // The earlier letter cannot be younger than its follow-up.
    let younger = with_second_letter("2030-06-01");
    assert!(
        refused(&younger, &follow_up("appeal-2030"), "2030-12-01")[0].contains("after this letter")
    );
    let mut recorded = case.clone();
    recorded.follow_through.push(follow_up("appeal-2030"));
    let ups = follow_through::follow_ups_of(&recorded, "appeal-2030");
    assert_eq!(ups.len(), 1);
    assert_eq!(ups[0].letter, "second-2030");
}

#[test]
fn ids_are_unique_and_new_ones_read_like_the_record() {
    let case = example_case().into_case();
    let mut r = response("guarantor", "2030-08-21");
    r.id = "response-appeal-2030-guarantor".into();
    let taken = refused(&case, &r, "2030-12-01");
    assert!(
        taken[0].starts_with("id: ") && taken[0].ends_with("already exists"),
        "{taken:?}"
    );
    let what = Record::Delivery {
        to: "guarantor".into(),
        date: day("2030-07-02"),
        method: DeliveryMethod::Post,
        note: None,
    };
    assert_eq!(
        follow_through::new_id(&case, &what, "appeal-2030"),
        "delivery-appeal-2030-2030-07-02"
    );
    let mut with = case.clone();
    with.follow_through.push(FollowThrough {
        id: "delivery-appeal-2030-2030-07-02".into(),
        letter: "appeal-2030".into(),
        what: what.clone(),
    });
    assert_eq!(
        follow_through::new_id(&with, &what, "appeal-2030"),
        "delivery-appeal-2030-2030-07-02-2"
    );
}

#[test]
fn a_bundle_names_the_line_of_a_bad_record() {
    let mut files = example();
    edit(
        &mut files,
        "follow-through.toml",
        "from = \"guarantor\"",
        "from = \"sylvania\"",
    );
    let err = accord_core::bundle::read(&files).unwrap_err().to_string();
    assert!(
        err.contains("follow-through.toml:18: responses[0].from"),
        "{err}"
    );
    let mut files = example();
    edit(
        &mut files,
        "follow-through.toml",
        "action = \"acknowledged\"",
        "action = \"no_response\"",
    );
    let err = accord_core::bundle::read(&files).unwrap_err().to_string();
    assert!(
        err.contains("responses[0].action") && err.contains("unknown response action"),
        "{err}"
    );
    let mut files = example();
    edit(
        &mut files,
        "follow-through.toml",
        "date = \"2030-07-02\"",
        "date = \"2030-06-02\"",
    );
    let err = accord_core::bundle::read(&files).unwrap_err().to_string();
    assert!(
        err.contains("deliveries[0].date") && err.contains("before the letter"),
        "{err}"
    );
}

#[test]
fn follow_through_round_trips_through_the_bundle_format() {
    let case = example_case();
    assert_eq!(case.follow_through.len(), 3);
    let first = accord_core::bundle::write(&case).unwrap();
    let file = first
        .iter()
        .find(|f| f.path == "follow-through.toml")
        .unwrap();
    // The canonical file is the example without its comment.
    let example = include_str!("../../../../docs/examples/follow-through.toml");
    let body: String = example
        .lines()
        .skip_while(|l| l.starts_with('#') || l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(file.contents, body);
    let again = accord_core::bundle::read(&first).unwrap();
    assert_eq!(again, case);
    assert_eq!(accord_core::bundle::write(&again).unwrap(), first);
}

#[test]
fn a_reader_who_may_not_see_a_responses_source_or_an_addressees_actor_sees_neither() {
    use accord_core::{Reader, Sensitivity};
    let mut case = example_case().into_case();
    for s in &mut case.sources {
        if s.id == "monitor-report" {
            s.sensitivity = Sensitivity::Restricted;
        }
    }
    for a in &mut case.actors {
        if a.id == "guarantor" {
            a.sensitivity = Sensitivity::Restricted;
        }
    }
    let (seen, _) = accord_core::sensitivity::visible(&case, Reader::Member("someone@example.org"));
    let seen = accord_core::validate(seen).unwrap();
    let response = seen
        .follow_through
        .iter()
        .find(|f| f.id == "response-appeal-2030-guarantor")
        .unwrap();
    match &response.what {
        Record::Response { from, source, .. } => {
            // Named as the letter prints the addressee, not by the hidden actor's id.
            assert_eq!(from, "The Foreign Minister of Ruritania");
            assert_eq!(source, &None);
        }
        other => panic!("{other:?}"),
    }
    // What the guarantor did is still known to the reader, under the printed name.
    let letter = seen.letter("appeal-2030").unwrap();
    let outcomes = follow_through::outcomes(&seen, letter, &[]);
    assert_eq!(outcomes[0].outcome, Outcome::Acknowledged);
}
