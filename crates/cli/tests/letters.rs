//! End-to-end tests of `accord letter list|render` on the real binary, with the reference case:
//! every format written to a file, the PDF's text checked with pdftotext (Debian
//! `poppler-utils`), and the errors a coordinator meets (unknown case or letter, a template
//! error with its line, a PDF sent to a terminal).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use common::{accord, ok, reference};

const LETTER: &str = "2017-10-23-reconvene-paris-conference";

fn fails(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected a failure: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn imported(bundle: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(&db, &["import", bundle.to_str().unwrap()]));
    (dir, db)
}

/// The signatories' names in the order the letter printed them (their `order` in the bundle).
fn printed_signatories() -> Vec<String> {
    let text =
        std::fs::read_to_string(reference().join(format!("letters/{LETTER}/letter.toml"))).unwrap();
    let letter: toml::Table = toml::from_str(&text).unwrap();
    let mut sigs: Vec<(i64, String)> = letter["signatories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["order"].as_integer().unwrap(),
                s["organisation"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    sigs.sort();
    sigs.into_iter().map(|(_, name)| name).collect()
}

fn pdftotext(pdf: &Path) -> String {
    let out = match Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "pdftotext is not installed: this test needs the Debian package poppler-utils \
             (apt-get install -y poppler-utils)"
        ),
        Err(e) => panic!("cannot run pdftotext: {e}"),
    };
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.replace('\u{c}', "")
        .replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn letter_list_json_describes_the_reference_letter() {
    let (_dir, db) = imported(&reference());
    let out = ok(&accord(&db, &["letter", "list", "cambodia-2017", "--json"]));
    let list: Value = serde_json::from_str(&out).unwrap();
    let letters = list.as_array().unwrap();
    assert_eq!(letters.len(), 1);
    let l = &letters[0];
    assert_eq!(l["id"], LETTER);
    assert_eq!(
        l["title"],
        "Request to Reconvene the Paris Conference on Cambodia"
    );
    assert_eq!(l["date"], "2017-10-23");
    assert_eq!(l["language"], "en");
    assert_eq!(l["signatories"], 55);
    assert_eq!(l["addressees"], 3);
    assert_eq!(l["states"]["verified"], 55);
    let sha = l["signed_text_sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);

    let table = ok(&accord(&db, &["letter", "list", "cambodia-2017"]));
    assert!(table.contains(LETTER) && table.contains("55/55"), "{table}");
}

#[test]
fn render_writes_markdown_html_and_pdf() {
    let (dir, db) = imported(&reference());
    let names = printed_signatories();
    assert_eq!(names.len(), 55);

    let md_path = dir.path().join("letter.md");
    let out = accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "md",
            "--out",
            md_path.to_str().unwrap(),
        ],
    );
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("55 signatories printed"));
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.starts_with("# Request to Reconvene the Paris Conference on Cambodia\n"));
    for (i, name) in names.iter().enumerate() {
        assert!(md.contains(&format!("\n{}. {name}\n", i + 1)), "{name}");
    }
    assert_eq!(md.matches("\n[^").count(), 3, "three notes");

    // The same Markdown on standard output.
    let stdout = ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert_eq!(stdout, md);

    let html_path = dir.path().join("letter.html");
    ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "html",
            "--out",
            html_path.to_str().unwrap(),
        ],
    ));
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<li>Americans for Democracy &amp; Human Rights in Bahrain (ADHRB)</li>")
    );

    let pdf_path = dir.path().join("letter.pdf");
    ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "pdf",
            "--out",
            pdf_path.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&pdf_path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf_path);
    let mut at = 0;
    for (i, name) in names.iter().enumerate() {
        let entry = format!("{}. {name}", i + 1);
        at += text[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry:?} missing or out of order in the PDF"));
    }
    assert!(text.contains("Without prejudice to the prerogatives of the Security Council"));
}

#[test]
fn unknown_case_and_letter_are_clear_errors() {
    let (_dir, db) = imported(&reference());
    let err = fails(&accord(
        &db,
        &[
            "letter", "render", "nope", LETTER, "--format", "md", "--out", "-",
        ],
    ));
    assert!(err.contains("no case \"nope\""), "{err}");
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            "nope",
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert!(err.contains("has no letter \"nope\""), "{err}");
    assert!(err.contains(LETTER), "the error lists the letters: {err}");
    let err = fails(&accord(&db, &["letter", "list", "nope"]));
    assert!(err.contains("no case \"nope\""), "{err}");
}

#[test]
fn a_pdf_is_not_written_to_standard_output() {
    let (_dir, db) = imported(&reference());
    let err = fails(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "pdf",
            "--out",
            "-",
        ],
    ));
    assert!(err.contains("a PDF cannot go to standard output"), "{err}");
}

/// Copies a directory tree (the reference bundle, to break it).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_template_error_names_the_body_line() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("case");
    copy_dir(&reference(), &bundle);
    let body_path = bundle.join(format!("letters/{LETTER}/body.md"));
    let body = std::fs::read_to_string(&body_path).unwrap();
    let mut lines: Vec<&str> = body.lines().collect();
    lines[4] = "Quoting a provision that is not there: {{ quote(\"ACPS Art. 92\") }}";
    std::fs::write(&body_path, lines.join("\n")).unwrap();
    let (_db_dir, db) = imported(&bundle);

    let err = fails(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--format",
            "html",
            "--out",
            "-",
        ],
    ));
    assert!(err.contains("body.md line 5"), "{err}");
    assert!(err.contains("no provision \"ACPS Art. 92\""), "{err}");

    // The list still shows the letter, with the error.
    let list: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["letter", "list", "cambodia-2017", "--json"],
    )))
    .unwrap();
    assert!(
        list[0]["error"]
            .as_str()
            .unwrap()
            .contains("body.md line 5")
    );
    assert_eq!(list[0]["signed_text_sha256"], Value::Null);
}

/// `accord letter version` adds the letter's Khmer version; `letter list` shows both languages,
/// the Khmer one with nobody printed under it yet (the 55 signed the English text); `letter
/// render --lang km` writes a PDF whose title and sentences `pdftotext` gives back exactly, spaces
/// and all; a language the letter lacks and the original's own language are refused by name.
#[test]
fn a_khmer_version_is_added_listed_and_rendered_with_copyable_text() {
    let (dir, db) = imported(&reference());
    let title = "សំណើឱ្យកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ";
    let sentences = [
        "កម្ពុជានឹងអនុវត្តប្រព័ន្ធប្រជាធិបតេយ្យសេរី ផ្អែកលើពហុបក្ស។",
        "ការបោះឆ្នោតនឹងប្រព្រឹត្តទៅជាទៀងទាត់ និងដោយសេរី។",
        "យើងខ្ញុំសូមស្នើ។",
    ];
    let body = dir.path().join("body.km.md");
    std::fs::write(&body, sentences.join("\n\n") + "\n").unwrap();
    let body_arg = body.to_str().unwrap();
    let version = [
        "letter",
        "version",
        "cambodia-2017",
        LETTER,
        "--lang",
        "km",
        "--title",
        title,
        "--body",
        body_arg,
        "--place",
        "ភ្នំពេញ",
        "--closing",
        "ដោយសេចក្តីគោរព",
        "--by",
        "translator@example.org",
        "--json",
    ];
    let out: Value = serde_json::from_str(&ok(&accord(&db, &version))).unwrap();
    assert_eq!(out["outcome"], "created");
    assert_eq!(out["lang"], "km");
    let km_sha = out["signed_text_sha256"].as_str().unwrap().to_owned();

    let list: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["letter", "list", "cambodia-2017", "--json"],
    )))
    .unwrap();
    let langs = list[0]["languages"].as_array().unwrap();
    assert_eq!(langs.len(), 2);
    assert_eq!(langs[0]["lang"], "en");
    assert_eq!(langs[0]["signatories"], 55);
    assert_eq!(langs[1]["lang"], "km");
    assert_eq!(langs[1]["original"], false);
    assert_eq!(langs[1]["translated_by"], "translator@example.org");
    assert_eq!(langs[1]["out_of_date"], false);
    assert_eq!(
        langs[1]["signatories"], 0,
        "English signatures do not sign Khmer"
    );
    assert_ne!(list[0]["signed_text_sha256"], km_sha.as_str());

    let pdf = dir.path().join("km.pdf");
    ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--lang",
            "km",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    let text = pdftotext(&pdf);
    for whole in std::iter::once(title).chain(sentences) {
        assert!(text.contains(whole), "{whole:?} is not in: {text}");
    }
    let md = ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--lang",
            "km",
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert!(md.contains(title) && md.contains("ភ្នំពេញ"), "{md}");
    assert!(
        !md.contains("Civil Rights Defenders"),
        "nobody signed the Khmer text: {md}"
    );

    let err = fails(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--lang",
            "fr",
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert!(
        err.contains("no version in \"fr\"") && err.contains("en, km"),
        "{err}"
    );
    let mut again = version;
    again[5] = "en";
    let err = fails(&accord(&db, &again));
    assert!(
        err.contains("--lang") && err.contains("nothing was written"),
        "{err}"
    );
}

/// `accord letter version --addressee --cc` writes the first addressee and CC line in French (the
/// French rendering prints them); `accord letter remove-version` removes a version nobody signed (`--json` lists the languages
/// left; `letter list` then shows the original only), refuses the original's own language naming
/// `--lang`, and says so for a version the letter does not have; nothing is written when refused.
#[test]
fn a_version_is_removed_from_the_command_line() {
    let (dir, db) = imported(&reference());
    let body = dir.path().join("body.fr.md");
    std::fs::write(&body, "Nous demandons la reconvocation de la Conférence.\n").unwrap();
    ok(&accord(
        &db,
        &[
            "letter",
            "version",
            "cambodia-2017",
            LETTER,
            "--lang",
            "fr",
            "--title",
            "Demande de reconvocation",
            "--body",
            body.to_str().unwrap(),
            "--addressee",
            "M. le Secrétaire général | Secrétaire général | Nations unies",
            "--cc",
            "Le gouvernement du Royaume du Cambodge",
        ],
    ));
    let md = ok(&accord(
        &db,
        &[
            "letter",
            "render",
            "cambodia-2017",
            LETTER,
            "--lang",
            "fr",
            "--format",
            "md",
            "--out",
            "-",
        ],
    ));
    assert!(
        md.contains("M. le Secrétaire général") && md.contains("Nations unies"),
        "the French addressee: {md}"
    );
    assert!(
        md.contains("Le gouvernement du Royaume du Cambodge"),
        "{md}"
    );
    let remove = |lang: &str| {
        accord(
            &db,
            &[
                "letter",
                "remove-version",
                "cambodia-2017",
                LETTER,
                "--lang",
                lang,
                "--json",
            ],
        )
    };
    let err = fails(&remove("en"));
    assert!(
        err.contains("--lang") && err.contains("nothing was written"),
        "{err}"
    );
    let out: Value = serde_json::from_str(&ok(&remove("fr"))).unwrap();
    assert_eq!(out["outcome"], "removed");
    assert_eq!(out["languages"], serde_json::json!(["en"]));
    let list: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["letter", "list", "cambodia-2017", "--json"],
    )))
    .unwrap();
    assert_eq!(list[0]["languages"].as_array().unwrap().len(), 1);
    let err = fails(&remove("fr"));
    assert!(err.contains("no letter version"), "{err}");
}
