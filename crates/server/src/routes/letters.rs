//! Joint letters on the web: a case's letters and the published letter with its downloads
//! (`show`, each language through `?lang=`), the coordinator's compose page with a preview
//! (`compose`), the letter's languages edited one at a time (`versions`), the coordinator's list of
//! signatories with invitations, new links and verification (`signatories`), and the public
//! pages an invited organisation reaches through its link (`sign`).
//!
//! Access: reading a letter is reading its case (`CaseAccess::load`: a private case's letters
//! are 404 to outsiders). Composing, inviting and verifying are the coordinator's, the case
//! owner's (`require_manage`). The sign and withdraw pages need no account: the unguessable link
//! is the credential, and it opens that one letter's text and nothing else. Every form carries
//! the CSRF token (the auth layer checks it; anonymous visitors hold an anonymous token).
//!
//! Reading: the list, the letter's page, its downloads and the sign pages take the letter from
//! `letter_cache`, composed once per version of its case from what composing needs (never the
//! case's incidents at large) and rendered once per format. Only the compose page reads the
//! whole case, since a draft's body may use any of its records.

mod compose;
mod show;
mod sign;
mod signatories;
mod versions;

use std::time::{SystemTime, UNIX_EPOCH};

use accord_core::{Letter, ValidCase};

use crate::routes::table::{Routes, get, post};
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/letters", get(show::list).post(compose::create))
        .route("/cases/{id}/letters/new", get(compose::new_form))
        .route("/cases/{id}/letters/{letter}", get(show::show))
        .route(
            "/cases/{id}/letters/{letter}/download/{format}",
            get(show::download),
        )
        .route(
            "/cases/{id}/letters/{letter}/edit",
            get(compose::edit_form).post(compose::save),
        )
        .route(
            "/cases/{id}/letters/{letter}/versions",
            get(versions::page).post(versions::save),
        )
        .route(
            "/cases/{id}/letters/{letter}/signatories",
            get(signatories::list).post(signatories::invite),
        )
        .route(
            "/cases/{id}/letters/{letter}/signatories/{position}/verify",
            post(signatories::verify),
        )
        .route(
            "/cases/{id}/letters/{letter}/signatories/{position}/link",
            post(signatories::new_link),
        )
        .route("/sign/{token}", get(sign::open).post(sign::answer))
        .route(
            "/withdraw/{token}",
            get(sign::withdraw_page).post(sign::withdraw),
        )
}

/// The whole case, for composing a draft (the compose page's preview: a draft's body may use any
/// record of the case). Published letters are read through `letter_cache` instead.
async fn load_case(state: &AppState, id: &str) -> Result<ValidCase, AppError> {
    state.store.load_case(id).await?.ok_or(AppError::NotFound)
}

fn letter<'a>(case: &'a ValidCase, id: &str) -> Result<&'a Letter, AppError> {
    case.letter(id).ok_or(AppError::NotFound)
}

/// Now, in Unix seconds: link expiry is decided here, at the edge, and passed to the store.
fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A Unix time as the pages print it ("2030-07-01 14:05 UTC").
fn human_time(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let day = accord_core::Day::from_days_since_epoch(days)
        .map_or_else(|| "?".to_owned(), |d| d.to_string());
    format!("{day} {:02}:{:02} UTC", secs / 3600, (secs % 3600) / 60)
}
