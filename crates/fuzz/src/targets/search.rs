//! Search queries: `SearchIndex::search_with` (both Khmer matchings) on an in-memory index of a
//! few Latin and Khmer incidents, with generated query text, scopes, filters, dates and pages;
//! `analyze_words` on the text; now and then an incident with generated text is indexed.

use accord_search::{IncidentDoc, KhmerMatching, SearchIndex, SearchQuery, analyze_words};

use crate::gen_text::{word, words};
use crate::mutate::{mutate_seed, number, special};
use crate::rng::Rng;
use crate::{Target, frame};

pub const TARGET: Target = Target {
    name: "search",
    about: "accord_search::SearchIndex::search_with (query text, case scope, kinds, actors, themes, dates, limit, offset) on an in-memory index; analyze_words; upsert of incidents with generated text",
    generate,
    run,
};

const SEEDS: &[&str] = &[
    "party dissolved",
    "\"opposition party\" court",
    "គណបក្សប្រឆាំង",
    "រំលាយ CNRP",
    "\"ក្រុម អ្នកកាសែត\"",
    "Kem Sokha arrested",
    "\"",
    "\"\"",
    "-x",
    "a*",
    "ក្",
];

fn docs() -> Vec<IncidentDoc> {
    let doc = |id: &str, case: &str, title: &str, summary: &str, kind: &str, d: i32| IncidentDoc {
        id: id.into(),
        case_id: case.into(),
        title: title.into(),
        summary: summary.into(),
        kind: kind.into(),
        date_start: d,
        date_end: d + 10,
        actors: vec!["interior".into()],
        themes: vec!["association".into()],
        restricted: false,
    };
    vec![
        doc(
            "i1",
            "c1",
            "Opposition party dissolved",
            "The court dissolved the CNRP.",
            "dissolution",
            17_000,
        ),
        doc(
            "i2",
            "c1",
            "គណបក្សប្រឆាំងត្រូវបានរំលាយ",
            "តុលាការកំពូលបានរំលាយគណបក្សសង្គ្រោះជាតិ។",
            "dissolution",
            17_100,
        ),
        doc(
            "i3",
            "c2",
            "Journalist arrested",
            "អ្នកកាសែត arrested in Phnom Penh",
            "arrest",
            17_200,
        ),
        doc("i4", "c2", "", "", "other", i32::MIN),
    ]
}

thread_local! {
    static INDEX: Option<SearchIndex> = {
        SearchIndex::in_memory().ok().filter(|index| index.upsert(&docs()).is_ok())
    };
}

fn list(rng: &mut Rng, pool: &[&str]) -> String {
    let n = rng.small(4);
    (0..n)
        .map(|_| {
            if rng.one_in(5) {
                special(rng)
            } else {
                (rng.pick(pool)).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

fn int(rng: &mut Rng, typical: usize) -> String {
    match rng.below(10) {
        0 => number(rng),
        1 => String::new(),
        2 => usize::MAX.to_string(),
        3 => i32::MIN.to_string(),
        4 => i32::MAX.to_string(),
        _ => rng.below(typical).to_string(),
    }
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    let text = match rng.below(6) {
        0 | 1 => mutate_seed(rng, SEEDS, &["\"", "(", "ក្"], 1500),
        2 => {
            let n = rng.range(1, 400);
            (0..n)
                .map(|_| word(rng))
                .collect::<Vec<_>>()
                .join(if rng.one_in(2) { " " } else { "" })
        }
        _ => {
            let mut s = String::new();
            for _ in 0..rng.small(10) {
                if rng.one_in(3) {
                    s.push('"');
                    s.push_str(&words(rng, 4));
                    if !rng.one_in(4) {
                        s.push('"');
                    }
                } else {
                    s.push_str(&word(rng));
                }
                s.push(' ');
            }
            s
        }
    };
    let upsert = if rng.one_in(500) {
        words(rng, 30)
    } else {
        String::new()
    };
    frame::encode(&[
        text,
        list(rng, &["c1", "c2", "c3", ""]),
        list(rng, &["dissolution", "arrest", "x"]),
        list(rng, &["interior", "x"]),
        list(rng, &["association", "x"]),
        int(rng, 40_000),
        int(rng, 40_000),
        int(rng, 50),
        int(rng, 10_010),
        if rng.one_in(2) {
            "1".into()
        } else {
            String::new()
        },
        upsert,
    ])
}

fn split(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\u{1f}').map(str::to_owned).collect()
    }
}

fn run(input: &[u8]) -> Result<(), String> {
    let p = frame::decode_text(input, 11);
    let _ = analyze_words(&p[0]);
    let q = SearchQuery {
        text: p[0].clone(),
        case_ids: split(&p[1]),
        kinds: split(&p[2]),
        actors: split(&p[3]),
        themes: split(&p[4]),
        date_from: p[5].parse().ok(),
        date_to: p[6].parse().ok(),
        exclude_ids: Vec::new(),
        limit: p[7].parse().unwrap_or(10),
        offset: p[8].parse().unwrap_or(0),
    };
    let khmer = if p[9].is_empty() {
        KhmerMatching::WordsOrSubstring
    } else {
        KhmerMatching::WordsOnly
    };
    INDEX.with(|index| {
        let Some(index) = index else {
            return Err("the in-memory index does not open".to_owned());
        };
        if !p[10].is_empty() {
            let doc = IncidentDoc {
                id: "fuzz".into(),
                case_id: "c1".into(),
                title: p[10].clone(),
                summary: p[0].clone(),
                kind: "other".into(),
                date_start: 17_000,
                date_end: 17_001,
                actors: Vec::new(),
                themes: Vec::new(),
                // Half the time restricted: the query then merges the index's two parts.
                restricted: p[10].len() % 2 == 1,
            };
            let _ = index.upsert(&[doc]);
        }
        if let Ok(results) = index.search_with(&q, khmer)
            && results.hits.len() > q.limit
        {
            return Err(format!(
                "{} hits for a limit of {}",
                results.hits.len(),
                q.limit
            ));
        }
        Ok(())
    })
}
