//! Composition: the template functions, note numbering and the errors that name a body line.

use accord_core::ValidCase;
use accord_letters::{
    Block, BodyProblem, ComposeError, Inline, compose, plain_text, render_markdown,
};

use crate::bundle_from;

pub const CASE: &str = r#"
id = "t"
title = "Test case"
"#;

pub const ACTORS: &str = r#"
[[actors]]
id = "sg"
kind = "official"
name = "Secretary-General"

[[actors]]
id = "ministry"
kind = "government_body"
name = "Ministry"
"#;

pub const INSTRUMENT: &str = r#"
id = "PA"
kind = "agreement"
title = "Peace Accord"

[[provisions]]
cite = "PA Art. 3"
text_status = "verified"
text_source = "test"
text = "Everyone shall have the right to form associations."

[[provisions]]
cite = "PA Art. 9"
text_status = "quoted"
text_source = "test"
text = """
The parties undertake:
- to consult;
- to act."""

[[provisions]]
cite = "PA Art. 12"
text_status = "missing"
"#;

pub const SOURCES: &str = r#"
[[sources]]
id = "gazette"
sensitivity = "public"
authors = ["A. Writer"]
title = "Party dissolved"
publisher = "The Gazette"
date = "2030-02-15"

[[sources]]
id = "monitor"
sensitivity = "public"
title = "Half-year report"
publisher = "Monitor"
"#;

pub const INCIDENTS: &str = r#"
[[incidents]]
id = "dissolution"
sensitivity = "public"
date = "2030-02-14"
title = "Party dissolved by decree"
kind = "dissolution"
sources = ["gazette"]

[[incidents]]
id = "closure"
sensitivity = "public"
date = "2030-01"
title = "Newspaper closed"
kind = "closure"
sources = ["monitor"]

[[incidents]]
id = "rumour"
sensitivity = "public"
date = "2030-03-01"
title = "Unconfirmed rumour"
kind = "other"
"#;

pub const FINDINGS: &str = r#"
[[findings]]
id = "f-dissolution"
incidents = ["dissolution"]
provision = "PA Art. 3"
verdict = "violation"
status = "confirmed"
rationale = "r"

[[findings]]
id = "f-closure"
incidents = ["closure"]
provision = "PA Art. 3"
verdict = "threat_of_violation"
status = "confirmed"
rationale = "r"

[[findings]]
id = "f-rumour"
incidents = ["rumour"]
provision = "PA Art. 3"
verdict = "violation"
status = "draft"
rationale = "r"
"#;

pub const MECHANISMS: &str = r#"
[[mechanisms]]
id = "pa-art-9"
name = "Consultations"
provision = "PA Art. 9"
counts = ["violation", "threat_of_violation"]
scope_instruments = ["PA"]
requested_by = ["sg"]
responsible = ["sg"]
consult = []
action = "Consult."
"#;

pub const LETTER: &str = r#"
id = "l"
title = "Test letter"
date = "2030-07-01"
language = "en"
body = "body.md"
closing = "Yours sincerely,"
cc = ["First copy", "Second copy"]

[[addressees]]
name = "Jane Minister"
title = "Minister"
organisation = "Ministry"
role = "addressee"

[[signatories]]
organisation = "Zeta Network"
state = "verified"

[[signatories]]
organisation = "alpha group"
state = "verified"

[[signatories]]
organisation = "Beta Union"
state = "signed"
"#;

/// The test case with this letter body (and, optionally, this letter.toml).
pub fn case_with(letter: &str, body: &str) -> ValidCase {
    bundle_from(&[
        ("case.toml", CASE),
        ("actors.toml", ACTORS),
        ("instruments/PA.toml", INSTRUMENT),
        ("sources.toml", SOURCES),
        ("incidents.toml", INCIDENTS),
        ("findings.toml", FINDINGS),
        ("mechanisms.toml", MECHANISMS),
        ("letters/l/letter.toml", letter),
        ("letters/l/body.md", body),
    ])
}

pub fn case_with_body(body: &str) -> ValidCase {
    case_with(LETTER, body)
}

fn body_error(body: &str) -> (Option<usize>, BodyProblem, String) {
    match compose(&case_with_body(body), "l") {
        Err(err @ ComposeError::Body { .. }) => {
            let message = err.to_string();
            let ComposeError::Body { line, problem, .. } = err else {
                unreachable!()
            };
            (line, problem, message)
        }
        other => panic!("expected a body error for {body:?}, got {other:?}"),
    }
}

fn paragraph_texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(c) => Some(plain_text(c)),
            _ => None,
        })
        .collect()
}

#[test]
fn notes_are_numbered_in_order_of_first_use_and_sources_reuse_their_number() {
    let body = "One{{ cite(\"monitor\") }}.\n\n\
                Two{{ footnote(\"Free note.\") }} and three{{ cite(\"gazette\") }}.\n\n\
                Again{{ cite(\"monitor\") }}, and{{ footnote(\"Free note.\") }}.\n";
    let doc = compose(&case_with_body(body), "l")
        .expect("composes")
        .document;
    assert_eq!(
        paragraph_texts(&doc.blocks),
        ["One[1].", "Two[2] and three[3].", "Again[1], and[4]."]
    );
    let notes: Vec<String> = doc.footnotes.iter().map(|n| plain_text(n)).collect();
    assert_eq!(
        notes,
        [
            "‘Half-year report’, Monitor",
            "Free note.",
            "A. Writer, ‘Party dissolved’, The Gazette, 15 February 2030",
            // The same free text twice is two notes: only sources are shared.
            "Free note.",
        ]
    );
}

#[test]
fn notes_follow_the_document_not_the_call_order_of_loops() {
    // The template calls cite inside a loop; the numbers still follow the text.
    let body =
        "{% for s in [\"gazette\", \"monitor\", \"gazette\"] %}S{{ cite(s) }} {% endfor %}\n";
    let doc = compose(&case_with_body(body), "l")
        .expect("composes")
        .document;
    assert_eq!(paragraph_texts(&doc.blocks), ["S[1] S[2] S[1]"]);
    assert_eq!(doc.footnotes.len(), 2);
}

#[test]
fn quote_prints_the_provision_verbatim_one_paragraph_per_line() {
    let body = "Article 9 provides:\n\n{{ quote(\"PA Article 9\") }}\n\nEnd.\n";
    let doc = compose(&case_with_body(body), "l")
        .expect("composes")
        .document;
    let Block::Quote(quoted) = &doc.blocks[1] else {
        panic!("the second block is the quote: {:?}", doc.blocks)
    };
    assert_eq!(
        paragraph_texts(quoted),
        ["The parties undertake:", "- to consult;", "- to act."]
    );
    assert_eq!(
        paragraph_texts(&doc.blocks),
        ["Article 9 provides:", "End."]
    );
}

#[test]
fn unknown_citation_names_the_line() {
    let (line, problem, message) =
        body_error("Line one.\n\nLine three {{ quote(\"PA Art. 92\") }}\n");
    assert_eq!(line, Some(3));
    assert_eq!(
        problem,
        BodyProblem::UnknownCitation {
            citation: "PA Art. 92".into()
        }
    );
    assert_eq!(
        message,
        "letter \"l\": body.md line 3: quote(\"PA Art. 92\"): no provision \"PA Art. 92\" in this case"
    );
}

#[test]
fn a_provision_without_text_cannot_be_quoted() {
    let (line, problem, _) = body_error("{{ quote(\"PA Art. 12\") }}\n");
    assert_eq!(line, Some(1));
    assert_eq!(
        problem,
        BodyProblem::MissingText {
            citation: "PA Art. 12".into()
        }
    );
}

#[test]
fn a_citation_that_does_not_parse_is_an_error() {
    let (line, problem, _) = body_error("\n\n\n{{ quote(\"Art. 3\") }}\n");
    assert_eq!(line, Some(4));
    assert!(
        matches!(problem, BodyProblem::BadCitation { ref citation, .. } if citation == "Art. 3"),
        "{problem:?}"
    );
}

#[test]
fn unknown_source_names_the_line() {
    let (line, problem, message) = body_error("A\nB{{ cite(\"nobody\") }}\n");
    assert_eq!(line, Some(2));
    assert_eq!(
        problem,
        BodyProblem::UnknownSource {
            id: "nobody".into()
        }
    );
    assert!(message.contains("body.md line 2"), "{message}");
}

#[test]
fn unknown_mechanism_or_finding_names_the_line() {
    let (line, problem, _) = body_error("{{ incidents_of(\"nothing\") }}\n");
    assert_eq!(line, Some(1));
    assert_eq!(
        problem,
        BodyProblem::UnknownMechanismOrFinding {
            id: "nothing".into()
        }
    );
}

#[test]
fn template_syntax_and_undefined_names_are_errors_with_lines() {
    let (line, problem, _) = body_error("ok\n{{ quote( }}\n");
    assert_eq!(line, Some(2));
    assert!(
        matches!(problem, BodyProblem::Template { .. }),
        "{problem:?}"
    );

    let (line, problem, message) = body_error("ok\n\n{{ letter_title }}\n");
    assert_eq!(line, Some(3));
    assert!(
        matches!(problem, BodyProblem::Template { .. }),
        "{problem:?}"
    );
    assert!(message.contains("undefined"), "{message}");

    let (line, _, message) = body_error("{{ qoute(\"PA Art. 3\") }}\n");
    assert_eq!(line, Some(1));
    assert!(
        message.contains("qoute") || message.contains("unknown"),
        "{message}"
    );
}

#[test]
fn a_runaway_template_stops() {
    let body = "{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}";
    let (_, problem, _) = body_error(body);
    assert!(
        matches!(problem, BodyProblem::Template { .. }),
        "{problem:?}"
    );
}

#[test]
fn reserved_characters_are_refused() {
    let (line, problem, _) = body_error("fine\nnot \u{E000}0\u{E001} fine\n");
    assert_eq!(line, Some(2));
    assert_eq!(problem, BodyProblem::ReservedCharacter { code: 0xE000 });
}

#[test]
fn an_unknown_letter_is_an_error() {
    let err = compose(&case_with_body("x"), "nope").expect_err("no such letter");
    assert_eq!(err.to_string(), "case \"t\" has no letter \"nope\"");
}

#[test]
fn incidents_of_a_mechanism_lists_the_confirmed_findings_incidents_by_date() {
    let doc = compose(&case_with_body("{{ incidents_of(\"pa-art-9\") }}\n"), "l")
        .expect("composes")
        .document;
    let [
        Block::List {
            ordered: false,
            items,
        },
    ] = doc.blocks.as_slice()
    else {
        panic!("one bulleted list: {:?}", doc.blocks)
    };
    let items: Vec<String> = items.iter().map(|i| paragraph_texts(i).join("|")).collect();
    // The draft finding's incident is not behind the mechanism; January comes before February.
    assert_eq!(
        items,
        [
            "January 2030: Newspaper closed[1]",
            "14 February 2030: Party dissolved by decree[2]"
        ]
    );
    assert_eq!(plain_text(&doc.footnotes[0]), "‘Half-year report’, Monitor");
}

#[test]
fn incidents_of_lists_only_what_the_public_may_see() {
    // A letter is published: an incident for the members of the case is left out, and so is
    // the footnote of a source that is not public.
    let case = crate::bundle_from(&[
        ("case.toml", CASE),
        ("actors.toml", ACTORS),
        ("instruments/PA.toml", INSTRUMENT),
        (
            "sources.toml",
            &SOURCES.replace(
                "id = \"monitor\"\nsensitivity = \"public\"",
                "id = \"monitor\"\nsensitivity = \"case\"",
            ),
        ),
        (
            "incidents.toml",
            &INCIDENTS.replace(
                "id = \"dissolution\"\nsensitivity = \"public\"",
                "id = \"dissolution\"\nsensitivity = \"restricted\"",
            ),
        ),
        ("findings.toml", FINDINGS),
        ("mechanisms.toml", MECHANISMS),
        ("letters/l/letter.toml", LETTER),
        ("letters/l/body.md", "{{ incidents_of(\"pa-art-9\") }}\n"),
    ]);
    let doc = compose(&case, "l").expect("composes").document;
    let [Block::List { items, .. }] = doc.blocks.as_slice() else {
        panic!("one list: {:?}", doc.blocks)
    };
    let items: Vec<String> = items.iter().map(|i| paragraph_texts(i).join("|")).collect();
    assert_eq!(items, ["January 2030: Newspaper closed"]);
    assert!(doc.footnotes.is_empty(), "{:?}", doc.footnotes);
}

#[test]
fn incidents_of_a_finding_lists_its_incidents() {
    let doc = compose(&case_with_body("{{ incidents_of(\"f-rumour\") }}\n"), "l")
        .expect("composes")
        .document;
    let [Block::List { items, .. }] = doc.blocks.as_slice() else {
        panic!("one list: {:?}", doc.blocks)
    };
    assert_eq!(
        paragraph_texts(&items[0]),
        ["1 March 2030: Unconfirmed rumour"]
    );
}

#[test]
fn the_body_markdown_gives_structure() {
    let body = "## Background\n\nSome *emphasis*, **strength** and a [link](https://example.org).\n\n\
                1. first\n2. second\n\n> a quotation\n";
    let doc = compose(&case_with_body(body), "l")
        .expect("composes")
        .document;
    assert_eq!(
        doc.blocks[0],
        Block::Heading {
            level: 2,
            content: vec![Inline::Text("Background".into())]
        }
    );
    assert_eq!(
        doc.blocks[1],
        Block::Paragraph(vec![
            Inline::Text("Some ".into()),
            Inline::Emph(vec![Inline::Text("emphasis".into())]),
            Inline::Text(", ".into()),
            Inline::Strong(vec![Inline::Text("strength".into())]),
            Inline::Text(" and a ".into()),
            Inline::Link {
                url: "https://example.org".into(),
                content: vec![Inline::Text("link".into())]
            },
            Inline::Text(".".into()),
        ])
    );
    assert!(matches!(&doc.blocks[2], Block::List { ordered: true, items } if items.len() == 2));
    assert!(matches!(&doc.blocks[3], Block::Quote(_)));
}

#[test]
fn signatories_are_verified_only_in_alphabetical_order_ignoring_case() {
    let composed = compose(&case_with_body("Body.\n"), "l").expect("composes");
    assert_eq!(
        composed.document.signatories,
        ["alpha group", "Zeta Network"]
    );
    let all: Vec<&str> = composed
        .signatories
        .iter()
        .map(|s| s.signatory.organisation.as_str())
        .collect();
    assert_eq!(all, ["alpha group", "Beta Union", "Zeta Network"]);
}

#[test]
fn manual_order_is_followed() {
    let letter = LETTER
        .replace("cc = [", "signatory_order = \"manual\"\ncc = [")
        .replace(
            "organisation = \"Zeta Network\"\n",
            "organisation = \"Zeta Network\"\norder = 1\n",
        )
        .replace(
            "organisation = \"alpha group\"\n",
            "organisation = \"alpha group\"\norder = 3\n",
        )
        .replace(
            "organisation = \"Beta Union\"\n",
            "organisation = \"Beta Union\"\norder = 2\n",
        );
    let composed = compose(&case_with(&letter, "Body.\n"), "l").expect("composes");
    assert_eq!(
        composed.document.signatories,
        ["Zeta Network", "alpha group"]
    );
}

#[test]
fn the_signed_text_is_the_markdown_without_signatories() {
    let composed =
        compose(&case_with_body("Body{{ cite(\"gazette\") }}.\n"), "l").expect("composes");
    let full = render_markdown(&composed.document);
    let signed = &composed.signed_text.text;
    assert!(full.contains("1. alpha group\n2. Zeta Network\n"), "{full}");
    assert!(!signed.contains("alpha group"), "{signed}");
    assert_eq!(
        full.replace("1. alpha group\n2. Zeta Network\n\n", ""),
        *signed,
        "the signed text is the full Markdown minus the signatory list"
    );
    // Checked against sha256sum, not against the code that computed it.
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("signed.md");
    std::fs::write(&path, signed).expect("write");
    let out = std::process::Command::new("sha256sum")
        .arg(&path)
        .output()
        .expect("sha256sum (coreutils) runs");
    let sum = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        sum.split_whitespace().next(),
        Some(composed.signed_text.sha256.as_str())
    );
}

#[test]
fn the_signed_text_changes_with_the_body_but_not_with_signatures() {
    let a = compose(&case_with_body("Body.\n"), "l").expect("composes");
    let b = compose(&case_with_body("Body, changed.\n"), "l").expect("composes");
    assert_ne!(a.signed_text.sha256, b.signed_text.sha256);
    let fewer = LETTER.replace("state = \"verified\"", "state = \"declined\"");
    let c = compose(&case_with(&fewer, "Body.\n"), "l").expect("composes");
    assert!(c.document.signatories.is_empty());
    assert_eq!(a.signed_text, c.signed_text);
}

#[test]
fn a_translation_in_the_letters_language_is_quoted() {
    let instrument = INSTRUMENT.replace(
        "text = \"Everyone shall have the right to form associations.\"",
        "text = \"Everyone shall have the right to form associations.\"\n\n\
         [[provisions.translations]]\nlang = \"fr\"\nstatus = \"translation\"\nsource = \"test\"\n\
         text = \"Chacun a le droit de fonder des associations.\"",
    );
    let letter = LETTER.replace("language = \"en\"", "language = \"fr\"");
    let case = bundle_from(&[
        ("case.toml", CASE),
        ("actors.toml", ACTORS),
        ("instruments/PA.toml", &instrument),
        ("sources.toml", SOURCES),
        ("incidents.toml", INCIDENTS),
        ("findings.toml", FINDINGS),
        ("mechanisms.toml", MECHANISMS),
        ("letters/l/letter.toml", &letter),
        ("letters/l/body.md", "{{ quote(\"PA Art. 3\") }}\n"),
    ]);
    let doc = compose(&case, "l").expect("composes").document;
    let Block::Quote(q) = &doc.blocks[0] else {
        panic!("a quote: {:?}", doc.blocks)
    };
    assert_eq!(
        paragraph_texts(q),
        ["Chacun a le droit de fonder des associations."]
    );
    assert_eq!(doc.place_date, "1er juillet 2030");
}
