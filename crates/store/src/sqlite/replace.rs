//! Replacing a case without losing what a bundle does not carry.
//!
//! A bundle holds a case's records, not who may see it, whether it is published, or the sign-on
//! records of its letters (invitations with contacts, links). A replacement therefore keeps the
//! case's row (memberships and publication hang on it), clears the records, and puts the sign-on
//! records back on the signatory that holds the same place in the same letter under the same
//! name. If any cannot be put back, the replacement is refused (the transaction rolls back) with
//! what would be lost.

use sqlx::{Row, SqliteConnection};

use crate::StoreError;

/// Sign-on rows set aside while a case's records are replaced.
#[derive(Default)]
pub(crate) struct Kept {
    /// (letter, position, organisation) of the signatories before.
    signatories: Vec<(String, i64, String)>,
    invitations: Vec<sqlx::sqlite::SqliteRow>,
    links: Vec<sqlx::sqlite::SqliteRow>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("signatories", &self.signatories.len())
            .field("invitations", &self.invitations.len())
            .field("links", &self.links.len())
            .finish()
    }
}

/// Every table that holds a case's records (their child tables follow by cascade).
const RECORD_TABLES: [&str; 13] = [
    "instruments",
    "provisions",
    "actors",
    "sources",
    "incidents",
    "findings",
    "mechanisms",
    "letters",
    "elections",
    "evidence",
    "observations",
    "follow_through",
    "translations",
];

/// Set the sign-on rows aside and delete the case's records, keeping the case row.
pub(crate) async fn clear(tx: &mut SqliteConnection, case: &str) -> Result<Kept, StoreError> {
    let signatories =
        sqlx::query("SELECT letter_id, position, organisation FROM signatories WHERE case_id = ?")
            .bind(case)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|r| (r.get("letter_id"), r.get("position"), r.get("organisation")))
            .collect();
    let invitations = sqlx::query(
        "SELECT case_id, letter_id, position, invited_name, contact, invited_by, invited_at,
            signed_at, verified_at, verified_by FROM signon_invitations WHERE case_id = ?",
    )
    .bind(case)
    .fetch_all(&mut *tx)
    .await?;
    let links = sqlx::query(
        "SELECT token_sha256, case_id, letter_id, position, purpose, expires_unix, used_unix,
            outcome, created_at FROM signon_links WHERE case_id = ?",
    )
    .bind(case)
    .fetch_all(&mut *tx)
    .await?;
    for table in RECORD_TABLES {
        sqlx::query(&format!("DELETE FROM {table} WHERE case_id = ?"))
            .bind(case)
            .execute(&mut *tx)
            .await?;
    }
    Ok(Kept {
        signatories,
        invitations,
        links,
    })
}

/// Put the sign-on rows back where their signatory still is; refuse if any cannot be.
pub(crate) async fn restore(
    tx: &mut SqliteConnection,
    case: &str,
    kept: Kept,
) -> Result<(), StoreError> {
    let now: Vec<(String, i64, String)> =
        sqlx::query("SELECT letter_id, position, organisation FROM signatories WHERE case_id = ?")
            .bind(case)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|r| (r.get("letter_id"), r.get("position"), r.get("organisation")))
            .collect();
    let same_place = |letter: &str, position: i64| {
        let before = kept
            .signatories
            .iter()
            .find(|(l, p, _)| l == letter && *p == position);
        let after = now.iter().find(|(l, p, _)| l == letter && *p == position);
        matches!((before, after), (Some(b), Some(a)) if b.2 == a.2)
    };
    let mut lost = Vec::new();
    for r in &kept.invitations {
        let (letter, position): (String, i64) = (r.get("letter_id"), r.get("position"));
        if !same_place(&letter, position) {
            lost.push(format!(
                "letter {letter}: the invitation of {:?}",
                r.get::<String, _>("invited_name")
            ));
            continue;
        }
        sqlx::query(
            "INSERT INTO signon_invitations (case_id, letter_id, position, invited_name, contact,
                invited_by, invited_at, signed_at, verified_at, verified_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(r.get::<String, _>("case_id"))
        .bind(&letter)
        .bind(position)
        .bind(r.get::<String, _>("invited_name"))
        .bind(r.get::<String, _>("contact"))
        .bind(r.get::<String, _>("invited_by"))
        .bind(r.get::<String, _>("invited_at"))
        .bind(r.get::<Option<String>, _>("signed_at"))
        .bind(r.get::<Option<String>, _>("verified_at"))
        .bind(r.get::<Option<String>, _>("verified_by"))
        .execute(&mut *tx)
        .await?;
    }
    for r in &kept.links {
        let (letter, position): (String, i64) = (r.get("letter_id"), r.get("position"));
        let open = r.get::<Option<i64>, _>("used_unix").is_none();
        if !same_place(&letter, position) {
            // A used link only records the past; an open one would stop working.
            if open {
                lost.push(format!(
                    "letter {letter}: an unused sign-on link (signatory {position})"
                ));
            }
            continue;
        }
        sqlx::query(
            "INSERT INTO signon_links (token_sha256, case_id, letter_id, position, purpose,
                expires_unix, used_unix, outcome, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(r.get::<String, _>("token_sha256"))
        .bind(r.get::<String, _>("case_id"))
        .bind(&letter)
        .bind(position)
        .bind(r.get::<String, _>("purpose"))
        .bind(r.get::<Option<i64>, _>("expires_unix"))
        .bind(r.get::<Option<i64>, _>("used_unix"))
        .bind(r.get::<Option<String>, _>("outcome"))
        .bind(r.get::<String, _>("created_at"))
        .execute(&mut *tx)
        .await?;
    }
    if lost.is_empty() {
        Ok(())
    } else {
        Err(StoreError::ReplaceWouldLose {
            case: case.to_owned(),
            lost,
        })
    }
}
