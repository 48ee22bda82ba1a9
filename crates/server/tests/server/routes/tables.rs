//! Issue 15 on the web: a table uploaded, previewed (first rows, mapping, what an import would
//! do, nothing written), then imported; and the timeline's download holding what its reader's
//! timeline shows, and nothing they may not see.

use accord_core::{CaseRole, DateSpec, Incident, IncidentKind, Sensitivity};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use crate::routes::support::{CASE, Reply, TestApp, Who};

const BOUNDARY: &str = "accord-tables-boundary-3f9a";
const KHMER: &str = "ការចាប់ខ្លួនសកម្មជនដីធ្លី";
const MARKER: &str = "MARKERRESTRICTEDIMPORT";

fn example(name: &str) -> Vec<u8> {
    let root =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/import");
    std::fs::read(root.join(name)).unwrap()
}

async fn upload(app: &TestApp, who: &Who, fields: &[(&str, &str)], file: Option<&[u8]>) -> Reply {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"uwazi.csv\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(format!("/cases/{CASE}/import?csrf={}", who.csrf))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(c) = &who.cookie {
        req = req.header(header::COOKIE, c);
    }
    app.send(req.body(Body::from(body)).unwrap()).await
}

/// The value of a hidden field in a page.
fn hidden(page: &str, name: &str) -> String {
    let at = page.find(&format!("name=\"{name}\" value=\"")).unwrap();
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn a_table_is_previewed_then_imported() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let form = app.get(&format!("/cases/{CASE}/import"), &editor).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("enctype=\"multipart/form-data\""));

    let preview = upload(
        &app,
        &editor,
        &[("format", "uwazi"), ("step", "preview")],
        Some(&example("uwazi.csv")),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("What an import would do"));
    assert!(
        preview.body.contains(KHMER),
        "the first rows, Khmer as written"
    );
    assert!(
        preview.body.contains("<td>2</td>"),
        "two incidents would be created"
    );
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert!(
        case.incident("arrest-of-a-land-activist").is_none(),
        "a preview writes nothing"
    );

    // The preview's form carries the file back; importing it writes the records.
    let data = hidden(&preview.body, "file_data");
    let done = upload(
        &app,
        &editor,
        &[
            ("format", "uwazi"),
            ("file_data", &data),
            ("step", "import"),
        ],
        None,
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Imported."), "{}", done.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let arrest = case.incident("arrest-of-a-land-activist").unwrap();
    assert!(arrest.summary.as_deref().unwrap().contains(KHMER));
    let history = app
        .store
        .history(
            CASE,
            accord_store::RecordKind::Incident,
            "arrest-of-a-land-activist",
        )
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].actor, "editor@example.org");

    // A bad file: every problem named, nothing written.
    let bad = b"title,date\nA,someday\n".to_vec();
    let refused = upload(
        &app,
        &editor,
        &[("format", "uwazi"), ("step", "import")],
        Some(&bad),
    )
    .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("Nothing was imported"));
    assert!(refused.body.contains("someday"));
    // No file at all: refused.
    let none = upload(&app, &editor, &[("format", "uwazi")], None).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_timeline_download_holds_what_the_reader_may_see() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let restricted = Incident {
        id: "restricted-one".into(),
        date: "2030-03-01".parse::<DateSpec>().unwrap(),
        title: MARKER.into(),
        kind: IncidentKind::Other,
        summary: Some(KHMER.into()),
        place: None,
        themes: vec![],
        sources: vec![],
        actors: vec![],
        evidence: vec![],
        sensitivity: Sensitivity::Restricted,
        restricted_to: vec![],
    };
    app.store
        .save_incident(CASE, &restricted, "test")
        .await
        .unwrap();

    let mine = app
        .get(&format!("/cases/{CASE}/timeline.csv"), &owner)
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(
        mine.headers[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert!(mine.body.starts_with("id,date,title,"), "{}", mine.body);
    assert!(
        mine.body.contains(MARKER) && mine.body.contains(KHMER),
        "the owner sees it, Khmer intact"
    );

    let theirs = app
        .get(&format!("/cases/{CASE}/timeline.csv"), &viewer)
        .await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(
        !theirs.body.contains(MARKER),
        "a restricted incident is not exported to a viewer"
    );
    let (table, _) = accord_tables::read::csv_table(&theirs.bytes).unwrap();
    assert!(!table.rows.is_empty(), "the rest of the timeline is");

    // Filters apply: only the kind asked for.
    let filtered = app
        .get(&format!("/cases/{CASE}/timeline.csv?kind=other"), &owner)
        .await;
    let (table, _) = accord_tables::read::csv_table(&filtered.bytes).unwrap();
    assert!(!table.rows.is_empty());
    assert!(
        table.rows.iter().all(|r| r[3] == "other"),
        "{}",
        filtered.body
    );
    let uwazi = app
        .get(&format!("/cases/{CASE}/timeline.csv?format=uwazi"), &owner)
        .await;
    assert!(uwazi.body.starts_with("title,date,"), "{}", uwazi.body);
    // Outside the case, a private case does not exist.
    let outsider = app.visitor().await;
    assert_eq!(
        app.get(&format!("/cases/{CASE}/timeline.csv"), &outsider)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

/// A table's row problems on the import page in the reader's language (issue 16 §1): a date
/// that is not one, said in Khmer and French, with the value as typed; the English page keeps
/// the importer's own words.
#[tokio::test]
async fn a_tables_problems_are_said_in_the_readers_language() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let bad = b"title,date\nA,someday\n".to_vec();
    let as_reader = |lang: &str| Who {
        cookie: Some(format!(
            "{}; accord_lang={lang}",
            editor.cookie.clone().unwrap()
        )),
        csrf: editor.csrf.clone(),
    };
    let mut said = Vec::new();
    for lang in ["en", "fr", "km"] {
        let page = upload(
            &app,
            &as_reader(lang),
            &[("format", "uwazi"), ("step", "preview")],
            Some(&bad),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{lang}");
        assert!(page.body.contains("someday"), "{lang}");
        said.push(page.body);
    }
    assert!(said[0].contains("not a date"), "{}", said[0]);
    assert!(said[1].contains("pas une date"), "{}", said[1]);
    assert!(!said[1].contains("not a date"), "{}", said[1]);
    assert!(said[2].contains("មិនមែនជាកាលបរិច្ឆេទទេ"), "{}", said[2]);
    assert!(!said[2].contains("not a date"), "{}", said[2]);
}
