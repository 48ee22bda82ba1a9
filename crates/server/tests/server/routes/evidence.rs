//! Evidence files through the web pages: the incident page's upload form (multipart, streamed,
//! CSRF-checked without reading the body first), the item's page and the download of its exact
//! bytes.

use accord_core::CaseRole;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use sha2::{Digest, Sha256};

use crate::routes::support::{CASE, TestApp, Who};

const INCIDENT: &str = "party-dissolved";
const BOUNDARY: &str = "accord-test-boundary-7d41";

/// A multipart body: text fields in order, then the file part.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, value) in fields {
        out.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        out.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

/// Post an upload form as a browser does; `csrf` goes in the action's query string.
pub(crate) async fn upload(
    app: &TestApp,
    who: &Who,
    csrf: Option<&str>,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> crate::routes::support::Reply {
    let path = format!("/cases/{CASE}/incidents/{INCIDENT}/evidence");
    post_multipart(app, who, &path, csrf, fields, file).await
}

async fn post_multipart(
    app: &TestApp,
    who: &Who,
    path: &str,
    csrf: Option<&str>,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> crate::routes::support::Reply {
    let query = csrf.map_or_else(String::new, |t| format!("?csrf={t}"));
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(format!("{path}{query}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(c) = &who.cookie {
        req = req.header(header::COOKIE, c);
    }
    app.send(req.body(Body::from(multipart(fields, file))).unwrap())
        .await
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

async fn stored_items(app: &TestApp) -> usize {
    app.store
        .evidence_of_incident(CASE, INCIDENT)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_uploaded_file_downloads_byte_for_byte_with_its_hash() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    // The incident page offers the form, its token in the action's query string; the upload
    // below sends the token the page gave, as a browser does.
    let page = app
        .get(&format!("/cases/{CASE}/incidents/{INCIDENT}"), &editor)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        page.body
    );
    let action_start = format!("action=\"/cases/{CASE}/incidents/{INCIDENT}/evidence?csrf=");
    let page_token = page
        .body
        .split(&action_start)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's action carries the token")
        .to_owned();
    // Bytes that are not text, with every byte value, larger than one chunk of the stream.
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    let r = upload(
        &app,
        &editor,
        Some(&page_token),
        &[
            ("captured_at", "2030-04-02T09:30"),
            ("captured_by", "A. Monitor"),
            ("source_url", "https://example.org/decree.pdf"),
            ("method", "download"),
            ("tool", "Firefox 140"),
            ("note", "The decree as published"),
        ],
        Some(("decree scan.bin", &bytes)),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item_page = r.location().to_owned();
    assert!(
        item_page.starts_with(&format!("/cases/{CASE}/evidence/")),
        "{item_page}"
    );
    let id = item_page
        .trim_start_matches(&format!("/cases/{CASE}/evidence/"))
        .trim_end_matches("?saved=1")
        .to_owned();

    // The item's page: hash, size, type, capture record, custody.
    let page = app.get(&item_page, &editor).await;
    assert_eq!(page.status, StatusCode::OK);
    // The templates escape '/' in text.
    let text = page.body.replace("&#x2f;", "/");
    for expected in [
        sha256(&bytes).as_str(),
        "300,000 bytes",
        "application/octet-stream",
        "2030-04-02T09:30:00Z",
        "A. Monitor",
        "https://example.org/decree.pdf",
        "Firefox 140",
        "received",
        "ed@example.org",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    // The incident page lists it, linked.
    let incident = app
        .get(&format!("/cases/{CASE}/incidents/{INCIDENT}"), &editor)
        .await;
    assert!(
        incident
            .body
            .contains(&format!("href=\"/cases/{CASE}/evidence/{id}\"")),
        "{}",
        incident.body
    );

    // The download is the exact bytes, as an attachment that no browser renders.
    let file = app
        .get(&format!("/cases/{CASE}/evidence/{id}/file"), &editor)
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.bytes, bytes);
    assert_eq!(sha256(&file.bytes), sha256(&bytes));
    let h = |name: header::HeaderName| {
        file.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(h(header::CONTENT_TYPE), "application/octet-stream");
    assert!(
        h(header::CONTENT_DISPOSITION).starts_with("attachment; filename=\"decree scan.bin\""),
        "{}",
        h(header::CONTENT_DISPOSITION)
    );
    assert_eq!(h(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    // ... and the download is in the chain of custody, once: a HEAD request is not a download.
    let head = app
        .request(
            Method::HEAD,
            &format!("/cases/{CASE}/evidence/{id}/file"),
            &editor,
            None,
        )
        .await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(
        head.headers.get(header::CONTENT_LENGTH).unwrap(),
        &bytes.len().to_string()
    );
    let page = app.get(&item_page, &editor).await;
    assert_eq!(
        page.body.matches("<td>downloaded</td>").count(),
        1,
        "{}",
        page.body
    );
}

#[tokio::test]
async fn html_is_never_served_as_a_page_and_images_keep_their_type() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let html = b"<!doctype html><script>alert(1)</script>";
    // The smallest PNG: signature and an IHDR chunk are enough for the sniffer.
    let png: Vec<u8> = [
        &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..],
        &[
            0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
        ],
        &[0x1f, 0x15, 0xc4, 0x89],
    ]
    .concat();
    for (name, bytes, content_type, disposition) in [
        (
            "page.html",
            &html[..],
            "application/octet-stream",
            "attachment",
        ),
        ("dot.png", &png[..], "image/png", "inline"),
    ] {
        let r = upload(&app, &editor, Some(&editor.csrf), &[], Some((name, bytes))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let file = app
            .get(
                &format!("{}/file", r.location().trim_end_matches("?saved=1")),
                &editor,
            )
            .await;
        assert_eq!(file.bytes, bytes, "{name}");
        assert_eq!(
            file.headers.get(header::CONTENT_TYPE).unwrap(),
            content_type,
            "{name}"
        );
        assert!(
            file.headers
                .get(header::CONTENT_DISPOSITION)
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(disposition),
            "{name}"
        );
        assert_eq!(
            file.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
            "nosniff"
        );
    }
}

#[tokio::test]
async fn an_upload_without_the_csrf_token_is_refused_and_nothing_is_kept() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let file = Some(("note.txt", &b"hello"[..]));
    // No token, a wrong token, the token only as a body field (the body is not read for it).
    for (csrf, fields) in [
        (None, vec![]),
        (Some("0123456789abcdef0123456789abcdef"), vec![]),
        (None, vec![("csrf", editor.csrf.as_str())]),
    ] {
        let r = upload(&app, &editor, csrf, &fields, file).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{csrf:?} {fields:?}");
    }
    assert_eq!(stored_items(&app).await, 0);
    // A script may send the token in a header instead.
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/cases/{CASE}/incidents/{INCIDENT}/evidence"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::COOKIE, editor.cookie.as_deref().unwrap())
        .header("x-csrf-token", &editor.csrf)
        .body(Body::from(multipart(&[], file)))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(stored_items(&app).await, 1);
}

#[tokio::test]
async fn only_editors_and_owners_upload() {
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let reviewer = app
        .user("rev@example.org", false, Some(CaseRole::Reviewer))
        .await;
    let outsider = app.user("out@example.org", false, None).await;
    let visitor = app.visitor().await;
    let file = Some(("note.txt", &b"hello"[..]));
    for (who, expected) in [
        (&viewer, StatusCode::FORBIDDEN),
        (&reviewer, StatusCode::FORBIDDEN),
        // The case is private: to those outside it, it does not exist.
        (&outsider, StatusCode::NOT_FOUND),
        (&visitor, StatusCode::NOT_FOUND),
    ] {
        let r = upload(&app, who, Some(&who.csrf), &[], file).await;
        assert_eq!(r.status, expected, "{:?}", who.cookie);
    }
    assert_eq!(stored_items(&app).await, 0);
    // A viewer sees no upload form.
    let page = app
        .get(&format!("/cases/{CASE}/incidents/{INCIDENT}"), &viewer)
        .await;
    assert!(!page.body.contains("multipart/form-data"));
}

#[tokio::test]
async fn bad_uploads_are_explained_and_leave_nothing() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    // No file chosen: the browser sends an empty file part without a name.
    let r = upload(&app, &editor, Some(&editor.csrf), &[], Some(("", b""))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("choose a file"), "{}", r.body);
    let r = upload(
        &app,
        &editor,
        Some(&editor.csrf),
        &[("captured_at", "last Tuesday")],
        Some(("a.txt", b"a")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("captured_at"), "{}", r.body);
    // An unknown incident is 404, an unknown item too.
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(format!(
            "/cases/{CASE}/incidents/no-such-incident/evidence?csrf={}",
            editor.csrf
        ))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    req = req.header(header::COOKIE, editor.cookie.as_deref().unwrap());
    let r = app
        .send(
            req.body(Body::from(multipart(&[], Some(("a.txt", b"a")))))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .get(&format!("/cases/{CASE}/evidence/no-such-item"), &editor)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .get(
            &format!("/cases/{CASE}/evidence/no-such-item/file"),
            &editor,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(stored_items(&app).await, 0);
}

#[tokio::test]
async fn working_copies_custody_events_and_checks_are_recorded() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let r = upload(
        &app,
        &editor,
        Some(&editor.csrf),
        &[],
        Some(("photo.bin", b"original bytes")),
    )
    .await;
    let original = r.location().trim_end_matches("?saved=1").to_owned();
    let original_id = original.rsplit('/').next().unwrap().to_owned();

    // A working copy: its own item, naming the original, which records the derivation.
    let copies = format!("{original}/copies");
    let r = post_multipart(
        &app,
        &editor,
        &copies,
        Some(&editor.csrf),
        &[],
        Some(("blurred.bin", b"redacted bytes")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = post_multipart(
        &app,
        &editor,
        &copies,
        Some(&editor.csrf),
        &[("what", "faces blurred")],
        Some(("blurred.bin", b"redacted bytes")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let copy = r.location().trim_end_matches("?saved=1").to_owned();
    let page = app.get(&copy, &editor).await.body;
    assert!(page.contains("working copy of"), "{page}");
    assert!(page.contains("faces blurred"), "{page}");
    let page = app.get(&original, &editor).await.body;
    assert!(
        page.contains("blurred.bin"),
        "the original lists its copy: {page}"
    );
    assert!(page.contains("derived"), "{page}");
    let stored = app
        .store
        .evidence(CASE, &original_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.sha256,
        sha256(b"original bytes"),
        "the original is unchanged"
    );

    // Custody by hand: a hand-over must say to whom.
    let custody = format!("{original}/custody");
    let r = app
        .post(&custody, &editor, &[("action", "handed_over")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for action in ["received", "verified", "nonsense"] {
        let r = app.post(&custody, &editor, &[("action", action)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{action}");
    }
    let r = app
        .post(
            &custody,
            &editor,
            &[
                ("action", "handed_over"),
                ("note", "to the UN Special Rapporteur"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app.post(&format!("{original}/verify"), &editor, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&original, &editor).await.body;
    for expected in [
        "handed over",
        "to the UN Special Rapporteur",
        "verified",
        "it matches",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    // Readers read; they do not write to the chain.
    let r = app.post(&custody, &viewer, &[("action", "copied")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.post(&format!("{original}/verify"), &viewer, &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_multipart(
        &app,
        &viewer,
        &copies,
        Some(&viewer.csrf),
        &[("what", "x")],
        Some(("x.bin", b"x")),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_restricted_item_does_not_exist_for_an_editor_it_is_not_shown_to() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let named = app
        .user("named@example.org", false, Some(CaseRole::Editor))
        .await;
    let mut body: &[u8] = b"a witness's statement";
    let item = app
        .state
        .actions
        .add_evidence(
            CASE,
            accord_actions::NewEvidence {
                id: Some("statement".into()),
                file_name: "statement.txt".into(),
                incident: Some(INCIDENT.into()),
                sensitivity: accord_core::Sensitivity::Restricted,
                restricted_to: vec!["named@example.org".into()],
                ..accord_actions::NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "owner@example.org",
        )
        .await
        .unwrap();
    let page = format!("/cases/{CASE}/evidence/{}", item.id);
    let custody = format!("{page}/custody");
    let check = format!("{page}/verify");
    let token = app.api_token("ed@example.org").await;
    let api_custody = |token: &str| {
        Request::builder()
            .method(Method::POST)
            .uri(format!("/api/v1/cases/{CASE}/evidence/{}/custody", item.id))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"action": "copied"}"#))
            .unwrap()
    };
    // The editor it is not shown to: the page, the custody form, the check and the API all
    // answer as for a missing item, and the chain of custody is unchanged.
    assert_eq!(app.get(&page, &editor).await.status, StatusCode::NOT_FOUND);
    let r = app.post(&custody, &editor, &[("action", "copied")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = app.post(&check, &editor, &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = app.send(api_custody(&token)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(!r.body.contains("statement.txt"), "{}", r.body);
    let stored = app
        .store
        .evidence(CASE, "statement")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.custody.len(), 1, "{:?}", stored.custody);

    // The editor it names records and checks as usual.
    let r = app.post(&custody, &named, &[("action", "copied")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app.post(&check, &named, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .send(api_custody(&app.api_token("named@example.org").await))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let stored = app
        .store
        .evidence(CASE, "statement")
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<&str> = stored.custody.iter().map(|c| c.action.as_str()).collect();
    assert_eq!(actions, ["received", "copied", "verified", "copied"]);
}
