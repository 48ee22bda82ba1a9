//! The case over time (issue 14 §3) and the Monte-Carlo page (§5): the dashboard's timeline and
//! findings per month, a provision's scores and findings per year — each an SVG with its table,
//! labels escaped — and the projection of an election from a form, reproducible by its seed and
//! bounded, a refused field named with nothing run.

use accord_core::CaseRole;
use axum::http::StatusCode;

use crate::as_of::{App, REFERENCE};

const SIMULATION: &str = "/cases/cambodia-2017/elections/2013-national-assembly/simulation";

/// The element `<tag ... id="id"...>...</tag>` of a page (the first one).
fn element<'a>(page: &'a str, tag: &str, id: &str) -> &'a str {
    let start = page
        .find(&format!(
            "<{tag} xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\""
        ))
        .or_else(|| page.find(&format!("<{tag} class=\"responsive\" id=\"{id}\"")))
        .unwrap_or_else(|| panic!("no <{tag} id={id}> in the page:\n{page}"));
    let end = page[start..]
        .find(&format!("</{tag}>"))
        .unwrap_or_else(|| panic!("<{tag} id={id}> is not closed"));
    &page[start..start + end + tag.len() + 3]
}

#[tokio::test]
async fn the_dashboard_draws_the_timeline_and_the_findings_per_month_with_their_tables() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let page = app.page("/cases/cambodia-2017", &viewer).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let timeline = element(&page.body, "svg", "case-timeline");
    assert!(timeline.contains("role=\"img\""));
    // ACPS Art. 29 triggered on 1 February 2017; the letter of 23 October 2017; no response.
    assert!(
        timeline.contains("Mechanisms triggered: 1 February 2017"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Letters sent: 23 October 2017"),
        "{timeline}"
    );
    assert!(timeline.contains("Responses received: none"), "{timeline}");
    let table = element(&page.body, "table", "timeline-table");
    assert!(
        table.contains("<td>23 October 2017</td><td>Letters sent</td>"),
        "{table}"
    );
    // Confirmed findings per month: the chart's description and the table say the same.
    let chart = element(&page.body, "svg", "findings-chart");
    let table = element(&page.body, "table", "findings-table");
    assert!(chart.contains("2017-02: "), "{chart}");
    assert!(table.contains("<td>February 2017</td>"), "{table}");
    // As of a day before the letter, it is not on the timeline.
    let before = app
        .page("/cases/cambodia-2017?as_of=2017-10-22", &viewer)
        .await;
    let timeline = element(&before.body, "svg", "case-timeline");
    assert!(timeline.contains("Letters sent: none"), "{timeline}");
}

#[tokio::test]
async fn labels_put_into_a_chart_are_escaped() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let case = app.store.load_case(REFERENCE).await.unwrap().unwrap();
    let mut letter = case.letters[0].clone();
    letter.id = "hostile".into();
    letter.title = "<script>alert(1)</script> & \"quoted\"".into();
    app.store
        .save_letter(REFERENCE, &letter, None, "test")
        .await
        .unwrap();
    let page = app.page("/cases/cambodia-2017", &viewer).await;
    let timeline = element(&page.body, "svg", "case-timeline");
    assert!(!timeline.contains("<script>"), "{timeline}");
    assert!(
        timeline.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"),
        "{timeline}"
    );
    assert!(
        !page.body.contains("<script>alert(1)"),
        "nowhere in the page"
    );
}

#[tokio::test]
async fn a_provision_page_draws_its_scores_and_its_findings_per_year() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let page = app
        .page(
            "/cases/cambodia-2017/provisions/ACPS%20Annex%205%20Art.%204",
            &viewer,
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // The reference case codes no implementation (nothing in hand supports a score).
    let scores = element(&page.body, "svg", "implementation-chart");
    assert!(scores.contains("No confirmed observation yet."), "{scores}");
    let violations = element(&page.body, "svg", "violations-chart");
    let table = element(&page.body, "table", "violations-table");
    assert!(violations.contains("2017: "), "{violations}");
    assert!(table.contains("<td>2017</td>"), "{table}");
}

/// The table of a projection's figures.
fn figures(body: &str) -> String {
    element(body, "table", "distribution").to_owned()
}

#[tokio::test]
async fn the_projection_is_reproducible_by_its_seed_and_matches_the_engine() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    // A first visit shows the form and runs nothing.
    let first = app.page(SIMULATION, &viewer).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(first.body.contains("name=\"runs\"") && !first.body.contains("id=\"distribution\""));

    let q = format!("{SIMULATION}?runs=300&noise=dirichlet%3A400&seed=7");
    let a = app.page(&q, &viewer).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let b = app.page(&q, &viewer).await;
    assert_eq!(
        figures(&a.body),
        figures(&b.body),
        "the same seed gives the same figures"
    );
    let chart = element(&a.body, "svg", "simulation");
    assert!(chart.contains("majority: 62"), "{chart}");
    // The engine, called directly with the same options, gives the page's figures.
    let case = app.store.load_case(REFERENCE).await.unwrap().unwrap();
    let file = case
        .elections
        .iter()
        .find(|e| e.id == "2013-national-assembly")
        .unwrap();
    let election = accord_elections::Election::from_json(&file.json).unwrap();
    let s = accord_elections::simulate(
        &election,
        accord_elections::SimulationOptions {
            runs: 300,
            seed: 7,
            concentration: 400.0,
        },
    )
    .unwrap();
    for p in &s.parties {
        let row = format!(
            "<th scope=\"row\">{}</th><td>{}</td><td>{:.1}</td><td>{}</td><td>{}</td><td>{}</td>",
            p.party,
            // Votes are written as the page's language writes numbers ("1,234,567").
            accord_core::Lang::En.number(i64::try_from(p.votes).unwrap()),
            p.mean_seats,
            p.p5,
            p.p50,
            p.p95
        );
        assert!(
            figures(&a.body).contains(&row),
            "{row} in {}",
            figures(&a.body)
        );
    }
    // The distribution itself: every party's runs add up to the 300, as in the engine.
    let histogram = element(&a.body, "table", "histogram");
    for p in &s.parties {
        let counts: Vec<String> = p
            .distribution
            .iter()
            .map(|d| format!("{}: {}", d.seats, d.runs))
            .collect();
        let row = format!(
            "<th scope=\"row\">{}</th><td>{}</td>",
            p.party,
            counts.join(" · ")
        );
        assert!(histogram.contains(&row), "{row} in {histogram}");
    }
    assert!(element(&a.body, "svg", "simulation-distribution").contains("majority: 62"));
    // Another seed is another projection (the figures of 300 runs differ somewhere).
    let c = app
        .page(
            &format!("{SIMULATION}?runs=300&noise=dirichlet%3A400&seed=8"),
            &viewer,
        )
        .await;
    assert_eq!(c.status, StatusCode::OK);
    assert!(c.body.contains("seed 8"));
}

#[tokio::test]
async fn absurd_projections_are_refused_naming_the_field_and_nothing_is_run() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    for (query, field) in [
        ("runs=0&noise=dirichlet%3A400&seed=1", "runs"),
        ("runs=20001&noise=dirichlet%3A400&seed=1", "runs"),
        (
            "runs=99999999999999999999&noise=dirichlet%3A400&seed=1",
            "runs",
        ),
        ("runs=ten&noise=dirichlet%3A400&seed=1", "runs"),
        ("runs=10&noise=dirichlet%3A-1&seed=1", "noise"),
        ("runs=10&noise=dirichlet%3Ainf&seed=1", "noise"),
        ("runs=10&noise=gauss&seed=1", "noise"),
        ("runs=10&noise=dirichlet%3A400&seed=-1", "seed"),
    ] {
        let r = app.page(&format!("{SIMULATION}?{query}"), &viewer).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}: {}",
            r.body
        );
        assert!(
            r.body.contains(&format!("id=\"err-{field}\"")),
            "{query}: {}",
            r.body
        );
        assert!(
            !r.body.contains("id=\"distribution\""),
            "{query}: nothing is run"
        );
    }
    // Outsiders of the private case get 404, as for every page of it.
    let outsider = app.user("outsider@example.org", None).await;
    let r = app.page(&format!("{SIMULATION}?runs=10"), &outsider).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_mechanism_page_and_the_provisions_list_are_shown_as_of_a_day() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let mechanism = "/cases/cambodia-2017/mechanisms/acps-art-29";
    let before = app
        .page(&format!("{mechanism}?as_of=2017-01-31"), &viewer)
        .await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(before.body.contains("s-not-triggered"), "{}", before.body);
    // The letter of 23 October 2017 had not been written yet.
    assert!(before.body.contains("No letter of this case asks for it"));
    let after = app
        .page(&format!("{mechanism}?as_of=2017-02-01"), &viewer)
        .await;
    assert!(
        after.body.contains("s-triggered\">Triggered"),
        "{}",
        after.body
    );
    assert!(
        after.body.contains("?as_of=2017-02-01"),
        "links keep the day"
    );
    let now = app.page(mechanism, &viewer).await;
    assert!(now.body.contains("Letters that asked for it"));
    assert!(
        now.body
            .contains("Request to Reconvene the Paris Conference on Cambodia")
    );
    assert!(
        now.body.contains("o-no_response"),
        "nothing recorded: no response"
    );
    let bad = app
        .page(&format!("{mechanism}?as_of=2017-02-30"), &viewer)
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"as_of-error\""));

    let list = "/cases/cambodia-2017/provisions";
    let art29 = |body: &str| {
        let at = body.find(">ACPS Art. 29</a>").unwrap();
        body[at..at + 200].to_owned()
    };
    let before = app.page(&format!("{list}?as_of=2017-01-31"), &viewer).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    let after = app.page(&format!("{list}?as_of=2017-10-01"), &viewer).await;
    assert_ne!(
        art29(&before.body),
        art29(&after.body),
        "the status changes with the day"
    );
    assert!(after.body.contains("ACPS%20Art.%2029?as_of=2017-10-01"));
    let bad = app.page(&format!("{list}?as_of=soon"), &viewer).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
