//! Reading and writing bundles: the happy path, the round trip, and every kind of bad input.

use accord_core::bundle::{self, BundleFile};
use accord_core::{Named, ObservationStatus, SignatureState, TextStatus};

use crate::support::{edit, example, example_case};

#[test]
fn reads_the_documented_example() {
    let case = example_case();
    assert_eq!(case.id, "example-2030");
    assert_eq!(case.country.as_deref(), Some("XF"));
    assert_eq!(case.period.unwrap().to_string(), "2030-01..2030-06");
    assert_eq!(case.instruments.len(), 1);
    let provisions: Vec<String> = case.provisions().map(|p| p.citation.to_string()).collect();
    assert_eq!(
        provisions,
        [
            "FPA Art. 3(1)",
            "FPA Art. 3(2)",
            "FPA Art. 9",
            "FPA Annex 1 Art. 2"
        ]
    );
    let missing = case.provisions().last().unwrap();
    assert_eq!(missing.status, TextStatus::Missing);
    assert_eq!(missing.text, None);
    assert_eq!(case.actors.len(), 8);
    assert_eq!(case.incidents[1].date.precision(), "month");
    assert_eq!(case.incidents[1].evidence.len(), 1);
    assert_eq!(case.incidents[0].actors[1].actor, "opposition");
    assert_eq!(case.findings.len(), 3);
    let letter = &case.letters[0];
    assert!(letter.body.contains("{{ quote(\"FPA Art. 3(1)\") }}"));
    assert_eq!(letter.signatories[1].state, SignatureState::Signed);
    assert_eq!(letter.cc.len(), 2);
    assert_eq!(case.elections[0].id, "2029-parliament");
    let o = &case.observations[1];
    assert_eq!(
        (o.id.as_str(), o.provision.to_string(), o.date.to_string()),
        (
            "o-fpa-3-1-2030",
            "FPA Art. 3(1)".to_owned(),
            "2030".to_owned()
        )
    );
    assert_eq!((o.score.value(), o.score.label()), (1, "minimal"));
    assert_eq!(o.status, ObservationStatus::Confirmed);
    assert_eq!(o.sources, ["gazette-2030-02", "monitor-report"]);
    assert_eq!(o.coded_by.as_deref(), Some("Research team"));
    assert_eq!(case.observations[2].status, ObservationStatus::Draft);
}

#[test]
fn export_import_export_is_byte_identical() {
    let first = bundle::write(&example_case()).unwrap();
    let again = bundle::write(&bundle::read(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    // And the canonical form loses nothing the hand-written one said.
    assert_eq!(bundle::read(&first).unwrap(), example_case());
}

/// Large cases: past `Sharding`'s bounds a kind is written as numbered shard files, read back in
/// file-name order; the round trip stays byte-identical and loses nothing.
#[test]
fn large_kinds_are_written_as_shards_and_read_back_in_order() {
    let small = bundle::Sharding {
        records: 3,
        bytes: 1 << 20,
    };
    let first = bundle::write_sharded(&example_case(), small).unwrap();
    let paths: Vec<&str> = first.iter().map(|f| f.path.as_str()).collect();
    // 8 actors in shards of 3; 3 incidents fit in one file.
    for want in [
        "actors/000001.toml",
        "actors/000002.toml",
        "actors/000003.toml",
    ] {
        assert!(paths.contains(&want), "{paths:?}");
    }
    assert!(!paths.contains(&"actors.toml"), "{paths:?}");
    assert!(!paths.contains(&"actors/000004.toml"), "{paths:?}");
    assert!(paths.contains(&"incidents.toml"), "{paths:?}");
    let back = bundle::read(&first).unwrap();
    assert_eq!(back, example_case());
    assert_eq!(bundle::write_sharded(&back, small).unwrap(), first);
    // Shards and one file hold the same case: either writes the other's canonical form.
    assert_eq!(
        bundle::write(&back).unwrap(),
        bundle::write(&example_case()).unwrap()
    );

    // The byte bound alone splits too, down to one record a file.
    let tiny = bundle::Sharding {
        records: 1000,
        bytes: 1,
    };
    let files = bundle::write_sharded(&example_case(), tiny).unwrap();
    let incident_files: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.starts_with("incidents"))
        .collect();
    assert_eq!(
        incident_files,
        [
            "incidents/000001.toml",
            "incidents/000002.toml",
            "incidents/000003.toml"
        ]
    );
    assert_eq!(bundle::read(&files).unwrap(), example_case());
}

/// `write_each` hands out the very files `write` returns (an export writes them as they come,
/// holding one at a time), and stops at the first error its caller returns.
#[test]
fn files_handed_out_one_at_a_time_are_the_bundle_and_an_error_stops_them() {
    let case = example_case();
    let mut each = Vec::new();
    bundle::write_each(&case, &mut |f| {
        each.push(f);
        Ok(())
    })
    .unwrap();
    each.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(each, bundle::write(&case).unwrap());
    assert!(each.len() > 3, "{}", each.len());

    let mut seen = 0;
    let err = bundle::write_each(&case, &mut |f| {
        seen += 1;
        if seen == 2 {
            return Err(bundle::WriteError {
                path: f.path,
                message: "disk full".into(),
            });
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(seen, 2);
    assert_eq!(err.message, "disk full");
}

/// A bad shard is reported by its own file name, line and field, like any other file.
#[test]
fn a_bad_shard_names_its_file_line_and_field() {
    let small = bundle::Sharding {
        records: 3,
        bytes: 1 << 20,
    };
    let mut files = bundle::write_sharded(&example_case(), small).unwrap();
    let shard = files
        .iter_mut()
        .find(|f| f.path == "actors/000002.toml")
        .unwrap();
    let at = shard.contents.find("kind = \"").unwrap();
    shard
        .contents
        .replace_range(at..at + "kind = \"".len(), "kind = \"bogus-");
    let line = shard.contents[..at].matches('\n').count() + 1;
    let errors = bundle::read(&files).unwrap_err();
    let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(rendered.len(), 1, "{rendered:?}");
    assert!(
        rendered[0].starts_with(&format!("actors/000002.toml:{line}: actors[0].kind: ")),
        "{rendered:?}"
    );
}

#[test]
fn canonical_files_are_the_documented_layout() {
    let paths: Vec<String> = bundle::write(&example_case())
        .unwrap()
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(
        paths,
        [
            "actors.toml",
            "case.toml",
            "elections/2029-parliament.json",
            "findings.toml",
            "incidents.toml",
            "instruments/FPA.toml",
            "letters/appeal-2030/body.md",
            "letters/appeal-2030/letter.toml",
            "mechanisms.toml",
            "observations.toml",
            "sources.toml",
        ]
    );
    // A case without observations has no observations file: bundles written before observations
    // existed export byte for byte as they did.
    let mut case = example_case().into_case();
    case.observations.clear();
    case.follow_through.clear();
    let paths: Vec<String> = bundle::write(&case)
        .unwrap()
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert!(
        !paths
            .iter()
            .any(|p| p.starts_with("observations") || p.starts_with("follow-through")),
        "{paths:?}"
    );
}

/// Run a bundle with one edit and compare the rendered errors with `expected` (each expected line
/// must appear, in order, among the errors).
fn check(path: &str, from: &str, to: &str, expected: &[&str]) {
    let mut files = example();
    edit(&mut files, path, from, to);
    let errors = bundle::read(&files).unwrap_err();
    let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    for want in expected {
        assert!(
            rendered.iter().any(|e| e == want),
            "expected error {want:?}\n got:\n{}",
            rendered.join("\n")
        );
    }
    assert_eq!(
        rendered.len(),
        expected.len(),
        "unexpected extra errors:\n{}",
        rendered.join("\n")
    );
}

#[test]
fn syntax_error_names_file_and_line() {
    check(
        "incidents.toml",
        "title = \"The Gazette forced to close\"",
        "title = \"The Gazette forced to close",
        &["incidents.toml:20: invalid basic string, expected `\"`"],
    );
}

#[test]
fn unknown_key_is_an_error() {
    check(
        "sources.toml",
        "publisher = \"Example Monitor\"",
        "publsher = \"Example Monitor\"",
        &[
            "sources.toml:15: unknown field `publsher`, expected one of `id`, `sensitivity`, `restricted_to`, `authors`, `title`, `publisher`, `date`, `url`, `accessed`, `note`",
        ],
    );
}

#[test]
fn dangling_references_name_the_field() {
    check(
        "findings.toml",
        "provision = \"FPA Art. 3(1)\"",
        "provision = \"FPA Art. 92\"",
        &["findings.toml:4: findings[0].provision: no provision FPA Art. 92 in this case"],
    );
    check(
        "incidents.toml",
        "{ actor = \"opposition\", role = \"target\" }",
        "{ actor = \"oposition\", role = \"target\" }",
        &["incidents.toml:11: incidents[0].actors[1].actor: no actor \"oposition\" in this case"],
    );
    check(
        "mechanisms.toml",
        "consult = [\"parties\"]",
        "consult = [\"parties\", \"nobody\"]",
        &["mechanisms.toml:9: mechanisms[0].consult[1]: no actor \"nobody\" in this case"],
    );
    check(
        "findings.toml",
        "incidents = [\"harassment\"]",
        "incidents = []",
        &["findings.toml:21: findings[2].incidents: a finding needs at least one incident"],
    );
}

#[test]
fn duplicate_ids_are_refused() {
    check(
        "incidents.toml",
        "id = \"harassment\"",
        "id = \"party-dissolved\"",
        &[
            // The renamed incident is gone, so the finding that named it now dangles.
            "findings.toml:21: findings[2].incidents[0]: no incident \"harassment\" in this case",
            "incidents.toml:32: incidents[2].id: duplicate incident id \"party-dissolved\"",
        ],
    );
    check(
        "instruments/FPA.toml",
        "cite = \"FPA Art. 9\"",
        "cite = \"FPA Art. 3(2)\"",
        &[
            "instruments/FPA.toml:31: provisions[2].cite: duplicate provision FPA Art. 3(2)",
            "mechanisms.toml:4: mechanisms[0].provision: no provision FPA Art. 9 in this case",
        ],
    );
}

#[test]
fn malformed_dates_are_refused() {
    check(
        "incidents.toml",
        "date = \"2030-02-14\"",
        "date = \"2030-02-30\"",
        &[
            "incidents.toml:4: incidents[0].date: \"2030-02-30\" is not a date: February 2030 has 28 days",
        ],
    );
    check(
        "case.toml",
        "period = \"2030-01..2030-06\"",
        "period = \"2030-06..2030-01\"",
        &[
            "case.toml:6: period: \"2030-06..2030-01\" is not a date range: it ends before it starts",
        ],
    );
    check(
        "letters/appeal-2030/letter.toml",
        "date = \"2030-07-01\"",
        "date = \"2030-07\"",
        &[
            "letters/appeal-2030/letter.toml:3: date: \"2030-07\": a single day is needed here (YYYY-MM-DD)",
        ],
    );
}

#[test]
fn bad_vocabulary_lists_what_is_accepted() {
    check(
        "findings.toml",
        "verdict = \"concern\"",
        "verdict = \"worry\"",
        &[
            "findings.toml:23: findings[2].verdict: unknown verdict \"worry\" (expected one of: violation, threat_of_violation, concern)",
        ],
    );
    check(
        "findings.toml",
        "provision = \"FPA Art. 3(1)\"",
        "provision = \"FPA Chapter 3\"",
        &[
            "findings.toml:4: findings[0].provision: \"FPA Chapter 3\" is not a citation: unknown unit \"Chapter\" (expected Annex, Part, Sec., Art. or Para.)",
        ],
    );
}

#[test]
fn several_problems_are_reported_together() {
    let mut files = example();
    edit(
        &mut files,
        "findings.toml",
        "provision = \"FPA Art. 3(1)\"",
        "provision = \"FPA Art. 92\"",
    );
    edit(
        &mut files,
        "incidents.toml",
        "date = \"2030-03\"",
        "date = \"March\"",
    );
    edit(
        &mut files,
        "actors.toml",
        "id = \"sylvania\"",
        "id = \"freedonia\"",
    );
    let errors = bundle::read(&files).unwrap_err();
    assert_eq!(
        errors.to_string(),
        [
            "actors.toml:10: actors[1].id: duplicate actor id \"freedonia\"",
            "actors.toml:26: actors[3].members[1]: no actor \"sylvania\" in this case",
            "findings.toml:4: findings[0].provision: no provision FPA Art. 92 in this case",
            "incidents.toml:19: incidents[1].date: \"March\" is not a date: expected YYYY-MM-DD, YYYY-MM, YYYY, A..B or A..",
            "instruments/FPA.toml:6: parties[1]: no actor \"sylvania\" in this case",
        ]
        .join("\n")
    );
}

#[test]
fn structural_problems() {
    let mut files = example();
    files.retain(|f| f.path != "case.toml");
    let errors = bundle::read(&files).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "case.toml: missing: every bundle needs a case.toml"
    );

    let mut files = example();
    files.push(BundleFile {
        path: "incident.toml".into(),
        contents: String::new(),
    });
    let errors = bundle::read(&files).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "incident.toml: unknown file in a case bundle (see docs/case-format.md for the layout)"
    );

    let mut files = example();
    files.retain(|f| f.path != "letters/appeal-2030/body.md");
    let errors = bundle::read(&files).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "letters/appeal-2030/letter.toml: body: the body file \"letters/appeal-2030/body.md\" is missing"
    );

    let mut files = example();
    edit(
        &mut files,
        "instruments/FPA.toml",
        "id = \"FPA\"",
        "id = \"FPB\"",
    );
    let errors = bundle::read(&files).unwrap_err();
    assert!(
        errors.to_string().starts_with(
            "instruments/FPA.toml:1: id: \"FPB\" does not match the file name (expected id = \"FPA\")"
        ),
        "{errors}"
    );
}

#[test]
fn provision_text_status_rules() {
    check(
        "instruments/FPA.toml",
        "cite = \"FPA Annex 1 Art. 2\"\ntext_status = \"missing\"",
        "cite = \"FPA Annex 1 Art. 2\"\ntext_status = \"verified\"",
        &[
            "instruments/FPA.toml:40: provisions[3].text: no text given: set text_status = \"missing\" if it is not available",
        ],
    );
}

#[test]
fn directories_of_files_are_read_in_name_order() {
    let mut files = example();
    let incidents = files
        .iter()
        .position(|f| f.path == "incidents.toml")
        .unwrap();
    let text = files.remove(incidents).contents;
    let (first, second) = text.split_at(text.find("[[incidents]]\nid = \"harassment\"").unwrap());
    files.push(BundleFile {
        path: "incidents/b.toml".into(),
        contents: second.into(),
    });
    files.push(BundleFile {
        path: "incidents/a.toml".into(),
        contents: first.into(),
    });
    let case = bundle::read(&files).unwrap();
    let ids: Vec<&str> = case.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["party-dissolved", "gazette-closed", "harassment"]);
    assert_eq!(case.incidents[2].kind.as_str(), "surveillance");
}

#[test]
fn observation_problems_name_file_line_and_field() {
    check(
        "observations.toml",
        "score = 3",
        "score = 4",
        &[
            "observations.toml:5: observations[0].score: 4 is not on the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)",
        ],
    );
    check(
        "observations.toml",
        "score = 3",
        "score = -1",
        &[
            "observations.toml:5: observations[0].score: -1 is not on the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)",
        ],
    );
    check(
        "observations.toml",
        "date = \"2029\"",
        "date = \"2027\"",
        &["observations.toml:4: observations[0].date: 2027 is before FPA existed (1 May 2028)"],
    );
    check(
        "observations.toml",
        "date = \"2029\"",
        "date = \"2029..2030\"",
        &[
            "observations.toml:4: observations[0].date: \"2029..2030\": an observation describes a day, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY), not a range",
        ],
    );
    check(
        "observations.toml",
        "provision = \"FPA Art. 3(2)\"",
        "provision = \"FPA Art. 10\"",
        &["observations.toml:25: observations[2].provision: no provision FPA Art. 10 in this case"],
    );
    check(
        "observations.toml",
        "sources = [\"monitor-report\"]",
        "sources = [\"nowhere\"]",
        &["observations.toml:7: observations[0].sources[0]: no source \"nowhere\" in this case"],
    );
    check(
        "observations.toml",
        "id = \"o-fpa-3-1-2030\"",
        "id = \"o-fpa-3-1-2029\"",
        &["observations.toml:13: observations[1].id: duplicate observation id \"o-fpa-3-1-2029\""],
    );
    check(
        "observations.toml",
        "status = \"draft\"",
        "status = \"pending\"",
        &[
            "observations.toml:28: observations[2].status: unknown observation status \"pending\" (expected one of: draft, confirmed, retracted)",
        ],
    );
}

#[test]
fn a_year_ending_on_the_instruments_first_year_is_not_before_it() {
    // FPA was signed on 1 May 2028: an observation of the year 2028 describes a time it existed.
    let mut files = example();
    edit(
        &mut files,
        "observations.toml",
        "date = \"2029\"",
        "date = \"2028\"",
    );
    assert!(bundle::read(&files).is_ok());
}

/// A source that counts what the reader asks of it, and can fail one file.
struct Counting {
    files: Vec<BundleFile>,
    asked: Vec<usize>,
    broken: Option<&'static str>,
}

impl bundle::BundleSource for Counting {
    fn paths(&self) -> Vec<String> {
        self.files.iter().map(|f| f.path.clone()).collect()
    }

    fn text(&mut self, index: usize) -> Result<String, String> {
        self.asked[index] += 1;
        let f = &self.files[index];
        if self.broken == Some(f.path.as_str()) {
            return Err("cannot read: disk on fire".into());
        }
        Ok(f.contents.clone())
    }
}

fn counting(files: Vec<BundleFile>) -> Counting {
    let n = files.len();
    Counting {
        files,
        asked: vec![0; n],
        broken: None,
    }
}

/// Each text file is asked for once (a shard's text is let go after its records are taken, so it
/// is never kept for later); a file the reader does not need (README.md) is never read; a shard
/// is read again only to locate a problem in it, and the problem still has its line.
#[test]
fn a_source_is_read_once_per_file_and_again_only_to_locate_a_problem() {
    let small = bundle::Sharding {
        records: 3,
        bytes: 1 << 20,
    };
    let mut files = bundle::write_sharded(&example_case(), small).unwrap();
    files.push(BundleFile {
        path: "README.md".into(),
        contents: "notes".into(),
    });
    let mut src = counting(files.clone());
    let case = bundle::read_from(&mut src, &[]).unwrap();
    assert_eq!(case, example_case());
    for (f, n) in src.files.iter().zip(&src.asked) {
        let want = usize::from(f.path != "README.md");
        assert_eq!(*n, want, "{} asked {n} times", f.path);
    }

    // A dangling reference in the actors shard that has a coalition's members: found after
    // every file was read, located by reading that shard again.
    let shard = files
        .iter_mut()
        .find(|f| f.path.starts_with("actors/") && f.contents.contains("members = ["))
        .unwrap();
    let shard_path = shard.path.clone();
    let members = shard.contents.find("members = [").unwrap();
    shard
        .contents
        .insert_str(members + "members = [".len(), "\"nobody\", ");
    let line = shard.contents[..members].matches('\n').count() + 1;
    let mut src = counting(files);
    let errors = bundle::read_from(&mut src, &[]).unwrap_err();
    let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(rendered.len(), 1, "{rendered:?}");
    assert!(
        rendered[0].starts_with(&format!("{shard_path}:{line}: actors[")),
        "{rendered:?}"
    );
    assert!(rendered[0].contains("nobody"), "{rendered:?}");
    let k = src.files.iter().position(|f| f.path == shard_path).unwrap();
    assert_eq!(src.asked[k], 2);
}

/// A file the source cannot give is refused by name, and nothing is returned.
#[test]
fn a_file_the_source_cannot_read_is_reported_against_it() {
    let small = bundle::Sharding {
        records: 3,
        bytes: 1 << 20,
    };
    let mut src = counting(bundle::write_sharded(&example_case(), small).unwrap());
    src.broken = Some("actors/000003.toml");
    let errors = bundle::read_from(&mut src, &[]).unwrap_err();
    let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        ["actors/000003.toml: cannot read: disk on fire".to_owned()]
    );
}
