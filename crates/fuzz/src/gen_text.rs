//! Small generators of words, ids and text shared by the targets.

use crate::mutate::special;
use crate::rng::Rng;

pub const WORDS: &[&str] = &[
    "the",
    "party",
    "dissolved",
    "Minister",
    "accord",
    "article",
    "court",
    "Phnom",
    "Penh",
    "CNRP",
    "opposition",
    "journalist",
    "a",
    "I",
    "of",
    "and",
    "x",
    "Ünïcödé",
    "naïve",
    "ក្រុម",
    "គណបក្ស",
    "ប្រឆាំង",
    "រំលាយ",
    "ស្រី",
    "ខ្មែរ",
    "អ្នកកាសែត",
    "ការ",
    "៖",
    "។",
    "ᨀ",
    "עברית",
    "العربية",
    "中文",
    "日本語",
    "😀",
    "e\u{301}",
    "ß",
    "İ",
    "ǅ",
    "ﬁ",
];

pub fn word(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => special(rng),
        1 => {
            let n = rng.range(1, 12);
            (0..n)
                .map(|_| char::from(b'a' + rng.below(26) as u8))
                .collect()
        }
        2 => {
            // A run of Khmer letters, vowels and signs, in any order.
            let n = rng.range(1, 10);
            (0..n)
                .map(|_| char::from_u32(0x1780 + rng.below(0x5E) as u32).unwrap_or('ក'))
                .collect()
        }
        _ => (rng.pick(WORDS)).to_owned(),
    }
}

/// A few words separated by spaces (sometimes by other separators).
pub fn words(rng: &mut Rng, max: usize) -> String {
    let n = rng.small(max);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push_str(if rng.one_in(10) {
                &"  \t\u{a0}\u{200b}"[..rng.range(1, 2)]
            } else {
                " "
            });
        }
        s.push_str(&word(rng));
    }
    s
}

/// An id (`[a-z0-9-]`), or sometimes something that is not one.
pub fn id(rng: &mut Rng, known: &[&str]) -> String {
    match rng.below(8) {
        0..=3 if !known.is_empty() => (rng.pick(known)).to_owned(),
        4 => words(rng, 3),
        5 => String::new(),
        _ => {
            let n = rng.range(1, 24);
            (0..n)
                .map(|_| rng.pick(b"abz09-_.A"))
                .map(char::from)
                .collect()
        }
    }
}

/// A date as people write them, or not quite.
pub fn date(rng: &mut Rng) -> String {
    let year = |rng: &mut Rng| match rng.below(6) {
        0 => format!("{:04}", rng.below(10_000)),
        1 => "0000".to_owned(),
        2 => "9999".to_owned(),
        _ => format!("{}", rng.range(1990, 2035)),
    };
    let two = |rng: &mut Rng, max: usize| match rng.below(6) {
        0 => format!("{:02}", rng.below(100)),
        1 => "00".to_owned(),
        2 => format!("{}", rng.below(10)),
        _ => format!("{:02}", rng.range(1, max)),
    };
    let point = |rng: &mut Rng| match rng.below(4) {
        0 => year(rng),
        1 => format!("{}-{}", year(rng), two(rng, 12)),
        _ => format!("{}-{}-{}", year(rng), two(rng, 12), two(rng, 31)),
    };
    match rng.below(10) {
        0 => format!("{}..{}", point(rng), point(rng)),
        1 => format!("{}..", point(rng)),
        2 => format!("..{}", point(rng)),
        3 => special(rng),
        _ => point(rng),
    }
}
