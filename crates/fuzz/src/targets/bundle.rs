//! Case bundles: `accord_core::bundle::read` (and `read_with_blobs`) on the example bundle with
//! one to a few files mutated, replaced by generated TOML, added, renamed or dropped. On a bundle
//! that reads: every letter composed and rendered (what an import and a visit do), and the
//! export → import → export round trip, which must give the same files.

use accord_core::bundle::{BundleBlob, BundleFile, read_with_blobs, write};
use accord_letters::{compose, render_html, render_markdown};

use crate::gen_text::{date, id, words};
use crate::mutate::{mutate, mutate_seed, number, special};
use crate::rng::Rng;
use crate::seeds::{BODIES, CAMBODIA, ELECTIONS_JSON, EVIDENCE_TOML, MINIMAL_CASE, MINIMAL_ROOT};
use crate::{Target, frame};

pub const TARGET: Target = Target {
    name: "bundle",
    about: "accord_core::bundle::read_with_blobs on mutated and generated bundle files (case, actors, sources, instruments, incidents, findings, mechanisms, letters, evidence, elections); on success compose + render every letter and check write → read → write gives the same files",
    generate,
    run,
};

const MAX_FILE: usize = 64 * 1024;

const OPENERS: &[&str] = &[
    "[",
    "[[",
    "{",
    "a = [",
    "x = { y = ",
    "\"",
    "'''",
    "[a.",
    "a.",
];

/// The example bundle's files, with paths relative to the bundle.
pub fn minimal_files() -> Vec<BundleFile> {
    MINIMAL_CASE
        .iter()
        .map(|(path, contents)| BundleFile {
            path: path.strip_prefix(MINIMAL_ROOT).unwrap_or(path).to_owned(),
            contents: (*contents).to_owned(),
        })
        .collect()
}

fn donors() -> Vec<&'static str> {
    let mut d: Vec<&str> = MINIMAL_CASE.iter().map(|(_, c)| *c).collect();
    d.extend(CAMBODIA.iter().map(|(_, c)| *c));
    d.push(EVIDENCE_TOML);
    d
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    let mut files: Vec<(String, String)> = minimal_files()
        .into_iter()
        .map(|f| (f.path, f.contents))
        .collect();
    if rng.one_in(3) {
        files.push(("evidence.toml".into(), evidence_file(rng)));
    }
    let donors = donors();
    for _ in 0..rng.range(1, 3) {
        let i = rng.below(files.len());
        match rng.below(12) {
            0..=4 => {
                let m = mutate(rng, &files[i].1, &donors, OPENERS, MAX_FILE);
                files[i].1 = m;
            }
            5..=7 => {
                let (path, contents) = generated_file(rng);
                match files.iter_mut().find(|(p, _)| *p == path) {
                    Some(f) => f.1 = contents,
                    None => files.push((path, contents)),
                }
            }
            8 => {
                files.remove(i);
            }
            9 => {
                files[i].0 = weird_path(rng, &files[i].0);
            }
            10 => {
                let (p, c) = files[i].clone();
                files.push((p, c));
            }
            _ => {
                let j = rng.below(files.len());
                let c = files[j].1.clone();
                files[i].1 = c;
            }
        }
    }
    let mut parts = Vec::new();
    for (p, c) in files {
        parts.push(p);
        parts.push(c);
    }
    frame::encode(&parts)
}

fn weird_path(rng: &mut Rng, path: &str) -> String {
    match rng.below(10) {
        0 => format!("/{path}"),
        1 => format!("../{path}"),
        2 => format!("{path}/"),
        3 => path.replace('/', "//"),
        4 => format!(".hidden/{path}"),
        5 => format!("letters/{}/letter.toml", special(rng)),
        6 => format!("letters/a/b/{path}"),
        7 => format!("instruments/{}.toml", special(rng)),
        8 => format!("evidence/{}", special(rng)),
        _ => String::new(),
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML value: mostly a string from `pool`, sometimes any other TOML (or not TOML).
fn value(rng: &mut Rng, pool: &[&str]) -> String {
    match rng.below(20) {
        0 => number(rng),
        1 => "true".into(),
        2 => format!("[{}]", quoted(&words(rng, 3))),
        3 => format!("{{ x = {} }}", quoted(&words(rng, 2))),
        4 => format!("\"\"\"\n{}\n\"\"\"", words(rng, 20)),
        5 => format!("'{}'", words(rng, 3).replace('\'', "")),
        6 => special(rng),
        7 => quoted(&special(rng)),
        8 => quoted(&words(rng, 6)),
        9 => quoted(&date(rng)),
        10 if rng.one_in(10) => quoted(&"x".repeat(rng.range(1000, 60_000))),
        _ if pool.is_empty() => quoted(&words(rng, 4)),
        _ => quoted(rng.pick(pool)),
    }
}

fn array(rng: &mut Rng, pool: &[&str]) -> String {
    let n = rng.small(6);
    let items: Vec<String> = (0..n).map(|_| value(rng, pool)).collect();
    if rng.one_in(20) {
        return value(rng, pool);
    }
    format!("[{}]", items.join(", "))
}

/// One `key = value` line per key, in a random order, some left out, some repeated, some unknown.
fn record(rng: &mut Rng, header: &str, keys: &[(&str, &[&str], bool)]) -> String {
    let mut s = String::new();
    s.push_str(header);
    s.push('\n');
    for (key, pool, is_array) in keys {
        if rng.one_in(12) {
            continue;
        }
        let v = if *is_array {
            array(rng, pool)
        } else {
            value(rng, pool)
        };
        s.push_str(&format!("{key} = {v}\n"));
        if rng.one_in(60) {
            s.push_str(&format!("{key} = {}\n", value(rng, pool)));
        }
    }
    if rng.one_in(15) {
        s.push_str(&format!("{} = {}\n", id(rng, &[]), value(rng, &[])));
    }
    s
}

const INCIDENT_IDS: &[&str] = &["party-dissolved", "gazette-closed", "harassment", "new-one"];
const ACTOR_IDS: &[&str] = &[
    "freedonia",
    "sylvania",
    "guarantor",
    "parties",
    "sg",
    "interior",
    "opposition",
    "gazette",
];
const SOURCE_IDS: &[&str] = &["gazette-2030-02", "monitor-report"];
const KINDS: &[&str] = &[
    "arrest",
    "closure",
    "dissolution",
    "tax_action",
    "other",
    "Arrest",
    "",
];
const ROLES: &[&str] = &[
    "perpetrator",
    "target",
    "victim",
    "witness",
    "other",
    "boss",
];
const PROVISIONS: &[&str] = &[
    "FPA Art. 3(1)",
    "FPA Art. 3(2)",
    "FPA Art. 9",
    "FPA",
    "FPA Annex 1 Art. 2",
    "XX Art. 1",
];
const SHA: &[&str] = &[
    "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
    "3859743f049ae95cc0c19b0eaffaecad4ce7a3d5c757dfd49c2d19eefc3491f0",
    "2C26B46B68FFC68FF99B453C1D30413413422D706483BFA0F98A5E886266E7AE",
    "00",
];

fn incidents_file(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.range(1, 5) {
        s.push_str(&record(
            rng,
            "[[incidents]]",
            &[
                ("id", INCIDENT_IDS, false),
                (
                    "date",
                    &[
                        "2030-02-14",
                        "2030-03",
                        "2030-01..2030-06",
                        "2030..",
                        "2030-02-30",
                    ],
                    false,
                ),
                ("title", &["Party dissolved", "ក្រុម"], false),
                ("kind", KINDS, false),
                ("place", &["Example City"], false),
                (
                    "themes",
                    &["association", "expression", "Political Parties"],
                    true,
                ),
                ("sources", SOURCE_IDS, true),
                ("summary", &["A summary."], false),
            ],
        ));
        if !rng.one_in(3) {
            let n = rng.small(4);
            let actors: Vec<String> = (0..n)
                .map(|_| {
                    format!(
                        "{{ actor = {}, role = {} }}",
                        value(rng, ACTOR_IDS),
                        value(rng, ROLES)
                    )
                })
                .collect();
            s.push_str(&format!("actors = [{}]\n", actors.join(", ")));
        }
        if rng.one_in(3) {
            s.push_str(&record(
                rng,
                "[[incidents.evidence]]",
                &[
                    ("sha256", SHA, false),
                    (
                        "name",
                        &["closure-notice.txt", "../../etc/passwd", "a/b", ""],
                        false,
                    ),
                    ("media_type", &["text/plain", "text/html", "x"], false),
                ],
            ));
        }
    }
    s
}

fn findings_file(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.range(1, 5) {
        s.push_str(&record(
            rng,
            "[[findings]]",
            &[
                ("id", &["f-dissolution", "f-gazette", "f-new"], false),
                ("incidents", INCIDENT_IDS, true),
                ("provision", PROVISIONS, false),
                (
                    "verdict",
                    &[
                        "violation",
                        "threat_of_violation",
                        "concern",
                        "no_violation",
                        "x",
                    ],
                    false,
                ),
                ("status", &["confirmed", "draft", "retracted", "x"], false),
                ("author", &["Research team"], false),
                ("reviewed_by", &["Legal reviewer"], false),
                ("rationale", &["Because."], false),
            ],
        ));
    }
    s
}

fn letter_file(rng: &mut Rng) -> String {
    let mut s = record(
        rng,
        "",
        &[
            ("id", &["appeal-2030", "other"], false),
            ("title", &["Appeal"], false),
            ("date", &["2030-07-01", "2030-07", "2030-02-30"], false),
            ("place", &["Example City"], false),
            ("language", &["en", "km", "fr", ""], false),
            ("coordinator", ACTOR_IDS, false),
            (
                "body",
                &[
                    "body.md",
                    "../case.toml",
                    "letter.toml",
                    ".body.md",
                    "a/b.md",
                    "missing.md",
                ],
                false,
            ),
            ("closing", &["Yours sincerely,"], false),
            (
                "signatory_order",
                &["alphabetical", "as_listed", "signed", "x"],
                false,
            ),
            ("cc", &["The Parties"], true),
        ],
    );
    for _ in 0..rng.small(3) {
        s.push_str(&record(
            rng,
            "[[addressees]]",
            &[
                ("name", &["The Minister"], false),
                ("title", &["Minister"], false),
                ("organisation", &["Government"], false),
                ("role", &["guarantor"], false),
                ("actor", ACTOR_IDS, false),
            ],
        ));
    }
    for _ in 0..rng.small(4) {
        s.push_str(&record(
            rng,
            "[[signatories]]",
            &[
                ("organisation", &["Example Network", "ACS", "ក្រុម"], false),
                ("country", &["XF", "KH"], false),
                ("representative", &["C. Director"], false),
                (
                    "url",
                    &[
                        "https://example.org",
                        "javascript:alert(1)",
                        "data:x",
                        "http://",
                    ],
                    false,
                ),
                (
                    "state",
                    &[
                        "invited",
                        "verified",
                        "signed",
                        "declined",
                        "withdrawn",
                        "x",
                    ],
                    false,
                ),
                ("order", &["1"], false),
                ("signed_text_sha256", SHA, false),
            ],
        ));
    }
    s
}

fn evidence_file(rng: &mut Rng) -> String {
    if rng.one_in(2) {
        return mutate(rng, EVIDENCE_TOML, &[EVIDENCE_TOML], OPENERS, MAX_FILE);
    }
    let mut s = String::new();
    for _ in 0..rng.range(1, 4) {
        s.push_str(&record(
            rng,
            "[[evidence]]",
            &[
                ("id", &["ev-1", "ev-2"], false),
                (
                    "file",
                    &["notice.txt", "a/b.txt", "../x", "/etc/passwd", "", ".x"],
                    false,
                ),
                ("sha256", SHA, false),
                ("media_type", &["text/plain"], false),
                ("incident", INCIDENT_IDS, false),
                ("source", SOURCE_IDS, false),
                ("note", &["A note."], false),
            ],
        ));
        if rng.one_in(2) {
            s.push_str(&record(
                rng,
                "[evidence.capture]",
                &[
                    (
                        "captured_at",
                        &[
                            "2030-02-14T10:00:00Z",
                            "2030-02-14",
                            "2030-13-45T99:99:99Z",
                            "2030-02-14T10:00:00+07:00",
                        ],
                        false,
                    ),
                    ("captured_by", &["Research team"], false),
                    (
                        "source_url",
                        &["https://example.org", "javascript:x"],
                        false,
                    ),
                    ("method", &["screenshot"], false),
                    ("tool", &["browser"], false),
                    ("place", &["Example City"], false),
                ],
            ));
        }
        if rng.one_in(3) {
            s.push_str(&record(
                rng,
                "[evidence.derived_from]",
                &[
                    ("original", &["ev-1", "ev-2", "nope"], false),
                    ("what", &["redaction"], false),
                ],
            ));
        }
        for _ in 0..rng.small(3) {
            s.push_str(&record(
                rng,
                "[[evidence.custody]]",
                &[
                    (
                        "at",
                        &["2030-02-14T10:00:00Z", "2030-02-13T10:00:00Z", "x"],
                        false,
                    ),
                    ("by", &["Accord project"], false),
                    (
                        "action",
                        &["received", "viewed", "copied", "verified", "x"],
                        false,
                    ),
                    ("note", &["n"], false),
                ],
            ));
        }
    }
    s
}

fn generated_file(rng: &mut Rng) -> (String, String) {
    match rng.below(7) {
        0 => ("incidents.toml".into(), incidents_file(rng)),
        1 => ("findings.toml".into(), findings_file(rng)),
        2 => ("letters/appeal-2030/letter.toml".into(), letter_file(rng)),
        3 => ("evidence.toml".into(), evidence_file(rng)),
        4 => (
            "letters/appeal-2030/body.md".into(),
            mutate_seed(rng, BODIES, &["> ", "- ", "{{", "*"], MAX_FILE),
        ),
        5 => (
            format!("elections/{}.json", id(rng, &["2029-parliament", "x"])),
            mutate_seed(rng, ELECTIONS_JSON, &["[", "{\"a\":"], MAX_FILE),
        ),
        _ => (
            format!("incidents/{}.toml", id(rng, &["more"])),
            incidents_file(rng),
        ),
    }
}

/// The blobs an evidence.toml names (`file` and `sha256` lines, in order), as if the bundle held
/// them: so evidence records can read, not only fail.
fn blobs_of(files: &[BundleFile]) -> Vec<BundleBlob> {
    let Some(ev) = files.iter().find(|f| f.path == "evidence.toml") else {
        return Vec::new();
    };
    let mut blobs = Vec::new();
    let mut file = None;
    for line in ev.contents.lines() {
        let value = |l: &str| {
            l.split_once('=')
                .map(|(_, v)| v.trim().trim_matches('"').to_owned())
        };
        if line.starts_with("file") {
            file = value(line);
        } else if line.starts_with("sha256")
            && let (Some(f), Some(sha)) = (file.take(), value(line))
        {
            blobs.push(BundleBlob {
                path: format!("evidence/{f}"),
                sha256: sha,
                size: 1,
                media_type: "text/plain".into(),
            });
        }
    }
    blobs
}

/// The files of an input.
pub fn files_of(input: &[u8]) -> Vec<BundleFile> {
    let parts = frame::decode_text(input, 0);
    parts
        .chunks(2)
        .map(|pc| BundleFile {
            path: pc[0].clone(),
            contents: pc.get(1).cloned().unwrap_or_default(),
        })
        .collect()
}

fn run(input: &[u8]) -> Result<(), String> {
    let files = files_of(input);
    let blobs = blobs_of(&files);
    let Ok(case) = read_with_blobs(&files, &blobs) else {
        return Ok(());
    };
    for letter in &case.letters {
        if let Ok(composed) = compose(&case, &letter.id) {
            let _ = render_html(&composed.document);
            let _ = render_markdown(&composed.document);
        }
    }
    let written =
        write(case.case()).map_err(|e| format!("a bundle that reads does not write: {e}"))?;
    let again = read_with_blobs(&written, &blobs)
        .map_err(|e| format!("an exported bundle does not read back: {e}"))?;
    let rewritten =
        write(again.case()).map_err(|e| format!("a re-imported bundle does not write: {e}"))?;
    if rewritten != written {
        let first = written
            .iter()
            .zip(&rewritten)
            .find(|(a, b)| a != b)
            .map(|(a, _)| a.path.clone())
            .unwrap_or_else(|| "(a file added or lost)".into());
        return Err(format!(
            "export → import → export differs, first in {first}"
        ));
    }
    Ok(())
}
