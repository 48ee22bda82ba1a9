//! Restricted records at rest: their text sealed with the instance's data key (the rules every
//! backend shares; the SQL that reads and rewrites rows is each store's `sealing` module).
//!
//! When the instance has keys, an incident, actor or source whose sensitivity is `restricted`
//! keeps in its row only what queries and access checks need (ids, dates, kind, links, who may
//! see it); its text goes into the row's `sealed` column as one JSON object sealed with
//! [`Vault::seal_field`], bound to the record's kind, case and id (a sealed value copied into
//! another row does not open), and the text columns hold placeholders. Versions of such a record
//! keep their canonical JSON sealed the same way (`record_versions.sealed_body`). Without keys
//! nothing is sealed and the text is stored as before; `accord keys encrypt-existing` seals it
//! later.
//!
//! Reading needs the keys: a sealed row read by a store that has none is an error
//! ([`StoreError::Sealed`]), never a record with empty text.

use accord_core::Sensitivity;
use accord_vault::Vault;
use serde_json::Value;

use crate::StoreError;

/// The keys a store seals and opens with: `None` when the instance has none.
pub(crate) type Keys<'a> = Option<&'a std::sync::Arc<Vault>>;

/// The kinds of row whose text can be sealed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Row {
    Incident,
    Actor,
    Source,
    Evidence,
    /// A version of any record (its canonical JSON), with its number.
    Version(crate::RecordKind, i64),
}

impl Row {
    fn context(self, case: &str, id: &str) -> Vec<u8> {
        // Unambiguous: case and record ids hold no NUL.
        let label = match self {
            Row::Incident => "incident".to_owned(),
            Row::Actor => "actor".to_owned(),
            Row::Source => "source".to_owned(),
            Row::Evidence => "evidence".to_owned(),
            Row::Version(kind, n) => format!("version\0{}\0{n}", kind.as_str()),
        };
        format!("accord row\0{label}\0{case}\0{id}").into_bytes()
    }

    fn what(self) -> &'static str {
        match self {
            Row::Incident => "incident",
            Row::Actor => "actor",
            Row::Source => "source",
            Row::Evidence => "evidence item",
            Row::Version(..) => "record version",
        }
    }
}

/// Whether a record with this sensitivity is sealed when the store has `keys`.
pub(crate) fn seals(keys: Keys<'_>, sensitivity: Sensitivity) -> bool {
    keys.is_some() && sensitivity == Sensitivity::Restricted
}

/// Seal `plain` (bytes of the row's text) for the row `case`/`id`.
pub(crate) fn seal(
    vault: &Vault,
    row: Row,
    case: &str,
    id: &str,
    plain: &[u8],
) -> Result<Vec<u8>, StoreError> {
    vault
        .seal_field(&row.context(case, id), plain)
        .map_err(|e| StoreError::Sealed {
            what: row.what(),
            id: id.to_owned(),
            reason: e.to_string(),
        })
}

/// Seal a JSON object holding the row's text.
pub(crate) fn seal_json(
    vault: &Vault,
    row: Row,
    case: &str,
    id: &str,
    text: &Value,
) -> Result<Vec<u8>, StoreError> {
    seal(vault, row, case, id, text.to_string().as_bytes())
}

/// Open what [`seal`] sealed for the row `case`/`id`.
pub(crate) fn open(
    keys: Keys<'_>,
    row: Row,
    case: &str,
    id: &str,
    sealed: &[u8],
) -> Result<String, StoreError> {
    let failed = |reason: String| StoreError::Sealed {
        what: row.what(),
        id: id.to_owned(),
        reason,
    };
    let vault = keys.ok_or_else(|| {
        failed("its text is sealed and this store was opened without the instance's keys".into())
    })?;
    let plain = vault
        .open_field(&row.context(case, id), sealed)
        .map_err(|e| failed(e.to_string()))?;
    String::from_utf8(plain.to_vec()).map_err(|_| failed("sealed text is not UTF-8".into()))
}

/// Open a sealed JSON object of a row's text.
pub(crate) fn open_json(
    keys: Keys<'_>,
    row: Row,
    case: &str,
    id: &str,
    sealed: &[u8],
) -> Result<Value, StoreError> {
    let text = open(keys, row, case, id, sealed)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Sealed {
        what: row.what(),
        id: id.to_owned(),
        reason: format!("sealed text is not a JSON object: {e}"),
    })
}

/// A string field of an opened object ("" when absent).
pub(crate) fn text(v: &Value, field: &str) -> String {
    v.get(field)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// An optional string field of an opened object.
pub(crate) fn opt_text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_owned)
}

/// A list of strings of an opened object.
pub(crate) fn texts(v: &Value, field: &str) -> Vec<String> {
    v.get(field)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
