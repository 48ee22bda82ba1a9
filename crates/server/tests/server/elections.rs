//! Router tests of the Elections pages, without a socket.
//!
//! The app runs on a temporary SQLite store holding the reference case
//! (`data/cases/cambodia-2017`, private as imported) and a small published case built here whose
//! party and election names carry `<` and `&`. Expected seat counts come from the election file's
//! own record (2013: CPP 68, CNRP 55; after the 2017 redistribution: CPP 79, FUNCINPEC 41, CNP 2,
//! KEDP 1), not from the engine.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use crate::common;

use std::sync::Arc;

use accord_core::CaseRole;
use accord_core::bundle::{self, BundleFile};
use accord_server::{AppState, ServerConfig, secrets};
use accord_store::{ImportMode, NewSession, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use common::{bundle_files, repo};

const CASE: &str = "cambodia-2017";
const ELECTION: &str = "2013-national-assembly";
const ODD: &str = "odd-2030";

struct App {
    app: Router,
    /// Session cookies: a viewer of the reference case, and a signed-in user with no role in it.
    member: String,
    outsider: String,
    _dir: tempfile::TempDir,
}

struct Reply {
    status: StatusCode,
    body: String,
}

/// What the engine says in the reader's language (issue 16): a tie the file's rule settles,
/// parties that all hold seats (nothing for the minor-parties rule to give), votes the method
/// cannot seat, and a value the engine refuses.
fn engine_elections() -> [(&'static str, &'static str); 4] {
    [
        (
            "settled",
            r#"{"name": "Settled", "method": "dhondt", "ties": "most-votes",
                "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 20, "B": 10, "C": 5}}]}"#,
        ),
        (
            "full",
            r#"{"name": "Full", "method": "dhondt",
                "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 30, "B": 20}}]}"#,
        ),
        (
            "zero",
            r#"{"name": "Zero", "method": "dhondt",
                "constituencies": [{"name": "N", "seats": 2, "votes": {"A": 0, "B": 0}}]}"#,
        ),
        (
            "negative",
            r#"{"name": "Negative", "method": "dhondt",
                "constituencies": [{"name": "N", "seats": 2, "votes": {"A": -3, "B": 0}}]}"#,
        ),
    ]
}

const TIED: &str = r#"{"name": "Tied", "method": "dhondt",
    "constituencies": [{"name": "N", "seats": 1, "votes": {"A": 10, "B": 10}}]}"#;

/// The docs example case under another id, with elections whose names need escaping.
fn odd_case() -> accord_core::ValidCase {
    let mut files = bundle_files(&repo("docs/examples/minimal-case"));
    files.retain(|f| !f.path.starts_with("elections/") && !f.path.starts_with("letters/"));
    for f in &mut files {
        if f.path == "case.toml" {
            f.contents =
                f.contents
                    .replacen("id = \"example-2030\"", &format!("id = \"{ODD}\""), 1);
            assert!(f.contents.contains(ODD), "the example's case id changed");
        }
    }
    files.push(BundleFile {
        path: "elections/odd.json".into(),
        contents: r#"{"name": "Vote <script>alert(1)</script> & co", "method": "dhondt",
            "constituencies": [{"name": "North <1>", "seats": 7,
              "votes": {"<Lib & Dem>": 5000, "Plain": 3100, "Tiny": 100}}]}"#
            .into(),
    });
    files.push(BundleFile {
        path: "elections/broken.json".into(),
        contents: r#"{"name": "Broken", "method": "dhondt", "constituencies": [], "colour": 1}"#
            .into(),
    });
    for (name, json) in engine_elections() {
        files.push(BundleFile {
            path: format!("elections/{name}.json"),
            contents: json.into(),
        });
    }
    files.push(BundleFile {
        path: "elections/tied.json".into(),
        contents: TIED.into(),
    });
    bundle::read(&files).unwrap()
}

async fn session(store: &Arc<dyn Store>, email: &str) -> (i64, String) {
    let user = store.create_user(email, "not-a-hash", false).await.unwrap();
    let token = secrets::token().unwrap();
    store
        .create_session(&NewSession {
            token_sha256: secrets::digest(&token),
            user_id: user.id,
            csrf: secrets::token().unwrap(),
            expires_unix: i64::MAX / 2,
        })
        .await
        .unwrap();
    (user.id, format!("accord_session={token}"))
}

async fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let reference = bundle::read(&bundle_files(&repo("data/cases/cambodia-2017"))).unwrap();
    store
        .import_case(&reference, ImportMode::New, "test")
        .await
        .unwrap();
    store
        .import_case(&odd_case(), ImportMode::New, "test")
        .await
        .unwrap();
    store.set_published(ODD, true, "test").await.unwrap();
    let (member_id, member) = session(&store, "member@example.org").await;
    store
        .set_role(CASE, member_id, Some(CaseRole::Viewer), "test")
        .await
        .unwrap();
    let (_, outsider) = session(&store, "outsider@example.org").await;
    let actions = common::actions(dir.path(), store.clone(), None);
    let state = AppState::new(actions, ServerConfig::default()).unwrap();
    App {
        app: accord_server::app(state),
        member,
        outsider,
        _dir: dir,
    }
}

impl App {
    async fn get(&self, uri: &str, cookie: Option<&str>) -> Reply {
        let mut req = Request::builder().uri(uri);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        let res = self
            .app
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn member(&self, uri: &str) -> Reply {
        self.get(uri, Some(&self.member)).await
    }
}

fn show(query: &str) -> String {
    format!("/cases/{CASE}/elections/{ELECTION}{query}")
}

/// The inline SVG with this id.
fn svg<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\""
        ))
        .unwrap_or_else(|| panic!("no svg #{id}"));
    let end = start + page[start..].find("</svg>").unwrap();
    &page[start..end]
}

/// Seat dots per party in one diagram, in drawing order.
fn dots(svg: &str) -> Vec<(String, usize)> {
    svg.split("<g class=\"seats\" data-party=\"")
        .skip(1)
        .map(|g| {
            let party = g.split('"').next().unwrap().to_owned();
            let group = &g[..g.find("</g>").unwrap()];
            (party, group.matches("<circle").count())
        })
        .collect()
}

fn pairs(v: &[(&str, usize)]) -> Vec<(String, usize)> {
    v.iter().map(|(p, n)| ((*p).to_owned(), *n)).collect()
}

#[tokio::test]
async fn the_list_names_each_election_with_method_seats_and_parties() {
    let app = app().await;
    let r = app.member(&format!("/cases/{CASE}/elections")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Cambodia National Assembly 2013"));
    assert!(
        r.body
            .contains(&format!("/cases/{CASE}/elections/{ELECTION}"))
    );
    assert!(r.body.contains("<td>cambodia</td>"));
    assert!(r.body.contains("<td>123</td>"));
    assert!(
        r.body
            .contains("8: CPP, CNRP, FUNCINPEC, LDP, KAPP, CNP, KEDP, RDP")
    );
}

#[tokio::test]
async fn the_reference_election_shows_votes_seats_indices_and_the_recorded_dissolution() {
    let app = app().await;
    let r = app.member(&show("")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = &r.body;

    // Votes and seats: the official result, as a chart and as a table.
    let chart = svg(page, "votes-seats");
    assert!(chart.contains("role=\"img\"") && chart.contains("<title id=\"votes-seats-title\">"));
    assert!(chart.find("data-party=\"CPP\"").unwrap() < chart.find("data-party=\"RDP\"").unwrap());
    // 3,235,969 of 6,627,159 party votes; 68 of 123 seats.
    assert!(chart.contains("votes 48.8%") && chart.contains("seats 55.3%"));
    assert!(page.contains("<th scope=\"row\">CPP</th><td>3,235,969</td><td>48.8%</td><td>68</td>"));

    // The diagram of the official seats.
    assert_eq!(
        dots(svg(page, "hemicycle")),
        pairs(&[("CPP", 68), ("CNRP", 55)])
    );

    // Indices by name.
    for name in [
        "Gallagher",
        "Loosemore–Hanby",
        "Sainte-Laguë index",
        "Effective parties (votes)",
        "Effective parties (seats)",
    ] {
        assert!(page.contains(name), "index {name} missing");
    }

    // The honest note: the file's notes, and the engine's finding that the method's seats
    // from the national aggregate are not the official ones.
    assert!(page.contains("Do not read the computed allocation"));
    assert!(page.contains("differ from the official ones"));
    assert!(page.contains("Official seats are also recorded for 24 units"));

    // By default, the recorded dissolution of the CNRP beside the minor-parties rule.
    assert!(page.contains("Shown by default"));
    assert_eq!(
        dots(svg(page, "before")),
        pairs(&[("CPP", 68), ("CNRP", 55)])
    );
    assert_eq!(
        dots(svg(page, "after-recorded")),
        pairs(&[("CPP", 79), ("FUNCINPEC", 41), ("CNP", 2), ("KEDP", 1)])
    );
    let minor = dots(svg(page, "after-minor-parties"));
    assert_eq!(minor.iter().map(|(_, n)| n).sum::<usize>(), 123);
    assert!(
        !minor
            .iter()
            .any(|(p, _)| p == "CNRP" || p == "LDP" || p == "KAPP")
    );
    assert!(page.contains("Minor parties (national, D&#x27;Hondt; declined: LDP, KAPP)"));
    assert!(page.contains("S15, S16, S17"));
    // Seat share minus vote share, and the indices before and after.
    svg(page, "seat-vote-gap");
    assert!(page.contains("<th scope=\"col\">after: recorded</th>"));
    assert!(page.contains("<th scope=\"col\">after: minor parties</th>"));

    // Light: well under the 100 KB a dashboard may weigh, before compression.
    assert!(page.len() < 80_000, "the page is {} bytes", page.len());
    assert!(!page.contains("<script>") && !page.contains(" style=\""));
}

#[tokio::test]
async fn a_scenario_from_the_form_runs_the_chosen_rules() {
    let app = app().await;
    let r = app
        .member(&show(
            "?party=CNRP&rule=rerun&rule=minor-parties&scope=national&basis=",
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Rerun without CNRP"));
    assert!(!r.body.contains("Shown by default"));
    let rerun = dots(svg(&r.body, "after-rerun"));
    assert_eq!(rerun.iter().map(|(_, n)| n).sum::<usize>(), 123);
    assert!(!rerun.iter().any(|(p, _)| p == "CNRP"));
    // Nobody declined this time: LDP keeps the seats the rule awards it.
    let minor = dots(svg(&r.body, "after-minor-parties"));
    assert!(minor.iter().any(|(p, n)| p == "LDP" && *n > 0), "{minor:?}");
    // The form shows what was asked.
    assert!(r.body.contains("<option value=\"CNRP\" selected>"));
    assert!(r.body.contains("name=\"rule\" value=\"rerun\" checked"));
    assert!(!r.body.contains("name=\"rule\" value=\"recorded\" checked"));
}

#[tokio::test]
async fn bad_scenario_input_is_a_422_naming_the_field() {
    let app = app().await;
    let cases = [
        ("?party=XYZ&rule=recorded", "party", "“XYZ” does not stand"),
        ("?party=CNRP&rule=lottery", "rule", "unknown rule “lottery”"),
        ("?party=CNRP", "rule", "choose at least one rule"),
        ("?rule=rerun", "party", "choose the party"),
        (
            "?party=CPP&rule=recorded",
            "rule",
            "records no dissolution of “CPP”",
        ),
        (
            "?party=CNRP&rule=rerun&scope=galaxy",
            "scope",
            "unknown scope",
        ),
        (
            "?party=CNRP&rule=rerun&basis=guess",
            "basis",
            "unknown basis",
        ),
        (
            "?party=CNRP&rule=minor-parties&declined=NOPE",
            "declined",
            "“NOPE” does not stand",
        ),
        (
            "?party=CNRP&rule=minor-parties&declined=CNRP",
            "declined",
            "is the dissolved party",
        ),
    ];
    for (query, field, message) in cases {
        let r = app.member(&show(query)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}: {}",
            r.body
        );
        // The field is named by its label, and its error is the one the field points to.
        assert!(
            r.body.contains(&format!("<li id=\"err-{field}\">")),
            "{query}: field {field} not named"
        );
        assert!(
            r.body.contains(message),
            "{query}: message {message:?} missing"
        );
        // The rest of the page is still there, with the form to correct the field.
        assert!(r.body.contains("<form method=\"get\""));
        assert!(r.body.contains("id=\"votes-seats\""));
    }
    // A value that is markup is escaped in the message.
    let r = app.member(&show("?party=%3Cb%3E&rule=rerun")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("&lt;b&gt;") && !r.body.contains("<b>"));
}

#[tokio::test]
async fn a_private_cases_elections_are_404_to_outsiders_and_anonymous_visitors() {
    let app = app().await;
    let uris = [
        format!("/cases/{CASE}/elections"),
        show(""),
        show("?party=CNRP&rule=recorded"),
        // Bad input must not tell an outsider more than a 404 does.
        show("?party=XYZ&rule=nope"),
        format!("/cases/{CASE}/elections/no-such-election"),
    ];
    for uri in &uris {
        for (who, cookie) in [
            ("anonymous", None),
            ("outsider", Some(app.outsider.as_str())),
        ] {
            let r = app.get(uri, cookie).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} {uri}");
            assert!(!r.body.contains("Cambodia"), "{who} {uri} leaks the case");
        }
    }
    // The member sees them (the unknown election is a 404 for everyone).
    assert_eq!(app.member(&uris[0]).await.status, StatusCode::OK);
    assert_eq!(app.member(&uris[1]).await.status, StatusCode::OK);
    assert_eq!(app.member(&uris[4]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn labels_with_markup_are_escaped_everywhere() {
    let app = app().await;
    let list = app.get(&format!("/cases/{ODD}/elections"), None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("&lt;Lib &amp; Dem&gt;"));
    assert!(!list.body.contains("<script>alert(1)"));

    let r = app.get(&format!("/cases/{ODD}/elections/odd"), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(!r.body.contains("<script>"));
    assert!(!r.body.contains("<Lib & Dem>"));
    // minijinja also escapes `/` in page text; the SVG writer escapes what XML needs.
    assert!(
        r.body
            .contains("<h1>Vote &lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; co</h1>")
    );
    assert!(r.body.contains(
        "<title id=\"votes-seats-title\">Vote &lt;script&gt;alert(1)&lt;/script&gt; &amp; co: share"
    ));
    // D'Hondt, 7 seats, 5000/3100/100: the quotients 5000, 3100, 2500, 1667, 1550, 1250, 1033
    // give 4 and 3; Tiny's 100 wins nothing.
    assert_eq!(
        dots(svg(&r.body, "hemicycle")),
        pairs(&[("&lt;Lib &amp; Dem&gt;", 4), ("Plain", 3)])
    );
    // No recorded dissolution: the page asks instead of inventing a default.
    assert!(r.body.contains("records no dissolution"));

    // A scenario in this case: the escaped party name comes back through the form.
    let r = app
        .get(
            &format!("/cases/{ODD}/elections/odd?party=%3CLib+%26+Dem%3E&rule=rerun"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body
            .contains("<option value=\"&lt;Lib &amp; Dem&gt;\" selected>")
    );
    assert_eq!(
        dots(svg(&r.body, "after-rerun")),
        pairs(&[("Plain", 7)]),
        "Tiny's 100 votes against Plain's 3100 (443 a seat at 7 seats) win nothing by D'Hondt"
    );
}

#[tokio::test]
async fn an_election_the_method_cannot_allocate_is_explained_not_a_500() {
    let app = app().await;
    let r = app.get(&format!("/cases/{ODD}/elections/tied"), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("cannot allocate these votes"));
    assert!(r.body.contains("exactly equal claims"));
}

#[tokio::test]
async fn an_election_file_the_engine_cannot_read_says_why() {
    let app = app().await;
    let list = app.get(&format!("/cases/{ODD}/elections"), None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("This election file cannot be read"));
    // The readable elections of the case are still listed.
    assert!(list.body.contains("/cases/odd-2030/elections/tied"));
    let r = app
        .get(&format!("/cases/{ODD}/elections/broken"), None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("This election file cannot be read"));
    // The engine's message names the field.
    assert!(r.body.contains("colour"), "{}", r.body);
}

/// A page's text as a reader sees it: tags dropped, the entities the templates write decoded.
fn visible(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// The runs of two English words or more of a sentence (between quotes, digits and
/// punctuation), lower-cased.
fn english_runs(sentence: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quoted = false;
    for c in sentence.chars() {
        if matches!(c, '"' | '“' | '”') {
            quoted = !quoted;
            plain.push('|');
        } else if !quoted {
            plain.push(c);
        }
    }
    plain
        .split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .map(|piece| piece.split_whitespace().collect::<Vec<_>>())
        .filter(|words| words.len() >= 2)
        .map(|words| words.join(" ").to_lowercase())
        .collect()
}

/// What the engine says in English about the elections the language test visits: its own
/// sentences (`Display`) and the English catalog's words for its steps, notes, tie rules and
/// refusals.
fn engine_english() -> Vec<String> {
    use accord_elections::{DissolveRule, Election, Scope, SimulationOptions};
    let election = |json: &str| Election::from_json(json).unwrap();
    let file = |name: &str| {
        if name == "tied" {
            return TIED;
        }
        engine_elections()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, json)| json)
            .unwrap()
    };
    let mut sentences = vec![
        accord_elections::allocate(&election(file("tied")))
            .unwrap_err()
            .to_string(),
        accord_elections::allocate(&election(file("zero")))
            .unwrap_err()
            .to_string(),
        Election::from_json(file("negative"))
            .unwrap_err()
            .to_string(),
        accord_elections::dissolve(
            &election(file("full")),
            "A",
            &DissolveRule::MinorParties {
                scope: Scope::National,
                declined: Vec::new(),
                method: None,
            },
            None,
        )
        .unwrap_err()
        .to_string(),
        accord_elections::simulate(
            &election(file("zero")),
            SimulationOptions {
                runs: 10,
                seed: 1,
                concentration: 100.0,
            },
        )
        .unwrap_err()
        .to_string(),
    ];
    let reference = election(
        &std::fs::read_to_string(repo(
            "data/cases/cambodia-2017/elections/2013-national-assembly.json",
        ))
        .unwrap(),
    );
    let s = accord_elections::dissolve(&reference, "CNRP", &DissolveRule::Recorded, None).unwrap();
    sentences.extend(s.steps.iter().map(ToString::to_string));
    let s = accord_elections::dissolve(&reference, "CNRP", &DissolveRule::Rerun, None).unwrap();
    sentences.extend(s.notes.iter().map(ToString::to_string));
    let en = std::fs::read_to_string(repo("crates/server/locales/en.ftl")).unwrap();
    let mut family = false;
    for line in en.lines() {
        if let Some((id, value)) = line.split_once(" = ")
            && !line.starts_with(' ')
        {
            family = [
                "el-engine-",
                "el-problem-",
                "el-input-",
                "el-step-",
                "el-note-",
            ]
            .iter()
            .any(|p| id.starts_with(p))
                || id == "el-tie-rule-most-votes";
            if family {
                sentences.push(value.to_owned());
            }
        } else if family && line.starts_with(' ') {
            sentences.push(line.to_owned());
        } else {
            family = false;
        }
    }
    let mut runs: Vec<String> = sentences.iter().flat_map(|s| english_runs(s)).collect();
    // Placeables (`{ $seats ->`, `[one]`) are not words.
    runs.retain(|r| !r.contains('$'));
    runs.sort();
    runs.dedup();
    runs
}

/// Issue 16: the engine's notes, steps, tie rules and refusals are in the reader's language.
/// Each page below shows some of them (a tie settled by the file's rule, the recorded and
/// computed steps with and without a place, the notes of a dissolution, the refusals of
/// the engine for a tie, seats nobody can fill, a rule with nobody to give seats to, a
/// value it cannot read and a projection it cannot draw); in Khmer and French none holds a
/// run of the engine's English, while in English they do (so the check can fail).
#[tokio::test]
async fn the_engines_words_are_in_the_readers_language() {
    let app = app().await;
    let runs = engine_english();
    assert!(runs.len() > 50, "{runs:?}");
    let odd = |path: &str| format!("/cases/{ODD}/elections{path}");
    let pages: Vec<(String, bool)> = vec![
        (show(""), true),
        (show("?party=CNRP&rule=rerun&rule=recorded"), true),
        (
            show("?party=CNRP&rule=minor-parties&scope=national&declined=LDP&declined=KAPP"),
            true,
        ),
        (
            show("?party=CNRP&rule=minor-parties&scope=constituency&declined=LDP"),
            true,
        ),
        (odd(""), false),
        (odd("/tied"), false),
        (odd("/zero"), false),
        (
            odd("/zero/simulation?runs=10&noise=dirichlet:100&seed=1"),
            false,
        ),
        (odd("/negative"), false),
        (odd("/broken"), false),
        (odd("/settled"), false),
        (odd("/settled?party=A&rule=minor-parties"), false),
        (odd("/settled?party=B&rule=rerun"), false),
        (odd("/settled?party=A&rule=minor-parties&declined=B"), false),
        (odd("/full?party=A&rule=minor-parties"), false),
    ];
    let get = |uri: String, member: bool, lang: &'static str| {
        let mut req = Request::builder()
            .uri(uri)
            .header(header::ACCEPT_LANGUAGE, lang);
        if member {
            req = req.header(header::COOKIE, &app.member);
        }
        let service = app.app.clone();
        async move {
            let res = service
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        }
    };
    // The election file's own notes and the record's note are the data's, in English here;
    // they are not the interface.
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo(
            "data/cases/cambodia-2017/elections/2013-national-assembly.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let mut content: Vec<String> = reference["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .collect();
    content.push(
        reference["recorded"]["dissolutions"][0]["note"]
            .as_str()
            .unwrap()
            .to_owned(),
    );
    let mut english_seen = 0;
    for (uri, member) in &pages {
        for lang in ["en", "fr", "km"] {
            let (status, body) = get(uri.clone(), *member, lang).await;
            assert!(
                status == StatusCode::OK || status == StatusCode::UNPROCESSABLE_ENTITY,
                "{lang} {uri}: {status}"
            );
            assert!(
                body.contains(&format!("<html lang=\"{lang}\"")),
                "{lang} {uri}"
            );
            let mut text = visible(&body).to_lowercase();
            for c in &content {
                text = text.replace(&c.to_lowercase(), " ");
            }
            let found: Vec<&String> = runs.iter().filter(|r| text.contains(r.as_str())).collect();
            if lang == "en" {
                english_seen += usize::from(!found.is_empty());
            } else {
                assert!(found.is_empty(), "{lang} {uri}: English {found:?}");
            }
        }
    }
    // Every page but the list says something of the engine's in English.
    assert!(
        english_seen >= pages.len() - 1,
        "{english_seen} of {}",
        pages.len()
    );

    // What each page says, in Khmer and French, by the engine's kinds.
    let km = |uri: String, member| get(uri, member, "km");
    let (_, tied) = km(odd("/tied"), false).await;
    assert!(tied.contains("មានសិទ្ធិស្មើគ្នាទាំងស្រុង"), "{tied}");
    let (_, settled) = km(odd("/settled"), false).await;
    assert!(settled.contains("សម្លេងឆ្នោតច្រើនជាង"), "{settled}");
    let (_, full) = get(odd("/full?party=A&rule=minor-parties"), false, "fr").await;
    assert!(
        visible(&full).contains("aucun parti sans siège n'a de voix pour recevoir le 1"),
        "{full}"
    );
    let (status, zero) = get(
        odd("/zero/simulation?runs=10&noise=dirichlet:100&seed=1"),
        false,
        "fr",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(zero.contains("aucune voix dont tirer des parts"), "{zero}");
    let (_, negative) = km(odd("/negative"), false).await;
    assert!(
        negative.contains("ត្រូវតែជាចំនួនគត់ ០ ឬច្រើនជាងនេះ"),
        "{negative}"
    );
    assert!(negative.contains("-៣"), "{negative}");
    let (_, declined) = km(
        show("?party=CNRP&rule=minor-parties&scope=national&declined=LDP&declined=KAPP"),
        true,
    )
    .await;
    assert!(
        declined.contains("ថ្នាក់ជាតិ៖ អាសនៈដែលត្រូវបានបដិសេធ"),
        "{declined}"
    );
}
