//! A letter's language versions in SQLite (`letter_versions`, `letter_version_signatures`,
//! migration 0017): written whole with their letter, read back onto it.

use accord_core::{AddresseeText, Letter, LetterVersion, VersionSignature};
use sqlx::{Row, SqliteConnection};

use crate::StoreError;
use crate::codec::{corrupt, unday};

/// Writes a letter's versions and their signatures, replacing what the letter had.
pub(crate) async fn write(
    tx: &mut SqliteConnection,
    case_id: &str,
    letter: &Letter,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM letter_versions WHERE case_id = ? AND letter_id = ?")
        .bind(case_id)
        .bind(&letter.id)
        .execute(&mut *tx)
        .await?;
    for (i, v) in letter.versions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO letter_versions (case_id, letter_id, lang, position, title, place, body,
                 closing, translated_by, translated_at, original_sha256, addressees, cc)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(case_id)
        .bind(&letter.id)
        .bind(&v.lang)
        .bind(i64::try_from(i).map_err(|e| corrupt(case_id, e.to_string()))?)
        .bind(&v.title)
        .bind(&v.place)
        .bind(&v.body)
        .bind(&v.closing)
        .bind(&v.translated_by)
        .bind(v.translated_at.map(|d| d.to_string()))
        .bind(&v.original_sha256)
        .bind(addressees_json(&v.addressees))
        .bind((!v.cc.is_empty()).then(|| serde_json::json!(v.cc).to_string()))
        .execute(&mut *tx)
        .await?;
        for s in &v.signatures {
            sqlx::query(
                "INSERT INTO letter_version_signatures (case_id, letter_id, lang, position, sha256)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(case_id)
            .bind(&letter.id)
            .bind(&v.lang)
            .bind(i64::from(s.signatory))
            .bind(&s.sha256)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

/// Puts on each letter of `letters` (of case `case_id`) its versions, in the order they were
/// added, with their signatures by signatory position.
pub(crate) async fn attach(
    conn: &mut SqliteConnection,
    case_id: &str,
    only: Option<&str>,
    letters: &mut [Letter],
) -> Result<(), StoreError> {
    let rows = sqlx::query(
        "SELECT letter_id, lang, title, place, body, closing, translated_by, translated_at,
                original_sha256, addressees, cc
         FROM letter_versions WHERE case_id = ?1 AND (?2 IS NULL OR letter_id = ?2)
         ORDER BY letter_id, position",
    )
    .bind(case_id)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(());
    }
    let sigs = sqlx::query(
        "SELECT letter_id, lang, position, sha256 FROM letter_version_signatures
         WHERE case_id = ?1 AND (?2 IS NULL OR letter_id = ?2)
         ORDER BY letter_id, lang, position",
    )
    .bind(case_id)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    for r in rows {
        let letter_id: String = r.get("letter_id");
        let lang: String = r.get("lang");
        let signatures = sigs
            .iter()
            .filter(|s| {
                s.get::<String, _>("letter_id") == letter_id && s.get::<String, _>("lang") == lang
            })
            .map(|s| {
                Ok(VersionSignature {
                    signatory: u32::try_from(s.get::<i64, _>("position"))
                        .map_err(|e| corrupt(case_id, e.to_string()))?,
                    sha256: s.get("sha256"),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let translated_at = r
            .get::<Option<String>, _>("translated_at")
            .map(|d| unday(case_id, "letter_versions.translated_at", &d))
            .transpose()?;
        let version = LetterVersion {
            lang,
            title: r.get("title"),
            place: r.get("place"),
            body: r.get("body"),
            closing: r.get("closing"),
            translated_by: r.get("translated_by"),
            translated_at,
            original_sha256: r.get("original_sha256"),
            signatures,
            addressees: addressees_of(case_id, r.get("addressees"))?,
            cc: cc_of(case_id, r.get("cc"))?,
        };
        if let Some(letter) = letters.iter_mut().find(|l| l.id == letter_id) {
            letter.versions.push(version);
        }
    }
    Ok(())
}

/// Records a signatory's (by position) signature on the letter's version in `lang`, replacing
/// an earlier one; `NotFound` when the letter has no such version.
pub(crate) async fn sign(
    tx: &mut SqliteConnection,
    case_id: &str,
    letter_id: &str,
    lang: &str,
    position: i64,
    sha256: &str,
) -> Result<(), StoreError> {
    let exists: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM letter_versions WHERE case_id = ? AND letter_id = ? AND lang = ?",
    )
    .bind(case_id)
    .bind(letter_id)
    .bind(lang)
    .fetch_optional(&mut *tx)
    .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound {
            what: "letter version",
            id: format!("{case_id}/{letter_id}/{lang}"),
        });
    }
    sqlx::query("DELETE FROM letter_version_signatures WHERE case_id = ? AND letter_id = ? AND lang = ? AND position = ?")
        .bind(case_id)
        .bind(letter_id)
        .bind(lang)
        .bind(position)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO letter_version_signatures (case_id, letter_id, lang, position, sha256) VALUES (?, ?, ?, ?, ?)")
        .bind(case_id)
        .bind(letter_id)
        .bind(lang)
        .bind(position)
        .bind(sha256)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// A version's addressees as the `addressees` column holds them: a JSON array of
/// `{"name", "title", "organisation", "role"}`, or NULL when it prints the original's.
fn addressees_json(addressees: &[AddresseeText]) -> Option<String> {
    if addressees.is_empty() {
        return None;
    }
    let list: Vec<serde_json::Value> = addressees
        .iter()
        .map(|a| {
            serde_json::json!({
                "name": a.name, "title": a.title, "organisation": a.organisation, "role": a.role,
            })
        })
        .collect();
    Some(serde_json::Value::Array(list).to_string())
}

/// The `addressees` column read back; anything but what [`addressees_json`] writes is corrupt.
fn addressees_of(case_id: &str, column: Option<String>) -> Result<Vec<AddresseeText>, StoreError> {
    let Some(text) = column else {
        return Ok(Vec::new());
    };
    let bad = |what: &str| corrupt(case_id, format!("letter_versions.addressees: {what}"));
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
    let list = value.as_array().ok_or_else(|| bad("not an array"))?;
    list.iter()
        .map(|a| {
            let field = |k: &str| {
                a.get(k)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            };
            Ok(AddresseeText {
                name: field("name").ok_or_else(|| bad("an addressee without a name"))?,
                title: field("title"),
                organisation: field("organisation"),
                role: field("role"),
            })
        })
        .collect()
}

/// The `cc` column read back: a JSON array of strings, or NULL.
fn cc_of(case_id: &str, column: Option<String>) -> Result<Vec<String>, StoreError> {
    let Some(text) = column else {
        return Ok(Vec::new());
    };
    serde_json::from_str(&text).map_err(|e| corrupt(case_id, format!("letter_versions.cc: {e}")))
}
