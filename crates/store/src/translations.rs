//! A record's languages as stored: its canonical JSON (the body of a `translation` record
//! version, `record.rs`) is also what the `translations` table keeps, so both backends write
//! and read one spelling.

use accord_core::translation::{RecordLanguages, RecordTranslation, TextKind, TranslatedField};
use accord_core::{Day, Named};
use serde_json::{Value, json};

use crate::StoreError;
use crate::codec::corrupt;

/// The id a record's languages have in the log: `<kind>/<record id>`.
pub fn log_id(kind: TextKind, id: &str) -> String {
    format!("{}/{id}", kind.as_str())
}

/// The canonical JSON: keys in a fixed order, every optional field present.
pub(crate) fn to_json(r: &RecordLanguages) -> Value {
    json!({
        "kind": r.kind.as_str(),
        "id": r.id,
        "original": r.original,
        "translations": r.translations.iter().map(|t| json!({
            "lang": t.lang,
            "by": t.by,
            "at": t.at.map(|d| d.to_string()),
            "fields": t.fields.iter().map(|f| json!({
                "field": f.field,
                "text": f.text,
                "original_sha256": f.original_sha256,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Read a stored body back; anything but what [`to_json`] writes is corruption.
pub(crate) fn from_json(case: &str, body: &str) -> Result<RecordLanguages, StoreError> {
    let bad = |what: &str| corrupt(case, format!("translations: {what} in {body:?}"));
    let v: Value = serde_json::from_str(body).map_err(|_| bad("not JSON"))?;
    let text = |v: &Value, key: &str| -> Result<String, StoreError> {
        v.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| bad(key))
    };
    let opt = |v: &Value, key: &str| -> Result<Option<String>, StoreError> {
        match v.get(key) {
            Some(Value::Null) | None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad(key)),
        }
    };
    let kind = TextKind::from_name(&text(&v, "kind")?).map_err(|_| bad("kind"))?;
    let mut translations = Vec::new();
    for t in v
        .get("translations")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("translations"))?
    {
        let at = match opt(t, "at")? {
            Some(d) => Some(Day::parse(&d).map_err(|_| bad("at"))?),
            None => None,
        };
        let mut fields = Vec::new();
        for f in t
            .get("fields")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("fields"))?
        {
            fields.push(TranslatedField {
                field: text(f, "field")?,
                text: text(f, "text")?,
                original_sha256: opt(f, "original_sha256")?,
            });
        }
        translations.push(RecordTranslation {
            lang: text(t, "lang")?,
            fields,
            by: opt(t, "by")?,
            at,
        });
    }
    Ok(RecordLanguages {
        kind,
        id: text(&v, "id")?,
        original: opt(&v, "original")?,
        translations,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn a_body_reads_back_as_written() {
        let r = RecordLanguages {
            kind: TextKind::Provision,
            id: "FPA Art. 3(1)".into(),
            original: Some("km".into()),
            translations: vec![RecordTranslation {
                lang: "fr".into(),
                fields: vec![TranslatedField {
                    field: "text".into(),
                    text: "« Liberté »".into(),
                    original_sha256: Some("ab".repeat(32)),
                }],
                by: None,
                at: Some(Day::parse("2030-01-02").unwrap()),
            }],
        };
        let body = to_json(&r).to_string();
        assert_eq!(from_json("c", &body).unwrap(), r);
        assert!(from_json("c", "{\"kind\":\"nope\"}").is_err());
    }
}
