//! Mutations of real seeds: byte flips, special characters, splices, truncations, long runs,
//! deep nesting and huge numbers.

use crate::rng::Rng;

/// Characters and short strings that parsers treat specially, or that stress them.
pub const SPECIALS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "(",
    ")",
    "<",
    ">",
    "> ",
    "-",
    "- ",
    "--",
    "---",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~~~",
    "#",
    "# ",
    "|",
    "\\",
    "/",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "\u{e000}",
    "\u{e001}",
    "\u{301}",
    "\u{17d2}",
    "ក",
    "ក្រុម",
    "ស្រុកខ្មែរ",
    "ៗ",
    "០១២",
    "עברית",
    "العربية",
    "👩‍👩‍👧",
    "🇰🇭",
    "İ",
    "ß",
    "ﬀ",
    "%",
    "%00",
    "%ZZ",
    "&",
    "&amp;",
    "&#0;",
    "=",
    "+",
    "..",
    ".",
    ",",
    ":",
    ";",
    "=",
    "!",
    "?",
    "@",
    "$",
    "0",
    "-1",
    "1e309",
    "-0",
    "NaN",
    "inf",
    "0x10",
    "18446744073709551616",
    "99999999999999999999999999",
    "9223372036854775807",
    "-9223372036854775808",
    "4294967296",
    "0.0000001",
    "1.7976931348623157e308",
    "true",
    "null",
    "[]",
    "{}",
    "\"\"",
    "''",
    "'''",
    "\"\"\"",
    "=\n",
    "[x]\n",
    "[[x]]\n",
    "x = 1\n",
    "<script>",
    "</div>",
    "<!--",
    "javascript:",
    "data:text/html,",
    "http://",
    "https://a.b/",
    "](",
    "![",
    "[^1]",
    "<http://a>",
    "\\u0000",
    "\\ud800",
    "\\",
    "Art.",
    "Article",
    "Annex",
    "Sec.",
    "Para.",
    "Part",
];

/// A random special string (sometimes a random character).
pub fn special(rng: &mut Rng) -> String {
    if rng.one_in(8) {
        random_char(rng).to_string()
    } else {
        (rng.pick(SPECIALS)).to_owned()
    }
}

/// Any Unicode scalar value, skewed toward the interesting planes.
pub fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(6) {
        0 => rng.below(0x80) as u32,
        1 => rng.below(0x800) as u32,
        2 => 0x1780 + rng.below(0x80) as u32,
        3 => 0x2000 + rng.below(0x70) as u32,
        4 => 0xE000 + rng.below(0x10) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(code).unwrap_or('\u{fffd}')
}

/// A random char boundary of `s`.
fn boundary(rng: &mut Rng, s: &str) -> usize {
    let mut i = rng.below(s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn range(rng: &mut Rng, s: &str) -> (usize, usize) {
    let a = boundary(rng, s);
    let b = boundary(rng, s);
    (a.min(b), a.max(b))
}

/// A number-like replacement for a digit run.
pub fn number(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => "0".into(),
        1 => "-1".into(),
        2 => u64::MAX.to_string(),
        3 => "18446744073709551616".into(),
        4 => i64::MIN.to_string(),
        5 => "1e309".into(),
        6 => "-0.0".into(),
        7 => "9".repeat(rng.range(20, 400)),
        8 => format!("{}.{}", rng.next_u64(), rng.next_u64()),
        9 => (rng.next_u64() % 100_000).to_string(),
        10 => u32::MAX.to_string(),
        _ => rng.below(10).to_string(),
    }
}

/// Mutates one of `seeds`, splicing from the others.
pub fn mutate_seed(rng: &mut Rng, seeds: &[&str], openers: &[&str], max_len: usize) -> String {
    let seed = rng.pick(seeds);
    mutate(rng, seed, seeds, openers, max_len)
}

/// Applies 1 to 16 mutations to `input`, keeping it under `max_len` bytes (roughly). `openers`
/// are what the format nests with; `others` are seeds to splice from.
pub fn mutate(
    rng: &mut Rng,
    input: &str,
    others: &[&str],
    openers: &[&str],
    max_len: usize,
) -> String {
    let mut s = input.to_owned();
    let most = if rng.one_in(4) { 16 } else { 4 };
    let rounds = rng.range(1, most);
    for _ in 0..rounds {
        mutate_once(rng, &mut s, others, openers, max_len);
        if s.len() > max_len {
            let mut cut = max_len;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            s.truncate(cut);
        }
    }
    s
}

fn mutate_once(rng: &mut Rng, s: &mut String, others: &[&str], openers: &[&str], max_len: usize) {
    match rng.below(14) {
        0 => {
            // Flip bits of one byte; invalid UTF-8 becomes U+FFFD, as a lossy reader would.
            if !s.is_empty() {
                let mut bytes = std::mem::take(s).into_bytes();
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
                *s = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
        1..=3 => {
            let at = boundary(rng, s);
            s.insert_str(at, &special(rng));
        }
        4 => {
            let (a, b) = range(rng, s);
            s.replace_range(a..b, "");
        }
        5 => {
            let (a, b) = range(rng, s);
            let piece = s[a..b].to_owned();
            let at = boundary(rng, s);
            s.insert_str(at, &piece);
        }
        6 => {
            if !others.is_empty() {
                let other = rng.pick(others);
                let (a, b) = range(rng, other);
                let (x, y) = range(rng, s);
                s.replace_range(x..y, &other[a..b]);
            }
        }
        7 => {
            let at = boundary(rng, s);
            s.truncate(at);
        }
        8 => {
            // A long run of one special string.
            let piece = special(rng);
            let n = if rng.one_in(200) {
                max_len / piece.len().max(1)
            } else if rng.one_in(10) {
                rng.range(300, 20_000)
            } else {
                rng.range(2, 300)
            };
            let at = boundary(rng, s);
            s.insert_str(at, &piece.repeat(n.min(max_len / piece.len().max(1))));
        }
        9 => {
            // Deep nesting with the format's openers.
            if !openers.is_empty() {
                let opener = rng.pick(openers);
                let n = match rng.below(100) {
                    0..=39 => rng.range(30, 40),
                    40..=79 => rng.range(100, 1000),
                    80..=98 => rng.range(1000, 20_000),
                    _ => max_len / opener.len().max(1),
                };
                let at = boundary(rng, s);
                s.insert_str(at, &opener.repeat(n.min(max_len / opener.len().max(1))));
            }
        }
        10 => {
            // Replace a digit run with an extreme number.
            let digits: Vec<usize> = s
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !digits.is_empty() {
                let start = rng.pick(&digits);
                let end = s[start..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(s.len(), |e| start + e);
                s.replace_range(start..end, &number(rng));
            }
        }
        11 => {
            // Swap two lines.
            let mut lines: Vec<&str> = s.split('\n').collect();
            if lines.len() > 1 {
                let a = rng.below(lines.len());
                let b = rng.below(lines.len());
                lines.swap(a, b);
                *s = lines.join("\n");
            }
        }
        12 => {
            // Replace one character.
            if !s.is_empty() {
                let at = boundary(rng, s);
                if let Some(c) = s[at..].chars().next() {
                    s.replace_range(at..at + c.len_utf8(), &random_char(rng).to_string());
                }
            }
        }
        _ => {
            // Duplicate a line many times.
            let lines: Vec<&str> = s.split('\n').collect();
            let line = (rng.pick(&lines)).to_owned();
            let n = rng.range(2, 200).min(max_len / (line.len() + 1).max(1));
            let at = boundary(rng, s);
            s.insert_str(at, &format!("{line}\n").repeat(n));
        }
    }
}
