//! Letters on the web: the published letter and its downloads, the compose page, and sign-on
//! from invitation to verification, through the pages a coordinator and an invited organisation
//! use — with the case's privacy, roles, CSRF and links that are used up or expire.

use accord_core::CaseRole;
use accord_letters::signon::LinkToken;
use accord_store::{NewInvitation, NewLink};
use axum::http::{StatusCode, header};

use crate::routes::support::{CASE, TestApp, Who};

const LETTER: &str = "appeal-2030";
const LETTER_PAGE: &str = "/cases/example-2030/letters/appeal-2030";
const SIGNATORIES: &str = "/cases/example-2030/letters/appeal-2030/signatories";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The link a page shows once: the `/sign/...` or `/withdraw/...` path in it.
fn link_in(body: &str, prefix: &str) -> String {
    // Attribute values are HTML-escaped, '/' included.
    let body = body.replace("&#x2f;", "/");
    let start = body
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in:\n{body}"));
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_'))
        .collect()
}

/// The SHA-256 the sign page shows (the hidden `text_sha256` field).
fn shown_sha(body: &str) -> String {
    let at = body
        .find("name=\"text_sha256\" value=\"")
        .expect("a text_sha256 field")
        + 26;
    body[at..at + 64].to_owned()
}

async fn owner(app: &TestApp) -> Who {
    app.user("owner@example.org", false, Some(CaseRole::Owner))
        .await
}

async fn invite(app: &TestApp, owner: &Who, name: &str) -> String {
    let r = app
        .post(
            SIGNATORIES,
            owner,
            &[
                ("organisation", name),
                ("country", "se"),
                ("contact", "office@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
    link_in(&r.body, "/sign/")
}

#[tokio::test]
async fn the_letter_page_prints_verified_signatories_and_respects_privacy() {
    let app = TestApp::new().await;
    let anonymous = Who::default();
    assert_eq!(
        app.get(LETTER_PAGE, &anonymous).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/cases/example-2030/letters", &anonymous)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let r = app.get("/cases/example-2030/letters", &viewer).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Appeal to the Guarantor of the Freedonia Peace Accord")
    );
    assert!(
        r.body.contains("1 of 2"),
        "one of two signatories is printed: {}",
        r.body
    );
    assert!(
        !r.body.contains("/signatories\""),
        "a viewer gets no coordinator links"
    );

    let r = app.get(LETTER_PAGE, &viewer).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("<li>Example Press Freedom Network</li>"),
        "{}",
        r.body
    );
    // Signed but not verified: not printed.
    assert!(!r.body.contains("<li>Association for Civic Space</li>"));
    assert!(
        r.body
            .contains("Everyone shall have the right to form and join political parties")
    );

    // Published: everyone may read it.
    app.store.set_published(CASE, true, "test").await.unwrap();
    assert_eq!(
        app.get(LETTER_PAGE, &anonymous).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/cases/example-2030/letters/no-such-letter", &anonymous)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn downloads_in_three_formats() {
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let md = app
        .get(&format!("{LETTER_PAGE}/download/md"), &viewer)
        .await;
    assert_eq!(md.status, StatusCode::OK);
    assert_eq!(
        md.headers.get(header::CONTENT_TYPE).unwrap(),
        "text/markdown; charset=utf-8"
    );
    assert_eq!(
        md.headers.get(header::CONTENT_DISPOSITION).unwrap(),
        "attachment; filename=\"appeal-2030.md\""
    );
    assert!(
        md.body
            .starts_with("# Appeal to the Guarantor of the Freedonia Peace Accord\n")
    );
    assert!(md.body.contains("\n1. Example Press Freedom Network\n"));

    let html = app
        .get(&format!("{LETTER_PAGE}/download/html"), &viewer)
        .await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.starts_with("<!DOCTYPE html>"));

    let pdf = app
        .get(&format!("{LETTER_PAGE}/download/pdf"), &viewer)
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(
        pdf.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/pdf"
    );
    assert!(pdf.body.starts_with("%PDF-"));

    assert_eq!(
        app.get(&format!("{LETTER_PAGE}/download/docx"), &viewer)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("{LETTER_PAGE}/download/md"), &Who::default())
            .await
            .status,
        StatusCode::NOT_FOUND,
        "a private case's letter is not downloadable"
    );
}

#[tokio::test]
async fn only_the_coordinator_composes_invites_and_verifies() {
    let app = TestApp::new().await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    for path in [
        format!("{LETTER_PAGE}/edit"),
        "/cases/example-2030/letters/new".to_owned(),
        SIGNATORIES.to_owned(),
    ] {
        assert_eq!(
            app.get(&path, &editor).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let r = app
        .post(
            SIGNATORIES,
            &editor,
            &[("organisation", "X"), ("contact", "x@example.org")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(&format!("{SIGNATORIES}/1/verify"), &editor, &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(
            &format!("{LETTER_PAGE}/edit"),
            &editor,
            &[("title", "Hijacked")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn compose_previews_refuses_template_errors_and_saves() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let r = app.get(&format!("{LETTER_PAGE}/edit"), &owner).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("{{ quote(&quot;FPA Art. 3(1)&quot;) }}"),
        "the body template is in the form: {}",
        r.body
    );

    let fields = |body: &'static str, action: &'static str| {
        vec![
            ("title", "Appeal, revised"),
            ("date", "2030-07-02"),
            ("place", "Example City"),
            ("language", "en"),
            (
                "addressees",
                "The Foreign Minister of Ruritania | Foreign Minister | Government of Ruritania | guarantor",
            ),
            ("body", body),
            ("closing", "Yours sincerely,"),
            ("signatory_order", "alphabetical"),
            ("cc", "The Parties to the Accord"),
            ("action", action),
        ]
    };
    // Preview: shown, nothing saved.
    let r = app
        .post(
            &format!("{LETTER_PAGE}/edit"),
            &owner,
            &fields("Dear Minister, <b>please</b> act.\n", "preview"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body
            .contains("Dear Minister, &lt;b&gt;please&lt;/b&gt; act."),
        "HTML in the body is text: {}",
        r.body
    );
    // Both signatories of the example (one verified, one signed) would be of an earlier version.
    assert!(
        r.body
            .contains("2 signatures will show as “signed an earlier version”"),
        "{}",
        r.body
    );
    let stored = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(
        stored.letter(LETTER).unwrap().title,
        "Appeal to the Guarantor of the Freedonia Peace Accord"
    );

    // A template error is refused with its line.
    let r = app
        .post(
            &format!("{LETTER_PAGE}/edit"),
            &owner,
            &fields("Line one.\n\n{{ quote(\"FPA Art. 99\") }}\n", "save"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("body.md line 3"), "{}", r.body);
    assert!(r.body.contains("FPA Art. 99"));

    // Saved.
    let r = app
        .post(
            &format!("{LETTER_PAGE}/edit"),
            &owner,
            &fields(
                "Dear Minister, please act{{ cite(\"gazette-2030-02\") }}.\n",
                "save",
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), LETTER_PAGE);
    let stored = app.store.load_case(CASE).await.unwrap().unwrap();
    let l = stored.letter(LETTER).unwrap();
    assert_eq!(l.title, "Appeal, revised");
    assert_eq!(l.cc, ["The Parties to the Accord"]);
    assert_eq!(l.addressees[0].role.as_deref(), Some("guarantor"));
    assert_eq!(
        l.addressees[0].actor.as_deref(),
        Some("guarantor"),
        "the addressee's actor is kept"
    );
    assert_eq!(l.signatories.len(), 2, "signatories are kept");
    // They signed the text as it was: now an earlier version, off the published letter.
    assert!(l.signatories.iter().all(|s| s.signed_text_sha256.is_some()));
    let page = app.get(LETTER_PAGE, &owner).await;
    assert!(
        !page.body.contains("<li>Example Press Freedom Network</li>"),
        "{}",
        page.body
    );

    // A new letter.
    let mut new = fields("A short note.\n", "save");
    new.push(("id", "note-2030"));
    let r = app.post("/cases/example-2030/letters", &owner, &new).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/cases/example-2030/letters/note-2030");
    let r = app.post("/cases/example-2030/letters", &owner, &new).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the id is taken"
    );
}

#[tokio::test]
async fn sign_on_from_invitation_to_publication_and_withdrawal() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let sign = invite(&app, &owner, "Freedom House of Freedonia").await;
    let list = app.get(SIGNATORIES, &owner).await;
    assert!(list.body.contains("Freedom House of Freedonia"));
    assert!(list.body.contains("invited"));
    assert!(list.body.contains("link open until"));

    // The organisation opens its link without an account.
    let org = app.visitor().await;
    let page = app.get(&sign, &org).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Everyone shall have the right to form and join political parties")
    );
    assert!(
        !page.body.contains("<li>Example Press Freedom Network</li>"),
        "other signatories are not part of the text"
    );
    let sha = shown_sha(&page.body);

    // A signature for a text that is not the current one is refused.
    let wrong = "0".repeat(64);
    let r = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("representative", "F. Person"),
                ("organisation", "Freedom House"),
                ("text_sha256", &wrong),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("changed after this page was opened"),
        "{}",
        r.body
    );

    let r = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("representative", "F. Person"),
                ("organisation", "Freedom House"),
                ("url", "https://freedomhouse.example"),
                ("text_sha256", &sha),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Thank you for signing"));
    let withdraw = link_in(&r.body, "/withdraw/");

    // Signing twice changes nothing.
    let again = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("representative", "Someone Else"),
                ("organisation", "Other Name"),
                ("text_sha256", &sha),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("signed the letter with this link"));
    assert_eq!(app.get(&sign, &org).await.status, StatusCode::GONE);

    // Not printed until verified.
    assert!(
        !app.get(LETTER_PAGE, &Who::default())
            .await
            .body
            .contains("<li>Freedom House</li>")
    );
    let entries = app.store.signon_entries(CASE, LETTER, now()).await.unwrap();
    let pos = entries
        .iter()
        .find(|e| e.signatory.organisation == "Freedom House")
        .unwrap()
        .position;
    let r = app
        .post(&format!("{SIGNATORIES}/{pos}/verify"), &owner, &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        app.get(LETTER_PAGE, &Who::default())
            .await
            .body
            .contains("<li>Freedom House</li>")
    );

    // The text changes: the signature is of an earlier version and leaves the letter.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let mut letter = case.letter(LETTER).unwrap().clone();
    letter.body.push_str("\nOne more paragraph.\n");
    app.store
        .save_letter(CASE, &letter, None, "test")
        .await
        .unwrap();
    let list = app.get(SIGNATORIES, &owner).await;
    assert!(
        list.body.contains("signed an earlier version"),
        "{}",
        list.body
    );
    assert!(
        !app.get(LETTER_PAGE, &Who::default())
            .await
            .body
            .contains("<li>Freedom House</li>")
    );

    // A new link; they sign the new text; verified again, printed again.
    let r = app
        .post(&format!("{SIGNATORIES}/{pos}/link"), &owner, &[])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let sign2 = link_in(&r.body, "/sign/");
    let page = app.get(&sign2, &org).await;
    assert!(page.body.contains("One more paragraph."));
    let sha2 = shown_sha(&page.body);
    assert_ne!(sha, sha2);
    let r = app
        .post(
            &sign2,
            &org,
            &[
                ("action", "sign"),
                ("representative", "F. Person"),
                ("organisation", "Freedom House"),
                ("text_sha256", &sha2),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    app.post(&format!("{SIGNATORIES}/{pos}/verify"), &owner, &[])
        .await;
    assert!(
        app.get(LETTER_PAGE, &Who::default())
            .await
            .body
            .contains("<li>Freedom House</li>")
    );

    // Withdrawn with the first withdraw link: asked to confirm, then off the letter.
    let confirm = app.get(&withdraw, &org).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("Withdraw the signature"));
    let r = app.post(&withdraw, &org, &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Signature withdrawn"));
    assert!(
        !app.get(LETTER_PAGE, &Who::default())
            .await
            .body
            .contains("<li>Freedom House</li>")
    );
    assert_eq!(
        app.post(&withdraw, &org, &[]).await.status,
        StatusCode::GONE
    );
    assert!(
        app.get(SIGNATORIES, &owner)
            .await
            .body
            .contains("withdrawn")
    );
}

#[tokio::test]
async fn declining_and_links_that_no_longer_work() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let sign = invite(&app, &owner, "Cautious Org").await;
    let org = app.visitor().await;
    let r = app.post(&sign, &org, &[("action", "decline")]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("You declined to sign"));
    let r = app.get(&sign, &org).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.body.contains("declined to sign with this link"));
    assert!(app.get(SIGNATORIES, &owner).await.body.contains("declined"));

    // An expired link (made through the store with a past expiry).
    let token = LinkToken::from_bytes([7; 32]);
    app.store
        .invite_signatory(
            CASE,
            LETTER,
            &NewInvitation {
                organisation: "Late Org".into(),
                country: None,
                contact: "late@example.org".into(),
                link: NewLink {
                    token_sha256: token.sha256(),
                    expires_unix: now() - 60,
                },
            },
            "test",
        )
        .await
        .unwrap();
    let r = app.get(&format!("/sign/{}", token.as_str()), &org).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.body.contains("This link has expired"), "{}", r.body);

    // Unknown and malformed links.
    let unknown = LinkToken::from_bytes([8; 32]);
    assert_eq!(
        app.get(&format!("/sign/{}", unknown.as_str()), &org)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/sign/not-a-token", &org).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/withdraw/not-a-token", &org).await.status,
        StatusCode::NOT_FOUND
    );
    // A sign link is not a withdraw link.
    let fresh = invite(&app, &owner, "Fresh Org").await;
    let as_withdraw = fresh.replace("/sign/", "/withdraw/");
    assert_eq!(
        app.get(&as_withdraw, &org).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn sign_forms_need_the_csrf_token() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let sign = invite(&app, &owner, "Some Org").await;
    let org = app.visitor().await;
    let forged = Who {
        cookie: org.cookie.clone(),
        csrf: "forged".into(),
    };
    let r = app.post(&sign, &forged, &[("action", "decline")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nothing happened: the link still opens.
    assert_eq!(app.get(&sign, &org).await.status, StatusCode::OK);
}

#[tokio::test]
async fn names_and_fields_are_escaped_on_every_page() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let name = "<script>alert(1)</script> & Co";
    let sign = invite(&app, &owner, name).await;
    let list = app.get(SIGNATORIES, &owner).await;
    assert!(!list.body.contains("<script>alert(1)"), "{}", list.body);
    assert!(
        list.body.contains("&lt;script&gt;alert(1)&lt;"),
        "{}",
        list.body
    );
    let org = app.visitor().await;
    let page = app.get(&sign, &org).await;
    assert!(!page.body.contains("<script>alert(1)"));
    // Duplicate names are refused with the field named.
    let r = app
        .post(
            SIGNATORIES,
            &owner,
            &[
                ("organisation", "example press freedom network"),
                ("contact", "x@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("already on this letter"));
}

// --- Letters kept per case version (letter_cache) ----------------------------------------------

/// The position of a signatory of the example letter, by name.
async fn position_of(app: &TestApp, organisation: &str) -> u32 {
    app.store
        .signon_entries(CASE, LETTER, now())
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.signatory.organisation == organisation)
        .unwrap()
        .position
}

#[tokio::test]
async fn a_letter_is_composed_and_its_pdf_rendered_once_per_version() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let reader = Who::default();
    let pdf_path = format!("{LETTER_PAGE}/download/pdf");
    let md_path = format!("{LETTER_PAGE}/download/md");

    // Requests that arrive together for a PDF not rendered yet wait for one rendering.
    let first: Vec<_> =
        futures_util::future::join_all((0..8).map(|_| app.get(&pdf_path, &reader))).await;
    for r in &first {
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.bytes.starts_with(b"%PDF-"));
        assert_eq!(r.bytes, first[0].bytes, "every reader gets the same PDF");
    }
    for _ in 0..4 {
        assert_eq!(app.get(&pdf_path, &reader).await.bytes, first[0].bytes);
        assert_eq!(app.get(LETTER_PAGE, &reader).await.status, StatusCode::OK);
        assert_eq!(app.get(&md_path, &reader).await.status, StatusCode::OK);
        let list = app.get("/cases/example-2030/letters", &reader).await;
        assert_eq!(list.status, StatusCode::OK);
    }
    let work = app.state.letter_work();
    assert_eq!(work.pdf_renders, 1, "{work:?}");
    assert_eq!(work.compositions, 1, "{work:?}");

    // Browsers take gzip: the kept PDF is sent compressed once, not compressed again.
    for _ in 0..2 {
        let r = app
            .send(
                axum::http::Request::get(pdf_path.as_str())
                    .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            r.headers.get_all(header::CONTENT_ENCODING).iter().count(),
            1
        );
        assert_eq!(r.headers.get(header::CONTENT_ENCODING).unwrap(), "gzip");
        assert_eq!(r.headers.get(header::VARY).unwrap(), "accept-encoding");
        let mut pdf = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&r.bytes[..]), &mut pdf)
            .unwrap();
        assert_eq!(pdf, first[0].bytes, "the same PDF, compressed");
    }
    assert_eq!(app.state.letter_work().pdf_renders, 1);

    // A write to the case (the coordinator verifies a signature) changes what is served at once.
    let md = app.get(&md_path, &reader).await.body;
    assert!(!md.contains("Association for Civic Space"), "{md}");
    let pos = position_of(&app, "Association for Civic Space").await;
    let r = app
        .post(&format!("{SIGNATORIES}/{pos}/verify"), &owner, &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let md = app.get(&md_path, &reader).await.body;
    assert!(md.contains("\n1. Association for Civic Space\n"), "{md}");
    let page = app.get(LETTER_PAGE, &reader).await.body;
    assert!(
        page.contains("<li>Association for Civic Space</li>"),
        "{page}"
    );
    let list = app.get("/cases/example-2030/letters", &reader).await.body;
    assert!(list.contains("2 of 2"), "{list}");
    let pdf = app.get(&pdf_path, &reader).await.bytes;
    assert_ne!(pdf, first[0].bytes, "the PDF names the new signatory");
    let work = app.state.letter_work();
    assert_eq!(work.pdf_renders, 2, "{work:?}");
    assert_eq!(work.compositions, 2, "{work:?}");
}

#[tokio::test]
async fn letter_pages_do_not_read_the_incidents_no_finding_names() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let sign = invite(&app, &owner, "Freedom House of Freedonia").await;
    // Many incidents that no finding names, then made unreadable below the store: a page that
    // read them would fail, as loading the whole case now does.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let mut incident = case.incidents[0].clone();
    for i in 0..40 {
        incident.id = format!("unnamed-{i:03}");
        app.store
            .save_incident(CASE, &incident, "test")
            .await
            .unwrap();
    }
    let changed = accord_store::testing::execute(
        &app.db,
        "UPDATE incidents SET date = 'unreadable' WHERE id LIKE 'unnamed-%'",
    )
    .await
    .unwrap();
    assert_eq!(changed, 40);
    assert!(
        app.store.load_case(CASE).await.is_err(),
        "the whole case no longer loads"
    );

    let reader = Who::default();
    for path in [
        "/cases/example-2030/letters".to_owned(),
        LETTER_PAGE.to_owned(),
        format!("{LETTER_PAGE}/download/md"),
        format!("{LETTER_PAGE}/download/html"),
        format!("{LETTER_PAGE}/download/pdf"),
        SIGNATORIES.to_owned(),
    ] {
        let who = if path == SIGNATORIES { &owner } else { &reader };
        let r = app.get(&path, who).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    }
    let page = app.get(LETTER_PAGE, &reader).await.body;
    // The letter still lists the incidents behind the mechanism (its findings' incidents).
    assert!(
        page.contains("Everyone shall have the right to form and join political parties"),
        "{page}"
    );
    // The sign page, and signing: the action checks the text against the letter as it stands,
    // composed from what the letter needs.
    let org = app.visitor().await;
    let r = app.get(&sign, &org).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("representative", "F. Person"),
                ("organisation", "Freedom House of Freedonia"),
                ("text_sha256", &shown_sha(&r.body)),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Thank you for signing"), "{}", r.body);
}

#[tokio::test]
async fn sign_pages_share_the_letter_and_nothing_of_each_signatory() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let alpha = invite(&app, &owner, "Alpha Rights Group").await;
    let beta = invite(&app, &owner, "Beta Press Union").await;
    // The published letter (with its printed signatory) is served first, and cached.
    let page = app.get(LETTER_PAGE, &Who::default()).await.body;
    assert!(page.contains("<li>Example Press Freedom Network</li>"));

    let visitor = app.visitor().await;
    let a = app.get(&alpha, &visitor).await;
    let b = app.get(&beta, &visitor).await;
    for (r, own, other, link) in [
        (&a, "Alpha Rights Group", "Beta Press Union", &alpha),
        (&b, "Beta Press Union", "Alpha Rights Group", &beta),
    ] {
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
        assert!(r.body.contains(own), "{}", r.body);
        assert!(!r.body.contains(other), "{}", r.body);
        assert!(
            r.body.contains(&link.replace('/', "&#x2f;")) || r.body.contains(link.as_str()),
            "the form posts to its own link"
        );
        assert!(
            !r.body.contains("<li>Example Press Freedom Network</li>"),
            "the text signed has no list of signatories"
        );
    }
    assert_eq!(shown_sha(&a.body), shown_sha(&b.body), "one text, one hash");
    assert_eq!(app.state.letter_work().compositions, 1);

    // Alpha signs: the text is unchanged, so Beta's page (a new version of the case) shows the
    // same hash and still nothing of Alpha.
    let sha = shown_sha(&a.body);
    let r = app
        .post(
            &alpha,
            &visitor,
            &[
                ("action", "sign"),
                ("representative", "A. Person"),
                ("organisation", "Alpha Rights Group"),
                ("text_sha256", &sha),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let b = app.get(&beta, &visitor).await;
    assert_eq!(shown_sha(&b.body), sha);
    assert!(!b.body.contains("Alpha Rights Group"), "{}", b.body);
    assert!(!b.body.contains("A. Person"), "{}", b.body);
}

#[tokio::test]
async fn a_source_whose_id_the_body_builds_from_pieces_is_still_cited() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    // A source no incident cites, named in the body only in pieces: the letters' view of the
    // case does not hold it, so the letter is composed from the whole case.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let mut source = case.sources[0].clone();
    source.id = "annual-report-2030".to_owned();
    source.title = "Annual report on civic space, 2030".to_owned();
    app.store.add_source(CASE, &source, "test").await.unwrap();
    let mut letter = case.letter(LETTER).unwrap().clone();
    letter.body =
        "Dear Minister, see the report{{ cite(\"annual-report-\" ~ \"2030\") }}.\n".to_owned();
    let r = app
        .post(
            &format!("{LETTER_PAGE}/edit"),
            &owner,
            &[
                ("title", letter.title.as_str()),
                ("date", "2030-07-01"),
                ("language", "en"),
                ("body", letter.body.as_str()),
                ("signatory_order", "alphabetical"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let view = app
        .store
        .load_case_for_letters(CASE, Some(LETTER))
        .await
        .unwrap()
        .unwrap();
    assert!(
        view.source("annual-report-2030").is_none(),
        "not in the view"
    );

    let page = app.get(LETTER_PAGE, &Who::default()).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Annual report on civic space, 2030"),
        "{}",
        page.body
    );
    let list = app
        .get("/cases/example-2030/letters", &Who::default())
        .await;
    assert!(
        !list.body.contains("annual-report"),
        "no error: {}",
        list.body
    );

    // Signing checks the text composed the same way.
    let sign = invite(&app, &owner, "Freedom House of Freedonia").await;
    let org = app.visitor().await;
    let r = app.get(&sign, &org).await;
    assert!(r.body.contains("Annual report on civic space, 2030"));
    let r = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("representative", "F. Person"),
                ("organisation", "Freedom House of Freedonia"),
                ("text_sha256", &shown_sha(&r.body)),
            ],
        )
        .await;
    assert!(r.body.contains("Thank you for signing"), "{}", r.body);
}

/// A letter's Khmer version through the pages: the versions page opens the form from the
/// original's wording, a save goes through the action (303 to the Khmer page), the published
/// page offers both languages (links with `hreflang`, the letter in `<article lang="km">`, the
/// downloads of that language with `?lang=km`), a language the letter lacks (or not a language
/// tag) is a 404, and once the original changes the version reads out of date on the versions
/// page, the compose page and its own page. A refused version (the original's language) is a
/// 422 with nothing saved.
#[tokio::test]
async fn a_letter_in_khmer_through_the_pages() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let versions = format!("{LETTER_PAGE}/versions");
    let r = app.get(&versions, &owner).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = app.get(&format!("{versions}?lang=km"), &owner).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body
            .contains("Appeal to the Guarantor of the Freedonia Peace Accord"),
        "a new version starts from the original's wording: {}",
        r.body
    );
    let title = "បណ្តឹងទៅកាន់អ្នកធានានៃកិច្ចព្រមព្រៀងសន្តិភាព";
    let body = "ឯកឧត្តមរដ្ឋមន្ត្រី\n\n{{ quote(\"FPA Art. 9\") }}\n\nយើងខ្ញុំសូមស្នើ។\n";
    let r = app
        .post(
            &versions,
            &owner,
            &[
                ("lang", "km"),
                ("title", title),
                ("body", body),
                ("closing", "ដោយសេចក្តីគោរព"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{LETTER_PAGE}?lang=km"));

    let km = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert_eq!(km.status, StatusCode::OK, "{}", km.body);
    assert!(
        km.body.contains("<article class=\"letter\" lang=\"km\""),
        "{}",
        km.body
    );
    assert!(km.body.contains(title));
    assert!(
        km.body.contains("hreflang=\"en\""),
        "a link to the original"
    );
    assert!(km.body.contains("/download/pdf?lang=km"));
    // Nobody signed the Khmer text: the English letter's verified signatory is not printed.
    assert!(
        !km.body.contains("Example Press Freedom Network"),
        "{}",
        km.body
    );
    let en = app.get(LETTER_PAGE, &owner).await;
    assert!(en.body.contains("Example Press Freedom Network"));
    assert!(
        en.body.contains("hreflang=\"km\""),
        "a link to the Khmer version"
    );

    let md = app
        .get(&format!("{LETTER_PAGE}/download/md?lang=km"), &owner)
        .await;
    assert_eq!(md.status, StatusCode::OK);
    assert!(md.body.contains("យើងខ្ញុំសូមស្នើ។"), "{}", md.body);
    assert!(
        md.headers
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("appeal-2030.km.md")
    );
    for missing in ["fr", "%3Cscript%3E"] {
        let r = app
            .get(&format!("{LETTER_PAGE}?lang={missing}"), &owner)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{missing}");
        let r = app
            .get(
                &format!("{LETTER_PAGE}/download/pdf?lang={missing}"),
                &owner,
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{missing}");
    }

    // The original's language is edited on the compose page, not here.
    let r = app
        .post(
            &versions,
            &owner,
            &[
                ("lang", "en"),
                ("title", "x"),
                ("body", "y"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("edit the letter itself"), "{}", r.body);

    // The first signatory signs the Khmer text (as a bundle or the store records it): the
    // signatories page says so per language, and the Khmer page now prints them.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let km_sha = accord_letters::compose_in(&case, LETTER, "km")
        .unwrap()
        .signed_text
        .sha256;
    let mut signed = case.letter(LETTER).unwrap().clone();
    signed.versions[0]
        .signatures
        .push(accord_core::VersionSignature {
            signatory: 0,
            sha256: km_sha,
        });
    app.state
        .actions
        .save_letter(CASE, &signed, None, "test")
        .await
        .unwrap();
    let sigs = app.get(SIGNATORIES, &owner).await;
    assert_eq!(sigs.status, StatusCode::OK, "{}", sigs.body);
    assert!(sigs.body.contains("Signed in"), "{}", sigs.body);
    assert!(
        sigs.body.contains("<strong lang=\"km\">km</strong>"),
        "{}",
        sigs.body
    );
    let km = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert!(
        km.body.contains("Example Press Freedom Network"),
        "{}",
        km.body
    );

    // The original changes: the Khmer version is out of date everywhere it is listed.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let mut original = case.letter(LETTER).unwrap().clone();
    original.body.push_str("\nOne more sentence.\n");
    app.state
        .actions
        .save_letter(CASE, &original, None, "test")
        .await
        .unwrap();
    let out_of_date = "out of date";
    let listed = app.get(&versions, &owner).await;
    assert!(listed.body.contains(out_of_date), "{}", listed.body);
    let edit = app.get(&format!("{LETTER_PAGE}/edit"), &owner).await;
    assert!(edit.body.contains(out_of_date), "{}", edit.body);
    let km = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert!(
        km.body.contains("This translation is out of date"),
        "{}",
        km.body
    );
}

/// An invited organisation signs the Khmer version through its link: the sign page offers each
/// language (`?lang=km` shows the Khmer text and its SHA-256), the signature is checked against
/// that text and recorded for Khmer only; once verified, the organisation is printed under the
/// Khmer letter and not under the English one, and the signatories page says "km".
#[tokio::test]
async fn an_organisation_signs_the_khmer_version_through_its_link() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let r = app
        .post(
            &format!("{LETTER_PAGE}/versions"),
            &owner,
            &[
                ("lang", "km"),
                ("title", "បណ្តឹងទៅកាន់អ្នកធានា"),
                ("body", "យើងខ្ញុំសូមស្នើ។\n"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let sign = invite(&app, &owner, "Khmer Human Rights League").await;
    let org = app.visitor().await;
    let page = app.get(&sign, &org).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("?lang=km"),
        "the Khmer version is offered"
    );
    let km = app.get(&format!("{sign}?lang=km"), &org).await;
    assert_eq!(km.status, StatusCode::OK, "{}", km.body);
    assert!(km.body.contains("យើងខ្ញុំសូមស្នើ។"), "{}", km.body);
    assert!(
        km.body.contains("name=\"lang\" value=\"km\""),
        "{}",
        km.body
    );
    let sha = shown_sha(&km.body);
    assert_ne!(sha, shown_sha(&page.body), "each language has its own text");
    // The English text's hash does not sign the Khmer version.
    let wrong = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("lang", "km"),
                ("representative", "K. Person"),
                ("organisation", "Khmer Human Rights League"),
                ("text_sha256", &shown_sha(&page.body)),
            ],
        )
        .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    let r = app
        .post(
            &sign,
            &org,
            &[
                ("action", "sign"),
                ("lang", "km"),
                ("representative", "K. Person"),
                ("organisation", "Khmer Human Rights League"),
                ("text_sha256", &sha),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let letter = case.letter(LETTER).unwrap();
    let index = letter
        .signatories
        .iter()
        .position(|s| s.organisation == "Khmer Human Rights League")
        .unwrap();
    assert_eq!(
        letter.version("km").unwrap().signature_of(index),
        Some(sha.as_str())
    );
    let r = app
        .post(&format!("{SIGNATORIES}/{index}/verify"), &owner, &[])
        .await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let km_page = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert!(
        km_page.body.contains("Khmer Human Rights League"),
        "{}",
        km_page.body
    );
    let en_page = app.get(LETTER_PAGE, &owner).await;
    assert!(
        !en_page.body.contains("Khmer Human Rights League"),
        "{}",
        en_page.body
    );
    let sigs = app.get(SIGNATORIES, &owner).await;
    assert!(
        sigs.body.contains("<strong lang=\"km\">km</strong>"),
        "{}",
        sigs.body
    );
}

/// The API of a letter's languages: an owner's token PUTs the Khmer version (200, and again to
/// change it), GET lists the original and the version with its translator, state, hash and the
/// organisations printed under it; the original's language is a 422 naming `lang`, and an
/// editor (who does not coordinate letters) is refused with 403.
#[tokio::test]
async fn the_api_adds_and_lists_a_letters_languages() {
    let app = TestApp::new().await;
    owner(&app).await;
    let token = app.api_token("owner@example.org").await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let editor = app.api_token("editor@example.org").await;
    let call = |method: &str, path: &str, token: &str, body: &str| {
        axum::http::Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body.to_owned()))
            .unwrap()
    };
    let api = "/api/v1/cases/example-2030/letters/appeal-2030/versions";
    let body = serde_json::json!({
        "title": "បណ្តឹងទៅកាន់អ្នកធានា",
        "body": "យើងខ្ញុំសូមស្នើ។\n",
        "closing": "ដោយសេចក្តីគោរព",
    })
    .to_string();
    let r = app
        .send(call("PUT", &format!("{api}/km"), &editor, &body))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .send(call("PUT", &format!("{api}/km"), &token, &body))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let made: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(made["lang"], "km");
    assert_eq!(made["original"], false);
    assert_eq!(made["out_of_date"], false);
    assert_eq!(made["signed_text_sha256"].as_str().unwrap().len(), 64);
    let r = app
        .send(call("PUT", &format!("{api}/km"), &token, &body))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = app
        .send(call("PUT", &format!("{api}/en"), &token, &body))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("\"field\":\"lang\""), "{}", r.body);

    let r = app.send(call("GET", api, &token, "")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let list: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(list["original"], "en");
    let langs = list["languages"].as_array().unwrap();
    assert_eq!(langs.len(), 2);
    assert_eq!(langs[0]["lang"], "en");
    assert_eq!(
        langs[0]["signatories"], 1,
        "the English letter's verified signatory"
    );
    assert_eq!(langs[1]["lang"], "km");
    assert_eq!(langs[1]["title"], "បណ្តឹងទៅកាន់អ្នកធានា");
    assert_eq!(langs[1]["translated_by"], "owner@example.org");
    assert_eq!(langs[1]["signatories"], 0, "nobody signed the Khmer text");
}

/// A Khmer version as the store holds it after `Actions::save_letter_version`.
async fn add_khmer_version(app: &TestApp) {
    app.state
        .actions
        .save_letter_version(
            CASE,
            LETTER,
            &accord_actions::VersionText {
                lang: "km".into(),
                title: "បណ្តឹងទៅកាន់អ្នកធានា".into(),
                place: None,
                body: "យើងខ្ញុំសូមស្នើ។\n".into(),
                closing: Some("ដោយសេចក្តីគោរព".into()),
                ..Default::default()
            },
            "translator@example.org",
        )
        .await
        .unwrap();
}

/// The published letter's page is the letter: `<html lang>` is the language of the version shown
/// while the interface around it (the site's header, the skip link, the case's menu and the
/// language and download links) keeps the reader's language in its own `lang`; `<head>` links
/// the other language's page and each language's PDF with `hreflang`. Other pages keep the
/// reader's language and link no alternates.
#[tokio::test]
async fn a_letter_page_is_in_the_letters_language_and_links_the_others() {
    let app = TestApp::new().await;
    let mut owner = owner(&app).await;
    add_khmer_version(&app).await;
    owner.cookie = owner.cookie.map(|c| format!("{c}; accord_lang=fr"));
    let head = |body: &str| body[..body.find("</head>").unwrap()].to_owned();

    let km = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert_eq!(km.status, StatusCode::OK, "{}", km.body);
    assert!(
        km.body.starts_with("<!doctype html>\n<html lang=\"km\">"),
        "{}",
        km.body
    );
    assert!(
        km.body.contains("<header class=\"site\" lang=\"fr\">"),
        "{}",
        km.body
    );
    assert!(
        km.body
            .contains("<a class=\"skip\" href=\"#main\" lang=\"fr\">")
    );
    assert!(
        km.body.contains("<div lang=\"fr\">\n<p class=\"crumbs\">"),
        "{}",
        km.body
    );
    let h = head(&km.body);
    for link in [
        format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{LETTER_PAGE}\">"),
        format!(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"{LETTER_PAGE}/download/pdf\" type=\"application/pdf\">"
        ),
        format!(
            "<link rel=\"alternate\" hreflang=\"km\" href=\"{LETTER_PAGE}/download/pdf?lang=km\" type=\"application/pdf\">"
        ),
    ] {
        // Attribute values are HTML-escaped, '/' included.
        assert!(
            h.replace("&#x2f;", "/").contains(&link),
            "{link} not in {h}"
        );
    }
    assert!(
        !h.replace("&#x2f;", "/")
            .contains(&format!("href=\"{LETTER_PAGE}?lang=km\"")),
        "the page does not name itself as its alternate: {h}"
    );

    let en = app.get(LETTER_PAGE, &owner).await;
    assert!(en.body.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(en.body.contains("<header class=\"site\" lang=\"fr\">"));
    assert!(
        head(&en.body).replace("&#x2f;", "/").contains(&format!(
            "<link rel=\"alternate\" hreflang=\"km\" href=\"{LETTER_PAGE}?lang=km\">"
        )),
        "{}",
        head(&en.body)
    );

    // The list of letters is the interface's page: the reader's language, no alternates.
    let list = app.get("/cases/example-2030/letters", &owner).await;
    assert!(list.body.starts_with("<!doctype html>\n<html lang=\"fr\">"));
    assert!(list.body.contains("<header class=\"site\">"));
    assert!(!head(&list.body).contains("rel=\"alternate\""));
}

/// The Languages page writes a version's addressees and CC in its language: the form starts from
/// the original's, a save with them translated prints them in the Khmer letter (page and
/// Markdown download) and not in the English one; lines left as the original's are not kept as
/// the version's own; more addressees than the original has is a 422 naming the field. The API
/// lists each language's addressees and CC as printed and takes them in a PUT.
#[tokio::test]
async fn a_versions_addressees_and_cc_through_the_page_and_the_api() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    let versions = format!("{LETTER_PAGE}/versions");
    let form = app.get(&format!("{versions}?lang=km"), &owner).await;
    assert!(
        form.body.contains(
            "The Foreign Minister of Ruritania | Foreign Minister | Government of Ruritania | guarantor"
        ),
        "the form starts from the original's addressees: {}",
        form.body
    );
    let fields = |addressees: &'static str, cc: &'static str| {
        vec![
            ("lang", "km"),
            ("title", "បណ្តឹងទៅកាន់អ្នកធានា"),
            ("body", "យើងខ្ញុំសូមស្នើ។\n"),
            ("addressees", addressees),
            ("cc", cc),
            ("action", "save"),
        ]
    };
    // As the original's: kept as the original's, not the version's own.
    let original_lines = "The Foreign Minister of Ruritania | Foreign Minister | Government of Ruritania | guarantor";
    let r = app
        .post(
            &versions,
            &owner,
            &fields(
                original_lines,
                "The Secretary-General of the Example Union\nThe Parties to the Accord",
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let km = case.letter(LETTER).unwrap().version("km").unwrap();
    assert!(km.addressees.is_empty() && km.cc.is_empty(), "{km:?}");

    let r = app
        .post(
            &versions,
            &owner,
            &fields(
                "រដ្ឋមន្ត្រីការបរទេសនៃរូរីតានី | រដ្ឋមន្ត្រី | រដ្ឋាភិបាលរូរីតានី | អ្នកធានា",
                "អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍\r\nភាគីនៃកិច្ចព្រមព្រៀង",
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let km_page = app.get(&format!("{LETTER_PAGE}?lang=km"), &owner).await;
    assert!(km_page.body.contains("រដ្ឋាភិបាលរូរីតានី"), "{}", km_page.body);
    assert!(km_page.body.contains("ភាគីនៃកិច្ចព្រមព្រៀង"));
    assert!(!km_page.body.contains("Government of Ruritania"));
    let md = app
        .get(&format!("{LETTER_PAGE}/download/md?lang=km"), &owner)
        .await;
    assert!(md.body.contains("អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍"), "{}", md.body);
    let en_page = app.get(LETTER_PAGE, &owner).await;
    assert!(en_page.body.contains("Government of Ruritania"));
    assert!(!en_page.body.contains("រដ្ឋាភិបាលរូរីតានី"));
    // The form shows the version's own lines back.
    let form = app.get(&format!("{versions}?lang=km"), &owner).await;
    assert!(form.body.contains("រដ្ឋមន្ត្រីការបរទេសនៃរូរីតានី | រដ្ឋមន្ត្រី"));

    let r = app.post(&versions, &owner, &fields("ក\nខ", "")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("addressees"), "{}", r.body);

    // The API: each language's addressees and CC as printed.
    let token = app.api_token("owner@example.org").await;
    let api = "/api/v1/cases/example-2030/letters/appeal-2030/versions";
    let get = axum::http::Request::builder()
        .uri(api)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let list: serde_json::Value = serde_json::from_str(&app.send(get).await.body).unwrap();
    let langs = list["languages"].as_array().unwrap();
    assert_eq!(
        langs[0]["addressees"][0]["organisation"],
        "Government of Ruritania"
    );
    assert_eq!(langs[0]["translates_recipients"], false);
    assert_eq!(langs[1]["addressees"][0]["organisation"], "រដ្ឋាភិបាលរូរីតានី");
    assert_eq!(langs[1]["cc"][1], "ភាគីនៃកិច្ចព្រមព្រៀង");
    assert_eq!(langs[1]["translates_recipients"], true);
    let put = |body: serde_json::Value| {
        axum::http::Request::builder()
            .method("PUT")
            .uri(format!("{api}/fr"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap()
    };
    let r = app
        .send(put(serde_json::json!({
            "title": "Appel au garant",
            "body": "Nous demandons.\n",
            "addressees": [{"name": "Le ministre des Affaires étrangères de Ruritanie", "role": "garant"}],
            "cc": ["Le Secrétaire général de l'Union"],
        })))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let fr: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        fr["addressees"][0]["name"],
        "Le ministre des Affaires étrangères de Ruritanie"
    );
    assert_eq!(fr["cc"][0], "Le Secrétaire général de l'Union");
    assert_eq!(fr["cc"][1], "The Parties to the Accord");
    let r = app
        .send(put(serde_json::json!({
            "title": "Appel", "body": "Nous.\n",
            "addressees": [{"name": "a"}, {"name": "b"}],
        })))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("\"field\":\"addressees\""), "{}", r.body);
}

/// Removing a version from the Languages page and the API: a signed version is refused (422,
/// the organisation named, nothing removed); an unsigned one goes (303 to the page, then the
/// letter's Khmer page is a 404); DELETE through the API answers the remaining languages, 404
/// for a version the letter lacks, 403 for an editor.
#[tokio::test]
async fn a_version_is_removed_from_the_page_and_the_api() {
    let app = TestApp::new().await;
    let owner = owner(&app).await;
    add_khmer_version(&app).await;
    let versions = format!("{LETTER_PAGE}/versions");
    let form = app.get(&format!("{versions}?lang=km"), &owner).await;
    assert!(form.body.contains("value=\"remove\""), "{}", form.body);
    let new_form = app.get(&format!("{versions}?lang=fr"), &owner).await;
    assert!(
        !new_form.body.contains("value=\"remove\""),
        "a version not yet saved has nothing to remove"
    );

    // Signed in Khmer: refused.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let sha = accord_letters::compose_in(&case, LETTER, "km")
        .unwrap()
        .signed_text
        .sha256;
    let mut signed = case.letter(LETTER).unwrap().clone();
    signed.versions[0]
        .signatures
        .push(accord_core::VersionSignature {
            signatory: 0,
            sha256: sha,
        });
    app.state
        .actions
        .save_letter(CASE, &signed, None, "test")
        .await
        .unwrap();
    let remove = [("lang", "km"), ("action", "remove")];
    let r = app.post(&versions, &owner, &remove).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("Example Press Freedom Network"),
        "{}",
        r.body
    );
    assert_eq!(
        app.get(&format!("{LETTER_PAGE}?lang=km"), &owner)
            .await
            .status,
        StatusCode::OK
    );

    // Unsigned: removed.
    signed.versions[0].signatures.clear();
    app.state
        .actions
        .save_letter(CASE, &signed, None, "test")
        .await
        .unwrap();
    let r = app.post(&versions, &owner, &remove).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), versions);
    assert_eq!(
        app.get(&format!("{LETTER_PAGE}?lang=km"), &owner)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Through the API.
    add_khmer_version(&app).await;
    let token = app.api_token("owner@example.org").await;
    app.user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let editor = app.api_token("editor@example.org").await;
    let delete = |lang: &str, token: &str| {
        axum::http::Request::builder()
            .method("DELETE")
            .uri(format!(
                "/api/v1/cases/example-2030/letters/appeal-2030/versions/{lang}"
            ))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(axum::body::Body::empty())
            .unwrap()
    };
    assert_eq!(
        app.send(delete("km", &editor)).await.status,
        StatusCode::FORBIDDEN
    );
    let r = app.send(delete("km", &token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let left: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(left["languages"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.send(delete("km", &token)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = app.send(delete("en", &token)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
}
