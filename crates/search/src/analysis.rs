//! Text analysis shared by indexing and querying: words for Latin and Khmer, Khmer character n-grams.
//!
//! Khmer is written without spaces between words, so the whitespace and punctuation tokenizers
//! that tantivy ships turn a whole Khmer clause into one token and nothing inside it can be
//! found. The word analyzer here splits text into runs by script: Latin-like runs are cut at
//! non-alphanumeric characters (then lower-cased and ASCII-folded by tantivy filters), and runs of
//! a complex script (Khmer, Thai, Lao, Myanmar) go through the ICU4X dictionary word segmenter.
//!
//! The dictionary sometimes glues a word to its neighbour (ច្បាប់ + នេះ as one token), so a word
//! query alone misses a few occurrences. The n-gram analyzer indexes every Khmer run as
//! overlapping pairs of written clusters (consonant with its subscripts, vowels and signs) with
//! positions; a phrase of a query word's cluster pairs then matches wherever the word occurs,
//! whatever the segmenter did.
//!
//! Both analyzers are used on the query side too, so index and query always agree.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Name under which the word analyzer is registered with tantivy.
pub(crate) const WORDS: &str = "accord_words";
/// Name under which the Khmer n-gram analyzer is registered with tantivy.
pub(crate) const KHMER_NGRAMS: &str = "accord_khmer_ngrams";
/// Length of a Khmer n-gram, in written clusters (see [`for_each_ngram`]).
pub(crate) const NGRAM: usize = 2;
/// Empty positions between two Khmer runs in the n-gram field. Queries skip every other bigram
/// (see `query.rs`), so two of their terms can be two positions apart; a gap of two keeps such a
/// pair from matching the end of one run and the start of the next.
pub(crate) const RUN_GAP: usize = 2;
/// Tokens longer than this (in bytes) are dropped from the word field: such a token is a glued
/// Khmer clause or junk, and the n-gram field still covers Khmer text of any length.
const MAX_TOKEN_BYTES: usize = 120;

/// Builds the word analyzer: script-aware word splitting, then lower-casing and ASCII folding.
pub(crate) fn word_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::new())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Builds the Khmer n-gram analyzer.
pub(crate) fn ngram_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(KhmerNgramTokenizer::default()).build()
}

/// How a character takes part in word splitting.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Letters and digits of scripts that separate words with spaces or punctuation.
    Word,
    /// A combining diacritic (U+0300..U+036F): dropped, so decomposed "é" matches composed "é"
    /// once ASCII folding has turned the latter into "e".
    Diacritic,
    /// Scripts written without spaces between words: the ICU dictionary segmenter splits them.
    Complex,
    /// Zero-width characters that Khmer writers insert inside or between words to steer rendering
    /// or line breaking: ignored, so text matches whether or not they are present.
    Invisible,
    /// Everything else separates tokens.
    Separator,
}

fn class(c: char) -> Class {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Class::Invisible,
        '\u{0300}'..='\u{036F}' => Class::Diacritic,
        // Thai, Lao, Myanmar, Khmer, Khmer symbols: all covered by ICU's dictionary model.
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{19E0}'..='\u{19FF}' => Class::Complex,
        c if c.is_alphanumeric() => Class::Word,
        _ => Class::Separator,
    }
}

/// True for the Khmer characters that make up words, the alphabet the n-gram field covers.
/// Khmer punctuation (។ ៕ ...) and the riel sign end a run; digits and lunar-date symbols do not
/// occur inside words and are left to the word field.
pub(crate) fn is_khmer_letter(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17D3}' | '\u{17DC}' | '\u{17DD}')
}

/// Splits text into its Khmer letter runs, with invisible characters and spaces removed.
/// Calls `sink` with each run; the buffer is reused between runs.
///
/// Spaces do not end a run: Khmer puts spaces between phrases rather than words, and writers
/// place them inconsistently, so a word matches whether or not a space falls inside or around
/// it (the word field, which drops spaces too, finds សង្គម ស៊ីវិល for សង្គមស៊ីវិល, and the
/// n-gram field must find at least as much). Line breaks, punctuation and other scripts do end a
/// run.
pub(crate) fn for_each_khmer_run(text: &str, mut sink: impl FnMut(&str)) {
    let mut run = String::new();
    for c in text.chars() {
        if is_khmer_letter(c) {
            run.push(c);
        } else if class(c) != Class::Invisible && !matches!(c, ' ' | '\u{A0}') && !run.is_empty() {
            sink(&run);
            run.clear();
        }
    }
    if !run.is_empty() {
        sink(&run);
    }
}

/// True for a Khmer character that starts a new written cluster: a consonant, an independent
/// vowel, or the avakrahasanya. Every other Khmer letter (dependent vowels, signs, the coeng and
/// the consonant subscribed after it) belongs to the cluster before it.
fn starts_cluster(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17B3}' | '\u{17DC}')
}

/// Byte offsets where the written clusters of a Khmer run start (ច្បាប់ → ច្បា | ប់).
/// Cluster boundaries depend only on the characters around them, so a word has the same
/// clusters standing alone as inside a sentence.
fn cluster_starts(run: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_coeng = false;
    for (i, c) in run.char_indices() {
        if i == 0 || (starts_cluster(c) && !after_coeng) {
            starts.push(i);
        }
        after_coeng = c == COENG;
    }
    starts
}

/// Number of written clusters in a Khmer run.
pub(crate) fn cluster_count(run: &str) -> usize {
    cluster_starts(run).len()
}

/// The sign that subscribes the next consonant into the current cluster.
const COENG: char = '\u{17D2}';

/// Calls `sink` with every n-gram of [`NGRAM`] written clusters of a Khmer run, in order. A run
/// of fewer clusters is passed whole, so a short standalone word is still indexed.
///
/// Clusters rather than code points: a cluster bigram is far more selective than a code-point
/// trigram, a run has about a third as many of them, and many words are a single bigram, so
/// both indexing and the fallback phrase queries are cheaper; matches still start and end at
/// cluster boundaries, where every word does.
pub(crate) fn for_each_ngram(run: &str, mut sink: impl FnMut(&str)) {
    let starts = cluster_starts(run);
    if starts.len() < NGRAM {
        sink(run);
        return;
    }
    for window in 0..=starts.len() - NGRAM {
        let from = starts[window];
        let to = starts.get(window + NGRAM).copied().unwrap_or(run.len());
        sink(&run[from..to]);
    }
}

/// A reusable token buffer: tokenizers fill it eagerly, and the stream hands tokens out one by
/// one. Reusing the `String`s of earlier tokens avoids an allocation per token at indexing time.
#[derive(Debug, Default)]
struct TokenBuffer {
    tokens: Vec<Token>,
    len: usize,
}

impl TokenBuffer {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn push(&mut self, text: &str, offset_from: usize, offset_to: usize, position: usize) {
        if self.len == self.tokens.len() {
            self.tokens.push(Token::default());
        }
        let token = &mut self.tokens[self.len];
        token.text.clear();
        token.text.push_str(text);
        token.offset_from = offset_from;
        token.offset_to = offset_to;
        token.position = position;
        token.position_length = 1;
        self.len += 1;
    }

    fn stream(&mut self) -> BufferStream<'_> {
        BufferStream {
            tokens: &mut self.tokens[..self.len],
            next: 0,
        }
    }
}

/// Token stream over a filled [`TokenBuffer`].
#[derive(Debug)]
pub(crate) struct BufferStream<'a> {
    tokens: &'a mut [Token],
    /// Index of the token `advance` moves to; the current token is `next - 1`.
    next: usize,
}

impl TokenStream for BufferStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        // tantivy only calls `token` after `advance` returned true; before that, or on an empty
        // stream, point at a valid token anyway so the contract can never index out of bounds.
        &self.tokens[self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

/// Splits text into words: Latin-like runs at separators, complex-script runs with the ICU4X
/// dictionary segmenter.
#[derive(Debug)]
pub(crate) struct WordTokenizer {
    segmenter: WordSegmenterBorrowed<'static>,
    buffer: TokenBuffer,
    /// Scratch space for a run with invisible characters removed, and where each of its bytes
    /// came from in the original text.
    run: String,
    run_offsets: Vec<usize>,
}

impl WordTokenizer {
    pub(crate) fn new() -> Self {
        Self {
            segmenter: WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()),
            buffer: TokenBuffer::default(),
            run: String::new(),
            run_offsets: Vec::new(),
        }
    }

    fn fill(&mut self, text: &str) {
        self.buffer.clear();
        self.run.clear();
        self.run_offsets.clear();
        let mut position = 0;
        let mut run_class = Class::Separator;
        for (offset, c) in text.char_indices() {
            let class = class(c);
            if class == Class::Diacritic || class == Class::Invisible {
                // Transparent: neither part of a token nor a break.
                continue;
            }
            if class != run_class {
                self.flush(run_class, text.len(), &mut position);
                run_class = class;
            }
            if class != Class::Separator {
                for b in 0..c.len_utf8() {
                    self.run_offsets.push(offset + b);
                }
                self.run.push(c);
            }
        }
        self.flush(run_class, text.len(), &mut position);
    }

    /// Emits the tokens of the current run and empties it.
    fn flush(&mut self, class: Class, text_len: usize, position: &mut usize) {
        if self.run.is_empty() {
            return;
        }
        let original = |offsets: &[usize], i: usize| offsets.get(i).copied().unwrap_or(text_len);
        match class {
            Class::Complex => {
                let mut start = 0;
                for (end, kind) in self.segmenter.segment_str(&self.run).iter_with_word_type() {
                    if end > start && kind.is_word_like() {
                        let from = original(&self.run_offsets, start);
                        let to = original(&self.run_offsets, end - 1) + 1;
                        self.buffer.push(&self.run[start..end], from, to, *position);
                        *position += 1;
                    }
                    start = end;
                }
            }
            _ => {
                let from = original(&self.run_offsets, 0);
                let to = original(&self.run_offsets, self.run.len() - 1) + 1;
                self.buffer.push(&self.run, from, to, *position);
                *position += 1;
            }
        }
        self.run.clear();
        self.run_offsets.clear();
    }
}

impl Clone for WordTokenizer {
    fn clone(&self) -> Self {
        // The buffers are scratch space: a clone starts empty.
        Self {
            segmenter: self.segmenter,
            buffer: TokenBuffer::default(),
            run: String::new(),
            run_offsets: Vec::new(),
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = BufferStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferStream<'a> {
        self.fill(text);
        self.buffer.stream()
    }
}

/// Turns every Khmer run into overlapping cluster bigrams with consecutive positions.
/// Positions jump by [`RUN_GAP`] between runs so that no phrase matches across two runs.
#[derive(Debug, Default)]
pub(crate) struct KhmerNgramTokenizer {
    buffer: TokenBuffer,
}

impl Clone for KhmerNgramTokenizer {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl Tokenizer for KhmerNgramTokenizer {
    type TokenStream<'a> = BufferStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferStream<'a> {
        let buffer = &mut self.buffer;
        buffer.clear();
        let mut position = 0;
        // Offsets are not used (nothing is highlighted); the whole text span keeps them valid.
        for_each_khmer_run(text, |run| {
            for_each_ngram(run, |gram| {
                buffer.push(gram, 0, text.len(), position);
                position += 1;
            });
            position += RUN_GAP;
        });
        buffer.stream()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut analyzer = word_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    fn ngrams(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = ngram_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.position));
        }
        out
    }

    #[test]
    fn latin_words_are_lower_cased_and_folded() {
        assert_eq!(
            words("Café CNRP's leader, KEM Sokha (arrested)!"),
            ["cafe", "cnrp", "s", "leader", "kem", "sokha", "arrested"]
        );
        // A decomposed accent (e + U+0301) gives the same token as the composed one.
        assert_eq!(words("Cafe\u{301}"), ["cafe"]);
        assert_eq!(words("Straße 2017"), ["strasse", "2017"]);
    }

    #[test]
    fn khmer_is_split_into_words() {
        // "law" and "civil society" inside a sentence without spaces.
        let tokens = words("ច្បាប់ស្តីពីសង្គមស៊ីវិល");
        assert!(tokens.len() >= 3, "{tokens:?}");
        assert_eq!(tokens.concat(), "ច្បាប់ស្តីពីសង្គមស៊ីវិល");
        assert_eq!(tokens[0], "ច្បាប់");
    }

    #[test]
    fn khmer_and_latin_mixed_without_spaces() {
        let tokens = words("NGOច្បាប់LANGO");
        assert_eq!(tokens, ["ngo", "ច្បាប់", "lango"]);
    }

    #[test]
    fn khmer_punctuation_and_invisible_characters() {
        // The full stop ។ is not a word; a zero-width space inside a word is ignored.
        assert_eq!(words("ច្បាប់។"), ["ច្បាប់"]);
        assert_eq!(words("ច្បា\u{200B}ប់"), ["ច្បាប់"]);
    }

    #[test]
    fn empty_and_separator_only_text_has_no_tokens() {
        assert!(words("").is_empty());
        assert!(words(" ,.;-- ។ ").is_empty());
        assert!(ngrams("English only").is_empty());
    }

    #[test]
    fn khmer_clusters() {
        let cases: &[(&str, &[&str])] = &[
            // Consonant + coeng + consonant + vowel, then consonant + sign.
            ("ច្បាប់", &["ច្បា", "ប់"]),
            ("សង្គមស៊ីវិល", &["ស", "ង្គ", "ម", "ស៊ី", "វិ", "ល"]),
            // An independent vowel starts a cluster; a consonant after a coeng never does.
            ("ឯករាជ្យ", &["ឯ", "ក", "រា", "ជ្យ"]),
            // A stray vowel sign at the start stays with what follows it.
            ("ាក", &["ា", "ក"]),
        ];
        for (run, expected) in cases {
            let starts = cluster_starts(run);
            let clusters: Vec<&str> = starts
                .iter()
                .enumerate()
                .map(|(i, &from)| &run[from..starts.get(i + 1).copied().unwrap_or(run.len())])
                .collect();
            assert_eq!(clusters, *expected, "{run}");
        }
    }

    #[test]
    fn ngram_positions_are_consecutive_within_a_run_and_gapped_between_runs() {
        // សង្គមស៊ីវិល has six clusters: five bigrams at positions 0..=4; then two empty
        // positions before the next run; a one-cluster run (ជា) is indexed whole; punctuation
        // and line breaks end runs.
        let grams = ngrams("សង្គមស៊ីវិល។ជា\nច្បាប់");
        let expected = [
            ("សង្គ", 0),
            ("ង្គម", 1),
            ("មស៊ី", 2),
            ("ស៊ីវិ", 3),
            ("វិល", 4),
            ("ជា", 7),
            ("ច្បាប់", 10),
        ];
        let grams: Vec<(&str, usize)> = grams.iter().map(|(g, p)| (g.as_str(), *p)).collect();
        assert_eq!(grams, expected);
    }

    #[test]
    fn spaces_inside_khmer_do_not_end_a_run() {
        let grams: Vec<String> = ngrams("ច្បា ប់\u{A0}ថ្មី").into_iter().map(|(g, _)| g).collect();
        assert_eq!(grams, ["ច្បាប់", "ប់ថ្មី"]);
    }

    #[test]
    fn over_long_tokens_are_dropped_from_the_word_field() {
        let long = "a".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(words(&format!("{long} ok")), ["ok"]);
    }
}
