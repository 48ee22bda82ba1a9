//! Implementation observations: the latest confirmed one is a provision's, as of any day, and a
//! new one is checked against its case and today's date.

use accord_core::observation::observation_problems;
use accord_core::{Citation, Day, Observation, ObservationStatus, Score, as_of, evaluate};

use crate::support::{edit, example, example_case};

/// The id of the observation the status gives FPA Art. 3(1) as of `day` (`None`: as it stands).
fn latest(case: &accord_core::ValidCase, day: Option<&str>) -> Option<String> {
    let case = match day {
        Some(d) => as_of(case, Day::parse(d).unwrap()),
        None => case.clone(),
    };
    let status = evaluate(&case);
    let cite = Citation::parse("FPA Art. 3(1)").unwrap();
    status
        .provisions
        .iter()
        .find(|p| p.provision.citation == cite)
        .unwrap()
        .observation
        .map(|o| o.id.clone())
}

#[test]
fn a_provision_shows_its_latest_confirmed_observation_as_of_a_day() {
    let case = example_case();
    // A yearly code says where things stood at the end of that year: it counts once it ended.
    for (day, expected) in [
        (None, Some("o-fpa-3-1-2030")),
        (Some("2029-12-30"), None),
        (Some("2029-12-31"), Some("o-fpa-3-1-2029")),
        (Some("2030-06-30"), Some("o-fpa-3-1-2029")),
        (Some("2030-12-31"), Some("o-fpa-3-1-2030")),
    ] {
        assert_eq!(
            latest(&case, day),
            expected.map(str::to_owned),
            "as of {day:?}"
        );
    }
}

#[test]
fn drafts_and_retracted_observations_are_never_a_provisions_status() {
    let case = example_case();
    let status = evaluate(&case);
    let press = status
        .provisions
        .iter()
        .find(|p| p.provision.citation.to_string() == "FPA Art. 3(2)")
        .unwrap();
    assert_eq!(press.observation, None, "its only observation is a draft");

    let mut files = example();
    edit(
        &mut files,
        "observations.toml",
        "score = 1\nstatus = \"confirmed\"",
        "score = 1\nstatus = \"retracted\"",
    );
    let retracted = accord_core::bundle::read(&files).unwrap();
    assert_eq!(latest(&retracted, None).as_deref(), Some("o-fpa-3-1-2029"));
}

fn observation(date: &str, score: u8) -> Observation {
    Observation {
        id: "o-new".into(),
        provision: Citation::parse("FPA Art. 3(1)").unwrap(),
        date: accord_core::observation::parse_date(date).unwrap(),
        score: Score::new(i64::from(score)).unwrap(),
        sources: vec!["monitor-report".into()],
        coded_by: Some("coder@example.org".into()),
        note: None,
        status: ObservationStatus::Draft,
        reviewed_by: None,
    }
}

/// The fields refused for an observation dated `date`, written on `today`.
fn refused(o: &Observation, today: &str) -> Vec<(String, String)> {
    observation_problems(&example_case(), o, Day::parse(today).unwrap())
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect()
}

#[test]
fn a_new_observation_cannot_describe_the_future_or_a_time_before_its_instrument() {
    assert_eq!(refused(&observation("2030-06", 2), "2030-06-01"), []);
    // A year under way may be coded as it stands.
    assert_eq!(refused(&observation("2030", 2), "2030-06-01"), []);
    assert_eq!(
        refused(&observation("2030-06-02", 2), "2030-06-01"),
        [(
            "date".to_owned(),
            "2030-06-02 is in the future (today is 2030-06-01)".to_owned()
        )]
    );
    assert_eq!(
        refused(&observation("2028-04", 2), "2030-06-01"),
        [(
            "date".to_owned(),
            "2028-04 is before FPA existed (1 May 2028)".to_owned()
        )]
    );
    let mut bad = observation("2030", 2);
    bad.provision = Citation::parse("FPA Art. 4").unwrap();
    bad.sources.push("nowhere".into());
    bad.id = "not an id".into();
    let fields: Vec<String> = refused(&bad, "2030-06-01")
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, ["id", "provision", "sources[1]"]);
}

/// A Peace Accords Matrix row of the example case: the observation's id, or the refused columns.
fn pam(
    agreement: &str,
    provision: &str,
    year: &str,
    score: &str,
) -> Result<String, Vec<&'static str>> {
    use accord_core::observation::{PamRow, from_pam_row};
    let row = PamRow {
        agreement,
        provision,
        year,
        score,
    };
    from_pam_row(&example_case(), row, Some("Peace Accords Matrix"), &[])
        .map(|o| {
            assert_eq!(o.status, ObservationStatus::Draft);
            assert_eq!(o.coded_by.as_deref(), Some("Peace Accords Matrix"));
            format!("{} {} {}", o.id, o.provision, o.score.value())
        })
        .map_err(|e| e.into_iter().map(|(column, _)| column).collect())
}

#[test]
fn peace_accords_matrix_rows_name_an_instrument_and_a_provision_of_the_case() {
    for (row, expected) in [
        (
            ("FPA", "FPA Art. 3(1)", "2030", "2"),
            Ok("pam-fpa-art-3-1-2030 FPA Art. 3(1) 2"),
        ),
        // The agreement by its title, the provision without the instrument, or by its heading.
        (
            (
                "Freedonia Peace Accord (invented for this example)",
                "Art. 9",
                "2029",
                "0",
            ),
            Ok("pam-fpa-art-9-2029 FPA Art. 9 0"),
        ),
        (
            ("fpa", "freedom of association", "2031", "3"),
            Ok("pam-fpa-art-3-1-2031 FPA Art. 3(1) 3"),
        ),
        (
            ("Accord of Nowhere", "Art. 1", "2030", "1"),
            Err(vec!["agreement"]),
        ),
        (("FPA", "Amnesty", "2030", "1"), Err(vec!["provision"])),
        (("FPA", "Art. 3(1)", "30", "4"), Err(vec!["year", "score"])),
        (("FPA", "Art. 3(1)", "2030", "full"), Err(vec!["score"])),
    ] {
        let (a, p, y, s) = row;
        let got = pam(a, p, y, s);
        assert_eq!(got, expected.map(str::to_owned), "{row:?}");
    }
}
