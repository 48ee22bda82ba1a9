//! What the search index reads of a case besides its incidents: its instruments with their
//! provisions and its mechanisms (few, read whole), the actors and sources a write or a search
//! names (by id), and whole cases' actors and sources in pages of ids (a case has about as many
//! sources as incidents, and an imported one many thousands of actors: read at once, a million
//! incidents' sources took the server past 1 GB).

use sqlx::SqliteConnection;

use super::case_io::{self, ACTOR_COLUMNS, SOURCE_COLUMNS};
use super::sealing::Keys;
use crate::{PagePick, RecordIds, SearchRecords, StoreError};

pub(crate) async fn load(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    ids: RecordIds<'_>,
) -> Result<Option<SearchRecords>, StoreError> {
    if case_io::load_head(conn, id).await?.is_none() {
        return Ok(None);
    }
    let mut actors = Vec::new();
    if !ids.actors.is_empty() {
        let wanted = serde_json::Value::from(ids.actors.to_vec()).to_string();
        for r in sqlx::query(&format!(
            "SELECT {ACTOR_COLUMNS} FROM actors
             WHERE case_id = ?1 AND id IN (SELECT value FROM json_each(?2)) ORDER BY id"
        ))
        .bind(id)
        .bind(&wanted)
        .fetch_all(&mut *conn)
        .await?
        {
            actors.push(case_io::actor_row(keys, id, &r)?);
        }
    }
    let mut sources = Vec::new();
    if !ids.sources.is_empty() {
        let wanted = serde_json::Value::from(ids.sources.to_vec()).to_string();
        for r in sqlx::query(&format!(
            "SELECT {SOURCE_COLUMNS} FROM sources
             WHERE case_id = ?1 AND id IN (SELECT value FROM json_each(?2)) ORDER BY id"
        ))
        .bind(id)
        .bind(&wanted)
        .fetch_all(&mut *conn)
        .await?
        {
            sources.push(case_io::source_row(keys, id, &r)?);
        }
    }
    Ok(Some(SearchRecords {
        actors,
        sources,
        instruments: case_io::load_instruments(conn, id).await?,
        mechanisms: case_io::load_mechanisms(conn, id).await?,
    }))
}

/// One page of a case's actors in id order (see `Store::actors_page`).
pub(crate) async fn actors_page(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    pick: PagePick,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<accord_core::Actor>, StoreError> {
    page_rows(conn, "actors", ACTOR_COLUMNS, id, pick, after, limit)
        .await?
        .iter()
        .map(|r| case_io::actor_row(keys, id, r))
        .collect()
}

/// One page of a case's sources in id order (see `Store::sources_page`).
pub(crate) async fn sources_page(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    pick: PagePick,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<accord_core::Source>, StoreError> {
    page_rows(conn, "sources", SOURCE_COLUMNS, id, pick, after, limit)
        .await?
        .iter()
        .map(|r| case_io::source_row(keys, id, r))
        .collect()
}

/// The rows of one page of `table` (see [`page_sql`]).
async fn page_rows(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &str,
    id: &str,
    pick: PagePick,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<sqlx::sqlite::SqliteRow>, StoreError> {
    let sql = page_sql(table, columns, pick, after.is_some());
    let mut query = sqlx::query(&sql).bind(id).bind(i64::from(limit));
    if let Some(after) = after {
        query = query.bind(after);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// A page of `table` (`?1` the case, `?2` the limit, `?3` the id to start after, when there is
/// one). The first page has no `id > ?` at all, rather than one against a value below every id:
/// each page then starts at its place in the primary key (case, id), and reading a case costs one
/// pass over its rows, however many pages.
fn page_sql(table: &str, columns: &str, pick: PagePick, after: bool) -> String {
    let after = if after { " AND id > ?3" } else { "" };
    let pick = match pick {
        PagePick::All => "",
        PagePick::Restricted => " AND sensitivity = 'restricted'",
    };
    format!("SELECT {columns} FROM {table} WHERE case_id = ?1{after}{pick} ORDER BY id LIMIT ?2")
}
