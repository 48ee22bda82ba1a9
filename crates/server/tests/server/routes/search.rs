//! Search over every kind of record (issue 16 §2): actors, sources, instruments, provisions and
//! mechanisms are found by any of their languages (Khmer, French with or without its accents), shown in the
//! reader's language where they have it, else the original marked, linked to their pages, and
//! filtered by kind; the index follows translations written elsewhere and rebuilds with them; a
//! record a reader may not see is not found by them, by any of its languages.

use accord_core::CaseRole;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::routes::support::{CASE, Reply, TestApp, Who};

const SEARCH: &str = "/cases/example-2030/search";

fn reading(who: &Who, lang: &str) -> Who {
    Who {
        cookie: Some(format!(
            "{}; accord_lang={lang}",
            who.cookie.clone().unwrap_or_default()
        )),
        csrf: who.csrf.clone(),
    }
}

fn q(text: &str, kind: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", text)
        .append_pair("kind", kind)
        .finish();
    format!("{SEARCH}?{query}")
}

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: &serde_json::Value,
) -> Reply {
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(req).await
}

/// Translations of an actor (Khmer), a source (French) and an instrument (Khmer, French),
/// written through the API as a translator would.
async fn translate(app: &TestApp, token: &str) {
    for body in [
        json!({"kind": "actor", "id": "interior", "lang": "km", "fields": {"name": "ក្រសួងមហាផ្ទៃ"}}),
        json!({"kind": "actor", "id": "interior", "lang": "fr", "fields": {"name": "Ministère de l’Intérieur"}}),
        json!({"kind": "source", "id": "gazette-2030-02", "lang": "fr", "fields": {"title": "Parti d’opposition dissous"}}),
        json!({"kind": "instrument", "id": "FPA", "lang": "km", "fields": {"title": "កិច្ចព្រមព្រៀងសន្តិភាពហ្វ្រីដូនា"}}),
        json!({"kind": "provision", "id": "FPA Art. 3(1)", "lang": "km", "fields": {"heading": "សេរីភាពក្នុងការបង្កើតសមាគម"}}),
    ] {
        let r = api(
            app,
            Method::POST,
            &format!("/api/v1/cases/{CASE}/translations"),
            token,
            &body,
        )
        .await;
        assert!(r.status.is_success(), "{body}: {} {}", r.status, r.body);
    }
}

#[tokio::test]
async fn records_are_found_by_each_language_shown_in_the_readers_and_filtered_by_kind() {
    let app = TestApp::new().await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let token = app.api_token("editor@example.org").await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    // Before any translation the Khmer name finds nothing; the English one finds the actor.
    let before = app.get(&q("ក្រសួងមហាផ្ទៃ", ""), &viewer).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(
        !before.body.contains("&#x2f;actors&#x2f;interior\""),
        "{}",
        before.body
    );
    let english = app.get(&q("ministry interior", ""), &viewer).await;
    assert!(
        english.body.contains(
            "href=\"&#x2f;cases&#x2f;example-2030&#x2f;actors&#x2f;interior\" lang=\"en\">Ministry of the Interior</a>"
        ),
        "{}",
        english.body
    );
    translate(&app, &token).await;

    // Khmer: the actor by its Khmer name (and by a word inside it), shown in Khmer to a Khmer
    // reader.
    for text in ["ក្រសួងមហាផ្ទៃ", "មហាផ្ទៃ"] {
        let km = app.get(&q(text, ""), &reading(&viewer, "km")).await;
        assert_eq!(km.status, StatusCode::OK, "{}", km.body);
        assert!(
            km.body
                .contains("href=\"&#x2f;cases&#x2f;example-2030&#x2f;actors&#x2f;interior\" lang=\"km\">ក្រសួងមហាផ្ទៃ</a>"),
            "{text}: {}",
            km.body
        );
    }
    // French, accents folded either way: the actor and the source, each in French for a French
    // reader; the instrument by its Khmer title, shown to an English reader in English.
    let fr = app
        .get(&q("ministere de l'interieur", ""), &reading(&viewer, "fr"))
        .await;
    assert!(
        fr.body.contains(
            "href=\"&#x2f;cases&#x2f;example-2030&#x2f;actors&#x2f;interior\" lang=\"fr\">Ministère de l’Intérieur</a>"
        ),
        "{}",
        fr.body
    );
    let source = app.get(&q("dissous", ""), &reading(&viewer, "fr")).await;
    assert!(
        source.body.contains(
            "href=\"&#x2f;cases&#x2f;example-2030&#x2f;sources&#x2f;gazette-2030-02\" lang=\"fr\">Parti d’opposition dissous</a>"
        ),
        "{}",
        source.body
    );
    let instrument = app.get(&q("សន្តិភាព", ""), &reading(&viewer, "en")).await;
    assert!(
        instrument.body.contains(
            "href=\"&#x2f;cases&#x2f;example-2030&#x2f;instruments&#x2f;FPA\" lang=\"en\">Freedonia Peace Accord (invented for this example)</a>"
        ),
        "{}",
        instrument.body
    );
    // A provision by its Khmer heading, and by the French text it holds of its own.
    for text in ["សេរីភាព", "adhérer"] {
        let p = app.get(&q(text, "provision"), &viewer).await;
        assert!(
            p.body.contains(
                "href=\"&#x2f;cases&#x2f;example-2030&#x2f;provisions&#x2f;FPA%20Art.%203(1)\""
            ),
            "{text}: {}",
            p.body
        );
    }
    // The kind filter: a source search does not list the actor, an actor search does.
    let sources_only = app.get(&q("ministere", "source"), &viewer).await;
    assert!(
        !sources_only.body.contains("&#x2f;actors&#x2f;interior\""),
        "{}",
        sources_only.body
    );
    let actors_only = app.get(&q("ministere", "actor"), &viewer).await;
    assert!(
        actors_only.body.contains("&#x2f;actors&#x2f;interior\""),
        "{}",
        actors_only.body
    );
    // A kind that is not one is said on the page, and nothing is searched.
    let bad = app.get(&q("ministere", "letter"), &viewer).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("role=\"alert\""), "{}", bad.body);
    assert!(
        !bad.body.contains("&#x2f;actors&#x2f;interior\""),
        "{}",
        bad.body
    );
}

/// A translation written by another server (or a command) on the same database reaches this
/// server's index of records through the log, and a rebuild of the index includes it.
#[tokio::test]
async fn the_index_of_records_follows_translations_written_elsewhere_and_rebuilds_with_them() {
    use accord_core::translation::{TextKind, with_translation};
    use accord_search::{SearchKind, SearchQuery};
    let app = TestApp::new().await;
    let hits = |index: &accord_search::SearchIndex, text: &str| -> Vec<String> {
        index
            .search_records(&SearchQuery {
                text: text.into(),
                case_ids: vec![CASE.into()],
                limit: 10,
                ..SearchQuery::default()
            })
            .unwrap()
            .hits
            .iter()
            .map(|h| format!("{}:{}", h.kind.as_str(), h.id))
            .collect()
    };
    assert!(hits(&app.index, "ក្រសួងមហាផ្ទៃ").is_empty());
    assert_eq!(hits(&app.index, "interior"), ["actor:interior"]);
    let (from, _) = app.store.log_head().await.unwrap();
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let record = with_translation(
        &case,
        TextKind::Actor,
        "interior",
        "km",
        &[("name".into(), "ក្រសួងមហាផ្ទៃ".into())],
        None,
        accord_core::Day::parse("2030-08-01").unwrap(),
    );
    // Straight into the store, as another server would: this server's actions never saw it.
    app.store
        .save_translation(CASE, &record, "elsewhere")
        .await
        .unwrap();
    assert!(hits(&app.index, "ក្រសួងមហាផ្ទៃ").is_empty());
    accord_server::search_sync::catch_up(app.store.as_ref(), &app.index, from)
        .await
        .unwrap();
    assert_eq!(hits(&app.index, "ក្រសួងមហាផ្ទៃ"), ["actor:interior"]);
    let fresh = std::sync::Arc::new(accord_search::SearchIndex::in_memory().unwrap());
    accord_server::search_sync::rebuild(app.store.clone(), fresh.clone())
        .await
        .unwrap();
    assert_eq!(hits(&fresh, "ក្រសួងមហាផ្ទៃ"), ["actor:interior"]);
    assert_eq!(hits(&fresh, "interior"), ["actor:interior"]);
    // Every actor, source, instrument, provision and mechanism of the case is in it.
    let case_records = case.actors.len()
        + case.sources.len()
        + case.instruments.len()
        + case
            .instruments
            .iter()
            .map(|i| i.provisions.len())
            .sum::<usize>()
        + case.mechanisms.len();
    assert_eq!(usize::try_from(fresh.record_count()).unwrap(), case_records);
    assert_eq!(SearchKind::ALL.len(), 5);
}

/// Records a reader may not see are not found by them, by any language: a source shown to the
/// case's members only, with a French translation, is found by that translation by members and
/// by nobody outside the published case; a restricted source (which cannot be translated: its
/// text is sealed, a translation would not be) is found only by the owners and the member it
/// names — on the page of every kind and of sources, and in the counts. Restricted records are
/// kept in memory only: a server starting again fills them from the store.
#[tokio::test]
async fn a_restricted_records_translation_is_not_found_by_a_reader_without_access() {
    const NAMED: &str = "named@example.org";
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let named = app.user(NAMED, false, Some(CaseRole::Viewer)).await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let outsider = app.user("outsider@example.org", false, None).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let token = app.api_token("owner@example.org").await;
    for body in [
        json!({"id": "members-note", "title": "Note for the members",
               "sensitivity": "case"}),
        json!({"id": "witness-statement", "title": "Statement of a witness zqxjsecret",
               "sensitivity": "restricted", "restricted_to": [NAMED]}),
    ] {
        let r = api(
            &app,
            Method::POST,
            &format!("/api/v1/cases/{CASE}/sources"),
            &token,
            &body,
        )
        .await;
        assert!(r.status.is_success(), "{} {}", r.status, r.body);
    }
    let translation = |id: &str, title: &str| json!({"kind": "source", "id": id, "lang": "fr", "fields": {"title": title}});
    let path = format!("/api/v1/cases/{CASE}/translations");
    let r = api(
        &app,
        Method::POST,
        &path,
        &token,
        &translation("members-note", "Note réservée aux membres zqxjmembres"),
    )
    .await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    let r = api(
        &app,
        Method::POST,
        &path,
        &token,
        &translation("witness-statement", "Déclaration d’un témoin"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    let members_link = "href=\"&#x2f;cases&#x2f;example-2030&#x2f;sources&#x2f;members-note\"";
    let restricted_link =
        "href=\"&#x2f;cases&#x2f;example-2030&#x2f;sources&#x2f;witness-statement\"";
    for (label, who, sees_members, sees_restricted) in [
        ("anonymous", Who::default(), false, false),
        ("non-member", outsider, false, false),
        ("viewer not named", viewer, true, false),
        ("named viewer", named, true, true),
        ("owner", owner, true, true),
    ] {
        for (text, link, sees) in [
            ("zqxjmembres", members_link, sees_members),
            ("reservee aux membres", members_link, sees_members),
            ("zqxjsecret", restricted_link, sees_restricted),
            ("statement witness", restricted_link, sees_restricted),
        ] {
            let page = app.get(&q(text, ""), &reading(&who, "fr")).await;
            assert_eq!(page.status, StatusCode::OK, "{label}: {}", page.body);
            assert_eq!(
                page.body.contains(link),
                sees,
                "{label}, {text}: {}",
                page.body
            );
            let sources = app.get(&q(text, "source"), &who).await;
            assert_eq!(
                sources.body.contains(link),
                sees,
                "{label}, {text}: {}",
                sources.body
            );
        }
        // Not counted either: the page of every kind has no part for records it does not find.
        for (text, sees) in [
            ("zqxjmembres", sees_members),
            ("zqxjsecret", sees_restricted),
        ] {
            let counted = app.get(&q(text, ""), &who).await;
            assert_eq!(
                counted.body.contains("found-records"),
                sees,
                "{label}, {text}: {}",
                counted.body
            );
        }
    }
    // Kept in memory only: a server starting on the same database fills it from the store.
    let fresh = std::sync::Arc::new(accord_search::SearchIndex::in_memory().unwrap());
    let n = accord_server::search_sync::load_restricted(app.store.as_ref(), fresh.clone())
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(fresh.record_count(), 1);
}

/// A mechanism is found by its name and its action in each of their languages, shown in the
/// reader's language and linked to its page; the API's hits say when the title shown is a
/// translation whose original changed since (`out_of_date`), as the page marks it.
#[tokio::test]
async fn mechanisms_are_found_and_api_hits_say_a_translation_is_out_of_date() {
    let app = TestApp::new().await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let token = app.api_token("editor@example.org").await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let link = "href=\"&#x2f;cases&#x2f;example-2030&#x2f;mechanisms&#x2f;fpa-art-9\"";
    let english = app.get(&q("guarantor convenes", ""), &viewer).await;
    assert!(
        english.body.contains(&format!(
            "{link} lang=\"en\">Guarantor convenes the parties</a>"
        )),
        "{}",
        english.body
    );
    for body in [
        json!({"kind": "mechanism", "id": "fpa-art-9", "lang": "km",
               "fields": {"name": "អ្នកធានាកោះប្រជុំភាគី"}}),
        json!({"kind": "mechanism", "id": "fpa-art-9", "lang": "fr",
               "fields": {"name": "Le garant convoque les parties", "action": "Réunir les parties à l’Accord."}}),
        json!({"kind": "incident", "id": "harassment", "lang": "fr",
               "fields": {"title": "Journalistes suivis et photographiés"}}),
    ] {
        let r = api(
            &app,
            Method::POST,
            &format!("/api/v1/cases/{CASE}/translations"),
            &token,
            &body,
        )
        .await;
        assert!(r.status.is_success(), "{body}: {} {}", r.status, r.body);
    }
    let km = app
        .get(&q("អ្នកធានា", "mechanism"), &reading(&viewer, "km"))
        .await;
    assert!(
        km.body
            .contains(&format!("{link} lang=\"km\">អ្នកធានាកោះប្រជុំភាគី</a>")),
        "{}",
        km.body
    );
    // The French action, without its accents; not among the instruments.
    let fr = app.get(&q("reunir", ""), &reading(&viewer, "fr")).await;
    assert!(
        fr.body.contains(&format!(
            "{link} lang=\"fr\">Le garant convoque les parties</a>"
        )),
        "{}",
        fr.body
    );
    let instruments = app.get(&q("reunir", "instrument"), &viewer).await;
    assert!(!instruments.body.contains(link), "{}", instruments.body);

    // The API, in French: the incident's title is its translation, up to date...
    let search = |kind: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            let req = Request::builder()
                .uri(format!(
                    "/api/v1/cases/{CASE}/search?q=journalists&kind={kind}"
                ))
                .header("authorization", format!("Bearer {token}"))
                .header("accept-language", "fr")
                .body(Body::empty())
                .unwrap();
            let r = app.send(req).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            serde_json::from_str::<serde_json::Value>(&r.body).unwrap()
        }
    };
    let hit = |v: &serde_json::Value| v["incidents"]["hits"][0].clone();
    let before = hit(&search("incident").await);
    assert_eq!(before["id"], "harassment");
    assert_eq!(before["title"], "Journalistes suivis et photographiés");
    assert_eq!(before["lang"], "fr");
    assert_eq!(before["original"], false);
    assert_eq!(before["out_of_date"], false);
    // ...until the original title changes: still shown, marked out of date.
    let r = api(
        &app,
        Method::PUT,
        &format!("/api/v1/cases/{CASE}/incidents/harassment"),
        &token,
        &json!({"title": "Journalists followed, photographed and threatened",
                "date": "2030-01..2030-06", "kind": "surveillance"}),
    )
    .await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    let after = hit(&search("incident").await);
    assert_eq!(after["title"], "Journalistes suivis et photographiés");
    assert_eq!(after["out_of_date"], true, "{after}");
    // Records' hits carry it too.
    let actors = search("actor").await;
    assert!(actors["records"]["hits"].is_array(), "{actors}");
}

/// A case with more sources and actors than a page of the index's reads (`RECORD_PAGE`) is
/// indexed whole: by a rebuild, by the restricted records' fill at start and by a re-index of
/// the case after an import, every record once, the first and the last of each page alike.
#[tokio::test]
async fn a_case_larger_than_a_page_of_records_is_indexed_whole() {
    use accord_core::{Actor, ActorKind, Sensitivity, Source};
    use accord_search::{SearchIndex, SearchQuery};
    use std::sync::Arc;
    let app = TestApp::new().await;
    let page = usize::try_from(accord_actions::search::RECORD_PAGE).unwrap();
    let extra_sources = page * 2 + 7;
    let extra_actors = page + 3;
    let mut case = app
        .store
        .load_case(CASE)
        .await
        .unwrap()
        .unwrap()
        .into_case();
    for i in 0..extra_sources {
        case.sources.push(Source {
            id: format!("bulk-source-{i:05}"),
            title: format!("Bulk report zqxsrc{i}"),
            // Every third restricted: they are read in pages of their own at start.
            sensitivity: if i % 3 == 0 {
                Sensitivity::Restricted
            } else {
                Sensitivity::Public
            },
            ..Source::default()
        });
    }
    for i in 0..extra_actors {
        case.actors.push(Actor {
            id: format!("bulk-actor-{i:05}"),
            kind: ActorKind::Person,
            name: format!("Bulk person zqxact{i}"),
            aliases: Vec::new(),
            country: None,
            members: Vec::new(),
            sensitivity: if i % 2 == 0 {
                Sensitivity::Restricted
            } else {
                Sensitivity::Public
            },
            restricted_to: Vec::new(),
        });
    }
    let case = accord_core::validate(case).unwrap();
    app.store
        .import_case(&case, accord_store::ImportMode::Replace, "test")
        .await
        .unwrap();
    let total = |index: &SearchIndex, text: &str| -> usize {
        index
            .search_records(&SearchQuery {
                text: text.into(),
                case_ids: vec![CASE.into()],
                limit: 1,
                ..SearchQuery::default()
            })
            .unwrap()
            .total
    };
    let expected = case.actors.len()
        + case.sources.len()
        + case.instruments.len()
        + case
            .instruments
            .iter()
            .map(|i| i.provisions.len())
            .sum::<usize>()
        + case.mechanisms.len();
    let restricted = extra_sources.div_ceil(3) + extra_actors.div_ceil(2);

    // A rebuild: every record, restricted ones in memory.
    let rebuilt = Arc::new(SearchIndex::in_memory().unwrap());
    let n = accord_server::search_sync::rebuild(app.store.clone(), rebuilt.clone())
        .await
        .unwrap();
    assert_eq!(n.records, expected);
    assert_eq!(usize::try_from(rebuilt.record_count()).unwrap(), expected);
    for (text, count) in [
        ("bulk report", extra_sources),
        ("bulk person", extra_actors),
        // The first, a page boundary's two sides, and the last.
        ("zqxsrc0", 1),
        (&format!("zqxsrc{}", page - 1), 1),
        (&format!("zqxsrc{page}"), 1),
        (&format!("zqxsrc{}", extra_sources - 1), 1),
        (&format!("zqxact{}", extra_actors - 1), 1),
    ] {
        assert_eq!(total(&rebuilt, text), count, "{text}");
    }

    // At start, in step: only the restricted records are read, all of them.
    let fresh = Arc::new(SearchIndex::in_memory().unwrap());
    let n = accord_server::search_sync::load_restricted(app.store.as_ref(), fresh.clone())
        .await
        .unwrap();
    assert_eq!(n, restricted);
    assert_eq!(usize::try_from(fresh.record_count()).unwrap(), restricted);
    assert_eq!(total(&fresh, "bulk report"), extra_sources.div_ceil(3));

    // A re-index of the case (what the log's `case.import` entry asks for), on an index that
    // held something else of the case: exactly the case's records afterwards.
    let reindexed = Arc::new(SearchIndex::in_memory().unwrap());
    reindexed
        .upsert_records(&[accord_search::RecordDoc {
            kind: accord_search::SearchKind::Source,
            id: "gone-since".into(),
            case_id: CASE.into(),
            title: "Bulk report that the import removed".into(),
            text: String::new(),
            restricted: false,
        }])
        .unwrap();
    accord_actions::search::reindex_changed(
        app.store.as_ref(),
        &reindexed,
        CASE,
        accord_actions::search::RecordsChanged::Case,
    )
    .await
    .unwrap();
    assert_eq!(usize::try_from(reindexed.record_count()).unwrap(), expected);
    assert_eq!(total(&reindexed, "bulk report"), extra_sources);
}
