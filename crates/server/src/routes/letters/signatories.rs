//! The coordinator's list of a letter's signatories: each signature's state against the current
//! text ("signed an earlier version" included), the invitation behind it, its link, and the
//! actions: invite an organisation, send a new link, verify a signature. A new link is shown
//! once, on the page that answers the form; only its SHA-256 is stored.
//!
//! A letter in several languages: each signatory's row says in which languages they signed the
//! text as it stands (a signature counts for the language it was given to only; bold when
//! printed under that language's letter).

use accord_actions::ActionError;
use accord_letters::signon::{InvitationForm, LinkToken, SIGN_LINK_DAYS, expiry};
use accord_letters::{SignOnState, SignatoryStatus};
use accord_store::{LinkStatus, NewInvitation, NewLink, SignOnEntry};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use super::now_unix;
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::letter_cache;
use crate::routes::{see_other, with_case};
use crate::{AppError, AppState};

/// The longest a sign link may be made to last.
const MAX_LINK_DAYS: i64 = 365;

pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    page(
        &state,
        &viewer,
        &access,
        &letter,
        &InvitationForm::default(),
        &[],
    )
    .await
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    letter: &str,
    form: &InvitationForm,
    errors: &[(&str, String)],
) -> Result<Response, AppError> {
    let cached = letter_cache::letter(state, &access.case, letter).await?;
    let c = &cached.ready()?.composed;
    let entries = state
        .store
        .signon_entries(&access.case.id, letter, now_unix())
        .await?;
    // Per signatory (by index), the languages whose current text they signed.
    let mut signed_in: Vec<Vec<Value>> = vec![Vec::new(); c.signatories.len()];
    for l in &cached.summary.languages {
        let composed = if l.original {
            Some(cached.clone())
        } else {
            letter_cache::letter_in(state, &access.case, letter, Some(&l.lang))
                .await
                .ok()
        };
        let Some(composed) = composed else { continue };
        let Ok(ready) = composed.ready() else {
            continue;
        };
        for s in &ready.composed.signatories {
            if matches!(s.state, SignOnState::Signed | SignOnState::Verified)
                && let Some(langs) = signed_in.get_mut(s.index)
            {
                langs.push(context! { tag => &l.lang, printed => s.state.is_published() });
            }
        }
    }
    let rows: Vec<Value> = c
        .signatories
        .iter()
        .map(|s| {
            let langs = signed_in.get(s.index).cloned().unwrap_or_default();
            row(s, entries.get(s.index), langs)
        })
        .collect();
    let ctx = context! {
        title => state.message(viewer.lang, "signatories-title", &[("title", c.document.title.as_str().into())]),
        letter_id => letter,
        letter_title => &c.document.title,
        sha256 => &c.signed_text.sha256,
        rows,
        printed => c.document.signatories.len(),
        several_languages => cached.summary.languages.len() > 1,
        form => context! { organisation => &form.organisation, country => &form.country, contact => &form.contact },
        days => SIGN_LINK_DAYS,
        errors => errors.iter().map(|(f, m)| context! { field => *f, message => m }).collect::<Vec<_>>(),
    };
    let mut r = state
        .page(viewer, "letters/signatories.html", with_case(access, ctx))?
        .into_response();
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// One signatory as the list shows it. `entry` is the store's record at the same position
/// (signatories are stored and loaded in position order, so index and position agree).
fn row(s: &SignatoryStatus, entry: Option<&SignOnEntry>, signed_in: Vec<Value>) -> Value {
    // The sign link's state (`open`, `open-forever`, `expired`, `used`) with its day and time
    // (UTC) and what it was used for: the page writes the line in the reader's language
    // (`signon-link-*`).
    let link = entry.and_then(|e| e.sign_link).map(|l| {
        let (state, unix, outcome) = match l {
            LinkStatus::Open {
                expires_unix: Some(e),
            } => ("open", Some(e), None),
            LinkStatus::Open { expires_unix: None } => ("open-forever", None, None),
            LinkStatus::Expired { expired_unix } => ("expired", Some(expired_unix), None),
            LinkStatus::Used { at_unix, outcome } => {
                ("used", Some(at_unix), Some(outcome.as_str()))
            }
        };
        let (day, time) = unix.map_or((None, None), |u| {
            let secs = u.rem_euclid(86_400);
            (
                accord_core::Day::from_days_since_epoch(u.div_euclid(86_400))
                    .map(|d| d.to_string()),
                Some(format!("{:02}:{:02}", secs / 3600, (secs % 3600) / 60)),
            )
        });
        context! { state, day, time, outcome }
    });
    let invitation = entry.and_then(|e| e.invitation.as_ref());
    context! {
        position => entry.map(|e| e.position),
        organisation => &s.signatory.organisation,
        country => &s.signatory.country,
        representative => &s.signatory.representative,
        url => &s.signatory.url,
        state => s.state.label(),
        // The catalog message for the state (`signon-…`): the page is in the reader's language.
        state_key => match s.state {
            SignOnState::Invited => "invited",
            SignOnState::Signed => "signed",
            SignOnState::SignedEarlierVersion { .. } => "signed-earlier",
            SignOnState::Declined => "declined",
            SignOnState::Withdrawn => "withdrawn",
            SignOnState::Verified => "verified",
        },
        earlier => matches!(s.state, SignOnState::SignedEarlierVersion { .. }),
        signed_in,
        printed => s.state.is_published(),
        can_verify => s.state == SignOnState::Signed,
        invited_name => invitation.map(|i| &i.invited_name),
        contact => invitation.map(|i| &i.contact),
        invited_at => invitation.map(|i| &i.invited_at),
        verified_by => invitation.and_then(|i| i.verified_by.as_ref()),
        link,
    }
}

pub(crate) async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, letter)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let f = Fields::from_body(&body);
    let form = InvitationForm {
        organisation: f.get("organisation").unwrap_or("").to_owned(),
        country: f.get("country").unwrap_or("").to_owned(),
        contact: f.get("contact").unwrap_or("").to_owned(),
    };
    let days = match link_days(&f) {
        Ok(d) => d,
        Err(message) => {
            return page(
                &state,
                &viewer,
                &access,
                &letter,
                &form,
                &[("days", message)],
            )
            .await;
        }
    };
    let token = LinkToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    // The form goes to the action as typed: the action checks it for every caller (the API and
    // the CLI included) and stores the checked, trimmed values.
    let result = state
        .actions
        .invite_signatory(
            &id,
            &letter,
            &NewInvitation {
                organisation: form.organisation.clone(),
                country: Some(form.country.clone()),
                contact: form.contact.clone(),
                link: NewLink {
                    token_sha256: token.sha256(),
                    expires_unix: expiry(now_unix(), days),
                },
            },
            &viewer.audit_name(),
        )
        .await;
    let position = match result {
        Ok(position) => position,
        Err(ActionError::Invalid { field, message }) => {
            return page(
                &state,
                &viewer,
                &access,
                &letter,
                &form,
                &[(&field, message)],
            )
            .await;
        }
        // The store names the checked name it found taken.
        Err(ActionError::Exists {
            what: "signatory",
            id: name,
        }) => {
            let message = format!("{name:?} is already on this letter");
            return page(
                &state,
                &viewer,
                &access,
                &letter,
                &form,
                &[("organisation", message)],
            )
            .await;
        }
        Err(ActionError::NotFound { .. }) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    // The name as the store keeps it (checked and trimmed by the action), for the link page.
    let name = signatory_name(&state, &id, &letter, position).await?;
    link_page(
        &state, &viewer, &access, &headers, &letter, &name, &token, days,
    )
}

pub(crate) async fn new_link(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, letter, position)): Path<(String, String, u32)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let f = Fields::from_body(&body);
    let days = link_days(&f).map_err(|m| AppError::invalid("days", m))?;
    let token = LinkToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    let link = NewLink {
        token_sha256: token.sha256(),
        expires_unix: expiry(now_unix(), days),
    };
    match state
        .actions
        .renew_sign_link(&id, &letter, position, &link, &viewer.audit_name())
        .await
    {
        Ok(()) => {}
        Err(ActionError::NotFound { .. }) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    }
    let name = signatory_name(&state, &id, &letter, position).await?;
    link_page(
        &state, &viewer, &access, &headers, &letter, &name, &token, days,
    )
}

pub(crate) async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter, position)): Path<(String, String, u32)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    match state
        .actions
        .verify_signatory(&id, &letter, position, &viewer.audit_name())
        .await
    {
        Ok(true) => Ok(see_other(&format!(
            "/cases/{id}/letters/{letter}/signatories"
        ))),
        Ok(false) => Err(AppError::invalid(
            "signatory",
            "only a signature waiting for verification (state \"signed\") can be verified",
        )),
        Err(ActionError::NotFound { .. }) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The name a signatory is stored under, by position (empty if it is not there).
async fn signatory_name(
    state: &AppState,
    case: &str,
    letter: &str,
    position: u32,
) -> Result<String, AppError> {
    Ok(state
        .store
        .signon_entries(case, letter, now_unix())
        .await?
        .into_iter()
        .find(|e| e.position == position)
        .map(|e| e.signatory.organisation)
        .unwrap_or_default())
}

fn link_days(f: &Fields) -> Result<i64, String> {
    match f.get("days") {
        None => Ok(SIGN_LINK_DAYS),
        Some(d) => match d.parse::<i64>() {
            Ok(n) if (1..=MAX_LINK_DAYS).contains(&n) => Ok(n),
            _ => Err(format!("{d:?}: a number of days from 1 to {MAX_LINK_DAYS}")),
        },
    }
}

/// The page that shows a new link, once.
#[expect(
    clippy::too_many_arguments,
    reason = "two call sites; the arguments are what the page shows"
)]
fn link_page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    headers: &HeaderMap,
    letter: &str,
    organisation: &str,
    token: &LinkToken,
    days: i64,
) -> Result<Response, AppError> {
    // From the configured address, never from the request's Host header (which the sender of
    // the request chooses: a link to another site would carry the secret there). Without one,
    // the path only, and the page says to configure `base_url`.
    let _ = headers; // deliberately not read
    let path = format!("/sign/{}", token.as_str());
    let base_url = state.base_url();
    let url = base_url.map_or_else(|| path.clone(), |b| b.join(&path));
    let ctx = context! {
        title => state.text(viewer.lang, "link-label"),
        letter_id => letter,
        organisation,
        url,
        base_url_missing => base_url.is_none(),
        days,
    };
    let mut r = state
        .page(viewer, "letters/link.html", with_case(access, ctx))?
        .into_response();
    // The page holds a secret: never cache it.
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(r)
}
