//! Deterministic synthetic incidents for the benchmark: English, French and Khmer text mixed the
//! way a case file mixes them, built from small vocabularies of real words.
//!
//! Khmer summaries are words run together without spaces, with a space between clauses and ។ at
//! the end of a sentence, as Khmer is written; some carry Latin names (CNRP, Kem Sokha), some
//! English summaries quote a Khmer phrase. Word frequencies follow a Zipf law so that some words
//! are in a large share of the documents, as in real text.

use accord_search::IncidentDoc;

const KHMER: &str = include_str!("khmer.txt");
const LATIN: &str = include_str!("latin.txt");

pub const CASES: usize = 500;
pub const KINDS: [&str; 10] = [
    "arrest",
    "closure",
    "dissolution",
    "legislation",
    "suspension",
    "expulsion",
    "tax_action",
    "threat",
    "statement",
    "election",
];
const ACTORS: usize = 2000;
const THEMES: usize = 15;
/// 2000-01-01 and 2026-01-01 as days since 1970-01-01.
pub const FIRST_DAY: i32 = 10_957;
pub const LAST_DAY: i32 = 20_454;

/// splitmix64: small, fast, and good enough to make synthetic text.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// Samples ranks `0..n` with probability proportional to `1 / (rank + 1)^s`.
#[derive(Clone, Debug)]
pub struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Self {
        let mut cdf = Vec::with_capacity(n);
        let mut total = 0.0;
        for rank in 0..n {
            total += 1.0 / ((rank + 1) as f64).powf(s);
            cdf.push(total);
        }
        for p in &mut cdf {
            *p /= total;
        }
        Self { cdf }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|&p| p < u).min(self.cdf.len() - 1)
    }
}

/// A word list with its frequency law.
#[derive(Clone, Debug)]
pub struct Words {
    pub words: Vec<&'static str>,
    zipf: Zipf,
}

impl Words {
    fn new(words: Vec<&'static str>, s: f64) -> Self {
        let zipf = Zipf::new(words.len(), s);
        Self { words, zipf }
    }

    pub fn pick(&self, rng: &mut Rng) -> &'static str {
        self.words[self.zipf.sample(rng)]
    }
}

/// The vocabularies, split by language and by function/content word.
#[derive(Clone, Debug)]
pub struct Vocab {
    pub km_function: Words,
    pub km_content: Words,
    pub en_function: Words,
    pub en_content: Words,
    pub fr_function: Words,
    pub fr_content: Words,
    pub names: Words,
}

impl Vocab {
    pub fn load() -> Self {
        let rows = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<&'static str>>())
                .collect::<Vec<_>>()
        };
        let km = rows(KHMER);
        let latin = rows(LATIN);
        let km_kind = |kind: &str| km.iter().filter(|r| r[1] == kind).map(|r| r[0]).collect();
        let latin_kind = |lang: &str, kind: &str| {
            latin
                .iter()
                .filter(|r| r[0] == lang && r[1] == kind)
                .map(|r| r[2])
                .collect()
        };
        Self {
            km_function: Words::new(km_kind("f"), 1.0),
            km_content: Words::new(km_kind("c"), 0.8),
            en_function: Words::new(latin_kind("en", "f"), 1.0),
            en_content: Words::new(latin_kind("en", "c"), 0.8),
            fr_function: Words::new(latin_kind("fr", "f"), 1.0),
            fr_content: Words::new(latin_kind("fr", "c"), 0.8),
            names: Words::new(latin_kind("any", "n"), 1.0),
        }
    }
}

/// Generates incident `0..count` deterministically from a seed.
#[derive(Debug)]
pub struct Generator {
    vocab: Vocab,
    rng: Rng,
    cases: Zipf,
    actors: Zipf,
    next: usize,
    count: usize,
}

impl Generator {
    pub fn new(seed: u64, count: usize) -> Self {
        Self {
            vocab: Vocab::load(),
            rng: Rng::new(seed),
            cases: Zipf::new(CASES, 1.0),
            actors: Zipf::new(ACTORS, 1.0),
            next: 0,
            count,
        }
    }

    fn khmer_clause(&mut self, out: &mut String, words: usize) {
        for _ in 0..words {
            let list = if self.rng.chance(0.4) {
                &self.vocab.km_function
            } else {
                &self.vocab.km_content
            };
            out.push_str(list.pick(&mut self.rng));
        }
    }

    /// Khmer sentences: clauses of 3 to 7 words without spaces, a space between clauses.
    fn khmer_text(&mut self, out: &mut String, sentences: usize, names: bool) {
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            let clauses = self.rng.between(1, 3);
            for c in 0..clauses {
                if c > 0 {
                    out.push(' ');
                }
                let words = self.rng.between(3, 7);
                self.khmer_clause(out, words);
                if names && self.rng.chance(0.15) {
                    // Latin names inside Khmer text, sometimes glued to the Khmer word.
                    if self.rng.chance(0.5) {
                        out.push(' ');
                    }
                    out.push_str(self.vocab.names.pick(&mut self.rng));
                    out.push(' ');
                }
            }
            out.push('។');
        }
    }

    fn latin_text(&mut self, out: &mut String, french: bool, words: usize, sentence: bool) {
        let (function, content) = if french {
            (&self.vocab.fr_function, &self.vocab.fr_content)
        } else {
            (&self.vocab.en_function, &self.vocab.en_content)
        };
        for w in 0..words {
            if w > 0 {
                out.push(' ');
            }
            let word = if self.rng.chance(0.08) {
                self.vocab.names.pick(&mut self.rng)
            } else if self.rng.chance(0.35) {
                function.pick(&mut self.rng)
            } else {
                content.pick(&mut self.rng)
            };
            if w == 0 && sentence {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(word);
            }
            if sentence && w + 1 < words && self.rng.chance(0.08) {
                out.push('.');
            }
        }
        if sentence {
            out.push('.');
        }
    }

    fn doc(&mut self, n: usize) -> IncidentDoc {
        let mut title = String::new();
        let mut summary = String::new();
        let language = self.rng.unit();
        if language < 0.45 {
            let words = self.rng.between(3, 7);
            self.khmer_clause(&mut title, words);
            let sentences = self.rng.between(2, 4);
            self.khmer_text(&mut summary, sentences, true);
        } else {
            let french = language >= 0.85;
            let words = self.rng.between(5, 10);
            self.latin_text(&mut title, french, words, false);
            let words = self.rng.between(25, 60);
            self.latin_text(&mut summary, french, words, true);
            if self.rng.chance(0.1) {
                // A quoted Khmer statement inside English or French text.
                summary.push_str(" «");
                let sentences = self.rng.between(1, 2);
                self.khmer_text(&mut summary, sentences, false);
                summary.push('»');
            }
        }
        let date_start = FIRST_DAY + self.rng.below((LAST_DAY - FIRST_DAY) as usize) as i32;
        let date_end = if self.rng.chance(0.8) {
            date_start
        } else {
            date_start + self.rng.between(1, 90) as i32
        };
        let actors = (0..self.rng.between(1, 3))
            .map(|_| format!("actor-{}", self.actors.sample(&mut self.rng)))
            .collect();
        let themes = (0..self.rng.between(1, 2))
            .map(|_| format!("theme-{}", self.rng.below(THEMES)))
            .collect();
        IncidentDoc {
            id: format!("inc-{n:07}"),
            case_id: format!("case-{}", self.cases.sample(&mut self.rng)),
            title,
            summary,
            kind: KINDS[self.rng.below(KINDS.len())].to_owned(),
            date_start,
            date_end,
            actors,
            themes,
            restricted: false,
        }
    }
}

impl Iterator for Generator {
    type Item = IncidentDoc;

    fn next(&mut self) -> Option<IncidentDoc> {
        if self.next >= self.count {
            return None;
        }
        let doc = self.doc(self.next);
        self.next += 1;
        Some(doc)
    }
}
