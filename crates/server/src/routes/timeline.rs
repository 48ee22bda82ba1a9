//! The timeline: incidents grouped by month, with filters, full-text search and pages.

use accord_core::{Day, IncidentKind, Named, Verdict};
use accord_search::SearchQuery;
use accord_store::{Page, TimelineFilter};
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::with_case;
use crate::search_sync;
use crate::{AppError, AppState};

const PER_PAGE: u32 = 50;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/cases/{id}/timeline", get(timeline))
}

/// Filters read from the query string; an invalid value is reported, not silently dropped.
struct Filter {
    q: String,
    kind: Option<IncidentKind>,
    actor: Option<String>,
    theme: Option<String>,
    verdict: Option<Verdict>,
    from: Option<Day>,
    to: Option<Day>,
    page: u64,
}

fn parse_filter(f: &Fields) -> Result<Filter, AppError> {
    let day = |name: &str| -> Result<Option<Day>, AppError> {
        f.get(name)
            .map(|s| Day::parse(s).map_err(|e| AppError::invalid(name, e.to_string())))
            .transpose()
    };
    Ok(Filter {
        q: f.get("q").unwrap_or("").to_owned(),
        kind: f
            .get("kind")
            .map(|k| {
                IncidentKind::from_name(k).map_err(|e| AppError::invalid("kind", e.to_string()))
            })
            .transpose()?,
        actor: f.get("actor").map(str::to_owned),
        theme: f.get("theme").map(str::to_owned),
        verdict: f
            .get("verdict")
            .map(|v| Verdict::from_name(v).map_err(|e| AppError::invalid("verdict", e.to_string())))
            .transpose()?,
        from: day("from")?,
        to: day("to")?,
        page: f
            .get("page")
            .map(|p| {
                p.parse::<u64>()
                    .map_err(|_| AppError::invalid("page", "must be a page number"))
            })
            .transpose()?
            .unwrap_or(1)
            .max(1),
    })
}

async fn timeline(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let fields = Fields::from_query(raw.as_deref());
    let (filter, error) = match parse_filter(&fields) {
        Ok(f) => (f, None),
        Err(e) => (parse_filter(&Fields::default())?, Some(e.to_string())),
    };
    let offset = (filter.page - 1) * u64::from(PER_PAGE);
    let page = if filter.q.is_empty() || state.search.is_none() {
        let tf = TimelineFilter {
            kinds: filter.kind.into_iter().collect(),
            actor: filter.actor.clone(),
            theme: filter.theme.clone(),
            from: filter.from,
            to: filter.to,
            verdict: filter.verdict,
        };
        state.store.timeline(&id, &tf, PER_PAGE, offset).await?
    } else {
        search(&state, &id, &filter, offset).await?
    };
    let refs = state.store.case_refs(&id).await?;

    // Group the page by month of the earliest day (the page is already newest first).
    let mut months: Vec<(String, Vec<Value>)> = Vec::new();
    for i in &page.items {
        let d = i.date.earliest();
        let label = format!("{} {}", d.month_name(), d.year());
        let item = context! { id => &i.id, title => &i.title, date => i.date.to_human(), kind => i.kind.as_str(), place => &i.place };
        match months.last_mut() {
            Some((l, items)) if *l == label => items.push(item),
            _ => months.push((label, vec![item])),
        }
    }
    let months: Vec<Value> = months
        .into_iter()
        .map(|(label, items)| context! { label, items })
        .collect();
    let pages = page.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let shown = page.items.len() as u64;
    let ctx = context! {
        title => "Timeline",
        f => context! {
            q => &filter.q,
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
        first => offset + 1,
        last => offset + shown,
        months,
        page => filter.page,
        pages,
        prev => (filter.page > 1).then(|| fields.with("page", &(filter.page - 1).to_string())),
        next => (filter.page < pages).then(|| fields.with("page", &(filter.page + 1).to_string())),
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

async fn search(
    state: &AppState,
    case_id: &str,
    filter: &Filter,
    offset: u64,
) -> Result<Page<accord_core::Incident>, AppError> {
    let Some(index) = &state.search else {
        return Err(AppError::Internal("no search index".into()));
    };
    let day = |d: Day| i32::try_from(d.days_since_epoch()).unwrap_or(i32::MAX);
    let themes = match (&filter.theme, filter.verdict) {
        (Some(t), Some(v)) => vec![search_sync::theme_verdict_tag(t, v)],
        (Some(t), None) => vec![t.clone()],
        (None, Some(v)) => vec![search_sync::verdict_tag(v)],
        (None, None) => Vec::new(),
    };
    let query = SearchQuery {
        text: filter.q.clone(),
        case_ids: vec![case_id.to_owned()],
        kinds: filter.kind.iter().map(|k| k.as_str().to_owned()).collect(),
        actors: filter.actor.iter().cloned().collect(),
        themes,
        date_from: filter.from.map(day),
        date_to: filter.to.map(day),
        limit: usize::try_from(PER_PAGE).unwrap_or(50),
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
    };
    let index = index.clone();
    let results = tokio::task::spawn_blocking(move || index.search(&query))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::invalid("q", e.to_string()))?;
    let ids: Vec<String> = results
        .hits
        .iter()
        .filter(|h| h.case_id == case_id)
        .map(|h| search_sync::incident_id(&h.id).to_owned())
        .collect();
    let items = state.store.incidents(case_id, &ids).await?;
    Ok(Page {
        total: u64::try_from(results.total).unwrap_or(0),
        items,
    })
}
