//! One record's rows in SQLite: an instrument with its provisions, an actor, a source, an
//! incident with its actor and theme rows, a finding, a mechanism, a letter with its signatories.
//! Restricted records are sealed here. A whole case's import (`case_io`), the bulk import's
//! sealed records (`bulk`) and single edits (`records`) write through these.

use accord_core::{
    Actor, Finding, Incident, Instrument, Letter, Mechanism, Named, Provision, Source,
};
use serde_json::{Value, json};
use sqlx::SqliteConnection;

use super::sealing::{Keys, Row as SealedRow, seal_json, seals};
use crate::StoreError;
use crate::codec::{citations, date, list, names};

/// A record's position from its index in a list.
pub(crate) fn pos(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

pub(crate) async fn insert_instrument(
    tx: &mut SqliteConnection,
    case: &str,
    i: usize,
    ins: &Instrument,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO instruments (case_id, id, position, kind, title, date, place, parties, parent, url, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&ins.id)
    .bind(pos(i))
    .bind(ins.kind.as_str())
    .bind(&ins.title)
    .bind(date(ins.date))
    .bind(&ins.place)
    .bind(list(&ins.parties))
    .bind(&ins.parent)
    .bind(&ins.url)
    .bind(&ins.notes)
    .execute(&mut *tx)
    .await?;
    for (j, p) in ins.provisions.iter().enumerate() {
        insert_provision(tx, case, &ins.id, j, p).await?;
    }
    Ok(())
}

/// Insert one provision (also used when a provision is added on its own).
pub(crate) async fn insert_provision(
    tx: &mut SqliteConnection,
    case: &str,
    instrument: &str,
    j: usize,
    p: &Provision,
) -> Result<(), StoreError> {
    let translations: Vec<Value> = p
        .translations
        .iter()
        .map(|t| json!({"lang": t.lang, "text": t.text, "status": t.status.as_str(), "source": t.source}))
        .collect();
    sqlx::query(
        "INSERT INTO provisions (case_id, citation, instrument_id, position, heading, themes, text, text_status, text_source, translations)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(p.citation.to_string())
    .bind(instrument)
    .bind(pos(j))
    .bind(&p.heading)
    .bind(list(&p.themes))
    .bind(&p.text)
    .bind(p.status.as_str())
    .bind(&p.text_source)
    .bind(Value::from(translations).to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(crate) async fn insert_actor(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    i: usize,
    a: &Actor,
) -> Result<(), StoreError> {
    let (name, aliases, country, members, sealed) = match keys {
        Some(vault) if seals(keys, a.sensitivity) => {
            let text = json!({"name": a.name, "aliases": a.aliases, "country": a.country,
                              "members": a.members});
            let sealed = seal_json(vault, SealedRow::Actor, case, &a.id, &text)?;
            (
                String::new(),
                "[]".to_owned(),
                None,
                "[]".to_owned(),
                Some(sealed),
            )
        }
        _ => (
            a.name.clone(),
            list(&a.aliases),
            a.country.clone(),
            list(&a.members),
            None,
        ),
    };
    sqlx::query(
        "INSERT INTO actors (case_id, id, position, kind, name, aliases, country, members,
            sensitivity, restricted_to, sealed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&a.id)
    .bind(pos(i))
    .bind(a.kind.as_str())
    .bind(name)
    .bind(aliases)
    .bind(country)
    .bind(members)
    .bind(a.sensitivity.as_str())
    .bind(list(&a.restricted_to))
    .bind(sealed)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Insert one source (also used when a source is added on its own).
pub(crate) async fn insert_source(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    i: usize,
    s: &Source,
) -> Result<(), StoreError> {
    let (authors, title, publisher, url, note, sealed) = match keys {
        Some(vault) if seals(keys, s.sensitivity) => {
            let text = json!({"authors": s.authors, "title": s.title, "publisher": s.publisher,
                              "url": s.url, "note": s.note});
            let sealed = seal_json(vault, SealedRow::Source, case, &s.id, &text)?;
            (
                "[]".to_owned(),
                String::new(),
                None,
                None,
                None,
                Some(sealed),
            )
        }
        _ => (
            list(&s.authors),
            s.title.clone(),
            s.publisher.clone(),
            s.url.clone(),
            s.note.clone(),
            None,
        ),
    };
    sqlx::query(
        "INSERT INTO sources (case_id, id, position, authors, title, publisher, date, url, accessed, note,
            sensitivity, restricted_to, sealed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&s.id)
    .bind(pos(i))
    .bind(authors)
    .bind(title)
    .bind(publisher)
    .bind(date(s.date))
    .bind(url)
    .bind(s.accessed.map(|d| d.to_string()))
    .bind(note)
    .bind(s.sensitivity.as_str())
    .bind(list(&s.restricted_to))
    .bind(sealed)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Insert one incident with its actors and themes (also used by the incident forms).
pub(crate) async fn insert_incident(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    i: usize,
    inc: &Incident,
) -> Result<(), StoreError> {
    let evidence: Vec<Value> = inc
        .evidence
        .iter()
        .map(|e| json!({"sha256": e.sha256, "name": e.name, "media_type": e.media_type}))
        .collect();
    let evidence = Value::from(evidence);
    let (title, summary, place, evidence, sealed) = match keys {
        Some(vault) if seals(keys, inc.sensitivity) => {
            let text = json!({"title": inc.title, "summary": inc.summary, "place": inc.place,
                              "evidence": evidence});
            let sealed = seal_json(vault, SealedRow::Incident, case, &inc.id, &text)?;
            (String::new(), None, None, "[]".to_owned(), Some(sealed))
        }
        _ => (
            inc.title.clone(),
            inc.summary.clone(),
            inc.place.clone(),
            evidence.to_string(),
            None,
        ),
    };
    sqlx::query(
        "INSERT INTO incidents (case_id, id, position, date, date_start, date_end, title, kind, summary, place, sources, evidence,
            sensitivity, restricted_to, sealed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&inc.id)
    .bind(pos(i))
    .bind(inc.date.to_string())
    .bind(inc.date.earliest().days_since_epoch())
    .bind(inc.date.latest().map(accord_core::Day::days_since_epoch))
    .bind(title)
    .bind(inc.kind.as_str())
    .bind(summary)
    .bind(place)
    .bind(list(&inc.sources))
    .bind(evidence)
    .bind(inc.sensitivity.as_str())
    .bind(list(&inc.restricted_to))
    .bind(sealed)
    .execute(&mut *tx)
    .await?;
    for (k, ar) in inc.actors.iter().enumerate() {
        sqlx::query(
            "INSERT INTO incident_actors (case_id, incident_id, position, actor_id, role) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(case)
        .bind(&inc.id)
        .bind(pos(k))
        .bind(&ar.actor)
        .bind(ar.role.as_str())
        .execute(&mut *tx)
        .await?;
    }
    for (k, t) in inc.themes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO incident_themes (case_id, incident_id, position, theme) VALUES (?, ?, ?, ?)",
        )
        .bind(case)
        .bind(&inc.id)
        .bind(pos(k))
        .bind(t)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Insert one finding with its incident links (also used by the finding forms).
pub(crate) async fn insert_finding(
    tx: &mut SqliteConnection,
    case: &str,
    i: usize,
    f: &Finding,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO findings (case_id, id, position, provision, verdict, status, rationale, author, reviewed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&f.id)
    .bind(pos(i))
    .bind(f.provision.to_string())
    .bind(f.verdict.as_str())
    .bind(f.status.as_str())
    .bind(&f.rationale)
    .bind(&f.author)
    .bind(&f.reviewed_by)
    .execute(&mut *tx)
    .await?;
    for (k, inc) in f.incidents.iter().enumerate() {
        sqlx::query(
            "INSERT INTO finding_incidents (case_id, finding_id, position, incident_id) VALUES (?, ?, ?, ?)",
        )
        .bind(case)
        .bind(&f.id)
        .bind(pos(k))
        .bind(inc)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

pub(crate) async fn insert_mechanism(
    tx: &mut SqliteConnection,
    case: &str,
    i: usize,
    m: &Mechanism,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO mechanisms (case_id, id, position, name, provision, counts, scope_instruments, scope_provisions, requested_by, responsible, consult, action)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&m.id)
    .bind(pos(i))
    .bind(&m.name)
    .bind(m.provision.to_string())
    .bind(names(&m.counts))
    .bind(list(&m.scope_instruments))
    .bind(citations(&m.scope_provisions))
    .bind(list(&m.requested_by))
    .bind(list(&m.responsible))
    .bind(list(&m.consult))
    .bind(&m.action)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Insert one letter with its signatories.
pub(crate) async fn insert_letter(
    tx: &mut SqliteConnection,
    case: &str,
    i: usize,
    l: &Letter,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO letters (case_id, id, position, title, date, place, language, coordinator, body, closing, signatory_order, addressees, cc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case)
    .bind(&l.id)
    .bind(pos(i))
    .bind(&l.title)
    .bind(l.date.to_string())
    .bind(&l.place)
    .bind(&l.language)
    .bind(&l.coordinator)
    .bind(&l.body)
    .bind(&l.closing)
    .bind(l.signatory_order.as_str())
    .bind(crate::codec::addressees(l))
    .bind(list(&l.cc))
    .execute(&mut *tx)
    .await?;
    for (k, s) in l.signatories.iter().enumerate() {
        sqlx::query(
            "INSERT INTO signatories (case_id, letter_id, position, organisation, country, representative, url, state, ord, signed_text_sha256)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(case)
        .bind(&l.id)
        .bind(pos(k))
        .bind(&s.organisation)
        .bind(&s.country)
        .bind(&s.representative)
        .bind(&s.url)
        .bind(s.state.as_str())
        .bind(s.order.map(i64::from))
        .bind(&s.signed_text_sha256)
        .execute(&mut *tx)
        .await?;
    }
    super::signon::versions::write(tx, case, l).await?;
    Ok(())
}
