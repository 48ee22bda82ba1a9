//! Shared fixtures: the documented example bundle, as strings.

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleFile};

macro_rules! example_files {
    ($($path:literal),* $(,)?) => {
        vec![$(BundleFile {
            path: $path.to_owned(),
            contents: include_str!(concat!("../../../../docs/examples/minimal-case/", $path)).to_owned(),
        }),*]
    };
}

/// The files of `docs/examples/minimal-case`.
pub fn example() -> Vec<BundleFile> {
    example_files![
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "observations.toml",
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
        "elections/2029-parliament.json",
    ]
}

pub fn example_case() -> ValidCase {
    bundle::read(&example()).unwrap()
}

/// Replace `from` by `to` in one file of a bundle (the test fails if `from` is not there).
pub fn edit(files: &mut [BundleFile], path: &str, from: &str, to: &str) {
    let f = files.iter_mut().find(|f| f.path == path).unwrap();
    assert!(
        f.contents.contains(from),
        "{path} does not contain {from:?}"
    );
    f.contents = f.contents.replacen(from, to, 1);
}

/// The example with `docs/examples/follow-through.toml` as its `follow-through.toml`.
pub fn example_with_follow_through() -> Vec<BundleFile> {
    let mut files = example();
    files.push(BundleFile {
        path: "follow-through.toml".to_owned(),
        contents: include_str!("../../../../docs/examples/follow-through.toml").to_owned(),
    });
    files
}
