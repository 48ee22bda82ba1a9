//! What the search index reads of a case besides its incidents: its actors, its instruments
//! with their provisions (few, read whole) and the sources asked for (a case has about as many
//! as incidents: the index's catch-up reads those a write named, its start the restricted ones).

use sqlx::PgConnection;

use super::case_io::{self, SourceSelection};
use crate::{SearchRecords, SourcePick, StoreError};

/// Sources whose id is in `?2` (a JSON list).
const SOURCES_BY_ID: &str = "id = ANY(ARRAY(SELECT json_array_elements_text($2::json)))";
/// Sources of the sensitivity `?2`.
const SOURCES_OF_SENSITIVITY: &str = "sensitivity = $2";

pub(crate) async fn load(
    conn: &mut PgConnection,
    keys: super::sealing::Keys<'_>,
    id: &str,
    sources: SourcePick<'_>,
) -> Result<Option<SearchRecords>, StoreError> {
    if case_io::load_head(conn, id).await?.is_none() {
        return Ok(None);
    }
    let ids;
    let selection = match sources {
        SourcePick::All => SourceSelection::All,
        SourcePick::Ids(wanted) => {
            ids = serde_json::Value::from(wanted.to_vec()).to_string();
            SourceSelection::Where {
                condition: SOURCES_BY_ID,
                param: &ids,
            }
        }
        SourcePick::Restricted => SourceSelection::Where {
            condition: SOURCES_OF_SENSITIVITY,
            param: "restricted",
        },
    };
    Ok(Some(SearchRecords {
        actors: case_io::load_actors(conn, keys, id).await?,
        sources: case_io::load_sources(conn, keys, id, selection).await?,
        instruments: case_io::load_instruments(conn, id).await?,
    }))
}
