//! The pages an invited organisation reaches through its link, without an account.
//!
//! `/sign/{token}` shows the exact text to sign (as the letter will read, and as the Markdown
//! whose SHA-256 the signature records) and a form to sign or decline; `/withdraw/{token}` asks
//! to confirm, then withdraws. A link that is malformed or unknown is a 404; one that was used,
//! replaced or has expired answers 410 with what happened to it. Signing twice changes nothing:
//! the second answer says the link was used. If the letter changed while the page was open, the
//! signature is refused and the new text shown.
//!
//! A letter in several languages: the sign page links each language (`/sign/{token}?lang=km`) and
//! signs the text shown, in that language only (`Actions::sign_letter_version`); a signature on
//! one language does not count for another.

use std::sync::Arc;

use accord_actions::ActionError;
use accord_letters::signon::LinkToken;
use accord_store::{LinkOutcome, LinkPurpose, LinkStatus, LinkUse, NewSignature, SignOnLink};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use super::{human_time, now_unix};
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::letter_cache::{self, CachedLetter};
use crate::{AppError, AppState};

/// Why a link does nothing, as a page.
enum Closed {
    /// Malformed or unknown.
    Unknown,
    Used {
        at_unix: i64,
        outcome: LinkUse,
    },
    Expired {
        expired_unix: i64,
    },
    WrongPurpose(LinkPurpose),
}

fn closed_page(state: &AppState, viewer: &Viewer, closed: &Closed) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let at = |key: &str, unix: i64| state.message(lang, key, &[("when", human_time(unix).into())]);
    let (status, heading, message) = match closed {
        Closed::Unknown => (
            StatusCode::NOT_FOUND,
            "sign-unknown-title",
            state.text(lang, "sign-unknown"),
        ),
        Closed::Used { at_unix, outcome } => (
            StatusCode::GONE,
            "sign-used-title",
            match outcome {
                LinkUse::Signed => at("sign-used-signed", *at_unix),
                LinkUse::Declined => at("sign-used-declined", *at_unix),
                LinkUse::Withdrawn => at("sign-used-withdrawn", *at_unix),
                LinkUse::Replaced => at("sign-used-replaced", *at_unix),
            },
        ),
        Closed::Expired { expired_unix } => (
            StatusCode::GONE,
            "sign-expired-title",
            at("sign-expired", *expired_unix),
        ),
        Closed::WrongPurpose(purpose) => (
            StatusCode::BAD_REQUEST,
            "sign-wrong-title",
            state.text(
                lang,
                match purpose {
                    LinkPurpose::Sign => "sign-wrong-sign",
                    LinkPurpose::Withdraw => "sign-wrong-withdraw",
                },
            ),
        ),
    };
    let heading = state.text(lang, heading);
    let mut r = state
        .page(
            viewer,
            "letters/sign_status.html",
            context! { title => &heading, heading, message, done => false, withdraw => Option::<String>::None },
        )?
        .into_response();
    *r.status_mut() = status;
    Ok(no_store(r))
}

fn outcome_closed(outcome: &LinkOutcome) -> Option<Closed> {
    match *outcome {
        LinkOutcome::Done(_) => None,
        LinkOutcome::Used { at_unix, outcome } => Some(Closed::Used { at_unix, outcome }),
        LinkOutcome::Expired { expired_unix } => Some(Closed::Expired { expired_unix }),
        LinkOutcome::WrongPurpose { purpose } => Some(Closed::WrongPurpose(purpose)),
        LinkOutcome::NotFound => Some(Closed::Unknown),
    }
}

/// A link's token and what it opens, if it can still be used for `purpose`.
async fn open_link(
    state: &AppState,
    token: &str,
    purpose: LinkPurpose,
) -> Result<Result<(LinkToken, SignOnLink), Closed>, AppError> {
    let Ok(token) = LinkToken::parse(token) else {
        return Ok(Err(Closed::Unknown));
    };
    let Some(link) = state.store.signon_link(&token.sha256(), now_unix()).await? else {
        return Ok(Err(Closed::Unknown));
    };
    Ok(match link.status {
        LinkStatus::Used { at_unix, outcome } => Err(Closed::Used { at_unix, outcome }),
        _ if link.purpose != purpose => Err(Closed::WrongPurpose(link.purpose)),
        LinkStatus::Expired { expired_unix } => Err(Closed::Expired { expired_unix }),
        LinkStatus::Open { .. } => Ok((token, link)),
    })
}

struct SignPage<'a> {
    token: &'a LinkToken,
    letter: &'a letter_cache::Ready,
    /// The letter's languages, and the one shown.
    summary: &'a letter_cache::LetterSummary,
    representative: &'a str,
    organisation: &'a str,
    url: &'a str,
    errors: &'a [(&'a str, String)],
}

fn sign_page(state: &AppState, viewer: &Viewer, p: &SignPage<'_>) -> Result<Response, AppError> {
    // The letter as it reads for signing: the list of other signatories is not part of it. The
    // letter is the same for every signatory (cached); their name and link are added here.
    let c = &p.letter.composed;
    let ctx = context! {
        title => state.message(viewer.lang, "sign-title", &[("title", c.document.title.as_str().into())]),
        action => format!("/sign/{}", p.token.as_str()),
        // Signing a version: which one (empty for the original).
        sign_lang => p.summary.languages.iter().find(|l| !l.original && l.lang == p.summary.language).map(|l| l.lang.clone()).unwrap_or_default(),
        letter_languages => super::show::languages_context(&p.summary.languages, &p.summary.language),
        letter_html => Value::from_safe_string(p.letter.sign_fragment().to_owned()),
        text => &c.signed_text.text,
        sha256 => &c.signed_text.sha256,
        v => context! { representative => p.representative, organisation => p.organisation, url => p.url },
        errors => p.errors.iter().map(|(f, m)| context! { field => *f, message => m }).collect::<Vec<_>>(),
    };
    let mut r = state
        .page(viewer, "letters/sign.html", ctx)?
        .into_response();
    if !p.errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(no_store(r))
}

pub(crate) async fn open(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (token, link) = match open_link(&state, &token, LinkPurpose::Sign).await? {
        Ok(open) => open,
        Err(closed) => return closed_page(&state, &viewer, &closed),
    };
    let lang = super::show::lang_of(query.as_deref());
    let cached = linked_letter(&state, &link, lang.as_deref()).await?;
    sign_page(
        &state,
        &viewer,
        &SignPage {
            token: &token,
            letter: cached.ready()?,
            summary: &cached.summary,
            representative: link.signatory.representative.as_deref().unwrap_or(""),
            organisation: &link.signatory.organisation,
            url: link.signatory.url.as_deref().unwrap_or(""),
            errors: &[],
        },
    )
}

pub(crate) async fn answer(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let f = Fields::from_body(&body);
    let (token, link) = match open_link(&state, &token, LinkPurpose::Sign).await? {
        Ok(open) => open,
        Err(closed) => return closed_page(&state, &viewer, &closed),
    };
    let now = now_unix();
    if f.get("action") == Some("decline") {
        let outcome = state.actions.decline_letter(&token.sha256(), now).await?;
        if let Some(closed) = outcome_closed(&outcome) {
            return closed_page(&state, &viewer, &closed);
        }
        return done_page(
            &state,
            &viewer,
            &state.text(viewer.lang, "sign-declined-title"),
            &state.text(viewer.lang, "sign-declined"),
            None,
        );
    }

    // The language of the text the page showed (empty: the original).
    let lang = f.get("lang").map(str::trim).filter(|l| !l.is_empty());
    let cached = linked_letter(&state, &link, lang).await?;
    let letter = cached.ready()?;
    let representative = f.get("representative").unwrap_or("");
    let organisation = f.get("organisation").unwrap_or("");
    let url = f.get("url").unwrap_or("");
    let again = |errors: &[(&str, String)]| {
        sign_page(
            &state,
            &viewer,
            &SignPage {
                token: &token,
                letter,
                summary: &cached.summary,
                representative,
                organisation,
                url,
                errors,
            },
        )
    };
    let withdraw = LinkToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    // The form goes to the action as typed: the action checks it (against the text as it stands
    // now) for every caller, and the store records the checked, trimmed values.
    let signature = NewSignature {
        representative: representative.to_owned(),
        organisation: organisation.to_owned(),
        url: Some(url.to_owned()),
        text_sha256: f.get("text_sha256").unwrap_or("").to_owned(),
        withdraw_token_sha256: withdraw.sha256(),
    };
    let version = lang.filter(|l| {
        cached
            .summary
            .languages
            .iter()
            .any(|x| !x.original && x.lang == *l)
    });
    let outcome = match version {
        Some(lang) => {
            state
                .actions
                .sign_letter_version(&token.sha256(), lang, &signature, now)
                .await
        }
        None => {
            state
                .actions
                .sign_letter(&token.sha256(), &signature, now)
                .await
        }
    };
    match outcome {
        // The signatory as stored: its name is the checked name it signed under.
        Ok(LinkOutcome::Done(signed)) => done_page(
            &state,
            &viewer,
            &state.text(viewer.lang, "sign-thanks-title"),
            &state.message(
                viewer.lang,
                "sign-thanks",
                &[("organisation", signed.organisation.as_str().into())],
            ),
            Some(format!("/withdraw/{}", withdraw.as_str())),
        ),
        Ok(other) => match outcome_closed(&other) {
            Some(closed) => closed_page(&state, &viewer, &closed),
            None => Err(AppError::Internal("unexpected sign outcome".to_owned())),
        },
        Err(ActionError::Invalid { field, message }) => again(&[(&field, message)]),
        // The store names the checked name it found taken.
        Err(ActionError::Exists {
            what: "signatory",
            id,
        }) => again(&[(
            "organisation",
            format!(
                "{id:?} is already on this letter; if that is your organisation, it has signed \
                 already, otherwise write its name as it should be printed"
            ),
        )]),
        Err(e) => Err(e.into()),
    }
}

fn done_page(
    state: &AppState,
    viewer: &Viewer,
    heading: &str,
    message: &str,
    withdraw: Option<String>,
) -> Result<Response, AppError> {
    let r = state
        .page(
            viewer,
            "letters/sign_status.html",
            context! { title => heading, heading, message, done => true, withdraw },
        )?
        .into_response();
    Ok(no_store(r))
}

pub(crate) async fn withdraw_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (token, link) = match open_link(&state, &token, LinkPurpose::Withdraw).await? {
        Ok(open) => open,
        Err(closed) => return closed_page(&state, &viewer, &closed),
    };
    let title = linked_letter(&state, &link, None)
        .await?
        .summary
        .title
        .clone();
    let r = state
        .page(
            &viewer,
            "letters/withdraw.html",
            context! {
                title => state.text(viewer.lang, "withdraw-title"),
                action => format!("/withdraw/{}", token.as_str()),
                organisation => &link.signatory.organisation,
                letter_title => title,
            },
        )?
        .into_response();
    Ok(no_store(r))
}

pub(crate) async fn withdraw(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let Ok(token) = LinkToken::parse(&token) else {
        return closed_page(&state, &viewer, &Closed::Unknown);
    };
    let outcome = state
        .actions
        .withdraw_signature(&token.sha256(), now_unix())
        .await?;
    match outcome {
        LinkOutcome::Done(s) => done_page(
            &state,
            &viewer,
            &state.text(viewer.lang, "withdrawn-title"),
            &state.message(
                viewer.lang,
                "withdrawn",
                &[("organisation", s.organisation.as_str().into())],
            ),
            None,
        ),
        other => match outcome_closed(&other) {
            Some(closed) => closed_page(&state, &viewer, &closed),
            None => Err(AppError::Internal("unexpected withdraw outcome".to_owned())),
        },
    }
}

/// The letter a link opens, at the current version of its case.
async fn linked_letter(
    state: &AppState,
    link: &SignOnLink,
    lang: Option<&str>,
) -> Result<Arc<CachedLetter>, AppError> {
    let head = state
        .store
        .case_head(&link.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    letter_cache::letter_in(state, &head, &link.letter_id, lang).await
}

/// These pages show secrets (the link in the address, a withdraw link): never cache them.
fn no_store(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r
}
