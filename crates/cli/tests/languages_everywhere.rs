//! Every command's human output in the user's language (issue 16 §1): with
//! `ACCORD_LANGUAGE=km` or `fr`, each command the other CLI tests run on their fixtures (the
//! reference case, the example tables, the 2013 election) prints no sentence of the English
//! catalog's `cli-*` messages, and its `--json` output is the same as in English.
//!
//! The English sentences are read from `crates/server/locales/en.ftl`: the literal text of each
//! `cli-*` message between its placeables, the runs of two words or more (commands, flags and
//! names, the same in every language, are left out).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{accord_with_env, reference, repo};

const CASE: &str = "cambodia-2017";
const LETTER: &str = "2017-10-23-reconvene-paris-conference";

/// The English catalog's `cli-*` sentences, as fragments of two words or more; the help's
/// (`cli-help-*`, `cli-arg-*`) apart, as the commands' output may quote English records that
/// share a short run of words with them ("The title").
fn english_fragments() -> Vec<String> {
    fragments_of(|id| !id.starts_with("cli-help-") && !id.starts_with("cli-arg-"))
}

/// The English help: each command's description and each argument's help.
fn help_fragments() -> Vec<String> {
    fragments_of(|id| id.starts_with("cli-help-") || id.starts_with("cli-arg-"))
}

/// The English catalog's `cli-*` messages that `keep` keeps, as fragments of two words or more.
fn fragments_of(keep: fn(&str) -> bool) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("crates/server/locales/en.ftl")).unwrap();
    let mut fragments = Vec::new();
    let mut in_cli = false;
    for line in text.lines() {
        if let Some((id, _)) = line.split_once(" = ")
            && !id.starts_with(' ')
            && !id.contains(char::is_whitespace)
        {
            in_cli = id.starts_with("cli-") && keep(id);
        } else if line.is_empty() || line.starts_with('#') {
            in_cli = false;
        }
        if !in_cli {
            continue;
        }
        let value = line.split_once(" = ").map_or(line, |(_, v)| v);
        for fragment in literal_runs(value) {
            fragments.push(fragment);
        }
    }
    fragments.sort();
    fragments.dedup();
    fragments
}

/// The runs of plain words of a line of a message: placeables (`{ ... }`, the variant keys
/// `[one]`), code spans and the words that name commands, flags or files left out.
fn literal_runs(value: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    let mut code = false;
    for c in value.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '`' if depth == 0 => code = !code,
            _ if depth > 0 || code => {}
            c => plain.push(c),
        }
        if depth > 0 || code || c == '}' || c == '`' {
            plain.push('|');
        }
    }
    let mut runs = Vec::new();
    for piece in plain.split(['|', ':', ';', '(', ')', ',', '[', ']', '*', '.']) {
        let words: Vec<&str> = piece
            .split_whitespace()
            .filter(|w| {
                w.len() >= 2
                    && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                    && !matches!(*w, "accord" | "Accord" | "verify" | "ID" | "p5")
            })
            .collect();
        // Two real words in a row say a sentence of the interface; one word may be a name.
        if words.len() >= 2 && piece.split_whitespace().count() == words.len() {
            runs.push(words.join(" "));
        }
    }
    runs
}

/// stdout and stderr of a command, whatever its exit status.
fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn succeeds(out: &Output, what: &str) -> String {
    assert!(out.status.success(), "{what}: {}", said(out));
    said(out)
}

fn fails(out: &Output, what: &str) -> String {
    assert!(!out.status.success(), "{what} should fail: {}", said(out));
    said(out)
}

/// `accord user add EMAIL --password-stdin` in `lang`.
fn add_user(db: &Path, lang: &str, email: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(db)
        .args(["user", "add", email, "--password-stdin"])
        .env_remove("ACCORD_CONFIG")
        .env("ACCORD_LOG_KEY", common::test_log_key())
        .env("ACCORD_LANGUAGE", lang)
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
    child.wait_with_output().unwrap()
}

/// Every command of the fixtures, run in `lang` in a fresh directory: what it printed for
/// people (one entry per command, named), and its JSON outputs.
fn run_everything(lang: &str) -> (Vec<(String, String)>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let d = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let env = [("ACCORD_LANGUAGE", lang)];
    let run = |args: &[&str]| accord_with_env(&db, args, &env);
    let reference = reference();
    let reference = reference.to_str().unwrap();
    let election = repo().join("data/cases/cambodia-2017/elections/2013-national-assembly.json");
    let election = election.to_str().unwrap();
    let acled = repo().join("docs/examples/import/acled.csv");
    let acled = acled.to_str().unwrap();

    let mut human = Vec::new();
    let mut json = Vec::new();
    let mut say = |name: &str, text: String| human.push((name.to_owned(), text));

    say("import", succeeds(&run(&["import", reference]), "import"));
    say(
        "import again",
        fails(&run(&["import", reference]), "import again"),
    );
    say(
        "import --replace",
        succeeds(&run(&["import", reference, "--replace"]), "replace"),
    );
    say("case list", succeeds(&run(&["case", "list"]), "case list"));
    say(
        "case status",
        succeeds(&run(&["case", "status", CASE]), "case status"),
    );
    say(
        "case status of no case",
        fails(&run(&["case", "status", "no-such-case"]), "no case"),
    );
    say(
        "export",
        succeeds(&run(&["export", CASE, &d("bundle")]), "export"),
    );
    say(
        "export --format csv",
        succeeds(
            &run(&["export", CASE, "--format", "csv", "--out", &d("t.csv")]),
            "export csv",
        ),
    );
    let evidence = succeeds(&run(&["evidence", "list", CASE, "--json"]), "evidence");
    let items: serde_json::Value = serde_json::from_str(&evidence).unwrap();
    let first = items[0]["id"].as_str().unwrap().to_owned();
    say(
        "evidence list",
        succeeds(&run(&["evidence", "list", CASE]), "evidence list"),
    );
    say(
        "evidence show",
        succeeds(&run(&["evidence", "show", CASE, &first]), "evidence show"),
    );
    say(
        "evidence get",
        succeeds(
            &run(&["evidence", "get", CASE, &first, "--out", &d("got")]),
            "evidence get",
        ),
    );
    say(
        "evidence check",
        succeeds(&run(&["evidence", "check", CASE, &first]), "evidence check"),
    );
    say(
        "letter list",
        succeeds(&run(&["letter", "list", CASE]), "letter list"),
    );
    say(
        "letter render",
        succeeds(
            &run(&[
                "letter",
                "render",
                CASE,
                LETTER,
                "--format",
                "md",
                "--out",
                &d("letter.md"),
            ]),
            "letter render",
        ),
    );
    say(
        "letter follow-through",
        succeeds(
            &run(&["letter", "follow-through", CASE]),
            "letter follow-through",
        ),
    );
    say(
        "letter awaiting",
        succeeds(
            &run(&["letter", "awaiting", CASE, "--as-of", "2018-06-01"]),
            "letter awaiting",
        ),
    );
    say(
        "observation list",
        succeeds(&run(&["observation", "list", CASE]), "observation list"),
    );
    say(
        "translation pending",
        succeeds(
            &run(&["translation", "pending", CASE, "--lang", "fr"]),
            "translation pending",
        ),
    );
    say(
        "keys status",
        succeeds(&run(&["keys", "status"]), "keys status"),
    );
    say(
        "backup",
        succeeds(&run(&["backup", &d("backup")]), "backup"),
    );
    let restored = dir.path().join("restored.db");
    let restored_key = dir.path().join("restored.db.log-key");
    say(
        "restore",
        succeeds(
            &accord_with_env(
                &restored,
                &["restore", &d("backup")],
                &[
                    ("ACCORD_LANGUAGE", lang),
                    ("ACCORD_LOG_KEY", restored_key.to_str().unwrap()),
                ],
            ),
            "restore",
        ),
    );
    say(
        "copy",
        succeeds(&run(&["copy", "--to", &d("copy.db")]), "copy"),
    );
    say(
        "user add",
        succeeds(&add_user(&db, lang, "alice@example.org"), "user add"),
    );
    say(
        "user token list",
        succeeds(
            &run(&["user", "token", "list", "alice@example.org"]),
            "token list",
        ),
    );
    succeeds(
        &run(&["user", "token", "alice@example.org", "laptop"]),
        "token create",
    );
    say(
        "user token list with one",
        succeeds(
            &run(&["user", "token", "list", "alice@example.org"]),
            "token list",
        ),
    );
    say(
        "user token revoke",
        succeeds(
            &run(&["user", "token", "revoke", "alice@example.org", "laptop"]),
            "token revoke",
        ),
    );
    say(
        "user disable",
        succeeds(
            &run(&["user", "disable", "alice@example.org"]),
            "user disable",
        ),
    );
    say(
        "elections allocate",
        succeeds(&run(&["elections", "allocate", election]), "allocate"),
    );
    say(
        "elections dissolve",
        succeeds(
            &run(&[
                "elections",
                "dissolve",
                election,
                "--party",
                "CNRP",
                "--rule",
                "recorded",
            ]),
            "dissolve",
        ),
    );
    say(
        "elections simulate",
        succeeds(
            &run(&["elections", "simulate", election, "--runs", "50"]),
            "simulate",
        ),
    );
    say(
        "import --format acled --dry-run",
        succeeds(
            &run(&[
                "import",
                acled,
                "--format",
                "acled",
                "--case",
                "acled",
                "--dry-run",
            ]),
            "acled dry run",
        ),
    );
    say(
        "import --format acled",
        succeeds(
            &run(&["import", acled, "--format", "acled", "--case", "acled"]),
            "acled",
        ),
    );
    // A table with a bad row: the problem and the refusal in the language.
    let bad = dir.path().join("bad.csv");
    let text = std::fs::read_to_string(acled)
        .unwrap()
        .replace("XKH1002,", "XKH 1002!,");
    std::fs::write(&bad, text).unwrap();
    say(
        "import --format acled, a bad row",
        fails(
            &run(&[
                "import",
                bad.to_str().unwrap(),
                "--format",
                "acled",
                "--case",
                "bad",
            ]),
            "bad acled",
        ),
    );
    json.push(succeeds(
        &run(&["case", "status", CASE, "--json"]),
        "status json",
    ));
    json.push(succeeds(&run(&["letter", "list", CASE, "--json"]), "json"));
    json.push(succeeds(
        &run(&["elections", "allocate", election, "--json"]),
        "allocate json",
    ));
    (human, json)
}

#[test]
fn the_english_sentences_are_found() {
    let fragments = english_fragments();
    // The check would pass on anything if it read nothing: it reads the sentences it must.
    for expected in [
        "evidence files from",
        "has no letters",
        "no evidence files",
        "nothing was imported",
        "seats in",
    ] {
        assert!(
            fragments.iter().any(|f| f.contains(expected)),
            "{expected} not among {fragments:?}"
        );
    }
    assert!(fragments.len() > 100, "{}", fragments.len());
    // And it finds them in English output.
    let (human, _) = run_everything("en");
    let found: Vec<&str> = human
        .iter()
        .filter(|(_, text)| fragments.iter().any(|f| text.contains(f.as_str())))
        .map(|(name, _)| name.as_str())
        .collect();
    for name in [
        "import",
        "export",
        "letter render",
        "elections allocate",
        "backup",
    ] {
        assert!(found.contains(&name), "{name}: {human:?}");
    }
}

#[test]
fn every_command_speaks_khmer_and_french_and_its_json_does_not_change() {
    let fragments = english_fragments();
    let (_, english_json) = run_everything("en");
    for lang in ["km", "fr"] {
        let (human, json) = run_everything(lang);
        let mut english = Vec::new();
        for (name, text) in &human {
            for line in text.lines() {
                for f in &fragments {
                    if line.contains(f.as_str()) {
                        english.push(format!("{lang} {name}: {f:?} in {line:?}"));
                    }
                }
            }
        }
        assert!(english.is_empty(), "{}", english.join("\n"));
        // Each command said something in the language (Khmer script, or French words); the
        // list of what a language lacks is a table of names (kind, id, field, state) only.
        let marker: fn(&str) -> bool = match lang {
            "km" => |t: &str| t.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
            _ => |t: &str| {
                let t = t.to_lowercase();
                [
                    "dossier",
                    "preuve",
                    "lettre",
                    "sièges",
                    "clé",
                    "jeton",
                    "ligne",
                    "aucun",
                    "copi",
                    "restaur",
                    "importé",
                    "réponse",
                    "écrit",
                    "vérif",
                    "compte",
                    "désactivé",
                    "disposition",
                    "échéance",
                    "remise",
                    "fichier",
                    "octets",
                ]
                .iter()
                .any(|w| t.contains(w))
            },
        };
        for (name, text) in human.iter().filter(|(n, _)| n != "translation pending") {
            assert!(marker(text), "{lang} {name}: {text}");
        }
        // A table import's row problem is said by its kind: an event id that is not one.
        let (_, bad) = human
            .iter()
            .find(|(n, _)| n == "import --format acled, a bad row")
            .unwrap();
        let expected = match lang {
            "km" => "មិនមែនជាលេខសម្គាល់ព្រឹត្តិការណ៍ទេ",
            _ => "pas un identifiant d’événement",
        };
        assert!(bad.contains(expected), "{lang}: {bad}");
        // The JSON is the same in every language (status, letters and the allocation).
        assert_eq!(json, english_json, "{lang}");
    }
}

/// What a failing command prints, its exit code, for `lang`: a case that does not exist, files
/// that do not, an option clap does not know and a required one left out, a value clap refuses,
/// and an action the action layer refuses.
fn run_failures(lang: &str) -> Vec<(String, String, Option<i32>)> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let env = [("ACCORD_LANGUAGE", lang)];
    let run = |args: &[&str]| accord_with_env(&db, args, &env);
    let example = repo().join("docs/examples/minimal-case");
    succeeds(&run(&["import", example.to_str().unwrap()]), "import");
    let missing = dir.path().join("no-such-file.csv");
    let missing = missing.to_str().unwrap();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let mut said = Vec::new();
    let mut say = |name: &str, output: Output| {
        said.push((name.to_owned(), fails(&output, name), output.status.code()));
    };
    say("export of no case", run(&["export", "no-such-case", out]));
    say(
        "translation pending of no case",
        run(&["translation", "pending", "no-such-case"]),
    );
    say("import of no directory", run(&["import", missing]));
    say(
        "import of no table",
        run(&["import", missing, "--format", "acled", "--case", "x"]),
    );
    say(
        "evidence add of no file",
        run(&[
            "evidence",
            "add",
            "example-2030",
            missing,
            "--incident",
            "party-dissolved",
        ]),
    );
    say("an unknown option", run(&["case", "list", "--frobnicate"]));
    say("an unknown command", run(&["case", "lisst"]));
    say(
        "a required option left out",
        run(&["translation", "add", "example-2030", "--kind", "incident"]),
    );
    say(
        "a value clap refuses",
        run(&[
            "letter",
            "render",
            "example-2030",
            "x",
            "--format",
            "docx",
            "--out",
            out,
        ]),
    );
    say(
        "a date that is not one",
        run(&["case", "status", "example-2030", "--as-of", "next tuesday"]),
    );
    say(
        "a refused translation",
        run(&[
            "translation",
            "add",
            "example-2030",
            "--kind",
            "incident",
            "--id",
            "party-dissolved",
            "--lang",
            "fr",
            "--field",
            "title=",
        ]),
    );
    // The command line's own refusals (issue 16 §1: every failure a user can meet), and the
    // lower crates' errors said by their kind.
    say(
        "a token command that is not one",
        run(&["user", "token", "alice@example.org", "laptop", "extra"]),
    );
    say(
        "an idle timeout out of range",
        run(&["--idle-timeout", "5s", "case", "list"]),
    );
    say(
        "a base URL that is not one",
        run(&["--base-url", "ftp://accord.example.org", "case", "list"]),
    );
    say(
        "a role that is not one",
        run(&[
            "case",
            "grant",
            "example-2030",
            "alice@example.org",
            "--role",
            "boss",
        ]),
    );
    say(
        "a score off the scale",
        run(&[
            "observation",
            "add",
            "example-2030",
            "--provision",
            "FPA Art. 3(1)",
            "--date",
            "2030",
            "--score",
            "7",
        ]),
    );
    say(
        "a letter the case does not have",
        run(&[
            "letter",
            "render",
            "example-2030",
            "no-such-letter",
            "--format",
            "md",
            "--out",
            out,
        ]),
    );
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("note.txt"), "x").unwrap();
    say(
        "an export into a directory that is not empty",
        run(&["export", "example-2030", full.to_str().unwrap()]),
    );
    // A bundle with a file the format does not have, and a case.toml with a key it does not
    // have: the core's refusals, located, in the language.
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    std::fs::write(
        bundle.join("case.toml"),
        "id = \"bad-2030\"\ntitle = \"Bad\"\ncountry = \"XF\"\ntitel = \"x\"\n",
    )
    .unwrap();
    std::fs::write(bundle.join("notes.toml"), "").unwrap();
    say(
        "a bundle with unknown files and keys",
        run(&["import", bundle.to_str().unwrap()]),
    );
    let mapping = dir.path().join("mapping.toml");
    std::fs::write(&mapping, "[columns]\ntitle = \"notes\"\ncolour = \"red\"\n").unwrap();
    let acled = repo().join("docs/examples/import/acled.csv");
    say(
        "a mapping with a key it may not have",
        run(&[
            "import",
            acled.to_str().unwrap(),
            "--format",
            "table",
            "--case",
            "x",
            "--mapping",
            mapping.to_str().unwrap(),
        ]),
    );
    said
}

/// `--help` of the binary and of a few commands, in `lang`: (name, stdout, exit code).
fn run_help(lang: &str) -> Vec<(String, String, Option<i32>)> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let env = [("ACCORD_LANGUAGE", lang)];
    [
        vec!["--help"],
        vec!["help"],
        vec!["-h"],
        vec!["case", "status", "--help"],
        vec!["import", "--help"],
        vec!["letter", "render", "--help"],
        vec!["evidence", "add", "-h"],
        vec!["translation", "pending", "--help"],
        vec!["elections", "dissolve", "--help"],
    ]
    .into_iter()
    .map(|args| {
        let output = accord_with_env(&db, &args, &env);
        (
            args.join(" "),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            output.status.code(),
        )
    })
    .collect()
}

/// English sentences of `fragments` found in `text`, one line each.
fn english_in(fragments: &[String], lang: &str, name: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        for f in fragments {
            if line.contains(f.as_str()) {
                found.push(format!("{lang} {name}: {f:?} in {line:?}"));
            }
        }
    }
    found
}

/// The English sentences of clap itself, which the help and usage errors must not print in
/// another language.
const CLAP_ENGLISH: [&str; 9] = [
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "unexpected argument",
    "required arguments were not provided",
    "For more information",
    "[possible values",
];

#[test]
fn failures_and_help_speak_khmer_and_french_with_the_same_exit_codes() {
    let mut fragments = english_fragments();
    fragments.extend(help_fragments());
    let english = run_failures("en");
    let english_help = run_help("en");
    // The checks read what they must: English help and errors hold the sentences looked for.
    let all: String = english
        .iter()
        .map(|(_, t, _)| t.as_str())
        .chain(english_help.iter().map(|(_, t, _)| t.as_str()))
        .collect();
    for expected in [
        "Usage:",
        "unexpected argument",
        "The case id",
        "cannot read",
        "no case",
        "usage: accord user token EMAIL NAME",
        "from one minute to fourteen days",
        "unknown role \"boss\" (expected one of: owner, editor, reviewer, viewer)",
        "the directory is not empty (use --force to write into it)",
        "unknown file in a case bundle",
        "unknown field `titel`",
    ] {
        assert!(all.contains(expected), "{expected} not in {all}");
    }
    for lang in ["km", "fr"] {
        let failures = run_failures(lang);
        let help = run_help(lang);
        let mut found = Vec::new();
        for (name, text, _) in failures.iter().chain(&help) {
            found.extend(english_in(&fragments, lang, name, text));
            for clap in CLAP_ENGLISH {
                if text.contains(clap) {
                    found.push(format!("{lang} {name}: clap's {clap:?} in {text}"));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
        // The exit codes are English's: 1 for a failed command, 2 for a command line clap
        // refuses, 0 for help.
        let codes = |v: &[(String, String, Option<i32>)]| {
            v.iter()
                .map(|(n, _, c)| (n.clone(), *c))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&failures), codes(&english), "{lang}");
        assert_eq!(codes(&help), codes(&english_help), "{lang}");
        // Each says what is wrong in the language, with the names and values it is about.
        let said = |name: &str| {
            failures
                .iter()
                .chain(&help)
                .find(|(n, _, _)| n == name)
                .map(|(_, t, _)| t.clone())
                .unwrap()
        };
        let script = |t: &str| match lang {
            "km" => t.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
            _ => t.contains('é') || t.contains('è') || t.contains('’') || t.contains('\u{202F}'),
        };
        for (name, text, _) in failures.iter().chain(&help) {
            assert!(script(text), "{lang} {name}: {text}");
        }
        assert!(said("import of no directory").contains("no-such-file.csv"));
        assert!(said("an unknown option").contains("--frobnicate"));
        assert!(said("a required option left out").contains("--id"));
        assert!(said("a value clap refuses").contains("docx"));
        // The OS's own words follow the language's, naming the file.
        let table = said("import of no table");
        assert!(
            table.contains("no-such-file.csv") && table.contains("(os error 2)"),
            "{table}"
        );
        // The refused field, in the pages' words: its label and its reason.
        let refused = said("a refused translation");
        let expected = match lang {
            "km" => "វាលនេះមិនត្រូវទទេទេ",
            _ => "ce champ ne doit pas être vide",
        };
        assert!(refused.contains(expected), "{lang}: {refused}");
        // The command line's own refusals and the lower crates' errors, by their kind.
        let expected: &[(&str, &str)] = match lang {
            "km" => &[
                (
                    "a token command that is not one",
                    "របៀបប្រើ៖ accord user token",
                ),
                ("an idle timeout out of range", "ពីមួយនាទីដល់ដប់បួនថ្ងៃ"),
                ("a base URL that is not one", "វាត្រូវតែចាប់ផ្ដើមដោយ https://"),
                ("a role that is not one", "តម្លៃមិនស្គាល់ “boss”"),
                ("a score off the scale", "មិនស្ថិតនៅលើមាត្រដ្ឋាន"),
                (
                    "a letter the case does not have",
                    "គ្មានលិខិត \"no-such-letter\"",
                ),
                (
                    "an export into a directory that is not empty",
                    "ថតនេះមិនទទេទេ",
                ),
                ("a bundle with unknown files and keys", "ឯកសារមិនស្គាល់ក្នុងកញ្ចប់"),
                ("a bundle with unknown files and keys", "កូនសោមិនស្គាល់ `titel`"),
                (
                    "a mapping with a key it may not have",
                    "columns.colour នៃការផ្គូផ្គង៖ មិនមែនជាវាលទេ",
                ),
            ],
            _ => &[
                (
                    "a token command that is not one",
                    "usage\u{202F}: accord user token",
                ),
                (
                    "an idle timeout out of range",
                    "d’une minute à quatorze jours",
                ),
                (
                    "a base URL that is not one",
                    "elle doit commencer par https://",
                ),
                (
                    "a role that is not one",
                    "valeur inconnue «\u{202F}boss\u{202F}»",
                ),
                ("a score off the scale", "n’est pas sur l’échelle"),
                (
                    "a letter the case does not have",
                    "n’a pas de lettre \"no-such-letter\"",
                ),
                (
                    "an export into a directory that is not empty",
                    "n’est pas vide",
                ),
                (
                    "a bundle with unknown files and keys",
                    "fichier inconnu dans un paquet",
                ),
                (
                    "a bundle with unknown files and keys",
                    "clé inconnue `titel`",
                ),
                (
                    "a mapping with a key it may not have",
                    "columns.colour de la correspondance\u{202F}: pas un champ",
                ),
            ],
        };
        for (name, phrase) in expected {
            let text = said(name);
            assert!(
                text.contains(phrase),
                "{lang} {name}: {phrase:?} not in {text}"
            );
            assert!(
                !text.contains("Details (in English)"),
                "{lang} {name}: {text}"
            );
        }
        let bundle = said("a bundle with unknown files and keys");
        assert!(
            bundle.contains("notes.toml") && bundle.contains("case.toml:4"),
            "{bundle}"
        );
        // The help's sections and each argument's help are said.
        let status = said("case status --help");
        let heading = match lang {
            "km" => "ជម្រើស៖",
            _ => "Options\u{202F}:",
        };
        assert!(status.contains(heading), "{status}");
        assert!(
            status.contains("--as-of") && status.contains("--json"),
            "{status}"
        );
    }
}
