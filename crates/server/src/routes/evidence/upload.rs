//! Receiving an evidence file: the incident page's multipart form, streamed into the action layer.
//!
//! The capture fields come first and are read whole (each at most [`MAX_FIELD`] bytes); the file
//! part, which must come after them, is never read whole: its chunks are handed to
//! `Actions::add_evidence` as an `AsyncRead`, which hashes and stores them as they arrive.

use accord_actions::NewEvidence;
use accord_core::{Capture, CustodyAction, Derivation};
use axum::extract::Multipart;
use axum::extract::multipart::Field;
use axum::extract::{Path, State};
use axum::response::Response;
use futures_util::TryStreamExt;
use tokio_util::io::StreamReader;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::routes::see_other;
use crate::upload_csrf::StreamedMultipart;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

/// The largest text field of the upload form (a note can be long; a capture field is short).
const MAX_FIELD: usize = 64 * 1024;
/// The most parts an upload form may have (it has eleven).
const MAX_PARTS: usize = 32;

/// What the form says about the file, as typed.
#[derive(Debug, Default)]
pub(crate) struct CaptureFields {
    pub id: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub captured_at: Option<String>,
    pub captured_by: Option<String>,
    pub source_url: Option<String>,
    pub method: Option<String>,
    pub tool: Option<String>,
    pub place: Option<String>,
    /// `public`, `case` (when absent) or `restricted`.
    pub sensitivity: Option<String>,
    /// For a restricted file: members' e-mail addresses, separated by commas.
    pub restricted_to: Option<String>,
}

impl CaptureFields {
    /// Take one named value; `false` for a name this record does not have.
    pub(crate) fn set(&mut self, name: &str, value: &str) -> bool {
        let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let slot = match name {
            "id" => &mut self.id,
            "source" => &mut self.source,
            "note" => &mut self.note,
            "captured_at" => &mut self.captured_at,
            "captured_by" => &mut self.captured_by,
            "source_url" => &mut self.source_url,
            "method" => &mut self.method,
            "tool" => &mut self.tool,
            "place" => &mut self.place,
            "sensitivity" => &mut self.sensitivity,
            "restricted_to" => &mut self.restricted_to,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The action's input for a file of this name documenting `incident`.
    pub(crate) fn into_new(
        self,
        file_name: String,
        incident: Option<String>,
    ) -> Result<NewEvidence, AppError> {
        let sensitivity = match self.sensitivity.as_deref() {
            None => accord_core::Sensitivity::Case,
            Some(name) => <accord_core::Sensitivity as accord_core::Named>::from_name(name)
                .map_err(|e| AppError::invalid("sensitivity", e.to_string()))?,
        };
        let restricted_to = self
            .restricted_to
            .iter()
            .flat_map(|r| r.split(','))
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(NewEvidence {
            id: self.id,
            file_name,
            incident,
            source: self.source,
            note: self.note,
            capture: Capture {
                captured_at: self.captured_at.map(|t| utc_time(&t)),
                captured_by: self.captured_by,
                source_url: self.source_url,
                method: self.method,
                tool: self.tool,
                place: self.place,
            },
            derived_from: None,
            sensitivity,
            restricted_to,
        })
    }
}

/// A browser's `datetime-local` value (`2030-04-02T09:30`, no zone) read as UTC, which the form's
/// label says it is: seconds and `Z` are added. Anything else is passed on for the record's
/// validation to judge.
fn utc_time(t: &str) -> String {
    let b = t.as_bytes();
    match b.len() {
        16 if b[10] == b'T' => format!("{t}:00Z"),
        19 if b[10] == b'T' => format!("{t}Z"),
        _ => t.to_owned(),
    }
}

/// `POST /cases/{id}/incidents/{incident}/evidence`: the incident page's upload form.
pub(crate) async fn html(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident)): Path<(String, String)>,
    StreamedMultipart(mut form): StreamedMultipart,
) -> Result<Response, AppError> {
    // Access first: nothing of the body is read for someone who may not upload.
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    // An incident this editor may not see does not exist for them.
    if !Visibility::load(&state, &access)
        .await?
        .sees_incident(&incident)
    {
        return Err(AppError::NotFound);
    }
    let ev = receive(&state, &viewer, &id, &mut form, |file_name, fields, _| {
        fields.into_new(file_name, Some(incident))
    })
    .await?;
    tracing::info!(case = %id, evidence = %ev.id, sha256 = %ev.sha256, size = ev.size, "evidence received");
    Ok(see_other(&format!(
        "/cases/{id}/evidence/{}?saved=1",
        ev.id
    )))
}

/// `POST /cases/{id}/evidence/{evidence}/copies`: a working copy (a redaction, a transcript, a
/// clip) of an item, received as an item of its own that names its original; the original is
/// not touched, and its chain of custody records that a copy was derived from it.
pub(crate) async fn copy(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, original)): Path<(String, String)>,
    StreamedMultipart(mut form): StreamedMultipart,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let orig = Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &original)
        .await?;
    let mut what = String::new();
    let ev = receive(
        &state,
        &viewer,
        &id,
        &mut form,
        |file_name, mut fields, other| {
            what = other
                .iter()
                .find(|(k, _)| k == "what")
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| AppError::invalid("what", "say what was done to the original"))?;
            if fields.source.is_none() {
                fields.source.clone_from(&orig.source);
            }
            // A copy is as sensitive as its original unless the form says otherwise.
            if fields.sensitivity.is_none() {
                fields.sensitivity = Some(accord_core::Named::as_str(orig.sensitivity).to_owned());
                fields.restricted_to = Some(orig.restricted_to.join(","));
            }
            let mut new = fields.into_new(file_name, orig.incident.clone())?;
            new.derived_from = Some(Derivation {
                original: orig.id.clone(),
                what: what.clone(),
            });
            Ok(new)
        },
    )
    .await?;
    state
        .actions
        .add_custody(
            &id,
            &orig.id,
            CustodyAction::Derived,
            Some(format!("working copy {}: {what}", ev.id)),
            &viewer.audit_name(),
        )
        .await?;
    tracing::info!(case = %id, evidence = %ev.id, original = %orig.id, "working copy received");
    Ok(see_other(&format!(
        "/cases/{id}/evidence/{}?saved=1",
        ev.id
    )))
}

/// Read the form's text parts up to the file part, make the record's input from them (`make`
/// gets the file's name, the capture fields and the parts the capture record does not name),
/// then stream the file part into the action layer.
async fn receive(
    state: &AppState,
    viewer: &Viewer,
    case: &str,
    form: &mut Multipart,
    make: impl FnOnce(String, CaptureFields, &[(String, String)]) -> Result<NewEvidence, AppError>,
) -> Result<accord_core::Evidence, AppError> {
    let mut fields = CaptureFields::default();
    let mut other = Vec::new();
    let mut parts = 0;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?
    {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::BadRequest("the form has too many fields".into()));
        }
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().trim().to_owned();
            if file_name.is_empty() {
                return Err(AppError::invalid("file", "choose a file to upload"));
            }
            let new = make(file_name, fields, &other)?;
            return store_field(state, viewer, case, new, field).await;
        }
        let value = read_text(field).await?;
        if !fields.set(&name, &value) {
            other.push((name, value));
        }
    }
    Err(AppError::invalid("file", "choose a file to upload"))
}

/// Stream a file part into the action layer.
async fn store_field(
    state: &AppState,
    viewer: &Viewer,
    case: &str,
    new: NewEvidence,
    field: Field<'_>,
) -> Result<accord_core::Evidence, AppError> {
    let mut reader = StreamReader::new(field.map_err(std::io::Error::other));
    Ok(state
        .actions
        .add_evidence(
            case,
            new,
            &mut reader,
            state.config.upload_limit,
            &viewer.audit_name(),
        )
        .await?)
}

/// A text part, read whole up to [`MAX_FIELD`] bytes.
async fn read_text(mut field: Field<'_>) -> Result<String, AppError> {
    let name = field.name().unwrap_or_default().to_owned();
    let mut bytes = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?
    {
        if bytes.len() + chunk.len() > MAX_FIELD {
            return Err(AppError::invalid(&name, "is too long"));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AppError::invalid(&name, "is not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::utc_time;

    #[test]
    fn a_browser_time_is_read_as_utc() {
        for (typed, stored) in [
            ("2030-04-02T09:30", "2030-04-02T09:30:00Z"),
            ("2030-04-02T09:30:15", "2030-04-02T09:30:15Z"),
            ("2030-04-02T09:30:15Z", "2030-04-02T09:30:15Z"),
            ("yesterday", "yesterday"),
        ] {
            assert_eq!(utc_time(typed), stored, "{typed}");
        }
    }
}
