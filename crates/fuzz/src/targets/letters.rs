//! Letter bodies (a Markdown template) and the letter's one-line fields: `check_body`, then
//! `compose_letter` (template, Markdown parse) against the example case, and every renderer
//! (Markdown, HTML, HTML fragment, the PDF's document model) on what composes. This is what
//! preview, save and import run on a body.

use std::sync::LazyLock;

use accord_core::{Letter, ValidCase};
use accord_letters::{
    check_body, compose_letter, pdf_document, render_html, render_html_fragment, render_markdown,
};

use crate::gen_text::{id, words};
use crate::mutate::{mutate, mutate_seed, random_char, special};
use crate::rng::Rng;
use crate::seeds::BODIES;
use crate::{Target, frame};

pub const TARGET: Target = Target {
    name: "letters",
    about: "accord_letters::check_body and compose_letter (template + Markdown) on the example case, then render_markdown, render_html, render_html_fragment, pdf_document",
    generate,
    run,
};

/// Bodies can be larger than the 1 MiB limit, to check the limit.
const MAX_BODY: usize = 1024 * 1024 + 4096;

/// The example case, read once.
pub static CASE: LazyLock<Option<ValidCase>> =
    LazyLock::new(|| accord_core::bundle::read(&crate::targets::bundle::minimal_files()).ok());

const OPENERS: &[&str] = &[
    ">", "> ", "- ", "* ", "1. ", "  - ", "*", "**", "_", "[", "![", "(", "<", "{{", "{%", "`",
    "~~", "> - ", "- > ", "    ", "#", "|",
];

const SOURCES: &[&str] = &["gazette-2030-02", "monitor-report"];
const PROVISIONS: &[&str] = &[
    "FPA Art. 3(1)",
    "FPA Art. 3(2)",
    "FPA Art. 9",
    "FPA",
    "FPA Art. 99",
];
const URLS: &[&str] = &[
    "https://example.org/a?b=c&d=<e>",
    "http://x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:x",
    "data:text/html,<script>",
    "vbscript:x",
    "//evil.example",
    "/relative",
    "mailto:a@b",
    "",
    "<>",
    "https://a.b/\u{0}",
    "java\tscript:x",
];

fn generate(rng: &mut Rng) -> Vec<u8> {
    let body = match rng.below(40) {
        0..=15 => mutate_seed(rng, BODIES, OPENERS, MAX_BODY),
        16 => bomb(rng),
        _ => {
            let mut s = String::new();
            let blocks = rng.small(30);
            for _ in 0..blocks {
                block(rng, &mut s, 0);
                s.push_str(if rng.one_in(5) { "\n" } else { "\n\n" });
            }
            if rng.one_in(3) {
                mutate(rng, &s, BODIES, OPENERS, MAX_BODY)
            } else {
                s
            }
        }
    };
    let one_line = |rng: &mut Rng| {
        if rng.one_in(3) {
            mutate(rng, "Appeal to the Guarantor", &[], OPENERS, 4096)
        } else {
            words(rng, 8)
        }
    };
    let title = one_line(rng);
    let place = one_line(rng);
    let language = match rng.below(6) {
        0 => "km".to_owned(),
        1 => "fr".to_owned(),
        2 => special(rng),
        3 => id(rng, &["en", "km", "en-GB", "km-KH", "EN", "x-klingon", ""]),
        _ => "en".to_owned(),
    };
    let closing = one_line(rng);
    frame::encode(&[body, title, place, language, closing])
}

/// A nesting bomb: thousands of openers, as a body or inside the template.
fn bomb(rng: &mut Rng) -> String {
    let opener = rng.pick(OPENERS);
    let n = match rng.below(20) {
        0..=7 => rng.range(28, 36),
        8..=13 => rng.range(100, 2000),
        14..=17 => rng.range(2000, 50_000),
        18 => 300_000,
        _ => MAX_BODY / opener.len(),
    };
    let n = n.min(MAX_BODY / opener.len());
    let mut s = opener.repeat(n);
    match rng.below(4) {
        0 => s.push('x'),
        1 => s.push_str(&")".repeat(n.min(10_000))),
        2 => {
            // One opener per line, indented deeper each time (lists).
            s = (0..n.min(5000))
                .map(|i| format!("{}{opener}x\n", " ".repeat(i.min(200))))
                .collect();
        }
        _ => {}
    }
    s
}

fn block(rng: &mut Rng, s: &mut String, depth: usize) {
    let choice = if depth > 40 { 0 } else { rng.below(14) };
    match choice {
        0..=4 => inline(rng, s, depth),
        5 => {
            s.push_str(&"#".repeat(rng.range(1, 7)));
            s.push(' ');
            inline(rng, s, depth);
        }
        6 | 7 => {
            // A block quote holding a block.
            let mut inner = String::new();
            block(rng, &mut inner, depth + 1);
            for line in inner.split('\n') {
                s.push_str("> ");
                s.push_str(line);
                s.push('\n');
            }
        }
        8 | 9 => {
            let marker = rng.pick(&["- ", "* ", "+ ", "1. ", "2) ", "- [ ] "]);
            for _ in 0..rng.range(1, 4) {
                let mut inner = String::new();
                block(rng, &mut inner, depth + 1);
                s.push_str(marker);
                for (i, line) in inner.split('\n').enumerate() {
                    if i > 0 {
                        s.push('\n');
                        s.push_str(&" ".repeat(marker.len()));
                    }
                    s.push_str(line);
                }
                s.push('\n');
            }
        }
        10 => {
            s.push_str(rng.pick(&["```\n", "~~~ rust\n", "    "]));
            inline(rng, s, depth);
            s.push_str(rng.pick(&["\n```", "\n~~~", "", "\n"]));
        }
        11 => {
            s.push_str("| a | b |\n|---|:-:|\n| ");
            inline(rng, s, depth);
            s.push_str(" | c |");
        }
        12 => s.push_str(rng.pick(&["---", "***", "___", "<div>\n", "</div>", "<!-- x -->", "\\"])),
        _ => template(rng, s, depth),
    }
}

fn inline(rng: &mut Rng, s: &mut String, depth: usize) {
    for _ in 0..rng.range(1, 8) {
        let choice = if depth > 40 { 0 } else { rng.below(16) };
        match choice {
            0..=5 => s.push_str(&words(rng, 6)),
            6 => {
                let d = rng.pick(&["*", "**", "_", "__", "~~", "`", "***"]);
                s.push_str(d);
                inline(rng, s, depth + 1);
                if !rng.one_in(6) {
                    s.push_str(d);
                }
            }
            7 | 8 => {
                s.push_str(if rng.one_in(3) { "![" } else { "[" });
                inline(rng, s, depth + 1);
                s.push_str("](");
                s.push_str(rng.pick(URLS));
                if rng.one_in(3) {
                    s.push_str(" \"title\"");
                }
                s.push(')');
            }
            9 => {
                s.push('<');
                s.push_str(rng.pick(URLS));
                s.push('>');
            }
            10 => s.push_str(rng.pick(&[
                "<b>",
                "</b>",
                "<script>alert(1)</script>",
                "<img src=x onerror=y>",
                "&amp;",
                "&#x0;",
                "&nbsp;",
                "[^1]",
                "[^1]: note",
                "  \n",
                "\\\n",
                "\\*",
            ])),
            11 => s.push(random_char(rng)),
            12 | 13 => template(rng, s, depth),
            14 => s.push_str(&special(rng)),
            _ => s.push('\n'),
        }
        s.push(' ');
    }
}

fn string_arg(rng: &mut Rng, known: &[&str]) -> String {
    let inner = match rng.below(5) {
        0 => words(rng, 4),
        1 => special(rng),
        _ => (rng.pick(known)).to_owned(),
    };
    match rng.below(8) {
        0 => format!("'{inner}'"),
        1 => inner,
        _ => format!("\"{}\"", inner.replace('"', "\\\"")),
    }
}

fn template(rng: &mut Rng, s: &mut String, depth: usize) {
    match rng.below(14) {
        0 | 1 => s.push_str(&format!("{{{{ cite({}) }}}}", string_arg(rng, SOURCES))),
        2 | 3 => s.push_str(&format!("{{{{ quote({}) }}}}", string_arg(rng, PROVISIONS))),
        4 => s.push_str(&format!(
            "{{{{ footnote({}) }}}}",
            string_arg(rng, &["See *this*.", "a\n\nb", "> q", "[x](javascript:y)"])
        )),
        5 => s.push_str(&format!(
            "{{{{ incidents_of({}) }}}}",
            string_arg(rng, &["fpa-art-9", "nope"])
        )),
        6 => {
            let n = match rng.below(4) {
                0 => rng.below(5).to_string(),
                1 => "100000".to_owned(),
                2 => "18446744073709551615".to_owned(),
                _ => "-1".to_owned(),
            };
            s.push_str(&format!("{{% for i in range({n}) %}}"));
            if depth < 40 {
                block(rng, s, depth + 1);
            }
            s.push_str("{% endfor %}");
        }
        7 => s.push_str(rng.pick(&[
            "{{ \"x\" * 1000000000 }}",
            "{{ \"ab\" * 100000 }}",
            "{{ range(100000)|join(\",\") }}",
            "{{ 1/0 }}",
            "{{ 9223372036854775807 + 1 }}",
            "{{ -9223372036854775808 // -1 }}",
            "{{ [1]*1000000 }}",
            "{{ x.y.z }}",
            "{{ cite }}",
            "{{ cite() }}",
            "{{ cite(1, 2) }}",
            "{{ quote(none) }}",
            "{% include \"x\" %}",
            "{% extends \"body\" %}",
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            "{% set x = 1 %}{{ x * x }}",
            "{% raw %}{{ cite(\"x\") }}{% endraw %}",
            "{{ \"%s\"|format(\"x\") }}",
            "{{ 'a'|indent(1000000) }}",
            "{# comment #}",
            "{{",
            "{%",
            "}}",
            "{{ footnote(footnote(\"x\")) }}",
            "\u{e000}1\u{e001}",
            "{{ '\u{e000}0\u{e001}' }}",
        ])),
        9 if rng.one_in(40) => {
            // A long chain of operators in one expression.
            let n = match rng.below(10) {
                0..=5 => rng.range(10, 1000),
                6..=8 => rng.range(1000, 12_000),
                _ => rng.range(12_000, 200_000),
            };
            let op = rng.pick(&["- ", "+ ", "not ", "-", "("]);
            let join = rng.pick(&[
                " + 1", " ~ 'a'", " * 1", " and 1", " or x", "|abs", ".x", "[0]",
            ]);
            if rng.one_in(2) {
                s.push_str(&format!("{{{{ {}1 }}}}", op.repeat(n)));
            } else {
                s.push_str(&format!("{{{{ 1{} }}}}", join.repeat(n)));
            }
        }
        8 => {
            s.push_str("{% if true %}");
            if depth < 40 {
                block(rng, s, depth + 1);
            }
            s.push_str(rng.pick(&["{% endif %}", "", "{% else %}x{% endif %}"]));
        }
        _ => {
            let call = rng.pick(&[
                "cite",
                "quote",
                "footnote",
                "incidents_of",
                "lipsum",
                "range",
                "dict",
                "debug",
                "namespace",
            ]);
            s.push_str(&format!(
                "{{{{ {call}({}) }}}}",
                string_arg(rng, PROVISIONS)
            ));
        }
    }
}

fn run(input: &[u8]) -> Result<(), String> {
    let parts = frame::decode_text(input, 5);
    let Some(case) = CASE.as_ref() else {
        return Err("the example case does not read".into());
    };
    let _ = check_body("fuzz", &parts[0]);
    let Some(original) = case.letters.first() else {
        return Err("the example case has no letter".into());
    };
    let letter = Letter {
        body: parts[0].clone(),
        title: parts[1].clone(),
        place: Some(parts[2].clone()).filter(|p| !p.is_empty()),
        language: parts[3].clone(),
        closing: Some(parts[4].clone()).filter(|p| !p.is_empty()),
        ..original.clone()
    };
    if let Ok(composed) = compose_letter(case, &letter) {
        let doc = &composed.document;
        let _ = render_markdown(doc);
        let _ = render_html(doc);
        let _ = render_html_fragment(doc);
        let _ = pdf_document(doc);
    }
    Ok(())
}
