//! `accord copy`: a whole instance moved from one database to another, SQLite and PostgreSQL in
//! either direction (or SQLite to SQLite, PostgreSQL to PostgreSQL).
//!
//! The copy is by table and row, not through the `Store` trait: every row of every table goes
//! across as it is — accounts, sessions, memberships, cases, every record and every one of its
//! versions, the log's entries, its stored edge and every signed checkpoint — so the target's
//! log has the same leaves, tree size and root as the source's, and `accord verify` passes on it.
//! Both databases are first opened by [`crate::open`], which applies each one's migrations: the
//! two schemas are then the same version, and the copy refuses to go on if their tables or
//! columns differ (a binary older than one of them, or another application's database).
//!
//! Tables are written parents first, in the order of the target's foreign keys, all in one
//! transaction on the target: a failed copy leaves the target as it was. The source is read in
//! one read transaction, so a running instance can be copied and the copy is consistent. Values
//! keep their meaning across the two engines' types (SQLite's `INTEGER`, `TEXT`, `BLOB`;
//! PostgreSQL's `BIGINT`/`INTEGER`, `BOOLEAN`, `TEXT`, `BYTEA`); a value the target's column
//! cannot hold is refused naming the table, column and row.
//!
//! Evidence files are not in the database: the caller copies the blobs (see the CLI's `copy`).

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use futures_util::TryStreamExt;
use sqlx::postgres::{PgConnection, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePoolOptions};
use sqlx::{Column, Row, TypeInfo, ValueRef};

use crate::{Create, StoreError};

/// What a copy wrote: rows per table, in the order they were written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyReport {
    pub tables: Vec<(String, u64)>,
}

impl CopyReport {
    /// Rows written in all.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// Whether a target that already holds data may be emptied first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Replace,
}

/// Copy every row of `from` into `to` (both database URLs as `--db` takes them). `progress` is
/// told each table's name and rows as they are written.
pub async fn copy_database(
    from: &str,
    to: &str,
    existing: Existing,
    progress: &(dyn Fn(&str, u64) + Sync),
) -> Result<CopyReport, StoreError> {
    if same_database(from, to) {
        return Err(StoreError::BadPath {
            path: to.to_owned(),
            reason: "the source and the target are the same database".into(),
        });
    }
    // Each side's migrations, and the schema checks that come with opening a store.
    drop(crate::open(from, Create::MustExist).await?);
    drop(crate::open(to, Create::IfMissing).await?);
    let mut source = Conn::connect(from).await?;
    let mut target = Conn::connect(to).await?;

    source.begin_read().await?;
    let tables = target.tables().await?;
    let source_tables = source.tables().await?;
    let names: BTreeSet<&String> = tables.keys().collect();
    let source_names: BTreeSet<&String> = source_tables.keys().collect();
    if names != source_names {
        let only = |a: &BTreeSet<&String>, b: &BTreeSet<&String>| {
            a.difference(b)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(StoreError::Conflict(format!(
            "the two databases' schemas differ (tables only in the source: [{}]; only in the \
             target: [{}]): are both at this binary's version?",
            only(&source_names, &names),
            only(&names, &source_names)
        )));
    }
    for (table, columns) in &tables {
        let theirs: BTreeSet<&String> = source_tables[table].iter().map(|(c, _)| c).collect();
        let ours: BTreeSet<&String> = columns.iter().map(|(c, _)| c).collect();
        if theirs != ours {
            return Err(StoreError::Conflict(format!(
                "the two databases' table {table:?} has different columns: are both at this \
                 binary's version?"
            )));
        }
    }
    let order = target.parents_first(&tables).await?;

    target.begin_write().await?;
    let held = target.holding(order.iter()).await?;
    if !held.is_empty() {
        if existing == Existing::Refuse {
            target.rollback().await?;
            return Err(StoreError::Conflict(format!(
                "the target database is not empty: {}; pass --force to replace what it holds",
                held.join(", ")
            )));
        }
        for table in order.iter().rev() {
            target.clear(table).await?;
        }
    }

    let mut report = CopyReport::default();
    for table in &order {
        let columns = &tables[table];
        let n = copy_table(&mut source, &mut target, table, columns, progress).await?;
        report.tables.push((table.clone(), n));
    }
    target.after_copy(&order).await?;
    target.commit().await?;
    source.rollback().await?;
    Ok(report)
}

/// The tables of the database at `to` that hold rows, with their counts (`"table (n rows)"`):
/// empty for a new or empty database. Opens (and so creates and migrates) it.
pub async fn held(to: &str) -> Result<Vec<String>, StoreError> {
    drop(crate::open(to, Create::IfMissing).await?);
    let mut target = Conn::connect(to).await?;
    let tables = target.tables().await?;
    target.holding(tables.keys()).await
}

/// Whether two URLs name one database (the same SQLite file, or the same PostgreSQL URL).
pub fn same_database(a: &str, b: &str) -> bool {
    match (sqlite_path(a), sqlite_path(b)) {
        (Some(x), Some(y)) => match (std::fs::canonicalize(x), std::fs::canonicalize(y)) {
            (Ok(x), Ok(y)) => x == y,
            _ => x == y,
        },
        (None, None) => a == b,
        _ => false,
    }
}

/// The file a SQLite URL names, or `None` for PostgreSQL.
fn sqlite_path(url: &str) -> Option<&str> {
    match url.split_once("://") {
        None => Some(url),
        Some(("sqlite", path)) => Some(path),
        Some(_) => None,
    }
}

/// A column's kind of value, as the target holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Bool,
    Real,
    Text,
    Blob,
    /// SQLite's untyped column: whatever comes.
    Any,
}

/// One value in flight.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// The value as a column of `kind` holds it, or what is wrong.
    fn into_kind(self, kind: Kind) -> Result<Value, &'static str> {
        Ok(match (kind, self) {
            (_, Value::Null) => Value::Null,
            (Kind::Any, v) => v,
            (Kind::Int, Value::Int(i)) => Value::Int(i),
            (Kind::Int, Value::Bool(b)) => Value::Int(i64::from(b)),
            (Kind::Bool, Value::Bool(b)) => Value::Bool(b),
            (Kind::Bool, Value::Int(i)) => Value::Bool(i != 0),
            (Kind::Real, Value::Real(r)) => Value::Real(r),
            #[expect(
                clippy::cast_precision_loss,
                reason = "an integer stored in a real column is read back as SQLite reads it"
            )]
            (Kind::Real, Value::Int(i)) => Value::Real(i as f64),
            (Kind::Text, Value::Text(s)) => Value::Text(s),
            (Kind::Blob, Value::Blob(b)) => Value::Blob(b),
            (Kind::Int | Kind::Bool, _) => return Err("not an integer"),
            (Kind::Real, _) => return Err("not a number"),
            (Kind::Text, _) => return Err("not text"),
            (Kind::Blob, _) => return Err("not bytes"),
        })
    }
}

/// Tables and their columns (name and kind), by table name.
type Tables = BTreeMap<String, Vec<(String, Kind)>>;

/// A connection to either engine.
enum Conn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

/// Rows per statement when writing to PostgreSQL (its limit is 65,535 bound parameters).
const PG_PARAMS: usize = 60_000;
const PG_ROWS: usize = 1_000;

impl Conn {
    async fn connect(url: &str) -> Result<Conn, StoreError> {
        Ok(match sqlite_path(url) {
            Some(path) => {
                let options = SqliteConnectOptions::from_str(&format!("sqlite:{path}"))?
                    .foreign_keys(true)
                    .busy_timeout(std::time::Duration::from_secs(10));
                // A pool of one, to get a connection configured like the store's.
                let pool = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options)
                    .await?;
                Conn::Sqlite(pool.acquire().await?.detach())
            }
            None => {
                let pool = PgPoolOptions::new().max_connections(1).connect(url).await?;
                Conn::Postgres(pool.acquire().await?.detach())
            }
        })
    }

    async fn exec(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c) => {
                sqlx::query(sql).execute(&mut *c).await?;
            }
            Conn::Postgres(c) => {
                sqlx::query(sql).execute(&mut *c).await?;
            }
        }
        Ok(())
    }

    /// Start the source's read: one snapshot for every table.
    async fn begin_read(&mut self) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(_) => self.exec("BEGIN").await,
            Conn::Postgres(_) => {
                self.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await
            }
        }
    }

    /// Start the target's write; other writers wait until it ends.
    async fn begin_write(&mut self) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(_) => self.exec("BEGIN IMMEDIATE").await,
            Conn::Postgres(_) => self.exec("BEGIN").await,
        }
    }

    async fn commit(&mut self) -> Result<(), StoreError> {
        self.exec("COMMIT").await
    }

    async fn rollback(&mut self) -> Result<(), StoreError> {
        self.exec("ROLLBACK").await
    }

    /// The application's tables and their columns (not the migrations' own table).
    async fn tables(&mut self) -> Result<Tables, StoreError> {
        let mut out = Tables::new();
        match self {
            Conn::Sqlite(c) => {
                let names: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
                )
                .fetch_all(&mut *c)
                .await?;
                for name in names {
                    let rows = sqlx::query("SELECT name, type FROM pragma_table_info(?)")
                        .bind(&name)
                        .fetch_all(&mut *c)
                        .await?;
                    let mut columns = Vec::new();
                    for row in rows {
                        let column: String = row.try_get(0)?;
                        let declared: String = row.try_get(1)?;
                        columns.push((column, sqlite_kind(&declared)));
                    }
                    out.insert(name, columns);
                }
            }
            Conn::Postgres(c) => {
                let rows = sqlx::query(
                    "SELECT c.table_name::text, c.column_name::text, c.data_type::text \
                     FROM information_schema.columns c \
                     JOIN information_schema.tables t \
                       ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
                     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
                       AND c.table_name <> '_sqlx_migrations' \
                     ORDER BY c.table_name, c.ordinal_position",
                )
                .fetch_all(&mut *c)
                .await?;
                for row in rows {
                    let table: String = row.try_get(0)?;
                    let column: String = row.try_get(1)?;
                    let data_type: String = row.try_get(2)?;
                    let kind = pg_kind(&data_type).ok_or_else(|| {
                        StoreError::Conflict(format!(
                            "table {table:?} column {column:?} has type {data_type:?}, which \
                             accord copy does not know"
                        ))
                    })?;
                    out.entry(table).or_default().push((column, kind));
                }
            }
        }
        Ok(out)
    }

    /// The tables in an order where each comes after every table its foreign keys name (ties by
    /// name), so rows can be inserted with the keys checked.
    async fn parents_first(&mut self, tables: &Tables) -> Result<Vec<String>, StoreError> {
        let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        match self {
            Conn::Sqlite(c) => {
                for table in tables.keys() {
                    let refs: Vec<String> =
                        sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_list(?)")
                            .bind(table)
                            .fetch_all(&mut *c)
                            .await?;
                    parents.insert(table.clone(), refs.into_iter().collect());
                }
            }
            Conn::Postgres(c) => {
                let rows = sqlx::query(
                    "SELECT DISTINCT tc.table_name::text, ccu.table_name::text \
                     FROM information_schema.table_constraints tc \
                     JOIN information_schema.constraint_column_usage ccu \
                       ON ccu.constraint_name = tc.constraint_name \
                      AND ccu.constraint_schema = tc.constraint_schema \
                     WHERE tc.constraint_type = 'FOREIGN KEY' \
                       AND tc.table_schema = current_schema()",
                )
                .fetch_all(&mut *c)
                .await?;
                for table in tables.keys() {
                    parents.insert(table.clone(), BTreeSet::new());
                }
                for row in rows {
                    let child: String = row.try_get(0)?;
                    let parent: String = row.try_get(1)?;
                    parents.entry(child).or_default().insert(parent);
                }
            }
        }
        order_parents_first(parents).map_err(|cycle| {
            StoreError::Conflict(format!(
                "the tables' foreign keys form a cycle ({}); accord copy cannot order them",
                cycle.join(", ")
            ))
        })
    }

    async fn count(&mut self, table: &str) -> Result<i64, StoreError> {
        let sql = format!("SELECT COUNT(*) FROM {}", quote(table));
        Ok(match self {
            Conn::Sqlite(c) => sqlx::query_scalar(&sql).fetch_one(&mut *c).await?,
            Conn::Postgres(c) => sqlx::query_scalar(&sql).fetch_one(&mut *c).await?,
        })
    }

    /// Those of `tables` that hold rows, as `"table (n rows)"`.
    async fn holding(
        &mut self,
        tables: impl Iterator<Item = &String>,
    ) -> Result<Vec<String>, StoreError> {
        let mut held = Vec::new();
        for table in tables {
            let n = self.count(table).await?;
            if n > 0 {
                held.push(format!("{table} ({n} rows)"));
            }
        }
        Ok(held)
    }

    async fn clear(&mut self, table: &str) -> Result<(), StoreError> {
        self.exec(&format!("DELETE FROM {}", quote(table))).await
    }

    /// After rows with explicit ids went into PostgreSQL, each id sequence continues past them.
    async fn after_copy(&mut self, tables: &[String]) -> Result<(), StoreError> {
        let Conn::Postgres(c) = self else {
            // SQLite's AUTOINCREMENT counter follows the largest id inserted.
            return Ok(());
        };
        for table in tables {
            let serials: Vec<(String, String)> = sqlx::query_as(
                "SELECT column_name::text, pg_get_serial_sequence(quote_ident($1), column_name)::text \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                   AND pg_get_serial_sequence(quote_ident($1), column_name) IS NOT NULL",
            )
            .bind(table)
            .fetch_all(&mut *c)
            .await?;
            for (column, sequence) in serials {
                let sql = format!(
                    "SELECT setval($1::regclass, COALESCE((SELECT MAX({}) FROM {}), 0) + 1, false)",
                    quote(&column),
                    quote(table)
                );
                sqlx::query(&sql).bind(sequence).execute(&mut *c).await?;
            }
        }
        Ok(())
    }
}

/// Copy one table's rows, streamed from the source and written in batches.
async fn copy_table(
    source: &mut Conn,
    target: &mut Conn,
    table: &str,
    columns: &[(String, Kind)],
    progress: &(dyn Fn(&str, u64) + Sync),
) -> Result<u64, StoreError> {
    let list = columns
        .iter()
        .map(|(c, _)| quote(c))
        .collect::<Vec<_>>()
        .join(", ");
    let select = format!("SELECT {list} FROM {}", quote(table));
    let per_statement = match target {
        Conn::Sqlite(_) => 1,
        Conn::Postgres(_) => (PG_PARAMS / columns.len().max(1)).clamp(1, PG_ROWS),
    };
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_statement);
    let mut written = 0u64;
    let mut row_number = 0u64;
    macro_rules! drain {
        ($rows:expr) => {
            while let Some(row) = $rows.try_next().await? {
                row_number += 1;
                let mut values = Vec::with_capacity(columns.len());
                for (i, (column, kind)) in columns.iter().enumerate() {
                    let value = read_value(&row, i)?.into_kind(*kind).map_err(|what| {
                        StoreError::Corrupt {
                            case: String::new(),
                            detail: format!(
                                "table {table:?}, row {row_number}, column {column:?}: {what}"
                            ),
                        }
                    })?;
                    values.push(value);
                }
                batch.push(values);
                if batch.len() == per_statement {
                    written += insert(target, table, columns, &batch).await?;
                    batch.clear();
                    if written % 100_000 < per_statement as u64 {
                        progress(table, written);
                    }
                }
            }
        };
    }
    match source {
        Conn::Sqlite(c) => {
            let mut rows = sqlx::query(&select).fetch(&mut *c);
            drain!(rows);
        }
        Conn::Postgres(c) => {
            let mut rows = sqlx::query(&select).fetch(&mut *c);
            drain!(rows);
        }
    }
    if !batch.is_empty() {
        written += insert(target, table, columns, &batch).await?;
    }
    progress(table, written);
    Ok(written)
}

/// A row's value at `i`, by the type the engine reports for it.
fn read_value<R>(row: &R, i: usize) -> Result<Value, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i32: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> bool: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> f64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Vec<u8>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let type_name = raw.type_info().name().to_ascii_uppercase();
    drop(raw);
    let column = row.columns().get(i).map(|c| c.name().to_owned());
    Ok(match type_name.as_str() {
        "INTEGER" | "INT8" | "BIGINT" => Value::Int(row.try_get_unchecked::<i64, _>(i)?),
        "INT4" | "INT" | "INT2" | "SMALLINT" => {
            Value::Int(i64::from(row.try_get_unchecked::<i32, _>(i)?))
        }
        "BOOL" | "BOOLEAN" => Value::Bool(row.try_get_unchecked::<bool, _>(i)?),
        "REAL" | "FLOAT8" | "DOUBLE PRECISION" => Value::Real(row.try_get_unchecked::<f64, _>(i)?),
        "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => {
            Value::Text(row.try_get_unchecked::<String, _>(i)?)
        }
        "BLOB" | "BYTEA" => Value::Blob(row.try_get_unchecked::<Vec<u8>, _>(i)?),
        other => {
            return Err(StoreError::Conflict(format!(
                "column {:?} holds a value of type {other}, which accord copy does not know",
                column.unwrap_or_default()
            )));
        }
    })
}

/// Write `rows` into `table`: one statement per row into SQLite (prepared once, cached), many
/// rows per statement into PostgreSQL.
async fn insert(
    target: &mut Conn,
    table: &str,
    columns: &[(String, Kind)],
    rows: &[Vec<Value>],
) -> Result<u64, StoreError> {
    let list = columns
        .iter()
        .map(|(c, _)| quote(c))
        .collect::<Vec<_>>()
        .join(", ");
    match target {
        Conn::Sqlite(c) => {
            let marks = vec!["?"; columns.len()].join(", ");
            let sql = format!("INSERT INTO {} ({list}) VALUES ({marks})", quote(table));
            for row in rows {
                let mut q = sqlx::query(&sql);
                for value in row {
                    q = match value {
                        Value::Null => q.bind(None::<i64>),
                        Value::Int(i) => q.bind(*i),
                        Value::Bool(b) => q.bind(i64::from(*b)),
                        Value::Real(r) => q.bind(*r),
                        Value::Text(s) => q.bind(s.as_str()),
                        Value::Blob(b) => q.bind(b.as_slice()),
                    };
                }
                q.execute(&mut *c).await?;
            }
        }
        Conn::Postgres(c) => {
            let mut sql = format!(
                "INSERT INTO {} ({list}) OVERRIDING SYSTEM VALUE VALUES ",
                quote(table)
            );
            let mut n = 0usize;
            for (r, _) in rows.iter().enumerate() {
                if r > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for k in 0..columns.len() {
                    if k > 0 {
                        sql.push_str(", ");
                    }
                    n += 1;
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
                sql.push(')');
            }
            let mut q = sqlx::query(&sql);
            for row in rows {
                for (value, (_, kind)) in row.iter().zip(columns) {
                    q = match (value, kind) {
                        (Value::Null, Kind::Bool) => q.bind(None::<bool>),
                        (Value::Null, Kind::Real) => q.bind(None::<f64>),
                        (Value::Null, Kind::Text | Kind::Any) => q.bind(None::<String>),
                        (Value::Null, Kind::Blob) => q.bind(None::<Vec<u8>>),
                        (Value::Null, Kind::Int) => q.bind(None::<i64>),
                        (Value::Int(i), _) => q.bind(*i),
                        (Value::Bool(b), _) => q.bind(*b),
                        (Value::Real(r), _) => q.bind(*r),
                        (Value::Text(s), _) => q.bind(s.as_str()),
                        (Value::Blob(b), _) => q.bind(b.as_slice()),
                    };
                }
            }
            q.execute(&mut *c).await?;
        }
    }
    Ok(rows.len() as u64)
}

/// SQLite's type affinity of a declared column type (its own rules, section 3.1 of "Datatypes").
fn sqlite_kind(declared: &str) -> Kind {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Kind::Int
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Kind::Text
    } else if t.contains("BLOB") {
        Kind::Blob
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        Kind::Real
    } else {
        Kind::Any
    }
}

/// The kind of a PostgreSQL column type, or `None` for one the copy does not carry.
fn pg_kind(data_type: &str) -> Option<Kind> {
    Some(match data_type {
        "bigint" | "integer" | "smallint" => Kind::Int,
        "boolean" => Kind::Bool,
        "double precision" | "real" => Kind::Real,
        "text" | "character varying" | "character" => Kind::Text,
        "bytea" => Kind::Blob,
        _ => return None,
    })
}

/// An identifier quoted for both engines.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Kahn's order over `parents` (table → the tables it references), ties by name; a table's
/// reference to itself is no constraint on the order. Err: the tables left in a cycle.
fn order_parents_first(
    mut parents: BTreeMap<String, BTreeSet<String>>,
) -> Result<Vec<String>, Vec<String>> {
    for (table, refs) in &mut parents {
        refs.remove(table);
    }
    let known: BTreeSet<String> = parents.keys().cloned().collect();
    for refs in parents.values_mut() {
        refs.retain(|r| known.contains(r));
    }
    let mut order = Vec::with_capacity(parents.len());
    while !parents.is_empty() {
        let ready: Vec<String> = parents
            .iter()
            .filter(|(_, refs)| refs.is_empty())
            .map(|(t, _)| t.clone())
            .collect();
        if ready.is_empty() {
            return Err(parents.into_keys().collect());
        }
        for table in &ready {
            parents.remove(table);
        }
        for refs in parents.values_mut() {
            for table in &ready {
                refs.remove(table);
            }
        }
        order.extend(ready);
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
        pairs
            .iter()
            .map(|(t, refs)| {
                (
                    (*t).to_owned(),
                    refs.iter().map(|r| (*r).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn parents_come_first_and_ties_go_by_name() {
        let order = order_parents_first(map(&[
            ("versions", &["cases", "versions"]),
            ("cases", &[]),
            ("users", &[]),
            ("members", &["cases", "users"]),
        ]))
        .unwrap_or_default();
        assert_eq!(order, ["cases", "users", "members", "versions"]);
    }

    #[test]
    fn a_cycle_is_named() {
        let err = order_parents_first(map(&[("a", &["b"]), ("b", &["a"]), ("c", &[])]));
        assert_eq!(err, Err(vec!["a".to_owned(), "b".to_owned()]));
    }

    #[test]
    fn values_keep_their_meaning_across_engines() {
        assert_eq!(Value::Int(1).into_kind(Kind::Bool), Ok(Value::Bool(true)));
        assert_eq!(Value::Bool(false).into_kind(Kind::Int), Ok(Value::Int(0)));
        assert_eq!(Value::Null.into_kind(Kind::Blob), Ok(Value::Null));
        assert_eq!(
            Value::Text("x".into()).into_kind(Kind::Int),
            Err("not an integer")
        );
        assert_eq!(Value::Blob(vec![1]).into_kind(Kind::Text), Err("not text"));
        assert_eq!(sqlite_kind("INTEGER"), Kind::Int);
        assert_eq!(sqlite_kind("BLOB"), Kind::Blob);
        assert_eq!(sqlite_kind(""), Kind::Any);
        assert_eq!(pg_kind("bytea"), Some(Kind::Blob));
        assert_eq!(pg_kind("jsonb"), None);
    }
}
