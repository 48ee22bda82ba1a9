//! What happened after a letter (issue 14 §4): a letter's follow-through page (deliveries,
//! responses, deadlines, follow-ups, and what each addressee did), the plain forms that record
//! them (editors and owners; no JavaScript), and the coordinator's list of letters awaiting a
//! response past their deadline. The mechanism page and the dashboard use [`requests_view`] and
//! [`asked_view`] to say which letters asked for a mechanism and what came of them.
//!
//! Every write goes through `accord_actions::Actions::add_follow_through`: a refused field is
//! said beside its form, and nothing is written. Reading follows the case (a private case's
//! letters are 404 to outsiders); records are shown as the reader may see them
//! (`core::sensitivity`: a hidden addressee's actor and a hidden source are not named).

use accord_actions::ActionError;
use accord_core::follow_through::{
    self, DeliveryMethod, FollowThrough, PartyOutcome, Record, ResponseAction,
};
use accord_core::{Day, Letter, Mechanism, Named, ValidCase};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::cases::human_day;
use crate::routes::table::{Routes, get};
use crate::routes::{see_other, with_case};
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route(
            "/cases/{id}/letters/{letter}/follow-through",
            get(show).post(create),
        )
        .route("/cases/{id}/awaiting", get(awaiting))
}

/// Today (UTC), or the day a page is "as of".
pub(crate) fn today_or(day: Option<Day>) -> Day {
    day.unwrap_or_else(accord_actions::today)
}

/// Days from `day` to `today` (negative for a day after it): pages print it as they like, the
/// [`ago`] words being only the English default.
pub(crate) fn days(day: Day, today: Day) -> i64 {
    today.days_since_epoch() - day.days_since_epoch()
}

/// "today", "yesterday", "12 days ago" (or "in 3 days" for a day after `today`).
pub(crate) fn ago(day: Day, today: Day) -> String {
    match days(day, today) {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        -1 => "tomorrow".to_owned(),
        n if n < 0 => format!("in {} days", -n),
        n => format!("{n} days ago"),
    }
}

/// The case's letters and follow-through as this reader may see them, as of a day if asked.
async fn case_for(
    state: &AppState,
    access: &CaseAccess,
    day: Option<Day>,
) -> Result<ValidCase, AppError> {
    let case = CaseAt::load(state, &access.case, day).await?;
    Visibility::load(state, access).await?.case(&case)
}

/// Every field of the four forms (each is in the page's `form.values`, empty unless a refused
/// form typed it: the templates are strict about undefined values).
const FIELDS: [&str; 12] = [
    "to",
    "from",
    "date",
    "method",
    "action",
    "summary",
    "text",
    "source",
    "asked",
    "addressee",
    "cites",
    "note",
];

/// What the forms hold after a refusal: which form, the values typed, and the refused field.
#[derive(Debug, Default, Clone)]
struct Refused {
    kind: String,
    values: Vec<(String, String)>,
    errors: Vec<(String, String)>,
    /// The day the page is "as of" (`None`: today), and a refused `as_of`.
    day: Option<Day>,
    as_of_error: Option<String>,
}

/// The letter's follow-through; with `?as_of=YYYY-MM-DD`, as it stood on that day (the records
/// dated by then; the forms are offered on today's page only).
async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let mut refused = Refused::default();
    let day = match as_of::from_query(query.as_deref()) {
        Ok(day) => day,
        Err(e) => {
            refused.as_of_error = Some(e.to_string());
            None
        }
    };
    refused.day = day;
    page(&state, &viewer, &access, &letter, &refused).await
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    letter_id: &str,
    refused: &Refused,
) -> Result<Response, AppError> {
    let now = case_for(state, access, None).await?;
    let letter = now.letter(letter_id).ok_or(AppError::NotFound)?;
    let then;
    let case: &ValidCase = match refused.day {
        Some(day) => {
            then = accord_core::as_of(&now, day);
            &then
        }
        None => &now,
    };
    let written = case.letter(letter_id).is_some();
    let today = today_or(refused.day);
    let records: Vec<&FollowThrough> = follow_through::of_letter(case, &letter.id).collect();
    let of_kind = |kind: &str| -> Vec<Value> {
        records
            .iter()
            .filter(|f| f.what.kind() == kind)
            .map(|f| record_view(case, letter, f, today))
            .collect()
    };
    let follows: Vec<Value> = records
        .iter()
        .filter_map(|f| match &f.what {
            Record::FollowUp { cites } => {
                let cited = follow_through::cited_letter(cites);
                Some(context! {
                    id => cited,
                    title => case.letter(cited).map(|l| l.title.clone()),
                    date => case.letter(cited).map(|l| human_day(l.date)),
                    day => case.letter(cited).map(|l| l.date.to_string()),
                })
            }
            _ => None,
        })
        .collect();
    let followed_by: Vec<Value> = follow_through::follow_ups_of(case, &letter.id)
        .iter()
        .filter_map(|f| case.letter(&f.letter))
        .map(|l| context! { id => &l.id, title => &l.title, date => human_day(l.date), day => l.date.to_string() })
        .collect();
    let requests: Vec<Value> = follow_through::requested_mechanisms(case, letter)
        .iter()
        .map(|m| context! { id => &m.id, name => &m.name, citation => m.provision.to_string() })
        .collect();
    let responsible: Vec<String> = follow_through::requested_mechanisms(case, letter)
        .iter()
        .flat_map(|m| m.responsible.iter().cloned())
        .collect();
    let parties: Vec<Value> = follow_through::outcomes(case, letter, &responsible)
        .iter()
        .map(|p| party_view(case, letter, p, today))
        .collect();
    let addressees: Vec<Value> = letter
        .addressees
        .iter()
        .map(|a| {
            context! {
                key => follow_through::addressee_key(a), name => &a.name, title => &a.title,
                organisation => &a.organisation,
            }
        })
        .collect();
    let others: Vec<Value> = case
        .letters
        .iter()
        .filter(|l| l.id != letter.id)
        .map(|l| context! { id => &l.id, title => &l.title, date => l.date.to_string() })
        .collect();
    let methods: Vec<&str> = DeliveryMethod::all().map(Named::as_str).collect();
    let actions: Vec<&str> = ResponseAction::all().map(Named::as_str).collect();
    let form = context! {
        kind => &refused.kind,
        values => FIELDS
            .iter()
            .map(|n| {
                let typed = refused.values.iter().find(|(k, _)| k == n).map_or("", |(_, v)| v.as_str());
                ((*n).to_owned(), typed.to_owned())
            })
            .collect::<std::collections::BTreeMap<String, String>>(),
        errors => refused.errors.iter().map(|(f, m)| context! { field => f, message => m }).collect::<Vec<_>>(),
    };
    let failed = !refused.errors.is_empty() || refused.as_of_error.is_some();
    let ctx = context! {
        title => state.message(viewer.lang, "ft-heading", &[("title", letter.title.as_str().into())]),
        letter => context! {
            id => &letter.id, title => &letter.title, date => human_day(letter.date),
            day => letter.date.to_string(),
        },
        addressees, parties, requests, follows, followed_by, others, methods, actions, form,
        deliveries => of_kind("delivery"), responses => of_kind("response"),
        deadlines => of_kind("deadline"), today => today.to_string(),
        as_of => refused.day.map(|d| d.to_string()), as_of_human => refused.day.map(human_day),
        as_of_error => &refused.as_of_error, written,
    };
    let mut r = state
        .page(
            viewer,
            "letters/follow_through.html",
            with_case(access, ctx),
        )?
        .into_response();
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// A record as the letter's page shows it.
fn record_view(case: &ValidCase, letter: &Letter, f: &FollowThrough, today: Day) -> Value {
    let who = |key: &str| {
        follow_through::addressee(letter, key).map_or_else(|| key.to_owned(), |a| a.name.clone())
    };
    match &f.what {
        Record::Delivery {
            to,
            date,
            method,
            note,
        } => context! {
            id => &f.id, to => who(to), date => human_day(*date), day => date.to_string(),
            ago => ago(*date, today), days_ago => days(*date, today),
            method => method.as_str().replace('_', " "), method_name => method.as_str(), note,
        },
        Record::Response {
            from,
            date,
            action,
            summary,
            text,
            source,
        } => context! {
            id => &f.id, from => who(from), date => human_day(*date), day => date.to_string(),
            ago => ago(*date, today), days_ago => days(*date, today),
            action => action.as_str(), summary, text,
            source => source.as_deref().and_then(|s| case.source(s)).map(accord_core::Source::citation_text),
        },
        Record::Deadline {
            date,
            addressee,
            asked,
        } => {
            let late = follow_through::awaiting(case, today)
                .iter()
                .any(|o| o.deadline.id == f.id);
            context! {
                id => &f.id, date => human_day(*date), day => date.to_string(),
                ago => ago(*date, today), days_ago => days(*date, today),
                addressee => addressee.as_deref().map(who), asked, late,
                passed => *date < today,
            }
        }
        Record::FollowUp { cites } => context! { id => &f.id, cites },
    }
}

/// What one party did about a letter, as pages show it.
fn party_view(case: &ValidCase, letter: &Letter, p: &PartyOutcome<'_>, today: Day) -> Value {
    let name = follow_through::addressee(letter, &p.party)
        .map(|a| a.name.clone())
        .or_else(|| case.actor(&p.party).map(|a| a.name.clone()))
        .unwrap_or_else(|| p.party.clone());
    let delivered = p.delivered.and_then(|d| match &d.what {
        Record::Delivery { date, method, .. } => Some(context! {
            date => human_day(*date), day => date.to_string(),
            method => method.as_str().replace('_', " "), method_name => method.as_str(),
        }),
        _ => None,
    });
    let response = p.response.and_then(|r| match &r.what {
        Record::Response {
            date,
            summary,
            action,
            ..
        } => Some(context! {
            date => human_day(*date), day => date.to_string(), ago => ago(*date, today),
            days_ago => days(*date, today), summary, action => action.as_str(),
        }),
        _ => None,
    });
    context! {
        party => &p.party, name, addressed => p.addressed, delivered, response,
        outcome => p.outcome.as_str(),
    }
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let kind = f.get("kind").unwrap_or("").to_owned();
    let field = |name: &str| f.get(name).unwrap_or("").trim().to_owned();
    let text = |name: &str| f.text(name).unwrap_or("").trim().to_owned();
    let opt = |v: String| (!v.is_empty()).then_some(v);
    let mut refused = Refused {
        kind: kind.clone(),
        values: FIELDS.iter().map(|n| ((*n).to_owned(), text(n))).collect(),
        ..Refused::default()
    };
    let date = || -> Result<Day, (String, String)> {
        Day::parse(&field("date")).map_err(|e| ("date".to_owned(), e.to_string()))
    };
    let what: Result<Record, (String, String)> = match kind.as_str() {
        "delivery" => date().and_then(|date| {
            let method = DeliveryMethod::from_name(&field("method"))
                .map_err(|e| ("method".to_owned(), e.to_string()))?;
            Ok(Record::Delivery {
                to: field("to"),
                date,
                method,
                note: opt(text("note")),
            })
        }),
        "response" => date().and_then(|date| {
            let action = ResponseAction::from_name(&field("action"))
                .map_err(|e| ("action".to_owned(), e.to_string()))?;
            Ok(Record::Response {
                from: field("from"),
                date,
                action,
                summary: text("summary"),
                text: opt(text("text")),
                source: opt(field("source")),
            })
        }),
        "deadline" => date().map(|date| Record::Deadline {
            date,
            addressee: opt(field("addressee")),
            asked: text("asked"),
        }),
        "follow_up" => Ok(Record::FollowUp {
            cites: field("cites"),
        }),
        _ => {
            return Err(AppError::invalid(
                "kind",
                "choose delivery, response, deadline or follow_up",
            ));
        }
    };
    let what = match what {
        Ok(w) => w,
        Err(e) => {
            refused.errors.push(e);
            return page(&state, &viewer, &access, &letter, &refused).await;
        }
    };
    let record = FollowThrough {
        id: String::new(),
        letter: letter.clone(),
        what,
    };
    match state
        .actions
        .add_follow_through(&id, record, &viewer.audit_name())
        .await
    {
        Ok(f) => Ok(see_other(&format!(
            "/cases/{id}/letters/{letter}/follow-through#{}",
            f.id
        ))),
        Err(ActionError::Invalid { field, message }) => {
            let said = crate::refusals::beside_field(&state.say(viewer.lang), &message);
            refused.errors.push((field, said));
            page(&state, &viewer, &access, &letter, &refused).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The letters awaiting a response past a deadline (`?as_of=` counts the days late on that day,
/// from the records of then).
async fn awaiting(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let (day, as_of_error) = match as_of::from_query(query.as_deref()) {
        Ok(day) => (day, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let case = case_for(&state, &access, day).await?;
    let today = today_or(day);
    let late: Vec<Value> = follow_through::awaiting(&case, today)
        .iter()
        .map(|o| {
            let who = o.addressee.as_deref().map(|k| {
                follow_through::addressee(o.letter, k)
                    .map_or_else(|| k.to_owned(), |a| a.name.clone())
            });
            context! {
                letter => &o.letter.id, title => &o.letter.title,
                letter_date => human_day(o.letter.date), deadline => &o.deadline.id,
                date => human_day(o.date), day => o.date.to_string(), addressee => who,
                letter_day => o.letter.date.to_string(), asked => &o.asked,
                days_late => o.days_late,
            }
        })
        .collect();
    let refused = as_of_error.is_some();
    let mut r = state
        .page(
            &viewer,
            "letters/awaiting.html",
            with_case(
                &access,
                context! {
                    title => state.text(viewer.lang, "awaiting-title"), late,
                    today => human_day(today), today_day => today.to_string(), as_of => day.map(|d| d.to_string()), as_of_error,
                },
            ),
        )?
        .into_response();
    if refused {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// The letters that asked for `mechanism`, oldest first, with what each addressee and each
/// party responsible for the mechanism did (the mechanism's page).
pub(crate) fn requests_view(case: &ValidCase, mechanism: &Mechanism, today: Day) -> Vec<Value> {
    follow_through::letters_requesting(case, mechanism)
        .into_iter()
        .map(|l| {
            let parties: Vec<Value> = follow_through::outcomes(case, l, &mechanism.responsible)
                .iter()
                .map(|p| {
                    let responsible = mechanism.responsible.contains(&p.party);
                    minijinja::value::merge_maps([
                        party_view(case, l, p, today),
                        context! { responsible },
                    ])
                })
                .collect();
            context! {
                id => &l.id, title => &l.title, date => human_day(l.date), day => l.date.to_string(),
                ago => ago(l.date, today), days_ago => days(l.date, today), parties,
            }
        })
        .collect()
}

/// For each mechanism of the case (by id): when it was last asked for, by which letter, how long
/// ago, and the latest response to the letters that asked for it (the dashboard).
pub(crate) fn asked_view(case: &ValidCase, today: Day) -> Value {
    let map: std::collections::BTreeMap<String, Value> = case
        .mechanisms
        .iter()
        .map(|m| {
            let Some(last) = follow_through::last_asked(case, m) else {
                // Every mechanism has its entry (none: never asked for): templates are strict.
                return (m.id.clone(), Value::from(()));
            };
            let response = last.response.and_then(|r| match &r.what {
                Record::Response {
                    from, date, action, ..
                } => {
                    let letter = case.letter(&r.letter)?;
                    let who = follow_through::addressee(letter, from)
                        .map_or_else(|| from.clone(), |a| a.name.clone());
                    Some(context! {
                        from => who, date => human_day(*date), day => date.to_string(),
                        ago => ago(*date, today), days_ago => days(*date, today),
                        action => action.as_str(),
                    })
                }
                _ => None,
            });
            (
                m.id.clone(),
                context! {
                    letter => &last.letter.id, title => &last.letter.title,
                    date => human_day(last.letter.date), day => last.letter.date.to_string(),
                    ago => ago(last.letter.date, today), days_ago => days(last.letter.date, today),
                    letters => last.letters, response,
                },
            )
        })
        .collect();
    Value::from(map)
}
