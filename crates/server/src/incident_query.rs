//! The incident query behind the HTML timeline and the API's incident list: the same filters,
//! parsed the same way, answered by the store (filters only) or the search index (with text).
//!
//! One implementation, so that a filter means the same thing on a page and in the API.

use std::sync::Arc;

use accord_core::{Day, Incident, IncidentKind, Named, Verdict};
use accord_search::{SearchError, SearchQuery};
use accord_store::{CaseHead, Page, TimelineFilter};

use crate::case_cache::{Fill, PageKey};
use crate::forms::Fields;
use crate::visibility::Visibility;
use crate::{AppError, AppState, search_sync};

/// The furthest a page may start: the store's OFFSET is a signed 64-bit integer.
const MAX_OFFSET: u64 = i64::MAX.unsigned_abs();

/// Where page `page` (from 1) of `per_page` incidents starts. Page numbers come from the query
/// string, so the arithmetic is checked: a page that would start beyond any possible result
/// (past [`MAX_OFFSET`], or overflowing) is an error naming `page`, never a wrapped number or
/// a panic. A page merely past the last incident is fine: it is empty.
pub(crate) fn page_offset(page: u64, per_page: u32) -> Result<u64, AppError> {
    page.checked_sub(1)
        .and_then(|p| p.checked_mul(u64::from(per_page)))
        .filter(|offset| *offset <= MAX_OFFSET)
        .ok_or_else(|| page_out_of_range(per_page))
}

/// The error for a page number that cannot exist with pages of `per_page`.
fn page_out_of_range(per_page: u32) -> AppError {
    let last = MAX_OFFSET / u64::from(per_page.max(1)) + 1;
    AppError::invalid("page", format!("must be a page number from 1 to {last}"))
}

/// Timeline filters, checked: an invalid value is an error naming its parameter.
#[derive(Debug, Clone, Default)]
pub(crate) struct IncidentFilter {
    pub q: Option<String>,
    pub kind: Option<IncidentKind>,
    pub actor: Option<String>,
    pub theme: Option<String>,
    pub verdict: Option<Verdict>,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl IncidentFilter {
    /// Read `q`, `kind`, `actor`, `theme`, `verdict`, `from`, `to` (other fields are ignored).
    pub(crate) fn parse(f: &Fields) -> Result<IncidentFilter, AppError> {
        let day = |name: &str| -> Result<Option<Day>, AppError> {
            f.get(name)
                .map(|s| Day::parse(s).map_err(|e| AppError::invalid(name, e.to_string())))
                .transpose()
        };
        Ok(IncidentFilter {
            q: f.get("q").map(str::to_owned),
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
                .map(|v| {
                    Verdict::from_name(v).map_err(|e| AppError::invalid("verdict", e.to_string()))
                })
                .transpose()?,
            from: day("from")?,
            to: day("to")?,
        })
    }

    /// One page of matching incidents, newest first (or by relevance with text), and the total.
    /// Pages without text are cached for the case's version.
    /// A page of the incidents `vis`'s reader may see: the timeline selects and counts them in
    /// SQL (cached under a key that includes the audience); every incident is then shown as the
    /// reader sees it (without hidden actors, sources or files).
    pub(crate) async fn page(
        &self,
        state: &AppState,
        head: &CaseHead,
        vis: &Visibility,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, AppError> {
        let page = self.cached_page(state, head, vis, limit, offset).await?;
        Ok(Page {
            total: page.total,
            items: vis.incidents(&page.items).collect(),
        })
    }

    async fn cached_page(
        &self,
        state: &AppState,
        head: &CaseHead,
        vis: &Visibility,
        limit: u32,
        offset: u64,
    ) -> Result<Arc<Page<Incident>>, AppError> {
        let audience = vis.audience();
        // Callers compute the offset from a page number of the query string; whatever they
        // did, an offset beyond any result is refused here, where both the timeline and the
        // API pass.
        if offset > MAX_OFFSET {
            return Err(page_out_of_range(limit));
        }
        let case_id = head.id.as_str();
        match &self.q {
            None => {
                let tf = TimelineFilter {
                    kinds: self.kind.into_iter().collect(),
                    actor: self.actor.clone(),
                    theme: self.theme.clone(),
                    from: self.from,
                    to: self.to,
                    verdict: self.verdict,
                    audience: audience.clone(),
                };
                let key = PageKey {
                    filter: (&tf).into(),
                    limit,
                    offset,
                };
                let cached = || state.cache.page(case_id, head.version, &key);
                let load = async {
                    let page = Arc::new(state.store.timeline(case_id, &tf, limit, offset).await?);
                    state
                        .cache
                        .put_page(case_id, head.version, key.clone(), page.clone());
                    Ok(page)
                };
                state.cache.fill(case_id, Fill::Page, cached, load).await
            }
            Some(text) => Ok(Arc::new(
                self.search(state, case_id, vis, text, limit, offset)
                    .await?,
            )),
        }
    }

    async fn search(
        &self,
        state: &AppState,
        case_id: &str,
        vis: &Visibility,
        text: &str,
        limit: u32,
        offset: u64,
    ) -> Result<Page<Incident>, AppError> {
        let Some(index) = &state.search else {
            return Err(AppError::BadRequest(
                "full-text search is not available on this server".into(),
            ));
        };
        let day = |d: Day| i32::try_from(d.days_since_epoch()).unwrap_or(i32::MAX);
        // Theme filters combine with OR inside the index; "this theme with this verdict" has
        // its own tag, so the combination stays exact.
        let themes = match (&self.theme, self.verdict) {
            (Some(t), Some(v)) => vec![search_sync::theme_verdict_tag(t, v)],
            (Some(t), None) => vec![t.clone()],
            (None, Some(v)) => vec![search_sync::verdict_tag(v)],
            (None, None) => Vec::new(),
        };
        let query = SearchQuery {
            text: text.to_owned(),
            case_ids: vec![case_id.to_owned()],
            kinds: self.kind.iter().map(|k| k.as_str().to_owned()).collect(),
            actors: self.actor.iter().cloned().collect(),
            themes,
            date_from: self.from.map(day),
            date_to: self.to.map(day),
            // What this reader may not see is neither found nor counted.
            exclude_ids: vis
                .hidden_incidents()
                .map(|i| search_sync::doc_id(case_id, i))
                .collect(),
            limit: usize::try_from(limit).unwrap_or(50),
            offset: usize::try_from(offset).unwrap_or(usize::MAX),
        };
        // This server's writes reach the index in batches (`search_sync::follow`): wait for
        // those made before this search, so a reader finds what they just wrote.
        if let Some(backlog) = state.actions.index_backlog()
            && !backlog.wait(search_sync::READER_WAITS_AT_MOST).await
        {
            tracing::warn!("search runs without this server's latest writes: the index is behind");
        }
        let index = index.clone();
        let results = tokio::task::spawn_blocking(move || index.search(&query))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| match e {
                // Paging deeper than the index goes is the page number's fault, not the text's.
                SearchError::PageTooDeep { max, .. } => AppError::invalid(
                    "page",
                    format!("search results go only {max} deep: choose an earlier page"),
                ),
                e => AppError::invalid("q", e.to_string()),
            })?;
        let ids: Vec<String> = results
            .hits
            .iter()
            .filter(|h| h.case_id == case_id)
            .map(|h| search_sync::incident_id(&h.id).to_owned())
            .collect();
        Ok(Page {
            total: u64::try_from(results.total).unwrap_or(u64::MAX),
            // The index excluded them already; checked again, as everything shown is.
            items: vis
                .incidents(&state.store.incidents(case_id, &ids).await?)
                .collect(),
        })
    }
}
