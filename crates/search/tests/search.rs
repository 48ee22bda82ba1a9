//! Behaviour of the search index through its public API: Khmer and Latin matching, phrases,
//! filters, paging, writes, persistence, and the case scope that is Accord's access control.
#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions unwrap too; a failure is a test failure"
)]

use std::sync::Arc;

use accord_search::{
    IncidentDoc, KhmerMatching, MAX_DEPTH, MAX_TEXT_BYTES, RecordDoc, SearchError, SearchIndex,
    SearchKind, SearchQuery, record_doc_id,
};

const FIXTURE: &str = include_str!("data/incidents.tsv");

fn fixture() -> Vec<IncidentDoc> {
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    };
    FIXTURE
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 9, "bad fixture line: {line}");
            IncidentDoc {
                id: f[0].to_owned(),
                case_id: f[1].to_owned(),
                kind: f[2].to_owned(),
                date_start: f[3].parse().unwrap(),
                date_end: f[4].parse().unwrap(),
                actors: list(f[5]),
                themes: list(f[6]),
                title: f[7].to_owned(),
                summary: f[8].to_owned(),
                restricted: false,
            }
        })
        .collect()
}

fn loaded() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.upsert(&fixture()).unwrap();
    index
}

fn scoped(text: &str, cases: &[&str]) -> SearchQuery {
    SearchQuery {
        text: text.to_owned(),
        case_ids: cases.iter().map(|c| (*c).to_owned()).collect(),
        limit: 100,
        ..SearchQuery::default()
    }
}

/// Runs `q` and checks the set of ids found and the total, ignoring order.
fn check_query(index: &SearchIndex, q: &SearchQuery, expected: &[&str]) {
    let results = index.search(q).unwrap();
    let mut ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(ids, want, "query {q:?}");
    assert_eq!(results.total, expected.len(), "total of {q:?}");
}

/// Text searched in case c1 only.
fn check(index: &SearchIndex, text: &str, expected: &[&str]) {
    check_query(index, &scoped(text, &["c1"]), expected);
}

fn ids(index: &SearchIndex, q: &SearchQuery) -> Vec<String> {
    index
        .search(q)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn khmer_words_inside_khmer_sentences() {
    let index = loaded();
    let cases: &[(&str, &[&str])] = &[
        // "law": a word of its own in i1 and i5, glued into ច្បាប់ទម្លាប់ ("customary law") in
        // i7, where only the n-gram fallback finds it. i8 has it too but is in case c2.
        ("ច្បាប់", &["i1", "i5", "i7"]),
        // "civil society": the segmenter cuts it in two, so the query becomes a phrase.
        ("សង្គមស៊ីវិល", &["i3", "i5", "i9"]),
        ("សង្គម ស៊ីវិល", &["i3", "i5", "i9"]),
        ("\"សង្គមស៊ីវិល\"", &["i3", "i5", "i9"]),
        // "arrest" (ចាប់ខ្លួន) and its first syllable "catch", inside it.
        ("ចាប់ខ្លួន", &["i3"]),
        ("ចាប់", &["i3"]),
        // "Supreme Court" + "dissolve": two words, both required.
        ("តុលាការកំពូល រំលាយ", &["i4"]),
        ("តុលាការកំពូល ច្បាប់", &[]),
        // Punctuation and invisible characters in the query do not matter.
        ("ច្បាប់។", &["i1", "i5", "i7"]),
        ("ច្បា\u{200B}ប់", &["i1", "i5", "i7"]),
        // Words that occur nowhere.
        ("ព្រហ្មទណ្ឌ", &[]),
    ];
    for (text, expected) in cases {
        check(&index, text, expected);
    }
}

#[test]
fn latin_words_case_and_accents() {
    let index = loaded();
    let cases: &[(&str, &[&str])] = &[
        ("KEM sokha", &["i3"]),
        ("kem", &["i3"]),
        ("arrested", &["i3", "i9"]),
        ("law", &["i1", "i5", "i7"]),
        ("conference", &["i6"]),
        ("CONFÉRENCE", &["i6"]),
        ("denoncent", &["i6"]),
        ("phnom penh", &["i6", "i9"]),
        // All words must match.
        ("kem radio", &[]),
        ("zzzz", &[]),
        // Text with nothing searchable in it matches nothing (it is not "no text").
        ("!!! ។ --", &[]),
    ];
    for (text, expected) in cases {
        check(&index, text, expected);
    }
}

#[test]
fn phrases_keep_word_order() {
    let index = loaded();
    let cases: &[(&str, &[&str])] = &[
        ("civil society", &["i5"]),
        ("society civil", &["i5"]),
        ("\"civil society\"", &["i5"]),
        ("\"society civil\"", &[]),
        ("“Kem Sokha”", &["i3"]),
        ("\"sokha kem\"", &[]),
        ("\"phnom penh\" arrested", &["i9"]),
        // Words of the title and of the summary are not one phrase.
        ("\"closed អាជ្ញាធរ\"", &[]),
        ("closed អាជ្ញាធរ", &["i2"]),
    ];
    for (text, expected) in cases {
        check(&index, text, expected);
    }
}

#[test]
fn mixed_khmer_and_english_queries() {
    let index = loaded();
    let cases: &[(&str, &[&str])] = &[
        ("ច្បាប់ law", &["i1", "i5", "i7"]),
        ("Kem ចាប់ខ្លួន", &["i3"]),
        ("journalists ស៊ីវិល", &["i9"]),
        ("journalists ច្បាប់", &[]),
        // Glued together, the words must touch in the text too.
        ("RFAក្រុម", &[]),
        ("ក្រុមសង្គម", &["i9"]),
    ];
    for (text, expected) in cases {
        check(&index, text, expected);
    }
}

#[test]
fn dictionary_words_alone_miss_glued_occurrences() {
    // What the n-gram fallback is for: ច្បាប់ glued into ច្បាប់ទម្លាប់ (i7) is not a word of its
    // own, so matching dictionary words only misses it.
    let index = loaded();
    let q = scoped("ច្បាប់", &["c1"]);
    let mut words_only: Vec<String> = index
        .search_with(&q, KhmerMatching::WordsOnly)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    words_only.sort();
    assert_eq!(words_only, ["i1", "i5"]);
    // Occurrences found both ways rank above the substring-only one.
    let ranked = ids(&index, &q);
    assert_eq!(ranked.last().map(String::as_str), Some("i7"), "{ranked:?}");
}

#[test]
fn case_scope_is_enforced() {
    let index = loaded();
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("law", &["c2"], &["i8"]),
        ("law", &["c1", "c2"], &["i1", "i5", "i7", "i8"]),
        ("ច្បាប់", &["c2"], &["i8"]),
        ("ច្បាប់", &["c3"], &[]),
        // Case c3 holds the letters of សង្គមស៊ីវិល with a space inside (i10), which Khmer
        // matching ignores, and split between title and summary (i11), which it does not.
        ("សង្គមស៊ីវិល", &["c3"], &["i10"]),
        ("មស៊ីវិល", &["c3"], &["i10", "i11"]),
        ("kem", &["c2"], &[]),
        // No case in scope: nothing, whatever the text or filters.
        ("law", &[], &[]),
        ("", &[], &[]),
        // Filters only: every incident of the case and no other.
        (
            "",
            &["c1"],
            &["i1", "i2", "i3", "i4", "i5", "i6", "i7", "i9"],
        ),
        ("", &["c2"], &["i8"]),
        // A case id that is a prefix of another does not match it.
        ("law", &["c"], &[]),
    ];
    for (text, scope, expected) in cases {
        check_query(&index, &scoped(text, scope), expected);
    }
    // The total counts only what is in scope, even when the page is empty.
    let mut q = scoped("law", &["c1"]);
    q.limit = 0;
    let results = index.search(&q).unwrap();
    assert_eq!((results.total, results.hits.len()), (3, 0));
    // Every hit reports its case, and it is one of the scope.
    let results = index.search(&scoped("law", &["c1", "c2"])).unwrap();
    assert!(
        results
            .hits
            .iter()
            .all(|h| h.case_id == "c1" || h.case_id == "c2")
    );
    assert!(
        results
            .hits
            .iter()
            .any(|h| h.id == "i8" && h.case_id == "c2")
    );
}

#[test]
fn every_way_of_checking_the_scope_agrees() {
    // The scope is checked through case postings (one case, or a few small ones) or on the case
    // column (many cases, or a large share of the index). 200 filler incidents in other cases,
    // with the same words, make the fixture cases small enough for the postings path.
    let index = loaded();
    let filler: Vec<IncidentDoc> = (0..200)
        .map(|n| IncidentDoc {
            id: format!("filler-{n}"),
            case_id: format!("other-{}", n % 20),
            ..fixture()[n % 9].clone()
        })
        .collect();
    index.upsert(&filler).unwrap();
    let many: Vec<String> = (0..30).map(|n| format!("c{n}")).collect();
    let scopes: Vec<Vec<String>> = vec![
        vec!["c1".into()],
        vec!["c2".into(), "c3".into()],
        vec!["c1".into(), "c3".into(), "nowhere".into()],
        many,
        (0..20)
            .map(|n| format!("other-{n}"))
            .chain(["c2".into()])
            .collect(),
    ];
    for scope in &scopes {
        for text in ["", "law", "ច្បាប់", "សង្គមស៊ីវិល"] {
            let mut q = scoped(text, &[]);
            q.case_ids.clone_from(scope);
            q.limit = 1000;
            let results = index.search(&q).unwrap();
            assert_eq!(results.total, results.hits.len(), "{q:?}");
            assert!(
                results.hits.iter().all(|h| scope.contains(&h.case_id)),
                "hit outside {scope:?} for {text:?}"
            );
            if text.is_empty() {
                // Filters only: exactly the incidents of the scope, counted from the data.
                let fixture_in_scope = fixture()
                    .iter()
                    .filter(|d| scope.contains(&d.case_id))
                    .count();
                let filler_in_scope = filler.iter().filter(|d| scope.contains(&d.case_id)).count();
                assert_eq!(
                    results.total,
                    fixture_in_scope + filler_in_scope,
                    "{scope:?}"
                );
            }
        }
    }
}

#[test]
fn filters() {
    let index = loaded();
    let base = || scoped("", &["c1"]);
    let cases: Vec<(SearchQuery, &[&str])> = vec![
        (
            SearchQuery {
                kinds: vec!["arrest".into()],
                ..base()
            },
            &["i3", "i9"],
        ),
        (
            SearchQuery {
                kinds: vec!["arrest".into(), "closure".into()],
                ..base()
            },
            &["i2", "i3", "i9"],
        ),
        (
            SearchQuery {
                kinds: vec!["nothing".into()],
                ..base()
            },
            &[],
        ),
        (
            SearchQuery {
                actors: vec!["gov".into()],
                ..base()
            },
            &["i1", "i2", "i3", "i9"],
        ),
        (
            SearchQuery {
                themes: vec!["elections".into()],
                ..base()
            },
            &["i3", "i4"],
        ),
        (
            SearchQuery {
                themes: vec!["elections".into()],
                actors: vec!["cnrp".into()],
                ..base()
            },
            &["i4"],
        ),
        // Incidents overlapping the range: i2 runs from 17400 to 17420.
        (
            SearchQuery {
                date_from: Some(17_400),
                date_to: Some(17_412),
                ..base()
            },
            &["i2", "i3"],
        ),
        (
            SearchQuery {
                date_from: Some(17_413),
                ..base()
            },
            &["i2", "i4", "i5"],
        ),
        (
            SearchQuery {
                date_to: Some(17_000),
                ..base()
            },
            &["i6", "i7"],
        ),
        (
            SearchQuery {
                date_from: Some(17_421),
                date_to: Some(17_471),
                ..base()
            },
            &[],
        ),
        // Text and filters together.
        (
            SearchQuery {
                text: "ច្បាប់".into(),
                kinds: vec!["legislation".into()],
                ..base()
            },
            &["i1", "i7"],
        ),
        (
            SearchQuery {
                text: "arrested".into(),
                actors: vec!["kem-sokha".into()],
                ..base()
            },
            &["i3"],
        ),
    ];
    for (q, expected) in &cases {
        check_query(&index, q, expected);
    }
}

#[test]
fn filter_only_results_are_newest_first_and_page() {
    let index = loaded();
    let page = |offset, limit| {
        let q = SearchQuery {
            offset,
            limit,
            ..scoped("", &["c1"])
        };
        let results = index.search(&q).unwrap();
        assert_eq!(results.total, 8, "{q:?}");
        results.hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(page(0, 3), ["i5", "i4", "i3"]);
    assert_eq!(page(3, 3), ["i2", "i1", "i9"]);
    assert_eq!(page(6, 3), ["i6", "i7"]);
    assert!(page(9, 3).is_empty());
    assert!(page(0, 0).is_empty());
    assert_eq!(page(0, 100).len(), 8);
}

#[test]
fn scored_results_page_without_overlap() {
    let index = loaded();
    let all = ids(&index, &scoped("law", &["c1", "c2"]));
    assert_eq!(all.len(), 4);
    let mut paged = Vec::new();
    for offset in [0, 2] {
        let q = SearchQuery {
            offset,
            limit: 2,
            ..scoped("law", &["c1", "c2"])
        };
        let results = index.search(&q).unwrap();
        assert_eq!(results.total, 4);
        paged.extend(results.hits.into_iter().map(|h| h.id));
    }
    assert_eq!(paged, all);
}

#[test]
fn upsert_replaces_by_id() {
    let index = loaded();
    assert_eq!(index.doc_count(), 11);
    let mut radio = fixture().remove(1);
    assert_eq!(radio.id, "i2");
    radio.title = "Radio licences revoked".into();
    radio.summary = "ក្រសួងព័ត៌មានបានដកហូតអាជ្ញាប័ណ្ណ".into();
    index.upsert(&[radio]).unwrap();
    assert_eq!(index.doc_count(), 11);
    check(&index, "closed", &[]);
    check(&index, "អាជ្ញាធរ", &[]);
    check(&index, "revoked", &["i2"]);
    check(&index, "អាជ្ញាប័ណ្ណ", &["i2"]);

    // Twice in one batch: the last version wins.
    let mut first = fixture().remove(0);
    let mut second = first.clone();
    first.title = "alpha".into();
    second.title = "beta".into();
    index.upsert(&[first, second]).unwrap();
    assert_eq!(index.doc_count(), 11);
    check(&index, "alpha", &[]);
    check(&index, "beta", &["i1"]);

    // Moving an incident to another case moves it out of the old scope.
    let mut moved = fixture().remove(2);
    moved.case_id = "c2".into();
    index.upsert(&[moved]).unwrap();
    check(&index, "kem", &[]);
    check_query(&index, &scoped("kem", &["c2"]), &["i3"]);
}

#[test]
fn delete_removes() {
    let index = loaded();
    index.delete(&["i3", "no-such-id"]).unwrap();
    assert_eq!(index.doc_count(), 10);
    check(&index, "kem", &[]);
    check(&index, "arrested", &["i9"]);
    index.delete(&[]).unwrap();
    assert_eq!(index.doc_count(), 10);
}

#[test]
fn delete_case_removes_that_case_only_from_both_parts() {
    let index = loaded();
    let in_c1 = fixture().iter().filter(|d| d.case_id == "c1").count() as u64;
    let mut secret = fixture().remove(0);
    secret.id = "c1/secret".into();
    secret.restricted = true;
    index.upsert(&[secret]).unwrap();
    assert_eq!(index.restricted_count(), 1);
    index.delete_case("c1").unwrap();
    assert_eq!(
        index.doc_count(),
        11 - in_c1,
        "the other cases' incidents stay"
    );
    assert_eq!(index.restricted_count(), 0, "the in-memory part too");
    check(&index, "kem", &[]);
    check_query(&index, &scoped("associations", &["c2"]), &["i8"]);
    index.delete_case("no-such-case").unwrap();
    assert_eq!(index.doc_count(), 11 - in_c1);
}

#[test]
fn rebuild_replaces_everything() {
    let index = loaded();
    let kept: Vec<IncidentDoc> = fixture()
        .into_iter()
        .filter(|d| d.kind == "arrest")
        .collect();
    assert_eq!(index.rebuild(kept.into_iter()).unwrap(), 2);
    assert_eq!(index.doc_count(), 2);
    check(&index, "law", &[]);
    check(&index, "arrested", &["i3", "i9"]);
    // Writes keep working after a rebuild.
    index.upsert(&fixture()[..1]).unwrap();
    check(&index, "law", &["i1"]);
}

#[test]
fn invalid_documents_are_refused_whole_batch() {
    let index = SearchIndex::in_memory().unwrap();
    let good = fixture().remove(0);
    let bad_cases: Vec<(IncidentDoc, &str)> = vec![
        (
            IncidentDoc {
                id: String::new(),
                ..good.clone()
            },
            "id",
        ),
        (
            IncidentDoc {
                case_id: String::new(),
                ..good.clone()
            },
            "case_id",
        ),
        (
            IncidentDoc {
                date_end: good.date_start - 1,
                ..good.clone()
            },
            "date_end",
        ),
    ];
    for (bad, field) in bad_cases {
        let mut other = good.clone();
        other.id = "other".into();
        match index.upsert(&[other, bad]) {
            Err(SearchError::InvalidDoc { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidDoc on {field}, got {other:?}"),
        }
        assert_eq!(index.doc_count(), 0);
        // A rebuild with a bad document keeps the previous contents.
        let mut bad_again = good.clone();
        bad_again.id = String::new();
        assert!(
            index
                .rebuild(vec![good.clone(), bad_again].into_iter())
                .is_err()
        );
        assert_eq!(index.doc_count(), 0);
    }
}

#[test]
fn bad_queries_are_errors_not_panics() {
    let index = loaded();
    let too_long = scoped(&"a ".repeat(MAX_TEXT_BYTES), &["c1"]);
    assert!(matches!(
        index.search(&too_long),
        Err(SearchError::QueryTooLong { .. })
    ));
    let deep = SearchQuery {
        offset: MAX_DEPTH,
        limit: 1,
        ..scoped("law", &["c1"])
    };
    assert!(matches!(
        index.search(&deep),
        Err(SearchError::PageTooDeep { .. })
    ));
    let overflow = SearchQuery {
        offset: usize::MAX,
        limit: 10,
        ..scoped("law", &["c1"])
    };
    assert!(matches!(
        index.search(&overflow),
        Err(SearchError::PageTooDeep { .. })
    ));
    let backwards = SearchQuery {
        date_from: Some(10),
        date_to: Some(9),
        ..scoped("", &["c1"])
    };
    assert!(matches!(
        index.search(&backwards),
        Err(SearchError::DateRange { .. })
    ));
    // Odd but harmless text is searched, not rejected.
    for text in [
        "\"", "\"\"\"", "«", "-", "\u{200B}", "\u{301}", "a\"b\"c", "ច្",
    ] {
        index.search(&scoped(text, &["c1"])).unwrap();
    }
}

#[test]
fn persists_on_disk_and_checks_the_version() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("search");
    {
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.doc_count(), 0);
        index.upsert(&fixture()).unwrap();
    }
    {
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.doc_count(), 11);
        check(&index, "ច្បាប់", &["i1", "i5", "i7"]);
    }
    std::fs::write(dir.join("accord-search-version"), "0").unwrap();
    match SearchIndex::open(&dir) {
        Err(SearchError::SchemaVersion { found, .. }) => assert_eq!(found, "0"),
        other => panic!("expected a version error, got {other:?}"),
    }

    // A directory with other files in it is not taken over.
    let busy = tmp.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("notes.txt"), "mine").unwrap();
    assert!(matches!(
        SearchIndex::open(&busy),
        Err(SearchError::NotAnIndex { .. })
    ));
}

#[test]
fn shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<SearchIndex>();

    let index = Arc::new(loaded());
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let index = Arc::clone(&index);
            std::thread::spawn(move || {
                for _ in 0..20 {
                    let found = ids(&index, &scoped("ច្បាប់", &["c1"]));
                    // Writers below only touch i9, so the answer never changes.
                    assert_eq!(found.len(), 3, "{found:?}");
                }
            })
        })
        .collect();
    let mut journalist = fixture().remove(8);
    for n in 0..10 {
        journalist.title = format!("update {n}");
        index.upsert(std::slice::from_ref(&journalist)).unwrap();
    }
    for reader in readers {
        reader.join().unwrap();
    }
    check(&index, "update 9", &["i9"]);
}

/// Every file under `dir`, read whole.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

#[test]
fn restricted_incidents_are_found_but_never_written_to_the_directory() {
    const MARKER: &str = "zqxjmarkerrestricted";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("search");
    let mut docs = fixture();
    let secret = IncidentDoc {
        id: "secret".into(),
        case_id: "c1".into(),
        kind: "arrest".into(),
        date_start: 17_000,
        date_end: 17_000,
        title: format!("Witness {MARKER} statement"),
        summary: "ច្បាប់ witness".into(),
        restricted: true,
        ..IncidentDoc::default()
    };
    docs.push(secret.clone());
    let index = SearchIndex::open(&dir).unwrap();
    index.rebuild(docs.into_iter()).unwrap();
    assert_eq!(index.doc_count(), 12);
    assert_eq!(index.restricted_count(), 1);
    // Found by its text, and merged with the incidents on disk for words both have.
    check(&index, MARKER, &["secret"]);
    check(&index, "ច្បាប់", &["i1", "i5", "i7", "secret"]);
    // Excluded like any other document when the reader may not see it.
    let mut q = scoped("ច្បាប់", &["c1"]);
    q.exclude_ids = vec!["secret".into()];
    check_query(&index, &q, &["i1", "i5", "i7"]);
    // Filter-only queries merge by date, newest first, and page across both parts.
    let all = SearchQuery {
        case_ids: vec!["c1".into()],
        limit: 100,
        ..SearchQuery::default()
    };
    let dates: Vec<i64> = index
        .search(&all)
        .unwrap()
        .hits
        .iter()
        .map(|h| h.date_start)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let page = |offset| {
        ids(
            &index,
            &SearchQuery {
                offset,
                limit: 2,
                ..all.clone()
            },
        )
    };
    let whole = ids(&index, &all);
    assert_eq!([page(0), page(2)].concat(), whole[..4].to_vec());
    // Upserted again (an edit) it stays off the disk; made public, it moves there.
    index.upsert(std::slice::from_ref(&secret)).unwrap();
    drop(index);
    for (path, bytes) in files_under(&dir) {
        assert!(
            !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
            "{} holds the restricted text",
            path.display()
        );
    }
    let index = SearchIndex::open(&dir).unwrap();
    assert_eq!(index.restricted_count(), 0, "the memory part starts empty");
    index.upsert(std::slice::from_ref(&secret)).unwrap();
    let public = IncidentDoc {
        restricted: false,
        ..secret
    };
    index.upsert(std::slice::from_ref(&public)).unwrap();
    assert_eq!(index.restricted_count(), 0);
    check(&index, MARKER, &["secret"]);
}

// --- Records other than incidents: actors, sources, instruments, provisions, mechanisms ---

/// Records of case c1 (and one of c2), each holding its original and its translations the way
/// the server gives them: titles in `title`, other fields in `text`, a line per language.
fn records() -> Vec<RecordDoc> {
    let doc = |kind, id: &str, title: &str, text: &str| RecordDoc {
        kind,
        id: id.into(),
        case_id: "c1".into(),
        title: title.into(),
        text: text.into(),
        restricted: false,
    };
    vec![
        doc(
            SearchKind::Actor,
            "moi",
            "Ministry of Interior\nក្រសួងមហាផ្ទៃ\nMinistère de l’Intérieur",
            "",
        ),
        doc(
            SearchKind::Source,
            "cchr-2017",
            "Closure of the Cambodia Daily\nការបិទកាសែតខេមបូឌាដេលី\nFermeture du Cambodia Daily",
            "Report on the tax bill\nRapport sur l’avis d’imposition",
        ),
        doc(
            SearchKind::Instrument,
            "ppa",
            "Paris Peace Agreements\nកិច្ចព្រមព្រៀងសន្តិភាពទីក្រុងប៉ារីស\nAccords de paix de Paris",
            "Signed in 1991\nSignés à Paris en 1991",
        ),
        doc(
            SearchKind::Provision,
            "PPA Art. 15(1)",
            "PPA Art. 15(1)\nHuman rights\nសិទ្ធិមនុស្ស\nDroits de l’homme",
            "All persons in Cambodia shall enjoy the rights\nToutes les personnes au Cambodge jouiront des droits",
        ),
        doc(
            SearchKind::Mechanism,
            "ppa-art-29",
            "Co-chairs consult the signatories\nសហប្រធានពិគ្រោះជាមួយហត្ថលេខី\nLes coprésidents consultent les signataires",
            "Consult on appropriate steps\nSe concerter sur les mesures appropriées",
        ),
        RecordDoc {
            case_id: "c2".into(),
            ..doc(SearchKind::Actor, "moi", "Ministère de l’Intérieur", "")
        },
    ]
}

fn record_index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild_records(records().into_iter()).unwrap();
    index
}

/// The records `q` finds, as `kind:id`, sorted.
fn record_ids(index: &SearchIndex, q: &SearchQuery) -> Vec<String> {
    let found = index.search_records(q).unwrap();
    assert_eq!(
        found.total,
        found.hits.len(),
        "the whole result fits the page"
    );
    let mut out: Vec<String> = found
        .hits
        .iter()
        .map(|h| format!("{}:{}", h.kind.as_str(), h.id))
        .collect();
    out.sort();
    out
}

fn check_records(index: &SearchIndex, text: &str, expected: &[&str]) {
    assert_eq!(
        record_ids(index, &scoped(text, &["c1"])),
        expected,
        "records found by {text:?}"
    );
}

#[test]
fn records_are_found_by_each_of_their_languages() {
    let index = record_index();
    assert_eq!(index.record_count(), 6);
    // Khmer, as one word of a sentence and as a word the segmenter glues to others.
    check_records(&index, "ក្រសួងមហាផ្ទៃ", &["actor:moi"]);
    check_records(&index, "មហាផ្ទៃ", &["actor:moi"]);
    check_records(&index, "កាសែត", &["source:cchr-2017"]);
    check_records(&index, "សន្តិភាព", &["instrument:ppa"]);
    check_records(&index, "សិទ្ធិមនុស្ស", &["provision:PPA Art. 15(1)"]);
    check_records(&index, "ហត្ថលេខី", &["mechanism:ppa-art-29"]);
    // French, with and without its accents, in either case.
    check_records(&index, "Ministère", &["actor:moi"]);
    check_records(&index, "ministere interieur", &["actor:moi"]);
    check_records(&index, "avis d’imposition", &["source:cchr-2017"]);
    check_records(&index, "signes", &["instrument:ppa"]);
    check_records(&index, "coprésidents", &["mechanism:ppa-art-29"]);
    check_records(&index, "mesures appropriees", &["mechanism:ppa-art-29"]);
    check_records(
        &index,
        "\"droits de l'homme\"",
        &["provision:PPA Art. 15(1)"],
    );
    // English originals and words several kinds share.
    check_records(&index, "paris", &["instrument:ppa"]);
    check_records(
        &index,
        "cambodia",
        &["provision:PPA Art. 15(1)", "source:cchr-2017"],
    );
    check_records(&index, "nowhere", &[]);
}

#[test]
fn records_are_filtered_by_kind_scoped_by_case_and_excluded_by_id() {
    let index = record_index();
    let mut q = scoped("cambodia", &["c1"]);
    q.kinds = vec!["source".into()];
    assert_eq!(record_ids(&index, &q), ["source:cchr-2017"]);
    q.kinds = vec!["actor".into(), "provision".into()];
    assert_eq!(record_ids(&index, &q), ["provision:PPA Art. 15(1)"]);
    let mut q = scoped("consult", &["c1"]);
    q.kinds = vec!["mechanism".into()];
    assert_eq!(record_ids(&index, &q), ["mechanism:ppa-art-29"]);
    q.kinds = vec!["instrument".into()];
    assert!(record_ids(&index, &q).is_empty());
    // The case scope is access control, as for incidents.
    assert_eq!(
        record_ids(&index, &scoped("ministere", &["c2"])),
        ["actor:moi"]
    );
    assert_eq!(
        index
            .search_records(&scoped("ministere", &["c1", "c2"]))
            .unwrap()
            .total,
        2
    );
    assert!(record_ids(&index, &scoped("ministere", &[])).is_empty());
    // A record the reader may not see is neither found nor counted.
    let mut hidden = scoped("ministere", &["c1", "c2"]);
    hidden.exclude_ids = vec![record_doc_id("c1", SearchKind::Actor, "moi")];
    let found = index.search_records(&hidden).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].case_id, "c2");
    // Incident queries never see records, nor record queries incidents.
    assert_eq!(index.doc_count(), 0);
    assert_eq!(
        index.search(&scoped("ministere", &["c1"])).unwrap().total,
        0
    );
    let both = SearchIndex::in_memory().unwrap();
    both.rebuild(fixture().into_iter()).unwrap();
    both.rebuild_records(records().into_iter()).unwrap();
    assert_eq!(
        record_ids(&both, &scoped("ច្បាប់", &["c1"])),
        Vec::<String>::new()
    );
    assert!(both.search(&scoped("ច្បាប់", &["c1"])).unwrap().total > 0);
    // Actor and theme filters name incidents' links: no record has any.
    let mut by_actor = scoped("ministere", &["c1"]);
    by_actor.actors = vec!["moi".into()];
    assert!(record_ids(&index, &by_actor).is_empty());
}

#[test]
fn record_writes_replace_delete_and_keep_restricted_text_off_the_disk() {
    const MARKER: &str = "zqxjrestrictedactor";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("search");
    let index = SearchIndex::open(&dir).unwrap();
    index.rebuild_records(records().into_iter()).unwrap();
    let mut actor = records().remove(0);
    // Replaced by case, kind and id: the old text no longer finds it.
    actor.title = "Ministry of Interior\nMinistère de l’Intérieur".into();
    index.upsert_records(std::slice::from_ref(&actor)).unwrap();
    check_records(&index, "ក្រសួងមហាផ្ទៃ", &[]);
    check_records(&index, "interieur", &["actor:moi"]);
    // Restricted: found in memory, never written to the directory.
    let secret = RecordDoc {
        id: "witness".into(),
        title: format!("Witness {MARKER}"),
        restricted: true,
        ..actor.clone()
    };
    index.upsert_records(std::slice::from_ref(&secret)).unwrap();
    check_records(&index, MARKER, &["actor:witness"]);
    index
        .delete_records(&[("c1", SearchKind::Source, "cchr-2017")])
        .unwrap();
    check_records(&index, "daily", &[]);
    check_records(&index, "fermeture", &[]);
    // An invalid record is refused whole and leaves the index as it was.
    let bad = RecordDoc {
        case_id: "c/1".into(),
        ..actor.clone()
    };
    assert!(matches!(
        index.rebuild_records(vec![actor.clone(), bad].into_iter()),
        Err(SearchError::InvalidDoc { .. })
    ));
    check_records(&index, "interieur", &["actor:moi"]);
    drop(index);
    for (path, bytes) in files_under(&dir) {
        assert!(
            !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
            "{} holds the restricted text",
            path.display()
        );
    }
    // Reopened: what is on disk is still there, the restricted record is not.
    let index = SearchIndex::open(&dir).unwrap();
    check_records(&index, "interieur", &["actor:moi"]);
    check_records(&index, MARKER, &[]);
    // A case deleted takes its records with it.
    index.delete_case("c1").unwrap();
    check_records(&index, "interieur", &[]);
    assert_eq!(
        record_ids(&index, &scoped("interieur", &["c2"])),
        ["actor:moi"]
    );
}

/// An index opened where there was none says so, and so does one whose records directory went
/// missing: the server rebuilds them whatever its mark of being in step says.
#[test]
fn an_index_says_when_opening_created_a_part_of_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("search");
    let index = SearchIndex::open(&dir).unwrap();
    assert!(index.created());
    index.rebuild_records(records().into_iter()).unwrap();
    drop(index);
    let index = SearchIndex::open(&dir).unwrap();
    assert!(!index.created());
    assert_eq!(index.record_count(), 6);
    drop(index);
    std::fs::remove_dir_all(dir.join("records")).unwrap();
    let index = SearchIndex::open(&dir).unwrap();
    assert!(index.created());
    assert_eq!(index.record_count(), 0);
}
