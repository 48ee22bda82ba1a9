//! The timeline's download: the incidents the current filters show, as a CSV file (or, with
//! `format=uwazi`, a Uwazi CSV), for whoever may read the timeline.
//!
//! What the file holds is what the reader's timeline lists, through the same filters and the
//! same [`Visibility`]: an incident they may not see is not in it, nor is an actor or source they
//! may not see named in it (issue 12's rule, `visibility.rs`).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::incident_query::IncidentFilter;
use crate::routes::table::{Routes, get};
use crate::visibility::Visibility;
use crate::{AppError, AppState};

/// Incidents read per query while the file is built.
const BATCH: u32 = 1_000;
/// The most incidents one download holds (the file is built in memory; a bigger case is
/// exported with `accord export --format`, or downloaded a filter at a time).
const MAX_ROWS: u64 = 100_000;

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/timeline.csv", get(download))
}

/// Actor names and source titles as the reader may see them.
struct Names {
    actors: std::collections::HashMap<String, String>,
    sources: std::collections::HashMap<String, String>,
}

impl accord_tables::export::Names for Names {
    fn actor(&self, id: &str) -> String {
        self.actors
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }
    fn source(&self, id: &str) -> String {
        self.sources
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }
}

async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let fields = Fields::from_query(raw.as_deref());
    let filter = IncidentFilter::parse(&fields)?;
    let uwazi = match fields.get("format") {
        None | Some("csv") => false,
        Some("uwazi") => true,
        Some(_) => return Err(AppError::invalid("format", "csv or uwazi")),
    };
    let vis = Visibility::load(&state, &access).await?;
    let mut incidents = Vec::new();
    let mut offset = 0u64;
    loop {
        let page = filter
            .page(&state, &access.case, &vis, BATCH, offset)
            .await?;
        let n = u64::try_from(page.items.len()).unwrap_or(u64::MAX);
        incidents.extend(page.items);
        offset = offset.saturating_add(n);
        if n == 0 || offset >= page.total {
            break;
        }
        if offset >= MAX_ROWS {
            return Err(AppError::invalid(
                "timeline",
                format!(
                    "more than {MAX_ROWS} incidents: narrow the filters, or export the case with accord export --format"
                ),
            ));
        }
    }
    let refs = vis.refs(
        crate::case_cache::refs(&state, &access.case)
            .await?
            .as_ref()
            .clone(),
    );
    // The titles of the sources these incidents cite, read by id (a case may have hundreds of
    // thousands), in reads of `BATCH` ids.
    let cited: Vec<String> = incidents
        .iter()
        .flat_map(|i| i.sources.iter().cloned())
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect();
    let mut sources = std::collections::HashMap::new();
    for ids in cited.chunks(BATCH as usize) {
        for s in vis.sources(&state, &id, ids).await? {
            sources.insert(s.id, s.title);
        }
    }
    let names = Names {
        actors: refs.actors.into_iter().collect(),
        sources,
    };
    let listed: Vec<&accord_core::Incident> = incidents.iter().collect();
    let (sheet, safe, suffix) = if uwazi {
        (
            accord_tables::export::uwazi(&names, &listed),
            false,
            "uwazi",
        )
    } else {
        (
            accord_tables::export::incidents(&names, &listed),
            true,
            "timeline",
        )
    };
    let body = accord_tables::export::to_csv(&sheet, safe);
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    // The case id is an id (letters, digits, '.', '_', '-'): safe in a quoted file name.
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}-{suffix}.csv\"",
        access.case.id
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}
