//! Real files of the repository that generated inputs start from.

macro_rules! repo_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../../../", $path)))
    };
}

/// The example bundle: every part of the format, small enough to read a million times.
pub const MINIMAL_CASE: &[(&str, &str)] = &[
    repo_file!("docs/examples/minimal-case/case.toml"),
    repo_file!("docs/examples/minimal-case/actors.toml"),
    repo_file!("docs/examples/minimal-case/sources.toml"),
    repo_file!("docs/examples/minimal-case/mechanisms.toml"),
    repo_file!("docs/examples/minimal-case/instruments/FPA.toml"),
    repo_file!("docs/examples/minimal-case/incidents.toml"),
    repo_file!("docs/examples/minimal-case/findings.toml"),
    repo_file!("docs/examples/minimal-case/letters/appeal-2030/letter.toml"),
    repo_file!("docs/examples/minimal-case/letters/appeal-2030/body.md"),
    repo_file!("docs/examples/minimal-case/elections/2029-parliament.json"),
];

/// The prefix of [`MINIMAL_CASE`]'s paths.
pub const MINIMAL_ROOT: &str = "docs/examples/minimal-case/";

/// Files of the reference case, spliced into generated files.
pub const CAMBODIA: &[(&str, &str)] = &[
    repo_file!("data/cases/cambodia-2017/case.toml"),
    repo_file!("data/cases/cambodia-2017/incidents.toml"),
    repo_file!("data/cases/cambodia-2017/findings.toml"),
    repo_file!("data/cases/cambodia-2017/sources.toml"),
    repo_file!("data/cases/cambodia-2017/actors.toml"),
    repo_file!("data/cases/cambodia-2017/mechanisms.toml"),
    repo_file!("data/cases/cambodia-2017/instruments/ACPS.toml"),
    repo_file!(
        "data/cases/cambodia-2017/letters/2017-10-23-reconvene-paris-conference/letter.toml"
    ),
];

/// An evidence.toml with capture records and custody logs.
pub const EVIDENCE_TOML: &str = include_str!("../../../data/cases/cambodia-2017/evidence.toml");

/// Letter bodies (Markdown templates).
pub const BODIES: &[&str] = &[
    include_str!("../../../docs/examples/minimal-case/letters/appeal-2030/body.md"),
    include_str!(
        "../../../data/cases/cambodia-2017/letters/2017-10-23-reconvene-paris-conference/body.md"
    ),
];

/// Election files (JSON).
pub const ELECTIONS_JSON: &[&str] = &[
    include_str!("../../elections/tests/data/finland_eduskunta_2019.json"),
    include_str!("../../elections/tests/data/madrid_city_council_2019.json"),
    include_str!("../../elections/tests/data/us_house_2020_huntington_hill.json"),
    include_str!("../../../docs/examples/minimal-case/elections/2029-parliament.json"),
    include_str!("../../../data/cases/cambodia-2017/elections/2013-national-assembly.json"),
];

/// A votes CSV (`constituency,party,votes`).
pub const VOTES_CSV: &str = include_str!("../../elections/tests/data/norway_storting_2021.csv");
