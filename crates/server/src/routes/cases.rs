//! The list of cases, a case's dashboard, its members and its publication.

use accord_core::{CaseRole, Day, Finding, Lang, Named, ValidCase, evaluate};
use accord_store::TimelineFilter;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::case_cache::DashboardView;
use crate::forms::Fields;
use crate::routes::follow_through::asked_view;
use crate::routes::table::{Routes, get, post};
use crate::routes::{see_other, with_case};
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/", get(list))
        .route("/cases/{id}", get(dashboard))
        .route("/cases/{id}/members", get(members).post(set_member))
        .route("/cases/{id}/publish", post(publish))
        .route("/cases/{id}/self-review", post(self_review))
}

async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let roles = match &viewer.user {
        Some(u) => state.store.roles_of_user(u.id).await?,
        None => Vec::new(),
    };
    let cases: Vec<Value> = state
        .store
        .list_cases()
        .await?
        .into_iter()
        .filter_map(|c| {
            let role = roles.iter().find(|(id, _)| *id == c.id).map(|(_, r)| *r);
            let access = match (role, viewer.is_admin(), c.published) {
                (Some(r), _, _) => state.text(viewer.lang, &format!("case-role-{}", r.as_str())),
                (None, true, _) => state.text(viewer.lang, "access-admin"),
                (None, false, true) => state.text(viewer.lang, "access-public"),
                (None, false, false) => return None,
            };
            Some(context! { id => c.id, title => c.title, country => c.country, access })
        })
        .collect();
    Ok(state
        .page(
            &viewer,
            "cases.html",
            context! { title => state.text(viewer.lang, "cases-title"), cases },
        )?
        .into_response())
}

pub(crate) fn verdict_label(f: &Finding) -> &'static str {
    match f.verdict {
        accord_core::Verdict::Violation => "Violation",
        accord_core::Verdict::ThreatOfViolation => "Threat of violation",
        accord_core::Verdict::Concern => "Concern",
    }
}

/// A finding with the incidents behind it and their sources, for the chain views.
pub(crate) fn finding_chain(case: &ValidCase, f: &Finding) -> Value {
    let incidents: Vec<Value> = f
        .incidents
        .iter()
        .filter_map(|id| case.incident(id))
        .map(|i| {
            let sources: Vec<String> = i
                .sources
                .iter()
                .filter_map(|s| case.source(s))
                .map(accord_core::Source::citation_text)
                .collect();
            context! { id => &i.id, title => &i.title, date => i.date.to_human(), spec => i.date.to_string(), sources }
        })
        .collect();
    context! {
        id => &f.id, citation => f.provision.to_string(), verdict => f.verdict.as_str(),
        verdict_label => verdict_label(f), status => f.status.as_str(), rationale => &f.rationale,
        author => &f.author, reviewed_by => &f.reviewed_by, incidents,
    }
}

/// A day as pages print it: "1 February 2017".
pub(crate) fn human_day(day: Day) -> String {
    accord_core::DateSpec::At(accord_core::date::Point::Day(day)).to_human()
}

fn names(v: &[&accord_core::Actor]) -> Vec<String> {
    v.iter().map(|a| a.name.clone()).collect()
}

/// How many findings of a mechanism's chain the dashboard shows (the earliest first); the
/// mechanism's own page shows them all.
pub(crate) const DASHBOARD_CHAIN: usize = 25;

/// A mechanism's status with the first `limit` findings of its chain.
pub(crate) fn mechanism_view(
    case: &ValidCase,
    m: &accord_core::MechanismStatus<'_>,
    limit: usize,
) -> Value {
    let findings: Vec<Value> = m
        .findings
        .iter()
        .take(limit)
        .map(|f| finding_chain(case, f))
        .collect();
    let mut scope: Vec<String> = m.mechanism.scope_instruments.clone();
    scope.extend(m.mechanism.scope_provisions.iter().map(ToString::to_string));
    context! {
        id => &m.mechanism.id, name => &m.mechanism.name,
        citation => m.mechanism.provision.to_string(),
        text => case.provision(&m.mechanism.provision).and_then(|p| p.text.clone()),
        triggered => m.triggered,
        since => m.since_incident.map(|i| human_day(i.date.earliest())),
        since_day => m.since_incident.map(|i| i.date.earliest().to_string()),
        since_incident => m.since_incident.map(|i| i.title.clone()),
        counts => m.mechanism.counts.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        scope,
        requested_by => names(&m.requested_by),
        responsible => names(&m.responsible),
        consult => names(&m.consult),
        action => &m.mechanism.action,
        finding_count => m.findings.len(),
        more => m.findings.len().saturating_sub(limit),
        findings,
    }
}

/// The status part of the dashboard: a pure function of the case, so computed once per version.
fn dashboard_view(say: &crate::svg::Say<'_>, case: &ValidCase) -> DashboardView {
    let status = evaluate(case);
    let mechanisms: Vec<Value> = status
        .mechanisms
        .iter()
        .map(|m| mechanism_view(case, m, DASHBOARD_CHAIN))
        .collect();
    let provisions: Vec<Value> = status
        .provisions
        .iter()
        .map(|p| {
            // Only confirmed observations are in a status: nothing here is hidden from anyone.
            let implementation = p.observation.map(|o| {
                context! { score => o.score.value(), label => o.score.label(), date => o.date.to_string() }
            });
            context! {
                citation => p.provision.citation.to_string(), state => p.state.as_str(),
                count => p.findings.len(), implementation,
            }
        })
        .collect();
    DashboardView {
        mechanisms: Value::from(mechanisms),
        provisions: Value::from(provisions),
        charts: crate::charts::dashboard(say, case, &status),
    }
}

/// The dashboard; with `?as_of=YYYY-MM-DD`, the status as it stood on that day (computed per
/// request: the per-version cache keeps only today's).
async fn dashboard(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A date the form could not have sent is said next to the form; the page shows today's status.
    let (day, as_of_error) = match as_of::from_query(query.as_deref()) {
        Ok(day) => (day, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let case = CaseAt::load(&state, &access.case, day).await?;
    let snap = case.snapshot();
    // The cached status and latest incidents are the case as stored; a reader who may not see
    // some of its records gets them computed from what they may see.
    let vis = Visibility::load(&state, &access).await?;
    let filtered = vis.hides_anything();
    let computed;
    let say = state.say(viewer.lang);
    let today = crate::routes::follow_through::today_or(day);
    let asked;
    let view = match (day, filtered) {
        (None, false) => {
            asked = asked_view(&snap.case, today);
            let slot = Lang::ALL
                .iter()
                .position(|l| *l == viewer.lang)
                .and_then(|i| snap.dashboard.get(i))
                .ok_or_else(|| AppError::Internal("no dashboard slot for a language".into()))?;
            slot.get_or_init(|| dashboard_view(&say, &snap.case))
        }
        (None, true) => {
            let seen = vis.case(&snap.case)?;
            asked = asked_view(&seen, today);
            computed = dashboard_view(&say, &seen);
            &computed
        }
        (Some(_), _) => {
            let seen = vis.case(&case)?;
            asked = asked_view(&seen, today);
            computed = dashboard_view(&say, &seen);
            &computed
        }
    };
    let (latest, incident_count) = match (day, filtered) {
        (None, false) => (snap.latest.clone(), snap.incident_count),
        (day, _) => {
            let filter = TimelineFilter {
                to: day,
                audience: vis.audience().clone(),
                ..TimelineFilter::default()
            };
            let page = state.store.timeline(&id, &filter, 10, 0).await?;
            (page.items, page.total)
        }
    };
    let titles =
        super::translations::incident_titles(&state, &access.case, &latest, viewer.lang).await?;
    let latest: Vec<Value> = latest
        .iter()
        .map(|i| context! { id => &i.id, title => &i.title, shown => titles.get(&i.id), date => viewer.lang.date(i.date), kind => i.kind.as_str() })
        .collect();
    let case_title = super::translations::case_title(&snap.case, viewer.lang);
    let refused = as_of_error.is_some();
    let mut r = state
        .page(
            &viewer,
            "dashboard.html",
            with_case(
                &access,
                context! {
                    title => &access.case.title, case_title, mechanisms => &view.mechanisms,
                    provisions => &view.provisions, latest, incident_count,
                    as_of => day.map(|d| d.to_string()), as_of_human => day.map(|d| viewer.lang.day(d)),
                    as_of_error, asked, charts => &view.charts,
                },
            ),
        )?
        .into_response();
    if refused {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

async fn members_page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let members: Vec<Value> = state
        .store
        .members(&access.case.id)
        .await?
        .into_iter()
        .map(|(u, r)| context! { email => u.email, role => r.as_str() })
        .collect();
    let roles: Vec<&str> = CaseRole::all().map(Named::as_str).collect();
    let self_review = state.store.self_review(&access.case.id).await?;
    let mut r = state
        .page(
            viewer,
            "members.html",
            with_case(
                access,
                context! {
                    title => state.text(viewer.lang, "nav-members"), members, roles, notice, error => error.clone(), self_review,
                },
            ),
        )?
        .into_response();
    if error.is_some() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

async fn members(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    members_page(&state, &viewer, &access, None, None).await
}

async fn set_member(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let f = Fields::from_body(&body);
    let email = f.get("email").unwrap_or("");
    let role = match f.get("role") {
        Some("none") => None,
        Some(r) => match CaseRole::from_name(r) {
            Ok(r) => Some(r),
            Err(e) => {
                return members_page(&state, &viewer, &access, None, Some(format!("role: {e}")))
                    .await;
            }
        },
        None => {
            return members_page(
                &state,
                &viewer,
                &access,
                None,
                Some(state.text(viewer.lang, "members-choose-role")),
            )
            .await;
        }
    };
    let Some((user, _)) = state.store.user_by_email(email).await? else {
        return members_page(
            &state,
            &viewer,
            &access,
            None,
            Some(state.message(
                viewer.lang,
                "members-no-account",
                &[("email", email.into())],
            )),
        )
        .await;
    };
    state
        .store
        .set_role(&id, user.id, role, &viewer.audit_name())
        .await?;
    let lang = viewer.lang;
    let notice = match role {
        Some(r) => state.message(
            lang,
            "members-now-role",
            &[
                ("email", user.email.as_str().into()),
                (
                    "role",
                    state
                        .text(lang, &format!("case-role-{}", r.as_str()))
                        .into(),
                ),
            ],
        ),
        None => state.message(
            lang,
            "members-no-longer",
            &[("email", user.email.as_str().into())],
        ),
    };
    members_page(&state, &viewer, &access, Some(notice), None).await
}

async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let f = Fields::from_body(&body);
    let published = match f.get("published") {
        Some("true") => true,
        Some("false") => false,
        _ => return Err(AppError::invalid("published", "must be true or false")),
    };
    state
        .store
        .set_published(&id, published, &viewer.audit_name())
        .await?;
    Ok(see_other(&format!("/cases/{id}/members")))
}

/// Allow or forbid a finding's author to confirm it (a case run by one person needs it; otherwise
/// a second pair of eyes is the rule). Owners only; the action logs it.
async fn self_review(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let f = Fields::from_body(&body);
    let allowed = match f.get("allowed") {
        Some("true") => true,
        Some("false") => false,
        _ => return Err(AppError::invalid("allowed", "must be true or false")),
    };
    state
        .actions
        .set_self_review(&id, allowed, &viewer.audit_name())
        .await?;
    Ok(see_other(&format!("/cases/{id}/members")))
}
