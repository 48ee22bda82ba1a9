//! The web's table import (issue 15): upload a CSV or XLSX file, see its first rows, the mapping
//! and what an import would create, update and leave alone; then import.
//!
//! Plain HTML forms. The upload is `multipart/form-data` with its CSRF token in the action's query
//! string (`upload_csrf.rs`), read whole but bounded ([`MAX_FILE`]). Nothing is kept on the
//! server between the preview and the import: the preview's form carries the file back (base64
//! in a hidden field) with the mapping as the editor corrected it, and the import checks
//! everything again. Both steps go through `Actions::import_table` (the preview as a dry run).

use std::sync::Arc;

use accord_actions::{TableImport, TableReport};
use accord_tables::read::{self, Rows, TableRows};
use accord_tables::{Format, Mapping};
use axum::extract::multipart::Multipart;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use minijinja::context;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::upload_csrf::StreamedMultipart;
use crate::{AppError, AppState};

/// The largest file the web imports (bigger files: `accord import` on the command line).
const MAX_FILE: usize = 8 * 1024 * 1024;
/// The largest text field (the mapping).
const MAX_FIELD: usize = 64 * 1024;
/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;
/// Problems listed on a page.
const SHOWN_PROBLEMS: usize = 100;

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/import", get(form).post(upload))
}

async fn form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let ctx = context! { title => state.text(viewer.lang, "timeline-import"), step => "upload" };
    Ok(state
        .page(&viewer, "import.html", with_case(&access, ctx))?
        .into_response())
}

/// What the form sent.
#[derive(Default)]
struct Upload {
    format: Option<String>,
    mapping: Option<String>,
    step: Option<String>,
    file_name: Option<String>,
    file: Option<Vec<u8>>,
}

async fn read_form(form: &mut Multipart) -> Result<Upload, AppError> {
    let mut out = Upload::default();
    let mut parts = 0;
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|e| AppError::invalid("file", e.to_string()))?
    {
        parts += 1;
        if parts > 8 {
            return Err(AppError::invalid("file", "too many fields in the form"));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if matches!(name.as_str(), "file" | "file_data") {
            MAX_FILE * 4 / 3 + 4
        } else {
            MAX_FIELD
        };
        if name == "file" {
            out.file_name = field.file_name().map(str::to_owned);
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|e| AppError::invalid(&name, e.to_string()))?
        {
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::invalid(
                    &name,
                    format!(
                        "larger than {} MiB: import big files with accord import on the command line",
                        MAX_FILE / (1024 * 1024)
                    ),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "format" => out.format = Some(text()),
            "mapping" => out.mapping = Some(text()),
            "step" => out.step = Some(text()),
            "file_name" => out.file_name = Some(text()),
            "file" if !bytes.is_empty() => out.file = Some(bytes),
            "file_data" if !bytes.is_empty() => {
                let decoded = base64::engine::general_purpose::STANDARD
                    .decode(bytes.trim_ascii())
                    .map_err(|_| {
                        AppError::invalid(
                            "file",
                            "the file did not come back whole; upload it again",
                        )
                    })?;
                out.file = Some(decoded);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A file opened: its header, its rows to import and the first rows to show.
type Opened = (Vec<String>, Box<dyn Rows>, Vec<Vec<String>>);

/// The file's header and rows (XLSX by its zip signature, else CSV).
fn open(bytes: &[u8], mapping: Option<&Mapping>) -> Result<Opened, AppError> {
    let bad = |e: read::ReadError| AppError::invalid("file", e.to_string());
    let table = if bytes.starts_with(b"PK\x03\x04") {
        read::xlsx(bytes, mapping.and_then(|m| m.sheet.as_deref())).map_err(bad)?
    } else {
        read::csv_table(bytes).map_err(bad)?.0
    };
    let preview = table.rows.iter().take(PREVIEW_ROWS).cloned().collect();
    if bytes.starts_with(b"PK\x03\x04") {
        Ok((
            table.headers.clone(),
            Box::new(TableRows::new(table)),
            preview,
        ))
    } else {
        // CSV is mapped as it is read, so that a row that is not UTF-8 is named as such.
        let (headers, rows) = read::csv(std::io::Cursor::new(bytes.to_vec())).map_err(bad)?;
        Ok((headers, Box::new(rows), preview))
    }
}

async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    StreamedMultipart(mut form): StreamedMultipart,
) -> Result<Response, AppError> {
    // Access first: nothing of the body is read for someone who may not import.
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let up = read_form(&mut form).await?;
    let format_name = up.format.as_deref().unwrap_or("table");
    let format = Format::from_name(format_name)
        .ok_or_else(|| AppError::invalid("format", "acled, uwazi, pax or table"))?;
    let file = up
        .file
        .ok_or_else(|| AppError::invalid("file", "choose a CSV or XLSX file"))?;
    let mapping_text = up.mapping.unwrap_or_default();
    let mapping = if mapping_text.trim().is_empty() {
        None
    } else {
        Some(
            Mapping::parse(&mapping_text)
                .map_err(|e| AppError::invalid("mapping", e.to_string()))?,
        )
    };
    let (headers, rows, preview) = open(&file, mapping.as_ref())?;
    // A spreadsheet with no mapping yet: the one guessed from its header, to check.
    let mapping = match (format, mapping) {
        (Format::Table, None) => Some(Mapping::suggest(&headers)),
        (_, m) => m,
    };
    let importing = up.step.as_deref() == Some("import");
    let request = TableImport {
        case: id.clone(),
        title: None,
        format,
        mapping: mapping.clone(),
        dry_run: !importing,
        skip_bad: false,
    };
    let report = state
        .actions
        .import_table(
            &request,
            headers.clone(),
            rows,
            Arc::new(|_| {}),
            &viewer.audit_name(),
        )
        .await?;
    let ctx = context! {
        title => state.text(viewer.lang, "timeline-import"),
        step => if importing { "done" } else { "preview" },
        format => format.as_str(),
        file_name => up.file_name.unwrap_or_default(),
        file_data => if importing { String::new() } else { base64::engine::general_purpose::STANDARD.encode(&file) },
        mapping => mapping.map(|m| m.to_toml()).unwrap_or_default(),
        headers => headers,
        preview => preview,
        report => report_ctx(&state.say(viewer.lang), &report),
    };
    Ok(state
        .page(&viewer, "import.html", with_case(&access, ctx))?
        .into_response())
}

/// The report of an import or a dry run; each row problem said in the reader's language when
/// its kind is known (`refusals`), else in English under a translated introduction.
fn report_ctx(say: &crate::i18n::Say<'_>, r: &TableReport) -> minijinja::Value {
    let kinds = |k: &accord_store::KindCounts| {
        context! { incidents => k.incidents, actors => k.actors, sources => k.sources, instruments => k.instruments }
    };
    let problems: Vec<minijinja::Value> = r
        .problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| {
            let message = crate::refusals::beside_field(say, &p.message);
            context! { row => p.row, column => &p.column, value => &p.value, message }
        })
        .collect();
    context! {
        created => kinds(&r.counts.created),
        updated => kinds(&r.counts.updated),
        unchanged => r.counts.unchanged,
        rows => r.rows,
        problems,
        more_problems => r.problems.len().saturating_sub(SHOWN_PROBLEMS),
        bad_rows => r.bad_rows.len(),
        written => r.written,
    }
}
