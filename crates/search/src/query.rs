//! What a caller asks for, and its translation into a tantivy query.
//!
//! The query text is not handed to tantivy's query parser: its syntax errors would reach users,
//! and it would analyze Khmer words without the n-gram fallback. The grammar here is small:
//! words and "quoted phrases", all of which must match.

use std::ops::Bound;
use std::sync::Arc;

use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
    TermSetQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Searcher, SegmentReader, Term};

use crate::analysis;
use crate::schema::{CASE_ID, Fields};

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
    /// Documents (by id, `case/incident`) the caller may not see: never in the hits nor in the
    /// total. Records' sensitivity is access control too; the caller fills this from it.
    pub exclude_ids: Vec<String>,
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
    /// A Khmer word of two clusters or more matches wherever its letters occur (the phrase of
    /// its cluster bigrams, spaces ignored); documents where it is a word of its own rank first.
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

    /// One word or quoted phrase: a term or phrase on the word field; or, for a single run of
    /// Khmer letters of two clusters or more, the phrase of its cluster bigrams, which matches the
    /// run anywhere its letters occur, whatever the segmenter made of them.
    ///
    /// The n-gram phrase alone decides what matches: it finds every place the word query finds
    /// and more. The word query is an optional clause on top, so documents where the word stands
    /// as a word of its own rank first. (Required plus optional is also much cheaper than a union
    /// here: tantivy's union scans both branches through every document, out of the case scope
    /// too, while an optional clause is only looked at on documents that already match.)
    ///
    /// Groups that mix Khmer with other words, or whose Khmer is split by punctuation, use the
    /// word field only: n-grams cannot check that the parts touch.
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
        // A one-cluster word is in the n-gram field only where it stands alone, so the n-gram
        // phrase would find less than the word field: leave it to the word field.
        if analysis::cluster_count(run) < analysis::NGRAM {
            return words;
        }
        let grams = analyze(&mut self.ngrams, run);
        let Some(ngrams) = phrase(self.fields.khmer, &sparse(grams)) else {
            return words;
        };
        // Unscored, a phrase stops at its first occurrence in a document instead of counting
        // them all; the score comes from the word clause.
        let ngrams: Box<dyn Query> =
            Box::new(ConstScoreQuery::new(Box::new(Unscored(ngrams)), 0.0));
        Some(match words {
            Some(words) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, ngrams),
                (Occur::Should, words),
            ])),
            None => ngrams,
        })
    }
}

/// The filters of a query, as non-scoring required clauses, the case scope first.
pub(crate) fn filters(
    fields: &Fields,
    searcher: &Searcher,
    q: &SearchQuery,
) -> tantivy::Result<Vec<(Occur, Box<dyn Query>)>> {
    let mut clauses = vec![(Occur::Must, case_scope(fields, searcher, &q.case_ids)?)];
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
    if !q.exclude_ids.is_empty() {
        clauses.push((Occur::MustNot, any_of(fields.id, &q.exclude_ids)));
    }
    Ok(clauses)
}

/// Above this share of the index (in percent), a scope of several cases is checked document by
/// document on the fast column instead of through the postings of its cases.
const SCOPE_POSTINGS_MAX_PERCENT: u64 = 10;

/// The access-control clause: documents of the given cases only.
///
/// One case, or a few small ones, go through their postings, which are short and lead the
/// search. A large scope (an administrator's 500 cases) would make tantivy merge the postings
/// of every case into a bit set of the whole index on every query; instead each candidate that
/// the other clauses produce is checked against the case column.
fn case_scope(
    fields: &Fields,
    searcher: &Searcher,
    case_ids: &[String],
) -> tantivy::Result<Box<dyn Query>> {
    const FEW: usize = 8;
    if case_ids.len() <= FEW {
        let mut scope_docs = 0;
        for id in case_ids {
            scope_docs += searcher.doc_freq(&Term::from_field_text(fields.case_id, id))?;
        }
        if case_ids.len() == 1
            || scope_docs * 100 <= searcher.num_docs() * SCOPE_POSTINGS_MAX_PERCENT
        {
            return Ok(any_of(fields.case_id, case_ids));
        }
    }
    // Sorted, so each segment's sorted dictionary of case ids is matched in one merging pass
    // rather than one lookup per allowed case.
    let mut sorted: Vec<String> = case_ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let allowed: Arc<[String]> = sorted.into();
    let predicate = FunctionPredicate::from(move |segment: &SegmentReader| {
        let (ords, wanted) = match segment.fast_fields().str(CASE_ID)? {
            Some(column) => {
                let mut wanted = vec![false; column.num_terms()];
                let mut terms = column.dictionary().stream()?;
                let mut allowed = allowed.iter().peekable();
                while terms.advance() {
                    let key = terms.key();
                    while allowed.next_if(|id| id.as_bytes() < key).is_some() {}
                    if allowed.next_if(|id| id.as_bytes() == key).is_some() {
                        let slot = usize::try_from(terms.term_ord())
                            .ok()
                            .and_then(|ord| wanted.get_mut(ord));
                        if let Some(slot) = slot {
                            *slot = true;
                        }
                    }
                    if allowed.peek().is_none() {
                        break;
                    }
                }
                (Some(column.ords().clone()), wanted)
            }
            None => (None, Vec::new()),
        };
        Ok(move |doc: DocId| {
            ords.as_ref()
                .and_then(|ords| ords.first(doc))
                .and_then(|ord| usize::try_from(ord).ok())
                .and_then(|ord| wanted.get(ord).copied())
                .unwrap_or(false)
        })
    });
    let query: DocPredicateQuery = predicate.into();
    Ok(Box::new(ConstScoreQuery::new(Box::new(query), 0.0)))
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

/// Keeps every other bigram of a run, and the last: overlapping bigrams pinned to their
/// positions still cover every cluster of the word, so the phrase matches exactly the same
/// places with half as many posting lists to intersect. (The n-gram analyzer leaves two empty
/// positions between runs, so two kept bigrams can never sit on both sides of a run boundary.)
fn sparse(grams: Vec<(String, usize)>) -> Vec<(String, usize)> {
    let last = grams.len().saturating_sub(1);
    grams
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0 || *i == last)
        .map(|(_, gram)| gram)
        .collect()
}

/// Runs the inner query with scoring disabled.
#[derive(Debug)]
struct Unscored(Box<dyn Query>);

impl Clone for Unscored {
    fn clone(&self) -> Self {
        Self(self.0.box_clone())
    }
}

impl Query for Unscored {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let disabled = match scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(scoring.schema()),
        };
        self.0.weight(disabled)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
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
    use super::{sparse, split_groups};

    #[test]
    fn sparse_cover_keeps_every_other_bigram_and_the_last() {
        let grams = |n: usize| (0..n).map(|i| (i.to_string(), i)).collect::<Vec<_>>();
        let positions = |n| {
            sparse(grams(n))
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>()
        };
        assert_eq!(positions(0), Vec::<usize>::new());
        assert_eq!(positions(1), [0]);
        assert_eq!(positions(2), [0, 1]);
        assert_eq!(positions(3), [0, 2]);
        assert_eq!(positions(4), [0, 2, 3]);
        assert_eq!(positions(5), [0, 2, 4]);
    }

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
