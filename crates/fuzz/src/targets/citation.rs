//! Citations (`ACPS Art. 15(2)(a)`): `Citation::parse`, and `parse(print(c)) == c` for every
//! citation that parses.

use accord_core::Citation;

use crate::Target;
use crate::gen_text::word;
use crate::mutate::{mutate_seed, special};
use crate::rng::Rng;

pub const TARGET: Target = Target {
    name: "citation",
    about: "accord_core::Citation::parse; parse(print(c)) == c, c.covers(c)",
    generate,
    run,
};

const SEEDS: &[&str] = &[
    "ACPS Art. 29",
    "ACPS Art. 15(2)(a)",
    "ACPS Annex 5 Art. 4",
    "ASIT Art. 3(2)(a)",
    "  ASIT  article 3 (2) (a) ",
    "ACPS Annex 5, Art 4",
    "ACPS Annex 1 Section D Paragraph 3(e)",
    "FA para. 3",
    "ICCPR",
    "FPA Art. 3(1)",
    "KH-CONST Art. 41",
    "LPP-2017-02 Art. 44",
];

const UNITS: &[&str] = &[
    "Art.",
    "Art",
    "art",
    "article",
    "ARTICLE",
    "Article.",
    "Annex",
    "annex",
    "Part",
    "part",
    "Sec.",
    "sec",
    "Section",
    "Para.",
    "para",
    "Paragraph",
    "Art..",
    ".",
    "Chapter",
    "Art.Art.",
    "",
];

fn generate(rng: &mut Rng) -> Vec<u8> {
    let text = match rng.below(3) {
        0 => mutate_seed(rng, SEEDS, &["(", "((", "Art. 1 "], 4096),
        _ => grammar(rng),
    };
    text.into_bytes()
}

fn num(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => word(rng),
        1 => "a".repeat(rng.range(19, 22)),
        2 => special(rng),
        3 => String::new(),
        _ => {
            let n = rng.range(1, 4);
            (0..n)
                .map(|_| rng.pick(&['1', '2', '9', '0', 'a', 'b', 'V', 'X', 'i']))
                .collect()
        }
    }
}

fn sep(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        " ", " ", " ", "", ",", ", ", "  ", "\t", "\u{a0}", "\u{2003}", "\n", "\u{85}",
    ])
}

fn grammar(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.one_in(8) {
        s.push_str(sep(rng));
    }
    s.push_str(match rng.below(6) {
        0 => "ACPS",
        1 => "FPA",
        2 => "KH-CONST",
        3 => "a.b_c-9",
        4 => "x",
        _ => "ICCPR",
    });
    if rng.one_in(10) {
        s.push_str(&special(rng));
    }
    for _ in 0..rng.small(6) {
        s.push_str(sep(rng));
        s.push_str(rng.pick(UNITS));
        s.push_str(sep(rng));
        s.push_str(&num(rng));
    }
    for _ in 0..rng.small(5) {
        if rng.one_in(3) {
            s.push_str(sep(rng));
        }
        s.push('(');
        if rng.one_in(4) {
            s.push_str(sep(rng));
        }
        s.push_str(&num(rng));
        if !rng.one_in(20) {
            s.push(')');
        }
    }
    if rng.one_in(6) {
        s.push_str(sep(rng));
    }
    if rng.one_in(10) {
        s.push_str(&special(rng));
    }
    s
}

fn run(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    let Ok(c) = Citation::parse(&text) else {
        return Ok(());
    };
    let printed = c.to_string();
    match Citation::parse(&printed) {
        Ok(again) if again == c => {}
        Ok(again) => {
            return Err(format!(
                "round trip: {text:?} parses to {c:?}, printed {printed:?}, which parses to {again:?}"
            ));
        }
        Err(e) => {
            return Err(format!(
                "round trip: {text:?} parses, but its printed form {printed:?} does not: {e}"
            ));
        }
    }
    if !c.covers(&c) {
        return Err(format!("{printed:?} does not cover itself"));
    }
    Ok(())
}
