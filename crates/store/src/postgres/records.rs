//! Single-record edits and the queries behind the web pages (timeline, status, forms).
//!
//! These must stay fast on cases with a hundred thousand incidents: nothing here loads a whole
//! case; filters run in SQL on indexed columns, and ids are passed as one JSON array parameter
//! (`json_each`) rather than by building SQL text.

use accord_core::{Finding, FindingStatus, Incident, Named, Source, ValidCase, Verdict};
use serde_json::Value;
use sqlx::{PgConnection, Row};

use super::audit_records;
use super::case_io::{
    IncidentSelection, SOURCE_COLUMNS, SourceSelection, load_findings, load_incidents,
    load_sources, source_row,
};
use super::rows::{insert_finding, insert_incident, insert_source};
use super::sealing::{self, Keys, Row as SealedRow};
use super::version::touch;
use crate::codec::{corrupt, unnames};
use crate::{
    Audience, CaseRefs, CaseSummary, Hidden, KnownRefs, Page, SaveOutcome, StoreError,
    TimelineFilter,
};

pub(crate) const SUMMARY_SQL: &str =
    "SELECT c.id, c.title, c.country, c.published, c.updated_at, c.version,
        (SELECT COUNT(*) FROM incidents i WHERE i.case_id = c.id) AS incidents,
        (SELECT COUNT(*) FROM findings f WHERE f.case_id = c.id) AS findings,
        (SELECT COUNT(*) FROM findings f WHERE f.case_id = c.id AND f.status = 'confirmed')
            AS confirmed_findings
     FROM cases c";

pub(crate) fn summary(r: &sqlx::postgres::PgRow) -> CaseSummary {
    CaseSummary {
        id: r.get("id"),
        version: r.get("version"),
        title: r.get("title"),
        country: r.get("country"),
        published: r.get::<bool, _>("published"),
        incidents: u64::try_from(r.get::<i64, _>("incidents")).unwrap_or(0),
        findings: u64::try_from(r.get::<i64, _>("findings")).unwrap_or(0),
        confirmed_findings: u64::try_from(r.get::<i64, _>("confirmed_findings")).unwrap_or(0),
        updated_at: r.get("updated_at"),
    }
}

pub(crate) async fn load_for_status(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    id: &str,
) -> Result<Option<ValidCase>, StoreError> {
    super::case_io::load_case_parts(conn, keys, id, IncidentSelection::BehindFindings, false).await
}

pub(crate) async fn case_refs(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    id: &str,
) -> Result<CaseRefs, StoreError> {
    // A sealed row's name or title is opened (the forms list it to members who may see it; the
    // caller filters by audience).
    let pairs = |rows: Vec<sqlx::postgres::PgRow>,
                 row: SealedRow,
                 field: &str|
     -> Result<Vec<(String, String)>, StoreError> {
        rows.into_iter()
            .map(|r| {
                let record: String = r.get(0);
                let label = match r.get::<Option<Vec<u8>>, _>(2) {
                    Some(sealed) => {
                        sealing::text(&sealing::open_json(keys, row, id, &record, &sealed)?, field)
                    }
                    None => r.get(1),
                };
                Ok((record, label))
            })
            .collect()
    };
    let actors =
        sqlx::query("SELECT id, name, sealed FROM actors WHERE case_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    // The newest sources only (by the index on `position + 1`): a case may have hundreds of
    // thousands, and a form offers the recent ones and takes any other by id.
    let mut recent_sources = sqlx::query(
        "SELECT id, title, sealed FROM sources WHERE case_id = $1
         ORDER BY position + 1 DESC LIMIT $2",
    )
    .bind(id)
    .bind(i64::from(CaseRefs::RECENT_SOURCES))
    .fetch_all(&mut *conn)
    .await?;
    recent_sources.reverse();
    let source_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sources WHERE case_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let actors = pairs(actors, SealedRow::Actor, "name")?;
    let recent_sources = pairs(recent_sources, SealedRow::Source, "title")?;
    let provisions: Vec<String> = sqlx::query_scalar(
        "SELECT p.citation FROM provisions p JOIN instruments i ON i.case_id = p.case_id AND i.id = p.instrument_id
         WHERE p.case_id = $1 ORDER BY i.position, p.position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let themes: Vec<String> = sqlx::query_scalar(
        "SELECT theme FROM (SELECT theme FROM incident_themes WHERE case_id = $1
                            UNION SELECT j.value FROM provisions p, json_array_elements_text(p.themes::json) AS j(value) WHERE p.case_id = $1) AS t
         ORDER BY theme",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let incident_count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM incidents WHERE case_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(CaseRefs {
        actors,
        recent_sources,
        source_count: u64::try_from(source_count).unwrap_or(0),
        provisions,
        themes,
        incident_count: u64::try_from(incident_count).unwrap_or(0),
    })
}

/// Which of `actors` and `sources` the case has (one indexed probe per id asked for, by the
/// primary keys), for a write's reference check.
pub(crate) async fn known_refs(
    conn: &mut PgConnection,
    case_id: &str,
    actors: &[String],
    sources: &[String],
) -> Result<KnownRefs, StoreError> {
    let mut known = KnownRefs::default();
    if !actors.is_empty() {
        let found: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM actors WHERE case_id = $1
         AND id = ANY(ARRAY(SELECT json_array_elements_text($2::json)))",
        )
        .bind(case_id)
        .bind(serde_json::Value::from(actors.to_vec()).to_string())
        .fetch_all(&mut *conn)
        .await?;
        known.actors.extend(found);
    }
    if !sources.is_empty() {
        let found: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM sources WHERE case_id = $1
         AND id = ANY(ARRAY(SELECT json_array_elements_text($2::json)))",
        )
        .bind(case_id)
        .bind(serde_json::Value::from(sources.to_vec()).to_string())
        .fetch_all(&mut *conn)
        .await?;
        known.sources.extend(found);
    }
    Ok(known)
}

pub(crate) async fn incidents_by_id(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    ids: &[String],
) -> Result<Vec<Incident>, StoreError> {
    let found = load_incidents(conn, keys, case_id, IncidentSelection::Ids(ids)).await?;
    // Keep the order asked for (search results come ranked).
    Ok(crate::in_order(found, ids, |i| &i.id))
}

/// Sources by id, in the order asked for (missing ids are skipped).
pub(crate) async fn sources_by_id(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    ids: &[String],
) -> Result<Vec<Source>, StoreError> {
    let json = Value::from(ids.to_vec()).to_string();
    let found = load_sources(conn, keys, case_id, SourceSelection::ids(&json)).await?;
    Ok(crate::in_order(found, ids, |s| &s.id))
}

/// The sources recorded after position `after` (`None`: from the first), in the order they were
/// recorded, at most `limit`, each with its position (the next page starts after the last).
/// Read by the index on `position + 1`.
pub(crate) async fn sources_in_order(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    after: Option<i64>,
    limit: u32,
) -> Result<Vec<(i64, Source)>, StoreError> {
    sqlx::query(&format!(
        "SELECT position, {SOURCE_COLUMNS} FROM sources
         WHERE case_id = $1 AND position + 1 > $2 ORDER BY position + 1 LIMIT $3"
    ))
    .bind(case_id)
    .bind(after.map_or(0, |a| a.saturating_add(1)))
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok((r.get("position"), source_row(keys, case_id, r)?)))
    .collect()
}

/// The timeline's filters. Each filter on a related table is a set of incident ids computed once
/// per query (`IN (SELECT ...)`, not a correlated `EXISTS` run for every incident), read from an
/// index that ends in the incident id.
const TIMELINE_WHERE: &str = "i.case_id = $1
    AND ($2 IS NULL OR i.kind IN (SELECT value FROM json_array_elements_text($2::json) AS j(value)))
    AND ($3 IS NULL OR i.id IN (SELECT a.incident_id FROM incident_actors a
                                WHERE a.case_id = $1 AND a.actor_id = $3))
    AND ($4 IS NULL OR i.id IN (SELECT t.incident_id FROM incident_themes t
                                WHERE t.case_id = $1 AND t.theme = $4))
    AND ($5 IS NULL OR i.date_end IS NULL OR i.date_end >= $5)
    AND ($6 IS NULL OR i.date_start <= $6)
    AND ($7 IS NULL OR i.id IN (SELECT fi.incident_id FROM finding_incidents fi
                                JOIN findings f ON f.case_id = fi.case_id AND f.id = fi.finding_id
                                WHERE fi.case_id = $1 AND f.status = 'confirmed' AND f.verdict = $7))
    AND ($10 = 'everything' OR i.sensitivity = 'public'
         OR ($10 = 'member' AND (i.sensitivity = 'case'
             OR EXISTS (SELECT 1::BIGINT FROM json_array_elements_text(i.restricted_to::json) AS r(value) WHERE lower(r.value) = lower($11)))))";

/// An audience as the two parameters [`VISIBLE`]-style conditions take: its class and, for a
/// member, their address.
fn audience_params(a: &Audience) -> (&'static str, Option<&str>) {
    match a {
        Audience::Public => ("public", None),
        Audience::Member(email) => ("member", Some(email.as_str())),
        Audience::Everything => ("everything", None),
    }
}

/// Whether a row of `incidents`, `actors`, `sources` or `evidence` (as `t`) is visible to the
/// audience in `?2` (class) and `?3` (address).
const VISIBLE: &str = "($2 = 'everything' OR t.sensitivity = 'public'
    OR ($2 = 'member' AND (t.sensitivity = 'case'
        OR EXISTS (SELECT 1::BIGINT FROM json_array_elements_text(t.restricted_to::json) AS r(value) WHERE lower(r.value) = lower($3)))))";

pub(crate) async fn hidden_in(
    conn: &mut PgConnection,
    case_id: &str,
    audience: &Audience,
) -> Result<Hidden, StoreError> {
    let mut out = Hidden::default();
    if *audience == Audience::Everything {
        return Ok(out);
    }
    let (class, email) = audience_params(audience);
    for (table, set) in [
        ("incidents", &mut out.incidents),
        ("actors", &mut out.actors),
        ("sources", &mut out.sources),
    ] {
        let ids: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT t.id FROM {table} t WHERE t.case_id = $1 AND NOT {VISIBLE}"
        ))
        .bind(case_id)
        .bind(class)
        .bind(email)
        .fetch_all(&mut *conn)
        .await?;
        set.extend(ids);
    }
    let rows = sqlx::query(&format!(
        "SELECT t.id, t.sha256 FROM evidence t WHERE t.case_id = $1 AND NOT {VISIBLE}"
    ))
    .bind(case_id)
    .bind(class)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    for r in rows {
        out.evidence.insert(r.get("id"), r.get("sha256"));
    }
    Ok(out)
}

pub(crate) async fn timeline_in(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    filter: &TimelineFilter,
    limit: u32,
    offset: u64,
) -> Result<Page<Incident>, StoreError> {
    let kinds = (!filter.kinds.is_empty()).then(|| {
        Value::from(filter.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()).to_string()
    });
    let from = filter.from.map(accord_core::Day::days_since_epoch);
    let to = filter.to.map(accord_core::Day::days_since_epoch);
    let verdict = filter.verdict.map(Named::as_str);
    let (class, email) = audience_params(&filter.audience);
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM incidents i WHERE {TIMELINE_WHERE}"
    ))
    .bind(case_id)
    .bind(&kinds)
    .bind(&filter.actor)
    .bind(&filter.theme)
    .bind(from)
    .bind(to)
    .bind(verdict)
    .bind(None::<i64>)
    .bind(None::<i64>)
    .bind(class)
    .bind(email)
    .fetch_one(&mut *conn)
    .await?;
    let ids: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT i.id FROM incidents i WHERE {TIMELINE_WHERE}
         ORDER BY i.date_start DESC, i.id LIMIT $8 OFFSET $9"
    ))
    .bind(case_id)
    .bind(&kinds)
    .bind(&filter.actor)
    .bind(&filter.theme)
    .bind(from)
    .bind(to)
    .bind(verdict)
    .bind(i64::from(limit))
    .bind(i64::try_from(offset).unwrap_or(i64::MAX))
    .bind(class)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Page {
        total: u64::try_from(total).unwrap_or(0),
        items: incidents_by_id(conn, keys, case_id, &ids).await?,
    })
}

pub(crate) async fn findings_of_incident_in(
    conn: &mut PgConnection,
    case_id: &str,
    incident_id: &str,
) -> Result<Vec<Finding>, StoreError> {
    let all = load_findings(conn, case_id).await?;
    Ok(all
        .into_iter()
        .filter(|f| f.incidents.iter().any(|i| i == incident_id))
        .collect())
}

pub(crate) async fn save_incident_in(
    tx: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    incident: &Incident,
    actor: &str,
) -> Result<SaveOutcome, StoreError> {
    touch(tx, case_id).await?;
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT position FROM incidents WHERE case_id = $1 AND id = $2")
            .bind(case_id)
            .bind(&incident.id)
            .fetch_optional(&mut *tx)
            .await?;
    let position = match existing {
        Some(p) => {
            sqlx::query("DELETE FROM incidents WHERE case_id = $1 AND id = $2")
                .bind(case_id)
                .bind(&incident.id)
                .execute(&mut *tx)
                .await?;
            p
        }
        None => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COALESCE(MAX(position + 1), 0) FROM incidents WHERE case_id = $1",
            )
            .bind(case_id)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    insert_incident(
        tx,
        keys,
        case_id,
        usize::try_from(position).unwrap_or(0),
        incident,
    )
    .await?;
    let outcome = if existing.is_some() {
        SaveOutcome::Updated
    } else {
        SaveOutcome::Created
    };
    let action = match outcome {
        SaveOutcome::Created => "incident.create",
        SaveOutcome::Updated => "incident.update",
    };
    super::audit_sealed(
        tx,
        keys.cloned(),
        actor,
        Some(case_id),
        action,
        &incident.id,
        &[crate::record::incident(incident)],
        None,
    )
    .await?;
    Ok(outcome)
}

pub(crate) async fn add_source_in(
    tx: &mut PgConnection,
    keys: Keys<'_>,
    case_id: &str,
    source: &Source,
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case_id).await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1::BIGINT FROM sources WHERE case_id = $1 AND id = $2")
            .bind(case_id)
            .bind(&source.id)
            .fetch_optional(&mut *tx)
            .await?;
    if exists.is_some() {
        return Err(StoreError::Exists {
            what: "source",
            id: source.id.clone(),
        });
    }
    let position: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(position + 1), 0) FROM sources WHERE case_id = $1")
            .bind(case_id)
            .fetch_one(&mut *tx)
            .await?;
    insert_source(
        tx,
        keys,
        case_id,
        usize::try_from(position).unwrap_or(0),
        source,
    )
    .await?;
    super::audit_sealed(
        tx,
        keys.cloned(),
        actor,
        Some(case_id),
        "source.create",
        &source.id,
        &[crate::record::source(source)],
        None,
    )
    .await
}

pub(crate) async fn add_finding_in(
    tx: &mut PgConnection,
    case_id: &str,
    finding: &Finding,
    actor: &str,
) -> Result<(), StoreError> {
    touch(tx, case_id).await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1::BIGINT FROM findings WHERE case_id = $1 AND id = $2")
            .bind(case_id)
            .bind(&finding.id)
            .fetch_optional(&mut *tx)
            .await?;
    if exists.is_some() {
        return Err(StoreError::Exists {
            what: "finding",
            id: finding.id.clone(),
        });
    }
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position + 1), 0) FROM findings WHERE case_id = $1",
    )
    .bind(case_id)
    .fetch_one(&mut *tx)
    .await?;
    insert_finding(tx, case_id, usize::try_from(position).unwrap_or(0), finding).await?;
    audit_records(
        tx,
        actor,
        Some(case_id),
        "finding.create",
        &format!(
            "{} ({}, {})",
            finding.id,
            finding.provision,
            finding.status.as_str()
        ),
        &[crate::record::finding(finding)],
        None,
    )
    .await
}

pub(crate) async fn set_finding_status_in(
    tx: &mut PgConnection,
    case_id: &str,
    finding_id: &str,
    status: FindingStatus,
    reviewer: &str,
) -> Result<(), StoreError> {
    touch(tx, case_id).await?;
    let n = sqlx::query(
        "UPDATE findings SET status = $1, reviewed_by = $2 WHERE case_id = $3 AND id = $4",
    )
    .bind(status.as_str())
    .bind(reviewer)
    .bind(case_id)
    .bind(finding_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound {
            what: "finding",
            id: finding_id.to_owned(),
        });
    }
    let finding: Vec<_> = load_findings(tx, case_id)
        .await?
        .into_iter()
        .filter(|f| f.id == finding_id)
        .collect();
    sqlx::query("DELETE FROM finding_confirmations WHERE case_id = $1 AND finding_id = $2")
        .bind(case_id)
        .bind(finding_id)
        .execute(&mut *tx)
        .await?;
    if status == FindingStatus::Confirmed {
        // Pin the versions of the incidents as they stand when confirmed.
        sqlx::query(
            "INSERT INTO finding_confirmations (case_id, finding_id, incident_id, incident_version, confirmed_at)
             SELECT fi.case_id, fi.finding_id, fi.incident_id,
                    COALESCE((SELECT MAX(version) FROM record_versions v
                              WHERE v.case_id = fi.case_id AND v.kind = 'incident'
                                AND v.record_id = fi.incident_id), 0),
                    $1
             FROM finding_incidents fi WHERE fi.case_id = $2 AND fi.finding_id = $3",
        )
        .bind(crate::clock::now())
        .bind(case_id)
        .bind(finding_id)
        .execute(&mut *tx)
        .await?;
    }
    let body: Vec<_> = finding.iter().map(crate::record::finding).collect();
    audit_records(
        tx,
        reviewer,
        Some(case_id),
        &format!("finding.{}", status.as_str()),
        finding_id,
        &body,
        None,
    )
    .await
}

/// The incident versions a finding was confirmed against: (incident, version, confirmed at).
pub(crate) async fn confirmation(
    conn: &mut PgConnection,
    case_id: &str,
    finding_id: &str,
) -> Result<Vec<(String, u32, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.incident_id, c.incident_version, c.confirmed_at FROM finding_confirmations c
         JOIN finding_incidents fi ON fi.case_id = c.case_id AND fi.finding_id = c.finding_id
                                  AND fi.incident_id = c.incident_id
         WHERE c.case_id = $1 AND c.finding_id = $2 ORDER BY fi.position",
    )
    .bind(case_id)
    .bind(finding_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.get("incident_id"),
                u32::try_from(r.get::<i64, _>("incident_version")).unwrap_or(0),
                r.get("confirmed_at"),
            )
        })
        .collect())
}

pub(crate) async fn all_incidents_in(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    after: Option<(String, String)>,
    limit: u32,
) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
    let (after_case, after_id) = after.unwrap_or_default();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT case_id, id FROM incidents WHERE (case_id, id) > ($1, $2) ORDER BY case_id, id LIMIT $3",
    )
    .bind(&after_case)
    .bind(&after_id)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    with_verdicts(conn, keys, &rows).await
}

/// Every restricted incident of every case, with its confirmed verdicts (what the search index
/// holds in memory only).
pub(crate) async fn restricted_incidents_in(
    conn: &mut PgConnection,
    keys: Keys<'_>,
) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT case_id, id FROM incidents WHERE sensitivity = 'restricted' ORDER BY case_id, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    with_verdicts(conn, keys, &rows).await
}

/// The incidents `rows` names (case, id; grouped by case), each with its confirmed verdicts.
async fn with_verdicts(
    conn: &mut PgConnection,
    keys: Keys<'_>,
    rows: &[(String, String)],
) -> Result<Vec<(String, Incident, Vec<Verdict>)>, StoreError> {
    let mut out = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let case = rows[i].0.clone();
        let ids: Vec<String> = rows[i..]
            .iter()
            .take_while(|(c, _)| *c == case)
            .map(|(_, id)| id.clone())
            .collect();
        i += ids.len();
        let mut verdicts = verdicts_of_in(conn, &case, &ids)
            .await?
            .into_iter()
            .collect::<std::collections::HashMap<_, _>>();
        for inc in incidents_by_id(conn, keys, &case, &ids).await? {
            let v = verdicts.remove(&inc.id).unwrap_or_default();
            out.push((case.clone(), inc, v));
        }
    }
    Ok(out)
}

pub(crate) async fn verdicts_of_in(
    conn: &mut PgConnection,
    case_id: &str,
    ids: &[String],
) -> Result<Vec<(String, Vec<Verdict>)>, StoreError> {
    let rows = sqlx::query(
        "SELECT fi.incident_id, json_agg(DISTINCT f.verdict)::text AS verdicts
         FROM finding_incidents fi JOIN findings f ON f.case_id = fi.case_id AND f.id = fi.finding_id
         WHERE fi.case_id = $1 AND f.status = 'confirmed'
           AND fi.incident_id = ANY(ARRAY(SELECT json_array_elements_text($2::json)))
         GROUP BY fi.incident_id",
    )
    .bind(case_id)
    .bind(Value::from(ids.to_vec()).to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let id: String = r.get("incident_id");
            let v = unnames(case_id, "findings.verdict", r.get("verdicts"))
                .map_err(|e| corrupt(case_id, e.to_string()))?;
            Ok((id, v))
        })
        .collect()
}

// --- The store's methods (see `impl Store for PgStore`) ------------------------------------

pub(crate) async fn incidents(
    store: &super::PgStore,
    case_id: &str,
    ids: &[String],
) -> Result<Vec<accord_core::Incident>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::incidents_by_id(&mut conn, store.keys(), case_id, ids).await
}

pub(crate) async fn sources(
    store: &super::PgStore,
    case_id: &str,
    ids: &[String],
) -> Result<Vec<Source>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    sources_by_id(&mut conn, store.keys(), case_id, ids).await
}

pub(crate) async fn sources_in_order_of(
    store: &super::PgStore,
    case_id: &str,
    after: Option<i64>,
    limit: u32,
) -> Result<Vec<(i64, Source)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    sources_in_order(&mut conn, store.keys(), case_id, after, limit).await
}

pub(crate) async fn known_refs_of(
    store: &super::PgStore,
    case_id: &str,
    actors: &[String],
    sources: &[String],
) -> Result<crate::KnownRefs, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::known_refs(&mut conn, case_id, actors, sources).await
}

pub(crate) async fn timeline(
    store: &super::PgStore,
    case_id: &str,
    filter: &crate::TimelineFilter,
    limit: u32,
    offset: u64,
) -> Result<crate::Page<accord_core::Incident>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::timeline_in(&mut conn, store.keys(), case_id, filter, limit, offset).await
}

pub(crate) async fn hidden(
    store: &super::PgStore,
    case_id: &str,
    audience: &crate::Audience,
) -> Result<crate::Hidden, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::hidden_in(&mut conn, case_id, audience).await
}

pub(crate) async fn findings_of_incident(
    store: &super::PgStore,
    case_id: &str,
    incident_id: &str,
) -> Result<Vec<accord_core::Finding>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::findings_of_incident_in(&mut conn, case_id, incident_id).await
}

pub(crate) async fn save_incident_with_source(
    store: &super::PgStore,
    case_id: &str,
    source: &accord_core::Source,
    incident: &accord_core::Incident,
    actor: &str,
) -> Result<crate::SaveOutcome, crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::records::add_source_in(&mut tx, store.keys(), case_id, source, actor).await?;
    let outcome =
        super::records::save_incident_in(&mut tx, store.keys(), case_id, incident, actor).await?;
    tx.commit().await?;
    Ok(outcome)
}

pub(crate) async fn add_source(
    store: &super::PgStore,
    case_id: &str,
    source: &accord_core::Source,
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::records::add_source_in(&mut tx, store.keys(), case_id, source, actor).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn add_finding(
    store: &super::PgStore,
    case_id: &str,
    finding: &accord_core::Finding,
    actor: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::records::add_finding_in(&mut tx, case_id, finding, actor).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn set_finding_status(
    store: &super::PgStore,
    case_id: &str,
    finding_id: &str,
    status: accord_core::FindingStatus,
    reviewer: &str,
) -> Result<(), crate::StoreError> {
    let mut tx = store.pool.begin().await?;
    super::version::lock_case(&mut tx, case_id).await?;
    super::records::set_finding_status_in(&mut tx, case_id, finding_id, status, reviewer).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn restricted_incidents(
    store: &super::PgStore,
) -> Result<Vec<(String, accord_core::Incident, Vec<accord_core::Verdict>)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::restricted_incidents_in(&mut conn, store.keys()).await
}

pub(crate) async fn all_incidents(
    store: &super::PgStore,
    after: Option<(String, String)>,
    limit: u32,
) -> Result<Vec<(String, accord_core::Incident, Vec<accord_core::Verdict>)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::all_incidents_in(&mut conn, store.keys(), after, limit).await
}

pub(crate) async fn verdicts_of(
    store: &super::PgStore,
    case_id: &str,
    incident_ids: &[String],
) -> Result<Vec<(String, Vec<accord_core::Verdict>)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::verdicts_of_in(&mut conn, case_id, incident_ids).await
}

pub(crate) async fn finding_confirmation(
    store: &super::PgStore,
    case_id: &str,
    finding_id: &str,
) -> Result<Vec<(String, u32, String)>, crate::StoreError> {
    let mut conn = store.pool.acquire().await?;
    super::records::confirmation(&mut conn, case_id, finding_id).await
}
