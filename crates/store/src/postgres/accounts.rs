//! Accounts, sessions, API tokens, roles and attribution on PostgreSQL (mirrors `sqlite/accounts.rs`).
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use accord_core::CaseRole;

use super::{PgStore, not_yet};
use crate::{
    ApiTokenInfo, Attribution, NewApiToken, NewSession, PublicAuthor, Session, SessionInfo,
    StoreError, TokenGrant, User,
};

pub(crate) async fn create_user(
    _store: &PgStore,
    _email: &str,
    _password_hash: &str,
    _is_admin: bool,
) -> Result<User, StoreError> {
    Err(not_yet("create_user"))
}

pub(crate) async fn user_by_email(
    _store: &PgStore,
    _email: &str,
) -> Result<Option<(User, String)>, StoreError> {
    Err(not_yet("user_by_email"))
}

pub(crate) async fn create_session(
    _store: &PgStore,
    _session: &NewSession,
) -> Result<(), StoreError> {
    Err(not_yet("create_session"))
}

pub(crate) async fn session(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
) -> Result<Option<Session>, StoreError> {
    Err(not_yet("session"))
}

pub(crate) async fn delete_session(
    _store: &PgStore,
    _token_sha256: &str,
) -> Result<(), StoreError> {
    Err(not_yet("delete_session"))
}

pub(crate) async fn create_api_token(
    _store: &PgStore,
    _user_id: i64,
    _name: &str,
    _token_sha256: &str,
) -> Result<(), StoreError> {
    Err(not_yet("create_api_token"))
}

pub(crate) async fn user_by_api_token(
    _store: &PgStore,
    _token_sha256: &str,
) -> Result<Option<User>, StoreError> {
    Err(not_yet("user_by_api_token"))
}

pub(crate) async fn set_role(
    _store: &PgStore,
    _case_id: &str,
    _user_id: i64,
    _role: Option<CaseRole>,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_role"))
}

pub(crate) async fn role(
    _store: &PgStore,
    _case_id: &str,
    _user_id: i64,
) -> Result<Option<CaseRole>, StoreError> {
    Err(not_yet("role"))
}

pub(crate) async fn members(
    _store: &PgStore,
    _case_id: &str,
) -> Result<Vec<(User, CaseRole)>, StoreError> {
    Err(not_yet("members"))
}

pub(crate) async fn roles_of_user(
    _store: &PgStore,
    _user_id: i64,
) -> Result<Vec<(String, CaseRole)>, StoreError> {
    Err(not_yet("roles_of_user"))
}

pub(crate) async fn start_session(
    _store: &PgStore,
    _session: &NewSession,
    _address: Option<&str>,
) -> Result<(), StoreError> {
    Err(not_yet("start_session"))
}

pub(crate) async fn touch_session(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
    _idle_secs: i64,
) -> Result<Option<Session>, StoreError> {
    Err(not_yet("touch_session"))
}

pub(crate) async fn sessions_of(
    _store: &PgStore,
    _user_id: i64,
    _now_unix: i64,
    _idle_secs: i64,
) -> Result<Vec<SessionInfo>, StoreError> {
    Err(not_yet("sessions_of"))
}

pub(crate) async fn end_sessions(
    _store: &PgStore,
    _user_id: i64,
    _keep: Option<&str>,
    _actor: &str,
) -> Result<u64, StoreError> {
    Err(not_yet("end_sessions"))
}

pub(crate) async fn purge_sessions(
    _store: &PgStore,
    _now_unix: i64,
    _idle_secs: i64,
) -> Result<u64, StoreError> {
    Err(not_yet("purge_sessions"))
}

pub(crate) async fn set_password(
    _store: &PgStore,
    _user_id: i64,
    _password_hash: &str,
    _keep: Option<&str>,
    _actor: &str,
) -> Result<u64, StoreError> {
    Err(not_yet("set_password"))
}

pub(crate) async fn set_disabled(
    _store: &PgStore,
    _email: &str,
    _disabled: bool,
    _actor: &str,
) -> Result<User, StoreError> {
    Err(not_yet("set_disabled"))
}

pub(crate) async fn delete_user(
    _store: &PgStore,
    _email: &str,
    _actor: &str,
) -> Result<User, StoreError> {
    Err(not_yet("delete_user"))
}

pub(crate) async fn add_api_token(
    _store: &PgStore,
    _user_id: i64,
    _token: &NewApiToken,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("add_api_token"))
}

pub(crate) async fn api_tokens(
    _store: &PgStore,
    _user_id: i64,
) -> Result<Vec<ApiTokenInfo>, StoreError> {
    Err(not_yet("api_tokens"))
}

pub(crate) async fn revoke_api_token(
    _store: &PgStore,
    _user_id: i64,
    _name: &str,
    _actor: &str,
) -> Result<bool, StoreError> {
    Err(not_yet("revoke_api_token"))
}

pub(crate) async fn api_token(
    _store: &PgStore,
    _token_sha256: &str,
    _now_unix: i64,
) -> Result<Option<TokenGrant>, StoreError> {
    Err(not_yet("api_token"))
}

pub(crate) async fn set_attribution(
    _store: &PgStore,
    _user_id: i64,
    _attribution: &Attribution,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_attribution"))
}

pub(crate) async fn attribution(
    _store: &PgStore,
    _user_id: i64,
) -> Result<Attribution, StoreError> {
    Err(not_yet("attribution"))
}

pub(crate) async fn public_authors(
    _store: &PgStore,
    _case_id: &str,
) -> Result<Vec<PublicAuthor>, StoreError> {
    Err(not_yet("public_authors"))
}

pub(crate) async fn log_account_event(
    _store: &PgStore,
    _actor: &str,
    _action: &str,
    _detail: &str,
) -> Result<(), StoreError> {
    Err(not_yet("log_account_event"))
}
