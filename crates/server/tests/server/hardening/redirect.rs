//! After signing in, only a path of this site is followed.

use accord_server::ServerConfig;
use axum::http::{StatusCode, header};

use crate::hardening::support::{Origin, TestApp};

#[tokio::test]
async fn hostile_next_values_redirect_home() {
    let app = TestApp::new(ServerConfig::default()).await;
    app.user_with_password("ana@example.org", "a long passphrase")
        .await;
    for (next, expected) in [
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/ /evil.example", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("/account", "/account"),
        (
            "/cases/example-2030/timeline?page=2",
            "/cases/example-2030/timeline?page=2",
        ),
    ] {
        let visitor = app.visitor().await;
        let r = app
            .login(
                &visitor,
                &[
                    ("email", "ana@example.org"),
                    ("password", "a long passphrase"),
                    ("next", next),
                ],
                Origin::default(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "next = {next:?}: {}",
            r.body
        );
        assert_eq!(r.header(header::LOCATION), expected, "next = {next:?}");
    }
}
