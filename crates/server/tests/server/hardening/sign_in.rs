//! Sign-in limits: parallel guesses, back-off instead of a long lock-out, and the address a
//! request is counted against.

use accord_server::ServerConfig;
use axum::http::{StatusCode, header};
use tower::ServiceExt;

use crate::hardening::support::{Origin, TestApp, reply};

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

#[tokio::test]
async fn five_wrong_passwords_pause_the_account_for_seconds_not_a_quarter_of_an_hour() {
    let app = TestApp::new(ServerConfig::default()).await;
    app.user_with_password(ANA, PASSWORD).await;
    let visitor = app.visitor().await;
    let from = Origin {
        peer: Some("203.0.113.9"),
        forwarded_for: None,
    };
    for _ in 0..5 {
        let r = app
            .login(&visitor, &[("email", ANA), ("password", "guess")], from)
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = app
        .login(&visitor, &[("email", ANA), ("password", PASSWORD)], from)
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.header(header::RETRY_AFTER), "30");
    assert!(r.body.contains("Try again in 30 seconds"), "{}", r.body);
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

/// Thirty failures (the per-address limit) for thirty accounts, each request from `from(i)`;
/// then whether a 31st guess from `last` is refused.
async fn address_limit_reached(
    config: ServerConfig,
    from: fn(usize) -> Origin<'static>,
    last: Origin<'static>,
) -> bool {
    let app = TestApp::new(config).await;
    let visitor = app.visitor().await;
    for i in 0..30 {
        let email = format!("user{i}@example.org");
        let r = app
            .login(
                &visitor,
                &[("email", &email), ("password", "guess")],
                from(i),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let r = app
        .login(
            &visitor,
            &[("email", "someone@example.org"), ("password", "guess")],
            last,
        )
        .await;
    r.status == StatusCode::TOO_MANY_REQUESTS
}

/// Addresses a client could claim in `X-Forwarded-For`.
const CLAIMED: [&str; 30] = [
    "198.51.100.0",
    "198.51.100.1",
    "198.51.100.2",
    "198.51.100.3",
    "198.51.100.4",
    "198.51.100.5",
    "198.51.100.6",
    "198.51.100.7",
    "198.51.100.8",
    "198.51.100.9",
    "198.51.100.10",
    "198.51.100.11",
    "198.51.100.12",
    "198.51.100.13",
    "198.51.100.14",
    "198.51.100.15",
    "198.51.100.16",
    "198.51.100.17",
    "198.51.100.18",
    "198.51.100.19",
    "198.51.100.20",
    "198.51.100.21",
    "198.51.100.22",
    "198.51.100.23",
    "198.51.100.24",
    "198.51.100.25",
    "198.51.100.26",
    "198.51.100.27",
    "198.51.100.28",
    "198.51.100.29",
];

fn behind_proxy() -> ServerConfig {
    ServerConfig {
        trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
        ..ServerConfig::default()
    }
}

#[tokio::test]
async fn a_forwarded_address_from_an_untrusted_peer_is_ignored() {
    // Each guess claims another address, but the peer is not a trusted proxy: all thirty count
    // against the peer, which is then refused whatever it claims.
    let refused = address_limit_reached(
        behind_proxy(),
        |i| Origin {
            peer: Some("203.0.113.5"),
            forwarded_for: Some(CLAIMED[i]),
        },
        Origin {
            peer: Some("203.0.113.5"),
            forwarded_for: Some("192.0.2.200"),
        },
    )
    .await;
    assert!(refused, "the claimed addresses must not spread the count");
}

#[tokio::test]
async fn a_forwarded_address_from_a_trusted_proxy_is_used() {
    // Through the trusted proxy, thirty guesses from one client reach its limit ...
    let one_client = |_| Origin {
        peer: Some("10.0.0.2"),
        forwarded_for: Some("192.0.2.7"),
    };
    let refused = address_limit_reached(
        behind_proxy(),
        one_client,
        Origin {
            peer: Some("10.0.0.2"),
            forwarded_for: Some("192.0.2.7"),
        },
    )
    .await;
    assert!(refused, "the forwarded client is counted");
    // ... while another client behind the same proxy is not held back by it.
    let refused = address_limit_reached(
        behind_proxy(),
        one_client,
        Origin {
            peer: Some("10.0.0.2"),
            forwarded_for: Some("192.0.2.8"),
        },
    )
    .await;
    assert!(!refused, "another client behind the proxy is counted apart");
    // Without the setting, the proxy's own address is counted for everyone behind it.
    let refused = address_limit_reached(
        ServerConfig::default(),
        one_client,
        Origin {
            peer: Some("10.0.0.2"),
            forwarded_for: Some("192.0.2.8"),
        },
    )
    .await;
    assert!(refused, "an untrusted proxy is one address");
}
