//! The interface in the reader's language (issue 16 §1): chosen by the reader (the language
//! switch's cookie), else by their browser (`Accept-Language`), else the instance's default;
//! `<html lang>` follows; the converted pages carry no English label; errors, pages and API
//! messages come in that language, the API keeping its English `error` and a stable `code`.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::routes::support::{TestApp, Who};

const CASE: &str = "/cases/example-2030";

/// The same person, reading in `lang` (as the language switch's cookie says).
fn reading(who: &Who, lang: &str) -> Who {
    let cookie = match &who.cookie {
        Some(c) => format!("{c}; accord_lang={lang}"),
        None => format!("accord_lang={lang}"),
    };
    Who {
        cookie: Some(cookie),
        csrf: who.csrf.clone(),
    }
}

async fn get_with(app: &TestApp, path: &str, accept: &str, cookie: Option<&str>) -> String {
    let mut req = Request::get(path).header(header::ACCEPT_LANGUAGE, accept);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let r = app.send(req.body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    r.body
}

#[tokio::test]
async fn the_readers_choice_then_the_browser_then_the_default() {
    let app = TestApp::new().await;
    let km = get_with(&app, "/login", "km-KH,km;q=0.9,en;q=0.5", None).await;
    assert!(km.contains("<html lang=\"km\">"), "{km}");
    assert!(km.contains("<h1>ចូលគណនី</h1>"), "{km}");
    let fr = get_with(&app, "/login", "de, fr;q=0.8", None).await;
    assert!(fr.contains("<html lang=\"fr\">") && fr.contains("<h1>Connexion</h1>"));
    // The reader's choice wins over the browser's.
    let chosen = get_with(&app, "/login", "km", Some("accord_lang=fr")).await;
    assert!(chosen.contains("<html lang=\"fr\">"), "{chosen}");
    // A language Accord does not speak: the instance's default, English here.
    let other = get_with(&app, "/login", "de-DE,de;q=0.9", None).await;
    assert!(other.contains("<html lang=\"en\">") && other.contains("<h1>Sign in</h1>"));
}

#[tokio::test]
async fn the_language_switch_sets_the_choice_and_goes_back() {
    let app = TestApp::new().await;
    let visitor = app.visitor().await;
    let back = format!("{CASE}/timeline?kind=closure");
    let r = app
        .post("/language", &visitor, &[("lang", "km"), ("next", &back)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), back);
    let cookie = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("accord_lang="))
        .expect("the choice is kept in a cookie");
    assert!(cookie.starts_with("accord_lang=km;"), "{cookie}");
    // Only a path of this site is gone back to.
    let r = app
        .post(
            "/language",
            &visitor,
            &[("lang", "fr"), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(r.location(), "/");
    // A language Accord does not speak is refused, and sets nothing.
    let r = app
        .post("/language", &visitor, &[("lang", "de"), ("next", "/")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.headers
            .get(header::SET_COOKIE)
            .is_none_or(|c| !c.to_str().unwrap().starts_with("accord_lang"))
    );
    // Every page offers the switch, as a plain form.
    let page = app.get("/login", &visitor).await.body;
    assert!(page.contains("action=\"/language\""));
    for tag in ["en", "fr", "km"] {
        assert!(
            page.contains(&format!("name=\"lang\" value=\"{tag}\"")),
            "{tag}"
        );
    }
}

/// English labels of the converted pages, each as a whole text node (`>label<`), so that data
/// (titles, names) that happens to hold the word does not count.
const ENGLISH_LABELS: &[&str] = &[
    "Cases",
    "Dashboard",
    "Timeline",
    "Provisions",
    "Letters",
    "Members",
    "New incident",
    "Sign out",
    "Skip to content",
    "Search",
    "Kind",
    "Actor",
    "Filter",
    "Clear",
    "Date",
    "Place",
    "Actors",
    "Sources",
    "Evidence",
    "Findings",
    "History",
    "Edit this incident",
    "Add a finding",
    "Your account",
    "Sessions",
    "Password",
    "API tokens",
    "Save",
    "Save incident",
    "Title",
    "Summary",
    "New finding",
    "Verdict",
    "Rationale",
    "Members and publication",
    "Publication",
    "Remove",
    "Incidents",
    "private",
    "published",
    "Mechanisms",
    "Triggered",
    "Not triggered",
    "Requested by",
    "Must act",
    "Latest incidents",
    "Over time",
    // A mechanism, a letter's follow-through, the letters awaiting a response.
    "Counts",
    "Scope",
    "Findings behind it",
    "Letters that asked for it",
    "The letter",
    "What each addressee did",
    "Addressee",
    "Outcome",
    "Deliveries",
    "Responses",
    "Deadlines",
    "None recorded.",
    "Record what happened",
    "Record the delivery",
    "Record the response",
    "Letters awaiting a response",
    "Days late",
    // A provision.
    "Confirmed findings",
    "Implementation",
    "Observations",
    "Score",
    "Record an observation",
    "Record as a draft",
    // The elections list and an election's Monte-Carlo projection.
    "Election",
    "Method",
    "Seats",
    "Constituencies",
    "Parties",
    "Runs",
    "Noise",
    "Seed",
    "Run",
    "Median",
    // Importing a table.
    "Import a table",
    "File",
    "Preview",
    // An election's page: its sections, table headings, form and the words of its charts.
    "Votes and seats",
    "Disproportionality",
    "Dissolution scenario",
    "Index",
    "Party",
    "Vote share",
    "Seat share",
    "Party dissolved",
    "Rules to compare",
    "Compute",
    "Before",
    "share of votes",
    "share of seats (party colour)",
    "Monte-Carlo projection",
    // The dashboard's timeline chart and its table.
    "Mechanisms triggered",
    "Letters sent",
    "Responses received",
];

/// Labels French writes as English does.
const SAME_IN_FRENCH: &[&str] = &[
    "Date",
    "Sources",
    "Sessions",
    "Publication",
    "Incidents",
    "Observations",
];

#[tokio::test]
async fn pages_in_khmer_and_french_carry_no_english_label() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    let pages = [
        "/".to_owned(),
        CASE.to_owned(),
        "/account".to_owned(),
        format!("{CASE}/timeline"),
        format!("{CASE}/provisions"),
        format!("{CASE}/letters"),
        format!("{CASE}/letters/new"),
        format!("{CASE}/incidents/gazette-closed"),
        format!("{CASE}/incidents/gazette-closed/history"),
        format!("{CASE}/incidents/new"),
        format!("{CASE}/findings/new?incident=gazette-closed"),
        format!("{CASE}/actors/interior"),
        format!("{CASE}/members"),
        format!("{CASE}/mechanisms/fpa-art-9"),
        format!("{CASE}/letters/appeal-2030/follow-through"),
        format!("{CASE}/awaiting"),
        format!("{CASE}/provisions/FPA%20Art.%209"),
        format!("{CASE}/elections"),
        format!("{CASE}/elections/2029-parliament/simulation?runs=50"),
        format!("{CASE}/elections/2029-parliament"),
        format!("{CASE}/elections/2029-parliament?party=B&rule=rerun&rule=minor-parties"),
        format!("{CASE}/import"),
    ];
    for lang in ["km", "fr"] {
        let reader = reading(&admin, lang);
        for path in &pages {
            let r = app.get(path, &reader).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert!(
                r.body.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {path}"
            );
            for label in ENGLISH_LABELS {
                if lang == "fr" && SAME_IN_FRENCH.contains(label) {
                    continue;
                }
                assert!(
                    !r.body.contains(&format!(">{label}<")),
                    "{lang} {path} shows the English label {label:?}:\n{}",
                    r.body
                );
            }
        }
    }
    // The check sees English where it is: the same page for an English reader.
    let english = app
        .get(&format!("{CASE}/timeline"), &reading(&admin, "en"))
        .await;
    assert!(english.body.contains(">Timeline<"));
}

#[tokio::test]
async fn dates_numbers_and_plurals_follow_the_language() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    let km = app
        .get(&format!("{CASE}/timeline"), &reading(&admin, "km"))
        .await
        .body;
    // Months in Khmer with Khmer digits; the count in Khmer digits.
    assert!(km.contains(">ខែមីនា ឆ្នាំ២០៣០<"), "{km}");
    assert!(km.contains("<strong>៣</strong> ហេតុការណ៍"), "{km}");
    let fr = app
        .get(&format!("{CASE}/timeline"), &reading(&admin, "fr"))
        .await
        .body;
    assert!(fr.contains(">mars 2030<"), "{fr}");
    assert!(fr.contains("<strong>3</strong> incidents"), "{fr}");
    let one = app
        .get(
            &format!("{CASE}/timeline?kind=closure"),
            &reading(&admin, "fr"),
        )
        .await
        .body;
    assert!(one.contains("<strong>1</strong> incident,"), "{one}");
    let en = app
        .get(&format!("{CASE}/timeline"), &reading(&admin, "en"))
        .await
        .body;
    assert!(en.contains(">March 2030<"));
    // An election's page: shares with the language's decimal separator and digits, the
    // percent sign after a narrow no-break space in French.
    let election = format!("{CASE}/elections/2029-parliament");
    let km = app.get(&election, &reading(&admin, "km")).await.body;
    let khmer_share = km
        .char_indices()
        .any(|(i, c)| c == '%' && km[..i].ends_with(|d: char| ('០'..='៩').contains(&d)));
    assert!(khmer_share, "{km}");
    assert!(km.contains(">សម្លេងឆ្នោត និងអាសនៈ<"), "{km}");
    let fr = app.get(&election, &reading(&admin, "fr")).await.body;
    assert!(fr.contains("\u{202F}%"), "{fr}");
    assert!(!fr.contains(" %<") && !fr.contains(" :"), "{fr}");
    // The engine's reason a rule cannot be computed, in French.
    let scenario = format!("{election}?party=B&rule=rerun&rule=minor-parties");
    let fr = app.get(&scenario, &reading(&admin, "fr")).await.body;
    assert!(
        fr.contains("aucun parti sans siège n&#x27;a de voix pour recevoir les 3 sièges libérés"),
        "{fr}"
    );
    assert!(!fr.contains("freed seat"), "{fr}");
    // The dashboard: a triggered mechanism since a day, in Khmer.
    let dash = app.get(CASE, &reading(&admin, "km")).await.body;
    assert!(
        dash.contains("បានដាក់ឱ្យដំណើរការ</span> ចាប់តាំងពីថ្ងៃទី១៤ ខែកុម្ភៈ ឆ្នាំ២០៣០"),
        "{dash}"
    );
}

#[tokio::test]
async fn errors_come_in_the_readers_language() {
    let app = TestApp::new().await;
    let req = Request::get(format!("{CASE}-nope"))
        .header(header::ACCEPT_LANGUAGE, "km")
        .body(Body::empty())
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<html lang=\"km\">"), "{}", r.body);
    assert!(r.body.contains("គ្មានអ្វីនៅទីនេះទេ"), "{}", r.body);
    assert!(!r.body.contains("There is nothing here"));

    // The API: the English message and a stable code stay; the message is in French.
    app.user("reader@example.org", true, None).await;
    let token = app.api_token("reader@example.org").await;
    let req = Request::get("/api/v1/cases/nope")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
        .body(Body::empty())
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["code"], "not_found");
    assert_eq!(v["error"], "There is nothing here, or you may not see it.");
    assert_eq!(
        v["message"],
        "Il n'y a rien ici, ou vous n'avez pas le droit de le voir."
    );
    assert_eq!(v["status"], 404);
    // A refused field: the English detail under a translated introduction, the field named.
    let req = Request::get("/api/v1/cases/example-2030/status?as_of=2030-02-30")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ACCEPT_LANGUAGE, "km")
        .body(Body::empty())
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["code"], "invalid");
    assert_eq!(v["field"], "as_of");
    // The refusal in Khmer: the field by its label, the reason by its kind, the month in Khmer.
    assert_eq!(
        v["message"], "កាលបរិច្ឆេទនៃស្ថានភាព៖ “2030-02-30” មិនមែនជាកាលបរិច្ឆេទទេ៖ ខែកុម្ភៈ ឆ្នាំ២០៣០ មាន ២៨ ថ្ងៃ",
        "{v}"
    );
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("February 2030 has 28 days"),
        "{v}"
    );
    // In French, through the browser's language.
    let req = Request::get("/api/v1/cases/example-2030/status?as_of=2030-02-30")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ACCEPT_LANGUAGE, "fr")
        .body(Body::empty())
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&app.send(req).await.body).unwrap();
    assert_eq!(
        v["message"],
        "Date de l'état\u{202F}: «\u{202F}2030-02-30\u{202F}» n'est pas une date\u{202F}: février 2030 a 28 jours",
        "{v}"
    );
}

/// A form's refusals on a page, in the reader's language: a date that does not exist beside
/// the date field, a provision the case does not hold beside the provision field; a refusal of
/// a kind the server does not know stays English under a translated introduction.
#[tokio::test]
async fn a_refused_field_is_explained_in_the_readers_language() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(accord_core::CaseRole::Editor))
        .await;
    let incident = [
        ("title", "Kept title"),
        ("date", "2030-02-30"),
        ("kind", "closure"),
        ("actor", "interior"),
        ("role", "perpetrator"),
    ];
    let km = app
        .post(
            &format!("{CASE}/incidents"),
            &reading(&editor, "km"),
            &incident,
        )
        .await;
    assert_eq!(km.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        km.body
            .contains("“2030-02-30” មិនមែនជាកាលបរិច្ឆេទទេ៖ ខែកុម្ភៈ ឆ្នាំ២០៣០ មាន ២៨ ថ្ងៃ"),
        "{}",
        km.body
    );
    assert!(!km.body.contains("has 28 days"), "{}", km.body);
    let finding = [
        ("incident", "party-dissolved"),
        ("provision", "FPA Art. 99"),
        ("verdict", "violation"),
        ("rationale", "x"),
    ];
    let fr = app
        .post(
            &format!("{CASE}/findings"),
            &reading(&editor, "fr"),
            &finding,
        )
        .await;
    assert_eq!(fr.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        fr.body
            .contains("ce dossier n&#x27;a pas de disposition FPA Art. 99"),
        "{}",
        fr.body
    );
    assert!(!fr.body.contains("in this case"), "{}", fr.body);
    // English readers read the core's own sentence, as before.
    let en = app
        .post(
            &format!("{CASE}/findings"),
            &reading(&editor, "en"),
            &finding,
        )
        .await;
    assert!(en.body.contains("no provision FPA Art. 99 in this case"));
}

/// The OpenAPI document in the request's language: its descriptions from the catalogs, its
/// paths, operation ids, parameters' names and schemas those of the English document.
#[tokio::test]
async fn the_openapi_document_follows_the_language() {
    let app = TestApp::new().await;
    let doc = |lang: &'static str| {
        let app = &app;
        async move {
            let req = Request::get("/api/openapi.json")
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::empty())
                .unwrap();
            let r = app.send(req).await;
            assert_eq!(r.status, StatusCode::OK);
            serde_json::from_str::<serde_json::Value>(&r.body).unwrap()
        }
    };
    let (en, fr, km) = (doc("en").await, doc("fr").await, doc("km").await);
    assert!(
        en["info"]["description"]
            .as_str()
            .unwrap()
            .starts_with("Cases, incidents, findings")
    );
    assert!(
        fr["info"]["description"]
            .as_str()
            .unwrap()
            .starts_with("Dossiers, incidents, constatations")
    );
    assert!(
        km["info"]["description"]
            .as_str()
            .unwrap()
            .starts_with("សំណុំរឿង ហេតុការណ៍")
    );
    let tag = |d: &serde_json::Value, name: &str| {
        d["tags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| t["description"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        tag(&fr, "cases"),
        "Les dossiers et leur état de déclenchement"
    );
    assert_eq!(tag(&km, "history"), "កំណែនីមួយៗនៃកំណត់ត្រាមួយ ចាស់ជាងគេមុន");
    let error_message = |d: &serde_json::Value| {
        d["components"]["schemas"]["ErrorBody"]["properties"]["message"]["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        error_message(&fr).starts_with("Ce qui n'a pas marché"),
        "{}",
        error_message(&fr)
    );
    // A response every case route documents, in Khmer.
    let case = &km["paths"]["/api/v1/cases/{id}"]["get"];
    assert_eq!(case["responses"]["401"]["description"], "ថូខឹនមិនត្រឹមត្រូវទេ");
    assert_eq!(case["parameters"][0]["description"], "លេខសម្គាល់សំណុំរឿង");
    assert_eq!(case["parameters"][0]["name"], "id");
    // Nothing but descriptions changes: the same paths, operations, ids and schemas.
    fn shape(v: &serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(m) => serde_json::Value::Object(
                m.iter()
                    .filter(|(k, v)| !((*k == "description" || *k == "summary") && v.is_string()))
                    .map(|(k, v)| (k.clone(), shape(v)))
                    .collect(),
            ),
            serde_json::Value::Array(a) => serde_json::Value::Array(a.iter().map(shape).collect()),
            other => other.clone(),
        }
    }
    assert_eq!(shape(&fr), shape(&en));
    assert_eq!(shape(&km), shape(&en));
    assert_ne!(fr, en);
    // Every operation's summary is said in the language (none left as the English one).
    let mut summaries = 0;
    for (path, operations) in en["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let Some(english) = operation["summary"].as_str() else {
                continue;
            };
            summaries += 1;
            let fr = fr["paths"][path][method]["summary"].as_str().unwrap();
            let km = km["paths"][path][method]["summary"].as_str().unwrap();
            assert_ne!(fr, english, "{method} {path}");
            assert!(
                km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
                "{method} {path}: {km}"
            );
        }
    }
    assert!(summaries >= 39, "{summaries}");
    // Every other text too (operations' parameters, responses, headers and bodies, tags, schemas
    // and their fields): none of the French ones is the English one, unless it reads the same
    // in both by nature; every Khmer one is written in Khmer.
    const SAME_IN_FRENCH: &[&str] = &[
        "`YYYY-MM-DD`.",
        "ISO 3166-1 alpha-2.",
        "`state`, `government_body`, `official`, `party`, `organisation`, ...",
        "`day`, `month`, `year`, `range`, ...",
        "`2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`, `2030-01..`.",
        "`2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`.",
    ];
    let mut english = Vec::new();
    texts(&en, "", &mut english);
    let mut checked = 0;
    for (at, text) in &english {
        checked += 1;
        let pointer = at.as_str();
        let fr = fr.pointer(pointer).and_then(|v| v.as_str()).unwrap();
        let km = km.pointer(pointer).and_then(|v| v.as_str()).unwrap();
        assert!(
            fr != text || SAME_IN_FRENCH.contains(&fr),
            "{pointer}: still English in French: {fr}"
        );
        assert!(
            km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
            "{pointer}: not Khmer: {km}"
        );
    }
    assert!(checked >= 350, "{checked}");
}

/// Every `description` and `summary` string of `value` under `at`, with its JSON pointer.
fn texts(value: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match v {
                    serde_json::Value::String(text) if key == "description" || key == "summary" => {
                        out.push((here, text.clone()));
                    }
                    other => texts(other, &here, out),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The sign-on link's line on the signatories page, in the reader's language: its state, its
/// day written out and its time in the language's digits.
#[tokio::test]
async fn the_sign_on_links_status_line_follows_the_language() {
    let app = TestApp::new().await;
    let owner = app
        .user(
            "owner@example.org",
            false,
            Some(accord_core::CaseRole::Owner),
        )
        .await;
    let signatories = format!("{CASE}/letters/appeal-2030/signatories");
    let r = app
        .post(
            &signatories,
            &owner,
            &[
                ("organisation", "Freedom House of Freedonia"),
                ("country", "se"),
                ("contact", "office@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let km = app.get(&signatories, &reading(&owner, "km")).await.body;
    let line = km
        .split("<br>")
        .find(|s| s.starts_with("តំណនៅបើករហូតដល់ថ្ងៃទី"))
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no Khmer link line:\n{km}"));
    assert!(line.contains(" UTC"), "{line}");
    assert!(
        !line.chars().any(|c| c.is_ascii_digit()),
        "Khmer digits only: {line}"
    );
    assert!(!km.contains("link open"), "{km}");
    let fr = app.get(&signatories, &reading(&owner, "fr")).await.body;
    assert!(fr.contains("lien ouvert jusqu'au "), "{fr}");
}
