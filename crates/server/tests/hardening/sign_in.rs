//! Sign-in limits: parallel guesses are counted before they are evaluated.

use accord_server::ServerConfig;
use axum::http::StatusCode;
use tower::ServiceExt;

use crate::support::{Origin, TestApp, reply};

const ANA: &str = "ana@example.org";
const PASSWORD: &str = "a long passphrase";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_wrong_passwords_see_at_most_five_evaluated() {
    let app = TestApp::new(ServerConfig::default()).await;
    app.user_with_password(ANA, PASSWORD).await;
    let visitor = app.visitor().await;
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let guess = format!("guess number {i}");
            let req = TestApp::login_request(
                &visitor,
                &[("email", ANA), ("password", &guess)],
                Origin::default(),
            );
            let router = app.app.clone();
            tokio::spawn(async move { router.oneshot(req).await.unwrap().status() })
        })
        .collect();
    let mut evaluated = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::TOO_MANY_REQUESTS => {}
            StatusCode::UNAUTHORIZED => evaluated += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        evaluated <= 5,
        "{evaluated} of 50 parallel guesses were evaluated"
    );
    // The account is now paused, even for the right password.
    let r = app
        .login(
            &visitor,
            &[("email", ANA), ("password", PASSWORD)],
            Origin::default(),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_guesses_from_one_address_is_limited_too() {
    let app = TestApp::new(ServerConfig::default()).await;
    let visitor = app.visitor().await;
    let from = Origin {
        peer: Some("198.51.100.7"),
        forwarded_for: None,
    };
    let tasks: Vec<_> = (0..60)
        .map(|i| {
            let email = format!("user{i}@example.org");
            let req =
                TestApp::login_request(&visitor, &[("email", &email), ("password", "guess")], from);
            let router = app.app.clone();
            tokio::spawn(async move { reply(router.oneshot(req).await.unwrap()).await.status })
        })
        .collect();
    let mut evaluated = 0;
    for t in tasks {
        if t.await.unwrap() != StatusCode::TOO_MANY_REQUESTS {
            evaluated += 1;
        }
    }
    assert!(evaluated <= 30, "{evaluated} of 60 were evaluated");
}
