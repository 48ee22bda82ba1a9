//! Hostile bodies: nesting and size limits are checked when a body is parsed, so a body of a few
//! hundred thousand `>` (or nested lists, emphasis, links) is an error naming its line instead of
//! a stack overflow that aborts the process. The renderers stop at the same depth, whatever
//! document they are handed.

use accord_letters::{
    Block, BodyProblem, ComposeError, Document, Inline, MAX_BODY_BYTES, MAX_NESTING, check_body,
    compose, pdf_document, render_html, render_markdown,
};

use crate::compose::case_with_body;

/// What a hostile body must give: an error naming this line of `body.md` and the letter.
fn check(body: &str, line: usize, problem: fn(&BodyProblem) -> bool) {
    let Err(err) = compose(&case_with_body(body), "l") else {
        panic!("a hostile body of {} bytes composed", body.len())
    };
    let message = err.to_string();
    let ComposeError::Body {
        letter,
        line: got,
        problem: p,
    } = &err
    else {
        panic!("expected a body error, got {err:?}");
    };
    assert_eq!(letter, "l");
    assert_eq!(*got, Some(line), "{message}");
    assert!(problem(p), "unexpected problem: {message}");
    assert!(
        message.contains(&format!("body.md line {line}")),
        "{message}"
    );
    // Bundle import runs the same check, without the template.
    let direct = check_body("l", body).expect_err("check_body refuses it too");
    assert_eq!(direct.to_string(), message);
}

fn too_deep(p: &BodyProblem) -> bool {
    matches!(p, BodyProblem::TooDeep { max } if *max == MAX_NESTING)
}

#[test]
fn three_hundred_thousand_quote_markers_are_an_error_not_an_abort() {
    let body = format!("Dear Minister,\n\n{}x\n", ">".repeat(300_000));
    check(&body, 3, too_deep);
}

#[test]
fn deeply_nested_lists_are_an_error() {
    // `- - - x`: one list inside another on one line.
    let body = format!("Intro.\n\n{}x\n", "- ".repeat(100_000));
    check(&body, 3, too_deep);
    // The same, one level per line, indented.
    let body: String = (0..200)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    check(&body, MAX_NESTING + 1, too_deep);
    // Quotes and lists mixed.
    let body = format!("{}x\n", "> - ".repeat(50_000));
    check(&body, 1, too_deep);
}

#[test]
fn deeply_nested_emphasis_and_links_are_an_error() {
    let n = 100_000;
    // An odd run of underscores on each side: emphasis around strong emphasis, and so on.
    let run = "_".repeat(2 * n + 1);
    let body = format!("Text.\n{run}x{run}\n");
    check(&body, 2, too_deep);
    let body = format!("{}x{}\n", "**".repeat(n), "**".repeat(n));
    check(&body, 1, too_deep);
    // Links cannot contain links in CommonMark, but images nest inside images and links.
    let body = format!(
        "\n\n[{}x{}](https://e.org)\n",
        "![".repeat(n),
        "](u)".repeat(n)
    );
    check(&body, 3, too_deep);
}

#[test]
fn a_body_over_the_size_limit_is_an_error_naming_the_line() {
    let line = "A".repeat(1000) + "\n";
    let body = line.repeat(MAX_BODY_BYTES / line.len() + 2);
    check(
        &body,
        MAX_BODY_BYTES / line.len() + 1,
        |p| matches!(p, BodyProblem::TooLarge { max, .. } if *max == MAX_BODY_BYTES),
    );
}

#[test]
fn nesting_up_to_the_limit_still_composes() {
    // A template loop can nest deeper than its source looks: checked again after the template.
    let deep = format!("{}x\n", ">".repeat(MAX_NESTING - 1));
    let composed = compose(&case_with_body(&deep), "l").expect("within the limit");
    assert!(render_markdown(&composed.document).contains("x"));
    let looped = "{% for i in range(100000) %}>{% endfor %} x\n";
    let err = compose(&case_with_body(looped), "l").expect_err("too deep once rendered");
    assert!(
        matches!(
            &err,
            ComposeError::Body {
                problem: BodyProblem::TooDeepRendered { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn a_normal_letter_still_composes_and_renders() {
    let body = "Dear Minister,\n\n> *We* **urge** you, [see](https://e.org):\n>\n> - one\n> - two\n\n1. a\n2. b\n";
    let composed = compose(&case_with_body(body), "l").expect("a normal letter");
    let md = render_markdown(&composed.document);
    assert!(md.contains("> - one"), "{md}");
    assert!(render_html(&composed.document).contains("<blockquote>"));
    assert!(check_body("l", body).is_ok());
}

/// A document nested far deeper than any body may be, built by hand (not through compose).
/// It is leaked: dropping it would recurse as deep as it is nested.
fn deep_document(depth: usize) -> &'static Document {
    let mut inline = Inline::Text("core".into());
    for i in 0..depth {
        inline = if i % 2 == 0 {
            Inline::Emph(vec![inline])
        } else {
            Inline::Strong(vec![inline])
        };
    }
    let mut block = Block::Paragraph(vec![inline]);
    for i in 0..depth {
        block = if i % 2 == 0 {
            Block::Quote(vec![block])
        } else {
            Block::List {
                ordered: false,
                items: vec![vec![block]],
            }
        };
    }
    Box::leak(Box::new(Document {
        lang: "en".into(),
        title: "Deep".into(),
        place_date: String::new(),
        addressees: Vec::new(),
        blocks: vec![block],
        footnotes: Vec::new(),
        closing: None,
        signatories: Vec::new(),
        cc: Vec::new(),
    }))
}

#[test]
fn renderers_never_recurse_past_the_limit() {
    let doc = deep_document(100_000);
    let md = render_markdown(doc);
    assert!(md.contains("core"), "the text is kept");
    let html = render_html(doc);
    assert!(html.contains("core"));
    assert!(html.matches("<blockquote>").count() <= MAX_NESTING);
    // Dropping it would overflow the stack if it were as deep as the document.
    let pdf = pdf_document(doc);
    assert!(!pdf.blocks.is_empty());
}

/// The error a body gives when composed (its template run), as text.
fn compose_error(body: &str) -> String {
    match compose(&case_with_body(body), "l") {
        Ok(_) => panic!("a hostile body of {} bytes composed", body.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_long_operator_chain_in_a_template_block_is_refused_before_the_engine_sees_it() {
    // Thousands of chained operators overflowed the template engine's recursion (found by the
    // fuzzer); a letter needs a handful.
    let body = format!("First line.\n\n{{{{ 1{} }}}}", "+1".repeat(5_000));
    let message = compose_error(&body);
    assert!(message.contains("body.md line 3"), "{message}");
    assert!(message.contains("chains 5000 operators"), "{message}");
    // Operators inside strings do not count, and ordinary blocks pass.
    let text = format!("{{{{ footnote(\"{}\") }}}}", "a + b - c ".repeat(200));
    assert!(compose(&case_with_body(&text), "l").is_ok());
}

#[test]
fn a_template_that_prints_megabytes_is_refused() {
    let body = "{% for i in range(100000) %}forty bytes of text, again and again.{% endfor %}";
    let message = compose_error(body);
    assert!(message.contains("grows beyond 2 MiB"), "{message}");
}
