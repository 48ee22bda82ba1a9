//! The list of cases and a case's dashboard (mechanisms, provisions, latest incidents).

use accord_core::{Named, evaluate};
use axum::extract::{Path, State};
use axum::response::Html;
use minijinja::context;

use crate::{AppError, AppState};

pub(crate) async fn list(State(state): State<AppState>) -> Result<Html<String>, AppError> {
    let cases = state.store.list_cases().await?;
    let cases: Vec<_> = cases
        .iter()
        .map(|c| {
            context! { id => &c.id, title => &c.title, country => &c.country,
            incidents => &c.incidents, findings => &c.findings }
        })
        .collect();
    Ok(Html(state.templates.render(
        "cases.html",
        context! { title => "Cases", cases },
    )?))
}

pub(crate) async fn dashboard(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let case = state
        .store
        .load_case(&id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = evaluate(&case);
    let mechanisms: Vec<_> = status
        .mechanisms
        .iter()
        .map(|m| {
            let findings: Vec<_> = m
                .findings
                .iter()
                .map(|f| {
                    let incidents: Vec<_> = f
                        .incidents
                        .iter()
                        .filter_map(|i| case.incident(i))
                        .map(|i| context! { id => &i.id, title => &i.title, date => i.date.to_human() })
                        .collect();
                    context! { id => &f.id, citation => f.provision.to_string(),
                               verdict => f.verdict.as_str(), incidents }
                })
                .collect();
            let names = |v: &[&accord_core::Actor]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
            context! {
                id => &m.mechanism.id, name => &m.mechanism.name,
                citation => m.mechanism.provision.to_string(),
                triggered => &m.triggered,
                since => m.since_incident.map(|i| i.date.to_human()),
                requested_by => names(&m.requested_by),
                responsible => names(&m.responsible),
                consult => names(&m.consult),
                action => &m.mechanism.action,
                findings,
            }
        })
        .collect();
    let provisions: Vec<_> = status
        .provisions
        .iter()
        .map(|p| {
            context! { citation => p.provision.citation.to_string(), state => p.state.as_str(),
            count => p.findings.len() }
        })
        .collect();
    let mut latest: Vec<_> = case.incidents.iter().collect();
    latest.sort_by_key(|i| std::cmp::Reverse(i.date.earliest()));
    let latest: Vec<_> = latest
        .iter()
        .take(10)
        .map(|i| context! { id => &i.id, title => &i.title, date => i.date.to_human(), kind => i.kind.as_str() })
        .collect();
    Ok(Html(state.templates.render(
        "dashboard.html",
        context! { title => &case.title, case_id => &case.id, mechanisms, provisions, latest },
    )?))
}
