//! Letters and sign-on on PostgreSQL (mirrors `sqlite/signon.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use super::{PgStore, not_yet};
use crate::{
    LinkOutcome, NewInvitation, NewLink, NewSignature, SaveOutcome, SignOnEntry, SignOnLink,
    StoreError,
};

pub(crate) async fn save_letter(
    _store: &PgStore,
    _case_id: &str,
    _letter: &accord_core::Letter,
    _pin_sha256: Option<&str>,
    _actor: &str,
) -> Result<SaveOutcome, StoreError> {
    Err(not_yet("save_letter"))
}

pub(crate) async fn invite_signatory(
    _store: &PgStore,
    _case_id: &str,
    _letter_id: &str,
    _invitation: &NewInvitation,
    _actor: &str,
) -> Result<u32, StoreError> {
    Err(not_yet("invite_signatory"))
}

pub(crate) async fn renew_sign_link(
    _store: &PgStore,
    _case_id: &str,
    _letter_id: &str,
    _position: u32,
    _link: &NewLink,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("renew_sign_link"))
}

pub(crate) async fn signon_link(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
) -> Result<Option<SignOnLink>, StoreError> {
    Err(not_yet("signon_link"))
}

pub(crate) async fn sign_letter(
    _store: &PgStore,
    _token_sha256: &str,
    _signature: &NewSignature,
    _now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    Err(not_yet("sign_letter"))
}

pub(crate) async fn decline_letter(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    Err(not_yet("decline_letter"))
}

pub(crate) async fn withdraw_signature(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
) -> Result<LinkOutcome, StoreError> {
    Err(not_yet("withdraw_signature"))
}

pub(crate) async fn verify_signatory(
    _store: &PgStore,
    _case_id: &str,
    _letter_id: &str,
    _position: u32,
    _actor: &str,
) -> Result<bool, StoreError> {
    Err(not_yet("verify_signatory"))
}

pub(crate) async fn signon_entries(
    _store: &PgStore,
    _case_id: &str,
    _letter_id: &str,
    _now_unix: i64,
) -> Result<Vec<SignOnEntry>, StoreError> {
    Err(not_yet("signon_entries"))
}
