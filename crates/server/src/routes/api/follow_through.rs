//! `/api/v1/cases/{id}/letters/{letter}/follow-through` and `/api/v1/cases/{id}/awaiting`: what
//! happened after a letter (deliveries, responses, deadlines, follow-ups), recording one (editors
//! and owners), and the letters awaiting a response past a deadline — the HTML pages' rules, as
//! JSON.

use accord_core::follow_through::{self, DeliveryMethod, FollowThrough, Record, ResponseAction};
use accord_core::{Day, Named, ValidCase};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ErrorBody, invalid, parse_body};
use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::routes::follow_through::today_or;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// A delivery, a response, a deadline or a follow-up. Which fields are present depends on `kind`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct FollowThroughRecord {
    id: String,
    /// `delivery`, `response`, `deadline` or `follow_up`.
    kind: String,
    /// The letter it is about (a follow-up: the later letter).
    letter: String,
    /// `YYYY-MM-DD` (not for a follow-up).
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// A delivery's addressee (actor id, or name as printed).
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    /// A response's addressee.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    /// The addressee a deadline binds (absent: every addressee).
    #[serde(skip_serializing_if = "Option::is_none")]
    addressee: Option<String>,
    /// A delivery's method: `email`, `post`, `hand`, `fax`, `online_form`, `published`, `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<String>,
    /// What a responding addressee did: `acted`, `acknowledged` or `declined`.
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// A source id of the case.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    /// What a deadline asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    asked: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// The earlier letter a follow-up cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    cites: Option<String>,
}

/// What one addressee (or a party responsible for a mechanism the letter asks for) did.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PartyOutcome {
    /// The addressee's actor id, or its name as printed.
    party: String,
    /// Whether the letter was addressed to them.
    addressed: bool,
    /// `acted`, `acknowledged`, `declined` or `no_response`.
    outcome: String,
    /// The day of the latest delivery to them.
    delivered: Option<String>,
    /// The day of their latest response.
    responded: Option<String>,
}

/// A letter's follow-through.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LetterFollowThrough {
    letter: String,
    /// `YYYY-MM-DD`.
    date: String,
    /// The mechanisms the letter asks for (it quotes their provision or lists their incidents).
    requests: Vec<String>,
    /// Its records, in the order they were written, and the follow-ups that cite it.
    records: Vec<FollowThroughRecord>,
    parties: Vec<PartyOutcome>,
}

/// A new record. `kind` says which fields it takes: `delivery` (`to`, `date`, `method`,
/// `note`?), `response` (`from`, `date`, `action`, `summary`, `text`?, `source`?), `deadline`
/// (`date`, `asked`, `addressee`?) or `follow_up` (`cites`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FollowThroughInput {
    kind: String,
    /// The record's id; a readable one when absent.
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    addressee: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    asked: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    cites: Option<String>,
}

/// A deadline passed without a response.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Awaiting {
    letter: String,
    title: String,
    /// The deadline record's id.
    deadline: String,
    /// `YYYY-MM-DD`.
    date: String,
    /// The addressee it binds (absent: every addressee).
    addressee: Option<String>,
    asked: String,
    days_late: i64,
}

pub(crate) fn record(f: &FollowThrough) -> FollowThroughRecord {
    let mut r = FollowThroughRecord {
        id: f.id.clone(),
        kind: f.what.kind().to_owned(),
        letter: f.letter.clone(),
        date: f.what.date().map(|d| d.to_string()),
        to: None,
        from: None,
        addressee: None,
        method: None,
        action: None,
        summary: None,
        text: None,
        source: None,
        asked: None,
        note: None,
        cites: None,
    };
    match &f.what {
        Record::Delivery {
            to, method, note, ..
        } => {
            r.to = Some(to.clone());
            r.method = Some(method.as_str().to_owned());
            r.note.clone_from(note);
        }
        Record::Response {
            from,
            action,
            summary,
            text,
            source,
            ..
        } => {
            r.from = Some(from.clone());
            r.action = Some(action.as_str().to_owned());
            r.summary = Some(summary.clone());
            r.text.clone_from(text);
            r.source.clone_from(source);
        }
        Record::Deadline {
            addressee, asked, ..
        } => {
            r.addressee.clone_from(addressee);
            r.asked = Some(asked.clone());
        }
        Record::FollowUp { cites } => r.cites = Some(cites.clone()),
    }
    r
}

async fn case_for(
    state: &AppState,
    access: &CaseAccess,
    day: Option<Day>,
) -> Result<ValidCase, AppError> {
    let case = CaseAt::load(state, &access.case, day).await?;
    Visibility::load(state, access).await?.case(&case)
}

/// A letter's deliveries, responses, deadlines and follow-ups, and what each addressee did.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/letters/{letter}/follow-through",
    operation_id = "get_follow_through",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("letter" = String, Path, description = "Letter id"),
    ),
    responses(
        (status = 200, description = "The letter's follow-through", body = LetterFollowThrough),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or letter, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
) -> Result<Json<LetterFollowThrough>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let case = case_for(&state, &access, None).await?;
    let letter = case.letter(&letter_id).ok_or(AppError::NotFound)?;
    let requested = follow_through::requested_mechanisms(&case, letter);
    let responsible: Vec<String> = requested
        .iter()
        .flat_map(|m| m.responsible.iter().cloned())
        .collect();
    let mut records: Vec<FollowThroughRecord> = follow_through::of_letter(&case, &letter.id)
        .map(record)
        .collect();
    records.extend(
        follow_through::follow_ups_of(&case, &letter.id)
            .into_iter()
            .map(record),
    );
    let parties = follow_through::outcomes(&case, letter, &responsible)
        .iter()
        .map(|p| PartyOutcome {
            party: p.party.clone(),
            addressed: p.addressed,
            outcome: p.outcome.as_str().to_owned(),
            delivered: p
                .delivered
                .and_then(|d| d.what.date())
                .map(|d| d.to_string()),
            responded: p
                .response
                .and_then(|r| r.what.date())
                .map(|d| d.to_string()),
        })
        .collect();
    Ok(Json(LetterFollowThrough {
        letter: letter.id.clone(),
        date: letter.date.to_string(),
        requests: requested.iter().map(|m| m.id.clone()).collect(),
        records,
        parties,
    }))
}

/// Record a delivery, a response, a deadline or a follow-up of a letter (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/letters/{letter}/follow-through",
    operation_id = "create_follow_through",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("letter" = String, Path, description = "Letter id"),
    ),
    request_body = FollowThroughInput,
    responses(
        (status = 201, description = "Recorded", body = FollowThroughRecord),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or letter, or the caller may not see the case", body = ErrorBody),
        (status = 409, description = "A record with this id exists", body = ErrorBody),
        (status = 422, description = "The record is not valid (a response from someone the letter was not addressed to, a date before the letter or after today, a follow-up citing a letter of another case, ...); `field` names the first problem and nothing is written", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let input: FollowThroughInput = parse_body(&body)?;
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let need = |name: &str, v: &Option<String>| {
        trimmed(v).ok_or_else(|| invalid(name, format!("a {} needs {name}", input.kind)))
    };
    let date = || -> Result<Day, ApiError> {
        let d = need("date", &input.date)?;
        Day::parse(&d).map_err(|e| invalid("date", e.to_string()))
    };
    let what = match input.kind.trim() {
        "delivery" => Record::Delivery {
            to: need("to", &input.to)?,
            date: date()?,
            method: DeliveryMethod::from_name(&need("method", &input.method)?)
                .map_err(|e| invalid("method", e.to_string()))?,
            note: trimmed(&input.note),
        },
        "response" => Record::Response {
            from: need("from", &input.from)?,
            date: date()?,
            action: ResponseAction::from_name(&need("action", &input.action)?)
                .map_err(|e| invalid("action", e.to_string()))?,
            summary: need("summary", &input.summary)?,
            text: trimmed(&input.text),
            source: trimmed(&input.source),
        },
        "deadline" => Record::Deadline {
            date: date()?,
            addressee: trimmed(&input.addressee),
            asked: need("asked", &input.asked)?,
        },
        "follow_up" => Record::FollowUp {
            cites: need("cites", &input.cites)?,
        },
        _ => {
            return Err(invalid(
                "kind",
                "choose delivery, response, deadline or follow_up",
            ));
        }
    };
    let f = state
        .actions
        .add_follow_through(
            &id,
            FollowThrough {
                id: trimmed(&input.id).unwrap_or_default(),
                letter: letter.clone(),
                what,
            },
            &viewer.audit_name(),
        )
        .await?;
    let location = format!("/api/v1/cases/{id}/letters/{letter}/follow-through");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(record(&f)),
    )
        .into_response())
}

/// The letters awaiting a response past a deadline, most overdue first (`?as_of=YYYY-MM-DD`:
/// counted on that day, from the records of then).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/awaiting",
    operation_id = "list_awaiting",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("as_of" = Option<String>, Query, description = "A day (YYYY-MM-DD); today when absent"),
    ),
    responses(
        (status = 200, description = "The deadlines passed without a response", body = [Awaiting]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "`as_of` is not a day", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn awaiting(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Vec<Awaiting>>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let day = as_of::from_query(query.as_deref())?;
    let case = case_for(&state, &access, day).await?;
    Ok(Json(
        follow_through::awaiting(&case, today_or(day))
            .iter()
            .map(|o| Awaiting {
                letter: o.letter.id.clone(),
                title: o.letter.title.clone(),
                deadline: o.deadline.id.clone(),
                date: o.date.to_string(),
                addressee: o.addressee.clone(),
                asked: o.asked.clone(),
                days_late: o.days_late,
            })
            .collect(),
    ))
}
