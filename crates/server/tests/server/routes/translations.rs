//! Content in several languages on the web (issue 16 §2): an editor translates an incident
//! through the form on its page; a reader sees their language where a translation exists and
//! the original, marked as such, where none does; a translation whose original changed is marked
//! out of date; the translators' page lists, per language, what is missing or out of date, with
//! links; a refused translation names its field and writes nothing.

use accord_core::CaseRole;
use axum::http::StatusCode;

use crate::routes::support::{CASE, TestApp, Who};

const INCIDENT: &str = "/cases/example-2030/incidents/party-dissolved";
const TRANSLATORS: &str = "/cases/example-2030/translations";

fn reading(who: &Who, lang: &str) -> Who {
    Who {
        cookie: Some(format!(
            "{}; accord_lang={lang}",
            who.cookie.clone().unwrap_or_default()
        )),
        csrf: who.csrf.clone(),
    }
}

#[tokio::test]
async fn an_editor_translates_and_readers_see_their_language_or_the_marked_original() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;

    // Before: the Khmer reader sees the English original, marked; the editor has the form.
    let before = app.get(INCIDENT, &reading(&viewer, "km")).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(
        before
            .body
            .contains(">Opposition party dissolved by ministerial decree</h1>"),
        "{}",
        before.body
    );
    assert!(before.body.contains("ភាសាដើម (en)"), "{}", before.body);
    assert!(!before.body.contains("name=\"field.title\""));
    let form = app.get(INCIDENT, &reading(&editor, "km")).await;
    assert!(form.body.contains("name=\"field.title\""), "{}", form.body);
    assert!(
        form.body.contains("<option value=\"km\" selected>"),
        "{}",
        form.body
    );

    // The translators' page lists the incident's title as not translated into Khmer.
    let page = app.get(TRANSLATORS, &reading(&viewer, "km")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("<a href=\"/cases/example-2030/incidents/party-dissolved\">party-dissolved</a></td><td>ចំណងជើង</td><td>មិនទាន់បកប្រែ</td>"),
        "{}",
        page.body
    );

    let r = app
        .post(
            "/cases/example-2030/translations",
            &editor,
            &[
                ("kind", "incident"),
                ("record", "party-dissolved"),
                ("lang", "km"),
                ("field.title", "គណបក្សប្រឆាំងត្រូវបានរំលាយដោយប្រកាសរបស់ក្រសួង"),
                ("field.summary", ""),
                ("back", INCIDENT),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{INCIDENT}?translated"));

    let km = app.get(INCIDENT, &reading(&viewer, "km")).await.body;
    assert!(
        km.contains("<h1 lang=\"km\">គណបក្សប្រឆាំងត្រូវបានរំលាយដោយប្រកាសរបស់ក្រសួង</h1>"),
        "{km}"
    );
    // The summary has no Khmer translation: the original, marked.
    assert!(
        km.contains(
            "<p lang=\"en\">The Ministry of the Interior dissolved the main opposition party. <small class=\"muted translation-mark\">ភាសាដើម (en)</small></p>"
        ),
        "{km}"
    );
    // An English reader sees the original, unmarked.
    let en = app.get(INCIDENT, &reading(&viewer, "en")).await.body;
    assert!(en.contains("<h1 lang=\"en\">Opposition party dissolved by ministerial decree</h1>"));
    assert!(!en.contains("translation-mark"), "{en}");
    // A French reader: no French translation, the original marked in French.
    let fr = app.get(INCIDENT, &reading(&viewer, "fr")).await.body;
    assert!(fr.contains("original (en)"), "{fr}");

    // The title is done for Khmer; French still misses it.
    let page = app.get(TRANSLATORS, &reading(&viewer, "km")).await.body;
    let (french, khmer) = page.split_once("id=\"lang-km\"").unwrap();
    assert!(
        french.contains("party-dissolved</a></td><td>ចំណងជើង</td>"),
        "{page}"
    );
    let page = khmer;
    assert!(
        !page.contains("party-dissolved</a></td><td>ចំណងជើង</td>"),
        "{page}"
    );
    assert!(
        page.contains("party-dissolved</a></td><td>សេចក្តីសង្ខេប</td>"),
        "{page}"
    );

    // The original changes: the Khmer title is out of date, on the page and for translators.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let mut inc = case.incident("party-dissolved").unwrap().clone();
    inc.title = "Opposition party dissolved by decree".into();
    app.store.save_incident(CASE, &inc, "test").await.unwrap();
    let km = app.get(INCIDENT, &reading(&viewer, "km")).await.body;
    assert!(km.contains("ការបកប្រែត្រូវធ្វើបច្ចុប្បន្នភាព"), "{km}");
    let page = app.get(TRANSLATORS, &reading(&viewer, "en")).await.body;
    assert!(
        page.contains("party-dissolved</a></td><td>Title</td><td>out of date</td>"),
        "{page}"
    );
}

#[tokio::test]
async fn a_refused_translation_names_its_field_and_writes_nothing() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    for (fields, field) in [
        (vec![("lang", "km"), ("field.title", " ")], "fields"),
        (vec![("lang", "en"), ("field.title", "x")], "lang"),
        (
            vec![("lang", "xx"), ("field.title", "x")],
            "not a known language",
        ),
        (
            vec![
                ("lang", "km"),
                ("other_lang", "not a tag"),
                ("field.title", "x"),
            ],
            "lang",
        ),
    ] {
        let mut all = vec![("kind", "incident"), ("record", "party-dissolved")];
        all.extend(fields);
        let r = app
            .post("/cases/example-2030/translations", &editor, &all)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(field), "{field}: {}", r.body);
    }
    let missing = app
        .post(
            "/cases/example-2030/translations",
            &editor,
            &[
                ("kind", "incident"),
                ("record", "no-such-incident"),
                ("lang", "km"),
                ("field.title", "x"),
            ],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert!(case.translations.is_empty());
}

async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    body: &str,
) -> (u16, serde_json::Value) {
    let req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(body.to_owned()))
        .unwrap();
    let r = app.send(req).await;
    let json = serde_json::from_str(&r.body).unwrap_or(serde_json::Value::Null);
    (r.status.as_u16(), json)
}

#[tokio::test]
async fn the_api_carries_every_language_and_translates_through_the_same_action() {
    let app = TestApp::new().await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let token = app.api_token("editor@example.org").await;
    let path = "/api/v1/cases/example-2030/translations";
    let (status, body) = api(
        &app,
        "POST",
        path,
        &token,
        r#"{"kind": "incident", "id": "party-dissolved", "lang": "fr",
            "fields": {"title": "Parti d’opposition dissous par arrêté ministériel"}}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["original"], "en");
    assert_eq!(body["translations"][0]["lang"], "fr");
    assert_eq!(body["translations"][0]["by"], "editor@example.org");
    assert_eq!(
        body["translations"][0]["fields"]["title"],
        "Parti d’opposition dissous par arrêté ministériel"
    );
    let (status, body) = api(&app, "GET", path, &token, "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["language"], "en");
    let record = &body["records"][0];
    assert_eq!(
        (record["kind"].as_str(), record["id"].as_str()),
        (Some("incident"), Some("party-dissolved"))
    );
    assert_eq!(
        record["translations"][0]["out_of_date"],
        serde_json::json!([])
    );
    assert_eq!(
        record["translations"][0]["original_sha256"]["title"]
            .as_str()
            .map(str::len),
        Some(64)
    );
    // A field the kind does not translate: 422 naming it, nothing written.
    let (status, body) = api(
        &app,
        "POST",
        path,
        &token,
        r#"{"kind": "incident", "id": "party-dissolved", "lang": "km", "fields": {"name": "x"}}"#,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "fields.name");
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(case.translations[0].translations.len(), 1);
}

/// A translation written by another server (or a command) on the same database reaches this
/// server's index through the log, and a rebuild of the index includes every translation.
#[tokio::test]
async fn the_index_follows_translations_written_elsewhere_and_rebuilds_with_them() {
    use accord_core::translation::{TextKind, with_translation};
    use accord_search::SearchQuery;
    let app = TestApp::new().await;
    let hits = |index: &accord_search::SearchIndex, text: &str| {
        index
            .search(&SearchQuery {
                text: text.into(),
                case_ids: vec![CASE.into()],
                limit: 10,
                ..SearchQuery::default()
            })
            .unwrap()
            .hits
            .len()
    };
    assert_eq!(hits(&app.index, "dissous"), 0);
    let (from, _) = app.store.log_head().await.unwrap();
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let record = with_translation(
        &case,
        TextKind::Incident,
        "party-dissolved",
        "fr",
        &[("title".into(), "Parti d’opposition dissous".into())],
        None,
        accord_core::Day::parse("2030-08-01").unwrap(),
    );
    // Straight into the store, as another server would: this server's actions never saw it.
    app.store
        .save_translation(CASE, &record, "elsewhere")
        .await
        .unwrap();
    assert_eq!(hits(&app.index, "dissous"), 0);
    accord_server::search_sync::catch_up(app.store.as_ref(), &app.index, from)
        .await
        .unwrap();
    assert_eq!(hits(&app.index, "dissous"), 1);
    let fresh = std::sync::Arc::new(accord_search::SearchIndex::in_memory().unwrap());
    accord_server::search_sync::rebuild(app.store.clone(), fresh.clone())
        .await
        .unwrap();
    assert_eq!(hits(&fresh, "dissous"), 1);
    assert_eq!(hits(&fresh, "dissolved"), 1);
}

/// The case's title on its dashboard, the incidents' titles on the timeline, the dashboard and
/// an actor's page, and the actor's name: each in the reader's language where translated.
#[tokio::test]
async fn lists_and_headings_show_the_readers_language() {
    use accord_core::translation::{TextKind, with_translation};
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let day = accord_core::Day::parse("2030-08-01").unwrap();
    for (kind, id, field, text) in [
        (
            TextKind::Case,
            CASE,
            "title",
            "Freedonia 2030 : la fermeture de l’espace civique",
        ),
        (
            TextKind::Incident,
            "party-dissolved",
            "title",
            "Parti d’opposition dissous",
        ),
        (TextKind::Actor, "freedonia", "name", "Freedonie"),
    ] {
        let case = app.store.load_case(CASE).await.unwrap().unwrap();
        let record = with_translation(
            &case,
            kind,
            id,
            "fr",
            &[(field.into(), text.into())],
            None,
            day,
        );
        app.store
            .save_translation(CASE, &record, "t")
            .await
            .unwrap();
    }
    let fr = reading(&viewer, "fr");
    let dash = app.get("/cases/example-2030", &fr).await.body;
    assert!(
        dash.contains("<h1 lang=\"fr\">Freedonia 2030 : la fermeture de l’espace civique</h1>"),
        "{dash}"
    );
    assert!(dash.contains(">Parti d’opposition dissous</a>"), "{dash}");
    let timeline = app.get("/cases/example-2030/timeline", &fr).await.body;
    assert!(
        timeline.contains("lang=\"fr\">Parti d’opposition dissous</a>"),
        "{timeline}"
    );
    // Another incident, untranslated: its English title, marked as the original.
    assert!(
        timeline.contains(
            "lang=\"en\">The Gazette forced to close</a> <small class=\"muted translation-mark\">original (en)</small>"
        ),
        "{timeline}"
    );
    let actor = app
        .get("/cases/example-2030/actors/freedonia", &fr)
        .await
        .body;
    assert!(actor.contains("<h1 lang=\"fr\">Freedonie</h1>"), "{actor}");
    // The English reader sees the originals, unmarked.
    let en = app
        .get("/cases/example-2030/timeline", &reading(&viewer, "en"))
        .await
        .body;
    assert!(en.contains(">Opposition party dissolved by ministerial decree</a>"));
    assert!(!en.contains("translation-mark"));
}

/// A provision's heading in the reader's language, its text kept as the original (whose trust the
/// page states) with the translation beside it; a mechanism's name and action translated.
#[tokio::test]
async fn provisions_keep_their_original_text_beside_a_translation_and_mechanisms_translate() {
    use accord_core::translation::{TextKind, with_translation};
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let day = accord_core::Day::parse("2030-08-01").unwrap();
    for (kind, id, lang, fields) in [
        (
            TextKind::Provision,
            "FPA Art. 3(1)",
            "km",
            vec![
                ("heading", "សេរីភាពនៃការបង្កើតសមាគម"),
                ("text", "មនុស្សគ្រប់រូបមានសិទ្ធិបង្កើត និងចូលជាសមាជិកគណបក្សនយោបាយ និងសមាគម។"),
            ],
        ),
        (
            TextKind::Mechanism,
            "fpa-art-9",
            "fr",
            vec![
                ("name", "Le garant convoque les parties"),
                ("action", "Convoquer les parties à l’Accord."),
            ],
        ),
    ] {
        let case = app.store.load_case(CASE).await.unwrap().unwrap();
        let fields: Vec<(String, String)> = fields
            .into_iter()
            .map(|(f, t)| (f.to_owned(), t.to_owned()))
            .collect();
        let record = with_translation(&case, kind, id, lang, &fields, Some("T"), day);
        app.store
            .save_translation(CASE, &record, "t")
            .await
            .unwrap();
    }
    let km = app
        .get(
            "/cases/example-2030/provisions/FPA%20Art.%203(1)",
            &reading(&viewer, "km"),
        )
        .await
        .body;
    assert!(
        km.contains("<span lang=\"km\">សេរីភាពនៃការបង្កើតសមាគម</span></h1>"),
        "{km}"
    );
    // The original text stays, with its status; the Khmer one is beside it, as a translation.
    assert!(km.contains(
        "<blockquote lang=\"en\">Everyone shall have the right to form and join political parties and associations.</blockquote>"
    ));
    assert!(
        km.contains("<blockquote lang=\"km\">មនុស្សគ្រប់រូបមានសិទ្ធិ"),
        "{km}"
    );
    let fr = app
        .get(
            "/cases/example-2030/mechanisms/fpa-art-9",
            &reading(&viewer, "fr"),
        )
        .await
        .body;
    assert!(
        fr.contains("<span lang=\"fr\">Le garant convoque les parties</span></h1>"),
        "{fr}"
    );
    assert!(
        fr.contains(">Convoquer les parties à l’Accord.</dd>"),
        "{fr}"
    );
}

const SOURCE: &str = "/cases/example-2030/sources/monitor-report";
const INSTRUMENT: &str = "/cases/example-2030/instruments/FPA";

/// A source's and an instrument's pages (issue 16 §2): the reader's language where translated,
/// else the original marked as such; the translation form for editors only; the translators'
/// page links to them.
#[tokio::test]
async fn sources_and_instruments_have_pages_in_the_readers_language() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let before = app.get(SOURCE, &reading(&viewer, "fr")).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(
        before
            .body
            .contains("<h1 lang=\"en\">Civic space in Freedonia, first half of 2030</h1> <small class=\"muted translation-mark\">original (en)</small>"),
        "{}",
        before.body
    );
    assert!(!before.body.contains("name=\"field.title\""));
    let page = app.get(TRANSLATORS, &reading(&viewer, "en")).await.body;
    assert!(
        page.contains(&format!("<a href=\"{SOURCE}\">monitor-report</a>")),
        "{page}"
    );
    assert!(
        page.contains(&format!("<a href=\"{INSTRUMENT}\">FPA</a>")),
        "{page}"
    );

    for (kind, record, back, title) in [
        (
            "source",
            "monitor-report",
            SOURCE,
            "L’espace civique en Freedonie, premier semestre 2030",
        ),
        (
            "instrument",
            "FPA",
            INSTRUMENT,
            "Accord de paix de Freedonie",
        ),
    ] {
        let form = app.get(back, &editor).await.body;
        assert!(form.contains("name=\"field.title\""), "{form}");
        let r = app
            .post(
                "/cases/example-2030/translations",
                &editor,
                &[
                    ("kind", kind),
                    ("record", record),
                    ("lang", "fr"),
                    ("field.title", title),
                    ("back", back),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let fr = app.get(back, &reading(&viewer, "fr")).await.body;
        assert!(
            fr.contains(&format!("<h1 lang=\"fr\">{title}</h1>")),
            "{fr}"
        );
        // A Khmer reader: no Khmer translation, the original marked.
        let km = app.get(back, &reading(&viewer, "km")).await.body;
        assert!(km.contains("ភាសាដើម (en)"), "{km}");
    }
    // An incident citing the source links to it and gives its title in the reader's language.
    let incident = app
        .get(
            "/cases/example-2030/incidents/gazette-closed",
            &reading(&viewer, "fr"),
        )
        .await
        .body;
    assert!(
        incident.contains(&format!("<li><a href=\"{SOURCE}\">")),
        "{incident}"
    );
    assert!(
        incident.contains(
            "— <span lang=\"fr\">L’espace civique en Freedonie, premier semestre 2030</span>"
        ),
        "{incident}"
    );
    // The provisions list: the instrument's title in the reader's language, linked to its page.
    let list = app
        .get("/cases/example-2030/provisions", &reading(&viewer, "fr"))
        .await
        .body;
    assert!(
        list.contains(&format!(
            "<h2><a href=\"{INSTRUMENT}\" lang=\"fr\">Accord de paix de Freedonie</a>"
        )),
        "{list}"
    );
    // The instrument's page lists its provisions, linked.
    let ins = app.get(INSTRUMENT, &reading(&viewer, "en")).await.body;
    assert!(
        ins.contains("href=\"/cases/example-2030/provisions/FPA%20Art.%203(1)\""),
        "{ins}"
    );
    // Records that do not exist, or a case the caller may not see: 404.
    for path in [
        "/cases/example-2030/sources/no-such-source",
        "/cases/example-2030/instruments/NOPE",
    ] {
        assert_eq!(app.get(path, &viewer).await.status, StatusCode::NOT_FOUND);
    }
}

/// Removing a translation (issue 16 §2): through the form, a new version of the record's
/// languages whose history keeps the removed text; the translators' page lists the field as
/// missing again; the record's history page shows who translated it into which language and
/// the removal. A translation that does not exist is 404, and nothing is written.
#[tokio::test]
async fn an_editor_removes_a_translation_and_the_history_keeps_it() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let add = app
        .post(
            "/cases/example-2030/translations",
            &editor,
            &[
                ("kind", "incident"),
                ("record", "party-dissolved"),
                ("lang", "km"),
                ("field.title", "គណបក្សប្រឆាំងត្រូវបានរំលាយ"),
            ],
        )
        .await;
    assert_eq!(add.status, StatusCode::SEE_OTHER, "{}", add.body);
    let form = app.get(INCIDENT, &editor).await.body;
    assert!(
        form.contains("action=\"/cases/example-2030/translations/remove\""),
        "{form}"
    );
    let missing = app
        .post(
            "/cases/example-2030/translations/remove",
            &editor,
            &[
                ("kind", "incident"),
                ("record", "party-dissolved"),
                ("lang", "fr"),
            ],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    let r = app
        .post(
            "/cases/example-2030/translations/remove",
            &editor,
            &[
                ("kind", "incident"),
                ("record", "party-dissolved"),
                ("lang", "km"),
                ("back", INCIDENT),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{INCIDENT}?translation_removed"));
    let km = app.get(INCIDENT, &reading(&viewer, "km")).await.body;
    assert!(!km.contains("គណបក្សប្រឆាំងត្រូវបានរំលាយ"), "{km}");
    assert!(km.contains("ភាសាដើម (en)"), "{km}");
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert!(case.translations.is_empty(), "{:?}", case.translations);
    let page = app.get(TRANSLATORS, &reading(&viewer, "en")).await.body;
    let (_, khmer) = page.split_once("id=\"lang-km\"").unwrap();
    assert!(
        khmer.contains("party-dissolved</a></td><td>Title</td><td>not translated</td>"),
        "{khmer}"
    );
    // The history keeps the removed text, and the history page says who did what.
    let versions = app
        .store
        .history(
            CASE,
            accord_store::RecordKind::Translation,
            "incident/party-dissolved",
        )
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert!(
        versions[0]
            .body
            .as_deref()
            .unwrap()
            .contains("គណបក្សប្រឆាំងត្រូវបានរំលាយ")
    );
    let history = app
        .get(&format!("{INCIDENT}/history"), &reading(&viewer, "en"))
        .await
        .body;
    let (_, translations) = history.split_once("id=\"translations\"").unwrap();
    let (newest, oldest) = translations
        .split_once("id=\"translation-version-1\"")
        .unwrap();
    assert!(
        newest.contains(
            "<span lang=\"km\">km</span>: translation removed (translated by editor@example.org)"
        ),
        "{history}"
    );
    assert!(newest.contains("editor@example.org"), "{history}");
    assert!(
        oldest.contains(
            "<span lang=\"km\">km</span>: translation added (translated by editor@example.org)"
        ),
        "{history}"
    );
}

/// The language a record, or the case, was written in (issue 16 §2): set through the form,
/// logged; an unknown or malformed tag is refused naming `lang`; a language the record has a
/// translation into is refused; the case's language is for owners.
#[tokio::test]
async fn the_original_language_is_set_by_form_and_refused_when_unknown() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let original = |kind: &'static str, record: &'static str, lang: &'static str| {
        vec![
            ("kind", kind),
            ("record", record),
            ("lang", lang),
            ("back", SOURCE),
        ]
    };
    for (lang, says) in [
        ("xx", "not a known language"),
        ("fr_", "not a language tag"),
    ] {
        let r = app
            .post(
                "/cases/example-2030/translations/original",
                &editor,
                &original("source", "monitor-report", lang),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(says), "{}", r.body);
    }
    assert!(
        app.store
            .load_case(CASE)
            .await
            .unwrap()
            .unwrap()
            .translations
            .is_empty()
    );
    let r = app
        .post(
            "/cases/example-2030/translations/original",
            &editor,
            &original("source", "monitor-report", "km"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // A Khmer reader now sees the source as written in Khmer: unmarked; an English one, marked.
    let km = app.get(SOURCE, &reading(&viewer, "km")).await.body;
    assert!(
        km.contains("<h1 lang=\"km\">Civic space in Freedonia"),
        "{km}"
    );
    let en = app.get(SOURCE, &reading(&viewer, "en")).await.body;
    assert!(en.contains("original (km)"), "{en}");
    let versions = app
        .store
        .history(
            CASE,
            accord_store::RecordKind::Translation,
            "source/monitor-report",
        )
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].actor, "editor@example.org");
    let history = app
        .get(&format!("{SOURCE}/history"), &reading(&viewer, "en"))
        .await
        .body;
    assert!(history.contains("Original language: km"), "{history}");

    // The case's language: an editor may not set it; an owner may; a conflicting translation
    // is refused.
    let case_lang = |lang: &'static str| vec![("kind", "case"), ("record", CASE), ("lang", lang)];
    let r = app
        .post(
            "/cases/example-2030/translations/original",
            &editor,
            &case_lang("fr"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let add = app
        .post(
            "/cases/example-2030/translations",
            &editor,
            &[
                ("kind", "actor"),
                ("record", "freedonia"),
                ("lang", "fr"),
                ("field.name", "Freedonie"),
            ],
        )
        .await;
    assert_eq!(add.status, StatusCode::SEE_OTHER, "{}", add.body);
    let r = app
        .post(
            "/cases/example-2030/translations/original",
            &owner,
            &case_lang("fr"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("freedonia"), "{}", r.body);
    assert_eq!(
        app.store.load_case(CASE).await.unwrap().unwrap().language,
        None
    );
    let page = app.get(TRANSLATORS, &owner).await.body;
    assert!(page.contains("id=\"case-language\""), "{page}");
    assert!(
        !app.get(TRANSLATORS, &editor)
            .await
            .body
            .contains("id=\"case-language\"")
    );
    let r = app
        .post(
            "/cases/example-2030/translations/original",
            &owner,
            &case_lang("de"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.store
            .load_case(CASE)
            .await
            .unwrap()
            .unwrap()
            .language
            .as_deref(),
        Some("de")
    );
}

/// The API removes a translation (`DELETE`) and sets an original language (`PUT .../original`)
/// through the same actions.
#[tokio::test]
async fn the_api_removes_translations_and_sets_original_languages() {
    let app = TestApp::new().await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let token = app.api_token("editor@example.org").await;
    let path = "/api/v1/cases/example-2030/translations";
    let (status, body) = api(
        &app,
        "POST",
        path,
        &token,
        r#"{"kind": "source", "id": "monitor-report", "lang": "fr", "fields": {"title": "L’espace civique"}}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = api(
        &app,
        "DELETE",
        path,
        &token,
        r#"{"kind": "source", "id": "monitor-report", "lang": "de"}"#,
    )
    .await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = api(
        &app,
        "DELETE",
        path,
        &token,
        r#"{"kind": "source", "id": "monitor-report", "lang": "fr"}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["translations"], serde_json::json!([]));
    let original = format!("{path}/original");
    let (status, body) = api(
        &app,
        "PUT",
        &original,
        &token,
        r#"{"kind": "source", "id": "monitor-report", "lang": "qq"}"#,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "lang");
    let (status, body) = api(
        &app,
        "PUT",
        &original,
        &token,
        r#"{"kind": "source", "id": "monitor-report", "lang": "km"}"#,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["lang"], "km");
    let (status, body) = api(&app, "GET", path, &token, "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["records"][0]["original"], "km");
    // The case's own language is for owners.
    let (status, body) = api(
        &app,
        "PUT",
        &original,
        &token,
        r#"{"kind": "case", "id": "example-2030", "lang": "km"}"#,
    )
    .await;
    assert_eq!(status, 403, "{body}");
}
