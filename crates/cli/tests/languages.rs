//! The command line's human output in the language of the user's setting (issue 16 §1):
//! `ACCORD_LANGUAGE` (or the configuration's `language`) chooses French or Khmer for
//! `accord case status` and `accord case list`, through the web interface's catalogs and
//! core's table of dates and numbers; the JSON output does not change.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{accord_with_env, ok, reference};

const LETTER: &str = "2017-10-23-reconvene-paris-conference";

fn status(db: &Path, lang: &str, json: bool) -> String {
    let mut args = vec!["case", "status", "cambodia-2017", "--as-of", "2017-12-03"];
    if json {
        args.push("--json");
    }
    ok(&accord_with_env(db, &args, &[("ACCORD_LANGUAGE", lang)]))
}

#[test]
fn case_status_speaks_khmer_and_french_and_its_json_does_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord_with_env(
        &db,
        &["import", reference().to_str().unwrap()],
        &[],
    ));

    let km = status(&db, "km", false);
    assert!(km.contains("\nយន្តការ\n"), "{km}");
    assert!(
        km.contains("បានដាក់ឱ្យដំណើរការ ចាប់តាំងពីថ្ងៃទី១ ខែកុម្ភៈ ឆ្នាំ២០១៧"),
        "{km}"
    );
    assert!(
        km.lines().any(|l| l.trim_start().starts_with("ស្នើចុងក្រោយ")
            && l.ends_with(&format!(
                " ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧ (៤១ ថ្ងៃមុន) ក្នុង {LETTER}; មិនទាន់មានការឆ្លើយតបត្រូវបានកត់ត្រាទេ"
            ))),
        "{km}"
    );
    assert!(km.contains("(គិតត្រឹមថ្ងៃទី៣ ខែធ្នូ ឆ្នាំ២០១៧)"), "{km}");
    for english in [
        "TRIGGERED",
        "MECHANISMS",
        "requested by",
        "days ago",
        "PROVISIONS",
    ] {
        assert!(!km.contains(english), "{english} in {km}");
    }

    let fr = status(&db, "fr", false);
    assert!(fr.contains("DÉCLENCHÉ depuis le 1er février 2017"), "{fr}");
    assert!(
        fr.contains(&format!(
            "le 23 octobre 2017 (il y a 41 jours) dans {LETTER}\u{202F}; aucune réponse enregistrée"
        )),
        "{fr}"
    );
    assert!(fr.contains("\nDISPOSITIONS\n"), "{fr}");

    // English as scripts have always read it.
    let en = status(&db, "en", false);
    assert!(en.contains("TRIGGERED since 2017-02-01"), "{en}");
    assert!(
        en.contains(&format!(
            "last asked    2017-10-23 (41 days ago) in {LETTER}; no response recorded"
        )),
        "{en}"
    );

    // The JSON is the same in every language.
    let json = status(&db, "en", true);
    assert_eq!(status(&db, "km", true), json);
    assert_eq!(status(&db, "fr", true), json);

    // The list of cases: its headings in Khmer, its counts in Khmer digits.
    let list = ok(&accord_with_env(
        &db,
        &["case", "list"],
        &[("ACCORD_LANGUAGE", "km")],
    ));
    assert!(list.starts_with("សំណុំរឿង"), "{list}");
    assert!(list.contains("cambodia-2017"), "{list}");
    assert!(!list.contains("INCIDENTS"), "{list}");
    assert!(list.chars().any(|c| ('០'..='៩').contains(&c)), "{list}");
}

/// `accord case grant` and `case publish` say what they did in the user's language.
#[test]
fn grant_and_publish_speak_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord_with_env(
        &db,
        &["import", reference().to_str().unwrap()],
        &[],
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(&db)
        .args(["user", "add", "alice@example.org", "--password-stdin"])
        .env_remove("ACCORD_CONFIG")
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough password\n")
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let run =
        |lang: &str, args: &[&str]| ok(&accord_with_env(&db, args, &[("ACCORD_LANGUAGE", lang)]));
    let grant = [
        "case",
        "grant",
        "cambodia-2017",
        "alice@example.org",
        "--role",
        "editor",
    ];
    assert_eq!(
        run("km", &grant).trim(),
        "cambodia-2017៖ alice@example.org ជាអ្នកកែសម្រួល"
    );
    assert_eq!(
        run("fr", &grant).trim(),
        "cambodia-2017\u{202F}: alice@example.org est rédacteur"
    );
    assert_eq!(
        run("en", &grant).trim(),
        "cambodia-2017: alice@example.org is editor"
    );
    let publish = ["case", "publish", "cambodia-2017"];
    assert_eq!(
        run("fr", &publish).trim(),
        "cambodia-2017 est publié (en lecture seule)"
    );
    assert_eq!(
        run("en", &publish).trim(),
        "cambodia-2017 is published (read-only)"
    );
}

/// `accord verify`'s summary in the user's language; its `--json` unchanged.
#[test]
fn verify_says_intact_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord_with_env(
        &db,
        &["import", reference().to_str().unwrap()],
        &[],
    ));
    let km = ok(&accord_with_env(
        &db,
        &["verify"],
        &[("ACCORD_LANGUAGE", "km")],
    ));
    assert!(km.starts_with("នៅដដែល៖ "), "{km}");
    assert!(km.contains("បានផ្ទៀងផ្ទាត់ធាតុកំណត់ហេតុ "), "{km}");
    // The counts (after the database's path) in Khmer digits.
    let counts = km.split("ហេតុ ").nth(1).unwrap();
    assert!(
        !counts.chars().any(|c| c.is_ascii_digit()),
        "Khmer digits: {km}"
    );
    let fr = ok(&accord_with_env(
        &db,
        &["verify"],
        &[("ACCORD_LANGUAGE", "fr")],
    ));
    assert!(fr.starts_with("intact\u{202F}: "), "{fr}");
    assert!(fr.contains(" entrées du journal et "), "{fr}");
    let en = ok(&accord_with_env(&db, &["verify"], &[]));
    assert!(
        en.starts_with("intact: ") && en.contains(" log entries and "),
        "{en}"
    );
    let json = |lang: &str| {
        ok(&accord_with_env(
            &db,
            &["verify", "--json"],
            &[("ACCORD_LANGUAGE", lang)],
        ))
    };
    assert_eq!(json("km"), json("en"));
}
