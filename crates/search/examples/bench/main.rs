//! Search benchmark at a million incidents: build time, query latency, and Khmer recall with and
//! without the n-gram fallback. Each step is its own process so that `/usr/bin/time -v` reports
//! the peak memory of building and of serving separately; `bench/search/run.sh` runs them all.
//!
//! ```text
//! bench generate --docs N [--seed S]          time the data generator alone
//! bench build    --dir D --docs N [--seed S]  build the index from generated data
//! bench query    --dir D [--queries N] [--khmer words|substring] [--class PREFIX]
//!                                             latency of a mixed query set, per class
//! bench recall   --dir D --docs N [--seed S]  Khmer word recall against a scan of the data
//! ```

mod data;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use accord_search::{KhmerMatching, SearchIndex, SearchQuery};

use data::{CASES, FIRST_DAY, Generator, KINDS, LAST_DAY, Rng, Vocab, Zipf};

type Error = Box<dyn std::error::Error>;

struct Args {
    command: String,
    dir: PathBuf,
    docs: usize,
    seed: u64,
    queries: usize,
    khmer: KhmerMatching,
    class: Option<String>,
}

fn parse_args() -> Result<Args, Error> {
    let mut args = std::env::args().skip(1);
    let command = args
        .next()
        .ok_or("usage: bench generate|build|query|recall [options]")?;
    let mut parsed = Args {
        command,
        dir: PathBuf::from("target/bench-search/index"),
        docs: 1_000_000,
        seed: 2017,
        queries: 2000,
        khmer: KhmerMatching::WordsOrSubstring,
        class: None,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--dir" => parsed.dir = PathBuf::from(value),
            "--docs" => parsed.docs = value.parse()?,
            "--seed" => parsed.seed = value.parse()?,
            "--queries" => parsed.queries = value.parse()?,
            "--class" => parsed.class = Some(value),
            "--khmer" => {
                parsed.khmer = match value.as_str() {
                    "words" => KhmerMatching::WordsOnly,
                    "substring" => KhmerMatching::WordsOrSubstring,
                    _ => return Err("--khmer takes words or substring".into()),
                }
            }
            _ => return Err(format!("unknown option {flag}").into()),
        }
    }
    Ok(parsed)
}

fn main() -> Result<(), Error> {
    let args = parse_args()?;
    match args.command.as_str() {
        "generate" => generate(&args),
        "build" => build(&args),
        "query" => query(&args),
        "recall" => recall(&args),
        other => Err(format!("unknown command {other}").into()),
    }
}

fn generate(args: &Args) -> Result<(), Error> {
    let start = Instant::now();
    let (mut docs, mut bytes, mut khmer_docs) = (0usize, 0usize, 0usize);
    for doc in Generator::new(args.seed, args.docs) {
        docs += 1;
        bytes += doc.title.len() + doc.summary.len();
        if doc
            .summary
            .chars()
            .any(|c| ('\u{1780}'..='\u{17FF}').contains(&c))
        {
            khmer_docs += 1;
        }
    }
    let elapsed = start.elapsed();
    println!(
        "generate: {docs} docs, {:.0} MB of text, {khmer_docs} with Khmer text, {:.1} s",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64()
    );
    Ok(())
}

fn build(args: &Args) -> Result<(), Error> {
    if args.dir.exists() {
        // Only ever delete a directory this benchmark made.
        if !args.dir.join("accord-search-version").exists() {
            return Err(format!("{} exists and is not a search index", args.dir.display()).into());
        }
        std::fs::remove_dir_all(&args.dir)?;
    }
    let start = Instant::now();
    let index = SearchIndex::open(&args.dir)?;
    let count = index.rebuild(Generator::new(args.seed, args.docs))?;
    let elapsed = start.elapsed();
    println!(
        "build: {count} docs in {:.1} s ({:.0} docs/s), index {:.0} MB on disk, doc_count {}",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64(),
        dir_size(&args.dir)? as f64 / 1e6,
        index.doc_count()
    );
    Ok(())
}

fn dir_size(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

/// A query of the benchmark set, with the class it is reported under.
struct BenchQuery {
    class: &'static str,
    query: SearchQuery,
}

/// The mixed query set: English and Khmer words, phrases, mixed, filters only; each scoped to
/// one to three cases (big cases more often, as they have more readers) or, for one query in
/// seven, to every case (an administrator).
fn query_set(count: usize, seed: u64) -> Vec<BenchQuery> {
    let vocab = Vocab::load();
    let mut rng = Rng::new(seed ^ 0x005E_A2C4);
    let cases = Zipf::new(CASES, 1.0);
    let en_phrases: Vec<&str> = vocab
        .en_content
        .words
        .iter()
        .copied()
        .filter(|w| w.contains(' '))
        .collect();
    let en_word = |rng: &mut Rng| loop {
        let word = vocab.en_content.pick(rng);
        if !word.contains(' ') {
            return word.to_owned();
        }
    };
    let km_word = |rng: &mut Rng| vocab.km_content.words[rng.below(vocab.km_content.words.len())];
    (0..count)
        .map(|_| {
            let roll = rng.below(100);
            let (class, text) = match roll {
                0..20 => ("en word", en_word(&mut rng)),
                20..30 => (
                    "en 2 words",
                    format!("{} {}", en_word(&mut rng), en_word(&mut rng)),
                ),
                30..40 => (
                    "en phrase",
                    format!("\"{}\"", en_phrases[rng.below(en_phrases.len())]),
                ),
                40..65 => ("km word", km_word(&mut rng).to_owned()),
                65..75 => (
                    "km 2 words",
                    format!("{} {}", km_word(&mut rng), km_word(&mut rng)),
                ),
                75..80 => (
                    "km phrase",
                    format!("{}{}", km_word(&mut rng), km_word(&mut rng)),
                ),
                80..90 => (
                    "mixed",
                    format!("{} {}", en_word(&mut rng), km_word(&mut rng)),
                ),
                _ => ("filters only", String::new()),
            };
            let case_ids = if rng.chance(1.0 / 7.0) {
                (0..CASES).map(|c| format!("case-{c}")).collect()
            } else {
                let n = rng.between(1, 3);
                let set: BTreeSet<usize> = (0..n).map(|_| cases.sample(&mut rng)).collect();
                set.into_iter().map(|c| format!("case-{c}")).collect()
            };
            let mut query = SearchQuery {
                text,
                case_ids,
                limit: 20,
                offset: if rng.chance(0.1) { 20 } else { 0 },
                ..SearchQuery::default()
            };
            if class == "filters only" {
                query.kinds = vec![KINDS[rng.below(KINDS.len())].to_owned()];
                let from = FIRST_DAY + rng.below((LAST_DAY - FIRST_DAY) as usize) as i32;
                query.date_from = Some(from);
                query.date_to = Some(from + 365);
            }
            BenchQuery { class, query }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn query(args: &Args) -> Result<(), Error> {
    let start = Instant::now();
    let index = SearchIndex::open(&args.dir)?;
    println!(
        "open: {} docs in {:.0} ms",
        index.doc_count(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    let warmup = query_set(200, args.seed.wrapping_add(1));
    for q in &warmup {
        index.search_with(&q.query, args.khmer)?;
    }
    let mut set = query_set(args.queries, args.seed);
    if let Some(class) = &args.class {
        set.retain(|q| q.class.starts_with(class.as_str()));
    }
    let mut by_class: BTreeMap<&str, (Vec<Duration>, usize)> = BTreeMap::new();
    let mut all = Vec::with_capacity(set.len());
    for q in &set {
        let start = Instant::now();
        let results = index.search_with(&q.query, args.khmer)?;
        let elapsed = start.elapsed();
        all.push(elapsed);
        let entry = by_class.entry(q.class).or_default();
        entry.0.push(elapsed);
        entry.1 += results.total;
    }
    println!("| class | queries | mean total hits | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let row = |name: &str, times: &mut Vec<Duration>, hits: usize| {
        times.sort_unstable();
        println!(
            "| {name} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            times.len(),
            hits / times.len().max(1),
            percentile(times, 50.0),
            percentile(times, 95.0),
            percentile(times, 99.0),
            percentile(times, 100.0),
        );
    };
    for (class, (times, hits)) in &mut by_class {
        row(class, times, *hits);
    }
    let total_hits = by_class.values().map(|(_, h)| h).sum();
    row("**all**", &mut all, total_hits);
    Ok(())
}

/// Khmer recall: for sample content words, the documents whose title or summary contain the word
/// (a scan of the regenerated data) against what the index finds, with and without the n-gram
/// fallback. Every hit of either mode contains the word (a word token and a phrase of cluster
/// bigrams are both substrings of the text that start and end at cluster boundaries), so
/// found / truth is the recall; the id check on small cases confirms it document by document.
///
/// An occurrence counts when it starts and ends at a written-cluster boundary: a match that
/// starts on a subscript consonant or stops before a vowel sign is part of another syllable, not
/// the word. Spaces are ignored, as the index ignores them between Khmer letters. The raw
/// substring count is printed beside it.
fn recall(args: &Args) -> Result<(), Error> {
    let vocab = Vocab::load();
    let mut words: Vec<&str> = vec!["ច្បាប់", "សង្គមស៊ីវិល"];
    words.extend(vocab.km_content.words.iter().step_by(8).copied());
    let mut seen = BTreeSet::new();
    words.retain(|w| seen.insert(*w));
    let index = SearchIndex::open(&args.dir)?;
    let all_cases: Vec<String> = (0..CASES).map(|c| format!("case-{c}")).collect();
    // Small cases, together under the paging depth, for an id-by-id check.
    let small_cases: Vec<String> = (CASES - 150..CASES).map(|c| format!("case-{c}")).collect();
    let small: BTreeSet<&str> = small_cases.iter().map(String::as_str).collect();

    let mut truth = vec![0usize; words.len()];
    let mut raw = vec![0usize; words.len()];
    let mut truth_ids: Vec<BTreeSet<String>> = vec![BTreeSet::new(); words.len()];
    let start = Instant::now();
    for doc in Generator::new(args.seed, args.docs) {
        for (i, word) in words.iter().enumerate() {
            if doc.title.contains(word) || doc.summary.contains(word) {
                raw[i] += 1;
            }
            // The fast test first; the slow one finds occurrences with a space inside.
            if occurs(&doc.title, word)
                || occurs(&doc.summary, word)
                || occurs(&without_spaces(&doc.title), word)
                || occurs(&without_spaces(&doc.summary), word)
            {
                truth[i] += 1;
                if small.contains(doc.case_id.as_str()) {
                    truth_ids[i].insert(doc.id.clone());
                }
            }
        }
    }
    println!(
        "scan of the generated text: {:.1} s",
        start.elapsed().as_secs_f64()
    );

    println!(
        "| word | gloss | word tokens | docs with it (raw substring) | found, words only | recall | found, with n-grams | recall | id check (small cases) |"
    );
    println!("|---|---|---|---:|---:|---:|---:|---:|---|");
    let gloss = glossary();
    let (mut sum_truth, mut sum_words, mut sum_full) = (0, 0, 0);
    for (i, word) in words.iter().enumerate() {
        let count = |khmer, cases: &[String], limit| -> Result<(usize, Vec<String>), Error> {
            let q = SearchQuery {
                text: (*word).to_owned(),
                case_ids: cases.to_vec(),
                limit,
                ..SearchQuery::default()
            };
            let results = index.search_with(&q, khmer)?;
            Ok((
                results.total,
                results.hits.into_iter().map(|h| h.id).collect(),
            ))
        };
        let (words_only, _) = count(KhmerMatching::WordsOnly, &all_cases, 0)?;
        let (full, _) = count(KhmerMatching::WordsOrSubstring, &all_cases, 0)?;
        let expected = &truth_ids[i];
        let id_check = if expected.len() <= accord_search::MAX_DEPTH {
            let (total, ids) = count(
                KhmerMatching::WordsOrSubstring,
                &small_cases,
                expected.len().max(1),
            )?;
            let found: BTreeSet<String> = ids.into_iter().collect();
            if &found == expected && total == expected.len() {
                format!("{} = {}", found.len(), expected.len())
            } else {
                format!("MISMATCH {} vs {}", found.len(), expected.len())
            }
        } else {
            "skipped".to_owned()
        };
        sum_truth += truth[i];
        sum_words += words_only;
        sum_full += full;
        println!(
            "| {word} | {} | {} | {} ({}) | {words_only} | {:.3} | {full} | {:.3} | {id_check} |",
            gloss.get(word).copied().unwrap_or(""),
            accord_search::analyze_words(word).join(" + "),
            truth[i],
            raw[i],
            ratio(words_only, truth[i]),
            ratio(full, truth[i]),
        );
    }
    println!(
        "| **all** | | | {sum_truth} | {sum_words} | {:.3} | {sum_full} | {:.3} | |",
        ratio(sum_words, sum_truth),
        ratio(sum_full, sum_truth)
    );
    Ok(())
}

/// The text with spaces removed: Khmer matching ignores them.
fn without_spaces(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '\u{A0}'))
        .collect()
}

/// True if `word` occurs in `text` starting and ending at written-cluster boundaries.
fn occurs(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before != Some('\u{17D2}')
            && !after.is_some_and(|c| ('\u{17B4}'..='\u{17D3}').contains(&c) || c == '\u{17DD}')
    })
}

fn ratio(found: usize, truth: usize) -> f64 {
    if truth == 0 {
        1.0
    } else {
        found as f64 / truth as f64
    }
}

fn glossary() -> BTreeMap<&'static str, &'static str> {
    include_str!("khmer.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.nth(1)?))
        })
        .collect()
}
