//! The timeline: incidents grouped by month, with filters, full-text search and pages.

use accord_core::{IncidentKind, Named, Verdict};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::incident_query::{IncidentFilter, page_offset};
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

const PER_PAGE: u32 = 50;

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/timeline", get(timeline))
}

/// The page number (1-based) of a query string, and the offset it starts at.
fn page_number(f: &Fields) -> Result<(u64, u64), AppError> {
    let page = f
        .get("page")
        .map(|p| {
            p.parse::<u64>()
                .map_err(|_| AppError::invalid("page", "must be a page number"))
        })
        .transpose()?
        .unwrap_or(1)
        .max(1);
    Ok((page, page_offset(page, PER_PAGE)?))
}

async fn timeline(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let fields = Fields::from_query(raw.as_deref());
    // A bad filter or page number is explained on the page, which then shows the first page of
    // the whole timeline.
    let (filter, (page_no, offset), mut error) =
        match (IncidentFilter::parse(&fields), page_number(&fields)) {
            (Ok(f), Ok(p)) => (f, p, None),
            (Err(e), _) | (_, Err(e)) => (IncidentFilter::default(), (1, 0), Some(e.to_string())),
        };
    let vis = Visibility::load(&state, &access).await?;
    let page = match filter
        .page(&state, &access.case, &vis, PER_PAGE, offset)
        .await
    {
        Ok(p) => p,
        Err(e @ (AppError::Validation { .. } | AppError::BadRequest(_))) => {
            error = Some(e.to_string());
            IncidentFilter::default()
                .page(&state, &access.case, &vis, PER_PAGE, offset)
                .await?
        }
        Err(e) => return Err(e),
    };
    let refs = vis.shared_refs(crate::case_cache::refs(&state, &access.case).await?);

    // Titles in the reader's language where translated (else the original, marked).
    let titles =
        super::translations::incident_titles(&state, &access.case, &page.items, viewer.lang)
            .await?;
    // Group the page by month of the earliest day (the page is already newest first).
    // A month's name is written once, when a month starts.
    let mut months: Vec<((i32, u32), Vec<Value>)> = Vec::new();
    for i in &page.items {
        let d = i.date.earliest();
        let month = (d.year(), d.month());
        let item = context! { id => &i.id, title => &i.title, shown => titles.get(&i.id), date => viewer.lang.date(i.date), kind => i.kind.as_str(), place => &i.place };
        match months.last_mut() {
            Some((m, items)) if *m == month => items.push(item),
            _ => months.push((month, vec![item])),
        }
    }
    let months: Vec<Value> = months
        .into_iter()
        .map(|((year, month), items)| context! { label => viewer.lang.month_year(year, month), items })
        .collect();
    let pages = page.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let shown = u64::try_from(page.items.len()).unwrap_or(u64::MAX);
    let ctx = context! {
        title => state.text(viewer.lang, "timeline-title"),
        f => context! {
            q => filter.q.as_deref().unwrap_or(""),
            kind => filter.kind.map(Named::as_str).unwrap_or(""),
            actor => filter.actor.as_deref().unwrap_or(""),
            theme => filter.theme.as_deref().unwrap_or(""),
            verdict => filter.verdict.map(Named::as_str).unwrap_or(""),
            from => filter.from.map(|d| d.to_string()).unwrap_or_default(),
            to => filter.to.map(|d| d.to_string()).unwrap_or_default(),
        },
        kinds => IncidentKind::all().map(Named::as_str).collect::<Vec<_>>(),
        verdicts => Verdict::all().map(Named::as_str).collect::<Vec<_>>(),
        actors => &refs.actors,
        themes => &refs.themes,
        total => page.total,
        // The offset is at most i64::MAX (page_offset), so these cannot overflow; saturating
        // all the same, as they are derived from the query string.
        first => offset.saturating_add(1),
        last => offset.saturating_add(shown),
        months,
        page => page_no,
        pages,
        // The download links take the same filters (the page number is ignored there).
        download => fields.with("page", "1"),
        prev => (page_no > 1).then(|| fields.with("page", &(page_no - 1).to_string())),
        next => (page_no < pages).then(|| fields.with("page", &page_no.saturating_add(1).to_string())),
        error,
    };
    let mut r = state
        .page(&viewer, "timeline.html", with_case(&access, ctx))?
        .into_response();
    if r.status().is_success() && fields.get("q").is_some() {
        // Search result pages are personal; keep them out of shared caches.
        r.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(r)
}
