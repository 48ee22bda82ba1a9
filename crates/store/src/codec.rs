//! How domain values are spelled in columns: shared by every backend, so a case reads back the same
//! whatever database holds it.
//!
//! Dates and citations are stored in their canonical text form (the same as in bundles); small
//! lists as JSON arrays.

use accord_core::{Citation, DateSpec, Day, Named};
use serde_json::Value;

use crate::StoreError;

/// A decoding failure, reported as corrupt data for a case.
pub(crate) fn corrupt(case: &str, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        case: case.to_owned(),
        detail: detail.into(),
    }
}

/// A letter's addressees column: a JSON array of objects, in exactly the shape every backend
/// writes and `case_io` reads back.
pub(crate) fn addressees(letter: &accord_core::Letter) -> String {
    let items: Vec<Value> = letter
        .addressees
        .iter()
        .map(|a| {
            serde_json::json!({"name": a.name, "title": a.title, "organisation": a.organisation,
                   "role": a.role, "actor": a.actor})
        })
        .collect();
    Value::from(items).to_string()
}

pub(crate) fn list(items: &[String]) -> String {
    Value::from(items.to_vec()).to_string()
}

pub(crate) fn unlist(case: &str, column: &str, json: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(json).map_err(|e| corrupt(case, format!("{column}: {e}")))
}

pub(crate) fn date(d: Option<DateSpec>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub(crate) fn undate(
    case: &str,
    column: &str,
    s: Option<String>,
) -> Result<Option<DateSpec>, StoreError> {
    s.map(|s| {
        s.parse::<DateSpec>()
            .map_err(|e| corrupt(case, format!("{column}: {e}")))
    })
    .transpose()
}

pub(crate) fn unday(case: &str, column: &str, s: &str) -> Result<Day, StoreError> {
    Day::parse(s).map_err(|e| corrupt(case, format!("{column}: {e}")))
}

pub(crate) fn uncite(case: &str, column: &str, s: &str) -> Result<Citation, StoreError> {
    Citation::parse(s).map_err(|e| corrupt(case, format!("{column}: {e}")))
}

pub(crate) fn unname<T: Named>(case: &str, s: &str) -> Result<T, StoreError> {
    T::from_name(s).map_err(|e| corrupt(case, e.to_string()))
}

pub(crate) fn names<T: Named>(items: &[T]) -> String {
    Value::from(items.iter().map(|v| v.as_str()).collect::<Vec<_>>()).to_string()
}

pub(crate) fn unnames<T: Named>(
    case: &str,
    column: &str,
    json: &str,
) -> Result<Vec<T>, StoreError> {
    unlist(case, column, json)?
        .iter()
        .map(|s| unname(case, s))
        .collect()
}

pub(crate) fn citations(items: &[Citation]) -> String {
    Value::from(items.iter().map(ToString::to_string).collect::<Vec<_>>()).to_string()
}

pub(crate) fn uncitations(
    case: &str,
    column: &str,
    json: &str,
) -> Result<Vec<Citation>, StoreError> {
    unlist(case, column, json)?
        .iter()
        .map(|s| uncite(case, column, s))
        .collect()
}

/// An optional string field of a JSON object.
pub(crate) fn opt(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A required string field of a JSON object.
pub(crate) fn req(case: &str, v: &Value, key: &str) -> Result<String, StoreError> {
    opt(v, key).ok_or_else(|| corrupt(case, format!("missing {key:?} in {v}")))
}

/// Parse a JSON array of objects.
pub(crate) fn objects(case: &str, column: &str, json: &str) -> Result<Vec<Value>, StoreError> {
    serde_json::from_str(json).map_err(|e| corrupt(case, format!("{column}: {e}")))
}
