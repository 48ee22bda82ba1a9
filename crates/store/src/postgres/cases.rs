//! Whole cases on PostgreSQL: import, load, list, delete, heads and summaries.
//!
//! Not written yet: each function says so (a clear error), so the crate compiles while it is.

use accord_core::{ElectionFile, ValidCase};

use sqlx::Row;

use super::{PgStore, not_yet};
use crate::{
    AuditEntry, CaseHead, CaseRefs, CaseSummary, ImportMode, ImportReport, MergeSession, StoreError,
};

pub(crate) async fn import_case(
    _store: &PgStore,
    _case: &ValidCase,
    _mode: ImportMode,
    _actor: &str,
) -> Result<ImportReport, StoreError> {
    Err(not_yet("import_case"))
}

pub(crate) async fn begin_merge(
    _store: &PgStore,
    _case_id: &str,
    _title: Option<&str>,
    _dry_run: bool,
    _actor: &str,
) -> Result<Box<dyn MergeSession>, StoreError> {
    Err(not_yet("begin_merge"))
}

pub(crate) async fn list_cases(_store: &PgStore) -> Result<Vec<CaseSummary>, StoreError> {
    Err(not_yet("list_cases"))
}

pub(crate) async fn load_case(
    _store: &PgStore,
    _id: &str,
) -> Result<Option<ValidCase>, StoreError> {
    Err(not_yet("load_case"))
}

pub(crate) async fn delete_case(
    _store: &PgStore,
    _id: &str,
    _actor: &str,
) -> Result<bool, StoreError> {
    Err(not_yet("delete_case"))
}

pub(crate) async fn audit_log(
    _store: &PgStore,
    _case_id: Option<&str>,
    _limit: u32,
) -> Result<Vec<AuditEntry>, StoreError> {
    Err(not_yet("audit_log"))
}

pub(crate) async fn case_head(store: &PgStore, id: &str) -> Result<Option<CaseHead>, StoreError> {
    let row = sqlx::query("SELECT id, title, country, published, version FROM cases WHERE id = $1")
        .bind(id)
        .fetch_optional(&store.pool)
        .await?;
    Ok(row.map(|r| CaseHead {
        id: r.get("id"),
        title: r.get("title"),
        country: r.get("country"),
        published: r.get("published"),
        version: r.get("version"),
    }))
}

pub(crate) async fn case_summary(
    _store: &PgStore,
    _id: &str,
) -> Result<Option<CaseSummary>, StoreError> {
    Err(not_yet("case_summary"))
}

pub(crate) async fn set_published(
    _store: &PgStore,
    _id: &str,
    _published: bool,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_published"))
}

pub(crate) async fn load_case_for_status(
    _store: &PgStore,
    _id: &str,
) -> Result<Option<ValidCase>, StoreError> {
    Err(not_yet("load_case_for_status"))
}

pub(crate) async fn load_case_for_letters(
    _store: &PgStore,
    _id: &str,
    _only: Option<&str>,
) -> Result<Option<ValidCase>, StoreError> {
    Err(not_yet("load_case_for_letters"))
}

pub(crate) async fn case_refs(_store: &PgStore, _id: &str) -> Result<CaseRefs, StoreError> {
    Err(not_yet("case_refs"))
}

pub(crate) async fn snapshot_into(
    _store: &PgStore,
    _path: &std::path::Path,
) -> Result<(), StoreError> {
    Err(not_yet("snapshot_into"))
}

pub(crate) async fn self_review(store: &PgStore, case_id: &str) -> Result<bool, StoreError> {
    let v: Option<bool> = sqlx::query_scalar("SELECT self_review FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&store.pool)
        .await?;
    v.ok_or_else(|| StoreError::NoCase(case_id.to_owned()))
}

pub(crate) async fn set_self_review(
    _store: &PgStore,
    _case_id: &str,
    _allowed: bool,
    _actor: &str,
) -> Result<(), StoreError> {
    Err(not_yet("set_self_review"))
}

pub(crate) async fn elections(
    store: &PgStore,
    case_id: &str,
) -> Result<Vec<ElectionFile>, StoreError> {
    // The same query a case load runs for its elections, alone: the election pages need these
    // files and nothing else of a case that may hold many thousands of incidents.
    let rows = sqlx::query("SELECT id, json FROM elections WHERE case_id = $1 ORDER BY position")
        .bind(case_id)
        .fetch_all(&store.pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ElectionFile {
            id: r.get("id"),
            json: r.get("json"),
        })
        .collect())
}
