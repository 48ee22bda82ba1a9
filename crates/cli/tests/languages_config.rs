//! What the binary prints before its configuration is built (`--help`, a command line clap
//! refuses, a configuration that does not load) is in the language of the configuration file
//! that `--config` or `ACCORD_CONFIG` names, unless `ACCORD_LANGUAGE` names another, as for every
//! command once it runs (issue 16 §1).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::Path;
use std::process::{Command, Output};

/// `accord ARGS...` with none of the `ACCORD_*` variables of the environment but `env`.
fn accord(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.args(args);
    for (name, _) in std::env::vars() {
        if name.starts_with("ACCORD_") {
            cmd.env_remove(name);
        }
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run accord")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn config(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

const FRENCH_OPTIONS: &str = "Options\u{202F}:";
const KHMER_OPTIONS: &str = "ជម្រើស៖";

#[test]
fn help_follows_the_language_of_the_configuration_file() {
    let dir = tempfile::tempdir().unwrap();
    let fr = config(dir.path(), "fr.toml", "language = \"fr\"\n");
    let km = config(dir.path(), "km.toml", "language = \"km\"\ndb = \"a.db\"\n");

    // No configuration: English, as clap writes it.
    let en = accord(&["--help"], &[]);
    assert_eq!(en.status.code(), Some(0));
    assert!(stdout(&en).contains("Options:"), "{}", stdout(&en));

    // --config names the file, before or after the command.
    for args in [
        vec!["--config", fr.as_str(), "--help"],
        vec!["case", "status", "--config", fr.as_str(), "--help"],
        vec!["case", "status", "--help", &format!("--config={fr}")],
    ] {
        let out = accord(&args, &[]);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        assert!(help.contains(FRENCH_OPTIONS), "{args:?}: {help}");
        assert!(
            !help.contains("Options:") && !help.contains("Usage:"),
            "{help}"
        );
    }

    // ACCORD_CONFIG names it.
    let out = accord(&["case", "status", "--help"], &[("ACCORD_CONFIG", &km)]);
    let help = stdout(&out);
    assert!(help.contains(KHMER_OPTIONS), "{help}");
    assert!(help.contains("--as-of"), "{help}");

    // --config wins over ACCORD_CONFIG, as clap merges them; ACCORD_LANGUAGE wins over both.
    let out = accord(&["--config", &fr, "--help"], &[("ACCORD_CONFIG", &km)]);
    assert!(stdout(&out).contains(FRENCH_OPTIONS), "{}", stdout(&out));
    let out = accord(&["--config", &fr, "--help"], &[("ACCORD_LANGUAGE", "km")]);
    assert!(stdout(&out).contains(KHMER_OPTIONS), "{}", stdout(&out));

    // A configuration file that cannot be read or parsed is no reason to refuse help: English.
    let broken = config(dir.path(), "broken.toml", "language = \n");
    let missing = dir.path().join("none.toml");
    for file in [broken.as_str(), missing.to_str().unwrap()] {
        let out = accord(&["--config", file, "--help"], &[]);
        assert_eq!(out.status.code(), Some(0), "{file}");
        assert!(
            stdout(&out).contains("Options:"),
            "{file}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn refusals_before_the_configuration_is_built_follow_the_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let fr = config(dir.path(), "fr.toml", "language = \"fr\"\n");
    let db = dir.path().join("a.db");
    let db = db.to_str().unwrap();

    // A command line clap refuses: in French, with clap's exit code.
    let out = accord(&["--config", &fr, "case", "lisst"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.starts_with("erreur\u{202F}: "), "{said}");
    assert!(said.contains("lisst"), "{said}");
    assert!(!said.contains("unrecognized subcommand"), "{said}");

    // A configuration that does not load: said in its own language, naming the setting.
    let bad = config(
        dir.path(),
        "bad.toml",
        "language = \"km\"\naddr = \"somewhere\"\n",
    );
    let out = accord(&["--config", &bad, "--db", db, "case", "list"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.starts_with("កំហុស៖ addr៖ \"somewhere\" មិនមែនជាអាសយដ្ឋាន"),
        "{said}"
    );
    assert!(!said.contains("is not an address"), "{said}");
    // In English, as it always was.
    let out = accord(
        &["--config", &bad, "--db", db, "case", "list"],
        &[("ACCORD_LANGUAGE", "en")],
    );
    assert_eq!(
        stderr(&out).trim(),
        "error: addr: \"somewhere\" is not an address such as 127.0.0.1:8080: invalid socket address syntax"
    );

    // A language the file names that Accord does not speak: the refusal in English, the
    // language it would have been said in being unknown.
    let de = config(dir.path(), "de.toml", "language = \"de\"\n");
    let out = accord(&["--config", &de, "--db", db, "case", "list"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "error: language: \"de\" is not a language Accord speaks (en, fr or km)"
    );
}
