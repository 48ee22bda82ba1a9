//! What a caller asks for, and its translation into a tantivy query.
//!
//! The query text is not handed to tantivy's query parser: its syntax errors would reach users,
//! and it would analyze Khmer words without the n-gram fallback. The grammar here is small:
//! words and "quoted phrases", all of which must match.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;
use crate::schema::Fields;

/// A search: text, the cases the caller may see, filters, and a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words and "quoted phrases", in any language; every word and phrase must match. Empty (or
    /// blank) means filters only, newest incidents first. Text without any searchable word
    /// (punctuation only) matches nothing.
    pub text: String,
    /// Required scope: only incidents of these cases can appear or be counted. Empty means
    /// nothing is returned. This is access control; the caller fills it from the user's cases.
    pub case_ids: Vec<String>,
    /// Any of these kinds (empty: any kind).
    pub kinds: Vec<String>,
    /// At least one of these actors (empty: no actor filter).
    pub actors: Vec<String>,
    /// At least one of these themes (empty: no theme filter).
    pub themes: Vec<String>,
    /// Incidents that overlap `[date_from, date_to]` (both inclusive, either open).
    pub date_from: Option<i32>,
    pub date_to: Option<i32>,
    /// Page size (at most [`MAX_DEPTH`] together with `offset`); 0 counts without returning hits.
    pub limit: usize,
    pub offset: usize,
}

/// Longest query text accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024;
/// Deepest result reachable by paging (`offset + limit`).
pub const MAX_DEPTH: usize = 10_000;

/// How Khmer query words are matched. The default finds every occurrence; `WordsOnly` exists so
/// the benchmark can measure what the n-gram fallback adds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KhmerMatching {
    /// A Khmer word matches as a segmented word or anywhere as a substring (n-gram phrase).
    #[default]
    WordsOrSubstring,
    /// A Khmer word matches only where the dictionary segmenter cut the text the same way.
    WordsOnly,
}

/// The pieces a query is built from: schema fields and the analyzers registered for them.
pub(crate) struct Builder<'a> {
    pub fields: &'a Fields,
    pub words: TextAnalyzer,
    pub ngrams: TextAnalyzer,
    pub khmer: KhmerMatching,
}

/// Result of translating the text: a query, or the knowledge that nothing can match.
pub(crate) enum TextQuery {
    /// No text: filters only.
    None,
    /// Text without a single searchable token.
    MatchesNothing,
    Query(Box<dyn Query>),
}

impl Builder<'_> {
    /// Translates the query text into one required clause per word or phrase.
    pub(crate) fn text(&mut self, text: &str) -> TextQuery {
        if text.trim().is_empty() {
            return TextQuery::None;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in split_groups(text) {
            if let Some(query) = self.group(&group) {
                clauses.push((Occur::Must, query));
            }
        }
        match clauses.len() {
            0 => TextQuery::MatchesNothing,
            1 => TextQuery::Query(clauses.remove(0).1),
            _ => TextQuery::Query(Box::new(BooleanQuery::new(clauses))),
        }
    }

    /// One word or quoted phrase: a term or phrase on the word field; for a single run of Khmer
    /// letters, that or the phrase of its n-grams, which matches the run anywhere as a substring.
    ///
    /// Groups that mix Khmer with other words, or hold several Khmer runs, use the word field
    /// only: n-grams cannot check that the parts touch, and a phrase must keep its order.
    fn group(&mut self, group: &str) -> Option<Box<dyn Query>> {
        let tokens = analyze(&mut self.words, group);
        let words = phrase(self.fields.text, &tokens);
        if self.khmer == KhmerMatching::WordsOnly
            || !tokens
                .iter()
                .all(|(token, _)| token.chars().any(analysis::is_khmer_letter))
        {
            return words;
        }
        let mut runs = Vec::new();
        analysis::for_each_khmer_run(group, |run| runs.push(run.to_owned()));
        let [run] = runs.as_slice() else {
            return words;
        };
        let Some(fallback) = phrase(self.fields.khmer, &analyze(&mut self.ngrams, run)) else {
            return words;
        };
        Some(match words {
            Some(words) => Box::new(BooleanQuery::new(vec![
                (Occur::Should, words),
                (Occur::Should, fallback),
            ])),
            None => fallback,
        })
    }
}

/// The filters of a query, as non-scoring required clauses. The case scope always comes first.
pub(crate) fn filters(fields: &Fields, q: &SearchQuery) -> Vec<(Occur, Box<dyn Query>)> {
    let mut clauses = vec![(Occur::Must, any_of(fields.case_id, &q.case_ids))];
    for (field, values) in [
        (fields.kind, &q.kinds),
        (fields.actor, &q.actors),
        (fields.theme, &q.themes),
    ] {
        if !values.is_empty() {
            clauses.push((Occur::Must, any_of(field, values)));
        }
    }
    // Overlap with [from, to]: the incident ends on or after `from` and starts on or before `to`.
    if let Some(from) = q.date_from {
        let from = Term::from_field_i64(fields.date_end, i64::from(from));
        let range = RangeQuery::new(Bound::Included(from), Bound::Unbounded);
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
        ));
    }
    if let Some(to) = q.date_to {
        let to = Term::from_field_i64(fields.date_start, i64::from(to));
        let range = RangeQuery::new(Bound::Unbounded, Bound::Included(to));
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
        ));
    }
    clauses
}

/// Documents whose exact-value field holds any of the values, without a score.
fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    let query: Box<dyn Query> = if let [value] = values {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    } else {
        Box::new(TermSetQuery::new(
            values
                .iter()
                .map(|value| Term::from_field_text(field, value)),
        ))
    };
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A term query for one token, a phrase query for several, nothing for none.
fn phrase(field: Field, tokens: &[(String, usize)]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [(token, _)] => Some(term_query(field, token)),
        _ => Some(Box::new(PhraseQuery::new_with_offset(
            tokens
                .iter()
                .map(|(token, position)| (*position, Term::from_field_text(field, token)))
                .collect(),
        ))),
    }
}

/// Runs an analyzer over query text, keeping token texts and positions.
fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize)> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push((token.text.clone(), token.position));
    }
    tokens
}

/// Splits query text into words and quoted phrases. Straight, curly and guillemet quotes all
/// delimit phrases; an unclosed quote runs to the end of the text.
pub(crate) fn split_groups(text: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        let is_quote = matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
        if is_quote || (!quoted && c.is_whitespace()) {
            if !current.trim().is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            current.clear();
            if is_quote {
                quoted = !quoted;
            }
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        groups.push(current);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::split_groups;

    #[test]
    fn groups_are_words_and_quoted_phrases() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            ("arrest Kem", &["arrest", "Kem"]),
            ("\"civil society\" law", &["civil society", "law"]),
            ("«Sam Rainsy» “Kem Sokha”", &["Sam Rainsy", "Kem Sokha"]),
            ("unclosed \"quote runs on", &["unclosed", "quote runs on"]),
            ("\"\" a", &["a"]),
            ("ច្បាប់ \"សង្គម ស៊ីវិល\"", &["ច្បាប់", "សង្គម ស៊ីវិល"]),
        ];
        for (text, expected) in cases {
            assert_eq!(split_groups(text), *expected, "{text:?}");
        }
    }
}
