//! Writing a whole case into SQLite rows and reading it back, field for field.
//!
//! The round trip must be lossless: `load_case(import_case(c)) == c`, including the order records
//! were written in (the `position` columns), so export after import reproduces the bundle.

use accord_core::{
    Actor, ActorRole, Addressee, Case, ElectionFile, EvidenceRef, Finding, Incident, Instrument,
    Letter, Mechanism, Provision, Signatory, Source, Translation, ValidCase,
};
use serde_json::Value;
use sqlx::{Row, SqliteConnection};

use super::rows::{self, pos};
use super::sealing::{Keys, Row as SealedRow, open_json, opt_text, text, texts};
use crate::codec::{
    corrupt, date, objects, opt, req, uncitations, uncite, undate, unday, unlist, unname, unnames,
};
use crate::{StoreError, clock};

/// Records with their positions: their index in the list.
fn positioned<T>(items: &[T]) -> Vec<(i64, &T)> {
    items.iter().enumerate().map(|(i, x)| (pos(i), x)).collect()
}

/// Insert every record of a case; returns how many records were written.
pub(crate) async fn insert_case(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &ValidCase,
    version: i64,
) -> Result<usize, StoreError> {
    let now = clock::now();
    let id = case.id.as_str();
    // A replaced case keeps its row: memberships, publication and settings hang on it.
    sqlx::query(
        "INSERT INTO cases (id, title, country, period, summary, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
         ON CONFLICT (id) DO UPDATE SET title = ?2, country = ?3, period = ?4, summary = ?5,
            version = ?6, updated_at = ?7",
    )
    .bind(id)
    .bind(&case.title)
    .bind(&case.country)
    .bind(date(case.period))
    .bind(&case.summary)
    .bind(version)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    let mut records = 1;

    for (i, ins) in case.instruments.iter().enumerate() {
        rows::insert_instrument(tx, id, i, ins).await?;
        records += 1 + ins.provisions.len();
    }
    // The big tables go many rows to a statement (restricted records still through the
    // encoders below, which seal them).
    super::bulk::insert_actors(tx, keys, id, &positioned(&case.actors)).await?;
    super::bulk::insert_sources(tx, keys, id, &positioned(&case.sources)).await?;
    super::bulk::insert_incidents(tx, keys, id, &positioned(&case.incidents)).await?;
    for (i, f) in case.findings.iter().enumerate() {
        rows::insert_finding(tx, id, i, f).await?;
    }
    for (i, m) in case.mechanisms.iter().enumerate() {
        rows::insert_mechanism(tx, id, i, m).await?;
    }
    for (i, l) in case.letters.iter().enumerate() {
        rows::insert_letter(tx, id, i, l).await?;
    }
    for (i, e) in case.evidence.iter().enumerate() {
        super::evidence::insert(tx, keys, id, pos(i), e).await?;
    }
    for (i, o) in case.observations.iter().enumerate() {
        super::observations::insert(tx, id, pos(i), o).await?;
    }
    for (i, f) in case.follow_through.iter().enumerate() {
        super::follow_through::insert(tx, id, pos(i), f).await?;
    }
    for (i, e) in case.elections.iter().enumerate() {
        sqlx::query("INSERT INTO elections (case_id, id, position, json) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(&e.id)
            .bind(pos(i))
            .bind(&e.json)
            .execute(&mut *tx)
            .await?;
    }
    super::translations::insert_all(tx, id, case).await?;
    records += case.actors.len()
        + case.sources.len()
        + case.incidents.len()
        + case.findings.len()
        + case.mechanisms.len()
        + case.letters.len()
        + case.elections.len()
        + case.evidence.len()
        + case.observations.len()
        + case.follow_through.len();
    Ok(records)
}

/// Read a whole case back, or `None` if there is no such case.
pub(crate) async fn load_case(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
) -> Result<Option<ValidCase>, StoreError> {
    load_case_parts(conn, keys, id, IncidentSelection::All, true).await
}

/// Which incidents to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum IncidentSelection<'a> {
    All,
    /// Those named by a finding (what trigger evaluation needs).
    BehindFindings,
    Ids(&'a [String]),
}

impl IncidentSelection<'_> {
    /// A condition on `x.case_id`/`x.<id_column>` selecting the incidents; `?2` is the id list.
    fn condition(self, id_column: &str) -> String {
        match self {
            IncidentSelection::All => "1".to_owned(),
            IncidentSelection::BehindFindings => format!(
                "{id_column} IN (SELECT incident_id FROM finding_incidents WHERE case_id = ?1)"
            ),
            IncidentSelection::Ids(_) => {
                format!("{id_column} IN (SELECT value FROM json_each(?2))")
            }
        }
    }

    fn ids_param(self) -> Option<String> {
        match self {
            IncidentSelection::Ids(ids) => Some(Value::from(ids.to_vec()).to_string()),
            _ => None,
        }
    }
}

/// Read a case with a selection of its incidents; letters and elections only when asked.
/// The result is validated, so the selection must keep every reference resolvable.
pub(crate) async fn load_case_parts(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    incidents: IncidentSelection<'_>,
    letters_and_elections: bool,
) -> Result<Option<ValidCase>, StoreError> {
    let Some(mut case) = load_head(conn, id).await? else {
        return Ok(None);
    };
    case.instruments = load_instruments(conn, id).await?;
    case.actors = load_actors(conn, keys, id).await?;
    let all_incidents = matches!(incidents, IncidentSelection::All);
    case.incidents = load_incidents(conn, keys, id, incidents).await?;
    case.findings = load_findings(conn, id).await?;
    case.mechanisms = load_mechanisms(conn, id).await?;
    // A provision's status shows its latest observation: every load that evaluates needs them.
    case.observations = super::observations::load(conn, id).await?;
    // When each mechanism was last asked for, and what was answered: the dashboard shows it.
    case.letters = load_letters(conn, id, None).await?;
    case.follow_through = super::follow_through::load(conn, id).await?;
    if letters_and_elections {
        case.elections =
            sqlx::query("SELECT id, json FROM elections WHERE case_id = ? ORDER BY position")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .map(|r| ElectionFile {
                    id: r.get("id"),
                    json: r.get("json"),
                })
                .collect();
        case.evidence = super::evidence::load(conn, keys, id, super::evidence::Select::All).await?;
    }
    // A case read with some of its incidents holds the sources those incidents and the other
    // records read cite, and no others: a case has about as many sources as incidents.
    case.sources = if all_incidents {
        load_sources(conn, keys, id, SourceSelection::All).await?
    } else {
        let cited: Vec<&str> = case.cited_source_ids().into_iter().collect();
        load_sources(
            conn,
            keys,
            id,
            SourceSelection::ids(&Value::from(cited).to_string()),
        )
        .await?
    };
    super::translations::load(conn, &mut case).await?;
    // A case read with some of its incidents keeps the translations of those.
    accord_core::translation::retain_present(&mut case);
    accord_core::validate(case)
        .map(Some)
        .map_err(|p| corrupt(id, p.to_string()))
}

/// The case's own fields (no records), or `None` if there is no such case.
pub(crate) async fn load_head(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Option<Case>, StoreError> {
    let Some(row) =
        sqlx::query("SELECT id, title, country, period, summary FROM cases WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    Ok(Some(Case {
        id: row.get("id"),
        title: row.get("title"),
        country: row.get("country"),
        period: undate(id, "cases.period", row.get("period"))?,
        summary: row.get("summary"),
        ..Case::default()
    }))
}

pub(crate) async fn load_instruments(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Vec<Instrument>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, title, date, place, parties, parent, url, notes FROM instruments
         WHERE case_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let provisions = sqlx::query(
        "SELECT citation, instrument_id, heading, themes, text, text_status, text_source, translations
         FROM provisions WHERE case_id = ? ORDER BY instrument_id, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let ins_id: String = r.get("id");
        let mut ps = Vec::new();
        for p in provisions
            .iter()
            .filter(|p| p.get::<String, _>("instrument_id") == ins_id)
        {
            let translations = objects(id, "provisions.translations", p.get("translations"))?
                .iter()
                .map(|t| {
                    Ok(Translation {
                        lang: req(id, t, "lang")?,
                        text: req(id, t, "text")?,
                        status: unname(id, &req(id, t, "status")?)?,
                        source: opt(t, "source"),
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            ps.push(Provision {
                citation: uncite(id, "provisions.citation", p.get("citation"))?,
                heading: p.get("heading"),
                themes: unlist(id, "provisions.themes", p.get("themes"))?,
                text: p.get("text"),
                status: unname(id, p.get("text_status"))?,
                text_source: p.get("text_source"),
                translations,
            });
        }
        out.push(Instrument {
            kind: unname(id, r.get("kind"))?,
            title: r.get("title"),
            date: undate(id, "instruments.date", r.get("date"))?,
            place: r.get("place"),
            parties: unlist(id, "instruments.parties", r.get("parties"))?,
            parent: r.get("parent"),
            url: r.get("url"),
            notes: r.get("notes"),
            provisions: ps,
            id: ins_id,
        });
    }
    Ok(out)
}

/// The columns [`actor_row`] reads, in a `SELECT` of `actors`.
pub(crate) const ACTOR_COLUMNS: &str =
    "id, kind, name, aliases, country, members, sensitivity, restricted_to, sealed";

pub(crate) async fn load_actors(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
) -> Result<Vec<Actor>, StoreError> {
    sqlx::query(&format!(
        "SELECT {ACTOR_COLUMNS} FROM actors WHERE case_id = ? ORDER BY position"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| actor_row(keys, id, r))
    .collect()
}

/// An actor of the case `id` from a row of [`ACTOR_COLUMNS`], its sealed text opened.
pub(crate) fn actor_row(
    keys: Keys<'_>,
    id: &str,
    r: &sqlx::sqlite::SqliteRow,
) -> Result<Actor, StoreError> {
    let mut actor = Actor {
        id: r.get("id"),
        kind: unname(id, r.get("kind"))?,
        name: r.get("name"),
        aliases: unlist(id, "actors.aliases", r.get("aliases"))?,
        country: r.get("country"),
        members: unlist(id, "actors.members", r.get("members"))?,
        sensitivity: unname(id, r.get("sensitivity"))?,
        restricted_to: unlist(id, "actors.restricted_to", r.get("restricted_to"))?,
    };
    if let Some(sealed) = r.get::<Option<Vec<u8>>, _>("sealed") {
        let v = open_json(keys, SealedRow::Actor, id, &actor.id, &sealed)?;
        actor.name = text(&v, "name");
        actor.aliases = texts(&v, "aliases");
        actor.country = opt_text(&v, "country");
        actor.members = texts(&v, "members");
    }
    Ok(actor)
}

/// Which sources to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SourceSelection<'a> {
    All,
    /// Those an SQL condition on the `sources` row selects, in which `?1` is the case id and
    /// `?2` the parameter given.
    Where {
        condition: &'static str,
        param: &'a str,
    },
}

impl<'a> SourceSelection<'a> {
    /// The sources whose ids a JSON array of strings holds.
    pub(crate) fn ids(json_ids: &'a str) -> Self {
        SourceSelection::Where {
            condition: "id IN (SELECT value FROM json_each(?2))",
            param: json_ids,
        }
    }
}

/// The columns [`source_row`] reads, in a `SELECT` of `sources`.
pub(crate) const SOURCE_COLUMNS: &str = "id, authors, title, publisher, date, url, accessed, note, \
     sensitivity, restricted_to, sealed";

/// Sources of a case in position order, as selected.
pub(crate) async fn load_sources(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    selection: SourceSelection<'_>,
) -> Result<Vec<Source>, StoreError> {
    let (condition, param) = match selection {
        SourceSelection::All => ("1", None),
        SourceSelection::Where { condition, param } => (condition, Some(param)),
    };
    sqlx::query(&format!(
        "SELECT {SOURCE_COLUMNS} FROM sources
         WHERE case_id = ?1 AND ({condition}) ORDER BY position"
    ))
    .bind(id)
    .bind(param)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| source_row(keys, id, r))
    .collect()
}

/// A source of the case `id` from a row of [`SOURCE_COLUMNS`], its sealed text opened.
pub(crate) fn source_row(
    keys: Keys<'_>,
    id: &str,
    r: &sqlx::sqlite::SqliteRow,
) -> Result<Source, StoreError> {
    let mut source = Source {
        id: r.get("id"),
        authors: unlist(id, "sources.authors", r.get("authors"))?,
        title: r.get("title"),
        publisher: r.get("publisher"),
        date: undate(id, "sources.date", r.get("date"))?,
        url: r.get("url"),
        accessed: r
            .get::<Option<String>, _>("accessed")
            .map(|s| unday(id, "sources.accessed", &s))
            .transpose()?,
        note: r.get("note"),
        sensitivity: unname(id, r.get("sensitivity"))?,
        restricted_to: unlist(id, "sources.restricted_to", r.get("restricted_to"))?,
    };
    if let Some(sealed) = r.get::<Option<Vec<u8>>, _>("sealed") {
        let v = open_json(keys, SealedRow::Source, id, &source.id, &sealed)?;
        source.authors = texts(&v, "authors");
        source.title = text(&v, "title");
        source.publisher = opt_text(&v, "publisher");
        source.url = opt_text(&v, "url");
        source.note = opt_text(&v, "note");
    }
    Ok(source)
}

/// Incidents of a case in position order, as selected.
pub(crate) async fn load_incidents(
    conn: &mut SqliteConnection,
    keys: Keys<'_>,
    id: &str,
    selection: IncidentSelection<'_>,
) -> Result<Vec<Incident>, StoreError> {
    let ids = selection.ids_param();
    let rows = sqlx::query(&format!(
        "SELECT id, date, title, kind, summary, place, sources, evidence, sensitivity, restricted_to,
                sealed
         FROM incidents
         WHERE case_id = ?1 AND {} ORDER BY position",
        selection.condition("id")
    ))
    .bind(id)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    // A write's check for the incident it saves finds none when the incident is new (most
    // writes): the actors and themes of no incident need no reading, two round trips saved.
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let actors = sqlx::query(&format!(
        "SELECT incident_id, actor_id, role FROM incident_actors
         WHERE case_id = ?1 AND {} ORDER BY incident_id, position",
        selection.condition("incident_id")
    ))
    .bind(id)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let themes = sqlx::query(&format!(
        "SELECT incident_id, theme FROM incident_themes
         WHERE case_id = ?1 AND {} ORDER BY incident_id, position",
        selection.condition("incident_id")
    ))
    .bind(id)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_actor: std::collections::HashMap<String, Vec<ActorRole>> = Default::default();
    for a in actors {
        by_actor
            .entry(a.get("incident_id"))
            .or_default()
            .push(ActorRole {
                actor: a.get("actor_id"),
                role: unname(id, a.get("role"))?,
            });
    }
    let mut by_theme: std::collections::HashMap<String, Vec<String>> = Default::default();
    for t in themes {
        by_theme
            .entry(t.get("incident_id"))
            .or_default()
            .push(t.get("theme"));
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let inc_id: String = r.get("id");
        let opened = r
            .get::<Option<Vec<u8>>, _>("sealed")
            .map(|sealed| open_json(keys, SealedRow::Incident, id, &inc_id, &sealed))
            .transpose()?;
        let evidence = match &opened {
            Some(v) => v
                .get("evidence")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            None => objects(id, "incidents.evidence", r.get("evidence"))?,
        };
        let evidence = evidence
            .iter()
            .map(|e| {
                Ok(EvidenceRef {
                    sha256: req(id, e, "sha256")?,
                    name: req(id, e, "name")?,
                    media_type: opt(e, "media_type"),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.push(Incident {
            date: r
                .get::<String, _>("date")
                .parse()
                .map_err(|e: accord_core::date::DateError| corrupt(id, e.to_string()))?,
            title: opened
                .as_ref()
                .map_or_else(|| r.get("title"), |v| text(v, "title")),
            kind: unname(id, r.get("kind"))?,
            summary: opened
                .as_ref()
                .map_or_else(|| r.get("summary"), |v| opt_text(v, "summary")),
            place: opened
                .as_ref()
                .map_or_else(|| r.get("place"), |v| opt_text(v, "place")),
            themes: by_theme.remove(&inc_id).unwrap_or_default(),
            sources: unlist(id, "incidents.sources", r.get("sources"))?,
            actors: by_actor.remove(&inc_id).unwrap_or_default(),
            evidence,
            sensitivity: unname(id, r.get("sensitivity"))?,
            restricted_to: unlist(id, "incidents.restricted_to", r.get("restricted_to"))?,
            id: inc_id,
        });
    }
    Ok(out)
}

pub(crate) async fn load_findings(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Vec<Finding>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, provision, verdict, status, rationale, author, reviewed_by FROM findings
         WHERE case_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let links = sqlx::query(
        "SELECT finding_id, incident_id FROM finding_incidents WHERE case_id = ? ORDER BY finding_id, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_finding: std::collections::HashMap<String, Vec<String>> = Default::default();
    for l in links {
        by_finding
            .entry(l.get("finding_id"))
            .or_default()
            .push(l.get("incident_id"));
    }
    rows.into_iter()
        .map(|r| {
            let fid: String = r.get("id");
            Ok(Finding {
                incidents: by_finding.remove(&fid).unwrap_or_default(),
                provision: uncite(id, "findings.provision", r.get("provision"))?,
                verdict: unname(id, r.get("verdict"))?,
                status: unname(id, r.get("status"))?,
                rationale: r.get("rationale"),
                author: r.get("author"),
                reviewed_by: r.get("reviewed_by"),
                id: fid,
            })
        })
        .collect()
}

pub(crate) async fn load_mechanisms(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Vec<Mechanism>, StoreError> {
    sqlx::query(
        "SELECT id, name, provision, counts, scope_instruments, scope_provisions, requested_by, responsible, consult, action
         FROM mechanisms WHERE case_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| {
        Ok(Mechanism {
            id: r.get("id"),
            name: r.get("name"),
            provision: uncite(id, "mechanisms.provision", r.get("provision"))?,
            counts: unnames(id, "mechanisms.counts", r.get("counts"))?,
            scope_instruments: unlist(id, "mechanisms.scope_instruments", r.get("scope_instruments"))?,
            scope_provisions: uncitations(id, "mechanisms.scope_provisions", r.get("scope_provisions"))?,
            requested_by: unlist(id, "mechanisms.requested_by", r.get("requested_by"))?,
            responsible: unlist(id, "mechanisms.responsible", r.get("responsible"))?,
            consult: unlist(id, "mechanisms.consult", r.get("consult"))?,
            action: r.get("action"),
        })
    })
    .collect()
}

/// The case's letters with their signatories, or (`only`) the one letter of that id.
pub(crate) async fn load_letters(
    conn: &mut SqliteConnection,
    id: &str,
    only: Option<&str>,
) -> Result<Vec<Letter>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, title, date, place, language, coordinator, body, closing, signatory_order, addressees, cc
         FROM letters WHERE case_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY position",
    )
    .bind(id)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    let sigs = sqlx::query(
        "SELECT letter_id, organisation, country, representative, url, state, ord, signed_text_sha256
         FROM signatories WHERE case_id = ?1 AND (?2 IS NULL OR letter_id = ?2)
         ORDER BY letter_id, position",
    )
    .bind(id)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let lid: String = r.get("id");
        let signatories = sigs
            .iter()
            .filter(|s| s.get::<String, _>("letter_id") == lid)
            .map(|s| signatory_from(id, s))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let addressees = objects(id, "letters.addressees", r.get("addressees"))?
            .iter()
            .map(|a| {
                Ok(Addressee {
                    name: req(id, a, "name")?,
                    title: opt(a, "title"),
                    organisation: opt(a, "organisation"),
                    role: opt(a, "role"),
                    actor: opt(a, "actor"),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.push(Letter {
            title: r.get("title"),
            date: unday(id, "letters.date", r.get("date"))?,
            place: r.get("place"),
            language: r.get("language"),
            coordinator: r.get("coordinator"),
            body: r.get("body"),
            closing: r.get("closing"),
            signatory_order: unname(id, r.get("signatory_order"))?,
            addressees,
            cc: unlist(id, "letters.cc", r.get("cc"))?,
            signatories,
            versions: Vec::new(),
            id: lid,
        });
    }
    super::signon::versions::attach(conn, id, only, &mut out).await?;
    Ok(out)
}

/// A signatory from a row of `signatories` (the columns of a case bundle's signatory).
pub(crate) fn signatory_from(
    case_id: &str,
    r: &sqlx::sqlite::SqliteRow,
) -> Result<Signatory, StoreError> {
    Ok(Signatory {
        organisation: r.get("organisation"),
        country: r.get("country"),
        representative: r.get("representative"),
        url: r.get("url"),
        state: unname(case_id, r.get("state"))?,
        order: r
            .get::<Option<i64>, _>("ord")
            .map(|o| u32::try_from(o).map_err(|e| corrupt(case_id, e.to_string())))
            .transpose()?,
        signed_text_sha256: r.get("signed_text_sha256"),
    })
}
