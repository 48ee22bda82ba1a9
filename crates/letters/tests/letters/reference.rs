//! The reference letter of 23 October 2017, from the repository's case bundle, in all three
//! formats: the three addressees, the 55 signatories in the letter's order with their exact
//! names, the 21 CC entries in order, the quoted provisions verbatim and the three notes.
//!
//! Expected values come from the bundle's data files (the signatories' printed `order`, the
//! provisions' `text`), never from the code under test.

use accord_core::{Citation, Signatory};
use accord_letters::{Composed, compose, render_html, render_markdown, render_pdf};

use crate::{REFERENCE_LETTER, fonts, normalize, poppler, reference_case};

fn composed() -> Composed {
    compose(reference_case(), REFERENCE_LETTER).expect("the reference letter composes")
}

/// The signatories as the bundle records them, by the number the letter printed them with.
fn printed_order() -> Vec<String> {
    let letter = reference_case()
        .letter(REFERENCE_LETTER)
        .expect("the reference letter");
    let mut sigs: Vec<&Signatory> = letter.signatories.iter().collect();
    sigs.sort_by_key(|s| s.order);
    assert_eq!(sigs.len(), 55);
    assert!(
        sigs.iter()
            .enumerate()
            .all(|(i, s)| s.order == Some(i as u32 + 1))
    );
    sigs.iter().map(|s| s.organisation.clone()).collect()
}

fn cc() -> Vec<String> {
    reference_case()
        .letter(REFERENCE_LETTER)
        .expect("the reference letter")
        .cc
        .clone()
}

/// The provision texts the letter quotes, from the case.
fn provision_text(citation: &str) -> String {
    let c = Citation::parse(citation).expect("a citation");
    reference_case()
        .provision(&c)
        .and_then(|p| p.text.clone())
        .unwrap_or_else(|| panic!("{citation} has a text"))
}

const QUOTED: [&str; 4] = [
    "ACPS Art. 29",
    "ACPS Annex 5 Art. 4",
    "ACPS Annex 5 Art. 5",
    "ASIT Art. 3(2)(a)",
];

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(
        "reference_letter_markdown",
        render_markdown(&composed().document)
    );
}

#[test]
fn signatories_are_the_55_in_the_printed_order() {
    let c = composed();
    // The letter printed them alphabetically ignoring case; the alphabetical order must give
    // back exactly the printed numbers.
    assert_eq!(c.document.signatories, printed_order());
    assert!(c.signatories.iter().all(|s| s.state.is_published()));
}

#[test]
fn markdown_has_every_part_in_order() {
    let md = render_markdown(&composed().document);
    let lines: Vec<&str> = md.lines().collect();
    for (i, name) in printed_order().iter().enumerate() {
        let line = format!("{}. {name}", i + 1);
        assert!(
            lines.contains(&line.as_str()),
            "missing signatory line {line:?}"
        );
    }
    let cc_lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("- "))
        .collect();
    let expected: Vec<String> = cc().iter().map(|c| format!("- {c}")).collect();
    assert_eq!(cc_lines, expected);
    for who in [
        "António Guterres\\\nSecretary-General\\\nUnited Nations",
        "Joko Widodo\\\nPresident\\\nRepublic of Indonesia\\\n(co-chair)",
        "Emmanuel Macron\\\nPresident\\\nFrench Republic\\\n(co-chair)",
    ] {
        assert!(md.contains(who), "addressee {who:?}");
    }
    // The quotes, a paragraph per line of the provision text (ASIT's indents start with "- ",
    // escaped so they stay text).
    for citation in QUOTED {
        for line in provision_text(citation)
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let escaped = line.trim().replacen("- ", "\\- ", 1);
            assert!(
                md.contains(&format!("> {escaped}\n")),
                "{citation}: line {line:?} not quoted"
            );
        }
    }
    let notes: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("[^"))
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].starts_with("[^1]: For an overview of the legal obligations"));
    assert!(notes[1].starts_with("[^2]: See: UN OHCHR in Cambodia"));
    assert!(notes[2].starts_with("[^3]: For a detailed analysis of the LANGO"));
    assert!(md.contains("being violated[^1]. These"));
    assert!(md.contains("political parties[^2]. On October 6"));
    assert!(md.contains("(LANGO)[^3] – despite"));
}

#[test]
fn html_has_every_part_escaped() {
    let html = render_html(&composed().document);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(!html.contains("<script"));
    for name in printed_order() {
        let escaped = name.replace('&', "&amp;").replace('\'', "&#39;");
        assert!(html.contains(&format!("<li>{escaped}</li>")), "{name}");
    }
    let signatories = html
        .split("<ol class=\"signatories\">")
        .nth(1)
        .and_then(|s| s.split("</ol>").next())
        .expect("a signatory list");
    let listed: Vec<&str> = signatories
        .lines()
        .filter_map(|l| l.strip_prefix("<li>")?.strip_suffix("</li>"))
        .collect();
    let expected: Vec<String> = printed_order()
        .iter()
        .map(|n| n.replace('&', "&amp;"))
        .collect();
    assert_eq!(listed, expected);
    let cc_html = html
        .split("<ul class=\"cc\">")
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .expect("a CC list");
    let listed: Vec<&str> = cc_html
        .lines()
        .filter_map(|l| l.strip_prefix("<li>")?.strip_suffix("</li>"))
        .collect();
    assert_eq!(listed, cc());
    for citation in QUOTED {
        for line in provision_text(citation)
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            assert!(
                html.contains(&format!("<p>{}</p>", line.trim())),
                "{citation}: {line:?}"
            );
        }
    }
    assert_eq!(html.matches("<li id=\"note-").count(), 3);
    assert!(html.contains("violated<sup><a href=\"#note-1\" id=\"ref-1\">1</a></sup>."));
    for who in ["António Guterres", "Joko Widodo", "Emmanuel Macron"] {
        assert!(html.contains(&format!("<address>{who}<br>")), "{who}");
    }
}

#[test]
fn pdf_text_has_every_signatory_cc_entry_and_quoted_provision() {
    let c = composed();
    let pdf = render_pdf(&c.document, fonts()).expect("the reference letter renders");
    let text = normalize(&poppler::text_raw(&pdf));
    let mut at = 0;
    for (i, name) in printed_order().iter().enumerate() {
        let entry = format!("{}. {name}", i + 1);
        let found = text[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("signatory {entry:?} missing or out of order"));
        at += found + entry.len();
    }
    for entry in cc() {
        let found = text[at..]
            .find(&normalize(&entry))
            .unwrap_or_else(|| panic!("CC entry {entry:?} missing or out of order"));
        at += found;
    }
    for citation in QUOTED {
        for line in provision_text(citation)
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            assert!(
                text.contains(&normalize(line)),
                "{citation}: {line:?} not in the PDF text"
            );
        }
    }
    for note in [
        "For an overview of the legal obligations upon the Royal Government of Cambodia",
        "See: UN OHCHR in Cambodia, ‘A Human Rights Analysis of the Amended Law on Political Parties (2017)’",
        "For a detailed analysis of the LANGO, see:",
    ] {
        assert!(text.contains(note), "note {note:?} not in the PDF text");
    }
    for who in [
        "António Guterres",
        "Joko Widodo",
        "Emmanuel Macron",
        "Request to Reconvene the Paris Conference on Cambodia",
        "23 October 2017",
    ] {
        assert!(text.contains(who), "{who} not in the PDF text");
    }
}
