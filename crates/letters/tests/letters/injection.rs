//! Markup in any field of a case or a letter comes out as literal text in Markdown, HTML and
//! PDF: a provision, a source title, an incident title, a note, names, addressees, CC entries,
//! and raw HTML or typst in the body itself.

use accord_letters::{compose, render_html, render_markdown, render_pdf};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::{bundle_from, fonts, normalize, poppler};

/// Markup in every language that could read it: Markdown, HTML, typst.
const MARKUP: &str = r#"*b* _i_ `c` <b>x</b> <script>alert(1)</script> [l](javascript:alert(1)) #panic("x") $y$ @ref <lbl> \ &amp;"#;

fn payload(field: &str) -> String {
    format!("{field} {MARKUP}")
}

fn toml_str(s: &str) -> String {
    format!("'''{s}'''")
}

const FIELDS: [&str; 12] = [
    "TITLE",
    "PLACE",
    "ADDRESSEE",
    "ROLE",
    "CLOSING",
    "CC",
    "SIGNATORY",
    "PROVISION",
    "SOURCE",
    "INCIDENT",
    "NOTE",
    "ORGANISATION",
];

fn case() -> accord_core::ValidCase {
    let instrument = format!(
        "id = \"PA\"\nkind = \"agreement\"\ntitle = \"Accord\"\n\n[[provisions]]\ncite = \"PA Art. 1\"\n\
         text_status = \"verified\"\ntext_source = \"t\"\ntext = {}\n",
        toml_str(&payload("PROVISION"))
    );
    let sources = format!(
        "[[sources]]\nid = \"s\"\nsensitivity = \"public\"\ntitle = {}\n",
        toml_str(&payload("SOURCE"))
    );
    let incidents = format!(
        "[[incidents]]\nid = \"i\"\nsensitivity = \"public\"\ndate = \"2030-01-02\"\nkind = \"other\"\nsources = [\"s\"]\ntitle = {}\n",
        toml_str(&payload("INCIDENT"))
    );
    let findings = "[[findings]]\nid = \"f\"\nincidents = [\"i\"]\nprovision = \"PA Art. 1\"\n\
                    verdict = \"violation\"\nstatus = \"confirmed\"\nrationale = \"r\"\n";
    let letter = format!(
        "id = \"l\"\ntitle = {}\ndate = \"2030-07-01\"\nplace = {}\nlanguage = \"en\"\nbody = \"body.md\"\n\
         closing = {}\ncc = [{}]\n\n[[addressees]]\nname = {}\ntitle = \"Minister\"\norganisation = {}\nrole = {}\n\n\
         [[signatories]]\norganisation = {}\nstate = \"verified\"\n",
        toml_str(&payload("TITLE")),
        toml_str(&payload("PLACE")),
        toml_str(&payload("CLOSING")),
        toml_str(&payload("CC")),
        toml_str(&payload("ADDRESSEE")),
        toml_str(&payload("ORGANISATION")),
        toml_str(&payload("ROLE")),
        toml_str(&payload("SIGNATORY")),
    );
    let note = payload("NOTE").replace('\\', "\\\\").replace('"', "\\\"");
    let body = format!(
        "Quoted:\n\n{{{{ quote(\"PA Art. 1\") }}}}\n\nCited{{{{ cite(\"s\") }}}} and noted{{{{ footnote(\"{note}\") }}}}.\n\n\
         {{{{ incidents_of(\"f\") }}}}\n\n\
         Raw <img src=x onerror=alert(1)> html and a [bad link](javascript:alert(1)).\n\n\
         <div onclick=\"alert(1)\">block html</div>\n\n\
         #set page(width: 1cm) and #panic(\"body\")\n"
    );
    bundle_from(&[
        ("case.toml", "id = \"inj\"\ntitle = \"Injection\"\n"),
        ("instruments/PA.toml", &instrument),
        ("sources.toml", &sources),
        ("incidents.toml", &incidents),
        ("findings.toml", findings),
        ("letters/l/letter.toml", &letter),
        ("letters/l/body.md", &body),
    ])
}

#[test]
fn markdown_reads_back_as_literal_text() {
    let md = render_markdown(&compose(&case(), "l").expect("composes").document);
    // Read as GitHub would (footnotes, tables, strikethrough on): no markup may appear.
    let options =
        Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in:\n{md}"),
            Event::Code(c) => panic!("code {c:?} in:\n{md}"),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => {
                panic!("emphasis in:\n{md}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url} in:\n{md}"),
            Event::Start(Tag::Table(_) | Tag::CodeBlock(_) | Tag::Image { .. }) => {
                panic!("a table, code block or image in:\n{md}")
            }
            _ => {}
        }
    }
    for field in FIELDS {
        assert!(
            text.contains(&payload(field)),
            "{field} is not literal in the Markdown:\n{md}"
        );
    }
    assert!(text.contains("Raw <img src=x onerror=alert(1)> html"));
    assert!(text.contains("[bad link](javascript:alert(1))") || text.contains("bad link"));
    assert!(text.contains("#set page(width: 1cm) and #panic(\"body\")"));
}

#[test]
fn html_escapes_every_field() {
    let html = render_html(&compose(&case(), "l").expect("composes").document);
    for bad in [
        "<b>",
        "<script",
        "<img",
        "<div onclick",
        "href=\"javascript",
        "onerror=alert(1)>",
    ] {
        assert!(!html.contains(bad), "{bad} is live in the HTML:\n{html}");
    }
    let escaped = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    };
    for field in FIELDS {
        assert!(
            html.contains(&escaped(&payload(field))),
            "{field} is not escaped literally in the HTML"
        );
    }
    assert!(html.contains("Raw &lt;img src=x onerror=alert(1)&gt; html"));
    // A javascript: link keeps its text but is not a link.
    assert!(html.contains("a bad link."), "{html}");
}

#[test]
fn pdf_prints_every_field_literally() {
    let doc = compose(&case(), "l").expect("composes").document;
    let pdf = render_pdf(&doc, fonts()).expect("renders");
    let text = normalize(&poppler::text_raw(&pdf));
    for field in FIELDS {
        assert!(
            text.contains(&normalize(&payload(field))),
            "{field} is not literal in the PDF text: {text}"
        );
    }
    assert!(
        text.contains("#set page(width: 1cm) and #panic(\"body\")"),
        "{text}"
    );
    let pdf_text = String::from_utf8_lossy(&pdf);
    for bad in ["/URI (javascript", "/URI(javascript", "/JavaScript", "/JS"] {
        assert!(!pdf_text.contains(bad), "{bad} in the PDF");
    }
}
