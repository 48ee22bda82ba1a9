//! Inputs that found problems while fuzzing (`scripts/fuzz`), kept as tests against the public
//! functions they reached. A test marked `#[ignore]` records a bug in another crate that is not
//! fixed yet: its comment names the bug; once fixed, remove the `#[ignore]`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]
use accord_core::bundle;
use accord_core::evidence::{is_bundle_file_name, safe_file_name};
use accord_elections::Election;
use accord_letters::{check_body, compose_letter};

/// Runs `f` on a thread with `stack` bytes of stack, as the server's tokio workers (2 MiB) or a
/// command's main thread (8 MiB) would. A stack overflow aborts the whole test binary, which is
/// why the tests that still overflow are ignored.
fn on_stack<T: Send + 'static>(stack: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("join")
}

const TOKIO_STACK: usize = 2 * 1024 * 1024;
const MAIN_STACK: usize = 8 * 1024 * 1024;

/// The example case and a copy of its letter with `body`.
fn compose_body(body: String) -> bool {
    let files = accord_fuzz::targets::bundle::minimal_files();
    let case = bundle::read(&files).expect("the example case reads");
    let mut letter = case.letters[0].clone();
    letter.body = body;
    compose_letter(&case, &letter).is_ok()
}

/// Was a bug (accord-letters, via minijinja; fixed: blocks chaining more than 64 operators are refused): a letter body whose template holds a long chain of unary
/// minus signs, `{{ - - - … 1 }}` (5,000 of them: a 10 kB body, far under the 1 MiB limit and
/// under the form limit), overflows the stack in `compose_letter` (the template parser recurses
/// once per operator) and aborts the process: "thread has overflowed its stack". On a tokio
/// worker (2 MiB) this is every preview or visit of the letter in the server. Found by
/// `scripts/fuzz letters` (seed 1, input 1963). The nesting check of `check_body` does not see
/// template expressions.
#[test]
fn template_unary_chain_does_not_overflow_a_server_stack() {
    let body = format!("{{{{ {}1 }}}}", "- ".repeat(5_000));
    let _ = on_stack(TOKIO_STACK, move || compose_body(body));
}

/// Was a bug (accord-letters, via minijinja; fixed: blocks chaining more than 64 operators are refused): a binary-operator chain `{{ 1+1+1… }}` of 200,000 terms
/// (a 400 kB body, under the 1 MiB limit) overflows even an 8 MiB main thread in
/// `compose_letter`: `accord letter render` and `accord import` of such a letter abort. 10,000
/// terms (20 kB) are enough on a 2 MiB tokio worker. Found by `scripts/fuzz letters`.
#[test]
fn template_binary_chain_does_not_overflow_the_main_stack() {
    let body = format!("{{{{ 1{} }}}}", "+1".repeat(200_000));
    let _ = on_stack(MAIN_STACK, move || compose_body(body));
    let body = format!("{{{{ 1{} }}}}", " + 1".repeat(10_000));
    let _ = on_stack(TOKIO_STACK, move || compose_body(body));
}

/// The body of a saved `letters` input (the first of its parts).
fn saved_body(bytes: &[u8]) -> String {
    accord_fuzz::frame::decode_text(bytes, 1).swap_remove(0)
}

/// BUG (as above, the fuzzer's own input): `scripts/fuzz letters`, seed 1, input 9209: the
/// Cambodia letter's body with a run of `-` inside a `{{ … }}`; `compose_letter` overflows a
/// 2 MiB stack.
#[test]
fn saved_letters_9209_does_not_overflow() {
    let body = saved_body(include_bytes!("inputs/letters-9209.bin"));
    let _ = on_stack(TOKIO_STACK, move || compose_body(body));
}

/// BUG (as above, through a bundle): `scripts/fuzz bundle`, seed 1, input 66859: the example
/// bundle whose `letters/appeal-2030/body.md` holds `{{-----…` (10,847 minus signs). The bundle
/// reads (`bundle::read_with_blobs` does not look into templates), then composing its letter,
/// which every visit of the letter's pages does, overflows a 2 MiB stack.
#[test]
fn saved_bundle_66859_does_not_overflow() {
    let files = accord_fuzz::targets::bundle::files_of(include_bytes!("inputs/bundle-66859.bin"));
    on_stack(TOKIO_STACK, move || {
        if let Ok(case) = bundle::read(&files) {
            for letter in &case.letters {
                let _ = accord_letters::compose(&case, &letter.id);
            }
        }
    });
}

/// BUG (accord-letters): the template's fuel bounds its work, not its output. A 200-byte body
/// `{% for i in range(100000) %}…{% endfor %}` renders 100,000 copies of its block (megabytes of
/// Markdown) and `compose_letter` takes seconds of CPU for each preview or visit (2.5 s for
/// `scripts/fuzz letters` input 543200, seed 1; 0.7–3 s for the other 31 inputs the watchdog
/// flagged, all of them such a loop; `[1]*1000000` and `indent(1000000)` do the same in one
/// expression). A limit on the rendered size (say a few times `MAX_BODY_BYTES`) would bound it.
#[test]
fn saved_letters_loops_compose_quickly() {
    for bytes in [
        include_bytes!("inputs/letters-543200.bin").as_slice(),
        include_bytes!("inputs/letters-58786.bin").as_slice(),
    ] {
        // Refused: the template's output is bounded, so such a loop stops early with an error
        // instead of rendering megabytes on every preview and visit.
        let body = saved_body(bytes);
        assert!(!on_stack(TOKIO_STACK, move || compose_body(body)));
    }
}

/// The class of issue 11's finding 6 (fixed): nesting bombs of block quotes and lists are
/// refused by `check_body`, and no run of any Markdown opener overflows a tokio worker's stack
/// when composed.
#[test]
fn markdown_nesting_bombs_are_refused() {
    for opener in ["> ", ">", "- ", "* ", "1. ", "> - "] {
        let body = format!("{}x", opener.repeat(300_000 / opener.len()));
        assert!(
            check_body("l", &body).is_err(),
            "{opener:?} × 300,000 passes check_body"
        );
    }
    for opener in [
        "> ", "- ", "*", "**", "_", "[", "![", "~~", "(", "<", "`", "    ", "|",
    ] {
        let body = format!("{}x", opener.repeat(300_000 / opener.len()));
        let _ = on_stack(TOKIO_STACK, move || compose_body(body));
    }
    // Just under the limit composes.
    let ok = on_stack(TOKIO_STACK, || {
        compose_body(format!("{}x", "> ".repeat(30)))
    });
    assert!(ok);
}

/// Seen while fuzzing: a run of list markers after text inside the template, `- - - - …`, with
/// the Cambodia letter's body around it; the stack overflow came from the template (the test
/// above), not from the Markdown: as Markdown alone it composes.
#[test]
fn list_marker_runs_compose() {
    let body = format!("Dear Minister,\n\n{}x\n", "- ".repeat(19_000));
    assert!(on_stack(TOKIO_STACK, move || {
        let _ = compose_body(body);
        true
    }));
}

/// Was a bug (accord-core, fixed): `safe_file_name` kept 120 characters, not 120 bytes, so a received file
/// whose name is long in a non-Latin script gets a stored name longer than the 255 bytes
/// `is_bundle_file_name` (and so `evidence_problems`) accepts: the upload or import of a file
/// named in Khmer is refused for its own cleaned name. Found by `scripts/fuzz forms` (seed 1,
/// input 1611: a name of flag emoji).
#[test]
fn safe_file_names_are_bundle_file_names() {
    for name in [
        "ក".repeat(120),
        "🇰🇭".repeat(70),
        format!("notice.tx{}", "🇰🇭".repeat(60)),
    ] {
        let safe = safe_file_name(&name);
        assert!(
            is_bundle_file_name(&safe),
            "{name:?} → {safe:?} ({} bytes)",
            safe.len()
        );
    }
}

/// Fixed bug (accord-elections): `Election::to_json_value` promised a file that round-trips
/// through `Election::from_json`, but wrote through a `serde_json::Value`, whose objects sort
/// their keys, so the parties lost their file order, which numbers them (tie order, chart
/// colours). Every election file with parties not in alphabetical order showed it, e.g. the
/// Cambodia 2013 file. Found by `scripts/fuzz election-json`; `Election::to_json` replaces it.
#[test]
fn to_json_round_trips_keeping_the_parties_order() {
    let text = r#"{"name": "x", "method": "dhondt", "constituencies": [
        {"name": "North", "seats": 3, "votes": {"B": 10, "A": 5}, "recorded_seats": {"B": 2, "A": 1}},
        {"name": "South", "seats": 2, "votes": {"C": 7, "A": 9}}]}"#;
    let e = Election::from_json(text).expect("reads");
    assert_eq!(e.parties, ["B", "A", "C"]);
    let again = Election::from_json(&e.to_json()).expect("reads back");
    assert_eq!(again, e);
}

/// Every target runs its first inputs without a problem other than the known ones above: the
/// generators and the harness work (the fuzzing itself is `scripts/fuzz`, not this test).
#[test]
fn every_target_runs() {
    for t in accord_fuzz::TARGETS {
        for i in 0..50 {
            let input = accord_fuzz::input(t, 1, i);
            let name = t.name;
            let run = t.run;
            let outcome = on_stack(MAIN_STACK, move || run(&input));
            assert!(
                outcome.is_ok() || name == "forms",
                "{name} input {i}: {outcome:?}"
            );
        }
    }
}

/// Frames (several parts in one saved input) decode to what was encoded, and garbage decodes.
#[test]
fn frames_round_trip() {
    let parts = ["a", "", "ក្រុម\u{0}"];
    let bytes = accord_fuzz::frame::encode(&parts);
    assert_eq!(accord_fuzz::frame::decode_text(&bytes, 3), parts);
    let _ = accord_fuzz::frame::decode(&[255, 255, 255, 255, 1]);
}
