//! `accord copy --from URL --to URL`: a whole instance moved to another database — SQLite to
//! PostgreSQL when a coalition outgrows one machine, and back — with its evidence files.
//!
//! The database goes across row by row in one transaction (`accord_store::copy`: accounts,
//! memberships, cases, every record's history, the log and its checkpoints), so the target's log
//! has the same tree size and root and `accord verify` passes on it. Evidence files go first,
//! through the two blob stores (each file's hash checked as it is written), so that no record of
//! the target ever names a file the target lacks. A target that holds anything is refused unless
//! the caller says to replace it.

use std::collections::BTreeSet;

use accord_store::copy::{self, Existing};
use accord_store::{BlobError, BlobStore, Create};
use serde::Serialize;

use crate::ActionError;

/// What a copy did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CopyReport {
    pub from: String,
    pub to: String,
    /// Rows per table, in the order they were written.
    pub tables: Vec<CopiedTable>,
    pub rows: u64,
    /// Evidence files the target did not have, copied.
    pub evidence_copied: u64,
    /// Evidence files the target had already (the same bytes).
    pub evidence_present: u64,
    pub evidence_bytes: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CopiedTable {
    pub table: String,
    pub rows: u64,
}

/// A step of a copy, for a progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyProgress<'a> {
    /// Evidence file `done` of `of`.
    Evidence { done: u64, of: u64 },
    /// `rows` rows of `table` written so far.
    Table { table: &'a str, rows: u64 },
}

/// Copy the instance at `from` (with its evidence in `from_blobs`) to `to` (evidence into
/// `to_blobs`). `replace`: empty a target that holds data first, instead of refusing.
pub async fn copy_instance(
    from: &str,
    to: &str,
    from_blobs: &dyn BlobStore,
    to_blobs: &dyn BlobStore,
    replace: bool,
    progress: &(dyn Fn(CopyProgress<'_>) + Sync),
) -> Result<CopyReport, ActionError> {
    let existing = if replace {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    if copy::same_database(from, to) {
        return Err(ActionError::Invalid {
            field: "to".into(),
            message: format!("{to} is the same database as the source"),
        });
    }
    let source = accord_store::open(from, Create::MustExist).await?;
    // Refuse a target that holds data before writing any file into its blob store.
    let held = copy::held(to).await?;
    if !held.is_empty() && existing == Existing::Refuse {
        return Err(ActionError::Invalid {
            field: "to".into(),
            message: format!(
                "the target database {to} is not empty: {}; pass --force to replace what it holds",
                held.join(", ")
            ),
        });
    }

    let wanted: BTreeSet<String> = source.referenced_blobs().await?.into_iter().collect();
    drop(source);
    let of = wanted.len() as u64;
    let (mut copied, mut present, mut bytes) = (0u64, 0u64, 0u64);
    for (i, sha256) in wanted.iter().enumerate() {
        progress(CopyProgress::Evidence { done: i as u64, of });
        match to_blobs.rehash(sha256).await {
            Ok((found, _)) if &found == sha256 => {
                present += 1;
                continue;
            }
            // Missing, or there but damaged: written again below (the same hash replaces it).
            Ok(_) | Err(_) => {}
        }
        let mut blob = from_blobs.open(sha256).await.map_err(|e| match e {
            BlobError::NotFound(_) => ActionError::Invalid {
                field: "from".into(),
                message: format!(
                    "evidence file {sha256} is named by a record of {from} but is not in its \
                     evidence store: run `accord verify` on the source"
                ),
            },
            other => ActionError::Blob(other),
        })?;
        let stored = to_blobs
            .put(&mut blob.reader, u64::MAX)
            .await
            .map_err(ActionError::Blob)?;
        if &stored.sha256 != sha256 {
            return Err(ActionError::Invalid {
                field: "from".into(),
                message: format!(
                    "evidence file {sha256} of {from} no longer hashes to its name (found {}): \
                     run `accord verify` on the source; nothing was copied into the database",
                    stored.sha256
                ),
            });
        }
        copied += 1;
        bytes = bytes.saturating_add(stored.size);
    }
    progress(CopyProgress::Evidence { done: of, of });

    let tables = copy::copy_database(from, to, existing, &|table, rows| {
        progress(CopyProgress::Table { table, rows });
    })
    .await?;
    Ok(CopyReport {
        from: from.to_owned(),
        to: to.to_owned(),
        rows: tables.rows(),
        tables: tables
            .tables
            .into_iter()
            .map(|(table, rows)| CopiedTable { table, rows })
            .collect(),
        evidence_copied: copied,
        evidence_present: present,
        evidence_bytes: bytes,
    })
}
