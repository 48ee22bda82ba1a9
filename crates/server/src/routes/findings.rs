//! Adding a finding (a draft, by an editor) and reviewing it (confirm or retract, by a reviewer).

use accord_core::validate::finding_problems;
use accord_core::{Citation, Finding, FindingStatus, Named, Verdict};
use accord_store::{StoreError, TimelineFilter};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::{see_other, with_case};
use crate::{AppError, AppState, search_sync, secrets};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/findings/new", get(new_form))
        .route("/cases/{id}/findings", post(create))
        .route("/cases/{id}/findings/{finding}/status", post(set_status))
}

#[derive(Debug, Default)]
struct Values {
    incidents: Vec<String>,
    provision: String,
    verdict: String,
    rationale: String,
}

async fn form(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    v: &Values,
    errors: &[(&'static str, &'static str, String)],
) -> Result<Response, AppError> {
    let id = &access.case.id;
    let refs = state.store.case_refs(id).await?;
    // The incidents to choose from: those asked for, and the most recent ones.
    let mut incidents = state.store.incidents(id, &v.incidents).await?;
    let recent = state
        .store
        .timeline(id, &TimelineFilter::default(), 100, 0)
        .await?;
    for i in recent.items {
        if !incidents.iter().any(|x| x.id == i.id) {
            incidents.push(i);
        }
    }
    let incidents: Vec<Value> = incidents
        .iter()
        .map(|i| context! { id => &i.id, title => &i.title, date => i.date.to_human() })
        .collect();
    let ctx = context! {
        title => "New finding",
        v => context! { incidents => &v.incidents, provision => &v.provision, verdict => &v.verdict, rationale => &v.rationale },
        errors => errors.iter().map(|(f, l, m)| context! { field => *f, label => *l, message => m }).collect::<Vec<_>>(),
        incidents,
        provisions => &refs.provisions,
        verdicts => Verdict::all().map(Named::as_str).collect::<Vec<_>>(),
    };
    let mut r = state
        .page(viewer, "finding_form.html", with_case(access, ctx))?
        .into_response();
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let q = Fields::from_query(q.as_deref());
    let v = Values {
        incidents: q.all("incident"),
        ..Values::default()
    };
    form(&state, &viewer, &access, &v, &[]).await
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let v = Values {
        incidents: f.all("incident"),
        provision: f.get("provision").unwrap_or("").to_owned(),
        verdict: f.get("verdict").unwrap_or("").to_owned(),
        rationale: f.text("rationale").unwrap_or("").trim().to_owned(),
    };
    let mut errors: Vec<(&'static str, &'static str, String)> = Vec::new();
    let refs = state.store.case_refs(&id).await?;
    // Forgiving input: "iccpr art 19 (2)" is the case's "ICCPR Art. 19(2)".
    let provision = Citation::parse(&v.provision)
        .map_err(|e| errors.push(("provision", "Provision", e.to_string())))
        .ok()
        .map(|c| {
            let printed = c.to_string();
            refs.provisions
                .iter()
                .find(|p| p.eq_ignore_ascii_case(&printed))
                .and_then(|p| Citation::parse(p).ok())
                .unwrap_or(c)
        });
    let verdict = Verdict::from_name(&v.verdict)
        .map_err(|e| errors.push(("verdict", "Verdict", e.to_string())))
        .ok();
    let known = state.store.incidents(&id, &v.incidents).await?;
    let finding = match (provision, verdict) {
        (Some(provision), Some(verdict)) => {
            let fid = secrets::record_id("", "f").map_err(|e| AppError::Internal(e.to_string()))?;
            let f = Finding {
                id: fid,
                incidents: v.incidents.clone(),
                provision,
                verdict,
                status: FindingStatus::Draft,
                rationale: v.rationale.clone(),
                author: Some(viewer.audit_name()),
                reviewed_by: None,
            };
            for p in finding_problems(&f, &|i| known.iter().any(|k| k.id == i), &|c| {
                refs.provisions.iter().any(|p| *p == c.to_string())
            }) {
                let (field, label) = match p.field.split(['[', '.']).next().unwrap_or("") {
                    "incidents" => ("incident", "Incident(s)"),
                    "provision" => ("provision", "Provision"),
                    _ => ("rationale", "Rationale"),
                };
                errors.push((field, label, p.message));
            }
            Some(f)
        }
        _ => None,
    };
    let Some(finding) = finding.filter(|_| errors.is_empty()) else {
        return form(&state, &viewer, &access, &v, &errors).await;
    };
    state
        .store
        .add_finding(&id, &finding, &viewer.audit_name())
        .await?;
    let back = finding.incidents.first().map_or_else(
        || format!("/cases/{id}"),
        |i| format!("/cases/{id}/incidents/{i}?saved=1#finding-{}", finding.id),
    );
    Ok(see_other(&back))
}

async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, finding)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_review(&viewer)?;
    let f = Fields::from_body(&body);
    let status = f
        .get("status")
        .map(FindingStatus::from_name)
        .transpose()
        .map_err(|e| AppError::invalid("status", e.to_string()))?
        .ok_or_else(|| AppError::invalid("status", "choose confirmed, retracted or draft"))?;
    match state
        .store
        .set_finding_status(&id, &finding, status, &viewer.audit_name())
        .await
    {
        Err(StoreError::NotFound { .. }) => return Err(AppError::NotFound),
        other => other?,
    }
    if let Some(index) = &state.search {
        let incidents: Vec<String> = state
            .store
            .load_case_for_status(&id)
            .await?
            .and_then(|c| c.finding(&finding).map(|f| f.incidents.clone()))
            .unwrap_or_default();
        search_sync::reindex(state.store.as_ref(), index, &id, &incidents).await?;
    }
    // Only same-case paths are followed back.
    let back = f
        .get("back")
        .filter(|b| b.starts_with(&format!("/cases/{id}/")) && !b.contains("//"))
        .map_or_else(|| format!("/cases/{id}"), str::to_owned);
    Ok(see_other(&back))
}
