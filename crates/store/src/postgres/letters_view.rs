//! What composing a case's letters reads, and no more: the letter pages, their downloads and the
//! sign pages run on a published case of any size without reading its incidents.
//!
//! A letter's body can quote any provision, cite a source by id, and list the incidents behind
//! any finding or mechanism (`accord-letters`). So the case head, its instruments with their
//! provisions, its actors (addressees may name one), mechanisms and findings are read whole:
//! they are few. Incidents are many: only those a finding names are read (a mechanism's list is
//! made of its findings' incidents), as for trigger evaluation. Sources are as many as the
//! incidents: only those the read incidents cite, and those whose id is written in a letter's
//! body (how `cite("id")` names one), are read. A body that builds an id from pieces finds its
//! source missing here; the caller can compose from the whole case then (`Store::load_case`).

use std::collections::BTreeSet;

use serde_json::Value;
use sqlx::PgConnection;

use super::case_io::{self, IncidentSelection, SourceSelection};
use crate::StoreError;
use crate::codec::corrupt;

/// Sources cited by an incident that a finding names, or whose id is in `?2` (a JSON list).
const SOURCES_FOR_LETTERS: &str = "id IN (
        SELECT j.value FROM finding_incidents f
        JOIN incidents i ON i.case_id = f.case_id AND i.id = f.incident_id, json_array_elements_text(i.sources::json) AS j(value)
        WHERE f.case_id = $1)
    OR id = ANY(ARRAY(SELECT json_array_elements_text($2::json)))";

/// The case with what its letters (or its letter `only`) need to compose; see the module doc.
pub(crate) async fn load(
    conn: &mut PgConnection,
    keys: super::sealing::Keys<'_>,
    id: &str,
    only: Option<&str>,
) -> Result<Option<accord_core::ValidCase>, StoreError> {
    let Some(mut case) = case_io::load_head(conn, id).await? else {
        return Ok(None);
    };
    case.letters = case_io::load_letters(conn, id, only).await?;
    let words = Value::from(
        body_words(case.letters.iter().map(|l| l.body.as_str()))
            .into_iter()
            .collect::<Vec<_>>(),
    )
    .to_string();
    case.instruments = case_io::load_instruments(conn, id).await?;
    case.actors = case_io::load_actors(conn, keys, id).await?;
    case.sources = case_io::load_sources(
        conn,
        keys,
        id,
        SourceSelection::Where {
            condition: SOURCES_FOR_LETTERS,
            param: &words,
        },
    )
    .await?;
    case.incidents =
        case_io::load_incidents(conn, keys, id, IncidentSelection::BehindFindings).await?;
    case.findings = case_io::load_findings(conn, id).await?;
    case.mechanisms = case_io::load_mechanisms(conn, id).await?;
    accord_core::validate(case)
        .map(Some)
        .map_err(|p| corrupt(id, p.to_string()))
}

/// Every word of the bodies that could be a record id (ASCII letters, digits, '.', '_', '-',
/// starting with a letter or digit): a superset of the ids `cite("…")` names in them.
fn body_words<'a>(bodies: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    bodies
        .flat_map(|body| {
            body.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        })
        .filter(|w| accord_core::validate::is_id(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_id_is_a_word_of_the_body() {
        let words = body_words(
            [
                "We write{{ cite(\"gazette-2030.02\") }} and {{cite('src_7')}}.",
                "Second letter: {{ incidents_of(\"fpa-art-9\") }}, then -x and é.",
            ]
            .into_iter(),
        );
        for id in ["gazette-2030.02", "src_7", "fpa-art-9", "We", "cite"] {
            assert!(words.contains(id), "{id} in {words:?}");
        }
        assert!(!words.contains("-x"), "an id starts with a letter or digit");
        assert!(!words.iter().any(|w| w.contains('é') || w.contains('{')));
    }
}
