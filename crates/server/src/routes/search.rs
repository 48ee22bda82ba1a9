//! Search over every kind of record of a case (issue 16 §2): incidents, actors, sources,
//! instruments, provisions and mechanisms, each found by any of its languages (the index analyses Khmer and
//! Latin text the same way for all of them), shown with its title in the reader's language where
//! it has one, else the original marked as such, and linked to its page. One implementation for
//! the page (`/cases/{id}/search`) and the API (`/api/v1/cases/{id}/search`).
//!
//! What a reader may not see is neither found nor counted: the index's case scope, and the ids
//! of the incidents, actors and sources hidden from them excluded in the query itself
//! ([`Visibility`]); every record shown is checked again as it is read.

use accord_core::{Citation, TextKind, Translations};
use accord_search::{SearchError, SearchKind, SearchQuery, record_doc_id};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::incident_query::IncidentFilter;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState, search_sync};

/// Hits per page of one kind.
pub(crate) const PER_PAGE: u32 = 50;
/// Hits of each part on a page of every kind (the page links to the rest).
const FIRST: u32 = 10;

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/search", get(page))
}

/// What a search asks for: the text, the kind of record (`None`: every kind), the page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ask {
    pub q: String,
    pub kind: Option<Kind>,
    pub page: u64,
}

/// A kind of record the search finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Incident,
    Record(SearchKind),
}

impl Kind {
    /// Every kind, in the order the page lists them.
    pub(crate) const NAMES: [&'static str; 6] = [
        "incident",
        "actor",
        "source",
        "instrument",
        "provision",
        "mechanism",
    ];

    fn parse(name: &str) -> Result<Kind, AppError> {
        match name {
            "incident" => Ok(Kind::Incident),
            other => SearchKind::from_name(other)
                .map(Kind::Record)
                .ok_or_else(|| {
                    AppError::invalid("kind", format!("must be one of {}", Kind::NAMES.join(", ")))
                }),
        }
    }
}

impl Ask {
    /// Read `q`, `kind` and `page` of a query string; a bad kind or page is an error naming it.
    pub(crate) fn parse(f: &Fields) -> Result<Ask, AppError> {
        let kind = f
            .get("kind")
            .filter(|k| !k.is_empty())
            .map(Kind::parse)
            .transpose()?;
        let page = f
            .get("page")
            .map(|p| {
                p.parse::<u64>()
                    .ok()
                    .filter(|p| *p >= 1)
                    .ok_or_else(|| AppError::invalid("page", "must be a page number from 1"))
            })
            .transpose()?
            .unwrap_or(1);
        Ok(Ask {
            q: f.get("q").unwrap_or("").trim().to_owned(),
            kind,
            page,
        })
    }
}

/// One record found, as a reader sees it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// `incident`, `actor`, `source`, `instrument`, `provision` or `mechanism`.
    pub kind: &'static str,
    pub id: String,
    /// The record's page.
    pub href: String,
    /// Its title (name, heading) in the reader's language where it has one, else the original.
    pub title: String,
    /// The language of `title`.
    pub lang: String,
    /// Whether `title` is the original (the reader's language has no translation of it).
    pub original: bool,
    /// Whether `title` is a translation made from an earlier original.
    pub out_of_date: bool,
}

/// The hits of one part of the search (incidents, or the other records), and how many match.
#[derive(Debug, Clone, Default)]
pub(crate) struct Part {
    pub total: u64,
    pub hits: Vec<Found>,
}

/// What a search found: incidents and other records, each when asked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Results {
    pub incidents: Option<Part>,
    pub records: Option<Part>,
}

/// Run a search for the reader of `access` (see the module doc). An empty text finds nothing.
pub(crate) async fn run(
    state: &AppState,
    access: &CaseAccess,
    reader: accord_core::Lang,
    ask: &Ask,
) -> Result<Results, AppError> {
    if ask.q.is_empty() {
        return Ok(Results::default());
    }
    if state.search.is_none() {
        return Err(AppError::BadRequest(
            "full-text search is not available on this server".into(),
        ));
    }
    let vis = Visibility::load(state, access).await?;
    let (limit, offset) = match ask.kind {
        None => (FIRST, 0),
        Some(_) => (
            PER_PAGE,
            crate::incident_query::page_offset(ask.page, PER_PAGE)?,
        ),
    };
    let mut results = Results::default();
    if matches!(ask.kind, None | Some(Kind::Incident)) {
        let filter = IncidentFilter {
            q: Some(ask.q.clone()),
            ..IncidentFilter::default()
        };
        let page = filter
            .page(state, &access.case, &vis, limit, offset)
            .await?;
        let titles =
            super::translations::incident_titles(state, &access.case, &page.items, reader).await?;
        let hits = page
            .items
            .iter()
            .map(|i| {
                let shown = titles.get(&i.id);
                let text = |k: &str| {
                    shown
                        .and_then(|v| v.get_attr(k).ok())
                        .filter(|v| !v.is_undefined() && !v.is_none())
                };
                Found {
                    kind: "incident",
                    id: i.id.clone(),
                    href: format!("/cases/{}/incidents/{}", access.case.id, i.id),
                    title: text("text").map_or_else(|| i.title.clone(), |v| v.to_string()),
                    lang: text("lang").map_or_else(String::new, |v| v.to_string()),
                    original: text("original").is_none_or(|v| v.is_true()),
                    out_of_date: text("out_of_date").is_some_and(|v| v.is_true()),
                }
            })
            .collect();
        results.incidents = Some(Part {
            total: page.total,
            hits,
        });
    }
    if matches!(ask.kind, None | Some(Kind::Record(_))) {
        let kinds = match ask.kind {
            Some(Kind::Record(k)) => vec![k.as_str().to_owned()],
            _ => Vec::new(),
        };
        results.records =
            Some(records(state, access, &vis, reader, ask, kinds, limit, offset).await?);
    }
    Ok(results)
}

/// The records other than incidents that match, as the reader sees them.
#[expect(clippy::too_many_arguments, reason = "one search's parts, passed once")]
async fn records(
    state: &AppState,
    access: &CaseAccess,
    vis: &Visibility,
    reader: accord_core::Lang,
    ask: &Ask,
    kinds: Vec<String>,
    limit: u32,
    offset: u64,
) -> Result<Part, AppError> {
    let Some(index) = &state.search else {
        return Ok(Part::default());
    };
    let case = access.case.id.clone();
    let mut exclude: Vec<String> = vis
        .hidden_actors()
        .map(|a| record_doc_id(&case, SearchKind::Actor, a))
        .collect();
    exclude.extend(
        vis.hidden_sources()
            .map(|s| record_doc_id(&case, SearchKind::Source, s)),
    );
    let query = SearchQuery {
        text: ask.q.clone(),
        case_ids: vec![case.clone()],
        kinds,
        exclude_ids: exclude,
        limit: usize::try_from(limit).unwrap_or(50),
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        ..SearchQuery::default()
    };
    // This server's writes reach the index through its indexing task: wait for those made
    // before this search, as incident searches do.
    if let Some(backlog) = state.actions.index_backlog()
        && !backlog.wait(search_sync::READER_WAITS_AT_MOST).await
    {
        tracing::warn!("search runs without this server's latest writes: the index is behind");
    }
    let index = index.clone();
    let found = tokio::task::spawn_blocking(move || index.search_records(&query))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| match e {
            SearchError::PageTooDeep { max, .. } => AppError::invalid(
                "page",
                format!("search results go only {max} deep: choose an earlier page"),
            ),
            e => AppError::invalid("q", e.to_string()),
        })?;
    // The records hit, read as they are now (actors and sources by id), with their languages.
    let hit_ids = |kind: SearchKind| -> Vec<String> {
        found
            .hits
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id.clone())
            .collect()
    };
    let (actors, sources) = (hit_ids(SearchKind::Actor), hit_ids(SearchKind::Source));
    let stored = state
        .store
        .search_records(
            &case,
            accord_store::RecordIds {
                actors: &actors,
                sources: &sources,
            },
        )
        .await?
        .unwrap_or_default();
    let snap = crate::case_cache::snapshot(state, &access.case).await?;
    let mut languages = Vec::new();
    for (kind, search_kind) in [
        (TextKind::Actor, SearchKind::Actor),
        (TextKind::Source, SearchKind::Source),
        (TextKind::Instrument, SearchKind::Instrument),
        (TextKind::Provision, SearchKind::Provision),
        (TextKind::Mechanism, SearchKind::Mechanism),
    ] {
        let ids: Vec<String> = found
            .hits
            .iter()
            .filter(|h| h.kind == search_kind)
            .map(|h| h.id.clone())
            .collect();
        if !ids.is_empty() {
            languages
                .push(crate::case_cache::record_languages(state, &access.case, kind, ids).await?);
        }
    }
    let tr = Translations::new(
        snap.case.language.as_deref(),
        languages.iter().flat_map(|l| l.iter()),
    );
    let mut hits = Vec::with_capacity(found.hits.len());
    for hit in &found.hits {
        // Checked again, as everything shown is; a record gone since it was indexed is left out.
        let seen = match hit.kind {
            SearchKind::Actor => stored
                .actors
                .iter()
                .find(|a| a.id == hit.id && vis.sees_actor(&a.id))
                .map(|a| {
                    (
                        TextKind::Actor,
                        "name",
                        a.name.as_str(),
                        format!("/cases/{case}/actors/{}", a.id),
                    )
                }),
            SearchKind::Source => stored
                .sources
                .iter()
                .find(|s| s.id == hit.id && vis.sees_source(&s.id))
                .map(|s| {
                    (
                        TextKind::Source,
                        "title",
                        s.title.as_str(),
                        format!("/cases/{case}/sources/{}", s.id),
                    )
                }),
            SearchKind::Instrument => stored.instruments.iter().find(|i| i.id == hit.id).map(|i| {
                (
                    TextKind::Instrument,
                    "title",
                    i.title.as_str(),
                    format!("/cases/{case}/instruments/{}", i.id),
                )
            }),
            SearchKind::Provision => Citation::parse(&hit.id).ok().and_then(|cite| {
                stored
                    .instruments
                    .iter()
                    .flat_map(|i| i.provisions.iter())
                    .find(|p| p.citation == cite)
                    .map(|p| {
                        (
                            TextKind::Provision,
                            "heading",
                            p.heading.as_deref().unwrap_or(""),
                            super::provisions::path(&case, &cite),
                        )
                    })
            }),
            SearchKind::Mechanism => stored.mechanisms.iter().find(|m| m.id == hit.id).map(|m| {
                (
                    TextKind::Mechanism,
                    "name",
                    m.name.as_str(),
                    format!("/cases/{case}/mechanisms/{}", m.id),
                )
            }),
        };
        let Some((kind, field, original, href)) = seen else {
            continue;
        };
        let shown = tr.localize(kind, &hit.id, field, original, reader.tag());
        let title = match hit.kind {
            // A provision is named by its citation, then its heading.
            SearchKind::Provision if shown.text.is_empty() => hit.id.clone(),
            SearchKind::Provision => format!("{} — {}", hit.id, shown.text),
            _ => shown.text.to_owned(),
        };
        hits.push(Found {
            kind: hit.kind.as_str(),
            id: hit.id.clone(),
            href,
            title,
            lang: shown.lang.to_owned(),
            original: shown.original,
            out_of_date: shown.out_of_date,
        });
    }
    Ok(Part {
        total: u64::try_from(found.total).unwrap_or(u64::MAX),
        hits,
    })
}

fn part_ctx(part: Option<&Part>) -> Value {
    part.map_or(Value::from(()), |p| {
        context! {
            total => p.total,
            hits => p.hits.iter().map(|h| context! {
                kind => h.kind, id => &h.id, href => &h.href, title => &h.title,
                lang => &h.lang, original => h.original, out_of_date => h.out_of_date,
            }).collect::<Vec<_>>(),
        }
    })
}

/// The search page: the form, and what it found.
async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let fields = Fields::from_query(raw.as_deref());
    // A bad kind, page or text is explained on the page, next to the form.
    let (ask, error) = match Ask::parse(&fields) {
        Ok(ask) => (ask, None),
        Err(e) => (Ask::default(), Some(e.to_string())),
    };
    let (results, error) = match run(&state, &access, viewer.lang, &ask).await {
        Ok(r) => (r, error),
        Err(e @ (AppError::Validation { .. } | AppError::BadRequest(_))) => {
            (Results::default(), Some(e.to_string()))
        }
        Err(e) => return Err(e),
    };
    let total = results
        .incidents
        .as_ref()
        .map_or(0, |p| p.total)
        .saturating_add(results.records.as_ref().map_or(0, |p| p.total));
    let shown = results.incidents.as_ref().map_or(0, |p| p.hits.len())
        + results.records.as_ref().map_or(0, |p| p.hits.len());
    let pages = total.div_ceil(u64::from(PER_PAGE)).max(1);
    let ctx = context! {
        title => state.text(viewer.lang, "search-title"),
        f => context! {
            q => &ask.q,
            kind => match ask.kind {
                None => "",
                Some(Kind::Incident) => "incident",
                Some(Kind::Record(k)) => k.as_str(),
            },
        },
        kinds => Kind::NAMES,
        asked => !ask.q.is_empty(),
        incidents => part_ctx(results.incidents.as_ref()),
        records => part_ctx(results.records.as_ref()),
        // On a page of every kind, each part links to all of its hits.
        more_incidents => fields.with("kind", "incident"),
        more_records => Kind::NAMES[1..].iter().map(|k| (*k, fields.with("kind", k))).collect::<Vec<_>>(),
        nothing => (ask.kind.is_none() && total == 0) || (ask.kind.is_some() && shown == 0),
        page => ask.page,
        pages,
        prev => (ask.kind.is_some() && ask.page > 1).then(|| fields.with("page", &(ask.page - 1).to_string())),
        next => (ask.kind.is_some() && ask.page < pages).then(|| fields.with("page", &ask.page.saturating_add(1).to_string())),
        error,
    };
    let mut r = state
        .page(&viewer, "search.html", with_case(&access, ctx))?
        .into_response();
    if r.status().is_success() && !ask.q.is_empty() {
        // Search result pages are personal; keep them out of shared caches.
        r.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_and_page_are_read_or_refused_by_name() {
        let ask = |q: &str| Ask::parse(&Fields::from_query(Some(q)));
        let a = ask("q=ministere&kind=actor&page=2").unwrap_or_default();
        assert_eq!(a.q, "ministere");
        assert_eq!(a.kind, Some(Kind::Record(SearchKind::Actor)));
        assert_eq!(a.page, 2);
        assert_eq!(
            ask("q=x&kind=incident").unwrap_or_default().kind,
            Some(Kind::Incident)
        );
        assert_eq!(ask("q=x&kind=").unwrap_or_default().kind, None);
        for bad in ["kind=letter", "page=0", "page=x"] {
            match ask(bad) {
                Err(AppError::Validation { field, .. }) => {
                    assert!(bad.starts_with(field.as_str()), "{bad}: {field}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
