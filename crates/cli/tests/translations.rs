//! `accord translation add|pending` on the real binary, and a bundle with translations through
//! `accord import` and `accord export`: byte-identical after a second round, the translation
//! made on the command line included.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::Path;

use serde_json::Value;

use common::{accord, fails, ok, read_tree, repo};

const CASE: &str = "example-2030";

fn pending(db: &Path, lang: &str) -> Vec<String> {
    let out = ok(&accord(
        db,
        &["translation", "pending", CASE, "--lang", lang, "--json"],
    ));
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p["kind"].as_str().unwrap(),
                p["id"].as_str().unwrap(),
                p["field"].as_str().unwrap(),
                p["state"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_record_is_translated_listed_and_exported_with_its_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let example = repo().join("docs/examples/minimal-case");
    ok(&accord(&db, &["import", example.to_str().unwrap()]));
    assert!(pending(&db, "km").contains(&"incident party-dissolved title missing".to_owned()));

    let out = ok(&accord(
        &db,
        &[
            "translation",
            "add",
            CASE,
            "--kind",
            "incident",
            "--id",
            "party-dissolved",
            "--lang",
            "km",
            "--field",
            "title=គណបក្សប្រឆាំងត្រូវបានរំលាយ",
            "--translator",
            "ក្រុមបកប្រែ",
            "--json",
        ],
    ));
    let record: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(record["translations"][0]["by"], "ក្រុមបកប្រែ");
    let km = pending(&db, "km");
    assert!(!km.contains(&"incident party-dissolved title missing".to_owned()));
    assert!(km.contains(&"incident party-dissolved summary missing".to_owned()));
    assert!(pending(&db, "en").is_empty());

    // A field the kind does not translate: refused, naming it; nothing written.
    let err = fails(&accord(
        &db,
        &[
            "translation",
            "add",
            CASE,
            "--kind",
            "incident",
            "--id",
            "party-dissolved",
            "--lang",
            "fr",
            "--field",
            "name=x",
        ],
    ));
    assert!(err.contains("fields.name"), "{err}");
    let err = fails(&accord(
        &db,
        &[
            "translation",
            "add",
            CASE,
            "--kind",
            "incident",
            "--id",
            "party-dissolved",
            "--lang",
            "fr",
            "--field",
            "title",
        ],
    ));
    assert!(err.contains("NAME=TEXT"), "{err}");

    // Export, import into a fresh database, export again: the same bytes.
    let first = dir.path().join("first");
    ok(&accord(&db, &["export", CASE, first.to_str().unwrap()]));
    let files = read_tree(&first);
    let translations = files
        .iter()
        .find(|(p, _)| p == "translations.toml")
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .unwrap();
    assert!(
        translations.contains("title = \"គណបក្សប្រឆាំងត្រូវបានរំលាយ\""),
        "{translations}"
    );
    assert!(
        translations.contains("[records.translations.original_sha256]"),
        "{translations}"
    );
    let db2 = dir.path().join("b.db");
    ok(&accord(&db2, &["import", first.to_str().unwrap()]));
    let second = dir.path().join("second");
    ok(&accord(&db2, &["export", CASE, second.to_str().unwrap()]));
    let mut a = read_tree(&first);
    let mut b = read_tree(&second);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

/// `accord translation remove` and `accord translation original` (issue 16 §2): through the
/// action layer, logged; an unknown language is refused naming `lang`, and nothing is written.
#[test]
fn a_translation_is_removed_and_an_original_language_set() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let example = repo().join("docs/examples/minimal-case");
    ok(&accord(&db, &["import", example.to_str().unwrap()]));
    let args = |verb: &'static str, kind: &'static str, id: &'static str, lang: &'static str| {
        vec![
            "translation",
            verb,
            CASE,
            "--kind",
            kind,
            "--id",
            id,
            "--lang",
            lang,
        ]
    };
    let mut add = args("add", "source", "monitor-report", "fr");
    add.extend(["--field", "title=L’espace civique"]);
    ok(&accord(&db, &add));
    assert!(!pending(&db, "fr").contains(&"source monitor-report title missing".to_owned()));
    // Not there: refused.
    let err = fails(&accord(
        &db,
        &args("remove", "source", "monitor-report", "km"),
    ));
    assert!(err.contains("translation"), "{err}");
    let out = ok(&accord(
        &db,
        &args("remove", "source", "monitor-report", "fr"),
    ));
    assert!(out.contains("monitor-report"), "{out}");
    assert!(pending(&db, "fr").contains(&"source monitor-report title missing".to_owned()));

    // An unknown language is refused naming the field; a known one is set.
    let err = fails(&accord(
        &db,
        &args("original", "source", "monitor-report", "xx"),
    ));
    assert!(
        err.contains("lang") && err.contains("not a known language"),
        "{err}"
    );
    ok(&accord(
        &db,
        &args("original", "source", "monitor-report", "km"),
    ));
    // Written in Khmer: Khmer needs nothing of it, English does.
    assert!(
        !pending(&db, "km")
            .iter()
            .any(|p| p.starts_with("source monitor-report"))
    );
    assert!(pending(&db, "en").contains(&"source monitor-report title missing".to_owned()));
    // The case's language, in its export.
    ok(&accord(&db, &args("original", "case", CASE, "fr")));
    let out = dir.path().join("out");
    ok(&accord(&db, &["export", CASE, out.to_str().unwrap()]));
    let case_toml = std::fs::read_to_string(out.join("case.toml")).unwrap();
    assert!(case_toml.contains("language = \"fr\""), "{case_toml}");
}
