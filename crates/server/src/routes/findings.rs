//! Adding a finding (a draft, by an editor) and reviewing it (confirm or retract, by a reviewer).

use accord_actions::ActionError;
use accord_core::{Finding, FindingStatus, Named, Verdict};
use accord_store::TimelineFilter;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::table::{Routes, get, post};
use crate::routes::{see_other, with_case};
use crate::visibility::Visibility;
use crate::{AppError, AppState, secrets};

pub(crate) fn router() -> Routes {
    Routes::new()
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
    let vis = Visibility::load(state, access).await?;
    let refs = vis.refs(state.store.case_refs(id).await?);
    // The incidents to choose from: those asked for, and the most recent ones; of both, only
    // those this editor may see.
    let mut incidents: Vec<_> = vis
        .incidents(&state.store.incidents(id, &v.incidents).await?)
        .collect();
    let filter = TimelineFilter {
        audience: vis.audience().clone(),
        ..TimelineFilter::default()
    };
    let recent = state.store.timeline(id, &filter, 100, 0).await?;
    for i in recent.items {
        if !incidents.iter().any(|x| x.id == i.id) {
            incidents.push(i);
        }
    }
    let incidents: Vec<Value> = incidents
        .iter()
        .map(|i| context! { id => &i.id, title => &i.title, date => viewer.lang.date(i.date) })
        .collect();
    let ctx = context! {
        title => state.text(viewer.lang, "finding-new"),
        v => context! { incidents => &v.incidents, provision => &v.provision, verdict => &v.verdict, rationale => &v.rationale },
        errors => errors.iter().map(|(f, l, m)| context! { field => *f, label => state.text(viewer.lang, l), message => m }).collect::<Vec<_>>(),
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
    // A refusal is said beside its field in the reader's language (`refusals.rs`).
    let say = state.say(viewer.lang);
    let said = |message: String| crate::refusals::beside_field(&say, &message);
    let refs = state.store.case_refs(&id).await?;
    // The one citation rule of the forms and the API: "iccpr art 19 (2)" is the case's
    // "ICCPR Art. 19(2)"; a citation that names no provision of the case is refused here.
    let provision = state
        .actions
        .parse_provision(&refs.provisions, &v.provision)
        .map_err(|e| errors.push(("provision", "finding-provision", said(action_message(e)))))
        .ok();
    let verdict = Verdict::from_name(&v.verdict)
        .map_err(|e| errors.push(("verdict", "finding-verdict", said(e.to_string()))))
        .ok();
    let (Some(provision), Some(verdict)) = (provision, verdict) else {
        return form(&state, &viewer, &access, &v, &errors).await;
    };
    let finding = Finding {
        id: secrets::record_id("", "f").map_err(|e| AppError::Internal(e.to_string()))?,
        incidents: v.incidents.clone(),
        provision,
        verdict,
        status: FindingStatus::Draft,
        rationale: v.rationale.clone(),
        author: Some(viewer.audit_name()),
        reviewed_by: None,
    };
    match state
        .actions
        .add_finding(&id, finding.clone(), &viewer.audit_name())
        .await
    {
        Ok(()) => {}
        Err(ActionError::Invalid { field, message }) => {
            let (field, label) = match field.split(['[', '.']).next().unwrap_or("") {
                "incidents" => ("incident", "finding-incidents"),
                "provision" => ("provision", "finding-provision"),
                _ => ("rationale", "finding-rationale"),
            };
            errors.push((field, label, said(message)));
            return form(&state, &viewer, &access, &v, &errors).await;
        }
        Err(e) => return Err(e.into()),
    }
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
    state
        .actions
        .set_finding_status(&id, &finding, status, &viewer.audit_name())
        .await?;
    // Only same-case paths are followed back.
    let back = f
        .get("back")
        .filter(|b| b.starts_with(&format!("/cases/{id}/")) && !b.contains("//"))
        .map_or_else(|| format!("/cases/{id}"), str::to_owned);
    Ok(see_other(&back))
}

/// What a refused field says (the action's message, without the field name it is shown beside).
fn action_message(e: ActionError) -> String {
    match e {
        ActionError::Invalid { message, .. } => message,
        other => other.to_string(),
    }
}
