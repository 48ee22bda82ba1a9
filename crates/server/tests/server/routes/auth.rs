//! Signing in and out, CSRF, rate limiting, cookies and security headers.

use accord_core::CaseRole;
use axum::http::{Method, StatusCode, header};

use crate::routes::support::{TestApp, Who};

async fn with_password(app: &TestApp, email: &str, password: &str) {
    let hash = accord_server::password::hash(password.to_owned())
        .await
        .unwrap();
    app.store.create_user(email, &hash, false).await.unwrap();
}

#[tokio::test]
async fn sign_in_sets_a_safe_session_cookie_and_sign_out_ends_it() {
    let app = TestApp::new().await;
    with_password(&app, "ana@example.org", "a long passphrase").await;
    let visitor = app.visitor().await;
    let r = app
        .post(
            "/login",
            &visitor,
            &[
                ("email", "Ana@Example.org"),
                ("password", "a long passphrase"),
                ("next", "/account"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/account");
    let cookie = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("accord_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    let session = Who {
        cookie: Some(cookie.split(';').next().unwrap().to_owned()),
        csrf: String::new(),
    };
    let account = app.get("/account", &session).await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("ana@example.org"));
    // The session's own CSRF token is in its forms; sign out with it.
    let csrf = account
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let session = Who { csrf, ..session };
    let r = app.post("/logout", &session, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/account", &session).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn wrong_passwords_are_refused_then_rate_limited() {
    let app = TestApp::new().await;
    with_password(&app, "ana@example.org", "a long passphrase").await;
    let visitor = app.visitor().await;
    for _ in 0..5 {
        let r = app
            .post(
                "/login",
                &visitor,
                &[("email", "ana@example.org"), ("password", "guess")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("not right"));
    }
    // Now even the right password waits: the account is paused.
    let r = app
        .post(
            "/login",
            &visitor,
            &[
                ("email", "ana@example.org"),
                ("password", "a long passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Too many failed attempts"));
    // An unknown account is refused the same way as a wrong password.
    let r = app
        .post(
            "/login",
            &visitor,
            &[("email", "nobody@example.org"), ("password", "guess")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let path = "/cases/example-2030/publish";
    // No token at all.
    let r = app
        .request(Method::POST, path, &owner, Some(&[("published", "true")]))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A wrong token.
    let r = app
        .request(
            Method::POST,
            path,
            &owner,
            Some(&[("csrf", "forged"), ("published", "true")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Another visitor's token.
    let visitor = app.visitor().await;
    let r = app
        .request(
            Method::POST,
            path,
            &owner,
            Some(&[("csrf", visitor.csrf.as_str()), ("published", "true")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        !app.store
            .case_head("example-2030")
            .await
            .unwrap()
            .unwrap()
            .published
    );
    // A request without any cookie cannot carry a valid token.
    let r = app
        .request(
            Method::POST,
            "/login",
            &Who::default(),
            Some(&[("csrf", "x"), ("email", "a"), ("password", "b")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // PUT and DELETE are state-changing too.
    let r = app.request(Method::DELETE, path, &owner, None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The right token works.
    let r = app.post(path, &owner, &[("published", "true")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        app.store
            .case_head("example-2030")
            .await
            .unwrap()
            .unwrap()
            .published
    );
}

#[tokio::test]
async fn sign_in_never_redirects_off_site() {
    let app = TestApp::new().await;
    with_password(&app, "ana@example.org", "a long passphrase").await;
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let visitor = app.visitor().await;
        let r = app
            .post(
                "/login",
                &visitor,
                &[
                    ("email", "ana@example.org"),
                    ("password", "a long passphrase"),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.location(), "/", "next = {next}");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    let who = app.visitor().await;
    for path in ["/", "/login", "/cases/nope", "/assets/accord.css"] {
        let r = app.get(path, &who).await;
        let h = |name: &str| {
            r.headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let csp = h("content-security-policy");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(h("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(h("referrer-policy"), "same-origin", "{path}");
    }
    // And no page has inline script.
    let r = app.get("/login", &who).await;
    assert!(!r.body.contains("<script>") && !r.body.contains("onclick"));
}
